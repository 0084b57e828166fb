/* pa-json.h — loading JSON from outside the app (GeoJSON to import, plan sources).
 *
 * json-glib 1.6 (Debian 12) parses a value that follows the document ("8{…}",
 * "[1] {…}"), fails, and leaks the tree it built for it. Such data is refused here
 * before json-glib sees it, with the line and column of what follows, in json-glib's
 * own form ("<data>:LINE:COLUMN: …", JSON_PARSER_ERROR). No GTK, no SQL.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* json_parser_load_from_data(), refusing anything but whitespace after the first value. */
gboolean pa_json_load (JsonParser *parser, const char *data, gssize len, GError **error);

G_END_DECLS
