#!/bin/sh
# Park Atlas against Mapnik on the same 10,000 labelled zones, side by side in one run:
# an A3 PNG at 300 dpi and an A3 PDF each. Usage: bench/bench-figure.sh [RUNS] (default 3).
# Needs ./build (meson compile -C build bench/bench-figure) and python3-mapnik.
set -eu
cd "$(dirname "$0")/.."
runs=${1:-3}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
meson compile -C build bench/bench-figure >/dev/null
./build/bench/bench-figure "$dir" "$runs"
/usr/bin/python3 bench/bench-figure-mapnik.py "$dir" "$runs"
# labels each placed, read back from the PDFs
echo "labels in the PDF: parkatlas $(pdftotext "$dir/parkatlas.pdf" - | grep -o '园区[0-9]\{5\}' | wc -l)," \
  "mapnik $(pdftotext "$dir/mapnik.pdf" - | grep -o '园区[0-9]\{5\}' | wc -l)"
ls -l "$dir"/*.pdf "$dir"/*.png | awk '{print $5, $9}' | sed "s|$dir/||"
