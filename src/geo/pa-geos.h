/* pa-geos.h — the geometry operations the app takes from GEOS.
 *
 * Union of district outlines into a zone, clipping a schematic disc to its parent
 * district, repairing imported rings, and the containment check the tests use.
 * Each call uses its own GEOS context, so it is safe from any thread.
 */
#pragma once

#include "pa-geometry.h"

G_BEGIN_DECLS

PaGeometry *pa_geos_union (PaGeometry **parts, guint n_parts, GError **error);
PaGeometry *pa_geos_intersection (const PaGeometry *a, const PaGeometry *b, GError **error);
PaGeometry *pa_geos_make_valid (const PaGeometry *g, GError **error);
/* TRUE when @outer covers @inner after growing @outer by @tolerance (input units). */
gboolean pa_geos_covers (const PaGeometry *outer, const PaGeometry *inner, double tolerance);
/* TRUE when @g is a valid polygonal geometry (OGC simple features, as GEOS checks it:
 * rings closed with 3+ distinct points, no self-intersection, holes inside shells …).
 * Otherwise @reason (may be NULL) gets GEOS's words and @where (may be NULL) the place. */
gboolean pa_geos_check_valid (const PaGeometry *g, char **reason, PaPoint *where);
/* A disc of @radius_km around (lon, lat), as a 72-gon in lon/lat (local equirectangular). */
PaGeometry *pa_geometry_new_disc (double lon, double lat, double radius_km);

G_END_DECLS
