/* pa-figure.c — page layout of a map figure; drawing is the painter's */
#include "config.h"

#include "pa-figure.h"

#include "geo/pa-geos.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pa-figure-text.h"
#include "pa-painter-private.h"

static const PaColor grey = { 0.35, 0.35, 0.38 };

double
pa_figure_page_scale (double page_w, double page_h)
{
  /* by the short side: A4 1, A3 1.41, A1 2.83; a slide's 540 pt reads like A4 */
  return CLAMP (MIN (page_w, page_h) / 595.0, 0.5, 3.0);
}

char *
pa_figure_dup_title (PaPlan *plan, const PaExportOptions *options)
{
  if (options->title && *options->title)
    return g_strdup (options->title);
  return g_strdup (pa_plan_get_name (plan));
}

char *
pa_figure_dup_subtitle (PaPlan *plan, const PaExportOptions *options)
{
  g_autofree char *reference = NULL;
  if (options->subtitle)
    return g_strdup (options->subtitle);
  if (!pa_plan_get_source (plan))
    return pa_plan_describe_source (plan);
  reference = pa_source_dup_reference_with (pa_plan_get_source (plan), pa_figure_text (options->lang, N_(", ")));
  return g_strdup_printf (pa_figure_text (options->lang, N_("Source: %s")), reference);
}

char *
pa_figure_dup_notes (PaPlan *plan, const PaExportOptions *options)
{
  GString *s = g_string_new (NULL);
  const char *lang = options->lang;
  if (options->show_attribution)
    {
      g_autofree char *credit
        = pa_painter_dup_attribution_with_tiles (lang, options->show_basemap ? options->web_tiles : NULL,
                                                 options->show_basemap ? options->tiles : NULL);
      g_string_append (s, credit);
    }
  if (options->show_notes && pa_plan_has_schematic_zones (plan))
    g_string_append (s, pa_figure_text (lang, N_(" · Outlines marked 示意 are schematic: drawn inside the "
                                                 "named district, not surveyed boundaries.")));
  if (options->show_notes && pa_plan_has_inferred_zones (plan))
    g_string_append (s, pa_figure_text (lang, N_(" · Zones marked 推定 are inferred: the document does not state "
                                                 "their role or place.")));
  /* without the attribution the first note would start with its separator */
  if (g_str_has_prefix (s->str, " · "))
    g_string_erase (s, 0, strlen (" · "));
  return g_string_free (s, FALSE);
}

/* Page rectangles of the zones' outlines and (roughly) their names, for placing
 * furniture off them. */
static GArray *
zone_boxes (cairo_t *cr, const PaView *view, PaPlan *plan, double font_px)
{
  g_autoptr (GPtrArray) zones = pa_painter_zones_by_area (plan);
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (PaBBox));
  for (guint i = 0; i < zones->len; i++)
    {
      PaBBox gb = pa_geometry_get_bbox (pa_zone_get_geometry (zones->pdata[i]));
      double x0, y0, x1, y1;
      PaBBox b;
      pa_view_project (view, gb.minx, gb.maxy, &x0, &y0);
      pa_view_project (view, gb.maxx, gb.miny, &x1, &y1);
      b = (PaBBox){ MIN (x0, x1), MIN (y0, y1), MAX (x0, x1), MAX (y0, y1) };
      {
        /* the name is centred on the label point, or just below a small zone */
        g_autofree char *label = pa_zone_dup_label (zones->pdata[i]);
        g_autoptr (PangoLayout) l = pa_painter_layout_new (cr, label, font_px, FALSE);
        PaPoint lp = pa_geometry_get_cached_label_point (pa_zone_get_geometry (zones->pdata[i]));
        double lx, ly;
        int w, h;
        pango_layout_get_pixel_size (l, &w, &h);
        pa_view_project (view, lp.x, lp.y, &lx, &ly);
        b.minx = MIN (b.minx, lx - w / 2.0), b.maxx = MAX (b.maxx, lx + w / 2.0);
        b.maxy = MAX (b.maxy, b.maxy + (b.maxy - b.miny < 2.5 * h ? h + 1 : 0));
      }
      g_array_append_val (boxes, b);
    }
  return boxes;
}

