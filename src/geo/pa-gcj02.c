/* pa-gcj02.c — the GCJ-02 forward formula (Krasovsky 1940 constants, as every open
 * converter implements it) and its inverse by fixed-point iteration */
#include "pa-gcj02.h"

#include <math.h>

#define KRASOVSKY_A 6378245.0
#define KRASOVSKY_EE 0.00669342162296594323
#define INVERSE_TOLERANCE 1e-9
#define INVERSE_REQUIRED 1e-7

gboolean
pa_gcj02_is_in_china (double lon, double lat)
{
  return lon >= 72.004 && lon <= 137.8347 && lat >= 0.8293 && lat <= 55.8271;
}

static double
offset_lat (double x, double y)
{
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * sqrt (fabs (x));
  r += (20.0 * sin (6.0 * x * G_PI) + 20.0 * sin (2.0 * x * G_PI)) * 2.0 / 3.0;
  r += (20.0 * sin (y * G_PI) + 40.0 * sin (y / 3.0 * G_PI)) * 2.0 / 3.0;
  r += (160.0 * sin (y / 12.0 * G_PI) + 320.0 * sin (y * G_PI / 30.0)) * 2.0 / 3.0;
  return r;
}

static double
offset_lon (double x, double y)
{
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * sqrt (fabs (x));
  r += (20.0 * sin (6.0 * x * G_PI) + 20.0 * sin (2.0 * x * G_PI)) * 2.0 / 3.0;
  r += (20.0 * sin (x * G_PI) + 40.0 * sin (x / 3.0 * G_PI)) * 2.0 / 3.0;
  r += (150.0 * sin (x / 12.0 * G_PI) + 300.0 * sin (x / 30.0 * G_PI)) * 2.0 / 3.0;
  return r;
}

void
pa_gcj02_from_wgs84 (double lon, double lat, double *gcj_lon, double *gcj_lat)
{
  double dlat, dlon, rad, magic, sqrt_magic;

  if (!pa_gcj02_is_in_china (lon, lat))
    {
      *gcj_lon = lon;
      *gcj_lat = lat;
      return;
    }
  dlat = offset_lat (lon - 105.0, lat - 35.0);
  dlon = offset_lon (lon - 105.0, lat - 35.0);
  rad = lat / 180.0 * G_PI;
  magic = sin (rad);
  magic = 1 - KRASOVSKY_EE * magic * magic;
  sqrt_magic = sqrt (magic);
  dlat = dlat * 180.0 / (KRASOVSKY_A * (1 - KRASOVSKY_EE) / (magic * sqrt_magic) * G_PI);
  dlon = dlon * 180.0 / (KRASOVSKY_A / sqrt_magic * cos (rad) * G_PI);
  *gcj_lon = lon + dlon;
  *gcj_lat = lat + dlat;
}

gboolean
pa_gcj02_to_wgs84 (double gcj_lon, double gcj_lat, double *lon, double *lat)
{
  double x = gcj_lon, y = gcj_lat, err = INFINITY;

  if (!isfinite (gcj_lon) || !isfinite (gcj_lat))
    return FALSE;
  /* w ← w − (F(w) − g): the offset changes slowly, so this converges in a few steps */
  for (int i = 0; i < 50 && err >= INVERSE_TOLERANCE; i++)
    {
      double fx, fy;
      pa_gcj02_from_wgs84 (x, y, &fx, &fy);
      err = MAX (fabs (fx - gcj_lon), fabs (fy - gcj_lat));
      if (err >= INVERSE_TOLERANCE)
        {
          x -= fx - gcj_lon;
          y -= fy - gcj_lat;
        }
    }
  if (!(err < INVERSE_REQUIRED))
    return FALSE;
  *lon = x;
  *lat = y;
  return TRUE;
}

static gboolean
point_to_wgs84 (PaPoint *p, gpointer data)
{
  return pa_gcj02_to_wgs84 (p->x, p->y, &p->x, &p->y);
}

PaGeometry *
pa_gcj02_geometry_to_wgs84 (const PaGeometry *g)
{
  return pa_geometry_map_points (g, point_to_wgs84, NULL);
}
