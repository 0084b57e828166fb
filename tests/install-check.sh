#!/bin/sh
# `meson install` puts every file a desktop needs in place: the program, its launcher,
# AppStream metainfo, settings schema, icons, MIME type, translations and map data.
set -eu
build=$1
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
meson install -C "$build" --destdir "$dest" --no-rebuild --quiet >/dev/null
prefix=$(meson introspect "$build" --buildoptions | python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
datadir=$(meson introspect "$build" --buildoptions | python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "datadir"))')
bindir=$(meson introspect "$build" --buildoptions | python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "bindir"))')
root=$dest$prefix
share=$root/$datadir
status=0
for f in "$root/$bindir/parkatlas" \
         "$share/applications/org.parkatlas.ParkAtlas.desktop" \
         "$share/metainfo/org.parkatlas.ParkAtlas.metainfo.xml" \
         "$share/glib-2.0/schemas/org.parkatlas.ParkAtlas.gschema.xml" \
         "$share/icons/hicolor/scalable/apps/org.parkatlas.ParkAtlas.svg" \
         "$share/icons/hicolor/symbolic/apps/org.parkatlas.ParkAtlas-symbolic.svg" \
         "$share/mime/packages/org.parkatlas.ParkAtlas.mime.xml" \
         "$share/locale/zh_CN/LC_MESSAGES/parkatlas.mo" \
         "$share/parkatlas/maps/land.geojson"; do
  if [ -e "$f" ]; then echo "installed: ${f#"$dest"}"; else echo "MISSING: ${f#"$dest"}" >&2; status=1; fi
done
# what was installed is what the validators accept
desktop-file-validate "$share/applications/org.parkatlas.ParkAtlas.desktop" || status=1
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$share/metainfo/org.parkatlas.ParkAtlas.metainfo.xml" || status=1
fi
glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas" || status=1
# the launcher opens files, and names the icon that is installed
grep -q '^Exec=parkatlas %F$' "$share/applications/org.parkatlas.ParkAtlas.desktop" || { echo "launcher does not take files" >&2; status=1; }
grep -q '^Icon=org.parkatlas.ParkAtlas$' "$share/applications/org.parkatlas.ParkAtlas.desktop" || status=1
exit $status
