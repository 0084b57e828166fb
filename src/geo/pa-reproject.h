/* pa-reproject.h — coordinates in another CRS (EPSG:3857 metres, a national grid …)
 * to WGS-84 longitude/latitude, with PROJ.
 *
 * The operation is normalised for visualisation, so the output is always (lon, lat)
 * whatever axis order the CRS declares. Each reprojection has its own PROJ context:
 * use one per thread.
 */
#pragma once

#include "pa-geometry.h"

G_BEGIN_DECLS

typedef struct _PaReprojection PaReprojection;

/* @source is what PROJ understands: "EPSG:3857", a WKT definition, a PROJ string.
 * Fails with PA_GEO_ERROR_UNSUPPORTED, and PROJ's words, when it is not a CRS PROJ knows
 * or there is no operation from it to WGS-84. */
PaReprojection *pa_reprojection_new (const char *source, GError **error);
void pa_reprojection_free (PaReprojection *self);
/* The source CRS's name as PROJ reports it ("WGS 84 / Pseudo-Mercator"). */
const char *pa_reprojection_get_source_name (PaReprojection *self);
/* Transforms (x, y) in place; FALSE (with the point unchanged) when PROJ cannot. */
gboolean pa_reprojection_point (PaReprojection *self, double *x, double *y);
/* A copy of @g in lon/lat; NULL with @error naming the point PROJ could not transform. */
PaGeometry *pa_reprojection_geometry (PaReprojection *self, const PaGeometry *g, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaReprojection, pa_reprojection_free)

G_END_DECLS