static double
overlap (GArray *boxes, PaBBox r)
{
  double sum = 0;
  for (guint i = 0; i < boxes->len; i++)
    {
      const PaBBox *b = &g_array_index (boxes, PaBBox, i);
      double w = MIN (b->maxx, r.maxx) - MAX (b->minx, r.minx);
      double h = MIN (b->maxy, r.maxy) - MAX (b->miny, r.miny);
      if (w > 0 && h > 0)
        sum += w * h;
    }
  return sum;
}

enum { BOTTOM_LEFT, BOTTOM_RIGHT, TOP_LEFT, TOP_RIGHT };

/* A w×h box in @corner of the frame, @inset from its sides. */
static PaBBox
corner_box (int corner, double fx, double fy, double fw, double fh, double w, double h, double inset)
{
  double x = (corner == BOTTOM_LEFT || corner == TOP_LEFT) ? fx + inset : fx + fw - inset - w;
  double y = (corner == TOP_LEFT || corner == TOP_RIGHT) ? fy + inset : fy + fh - inset - h;
  return (PaBBox){ x, y, x + w, y + h };
}

/* The free corner (least covered zone area), not one of @taken (a bit set). */
static int
best_corner (GArray *boxes, double fx, double fy, double fw, double fh, double w, double h,
             double inset, guint taken, gboolean bottom_only, gboolean top_only)
{
  int best = -1;
  double best_ov = G_MAXDOUBLE;
  for (int c = 0; c < 4; c++)
    {
      double ov;
      if ((taken & (1u << c)) || (bottom_only && c >= TOP_LEFT) || (top_only && c < TOP_LEFT))
        continue;
      ov = overlap (boxes, corner_box (c, fx, fy, fw, fh, w, h, inset));
      if (ov < best_ov - 1e-6)
        best = c, best_ov = ov;
    }
  return best;
}

/* The lon/lat rectangle the figure must show. */
static PaBBox
figure_extent (PaPlan *plan, const PaExportOptions *options, PaZone *focus)
{
  PaBBox extent;
  double pad = 0.08;
  if (focus)
    extent = pa_geometry_get_bbox (pa_zone_get_geometry (focus)), pad = 0.6; /* its surroundings too */
  else if (options->extent == PA_EXTENT_VIEW && !pa_bbox_is_empty (&options->view_box))
    return options->view_box;
  else
    extent = pa_plan_get_extent (plan);
  if (pa_bbox_is_empty (&extent))
    extent = (PaBBox){ 73, 18, 135, 54 };
  {
    /* pad the extent so zone outlines do not touch the frame; a point-like zone still
     * gets a few kilometres of surroundings */
    double dx = MAX ((extent.maxx - extent.minx) * pad, 0.02), dy = MAX ((extent.maxy - extent.miny) * pad, 0.02);
    extent.minx -= dx, extent.maxx += dx, extent.miny -= dy, extent.maxy += dy;
  }
  return extent;
}

/* Shrinks the frame (x, y, w, h) and @view to where the basemap has data, so a figure
 * shows no grey "no data" bands; keeps the frame when the zones would not fit. */
