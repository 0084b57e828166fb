/* pa-geojson.h — GeoJSON (RFC 7946) geometries to and from PaGeometry and points.
 *
 * Reading is strict about what a position is (two or three numbers; a third, the
 * altitude, is dropped) and says where it is not; rings left open are closed. Writing
 * orients rings as RFC 7946 asks (shells anticlockwise, holes clockwise) with seven
 * decimals (about a centimetre).
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pa-geometry.h"

G_BEGIN_DECLS

/* Polygon or MultiPolygon; other types are PA_GEO_ERROR_UNSUPPORTED. */
PaGeometry *pa_geojson_to_geometry (JsonObject *geometry, GError **error);
/* A Point (or a MultiPoint of one point); other types are PA_GEO_ERROR_UNSUPPORTED. */
gboolean pa_geojson_to_point (JsonObject *geometry, double *x, double *y, GError **error);

/* Appends {"type": "MultiPolygon", "coordinates": …} for @g. */
void pa_geojson_append_multipolygon (GString *out, const PaGeometry *g);
/* Appends {"type": "Point", "coordinates": [x, y]}. */
void pa_geojson_append_point (GString *out, double x, double y);

G_END_DECLS
