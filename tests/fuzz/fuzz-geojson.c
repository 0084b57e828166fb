/* fuzz-geojson.c — GeoJSON as the import reads it (features, properties, CRS) and as the
 * district loader reads it (pa_geojson_to_geometry / _to_point on every geometry) */
#include "pa-fuzz.h"

#include <json-glib/json-glib.h>
#include <math.h>

#include "geo/pa-geojson.h"
#include "util/pa-json.h"
#include "io/pa-import-private.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  pa_fuzz_init_logging ();
  return 0;
}

static void
read_geometry (JsonNode *node)
{
  JsonObject *o;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaGeometry) g = NULL;
  double x, y;

  if (!node || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  o = json_node_get_object (node);
  g = pa_geojson_to_geometry (o, &error);
  g_assert ((g == NULL) == (error != NULL));
  if (g)
    {
      g_autoptr (GString) out = g_string_new (NULL);
      PaBBox b = pa_geometry_get_bbox (g);
      for (guint p = 0; p < pa_geometry_get_n_polygons (g); p++)
        g_assert (pa_geometry_get_n_rings (g, p) > 0);
      g_assert (pa_geometry_is_empty (g) || (isfinite (b.minx) && isfinite (b.maxy)));
      pa_geojson_append_multipolygon (out, g);
    }
  g_clear_error (&error);
  if (pa_geojson_to_point (o, &x, &y, &error))
    g_assert (isfinite (x) && isfinite (y));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();

  if (pa_json_load (parser, (const char *) data, (gssize) size, NULL))
    {
      JsonNode *root = json_parser_get_root (parser);
      if (root && JSON_NODE_HOLDS_OBJECT (root))
        {
          JsonObject *o = json_node_get_object (root);
          JsonNode *features = json_object_get_member (o, "features");
          read_geometry (json_object_get_member (o, "geometry"));
          read_geometry (root);
          if (features && JSON_NODE_HOLDS_ARRAY (features))
            {
              JsonArray *a = json_node_get_array (features);
              for (guint i = 0; i < json_array_get_length (a); i++)
                {
                  JsonNode *f = json_array_get_element (a, i);
                  if (JSON_NODE_HOLDS_OBJECT (f))
                    read_geometry (json_object_get_member (json_node_get_object (f), "geometry"));
                }
            }
        }
    }
  {
    g_autofree char *path = pa_fuzz_write_temp (".geojson", data, size);
    PaImportOptions options = PA_IMPORT_OPTIONS_INIT;
    g_autoptr (PaFieldMap) fields = pa_field_map_new (NULL, NULL);
    g_autoptr (GError) error = NULL;
    PaImportBatch batch;

    pa_import_batch_init (&batch, path, &options, fields);
    (void) pa_import_read_geojson (&batch, &error);
    pa_import_batch_clear (&batch);
  }
  return 0;
}
