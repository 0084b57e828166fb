/* pa-preferences-window.c */
#include "config.h"

#include "pa-preferences-window.h"

#include <glib/gi18n.h>

struct _PaPreferencesWindow
{
  AdwPreferencesWindow parent_instance;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (PaPreferencesWindow, pa_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* A row with a switch bound to @key. */
static GtkWidget *
switch_row (PaPreferencesWindow *self, const char *key, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  g_settings_bind (self->settings, key, toggle, "active", G_SETTINGS_BIND_DEFAULT);
  return row;
}

static const char *const online_kinds[] = { "none", "osm", "custom" };

static gboolean
kind_to_index (GValue *value, GVariant *variant, gpointer data)
{
  const char *kind = g_variant_get_string (variant, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (online_kinds); i++)
    if (g_strcmp0 (kind, online_kinds[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
index_to_kind (const GValue *value, const GVariantType *type, gpointer data)
{
  guint i = g_value_get_uint (value);
  return g_variant_new_string (online_kinds[i < G_N_ELEMENTS (online_kinds) ? i : 0]);
}

static gboolean
kind_is_custom (GValue *value, GVariant *variant, gpointer data)
{
  g_value_set_boolean (value, g_strcmp0 (g_variant_get_string (variant, NULL), "custom") == 0);
  return TRUE;
}

/* Online tiles: off unless chosen here; the template's rows only for custom tiles. */
static GtkWidget *
online_group (PaPreferencesWindow *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *kind = adw_combo_row_new ();
  GtkWidget *url = adw_entry_row_new ();
  GtkWidget *key = adw_password_entry_row_new ();
  GtkWidget *credit = adw_entry_row_new ();
  GtkWidget *gcj02 = switch_row (self, "online-gcj02", _("The tiles are in GCJ-02"),
                                 _("As AMap, Tencent and other Chinese web maps are: the tiles are shifted "
                                   "back under the zones"));
  g_autoptr (GtkStringList) kinds = gtk_string_list_new ((const char *const[]){
    _("Off: nothing is sent over the network"), _("OpenStreetMap"), _("Custom (XYZ URL template)"), NULL });
  GtkWidget *custom[] = { url, key, credit, gcj02 };

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Online map tiles"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Park Atlas works offline. Web tiles are fetched only when chosen "
                                           "here, kept in a disk cache, and drawn over the offline basemap, "
                                           "which shows wherever no tile comes."));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _("Tiles"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (kinds));
  g_settings_bind_with_mapping (self->settings, "online-tiles", kind, "selected", G_SETTINGS_BIND_DEFAULT,
                                kind_to_index, index_to_kind, NULL, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (url), _("URL template, with {x}, {y}, {z} and {key}"));
  g_settings_bind (self->settings, "online-url", url, "text", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (key), _("Access key (replaces {key})"));
  g_settings_bind (self->settings, "online-key", key, "text", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (credit), _("Attribution shown on the map"));
  g_settings_bind (self->settings, "online-attribution", credit, "text", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), kind);
  for (guint i = 0; i < G_N_ELEMENTS (custom); i++)
    {
      g_settings_bind_with_mapping (self->settings, "online-tiles", custom[i], "sensitive", G_SETTINGS_BIND_GET,
                                    kind_is_custom, NULL, NULL, NULL);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), custom[i]);
    }
  return group;
}

static void
pa_preferences_window_dispose (GObject *object)
{
  g_clear_object (&PA_PREFERENCES_WINDOW (object)->settings);
  G_OBJECT_CLASS (pa_preferences_window_parent_class)->dispose (object);
}

static void
pa_preferences_window_class_init (PaPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pa_preferences_window_dispose;
  /* a secondary window: Esc (AdwPreferencesWindow's own) and Ctrl+W close it */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
pa_preferences_window_init (PaPreferencesWindow *self)
{
}

PaPreferencesWindow *
pa_preferences_window_new (GtkWindow *parent, GSettings *settings)
{
  PaPreferencesWindow *self = g_object_new (PA_TYPE_PREFERENCES_WINDOW, "transient-for", parent,
                                            "modal", TRUE, "search-enabled", FALSE, NULL);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *editing = adw_preferences_group_new ();
  GtkWidget *files = adw_preferences_group_new ();
  GtkWidget *name = adw_entry_row_new ();

  self->settings = g_object_ref (settings);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (editing), _("Editing"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Your name on edits"));
  gtk_widget_set_tooltip_text (name, _("Shown beside what you enter or change (✎); leave it empty for your "
                                       "account's full name"));
  g_settings_bind (settings, "editor-name", name, "text", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (editing), name);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (editing),
                             switch_row (self, "snap", _("Snap to other zones and districts"),
                                         _("Points drawn near another outline take its exact position")));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (files), _("Planning databases"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (files),
                             switch_row (self, "reopen-last-database", _("Open the last database at start"),
                                         _("Otherwise Park Atlas opens the database in your data folder")));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (editing));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (files));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (online_group (self)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  return self;
}
