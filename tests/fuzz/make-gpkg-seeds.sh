#!/bin/sh
# Rebuilds the seed GeoPackages of the gpkg-import target in corpus/gpkg-import/.
# Mutating a raw SQLite file rarely gets past its header and schema, so the seeds are
# small (512-byte pages, a few of them) and each takes another path through the reader:
#   gdal-*.gpkg   the shared test files as ogr2ogr writes them, without R*Tree, triggers
#                 and GDAL's extra tables (ogr2ogr -lco SPATIAL_INDEX=NO, then dropped)
#   seed-*.gpkg   hand-made, with only the columns the reader asks for: polygons and
#                 points in EPSG:4326, polygons in EPSG:3857 (PROJ), a CRS given by its
#                 definition only, a mixed GEOMETRY layer without an integer key (rowid,
#                 lines, NULL and non-blob geometries), a layer of lines, an undefined
#                 CRS, a layer whose table is missing, and a database in WAL mode.
# Needs sqlite3 and ogr2ogr (gdal-bin).
# Usage: tests/fuzz/make-gpkg-seeds.sh TESTDATA   (the shared test data folder)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=$(cd "$1" && pwd)
out=$here/corpus/gpkg-import
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

# --- GDAL's files, slimmed down
for pair in zones:zones.geojson qgis-style:qgis-style-4326.gpkg shenzhen-3857:shenzhen-zones-3857.gpkg; do
  name=${pair%%:*}
  src=$data/${pair#*:}
  f=$tmp/$name.gpkg
  ogr2ogr -f GPKG -lco SPATIAL_INDEX=NO "$f" "$src"
  drops=$(sqlite3 "$f" "SELECT 'DROP TRIGGER \"' || name || '\";' FROM sqlite_master WHERE type = 'trigger'")
  sqlite3 "$f" "$drops
    DROP TABLE gpkg_ogr_contents; DROP TABLE gpkg_tile_matrix; DROP TABLE gpkg_tile_matrix_set;
    DROP TABLE gpkg_metadata_reference; DROP TABLE gpkg_metadata; DROP TABLE gpkg_extensions;
    DELETE FROM gpkg_spatial_ref_sys WHERE srs_id NOT IN (SELECT srs_id FROM gpkg_geometry_columns);
    PRAGMA page_size = 512; VACUUM;"
  cp "$f" "$out/gdal-$name.gpkg"
done

# --- hand-made: the three tables with the columns read, one layer each
# GeoPackage blobs: "GP", version 0, flags 1 (little-endian, no envelope), srs_id, WKB
line4326="X'47500001E61000000102000000020000000000000000405E409A999999999942406666666666465E406666666666A64240'"
poly4326="X'47500001E6100000010300000001000000040000000000000000405E409A999999999942406666666666465E409A999999999942406666666666465E406666666666A642400000000000405E409A99999999994240'"
point4326="X'47500001E610000001010000003333333333435E400000000000A04240'"
poly3857="X'47500001110F000001030000000100000004000000000000002C3968410000000010AF4341000000000E3E68410000000010AF4341000000000E3E68410000000098C24341000000002C3968410000000010AF4341'"

seed() { # NAME SQL
  f=$tmp/seed-$1.gpkg
  sqlite3 "$f" "PRAGMA page_size = 512; PRAGMA application_id = 1196444487;
    CREATE TABLE gpkg_spatial_ref_sys (srs_name, srs_id INTEGER PRIMARY KEY, organization,
      organization_coordsys_id, definition);
    CREATE TABLE gpkg_contents (table_name, data_type);
    CREATE TABLE gpkg_geometry_columns (table_name, column_name, geometry_type_name, srs_id);
    INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84', 4326, 'EPSG', 4326, 'undefined');
    $2"
  cp "$f" "$out/seed-$1.gpkg"
}
layer() { # TABLE TYPE SRS
  echo "INSERT INTO gpkg_contents VALUES ('$1', 'features');
    INSERT INTO gpkg_geometry_columns VALUES ('$1', 'geom', '$2', $3);"
}

seed polygons "$(layer zones MULTIPOLYGON 4326)
  CREATE TABLE zones (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT, role TEXT, industry TEXT);
  INSERT INTO zones VALUES (1, $poly4326, '生物医药园', '园区', '医疗器械,体外诊断'), (7, $poly4326, '生物医药园', NULL, NULL);"
seed points "$(layer enterprises POINT 4326)
  CREATE TABLE enterprises (fid INTEGER PRIMARY KEY, geom BLOB, 企业名称 TEXT, 所属园区 TEXT);
  INSERT INTO enterprises VALUES (1, $point4326, '示例药业', '生物医药园'), (2, NULL, '无址公司', NULL);"
seed epsg3857 "INSERT INTO gpkg_spatial_ref_sys VALUES ('Pseudo-Mercator', 3857, 'EPSG', 3857, 'undefined');
  $(layer z POLYGON 3857)
  CREATE TABLE z (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT);
  INSERT INTO z VALUES (1, $poly3857, '深圳园区');"
seed definition "INSERT INTO gpkg_spatial_ref_sys VALUES ('merc', 9, 'NONE', 0, '+proj=merc +datum=WGS84 +type=crs');
  $(layer z POLYGON 9)
  CREATE TABLE z (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT);
  INSERT INTO z VALUES (1, $poly3857, '园区');"
seed mixed "$(layer m GEOMETRY 4326)
  CREATE TABLE m (geom, name);
  INSERT INTO m VALUES ($poly4326, 'a'), ($point4326, 'b'), ($line4326, 'c'), (NULL, 'd'), ('text', 'e'), (X'4750', 'f');"
seed lines "$(layer roads LINESTRING 4326)
  CREATE TABLE roads (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT);
  INSERT INTO roads VALUES (1, $line4326, '路');"
seed undefined "$(layer z POLYGON 0)
  CREATE TABLE z (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT);
  INSERT INTO z VALUES (1, $poly4326, '园区');"
seed missing-table "$(layer gone POLYGON 4326)"
seed wal "$(layer z POLYGON 4326)
  CREATE TABLE z (fid INTEGER PRIMARY KEY, geom BLOB, name TEXT);
  INSERT INTO z VALUES (1, $poly4326, '园区');
  PRAGMA journal_mode = WAL;"
ls -l "$out"/*.gpkg
