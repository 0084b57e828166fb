/* test-round-trip.c — what Park Atlas writes for other programs reads back: a plan's
 * GeoJSON imports as the same zones and enterprises (and GDAL opens it), its CSV files
 * start with a BOM, end lines with CRLF and import back; and the command line imports,
 * refuses and exports with the right exit status. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "io/pa-csv.h"
#include "io/pa-export-csv.h"
#include "io/pa-export-geojson.h"
#include "io/pa-import.h"
#include "render/pa-exporter.h"
#include "pa-test-util.h"

typedef struct
{
  char *path;
  PaStore *store;
  PaDocument *doc;
} Fixture;

/* A copy of the default store with the Yantai plan open and qgis-style-4326.gpkg (parks
 * with two parts, enterprises placed in them) and zones.geojson (a hole) imported. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  static int n;
  g_autofree char *name = g_strdup_printf ("round-trip-%d.gpkg", ++n);
  const char *files[] = { "qgis-style-4326.gpkg", "zones.geojson" };

  pa_test_open_copy (name, "yantai", &f->path, &f->store, &f->doc);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *file = pa_test_shared_file ("testdata", files[i]);
      g_autoptr (PaImportReport) report = file ? pa_import_file (f->doc, file, NULL, &error) : NULL;
      g_assert_no_error (error);
    }
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  g_free (f->path);
}

static PaZone *
zone_named (PaPlan *plan, const char *name)
{
  GListModel *zones = pa_plan_get_zones (plan);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      if (g_str_equal (pa_zone_get_name (z), name))
        return z;
    }
  return NULL;
}

static PaOrganisation *
organisation_named (PaPlan *plan, const char *name)
{
  GPtrArray *orgs = pa_plan_get_organisations (plan);
  for (guint i = 0; i < orgs->len; i++)
    if (g_str_equal (((PaOrganisation *) orgs->pdata[i])->name, name))
      return orgs->pdata[i];
  return NULL;
}

static PaDocument *
open_other_plan (Fixture *f, const char *slug)
{
  g_autoptr (GError) error = NULL;
  PaDocument *doc = pa_document_new (f->store);
  g_assert_true (pa_document_open_plan (doc, slug, &error));
  g_assert_no_error (error);
  return doc;
}

/* Yantai as GeoJSON, imported into another plan: every zone comes back with its role,
 * places, industries, note and outline (holes and all), every placed enterprise at its
 * place in its zone; GDAL reads the file as one layer of that many features. */
static void
test_geojson_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *path = pa_test_temp_path ("yantai.geojson");
  PaPlan *yantai = pa_document_get_plan (f->doc);
  GListModel *zones = pa_plan_get_zones (yantai);
  GPtrArray *orgs = pa_plan_get_organisations (yantai);
  g_autoptr (PaDocument) other = open_other_plan (f, "shenzhen");
  g_autoptr (PaImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL, *err = NULL, *count = NULL;
  guint placed = 0;

  if (!zone_named (yantai, "示例综合区"))
    return; /* shared test data missing: skipped in set-up */
  g_assert_true (pa_export_plan_geojson_file (yantai, path, &error));
  g_assert_no_error (error);
  report = pa_import_file (other, path, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < orgs->len; i++)
    placed += !isnan (((PaOrganisation *) orgs->pdata[i])->lon);
  g_assert_cmpuint (placed, ==, 6);
  g_assert_cmpuint (pa_import_report_get_n_zones (report), ==, g_list_model_get_n_items (zones));
  g_assert_cmpuint (pa_import_report_get_n_organisations (report), ==, placed);
  g_assert_cmpuint (pa_import_report_get_n_rejected (report), ==, 0);

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      PaZone *back = zone_named (pa_document_get_plan (other), pa_zone_get_name (z));
      PaBBox a = pa_geometry_get_bbox (pa_zone_get_geometry (z)), b;
      double area = pa_geometry_get_planar_area (pa_zone_get_geometry (z));

      g_assert_nonnull (back);
      b = pa_geometry_get_bbox (pa_zone_get_geometry (back));
      g_assert_cmpstr (pa_zone_get_role (back), ==, pa_zone_get_role (z));
      g_assert_cmpstr (pa_zone_get_places (back), ==, pa_zone_get_places (z));
      g_assert_cmpstr (pa_zone_get_note (back), ==, pa_zone_get_note (z));
      g_assert_cmpuint (pa_zone_get_n_industries (back), ==, pa_zone_get_n_industries (z));
      for (guint k = 0; k < pa_zone_get_n_industries (z); k++)
        g_assert_cmpstr (pa_zone_get_industry (back, k, NULL), ==, pa_zone_get_industry (z, k, NULL));
      g_assert_cmpfloat_with_epsilon (a.minx, b.minx, 1e-7);
      g_assert_cmpfloat_with_epsilon (a.maxy, b.maxy, 1e-7);
      g_assert_cmpfloat_with_epsilon (pa_geometry_get_planar_area (pa_zone_get_geometry (back)), area, area * 1e-6);
    }
  for (guint i = 0; i < orgs->len; i++)
    {
      PaOrganisation *o = orgs->pdata[i], *back;
      PaZone *z = o->zone_key ? pa_plan_find_zone (yantai, o->zone_key) : NULL;
      PaZone *zb;
      if (isnan (o->lon))
        continue;
      back = organisation_named (pa_document_get_plan (other), o->name);
      g_assert_nonnull (back);
      zb = back->zone_key ? pa_plan_find_zone (pa_document_get_plan (other), back->zone_key) : NULL;
      g_assert_cmpfloat_with_epsilon (back->lon, o->lon, 1e-7);
      g_assert_cmpfloat_with_epsilon (back->lat, o->lat, 1e-7);
      g_assert_cmpstr (back->kind, ==, o->kind);
      g_assert_cmpstr (back->industry, ==, o->industry);
      g_assert_cmpstr (zb ? pa_zone_get_name (zb) : NULL, ==, z ? pa_zone_get_name (z) : NULL);
    }

  {
    const char *argv[] = { "ogrinfo", "-ro", "-so", "-al", path, NULL };
    g_assert_cmpint (pa_test_run (argv, &out, &err), ==, 0);
    count = g_strdup_printf ("Feature Count: %u", g_list_model_get_n_items (zones) + placed);
    g_assert_nonnull (strstr (out, count));
    g_assert_nonnull (strstr (out, "WGS 84"));
  }
}

