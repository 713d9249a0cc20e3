// The events map: a Natural Earth basemap (TopoJSON shipped with the package) and the matching
// events as clustered markers. Popups are built from text nodes: no event text is ever parsed as HTML.
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el) { return; }
  var status = document.getElementById("map-status");
  function say(text) { if (status) { status.textContent = text; } }

  var map = L.map(el, { worldCopyJump: true, minZoom: 2, maxZoom: 12 }).setView([30, 30], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth");

  function popupFor(p) {
    var box = document.createElement("div");
    var title = document.createElement("a");
    title.className = "popup-title";
    title.href = "/events/" + encodeURIComponent(p.id);
    title.textContent = [p.type, p.date || "undated", p.location || ""].join(" · ");
    box.appendChild(title);
    var lines = [];
    if (p.admin1) { lines.push(p.admin1); }
    if (p.killed_max !== null && p.killed_max !== undefined) {
      lines.push("killed: " + (p.killed_min === p.killed_max ? p.killed_max : p.killed_min + "–" + p.killed_max));
    }
    lines.push(p.n_outlets + (p.n_outlets === 1 ? " outlet" : " outlets"));
    if (p.n_contradictions) { lines.push(p.n_contradictions + " disagreement(s)"); }
    lines.forEach(function (line) {
      var div = document.createElement("div");
      div.textContent = line;
      box.appendChild(div);
    });
    return box;
  }

  function fetchJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) { throw new Error(url + ": HTTP " + r.status); }
      return r.json();
    });
  }

  fetchJSON(el.dataset.basemap).then(function (world) {
    var countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, {
      style: function () { return { className: "country", color: "#6b7785", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 }; },
      interactive: false
    }).addTo(map).bringToBack();
  }).catch(function (err) { say("The basemap could not be loaded: " + err.message); });

  fetchJSON(el.dataset.points).then(function (data) {
    var markers = [];
    var corners = [];
    function done() {
      el.dataset.markers = String(markers.length);
      say(markers.length + " located event" + (markers.length === 1 ? "" : "s") + " on the map.");
      el.dataset.ready = "true";
    }
    // markers are added in chunks (the page stays responsive with many events): ready when all are in
    var cluster = L.markerClusterGroup({
      showCoverageOnHover: false, chunkedLoading: true,
      chunkProgress: function (processed, total) { if (processed === total) { done(); } }
    });
    data.features.forEach(function (f) {
      var p = f.properties;
      var c = f.geometry.coordinates;
      var icon = L.divIcon({ className: "event-marker" + (p.n_contradictions ? " disputed" : ""), iconSize: [14, 14] });
      var marker = L.marker([c[1], c[0]], { icon: icon, keyboard: true, title: [p.type, p.date || "undated", p.location || ""].join(" ") });
      marker.bindPopup(popupFor(p));
      markers.push(marker);
      corners.push([c[1], c[0]]);
    });
    map.addLayer(cluster);
    if (markers.length) {
      map.fitBounds(L.latLngBounds(corners), { maxZoom: 8, padding: [20, 20] });
      cluster.addLayers(markers);
    } else {
      done();
    }
  }).catch(function (err) { say("The events could not be loaded: " + err.message); el.dataset.ready = "error"; });

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
