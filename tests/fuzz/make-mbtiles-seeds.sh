#!/bin/sh
# Rebuilds the seed tile packs of the mbtiles target in corpus/mbtiles/. Small (512-byte
# pages), each taking another path through the reader:
#   gdal-yantai.mbtiles   the shared yantai-raster.mbtiles (GDAL) with 3 of its 20 tiles
#   gdal-vector.mbtiles   the shared broken-vector.mbtiles (ogr2ogr's MVT writer), slimmed
#   seed-*.mbtiles        hand-made: full metadata with an HTML attribution and a centre;
#                         no metadata rows (zooms, bounds, centre from the tiles); scheme=xyz;
#                         JPEG, WebP and gzip (vector) tiles under format=png; tiles as a
#                         view over map and images tables (mbutil, TileMill); no tiles; WAL.
# Needs sqlite3. Usage: tests/fuzz/make-mbtiles-seeds.sh TESTDATA   (the shared test data)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=$(cd "$1" && pwd)
out=$here/corpus/mbtiles
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

f=$tmp/gdal-yantai.mbtiles
cp "$data/yantai-raster.mbtiles" "$f"
chmod u+w "$f"
sqlite3 "$f" "DELETE FROM tiles WHERE NOT (zoom_level = 8 AND tile_column = 213 OR zoom_level = 9 AND tile_column = 427);
  PRAGMA page_size = 512; VACUUM;"
cp "$f" "$out/"
f=$tmp/gdal-vector.mbtiles
cp "$data/broken-vector.mbtiles" "$f"
chmod u+w "$f"
sqlite3 "$f" "UPDATE metadata SET value = '{}' WHERE name = 'json'; PRAGMA page_size = 512; VACUUM;"
cp "$f" "$out/"

# a 1×1 PNG, and the first bytes of a JPEG, a WebP and a gzip stream
png="X'89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C4890000000D4944415478DA63F8CFC0F01F0005000201A5F8E0E10000000049454E44AE426082'"
jpg="X'FFD8FFE000104A46494600010100000100010000FFD9'"
webp="X'52494646100000005745425056503820'"
gz="X'1F8B0800000000000003'"
seed() { # NAME SQL
  f=$tmp/seed-$1.mbtiles
  sqlite3 "$f" "PRAGMA page_size = 512; $2"
  cp "$f" "$out/seed-$1.mbtiles"
}
tables="CREATE TABLE metadata (name TEXT, value TEXT);
  CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"

seed full "$tables
  INSERT INTO metadata VALUES ('name', '示例 <b>底图</b>'), ('format', 'png'), ('type', 'overlay'),
    ('bounds', '120.9,37.1,121.9,37.7'), ('center', '121.4,37.4,9'), ('minzoom', '8'), ('maxzoom', '10'),
    ('attribution', '&copy; <a href=\"https://example.org\">示例</a> &amp; 其他');
  INSERT INTO tiles VALUES (8, 213, 156, $png), (9, 427, 312, $png), (10, 855, 625, $png);"
seed bare "$tables
  INSERT INTO tiles VALUES (3, 6, 4, $png), (3, 7, 4, $png), (5, 26, 19, $png);"
seed xyz "$tables
  INSERT INTO metadata VALUES ('scheme', 'xyz'), ('format', 'jpg'), ('minzoom', '0'), ('maxzoom', '1');
  INSERT INTO tiles VALUES (0, 0, 0, $jpg), (1, 1, 0, $jpg);"
seed webp "$tables
  INSERT INTO metadata VALUES ('format', 'png');
  INSERT INTO tiles VALUES (2, 3, 1, $webp);"
seed gzip "$tables
  INSERT INTO metadata VALUES ('format', 'png');
  INSERT INTO tiles VALUES (0, 0, 0, $gz);"
seed view "CREATE TABLE metadata (name TEXT, value TEXT);
  CREATE TABLE map (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_id TEXT);
  CREATE TABLE images (tile_data BLOB, tile_id TEXT);
  CREATE VIEW tiles AS SELECT map.zoom_level AS zoom_level, map.tile_column AS tile_column,
    map.tile_row AS tile_row, images.tile_data AS tile_data FROM map JOIN images ON images.tile_id = map.tile_id;
  INSERT INTO metadata VALUES ('name', 'view'), ('format', 'png'), ('bounds', '-180,-85,180,85');
  INSERT INTO images VALUES ($png, 'a');
  INSERT INTO map VALUES (0, 0, 0, 'a'), (1, 0, 1, 'a'), (1, 1, 1, 'a');"
seed empty "$tables
  INSERT INTO metadata VALUES ('format', 'png');"
seed wal "$tables
  INSERT INTO metadata VALUES ('format', 'png');
  INSERT INTO tiles VALUES (4, 13, 9, $png);
  PRAGMA journal_mode = WAL;"
ls -l "$out"
