/* pa-mercator.c — spherical Web Mercator */
#include "pa-mercator.h"

#include <math.h>

void
pa_mercator_from_lonlat (double lon, double lat, double *x, double *y)
{
  double s;

  lat = CLAMP (lat, -PA_MERCATOR_MAX_LAT, PA_MERCATOR_MAX_LAT);
  s = sin (lat * G_PI / 180.0);
  *x = (lon + 180.0) / 360.0;
  *y = 0.5 - log ((1 + s) / (1 - s)) / (4 * G_PI);
}

void
pa_mercator_to_lonlat (double x, double y, double *lon, double *lat)
{
  *lon = x * 360.0 - 180.0;
  *lat = 90.0 - 360.0 * atan (exp ((y - 0.5) * 2 * G_PI)) / G_PI;
}

double
pa_mercator_ground_resolution (double lat, double zoom)
{
  return cos (lat * G_PI / 180.0) * 2 * G_PI * PA_EARTH_RADIUS_M
         / (PA_MERCATOR_TILE_SIZE * pow (2.0, zoom));
}

void
pa_mercator_metres_to_lonlat (double mx, double my, double *lon, double *lat)
{
  *lon = mx / PA_EARTH_RADIUS_M * 180.0 / G_PI;
  *lat = (2 * atan (exp (my / PA_EARTH_RADIUS_M)) - G_PI / 2) * 180.0 / G_PI;
}

double
pa_haversine_m (double lon1, double lat1, double lon2, double lat2)
{
  double p1 = lat1 * G_PI / 180, p2 = lat2 * G_PI / 180;
  double dp = p2 - p1, dl = (lon2 - lon1) * G_PI / 180;
  double a = sin (dp / 2) * sin (dp / 2) + cos (p1) * cos (p2) * sin (dl / 2) * sin (dl / 2);
  return 2 * 6371008.8 * atan2 (sqrt (a), sqrt (1 - a));
}

PaBBox
pa_mercator_bbox_from_lonlat (const PaBBox *lonlat)
{
  PaBBox box;
  /* north is the smaller y */
  pa_mercator_from_lonlat (lonlat->minx, lonlat->maxy, &box.minx, &box.miny);
  pa_mercator_from_lonlat (lonlat->maxx, lonlat->miny, &box.maxx, &box.maxy);
  return box;
}
