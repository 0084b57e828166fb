/* pa-zone-index.c — the plan's zones by paint order and by place */
#include "config.h"

#include "pa-zone-index.h"

#include "geo/pa-mercator.h"

#include "pa-painter-private.h"

#include <math.h>

struct _PaZoneIndex
{
  guint revision, generation; /* of the plan and the zones it was built from */
  GPtrArray *zones;           /* PaZone, largest first */
  PaBBox *boxes;              /* mercator */
  int *roles;
  PaBBox extent;
  /* a grid over the extent: the zones of cell c are items[start[c] .. start[c + 1]) */
  int cols, rows;
  double cell_w, cell_h;
  guint *start, *items;
  /* labels: each zone's name size at label_font_px (w < 0: not measured yet), and the
   * screen's last placement */
  double label_font_px;
  int *label_w, *label_h;
  PaLabelCache labels;
};

/* The index lives with its plan; the lock lets an export thread ask for it too. */
static GMutex lock;
static GQuark
index_quark (void)
{
  return g_quark_from_static_string ("pa-zone-index");
}

static int
compare_area_desc (gconstpointer a, gconstpointer b)
{
  PaZone *za = *(PaZone **) a, *zb = *(PaZone **) b;
  double aa = pa_geometry_get_cached_area (pa_zone_get_geometry (za));
  double ab = pa_geometry_get_cached_area (pa_zone_get_geometry (zb));
  return aa < ab ? 1 : aa > ab ? -1 : 0;
}

static void
cell_range (PaZoneIndex *self, const PaBBox *b, int *x0, int *y0, int *x1, int *y1)
{
  *x0 = CLAMP ((int) floor ((b->minx - self->extent.minx) / self->cell_w), 0, self->cols - 1);
  *x1 = CLAMP ((int) floor ((b->maxx - self->extent.minx) / self->cell_w), 0, self->cols - 1);
  *y0 = CLAMP ((int) floor ((b->miny - self->extent.miny) / self->cell_h), 0, self->rows - 1);
  *y1 = CLAMP ((int) floor ((b->maxy - self->extent.miny) / self->cell_h), 0, self->rows - 1);
}

static void
build_grid (PaZoneIndex *self)
{
  guint n = self->zones->len, n_cells, *fill;

  self->extent = pa_bbox_empty ();
  for (guint i = 0; i < n; i++)
    self->extent = pa_bbox_union (&self->extent, &self->boxes[i]);
  /* about two zones per cell where they are spread evenly */
  self->cols = self->rows = MAX (1, (int) ceil (sqrt (n / 2.0)));
  self->cell_w = MAX ((self->extent.maxx - self->extent.minx) / self->cols, 1e-12);
  self->cell_h = MAX ((self->extent.maxy - self->extent.miny) / self->rows, 1e-12);
  n_cells = (guint) (self->cols * self->rows);
  self->start = g_new0 (guint, n_cells + 1);
  fill = g_new0 (guint, n_cells);
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint i = 0; i < n; i++)
        {
          int x0, y0, x1, y1;
          cell_range (self, &self->boxes[i], &x0, &y0, &x1, &y1);
          for (int y = y0; y <= y1; y++)
            for (int x = x0; x <= x1; x++)
              {
                guint c = (guint) (y * self->cols + x);
                if (pass == 0)
                  self->start[c + 1]++;
                else
                  self->items[self->start[c] + fill[c]++] = i;
              }
        }
      if (pass == 0)
        {
          for (guint c = 0; c < n_cells; c++)
            self->start[c + 1] += self->start[c];
          self->items = g_new (guint, MAX (self->start[n_cells], 1));
        }
    }
  g_free (fill);
}

static int
compare_guint (gconstpointer a, gconstpointer b, gpointer unused)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

