/* pa-map-view.c */
#define G_LOG_DOMAIN "parkatlas-window"

#include "config.h"

#include "pa-map-view.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "geo/pa-view.h"
#include "map/pa-hover-layer.h"
#include "map/pa-online-source.h"
#include "map/pa-plan-layer.h"
#include "map/pa-tile-source.h"
#include "map/pa-zone-layer.h"
#include "pa-legend.h"
#include "render/pa-painter.h"

struct _PaMapView
{
  GtkWidget parent_instance;
  GtkOverlay *overlay;
  ShumateMap *map;
  PaZoneLayer *zone_layer;
  PaHoverLayer *hover_layer;
  PaEditLayer *edit_layer;
  PaLegend *legend;
  GtkLabel *attribution;
  ShumateMapLayer *basemap_layer, *online_layer, *pack_layer;
  PaMbtiles *pack;
  PaOnlineSource *online;
  GSettings *settings;
  GtkToggleButton *draw_button, *shape_button, *snap_button;
  GtkWidget *tools, *fit_button, *bottom;
  GPtrArray *plan_layers; /* of PlanLayer: other plans shown with this one */
  PaZone *part_of; /* the zone a drawing adds a part to */

  PaDocument *document;
  PaBasemap *basemap;
};

enum
{
  OUTLINE_DRAWN,
  MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PaMapView, pa_map_view, GTK_TYPE_WIDGET)

static void
say (PaMapView *self, const char *text)
{
  g_signal_emit (self, signals[MESSAGE], 0, text);
}

void
pa_map_view_fit (PaMapView *self, const PaBBox *box, gboolean animate)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self->map));
  double h = gtk_widget_get_height (GTK_WIDGET (self->map));
  PaView view;
  double zoom, lat = (box->miny + box->maxy) / 2, lon = (box->minx + box->maxx) / 2;

  g_return_if_fail (PA_IS_MAP_VIEW (self));
  if (w < 50 || h < 50)
    w = 1280 - 380, h = 800 - 50; /* before the first layout: the default window's map */
  pa_view_init_fit (&view, box, w, h, MIN (w, h) * 0.05);
  /* whole zoom levels: libshumate 1.0 scales tiles at fractional zooms, which leaves
   * faint seams between them */
  zoom = CLAMP (floor (pa_view_get_zoom (&view)), 3, 15);
  if (animate && gtk_widget_get_mapped (GTK_WIDGET (self->map)))
    shumate_map_go_to_full (self->map, lat, lon, zoom);
  else
    {
      /* a running animation (say, towards a zone of the previous plan) would undo this */
      shumate_map_stop_go_to (self->map);
      shumate_viewport_set_zoom_level (shumate_map_get_viewport (self->map), zoom);
      shumate_map_center_on (self->map, lat, lon);
    }
}

void
pa_map_view_fit_zone (PaMapView *self, PaZone *zone)
{
  PaBBox b;
  if (!zone || !pa_zone_get_geometry (zone) || pa_geometry_is_empty (pa_zone_get_geometry (zone)))
    return;
  b = pa_geometry_get_bbox (pa_zone_get_geometry (zone));
  pa_map_view_fit (self, &b, TRUE);
}

PaZone *
pa_map_view_click (PaMapView *self, double x, double y)
{
  ShumateViewport *vp = shumate_map_get_viewport (self->map);
  double lat, lon;
  PaZone *zone;

  g_return_val_if_fail (PA_IS_MAP_VIEW (self), NULL);
  shumate_viewport_widget_coords_to_location (vp, GTK_WIDGET (self->map), x, y, &lat, &lon);
  zone = pa_painter_hit_test (pa_document_get_plan (self->document), lon, lat);
  pa_document_select_zone (self->document, zone);
  return zone;
}

