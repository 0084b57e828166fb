/* pa-window.c */
#include "config.h"

#include "pa-window.h"

#include <glib/gi18n.h>
#include <math.h>
#include <shumate/shumate.h>

#include "geo/pa-mercator.h"
#include "map/pa-tile-source.h"
#include "map/pa-zone-layer.h"
#include "audit/pa-audit.h"
#include "pa-industry-browser.h"
#include "pa-legend.h"
#include "pa-targets-window.h"
#include "pa-zone-details.h"
#include "render/pa-exporter.h"
#include "render/pa-painter.h"

struct _PaWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkDropDown *plan_dropdown;
  AdwToastOverlay *toast_overlay;
  GtkListBox *zone_list;
  PaZoneDetails *details;
  GtkOverlay *map_overlay;
  GtkStack *side_stack;
  GtkBox *industries_page;
  PaIndustryBrowser *industries;

  ShumateMap *map;
  PaZoneLayer *zone_layer;
  PaLegend *legend;

  PaStore *store;
  PaBasemap *basemap;
  GPtrArray *slugs;
  GHashTable *plans; /* slug → PaPlan, loaded on first view */
  GHashTable *findings; /* slug → GPtrArray of PaFinding */
  PaPlan *plan;
  PaZone *selected;
  gboolean syncing_list;
  GSettings *settings; /* may be NULL when the schema is not installed */
};

G_DEFINE_FINAL_TYPE (PaWindow, pa_window, ADW_TYPE_APPLICATION_WINDOW)

static void
toast (PaWindow *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Largest zoom at which @box fits the map widget (or its expected size before layout). */
static double
zoom_to_fit (PaWindow *self, const PaBBox *box)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self->map));
  double h = gtk_widget_get_height (GTK_WIDGET (self->map));
  double x0, y0, x1, y1;

  if (w < 50 || h < 50)
    w = 1280 - 380, h = 800 - 50;
  pa_mercator_from_lonlat (box->minx, box->maxy, &x0, &y0);
  pa_mercator_from_lonlat (box->maxx, box->miny, &x1, &y1);
  /* whole zoom levels: libshumate 1.0 scales tiles at fractional zooms, which leaves
   * faint seams between them */
  return CLAMP (floor (log2 (MIN (w * 0.9 / MAX (x1 - x0, 1e-9), h * 0.9 / MAX (y1 - y0, 1e-9))
                             / PA_MERCATOR_TILE_SIZE)),
                3, 15);
}

static void
fit_map (PaWindow *self, const PaBBox *box, gboolean animate)
{
  double zoom = zoom_to_fit (self, box);
  double lat = (box->miny + box->maxy) / 2, lon = (box->minx + box->maxx) / 2;
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

static GtkWidget *
zone_row_new (PaPlan *plan, PaZone *zone)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *swatch = gtk_label_new ("●");
  GtkWidget *name = gtk_label_new (pa_zone_get_name (zone));
  g_autofree char *sub = g_strdup_printf ("%s · %s%s", pa_plan_lookup_role_label (plan, pa_zone_get_role (zone)),
                                          pa_zone_get_places (zone) ? pa_zone_get_places (zone) : "",
                                          pa_zone_get_schematic (zone) ? " · 示意" : "");
  GtkWidget *subtitle = gtk_label_new (sub);
  PaColor c = pa_painter_role_color (plan, pa_zone_get_role (zone));
  g_autofree char *markup = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\" size=\"x-large\">●</span>",
                                             (int) (c.r * 255), (int) (c.g * 255), (int) (c.b * 255));

  gtk_label_set_markup (GTK_LABEL (swatch), markup);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), subtitle);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "zone", g_object_ref (zone), g_object_unref);
  return row;
}

