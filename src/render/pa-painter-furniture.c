/* pa-painter-furniture.c — legend, scale bar and north arrow */
#include "config.h"

#include "pa-painter-private.h"

#include <glib/gi18n.h>
#include <math.h>

/* One row of a legend: a plan's name (over its roles, when there are several plans), a
 * role with its swatch, the dashed swatch of schematic outlines, or a note whose mark is
 * in its text. */
typedef enum
{
  ROW_PLAN,
  ROW_ROLE,
  ROW_SCHEMATIC,
  ROW_NOTE,
} RowKind;

typedef struct
{
  RowKind kind;
  PangoLayout *layout;
  PaColor color;
} LegendRow;

static void
legend_row_clear (LegendRow *row)
{
  g_clear_object (&row->layout);
}

static void
add_row (GArray *rows, RowKind kind, PangoLayout *layout, PaColor color)
{
  LegendRow row = { kind, layout, color };
  g_array_append_val (rows, row);
}

void
pa_painter_draw_legend (cairo_t *cr, double x, double y, PaPlan *plan, double font_px,
                        gboolean measure_only, double *width, double *height)
{
  pa_painter_draw_legend_for_plans (cr, x, y, &plan, plan ? 1 : 0, font_px, measure_only, width, height);
}

void
pa_painter_draw_legend_for_plans (cairo_t *cr, double x, double y, PaPlan *const *plans, guint n_plans,
                                  double font_px, gboolean measure_only, double *width, double *height)
{
  double pad = font_px * 0.7, sw = font_px * 1.6, line = font_px * 1.7;
  double w = 0, h = pad;
  gboolean schematic = FALSE, planner = FALSE, inferred = FALSE;
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (LegendRow));
  g_autoptr (PangoLayout) title = pa_painter_layout_new (cr, pa_painter_tr (cr, N_("Legend")), font_px, TRUE);
  int tw, th;

  g_array_set_clear_func (rows, (GDestroyNotify) legend_row_clear);
  pango_layout_get_pixel_size (title, &tw, &th);
  w = tw;
  h += th + pad * 0.5;
  for (guint p = 0; p < n_plans; p++)
    {
      PaPlan *plan = plans[p];
      /* several plans (shown as layers): each plan's name over its own roles, and the
       * notes once for all */
      if (n_plans > 1)
        {
          PangoLayout *l = pa_painter_layout_new (cr, pa_plan_get_name (plan), font_px * 0.85, TRUE);
          pango_layout_set_width (l, (int) (font_px * 20 * PANGO_SCALE));
          pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
          add_row (rows, ROW_PLAN, l, (PaColor){ 0 });
        }
      for (guint i = 0; i < pa_plan_get_n_roles (plan); i++)
        add_row (rows, ROW_ROLE, pa_painter_layout_new (cr, pa_plan_get_role_label (plan, i), font_px, FALSE),
                 pa_painter_role_color (plan, pa_plan_get_role_key (plan, i)));
      schematic |= pa_plan_has_schematic_zones (plan);
      planner |= pa_plan_has_planner_zones (plan);
      inferred |= pa_plan_has_inferred_zones (plan);
    }
  if (schematic)
    add_row (rows, ROW_SCHEMATIC,
             pa_painter_layout_new (cr, pa_painter_tr (cr, N_("示意: schematic outline, not a surveyed boundary")),
                                    font_px * 0.85, FALSE),
             (PaColor){ 0 });
  if (inferred)
    add_row (rows, ROW_NOTE,
             pa_painter_layout_new (cr,
                                    pa_painter_tr (cr, N_("（推定） inferred: the document does not state this zone's role or place")),
                                    font_px * 0.85, FALSE),
             (PaColor){ 0 });
  if (planner)
    add_row (rows, ROW_NOTE,
             pa_painter_layout_new (cr, pa_painter_tr (cr, N_("✎ drawn or changed by the planner, not the document")),
                                    font_px * 0.85, FALSE),
             (PaColor){ 0 });
  for (guint i = 0; i < rows->len; i++)
    {
      const LegendRow *r = &g_array_index (rows, LegendRow, i);
      int lw, lh;
      pango_layout_get_pixel_size (r->layout, &lw, &lh);
      w = MAX (w, (r->kind == ROW_ROLE || r->kind == ROW_SCHEMATIC ? sw + pad * 0.6 : 0) + lw);
    }
  h += line * rows->len + pad * 0.5;
  w += 2 * pad;
  if (width)
    *width = w;
  if (height)
    *height = h;
  if (measure_only)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
  cairo_fill_preserve (cr);
  pa_painter_set_color (cr, pa_painter_border, 1);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  cairo_move_to (cr, x + pad, y + pad);
  pa_painter_set_color (cr, pa_painter_ink, 1);
  pango_cairo_show_layout (cr, title);
  for (guint i = 0; i < rows->len; i++)
    {
      const LegendRow *r = &g_array_index (rows, LegendRow, i);
      double ry = y + pad + th + pad * 0.5 + line * i;
      double sy = ry + (line - font_px) / 2 - font_px * 0.1;
      int lw, lh;

      pango_layout_get_pixel_size (r->layout, &lw, &lh);
      if (r->kind == ROW_PLAN || r->kind == ROW_NOTE)
        {
          /* a plan's name, and the 推定 and ✎ rows (their mark is in the text): no swatch */
          cairo_move_to (cr, x + pad, ry + (line - lh) / 2);
          pa_painter_set_color (cr, pa_painter_ink, 1);
          pango_cairo_show_layout (cr, r->layout);
          continue;
        }
      cairo_rectangle (cr, x + pad, sy, sw, font_px);
      if (r->kind == ROW_ROLE)
        {
          PaColor c = r->color;
          pa_painter_set_color (cr, c, 0.38);
          cairo_fill_preserve (cr);
          pa_painter_set_color (cr, (PaColor){ c.r * 0.7, c.g * 0.7, c.b * 0.7 }, 1);
          cairo_set_line_width (cr, 1.4);
          cairo_stroke (cr);
        }
      else
        {
          const double dash[] = { 4, 2.5 };
          cairo_set_source_rgba (cr, 1, 1, 1, 1);
          cairo_fill_preserve (cr);
          pa_painter_set_color (cr, pa_painter_ink, 1);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_set_line_width (cr, 1.4);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      cairo_move_to (cr, x + pad + sw + pad * 0.6, ry + (line - lh) / 2);
      pa_painter_set_color (cr, pa_painter_ink, 1);
      pango_cairo_show_layout (cr, r->layout);
    }
  cairo_restore (cr);
}

