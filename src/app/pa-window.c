/* pa-window.c — wiring: the document's state into the widgets, the widgets' input into
 * the document's edits. Nothing here holds plan data of its own. */
#define G_LOG_DOMAIN "parkatlas-window"

#include "config.h"

#include "pa-window-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <shumate/shumate.h>

#include "pa-application.h"
#include "pa-industry-browser.h"
#include "pa-map-view.h"
#include "pa-targets-window.h"
#include "pa-zone-details.h"
#include "pa-zone-dialog.h"
#include "render/pa-exporter.h"
#include "render/pa-painter.h"


G_DEFINE_FINAL_TYPE (PaWindow, pa_window, ADW_TYPE_APPLICATION_WINDOW)

void
pa_window_toast (PaWindow *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* ---- the zone list, bound to the document's zones ---- */

static void fill_layers_menu (PaWindow *self, GPtrArray *plans);
static void layers_follow_plan (PaWindow *self);

/* A row is made once per visible slot (GtkListView recycles them): 10,000 zones no
 * longer mean 10,000 rows for GTK to measure when the window opens. */
static void
zone_row_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *swatch = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

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
  g_object_set_data (G_OBJECT (box), "swatch", swatch);
  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "subtitle", subtitle);
  gtk_list_item_set_child (item, box);
}

static void
update_row (GtkListItem *item)
{
  PaWindow *self = g_object_get_data (G_OBJECT (item), "window");
  PaZone *zone = gtk_list_item_get_item (item);
  PaPlan *plan = pa_document_get_plan (self->document);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkLabel *swatch = g_object_get_data (G_OBJECT (box), "swatch");
  GtkLabel *name = g_object_get_data (G_OBJECT (box), "name");
  GtkLabel *subtitle = g_object_get_data (G_OBJECT (box), "subtitle");
  PaColor c = pa_painter_role_color (plan, pa_zone_get_role (zone));
  g_autofree char *markup = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\" size=\"x-large\">●</span>",
                                             (int) (c.r * 255), (int) (c.g * 255), (int) (c.b * 255));
  /* ✎: something about the zone is the planner's, not the document's */
  g_autofree char *sub = g_strdup_printf ("%s · %s%s%s%s", pa_plan_lookup_role_label (plan, pa_zone_get_role (zone)),
                                          pa_zone_get_places (zone) ? pa_zone_get_places (zone) : "",
                                          pa_zone_get_schematic (zone) ? " · 示意" : "",
                                          pa_zone_get_inference (zone) ? " · 推定" : "",
                                          pa_zone_get_entered_by (zone) ? " · ✎" : "");
  gtk_label_set_markup (swatch, markup);
  gtk_label_set_label (name, pa_zone_get_name (zone));
  gtk_label_set_label (subtitle, sub);
}

static void
zone_row_bind (GtkSignalListItemFactory *factory, GtkListItem *item, PaWindow *self)
{
  g_object_set_data (G_OBJECT (item), "window", self);
  update_row (item);
  /* the row follows the zone's edits (and undo) while it shows that zone */
  g_signal_connect_object (gtk_list_item_get_item (item), "changed", G_CALLBACK (update_row), item,
                           G_CONNECT_SWAPPED);
}

static void
zone_row_unbind (GtkSignalListItemFactory *factory, GtkListItem *item, PaWindow *self)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), update_row, item);
}

static void
zone_list_selected (PaWindow *self)
{
  PaZone *zone = gtk_single_selection_get_selected_item (self->zone_selection);
  if (zone)
    pa_document_select_zone (self->document, zone);
}

static void
zone_row_activated (PaWindow *self, guint position, GtkListView *list)
{
  g_autoptr (PaZone) zone = g_list_model_get_item (G_LIST_MODEL (self->zone_selection), position);
  if (zone)
    pa_map_view_fit_zone (self->map_view, zone);
}

/* ---- following the document ---- */

static void
show_details (PaWindow *self)
{
  pa_zone_details_show (self->details, pa_document_get_plan (self->document),
                        pa_document_get_selected_zone (self->document), pa_document_get_findings (self->document),
                        pa_document_get_differences (self->document));
}