gboolean
pa_map_view_coords (PaMapView *self, double lon, double lat, double *x, double *y)
{
  ShumateViewport *vp = shumate_map_get_viewport (self->map);
  if (gtk_widget_get_width (GTK_WIDGET (self->map)) <= 0)
    return FALSE;
  shumate_viewport_location_to_widget_coords (vp, GTK_WIDGET (self->map), lat, lon, x, y);
  return TRUE;
}

/* The zone at widget point (x, y) of the plan shown, or NULL. */
static PaZone *
zone_at (PaMapView *self, double x, double y)
{
  ShumateViewport *vp = shumate_map_get_viewport (self->map);
  PaPlan *plan = pa_document_get_plan (self->document);
  double lat, lon;
  if (!plan)
    return NULL;
  shumate_viewport_widget_coords_to_location (vp, GTK_WIDGET (self->map), x, y, &lat, &lon);
  return pa_painter_hit_test (plan, lon, lat);
}

static void
map_released (GtkGestureClick *gesture, int n_press, double x, double y, PaMapView *self)
{
  /* while drawing or placing, clicks are the edit layer's */
  PaEditMode mode = pa_edit_layer_get_mode (self->edit_layer);
  if (mode == PA_EDIT_DRAW || mode == PA_EDIT_PLACE)
    return;
  if (n_press == 1)
    pa_map_view_click (self, x, y);
  else if (n_press == 2)
    {
      /* on a zone: the whole zone (libshumate's own double-click zoom is overtaken);
       * elsewhere libshumate zooms in a step */
      PaZone *zone = zone_at (self, x, y);
      if (zone)
        {
          pa_document_select_zone (self->document, zone);
          pa_map_view_fit_zone (self, zone);
        }
    }
}

void
pa_map_view_hover (PaMapView *self, double x, double y)
{
  PaEditMode mode;
  PaZone *zone;

  g_return_if_fail (PA_IS_MAP_VIEW (self));
  mode = pa_edit_layer_get_mode (self->edit_layer);
  /* the edit tools draw their own pointer feedback */
  zone = mode == PA_EDIT_NONE ? zone_at (self, x, y) : NULL;
  pa_hover_layer_set_zone (self->hover_layer, pa_document_get_plan (self->document), zone);
}

PaZone *
pa_map_view_get_hovered_zone (PaMapView *self)
{
  g_return_val_if_fail (PA_IS_MAP_VIEW (self), NULL);
  return pa_hover_layer_get_zone (self->hover_layer);
}

char *
pa_map_view_dup_hover_text (PaMapView *self)
{
  PaZone *zone = pa_hover_layer_get_zone (self->hover_layer);
  PaPlan *plan = pa_document_get_plan (self->document);
  const char *role;
  g_autofree char *label = NULL;

  g_return_val_if_fail (PA_IS_MAP_VIEW (self), NULL);
  if (!zone || !plan)
    return NULL;
  label = pa_zone_dup_label (zone);
  role = pa_plan_lookup_role_label (plan, pa_zone_get_role (zone));
  return role ? g_strdup_printf ("%s\n%s", label, role) : g_steal_pointer (&label);
}

static void
pointer_moved (GtkEventControllerMotion *motion, double x, double y, PaMapView *self)
{
  pa_map_view_hover (self, x, y);
}

static void
pointer_left (GtkEventControllerMotion *motion, PaMapView *self)
{
  pa_hover_layer_set_zone (self->hover_layer, NULL, NULL);
}

