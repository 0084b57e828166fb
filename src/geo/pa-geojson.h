/* pa-geojson.h — GeoJSON (RFC 7946) polygon geometries to PaGeometry */
#pragma once

#include <json-glib/json-glib.h>

#include "pa-geometry.h"

G_BEGIN_DECLS

/* Polygon or MultiPolygon; other types are PA_GEO_ERROR_UNSUPPORTED. */
PaGeometry *pa_geojson_to_geometry (JsonObject *geometry, GError **error);

G_END_DECLS
