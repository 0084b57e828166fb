/* pa-geometry.c — flat storage of polygons with holes */
#include "pa-geometry.h"

#include <math.h>
#include <string.h>

#include "pa-mercator.h"

struct _PaGeometry
{
  gatomicrefcount ref;
  GArray *points;        /* PaPoint */
  GArray *ring_start;    /* guint index into points, one per ring */
  GArray *polygon_start; /* guint index into ring_start, one per polygon */
  PaBBox bbox;
  PaGeometry *mercator; /* lazily made, set once with a compare-and-swap */
  PaPoint label;
  gboolean has_label;
  double area; /* < 0 until computed */
};

G_DEFINE_BOXED_TYPE (PaGeometry, pa_geometry, pa_geometry_ref, pa_geometry_unref)

PaBBox
pa_bbox_empty (void)
{
  return (PaBBox){ G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };
}

gboolean
pa_bbox_is_empty (const PaBBox *b)
{
  return b->minx > b->maxx || b->miny > b->maxy;
}

gboolean
pa_bbox_intersects (const PaBBox *a, const PaBBox *b)
{
  return !(a->maxx < b->minx || b->maxx < a->minx || a->maxy < b->miny || b->maxy < a->miny);
}

PaBBox
pa_bbox_union (const PaBBox *a, const PaBBox *b)
{
  return (PaBBox){ MIN (a->minx, b->minx), MIN (a->miny, b->miny), MAX (a->maxx, b->maxx),
                   MAX (a->maxy, b->maxy) };
}

PaGeometry *
pa_geometry_new (void)
{
  PaGeometry *self = g_new0 (PaGeometry, 1);
  g_atomic_ref_count_init (&self->ref);
  self->points = g_array_new (FALSE, FALSE, sizeof (PaPoint));
  self->ring_start = g_array_new (FALSE, FALSE, sizeof (guint));
  self->polygon_start = g_array_new (FALSE, FALSE, sizeof (guint));
  self->bbox = pa_bbox_empty ();
  self->area = -1;
  return self;
}

PaGeometry *
pa_geometry_ref (PaGeometry *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
pa_geometry_unref (PaGeometry *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref))
    {
      g_array_unref (self->points);
      g_array_unref (self->ring_start);
      g_array_unref (self->polygon_start);
      if (self->mercator)
        pa_geometry_unref (self->mercator);
      g_free (self);
    }
}

void
pa_geometry_begin_polygon (PaGeometry *self)
{
  guint start = self->ring_start->len;
  g_array_append_val (self->polygon_start, start);
}

void
pa_geometry_begin_ring (PaGeometry *self)
{
  guint start = self->points->len;
  g_return_if_fail (self->polygon_start->len > 0);
  g_array_append_val (self->ring_start, start);
}

void
pa_geometry_add_point (PaGeometry *self, double x, double y)
{
  PaPoint p = { x, y };
  g_return_if_fail (self->ring_start->len > 0);
  g_array_append_val (self->points, p);
  self->bbox.minx = MIN (self->bbox.minx, x);
  self->bbox.maxx = MAX (self->bbox.maxx, x);
  self->bbox.miny = MIN (self->bbox.miny, y);
  self->bbox.maxy = MAX (self->bbox.maxy, y);
}

void
pa_geometry_append (PaGeometry *self, const PaGeometry *other)
{
  for (guint p = 0; p < pa_geometry_get_n_polygons (other); p++)
    {
      pa_geometry_begin_polygon (self);
      for (guint r = 0; r < pa_geometry_get_n_rings (other, p); r++)
        {
          guint n;
          const PaPoint *pts = pa_geometry_get_ring (other, p, r, &n);
          pa_geometry_begin_ring (self);
          for (guint i = 0; i < n; i++)
            pa_geometry_add_point (self, pts[i].x, pts[i].y);
        }
    }
}

PaGeometry *
pa_geometry_map_points (const PaGeometry *self, PaPointFunc func, gpointer user_data)
{
  g_autoptr (PaGeometry) out = pa_geometry_new ();

  g_return_val_if_fail (self != NULL && func != NULL, NULL);
  for (guint p = 0; p < pa_geometry_get_n_polygons (self); p++)
    {
      pa_geometry_begin_polygon (out);
      for (guint r = 0; r < pa_geometry_get_n_rings (self, p); r++)
        {
          guint n;
          const PaPoint *pts = pa_geometry_get_ring (self, p, r, &n);
          pa_geometry_begin_ring (out);
          for (guint i = 0; i < n; i++)
            {
              PaPoint q = pts[i];
              if (!func (&q, user_data))
                return NULL;
              pa_geometry_add_point (out, q.x, q.y);
            }
        }
    }
  return g_steal_pointer (&out);
}

