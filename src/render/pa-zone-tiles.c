/* pa-zone-tiles.c — zone fills and outlines drawn once per zoom, kept as raster tiles */
#include "config.h"

#include "pa-zone-tiles.h"

#include <math.h>

#include "pa-painter.h"
#include "pa-zone-index.h"

#define T PA_ZONE_TILES_SIZE
/* A tile is drawn as the middle of a larger view, so what reaches into it from zones just
 * outside (the selection's halo, a dot, up to 6 px at scale 1) is drawn as on the
 * screen: the painter leaves out zones whose box is not in its view (padded by 5 %).
 * Every pixel of margin costs a little over 1 % of a tile's drawing. */
#define MARGIN_PER_SCALE 8

typedef struct
{
  gint64 key; /* column << 32 | row */
  gint64 col, row;
  cairo_surface_t *surface; /* NULL: nothing drawn there */
  GList link;               /* in the cache's lru */
} Tile;

struct _PaZoneTiles
{
  GObject parent_instance;
  guint max_tiles;
  GHashTable *tiles; /* &Tile.key → Tile */
  GQueue lru;        /* Tile, most recently used first */
  cairo_surface_t *scratch;
  /* what the tiles show: the plan as indexed, at this device zoom and scale, with this
   * zone selected (its box in mercator) */
  PaPlan *plan;
  PaZoneIndex *index;
  double world, scale;
  int margin; /* device pixels, for this scale */
  PaZone *selected;
  PaBBox selected_box;
  guint n_drawn;
};

G_DEFINE_FINAL_TYPE (PaZoneTiles, pa_zone_tiles, G_TYPE_OBJECT)

static void
tile_free (gpointer p)
{
  Tile *t = p;
  g_clear_pointer (&t->surface, cairo_surface_destroy);
  g_free (t);
}

static void
remove_tile (PaZoneTiles *self, Tile *t)
{
  g_queue_unlink (&self->lru, &t->link);
  g_hash_table_remove (self->tiles, &t->key); /* frees it */
}

void
pa_zone_tiles_clear (PaZoneTiles *self)
{
  g_return_if_fail (PA_IS_ZONE_TILES (self));
  while (self->lru.head)
    remove_tile (self, self->lru.head->data);
}

/* The tile's area in normalised mercator, widened by @pad device pixels. */
static PaBBox
tile_box (PaZoneTiles *self, const Tile *t, double pad)
{
  return (PaBBox){ (t->col * T - pad) / self->world, (t->row * T - pad) / self->world,
                   ((t->col + 1) * T + pad) / self->world, ((t->row + 1) * T + pad) / self->world };
}

/* Drops the tiles the selection's outline (its halo, or its dot) reaches. */
static void
drop_tiles_meeting (PaZoneTiles *self, const PaBBox *box)
{
  for (GList *l = self->lru.head; l;)
    {
      Tile *t = l->data;
      PaBBox tb = tile_box (self, t, 12 * self->scale);
      l = l->next;
      if (pa_bbox_intersects (&tb, box))
        remove_tile (self, t);
    }
}

static PaBBox
selection_box (PaZone *zone)
{
  PaGeometry *g = zone ? pa_zone_get_geometry (zone) : NULL;
  if (!g || pa_geometry_is_empty (g))
    return pa_bbox_empty ();
  return pa_geometry_get_bbox (pa_geometry_get_mercator (g));
}

/* Brings the cache to what this frame shows: drops what no longer holds. */
static void
follow (PaZoneTiles *self, PaPlan *plan, double world, double scale, PaZone *selected)
{
  g_autoptr (PaZoneIndex) index = pa_zone_index_ref_for_plan (plan);

  /* a new index means the plan's zones changed (pa_plan_get_revision,
   * pa_zone_get_generation): every tile may be out of date */
  if (plan != self->plan || index != self->index || world != self->world || scale != self->scale)
    {
      pa_zone_tiles_clear (self);
      g_set_object (&self->plan, plan);
      g_clear_pointer (&self->index, pa_zone_index_unref);
      self->index = g_steal_pointer (&index);
      self->world = world;
      if (scale != self->scale)
        g_clear_pointer (&self->scratch, cairo_surface_destroy);
      self->scale = scale;
      self->margin = MARGIN_PER_SCALE * (int) ceil (scale);
      g_set_object (&self->selected, selected);
      self->selected_box = selection_box (selected); /* its outline may have changed too */
    }
  else if (selected != self->selected)
    {
      PaBBox box = selection_box (selected);
      drop_tiles_meeting (self, &self->selected_box);
      drop_tiles_meeting (self, &box);
      g_set_object (&self->selected, selected);
      self->selected_box = box;
    }
}

