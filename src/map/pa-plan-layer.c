/* pa-plan-layer.c */
#include "config.h"

#include "pa-plan-layer.h"

#include "render/pa-painter.h"

struct _PaPlanLayer
{
  ShumateLayer parent_instance;
  PaPlan *plan;
  PaDocument *over; /* the window's document, whose plan is drawn over this one */
};

G_DEFINE_FINAL_TYPE (PaPlanLayer, pa_plan_layer, SHUMATE_TYPE_LAYER)

static void
pa_plan_layer_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PaPlanLayer *self = PA_PLAN_LAYER (widget);
  ShumateViewport *vp = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  cairo_t *cr;
  PaView view;

  if (w <= 0 || h <= 0)
    return;
  pa_view_init (&view, shumate_location_get_longitude (SHUMATE_LOCATION (vp)),
                shumate_location_get_latitude (SHUMATE_LOCATION (vp)), shumate_viewport_get_zoom_level (vp), w, h);
  /* names are kept as images on whole device pixels (pa_painter_draw_labels) */
  pa_view_snap_to_pixels (&view, gtk_widget_get_scale_factor (widget));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  pa_painter_set_pixel_scale (cr, gtk_widget_get_scale_factor (widget));
  pa_painter_draw_zones (cr, &view, self->plan, NULL, 1.0);
  pa_painter_draw_labels_under (cr, &view, self->plan, self->over ? pa_document_get_plan (self->over) : NULL, 13);
  cairo_destroy (cr);
}

static void
redraw (PaPlanLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pa_plan_layer_constructed (GObject *object)
{
  ShumateViewport *vp;
  G_OBJECT_CLASS (pa_plan_layer_parent_class)->constructed (object);
  vp = shumate_layer_get_viewport (SHUMATE_LAYER (object));
  g_signal_connect_object (vp, "notify::zoom-level", G_CALLBACK (redraw), object, G_CONNECT_SWAPPED);
  g_signal_connect_object (vp, "notify::latitude", G_CALLBACK (redraw), object, G_CONNECT_SWAPPED);
  g_signal_connect_object (vp, "notify::longitude", G_CALLBACK (redraw), object, G_CONNECT_SWAPPED);
}

static void
pa_plan_layer_dispose (GObject *object)
{
  g_clear_object (&PA_PLAN_LAYER (object)->plan);
  g_clear_object (&PA_PLAN_LAYER (object)->over);
  G_OBJECT_CLASS (pa_plan_layer_parent_class)->dispose (object);
}

static void
pa_plan_layer_class_init (PaPlanLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = pa_plan_layer_constructed;
  G_OBJECT_CLASS (klass)->dispose = pa_plan_layer_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = pa_plan_layer_snapshot;
}

static void
pa_plan_layer_init (PaPlanLayer *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

PaPlanLayer *
pa_plan_layer_new (ShumateViewport *viewport, PaPlan *plan)
{
  PaPlanLayer *self = g_object_new (PA_TYPE_PLAN_LAYER, "viewport", viewport, NULL);
  self->plan = g_object_ref (plan);
  return self;
}

PaPlan *
pa_plan_layer_get_plan (PaPlanLayer *self)
{
  g_return_val_if_fail (PA_IS_PLAN_LAYER (self), NULL);
  return self->plan;
}

void
pa_plan_layer_set_over (PaPlanLayer *self, PaDocument *document)
{
  g_return_if_fail (PA_IS_PLAN_LAYER (self));
  if (self->over)
    g_signal_handlers_disconnect_by_data (self->over, self);
  g_set_object (&self->over, document);
  if (document)
    {
      g_signal_connect_object (document, "notify::plan", G_CALLBACK (redraw), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "changed", G_CALLBACK (redraw), self, G_CONNECT_SWAPPED);
    }
  redraw (self);
}
