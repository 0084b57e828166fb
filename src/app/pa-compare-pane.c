/* pa-compare-pane.c */
#define G_LOG_DOMAIN "parkatlas-window"

#include "config.h"

#include "pa-compare-pane.h"

#include <glib/gi18n.h>
#include <math.h>

#include "geo/pa-mercator.h"

struct _PaComparePane
{
  GtkWidget parent_instance;
  GtkWidget *box;
  PaDocument *document;
  PaMapView *map_view;
  PaMapView *leader;
  gboolean syncing;
  /* each map's last centre, to move the other by as much */
  double last_lat[2], last_lon[2];
};

G_DEFINE_FINAL_TYPE (PaComparePane, pa_compare_pane, GTK_TYPE_WIDGET)

static ShumateViewport *
viewport_of (PaMapView *view)
{
  return shumate_map_get_viewport (pa_map_view_get_map (view));
}

double
pa_compare_metres_per_pixel (PaMapView *view)
{
  ShumateViewport *vp = viewport_of (view);
  return pa_mercator_ground_resolution (shumate_location_get_latitude (SHUMATE_LOCATION (vp)),
                                        shumate_viewport_get_zoom_level (vp));
}

static void
remember (PaComparePane *self)
{
  PaMapView *views[2] = { self->leader, self->map_view };
  for (int i = 0; i < 2; i++)
    {
      ShumateViewport *vp = viewport_of (views[i]);
      self->last_lat[i] = shumate_location_get_latitude (SHUMATE_LOCATION (vp));
      self->last_lon[i] = shumate_location_get_longitude (SHUMATE_LOCATION (vp));
    }
}

/* Map @from (0: the leader, 1: this pane) changed: the other takes its scale and the
 * same movement on the ground. */
static void
sync_from (PaComparePane *self, int from)
{
  PaMapView *views[2] = { self->leader, self->map_view };
  ShumateViewport *src, *dst;
  double lat, lon, dlat_m, dlon_m, dst_lat, dst_lon, mpp, zoom;

  if (self->syncing || !self->leader)
    return;
  self->syncing = TRUE;
  src = viewport_of (views[from]);
  dst = viewport_of (views[1 - from]);
  lat = shumate_location_get_latitude (SHUMATE_LOCATION (src));
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (src));
  /* the movement in metres, north and east */
  dlat_m = (lat - self->last_lat[from]) * 111320.0;
  dlon_m = (lon - self->last_lon[from]) * 111320.0 * cos (self->last_lat[from] * G_PI / 180);
  dst_lat = CLAMP (self->last_lat[1 - from] + dlat_m / 111320.0, -85, 85);
  dst_lon = self->last_lon[1 - from] + dlon_m / (111320.0 * cos (self->last_lat[1 - from] * G_PI / 180));
  /* one scale: the same metres per pixel at both centres */
  mpp = pa_mercator_ground_resolution (lat, shumate_viewport_get_zoom_level (src));
  zoom = log2 (pa_mercator_ground_resolution (dst_lat, 0) / mpp);
  zoom = CLAMP (zoom, shumate_viewport_get_min_zoom_level (dst), shumate_viewport_get_max_zoom_level (dst));
  shumate_map_center_on (pa_map_view_get_map (views[1 - from]), dst_lat, dst_lon);
  shumate_viewport_set_zoom_level (dst, zoom);
  remember (self);
  self->syncing = FALSE;
}

static void
leader_moved (PaComparePane *self)
{
  sync_from (self, 0);
}

static void
pane_moved (PaComparePane *self)
{
  sync_from (self, 1);
}

static void
connect_viewport (PaComparePane *self, PaMapView *view, GCallback cb)
{
  ShumateViewport *vp = viewport_of (view);
  g_signal_connect_object (vp, "notify::zoom-level", cb, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vp, "notify::latitude", cb, self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vp, "notify::longitude", cb, self, G_CONNECT_SWAPPED);
}

void
pa_compare_pane_follow (PaComparePane *self, PaMapView *leader)
{
  PaBBox extent;

  g_return_if_fail (PA_IS_COMPARE_PANE (self));
  g_return_if_fail (PA_IS_MAP_VIEW (leader));
  self->leader = leader;
  /* the pane's plan in the middle of its map, at the leader's scale */
  extent = pa_plan_get_extent (pa_document_get_plan (self->document));
  if (!pa_bbox_is_empty (&extent))
    shumate_map_center_on (pa_map_view_get_map (self->map_view), (extent.miny + extent.maxy) / 2,
                           (extent.minx + extent.maxx) / 2);
  remember (self);
  self->last_lat[0] = shumate_location_get_latitude (SHUMATE_LOCATION (viewport_of (leader)));
  self->last_lon[0] = shumate_location_get_longitude (SHUMATE_LOCATION (viewport_of (leader)));
  /* a zero movement: only the scale is taken */
  sync_from (self, 0);
  connect_viewport (self, leader, G_CALLBACK (leader_moved));
  connect_viewport (self, self->map_view, G_CALLBACK (pane_moved));
}

static void
pa_compare_pane_dispose (GObject *object)
{
  PaComparePane *self = PA_COMPARE_PANE (object);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (pa_compare_pane_parent_class)->dispose (object);
}

static void
pa_compare_pane_class_init (PaComparePaneClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pa_compare_pane_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
pa_compare_pane_init (PaComparePane *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

PaComparePane *
pa_compare_pane_new (PaStore *store, PaBasemap *basemap, const char *slug, GError **error)
{
  g_autoptr (PaDocument) document = pa_document_new (store);
  PaComparePane *self;
  GtkWidget *header, *title, *close;

  if (!pa_document_open_plan (document, slug, error))
    return NULL;
  self = g_object_new (PA_TYPE_COMPARE_PANE, NULL);
  self->document = g_steal_pointer (&document);
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* which plan this is, and the way out */
  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "toolbar");
  title = gtk_label_new (pa_plan_get_name (pa_document_get_plan (self->document)));
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  close = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_set_tooltip_text (close, _("Stop comparing"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Stop comparing"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "win.compare");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (close), "s", "");
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), close);
  gtk_box_append (GTK_BOX (self->box), header);

  self->map_view = pa_map_view_new (self->document, basemap);
  pa_map_view_set_editable (self->map_view, FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->map_view));
  return self;
}

PaPlan *
pa_compare_pane_get_plan (PaComparePane *self)
{
  g_return_val_if_fail (PA_IS_COMPARE_PANE (self), NULL);
  return pa_document_get_plan (self->document);
}

PaMapView *
pa_compare_pane_get_map_view (PaComparePane *self)
{
  g_return_val_if_fail (PA_IS_COMPARE_PANE (self), NULL);
  return self->map_view;
}