void
pa_painter_draw_scale_bar (cairo_t *cr, const PaView *view, double x, double y, double max_width,
                           double font_px)
{
  double mpu = pa_view_metres_per_unit (view);
  double max_m = max_width * mpu, step = pow (10, floor (log10 (max_m)));
  double metres = step;
  double w;
  g_autofree char *label = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  int lw, lh;

  if (max_m >= 5 * step)
    metres = 5 * step;
  else if (max_m >= 2 * step)
    metres = 2 * step;
  w = metres / mpu;
  label = metres >= 1000 ? g_strdup_printf (pa_painter_tr (cr, N_("%g km")), metres / 1000)
                         : g_strdup_printf (pa_painter_tr (cr, N_("%g m")), metres);
  layout = pa_painter_layout_new (cr, label, font_px, FALSE);
  pango_layout_get_pixel_size (layout, &lw, &lh);

  cairo_save (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_rectangle (cr, x - w - font_px * 0.5, y - lh - font_px * 0.9, w + font_px, lh + font_px * 1.3);
  cairo_fill (cr);
  for (int i = 0; i < 4; i++)
    {
      cairo_rectangle (cr, x - w + w * i / 4, y - font_px * 0.35, w / 4, font_px * 0.35);
      if (i % 2 == 0)
        pa_painter_set_color (cr, pa_painter_ink, 1), cairo_fill (cr);
      else
        cairo_set_source_rgb (cr, 1, 1, 1), cairo_fill (cr);
    }
  cairo_rectangle (cr, x - w, y - font_px * 0.35, w, font_px * 0.35);
  pa_painter_set_color (cr, pa_painter_ink, 1);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  cairo_move_to (cr, x - w / 2 - lw / 2.0, y - font_px * 0.45 - lh);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
pa_painter_draw_north_arrow (cairo_t *cr, double cx, double top, double size)
{
  g_autoptr (PangoLayout) n = pa_painter_layout_new (cr, "N", size * 0.38, TRUE);
  int nw, nh;

  pango_layout_get_pixel_size (n, &nw, &nh);
  cairo_save (cr);
  cairo_move_to (cr, cx - nw / 2.0, top);
  pa_painter_set_color (cr, pa_painter_ink, 1);
  pango_cairo_show_layout (cr, n);
  top += nh;
  cairo_move_to (cr, cx, top);
  cairo_line_to (cr, cx + size * 0.28, top + size);
  cairo_line_to (cr, cx, top + size * 0.75);
  cairo_close_path (cr);
  pa_painter_set_color (cr, pa_painter_ink, 1);
  cairo_fill (cr);
  cairo_move_to (cr, cx, top);
  cairo_line_to (cr, cx - size * 0.28, top + size);
  cairo_line_to (cr, cx, top + size * 0.75);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  pa_painter_set_color (cr, pa_painter_ink, 1);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  cairo_restore (cr);
}
