#!/usr/bin/env bash
# Park Atlas: rebuild the committed land/sea basemap maps/land.geojson from
# the npm package @geo-maps/countries-coastline-1m 0.6.0
# (© OpenStreetMap contributors, ODbL 1.0, via geo-maps by simonepri).
#
# For each region box: clip the country polygons (CHN, HKG, MAC) to the box,
# dissolve them into one land MultiPolygon, simplify (Douglas-Peucker
# preserving topology), drop parts below MIN_AREA_M2, repair validity, write
# one feature per region with properties region and source.
#
# Needs: bash, npm, node, tar, ogr2ogr + ogrinfo (Debian: gdal-bin, GDAL >= 3.1
# built with SpatiaLite, as Debian's is).
# Cache: ${PARKATLAS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/parkatlas}
# Usage: maps/land-rebuild.sh [OUTPUT]   (default: maps/land.geojson)
set -euo pipefail

PKG=@geo-maps/countries-coastline-1m
VER=0.6.0
TGZ_NAME=geo-maps-countries-coastline-1m-$VER.tgz
# `npm view @geo-maps/countries-coastline-1m@0.6.0 dist.integrity`
INTEGRITY='sha512-jpwDtygYqomtGQPBxIcKFhRSsoMC7PtpOq8ZxF2rtY3GODGwmyA63KkZEBeeMMS6oD7RdPdTQL49n4roQtFTEQ=='
SOURCE="© OpenStreetMap contributors, ODbL 1.0, via geo-maps (simonepri) $PKG@$VER"

# Simplification tolerance in degrees (0.0003 deg ~ 33 m N-S, about one pixel
# at zoom 12) and the smallest land part kept.
TOLERANCE=0.0003
MIN_AREA_M2=50000
# region  min_lon min_lat max_lon max_lat
REGIONS=(
    "yantai   119.3 36.4 122.8 38.5"
    "shenzhen 113.4 22.1 114.9 23.0"
    "shanghai 120.8 30.6 122.3 31.95"
)
COUNTRIES="'CHN','HKG','MAC'"

me=land-rebuild.sh
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-$here/land.geojson}
cache=${PARKATLAS_CACHE:-${XDG_CACHE_HOME:-${HOME:?HOME is not set}/.cache}/parkatlas}
tgz=$cache/$TGZ_NAME
step=start
tmp=

die() { echo "$me: error: $*" >&2; exit 1; }
cleanup() { if [[ -n $tmp ]]; then rm -rf "$tmp"; fi; }
on_err() { echo "$me: error: step '$step' failed (exit $1); $out not changed" >&2; }
trap 'on_err $?' ERR
trap cleanup EXIT

step=tools
for t in node npm tar ogr2ogr ogrinfo; do
    command -v "$t" >/dev/null 2>&1 || die "'$t' not found on PATH (node/npm: Debian nodejs + npm; ogr2ogr/ogrinfo: gdal-bin)"
done

source "$here/npm-fetch.sh"

step=cache
mkdir -p "$cache" || die "cannot create cache directory $cache"
tmp=$(mktemp -d "$cache/.land.XXXXXX") || die "cannot create a temporary directory in $cache"

fetch_pinned "$PKG" "$VER" "$INTEGRITY" "$tgz" "$tmp"

step="extract map.geo.json from $tgz"
tar -xzf "$tgz" -C "$tmp" package/map.geo.json || die "cannot extract package/map.geo.json from $tgz"
world=$tmp/package/map.geo.json
work=$tmp/work.gpkg

# Union of the region boxes, to read the 107 MB world file only once.
read -r _ x0 y0 x1 y1 <<<"${REGIONS[0]}"
for r in "${REGIONS[@]}"; do
    read -r _ a b c d <<<"$r"
    x0=$(awk -v p="$x0" -v q="$a" 'BEGIN{print (q<p)?q:p}'); y0=$(awk -v p="$y0" -v q="$b" 'BEGIN{print (q<p)?q:p}')
    x1=$(awk -v p="$x1" -v q="$c" 'BEGIN{print (q>p)?q:p}'); y1=$(awk -v p="$y1" -v q="$d" 'BEGIN{print (q>p)?q:p}')