static void
crop_to_coverage (PaView *view, PaBasemap *basemap, const PaBBox *extent, double *x, double *y, double *w,
                  double *h, gboolean vertical_only)
{
  PaBBox cov = pa_bbox_empty (), need;
  double nx0, ny0, nx1, ny1, ex0, ey0, ex1, ey1;
  for (guint i = 0; basemap && i < pa_basemap_get_n_coverage (basemap); i++)
    {
      const PaBBox *b = pa_basemap_get_coverage (basemap, i);
      if (pa_bbox_intersects (b, extent)) /* the data of this region, not of the others */
        cov = pa_bbox_union (&cov, b);
    }
  if (pa_bbox_is_empty (&cov))
    return;
  pa_view_project (view, cov.minx, cov.maxy, &nx0, &ny0);
  pa_view_project (view, cov.maxx, cov.miny, &nx1, &ny1);
  nx0 = MAX (nx0, *x), ny0 = MAX (ny0, *y), nx1 = MIN (nx1, *x + *w), ny1 = MIN (ny1, *y + *h);
  need = *extent;
  pa_view_project (view, need.minx, need.maxy, &ex0, &ey0);
  pa_view_project (view, need.maxx, need.miny, &ex1, &ey1);
  /* each side on its own: where the zones reach past the data, that side stays */
  if (ex0 < nx0 - 1)
    nx0 = *x;
  if (ex1 > nx1 + 1)
    nx1 = *x + *w;
  if (ey0 < ny0 - 1)
    ny0 = *y;
  if (ey1 > ny1 + 1)
    ny1 = *y + *h;
  if (vertical_only)
    nx0 = *x, nx1 = *x + *w;
  if (nx1 - nx0 < *w * 0.3 || ny1 - ny0 < *h * 0.3)
    return;
  /* the same projection in the smaller frame */
  view->cx += ((nx0 + nx1) / 2 - (*x + *w / 2)) / view->world;
  view->cy += ((ny0 + ny1) / 2 - (*y + *h / 2)) / view->world;
  view->ox = nx0, view->oy = ny0, view->width = nx1 - nx0, view->height = ny1 - ny0;
  *x = nx0, *y = ny0, *w = nx1 - nx0, *h = ny1 - ny0;
}

/* Fits @extent into the part (ax, ay, aw, ah) of the frame, the view still covering the
 * whole frame (x, y, w, h). */
static void
fit_view_area (PaView *view, const PaBBox *extent, double x, double y, double w, double h, double ax, double ay,
               double aw, double ah)
{
  double mx, my;
  pa_view_init_fit (view, extent, aw, ah, 0);
  mx = view->cx, my = view->cy;
  view->width = w;
  view->height = h;
  view->ox = x;
  view->oy = y;
  view->cx = mx - (ax + aw / 2 - x - w / 2) / view->world;
  view->cy = my - (ay + ah / 2 - y - h / 2) / view->world;
}

/* Fits @extent into the part (ax, aw) of the frame's width. */
static void
fit_view (PaView *view, const PaBBox *extent, double x, double y, double w, double h, double ax, double aw)
{
  fit_view_area (view, extent, x, y, w, h, ax, y, aw, h);
}

/* Where the furniture goes for a view: the corners covering the fewest zones and names. */
typedef struct
{
  int legend, bar, arrow, locator; /* corners, -1: not shown */
  double lw, lh;
  PaBBox arrow_box, locator_box;
  PaBBox boxes[5]; /* legend, scale bar, north arrow, locator, key */
  guint n_boxes;
} Furniture;

static void
place_furniture (Furniture *f, GArray *boxes, const PaExportOptions *options, PaBasemap *basemap, double x,
                 double y, double w, double h, double k, double lw, double lh, int legend_corner)
{
  double inset = 8 * k, arrow = 26 * k, bar_w = 140 * k, bar_h = 26 * k;
  guint taken = 0;

  f->n_boxes = 0;
  f->lw = lw, f->lh = lh;
  f->legend = options->show_legend ? legend_corner : -1;
  if (f->legend >= 0)
    {
      taken |= 1u << f->legend;
      f->boxes[f->n_boxes++] = corner_box (f->legend, x, y, w, h, lw, lh, inset);
    }
  f->bar = best_corner (boxes, x, y, w, h, bar_w, bar_h, inset, taken, TRUE, FALSE);
  if (f->bar < 0)
    f->bar = best_corner (boxes, x, y, w, h, bar_w, bar_h, inset, taken, FALSE, FALSE);
  if (!options->show_scale_bar)
    f->bar = -1;
  if (f->bar >= 0)
    {
      taken |= 1u << f->bar;
      f->boxes[f->n_boxes++] = corner_box (f->bar, x, y, w, h, bar_w, bar_h, inset);
    }
  f->arrow = best_corner (boxes, x, y, w, h, arrow, arrow * 1.5, inset, taken, FALSE, TRUE);
  if (f->arrow < 0)
    f->arrow = best_corner (boxes, x, y, w, h, arrow, arrow * 1.5, inset, taken, FALSE, FALSE);
  if (!options->show_north_arrow)
    f->arrow = -1;
  if (f->arrow >= 0)
    {
      taken |= 1u << f->arrow;
      f->arrow_box = corner_box (f->arrow, x, y, w, h, arrow, arrow * 1.5, inset);
      f->boxes[f->n_boxes++] = f->arrow_box;
    }
  /* the locator takes a corner left free, and only where it covers no zone or name */
  f->locator = -1;
  if (options->show_locator && options->show_basemap && basemap && pa_basemap_get_n_tiers (basemap) > 0)
    {
      double lw_ = MIN (w, h) * 0.24, lh_;
      int c;
      pa_painter_locator_size (lw_, &lh_);
      c = best_corner (boxes, x, y, w, h, lw_, lh_, inset, taken, FALSE, FALSE);
      if (c >= 0 && overlap (boxes, corner_box (c, x, y, w, h, lw_, lh_, inset)) == 0)
        {
          f->locator = c;
          f->locator_box = corner_box (c, x, y, w, h, lw_, lh_, inset);
          f->boxes[f->n_boxes++] = f->locator_box;
        }
    }
}