static cairo_surface_t *
draw_tile (PaZoneTiles *self, gint64 col, gint64 row)
{
  int m = self->margin;
  PaView view = { .world = self->world, .width = T + 2 * m, .height = T + 2 * m };
  g_autoptr (GArray) near = g_array_new (FALSE, FALSE, sizeof (guint));
  cairo_surface_t *tile;
  cairo_t *cr;

  view.cx = (col * T + T / 2.0) / self->world;
  view.cy = (row * T + T / 2.0) / self->world;
  pa_zone_index_query_view (self->index, &view, 0.05, near);
  if (near->len == 0)
    return NULL; /* most tiles of a zoomed-in plan: no surface at all */
  if (!self->scratch)
    self->scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, T + 2 * m, T + 2 * m);
  cr = cairo_create (self->scratch);
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  /* unscaled and at the surface's origin: the painter stamps its dots there */
  pa_painter_draw_zones (cr, &view, self->plan, self->selected, self->scale);
  cairo_destroy (cr);

  tile = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, T, T);
  cr = cairo_create (tile);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_set_source_surface (cr, self->scratch, -m, -m);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_flush (tile);
  self->n_drawn++;
  return tile;
}

static Tile *
get_tile (PaZoneTiles *self, gint64 col, gint64 row)
{
  gint64 key = (gint64) ((guint64) col << 32 | (guint32) row);
  Tile *t = g_hash_table_lookup (self->tiles, &key);

  if (t)
    {
      g_queue_unlink (&self->lru, &t->link);
      g_queue_push_head_link (&self->lru, &t->link);
      return t;
    }
  t = g_new0 (Tile, 1);
  t->key = key, t->col = col, t->row = row;
  t->link.data = t;
  t->surface = draw_tile (self, col, row);
  g_hash_table_insert (self->tiles, &t->key, t);
  g_queue_push_head_link (&self->lru, &t->link);
  return t;
}

/* The tiles @view shows, widened by @ahead device pixels: columns and rows; the view's
 * top-left corner in the zoom's device pixel grid. */
static guint
tile_range (const PaView *view, double scale, int ahead, gint64 *c0, gint64 *r0, gint64 *c1, gint64 *r1, double *x0,
            double *y0)
{
  *x0 = round ((view->cx * view->world - view->width / 2) * scale);
  *y0 = round ((view->cy * view->world - view->height / 2) * scale);
  *c0 = (gint64) floor ((*x0 - ahead) / T), *r0 = (gint64) floor ((*y0 - ahead) / T);
  *c1 = (gint64) floor ((*x0 + ceil (view->width * scale) + ahead - 1) / T);
  *r1 = (gint64) floor ((*y0 + ceil (view->height * scale) + ahead - 1) / T);
  return (guint) ((*c1 - *c0 + 1) * (*r1 - *r0 + 1));
}

/* The least recently used go, but never one of the @needed last used. */
static void
trim (PaZoneTiles *self, guint needed)
{
  while (g_hash_table_size (self->tiles) > MAX (self->max_tiles, needed))
    remove_tile (self, self->lru.tail->data);
}

