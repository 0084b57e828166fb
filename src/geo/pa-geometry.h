/* pa-geometry.h — a polygonal geometry (MultiPolygon with holes) in lon/lat.
 *
 * Everything the app draws or tests for containment is one of these: zones,
 * districts, land. Rings are stored flat; ring 0 of each polygon is its shell,
 * the others are holes. Immutable once built, so tile threads may share it.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  double x; /* longitude, or projected x */
  double y; /* latitude, or projected y */
} PaPoint;

typedef struct
{
  double minx, miny, maxx, maxy;
} PaBBox;

typedef struct _PaGeometry PaGeometry;

#define PA_TYPE_GEOMETRY (pa_geometry_get_type ())
GType pa_geometry_get_type (void) G_GNUC_CONST;

PaGeometry *pa_geometry_new (void);
PaGeometry *pa_geometry_ref (PaGeometry *self);
void pa_geometry_unref (PaGeometry *self);

/* Building: begin a polygon, begin its rings (shell first), add points. */
void pa_geometry_begin_polygon (PaGeometry *self);
void pa_geometry_begin_ring (PaGeometry *self);
void pa_geometry_add_point (PaGeometry *self, double x, double y);
/* Appends every polygon of @other (used to build unions of disjoint parts). */
void pa_geometry_append (PaGeometry *self, const PaGeometry *other);
/* A copy of @self with @func applied to every point (a reprojection, a datum shift);
 * NULL when @func returns FALSE for any point. */
typedef gboolean (*PaPointFunc) (PaPoint *point, gpointer user_data);
PaGeometry *pa_geometry_map_points (const PaGeometry *self, PaPointFunc func, gpointer user_data);

guint pa_geometry_get_n_polygons (const PaGeometry *self);
/* Polygon @polygon of @self (shell and holes) as a geometry of its own. */
PaGeometry *pa_geometry_get_polygon (const PaGeometry *self, guint polygon);
guint pa_geometry_get_n_rings (const PaGeometry *self, guint polygon);
/* Returns the points of @ring of @polygon and stores their count in @n_points. */
const PaPoint *pa_geometry_get_ring (const PaGeometry *self, guint polygon, guint ring,
                                     guint *n_points);
guint pa_geometry_get_n_points (const PaGeometry *self);
gboolean pa_geometry_is_empty (const PaGeometry *self);
PaBBox pa_geometry_get_bbox (const PaGeometry *self);

/* Even-odd point in polygon over all rings: holes are outside. */
gboolean pa_geometry_contains_point (const PaGeometry *self, double x, double y);
/* Planar area in squared input units (shoelace; holes subtract). */
double pa_geometry_get_planar_area (const PaGeometry *self);
/* A point inside the largest part, good for a label (centroid of the largest shell,
 * moved inside if the shell is concave). */
PaPoint pa_geometry_get_label_point (const PaGeometry *self);
gboolean pa_geometry_equal (const PaGeometry *a, const PaGeometry *b);
/* The same rings in normalised Web Mercator (x, y in [0, 1]), computed once and kept:
 * drawing a frame is then an affine map per vertex, with no trigonometry. Thread-safe. */
PaGeometry *pa_geometry_get_mercator (PaGeometry *self);
/* The label point, computed once and kept (see pa_geometry_get_label_point). */
PaPoint pa_geometry_get_cached_label_point (PaGeometry *self);
/* The planar area, computed once and kept. Main thread only, like the label point. */
double pa_geometry_get_cached_area (PaGeometry *self);

gboolean pa_bbox_intersects (const PaBBox *a, const PaBBox *b);
PaBBox pa_bbox_union (const PaBBox *a, const PaBBox *b);
gboolean pa_bbox_is_empty (const PaBBox *b);
PaBBox pa_bbox_empty (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaGeometry, pa_geometry_unref)

G_END_DECLS
