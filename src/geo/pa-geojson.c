/* pa-geojson.c — reading and writing GeoJSON coordinates */
#include "pa-geojson.h"
#include "pa-gpkg-blob.h"

#include <math.h>
#include <string.h>

/* A position: an array of two or three numbers (integers are numbers too). */
static gboolean
read_position (JsonNode *node, double *x, double *y)
{
  JsonArray *a;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  a = json_node_get_array (node);
  n = json_array_get_length (a);
  if (n < 2 || n > 4)
    return FALSE;
  for (guint i = 0; i < 2; i++)
    {
      JsonNode *c = json_array_get_element (a, i);
      GType t = JSON_NODE_HOLDS_VALUE (c) ? json_node_get_value_type (c) : G_TYPE_INVALID;
      if (t != G_TYPE_DOUBLE && t != G_TYPE_INT64)
        return FALSE;
      *(i == 0 ? x : y) = json_node_get_double (c);
    }
  /* 1e999 parses as infinity: no place on any map */
  return isfinite (*x) && isfinite (*y);
}

/* Empty rings are skipped, and a polygon whose shell is empty is an empty part (GDAL
 * writes MULTIPOLYGON (((…)),EMPTY) as a part of no rings): skipped too. */
static gboolean
read_polygon (JsonArray *rings, guint polygon, PaGeometry *g, GError **error)
{
  gboolean begun = FALSE, shell_empty = FALSE;

  for (guint r = 0; r < json_array_get_length (rings); r++)
    {
      JsonNode *rn = json_array_get_element (rings, r);
      JsonArray *ring;
      double x0 = 0, y0 = 0, x = 0, y = 0;
      guint n;

      if (!JSON_NODE_HOLDS_ARRAY (rn))
        {
          g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                       "ring %u of polygon %u is not an array of positions", r + 1, polygon + 1);
          return FALSE;
        }
      ring = json_node_get_array (rn);
      n = json_array_get_length (ring);
      if (n == 0)
        {
          shell_empty = shell_empty || r == 0;
          continue;
        }
      if (shell_empty)
        {
          g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                       "polygon %u has holes but an empty outer ring", polygon + 1);
          return FALSE;
        }
      if (!begun)
        pa_geometry_begin_polygon (g);
      begun = TRUE;
      pa_geometry_begin_ring (g);
      for (guint i = 0; i < n; i++)
        {
          if (!read_position (json_array_get_element (ring, i), &x, &y))
            {
              g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                           "position %u of ring %u of polygon %u is not [longitude, latitude]", i + 1,
                           r + 1, polygon + 1);
              return FALSE;
            }
          if (i == 0)
            x0 = x, y0 = y;
          pa_geometry_add_point (g, x, y);
        }
      /* RFC 7946 rings repeat their first position; some writers forget */
      if (x != x0 || y != y0)
        pa_geometry_add_point (g, x0, y0);
    }
  return TRUE;
}

static JsonNode *
coordinates (JsonObject *geometry, const char *type, GError **error)
{
  JsonNode *coords = json_object_get_member (geometry, "coordinates");
  if (coords == NULL || !JSON_NODE_HOLDS_ARRAY (coords))
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID, "the %s geometry has no coordinates", type);
      return NULL;
    }
  return coords;
}

static const char *
geometry_type (JsonObject *geometry)
{
  JsonNode *t = json_object_get_member (geometry, "type");
  return t && JSON_NODE_HOLDS_VALUE (t) && json_node_get_value_type (t) == G_TYPE_STRING ? json_node_get_string (t) : "";
}

