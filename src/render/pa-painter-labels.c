/* pa-painter-labels.c — zone and district names, placed so they do not collide; text */
#include "config.h"

#include "pa-painter-private.h"
#include "pa-zone-index.h"

#include "geo/pa-mercator.h"

#include <glib/gi18n.h>
#include <math.h>

PangoLayout *
pa_painter_layout_new (cairo_t *cr, const char *text, double font_px, gboolean bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *fd = pango_font_description_from_string (PA_PAINTER_FONT);
  cairo_font_options_t *fo = cairo_font_options_create ();

  /* Unhinted metrics: text measures the same on screen, in a tile and in a PDF, so a
   * legend sized on one surface fits when drawn on another. */
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), fo);
  cairo_font_options_destroy (fo);
  pango_layout_context_changed (layout);
  pango_font_description_set_absolute_size (fd, font_px * PANGO_SCALE);
  pango_font_description_set_weight (fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, fd);
  pango_font_description_free (fd);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Text with a light halo so it reads over any fill. In PDF and SVG the halo is the
 * stroked glyph outline (crisp at any zoom); on raster surfaces stroking outlines
 * dominated a frame (callgrind: 70 % of the zone layer), so the halo is the text drawn
 * eight times slightly offset, which reuses cairo's glyph cache. */
void
pa_painter_show_halo_text (cairo_t *cr, PangoLayout *layout, double x, double y, PaColor color, double halo)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  if (type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_SVG)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_layout_path (cr, layout);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_set_line_width (cr, halo);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
  else
    {
      double r = halo / 2;
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      for (int i = 0; i < 8; i++)
        {
          cairo_move_to (cr, x + r * cos (i * G_PI / 4), y + r * sin (i * G_PI / 4));
          pango_cairo_show_layout (cr, layout);
        }
    }
  cairo_move_to (cr, x, y);
  pa_painter_set_color (cr, color, 1);
  pango_cairo_show_layout (cr, layout);
}

static gboolean
clashes (GArray *placed, const PaBBox *box)
{
  for (guint k = 0; k < placed->len; k++)
    if (pa_bbox_intersects (box, &g_array_index (placed, PaBBox, k)))
      return TRUE;
  return FALSE;
}

/* Places a w×h label for the point (x, y), kept inside the view: centred on it if that
 * spot is free, else at the nearest free spot of a ring of candidates around it (up to
 * @max_steps label heights away). With @force the centre is taken when nothing is free.
 * Returns FALSE when nothing was placed. */
/* Whether a label centred at (cx, cy) on the surface may stand there (beyond not
 * covering another label). */
typedef gboolean (*PlaceCheck) (const PaView *view, double cx, double cy, gpointer data);

static gboolean place_label_checked (const PaView *view, GArray *placed, double x, double y, int w, int h,
                                     int max_steps, gboolean force, PlaceCheck check, gpointer data, double *lx,
                                     double *ly);

static gboolean
place_label (const PaView *view, GArray *placed, double x, double y, int w, int h, int max_steps,
             gboolean force, double *lx, double *ly)
{
  return place_label_checked (view, placed, x, y, w, h, max_steps, force, NULL, NULL, lx, ly);
}

/* The same, each candidate also asked of @check (may be NULL); forced, the label takes
 * the point itself. */