static void
selection_changed (PaWindow *self)
{
  PaZone *zone = pa_document_get_selected_zone (self->document);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->details), GTK_TYPE_SCROLLED_WINDOW);
  guint position;

  show_details (self);
  /* a new zone's details start at its name, not where the last one was scrolled to */
  if (scroller)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)), 0);
  if (zone && g_list_store_find (G_LIST_STORE (pa_document_get_zones (self->document)), zone, &position))
    {
      gtk_single_selection_set_selected (self->zone_selection, position);
      /* a zone chosen on the map shows in the list too, scrolled into view (GTK 4.8 has
       * no gtk_list_view_scroll_to: the list's own action) */
      gtk_widget_activate_action (GTK_WIDGET (self->zone_list), "list.scroll-to-item", "u", position);
    }
  else
    gtk_single_selection_set_selected (self->zone_selection, GTK_INVALID_LIST_POSITION);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-zone", zone != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-zone", zone != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.shape-zone", zone != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.draw-part", zone != NULL);
}

static void
plan_changed (PaWindow *self)
{
  PaPlan *plan = pa_document_get_plan (self->document);
  const char *slug = pa_plan_get_slug (plan);
  g_autofree char *source = pa_plan_dup_source_name (plan);
  g_autofree char *details = pa_plan_dup_source_details (plan);
  g_autofree char *file = g_path_get_basename (pa_store_get_path (pa_document_get_store (self->document)));
  g_autofree char *subtitle = NULL, *title = NULL;
  PaBBox extent;

  if (self->settings)
    g_settings_set_string (self->settings, "last-plan", slug);
  layers_follow_plan (self);
  adw_window_title_set_title (self->window_title, pa_plan_get_name (plan));
  /* the document as a reader knows it; its file only in the tooltip, for reviewers */
  subtitle = g_strdup_printf ("%s — %s", source, file);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  /* the file's name in the window title, as the desktop's window list shows it */
  title = g_strdup_printf ("%s — %s", file, _("Park Atlas"));
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), details);
  for (guint i = 0; i < self->slugs->len; i++)
    if (g_str_equal (self->slugs->pdata[i], slug) && gtk_drop_down_get_selected (self->plan_dropdown) != i)
      gtk_drop_down_set_selected (self->plan_dropdown, i);
  selection_changed (self);
  extent = pa_plan_get_extent (plan);
  if (!pa_bbox_is_empty (&extent))
    pa_map_view_fit (self->map_view, &extent, FALSE);
}

static void
document_changed (PaWindow *self, PaZone *zone)
{
  show_details (self);
}

static void
history_changed (PaWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", pa_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", pa_document_can_redo (self->document));
}

static gboolean
watch_file (gpointer data)
{
  PaWindow *self = data;
  if (pa_document_check_external_changes (self->document))
    pa_window_toast (self, _("The plan was changed by another program; showing its changes"));
  return G_SOURCE_CONTINUE;
}

/* ---- public API (tests and the application) ---- */

gboolean
pa_window_show_plan (PaWindow *self, const char *slug, GError **error)
{
  g_return_val_if_fail (PA_IS_WINDOW (self), FALSE);
  return pa_document_open_plan (self->document, slug, error);
}

void
pa_window_select_zone (PaWindow *self, PaZone *zone)
{
  g_return_if_fail (PA_IS_WINDOW (self));
  pa_document_select_zone (self->document, zone);
  pa_map_view_fit_zone (self->map_view, zone);
}

PaZone *
pa_window_click_map (PaWindow *self, double x, double y)
{
  return pa_map_view_click (self->map_view, x, y);
}

gboolean
pa_window_map_coords (PaWindow *self, double lon, double lat, double *x, double *y)
{
  return pa_map_view_coords (self->map_view, lon, lat, x, y);
}

void
pa_window_set_settings (PaWindow *self, GSettings *settings)
{
  if (self->settings)
    {
      g_settings_unbind (self, "default-width");
      g_settings_unbind (self, "default-height");
      g_settings_unbind (self, "maximized");
    }
  g_set_object (&self->settings, settings);
  if (!settings)
    return;
  /* the size it had when last closed, as GNOME applications do */
  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  pa_map_view_bind_settings (self->map_view, settings);
  pa_window_restore_tile_pack (self);
}

void
pa_window_set_recent_menu (PaWindow *self, GMenuModel *recent)
{
  g_menu_append_submenu (self->file_section, _("Open _Recent"), recent);
}

/* The plan chooser: the button shows the plan's name cut short where the window is
 * narrow; the list shows it whole. */
static void
plan_item_setup (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer short_form)
{
  GtkWidget *label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (short_form)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      gtk_label_set_width_chars (GTK_LABEL (label), 4);
    }
  gtk_list_item_set_child (item, label);
}

static void
plan_item_bind (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer short_form)
{
  GtkStringObject *name = gtk_list_item_get_item (item);
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (name));
}