static gboolean
query_tooltip (GtkWidget *map, int x, int y, gboolean keyboard, GtkTooltip *tooltip, PaMapView *self)
{
  g_autofree char *text = NULL;
  /* GTK asks again as the pointer moves (after "motion" has set the zone) */
  if (keyboard)
    return FALSE;
  text = pa_map_view_dup_hover_text (self);
  if (!text)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* ---- the keyboard: arrows pan, + and - zoom, Tab goes from zone to zone ---- */

void
pa_map_view_pan_by (PaMapView *self, double dx, double dy)
{
  ShumateViewport *vp = shumate_map_get_viewport (self->map);
  double w = gtk_widget_get_width (GTK_WIDGET (self->map)), h = gtk_widget_get_height (GTK_WIDGET (self->map));
  double lat, lon;

  g_return_if_fail (PA_IS_MAP_VIEW (self));
  shumate_viewport_widget_coords_to_location (vp, GTK_WIDGET (self->map), w / 2 + dx * w, h / 2 + dy * h, &lat,
                                              &lon);
  shumate_map_center_on (self->map, lat, lon);
}

void
pa_map_view_zoom_by (PaMapView *self, int steps)
{
  ShumateViewport *vp = shumate_map_get_viewport (self->map);
  double zoom;
  g_return_if_fail (PA_IS_MAP_VIEW (self));
  zoom = CLAMP (round (shumate_viewport_get_zoom_level (vp)) + steps, shumate_viewport_get_min_zoom_level (vp),
                shumate_viewport_get_max_zoom_level (vp));
  shumate_viewport_set_zoom_level (vp, zoom);
}

PaZone *
pa_map_view_select_next (PaMapView *self, int direction)
{
  PaPlan *plan = pa_document_get_plan (self->document);
  GListModel *zones = plan ? pa_plan_get_zones (plan) : NULL;
  PaZone *current = pa_document_get_selected_zone (self->document);
  guint n = zones ? g_list_model_get_n_items (zones) : 0, at = 0;
  g_autoptr (PaZone) next = NULL;
  double x, y;

  g_return_val_if_fail (PA_IS_MAP_VIEW (self), NULL);
  if (n == 0)
    return NULL;
  /* in the list's order, as the side panel shows them; from none, the first (or last) */
  if (current)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
        if (z == current)
          {
            at = (i + n + (guint) (direction > 0 ? 1 : n - 1)) % n;
            break;
          }
      }
  else
    at = direction > 0 ? 0 : n - 1;
  next = g_list_model_get_item (zones, at);
  pa_document_select_zone (self->document, next);
  /* brought into view when it is out of it */
  if (pa_zone_get_geometry (next) && !pa_geometry_is_empty (pa_zone_get_geometry (next)))
    {
      PaBBox b = pa_geometry_get_bbox (pa_zone_get_geometry (next));
      double w = gtk_widget_get_width (GTK_WIDGET (self->map)), h = gtk_widget_get_height (GTK_WIDGET (self->map));
      double lp_lon = (b.minx + b.maxx) / 2, lp_lat = (b.miny + b.maxy) / 2;
      if (pa_map_view_coords (self, lp_lon, lp_lat, &x, &y) && (x < 0 || y < 0 || x > w || y > h))
        shumate_map_go_to (self->map, lp_lat, lp_lon);
    }
  return next;
}

static gboolean
map_key_pressed (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state, PaMapView *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      pa_map_view_pan_by (self, -0.25, 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      pa_map_view_pan_by (self, 0.25, 0);
      return TRUE;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      pa_map_view_pan_by (self, 0, -0.25);
      return TRUE;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      pa_map_view_pan_by (self, 0, 0.25);
      return TRUE;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      pa_map_view_zoom_by (self, 1);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      pa_map_view_zoom_by (self, -1);
      return TRUE;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      /* Ctrl+Tab (not taken here) still leaves the map, as GTK does for every widget */
      pa_map_view_select_next (self, (state & GDK_SHIFT_MASK) ? -1 : 1);
      return TRUE;
    case GDK_KEY_ISO_Left_Tab:
      pa_map_view_select_next (self, -1);
      return TRUE;
    default:
      return FALSE;
    }
}

/* ---- tools ---- */

static void
draw_toggled (PaMapView *self)
{
  if (gtk_toggle_button_get_active (self->draw_button))
    {
      gtk_toggle_button_set_active (self->shape_button, FALSE);
      pa_edit_layer_start_drawing (self->edit_layer, self->part_of);
      say (self, _("Click to place points; double-click or Enter finishes, Esc cancels"));
    }
  else if (pa_edit_layer_get_mode (self->edit_layer) == PA_EDIT_DRAW)
    pa_edit_layer_stop (self->edit_layer);
  g_clear_object (&self->part_of);
}

