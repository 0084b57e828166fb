/* pa-geodesic.h — areas and distances on the WGS-84 ellipsoid (PROJ's geodesic library).
 *
 * A planner reads a zone's size in km²: computed on the ellipsoid, not in Web Mercator,
 * which at Shenzhen's latitude overstates areas by about 17 %.
 */
#pragma once

#include "pa-geometry.h"

G_BEGIN_DECLS

/* Area of @g (lon/lat) in km²: shells count, holes subtract. */
double pa_geodesic_area_km2 (const PaGeometry *g);
/* Distance between two lon/lat points in metres. */
double pa_geodesic_distance_m (double lon1, double lat1, double lon2, double lat2);

G_END_DECLS
