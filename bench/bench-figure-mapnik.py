#!/usr/bin/python3
"""bench-figure-mapnik.py — Mapnik renders the polygons and names bench-figure wrote
(DIR/zones.csv) with fill, outline and labels at the same sizes: an A3 PNG at 300 dpi
(4961 × 3508) and an A3 PDF (1191 × 842 pt), labels dropped where they collide.

    /usr/bin/python3 bench/bench-figure-mapnik.py DIR [RUNS]

Debian's python3-mapnik; the font is the one Park Atlas uses (Noto Sans CJK SC)."""
import os
import statistics
import sys
import time

import mapnik

FONT_DIRS = ["/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto"]
LABEL_PT = 10 * (297 / 210) ** 0.5  # the figure's name size on A3: 10 pt × √(page scale)
MERCATOR = "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs"


def make_map(csv, width, height):
    for d in FONT_DIRS:
        if os.path.isdir(d):
            mapnik.register_fonts(d)
    m = mapnik.Map(width, height)
    mapnik.load_map_from_string(m, """<Map srs="%(merc)s" background-color="white">
  <Style name="zones"><Rule>
    <PolygonSymbolizer fill="rgb(33,107,184)" fill-opacity="0.38"/>
    <LineSymbolizer stroke="rgb(23,75,129)" stroke-width="1.6" stroke-linejoin="round"/>
  </Rule></Style>
  <Style name="labels"><Rule>
    <TextSymbolizer face-name="Noto Sans CJK SC Regular" size="%(size)f" fill="rgb(33,33,38)"
      halo-fill="rgba(255,255,255,0.85)" halo-radius="%(halo)f" placement="interior"
      allow-overlap="false">[name]</TextSymbolizer>
  </Rule></Style>
  <Layer name="zones" srs="+proj=longlat +datum=WGS84 +no_defs"><StyleName>zones</StyleName>
    <Datasource><Parameter name="type">csv</Parameter><Parameter name="file">%(csv)s</Parameter></Datasource></Layer>
  <Layer name="labels" srs="+proj=longlat +datum=WGS84 +no_defs"><StyleName>labels</StyleName>
    <Datasource><Parameter name="type">csv</Parameter><Parameter name="file">%(csv)s</Parameter></Datasource></Layer>
</Map>""" % {"merc": MERCATOR, "size": LABEL_PT, "halo": LABEL_PT / 8, "csv": os.path.abspath(csv)})
    m.zoom_all()
    return m


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "."
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    csv = os.path.join(d, "zones.csv")
    # PNG: A3 at 300 dpi; type and lines scaled from points to pixels as cairo does
    png = make_map(csv, 4961, 3508)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        im = mapnik.Image(png.width, png.height)
        mapnik.render(png, im, 300 / 72)
        im.save(os.path.join(d, "mapnik.png"), "png")
        times.append((time.perf_counter() - t0) * 1000)
    print("mapnik A3 png: median %.0f ms of %d runs" % (statistics.median(times), runs))
    pdf = make_map(csv, 1191, 842)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        mapnik.render_to_file(pdf, os.path.join(d, "mapnik.pdf"), "pdf")
        times.append((time.perf_counter() - t0) * 1000)
    print("mapnik A3 pdf: median %.0f ms of %d runs" % (statistics.median(times), runs))


main()
