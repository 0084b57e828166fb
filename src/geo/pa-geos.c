/* pa-geos.c — GEOS through its reentrant C API */
#define G_LOG_DOMAIN "parkatlas-geo"

#include "pa-geos.h"
#include "pa-gpkg-blob.h"

#include <geos_c.h>
#include <math.h>

static void
geos_message (const char *message, void *userdata)
{
  g_debug ("GEOS: %s", message);
}

static GEOSContextHandle_t
context_new (void)
{
  GEOSContextHandle_t ctx = GEOS_init_r ();
  GEOSContext_setNoticeMessageHandler_r (ctx, geos_message, NULL);
  GEOSContext_setErrorMessageHandler_r (ctx, geos_message, NULL);
  return ctx;
}

static GEOSGeometry *
to_geos (GEOSContextHandle_t ctx, const PaGeometry *g)
{
  guint np = pa_geometry_get_n_polygons (g);
  GEOSGeometry **polys = g_new0 (GEOSGeometry *, MAX (np, 1));
  GEOSGeometry *result;

  for (guint p = 0; p < np; p++)
    {
      guint nr = pa_geometry_get_n_rings (g, p);
      GEOSGeometry *shell = NULL;
      GEOSGeometry **holes = g_new0 (GEOSGeometry *, MAX (nr, 1));
      for (guint r = 0; r < nr; r++)
        {
          guint n;
          const PaPoint *pts = pa_geometry_get_ring (g, p, r, &n);
          gboolean closed = n > 0 && pts[0].x == pts[n - 1].x && pts[0].y == pts[n - 1].y;
          guint total = closed ? n : n + 1;
          GEOSCoordSequence *seq = GEOSCoordSeq_create_r (ctx, total, 2);
          for (guint i = 0; i < total; i++)
            {
              const PaPoint *pt = &pts[i % n];
              GEOSCoordSeq_setXY_r (ctx, seq, i, pt->x, pt->y);
            }
          if (r == 0)
            shell = GEOSGeom_createLinearRing_r (ctx, seq);
          else
            holes[r - 1] = GEOSGeom_createLinearRing_r (ctx, seq);
        }
      polys[p] = GEOSGeom_createPolygon_r (ctx, shell, holes, nr > 0 ? nr - 1 : 0);
      g_free (holes);
    }
  result = GEOSGeom_createCollection_r (ctx, GEOS_MULTIPOLYGON, polys, np);
  g_free (polys);
  return result;
}

static void
append_polygon (GEOSContextHandle_t ctx, const GEOSGeometry *poly, PaGeometry *out)
{
  int nholes = GEOSGetNumInteriorRings_r (ctx, poly);
  if (GEOSisEmpty_r (ctx, poly))
    return;
  pa_geometry_begin_polygon (out);
  for (int r = -1; r < nholes; r++)
    {
      const GEOSGeometry *ring
          = r < 0 ? GEOSGetExteriorRing_r (ctx, poly) : GEOSGetInteriorRingN_r (ctx, poly, r);
      const GEOSCoordSequence *seq = GEOSGeom_getCoordSeq_r (ctx, ring);
      unsigned int n = 0;
      GEOSCoordSeq_getSize_r (ctx, seq, &n);
      pa_geometry_begin_ring (out);
      for (unsigned int i = 0; i < n; i++)
        {
          double x, y;
          GEOSCoordSeq_getXY_r (ctx, seq, i, &x, &y);
          pa_geometry_add_point (out, x, y);
        }
    }
}

/* Keeps only the polygonal parts of a GEOS result (intersections can yield lines). */
static void
collect_polygons (GEOSContextHandle_t ctx, const GEOSGeometry *g, PaGeometry *out)
{
  int type = GEOSGeomTypeId_r (ctx, g);
  if (type == GEOS_POLYGON)
    append_polygon (ctx, g, out);
  else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION)
    for (int i = 0; i < GEOSGetNumGeometries_r (ctx, g); i++)
      collect_polygons (ctx, GEOSGetGeometryN_r (ctx, g, i), out);
}

static PaGeometry *
from_geos (GEOSContextHandle_t ctx, const GEOSGeometry *g)
{
  PaGeometry *out = pa_geometry_new ();
  collect_polygons (ctx, g, out);
  return out;
}

static PaGeometry *
fail (GError **error, const char *what)
{
  g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID, "GEOS could not compute the %s", what);
  return NULL;
}

PaGeometry *
pa_geos_union (PaGeometry **parts, guint n_parts, GError **error)
{
  GEOSContextHandle_t ctx = context_new ();
  GEOSGeometry **gs = g_new0 (GEOSGeometry *, MAX (n_parts, 1));
  GEOSGeometry *coll, *u;
  PaGeometry *out = NULL;

  for (guint i = 0; i < n_parts; i++)
    {
      GEOSGeometry *g = to_geos (ctx, parts[i]);
      gs[i] = GEOSMakeValid_r (ctx, g);
      GEOSGeom_destroy_r (ctx, g);
    }
  coll = GEOSGeom_createCollection_r (ctx, GEOS_GEOMETRYCOLLECTION, gs, n_parts);
  u = coll ? GEOSUnaryUnion_r (ctx, coll) : NULL;
  if (u)
    out = from_geos (ctx, u);
  else
    fail (error, "union of the zone's places");
  if (u)
    GEOSGeom_destroy_r (ctx, u);
  if (coll)
    GEOSGeom_destroy_r (ctx, coll);
  g_free (gs);
  GEOS_finish_r (ctx);
  return out;
}