void
pa_zone_index_query (PaZoneIndex *self, const PaBBox *box, GArray *out)
{
  guint first = out->len;
  int qx0, qy0, qx1, qy1;

  g_return_if_fail (self != NULL && box != NULL && out != NULL);
  if (self->zones->len == 0 || !pa_bbox_intersects (box, &self->extent))
    return;
  if (box->minx <= self->extent.minx && box->miny <= self->extent.miny && box->maxx >= self->extent.maxx
      && box->maxy >= self->extent.maxy)
    {
      /* the whole plan in view: every zone, already in order */
      for (guint i = 0; i < self->zones->len; i++)
        g_array_append_val (out, i);
      return;
    }
  cell_range (self, box, &qx0, &qy0, &qx1, &qy1);
  for (int y = qy0; y <= qy1; y++)
    for (int x = qx0; x <= qx1; x++)
      {
        guint c = (guint) (y * self->cols + x);
        for (guint k = self->start[c]; k < self->start[c + 1]; k++)
          {
            guint i = self->items[k];
            int zx0, zy0, zx1, zy1;
            if (!pa_bbox_intersects (&self->boxes[i], box))
              continue;
            /* a zone in several cells is reported by the first cell both boxes share */
            cell_range (self, &self->boxes[i], &zx0, &zy0, &zx1, &zy1);
            if (x == MAX (qx0, zx0) && y == MAX (qy0, zy0))
              g_array_append_val (out, i);
          }
      }
  g_qsort_with_data (&g_array_index (out, guint, first), (gint) (out->len - first), sizeof (guint), compare_guint,
                     NULL);
}

void
pa_zone_index_query_view (PaZoneIndex *self, const PaView *view, double pad, GArray *out)
{
  double hw = view->width / 2 / view->world * (1 + pad), hh = view->height / 2 / view->world * (1 + pad);
  PaBBox box = { view->cx - hw, view->cy - hh, view->cx + hw, view->cy + hh };
  pa_zone_index_query (self, &box, out);
}

static PaZoneIndex *
pa_zone_index_build (PaPlan *plan)
{
  PaZoneIndex *self = g_atomic_rc_box_new0 (PaZoneIndex);
  GListModel *zones = pa_plan_get_zones (plan);

  self->revision = pa_plan_get_revision (plan);
  self->generation = pa_zone_get_generation ();
  self->zones = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      PaZone *z = g_list_model_get_item (zones, i);
      if (pa_zone_get_geometry (z) && !pa_geometry_is_empty (pa_zone_get_geometry (z)))
        g_ptr_array_add (self->zones, z);
      else
        g_object_unref (z);
    }
  g_ptr_array_sort (self->zones, compare_area_desc); /* stable: equal areas keep list order */
  self->boxes = g_new (PaBBox, MAX (self->zones->len, 1));
  self->roles = g_new (int, MAX (self->zones->len, 1));
  for (guint i = 0; i < self->zones->len; i++)
    {
      PaZone *z = self->zones->pdata[i];
      /* from the lon/lat box: no mercator copy of every zone at start-up, only of those
       * drawn as shapes (at the fitted zoom of a large plan most are dots) */
      PaBBox ll = pa_geometry_get_bbox (pa_zone_get_geometry (z));
      self->boxes[i] = pa_mercator_bbox_from_lonlat (&ll);
      self->roles[i] = pa_plan_get_role_index (plan, pa_zone_get_role (z));
    }
  build_grid (self);
  return self;
}

static void
pa_zone_index_clear (gpointer p)
{
  PaZoneIndex *self = p;
  g_ptr_array_unref (self->zones);
  g_free (self->boxes);
  g_free (self->roles);
  g_free (self->start);
  g_free (self->items);
  g_free (self->label_w);
  g_free (self->label_h);
  g_clear_pointer (&self->labels.labels, g_array_unref);
  g_clear_pointer (&self->labels.shown, g_array_unref);
  if (self->labels.ahead)
    self->labels.ahead_free (self->labels.ahead);
}

void
pa_zone_index_unref (PaZoneIndex *self)
{
  g_atomic_rc_box_release_full (self, pa_zone_index_clear);
}

PaZoneIndex *
pa_zone_index_ref_for_plan (PaPlan *plan)
{
  PaZoneIndex *self;

  g_return_val_if_fail (PA_IS_PLAN (plan), NULL);
  g_mutex_lock (&lock);
  self = g_object_get_qdata (G_OBJECT (plan), index_quark ());
  if (!self || self->revision != pa_plan_get_revision (plan) || self->generation != pa_zone_get_generation ())
    {
      self = pa_zone_index_build (plan);
      g_object_set_qdata_full (G_OBJECT (plan), index_quark (), self, (GDestroyNotify) pa_zone_index_unref);
    }
  self = g_atomic_rc_box_acquire (self);
  g_mutex_unlock (&lock);
  return self;
}

guint
pa_zone_index_get_n_zones (PaZoneIndex *self)
{
  return self->zones->len;
}

PaZone *
pa_zone_index_get_zone (PaZoneIndex *self, guint i)
{
  g_return_val_if_fail (i < self->zones->len, NULL);
  return self->zones->pdata[i];
}

const PaBBox *
pa_zone_index_get_box (PaZoneIndex *self, guint i)
{
  g_return_val_if_fail (i < self->zones->len, NULL);
  return &self->boxes[i];
}

