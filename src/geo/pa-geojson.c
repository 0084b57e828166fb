/* pa-geojson.c — reading GeoJSON polygon coordinates */
#include "pa-geojson.h"
#include "pa-gpkg-blob.h"

#include <string.h>

static gboolean
read_polygon (JsonArray *rings, PaGeometry *g, GError **error)
{
  pa_geometry_begin_polygon (g);
  for (guint r = 0; r < json_array_get_length (rings); r++)
    {
      JsonNode *rn = json_array_get_element (rings, r);
      JsonArray *ring;
      if (!JSON_NODE_HOLDS_ARRAY (rn))
        goto bad;
      ring = json_node_get_array (rn);
      pa_geometry_begin_ring (g);
      for (guint i = 0; i < json_array_get_length (ring); i++)
        {
          JsonNode *pn = json_array_get_element (ring, i);
          JsonArray *pt;
          if (!JSON_NODE_HOLDS_ARRAY (pn) || json_array_get_length (json_node_get_array (pn)) < 2)
            goto bad;
          pt = json_node_get_array (pn);
          pa_geometry_add_point (g, json_array_get_double_element (pt, 0),
                                 json_array_get_double_element (pt, 1));
        }
    }
  return TRUE;
bad:
  g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
               "GeoJSON polygon coordinates are not arrays of [lon, lat] positions");
  return FALSE;
}

PaGeometry *
pa_geojson_to_geometry (JsonObject *geometry, GError **error)
{
  g_autoptr (PaGeometry) g = pa_geometry_new ();
  const char *type = json_object_get_string_member_with_default (geometry, "type", "");
  JsonNode *coords = json_object_get_member (geometry, "coordinates");

  if (coords == NULL || !JSON_NODE_HOLDS_ARRAY (coords))
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                   "GeoJSON %s geometry has no coordinates", type);
      return NULL;
    }
  if (strcmp (type, "Polygon") == 0)
    {
      if (!read_polygon (json_node_get_array (coords), g, error))
        return NULL;
    }
  else if (strcmp (type, "MultiPolygon") == 0)
    {
      JsonArray *polys = json_node_get_array (coords);
      for (guint i = 0; i < json_array_get_length (polys); i++)
        {
          JsonNode *pn = json_array_get_element (polys, i);
          if (!JSON_NODE_HOLDS_ARRAY (pn) || !read_polygon (json_node_get_array (pn), g, error))
            {
              if (error && *error == NULL)
                g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                             "GeoJSON MultiPolygon part %u is not a polygon", i);
              return NULL;
            }
        }
    }
  else
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_UNSUPPORTED,
                   "GeoJSON geometry type “%s” is not a polygon", type);
      return NULL;
    }
  return g_steal_pointer (&g);
}