static GtkListItemFactory *
plan_item_factory (gboolean short_form)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (plan_item_setup), GINT_TO_POINTER (short_form));
  g_signal_connect (factory, "bind", G_CALLBACK (plan_item_bind), GINT_TO_POINTER (short_form));
  return factory;
}

/* Files dropped on the window: as if opened from the file manager. */
static gboolean
files_dropped (GtkDropTarget *target, const GValue *value, double x, double y, PaWindow *self)
{
  GSList *files = g_value_get_boxed (value);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!PA_IS_APPLICATION (app))
    return FALSE;
  gtk_window_present (GTK_WINDOW (self));
  for (GSList *l = files; l; l = l->next)
    pa_application_open_file (PA_APPLICATION (app), l->data);
  return TRUE;
}

gboolean
pa_window_export_to (PaWindow *self, const char *path, GError **error)
{
  PaPlan *plan = pa_document_get_plan (self->document);
  g_return_val_if_fail (plan != NULL, FALSE);
  /* a figure, not a screenshot: the selection is not printed */
  return pa_export_plan (plan, self->basemap, NULL, path, error);
}

/* ---- actions ---- */

/* ---- search across every plan ---- */

static GtkWidget *
hit_row_new (PaSearchHit *hit)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (hit->text);
  g_autofree char *where = g_strdup_printf ("%s · %s%s%s", pa_search_hit_kind_label (hit->kind),
                                            hit->plan_name ? hit->plan_name : "",
                                            hit->plan_name && hit->context && *hit->context ? " · " : "",
                                            hit->context ? hit->context : "");
  GtkWidget *subtitle = gtk_label_new (where);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void search_changed (PaWindow *self);

void
pa_window_search (PaWindow *self, const char *text)
{
  g_autoptr (GError) error = NULL;
  GtkWidget *child;

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    {
      /* the field shows what is searched; its delayed "search-changed" would search again */
      g_signal_handlers_block_by_func (self->search_entry, search_changed, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      g_signal_handlers_unblock_by_func (self->search_entry, search_changed, self);
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->search_results))))
    gtk_list_box_remove (self->search_results, child);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  if (!*text)
    {
      gtk_stack_set_visible_child_name (self->side_stack, "zones");
      return;
    }
  self->hits = pa_store_search (pa_document_get_store (self->document), text, 60, &error);
  if (!self->hits)
    {
      g_warning ("search “%s”: %s", text, error->message);
      pa_window_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < self->hits->len; i++)
    gtk_list_box_append (self->search_results, hit_row_new (self->hits->pdata[i]));
  if (self->hits->len == 0)
    {
      GtkWidget *none = gtk_label_new (_("Nothing in any plan matches."));
      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_list_box_append (self->search_results, none);
    }
  gtk_stack_set_visible_child_name (self->side_stack, "search");
}

GPtrArray *
pa_window_get_search_hits (PaWindow *self)
{
  return self->hits;
}

static void
search_changed (PaWindow *self)
{
  pa_window_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

/* A result: its plan shown, its zone selected and in view, or the map on its district or
 * its site. */
void
pa_window_show_hit (PaWindow *self, PaSearchHit *hit)
{
  g_autoptr (GError) error = NULL;
  PaPlan *plan = pa_document_get_plan (self->document);

  if (hit->plan_slug && (!plan || g_strcmp0 (pa_plan_get_slug (plan), hit->plan_slug) != 0)
      && !pa_window_show_plan (self, hit->plan_slug, &error))
    {
      pa_window_toast (self, error->message);
      return;
    }
  plan = pa_document_get_plan (self->document);
  if (hit->zone_key && plan && pa_plan_find_zone (plan, hit->zone_key))
    {
      PaZone *zone = pa_plan_find_zone (plan, hit->zone_key);
      pa_document_select_zone (self->document, zone);
      pa_map_view_fit_zone (self->map_view, zone);
    }
  else if (hit->code)
    {
      for (guint i = 0; i < pa_basemap_get_n_districts (self->basemap); i++)
        {
          const char *code;
          PaGeometry *g = pa_basemap_get_district (self->basemap, i, &code, NULL);
          if (g_strcmp0 (code, hit->code) == 0)
            {
              PaBBox box = pa_geometry_get_bbox (g);
              pa_map_view_fit (self->map_view, &box, TRUE);
            }
        }
    }
  else if (!isnan (hit->lon))
    {
      PaBBox box = { hit->lon - 0.02, hit->lat - 0.02, hit->lon + 0.02, hit->lat + 0.02 };
      pa_map_view_fit (self->map_view, &box, TRUE);
    }
}

static void
hit_activated (PaWindow *self, GtkListBoxRow *row)
{
  int i = gtk_list_box_row_get_index (row);
  if (self->hits && i >= 0 && (guint) i < self->hits->len)
    pa_window_show_hit (self, self->hits->pdata[i]);
}

/* Enter in the search field takes the first result; Down moves into the results. */
static void
search_activated (PaWindow *self)
{
  if (self->hits && self->hits->len > 0)
    pa_window_show_hit (self, self->hits->pdata[0]);
}

static gboolean
search_key (GtkEventControllerKey *keys, guint keyval, guint keycode, GdkModifierType state, PaWindow *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->search_results, 0);
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) && first && self->hits && self->hits->len)
    {
      gtk_widget_grab_focus (GTK_WIDGET (first));
      return TRUE;
    }
  return FALSE;
}

