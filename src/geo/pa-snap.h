/* pa-snap.h — snapping a point on the screen to nearby vertices and edges.
 *
 * While a planner draws or reshapes an outline, each point within a few pixels of another
 * zone's or a district's vertex takes that vertex's exact coordinates (so neighbours share
 * them and meet without gaps or slivers); failing that, it lands on the nearest edge.
 */
#pragma once

#include "pa-geometry.h"
#include "pa-view.h"

G_BEGIN_DECLS

typedef struct
{
  const PaView *view;
  double x, y;          /* the point, in view (screen) units */
  double tolerance;     /* in view units */
  double vertex_d2, edge_d2;
  PaPoint vertex, edge; /* best candidates, lon/lat */
} PaSnap;

void pa_snap_init (PaSnap *snap, const PaView *view, double x, double y, double tolerance);
/* Considers every vertex and edge of @g (lon/lat; its Web Mercator copy is cached). */
void pa_snap_consider (PaSnap *snap, PaGeometry *g);
/* Considers one lon/lat point (a vertex of the outline being drawn). */
void pa_snap_consider_point (PaSnap *snap, double lon, double lat);
/* The snapped lon/lat; FALSE (and the unsnapped point) when nothing was near. */
gboolean pa_snap_result (const PaSnap *snap, PaPoint *lonlat, gboolean *on_vertex);

G_END_DECLS
