/* pa-mercator.h — Web Mercator (EPSG:3857) as libshumate uses it.
 *
 * "World pixels" at zoom z are 256·2^z wide, origin top-left (180°W, 85.05°N),
 * which is what ShumateViewport uses for its 256-pixel tiles.
 */
#pragma once

#include <glib.h>

#include "pa-geometry.h"

G_BEGIN_DECLS

#define PA_MERCATOR_TILE_SIZE 256.0
#define PA_MERCATOR_MAX_LAT 85.05112878
#define PA_EARTH_RADIUS_M 6378137.0

/* Normalised mercator: x, y in [0, 1], y growing southwards. */
void pa_mercator_from_lonlat (double lon, double lat, double *x, double *y);
void pa_mercator_to_lonlat (double x, double y, double *lon, double *lat);
/* The normalised mercator box of a lon/lat box: the projection
 * keeps each axis in order, so it is the box of the projected shape itself, found from
 * two corners instead of every point. */
PaBBox pa_mercator_bbox_from_lonlat (const PaBBox *lonlat);
/* Metres on the ground per world pixel at @lat and @zoom. */
double pa_mercator_ground_resolution (double lat, double zoom);
/* EPSG:3857 metres to lon/lat, for GeoPackages in 3857. */
void pa_mercator_metres_to_lonlat (double mx, double my, double *lon, double *lat);
/* Great-circle distance in metres. */
double pa_haversine_m (double lon1, double lat1, double lon2, double lat2);

G_END_DECLS
