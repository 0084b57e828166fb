/* pa-import-geojson.c — a GeoJSON FeatureCollection (RFC 7946) as zones and organisations:
 * a Polygon or MultiPolygon is a zone (one drawn part per polygon), a Point an
 * organisation at that place. Property values of any JSON type are read as text; null
 * is no value. An old-style "crs" member (GeoJSON 2008) is honoured through PROJ. */
#include "config.h"

#include "pa-import-private.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "geo/pa-geojson.h"
#include "geo/pa-gpkg-blob.h"
#include "util/pa-json.h"

/* The value of a property as text: numbers as written, arrays of strings joined with 、
 * (industries), null and objects as nothing. */
static char *
property_text (JsonNode *node)
{
  if (!node || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);
      g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          char *t = property_text (json_array_get_element (a, i));
          if (t)
            g_ptr_array_add (parts, t);
        }
      g_ptr_array_add (parts, NULL);
      return parts->len > 1 ? g_strjoinv ("、", (char **) parts->pdata) : NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%lld", (long long) json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return NULL;
    }
}

/* json-glib says "<data>:7:227: Parse error: …"; say which line and column of the file. */
static char *
parse_error_place (const char *message)
{
  guint line = 0, column = 0;
  int used = 0;
  if (g_str_has_prefix (message, "<data>:") && sscanf (message + 7, "%u:%u: %n", &line, &column, &used) == 2 && used > 0)
    return g_strdup_printf (_("line %u, column %u: %s"), line, column, message + 7 + used);
  return g_strdup (message);
}

static gboolean
is_blank (const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

static const char *
member_string (JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING ? json_node_get_string (n)
                                                                                         : NULL;
}

/* GeoJSON 2008's {"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}}:
 * RFC 7946 dropped it, but QGIS and older GDAL still write it for other CRSs. */
static gboolean
read_crs_member (PaImportBatch *batch, JsonObject *root, GError **error)
{
  JsonNode *crs = json_object_get_member (root, "crs");
  JsonObject *props;
  const char *name;
  g_autoptr (GError) local = NULL;

  if (!crs || JSON_NODE_HOLDS_NULL (crs))
    return TRUE;
  props = JSON_NODE_HOLDS_OBJECT (crs) ? json_object_get_object_member (json_node_get_object (crs), "properties") : NULL;
  name = member_string (props, "name");
  if (!name)
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_CRS,
                   _("“%s” has a “crs” member that names no coordinate reference system"), batch->path);
      return FALSE;
    }
  if (strstr (name, "CRS84") || g_str_has_suffix (name, ":4326") || g_str_has_suffix (name, "::4326"))
    return TRUE;
  batch->reprojection = pa_reprojection_new (name, &local);
  if (!batch->reprojection)
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_CRS,
                   _("“%s” is in the coordinate reference system “%s”, which PROJ cannot transform to "
                     "WGS 84: %s"),
                   batch->path, name, local->message);
      return FALSE;
    }
  return TRUE;
}

