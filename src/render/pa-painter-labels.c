/* pa-painter-labels.c — zone and district names, placed so they do not collide; text */
#include "config.h"

#include "pa-painter-private.h"

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
static void
show_halo_text (cairo_t *cr, PangoLayout *layout, double x, double y, PaColor color, double halo)
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
static gboolean
place_label (const PaView *view, GArray *placed, double x, double y, int w, int h, int max_steps,
             gboolean force, double *lx, double *ly)
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
        if (!clashes (placed, &box) || (force && step == max_steps && d + 1 == G_N_ELEMENTS (dirs)))
          {
            if (force && clashes (placed, &box))
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
static void
draw_leader (cairo_t *cr, double ax, double ay, double lx, double ly, int w, int h)
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
pa_painter_draw_labels (cairo_t *cr, const PaView *view, PaPlan *plan, PaZone *selected,
                        PaBasemap *districts, double font_px, gboolean every_zone)
{
  g_autoptr (GPtrArray) zones = NULL;
  g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (PaBBox));
  const PaColor district_ink = { 0.45, 0.42, 0.40 };

  cairo_save (cr);
  if (plan)
    {
      zones = pa_painter_zones_by_area (plan);
      /* smallest last in paint order = placed first, so small zones keep their names */
      for (int i = (int) zones->len - 1; i >= 0; i--)
        {
          PaZone *z = zones->pdata[i];
          PaPoint lp = pa_geometry_get_cached_label_point (pa_zone_get_geometry (z));
          double px, py;
          /* a zone whose label point is off the view gets no name: before this, names of
           * zones far outside were pinned to the view's edge, and each cost a layout */
          pa_view_project (view, lp.x, lp.y, &px, &py);
          if (isnan (px) || px < view->ox || px > view->ox + view->width || py < view->oy
              || py > view->oy + view->height)
            continue;
          {
          /* 示意 for a schematic outline, 推定 for an inferred role or place, ✎ for the
           * planner's: a reader of the figure sees each */
          g_autofree char *text = pa_zone_dup_label (z);
          g_autoptr (PangoLayout) layout = pa_painter_layout_new (cr, text, font_px, z == selected);
          int w, h;
          double x, y, ax, ay;

          PaBBox gb = pa_geometry_get_bbox (pa_zone_get_geometry (z));
          double size = MAX ((gb.maxx - gb.minx) / 360.0 * view->world, 9);

          pango_layout_get_pixel_size (layout, &w, &h);
          pa_view_project (view, lp.x, lp.y, &ax, &ay);
          /* a small zone would hide under its own name: put the name just below it */
          if (size < 2.5 * h)
            ay += size / 2 + h / 2.0 + 1;
          if (place_label (view, placed, ax, ay, w, h, every_zone ? 4 : 1, every_zone || z == selected,
                           &x, &y))
            {
              draw_leader (cr, ax, ay, x, y, w, h);
              show_halo_text (cr, layout, x, y, pa_painter_ink, font_px / 4);
            }
          }
        }
    }
  /* district names where they fit: where a zone is, in which district */
  for (guint i = 0; districts && i < pa_basemap_get_n_districts (districts); i++)
    {
      const char *name;
      PaGeometry *g = pa_basemap_get_district (districts, i, NULL, &name);
      PaPoint lp = pa_geometry_get_cached_label_point (g);
      g_autoptr (PangoLayout) layout = NULL;
      int w, h;
      double x, y;

      pa_view_project (view, lp.x, lp.y, &x, &y);
      if (x < view->ox || x > view->ox + view->width || y < view->oy || y > view->oy + view->height)
        continue;
      layout = pa_painter_layout_new (cr, name, font_px * 0.85, FALSE);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (place_label (view, placed, x, y, w, h, 0, FALSE, &x, &y))
        show_halo_text (cr, layout, x, y, district_ink, font_px / 5);
    }
  cairo_restore (cr);
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