done

step="read $COUNTRIES from map.geo.json"
ogr2ogr -f GPKG "$work" "$world" -nln src -nlt PROMOTE_TO_MULTI \
    -where "A3 IN ($COUNTRIES)" -spat "$x0" "$y0" "$x1" "$y1" -clipsrc spat_extent

for r in "${REGIONS[@]}"; do
    read -r name a b c d <<<"$r"
    step="clip and dissolve $name"
    ogr2ogr -update -append "$work" "$work" -nln clip -nlt MULTIPOLYGON -dialect sqlite -sql \
        "SELECT '$name' AS region,
                ST_Multi(ST_SimplifyPreserveTopology(
                    ST_Union(ST_Intersection(geom, BuildMbr($a, $b, $c, $d, 4326))), $TOLERANCE)) AS geom
         FROM src WHERE ST_Intersects(geom, BuildMbr($a, $b, $c, $d, 4326))"
done

step="split into parts"
ogr2ogr -update "$work" "$work" -nln parts -nlt POLYGON -explodecollections -dialect sqlite -sql \
    "SELECT region, geom FROM clip"

# Area in m^2 from the degree area scaled at the part's latitude: good to a
# few per cent at these sizes, enough for a cut-off.
area="ST_Area(geom) * 12392029030.5 * cos(ST_Y(ST_Centroid(geom)) * 0.017453292519943295)"

# Each feature carries its region's box as "coverage" (min_lon,min_lat,max_lon,max_lat):
# inside it, whatever is not land is sea; outside it the app draws "no data", not sea.
cover="CASE region"
for r in "${REGIONS[@]}"; do
    read -r name bx0 by0 bx1 by1 <<<"$r"
    cover+=" WHEN '$name' THEN '$bx0,$by0,$bx1,$by1'"
done
cover+=" END"

step="write $out"
mkdir -p "$(dirname "$out")"
ogr2ogr -f GeoJSON "$tmp/land.geojson" "$work" -nln land -nlt MULTIPOLYGON -makevalid \
    -lco RFC7946=YES -lco COORDINATE_PRECISION=6 -lco WRITE_NAME=YES -dialect sqlite -sql \
    "SELECT region, '$SOURCE' AS source, $cover AS coverage, ST_Multi(ST_Collect(geom)) AS geom
     FROM parts WHERE $area >= $MIN_AREA_M2
     GROUP BY region
     ORDER BY CASE region WHEN 'yantai' THEN 1 WHEN 'shenzhen' THEN 2 ELSE 3 END"

step="validate $out"
stats=$(ogrinfo -q -ro "$tmp/land.geojson" -dialect sqlite -sql \
    "SELECT count(*) AS n, sum(ST_IsValid(geometry) = 0) AS bad, sum(ST_NPoints(geometry)) AS pts,
            sum(ST_NumGeometries(geometry)) AS parts FROM land" 2>&1) || die "ogrinfo cannot read the result: $stats"
val() { sed -n "s/^ *$1 (Integer) = \([0-9]*\).*/\1/p" <<<"$stats"; }
[[ $(val n) == "${#REGIONS[@]}" ]] || die "expected ${#REGIONS[@]} features: $stats"
[[ $(val bad) == 0 ]] || die "invalid geometries in the result: $stats"
dropped=$(ogrinfo -q -ro "$work" -dialect sqlite -sql "SELECT count(*) AS small FROM parts WHERE NOT ($area >= $MIN_AREA_M2)" \
    | sed -n 's/^ *small (Integer) = \([0-9]*\).*/\1/p')

mv -f "$tmp/land.geojson" "$out"
echo "$me: $(val n) regions, $(val parts) polygons, $(val pts) vertices, $(stat -c %s "$out") bytes" \
     "(tolerance $TOLERANCE deg, dropped ${dropped:-?} parts < $MIN_AREA_M2 m^2) -> $out"
