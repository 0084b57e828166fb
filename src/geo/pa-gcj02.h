/* pa-gcj02.h — GCJ-02 (the "Mars" datum of Chinese web maps: AMap, Tencent, Google China)
 * to and from WGS-84.
 *
 * PROJ has no GCJ-02 operation: it is an obfuscation, not a datum. The forward
 * transform (WGS-84 → GCJ-02) is the published formula; the inverse iterates it until
 * the residual is below 1e-9° (required: 1e-7°, about a centimetre). Outside China's
 * rough bounding box GCJ-02 applies no offset, and neither do these functions.
 */
#pragma once

#include "pa-geometry.h"

G_BEGIN_DECLS

/* TRUE when (lon, lat) is in the box where GCJ-02 applies its offset. */
gboolean pa_gcj02_is_in_china (double lon, double lat);
void pa_gcj02_from_wgs84 (double lon, double lat, double *gcj_lon, double *gcj_lat);
/* FALSE (and the input unchanged) when the iteration does not converge: never inside
 * China in practice, but the caller must not store a point that is off by metres. */
gboolean pa_gcj02_to_wgs84 (double gcj_lon, double gcj_lat, double *lon, double *lat);
/* Every point of @g converted; NULL when a point does not converge. */
PaGeometry *pa_gcj02_geometry_to_wgs84 (const PaGeometry *g);

G_END_DECLS
