/* test-import.c — other people's files into a plan: every shared test file that concerns
 * import, what lands where, what is left out and why, one Undo step, and refused files
 * leaving the database byte for byte as it was. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "geo/pa-gcj02.h"
#include "io/pa-import.h"
#include "pa-test-util.h"

typedef struct
{
  char *path;
  PaStore *store;
  PaDocument *doc;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("import-%d.gpkg", ++n);
  pa_test_open_copy (name, "yantai", &f->path, &f->store, &f->doc);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  g_free (f->path);
}

static PaZone *
zone_named (PaDocument *doc, const char *name)
{
  GListModel *zones = pa_document_get_zones (doc);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      if (g_str_equal (pa_zone_get_name (z), name))
        return z;
    }
  return NULL;
}

static PaOrganisation *
organisation_named (PaDocument *doc, const char *name)
{
  GPtrArray *orgs = pa_plan_get_organisations (pa_document_get_plan (doc));
  for (guint i = 0; i < orgs->len; i++)
    if (g_str_equal (((PaOrganisation *) orgs->pdata[i])->name, name))
      return orgs->pdata[i];
  return NULL;
}

/* The rejected issue of @line (CSV) or @feature, or NULL. */
static const PaImportIssue *
rejected_at (PaImportReport *report, guint line, guint feature)
{
  GPtrArray *issues = pa_import_report_get_issues (report);
  for (guint i = 0; i < issues->len; i++)
    {
      const PaImportIssue *issue = issues->pdata[i];
      if (issue->kind == PA_IMPORT_ISSUE_REJECTED && issue->line == line && issue->feature == feature)
        return issue;
    }
  return NULL;
}

static char *
write_temp (const char *name, const char *contents, gssize len)
{
  char *path = pa_test_temp_path (name);
  g_autoptr (GError) error = NULL;
  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

/* Imports @path and asserts it was refused with @domain/@code, naming the file, and that
 * the database file did not change by a byte. Returns the message. */
static char *
assert_refused (Fixture *f, const char *path, const PaImportOptions *options, GQuark domain, int code)
{
  g_autofree char *before = pa_test_file_checksum (f->path);
  g_autofree char *after = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *undo = g_strdup (pa_document_get_undo_label (f->doc));
  g_autoptr (GError) error = NULL;
  g_autoptr (PaImportReport) report = pa_import_file (f->doc, path, options, &error);

  g_assert_null (report);
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, base));
  g_assert_cmpstr (pa_document_get_undo_label (f->doc), ==, undo); /* no new step */
  after = pa_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
  return g_strdup (error->message);
}