static void
update_selection (PaWindow *self, PaZone *zone, gboolean move_map)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->details), GTK_TYPE_SCROLLED_WINDOW);

  g_set_object (&self->selected, zone);
  pa_zone_layer_set_selected (self->zone_layer, zone);
  pa_zone_details_show (self->details, self->plan, zone,
                        self->plan ? g_hash_table_lookup (self->findings, pa_plan_get_slug (self->plan)) : NULL);
  /* a new zone's details start at its name, not where the last one was scrolled to */
  if (scroller)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);

  self->syncing_list = TRUE;
  if (!zone)
    gtk_list_box_unselect_all (self->zone_list);
  else
    for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->zone_list)); row;
         row = gtk_widget_get_next_sibling (row))
      if (g_object_get_data (G_OBJECT (row), "zone") == zone)
        gtk_list_box_select_row (self->zone_list, GTK_LIST_BOX_ROW (row));
  self->syncing_list = FALSE;

  if (zone && move_map)
    {
      PaBBox b = pa_geometry_get_bbox (pa_zone_get_geometry (zone));
      fit_map (self, &b, TRUE);
    }
}

void
pa_window_select_zone (PaWindow *self, PaZone *zone)
{
  g_return_if_fail (PA_IS_WINDOW (self));
  update_selection (self, zone, zone != NULL);
}

static void
zone_row_selected (PaWindow *self, GtkListBoxRow *row, GtkListBox *box)
{
  if (self->syncing_list || !row)
    return;
  update_selection (self, g_object_get_data (G_OBJECT (row), "zone"), TRUE);
}

gboolean
pa_window_show_plan (PaWindow *self, const char *slug, GError **error)
{
  PaPlan *plan = g_hash_table_lookup (self->plans, slug);
  GListModel *zones;

  if (!plan)
    {
      plan = pa_store_load_plan (self->store, slug, error);
      if (!plan)
        return FALSE;
      g_hash_table_insert (self->plans, g_strdup (slug), plan);
      g_hash_table_insert (self->findings, g_strdup (slug),
                           pa_audit_plan (plan, PA_AUDIT_DEFAULT_TOLERANCE, NULL));
    }
  g_set_object (&self->plan, plan);
  g_clear_object (&self->selected);
  if (self->settings)
    g_settings_set_string (self->settings, "last-plan", slug);
  adw_window_title_set_title (self->window_title, pa_plan_get_name (plan));
  adw_window_title_set_subtitle (self->window_title, pa_plan_get_document_title (plan) ? pa_plan_get_document_title (plan) : pa_plan_get_document_seed (plan));
  for (guint i = 0; i < self->slugs->len; i++)
    if (g_str_equal (self->slugs->pdata[i], slug) && gtk_drop_down_get_selected (self->plan_dropdown) != i)
      gtk_drop_down_set_selected (self->plan_dropdown, i);

  self->syncing_list = TRUE;
  {
    GtkWidget *row;
    while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->zone_list))))
      gtk_list_box_remove (self->zone_list, row);
  }
  zones = pa_plan_get_zones (plan);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      gtk_list_box_append (self->zone_list, zone_row_new (plan, z));
    }
  self->syncing_list = FALSE;

  pa_zone_layer_set_plan (self->zone_layer, plan);
  pa_legend_set_plan (self->legend, plan);
  update_selection (self, NULL, FALSE);
  {
    PaBBox extent = pa_plan_get_extent (plan);
    if (!pa_bbox_is_empty (&extent))
      fit_map (self, &extent, FALSE);
  }
  return TRUE;
}

static void
plan_dropdown_changed (PaWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->plan_dropdown);
  g_autoptr (GError) error = NULL;
  if (i >= self->slugs->len || (self->plan && g_str_equal (pa_plan_get_slug (self->plan), self->slugs->pdata[i])))
    return;
  if (!pa_window_show_plan (self, self->slugs->pdata[i], &error))
    toast (self, error->message);
}

PaZone *
pa_window_click_map (PaWindow *self, double x, double y)
{
  ShumateViewport *vp = shumate_map_get_viewport (self->map);
  double lat, lon;
  PaZone *zone;

  shumate_viewport_widget_coords_to_location (vp, GTK_WIDGET (self->map), x, y, &lat, &lon);
  zone = pa_painter_hit_test (self->plan, lon, lat);
  update_selection (self, zone, FALSE);
  return zone;
}

gboolean
pa_window_map_coords (PaWindow *self, double lon, double lat, double *x, double *y)
{
  ShumateViewport *vp = shumate_map_get_viewport (self->map);
  if (gtk_widget_get_width (GTK_WIDGET (self->map)) <= 0)
    return FALSE;
  shumate_viewport_location_to_widget_coords (vp, GTK_WIDGET (self->map), lat, lon, x, y);
  return TRUE;
}