/* The key of numbered zones: "① name" lines in a box, in as many columns as @max_h
 * needs; returns its size, drawn unless @measure. */
static void
draw_key (cairo_t *cr, GArray *labels, double x, double y, double font_px, double max_h, gboolean measure,
          double *w_out, double *h_out)
{
  double pad = font_px * 0.7, col_w = 0, line = 0;
  guint per_col, n_cols;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < labels->len; i++)
    {
      const PaLabelPlacement *pl = &g_array_index (labels, PaLabelPlacement, i);
      g_autofree char *name = NULL, *text = NULL;
      PangoLayout *l;
      int lw, lh;
      if (!pl->number)
        continue;
      name = pa_zone_dup_label (pl->zone);
      text = g_strdup_printf ("%s %s", pl->number, name);
      l = pa_painter_layout_new (cr, text, font_px, FALSE);
      pango_layout_get_pixel_size (l, &lw, &lh);
      col_w = MAX (col_w, lw);
      line = MAX (line, lh * 1.25);
      g_ptr_array_add (rows, l);
    }
  if (!rows->len)
    {
      *w_out = *h_out = 0;
      return;
    }
  per_col = MAX (1, (guint) ((max_h - 2 * pad) / line));
  n_cols = (rows->len + per_col - 1) / per_col;
  per_col = (rows->len + n_cols - 1) / n_cols;
  *w_out = n_cols * (col_w + pad) + pad;
  *h_out = per_col * line + 2 * pad;
  if (measure)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, *w_out, *h_out);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
  cairo_fill_preserve (cr);
  pa_painter_set_color (cr, pa_painter_border, 1);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  for (guint i = 0; i < rows->len; i++)
    {
      cairo_move_to (cr, x + pad + (i / per_col) * (col_w + pad), y + pad + (i % per_col) * line);
      pa_painter_set_color (cr, pa_painter_ink, 1);
      pango_cairo_show_layout (cr, rows->pdata[i]);
    }
  cairo_restore (cr);
}

void
pa_figure_draw_map (cairo_t *cr, PaPlan *plan, PaBasemap *basemap, const PaExportOptions *options,
                    PaZone *focus, double x, double y, double w, double h, double k, PaView *view_out)
{
  pa_figure_draw_map_full (cr, plan, basemap, options, focus, x, y, w, h, k, view_out, NULL, NULL);
}

