/* pa-painter-screen-labels.c — pa_painter_draw_labels: on screen the names are placed
 * once for a region around the view at its zoom and moved with a pan, each painted from
 * an image of it on raster targets; with every_zone they are placed for the one call.
 * The placement rules and the figures' labels are in pa-painter-labels.c. */
#include "config.h"

#include "pa-painter-private.h"
#include "pa-zone-index.h"

#include <math.h>

static const cairo_user_data_key_t pixel_scale_key;

void
pa_painter_set_pixel_scale (cairo_t *cr, double scale)
{
  g_return_if_fail (scale > 0);
  cairo_set_user_data (cr, &pixel_scale_key, g_memdup2 (&scale, sizeof scale), g_free);
}

double
pa_painter_get_pixel_scale (cairo_t *cr)
{
  const double *scale = cairo_get_user_data (cr, &pixel_scale_key);
  double sx, sy;
  if (scale)
    return *scale;
  cairo_surface_get_device_scale (cairo_get_target (cr), &sx, &sy);
  return sx;
}

/* How far around the view the screen's names are placed, in surface units: a pan keeps
 * the placement (names do not jump) until the view leaves that region. */
#define LABEL_REGION_MARGIN 320

/* The labels of @placed (in @region's coordinates) that @view shows, in its coordinates:
 * a zone's name when the zone's label point is in view, a district's when it meets it. */
static GArray *
labels_in_view (const PaView *view, const PaView *region, GArray *placed)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (PaPlacedLabel), placed->len / 2);
  double dx = view->ox + view->width / 2 + (region->cx - view->cx) * view->world - region->width / 2 - region->ox;
  double dy = view->oy + view->height / 2 + (region->cy - view->cy) * view->world - region->height / 2 - region->oy;

  g_array_set_clear_func (out, pa_painter_placed_label_clear);
  for (guint k = 0; k < placed->len; k++)
    {
      PaPlacedLabel l = g_array_index (placed, PaPlacedLabel, k);
      l.x += dx, l.y += dy, l.ax += dx, l.ay += dy;
      if (l.x > view->ox + view->width || l.y > view->oy + view->height || l.x + l.w < view->ox
          || l.y + l.h < view->oy)
        continue;
      if (l.zone)
        {
          PaPoint lp = pa_geometry_get_cached_label_point (pa_zone_get_geometry (l.zone));
          double x, y;
          pa_view_project (view, lp.x, lp.y, &x, &y);
          if (x < view->ox || x > view->ox + view->width || y < view->oy || y > view->oy + view->height)
            continue;
        }
      l.layout = g_object_ref (l.layout);
      l.image = NULL; /* kept with the region's placement (source) */
      l.source = k;
      g_array_append_val (out, l);
    }
  return out;
}

/* A new region keeps the images of the names that stay where they were in the zoom's
 * pixel grid (most of them, when a pan moved the region): else its first frame would draw
 * every name again. */
static void
carry_images (PaLabelCache *old, const PaView *region, GArray *fresh, double font_px, PaZone *selected,
              gconstpointer districts)
{
  g_autoptr (GHashTable) by_zone = NULL;
  double ox, oy, nx, ny;

  if (!old->labels || old->region.world != region->world || old->font_px != font_px || old->selected != selected
      || old->districts != districts)
    return;
  /* where each region's (0, 0) is in the zoom's pixel grid */
  ox = old->region.cx * region->world - old->region.width / 2 - old->region.ox;
  oy = old->region.cy * region->world - old->region.height / 2 - old->region.oy;
  nx = region->cx * region->world - region->width / 2 - region->ox;
  ny = region->cy * region->world - region->height / 2 - region->oy;
  by_zone = g_hash_table_new (NULL, NULL);
  for (guint k = 0; k < old->labels->len; k++)
    {
      PaPlacedLabel *o = &g_array_index (old->labels, PaPlacedLabel, k);
      if (o->zone && o->image)
        g_hash_table_insert (by_zone, o->zone, o);
    }
  for (guint k = 0; k < fresh->len; k++)
    {
      PaPlacedLabel *l = &g_array_index (fresh, PaPlacedLabel, k);
      PaPlacedLabel *o = l->zone ? g_hash_table_lookup (by_zone, l->zone) : NULL;
      if (o && o->w == l->w && o->h == l->h && fabs (o->x + ox - (l->x + nx)) < 1e-6
          && fabs (o->y + oy - (l->y + ny)) < 1e-6)
        {
          l->image = g_steal_pointer (&o->image);
          l->image_scale = o->image_scale, l->image_fx = o->image_fx, l->image_fy = o->image_fy;
        }
    }
}

/* The region around @view its names are placed for: the view widened on every side. */
static void
region_around (const PaView *view, PaView *region)
{
  *region = *view;
  region->ox = region->oy = 0;
  region->width += 2 * LABEL_REGION_MARGIN;
  region->height += 2 * LABEL_REGION_MARGIN;
}