static gboolean
place_label_checked (const PaView *view, GArray *placed, double x, double y, int w, int h, int max_steps,
                     gboolean force, PlaceCheck check, gpointer data, double *lx, double *ly)
{
  static const double dirs[][2] = { { 0, 1 }, { 0, -1 }, { 1, 0 }, { -1, 0 },
                                    { 1, 1 }, { -1, 1 }, { 1, -1 }, { -1, -1 } };
  for (int step = 0; step <= max_steps; step++)
    for (guint d = 0; d < (step ? G_N_ELEMENTS (dirs) : 1); d++)
      {
        double cx = x + dirs[d][0] * step * (w / 2.0 + h) * (step ? 1 : 0);
        double cy = y + dirs[d][1] * step * h * 1.2 * (step ? 1 : 0);
        double bx = CLAMP (cx - w / 2.0, view->ox + 2, view->ox + view->width - w - 2);
        double by = CLAMP (cy - h / 2.0, view->oy + 2, view->oy + view->height - h - 2);
        PaBBox box = { bx, by, bx + w, by + h };
        gboolean free_here = !clashes (placed, &box) && (!check || check (view, bx + w / 2.0, by + h / 2.0, data));
        if (free_here || (force && step == max_steps && d + 1 == G_N_ELEMENTS (dirs)))
          {
            if (force && !free_here)
              {
                bx = CLAMP (x - w / 2.0, view->ox + 2, view->ox + view->width - w - 2);
                by = CLAMP (y - h / 2.0, view->oy + 2, view->oy + view->height - h - 2);
                box = (PaBBox){ bx, by, bx + w, by + h };
              }
            g_array_append_val (placed, box);
            *lx = bx, *ly = by;
            return TRUE;
          }
      }
  return FALSE;
}

/* A thin line from a zone to its label when the label had to move away from it. */
void
pa_painter_draw_leader (cairo_t *cr, double ax, double ay, double lx, double ly, int w, int h)
{
  double tx = CLAMP (ax, lx, lx + w), ty = CLAMP (ay, ly, ly + h);
  if (hypot (tx - ax, ty - ay) < h * 0.6)
    return;
  cairo_move_to (cr, ax, ay);
  cairo_line_to (cr, tx, ty);
  cairo_set_source_rgba (cr, 0.2, 0.2, 0.22, 0.7);
  cairo_set_line_width (cr, 0.7);
  cairo_stroke (cr);
  cairo_arc (cr, ax, ay, 1.5, 0, 2 * G_PI);
  cairo_fill (cr);
}

void
pa_painter_placed_label_clear (gpointer p)
{
  g_clear_object (&((PaPlacedLabel *) p)->layout);
  g_clear_pointer (&((PaPlacedLabel *) p)->image, cairo_surface_destroy);
}

typedef struct
{
  PaZoneIndex *index;
  PaZone *zone;
  GArray *near;
} OwnCheck;

/* A name belongs to its zone: its centre not on another zone's shape, unless it is on its
 * own zone's too (a zone nested in another). */
static gboolean
on_own_zone (const PaView *view, double cx, double cy, gpointer data)
{
  OwnCheck *c = data;
  double lon, lat;
  PaBBox at;

  pa_view_unproject (view, cx, cy, &lon, &lat);
  pa_mercator_from_lonlat (lon, lat, &at.minx, &at.miny);
  at.maxx = at.minx, at.maxy = at.miny;
  g_array_set_size (c->near, 0);
  pa_zone_index_query (c->index, &at, c->near);
  for (guint k = 0; k < c->near->len; k++)
    {
      PaZone *other = pa_zone_index_get_zone (c->index, g_array_index (c->near, guint, k));
      if (other != c->zone && pa_geometry_contains_point (pa_zone_get_geometry (other), lon, lat))
        return pa_geometry_contains_point (pa_zone_get_geometry (c->zone), lon, lat);
    }
  return TRUE;
}

/* A placement in progress: the zones in view, smallest first, each given its name's place
 * in turn, so idle time can do it in slices. */
struct _PaLabelJob
{
  cairo_t *cr; /* for the layouts (their metrics do not depend on the surface) */
  PaView view;
  PaZoneIndex *index; /* not a reference: the caller keeps the index */
  PaZone *selected;
  PaBasemap *districts;
  double font_px;
  gboolean every_zone;
  GArray *in_view, *placed, *near, *out;
  guint left; /* zones of in_view not yet placed: in_view[0 .. left) */
};