int
pa_zone_index_get_role_index (PaZoneIndex *self, guint i)
{
  g_return_val_if_fail (i < self->zones->len, -1);
  return self->roles[i];
}

void
pa_zone_index_get_label_size (PaZoneIndex *self, guint i, cairo_t *cr, double font_px, int *w, int *h)
{
  g_return_if_fail (i < self->zones->len);
  if (!self->label_w || self->label_font_px != font_px)
    {
      g_free (self->label_w);
      g_free (self->label_h);
      self->label_w = g_new (int, MAX (self->zones->len, 1));
      self->label_h = g_new (int, MAX (self->zones->len, 1));
      for (guint k = 0; k < self->zones->len; k++)
        self->label_w[k] = -1;
      self->label_font_px = font_px;
    }
  if (self->label_w[i] < 0)
    {
      g_autofree char *text = pa_zone_dup_label (self->zones->pdata[i]);
      g_autoptr (PangoLayout) layout = pa_painter_layout_new (cr, text, font_px, FALSE);
      pango_layout_get_pixel_size (layout, &self->label_w[i], &self->label_h[i]);
    }
  *w = self->label_w[i];
  *h = self->label_h[i];
}

static gboolean
same_view (const PaView *a, const PaView *b)
{
  return a->cx == b->cx && a->cy == b->cy && a->world == b->world && a->width == b->width
         && a->height == b->height && a->ox == b->ox && a->oy == b->oy;
}

GArray *
pa_zone_index_get_labels (PaZoneIndex *self, const PaView *view, double font_px, PaZone *selected,
                          gconstpointer districts)
{
  PaLabelCache *c = &self->labels;
  if (!c->shown || !same_view (&c->view, view) || c->font_px != font_px || c->selected != selected
      || c->districts != districts)
    return NULL;
  return c->shown;
}

void
pa_zone_index_set_labels (PaZoneIndex *self, const PaView *view, GArray *shown)
{
  PaLabelCache *c = &self->labels;
  g_clear_pointer (&c->shown, g_array_unref);
  c->view = *view;
  c->shown = g_array_ref (shown);
}

GArray *
pa_zone_index_get_label_region (PaZoneIndex *self, const PaView *view, double font_px, PaZone *selected,
                                gconstpointer districts, PaView *region)
{
  PaLabelCache *c = &self->labels;
  const PaView *r = &c->region;
  double vw = view->width / 2 / view->world, vh = view->height / 2 / view->world;
  double rw = r->width / 2 / r->world, rh = r->height / 2 / r->world;

  if (!c->labels || r->world != view->world || c->font_px != font_px || c->selected != selected
      || c->districts != districts)
    return NULL;
  if (view->cx - vw < r->cx - rw || view->cx + vw > r->cx + rw || view->cy - vh < r->cy - rh
      || view->cy + vh > r->cy + rh)
    return NULL;
  *region = *r;
  return c->labels;
}

PaLabelCache *
pa_zone_index_peek_label_cache (PaZoneIndex *self)
{
  return &self->labels;
}

void
pa_zone_index_set_label_region (PaZoneIndex *self, const PaView *region, double font_px, PaZone *selected,
                                gconstpointer districts, GArray *labels)
{
  PaLabelCache *c = &self->labels;
  g_clear_pointer (&c->labels, g_array_unref);
  g_clear_pointer (&c->shown, g_array_unref);
  c->region = *region;
  c->font_px = font_px;
  c->selected = selected; /* compared, never dereferenced */
  c->districts = districts;
  c->labels = g_array_ref (labels);
}

void
pa_zone_index_snap (PaSnap *snap, const PaView *view, PaPlan *plan, PaZone *except, double x, double y,
                    double tolerance)
{
  g_autoptr (PaZoneIndex) self = pa_zone_index_ref_for_plan (plan);
  g_autoptr (GArray) near = g_array_new (FALSE, FALSE, sizeof (guint));
  double mx = view->cx + (x - view->ox - view->width / 2) / view->world;
  double my = view->cy + (y - view->oy - view->height / 2) / view->world, t = tolerance / view->world;
  PaBBox box = { mx - t, my - t, mx + t, my + t };

  pa_zone_index_query (self, &box, near);
  for (guint k = 0; k < near->len; k++)
    {
      PaZone *z = self->zones->pdata[g_array_index (near, guint, k)];
      if (z != except)
        pa_snap_consider (snap, pa_zone_get_geometry (z));
    }
}