static int
compare_codes (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static void
area_free (gpointer area)
{
  if (area)
    pa_geometry_unref (area);
}

static gpointer
make_area (PaBasemap *basemap, gpointer data)
{
  GPtrArray *codes = data;
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  PaGeometry *area;

  for (guint i = 0; i < codes->len; i++)
    {
      PaGeometry *g = pa_basemap_lookup_district (basemap, codes->pdata[i]);
      if (g)
        g_ptr_array_add (parts, g);
    }
  area = parts->len ? pa_geos_union ((PaGeometry **) parts->pdata, parts->len, &error) : NULL;
  if (error)
    g_warning ("The plan's area is not set off in the figure: %s", error->message);
  return area;
}

/* The plan's area: the district its zones lie in when they all lie in one (a district's
 * plan, as Minhang's and Pudong's), else every district of their city (Yantai's,
 * Shenzhen's, Shanghai's); NULL when the basemap has no districts there. Made once per
 * set of districts and kept with the basemap. */
PaGeometry *
pa_figure_plan_area (PaBasemap *basemap, PaPlan *plan)
{
  GListModel *zones = pa_plan_get_zones (plan);
  g_autoptr (GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) key = g_string_new ("area");
  g_autofree char *prefix = NULL;
  guint most = 0;
  GHashTableIter it;
  gpointer code, count;

  if (!basemap || pa_basemap_get_n_districts (basemap) == 0)
    return NULL;
  /* the districts the zones' label points fall in, with how many zones each */
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      PaGeometry *g = pa_zone_get_geometry (z);
      const char *c;
      PaPoint lp;
      if (!g || pa_geometry_is_empty (g))
        continue;
      lp = pa_geometry_get_cached_label_point (g);
      c = pa_basemap_find_district_at (basemap, lp.x, lp.y, NULL);
      if (c)
        g_hash_table_insert (found, (gpointer) c,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (found, c)) + 1));
    }
  if (g_hash_table_size (found) == 0)
    return NULL;
  if (g_hash_table_size (found) == 1)
    {
      g_hash_table_iter_init (&it, found);
      g_hash_table_iter_next (&it, &code, NULL);
      g_ptr_array_add (codes, g_strdup (code));
    }
  else
    {
      /* the city (the code's first four digits) most zones lie in, all its districts */
      g_autoptr (GHashTable) cities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_iter_init (&it, found);
      while (g_hash_table_iter_next (&it, &code, &count))
        {
          g_autofree char *city = g_strndup (code, 4);
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (cities, city)) + GPOINTER_TO_UINT (count);
          if (n > most)
            most = n, g_free (prefix), prefix = g_strdup (city);
          g_hash_table_replace (cities, g_steal_pointer (&city), GUINT_TO_POINTER (n));
        }
      for (guint i = 0; i < pa_basemap_get_n_districts (basemap); i++)
        {
          const char *c;
          pa_basemap_get_district (basemap, i, &c, NULL);
          if (c && g_str_has_prefix (c, prefix))
            g_ptr_array_add (codes, g_strdup (c));
        }
    }
  g_ptr_array_sort (codes, compare_codes);
  for (guint i = 0; i < codes->len; i++)
    g_string_append_printf (key, ":%s", (char *) codes->pdata[i]);
  return pa_basemap_get_derived (basemap, key->str, make_area, codes, area_free);
}

