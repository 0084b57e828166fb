/* pa-snap.c */
#include "pa-snap.h"

#include <math.h>

void
pa_snap_init (PaSnap *snap, const PaView *view, double x, double y, double tolerance)
{
  snap->view = view;
  snap->x = x;
  snap->y = y;
  snap->tolerance = tolerance;
  snap->vertex_d2 = snap->edge_d2 = tolerance * tolerance;
  snap->vertex = snap->edge = (PaPoint){ NAN, NAN };
}

void
pa_snap_consider_point (PaSnap *snap, double lon, double lat)
{
  double x, y, d2;
  pa_view_project (snap->view, lon, lat, &x, &y);
  d2 = (x - snap->x) * (x - snap->x) + (y - snap->y) * (y - snap->y);
  if (d2 <= snap->vertex_d2)
    {
      snap->vertex_d2 = d2;
      snap->vertex = (PaPoint){ lon, lat };
    }
}

/* pa_view_project_mercator backwards: affine, so the box test needs no trigonometry */
static inline void
screen_to_mercator (const PaView *view, double x, double y, double *mx, double *my)
{
  *mx = view->cx + (x - view->ox - view->width / 2) / view->world;
  *my = view->cy + (y - view->oy - view->height / 2) / view->world;
}

void
pa_snap_consider (PaSnap *snap, PaGeometry *g)
{
  const PaView *v = snap->view;
  PaGeometry *m;
  PaBBox b;
  double mx0, my0, mx1, my1;

  if (!g)
    return;
  /* skip geometries farther than the tolerance, by their box in cached mercator: the
   * caller offers every zone and district per pointer motion, and unprojecting the
   * tolerance box (atan, sinh) for each was 80 % of this function's instructions with
   * 10,000 zones (bench/README.md). An empty geometry has an empty box, so it is skipped
   * here too: not asking apart saves a memory read per geometry, mostly a cache miss. */
  m = pa_geometry_get_mercator (g);
  b = pa_geometry_get_bbox (m);
  screen_to_mercator (v, snap->x - snap->tolerance, snap->y - snap->tolerance, &mx0, &my0);
  screen_to_mercator (v, snap->x + snap->tolerance, snap->y + snap->tolerance, &mx1, &my1);
  if (b.minx > mx1 || b.maxx < mx0 || b.miny > my1 || b.maxy < my0)
    return;
  for (guint p = 0; p < pa_geometry_get_n_polygons (g); p++)
    for (guint r = 0; r < pa_geometry_get_n_rings (g, p); r++)
      {
        guint n;
        const PaPoint *ll = pa_geometry_get_ring (g, p, r, &n);
        const PaPoint *mp = pa_geometry_get_ring (m, p, r, &n);
        double px = 0, py = 0;
        for (guint i = 0; i < n; i++)
          {
            double x, y, d2;
            pa_view_project_mercator (snap->view, mp[i].x, mp[i].y, &x, &y);
            d2 = (x - snap->x) * (x - snap->x) + (y - snap->y) * (y - snap->y);
            if (d2 <= snap->vertex_d2)
              {
                snap->vertex_d2 = d2;
                snap->vertex = ll[i]; /* the exact coordinates, so shared vertices are equal */
              }
            if (i > 0)
              {
                double dx = x - px, dy = y - py, len2 = dx * dx + dy * dy;
                double t = len2 > 0 ? ((snap->x - px) * dx + (snap->y - py) * dy) / len2 : 0;
                if (t > 0 && t < 1)
                  {
                    double ex = px + t * dx, ey = py + t * dy;
                    double e2 = (ex - snap->x) * (ex - snap->x) + (ey - snap->y) * (ey - snap->y);
                    if (e2 <= snap->edge_d2)
                      {
                        snap->edge_d2 = e2;
                        pa_view_unproject (snap->view, ex, ey, &snap->edge.x, &snap->edge.y);
                      }
                  }
              }
            px = x, py = y;
          }
      }
}

gboolean
pa_snap_result (const PaSnap *snap, PaPoint *lonlat, gboolean *on_vertex)
{
  gboolean vertex = !isnan (snap->vertex.x), edge = !isnan (snap->edge.x);
  if (on_vertex)
    *on_vertex = vertex;
  if (vertex)
    *lonlat = snap->vertex;
  else if (edge)
    *lonlat = snap->edge;
  else
    pa_view_unproject (snap->view, snap->x, snap->y, &lonlat->x, &lonlat->y);
  return vertex || edge;
}