void
pa_zone_tiles_draw (PaZoneTiles *self, cairo_t *cr, const PaView *view, double scale, PaPlan *plan,
                    PaZone *selected)
{
  double x0, y0;
  gint64 c0, r0, c1, r1;
  guint needed;

  g_return_if_fail (PA_IS_ZONE_TILES (self));
  g_return_if_fail (cr != NULL && view != NULL && scale > 0);
  if (!plan || view->width <= 0 || view->height <= 0)
    return;
  follow (self, plan, view->world * scale, scale, selected);
  needed = tile_range (view, scale, 0, &c0, &r0, &c1, &r1, &x0, &y0);
  cairo_save (cr);
  cairo_translate (cr, view->ox, view->oy);
  cairo_scale (cr, 1 / scale, 1 / scale);
  for (gint64 row = r0; row <= r1; row++)
    for (gint64 col = c0; col <= c1; col++)
      {
        Tile *t = get_tile (self, col, row);
        if (!t->surface)
          continue;
        cairo_set_source_surface (cr, t->surface, (double) (col * T) - x0, (double) (row * T) - y0);
        cairo_rectangle (cr, (double) (col * T) - x0, (double) (row * T) - y0, T, T);
        cairo_fill (cr);
      }
  cairo_restore (cr);
  trim (self, needed);
}

gboolean
pa_zone_tiles_has_zoom (PaZoneTiles *self, const PaView *view, double scale, PaPlan *plan)
{
  g_return_val_if_fail (PA_IS_ZONE_TILES (self), FALSE);
  return plan == self->plan && view->world * scale == self->world && scale == self->scale
         && g_hash_table_size (self->tiles) > 0;
}

gboolean
pa_zone_tiles_draw_ahead (PaZoneTiles *self, const PaView *view, double scale, PaPlan *plan, PaZone *selected,
                          int ahead)
{
  double x0, y0;
  gint64 c0, r0, c1, r1;
  guint needed;

  g_return_val_if_fail (PA_IS_ZONE_TILES (self), FALSE);
  g_return_val_if_fail (view != NULL && scale > 0, FALSE);
  if (!plan || view->width <= 0 || view->height <= 0)
    return FALSE;
  follow (self, plan, view->world * scale, scale, selected);
  needed = tile_range (view, scale, MAX (ahead, 0), &c0, &r0, &c1, &r1, &x0, &y0);
  if (needed > self->max_tiles)
    return FALSE; /* they would push each other out */
  for (gint64 row = r0; row <= r1; row++)
    for (gint64 col = c0; col <= c1; col++)
      {
        gint64 key = (gint64) ((guint64) col << 32 | (guint32) row);
        if (g_hash_table_contains (self->tiles, &key))
          continue;
        get_tile (self, col, row);
        trim (self, needed);
        return TRUE;
      }
  return FALSE;
}

guint
pa_zone_tiles_get_n_tiles (PaZoneTiles *self)
{
  g_return_val_if_fail (PA_IS_ZONE_TILES (self), 0);
  return g_hash_table_size (self->tiles);
}

guint
pa_zone_tiles_get_n_drawn (PaZoneTiles *self)
{
  g_return_val_if_fail (PA_IS_ZONE_TILES (self), 0);
  return self->n_drawn;
}

static void
pa_zone_tiles_dispose (GObject *object)
{
  PaZoneTiles *self = PA_ZONE_TILES (object);
  pa_zone_tiles_clear (self);
  g_clear_object (&self->plan);
  g_clear_object (&self->selected);
  g_clear_pointer (&self->index, pa_zone_index_unref);
  g_clear_pointer (&self->scratch, cairo_surface_destroy);
  G_OBJECT_CLASS (pa_zone_tiles_parent_class)->dispose (object);
}

static void
pa_zone_tiles_finalize (GObject *object)
{
  g_hash_table_unref (PA_ZONE_TILES (object)->tiles);
  G_OBJECT_CLASS (pa_zone_tiles_parent_class)->finalize (object);
}

static void
pa_zone_tiles_class_init (PaZoneTilesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pa_zone_tiles_dispose;
  G_OBJECT_CLASS (klass)->finalize = pa_zone_tiles_finalize;
}

static void
pa_zone_tiles_init (PaZoneTiles *self)
{
  self->tiles = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, tile_free);
  g_queue_init (&self->lru);
  self->selected_box = pa_bbox_empty ();
}

PaZoneTiles *
pa_zone_tiles_new (guint max_tiles)
{
  PaZoneTiles *self = g_object_new (PA_TYPE_ZONE_TILES, NULL);
  self->max_tiles = MAX (max_tiles, 1);
  return self;
}