void
pa_figure_draw_map_full (cairo_t *cr, PaPlan *plan, PaBasemap *basemap, const PaExportOptions *options,
                         PaZone *focus, double x, double y, double w, double h, double k, PaView *view_out,
                         GArray **labels_out, GArray **furniture_out)
{
  PaBBox extent = figure_extent (plan, options, focus);
  PaZone *selected = NULL;
  PaBasemap *districts = options->show_basemap ? basemap : NULL;
  double inset = 8 * k, legend_font = 9 * k, lw = 0, lh = 0, label_font = 10 * sqrt (k);
  double fit_x = x, fit_w = w, key_w = 0, key_h = 0;
  int legend_corner = -1, key_side = -1; /* 0: left column, 1: right column, -1: a corner */
  int key_corner = TOP_LEFT;
  g_autoptr (GArray) boxes = NULL;
  g_autoptr (GArray) labels = NULL;
  Furniture f;
  PaView view;

  if (options->highlight_selection && options->selected_key)
    selected = pa_plan_find_zone (plan, options->selected_key);
  if (options->show_basemap && basemap && options->extent != PA_EXTENT_VIEW)
    {
      /* the padding around the zones stops where the basemap's data do */
      PaBBox cov = pa_bbox_empty ();
      for (guint i = 0; i < pa_basemap_get_n_coverage (basemap); i++)
        if (pa_bbox_intersects (pa_basemap_get_coverage (basemap, i), &extent))
          cov = pa_bbox_union (&cov, pa_basemap_get_coverage (basemap, i));
      if (!pa_bbox_is_empty (&cov))
        {
          PaBBox zones = focus ? pa_geometry_get_bbox (pa_zone_get_geometry (focus)) : pa_plan_get_extent (plan);
          extent.minx = MAX (extent.minx, MIN (cov.minx, zones.minx));
          extent.maxx = MIN (extent.maxx, MAX (cov.maxx, zones.maxx));
          extent.miny = MAX (extent.miny, MIN (cov.miny, zones.miny));
          extent.maxy = MIN (extent.maxy, MAX (cov.maxy, zones.maxy));
        }
    }
  fit_view (&view, &extent, x, y, w, h, x, w);
  if (options->show_basemap)
    crop_to_coverage (&view, basemap, &extent, &x, &y, &w, &h, FALSE);
  fit_x = x, fit_w = w;
  boxes = zone_boxes (cr, &view, plan, label_font);
  if (options->show_legend)
    {
      pa_painter_draw_legend (cr, 0, 0, plan, legend_font, TRUE, &lw, &lh);
      legend_corner = best_corner (boxes, x, y, w, h, lw, lh, inset, 0, FALSE, FALSE);
      /* no free corner: give the legend a column of its own and fit the zones beside it
       * (not for a given view, which must show what the planner framed) */
      if (overlap (boxes, corner_box (legend_corner, x, y, w, h, lw, lh, inset)) > 0
          && options->extent != PA_EXTENT_VIEW && lw + 2 * inset < w * 0.4)
        {
          gboolean left = legend_corner == BOTTOM_LEFT || legend_corner == TOP_LEFT;
          double col = lw + 2 * inset;
          fit_x = left ? x + col : x, fit_w = w - col;
          fit_view (&view, &extent, x, y, w, h, fit_x, fit_w);
          if (options->show_basemap)
            crop_to_coverage (&view, basemap, &extent, &x, &y, &w, &h, TRUE);
          g_array_unref (boxes);
          boxes = zone_boxes (cr, &view, plan, label_font);
        }
    }
  place_furniture (&f, boxes, options, basemap, x, y, w, h, k, lw, lh, legend_corner);
  labels = pa_painter_place_figure_labels (cr, &view, plan, selected, label_font, f.boxes, f.n_boxes,
                                           options->drop_crowded_labels);
  draw_key (cr, labels, 0, 0, label_font, h - 2 * inset, TRUE, &key_w, &key_h);
  /* crowded: numbered zones and their key in a column beside them (on the side away
   * from a legend column) */
  if (key_w > 0 && options->extent != PA_EXTENT_VIEW && key_h > h * 0.3 && key_w + 2 * inset < fit_w * 0.6)
    {
      double col = key_w + 2 * inset;
      gboolean key_left = fit_x > x + 1; /* the legend has the left column: key on the right, and so on */
      if (fit_x + fit_w < x + w - 1)
        key_left = TRUE;
      else if (fit_x <= x + 1)
        key_left = FALSE;
      key_side = key_left ? 0 : 1;
      fit_x = key_left ? fit_x + col : fit_x;
      fit_w -= col;
      fit_view (&view, &extent, x, y, w, h, fit_x, fit_w);
      /* zoomed out for the column: no grey above or below the data (the sides keep
       * the columns) */
      if (options->show_basemap)
        crop_to_coverage (&view, basemap, &extent, &x, &y, &w, &h, TRUE);
      g_array_unref (boxes);
      boxes = zone_boxes (cr, &view, plan, label_font);
      place_furniture (&f, boxes, options, basemap, x, y, w, h, k, lw, lh, legend_corner);
      f.boxes[f.n_boxes++] = (PaBBox){ key_left ? fit_x - col + inset : fit_x + fit_w + inset, y + inset,
                                       key_left ? fit_x - inset : fit_x + fit_w + col - inset, y + inset + key_h };
      /* the zones moved: place their names again */
      g_array_unref (labels);
      labels = pa_painter_place_figure_labels (cr, &view, plan, selected, label_font, f.boxes, f.n_boxes,
                                               options->drop_crowded_labels);
    }
  else if (key_w > 0)
    {
      /* a view as framed: the key takes the free top corner */
      guint taken = (f.legend >= 0 ? 1u << f.legend : 0) | (f.bar >= 0 ? 1u << f.bar : 0)
                    | (f.arrow >= 0 ? 1u << f.arrow : 0) | (f.locator >= 0 ? 1u << f.locator : 0);
      PaBBox kb;
      key_corner = best_corner (boxes, x, y, w, h, key_w, key_h, inset, taken, FALSE, FALSE);
      if (key_corner < 0)
        key_corner = TOP_LEFT;
      kb = corner_box (key_corner, x, y, w, h, key_w, key_h, inset);
      /* no corner free of zones (a narrow frame, as an atlas's overview beside its
       * contents): a band along the foot of the frame for the key, the zones fitted above
       * it, and the other furniture placed around it (not for a view as framed) */
      if (overlap (boxes, kb) > 0 && options->extent != PA_EXTENT_VIEW && key_h + 2 * inset < h * 0.3
          && key_w + 2 * inset <= w)
        {
          double band = key_h + 2 * inset;
          fit_view_area (&view, &extent, x, y, w, h, fit_x, y, fit_w, h - band);
          g_array_unref (boxes);
          boxes = zone_boxes (cr, &view, plan, label_font);
          key_corner = fit_x > x + 1 ? BOTTOM_RIGHT : BOTTOM_LEFT; /* away from a legend column */
          kb = corner_box (key_corner, x, y, w, h, key_w, key_h, inset);
          g_array_append_val (boxes, kb);
          if (options->show_legend && fit_w >= w - 1)
            legend_corner = best_corner (boxes, x, y, w, h, lw, lh, inset, 1u << key_corner, FALSE, FALSE);
          place_furniture (&f, boxes, options, basemap, x, y, w, h, k, lw, lh, legend_corner);
        }
      f.boxes[f.n_boxes++] = kb;
      g_array_unref (labels);
      labels = pa_painter_place_figure_labels (cr, &view, plan, selected, label_font, f.boxes, f.n_boxes,
                                               options->drop_crowded_labels);
    }

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  if (options->show_basemap)
    {
      PaGeometry *area = pa_figure_plan_area (basemap, plan);
      pa_painter_draw_basemap (cr, &view, basemap, TRUE);
      /* a web map over the basemap, which shows where a tile did not come; a tile pack
       * on top, as in the window */
      if (options->web_tiles)
        pa_painter_draw_tile_pack (cr, &view, options->web_tiles);
      if (options->tiles)
        pa_painter_draw_tile_pack (cr, &view, options->tiles);
      if (area)
        pa_painter_draw_area (cr, &view, area);
    }
  else
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  pa_painter_draw_zones (cr, &view, plan, selected, 1.0);
  pa_painter_draw_sites (cr, &view, plan, 1.0);
  if (focus)
    pa_painter_draw_focus (cr, &view, focus, plan);
  pa_painter_show_figure_labels (cr, &view, labels, selected, districts,
                                 districts ? pa_figure_plan_area (districts, plan) : NULL, label_font);
  cairo_restore (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.32);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  if (f.legend >= 0)
    {
      PaBBox b = corner_box (f.legend, x, y, w, h, lw, lh, inset);
      pa_painter_draw_legend (cr, b.minx, b.miny, plan, legend_font, FALSE, NULL, NULL);
    }
  if (f.arrow >= 0)
    pa_painter_draw_north_arrow (cr, (f.arrow_box.minx + f.arrow_box.maxx) / 2, f.arrow_box.miny, 26 * k);
  if (f.locator >= 0)
    {
      PaBBox shown = pa_view_get_bbox (&view);
      pa_painter_draw_locator (cr, f.locator_box.minx, f.locator_box.miny, f.locator_box.maxx - f.locator_box.minx,
                               f.locator_box.maxy - f.locator_box.miny, basemap, &shown);
    }
  if (f.bar >= 0)
    {
      PaBBox b = corner_box (f.bar, x, y, w, h, 140 * k, 26 * k, inset);
      pa_painter_draw_scale_bar (cr, &view, b.maxx - 4 * k, b.maxy - 4 * k, 140 * k - 8 * k, 8.5 * k);
    }
  if (key_w > 0)
    {
      /* the final labels may number a few more zones than the layout pass: place the key
       * by its final size, against the frame's side or in its corner */
      PaBBox b = f.boxes[f.n_boxes - 1];
      double kw, kh, kx, key_font = label_font;
      draw_key (cr, labels, 0, 0, key_font, h - 2 * inset, TRUE, &kw, &kh);
      /* in a column, smaller type rather than a key over the zones */
      for (int i = 0; i < 6 && key_side >= 0 && kw > key_w + 1; i++)
        {
          key_font *= 0.9;
          draw_key (cr, labels, 0, 0, key_font, h - 2 * inset, TRUE, &kw, &kh);
        }
      if (key_side >= 0)
        {
          kx = key_side == 0 ? x + inset : x + w - inset - kw;
          draw_key (cr, labels, kx, b.miny, key_font, h - 2 * inset, FALSE, &kw, &kh);
        }
      else
        {
          PaBBox kb = corner_box (key_corner, x, y, w, h, kw, kh, inset);
          draw_key (cr, labels, kb.minx, kb.miny, key_font, h - 2 * inset, FALSE, &kw, &kh);
        }
    }
  if (view_out)
    *view_out = view;
  if (labels_out)
    *labels_out = g_steal_pointer (&labels);
  if (furniture_out)
    {
      *furniture_out = g_array_sized_new (FALSE, FALSE, sizeof (PaBBox), f.n_boxes);
      g_array_append_vals (*furniture_out, f.boxes, f.n_boxes);
    }
}

