#!/usr/bin/python3
"""Writes tests/data/foreign-geometry.txt: GeoPackage geometry blobs as other tools write
them, one per line: name, what the app should do (draw / refuse), blob in hex.

The first group is written by GDAL itself (its GPKG driver, through a real GeoPackage
file, then read back byte for byte), so the bytes are what QGIS and ogr2ogr leave in a
planner's file. The second group is built by hand for what GDAL does not write but the
GeoPackage standard or other writers allow: big-endian blobs, EWKB flags, NaN, infinity,
coordinates outside the globe. Needs python3-gdal; run from anywhere:
    /usr/bin/python3 tests/data/make-foreign-geometry.py
"""
import os
import sqlite3
import struct
import tempfile

from osgeo import ogr, osr

ogr.UseExceptions()
here = os.path.dirname(os.path.abspath(__file__))
SQ = "121.10 37.40,121.20 37.40,121.20 37.50,121.10 37.50,121.10 37.40"
SQZ = "121.10 37.40 5,121.20 37.40 5,121.20 37.50 5,121.10 37.50 5,121.10 37.40 5"
SQM = "121.10 37.40 7,121.20 37.40 7,121.20 37.50 7,121.10 37.50 7,121.10 37.40 7"
SQZM = "121.10 37.40 5 7,121.20 37.40 5 7,121.20 37.50 5 7,121.10 37.50 5 7,121.10 37.40 5 7"
HOLE = "121.12 37.42,121.14 37.42,121.14 37.44,121.12 37.42"

gdal_cases = [
    ("multipolygon-empty-part", "draw", f"MULTIPOLYGON ((({SQ})),EMPTY)"),
    ("multipolygon-empty-first-part", "draw", f"MULTIPOLYGON (EMPTY,(({SQ})))"),
    ("polygon-empty-hole", "draw", f"POLYGON (({SQ}),EMPTY)"),
    ("polygon-empty", "draw", "POLYGON EMPTY"),
    ("multipolygon-empty", "draw", "MULTIPOLYGON EMPTY"),
    ("polygon-z", "draw", f"POLYGON Z (({SQZ}))"),
    ("polygon-m", "draw", f"POLYGON M (({SQM}))"),
    ("multipolygon-zm-hole", "draw", f"MULTIPOLYGON ZM ((({SQZM}),({HOLE.replace(',', ' 5 7,')} 5 7)))"),
    ("linestring", "refuse", f"LINESTRING ({SQ})"),
    ("point", "refuse", "POINT (121.1 37.4)"),
]

srs = osr.SpatialReference()
srs.ImportFromEPSG(4326)
rows = []
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "foreign.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    layer = ds.CreateLayer("shapes", srs, ogr.wkbUnknown)
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for name, _, wkt in gdal_cases:
        f = ogr.Feature(layer.GetLayerDefn())
        f.SetField("name", name)
        f.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(f)
    ds = None
    db = sqlite3.connect(path)
    blobs = dict(db.execute("SELECT name, geom FROM shapes"))
    db.close()
for name, expect, _ in gdal_cases:
    rows.append((name, expect, bytes(blobs[name])))


def gp_header(little, srs_id=4326, env=None):
    flags = 1 if little else 0
    e = b""
    if env:
        flags |= 1 << 1
        e = struct.pack("<4d" if little else ">4d", *env)
    return b"GP\x00" + bytes([flags]) + struct.pack("<i" if little else ">i", srs_id) + e


def polygon_wkb(little, ring, wkb_type=3):
    o = "<" if little else ">"
    out = bytes([1 if little else 0]) + struct.pack(o + "II", wkb_type, 1) + struct.pack(o + "I", len(ring))
    for x, y in ring:
        out += struct.pack(o + "dd", x, y)
    return out


ring = [(121.1, 37.4), (121.2, 37.4), (121.2, 37.5), (121.1, 37.4)]
env = (121.1, 121.2, 37.4, 37.5)
# big-endian header and WKB, with an envelope; then a little-endian header over big-endian WKB
rows.append(("big-endian", "draw", gp_header(False, env=env) + polygon_wkb(False, ring)))
rows.append(("mixed-endian", "draw", gp_header(True) + polygon_wkb(False, ring)))
# PostGIS EWKB: 0x80000000 is Z; each point then carries three numbers
o = "<"
ewkb = b"\x01" + struct.pack(o + "III", 0x80000003, 1, 4)
for x, y in ring:
    ewkb += struct.pack(o + "ddd", x, y, 9.0)
rows.append(("ewkb-z", "draw", gp_header(True) + ewkb))
nan = float("nan")
inf = float("inf")
rows.append(("nan-coordinate", "refuse",
             gp_header(True) + polygon_wkb(True, [(121.1, 37.4), (nan, 37.4), (121.2, 37.5), (121.1, 37.4)])))
rows.append(("infinite-coordinate", "refuse",
             gp_header(True) + polygon_wkb(True, [(121.1, 37.4), (inf, 37.4), (121.2, 37.5), (121.1, 37.4)])))
rows.append(("out-of-range", "refuse",
             gp_header(True) + polygon_wkb(True, [(521.1, 37.4), (521.2, 37.4), (521.2, 137.5), (521.1, 37.4)])))
rows.append(("two-point-ring", "refuse", gp_header(True) + polygon_wkb(True, [(121.1, 37.4), (121.2, 37.4)])))
rows.append(("truncated", "refuse", (gp_header(True) + polygon_wkb(True, ring))[:-5]))
rows.append(("huge-count", "refuse", gp_header(True) + b"\x01" + struct.pack("<III", 3, 1, 0x7fffffff)))

with open(os.path.join(here, "foreign-geometry.txt"), "w") as out:
    out.write("# written by make-foreign-geometry.py: name, draw|refuse, GeoPackage blob in hex\n")
    for name, expect, blob in rows:
        out.write(f"{name}\t{expect}\t{blob.hex()}\n")
