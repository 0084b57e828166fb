#!/bin/sh
# Runs one fuzz target for SECONDS (restarting after each crash, which libFuzzer stops
# at), in a working corpus seeded from corpus/TARGET and the app's own files; crashes
# land in WORK/TARGET/artifacts. Build first (see README.md):
#   CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false -Dui_tests=false
#   ninja -C build-fuzz tests/fuzz/fuzz-TARGET
# Usage: tests/fuzz/run.sh TARGET SECONDS [WORK]   (WORK defaults to /tmp/parkatlas-fuzz)
# A unit gets 30 s before libFuzzer calls it a hang: at nice 19 on a loaded machine a 15 ms
# GeoJSON input once took 12 s (full malloc stacks), and each restart reloads the corpus.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
target=$1
seconds=$2
work=${3:-/tmp/parkatlas-fuzz}/$target
exe=$root/build-fuzz/tests/fuzz/fuzz-$target
mkdir -p "$work/corpus" "$work/artifacts"
cp -n "$here/corpus/$target"/* "$work/corpus/" 2>/dev/null || true
case $target in
  plan-json) cp -n "$root"/data/plans/*.json "$work/corpus/" ;;
  geojson) cp -n "$root/maps/land.geojson" "$work/corpus/" ;;
esac
dict=
[ -f "$here/$target.dict" ] && dict=-dict=$here/$target.dict
# inputs as big as land.geojson (100 kB) make each run slow; small ones find the bugs
maxlen=
case $target in geojson|gpkg-import|mbtiles) maxlen=-max_len=16384 ;; esac
# Fast malloc stacks for all: the json-glib leak that needed full ones (for its
# suppression to match) is no longer reached (util/pa-json.c refuses trailing data first).
# Should another leak inside a library turn up, FULL_STACKS=1 brings them back.
unwind=
[ "${FULL_STACKS:-0}" = 1 ] && unwind=:fast_unwind_on_malloc=0
end=$(( $(date +%s) + seconds ))
# logs are numbered on from earlier rounds' (whose figures the record in README.md needs)
run=$(ls "$work"/run-*.log 2>/dev/null | wc -l)
while [ "$(date +%s)" -lt "$end" ]; do
  left=$(( end - $(date +%s) ))
  run=$((run + 1))
  G_SLICE=always-malloc ASAN_OPTIONS=detect_leaks=1$unwind UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    LSAN_OPTIONS=suppressions=$here/lsan-fuzz.supp \
    nice -n 19 "$exe" -max_total_time="$left" -timeout=30 -rss_limit_mb=2048 -print_final_stats=1 $dict $maxlen \
    -artifact_prefix="$work/artifacts/" "$work/corpus" > "$work/run-$run.log" 2>&1 || true
  grep -E "^stat::number_of_executed_units|^==.*ERROR|^SUMMARY" "$work/run-$run.log" || true
done