void
pa_figure_draw (cairo_t *cr, PaPlan *plan, PaBasemap *basemap, const PaExportOptions *options,
                double page_w, double page_h)
{
  pa_figure_draw_full (cr, plan, basemap, options, page_w, page_h, NULL);
}

void
pa_figure_draw_full (cairo_t *cr, PaPlan *plan, PaBasemap *basemap, const PaExportOptions *options,
                     double page_w, double page_h, GArray **labels_out)
{
  const PaColor ink = { 0.13, 0.13, 0.15 };
  double k = pa_figure_page_scale (page_w, page_h), margin = 28 * k;
  double y = margin, map_top, map_h, footer_h = 0, text_w = page_w - 2 * margin;
  g_autofree char *title = pa_figure_dup_title (plan, options);
  g_autofree char *subtitle = pa_figure_dup_subtitle (plan, options);
  g_autofree char *notes = pa_figure_dup_notes (plan, options);
  g_autofree char *credit = NULL;
  PaZone *focus = NULL;

  pa_painter_set_language (cr, options->lang);
  if (options->extent == PA_EXTENT_ZONE && options->zone_key)
    focus = pa_plan_find_zone (plan, options->zone_key);
  if (options->organisation && *options->organisation && options->date && *options->date)
    credit = g_strdup_printf ("%s · %s", options->organisation, options->date);
  else if (options->organisation && *options->organisation)
    credit = g_strdup (options->organisation);
  else if (options->date && *options->date)
    credit = g_strdup (options->date);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (focus && !(options->title && *options->title))
    {
      g_free (title);
      title = g_strdup_printf ("%s — %s", pa_plan_get_name (plan), pa_zone_get_name (focus));
    }
  y += pa_painter_draw_text (cr, margin, y, text_w, title, 18 * k, TRUE, ink) + 2 * k;
  if (subtitle && *subtitle)
    y += pa_painter_draw_text (cr, margin, y, text_w, subtitle, 8.5 * k, FALSE, grey) + 2 * k;
  if (credit)
    y += pa_painter_draw_text (cr, margin, y, text_w, credit, 8.5 * k, FALSE, grey) + 2 * k;
  map_top = y + 6 * k;
  if (*notes)
    {
      /* measure the footer: wrapped notes take as many lines as they need */
      g_autoptr (PangoLayout) l = pa_painter_layout_new (cr, notes, 7 * k, FALSE);
      int lw, lh;
      pango_layout_set_width (l, (int) (text_w * PANGO_SCALE));
      pango_layout_set_wrap (l, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (l, &lw, &lh);
      footer_h = lh + 5 * k;
    }
  map_h = page_h - margin - footer_h - map_top;
  pa_figure_draw_map_full (cr, plan, basemap, options, focus, margin, map_top, text_w, map_h, k, NULL, labels_out,
                           NULL);
  if (*notes)
    pa_painter_draw_text (cr, margin, map_top + map_h + 5 * k, text_w, notes, 7 * k, FALSE, grey);
}
