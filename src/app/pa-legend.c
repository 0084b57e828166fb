/* pa-legend.c */
#include "config.h"

#include "pa-legend.h"

#include "render/pa-painter.h"

#define LEGEND_FONT_PX 12.0

struct _PaLegend
{
  GtkWidget parent_instance;
  PaPlan *plan;
  GPtrArray *plans; /* the plan, then its layers */
};

G_DEFINE_FINAL_TYPE (PaLegend, pa_legend, GTK_TYPE_WIDGET)

static void
draw (PaLegend *self, cairo_t *cr, gboolean measure, double *w, double *h)
{
  pa_painter_draw_legend_for_plans (cr, 0, 0, (PaPlan *const *) self->plans->pdata, self->plans->len,
                                    LEGEND_FONT_PX, measure, w, h);
}

/* Measuring needs a cairo context with the same font setup as drawing. */
static void
legend_size (PaLegend *self, double *w, double *h)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (s);
  draw (self, cr, TRUE, w, h);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

static void
pa_legend_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
                   int *natural, int *minimum_baseline, int *natural_baseline)
{
  PaLegend *self = PA_LEGEND (widget);
  double w = 0, h = 0;
  if (self->plans->len > 0)
    legend_size (self, &w, &h);
  *minimum = *natural = (int) (orientation == GTK_ORIENTATION_HORIZONTAL ? w + 1 : h + 1);
}

static void
pa_legend_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PaLegend *self = PA_LEGEND (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->plans->len == 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  draw (self, cr, FALSE, NULL, NULL);
  cairo_destroy (cr);
}

static void
pa_legend_dispose (GObject *object)
{
  g_clear_object (&PA_LEGEND (object)->plan);
  g_clear_pointer (&PA_LEGEND (object)->plans, g_ptr_array_unref);
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
  self->plans = g_ptr_array_new_with_free_func (g_object_unref);
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
  if (plan == self->plan)
    {
      gtk_widget_queue_resize (GTK_WIDGET (self)); /* its roles may have changed */
      return;
    }
  if (self->plan)
    g_ptr_array_remove_index (self->plans, 0);
  g_set_object (&self->plan, plan);
  if (plan)
    g_ptr_array_insert (self->plans, 0, g_object_ref (plan));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
pa_legend_set_layers (PaLegend *self, GPtrArray *plans)
{
  g_return_if_fail (PA_IS_LEGEND (self));
  g_ptr_array_set_size (self->plans, self->plan ? 1 : 0);
  for (guint i = 0; plans && i < plans->len; i++)
    if (!self->plan || g_strcmp0 (pa_plan_get_slug (plans->pdata[i]), pa_plan_get_slug (self->plan)) != 0)
      g_ptr_array_add (self->plans, g_object_ref (plans->pdata[i]));
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
pa_legend_get_n_plans (PaLegend *self)
{
  g_return_val_if_fail (PA_IS_LEGEND (self), 0);
  return self->plans->len;
}
