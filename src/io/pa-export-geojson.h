/* pa-export-geojson.h — a plan's zones and placed organisations as a GeoJSON
 * FeatureCollection (RFC 7946: WGS-84 lon/lat, shells anticlockwise), for QGIS, GDAL or
 * another Park Atlas. Zones are MultiPolygons with kind "zone", name, role (the plan's
 * key) and role_label, places, industries (an array), note and entered_by; each
 * organisation with a site is a Point with kind, name, role, industry, zone,
 * responsible and entered_by. Importing the file gives the same zones and organisations.
 */
#pragma once

#include "model/pa-plan.h"

G_BEGIN_DECLS

/* The GeoJSON text of @plan. */
char *pa_export_plan_geojson (PaPlan *plan);
/* Writes it to @path under a temporary name, then renames it into place. */
gboolean pa_export_plan_geojson_file (PaPlan *plan, const char *path, GError **error);

G_END_DECLS