static PaImportReport *
import_ok (Fixture *f, const char *path, const PaImportOptions *options)
{
  g_autoptr (GError) error = NULL;
  PaImportReport *report = pa_import_file (f->doc, path, options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

/* zones.geojson: every feature and geometry type; Chinese property keys; a null number. */
static void
test_geojson_every_feature (Fixture *f, gconstpointer data)
{
  g_autofree char *path = pa_test_shared_file ("testdata", "zones.geojson");
  g_autoptr (PaImportReport) report = NULL;
  PaZone *rd, *prod, *mixed;
  PaOrganisation *centre;
  guint n;

  if (!path)
    return;
  report = import_ok (f, path, NULL);
  g_assert_cmpuint (pa_import_report_get_n_zones (report), ==, 3);
  g_assert_cmpuint (pa_import_report_get_n_parts (report), ==, 4);
  g_assert_cmpuint (pa_import_report_get_n_organisations (report), ==, 1);
  g_assert_cmpuint (pa_import_report_get_n_rejected (report), ==, 0);

  rd = zone_named (f->doc, "示例研发区");
  prod = zone_named (f->doc, "示例生产区");
  mixed = zone_named (f->doc, "示例综合区");
  g_assert_nonnull (rd);
  g_assert_cmpstr (pa_zone_get_role (rd), ==, "研发");     /* 类型 */
  g_assert_cmpstr (pa_zone_get_note (rd), ==, "单个多边形"); /* 备注 */
  g_assert_cmpuint (pa_zone_get_n_parts (rd), ==, 1);
  g_assert_cmpint (pa_zone_get_part_info (rd, 0)->kind, ==, PA_PART_DRAWN);
  g_assert_cmpuint (pa_zone_get_n_parts (prod), ==, 2); /* MultiPolygon: both parts */
  g_assert_cmpuint (pa_geometry_get_n_rings (pa_zone_get_part_info (mixed, 0)->geometry, 0), ==, 2);
  g_assert_false (pa_geometry_contains_point (pa_zone_get_geometry (mixed), 121.77, 37.555)); /* the hole */
  g_assert_true (pa_geometry_contains_point (pa_zone_get_geometry (mixed), 121.72, 37.52));
  pa_geometry_get_ring (pa_zone_get_geometry (prod), 0, 0, &n);
  g_assert_cmpuint (n, ==, 5);

  centre = organisation_named (f->doc, "示例管理中心");
  g_assert_nonnull (centre);
  g_assert_cmpstr (centre->kind, ==, "enterprise");
  g_assert_cmpstr (centre->role, ==, "管理");
  g_assert_cmpfloat_with_epsilon (centre->lon, 121.447, 1e-9);
  g_assert_cmpfloat_with_epsilon (centre->lat, 37.464, 1e-9);
}

/* The whole import is one Undo step, undone and redone row for row. */
static void
test_import_undoes_as_one_step (Fixture *f, gconstpointer data)
{
  g_autofree char *path = pa_test_shared_file ("testdata", "qgis-style-4326.gpkg");
  const char *count = "SELECT (SELECT count(*) FROM zones) || ',' || (SELECT count(*) FROM zone_places) || ',' || "
                      "(SELECT count(*) FROM organisations) || ',' || (SELECT count(*) FROM organisation_sites) "
                      "|| ',' || (SELECT count(*) FROM rtree_zones_geom)";
  g_autoptr (PaImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *s = NULL;
  char before[64] = "", after[64] = "", undone[64] = "";
  guint zones = g_list_model_get_n_items (pa_document_get_zones (f->doc));
  char *out[] = { before, after, undone };

  if (!path)
    return;
  for (guint step = 0; step < 3; step++)
    {
      if (step == 1)
        {
          report = import_ok (f, path, NULL);
          g_assert_true (pa_document_can_undo (f->doc));
          g_assert_cmpstr (pa_document_get_undo_label (f->doc), ==, "Import qgis-style-4326.gpkg");
          g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_zones (f->doc)), ==, zones + 2);
        }
      else if (step == 2)
        {
          g_assert_true (pa_document_undo (f->doc, &error));
          g_assert_no_error (error);
          g_assert_false (pa_document_can_undo (f->doc));
          g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_zones (f->doc)), ==, zones);
        }
      g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, count, -1, &s, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
      g_strlcpy (out[step], (const char *) sqlite3_column_text (s, 0), 64);
      sqlite3_finalize (s);
      sqlite3_close (db);
    }
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpstr (before, ==, undone);
  g_assert_true (pa_document_redo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_nonnull (zone_named (f->doc, "示例海洋生物产业园"));
  g_assert_nonnull (organisation_named (f->doc, "测试制剂（烟台）股份有限公司"));
}

/* broken-truncated.geojson, empty files, binary garbage, JSON that is not GeoJSON:
 * refused with the file named, the database untouched. */