static void
search_stopped (PaWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  adw_flap_set_reveal_flap (self->flap, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* F9: the zones and details beside the map, or (in a narrow window) over it. */
static void
toggle_panel_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* Back to the whole plan, as when it was opened. */
static void
fit_plan_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  PaPlan *plan = pa_document_get_plan (self->document);
  PaBBox extent;
  if (!plan)
    return;
  extent = pa_plan_get_extent (plan);
  if (!pa_bbox_is_empty (&extent))
    pa_map_view_fit (self->map_view, &extent, TRUE);
}

static void
targets_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  if (pa_document_get_plan (self->document))
    gtk_window_present (GTK_WINDOW (pa_targets_window_new (GTK_WINDOW (self), self->document)));
}

static void
undo_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *label = g_strdup (pa_document_get_undo_label (self->document));
  if (!pa_document_undo (self->document, &error))
    pa_window_toast (self, error->message);
  else
    {
      g_autofree char *msg = g_strdup_printf (_("Undone: %s"), label);
      pa_window_toast (self, msg);
    }
}

static void
redo_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  if (!pa_document_redo (self->document, &error))
    pa_window_toast (self, error->message);
}

static void
delete_zone_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  PaZone *zone = pa_document_get_selected_zone (self->document);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;

  if (!zone)
    return;
  name = g_strdup (pa_zone_get_name (zone));
  if (!pa_document_delete_zone (self->document, zone, &error))
    pa_window_toast (self, error->message);
  else
    {
      /* deleting needs no confirmation: the toast's Undo brings it all back */
      g_autofree char *msg = g_strdup_printf (_("Deleted “%s”"), name);
      AdwToast *t = adw_toast_new (msg);
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, "win.undo");
      adw_toast_overlay_add_toast (self->toast_overlay, t);
    }
}

typedef gboolean (*NameDone) (PaDocument *document, const char *name, GError **error);

static void
name_response (AdwMessageDialog *dialog, const char *response, PaWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  NameDone done = g_object_get_data (G_OBJECT (dialog), "done");
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "ok") && !done (self->document, gtk_editable_get_text (entry), &error))
    pa_window_toast (self, error->message);
}

/* Asks for a name in a small dialog; @done makes the plan with it. */
static void
ask_name (PaWindow *self, const char *heading, const char *body, const char *suggestion, const char *ok, NameDone done)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), suggestion);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "ok", ok, NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "done", done);
  g_signal_connect (dialog, "response", G_CALLBACK (name_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
new_plan_named (PaDocument *document, const char *name, GError **error)
{
  return pa_document_new_plan (document, name, NULL, NULL, error);
}

static void
duplicate_plan_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  PaPlan *plan = pa_document_get_plan (self->document);
  g_autofree char *suggestion = NULL;
  if (!plan)
    return;
  suggestion = g_strdup_printf (_("%s — scenario"), pa_plan_get_name (plan));
  ask_name (self, _("Duplicate as Scenario"),
            _("An alternative layout to try: a copy of the plan, compared with it as you change it."), suggestion,
            _("_Duplicate"), pa_document_duplicate_plan);
}

static void
new_plan_action (GtkWidget *widget, const char *action, GVariant *param)
{
  ask_name (PA_WINDOW (widget), _("New Plan"), _("A plan of your own, with no source document: draw its zones."),
            _("New plan"), _("C_reate"), new_plan_named);
}

static void
place_organisation_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  gint64 id = g_variant_get_int64 (param);
  GPtrArray *orgs = pa_plan_get_organisations (pa_document_get_plan (self->document));

  for (guint i = 0; i < orgs->len; i++)
    if (((PaOrganisation *) orgs->pdata[i])->id == id)
      pa_map_view_place (self->map_view, id, ((PaOrganisation *) orgs->pdata[i])->name);
}