PaLabelJob *
pa_painter_label_job_new (cairo_t *cr, const PaView *view, PaZoneIndex *index, PaZone *selected,
                          PaBasemap *districts, double font_px, gboolean every_zone)
{
  PaLabelJob *job = g_new0 (PaLabelJob, 1);
  job->cr = cairo_reference (cr);
  job->view = *view;
  job->index = index;
  job->selected = selected;
  job->districts = districts ? g_object_ref (districts) : NULL;
  job->font_px = font_px;
  job->every_zone = every_zone;
  job->out = g_array_new (FALSE, FALSE, sizeof (PaPlacedLabel));
  g_array_set_clear_func (job->out, pa_painter_placed_label_clear);
  job->placed = g_array_new (FALSE, FALSE, sizeof (PaBBox));
  job->in_view = g_array_new (FALSE, FALSE, sizeof (guint));
  job->near = g_array_new (FALSE, FALSE, sizeof (guint));
  if (index)
    pa_zone_index_query_view (index, view, 0, job->in_view);
  job->left = job->in_view->len;
  return job;
}

void
pa_painter_label_job_free (PaLabelJob *job)
{
  cairo_destroy (job->cr);
  g_clear_object (&job->districts);
  g_array_unref (job->out);
  g_array_unref (job->placed);
  g_array_unref (job->in_view);
  g_array_unref (job->near);
  g_free (job);
}

/* The district names where they fit: where a zone is, in which district. */
static void
place_district_names (PaLabelJob *job)
{
  const PaView *view = &job->view;
  for (guint i = 0; job->districts && i < pa_basemap_get_n_districts (job->districts); i++)
    {
      const char *name;
      PaGeometry *g = pa_basemap_get_district (job->districts, i, NULL, &name);
      PaPoint lp = pa_geometry_get_cached_label_point (g);
      PaPlacedLabel l = { NULL, 0, 0, 0, 0, 0, 0, FALSE, TRUE, NULL };
      double x, y;

      pa_view_project (view, lp.x, lp.y, &x, &y);
      if (x < view->ox || x > view->ox + view->width || y < view->oy || y > view->oy + view->height)
        continue;
      l.layout = pa_painter_layout_new (job->cr, name, job->font_px * 0.85, FALSE);
      pango_layout_get_pixel_size (l.layout, &l.w, &l.h);
      if (place_label (view, job->placed, x, y, l.w, l.h, 0, FALSE, &l.x, &l.y))
        g_array_append_val (job->out, l);
      else
        g_object_unref (l.layout);
    }
}

gboolean
pa_painter_label_job_step (PaLabelJob *job, guint n_zones)
{
  const PaView *view = &job->view;
  OwnCheck own = { job->index, NULL, job->near };
  cairo_t *cr = job->cr;
  double font_px = job->font_px;

  /* smallest last in paint order = placed first, so small zones keep their names */
  for (; job->left > 0 && n_zones > 0; n_zones--)
    {
      guint i = g_array_index (job->in_view, guint, --job->left);
      PaZone *z = pa_zone_index_get_zone (job->index, i);
      PaGeometry *g = pa_zone_get_geometry (z);
      PaPoint lp = pa_geometry_get_cached_label_point (g);
      PaBBox gb = pa_geometry_get_bbox (g);
      g_autoptr (PangoLayout) layout = NULL;
      double size = MAX ((gb.maxx - gb.minx) / 360.0 * view->world, 9), x, y, ax, ay;
      int w, h;

      /* a zone whose label point is off the view gets no name: before this, names of
       * zones far outside were pinned to the view's edge */
      pa_view_project (view, lp.x, lp.y, &ax, &ay);
      if (isnan (ax) || ax < view->ox || ax > view->ox + view->width || ay < view->oy
          || ay > view->oy + view->height)
        continue;
      if (z == job->selected)
        {
          /* 示意 for a schematic outline, 推定 for an inferred role or place, ✎ for the
           * planner's: a reader of the figure sees each */
          g_autofree char *text = pa_zone_dup_label (z);
          layout = pa_painter_layout_new (cr, text, font_px, TRUE);
          pango_layout_get_pixel_size (layout, &w, &h);
        }
      else
        pa_zone_index_get_label_size (job->index, i, cr, font_px, &w, &h);
      /* a small zone would hide under its own name: put the name just below it */
      if (size < 2.5 * h)
        ay += size / 2 + h / 2.0 + 1;
      own.zone = z;
      /* forced (the selected zone's), the name takes its own label point, on its zone */
      if (size < 2.5 * h && z == job->selected)
        ay -= size / 2 + h / 2.0 + 1;
      if (place_label_checked (view, job->placed, ax, ay, w, h, job->every_zone ? 4 : 1,
                               job->every_zone || z == job->selected, on_own_zone, &own, &x, &y))
        {
          PaPlacedLabel l = { NULL, x, y, ax, ay, w, h, TRUE, FALSE, z };
          if (!layout)
            {
              g_autofree char *text = pa_zone_dup_label (z);
              layout = pa_painter_layout_new (cr, text, font_px, FALSE);
            }
          l.layout = g_steal_pointer (&layout);
          g_array_append_val (job->out, l);
        }
    }
  if (job->left > 0)
    return FALSE;
  if (job->districts)
    {
      place_district_names (job);
      g_clear_object (&job->districts);
    }
  return TRUE;
}