static char *
read_file (const char *path, gsize *len)
{
  char *data = NULL;
  g_autoptr (GError) error = NULL;
  g_file_get_contents (path, &data, len, &error);
  g_assert_no_error (error);
  return data;
}

/* Every line ends with CRLF; the file starts with the UTF-8 BOM. */
static void
assert_excel_csv (const char *data, gsize len)
{
  g_assert_true (g_str_has_prefix (data, PA_CSV_UTF8_BOM));
  g_assert_true (g_str_has_suffix (data, "\r\n"));
  for (gsize i = 0; i < len; i++)
    if (data[i] == '\n')
      g_assert_cmpint (data[i - 1], ==, '\r');
}

/* The two CSV files: BOM and CRLF; the targets read back one record per target; the
 * enterprises import into another plan with the same names, kinds, industries, places. */
static void
test_csv_reads_back (Fixture *f, gconstpointer data)
{
  g_autofree char *path = pa_test_temp_path ("yantai.csv");
  g_autofree char *targets_path = NULL, *orgs_path = NULL, *targets = NULL, *orgs_text = NULL;
  PaPlan *yantai = pa_document_get_plan (f->doc);
  GPtrArray *all_targets = pa_plan_get_all_targets (yantai), *orgs = pa_plan_get_organisations (yantai);
  g_autoptr (PaDocument) other = open_other_plan (f, "minhang");
  g_autoptr (PaImportReport) report = NULL;
  g_autoptr (PaCsvReader) reader = NULL;
  g_autoptr (GError) error = NULL;
  gsize tlen, olen;
  guint records = 0;
  PaCsvRecord rec;
  PaCsvStatus st;

  g_assert_true (pa_export_plan_csv_files (yantai, path, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  pa_export_csv_paths (path, &targets_path, &orgs_path);
  g_assert_true (g_str_has_suffix (targets_path, "yantai-targets.csv"));
  targets = read_file (targets_path, &tlen);
  orgs_text = read_file (orgs_path, &olen);
  assert_excel_csv (targets, tlen);
  assert_excel_csv (orgs_text, olen);

  reader = pa_csv_reader_new (targets, tlen, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pa_csv_reader_get_encoding (reader, NULL), ==, "UTF-8");
  while ((st = pa_csv_reader_next (reader, &rec)) == PA_CSV_RECORD)
    {
      if (records == 0)
        g_assert_cmpstr (rec.fields->pdata[0], ==, "Zone or programme"); /* the BOM is not in it */
      else
        g_assert_cmpstr (rec.fields->pdata[1], ==, ((PaTarget *) all_targets->pdata[records - 1])->indicator);
      g_assert_cmpuint (rec.fields->len, ==, 13);
      records++;
    }
  g_assert_cmpint (st, ==, PA_CSV_END);
  g_assert_cmpuint (records, ==, all_targets->len + 1);

  report = pa_import_file (other, orgs_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pa_import_report_get_n_organisations (report), ==, orgs->len);
  g_assert_cmpuint (pa_import_report_get_n_rejected (report), ==, 0);
  for (guint i = 0; i < orgs->len; i++)
    {
      PaOrganisation *o = orgs->pdata[i];
      PaOrganisation *back = organisation_named (pa_document_get_plan (other), o->name);
      g_assert_nonnull (back);
      g_assert_cmpstr (back->kind, ==, o->kind);
      g_assert_cmpstr (back->role, ==, o->role);
      g_assert_cmpstr (back->industry, ==, o->industry);
      g_assert_cmpstr (back->responsible, ==, o->responsible);
      g_assert_cmpint (isnan (back->lon), ==, isnan (o->lon));
      if (!isnan (o->lon))
        g_assert_cmpfloat_with_epsilon (back->lat, o->lat, 1e-7);
    }
}

/* A folder that does not exist: an error naming the file, and nothing left behind. */
static void
test_export_write_failure (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = pa_test_temp_path ("no-such-folder");
  g_autofree char *path = g_build_filename (dir, "plan.geojson", NULL);
  g_autoptr (GError) error = NULL;

  g_assert_false (pa_export_plan_geojson_file (pa_document_get_plan (f->doc), path, &error));
  g_assert_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "plan.geojson"));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static int
run (const char *db, const char *language, const char *const *args, char **out, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) env = g_get_environ ();
  g_autoptr (GError) error = NULL;
  int status = -1;

  if (language)
    env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_ptr_array_add (argv, (char *) g_getenv ("PARKATLAS_EXE"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, (char *) db);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, env, 0, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* parkatlas --import: a summary on stdout and the reasons on stderr, exit 0; a refused
 * file exits 1 naming it, with the database unchanged; options out of place exit 2;
 * --export-geojson and --export-csv write their files. */
static void
test_command_line (void)
{
  g_autofree char *db = pa_test_copy_default_store ("cli.gpkg");
  g_autofree char *zones = pa_test_shared_file ("testdata", "zones.geojson");
  g_autofree char *truncated = pa_test_shared_file ("testdata", "broken-truncated.geojson");
  g_autofree char *ragged = pa_test_shared_file ("testdata", "broken-ragged.csv");
  g_autofree char *gbk = pa_test_shared_file ("testdata", "enterprises-gbk.csv");
  g_autofree char *geojson = pa_test_temp_path ("cli.geojson"), *csv = pa_test_temp_path ("cli.csv");
  g_autofree char *targets = NULL, *orgs = NULL, *before = NULL, *after = NULL;
  g_autofree char *out = NULL, *err = NULL;

  g_assert_nonnull (g_getenv ("PARKATLAS_EXE"));
  if (!zones || !truncated || !ragged || !gbk)
    return;
  {
    const char *args[] = { "--plan", "yantai", "--import", zones, NULL };
    g_assert_cmpint (run (db, NULL, args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "zones: 3 (parts: 4), organisations: 1; left out: 0"));
  }
  before = pa_test_file_checksum (db);
  {
    const char *args[] = { "--plan", "yantai", "--import", truncated, NULL };
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (db, NULL, args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "broken-truncated.geojson"));
    g_assert_nonnull (strstr (err, "truncated"));
  }
  after = pa_test_file_checksum (db);
  g_assert_cmpstr (before, ==, after);
  {
    const char *args[] = { "--plan", "yantai", "--import", ragged, NULL };
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (db, NULL, args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "organisations: 1; left out: 5"));
    for (guint line = 3; line <= 8; line++)
      {
        g_autofree char *where = g_strdup_printf ("broken-ragged.csv, line %u:", line);
        g_assert_true ((strstr (err, where) != NULL) == (line != 7));
      }
  }
  {
    const char *args[] = { "--plan", "shenzhen", "--import", gbk, "--crs", "gcj02", NULL };
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (db, "zh_CN", args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "企业和机构：6"));
  }
  {
    const char *bad_crs[] = { "--plan", "yantai", "--import", gbk, "--crs", "bd09", NULL };
    const char *no_plan[] = { "--import", gbk, NULL };
    const char *no_import[] = { "--plan", "yantai", "--crs", "gcj02", NULL };
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (db, NULL, bad_crs, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "bd09"));
    g_assert_cmpint (run (db, NULL, no_plan, NULL, NULL), ==, 2);
    g_assert_cmpint (run (db, NULL, no_import, NULL, NULL), ==, 2);
  }
  {
    const char *to_geojson[] = { "--plan", "yantai", "--export-geojson", geojson, NULL };
    const char *to_csv[] = { "--plan", "yantai", "--export-csv", csv, NULL };
    g_assert_cmpint (run (db, NULL, to_geojson, NULL, NULL), ==, 0);
    g_assert_true (g_file_test (geojson, G_FILE_TEST_IS_REGULAR));
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (run (db, NULL, to_csv, &out, NULL), ==, 0);
    pa_export_csv_paths (csv, &targets, &orgs);
    g_assert_nonnull (strstr (out, targets));
    g_assert_true (g_file_test (targets, G_FILE_TEST_IS_REGULAR));
    g_assert_true (g_file_test (orgs, G_FILE_TEST_IS_REGULAR));
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ("/round-trip/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("geojson-imports-as-the-same-plan", test_geojson_round_trip);
  ADD ("csv-has-bom-crlf-and-reads-back", test_csv_reads_back);
  ADD ("export-to-missing-folder-fails-cleanly", test_export_write_failure);
#undef ADD
  g_test_add_func ("/round-trip/command-line", test_command_line);
  return g_test_run ();
}