static void
shape_toggled (PaMapView *self)
{
  if (gtk_toggle_button_get_active (self->shape_button))
    {
      gtk_toggle_button_set_active (self->draw_button, FALSE);
      if (!pa_edit_layer_start_shaping (self->edit_layer))
        {
          say (self, _("Select a zone to reshape first"));
          gtk_toggle_button_set_active (self->shape_button, FALSE);
        }
      else
        say (self, _("Drag points or edge middles; right-click deletes a point"));
    }
  else if (pa_edit_layer_get_mode (self->edit_layer) == PA_EDIT_SHAPE)
    pa_edit_layer_stop (self->edit_layer);
}

static void
snap_toggled (PaMapView *self)
{
  pa_edit_layer_set_snapping (self->edit_layer, gtk_toggle_button_get_active (self->snap_button));
}

/* The layer stops itself (Esc, a finished drawing, another plan): the buttons follow. */
static void
mode_ended (PaMapView *self)
{
  if (pa_edit_layer_get_mode (self->edit_layer) != PA_EDIT_DRAW)
    gtk_toggle_button_set_active (self->draw_button, FALSE);
  if (pa_edit_layer_get_mode (self->edit_layer) != PA_EDIT_SHAPE)
    gtk_toggle_button_set_active (self->shape_button, FALSE);
}

/* Online tiles as the settings say: none (nothing goes to the network), OpenStreetMap,
 * or the planner's own template. */
static void
online_settings_changed (PaMapView *self)
{
  g_autoptr (PaOnlineSource) source = pa_online_source_new_for_settings (self->settings);
  pa_map_view_set_online_source (self, source);
}

void
pa_map_view_bind_settings (PaMapView *self, GSettings *settings)
{
  static const char *const keys[] = { "online-tiles", "online-url", "online-key", "online-attribution",
                                       "online-gcj02" };
  g_settings_bind (settings, "snap", self->snap_button, "active", G_SETTINGS_BIND_DEFAULT);
  if (self->settings)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_set_object (&self->settings, settings);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *signal = g_strconcat ("changed::", keys[i], NULL);
      g_signal_connect_swapped (settings, signal, G_CALLBACK (online_settings_changed), self);
    }
  online_settings_changed (self);
}

void
pa_map_view_toggle_drawing (PaMapView *self)
{
  g_return_if_fail (PA_IS_MAP_VIEW (self));
  gtk_toggle_button_set_active (self->draw_button, !gtk_toggle_button_get_active (self->draw_button));
}

void
pa_map_view_draw_part (PaMapView *self, PaZone *zone)
{
  g_return_if_fail (PA_IS_MAP_VIEW (self));
  gtk_toggle_button_set_active (self->draw_button, FALSE);
  g_set_object (&self->part_of, zone);
  gtk_toggle_button_set_active (self->draw_button, TRUE);
}

void
pa_map_view_toggle_shaping (PaMapView *self)
{
  g_return_if_fail (PA_IS_MAP_VIEW (self));
  gtk_toggle_button_set_active (self->shape_button, !gtk_toggle_button_get_active (self->shape_button));
}

void
pa_map_view_place (PaMapView *self, gint64 id, const char *name)
{
  g_autofree char *msg = g_strdup_printf (_("Click on the map where “%s” is; Esc cancels"), name);
  g_return_if_fail (PA_IS_MAP_VIEW (self));
  gtk_toggle_button_set_active (self->draw_button, FALSE);
  gtk_toggle_button_set_active (self->shape_button, FALSE);
  pa_edit_layer_start_placing (self->edit_layer, id);
  say (self, msg);
}

gboolean
pa_map_view_key (PaMapView *self, guint keyval)
{
  g_return_val_if_fail (PA_IS_MAP_VIEW (self), FALSE);
  if (!pa_edit_layer_key (self->edit_layer, keyval))
    return FALSE;
  mode_ended (self);
  return TRUE;
}

