/* main.c — the command line: the window, or --list-plans / --export / --audit /
 * --import / --export-geojson / --export-csv without a display.
 *
 * Every command opens the same PaStore and uses the same objects as the window.
 */
#define G_LOG_DOMAIN "parkatlas"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "app/pa-application.h"
#include "audit/pa-audit.h"
#include "document/pa-document.h"
#include "io/pa-export-csv.h"
#include "io/pa-export-geojson.h"
#include "io/pa-import.h"
#include "map/pa-online-source.h"
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

/* The database opened last, when the settings say to reopen it and it is still there. */
static char *
last_database (void)
{
  g_autoptr (GSettings) settings = pa_application_settings_new ();
  g_autofree char *last = NULL;

  if (!settings || !g_settings_get_boolean (settings, "reopen-last-database"))
    return NULL;
  last = g_settings_get_string (settings, "last-database");
  if (!*last)
    return NULL;
  if (!g_file_test (last, G_FILE_TEST_EXISTS))
    {
      g_message ("the last database, %s, is gone: opening the default one", last);
      return NULL;
    }
  return g_steal_pointer (&last);
}

static int
fail (GError *error)
{
  g_printerr ("parkatlas: %s\n", error->message);
  return 1;
}

/* The figure's choices as given on the command line (--page, --lang …). */
typedef struct
{
  char *zone, *page, *orientation, *size, *title, *subtitle, *organisation, *date, *lang, *basemap, *web_tiles;
  int dpi;
  gboolean atlas;
} FigureArgs;

static void
figure_args_clear (FigureArgs *args)
{
  g_clear_pointer (&args->zone, g_free);
  g_clear_pointer (&args->page, g_free);
  g_clear_pointer (&args->orientation, g_free);
  g_clear_pointer (&args->size, g_free);
  g_clear_pointer (&args->title, g_free);
  g_clear_pointer (&args->subtitle, g_free);
  g_clear_pointer (&args->organisation, g_free);
  g_clear_pointer (&args->date, g_free);
  g_clear_pointer (&args->lang, g_free);
  g_clear_pointer (&args->basemap, g_free);
  g_clear_pointer (&args->web_tiles, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FigureArgs, figure_args_clear)

static gboolean
figure_args_given_besides_basemap (const FigureArgs *args)
{
  return args->zone || args->page || args->orientation || args->size || args->title || args->subtitle
         || args->organisation || args->date || args->lang || args->dpi || args->atlas || args->web_tiles;
}

static gboolean
figure_args_given (const FigureArgs *args)
{
  return figure_args_given_besides_basemap (args) || args->basemap;
}

/* --basemap FILE.mbtiles: the raster tile pack over the offline basemap. */
static PaMbtiles *
open_tile_pack (const char *path, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  if (!g_str_has_suffix (lower, ".mbtiles") && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_OPTION,
                   _("Unknown basemap “%s”: give none (no basemap) or an MBTiles tile pack (FILE.mbtiles)"), path);
      return NULL;
    }
  return pa_mbtiles_open (path, error);
}

/* --web-tiles: osm, the web map chosen in Preferences, or an XYZ address. Only this
 * option sends a figure's requests to the network. */
static PaTileProvider *
open_web_tiles (const char *what, GError **error)
{
  PaOnlineSource *source = NULL;

  if (g_str_equal (what, "osm"))
    source = pa_online_source_new (PA_ONLINE_OSM_URL, NULL, _("Map tiles © OpenStreetMap contributors"), FALSE);
  else if (g_str_equal (what, "preferences"))
    {
      g_autoptr (GSettingsSchema) schema
        = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), PA_APP_ID, TRUE);
      g_autoptr (GSettings) settings = schema ? g_settings_new (PA_APP_ID) : NULL;
      if (!settings || !(source = pa_online_source_new_for_settings (settings)))
        {
          g_set_error_literal (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_OPTION,
                               _("--web-tiles preferences: no web map is turned on in Preferences (Online map tiles)"));
          return NULL;
        }
    }
  else if ((g_str_has_prefix (what, "https://") || g_str_has_prefix (what, "http://")) && strstr (what, "{z}")
           && strstr (what, "{x}") && (strstr (what, "{y}") || strstr (what, "{tmsy}")))
    source = pa_online_source_new (what, NULL, NULL, FALSE);
  else
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_OPTION,
                   _("Unknown web map “%s”: give osm, preferences (the one chosen there) or an address with "
                     "{z}, {x} and {y}"),
                   what);
      return NULL;
    }
  return PA_TILE_PROVIDER (source);
}