/* Keeps @fresh, placed for @region, as the screen's names (with the images of the names
 * that stay put). */
static void
keep_region (PaZoneIndex *index, const PaView *region, GArray *fresh, PaZone *selected, PaBasemap *districts,
             double font_px)
{
  carry_images (pa_zone_index_peek_label_cache (index), region, fresh, font_px, selected, districts);
  pa_zone_index_set_label_region (index, region, font_px, selected, districts, fresh);
}

/* Places the names for a region around @view at once. */
static GArray *
place_region (cairo_t *cr, const PaView *view, PaZoneIndex *index, PaZone *selected, PaBasemap *districts,
              double font_px, PaView *region)
{
  GArray *fresh;

  region_around (view, region);
  fresh = pa_painter_place_labels (cr, region, index, selected, districts, font_px, FALSE);
  keep_region (index, region, fresh, selected, districts, font_px);
  return fresh;
}

/* The screen's names for @view: from the last frame's if the view is the same, else
 * moved from the region's placement, placed anew when the view has left it. */
static GArray *
screen_labels (cairo_t *cr, const PaView *view, PaZoneIndex *index, PaZone *selected, PaBasemap *districts,
               double font_px)
{
  GArray *shown = pa_zone_index_get_labels (index, view, font_px, selected, districts);
  g_autoptr (GArray) fresh = NULL;
  GArray *placed;
  PaView region;

  if (shown)
    return g_array_ref (shown);
  placed = pa_zone_index_get_label_region (index, view, font_px, selected, districts, &region);
  if (!placed)
    placed = fresh = place_region (cr, view, index, selected, districts, font_px, &region);
  shown = labels_in_view (view, &region, placed);
  pa_zone_index_set_labels (index, view, shown);
  return shown;
}

/* The next region's names being placed in idle time, and what for. */
typedef struct
{
  PaLabelJob *job;
  PaView region;
  PaZone *selected; /* compared, never dereferenced */
  gconstpointer districts;
  double font_px;
} Ahead;

static void
ahead_free (gpointer p)
{
  Ahead *a = p;
  pa_painter_label_job_free (a->job);
  g_free (a);
}

/* Zones whose names one idle step places: a few milliseconds with 10,000 zones. */
#define AHEAD_ZONES 300

gboolean
pa_painter_place_labels_ahead (cairo_t *cr, const PaView *view, PaPlan *plan, PaZone *selected,
                               PaBasemap *districts, double font_px)
{
  g_autoptr (PaZoneIndex) index = NULL;
  PaLabelCache *cache;
  Ahead *a;
  PaView region;

  g_return_val_if_fail (cr != NULL && view != NULL, FALSE);
  if (!plan)
    return FALSE;
  index = pa_zone_index_ref_for_plan (plan);
  cache = pa_zone_index_peek_label_cache (index);
  a = cache->ahead;
  if (a && (a->region.world != view->world || a->selected != selected || a->districts != districts
            || a->font_px != font_px))
    {
      /* begun for another zoom or selection: start again */
      ahead_free (g_steal_pointer (&cache->ahead));
      a = NULL;
    }
  if (!a)
    {
      if (pa_zone_index_get_label_region (index, view, font_px, selected, districts, &region))
        {
          double w = view->world;
          double left = (view->cx - region.cx) * w - (view->width - region.width) / 2;
          double top = (view->cy - region.cy) * w - (view->height - region.height) / 2;
          double right = region.width - view->width - left, bottom = region.height - view->height - top;
          if (MIN (MIN (left, right), MIN (top, bottom)) >= LABEL_REGION_MARGIN / 2.0)
            return FALSE;
        }
      a = g_new0 (Ahead, 1);
      region_around (view, &a->region);
      a->selected = selected, a->districts = districts, a->font_px = font_px;
      a->job = pa_painter_label_job_new (cr, &a->region, index, selected, districts, font_px, FALSE);
      cache->ahead = a;
      cache->ahead_free = ahead_free;
      return TRUE;
    }
  if (!pa_painter_label_job_step (a->job, AHEAD_ZONES))
    return TRUE;
  cache->ahead = NULL;
  {
    double w = view->world;
    double left = (view->cx - a->region.cx) * w - (view->width - a->region.width) / 2;
    double top = (view->cy - a->region.cy) * w - (view->height - a->region.height) / 2;
    /* kept only if the view is still inside it (else the frames have placed their own) */
    if (left >= 0 && top >= 0 && left + view->width <= a->region.width && top + view->height <= a->region.height)
      keep_region (index, &a->region, pa_painter_label_job_get_labels (a->job), selected, districts, font_px);
  }
  ahead_free (a);
  return TRUE;
}

/* How far the halo reaches beyond a name's box, in surface units. */
#define HALO_PAD 4

/* Whether names may be painted from images on @cr: a raster target (a recording one is
 * GTK's node) drawn unrotated and unscaled, so an image lands on whole pixels. */