static void
edit_zone_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  PaZone *zone = pa_document_get_selected_zone (self->document);
  if (zone)
    gtk_window_present (GTK_WINDOW (pa_zone_dialog_new (GTK_WINDOW (self), self->document, self->basemap, zone, NULL)));
}

static void
draw_part_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  PaZone *zone = pa_document_get_selected_zone (self->document);
  if (zone)
    pa_map_view_draw_part (self->map_view, zone);
}

static void
shape_zone_action (GtkWidget *widget, const char *action, GVariant *param)
{
  pa_map_view_toggle_shaping (PA_WINDOW (widget)->map_view);
}

static void
draw_zone_action (GtkWidget *widget, const char *action, GVariant *param)
{
  pa_map_view_toggle_drawing (PA_WINDOW (widget)->map_view);
}

static void
clear_pending (PaEditLayer *layer, GtkWidget *dialog)
{
  pa_edit_layer_set_pending (layer, NULL);
}

static void
outline_drawn (PaWindow *self, PaGeometry *outline, PaZone *zone)
{
  g_autoptr (GError) error = NULL;
  if (zone)
    {
      if (!pa_document_add_part (self->document, zone, outline, &error))
        pa_window_toast (self, error->message);
      return;
    }
  /* a new zone: its name and role first, the outline still on the map meanwhile */
  {
    PaZoneDialog *dialog = pa_zone_dialog_new (GTK_WINDOW (self), self->document, self->basemap, NULL, outline);
    PaEditLayer *layer = pa_map_view_get_edit_layer (self->map_view);
    pa_edit_layer_set_pending (layer, outline);
    g_signal_connect_object (dialog, "destroy", G_CALLBACK (clear_pending), layer, G_CONNECT_SWAPPED);
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

static gboolean
key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode, GdkModifierType state, PaWindow *self)
{
  return pa_map_view_key (self->map_view, keyval);
}

/* From the industry browser: show that plan, and the zone if the row names one. */
static void
industry_zone_activated (PaWindow *self, const char *slug, const char *zone_key)
{
  g_autoptr (GError) error = NULL;
  if (!pa_window_show_plan (self, slug, &error))
    {
      pa_window_toast (self, error->message);
      return;
    }
  if (zone_key && *zone_key)
    pa_window_select_zone (self, pa_plan_find_zone (pa_document_get_plan (self->document), zone_key));
}

/* The plan chooser lists the file's plans: again after a scenario or a new plan. */
static void
fill_plans (PaWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = pa_document_list_plans (self->document, &error);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  PaPlan *plan = pa_document_get_plan (self->document);

  if (!plans)
    {
      g_warning ("%s: %s", pa_store_get_path (pa_document_get_store (self->document)), error->message);
      return;
    }
  g_ptr_array_set_size (self->slugs, 0);
  for (guint i = 0; i < plans->len; i++)
    {
      char **pair = plans->pdata[i];
      g_ptr_array_add (self->slugs, g_strdup (pair[0]));
      gtk_string_list_append (names, pair[1]);
    }
  fill_layers_menu (self, plans);
  g_menu_remove_all (self->compare_menu);
  for (guint i = 0; i < plans->len; i++)
    {
      char **pair = plans->pdata[i];
      g_autoptr (GMenuItem) item = g_menu_item_new (pair[1], NULL);
      g_menu_item_set_action_and_target (item, "win.compare", "s", pair[0]);
      g_menu_append_item (self->compare_menu, item);
    }
  self->filling = TRUE;
  gtk_drop_down_set_model (self->plan_dropdown, G_LIST_MODEL (names));
  for (guint i = 0; plan && i < self->slugs->len; i++)
    if (g_str_equal (self->slugs->pdata[i], pa_plan_get_slug (plan)))
      gtk_drop_down_set_selected (self->plan_dropdown, i);
  self->filling = FALSE;
}

static void
plan_dropdown_changed (PaWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->plan_dropdown);
  g_autoptr (GError) error = NULL;
  if (self->filling)
    return;
  if (i < self->slugs->len && !pa_window_show_plan (self, self->slugs->pdata[i], &error))
    pa_window_toast (self, error->message);
}

/* ---- other plans as layers ---- */