static void
outline_drawn (PaMapView *self, PaGeometry *outline, PaZone *zone)
{
  mode_ended (self);
  g_signal_emit (self, signals[OUTLINE_DRAWN], 0, outline, zone);
}

/* ---- building ---- */

static GtkWidget *
tool_button (GtkWidget *button, const char *icon, const char *tooltip)
{
  gtk_button_set_icon_name (GTK_BUTTON (button), icon);
  gtk_widget_set_tooltip_text (button, tooltip);
  /* an icon has no name for a screen reader but the one it is given */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void
corner (GtkWidget *w, GtkAlign h, GtkAlign v, int margin_top, int margin_bottom)
{
  gtk_widget_set_halign (w, h);
  gtk_widget_set_valign (w, v);
  gtk_widget_set_margin_start (w, h == GTK_ALIGN_START ? 12 : 0);
  gtk_widget_set_margin_end (w, h == GTK_ALIGN_END ? 12 : 0);
  gtk_widget_set_margin_top (w, margin_top);
  gtk_widget_set_margin_bottom (w, margin_bottom);
}

static void
build_tools (PaMapView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *part = tool_button (gtk_button_new (), "list-add-symbolic", _("Draw another part of the selected zone"));

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_add_css_class (box, "osd");
  self->draw_button = GTK_TOGGLE_BUTTON (tool_button (gtk_toggle_button_new (), "document-edit-symbolic",
                                                      _("Draw a new zone (Ctrl+D)")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (part), "win.draw-part");
  self->shape_button = GTK_TOGGLE_BUTTON (tool_button (gtk_toggle_button_new (), "object-select-symbolic",
                                                       _("Reshape the selected zone (Ctrl+R)")));
  self->snap_button = GTK_TOGGLE_BUTTON (tool_button (gtk_toggle_button_new (), "view-grid-symbolic",
                                                      _("Snap to the points and edges of zones and districts")));
  gtk_toggle_button_set_active (self->snap_button, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->draw_button));
  gtk_box_append (GTK_BOX (box), part);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->shape_button));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->snap_button));
  corner (box, GTK_ALIGN_START, GTK_ALIGN_START, 12, 0);
  gtk_overlay_add_overlay (self->overlay, box);
  self->tools = box;
  g_signal_connect_swapped (self->draw_button, "toggled", G_CALLBACK (draw_toggled), self);
  g_signal_connect_swapped (self->shape_button, "toggled", G_CALLBACK (shape_toggled), self);
  g_signal_connect_swapped (self->snap_button, "toggled", G_CALLBACK (snap_toggled), self);
}

static void
plan_changed (PaMapView *self)
{
  pa_legend_set_plan (self->legend, pa_document_get_plan (self->document));
  gtk_toggle_button_set_active (self->draw_button, FALSE);
  gtk_toggle_button_set_active (self->shape_button, FALSE);
}

/* roles may have been added, or a zone a planner drew (✎) */
static void
legend_changed (PaMapView *self)
{
  pa_legend_set_plan (self->legend, pa_document_get_plan (self->document));
}

