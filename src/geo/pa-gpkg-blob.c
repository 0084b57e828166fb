/* pa-gpkg-blob.c — GeoPackage binary and WKB reading and writing */
#include "pa-gpkg-blob.h"

#include <math.h>
#include <string.h>

G_DEFINE_QUARK (pa-geo-error-quark, pa_geo_error)

enum
{
  WKB_POINT = 1,
  WKB_LINESTRING = 2,
  WKB_POLYGON = 3,
  WKB_MULTIPOINT = 4,
  WKB_MULTILINESTRING = 5,
  WKB_MULTIPOLYGON = 6,
};

static void
put_u32 (GByteArray *out, guint32 v)
{
  v = GUINT32_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &v, 4);
}

static void
put_f64 (GByteArray *out, double d)
{
  guint64 v;
  memcpy (&v, &d, 8);
  v = GUINT64_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &v, 8);
}

static void
write_wkb (GByteArray *out, const PaGeometry *g)
{
  guint8 le = 1;
  guint np = pa_geometry_get_n_polygons (g);

  g_byte_array_append (out, &le, 1);
  put_u32 (out, WKB_MULTIPOLYGON);
  put_u32 (out, np);
  for (guint p = 0; p < np; p++)
    {
      guint nr = pa_geometry_get_n_rings (g, p);
      g_byte_array_append (out, &le, 1);
      put_u32 (out, WKB_POLYGON);
      put_u32 (out, nr);
      for (guint r = 0; r < nr; r++)
        {
          guint n;
          const PaPoint *pts = pa_geometry_get_ring (g, p, r, &n);
          put_u32 (out, n);
          for (guint i = 0; i < n; i++)
            {
              put_f64 (out, pts[i].x);
              put_f64 (out, pts[i].y);
            }
        }
    }
}

GBytes *
pa_wkb_from_geometry (const PaGeometry *geometry)
{
  GByteArray *out = g_byte_array_new ();
  write_wkb (out, geometry);
  return g_byte_array_free_to_bytes (out);
}

GBytes *
pa_gpkg_blob_from_geometry (const PaGeometry *geometry, gint32 srs_id)
{
  GByteArray *out = g_byte_array_new ();
  gboolean empty = pa_geometry_is_empty (geometry);
  /* flags: bit 0 little-endian, bits 1-3 envelope kind (1 = xy), bit 4 empty */
  guint8 head[4] = { 'G', 'P', 0, (guint8) (empty ? (1 | 1 << 4) : (1 | 1 << 1)) };
  PaBBox b = pa_geometry_get_bbox (geometry);

  g_byte_array_append (out, head, 4);
  put_u32 (out, (guint32) srs_id);
  if (!empty)
    {
      put_f64 (out, b.minx);
      put_f64 (out, b.maxx);
      put_f64 (out, b.miny);
      put_f64 (out, b.maxy);
    }
  write_wkb (out, geometry);
  return g_byte_array_free_to_bytes (out);
}

GBytes *
pa_gpkg_blob_from_point (double x, double y, gint32 srs_id)
{
  GByteArray *out = g_byte_array_new ();
  guint8 head[4] = { 'G', 'P', 0, (guint8) (1 | 1 << 1) };
  guint8 le = 1;

  g_byte_array_append (out, head, 4);
  put_u32 (out, (guint32) srs_id);
  put_f64 (out, x);
  put_f64 (out, x);
  put_f64 (out, y);
  put_f64 (out, y);
  g_byte_array_append (out, &le, 1);
  put_u32 (out, 1); /* wkbPoint */
  put_f64 (out, x);
  put_f64 (out, y);
  return g_byte_array_free_to_bytes (out);
}

typedef struct
{
  const guint8 *p, *end;
  gboolean le;
} Reader;

static gboolean
take (Reader *r, gsize n)
{
  return (gsize) (r->end - r->p) >= n;
}

static guint32
get_u32 (Reader *r)
{
  guint32 v;
  memcpy (&v, r->p, 4);
  r->p += 4;
  return r->le ? GUINT32_FROM_LE (v) : GUINT32_FROM_BE (v);
}

static double
get_f64 (Reader *r)
{
  guint64 v;
  double d;
  memcpy (&v, r->p, 8);
  r->p += 8;
  v = r->le ? GUINT64_FROM_LE (v) : GUINT64_FROM_BE (v);
  memcpy (&d, &v, 8);
  return d;
}