static void
test_geojson_bad_files_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *truncated = pa_test_shared_file ("testdata", "broken-truncated.geojson");
  g_autofree char *empty = write_temp ("empty.geojson", "", 0);
  g_autofree char *spaces = write_temp ("spaces.geojson", "  \n ", -1);
  g_autofree char *array = write_temp ("array.geojson", "[1, 2]", -1);
  g_autofree char *nofeatures = write_temp ("nofeatures.geojson", "{\"type\": \"FeatureCollection\"}", -1);
  g_autofree char *trailing = write_temp ("trailing.geojson",
                                          "{\"type\": \"FeatureCollection\", \"features\": []}\n {\"a\": [1]}\n", -1);
  g_autofree char *glued = write_temp ("glued.geojson", "8{\"type\": \"FeatureCollection\"}", -1);
  g_autofree char *msg = NULL;
  g_autofree char *garbage_path = NULL;
  guint8 garbage[512];

  if (!truncated)
    return;
  msg = assert_refused (f, truncated, NULL, PA_IMPORT_ERROR, PA_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (msg, "truncated"));
  g_assert_nonnull (strstr (msg, "line 7"));
  g_clear_pointer (&msg, g_free);
  g_free (assert_refused (f, empty, NULL, PA_IMPORT_ERROR, PA_IMPORT_ERROR_EMPTY));
  g_free (assert_refused (f, spaces, NULL, PA_IMPORT_ERROR, PA_IMPORT_ERROR_EMPTY));
  g_free (assert_refused (f, array, NULL, PA_IMPORT_ERROR, PA_IMPORT_ERROR_FORMAT));
  g_free (assert_refused (f, nofeatures, NULL, PA_IMPORT_ERROR, PA_IMPORT_ERROR_FORMAT));
  /* a second value after the document: json-glib leaked the tree it built for it */
  msg = assert_refused (f, trailing, NULL, PA_IMPORT_ERROR, PA_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (msg, "line 2, column 2"));
  g_free (msg);
  msg = assert_refused (f, glued, NULL, PA_IMPORT_ERROR, PA_IMPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (msg, "line 1, column 2"));
  g_clear_pointer (&msg, g_free);
  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (guint8) (i * 7919 + 13);
  garbage_path = write_temp ("garbage.geojson", (const char *) garbage, sizeof garbage);
  g_free (assert_refused (f, garbage_path, NULL, PA_IMPORT_ERROR, PA_IMPORT_ERROR_FORMAT));
}

#define FEATURE(props, geometry) "{\"type\":\"Feature\",\"properties\":" props ",\"geometry\":" geometry "}"
#define SQUARE "[[121.2,37.2],[121.3,37.2],[121.3,37.3],[121.2,37.3],[121.2,37.2]]"

/* Features the app cannot take are left out with their number and the reason; the rest
 * is imported. With all-or-nothing the same file is refused and nothing is written; a
 * file of nothing but such features is refused too. */
static void
test_geojson_bad_features_reported (Fixture *f, gconstpointer data)
{
  const char *text =
      "{\"type\":\"FeatureCollection\",\"features\":["
      FEATURE ("{\"name\":\"好的园区\"}", "{\"type\":\"Polygon\",\"coordinates\":[" SQUARE "]}") ","
      FEATURE ("{\"name\":\"一条路\"}", "{\"type\":\"LineString\",\"coordinates\":[[121,37],[122,38]]}") ","
      FEATURE ("{\"name\":\"墨卡托\"}", "{\"type\":\"Polygon\",\"coordinates\":[[[12695988,2574073],"
               "[12754987,2574073],[12754987,2605435],[12695988,2574073]]]}") ","
      FEATURE ("{\"name\":\"蝴蝶结\"}", "{\"type\":\"Polygon\",\"coordinates\":[[[121,37],[121.1,37.1],"
               "[121.1,37],[121,37.1],[121,37]]]}") ","
      FEATURE ("{\"面积\":12}", "{\"type\":\"Polygon\",\"coordinates\":[" SQUARE "]}") ","
      FEATURE ("{\"name\":\"字符串坐标\"}", "{\"type\":\"Point\",\"coordinates\":[\"121\",\"37\"]}") ","
      FEATURE ("{\"name\":\"没有几何\"}", "null") "]}";
  g_autofree char *path = write_temp ("bad-features.geojson", text, -1);
  g_autofree char *lines = write_temp ("lines.geojson",
                                       "{\"type\":\"FeatureCollection\",\"features\":["
                                       FEATURE ("{\"name\":\"一条路\"}",
                                                "{\"type\":\"LineString\",\"coordinates\":[[121,37],[122,38]]}") "]}",
                                       -1);
  PaImportOptions strict = PA_IMPORT_OPTIONS_INIT;
  g_autoptr (PaImportReport) report = NULL;
  g_autofree char *msg = NULL;
  const PaImportIssue *issue;

  strict.all_or_nothing = TRUE;
  msg = assert_refused (f, path, &strict, PA_IMPORT_ERROR, PA_IMPORT_ERROR_REJECTED);
  g_assert_nonnull (strstr (msg, "feature 2"));
  g_free (msg);
  msg = assert_refused (f, lines, NULL, PA_IMPORT_ERROR, PA_IMPORT_ERROR_REJECTED);
  g_assert_nonnull (strstr (msg, "feature 1 (一条路)"));

  report = import_ok (f, path, NULL);
  g_assert_cmpuint (pa_import_report_get_n_zones (report), ==, 1);
  g_assert_cmpuint (pa_import_report_get_n_rejected (report), ==, 6);
  g_assert_nonnull (zone_named (f->doc, "好的园区"));
  g_assert_nonnull (strstr (rejected_at (report, 0, 2)->reason, "LineString"));
  issue = rejected_at (report, 0, 3);
  g_assert_cmpstr (issue->name, ==, "墨卡托");
  g_assert_nonnull (strstr (issue->reason, "not a longitude and latitude"));
  g_assert_nonnull (strstr (rejected_at (report, 0, 4)->reason, "Self-intersection"));
  g_assert_nonnull (strstr (rejected_at (report, 0, 5)->reason, "no name"));
  g_assert_nonnull (strstr (rejected_at (report, 0, 6)->reason, "[longitude, latitude]"));
  g_assert_nonnull (strstr (rejected_at (report, 0, 7)->reason, "no geometry"));
}

