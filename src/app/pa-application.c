/* pa-application.c */
#define G_LOG_DOMAIN "parkatlas"

#include "config.h"

#include "pa-application.h"

#include <glib/gi18n.h>

#include "pa-window.h"

struct _PaApplication
{
  AdwApplication parent_instance;
  PaStore *store;
  PaDocument *document;
  PaBasemap *basemap;
  char *initial_plan;
};

G_DEFINE_FINAL_TYPE (PaApplication, pa_application, ADW_TYPE_APPLICATION)

static void
pa_application_activate (GApplication *app)
{
  PaApplication *self = PA_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (!window)
    {
      PaWindow *w;
      if (!self->document)
        self->document = pa_document_new (self->store);
      w = pa_window_new (GTK_APPLICATION (app), self->document, self->basemap);
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr (GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, PA_APP_ID, TRUE) : NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *last = NULL;

      /* uninstalled builds have no compiled schema: then nothing is remembered */
      if (schema)
        {
          g_autoptr (GSettings) settings = g_settings_new (PA_APP_ID);
          last = g_settings_get_string (settings, "last-plan");
          pa_window_set_settings (w, settings);
        }
      if (self->initial_plan && !pa_window_show_plan (w, self->initial_plan, &error))
        g_printerr ("%s\n", error->message);
      else if (!self->initial_plan && last && *last && !pa_window_show_plan (w, last, &error))
        g_warning ("last plan: %s", error->message); /* a plan since removed: stay on the first */
      window = GTK_WINDOW (w);
    }
  gtk_window_present (window);
}

static void
about_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { "Park Atlas contributors", NULL };
  adw_show_about_window (parent,
                         "application-name", _("Park Atlas"),
                         "application-icon", PA_APP_ID,
                         "version", PA_VERSION,
                         "comments", _("Biomedical industrial park layouts of Chinese plans, on an offline map"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         "legal-sections", NULL,
                         NULL);
}

static void
quit_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
pa_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "about", about_action },
    { "quit", quit_action },
  };
  const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (pa_application_parent_class)->startup (app);
  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
pa_application_finalize (GObject *object)
{
  PaApplication *self = PA_APPLICATION (object);
  g_clear_object (&self->document);
  g_clear_object (&self->store);
  g_clear_object (&self->basemap);
  g_free (self->initial_plan);
  G_OBJECT_CLASS (pa_application_parent_class)->finalize (object);
}

static void
pa_application_class_init (PaApplicationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pa_application_finalize;
  G_APPLICATION_CLASS (klass)->activate = pa_application_activate;
  G_APPLICATION_CLASS (klass)->startup = pa_application_startup;
}

static void
pa_application_init (PaApplication *self)
{
}

PaApplication *
pa_application_new (PaStore *store, PaBasemap *basemap, const char *initial_plan)
{
  /* NON_UNIQUE: each process shows its own --db; a second instance must not hand its
   * command line to a window showing another database. */
  PaApplication *self = g_object_new (PA_TYPE_APPLICATION, "application-id", PA_APP_ID,
                                      "flags", G_APPLICATION_NON_UNIQUE, NULL);
  self->store = g_object_ref (store);
  self->basemap = g_object_ref (basemap);
  self->initial_plan = g_strdup (initial_plan);
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
