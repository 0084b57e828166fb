/* pa-gpkg-blob.h — GeoPackage geometry binary: "GP" header + envelope + WKB.
 *
 * OGC 12-128r18 §2.1.3. The store writes MULTIPOLYGONs with an [minx,maxx,miny,maxy]
 * envelope, little-endian; it reads Polygon / MultiPolygon in either byte order,
 * with or without Z/M (ISO or EWKB codes; dropped), as GDAL and QGIS write them. Empty
 * rings and empty parts are skipped; a ring of one or two points, a coordinate that is
 * not finite, and (for EPSG:4326) one off the globe are PA_GEO_ERROR_INVALID.
 */
#pragma once

#include "pa-geometry.h"

G_BEGIN_DECLS

#define PA_GEO_ERROR (pa_geo_error_quark ())
GQuark pa_geo_error_quark (void);

typedef enum
{
  PA_GEO_ERROR_INVALID,
  PA_GEO_ERROR_UNSUPPORTED,
} PaGeoError;

GBytes *pa_gpkg_blob_from_geometry (const PaGeometry *geometry, gint32 srs_id);
PaGeometry *pa_gpkg_blob_to_geometry (const guint8 *data, gsize len, gint32 *srs_id,
                                      GError **error);
/* A POINT blob (with its envelope, so the R*Tree triggers index it). */
GBytes *pa_gpkg_blob_from_point (double x, double y, gint32 srs_id);
/* The WKB type of a GeoPackage geometry, without Z/M (1 point, 2 line, 3 polygon, 4
 * multipoint, 5 multiline, 6 multipolygon, 7 collection …); 0 when it is not one and
 * -1 when it is empty. Lets a reader pick the right decoder for a mixed layer. */
int pa_gpkg_blob_get_type (const guint8 *data, gsize len);
/* A Point, or a MultiPoint of one point, as (x, y); PA_GEO_ERROR_UNSUPPORTED otherwise. */
gboolean pa_gpkg_blob_to_point (const guint8 *data, gsize len, double *x, double *y, GError **error);
/* A LineString or MultiLineString as a geometry whose parts each hold one open ring (a
 * line: draw it stroked, never filled or closed); empty parts are skipped. */
PaGeometry *pa_gpkg_blob_to_lines (const guint8 *data, gsize len, GError **error);
/* Reads only the header: envelope (or computes none) and emptiness, for ST_* functions. */
gboolean pa_gpkg_blob_read_envelope (const guint8 *data, gsize len, PaBBox *bbox,
                                     gboolean *is_empty);

/* Plain WKB (no GP header), e.g. from GEOS or a MBTiles/GeoJSON conversion. */
GBytes *pa_wkb_from_geometry (const PaGeometry *geometry);
PaGeometry *pa_wkb_to_geometry (const guint8 *data, gsize len, GError **error);

G_END_DECLS