/* Reads byte order and type; returns the base type and the coordinate dimension. */
static gboolean
read_header (Reader *r, guint32 *base, guint *dims, GError **error)
{
  guint32 type;

  if (!take (r, 5))
    goto truncated;
  r->le = *r->p++ == 1;
  type = get_u32 (r);
  *dims = 2;
  /* EWKB flags (PostGIS) and ISO 1000/2000/3000 offsets */
  if (type & 0x80000000u)
    (*dims)++;
  if (type & 0x40000000u)
    (*dims)++;
  if (type & 0x20000000u)
    {
      if (!take (r, 4))
        goto truncated;
      r->p += 4;
    }
  type &= 0x0fffffffu;
  if (type >= 1000 && type < 4000)
    {
      *dims += type >= 3000 ? 2 : 1;
      type %= 1000;
    }
  *base = type;
  return TRUE;
truncated:
  g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID, "WKB is truncated");
  return FALSE;
}

/* GDAL and QGIS write empty rings and empty polygons (MULTIPOLYGON (((…)),EMPTY)): an
 * empty ring is skipped, and a polygon whose shell is empty is an empty part, skipped
 * too; a coordinate that is not a finite number is refused, as nothing can draw it. */
static gboolean
read_polygon_body (Reader *r, guint dims, PaGeometry *g, guint part, GError **error)
{
  guint32 nr;
  gboolean begun = FALSE, shell_empty = FALSE;

  if (!take (r, 4))
    goto truncated;
  nr = get_u32 (r);
  for (guint32 i = 0; i < nr; i++)
    {
      guint32 n;
      if (!take (r, 4))
        goto truncated;
      n = get_u32 (r);
      if (!take (r, (gsize) n * dims * 8))
        goto truncated;
      if (n == 0)
        {
          shell_empty = shell_empty || i == 0;
          continue;
        }
      if (shell_empty)
        {
          g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                       "polygon %u has holes but an empty outer ring", part + 1);
          return FALSE;
        }
      if (n < 3)
        {
          g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                       "ring %u of polygon %u has %u points (a ring needs at least 3)", i + 1,
                       part + 1, n);
          return FALSE;
        }
      if (!begun)
        pa_geometry_begin_polygon (g);
      begun = TRUE;
      pa_geometry_begin_ring (g);
      for (guint32 k = 0; k < n; k++)
        {
          double x = get_f64 (r), y = get_f64 (r);
          r->p += (dims - 2) * 8;
          if (!isfinite (x) || !isfinite (y))
            {
              g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                           "point %u of ring %u of polygon %u is not a finite coordinate", k + 1,
                           i + 1, part + 1);
              return FALSE;
            }
          pa_geometry_add_point (g, x, y);
        }
    }
  return TRUE;
truncated:
  g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID, "WKB polygon is truncated");
  return FALSE;
}

static PaGeometry *
read_wkb (Reader *r, GError **error)
{
  g_autoptr (PaGeometry) g = pa_geometry_new ();
  guint32 base;
  guint dims;

  if (!read_header (r, &base, &dims, error))
    return NULL;
  if (base == WKB_POLYGON)
    {
      if (!read_polygon_body (r, dims, g, 0, error))
        return NULL;
    }
  else if (base == WKB_MULTIPOLYGON)
    {
      guint32 n;
      if (!take (r, 4))
        {
          g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID, "WKB is truncated");
          return NULL;
        }
      n = get_u32 (r);
      for (guint32 i = 0; i < n; i++)
        {
          guint32 part;
          guint pdims;
          if (!read_header (r, &part, &pdims, error))
            return NULL;
          if (part != WKB_POLYGON)
            {
              g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                           "MultiPolygon part %u has WKB type %u", i, part);
              return NULL;
            }
          if (!read_polygon_body (r, pdims, g, i, error))
            return NULL;
        }
    }
  else
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_UNSUPPORTED,
                   "WKB geometry type %u is not a polygon or multipolygon", base);
      return NULL;
    }
  return g_steal_pointer (&g);
}

PaGeometry *
pa_wkb_to_geometry (const guint8 *data, gsize len, GError **error)
{
  Reader r = { data, data + len, TRUE };
  return read_wkb (&r, error);
}