GArray *
pa_painter_label_job_get_labels (PaLabelJob *job)
{
  g_return_val_if_fail (job->left == 0, NULL);
  return job->out;
}

/* Where the names go in @view: zones in view only, smallest first; a layout is made only
 * for a name that is placed (sizes come measured from the index). */
GArray *
pa_painter_place_labels (cairo_t *cr, const PaView *view, PaZoneIndex *index, PaZone *selected, PaBasemap *districts,
                         double font_px, gboolean every_zone)
{
  PaLabelJob *job = pa_painter_label_job_new (cr, view, index, selected, districts, font_px, every_zone);
  GArray *out;

  pa_painter_label_job_step (job, G_MAXUINT);
  out = g_array_ref (pa_painter_label_job_get_labels (job));
  pa_painter_label_job_free (job);
  return out;
}

double
pa_painter_draw_text (cairo_t *cr, double x, double y, double width, const char *text,
                      double font_px, gboolean bold, PaColor color)
{
  g_autoptr (PangoLayout) layout = pa_painter_layout_new (cr, text, font_px, bold);
  int w, h;
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_save (cr);
  cairo_move_to (cr, x, y);
  pa_painter_set_color (cr, color, 1);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  return h;
}

/* ---- figure labels: owned by their zones ---- */

/* Zones' projected boxes in a coarse grid, so a candidate label asks only its neighbours
 * (a 10,000-zone plan would otherwise test every zone for every candidate). */
typedef struct
{
  double x0, y0, cell;
  int cols, rows;
  GPtrArray **cells; /* of guint index into zones, as GUINT_TO_POINTER */
  GPtrArray *zones;
  PaBBox *boxes;
  PaGeometry **mercator; /* each zone's outline in normalised mercator */
} ZoneGrid;

static void
grid_init (ZoneGrid *g, const PaView *view, GPtrArray *zones)
{
  g->zones = zones;
  g->x0 = view->ox, g->y0 = view->oy;
  g->cell = MAX (MAX (view->width, view->height) / 64, 8);
  g->cols = (int) ceil (view->width / g->cell) + 1;
  g->rows = (int) ceil (view->height / g->cell) + 1;
  g->cells = g_new0 (GPtrArray *, (gsize) g->cols * g->rows);
  g->boxes = g_new (PaBBox, zones->len);
  g->mercator = g_new (PaGeometry *, zones->len);
  for (guint i = 0; i < zones->len; i++)
    {
      PaBBox gb = pa_geometry_get_bbox (pa_zone_get_geometry (zones->pdata[i]));
      double x0, y0, x1, y1;
      pa_view_project (view, gb.minx, gb.maxy, &x0, &y0);
      pa_view_project (view, gb.maxx, gb.miny, &x1, &y1);
      g->boxes[i] = (PaBBox){ x0, y0, x1, y1 };
      g->mercator[i] = pa_geometry_get_mercator (pa_zone_get_geometry (zones->pdata[i]));
      for (int cy = MAX (0, (int) floor ((y0 - g->y0) / g->cell)); cy <= MIN (g->rows - 1, (int) floor ((y1 - g->y0) / g->cell)); cy++)
        for (int cx = MAX (0, (int) floor ((x0 - g->x0) / g->cell)); cx <= MIN (g->cols - 1, (int) floor ((x1 - g->x0) / g->cell)); cx++)
          {
            GPtrArray **c = &g->cells[cy * g->cols + cx];
            if (!*c)
              *c = g_ptr_array_new ();
            g_ptr_array_add (*c, GUINT_TO_POINTER (i));
          }
    }
}