/* shenzhen-zones-3857.gpkg: reprojected with PROJ to lon 114.05–114.58, lat 22.52–22.78
 * (not 1e7); the hole stays a hole; the foreign file is not touched. */
static void
test_geopackage_3857_reprojected (Fixture *f, gconstpointer data)
{
  g_autofree char *path = pa_test_shared_file ("testdata", "shenzhen-zones-3857.gpkg");
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (PaImportReport) report = NULL;
  const char *names[] = { "测试园区甲", "测试园区乙", "测试园区丙" };
  PaBBox all = pa_bbox_empty ();
  PaZone *a;

  if (!path)
    return;
  before = pa_test_file_checksum (path);
  report = import_ok (f, path, NULL);
  after = pa_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (pa_import_report_get_n_zones (report), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      PaZone *z = zone_named (f->doc, names[i]);
      PaBBox b;
      g_assert_nonnull (z);
      b = pa_geometry_get_bbox (pa_zone_get_geometry (z));
      all = pa_bbox_union (&all, &b);
    }
  g_assert_cmpfloat_with_epsilon (all.minx, 114.05, 1e-6);
  g_assert_cmpfloat_with_epsilon (all.maxx, 114.58, 1e-6);
  g_assert_cmpfloat_with_epsilon (all.miny, 22.52, 1e-6);
  g_assert_cmpfloat_with_epsilon (all.maxy, 22.78, 1e-6);
  a = zone_named (f->doc, "测试园区甲");
  g_assert_cmpstr (pa_zone_get_role (a), ==, "研发区");
  g_assert_nonnull (strstr (pa_zone_get_note (a), "洞")); /* area_note */
  g_assert_cmpuint (pa_geometry_get_n_rings (pa_zone_get_geometry (a), 0), ==, 2);
  g_assert_false (pa_geometry_contains_point (pa_zone_get_geometry (a), 114.095, 22.56));
  g_assert_true (pa_geometry_contains_point (pa_zone_get_geometry (a), 114.06, 22.53));
}

/* qgis-style-4326.gpkg: both layers; the 2-part park keeps both parts; each enterprise
 * lands in the park it names (imported in the same step) and inside its outline; an
 * industry with a comma stays one value. One layer can be chosen; an unknown one is
 * refused with the layers named. */
static void
test_geopackage_qgis_layers (Fixture *f, gconstpointer data)
{
  g_autofree char *path = pa_test_shared_file ("testdata", "qgis-style-4326.gpkg");
  g_autoptr (PaImportReport) report = NULL;
  PaImportOptions one = PA_IMPORT_OPTIONS_INIT;
  g_autofree char *msg = NULL;
  GPtrArray *orgs;
  guint placed = 0;

  if (!path)
    return;
  one.layer = "nope";
  msg = assert_refused (f, path, &one, PA_IMPORT_ERROR, PA_IMPORT_ERROR_LAYER);
  g_assert_nonnull (strstr (msg, "parks, enterprises"));

  report = import_ok (f, path, NULL);
  g_assert_cmpuint (pa_import_report_get_n_zones (report), ==, 2);
  g_assert_cmpuint (pa_import_report_get_n_parts (report), ==, 3);
  g_assert_cmpuint (pa_import_report_get_n_organisations (report), ==, 5);
  g_assert_cmpuint (pa_zone_get_n_parts (zone_named (f->doc, "烟台示例生物医药产业园")), ==, 2);
  g_assert_cmpuint (pa_zone_get_n_parts (zone_named (f->doc, "示例海洋生物产业园")), ==, 1);
  g_assert_cmpstr (organisation_named (f->doc, "烟台样例医疗器械有限公司")->industry, ==, "医疗器械,体外诊断");
  orgs = pa_plan_get_organisations (pa_document_get_plan (f->doc));
  for (guint i = 0; i < orgs->len; i++)
    {
      PaOrganisation *o = orgs->pdata[i];
      PaZone *z = o->zone_key ? pa_plan_find_zone (pa_document_get_plan (f->doc), o->zone_key) : NULL;
      if (isnan (o->lon) || !o->entered_by) /* only what the import placed */
        continue;
      placed++;
      g_assert_nonnull (z);
      g_assert_true (g_str_has_suffix (pa_zone_get_name (z), "产业园"));
      g_assert_true (pa_geometry_contains_point (pa_zone_get_geometry (z), o->lon, o->lat));
    }
  g_assert_cmpuint (placed, ==, 5);
}

