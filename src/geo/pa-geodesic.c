/* pa-geodesic.c */
#include "pa-geodesic.h"

#include <geodesic.h>
#include <math.h>

static const struct geod_geodesic *
wgs84 (void)
{
  static struct geod_geodesic g;
  static gsize once = 0;
  if (g_once_init_enter (&once))
    {
      geod_init (&g, 6378137.0, 1 / 298.257223563);
      g_once_init_leave (&once, 1);
    }
  return &g;
}

double
pa_geodesic_area_km2 (const PaGeometry *g)
{
  double total = 0;
  for (guint p = 0; p < pa_geometry_get_n_polygons (g); p++)
    for (guint r = 0; r < pa_geometry_get_n_rings (g, p); r++)
      {
        guint n;
        const PaPoint *pts = pa_geometry_get_ring (g, p, r, &n);
        double *lats = g_new (double, n), *lons = g_new (double, n);
        double area = 0;
        for (guint i = 0; i < n; i++)
          lats[i] = pts[i].y, lons[i] = pts[i].x;
        /* the ring's closing point repeats the first one; geod_polygonarea closes it itself */
        if (n > 1 && pts[0].x == pts[n - 1].x && pts[0].y == pts[n - 1].y)
          n--;
        if (n >= 3)
          geod_polygonarea (wgs84 (), lats, lons, (int) n, &area, NULL);
        total += r == 0 ? fabs (area) : -fabs (area);
        g_free (lats);
        g_free (lons);
      }
  return total / 1e6;
}

double
pa_geodesic_distance_m (double lon1, double lat1, double lon2, double lat2)
{
  double s12 = 0;
  geod_inverse (wgs84 (), lat1, lon1, lat2, lon2, &s12, NULL, NULL);
  return s12;
}