gboolean
pa_window_show_layer (PaWindow *self, const char *slug, gboolean shown, GError **error)
{
  g_return_val_if_fail (PA_IS_WINDOW (self), FALSE);
  if (shown && pa_document_get_plan (self->document)
      && g_strcmp0 (slug, pa_plan_get_slug (pa_document_get_plan (self->document))) == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_UNKNOWN_PLAN,
                   _("“%s” is the plan this window shows: it is not shown again as a layer"),
                   pa_plan_get_name (pa_document_get_plan (self->document)));
      return FALSE;
    }
  if (shown)
    {
      g_autoptr (PaPlan) plan = pa_store_load_plan (pa_document_get_store (self->document), slug, error);
      if (!plan)
        return FALSE;
      pa_map_view_add_plan_layer (self->map_view, plan);
    }
  else
    pa_map_view_remove_plan_layer (self->map_view, slug);
  /* the menu's check follows, whoever asked */
  for (guint i = 0; i < self->slugs->len; i++)
    if (g_str_equal (self->slugs->pdata[i], slug))
      {
        g_autofree char *name = g_strdup_printf ("p%u", i);
        GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->layer_actions), name);
        if (action)
          g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (shown));
      }
  return TRUE;
}

static void
layer_toggled (GSimpleAction *action, GVariant *param, PaWindow *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (action), "index"));
  gboolean shown = !g_variant_get_boolean (g_action_get_state (G_ACTION (action)));
  g_autoptr (GError) error = NULL;
  if (i < self->slugs->len && !pa_window_show_layer (self, self->slugs->pdata[i], shown, &error))
    pa_window_toast (self, error->message);
}

/* The window's own plan is not offered as a layer of itself; shown as one before it
 * became the window's plan, it is taken off. */
static void
layers_follow_plan (PaWindow *self)
{
  PaPlan *plan = pa_document_get_plan (self->document);
  const char *own = plan ? pa_plan_get_slug (plan) : NULL;
  for (guint i = 0; i < self->slugs->len; i++)
    {
      g_autofree char *name = g_strdup_printf ("p%u", i);
      GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->layer_actions), name);
      gboolean is_own = g_strcmp0 (self->slugs->pdata[i], own) == 0;
      if (action)
        g_simple_action_set_enabled (G_SIMPLE_ACTION (action), !is_own);
      if (is_own && action && g_variant_get_boolean (g_action_get_state (action)))
        pa_window_show_layer (self, own, FALSE, NULL);
    }
}

/* A check item per plan; the plans shown stay shown when the list is made again. */
static void
fill_layers_menu (PaWindow *self, GPtrArray *plans)
{
  g_autoptr (GPtrArray) shown = pa_map_view_dup_layer_plans (self->map_view);
  g_auto (GStrv) old = g_action_group_list_actions (G_ACTION_GROUP (self->layer_actions));

  for (guint i = 0; old[i]; i++)
    g_action_map_remove_action (G_ACTION_MAP (self->layer_actions), old[i]);
  g_menu_remove_all (self->layers_menu);
  for (guint i = 0; i < plans->len; i++)
    {
      char **pair = plans->pdata[i];
      g_autofree char *name = g_strdup_printf ("p%u", i), *detailed = g_strdup_printf ("layer.p%u", i);
      gboolean on = FALSE;
      g_autoptr (GSimpleAction) action = NULL;
      for (guint k = 0; k < shown->len; k++)
        on |= g_strcmp0 (pa_plan_get_slug (shown->pdata[k]), pair[0]) == 0;
      action = g_simple_action_new_stateful (name, NULL, g_variant_new_boolean (on));
      g_object_set_data (G_OBJECT (action), "index", GUINT_TO_POINTER (i));
      g_signal_connect (action, "activate", G_CALLBACK (layer_toggled), self);
      g_action_map_add_action (G_ACTION_MAP (self->layer_actions), G_ACTION (action));
      g_menu_append (self->layers_menu, pair[1], detailed);
    }
  layers_follow_plan (self);
}

/* ---- a second plan beside this one ---- */