static void
grid_clear (ZoneGrid *g)
{
  for (int i = 0; i < g->cols * g->rows; i++)
    if (g->cells[i])
      g_ptr_array_unref (g->cells[i]);
  g_free (g->cells);
  g_free (g->boxes);
  g_free (g->mercator);
}

/* The zone (index) whose shape holds the surface point (x, y), other than @self and the
 * zones that contain @self's label point (a zone inside another: its name is inevitably
 * on both); -1 for none. */
static int
grid_zone_at (ZoneGrid *g, const PaView *view, double x, double y, guint self, const GArray *containers)
{
  int cx = (int) floor ((x - g->x0) / g->cell), cy = (int) floor ((y - g->y0) / g->cell);
  GPtrArray *cell;
  if (cx < 0 || cy < 0 || cx >= g->cols || cy >= g->rows || !(cell = g->cells[cy * g->cols + cx]))
    return -1;
  for (guint k = 0; k < cell->len; k++)
    {
      guint i = GPOINTER_TO_UINT (cell->pdata[k]);
      const PaBBox *b = &g->boxes[i];
      gboolean container = FALSE;
      if (i == self || x < b->minx || x > b->maxx || y < b->miny || y > b->maxy)
        continue;
      for (guint j = 0; j < containers->len && !container; j++)
        container = g_array_index (containers, guint, j) == i;
      if (container)
        continue;
      {
        double mx = view->cx + (x - view->ox - view->width / 2) / view->world;
        double my = view->cy + (y - view->oy - view->height / 2) / view->world;
        if (pa_geometry_contains_point (g->mercator[i], mx, my))
          return (int) i;
      }
    }
  return -1;
}

/* TRUE when the box lies on another zone's shape: its edges and middle, sampled, the
 * middle first (in a crowded plan most places fail there). */
static gboolean
box_on_other_zone (ZoneGrid *g, const PaView *view, const PaBBox *box, guint self, const GArray *containers)
{
  int nx = MAX (2, (int) ((box->maxx - box->minx) / 8) + 1);
  if (grid_zone_at (g, view, (box->minx + box->maxx) / 2, (box->miny + box->maxy) / 2, self, containers) >= 0)
    return TRUE;
  for (int j = 0; j < 3; j++)
    for (int i = 0; i < nx; i++)
      {
        double x = box->minx + (box->maxx - box->minx) * i / (nx - 1);
        double y = box->miny + (box->maxy - box->miny) * j / 2;
        if (grid_zone_at (g, view, x, y, self, containers) >= 0)
          return TRUE;
      }
  return FALSE;
}

static char *
circled_number (guint n)
{
  gunichar c;
  char buf[8] = { 0 };
  if (n >= 1 && n <= 20)
    c = 0x2460 + n - 1;
  else if (n >= 21 && n <= 35)
    c = 0x3251 + n - 21;
  else if (n >= 36 && n <= 50)
    c = 0x32B1 + n - 36;
  else
    return g_strdup_printf ("(%u)", n);
  g_unichar_to_utf8 (c, buf);
  return g_strdup (buf);
}

static void
placement_clear (gpointer p)
{
  g_free (((PaLabelPlacement *) p)->number);
}