static void
test_geopackage_one_layer (Fixture *f, gconstpointer data)
{
  g_autofree char *path = pa_test_shared_file ("testdata", "qgis-style-4326.gpkg");
  g_autoptr (PaImportReport) report = NULL;
  PaImportOptions one = PA_IMPORT_OPTIONS_INIT;

  if (!path)
    return;
  one.layer = "enterprises";
  report = import_ok (f, path, &one);
  g_assert_cmpuint (pa_import_report_get_n_zones (report), ==, 0);
  g_assert_cmpuint (pa_import_report_get_n_organisations (report), ==, 5);
  g_assert_null (zone_named (f->doc, "示例海洋生物产业园"));
}

/* broken-not-sqlite.gpkg, and GeoPackages whose layer has an undefined (0) or unknown
 * srs_id: refused naming file (and layer); nothing written. */
static void
test_geopackage_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *garbage = pa_test_shared_file ("testdata", "broken-not-sqlite.gpkg");
  g_autofree char *qgis = pa_test_shared_file ("testdata", "qgis-style-4326.gpkg");
  const char *updates[] = { "UPDATE gpkg_geometry_columns SET srs_id = 0 WHERE table_name = 'parks'",
                            "UPDATE gpkg_geometry_columns SET srs_id = 99999 WHERE table_name = 'parks'" };
  g_autofree char *msg = NULL;

  if (!garbage || !qgis)
    return;
  msg = assert_refused (f, garbage, NULL, PA_STORE_ERROR, PA_STORE_ERROR_NOT_SQLITE);
  g_assert_nonnull (strstr (msg, "not an SQLite database"));
  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    {
      g_autofree char *name = g_strdup_printf ("srs-%u.gpkg", i);
      g_autofree char *copy = pa_test_temp_path (name);
      g_autofree char *bytes = NULL;
      gsize len;
      sqlite3 *db = NULL;

      g_assert_true (g_file_get_contents (qgis, &bytes, &len, NULL));
      g_free (write_temp (name, bytes, (gssize) len));
      g_assert_cmpint (sqlite3_open (copy, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, updates[i], NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      g_free (msg);
      msg = assert_refused (f, copy, NULL, PA_IMPORT_ERROR, PA_IMPORT_ERROR_CRS);
      g_assert_nonnull (strstr (msg, "layer “parks”"));
    }
}

typedef struct
{
  char *name, *zone, *industry;
  double lon, lat;
} Row;

static GPtrArray *
organisation_rows (PaDocument *doc)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *orgs = pa_plan_get_organisations (pa_document_get_plan (doc));
  for (guint i = 0; i < orgs->len; i++)
    {
      PaOrganisation *o = orgs->pdata[i];
      if (o->entered_by) /* imported, not from the plan's document */
        g_ptr_array_add (rows, g_strdup_printf ("%s|%s|%.6f|%.6f", o->name, o->industry, o->lon, o->lat));
    }
  return rows;
}

/* enterprises-gbk.csv decodes (detected) to the same text as enterprises-utf8-bom.csv,
 * whose BOM does not end up in the first column's name; the quoted comma stays in its
 * field. Forcing UTF-8 on the GBK file refuses it; forcing GBK reads it. */
