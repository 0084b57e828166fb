/* pa-edit-layer-snapshot.c — what the edit layer draws: the outline being drawn or
 * reshaped, its handles, the snap mark, its area and where an outline was refused. */
#define G_LOG_DOMAIN "parkatlas-map"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pa-edit-layer-private.h"
#include "render/pa-painter.h"

static void
path_points (cairo_t *cr, const PaView *view, GArray *pts, gboolean close)
{
  for (guint k = 0; k < pts->len; k++)
    {
      PaPoint p = g_array_index (pts, PaPoint, k);
      double x, y;
      pa_view_project (view, p.x, p.y, &x, &y);
      if (k == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  if (close && pts->len > 2)
    cairo_close_path (cr);
}

static void
draw_handle (cairo_t *cr, double x, double y, double r, gboolean square)
{
  cairo_new_path (cr);
  if (square)
    cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
  else
    cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.85, 0.40, 0.0);
  cairo_set_line_width (cr, 1.6);
  cairo_stroke (cr);
}

static void
draw_area (cairo_t *cr, PaEditLayer *self, double x, double y)
{
  double area = pa_edit_layer_get_area_km2 (self);
  g_autofree char *text = NULL;
  if (area <= 0)
    return;
  text = g_strdup_printf (_("%.2f km²"), area);
  pa_painter_draw_text (cr, x + 12, y + 8, 200, text, 13, TRUE, (PaColor){ 0.55, 0.25, 0.0 });
}

void
pa_edit_layer_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PaEditLayer *self = PA_EDIT_LAYER (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  cairo_t *cr;
  PaView view;
  double lx = NAN, ly = NAN;

  if (w <= 0 || h <= 0 || (self->mode == PA_EDIT_NONE && isnan (self->problem.x) && !self->pending))
    return;
  pa_edit_layer_get_view (self, &view);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if (self->pending)
    {
      const double dash[] = { 6, 4 };
      guint n;
      const PaPoint *pts = pa_geometry_get_ring (self->pending, 0, 0, &n);
      for (guint k = 0; k < n; k++)
        {
          double x, y;
          pa_view_project (&view, pts[k].x, pts[k].y, &x, &y);
          if (k == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      cairo_close_path (cr);
      cairo_set_source_rgba (cr, 0.95, 0.55, 0.0, 0.18);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.85, 0.40, 0.0);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if (self->mode == PA_EDIT_DRAW && self->drawn->len > 0)
    {
      g_autoptr (GArray) pts = g_array_copy (self->drawn);
      if (!isnan (self->hover.x))
        g_array_append_val (pts, self->hover);
      path_points (cr, &view, pts, TRUE);
      cairo_set_source_rgba (cr, 0.95, 0.55, 0.0, 0.18);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.85, 0.40, 0.0);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      for (guint k = 0; k < self->drawn->len; k++)
        {
          PaPoint p = g_array_index (self->drawn, PaPoint, k);
          pa_view_project (&view, p.x, p.y, &lx, &ly);
          draw_handle (cr, lx, ly, k == 0 ? HANDLE_PX : HANDLE_PX - 1.5, k == 0);
        }
    }
  if (self->mode == PA_EDIT_DRAW && !isnan (self->hover.x))
    {
      double x, y;
      pa_view_project (&view, self->hover.x, self->hover.y, &x, &y);
      cairo_new_path (cr);
      cairo_arc (cr, x, y, self->hover_snapped ? 9 : 4, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, self->hover_snapped ? 0.1 : 0.85, self->hover_snapped ? 0.55 : 0.40,
                            self->hover_snapped ? 0.25 : 0.0);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      lx = x, ly = y;
    }

  if (self->mode == PA_EDIT_SHAPE)
    {
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      for (guint i = 0; i < self->rings->len; i++)
        path_points (cr, &view, ((Ring *) self->rings->pdata[i])->points, TRUE);
      cairo_set_source_rgba (cr, 0.95, 0.55, 0.0, 0.15);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 0.85, 0.40, 0.0);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
      for (guint i = 0; i < self->rings->len; i++)
        {
          Ring *r = self->rings->pdata[i];
          for (guint k = 0; k < r->points->len; k++)
            {
              PaPoint p = g_array_index (r->points, PaPoint, k), m = pa_edit_layer_midpoint (r->points, k);
              double x, y;
              pa_view_project (&view, m.x, m.y, &x, &y);
              if (x > -HANDLE_PX && y > -HANDLE_PX && x < w + HANDLE_PX && y < h + HANDLE_PX)
                {
                  cairo_new_path (cr);
                  cairo_arc (cr, x, y, HANDLE_PX - 2.5, 0, 2 * G_PI);
                  cairo_set_source_rgba (cr, 1, 1, 1, 0.7);
                  cairo_fill (cr);
                }
              pa_view_project (&view, p.x, p.y, &x, &y);
              if (x > -HANDLE_PX && y > -HANDLE_PX && x < w + HANDLE_PX && y < h + HANDLE_PX)
                {
                  draw_handle (cr, x, y, HANDLE_PX - 1.5, TRUE);
                  if (isnan (lx) || y > ly)
                    lx = x, ly = y;
                }
            }
        }
    }
  if (!isnan (lx))
    draw_area (cr, self, lx, ly);

  if (!isnan (self->problem.x))
    {
      double x, y;
      pa_view_project (&view, self->problem.x, self->problem.y, &x, &y);
      cairo_new_path (cr);
      cairo_move_to (cr, x - 8, y - 8);
      cairo_line_to (cr, x + 8, y + 8);
      cairo_move_to (cr, x + 8, y - 8);
      cairo_line_to (cr, x - 8, y + 8);
      cairo_set_source_rgb (cr, 0.85, 0.0, 0.0);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