guint
pa_geometry_get_n_polygons (const PaGeometry *self)
{
  return self->polygon_start->len;
}

PaGeometry *
pa_geometry_get_polygon (const PaGeometry *self, guint polygon)
{
  PaGeometry *out;

  g_return_val_if_fail (polygon < pa_geometry_get_n_polygons (self), NULL);
  out = pa_geometry_new ();
  pa_geometry_begin_polygon (out);
  for (guint r = 0; r < pa_geometry_get_n_rings (self, polygon); r++)
    {
      guint n;
      const PaPoint *pts = pa_geometry_get_ring (self, polygon, r, &n);
      pa_geometry_begin_ring (out);
      for (guint i = 0; i < n; i++)
        pa_geometry_add_point (out, pts[i].x, pts[i].y);
    }
  return out;
}

guint
pa_geometry_get_n_points (const PaGeometry *self)
{
  return self->points->len;
}

gboolean
pa_geometry_is_empty (const PaGeometry *self)
{
  return self->points->len == 0;
}

PaBBox
pa_geometry_get_bbox (const PaGeometry *self)
{
  return self->bbox;
}

static guint
polygon_ring_end (const PaGeometry *self, guint polygon)
{
  if (polygon + 1 < self->polygon_start->len)
    return g_array_index (self->polygon_start, guint, polygon + 1);
  return self->ring_start->len;
}

guint
pa_geometry_get_n_rings (const PaGeometry *self, guint polygon)
{
  g_return_val_if_fail (polygon < self->polygon_start->len, 0);
  return polygon_ring_end (self, polygon) - g_array_index (self->polygon_start, guint, polygon);
}

const PaPoint *
pa_geometry_get_ring (const PaGeometry *self, guint polygon, guint ring, guint *n_points)
{
  guint r, start, end;

  g_return_val_if_fail (polygon < self->polygon_start->len, NULL);
  r = g_array_index (self->polygon_start, guint, polygon) + ring;
  g_return_val_if_fail (r < polygon_ring_end (self, polygon), NULL);
  start = g_array_index (self->ring_start, guint, r);
  end = r + 1 < self->ring_start->len ? g_array_index (self->ring_start, guint, r + 1)
                                      : self->points->len;
  *n_points = end - start;
  return &g_array_index (self->points, PaPoint, start);
}

static gboolean
ring_contains (const PaPoint *pts, guint n, double x, double y)
{
  gboolean inside = FALSE;
  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      if (((pts[i].y > y) != (pts[j].y > y))
          && (x < (pts[j].x - pts[i].x) * (y - pts[i].y) / (pts[j].y - pts[i].y) + pts[i].x))
        inside = !inside;
    }
  return inside;
}

gboolean
pa_geometry_contains_point (const PaGeometry *self, double x, double y)
{
  if (x < self->bbox.minx || x > self->bbox.maxx || y < self->bbox.miny || y > self->bbox.maxy)
    return FALSE;
  for (guint p = 0; p < pa_geometry_get_n_polygons (self); p++)
    {
      gboolean inside = FALSE;
      for (guint r = 0; r < pa_geometry_get_n_rings (self, p); r++)
        {
          guint n;
          const PaPoint *pts = pa_geometry_get_ring (self, p, r, &n);
          if (n >= 3 && ring_contains (pts, n, x, y))
            inside = !inside;
        }
      if (inside)
        return TRUE;
    }
  return FALSE;
}

static double
ring_signed_area (const PaPoint *pts, guint n)
{
  double a = 0;
  for (guint i = 0, j = n - 1; i < n; j = i++)
    a += (pts[j].x * pts[i].y) - (pts[i].x * pts[j].y);
  return a / 2;
}

double
pa_geometry_get_planar_area (const PaGeometry *self)
{
  double area = 0;
  for (guint p = 0; p < pa_geometry_get_n_polygons (self); p++)
    for (guint r = 0; r < pa_geometry_get_n_rings (self, p); r++)
      {
        guint n;
        const PaPoint *pts = pa_geometry_get_ring (self, p, r, &n);
        double a = fabs (ring_signed_area (pts, n));
        area += r == 0 ? a : -a;
      }
  return area;
}

