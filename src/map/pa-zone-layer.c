/* pa-zone-layer.c */
#include "config.h"

#include "pa-zone-layer.h"

#include "render/pa-painter.h"
#include "render/pa-zone-tiles.h"

struct _PaZoneLayer
{
  ShumateLayer parent_instance;
  PaDocument *document;
  PaBasemap *basemap; /* for district names */
  PaZoneTiles *tiles; /* the zones' fills and outlines at the current zoom */
  double last_world;  /* the zoom of the last frame, as PaView.world */
  guint ahead_id;     /* drawing tiles around the view in idle time */
};

G_DEFINE_FINAL_TYPE (PaZoneLayer, pa_zone_layer, SHUMATE_TYPE_LAYER)

void
pa_zone_layer_get_view (PaZoneLayer *self, PaView *view)
{
  ShumateViewport *vp = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  pa_view_init (view, shumate_location_get_longitude (SHUMATE_LOCATION (vp)),
                shumate_location_get_latitude (SHUMATE_LOCATION (vp)),
                shumate_viewport_get_zoom_level (vp), gtk_widget_get_width (GTK_WIDGET (self)),
                gtk_widget_get_height (GTK_WIDGET (self)));
  /* on whole device pixels, where the cached tiles lie */
  pa_view_snap_to_pixels (view, gtk_widget_get_scale_factor (GTK_WIDGET (self)));
}

/* Between frames, one step at a time: the names of a region around the view when it
 * nears the edge of theirs, then the tiles around the view; a pan then finds them ready. */
static gboolean
draw_ahead (gpointer data)
{
  PaZoneLayer *self = data;
  PaPlan *plan = pa_document_get_plan (self->document);
  PaZone *selected = pa_document_get_selected_zone (self->document);
  PaView view;

  if (plan && gtk_widget_get_mapped (GTK_WIDGET (self)) && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      gboolean placed;
      pa_zone_layer_get_view (self, &view);
      {
        /* placing measures text only: any surface will do */
        cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
        cairo_t *cr = cairo_create (s);
        placed = pa_painter_place_labels_ahead (cr, &view, plan, selected, self->basemap, 13);
        cairo_destroy (cr);
        cairo_surface_destroy (s);
      }
      if (placed || pa_zone_tiles_draw_ahead (self->tiles, &view, gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                              plan, selected, PA_ZONE_TILES_SIZE))
        return G_SOURCE_CONTINUE;
    }
  self->ahead_id = 0;
  return G_SOURCE_REMOVE;
}

static void
pa_zone_layer_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  PaZoneLayer *self = PA_ZONE_LAYER (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  PaPlan *plan = self->document ? pa_document_get_plan (self->document) : NULL;
  int scale = gtk_widget_get_scale_factor (widget);
  gboolean zooming;
  PaZone *selected;
  cairo_t *cr;
  PaView view;

  if (!plan || w <= 0 || h <= 0)
    return;
  selected = pa_document_get_selected_zone (self->document);
  pa_zone_layer_get_view (self, &view);
  /* a frame at a new zoom (the first, or one of a zoom's animation) would draw every tile
   * it shows, more than drawing the zones straight: it draws them straight, and the tiles
   * of the zoom come in idle time */
  zooming = view.world != self->last_world && !pa_zone_tiles_has_zoom (self->tiles, &view, scale, plan);
  self->last_world = view.world;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  pa_painter_set_pixel_scale (cr, scale);
  /* fills and outlines from tiles drawn once per zoom; sites and names on top each frame,
   * so no name is cut at a tile's edge */
  if (zooming)
    pa_painter_draw_zones (cr, &view, plan, selected, 1.0);
  else
    pa_zone_tiles_draw (self->tiles, cr, &view, scale, plan, selected);
  if (!self->ahead_id)
    self->ahead_id = g_idle_add_full (G_PRIORITY_LOW, draw_ahead, self, NULL);
  pa_painter_draw_sites (cr, &view, plan, 1.0);
  pa_painter_draw_labels (cr, &view, plan, selected, self->basemap, 13, FALSE);
  cairo_destroy (cr);
}

static void
redraw (PaZoneLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pa_zone_layer_constructed (GObject *object)
{
  ShumateViewport *vp;
  G_OBJECT_CLASS (pa_zone_layer_parent_class)->constructed (object);
  vp = shumate_layer_get_viewport (SHUMATE_LAYER (object));
  g_signal_connect_object (vp, "notify::zoom-level", G_CALLBACK (redraw), object, G_CONNECT_SWAPPED);
  g_signal_connect_object (vp, "notify::latitude", G_CALLBACK (redraw), object, G_CONNECT_SWAPPED);
  g_signal_connect_object (vp, "notify::longitude", G_CALLBACK (redraw), object, G_CONNECT_SWAPPED);
  g_signal_connect_object (vp, "notify::rotation", G_CALLBACK (redraw), object, G_CONNECT_SWAPPED);
  /* the tiles follow the scale themselves; this only asks for the frame */
  g_signal_connect (object, "notify::scale-factor", G_CALLBACK (redraw), NULL);
}

static void
pa_zone_layer_dispose (GObject *object)
{
  PaZoneLayer *self = PA_ZONE_LAYER (object);
  g_clear_object (&self->document);
  g_clear_object (&self->basemap);
  g_clear_handle_id (&self->ahead_id, g_source_remove);
  g_clear_object (&self->tiles);
  G_OBJECT_CLASS (pa_zone_layer_parent_class)->dispose (object);
}

static void
pa_zone_layer_class_init (PaZoneLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = pa_zone_layer_constructed;
  G_OBJECT_CLASS (klass)->dispose = pa_zone_layer_dispose;
  GTK_WIDGET_CLASS (klass)->snapshot = pa_zone_layer_snapshot;
}

static void
pa_zone_layer_init (PaZoneLayer *self)
{
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  self->tiles = pa_zone_tiles_new (PA_ZONE_TILES_DEFAULT_MAX);
}

PaZoneLayer *
pa_zone_layer_new (ShumateViewport *viewport, PaBasemap *basemap, PaDocument *document)
{
  PaZoneLayer *self = g_object_new (PA_TYPE_ZONE_LAYER, "viewport", viewport, NULL);
  self->basemap = basemap ? g_object_ref (basemap) : NULL;
  self->document = g_object_ref (document);
  g_signal_connect_object (document, "notify::plan", G_CALLBACK (redraw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::selected-zone", G_CALLBACK (redraw), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "changed", G_CALLBACK (redraw), self, G_CONNECT_SWAPPED);
  return self;
}
