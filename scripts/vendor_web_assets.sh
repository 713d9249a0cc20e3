#!/usr/bin/env bash
# Re-create sitrep/web/static/vendor from the npm registry (development time only: the files are
# committed and shipped in the package, so serving never needs a network). Versions are pinned;
# each package's licence is copied beside its files.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=sitrep/web/static/vendor
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent leaflet@1.9.4 topojson-client@3.1.0 world-atlas@2.0.2 >/dev/null)
for pkg in leaflet-1.9.4 topojson-client-3.1.0 world-atlas-2.0.2; do
    mkdir -p "$work/$pkg" && tar xzf "$work/$pkg.tgz" -C "$work/$pkg"
done
rm -rf "$dest" && mkdir -p "$dest/leaflet/images" "$dest/topojson-client" "$dest/world-atlas"
p="$work/leaflet-1.9.4/package"
cp "$p/dist/leaflet.js" "$p/dist/leaflet.css" "$p/LICENSE" "$dest/leaflet/"
cp "$p"/dist/images/*.png "$dest/leaflet/images/"
p="$work/topojson-client-3.1.0/package"
cp "$p/dist/topojson-client.min.js" "$p/LICENSE" "$dest/topojson-client/"
p="$work/world-atlas-2.0.2/package"
cp "$p/countries-50m.json" "$p/LICENSE" "$dest/world-atlas/"
# source maps are not shipped: drop the comments that point at them
sed -i '/sourceMappingURL/d' "$dest/leaflet/leaflet.js"
echo "vendored into $dest"
