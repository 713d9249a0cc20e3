// The events map: a Natural Earth basemap (TopoJSON shipped with the package) and the matching
// events drawn on one canvas, grouped by a light grid clustering of our own.
//
// Why not one DOM marker per event: with 10,000 events, building, clustering and laying out that
// many elements took seconds. The server sends one short array per event ([id, lat, lon,
// disputed], /api/points); this script projects them once, groups them per zoom level on a pixel
// grid and paints circles and counts on a canvas. Details are fetched only when a reader clicks
// (/api/map with a small bbox), and popups are built from text nodes: no event text is ever
// parsed as HTML.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el) { return; }
  var status = document.getElementById("map-status");
  function say(text) { if (status) { status.textContent = text; } }

  var CELL = 44;            // grid cell in screen pixels: events closer than this are grouped
  var DOT = 6;              // radius of one event's dot
  var RED = "#b3261e", PURPLE = "#6a1b9a", WHITE = "#ffffff", INK = "#3b0a07";

  var map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([30, 30], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth");
  map.createPane("basemap").style.zIndex = 200;
  map.createPane("events").style.zIndex = 450;
  // while the map pans or zooms (a popup's auto-pan included) #map carries data-moving: what sits on
  // the map is still sliding, so scripts driving the page wait for it to go before they click
  map.on("movestart zoomstart", function () { el.dataset.moving = "true"; });
  map.on("moveend", function () { delete el.dataset.moving; });

  function fetchJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error(url + ": HTTP " + r.status); }
      return r.json();
    });
  }

  // -- the points ---------------------------------------------------------------------------

  // Columns rather than objects: ids, zoom-0 pixel coordinates, disputed flags, lat/lon.
  function Points(rows) {
    var n = rows.length;
    this.n = n;
    this.ids = new Array(n);
    this.x = new Float64Array(n);
    this.y = new Float64Array(n);
    this.lat = new Float64Array(n);
    this.lon = new Float64Array(n);
    this.disputed = new Uint8Array(n);
    for (var i = 0; i < n; i++) {
      var r = rows[i];
      var p = map.project([r[1], r[2]], 0);
      this.ids[i] = r[0];
      this.lat[i] = r[1];
      this.lon[i] = r[2];
      this.x[i] = p.x;
      this.y[i] = p.y;
      this.disputed[i] = r[3] ? 1 : 0;
    }
  }

  // Groups at one zoom level: points binned on a grid of CELL pixels, then each group absorbs
  // the neighbouring cells' groups whose centres are closer than CELL (so that two events on
  // either side of a cell border are not drawn as two overlapping symbols).
  function group(pts, zoom) {
    var scale = Math.pow(2, zoom), cells = new Map(), order = [];
    for (var i = 0; i < pts.n; i++) {
      var px = pts.x[i] * scale, py = pts.y[i] * scale;
      var gx = Math.floor(px / CELL), gy = Math.floor(py / CELL);
      var key = gx * 1048576 + gy;
      var g = cells.get(key);
      if (!g) {
        g = { gx: gx, gy: gy, n: 0, sx: 0, sy: 0, disputed: 0, members: [], gone: false };
        cells.set(key, g);
        order.push(g);
      }
      g.n += 1; g.sx += px; g.sy += py; g.disputed += pts.disputed[i];
      g.members.push(i);
    }
    for (var k = 0; k < order.length; k++) {
      var a = order[k];
      if (a.gone) { continue; }
      for (var dx = -1; dx <= 1; dx++) {
        for (var dy = -1; dy <= 1; dy++) {
          if (!dx && !dy) { continue; }
          var b = cells.get((a.gx + dx) * 1048576 + (a.gy + dy));
          if (!b || b.gone || b === a) { continue; }
          var ddx = a.sx / a.n - b.sx / b.n, ddy = a.sy / a.n - b.sy / b.n;
          if (ddx * ddx + ddy * ddy < CELL * CELL) {
            a.n += b.n; a.sx += b.sx; a.sy += b.sy; a.disputed += b.disputed;
            a.members = a.members.concat(b.members);
            b.gone = true;
          }
        }
      }
    }
    return order.filter(function (g) { return !g.gone; }).map(function (g) {
      return { x: g.sx / g.n, y: g.sy / g.n, n: g.n, disputed: g.disputed, members: g.members };
    });
  }

  function radius(n) { return n === 1 ? DOT : Math.min(26, 11 + 4 * Math.log10(n)); }

  // -- the layer: one canvas in its own pane, redrawn after each move -------------------------

  var EventsLayer = L.Layer.extend({
    initialize: function (pts) {
      this.pts = pts;
      this.byZoom = {};
      this.drawn = [];
    },
    onAdd: function (m) {
      this.canvas = L.DomUtil.create("canvas", "event-dots", m.getPane("events"));
      this.canvas.setAttribute("aria-hidden", "true");
      m.on("moveend resize viewreset", this.draw, this);
      m.on("zoomstart", this.hide, this);
      this.draw();
    },
    onRemove: function (m) {
      m.off("moveend resize viewreset", this.draw, this);
      m.off("zoomstart", this.hide, this);
      L.DomUtil.remove(this.canvas);
    },
    hide: function () { this.canvas.style.visibility = "hidden"; },
    groups: function (zoom) {
      if (!this.byZoom[zoom]) { this.byZoom[zoom] = group(this.pts, zoom); }
      return this.byZoom[zoom];
    },
    draw: function () {
      var m = this._map, size = m.getSize(), ratio = window.devicePixelRatio || 1;
      var canvas = this.canvas, zoom = m.getZoom();
      L.DomUtil.setPosition(canvas, m.containerPointToLayerPoint([0, 0]));
      canvas.width = Math.round(size.x * ratio);
      canvas.height = Math.round(size.y * ratio);
      canvas.style.width = size.x + "px";
      canvas.style.height = size.y + "px";
      var ctx = canvas.getContext("2d");
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      // world pixels at this zoom -> this canvas: subtract the top-left corner's world pixel
      var corner = m.containerPointToLayerPoint([0, 0]).add(m.getPixelOrigin());
      var scale = Math.pow(2, zoom) / Math.pow(2, Math.round(zoom));
      var drawn = [], total = 0;
      this.groups(Math.round(zoom)).forEach(function (g) {
        var x = g.x * scale - corner.x, y = g.y * scale - corner.y, r = radius(g.n);
        if (x < -r || y < -r || x > size.x + r || y > size.y + r) { return; }
        drawn.push({ x: x, y: y, r: r, n: g.n, disputed: g.disputed, group: g });
        total += g.n;
      });
      drawn.forEach(function (d) {
        ctx.beginPath();
        ctx.arc(d.x, d.y, d.r, 0, 2 * Math.PI);
        ctx.fillStyle = d.n === 1 && d.disputed ? PURPLE : RED;
        ctx.fill();
        ctx.lineWidth = 2;
        ctx.strokeStyle = WHITE;
        ctx.stroke();
        ctx.beginPath();
        ctx.arc(d.x, d.y, d.r + 1.5, 0, 2 * Math.PI);
        ctx.lineWidth = d.n > 1 && d.disputed ? 3 : 1;
        ctx.strokeStyle = d.n > 1 && d.disputed ? PURPLE : INK;
        ctx.stroke();
        if (d.n > 1) {
          ctx.fillStyle = WHITE;
          ctx.font = "600 12px system-ui, sans-serif";
          ctx.textAlign = "center";
          ctx.textBaseline = "middle";
          ctx.fillText(String(d.n), d.x, d.y + 0.5);
        }
      });
      canvas.style.visibility = "";
      this.drawn = drawn;
      // what was painted, for the tests and for anyone curious: symbols and the events they stand for
      el.sitrepDrawn = drawn.map(function (d) { return { x: d.x, y: d.y, r: d.r, n: d.n }; });
      el.dataset.drawn = String(total);
      el.dataset.symbols = String(drawn.length);
    },
    hit: function (point) {
      for (var i = this.drawn.length - 1; i >= 0; i--) {
        var d = this.drawn[i], dx = d.x - point.x, dy = d.y - point.y;
        if (dx * dx + dy * dy <= (d.r + 3) * (d.r + 3)) { return d; }
      }
      return null;
    }
  });

  // -- popups: details fetched on click, built from text nodes --------------------------------

  function line(parent, tag, text, className) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    node.textContent = text;
    parent.appendChild(node);
    return node;
  }

  function eventLink(parent, p) {
    var a = line(parent, "a", [p.type, p.date || "undated", p.location || ""].join(" · "), "popup-title");
    a.href = "/events/" + encodeURIComponent(p.id);
    return a;
  }

  function details(p) {
    var bits = [];
    if (p.admin1) { bits.push(p.admin1); }
    if (p.killed_max !== null && p.killed_max !== undefined) {
      bits.push("killed: " + (p.killed_min === p.killed_max ? p.killed_max : p.killed_min + "–" + p.killed_max));
    }
    bits.push(p.n_outlets + (p.n_outlets === 1 ? " outlet" : " outlets"));
    if (p.n_contradictions) { bits.push(p.n_contradictions + " disagreement(s)"); }
    return bits;
  }

  var filters = new URLSearchParams(el.dataset.filters || "");
  filters.delete("bbox");
  var MOST = 100;

  function boxOf(pts, members) {
    var w = 180, s = 90, e = -180, n = -90;
    members.forEach(function (i) {
      w = Math.min(w, pts.lon[i]); e = Math.max(e, pts.lon[i]);
      s = Math.min(s, pts.lat[i]); n = Math.max(n, pts.lat[i]);
    });
    var pad = 0.0002, clamp = function (v, lim) { return Math.max(-lim, Math.min(lim, v)); };
    return [clamp(w - pad, 180), clamp(s - pad, 90), clamp(e + pad, 180), clamp(n + pad, 90)]
      .map(function (v) { return v.toFixed(5); }).join(",");
  }

  function openPopup(pts, d) {
    var members = d.group.members, box = document.createElement("div");
    box.className = "event-popup";
    line(box, "p", members.length === 1 ? "Loading the event…" : "Loading " + members.length + " events…");
    var popup = L.popup({ maxWidth: 320, maxHeight: 260 })
      .setLatLng(map.containerPointToLatLng([d.x, d.y])).setContent(box).openOn(map);
    var bbox = boxOf(pts, members), wanted = new Set(members.map(function (i) { return pts.ids[i]; }));
    var query = new URLSearchParams(filters);
    query.set("bbox", bbox);
    query.set("limit", String(Math.min(MOST * 4, 100000)));
    fetchJSON("/api/map?" + query.toString()).then(function (data) {
      var found = data.features.map(function (f) { return f.properties; })
        .filter(function (p) { return wanted.has(p.id); });
      box.textContent = "";
      if (!found.length) {
        line(box, "p", "These events are no longer in the database: reload the page.");
      } else if (found.length === 1 && members.length === 1) {
        eventLink(box, found[0]);
        details(found[0]).forEach(function (t) { line(box, "div", t); });
      } else {
        line(box, "p", members.length + " events here", "popup-title");
        var list = document.createElement("ul");
        list.className = "popup-list";
        found.slice(0, MOST).forEach(function (p) {
          var item = document.createElement("li");
          eventLink(item, p);
          line(item, "span", details(p).join(" · "));
          list.appendChild(item);
        });
        box.appendChild(list);
        if (members.length > Math.min(found.length, MOST)) {
          var more = new URLSearchParams(filters);
          more.set("bbox", bbox);
          var all = line(box, "a", "List all " + members.length + " events here");
          all.href = "/?" + more.toString() + "#list-h";
        }
      }
      popup.update();
    }).catch(function (err) { box.textContent = "The details could not be loaded: " + err.message; });
  }

  // -- loading: the events first (what the reader came for), then the basemap ---------------

  var points = fetchJSON(el.dataset.points);
  var world = fetchJSON(el.dataset.basemap);

  var drawnEvents = points.then(function (data) {
    var pts = new Points(data.points);
    el.dataset.markers = String(pts.n);
    if (pts.n) {
      var s = 90, w = 180, n = -90, e = -180;
      for (var i = 0; i < pts.n; i++) {
        s = Math.min(s, pts.lat[i]); n = Math.max(n, pts.lat[i]);
        w = Math.min(w, pts.lon[i]); e = Math.max(e, pts.lon[i]);
      }
      map.fitBounds([[s, w], [n, e]], { maxZoom: 8, padding: [20, 20], animate: false });
    }
    var layer = new EventsLayer(pts).addTo(map);
    map.on("click", function (ev) {
      var d = layer.hit(ev.containerPoint);
      if (!d) { return; }
      var g = d.group, spread = false;
      for (var k = 1; k < g.members.length && !spread; k++) {
        var a = g.members[0], b = g.members[k];
        spread = pts.lat[a] !== pts.lat[b] || pts.lon[a] !== pts.lon[b];
      }
      if (spread && map.getZoom() < map.getMaxZoom()) {
        // zoom in on the group: far enough to fit it, one level at least
        var bounds = L.latLngBounds(g.members.map(function (j) { return [pts.lat[j], pts.lon[j]]; }));
        var fit = map.getBoundsZoom(bounds, false, L.point(80, 80));
        map.setView(bounds.getCenter(), Math.min(map.getMaxZoom(), Math.max(map.getZoom() + 1, fit)));
      } else {
        openPopup(pts, d);
      }
    });
    map.on("mousemove", function (ev) {
      el.style.cursor = layer.hit(ev.containerPoint) ? "pointer" : "";
    });
    var note = pts.n + " located event" + (pts.n === 1 ? "" : "s") + " on the map";
    say(note + (data.truncated ? " (the first " + pts.n + " only: narrow the filters to see the rest)." : ".")
        + " Numbers are groups of nearby events: click one to zoom in, click a dot for its details.");
    // milliseconds from the start of navigation to the events painted (read by scripts/bench_web.py)
    el.dataset.readyMs = String(Math.round(performance.now()));
    el.dataset.ready = "true";
  }).catch(function (err) { say("The events could not be loaded: " + err.message); el.dataset.ready = "error"; });

  // The basemap waits for the frame that shows the events: drawn in the same task it would hold
  // that frame back (its 50m outlines take longer to build than the events layer).
  function afterPaint() {
    return new Promise(function (resolve) { requestAnimationFrame(function () { setTimeout(resolve, 0); }); });
  }

  drawnEvents.then(afterPaint).then(function () { return world; }).then(function (topo) {
    var countries = topojson.feature(topo, topo.objects.countries);
    // on a canvas: as SVG, the 50m outlines' paths took a second to build and lay out
    L.geoJSON(countries, {
      pane: "basemap",
      renderer: L.canvas({ pane: "basemap" }),
      style: function () { return { color: "#6b7785", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 }; },
      interactive: false
    }).addTo(map);
    el.dataset.basemapCountries = String(countries.features.length);
    el.dataset.basemapMs = String(Math.round(performance.now()));
    el.dataset.basemapDrawn = "true";
  }).catch(function (err) { say("The basemap could not be loaded: " + err.message); });

  var useView = document.getElementById("use-map-view");
  if (useView) {
    useView.addEventListener("click", function () {
      var b = map.getBounds();
      var clamp = function (v, lo, hi) { return Math.max(lo, Math.min(hi, v)); };
      var box = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)]
        .map(function (v) { return v.toFixed(4); });
      document.getElementById("f-bbox").value = box.join(",");
      useView.form.submit();
    });
  }
}());