static gboolean
label_images_fit (cairo_t *cr)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  cairo_matrix_t m;
  cairo_get_matrix (cr, &m);
  return (type == CAIRO_SURFACE_TYPE_IMAGE || type == CAIRO_SURFACE_TYPE_RECORDING) && m.xx == 1 && m.yy == 1
         && m.xy == 0 && m.yx == 0;
}

/* Paints @l's name from its image, made first when it has none for this scale and
 * fraction of a pixel: the halo alone is nine text draws, which a pan repeated for every
 * name in every frame. The image holds what pa_painter_show_halo_text draws, on the same grid. */
static void
show_label_image (cairo_t *cr, PaPlacedLabel *l, PaPlacedLabel *keep, double scale, PaColor color, double halo)
{
  double ux, uy, fx, fy, ix, iy;
  int pad = (int) ceil (HALO_PAD * scale);
  cairo_matrix_t m;

  cairo_get_matrix (cr, &m); /* a translation (label_images_fit) */
  ux = (l->x + m.x0) * scale, uy = (l->y + m.y0) * scale; /* in device pixels */
  ix = floor (ux), iy = floor (uy), fx = ux - ix, fy = uy - iy;
  if (!keep->image || keep->image_scale != scale || fabs (keep->image_fx - fx) > 1e-3
      || fabs (keep->image_fy - fy) > 1e-3)
    {
      cairo_t *icr;
      g_clear_pointer (&keep->image, cairo_surface_destroy);
      keep->image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (l->w * scale) + 2 * pad + 1,
                                                (int) ceil (l->h * scale) + 2 * pad + 1);
      /* a device scale, not a scaled matrix: pango then places the glyphs as it does on
       * the target (GTK's node replayed at the window's scale) */
      cairo_surface_set_device_scale (keep->image, scale, scale);
      icr = cairo_create (keep->image);
      pango_cairo_update_layout (icr, l->layout);
      pa_painter_show_halo_text (icr, l->layout, (pad + fx) / scale, (pad + fy) / scale, color, halo);
      cairo_destroy (icr);
      cairo_surface_flush (keep->image);
      keep->image_scale = scale, keep->image_fx = fx, keep->image_fy = fy;
    }
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, keep->image, (ix - pad) / scale, (iy - pad) / scale);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* @over (may be NULL): a plan drawn over this one, whose zones hide this plan's names. */
static void
draw_labels (cairo_t *cr, const PaView *view, PaPlan *plan, PaPlan *over, PaZone *selected,
             PaBasemap *districts, double font_px, gboolean every_zone)
{
  g_autoptr (PaZoneIndex) index = plan ? pa_zone_index_ref_for_plan (plan) : NULL;
  g_autoptr (GArray) labels = NULL;
  const PaColor district_ink = { 0.45, 0.42, 0.40 };
  GArray *placed = NULL;
  double scale = 1;
  PaView region;

  if (index && !every_zone)
    {
      labels = screen_labels (cr, view, index, selected, districts, font_px);
      if (label_images_fit (cr))
        placed = pa_zone_index_get_label_region (index, view, font_px, selected, districts, &region);
      scale = pa_painter_get_pixel_scale (cr);
    }
  else
    labels = pa_painter_place_labels (cr, view, index, selected, districts, font_px, every_zone);
  cairo_save (cr);
  for (guint k = 0; k < labels->len; k++)
    {
      PaPlacedLabel *l = &g_array_index (labels, PaPlacedLabel, k);
      PaColor ink = l->district ? district_ink : pa_painter_ink;
      double halo = l->district ? font_px / 5 : font_px / 4;
      if (over)
        {
          double lon, lat;
          pa_view_unproject (view, l->x + l->w / 2.0, l->y + l->h / 2.0, &lon, &lat);
          if (pa_painter_hit_test (over, lon, lat))
            continue;
        }
      if (l->leader)
        pa_painter_draw_leader (cr, l->ax, l->ay, l->x, l->y, l->w, l->h);
      if (placed)
        show_label_image (cr, l, &g_array_index (placed, PaPlacedLabel, l->source), scale, ink, halo);
      else
        {
          pango_cairo_update_layout (cr, l->layout);
          pa_painter_show_halo_text (cr, l->layout, l->x, l->y, ink, halo);
        }
    }
  cairo_restore (cr);
}

void
pa_painter_draw_labels (cairo_t *cr, const PaView *view, PaPlan *plan, PaZone *selected,
                        PaBasemap *districts, double font_px, gboolean every_zone)
{
  draw_labels (cr, view, plan, NULL, selected, districts, font_px, every_zone);
}

void
pa_painter_draw_labels_under (cairo_t *cr, const PaView *view, PaPlan *plan, PaPlan *over, double font_px)
{
  draw_labels (cr, view, plan, over, NULL, NULL, font_px, FALSE);
}