static void
map_released (GtkGestureClick *gesture, int n_press, double x, double y, PaWindow *self)
{
  if (n_press == 1)
    pa_window_click_map (self, x, y);
}

void
pa_window_set_settings (PaWindow *self, GSettings *settings)
{
  g_set_object (&self->settings, settings);
}

gboolean
pa_window_export_to (PaWindow *self, const char *path, GError **error)
{
  g_return_val_if_fail (self->plan != NULL, FALSE);
  return pa_export_plan (self->plan, self->basemap, self->selected, path, error);
}

static void
export_response (GtkNativeDialog *dialog, int response, PaWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;
      if (pa_window_export_to (self, path, &error))
        {
          g_autofree char *msg = g_strdup_printf (_("Exported to %s"), path);
          toast (self, msg);
        }
      else
        toast (self, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  GtkFileFilter *filter = gtk_file_filter_new ();

  if (!self->plan)
    return;
  dialog = gtk_file_chooser_native_new (_("Export Map"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.pdf", pa_plan_get_slug (self->plan));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_set_name (filter, _("PDF, SVG or PNG"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_filter_add_suffix (filter, "svg");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Back to the whole plan, as when it was opened. */
static void
fit_plan_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  PaBBox extent;
  if (!self->plan)
    return;
  extent = pa_plan_get_extent (self->plan);
  if (!pa_bbox_is_empty (&extent))
    fit_map (self, &extent, TRUE);
}

static void
targets_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  if (self->plan)
    gtk_window_present (GTK_WINDOW (pa_targets_window_new (GTK_WINDOW (self), self->plan)));
}

/* From the industry browser: show that plan, and the zone if the row names one. */
static void
industry_zone_activated (PaWindow *self, const char *slug, const char *zone_key)
{
  g_autoptr (GError) error = NULL;
  if (!pa_window_show_plan (self, slug, &error))
    {
      toast (self, error->message);
      return;
    }
  if (zone_key && *zone_key)
    pa_window_select_zone (self, pa_plan_find_zone (self->plan, zone_key));
}

static void
build_map (PaWindow *self)
{
  g_autoptr (PaTileSource) source = pa_tile_source_new (self->basemap);
  ShumateViewport *vp;
  GtkWidget *license, *scale;
  GtkGesture *click;

  self->map = shumate_map_new ();
  /* a short flight: the distance-based default took seconds between far zones */
  shumate_map_set_go_to_duration (self->map, 700);
  vp = shumate_map_get_viewport (self->map);
  shumate_viewport_set_reference_map_source (vp, SHUMATE_MAP_SOURCE (source));
  shumate_viewport_set_min_zoom_level (vp, 3);
  shumate_viewport_set_max_zoom_level (vp, 16);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (shumate_map_layer_new (SHUMATE_MAP_SOURCE (source), vp)));
  self->zone_layer = pa_zone_layer_new (vp, self->basemap);
  shumate_map_add_layer (self->map, SHUMATE_LAYER (self->zone_layer));
  gtk_widget_set_hexpand (GTK_WIDGET (self->map), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->map), TRUE);
  gtk_overlay_set_child (self->map_overlay, GTK_WIDGET (self->map));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (map_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self->map), GTK_EVENT_CONTROLLER (click));

  self->legend = PA_LEGEND (pa_legend_new ());
  gtk_widget_set_halign (GTK_WIDGET (self->legend), GTK_ALIGN_START);
  gtk_widget_set_valign (GTK_WIDGET (self->legend), GTK_ALIGN_END);
  gtk_widget_set_margin_start (GTK_WIDGET (self->legend), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->legend), 12);
  gtk_overlay_add_overlay (self->map_overlay, GTK_WIDGET (self->legend));

  {
    GtkWidget *fit = gtk_button_new_from_icon_name ("zoom-fit-best-symbolic");
    gtk_widget_set_tooltip_text (fit, _("Show the whole plan (Ctrl+Home)"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (fit), "win.fit-plan");
    gtk_widget_add_css_class (fit, "osd");
    gtk_widget_add_css_class (fit, "circular");
    gtk_widget_set_halign (fit, GTK_ALIGN_END);
    gtk_widget_set_valign (fit, GTK_ALIGN_START);
    gtk_widget_set_margin_end (fit, 12);
    gtk_widget_set_margin_top (fit, 64);
    gtk_overlay_add_overlay (self->map_overlay, fit);
  }

  scale = GTK_WIDGET (shumate_scale_new (vp));
  gtk_widget_set_halign (scale, GTK_ALIGN_END);
  gtk_widget_set_valign (scale, GTK_ALIGN_START);
  gtk_widget_set_margin_end (scale, 12);
  gtk_widget_set_margin_top (scale, 12);
  gtk_overlay_add_overlay (self->map_overlay, scale);

  license = GTK_WIDGET (shumate_license_new ());
  shumate_license_append_map_source (SHUMATE_LICENSE (license), SHUMATE_MAP_SOURCE (source));
  gtk_widget_set_halign (license, GTK_ALIGN_END);
  gtk_widget_set_valign (license, GTK_ALIGN_END);
  gtk_overlay_add_overlay (self->map_overlay, license);
}