gboolean
pa_window_compare (PaWindow *self, const char *slug, GError **error)
{
  PaComparePane *pane = NULL;

  g_return_val_if_fail (PA_IS_WINDOW (self), FALSE);
  if (slug && *slug)
    {
      pane = pa_compare_pane_new (pa_document_get_store (self->document), self->basemap, slug, error);
      if (!pane)
        return FALSE;
    }
  if (self->compare)
    {
      gtk_box_remove (self->map_box, GTK_WIDGET (self->compare));
      gtk_box_remove (self->map_box, self->compare_separator);
      self->compare = NULL;
      self->compare_separator = NULL;
    }
  if (pane)
    {
      self->compare_separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
      gtk_box_append (self->map_box, self->compare_separator);
      gtk_box_append (self->map_box, GTK_WIDGET (pane));
      self->compare = pane;
      pa_compare_pane_follow (pane, self->map_view);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-comparing", self->compare != NULL);
  return TRUE;
}

PaComparePane *
pa_window_get_compare_pane (PaWindow *self)
{
  g_return_val_if_fail (PA_IS_WINDOW (self), NULL);
  return self->compare;
}

static void
compare_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  g_autoptr (GError) error = NULL;
  if (!pa_window_compare (self, g_variant_get_string (param, NULL), &error))
    pa_window_toast (self, error->message);
}

static void
stop_comparing_action (GtkWidget *widget, const char *action, GVariant *param)
{
  pa_window_compare (PA_WINDOW (widget), NULL, NULL);
}

/* ---- building ---- */

static void
build_map (PaWindow *self)
{
  self->map_view = pa_map_view_new (self->document, self->basemap);
  g_signal_connect_swapped (self->map_view, "outline-drawn", G_CALLBACK (outline_drawn), self);
  g_signal_connect_swapped (self->map_view, "message", G_CALLBACK (pa_window_toast), self);
  gtk_box_append (self->map_box, GTK_WIDGET (self->map_view));
}

static void
pa_window_dispose (GObject *object)
{
  PaWindow *self = PA_WINDOW (object);
  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_pointer (&self->slugs, g_ptr_array_unref);
  g_clear_object (&self->layer_actions);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  g_clear_object (&self->basemap);
  g_clear_object (&self->settings);
  if (self->zone_selection)
    g_signal_handlers_disconnect_by_data (self->zone_selection, self);
  g_clear_object (&self->zone_selection);
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_WINDOW);
  g_clear_object (&self->document);
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
  gtk_widget_class_bind_template_child (widget_class, PaWindow, map_box);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, industries_page);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, file_section);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, compare_menu);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, layers_menu);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PaWindow, search_results);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.toggle-panel", NULL, toggle_panel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-panel", NULL);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, pa_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.targets", NULL, targets_action);
  gtk_widget_class_install_action (widget_class, "win.fit-plan", NULL, fit_plan_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.edit-zone", NULL, edit_zone_action);
  gtk_widget_class_install_action (widget_class, "win.delete-zone", NULL, delete_zone_action);
  gtk_widget_class_install_action (widget_class, "win.draw-zone", NULL, draw_zone_action);
  gtk_widget_class_install_action (widget_class, "win.draw-part", NULL, draw_part_action);
  gtk_widget_class_install_action (widget_class, "win.shape-zone", NULL, shape_zone_action);
  gtk_widget_class_install_action (widget_class, "win.duplicate-plan", NULL, duplicate_plan_action);
  gtk_widget_class_install_action (widget_class, "win.new-plan", NULL, new_plan_action);
  gtk_widget_class_install_action (widget_class, "win.place-organisation", "x", place_organisation_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, pa_window_import_action);
  gtk_widget_class_install_action (widget_class, "win.export-data", NULL, pa_window_export_data_action);
  gtk_widget_class_install_action (widget_class, "win.compare", "s", compare_action);
  gtk_widget_class_install_action (widget_class, "win.stop-comparing", NULL, stop_comparing_action);
  gtk_widget_class_install_action (widget_class, "win.open-tile-pack", NULL, pa_window_open_tile_pack_action);
  gtk_widget_class_install_action (widget_class, "win.remove-tile-pack", NULL, pa_window_remove_tile_pack_action);
  gtk_widget_class_install_action (widget_class, "win.show-tile-pack", NULL, pa_window_show_tile_pack_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, "win.fit-plan", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "win.targets", NULL);
  /* the selected zone's form, from the keyboard */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "win.edit-zone", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.draw-zone", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.shape-zone", NULL);
}