static gssize
envelope_size (guint8 flags)
{
  switch ((flags >> 1) & 7)
    {
    case 0: return 0;
    case 1: return 32;
    case 2: case 3: return 48;
    case 4: return 64;
    default: return -1;
    }
}

gboolean
pa_gpkg_blob_read_envelope (const guint8 *data, gsize len, PaBBox *bbox, gboolean *is_empty)
{
  Reader r;
  gssize env;

  if (len < 8 || data[0] != 'G' || data[1] != 'P')
    return FALSE;
  env = envelope_size (data[3]);
  if (env < 0 || len < 8 + (gsize) env)
    return FALSE;
  *is_empty = (data[3] >> 4) & 1;
  if (env > 0)
    {
      r = (Reader){ data + 8, data + len, data[3] & 1 };
      bbox->minx = get_f64 (&r);
      bbox->maxx = get_f64 (&r);
      bbox->miny = get_f64 (&r);
      bbox->maxy = get_f64 (&r);
      return TRUE;
    }
  if (*is_empty)
    {
      *bbox = pa_bbox_empty ();
      return TRUE;
    }
  /* No envelope written (GDAL writes none for points): decode the geometry to find it. */
  {
    double x, y;
    g_autoptr (PaGeometry) g = NULL;
    if (pa_gpkg_blob_to_point (data, len, &x, &y, NULL))
      {
        *bbox = (PaBBox){ x, y, x, y };
        return TRUE;
      }
    g = pa_wkb_to_geometry (data + 8, len - 8, NULL);
    if (g == NULL)
      g = pa_gpkg_blob_to_lines (data, len, NULL);
    if (g == NULL)
      return FALSE;
    *bbox = pa_geometry_get_bbox (g);
    *is_empty = pa_geometry_is_empty (g);
    return TRUE;
  }
}

PaGeometry *
pa_gpkg_blob_to_geometry (const guint8 *data, gsize len, gint32 *srs_id, GError **error)
{
  gssize env;
  guint32 srs;
  PaGeometry *g;

  if (len < 8 || data[0] != 'G' || data[1] != 'P')
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                   "not a GeoPackage geometry (no GP header)");
      return NULL;
    }
  env = envelope_size (data[3]);
  if (env < 0 || len < 8 + (gsize) env)
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                   "GeoPackage geometry header is invalid or truncated");
      return NULL;
    }
  memcpy (&srs, data + 4, 4);
  srs = (data[3] & 1) ? GUINT32_FROM_LE (srs) : GUINT32_FROM_BE (srs);
  if (srs_id)
    *srs_id = (gint32) srs;
  if ((data[3] >> 4) & 1 && len == 8 + (gsize) env)
    return pa_geometry_new ();
  g = pa_wkb_to_geometry (data + 8 + env, len - 8 - env, error);
  if (g && srs == 4326 && !pa_geometry_is_empty (g))
    {
      PaBBox b = pa_geometry_get_bbox (g);
      /* longitude/latitude outside the globe is a wrong CRS or damage: nothing to draw */
      if (b.minx < -180 || b.maxx > 180 || b.miny < -90 || b.maxy > 90)
        {
          g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                       "coordinates out of range for longitude/latitude (%g, %g … %g, %g)", b.minx,
                       b.miny, b.maxx, b.maxy);
          g_clear_pointer (&g, pa_geometry_unref);
        }
    }
  return g;
}

/* The WKB after the GP header and envelope, or NULL for an empty or broken blob. */
static gboolean
gpkg_wkb (const guint8 *data, gsize len, Reader *r, gboolean *empty)
{
  gssize env;

  *empty = FALSE;
  if (len < 8 || data[0] != 'G' || data[1] != 'P')
    return FALSE;
  env = envelope_size (data[3]);
  if (env < 0 || len < 8 + (gsize) env)
    return FALSE;
  *empty = ((data[3] >> 4) & 1) && len == 8 + (gsize) env;
  *r = (Reader){ data + 8 + env, data + len, TRUE };
  return !*empty;
}

int
pa_gpkg_blob_get_type (const guint8 *data, gsize len)
{
  Reader r;
  gboolean empty;
  guint32 base;
  guint dims;

  if (!gpkg_wkb (data, len, &r, &empty))
    return empty ? -1 : 0;
  if (!read_header (&r, &base, &dims, NULL))
    return 0;
  return (int) base;
}