GArray *
pa_painter_place_figure_labels (cairo_t *cr, const PaView *view, PaPlan *plan, PaZone *selected, double font_px,
                                const PaBBox *reserved, guint n_reserved, gboolean drop_crowded)
{
  static const double dirs[][2] = { { 0, 1 }, { 0, -1 }, { 1, 0 }, { -1, 0 }, { 1, 1 }, { -1, 1 }, { 1, -1 }, { -1, -1 } };
  g_autoptr (GPtrArray) zones = NULL;
  g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (PaBBox));
  g_autoptr (GArray) containers = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *out = g_array_new (FALSE, TRUE, sizeof (PaLabelPlacement));
  PaBBox vb = pa_view_get_bbox (view);
  ZoneGrid grid;
  guint numbered = 0;

  g_array_set_clear_func (out, placement_clear);
  if (!plan)
    return out;
  g_array_append_vals (placed, reserved, n_reserved);
  zones = pa_painter_zones_by_area (plan);
  /* zones outside the view take no part */
  for (guint i = zones->len; i-- > 0;)
    {
      PaBBox gb = pa_geometry_get_bbox (pa_zone_get_geometry (zones->pdata[i]));
      if (!pa_bbox_intersects (&gb, &vb))
        g_ptr_array_remove_index (zones, i);
    }
  grid_init (&grid, view, zones);
  /* smallest first, so small zones get the places near them */
  for (int i = (int) zones->len - 1; i >= 0; i--)
    {
      PaZone *z = zones->pdata[i];
      PaGeometry *geom = pa_zone_get_geometry (z);
      PaPoint lp = pa_geometry_get_cached_label_point (geom);
      g_autofree char *text = NULL;
      g_autoptr (PangoLayout) layout = NULL;
      PaLabelPlacement pl = { z, { 0 }, 0, 0, NULL, 0, 0 };
      double ax, ay, size;
      int w, h, c;
      gboolean found = FALSE;
      PaBBox gb = pa_geometry_get_bbox (geom);

      pa_view_project (view, lp.x, lp.y, &ax, &ay);
      if (ax < view->ox || ax > view->ox + view->width || ay < view->oy || ay > view->oy + view->height)
        continue;
      /* the zones this one lies in (a zone inside another) */
      g_array_set_size (containers, 0);
      while ((c = grid_zone_at (&grid, view, ax, ay, i, containers)) >= 0)
        {
          guint cu = (guint) c;
          g_array_append_val (containers, cu);
        }
      text = pa_zone_dup_label (z);
      layout = pa_painter_layout_new (cr, text, font_px, z == selected);
      pango_layout_get_pixel_size (layout, &w, &h);
      size = MAX ((gb.maxx - gb.minx) / 360.0 * view->world, 9);
      /* centred on the zone, then rings of places around it, nearest first */
      for (int step = 0; step <= 6 && !found; step++)
        for (guint d = 0; d < (step ? G_N_ELEMENTS (dirs) : 1) && !found; d++)
          {
            double cx = ax + (step ? dirs[d][0] * (size / 2 * (dirs[d][0] != 0) + w / 2.0 + h * 0.4 * step) : 0);
            double cy = ay + (step ? dirs[d][1] * (size / 2 * (dirs[d][1] != 0) + h * (0.5 + 0.6 * step)) : 0);
            PaBBox box = { cx - w / 2.0, cy - h / 2.0, cx + w / 2.0, cy + h / 2.0 };
            if (box.minx < view->ox + 2 || box.maxx > view->ox + view->width - 2 || box.miny < view->oy + 2
                || box.maxy > view->oy + view->height - 2)
              continue;
            /* a small zone would hide under its own name */
            if (step == 0 && size < 2.5 * h)
              continue;
            if (clashes (placed, &box) || box_on_other_zone (&grid, view, &box, i, containers))
              continue;
            pl.box = box;
            found = TRUE;
          }
      if (!found && drop_crowded)
        continue;
      if (!found)
        {
          /* no room for the name: a number on the zone, the name in the key */
          g_autoptr (PangoLayout) nl = NULL;
          pl.number = circled_number (++numbered);
          nl = pa_painter_layout_new (cr, pl.number, font_px, TRUE);
          pango_layout_get_pixel_size (nl, &w, &h);
          pl.box = (PaBBox){ ax - w / 2.0, ay - h / 2.0, ax + w / 2.0, ay + h / 2.0 };
        }
      pl.ax = ax, pl.ay = ay;
      g_array_append_val (placed, pl.box);
      pa_view_unproject (view, (pl.box.minx + pl.box.maxx) / 2, (pl.box.miny + pl.box.maxy) / 2, &pl.lon, &pl.lat);
      g_array_append_val (out, pl);
    }
  grid_clear (&grid);
  return out;
}