static void
pa_window_init (PaWindow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-tile-pack", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.stop-comparing", FALSE);
  self->layer_actions = g_simple_action_group_new ();
  gtk_widget_insert_action_group (GTK_WIDGET (self), "layer", G_ACTION_GROUP (self->layer_actions));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-tile-pack", FALSE);
  {
    g_autoptr (GtkListItemFactory) button = plan_item_factory (TRUE);
    g_autoptr (GtkListItemFactory) list = plan_item_factory (FALSE);
    gtk_drop_down_set_factory (self->plan_dropdown, button);
    g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed), self);
    g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (search_stopped), self);
    g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (search_activated), self);
    {
      GtkEventController *search_keys = gtk_event_controller_key_new ();
      g_signal_connect (search_keys, "key-pressed", G_CALLBACK (search_key), self);
      gtk_widget_add_controller (GTK_WIDGET (self->search_entry), search_keys);
    }
    g_signal_connect_swapped (self->search_results, "row-activated", G_CALLBACK (hit_activated), self);
    gtk_drop_down_set_list_factory (self->plan_dropdown, list);
  }
  g_signal_connect (drop, "drop", G_CALLBACK (files_dropped), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  self->slugs = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_swapped (self->zone_list, "activate", G_CALLBACK (zone_row_activated), self);
  /* Esc, Enter, Backspace and Delete go to the drawing first, wherever the focus is */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

PaWindow *
pa_window_new (GtkApplication *app, PaDocument *document, PaBasemap *basemap)
{
  PaWindow *self = g_object_new (PA_TYPE_WINDOW, "application", app, NULL);
  g_autoptr (GError) error = NULL;
  PaStore *store = pa_document_get_store (document);

  self->document = g_object_ref (document);
  self->basemap = g_object_ref (basemap);
  build_map (self);
  self->industries = PA_INDUSTRY_BROWSER (pa_industry_browser_new (store));
  gtk_widget_set_vexpand (GTK_WIDGET (self->industries), TRUE);
  gtk_box_append (self->industries_page, GTK_WIDGET (self->industries));
  g_signal_connect_swapped (self->industries, "zone-activated", G_CALLBACK (industry_zone_activated), self);

  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
    g_signal_connect (factory, "setup", G_CALLBACK (zone_row_setup), self);
    g_signal_connect (factory, "bind", G_CALLBACK (zone_row_bind), self);
    g_signal_connect (factory, "unbind", G_CALLBACK (zone_row_unbind), self);
    self->zone_selection = gtk_single_selection_new (g_object_ref (pa_document_get_zones (document)));
    gtk_single_selection_set_autoselect (self->zone_selection, FALSE);
    gtk_single_selection_set_can_unselect (self->zone_selection, TRUE);
    gtk_single_selection_set_selected (self->zone_selection, GTK_INVALID_LIST_POSITION);
    g_signal_connect_swapped (self->zone_selection, "notify::selected", G_CALLBACK (zone_list_selected), self);
    gtk_list_view_set_factory (self->zone_list, factory);
    gtk_list_view_set_model (self->zone_list, GTK_SELECTION_MODEL (self->zone_selection));
    g_object_unref (factory);
  }
  g_signal_connect_swapped (document, "notify::plan", G_CALLBACK (plan_changed), self);
  g_signal_connect_swapped (document, "notify::selected-zone", G_CALLBACK (selection_changed), self);
  g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed), self);
  g_signal_connect_swapped (document, "notify::differences", G_CALLBACK (show_details), self);
  g_signal_connect_swapped (document, "notify::can-undo", G_CALLBACK (history_changed), self);
  g_signal_connect_swapped (document, "notify::can-redo", G_CALLBACK (history_changed), self);
  history_changed (self);

  fill_plans (self);
  g_signal_connect_swapped (document, "plans-changed", G_CALLBACK (fill_plans), self);
  g_signal_connect_swapped (self->plan_dropdown, "notify::selected", G_CALLBACK (plan_dropdown_changed), self);
  if (pa_document_get_plan (document))
    plan_changed (self);
  else if (self->slugs->len > 0 && !pa_window_show_plan (self, self->slugs->pdata[0], &error))
    pa_window_toast (self, error->message);
  self->watch_id = g_timeout_add_seconds (2, watch_file, self);
  return self;
}

PaDocument *
pa_window_get_document (PaWindow *self)
{
  return self->document;
}

PaPlan *
pa_window_get_plan (PaWindow *self)
{
  return pa_document_get_plan (self->document);
}

PaZone *
pa_window_get_selected_zone (PaWindow *self)
{
  return pa_document_get_selected_zone (self->document);
}

GtkListView *
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
  return pa_document_get_findings (self->document);
}

PaEditLayer *
pa_window_get_edit_layer (PaWindow *self)
{
  return pa_map_view_get_edit_layer (self->map_view);
}

ShumateMap *
pa_window_get_map (PaWindow *self)
{
  return pa_map_view_get_map (self->map_view);
}

PaMapView *
pa_window_get_map_view (PaWindow *self)
{
  return self->map_view;
}

AdwFlap *
pa_window_get_flap (PaWindow *self)
{
  return self->flap;
}
