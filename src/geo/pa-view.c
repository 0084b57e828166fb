/* pa-view.c */
#include "pa-view.h"
#include "pa-mercator.h"

#include <math.h>

void
pa_view_init (PaView *view, double lon, double lat, double zoom, double width, double height)
{
  pa_mercator_from_lonlat (lon, lat, &view->cx, &view->cy);
  view->world = PA_MERCATOR_TILE_SIZE * pow (2.0, zoom);
  view->width = width;
  view->height = height;
  view->ox = view->oy = 0;
}

void
pa_view_init_fit (PaView *view, const PaBBox *box, double width, double height, double margin)
{
  double x0, y0, x1, y1;
  double w = MAX (width - 2 * margin, 1), h = MAX (height - 2 * margin, 1);

  pa_mercator_from_lonlat (box->minx, box->maxy, &x0, &y0);
  pa_mercator_from_lonlat (box->maxx, box->miny, &x1, &y1);
  view->cx = (x0 + x1) / 2;
  view->cy = (y0 + y1) / 2;
  view->world = MIN (w / MAX (x1 - x0, 1e-12), h / MAX (y1 - y0, 1e-12));
  view->width = width;
  view->height = height;
  view->ox = view->oy = 0;
}

void
pa_view_init_tile (PaView *view, int x, int y, int zoom, double size)
{
  double n = pow (2.0, zoom);
  view->world = size * n;
  view->cx = (x + 0.5) / n;
  view->cy = (y + 0.5) / n;
  view->width = view->height = size;
  view->ox = view->oy = 0;
}

void
pa_view_snap_to_pixels (PaView *view, double scale)
{
  double x0 = round ((view->cx * view->world - view->width / 2) * scale);
  double y0 = round ((view->cy * view->world - view->height / 2) * scale);
  view->cx = (x0 / scale + view->width / 2) / view->world;
  view->cy = (y0 / scale + view->height / 2) / view->world;
}

void
pa_view_project (const PaView *view, double lon, double lat, double *x, double *y)
{
  double mx, my;
  pa_mercator_from_lonlat (lon, lat, &mx, &my);
  *x = view->ox + view->width / 2 + (mx - view->cx) * view->world;
  *y = view->oy + view->height / 2 + (my - view->cy) * view->world;
}

void
pa_view_unproject (const PaView *view, double x, double y, double *lon, double *lat)
{
  double mx = view->cx + (x - view->ox - view->width / 2) / view->world;
  double my = view->cy + (y - view->oy - view->height / 2) / view->world;
  pa_mercator_to_lonlat (mx, my, lon, lat);
}

PaBBox
pa_view_get_bbox (const PaView *view)
{
  PaBBox b;
  pa_view_unproject (view, view->ox, view->oy + view->height, &b.minx, &b.miny);
  pa_view_unproject (view, view->ox + view->width, view->oy, &b.maxx, &b.maxy);
  return b;
}

double
pa_view_get_zoom (const PaView *view)
{
  return log2 (view->world / PA_MERCATOR_TILE_SIZE);
}

double
pa_view_metres_per_unit (const PaView *view)
{
  double lon, lat;
  pa_mercator_to_lonlat (view->cx, view->cy, &lon, &lat);
  return cos (lat * G_PI / 180.0) * 2 * G_PI * PA_EARTH_RADIUS_M / view->world;
}