static void
read_feature (PaImportBatch *batch, JsonNode *node, guint number)
{
  JsonObject *feature = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonNode *geometry_node = feature ? json_object_get_member (feature, "geometry") : NULL;
  JsonNode *props_node = feature ? json_object_get_member (feature, "properties") : NULL;
  JsonObject *props = props_node && JSON_NODE_HOLDS_OBJECT (props_node) ? json_node_get_object (props_node) : NULL;
  g_autoptr (GList) members = props ? json_object_get_members (props) : NULL;
  guint n = g_list_length (members), i = 0;
  g_autofree const char **keys = g_new0 (const char *, n + 1);
  /* not a GStrv: a null property leaves a NULL in the middle */
  g_autoptr (GPtrArray) values = g_ptr_array_new_full (n, g_free);
  int columns[PA_IMPORT_N_FIELDS];
  PaImportRecord record;
  JsonObject *geometry;
  const char *type;
  g_autoptr (GError) error = NULL;

  if (!feature || g_strcmp0 (member_string (feature, "type"), "Feature") != 0)
    {
      pa_import_batch_reject (batch, 0, number, NULL, _("it is not a GeoJSON Feature"));
      return;
    }
  for (GList *l = members; l; l = l->next, i++)
    {
      keys[i] = l->data;
      g_ptr_array_add (values, property_text (json_object_get_member (props, l->data)));
    }
  pa_field_map_resolve (batch->fields, keys, n, columns);
  pa_import_record_init (&record, columns, (const char *const *) values->pdata, n);

  if (!geometry_node || JSON_NODE_HOLDS_NULL (geometry_node))
    {
      /* Park Atlas's own export marks zones without an outline with "kind": "zone" */
      const char *kind = record.values[PA_IMPORT_FIELD_KIND];
      if (g_strcmp0 (kind, "zone") == 0)
        pa_import_batch_add_zone (batch, 0, number, &record, NULL);
      else
        pa_import_batch_reject (batch, 0, number, record.values[PA_IMPORT_FIELD_NAME], _("it has no geometry"));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (geometry_node))
    {
      pa_import_batch_reject (batch, 0, number, record.values[PA_IMPORT_FIELD_NAME],
                              _("its geometry is not a GeoJSON object"));
      return;
    }
  geometry = json_node_get_object (geometry_node);
  type = member_string (geometry, "type");
  if (g_strcmp0 (type, "Polygon") == 0 || g_strcmp0 (type, "MultiPolygon") == 0)
    {
      g_autoptr (PaGeometry) g = pa_geojson_to_geometry (geometry, &error);
      if (g)
        pa_import_batch_add_zone (batch, 0, number, &record, g);
      else
        pa_import_batch_reject (batch, 0, number, record.values[PA_IMPORT_FIELD_NAME],
                                _("its geometry cannot be read: %s"), error->message);
    }
  else if (g_strcmp0 (type, "Point") == 0 || g_strcmp0 (type, "MultiPoint") == 0)
    {
      double x, y;
      if (pa_geojson_to_point (geometry, &x, &y, &error))
        pa_import_batch_add_organisation (batch, 0, number, &record, x, y);
      else
        pa_import_batch_reject (batch, 0, number, record.values[PA_IMPORT_FIELD_NAME],
                                _("its geometry cannot be read: %s"), error->message);
    }
  else
    pa_import_batch_reject (batch, 0, number, record.values[PA_IMPORT_FIELD_NAME],
                            _("a %s cannot be imported: only polygons (zones) and points (organisations) can"),
                            type ? type : _("geometry without a type"));
}

gboolean
pa_import_read_geojson (PaImportBatch *batch, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;
  const char *text;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local = NULL;
  JsonNode *root;
  JsonObject *object;
  const char *type;

  if (!g_file_get_contents (batch->path, &data, &len, &local))
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_READ, _("Cannot read “%s”: %s"), batch->path,
                   local->message);
      return FALSE;
    }
  text = g_str_has_prefix (data, "\xef\xbb\xbf") ? data + 3 : data; /* RFC 8259 forbids it; Notepad writes it */
  if (is_blank (text, len - (gsize) (text - data)))
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_EMPTY, _("“%s” is empty"), batch->path);
      return FALSE;
    }
  if (memchr (data, '\0', len) || !g_utf8_validate (text, (gssize) (len - (text - data)), NULL))
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_FORMAT,
                   _("“%s” is not GeoJSON: it is not UTF-8 text (it holds binary data)"), batch->path);
      return FALSE;
    }
  if (!pa_json_load (parser, text, -1, &local))
    {
      g_autofree char *where = parse_error_place (local->message);
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_FORMAT,
                   _("“%s” is not valid GeoJSON: the JSON is invalid or truncated (%s)"), batch->path, where);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  object = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  type = member_string (object, "type");
  if (!object || (g_strcmp0 (type, "FeatureCollection") != 0 && g_strcmp0 (type, "Feature") != 0))
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_FORMAT,
                   _("“%s” is JSON but not a GeoJSON FeatureCollection or Feature"), batch->path);
      return FALSE;
    }
  if (!read_crs_member (batch, object, error))
    return FALSE;
  if (g_str_equal (type, "Feature"))
    read_feature (batch, root, 1);
  else
    {
      JsonNode *features = json_object_get_member (object, "features");
      JsonArray *array;
      if (!features || !JSON_NODE_HOLDS_ARRAY (features))
        {
          g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_FORMAT,
                       _("“%s” is not valid GeoJSON: its FeatureCollection has no “features” array"), batch->path);
          return FALSE;
        }
      array = json_node_get_array (features);
      for (guint i = 0; i < json_array_get_length (array); i++)
        read_feature (batch, json_array_get_element (array, i), i + 1);
    }
  return TRUE;
}