static void
build (PaMapView *self)
{
  g_autoptr (PaTileSource) source = pa_tile_source_new (self->basemap);
  ShumateViewport *vp;
  GtkWidget *license, *scale, *fit, *bottom;
  ShumateMapLayer *base;
  GtkGesture *click;
  GtkEventController *motion, *keys;

  self->overlay = GTK_OVERLAY (gtk_overlay_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->overlay), GTK_WIDGET (self));
  self->map = shumate_map_new ();
  /* a short flight: the distance-based default took seconds between far zones */
  shumate_map_set_go_to_duration (self->map, 700);
  vp = shumate_map_get_viewport (self->map);
  shumate_viewport_set_reference_map_source (vp, SHUMATE_MAP_SOURCE (source));
  shumate_viewport_set_min_zoom_level (vp, 3);
  shumate_viewport_set_max_zoom_level (vp, 16);
  base = shumate_map_layer_new (SHUMATE_MAP_SOURCE (source), vp);
  self->basemap_layer = base;
  shumate_map_add_layer (self->map, SHUMATE_LAYER (base));
  self->zone_layer = pa_zone_layer_new (vp, self->basemap, self->document);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->zone_layer));
  self->hover_layer = pa_hover_layer_new (vp);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->hover_layer));
  self->edit_layer = pa_edit_layer_new (vp, self->document, self->basemap);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->edit_layer));
  g_signal_connect_swapped (self->edit_layer, "outline-drawn", G_CALLBACK (outline_drawn), self);
  g_signal_connect_swapped (self->edit_layer, "edit-failed", G_CALLBACK (say), self);
  gtk_widget_set_hexpand (GTK_WIDGET (self->map), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->map), TRUE);
  gtk_overlay_set_child (self->overlay, GTK_WIDGET (self->map));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (map_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (pointer_moved), self);
  g_signal_connect (motion, "leave", G_CALLBACK (pointer_left), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), motion);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->map), TRUE);
  g_signal_connect (self->map, "query-tooltip", G_CALLBACK (query_tooltip), self);
  /* the map takes the keyboard when clicked or tabbed to */
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (map_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), keys);
  gtk_widget_set_focusable (GTK_WIDGET (self->map), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self->map), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->map), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map: arrow keys move it, + and - zoom, Tab goes from zone to zone"), -1);

  /* the legend, and beneath it the attribution, one above the other: at any width the
   * attribution wraps instead of running over the legend */
  bottom = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->bottom = bottom;
  gtk_widget_set_valign (bottom, GTK_ALIGN_END);
  gtk_widget_set_can_target (bottom, FALSE);
  self->legend = PA_LEGEND (pa_legend_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->legend), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (self->legend), 12);
  gtk_box_append (GTK_BOX (bottom), GTK_WIDGET (self->legend));
  license = gtk_label_new (pa_painter_attribution ());
  self->attribution = GTK_LABEL (license);
  gtk_label_set_wrap (GTK_LABEL (license), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (license), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (license), 1);
  gtk_label_set_justify (GTK_LABEL (license), GTK_JUSTIFY_RIGHT);
  gtk_widget_set_halign (license, GTK_ALIGN_END);
  gtk_widget_add_css_class (license, "caption");
  gtk_widget_add_css_class (license, "osd");
  gtk_widget_add_css_class (license, "pa-attribution");
  gtk_box_append (GTK_BOX (bottom), license);
  gtk_overlay_add_overlay (self->overlay, bottom);

  fit = gtk_button_new_from_icon_name ("zoom-fit-best-symbolic");
  gtk_widget_set_tooltip_text (fit, _("Show the whole plan (Ctrl+Home)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (fit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show the whole plan (Ctrl+Home)"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (fit), "win.fit-plan");
  gtk_widget_add_css_class (fit, "osd");
  gtk_widget_add_css_class (fit, "circular");
  corner (fit, GTK_ALIGN_END, GTK_ALIGN_START, 64, 0);
  gtk_overlay_add_overlay (self->overlay, fit);
  self->fit_button = fit;
  build_tools (self);

  scale = GTK_WIDGET (shumate_scale_new (vp));
  /* Chinese maps measure in metres and kilometres only */
  if (g_str_has_prefix (g_get_language_names ()[0], "zh"))
    shumate_scale_set_unit (SHUMATE_SCALE (scale), SHUMATE_UNIT_METRIC);
  corner (scale, GTK_ALIGN_END, GTK_ALIGN_START, 12, 0);
  gtk_overlay_add_overlay (self->overlay, scale);


  g_signal_connect_object (self->document, "notify::plan", G_CALLBACK (plan_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (legend_changed), self, G_CONNECT_SWAPPED);
  /* a document that shows a plan already (a plan opened for comparison) */
  if (pa_document_get_plan (self->document))
    legend_changed (self);
}

static void
pa_map_view_dispose (GObject *object)
{
  PaMapView *self = PA_MAP_VIEW (object);
  g_clear_object (&self->part_of);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->plan_layers, g_ptr_array_unref);
  g_clear_object (&self->online);
  if (self->settings)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  if (self->overlay)
    gtk_widget_unparent (GTK_WIDGET (self->overlay));
  self->overlay = NULL;
  g_clear_object (&self->document);
  g_clear_object (&self->basemap);
  G_OBJECT_CLASS (pa_map_view_parent_class)->dispose (object);
}

