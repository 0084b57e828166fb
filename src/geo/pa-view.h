/* pa-view.h — how lon/lat map onto a drawing surface: Web Mercator, a centre and a scale.
 *
 * The screen builds one from the ShumateViewport, a tile from its x/y/zoom and the
 * exporter by fitting a plan's extent into its map frame; the painter only sees this.
 */
#pragma once

#include "pa-geometry.h"

G_BEGIN_DECLS

typedef struct
{
  double cx, cy;        /* view centre, normalised mercator */
  double world;         /* surface units per normalised mercator unit (256·2^zoom on screen) */
  double width, height; /* surface size */
  double ox, oy;        /* surface position of the view's top-left corner */
} PaView;

void pa_view_init (PaView *view, double lon, double lat, double zoom, double width, double height);
/* Fits @box (lon/lat) into width × height with @margin on every side. */
void pa_view_init_fit (PaView *view, const PaBBox *box, double width, double height, double margin);
/* The view of tile (x, y) at @zoom, @size pixels square. */
void pa_view_init_tile (PaView *view, int x, int y, int zoom, double size);
/* Moves the view's centre by under half a device pixel (@scale device pixels per surface
 * unit) so its top-left corner falls on a whole pixel of the zoom's pixel grid: cached
 * tiles of that grid are then painted unfiltered, without blur. */
void pa_view_snap_to_pixels (PaView *view, double scale);
void pa_view_project (const PaView *view, double lon, double lat, double *x, double *y);
/* Same, from normalised mercator coordinates (pa_geometry_get_mercator). */
static inline void
pa_view_project_mercator (const PaView *view, double mx, double my, double *x, double *y)
{
  *x = view->ox + view->width / 2 + (mx - view->cx) * view->world;
  *y = view->oy + view->height / 2 + (my - view->cy) * view->world;
}
void pa_view_unproject (const PaView *view, double x, double y, double *lon, double *lat);
/* The lon/lat rectangle the view shows. */
PaBBox pa_view_get_bbox (const PaView *view);
double pa_view_get_zoom (const PaView *view);
/* Ground metres per surface unit at the view centre. */
double pa_view_metres_per_unit (const PaView *view);

G_END_DECLS