static void
pa_window_dispose (GObject *object)
{
  PaWindow *self = PA_WINDOW (object);
  g_clear_object (&self->selected);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->plans, g_hash_table_unref);
  g_clear_pointer (&self->findings, g_hash_table_unref);
  g_clear_pointer (&self->slugs, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->basemap);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_WINDOW);
  G_OBJECT_CLASS (pa_window_parent_class)->dispose (object);
}

static void
pa_window_class_init (PaWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pa_window_dispose;
  g_type_ensure (PA_TYPE_ZONE_DETAILS);
  gtk_widget_class_set_template_from_resource (widget_class, PA_RESOURCE_PATH "/pa-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PaWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, plan_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, zone_list);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, details);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, map_overlay);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, industries_page);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.targets", NULL, targets_action);
  gtk_widget_class_install_action (widget_class, "win.fit-plan", NULL, fit_plan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, "win.fit-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
}

static void
pa_window_init (PaWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->plans = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->findings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->slugs = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_swapped (self->zone_list, "row-selected", G_CALLBACK (zone_row_selected), self);
}

PaWindow *
pa_window_new (GtkApplication *app, PaStore *store, PaBasemap *basemap)
{
  PaWindow *self = g_object_new (PA_TYPE_WINDOW, "application", app, NULL);
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GError) error = NULL;

  self->store = g_object_ref (store);
  self->basemap = g_object_ref (basemap);
  build_map (self);
  self->industries = PA_INDUSTRY_BROWSER (pa_industry_browser_new (store));
  gtk_widget_set_vexpand (GTK_WIDGET (self->industries), TRUE);
  gtk_box_append (self->industries_page, GTK_WIDGET (self->industries));
  g_signal_connect_swapped (self->industries, "zone-activated", G_CALLBACK (industry_zone_activated), self);
  plans = pa_store_list_plans (store, &error);
  for (guint i = 0; plans && i < plans->len; i++)
    {
      char **pair = plans->pdata[i];
      g_ptr_array_add (self->slugs, g_strdup (pair[0]));
      gtk_string_list_append (names, pair[1]);
    }
  gtk_drop_down_set_model (self->plan_dropdown, G_LIST_MODEL (names));
  g_signal_connect_swapped (self->plan_dropdown, "notify::selected", G_CALLBACK (plan_dropdown_changed), self);
  if (self->slugs->len > 0)
    pa_window_show_plan (self, self->slugs->pdata[0], NULL);
  return self;
}

PaPlan *
pa_window_get_plan (PaWindow *self)
{
  return self->plan;
}

PaZone *
pa_window_get_selected_zone (PaWindow *self)
{
  return self->selected;
}

GtkListBox *
pa_window_get_zone_list (PaWindow *self)
{
  return self->zone_list;
}

char *
pa_window_get_details_text (PaWindow *self)
{
  return pa_zone_details_get_text (self->details);
}

PaIndustryBrowser *
pa_window_get_industry_browser (PaWindow *self)
{
  return self->industries;
}

GPtrArray *
pa_window_get_findings (PaWindow *self)
{
  return self->plan ? g_hash_table_lookup (self->findings, pa_plan_get_slug (self->plan)) : NULL;
}