/* The export options the arguments ask for; each refusal names the value. */
static gboolean
figure_options (const FigureArgs *args, PaExportOptions *options, GError **error)
{
  pa_export_options_init (options);
  if (args->page && !pa_paper_from_string (args->page, &options->paper, error))
    return FALSE;
  if (args->size && !pa_export_options_set_size (options, args->size, error))
    return FALSE;
  if (args->orientation && !pa_export_options_set_orientation (options, args->orientation, error))
    return FALSE;
  if (args->dpi && !pa_export_options_set_dpi (options, args->dpi, error))
    return FALSE;
  if (args->lang && !pa_export_options_set_lang (options, args->lang, error))
    return FALSE;
  if (g_strcmp0 (args->basemap, "none") == 0)
    options->show_basemap = FALSE;
  else if (args->basemap && !(options->tiles = (PaTileProvider *) open_tile_pack (args->basemap, error)))
    return FALSE;
  if (args->web_tiles && !(options->web_tiles = open_web_tiles (args->web_tiles, error)))
    return FALSE;
  if (args->zone)
    {
      options->extent = PA_EXTENT_ZONE;
      options->zone_key = g_strdup (args->zone);
    }
  options->atlas = args->atlas;
  options->title = g_strdup (args->title);
  options->subtitle = g_strdup (args->subtitle);
  options->organisation = g_strdup (args->organisation);
  options->date = g_strdup (args->date);
  return TRUE;
}

typedef struct
{
  char *path;
  char *crs;
  char *layer;
  char *encoding;
  char **fields;
  gboolean all_or_nothing;
} ImportArgs;

