/* main.c — the command line: the window, or --list-plans / --export without a display.
 *
 * Every command opens the same PaStore and uses the same objects as the window.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "app/pa-application.h"
#include "audit/pa-audit.h"
#include "render/pa-exporter.h"
#include "store/pa-store.h"

static void
setup_i18n (void)
{
  const char *dir = g_getenv ("PARKATLAS_LOCALEDIR");
  g_autofree char *mo = g_build_filename (PA_LOCALEDIR, "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  setlocale (LC_ALL, "");
  /* uninstalled runs (tests, ./build/src/parkatlas) use the catalogue the build made */
  if (!dir)
    dir = g_file_test (mo, G_FILE_TEST_EXISTS) ? PA_LOCALEDIR : PA_BUILD_LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static int
fail (GError *error)
{
  g_printerr ("parkatlas: %s\n", error->message);
  return 1;
}

int
main (int argc, char *argv[])
{
  g_autofree char *db = NULL, *export_path = NULL, *plan = NULL, *districts = NULL;
  gboolean list_plans = FALSE, version = FALSE, audit = FALSE;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Use this GeoPackage (created with the default plans if missing)"), N_("FILE") },
    { "plan", 'p', 0, G_OPTION_ARG_STRING, &plan, N_("The plan to show or export (see --list-plans)"), N_("SLUG") },
    { "list-plans", 0, 0, G_OPTION_ARG_NONE, &list_plans, N_("Print each plan's slug and name"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_path, N_("Export the plan's map to FILE (.pdf, .svg or .png) without opening a window"), N_("FILE") },
    { "audit", 0, 0, G_OPTION_ARG_NONE, &audit, N_("Check the plan's own arithmetic; prints one line per finding"), NULL },
    { "districts", 0, 0, G_OPTION_ARG_FILENAME, &districts, N_("District boundaries (GeoJSON with code and name) to build a new database from"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  PaStoreDefaults defaults = { 0 };

  setup_i18n ();
  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Park Atlas — biomedical industrial park layouts on an offline map."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return fail (error);
  if (version)
    {
      printf ("parkatlas %s\n", PA_VERSION);
      return 0;
    }
  if ((export_path || audit) && !plan)
    {
      g_printerr ("parkatlas: %s\n", _("--export and --audit need --plan SLUG (see --list-plans)"));
      return 2;
    }
  if (!db)
    db = pa_store_default_path ();
  defaults.districts_path = districts;
  store = pa_store_open (db, &defaults, &error);
  if (!store)
    {
      int status = fail (error);
      if (!list_plans && !export_path && !audit)
        pa_application_show_startup_error (error->message);
      return status;
    }

  if (list_plans)
    {
      g_autoptr (GPtrArray) plans = pa_store_list_plans (store, &error);
      if (!plans)
        return fail (error);
      for (guint i = 0; i < plans->len; i++)
        printf ("%s\t%s\n", ((char **) plans->pdata[i])[0], ((char **) plans->pdata[i])[1]);
      return 0;
    }

  if (audit)
    {
      g_autoptr (PaPlan) p = pa_store_load_plan (store, plan, &error);
      g_autoptr (GPtrArray) findings = NULL;
      guint checks = 0;
      if (!p)
        return fail (error);
      findings = pa_audit_plan (p, PA_AUDIT_DEFAULT_TOLERANCE, &checks);
      for (guint i = 0; i < findings->len; i++)
        {
          g_autofree char *line = pa_finding_format (findings->pdata[i]);
          printf ("%s\n", line);
        }
      /* the summary goes to stderr so stdout stays one line per finding */
      g_printerr (_("%s: %u checks, %u findings (tolerance ±1%%)\n"), plan, checks, findings->len);
      return 0;
    }

  if (export_path)
    {
      g_autoptr (PaPlan) p = pa_store_load_plan (store, plan, &error);
      g_autoptr (PaBasemap) basemap = NULL;
      if (!p)
        return fail (error);
      basemap = pa_store_load_basemap (store, &error);
      if (!basemap || !pa_export_plan (p, basemap, NULL, export_path, &error))
        return fail (error);
      printf (_("Wrote %s\n"), export_path);
      return 0;
    }

  {
    g_autoptr (PaBasemap) basemap = pa_store_load_basemap (store, &error);
    g_autoptr (PaApplication) app = NULL;
    if (!basemap)
      return fail (error);
    if (plan)
      {
        g_autoptr (PaPlan) check = pa_store_load_plan (store, plan, &error);
        if (!check)
          return fail (error);
      }
    app = pa_application_new (store, basemap, plan);
    return g_application_run (G_APPLICATION (app), argc, argv);
  }
}