static void
test_csv_gbk_equals_utf8_bom (Fixture *f, gconstpointer data)
{
  g_autofree char *gbk = pa_test_shared_file ("testdata", "enterprises-gbk.csv");
  g_autofree char *bom = pa_test_shared_file ("testdata", "enterprises-utf8-bom.csv");
  g_autoptr (PaImportReport) a = NULL, b = NULL, c = NULL;
  g_autoptr (GPtrArray) rows_gbk = NULL, rows_bom = NULL;
  g_autoptr (PaDocument) other = pa_document_new (f->store);
  g_autoptr (GError) error = NULL;
  PaImportOptions utf8 = PA_IMPORT_OPTIONS_INIT, forced = PA_IMPORT_OPTIONS_INIT;
  PaOrganisation *o;

  if (!gbk || !bom)
    return;
  utf8.encoding = "UTF-8";
  g_free (assert_refused (f, gbk, &utf8, PA_IMPORT_ERROR, PA_IMPORT_ERROR_FORMAT));

  a = import_ok (f, gbk, NULL);
  g_assert_cmpuint (pa_import_report_get_n_organisations (a), ==, 6);
  g_assert_cmpuint (pa_import_report_get_n_rejected (a), ==, 0);
  rows_gbk = organisation_rows (f->doc);
  o = organisation_named (f->doc, "烟台样例医疗器械有限公司");
  g_assert_nonnull (o);
  g_assert_cmpstr (o->industry, ==, "医疗器械,体外诊断");
  g_assert_cmpfloat_with_epsilon (o->lon, 121.4120, 1e-9);
  g_assert_cmpfloat_with_epsilon (o->lat, 37.5215, 1e-9);

  /* the same store, another plan: the names are new there */
  g_assert_true (pa_document_open_plan (other, "shenzhen", &error));
  b = pa_import_file (other, bom, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pa_import_report_get_n_organisations (b), ==, 6);
  rows_bom = organisation_rows (other);
  g_assert_cmpuint (rows_gbk->len, ==, 6);
  g_assert_cmpuint (rows_bom->len, ==, 6);
  for (guint i = 0; i < rows_gbk->len; i++)
    g_assert_cmpstr (rows_gbk->pdata[i], ==, rows_bom->pdata[i]);

  /* a third plan, GBK named explicitly */
  forced.encoding = "GBK";
  g_assert_true (pa_document_open_plan (other, "minhang", &error));
  c = pa_import_file (other, gbk, &forced, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pa_import_report_get_n_organisations (c), ==, 6);
  g_assert_nonnull (organisation_named (other, "测试制剂（烟台）股份有限公司"));
}

/* broken-ragged.csv: line 2 is imported; lines 3, 4, 6 and 8 are reported for their column
 * counts and line 5 for bytes that are not UTF-8; the empty line 7 is not an error. All
 * or nothing refuses it and names the lines. */
static void
test_csv_ragged_report (Fixture *f, gconstpointer data)
{
  g_autofree char *path = pa_test_shared_file ("testdata", "broken-ragged.csv");
  g_autoptr (PaImportReport) report = NULL;
  PaImportOptions strict = PA_IMPORT_OPTIONS_INIT;
  g_autofree char *msg = NULL;
  const guint bad[] = { 3, 4, 6, 8 };
  const guint counts[] = { 3, 7, 1, 4 };

  if (!path)
    return;
  strict.all_or_nothing = TRUE;
  msg = assert_refused (f, path, &strict, PA_IMPORT_ERROR, PA_IMPORT_ERROR_REJECTED);
  g_assert_nonnull (strstr (msg, "line 3"));
  g_assert_nonnull (strstr (msg, "line 8"));

  report = import_ok (f, path, NULL);
  g_assert_cmpuint (pa_import_report_get_n_organisations (report), ==, 1);
  g_assert_nonnull (organisation_named (f->doc, "烟台示例生物科技有限公司"));
  g_assert_cmpuint (pa_import_report_get_n_rejected (report), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const PaImportIssue *issue = rejected_at (report, bad[i], 0);
      g_autofree char *count = g_strdup_printf ("columns: %u,", counts[i]);
      g_assert_nonnull (issue);
      g_assert_nonnull (strstr (issue->reason, count));
    }
  g_assert_nonnull (strstr (rejected_at (report, 5, 0)->reason, "not UTF-8 text (ff fe c3 28)"));
  g_assert_null (rejected_at (report, 7, 0));
  g_assert_null (rejected_at (report, 2, 0));
}