static void
import_args_clear (ImportArgs *args)
{
  g_clear_pointer (&args->path, g_free);
  g_clear_pointer (&args->crs, g_free);
  g_clear_pointer (&args->layer, g_free);
  g_clear_pointer (&args->encoding, g_free);
  g_clear_pointer (&args->fields, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ImportArgs, import_args_clear)

/* Imports into @plan: the summary on stdout, each row or feature left out (and each
 * note) on stderr; 0 when the file was read, 1 when it was refused. */
static int
run_import (PaStore *store, const char *plan, const ImportArgs *args)
{
  PaImportOptions options = PA_IMPORT_OPTIONS_INIT;
  g_autoptr (PaDocument) doc = pa_document_new (store);
  g_autoptr (PaImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *summary = NULL;
  GPtrArray *issues;

  if (args->crs && !pa_import_crs_from_string (args->crs, &options.crs, &error))
    return fail (error);
  options.layer = args->layer;
  options.encoding = args->encoding;
  options.fields = (const char *const *) args->fields;
  options.all_or_nothing = args->all_or_nothing;
  if (!pa_document_open_plan (doc, plan, &error))
    return fail (error);
  report = pa_import_file (doc, args->path, &options, &error);
  if (!report)
    return fail (error);
  issues = pa_import_report_get_issues (report);
  for (guint i = 0; i < issues->len; i++)
    {
      const PaImportIssue *issue = issues->pdata[i];
      g_autofree char *line = pa_import_issue_format (issue, args->path);
      g_printerr (issue->kind == PA_IMPORT_ISSUE_REJECTED  ? _("left out: %s\n")
                  : issue->kind == PA_IMPORT_ISSUE_SKIPPED ? _("skipped: %s\n")
                                                           : _("note: %s\n"),
                  line);
    }
  summary = pa_import_report_describe (report, pa_plan_get_name (pa_document_get_plan (doc)));
  printf ("%s\n", summary);
  return 0;
}

int
main (int argc, char *argv[])
{
  g_autofree char *db = NULL, *export_path = NULL, *plan = NULL, *districts = NULL;
  g_autofree char *export_geojson = NULL, *export_csv = NULL;
  gboolean list_plans = FALSE, version = FALSE, audit = FALSE;
  g_auto (ImportArgs) import = { 0 };
  g_auto (FigureArgs) figure = { 0 };
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Use this GeoPackage (created with the default plans if missing)"), N_("FILE") },
    { "plan", 'p', 0, G_OPTION_ARG_STRING, &plan, N_("The plan to show or export (see --list-plans)"), N_("SLUG") },
    { "list-plans", 0, 0, G_OPTION_ARG_NONE, &list_plans, N_("Print each plan's slug and name"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_path, N_("Export the plan's map to FILE (.pdf, .svg or .png) without opening a window"), N_("FILE") },
    { "zone", 0, 0, G_OPTION_ARG_STRING, &figure.zone, N_("With --export: the map of this zone, its neighbours muted"), N_("KEY") },
    { "atlas", 0, 0, G_OPTION_ARG_NONE, &figure.atlas, N_("With --export FILE.pdf: the plan's atlas, an overview, a page per zone, sources and audit"), NULL },
    { "page", 0, 0, G_OPTION_ARG_STRING, &figure.page, N_("Paper of the export: A4 (default), A3, A2, A1 or 16:9"), N_("PAGE") },
    { "orientation", 0, 0, G_OPTION_ARG_STRING, &figure.orientation, N_("landscape (default) or portrait"), N_("ORIENTATION") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &figure.size, N_("A custom page in millimetres, e.g. 400x300"), N_("WxH") },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &figure.dpi, N_("Resolution of a PNG export, 72–600 (default 144)"), N_("N") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &figure.title, N_("The figure's title (default: the plan's name)"), N_("TEXT") },
    { "subtitle", 0, 0, G_OPTION_ARG_STRING, &figure.subtitle, N_("The figure's subtitle (default: its source document)"), N_("TEXT") },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &figure.organisation, N_("The organisation that made the figure"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &figure.date, N_("The date shown on the figure"), N_("TEXT") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &figure.lang, N_("Language of the figure: zh or en (default: the interface's)"), N_("LANG") },
    { "basemap", 0, 0, G_OPTION_ARG_STRING, &figure.basemap, N_("A raster tile pack (FILE.mbtiles) over the basemap, for the window or --export; none: a figure without the basemap"), N_("FILE|none") },
    { "web-tiles", 0, 0, G_OPTION_ARG_STRING, &figure.web_tiles, N_("Web map tiles under the zones of an --export, fetched over the network: osm, preferences (the web map chosen there) or an address with {z}, {x} and {y}"), N_("SOURCE") },
    { "audit", 0, 0, G_OPTION_ARG_NONE, &audit, N_("Check the plan's own arithmetic; prints one line per finding"), NULL },
    { "districts", 0, 0, G_OPTION_ARG_FILENAME, &districts, N_("District boundaries (GeoJSON with code and name) to build a new database from"), N_("FILE") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import.path, N_("Import zones and enterprises from FILE (.geojson, .gpkg or .csv) into the plan"), N_("FILE") },
    { "crs", 0, 0, G_OPTION_ARG_STRING, &import.crs, N_("Coordinates of the imported file: wgs84 (default) or gcj02 (AMap, Tencent)"), N_("CRS") },
    { "layer", 0, 0, G_OPTION_ARG_STRING, &import.layer, N_("Import only this layer of a GeoPackage"), N_("NAME") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &import.encoding, N_("Encoding of an imported CSV (detected when not given: UTF-8 or GBK)"), N_("ENCODING") },
    { "field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &import.fields, N_("Which column holds a field, e.g. name=企业名称 (repeatable)"), N_("FIELD=COLUMN") },
    { "all-or-nothing", 0, 0, G_OPTION_ARG_NONE, &import.all_or_nothing, N_("Import nothing when any row or feature cannot be imported"), NULL },
    { "export-geojson", 0, 0, G_OPTION_ARG_FILENAME, &export_geojson, N_("Write the plan's zones and placed enterprises to FILE as GeoJSON"), N_("FILE") },
    { "export-csv", 0, 0, G_OPTION_ARG_FILENAME, &export_csv, N_("Write the plan's targets and enterprises as two CSV files for Excel (FILE-targets.csv, FILE-enterprises.csv)"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  PaStoreDefaults defaults = { 0 };
  gboolean created = FALSE;

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
  /* a tile pack also goes with the window */
  if (figure_args_given (&figure) && !export_path
      && !(figure.basemap && g_strcmp0 (figure.basemap, "none") != 0 && !figure_args_given_besides_basemap (&figure)))
    {
      g_printerr ("parkatlas: %s\n", _("--zone, --atlas, --page, --orientation, --size, --dpi, --title, --lang, --web-tiles and --basemap none go with --export FILE"));
      return 2;
    }
  if ((import.path || export_geojson || export_csv) && !plan)
    {
      g_printerr ("parkatlas: %s\n", _("--import, --export-geojson and --export-csv need --plan SLUG (see --list-plans)"));
      return 2;
    }
  if (!import.path && (import.crs || import.layer || import.encoding || import.fields || import.all_or_nothing))
    {
      g_printerr ("parkatlas: %s\n", _("--crs, --layer, --encoding, --field and --all-or-nothing go with --import FILE"));
      return 2;
    }
  if (!!import.path + !!export_path + !!export_geojson + !!export_csv + !!audit > 1)
    {
      g_printerr ("parkatlas: %s\n", _("Give one of --import, --export, --export-geojson, --export-csv and --audit at a time"));
      return 2;
    }
  /* a planning database given as a file (as the file manager does) is the one to show */
  if (!db && argc > 1 && g_str_has_suffix (argv[1], ".gpkg"))
    db = g_strdup (argv[1]);
  if (db && !g_file_test (db, G_FILE_TEST_EXISTS))
    {
      /* a mistyped path must not silently become a new database in a new folder */
      g_autofree char *dir = g_path_get_dirname (db);
      if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
        {
          g_printerr ("parkatlas: ");
          g_printerr (_("There is no database “%s”, and its folder “%s” does not exist: nothing was created"), db, dir);
          g_printerr ("\n");
          return 1;
        }
      created = TRUE;
    }
  /* the window reopens the database it showed last; commands keep to the default one */
  if (!db && !list_plans && !export_path && !audit && !import.path && !export_geojson && !export_csv)
    db = last_database ();
  if (!db)
    db = pa_store_default_path ();
  defaults.districts_path = districts;
  store = pa_store_open (db, &defaults, &error);
  if (store && created)
    {
      g_printerr (_("parkatlas: created a new planning database with the built-in plans: %s"), db);
      g_printerr ("\n");
    }
  if (!store)
    {
      int status = fail (error);
      if (!list_plans && !export_path && !audit && !import.path && !export_geojson && !export_csv)
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

  if (import.path)
    return run_import (store, plan, &import);

  if (export_geojson || export_csv)
    {
      g_autoptr (PaPlan) p = pa_store_load_plan (store, plan, &error);
      if (!p)
        return fail (error);
      if (export_geojson)
        {
          if (!pa_export_plan_geojson_file (p, export_geojson, &error))
            return fail (error);
          printf (_("Wrote %s\n"), export_geojson);
        }
      else
        {
          g_autofree char *targets = NULL, *organisations = NULL;
          if (!pa_export_plan_csv_files (p, export_csv, &error))
            return fail (error);
          pa_export_csv_paths (export_csv, &targets, &organisations);
          printf (_("Wrote %s\n"), targets);
          printf (_("Wrote %s\n"), organisations);
        }
      return 0;
    }

  if (export_path)
    {
      g_autoptr (PaPlan) p = NULL;
      g_autoptr (PaBasemap) basemap = NULL;
      g_auto (PaExportOptions) options;
      if (!figure_options (&figure, &options, &error))
        return fail (error);
      p = pa_store_load_plan (store, plan, &error);
      if (!p)
        return fail (error);
      basemap = pa_store_load_basemap (store, &error);
      if (!basemap || !pa_export_figure (p, basemap, &options, export_path, NULL, NULL, NULL, &error))
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
    if (figure.basemap)
      {
        g_autoptr (PaMbtiles) pack = open_tile_pack (figure.basemap, &error);
        if (!pack)
          return fail (error);
        pa_application_set_tile_pack (app, pack);
      }
    return g_application_run (G_APPLICATION (app), argc, argv);
  }
}
