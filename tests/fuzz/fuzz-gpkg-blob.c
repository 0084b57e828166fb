/* fuzz-gpkg-blob.c — the GeoPackage geometry blob and WKB decoder, and what the painter
 * and the store then ask of a decoded geometry (extent, area, label point, Mercator) */
#include "pa-fuzz.h"

#include <math.h>

#include "geo/pa-gpkg-blob.h"

static void
use_geometry (PaGeometry *g)
{
  PaBBox b = pa_geometry_get_bbox (g);
  volatile double sink = b.minx + b.maxy;

  sink += pa_geometry_get_planar_area (g);
  if (!pa_geometry_is_empty (g))
    {
      PaPoint p = pa_geometry_get_label_point (g);
      sink += p.x + p.y;
      sink += pa_geometry_contains_point (g, (b.minx + b.maxx) / 2, (b.miny + b.maxy) / 2);
      /* the painter's path: only lon/lat geometries reach Web Mercator */
      if (b.minx >= -180 && b.maxx <= 180 && b.miny >= -90 && b.maxy <= 90)
        sink += pa_geometry_get_n_points (pa_geometry_get_mercator (g));
    }
  for (guint p = 0; p < pa_geometry_get_n_polygons (g); p++)
    {
      g_autoptr (PaGeometry) part = pa_geometry_get_polygon (g, p);
      g_assert (pa_geometry_get_n_rings (g, p) > 0); /* empty parts never reach the painter */
      sink += pa_geometry_get_n_points (part);
    }
  (void) sink;
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  pa_fuzz_init_logging ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  gint32 srs = 0;
  double x, y;
  PaBBox b;
  gboolean empty;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaGeometry) g = pa_gpkg_blob_to_geometry (data, size, &srs, &error);
  g_autoptr (PaGeometry) w = NULL;

  g_assert ((g == NULL) == (error != NULL));
  if (g)
    {
      g_autoptr (GBytes) again = NULL;
      use_geometry (g);
      /* what the store writes back, it must read back */
      again = pa_gpkg_blob_from_geometry (g, srs);
      {
        g_autoptr (PaGeometry) g2 = pa_gpkg_blob_to_geometry (g_bytes_get_data (again, NULL),
                                                              g_bytes_get_size (again), NULL, NULL);
        g_assert (g2 != NULL);
        g_assert (pa_geometry_get_n_points (g2) == pa_geometry_get_n_points (g));
      }
    }
  g_clear_error (&error);
  if (pa_gpkg_blob_to_point (data, size, &x, &y, &error))
    g_assert (isfinite (x) && isfinite (y));
  else
    g_assert (error != NULL);
  (void) pa_gpkg_blob_get_type (data, size);
  (void) pa_gpkg_blob_read_envelope (data, size, &b, &empty);
  w = pa_wkb_to_geometry (data, size, NULL);
  if (w)
    use_geometry (w);
  return 0;
}