/* What Excel and people write: CR line ends, quoted line breaks and quotes, semicolons,
 * padded rows, a header with units, coordinates that are not numbers or are swapped, a
 * column mapping; and GCJ-02 coordinates converted to WGS-84. */
static void
test_csv_excel_habits_and_gcj02 (Fixture *f, gconstpointer data)
{
  double glon, glat;
  g_autofree char *gcj = NULL, *text = NULL, *path = NULL, *mapped = NULL, *missing = NULL;
  g_autoptr (PaImportReport) report = NULL, again = NULL;
  PaImportOptions options = PA_IMPORT_OPTIONS_INIT, map = PA_IMPORT_OPTIONS_INIT;
  const char *fields[] = { "name=公司", NULL }, *wrong[] = { "name=单位", NULL };
  PaOrganisation *o;

  pa_gcj02_from_wgs84 (121.4, 37.5, &glon, &glat);
  gcj = g_strdup_printf ("%.9f;%.9f", glon, glat);
  text = g_strconcat ("公司;园区;经度（GCJ-02）;纬度（GCJ-02）;;\r",
                      "\"多行\r\n名称\";无此园区;", gcj, ";;\r",
                      "\"带\"\"引号\"\"的公司\";;;;;\r",
                      "坏坐标;;东经;37.5;;\r",
                      "颠倒;;37.5;121.4;;\r", NULL);
  path = write_temp ("habits.csv", text, -1);
  missing = write_temp ("missing.csv", "单位名称,经度\r\nA,1\r\n", -1);
  options.crs = PA_IMPORT_CRS_GCJ02;
  options.fields = fields;
  report = import_ok (f, path, &options);
  g_assert_cmpuint (pa_import_report_get_n_organisations (report), ==, 2);
  o = organisation_named (f->doc, "多行\r\n名称");
  g_assert_nonnull (o);
  g_assert_cmpfloat_with_epsilon (o->lon, 121.4, 1e-7);
  g_assert_cmpfloat_with_epsilon (o->lat, 37.5, 1e-7);
  g_assert_null (o->zone_key); /* 无此园区: reported, imported without a zone */
  g_assert_nonnull (organisation_named (f->doc, "带\"引号\"的公司"));
  g_assert_nonnull (strstr (rejected_at (report, 5, 0)->reason, "“东经” is not a number"));
  g_assert_nonnull (strstr (rejected_at (report, 6, 0)->reason, "swapped"));

  map.fields = wrong;
  mapped = assert_refused (f, path, &map, PA_IMPORT_ERROR, PA_IMPORT_ERROR_MAPPING);
  g_assert_nonnull (strstr (mapped, "单位"));
  g_free (mapped);
  mapped = assert_refused (f, missing, NULL, PA_IMPORT_ERROR, PA_IMPORT_ERROR_MAPPING);
  g_assert_nonnull (strstr (mapped, "latitudes"));

  /* run twice, nothing doubles and nothing is refused */
  again = import_ok (f, path, &options);
  g_assert_cmpuint (pa_import_report_get_n_organisations (again), ==, 0);
  g_assert_cmpuint (pa_import_report_get_n_skipped (again), ==, 2);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ("/import/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("geojson/every-feature-and-type", test_geojson_every_feature);
  ADD ("geojson/bad-files-refused-database-untouched", test_geojson_bad_files_refused);
  ADD ("geojson/bad-features-left-out-with-reasons", test_geojson_bad_features_reported);
  ADD ("geopackage/3857-reprojected-hole-kept", test_geopackage_3857_reprojected);
  ADD ("geopackage/qgis-both-layers", test_geopackage_qgis_layers);
  ADD ("geopackage/one-layer-chosen", test_geopackage_one_layer);
  ADD ("geopackage/not-sqlite-or-undefined-crs-refused", test_geopackage_refused);
  ADD ("csv/gbk-decodes-as-utf8-bom", test_csv_gbk_equals_utf8_bom);
  ADD ("csv/ragged-lines-reported", test_csv_ragged_report);
  ADD ("csv/excel-habits-and-gcj02", test_csv_excel_habits_and_gcj02);
  ADD ("undoes-as-one-step", test_import_undoes_as_one_step);
#undef ADD
  return g_test_run ();
}