/* The name of district @i at its label point, moved up to @steps label heights to a free
 * place; FALSE when none was free. */
static gboolean
show_district_name (cairo_t *cr, const PaView *view, PaBasemap *districts, guint i, GArray *placed,
                    double font_px, int steps)
{
  const PaColor district_ink = { 0.45, 0.42, 0.40 };
  const char *name;
  PaGeometry *g = pa_basemap_get_district (districts, i, NULL, &name);
  PaPoint lp = pa_geometry_get_cached_label_point (g);
  g_autoptr (PangoLayout) layout = NULL;
  int w, h;
  double x, y;

  pa_view_project (view, lp.x, lp.y, &x, &y);
  if (x < view->ox || x > view->ox + view->width || y < view->oy || y > view->oy + view->height)
    return TRUE;
  layout = pa_painter_layout_new (cr, name, font_px * 0.85, FALSE);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (!place_label (view, placed, x, y, w, h, steps, FALSE, &x, &y))
    return FALSE;
  pa_painter_show_halo_text (cr, layout, x, y, district_ink, font_px / 5);
  return TRUE;
}

void
pa_painter_show_figure_labels (cairo_t *cr, const PaView *view, GArray *labels, PaZone *selected,
                               PaBasemap *districts, PaGeometry *area, double font_px)
{
  g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (PaBBox));
  guint n = districts ? pa_basemap_get_n_districts (districts) : 0;
  g_autofree gboolean *inside = g_new0 (gboolean, n + 1);

  cairo_save (cr);
  for (guint i = 0; i < labels->len; i++)
    {
      const PaLabelPlacement *pl = &g_array_index (labels, PaLabelPlacement, i);
      g_autofree char *text = pl->number ? g_strdup (pl->number) : pa_zone_dup_label (pl->zone);
      g_autoptr (PangoLayout) layout = pa_painter_layout_new (cr, text, font_px, pl->number || pl->zone == selected);
      int w = (int) (pl->box.maxx - pl->box.minx), h = (int) (pl->box.maxy - pl->box.miny);
      if (!pl->number)
        pa_painter_draw_leader (cr, pl->ax, pl->ay, pl->box.minx, pl->box.miny, w, h);
      pa_painter_show_halo_text (cr, layout, pl->box.minx, pl->box.miny, pa_painter_ink, font_px / 4);
      g_array_append_val (placed, pl->box);
    }
  /* district names off the zones' names: first every district of the plan's area, each
   * moved a little where its own place is taken, then the neighbours where they fit */
  for (guint i = 0; i < n; i++)
    {
      PaPoint lp = pa_geometry_get_cached_label_point (pa_basemap_get_district (districts, i, NULL, NULL));
      inside[i] = area && pa_geometry_contains_point (area, lp.x, lp.y);
      if (inside[i] && !show_district_name (cr, view, districts, i, placed, font_px, 3))
        g_debug ("no room for a district's name in the figure");
    }
  for (guint i = 0; i < n; i++)
    if (!inside[i])
      show_district_name (cr, view, districts, i, placed, font_px, 0);
  cairo_restore (cr);
}