gboolean
pa_gpkg_blob_to_point (const guint8 *data, gsize len, double *x, double *y, GError **error)
{
  Reader r;
  gboolean empty;
  guint32 base;
  guint dims;

  if (!gpkg_wkb (data, len, &r, &empty))
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                   empty ? "the point is empty" : "not a GeoPackage geometry (no GP header)");
      return FALSE;
    }
  if (!read_header (&r, &base, &dims, error))
    return FALSE;
  if (base == WKB_MULTIPOINT)
    {
      guint32 n;
      if (!take (&r, 4))
        goto truncated;
      n = get_u32 (&r);
      if (n != 1)
        {
          g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_UNSUPPORTED,
                       "a MultiPoint of %u points is not one place", n);
          return FALSE;
        }
      if (!read_header (&r, &base, &dims, error))
        return FALSE;
    }
  if (base != WKB_POINT)
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_UNSUPPORTED, "WKB geometry type %u is not a point", base);
      return FALSE;
    }
  if (!take (&r, (gsize) dims * 8))
    goto truncated;
  *x = get_f64 (&r);
  *y = get_f64 (&r);
  /* GeoPackage writes an empty point as NaN, NaN */
  if (isnan (*x) || isnan (*y))
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID, "the point is empty");
      return FALSE;
    }
  if (!isfinite (*x) || !isfinite (*y))
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID, "the point is not a finite coordinate");
      return FALSE;
    }
  return TRUE;
truncated:
  g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID, "WKB point is truncated");
  return FALSE;
}

/* One line's points as a one-ring part of @g (open: the ring is not closed). */
static gboolean
read_line_body (Reader *r, guint dims, PaGeometry *g, guint part, GError **error)
{
  guint32 n;

  if (!take (r, 4))
    goto truncated;
  n = get_u32 (r);
  if (!take (r, (gsize) n * dims * 8))
    goto truncated;
  if (n == 0)
    return TRUE; /* an empty part, as GDAL writes them */
  if (n < 2)
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                   "line %u has one point (a line needs at least 2)", part + 1);
      return FALSE;
    }
  pa_geometry_begin_polygon (g);
  pa_geometry_begin_ring (g);
  for (guint32 k = 0; k < n; k++)
    {
      double x = get_f64 (r), y = get_f64 (r);
      r->p += (dims - 2) * 8;
      if (!isfinite (x) || !isfinite (y))
        {
          g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                       "point %u of line %u is not a finite coordinate", k + 1, part + 1);
          return FALSE;
        }
      pa_geometry_add_point (g, x, y);
    }
  return TRUE;
truncated:
  g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID, "WKB line is truncated");
  return FALSE;
}

PaGeometry *
pa_gpkg_blob_to_lines (const guint8 *data, gsize len, GError **error)
{
  g_autoptr (PaGeometry) g = pa_geometry_new ();
  Reader r;
  gboolean empty;
  guint32 base;
  guint dims;

  if (!gpkg_wkb (data, len, &r, &empty))
    {
      if (empty)
        return g_steal_pointer (&g);
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID, "not a GeoPackage geometry (no GP header)");
      return NULL;
    }
  if (!read_header (&r, &base, &dims, error))
    return NULL;
  if (base == WKB_LINESTRING)
    return read_line_body (&r, dims, g, 0, error) ? g_steal_pointer (&g) : NULL;
  if (base != WKB_MULTILINESTRING)
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_UNSUPPORTED,
                   "WKB geometry type %u is not a line or multiline", base);
      return NULL;
    }
  if (!take (&r, 4))
    {
      g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID, "WKB is truncated");
      return NULL;
    }
  for (guint32 i = 0, n = get_u32 (&r); i < n; i++)
    {
      guint32 part;
      guint pdims;
      if (!read_header (&r, &part, &pdims, error))
        return NULL;
      if (part != WKB_LINESTRING)
        {
          g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                       "MultiLineString part %u has WKB type %u", i, part);
          return NULL;
        }
      if (!read_line_body (&r, pdims, g, i, error))
        return NULL;
    }
  return g_steal_pointer (&g);
}