PaGeometry *
pa_geojson_to_geometry (JsonObject *geometry, GError **error)
{
  g_autoptr (PaGeometry) g = pa_geometry_new ();
  const char *type = geometry_type (geometry);
  JsonNode *coords;

  if (strcmp (type, "Polygon") != 0 && strcmp (type, "MultiPolygon") != 0)
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_UNSUPPORTED, "a %s is not a polygon", *type ? type : "geometry without a type");
      return NULL;
    }
  if (!(coords = coordinates (geometry, type, error)))
    return NULL;
  if (strcmp (type, "Polygon") == 0)
    {
      if (json_array_get_length (json_node_get_array (coords)) == 0)
        {
          g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID, "polygon 1 has no rings");
          return NULL;
        }
      if (!read_polygon (json_node_get_array (coords), 0, g, error))
        return NULL;
    }
  else
    {
      JsonArray *polys = json_node_get_array (coords);
      for (guint i = 0; i < json_array_get_length (polys); i++)
        {
          JsonNode *pn = json_array_get_element (polys, i);
          if (!JSON_NODE_HOLDS_ARRAY (pn))
            {
              g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID, "part %u of the MultiPolygon is not a polygon", i + 1);
              return NULL;
            }
          if (!read_polygon (json_node_get_array (pn), i, g, error))
            return NULL;
        }
    }
  return g_steal_pointer (&g);
}

gboolean
pa_geojson_to_point (JsonObject *geometry, double *x, double *y, GError **error)
{
  const char *type = geometry_type (geometry);
  JsonNode *coords;

  if (strcmp (type, "Point") != 0 && strcmp (type, "MultiPoint") != 0)
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_UNSUPPORTED, "a %s is not a point", *type ? type : "geometry without a type");
      return FALSE;
    }
  if (!(coords = coordinates (geometry, type, error)))
    return FALSE;
  if (strcmp (type, "MultiPoint") == 0)
    {
      JsonArray *points = json_node_get_array (coords);
      if (json_array_get_length (points) != 1)
        {
          g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_UNSUPPORTED, "a MultiPoint of %u points is not one place",
                       json_array_get_length (points));
          return FALSE;
        }
      coords = json_array_get_element (points, 0);
    }
  if (!read_position (coords, x, y))
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID, "the point is not [longitude, latitude]");
      return FALSE;
    }
  return TRUE;
}

static void
append_number (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;

  g_ascii_formatd (buf, sizeof buf, "%.7f", v);
  /* 121.6000000 → 121.6: shorter files, the same numbers */
  end = buf + strlen (buf) - 1;
  while (end > buf && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  g_string_append (out, strcmp (buf, "-0") == 0 ? "0" : buf);
}

static double
ring_signed_area (const PaPoint *pts, guint n)
{
  double a = 0;
  for (guint i = 0, j = n - 1; i < n; j = i++)
    a += (pts[j].x - pts[i].x) * (pts[j].y + pts[i].y);
  return a / 2; /* > 0: anticlockwise with x east and y north */
}

void
pa_geojson_append_multipolygon (GString *out, const PaGeometry *g)
{
  g_string_append (out, "{\"type\":\"MultiPolygon\",\"coordinates\":[");
  for (guint p = 0; p < pa_geometry_get_n_polygons (g); p++)
    {
      g_string_append (out, p ? ",[" : "[");
      for (guint r = 0; r < pa_geometry_get_n_rings (g, p); r++)
        {
          guint n;
          const PaPoint *pts = pa_geometry_get_ring (g, p, r, &n);
          /* shells anticlockwise, holes clockwise (RFC 7946 §3.1.6) */
          gboolean reverse = n > 2 && (ring_signed_area (pts, n) > 0) != (r == 0);

          g_string_append (out, r ? ",[" : "[");
          for (guint i = 0; i < n; i++)
            {
              const PaPoint *q = &pts[reverse ? n - 1 - i : i];
              g_string_append (out, i ? ",[" : "[");
              append_number (out, q->x);
              g_string_append_c (out, ',');
              append_number (out, q->y);
              g_string_append_c (out, ']');
            }
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, ']');
    }
  g_string_append (out, "]}");
}

void
pa_geojson_append_point (GString *out, double x, double y)
{
  g_string_append (out, "{\"type\":\"Point\",\"coordinates\":[");
  append_number (out, x);
  g_string_append_c (out, ',');
  append_number (out, y);
  g_string_append (out, "]}");
}