PaPoint
pa_geometry_get_label_point (const PaGeometry *self)
{
  guint best = 0, n = 0;
  double best_area = -1, cx = 0, cy = 0, a = 0;
  const PaPoint *pts;

  if (pa_geometry_is_empty (self))
    return (PaPoint){ 0, 0 };
  for (guint p = 0; p < pa_geometry_get_n_polygons (self); p++)
    {
      double area;
      pts = pa_geometry_get_ring (self, p, 0, &n);
      area = fabs (ring_signed_area (pts, n));
      if (area > best_area)
        best_area = area, best = p;
    }
  pts = pa_geometry_get_ring (self, best, 0, &n);
  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double f = pts[j].x * pts[i].y - pts[i].x * pts[j].y;
      cx += (pts[j].x + pts[i].x) * f;
      cy += (pts[j].y + pts[i].y) * f;
      a += f;
    }
  if (fabs (a) < 1e-18)
    return pts[0];
  cx /= 3 * a;
  cy /= 3 * a;
  if (!pa_geometry_contains_point (self, cx, cy))
    {
      /* Concave shell: take the middle of the widest inside run on the centroid's row. */
      PaBBox b = self->bbox;
      double best_len = -1, best_x = cx;
      int steps = 200;
      double run_start = NAN;
      for (int i = 0; i <= steps; i++)
        {
          double x = b.minx + (b.maxx - b.minx) * i / steps;
          gboolean in = i < steps && pa_geometry_contains_point (self, x, cy);
          if (in && isnan (run_start))
            run_start = x;
          else if (!in && !isnan (run_start))
            {
              if (x - run_start > best_len)
                best_len = x - run_start, best_x = (x + run_start) / 2;
              run_start = NAN;
            }
        }
      cx = best_x;
    }
  return (PaPoint){ cx, cy };
}

gboolean
pa_geometry_equal (const PaGeometry *a, const PaGeometry *b)
{
  if (a->points->len != b->points->len || a->ring_start->len != b->ring_start->len
      || a->polygon_start->len != b->polygon_start->len)
    return FALSE;
  return memcmp (a->points->data, b->points->data, a->points->len * sizeof (PaPoint)) == 0
         && memcmp (a->ring_start->data, b->ring_start->data, a->ring_start->len * sizeof (guint)) == 0
         && memcmp (a->polygon_start->data, b->polygon_start->data,
                    a->polygon_start->len * sizeof (guint)) == 0;
}

PaGeometry *
pa_geometry_get_mercator (PaGeometry *self)
{
  PaGeometry *m = g_atomic_pointer_get (&self->mercator);
  if (m)
    return m;
  m = pa_geometry_new ();
  g_array_set_size (m->points, self->points->len);
  for (guint i = 0; i < self->points->len; i++)
    {
      PaPoint *src = &g_array_index (self->points, PaPoint, i);
      PaPoint *dst = &g_array_index (m->points, PaPoint, i);
      pa_mercator_from_lonlat (src->x, src->y, &dst->x, &dst->y);
      m->bbox.minx = MIN (m->bbox.minx, dst->x), m->bbox.maxx = MAX (m->bbox.maxx, dst->x);
      m->bbox.miny = MIN (m->bbox.miny, dst->y), m->bbox.maxy = MAX (m->bbox.maxy, dst->y);
    }
  g_array_append_vals (m->ring_start, self->ring_start->data, self->ring_start->len);
  g_array_append_vals (m->polygon_start, self->polygon_start->data, self->polygon_start->len);
  /* another thread may have won the race: keep its copy */
  if (!g_atomic_pointer_compare_and_exchange (&self->mercator, NULL, m))
    {
      pa_geometry_unref (m);
      m = g_atomic_pointer_get (&self->mercator);
    }
  return m;
}

PaPoint
pa_geometry_get_cached_label_point (PaGeometry *self)
{
  /* only the main thread asks for labels */
  if (!self->has_label)
    {
      self->label = pa_geometry_get_label_point (self);
      self->has_label = TRUE;
    }
  return self->label;
}

double
pa_geometry_get_cached_area (PaGeometry *self)
{
  if (self->area < 0)
    self->area = pa_geometry_get_planar_area (self);
  return self->area;
}