static void
pa_map_view_class_init (PaMapViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pa_map_view_dispose;
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);

  /* A drawing is finished: (PaGeometry outline, PaZone zone or NULL for a new zone). */
  signals[OUTLINE_DRAWN] = g_signal_new ("outline-drawn", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                         NULL, NULL, G_TYPE_NONE, 2, PA_TYPE_GEOMETRY, PA_TYPE_ZONE);
  /* Something to tell the planner (a hint for a tool, a refused outline). */
  signals[MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

typedef struct
{
  PaPlanLayer *layer; /* owned by the map */
} PlanLayer;

static void
plan_layer_free (PlanLayer *pl)
{
  g_free (pl);
}

static void
pa_map_view_init (PaMapView *self)
{
  self->plan_layers = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_layer_free);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

PaMapView *
pa_map_view_new (PaDocument *document, PaBasemap *basemap)
{
  PaMapView *self = g_object_new (PA_TYPE_MAP_VIEW, NULL);
  self->document = g_object_ref (document);
  self->basemap = g_object_ref (basemap);
  build (self);
  return self;
}

ShumateMap *
pa_map_view_get_map (PaMapView *self)
{
  return self->map;
}

PaEditLayer *
pa_map_view_get_edit_layer (PaMapView *self)
{
  return self->edit_layer;
}

PaLegend *
pa_map_view_get_legend (PaMapView *self)
{
  g_return_val_if_fail (PA_IS_MAP_VIEW (self), NULL);
  return self->legend;
}

void
pa_map_view_set_tile_pack (PaMapView *self, PaMbtiles *pack)
{
  g_autofree char *attribution = NULL;

  g_return_if_fail (PA_IS_MAP_VIEW (self));
  g_return_if_fail (!pack || PA_IS_MBTILES (pack));
  if (pack == self->pack)
    return;
  if (self->pack_layer)
    shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->pack_layer));
  self->pack_layer = NULL;
  g_set_object (&self->pack, pack);
  if (pack)
    {
      g_autoptr (PaTileSource) source = pa_tile_source_new_for_pack (pack);
      ShumateViewport *vp = shumate_map_get_viewport (self->map);
      /* over the basemap, under the zones */
      self->pack_layer = shumate_map_layer_new (SHUMATE_MAP_SOURCE (source), vp);
      shumate_map_insert_layer_above (self->map, SHUMATE_LAYER (self->pack_layer),
                                      SHUMATE_LAYER (self->basemap_layer));
    }
  attribution = pa_map_view_dup_attribution (self);
  gtk_label_set_text (self->attribution, attribution);
}

PaMbtiles *
pa_map_view_get_tile_pack (PaMapView *self)
{
  g_return_val_if_fail (PA_IS_MAP_VIEW (self), NULL);
  return self->pack;
}

char *
pa_map_view_dup_attribution (PaMapView *self)
{
  g_autofree char *offline = NULL;
  const char *online;

  g_return_val_if_fail (PA_IS_MAP_VIEW (self), NULL);
  offline = pa_painter_dup_attribution_with_tiles (NULL, NULL, self->pack ? PA_TILE_PROVIDER (self->pack) : NULL);
  online = self->online ? shumate_map_source_get_license (SHUMATE_MAP_SOURCE (self->online)) : NULL;
  if (online && *online)
    return g_strdup_printf ("%s · %s", online, offline);
  return g_steal_pointer (&offline);
}