PaGeometry *
pa_geos_intersection (const PaGeometry *a, const PaGeometry *b, GError **error)
{
  GEOSContextHandle_t ctx = context_new ();
  GEOSGeometry *ga0 = to_geos (ctx, a), *gb0 = to_geos (ctx, b);
  GEOSGeometry *ga = GEOSMakeValid_r (ctx, ga0), *gb = GEOSMakeValid_r (ctx, gb0);
  GEOSGeometry *i = (ga && gb) ? GEOSIntersection_r (ctx, ga, gb) : NULL;
  PaGeometry *out = i ? from_geos (ctx, i) : fail (error, "intersection");

  if (i)
    GEOSGeom_destroy_r (ctx, i);
  GEOSGeom_destroy_r (ctx, ga0);
  GEOSGeom_destroy_r (ctx, gb0);
  if (ga)
    GEOSGeom_destroy_r (ctx, ga);
  if (gb)
    GEOSGeom_destroy_r (ctx, gb);
  GEOS_finish_r (ctx);
  return out;
}

PaGeometry *
pa_geos_make_valid (const PaGeometry *g, GError **error)
{
  GEOSContextHandle_t ctx = context_new ();
  GEOSGeometry *g0 = to_geos (ctx, g);
  GEOSGeometry *v = GEOSMakeValid_r (ctx, g0);
  PaGeometry *out = v ? from_geos (ctx, v) : fail (error, "repaired outline");

  if (v)
    GEOSGeom_destroy_r (ctx, v);
  GEOSGeom_destroy_r (ctx, g0);
  GEOS_finish_r (ctx);
  return out;
}

gboolean
pa_geos_covers (const PaGeometry *outer, const PaGeometry *inner, double tolerance)
{
  GEOSContextHandle_t ctx = context_new ();
  GEOSGeometry *o0 = to_geos (ctx, outer), *in = to_geos (ctx, inner);
  GEOSGeometry *o = GEOSBuffer_r (ctx, o0, tolerance, 8);
  char r = o ? GEOSCovers_r (ctx, o, in) : 2;

  if (o)
    GEOSGeom_destroy_r (ctx, o);
  GEOSGeom_destroy_r (ctx, o0);
  GEOSGeom_destroy_r (ctx, in);
  GEOS_finish_r (ctx);
  return r == 1;
}

PaGeometry *
pa_geometry_new_disc (double lon, double lat, double radius_km)
{
  PaGeometry *g = pa_geometry_new ();
  double dlat = radius_km / 111.32;
  double dlon = dlat / cos (lat * G_PI / 180.0);

  pa_geometry_begin_polygon (g);
  pa_geometry_begin_ring (g);
  for (int i = 0; i <= 72; i++)
    {
      double a = 2 * G_PI * (i % 72) / 72.0;
      pa_geometry_add_point (g, lon + dlon * cos (a), lat + dlat * sin (a));
    }
  return g;
}

gboolean
pa_geos_check_valid (const PaGeometry *g, char **reason, PaPoint *where)
{
  GEOSContextHandle_t ctx;
  GEOSGeometry *geom, *location = NULL;
  char *why = NULL;
  char valid;

  /* GEOS cannot even build a ring of fewer than four points (three distinct, closed) */
  for (guint p = 0; p < pa_geometry_get_n_polygons (g); p++)
    for (guint r = 0; r < pa_geometry_get_n_rings (g, p); r++)
      {
        guint n;
        const PaPoint *pts = pa_geometry_get_ring (g, p, r, &n);
        gboolean closed = n > 0 && pts[0].x == pts[n - 1].x && pts[0].y == pts[n - 1].y;
        if (n - (closed ? 1 : 0) < 3 || n == 0)
          {
            if (reason)
              *reason = g_strdup ("Too few points");
            if (where)
              *where = n ? pts[0] : (PaPoint){ NAN, NAN };
            return FALSE;
          }
        for (guint i = 0; i < n; i++)
          if (!isfinite (pts[i].x) || !isfinite (pts[i].y) || fabs (pts[i].x) > 180 || fabs (pts[i].y) > 90)
            {
              if (reason)
                *reason = g_strdup ("Coordinate out of range");
              if (where)
                *where = pts[i];
              return FALSE;
            }
      }
  ctx = context_new ();
  geom = to_geos (ctx, g);
  valid = geom ? GEOSisValidDetail_r (ctx, geom, 0, &why, &location) : 0;
  if (valid != 1)
    {
      if (reason)
        *reason = g_strdup (why ? why : "Invalid geometry");
      if (where)
        {
          double x = NAN, y = NAN;
          if (location)
            {
              GEOSGeomGetX_r (ctx, location, &x);
              GEOSGeomGetY_r (ctx, location, &y);
            }
          *where = (PaPoint){ x, y };
        }
    }
  if (why)
    GEOSFree_r (ctx, why);
  if (location)
    GEOSGeom_destroy_r (ctx, location);
  if (geom)
    GEOSGeom_destroy_r (ctx, geom);
  GEOS_finish_r (ctx);
  return valid == 1;
}
