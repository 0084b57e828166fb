/* pa-hover-layer.c */
#include "config.h"

#include "pa-hover-layer.h"

#include "render/pa-painter.h"

struct _PaHoverLayer
{
  ShumateLayer parent_instance;
  PaPlan *plan;
  PaZone *zone;
};

G_DEFINE_FINAL_TYPE (PaHoverLayer, pa_hover_layer, SHUMATE_TYPE_LAYER)

static void
pa_hover_layer_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PaHoverLayer *self = PA_HOVER_LAYER (widget);
  ShumateViewport *vp = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  cairo_t *cr;
  PaView view;

  if (!self->zone || !pa_zone_get_geometry (self->zone) || w <= 0 || h <= 0)
    return;
  pa_view_init (&view, shumate_location_get_longitude (SHUMATE_LOCATION (vp)),
                shumate_location_get_latitude (SHUMATE_LOCATION (vp)), shumate_viewport_get_zoom_level (vp), w, h);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  pa_painter_draw_hover (cr, &view, self->zone, self->plan);
  cairo_destroy (cr);
}

static void
redraw (PaHoverLayer *self)
{
  if (self->zone)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pa_hover_layer_constructed (GObject *object)
{
  ShumateViewport *vp;
  G_OBJECT_CLASS (pa_hover_layer_parent_class)->constructed (object);
  vp = shumate_layer_get_viewport (SHUMATE_LAYER (object));
  g_signal_connect_object (vp, "notify::zoom-level", G_CALLBACK (redraw), object, G_CONNECT_SWAPPED);
  g_signal_connect_object (vp, "notify::latitude", G_CALLBACK (redraw), object, G_CONNECT_SWAPPED);
  g_signal_connect_object (vp, "notify::longitude", G_CALLBACK (redraw), object, G_CONNECT_SWAPPED);
}

static void
pa_hover_layer_dispose (GObject *object)
{
  PaHoverLayer *self = PA_HOVER_LAYER (object);
  g_clear_object (&self->zone);
  g_clear_object (&self->plan);
  G_OBJECT_CLASS (pa_hover_layer_parent_class)->dispose (object);
}

static void
pa_hover_layer_class_init (PaHoverLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = pa_hover_layer_constructed;
  G_OBJECT_CLASS (klass)->dispose = pa_hover_layer_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = pa_hover_layer_snapshot;
}

static void
pa_hover_layer_init (PaHoverLayer *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
}

PaHoverLayer *
pa_hover_layer_new (ShumateViewport *viewport)
{
  return g_object_new (PA_TYPE_HOVER_LAYER, "viewport", viewport, NULL);
}

void
pa_hover_layer_set_zone (PaHoverLayer *self, PaPlan *plan, PaZone *zone)
{
  g_return_if_fail (PA_IS_HOVER_LAYER (self));
  if (zone == self->zone)
    return;
  g_set_object (&self->plan, plan);
  g_set_object (&self->zone, zone);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

PaZone *
pa_hover_layer_get_zone (PaHoverLayer *self)
{
  g_return_val_if_fail (PA_IS_HOVER_LAYER (self), NULL);
  return self->zone;
}
