/* pa-legend.c */
#include "config.h"

#include "pa-legend.h"

#include "render/pa-painter.h"

#define LEGEND_FONT_PX 12.0

struct _PaLegend
{
  GtkWidget parent_instance;
  PaPlan *plan;
};

G_DEFINE_FINAL_TYPE (PaLegend, pa_legend, GTK_TYPE_WIDGET)

/* Measuring needs a cairo context with the same font setup as drawing. */
static void
legend_size (PaLegend *self, double *w, double *h)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (s);
  pa_painter_draw_legend (cr, 0, 0, self->plan, LEGEND_FONT_PX, TRUE, w, h);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

static void
pa_legend_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                   int *natural, int *minimum_baseline, int *natural_baseline)
{
  PaLegend *self = PA_LEGEND (widget);
  double w = 0, h = 0;
  if (self->plan)
    legend_size (self, &w, &h);
  *minimum = *natural = (int) (orientation == GTK_ORIENTATION_HORIZONTAL ? w + 1 : h + 1);
}

static void
pa_legend_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PaLegend *self = PA_LEGEND (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (!self->plan)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  pa_painter_draw_legend (cr, 0, 0, self->plan, LEGEND_FONT_PX, FALSE, NULL, NULL);
  cairo_destroy (cr);
}

static void
pa_legend_dispose (GObject *object)
{
  g_clear_object (&PA_LEGEND (object)->plan);
  G_OBJECT_CLASS (pa_legend_parent_class)->dispose (object);
}

static void
pa_legend_class_init (PaLegendClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pa_legend_dispose;
  GTK_WIDGET_CLASS (klass)->measure = pa_legend_measure;
  GTK_WIDGET_CLASS (klass)->snapshot = pa_legend_snapshot;
}

static void
pa_legend_init (PaLegend *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

GtkWidget *
pa_legend_new (void)
{
  return g_object_new (PA_TYPE_LEGEND, NULL);
}

void
pa_legend_set_plan (PaLegend *self, PaPlan *plan)
{
  g_return_if_fail (PA_IS_LEGEND (self));
  g_set_object (&self->plan, plan);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
