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
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  return self;
}