void
pa_map_view_set_online_source (PaMapView *self, PaOnlineSource *source)
{
  g_autofree char *attribution = NULL;

  g_return_if_fail (PA_IS_MAP_VIEW (self));
  if (self->online_layer)
    shumate_map_remove_layer (self->map, SHUMATE_LAYER (self->online_layer));
  self->online_layer = NULL;
  g_set_object (&self->online, source);
  if (source)
    {
      /* over the offline basemap, which shows wherever a tile does not come (offline) */
      self->online_layer = shumate_map_layer_new (SHUMATE_MAP_SOURCE (source), shumate_map_get_viewport (self->map));
      shumate_map_insert_layer_above (self->map, SHUMATE_LAYER (self->online_layer),
                                      SHUMATE_LAYER (self->basemap_layer));
    }
  attribution = pa_map_view_dup_attribution (self);
  gtk_label_set_text (self->attribution, attribution);
}

PaOnlineSource *
pa_map_view_get_online_source (PaMapView *self)
{
  g_return_val_if_fail (PA_IS_MAP_VIEW (self), NULL);
  return self->online;
}

void
pa_map_view_set_editable (PaMapView *self, gboolean editable)
{
  g_return_if_fail (PA_IS_MAP_VIEW (self));
  if (!editable)
    pa_edit_layer_stop (self->edit_layer);
  /* the tools and "whole plan" act on the window's own plan */
  gtk_widget_set_visible (self->tools, editable);
  gtk_widget_set_visible (self->fit_button, editable);
}

/* One legend for the plan and its layers: each plan's roles under its name. */
static void
layers_changed (PaMapView *self)
{
  g_autoptr (GPtrArray) plans = pa_map_view_dup_layer_plans (self);
  pa_legend_set_layers (self->legend, plans);
}

void
pa_map_view_add_plan_layer (PaMapView *self, PaPlan *plan)
{
  PlanLayer *pl;

  g_return_if_fail (PA_IS_MAP_VIEW (self));
  g_return_if_fail (PA_IS_PLAN (plan));
  pa_map_view_remove_plan_layer (self, pa_plan_get_slug (plan));
  pl = g_new0 (PlanLayer, 1);
  /* under the window's own plan, which is the one selected and edited */
  pl->layer = pa_plan_layer_new (shumate_map_get_viewport (self->map), plan);
  pa_plan_layer_set_over (pl->layer, self->document);
  shumate_map_insert_layer_behind (self->map, SHUMATE_LAYER (pl->layer), SHUMATE_LAYER (self->zone_layer));
  g_ptr_array_add (self->plan_layers, pl);
  layers_changed (self);
}

void
pa_map_view_remove_plan_layer (PaMapView *self, const char *slug)
{
  g_return_if_fail (PA_IS_MAP_VIEW (self));
  for (guint i = 0; i < self->plan_layers->len; i++)
    {
      PlanLayer *pl = self->plan_layers->pdata[i];
      if (g_strcmp0 (pa_plan_get_slug (pa_plan_layer_get_plan (pl->layer)), slug) == 0)
        {
          shumate_map_remove_layer (self->map, SHUMATE_LAYER (pl->layer));
          g_ptr_array_remove_index (self->plan_layers, i);
          layers_changed (self);
          return;
        }
    }
}

GPtrArray *
pa_map_view_dup_layer_plans (PaMapView *self)
{
  GPtrArray *plans = g_ptr_array_new_with_free_func (g_object_unref);
  g_return_val_if_fail (PA_IS_MAP_VIEW (self), plans);
  for (guint i = 0; i < self->plan_layers->len; i++)
    g_ptr_array_add (plans, g_object_ref (pa_plan_layer_get_plan (((PlanLayer *) self->plan_layers->pdata[i])->layer)));
  return plans;
}
