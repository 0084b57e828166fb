#!/bin/sh
# Every translatable string of the sources has a zh_CN translation, none fuzzy.
set -eu
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  -f po/POTFILES.in -o "$tmp/parkatlas.pot" 2>"$tmp/xgettext.err" || { cat "$tmp/xgettext.err"; exit 1; }
msgcmp po/zh_CN.po "$tmp/parkatlas.pot"
stats=$(msgfmt -c --statistics -o /dev/null po/zh_CN.po 2>&1)
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "zh_CN.po is incomplete" >&2; exit 1 ;;
esac
