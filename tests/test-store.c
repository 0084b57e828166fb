/* test-store.c — the planning GeoPackage: creation, validity, content, bad input */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "geo/pa-geos.h"
#include "pa-test-util.h"
#include "store/pa-store-edit.h"
#include "store/pa-store-private.h"

static void
test_creates_default_plans (void)
{
  PaStore *store = pa_test_default_store ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = pa_store_list_plans (store, &error);
  g_autoptr (PaPlan) yantai = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (plans->len, ==, 5);
  g_assert_cmpstr (((char **) plans->pdata[0])[0], ==, "yantai");
  g_assert_cmpstr (((char **) plans->pdata[1])[0], ==, "shenzhen");

  yantai = pa_store_load_plan (store, "yantai", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pa_plan_get_layout (yantai), ==, "1+3+X");
  /* 1 core, 3 parks and the X feature parks the text names (福山区, 招远市) */
  g_assert_cmpuint (g_list_model_get_n_items (pa_plan_get_zones (yantai)), ==, 6);
  g_assert_nonnull (pa_plan_find_zone (yantai, "core"));
  g_assert_cmpstr (pa_zone_get_name (pa_plan_find_zone (yantai, "core")), ==, "生命科学创新引领核心区");
}

/* GDAL must open the file as a GeoPackage without a single warning. */
static void
test_ogrinfo_reports_no_warnings (void)
{
  PaStore *store = pa_test_default_store ();
  const char *argv[] = { "ogrinfo", "-al", "-so", pa_store_get_path (store), NULL };
  g_autofree char *out = NULL, *err = NULL, *ogrinfo = g_find_program_in_path ("ogrinfo");
  int status;

  if (!ogrinfo)
    {
      g_test_fail_printf ("ogrinfo (gdal-bin) is not installed");
      return;
    }
  status = pa_test_run (argv, &out, &err);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (strstr (out, "Warning"));
  g_assert_null (strstr (err, "Warning"));
  g_assert_null (strstr (err, "ERROR"));
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "using driver `GPKG' successful"));
  g_assert_nonnull (strstr (out, "Layer name: zones"));
  g_assert_nonnull (strstr (out, "Geometry: Multi Polygon"));
  /* the continuous basemap's layers (schema 4), lines and points included */
  g_assert_nonnull (strstr (out, "Layer name: basemap_land"));
  g_assert_nonnull (strstr (out, "Layer name: basemap_rivers"));
  g_assert_nonnull (strstr (out, "Geometry: Multi Line String"));
  g_assert_nonnull (strstr (out, "Layer name: basemap_names"));
  g_assert_nonnull (strstr (out, "Geometry: Point"));
}

/* GDAL's own GeoPackage validator (python3-gdal, which gdal-bin depends on) checks every
 * requirement of the standard it knows, stricter than opening the file. */
static void
test_gdal_validator_passes (void)
{
  const char *script = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";
  const char *argv[] = { "/usr/bin/python3", script, pa_store_get_path (pa_test_default_store ()), NULL };
  g_autofree char *out = NULL, *err = NULL;

  if (!g_file_test (script, G_FILE_TEST_EXISTS))
    {
      g_test_fail_printf ("%s (python3-gdal) is not installed", script);
      return;
    }
  g_assert_cmpint (pa_test_run (argv, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
}

/* GeoPackage 1.3 keeps its own version in the header; the app's is in pa_metadata. */
static void
test_geopackage_header_and_schema_version (void)
{
  const char *path = pa_store_get_path (pa_test_default_store ());
  g_assert_cmpint (pa_test_query_int (path, "PRAGMA application_id"), ==, 0x47504B47);
  g_assert_cmpint (pa_test_query_int (path, "PRAGMA user_version"), ==, 10300);
  g_assert_cmpint (pa_test_query_int (path, "SELECT value FROM pa_metadata WHERE key = 'schema_version'"), ==,
                   PA_STORE_SCHEMA_VERSION);
  /* every feature table (zones, districts, land, zone_places, organisation_sites and the
   * four basemap layers of schema 4) has its spatial index, with the six triggers of
   * GeoPackage 1.3 Annex F.3 — zone_places' too, although schema 2 rebuilt that table */
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM gpkg_geometry_columns"), ==, 9);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'"), ==, 9);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM rtree_basemap_rivers_geom"), ==,
                   pa_test_query_int (path, "SELECT count(*) FROM basemap_rivers"));
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_zone_places_geom_%'"), ==, 6);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_organisation_sites_geom_%'"), ==, 6);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM rtree_zone_places_geom"), ==,
                   pa_test_query_int (path, "SELECT count(*) FROM zone_places"));
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM rtree_zones_geom"), ==,
                   pa_test_query_int (path, "SELECT count(*) FROM zones"));
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  /* schema 5: a zone's organisations are read through an index, not a scan of the table */
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'organisations_zone'"), ==, 1);
}

/* A zone of one part shares that part's outline instead of holding a second copy, and
 * the store reads with SQLite's own small page cache, taking a large one only while an
 * edit lasts: what keeps a plan of 10,000 zones within its memory (bench/README.md). */
static void
test_load_shares_outlines_and_keeps_cache_small (void)
{
  g_autofree char *path = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaDocument) document = NULL;
  g_autoptr (GError) error = NULL;
  guint shared = 0;
  PaPlan *plan;
  sqlite3_stmt *s;

  pa_test_open_copy ("cache.gpkg", "yantai", &path, &store, &document);
  plan = pa_document_get_plan (document);
  for (guint i = 0; i < g_list_model_get_n_items (pa_plan_get_zones (plan)); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (pa_plan_get_zones (plan), i);
      if (pa_zone_get_n_parts (z) != 1)
        continue;
      /* shared exactly when the two are the same shape (a zone clipped to its district,
       * say, keeps its own) */
      if (pa_zone_get_part (z, 0, NULL) == pa_zone_get_geometry (z))
        shared++;
      else
        g_assert_false (pa_geometry_equal (pa_zone_get_part (z, 0, NULL), pa_zone_get_geometry (z)));
    }
  g_assert_cmpuint (shared, >, 0);

  g_assert_cmpint (sqlite3_prepare_v2 (pa_store_get_db (store), "PRAGMA cache_size", -1, &s, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (s, 0), ==, -2000);
  sqlite3_reset (s);
  {
    g_autoptr (PaChange) change = pa_store_begin_change (store, "probe", &error);
    g_assert_no_error (error);
    g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (s, 0), ==, -65536);
    sqlite3_reset (s);
    pa_store_abort_change (store, change);
  }
  g_assert_cmpint (sqlite3_step (s), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (s, 0), ==, -2000);
  sqlite3_finalize (s);
}

static void
test_every_target_is_cited (void)
{
  PaStore *store = pa_test_default_store ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = pa_store_list_plans (store, &error);

  for (guint i = 0; i < plans->len; i++)
    {
      const char *slug = ((char **) plans->pdata[i])[0];
      g_autoptr (PaPlan) plan = pa_store_load_plan (store, slug, &error);
      GListModel *zones = pa_plan_get_zones (plan);
      g_assert_no_error (error);
      g_assert_cmpuint (pa_store_count_uncited_targets (store, slug, &error), ==, 0);
      for (guint z = 0; z < g_list_model_get_n_items (zones); z++)
        {
          g_autoptr (PaZone) zone = g_list_model_get_item (zones, z);
          GPtrArray *targets = pa_zone_get_targets (zone);
          g_assert_nonnull (pa_zone_get_citation (zone));
          for (guint t = 0; t < targets->len; t++)
            g_assert_nonnull (((PaTarget *) targets->pdata[t])->citation);
        }
    }
}

/* Each zone lies in the districts its places name: inside the district itself, or
 * inside the parent district of a schematic place (光明区 and 大鹏新区 included). */
static void
test_zone_outlines_lie_in_their_districts (void)
{
  PaStore *store = pa_test_default_store ();
  const char *path = pa_store_get_path (store);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaBasemap) basemap = pa_store_load_basemap (store, &error);
  g_autoptr (GPtrArray) plans = pa_store_list_plans (store, &error);
  sqlite3 *db;
  sqlite3_stmt *s;
  guint checked = 0;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
      "SELECT p.slug, z.key, group_concat(coalesce(zp.district_code, zp.within_code)) "
      "FROM zones z JOIN plans p ON p.id = z.plan_id JOIN zone_places zp ON zp.zone_id = z.fid "
      "GROUP BY z.fid", -1, &s, NULL), ==, SQLITE_OK);
  while (sqlite3_step (s) == SQLITE_ROW)
    {
      const char *slug = (const char *) sqlite3_column_text (s, 0);
      const char *key = (const char *) sqlite3_column_text (s, 1);
      g_auto (GStrv) codes = g_strsplit ((const char *) sqlite3_column_text (s, 2), ",", -1);
      g_autoptr (PaPlan) plan = pa_store_load_plan (store, slug, &error);
      g_autoptr (GPtrArray) parts = g_ptr_array_new ();
      g_autoptr (PaGeometry) allowed = NULL;
      PaZone *zone = pa_plan_find_zone (plan, key);

      for (guint i = 0; codes[i]; i++)
        {
          PaGeometry *d = pa_basemap_lookup_district (basemap, codes[i]);
          if (!d)
            g_test_fail_printf ("%s/%s cites district %s, which the district layer lacks", slug, key, codes[i]);
          else
            g_ptr_array_add (parts, d);
        }
      allowed = pa_geos_union ((PaGeometry **) parts->pdata, parts->len, &error);
      g_assert_no_error (error);
      /* 1e-6° ≈ 0.1 m: only rounding, no real overhang */
      if (!pa_geos_covers (allowed, pa_zone_get_geometry (zone), 1e-6))
        g_test_fail_printf ("%s/%s (%s) leaves its districts %s", slug, key, pa_zone_get_name (zone),
                            (const char *) sqlite3_column_text (s, 2));
      checked++;
    }
  sqlite3_finalize (s);
  sqlite3_close (db);
  g_assert_cmpuint (checked, >=, 11);
}

/* A known place must fall in the right zone: Yantai's 牟平区 centre is in the core zone. */
static void
test_zones_sit_where_they_are (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaPlan) yantai = pa_store_load_plan (pa_test_default_store (), "yantai", &error);
  g_autoptr (PaPlan) shenzhen = pa_store_load_plan (pa_test_default_store (), "shenzhen", &error);
  PaZone *core = pa_plan_find_zone (yantai, "core");
  PaBBox b;

  g_assert_no_error (error);
  g_assert_true (pa_geometry_contains_point (pa_zone_get_geometry (core), 121.60, 37.39)); /* 牟平城区 */
  g_assert_false (pa_geometry_contains_point (pa_zone_get_geometry (core), 120.41, 37.36)); /* 招远 */
  b = pa_plan_get_extent (shenzhen);
  g_assert_cmpfloat (b.minx, >, 113.7);
  g_assert_cmpfloat (b.maxx, <, 114.7);
  g_assert_cmpfloat (b.miny, >, 22.4);
  g_assert_cmpfloat (b.maxy, <, 22.9);
}

static void
assert_refused (const char *path, int code, const char *needle)
{
  g_autofree char *before = pa_test_file_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = pa_store_open (path, NULL, &error);

  g_assert_null (store);
  g_assert_error (error, PA_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  if (needle)
    g_assert_nonnull (strstr (error->message, needle));
  after = pa_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static char *
copy_to_temp (const char *src, const char *name)
{
  g_autofree char *data = NULL;
  gsize len;
  char *dst = pa_test_temp_path (name);
  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  g_assert_true (g_file_set_contents (dst, data, (gssize) len, NULL));
  return dst;
}

static void
test_refuses_not_sqlite (void)
{
  g_autofree char *src = pa_test_shared_file ("testdata", "broken-not-sqlite.gpkg");
  g_autofree char *path = NULL;
  if (!src)
    return;
  path = copy_to_temp (src, "broken-not-sqlite.gpkg");
  assert_refused (path, PA_STORE_ERROR_NOT_SQLITE, "not an SQLite database");
}

static void
test_refuses_foreign_geopackage (void)
{
  const char *names[] = { "qgis-style-4326.gpkg", "shenzhen-zones-3857.gpkg" };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *src = pa_test_shared_file ("testdata", names[i]);
      g_autofree char *path = NULL;
      if (!src)
        return;
      path = copy_to_temp (src, names[i]);
      assert_refused (path, PA_STORE_ERROR_NOT_PARK_ATLAS, "not a Park Atlas database");
    }
}

static char *
copy_default (const char *name)
{
  return copy_to_temp (pa_store_get_path (pa_test_default_store ()), name);
}

static void
test_refuses_newer_schema (void)
{
  g_autofree char *path = copy_default ("newer.gpkg");
  sqlite3 *db;
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE pa_metadata SET value = '99' WHERE key = 'schema_version'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (path, PA_STORE_ERROR_NEWER_SCHEMA, "newer Park Atlas");
}

static void
test_refuses_truncated_database (void)
{
  g_autofree char *path = copy_default ("truncated.gpkg");
  GStatBuf st;
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (truncate (path, st.st_size / 2), ==, 0);
  assert_refused (path, PA_STORE_ERROR_CORRUPT, "damaged");
}

static void
test_refuses_unreadable_and_missing_folder (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = pa_store_open ("/proc/parkatlas/cannot/exist.gpkg", NULL, &error);
  g_assert_null (store);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "/proc/parkatlas/cannot"));
}

static void
test_unknown_plan_named (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), "atlantis", &error);
  g_assert_null (plan);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_UNKNOWN_PLAN);
  g_assert_nonnull (strstr (error->message, "atlantis"));
}

/* Reopening an existing database reads it; it is never rebuilt from the defaults. */
static void
test_reopen_keeps_user_changes (void)
{
  g_autofree char *path = copy_default ("edited.gpkg");
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  pa_store_register_functions (db); /* the GeoPackage R*Tree triggers call ST_* */
  g_assert_cmpint (sqlite3_exec (db, "UPDATE zones SET name = '规划师改名' WHERE key = 'core' AND plan_id = "
                                     "(SELECT id FROM plans WHERE slug = 'yantai')", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  store = pa_store_open (path, NULL, &error);
  g_assert_no_error (error);
  plan = pa_store_load_plan (store, "yantai", &error);
  g_assert_cmpstr (pa_zone_get_name (pa_plan_find_zone (plan, "core")), ==, "规划师改名");
}

/* A plan source with @edit applied to a copy of @slug's built-in file, in a folder of its
 * own; the database built from it must be refused, naming @expect, and leave no file. */
typedef void (*PlanEdit) (JsonObject *plan);

static void
expect_plan_refused (const char *slug, PlanEdit edit, const char *const *expect)
{
  g_autofree char *src = g_build_filename (PA_SOURCE_ROOT, "data", "plans", NULL);
  g_autofree char *file = g_strdup_printf ("%s.json", slug);
  g_autofree char *in = g_build_filename (src, file, NULL);
  g_autofree char *db = pa_test_temp_path ("refused.gpkg");
  g_autofree char *dir = g_path_get_dirname (db);
  g_autofree char *plans_dir = g_build_filename (dir, "plans", NULL);
  g_autofree char *out = g_build_filename (plans_dir, file, NULL);
  g_autofree char *list = g_build_filename (plans_dir, "plans.list", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  PaStoreDefaults defaults = { .plans_dir = plans_dir };

  g_assert_true (json_parser_load_from_file (parser, in, &error));
  edit (json_node_get_object (json_parser_get_root (parser)));
  g_assert_cmpint (g_mkdir_with_parents (plans_dir, 0700), ==, 0);
  json_generator_set_root (gen, json_parser_get_root (parser));
  g_assert_true (json_generator_to_file (gen, out, &error));
  g_assert_true (g_file_set_contents (list, slug, -1, &error));
  store = pa_store_open (db, &defaults, &error);
  g_assert_null (store);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, file)); /* the plan file … */
  for (guint i = 0; expect[i]; i++)                 /* … and the entry */
    g_assert_nonnull (strstr (error->message, expect[i]));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
  g_unlink (out);
  g_unlink (list);
}

static JsonObject *
first_zone (JsonObject *plan)
{
  return json_array_get_object_element (json_object_get_array_member (plan, "zones"), 0);
}

static JsonObject *
first_zone_target (JsonObject *plan)
{
  return json_array_get_object_element (json_object_get_array_member (first_zone (plan), "targets"), 0);
}

static void
drop_description (JsonObject *plan)
{
  json_object_remove_member (json_object_get_object_member (plan, "document"), "description");
}

static void
cite_another_file (JsonObject *plan)
{
  json_object_set_string_member (json_object_get_object_member (first_zone (plan), "citation"), "seed",
                                 "999_0000000000000000.txt");
}

static void
unknown_comparator (JsonObject *plan)
{
  json_object_set_string_member (first_zone_target (plan), "comparator", "多于");
}

static void
no_role (JsonObject *plan)
{
  json_object_remove_member (first_zone (plan), "role");
}

static void
unknown_role (JsonObject *plan)
{
  json_object_set_string_member (first_zone (plan), "role", "hub");
}

/* Bad plan sources are refused when the database is built, naming the file and entry. */
static void
test_bad_plan_sources_are_refused (void)
{
  /* Shanghai's document has no title: without its description nothing names it */
  expect_plan_refused ("shanghai", drop_description,
                       (const char *const[]){ "004_4d082a5c159c6605.txt", "neither a title nor a description", NULL });
  expect_plan_refused ("yantai", cite_another_file,
                       (const char *const[]){ "999_0000000000000000.txt", "not the plan's document", NULL });
  expect_plan_refused ("yantai", unknown_comparator, (const char *const[]){ "多于", "主营业务收入", NULL });
  expect_plan_refused ("yantai", no_role, (const char *const[]){ "生命科学创新引领核心区", "role", NULL });
  expect_plan_refused ("yantai", unknown_role, (const char *const[]){ "生命科学创新引领核心区", "hub", NULL });
}

/* Search as you type, across every plan: a Chinese substring finds what contains it (坝光
 * finds 坝光国际生物谷…, zone first), one or two characters work too (烟台), an enterprise
 * named only in a sentence is found (迈百瑞), what was just added is found, the user's
 * quotes are not FTS syntax, and the planner's file gains no table. */
static void
test_search_all_plans (void)
{
  g_autofree char *path = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaDocument) doc = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) bagang = NULL, maibairui = NULL, yantai = NULL, odd = NULL, fresh = NULL;
  g_autoptr (PaOrganisation) org = pa_organisation_new ();
  PaSearchHit *first;

  pa_test_open_copy ("search.gpkg", "shenzhen", &path, &store, &doc);
  bagang = pa_store_search (store, "坝光", 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bagang->len, >, 1);
  first = bagang->pdata[0];
  g_assert_cmpint (first->kind, ==, PA_HIT_ZONE);
  g_assert_cmpstr (first->plan_slug, ==, "shenzhen");
  g_assert_cmpstr (first->zone_key, ==, "bagang");

  maibairui = pa_store_search (store, "迈百瑞", 20, &error);
  g_assert_cmpuint (maibairui->len, >=, 1);
  g_assert_cmpint (((PaSearchHit *) maibairui->pdata[0])->kind, ==, PA_HIT_ENTERPRISE);
  g_assert_cmpstr (((PaSearchHit *) maibairui->pdata[0])->plan_slug, ==, "yantai");

  yantai = pa_store_search (store, "烟台", 20, &error);
  g_assert_cmpuint (yantai->len, >, 0);
  odd = pa_store_search (store, "\"坝光 OR *", 20, &error);
  g_assert_no_error (error);
  g_assert_nonnull (odd);

  /* an edit shows in the next search */
  org->name = g_strdup ("测试新药研究院");
  org->kind = g_strdup ("enterprise");
  g_assert_true (pa_document_add_organisation (doc, NULL, org, &error));
  g_assert_no_error (error);
  fresh = pa_store_search (store, "新药研究", 20, &error);
  g_assert_cmpuint (fresh->len, ==, 1);
  g_assert_cmpstr (((PaSearchHit *) fresh->pdata[0])->text, ==, "测试新药研究院");

  g_clear_object (&doc);
  g_clear_object (&store);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE name LIKE '%search%'"), ==, 0);
}

/* The planner reads today's divisions: 蓬莱区 (2020) and 光明区 (2018), with the older
 * boundary data named only as the source of the outline. */
static void
test_current_district_names (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaPlan) yantai = pa_store_load_plan (pa_test_default_store (), "yantai", &error);
  g_autoptr (PaPlan) shenzhen = pa_store_load_plan (pa_test_default_store (), "shenzhen", &error);
  g_autoptr (PaBasemap) basemap = pa_store_load_basemap (pa_test_default_store (), &error);
  PaZone *devices = pa_plan_find_zone (yantai, "pharma_devices");
  PaZone *guangming = pa_plan_find_zone (shenzhen, "guangming");
  guint from_penglai = 0;

  g_assert_no_error (error);
  g_assert_cmpstr (pa_zone_get_places (devices), ==, "烟台开发区（福山区）、蓬莱区");
  for (guint i = 0; i < pa_zone_get_n_parts (devices); i++)
    {
      const PaZonePart *part = pa_zone_get_part_info (devices, i);
      if (part->outline_from)
        {
          g_assert_cmpstr (part->name, ==, "蓬莱区");
          from_penglai++;
        }
    }
  g_assert_cmpuint (from_penglai, ==, 2); /* 蓬莱市 and 长岛县 outlines */
  g_assert_cmpstr (pa_zone_get_places (guangming), ==, "光明科学城（光明区）");
  for (guint i = 0; i < pa_basemap_get_n_districts (basemap); i++)
    {
      const char *code, *name;
      pa_basemap_get_district (basemap, i, &code, &name);
      if (g_str_equal (code, "370684") || g_str_equal (code, "370634"))
        g_assert_cmpstr (name, ==, "蓬莱区");
      g_assert_cmpstr (name, !=, "蓬莱市");
    }
}

/* Without district boundaries no database is made, and no half-made file is left. */
static void
test_missing_districts_leaves_nothing (void)
{
  g_autofree char *path = pa_test_temp_path ("no-districts.gpkg");
  PaStoreDefaults defaults = { .districts_path = "/nonexistent/districts.geojson" };
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = pa_store_open (path, &defaults, &error);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GDir) d = NULL;
  const char *name;

  g_assert_null (store);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS);
  g_assert_nonnull (strstr (error->message, "/nonexistent/districts.geojson"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)))
    g_assert_null (strstr (name, ".partial"));
}

/* A planner's own district boundaries replace the fetched ones when a database is made. */
static void
test_own_districts_replace_fetched (void)
{
  g_autofree char *fetched = pa_store_find_map_file ("districts.geojson");
  g_autofree char *text = NULL, *own = pa_test_temp_path ("own-districts.geojson");
  g_autofree char *path = pa_test_temp_path ("own.gpkg");
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaBasemap) basemap = NULL;
  g_autoptr (GString) edited = NULL;
  PaStoreDefaults defaults = { 0 };
  const char *name = NULL;

  g_assert_nonnull (fetched);
  g_assert_true (g_file_get_contents (fetched, &text, NULL, NULL));
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "\"牟平区\"", "\"牟平区（规划师边界）\"", 0), ==, 1);
  g_assert_true (g_file_set_contents (own, edited->str, -1, NULL));
  defaults.districts_path = own;
  store = pa_store_open (path, &defaults, &error);
  g_assert_no_error (error);
  basemap = pa_store_load_basemap (store, &error);
  g_assert_nonnull (pa_basemap_find_district_at (basemap, 121.60, 37.39, &name));
  g_assert_cmpstr (name, ==, "牟平区（规划师边界）");
}

static char *
copy_fixture (const char *name, const char *as)
{
  g_autofree char *src = g_build_filename (PA_SOURCE_ROOT, "tests", "data", name, NULL);
  char *dst = pa_test_temp_path (as);
  g_autofree char *bytes = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (src, &bytes, &len, NULL));
  g_assert_true (g_file_set_contents (dst, bytes, (gssize) len, NULL));
  return dst;
}

/* A database written by Park Atlas 0.1.0 (schema 1) opens, is upgraded in place with
 * every row kept, and is a valid GeoPackage afterwards (rebuilt tables keep their
 * spatial index and triggers); then it takes edits. */
static void
test_upgrades_schema_1_database (void)
{
  g_autofree char *path = copy_fixture ("schema-1.gpkg", "upgrade.gpkg");
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaPlan) plan = NULL;
  const char *script = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";
  const char *argv[] = { "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL, *err = NULL;
  int zones = pa_test_query_int (path, "SELECT count(*) FROM zones");
  int places = pa_test_query_int (path, "SELECT count(*) FROM zone_places");
  int targets = pa_test_query_int (path, "SELECT count(*) FROM targets");
  int plans = pa_test_query_int (path, "SELECT count(*) FROM plans");

  g_assert_cmpint (pa_test_query_int (path, "SELECT value FROM pa_metadata WHERE key = 'schema_version'"), ==, 1);
  store = pa_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store); /* closed, so the checks below read a settled file */
  g_assert_cmpint (pa_test_query_int (path, "SELECT value FROM pa_metadata WHERE key = 'schema_version'"), ==,
                   PA_STORE_SCHEMA_VERSION);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM zones"), ==, zones);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM zone_places"), ==, places);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM targets"), ==, targets);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM plans"), ==, plans);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM rtree_zone_places_geom"), ==, 1);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_zone_places_geom_%'"), ==, 6);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (pa_test_query_int (path, "PRAGMA user_version"), ==, 10300);
  /* schema 3: the built-in plans' inferred zones and untitled document are described */
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM zones WHERE inference IS NOT NULL"), >=, 8);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM documents WHERE title IS NULL AND description IS NULL"), ==, 0);
  /* schema 4: the continuous basemap is copied in on upgrade (maps/basemap.sh made it),
   * every feature in its spatial index */
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM basemap_land"), ==, 5);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM rtree_basemap_names_geom"), ==,
                   pa_test_query_int (path, "SELECT count(*) FROM basemap_names"));
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM basemap_names WHERE name = '光明区'"), ==, 1);
  if (g_file_test (script, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (pa_test_run (argv, &out, &err), ==, 0);
      g_assert_cmpstr (err, ==, "");
    }

  store = pa_store_open (path, NULL, &error);
  g_assert_no_error (error);
  plan = pa_store_load_plan (store, "yantai", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pa_plan_get_all_targets (plan)->len, >, 0);
  g_assert_null (pa_plan_get_scenario_of (plan));
}

/* An upgrade that would break the data's references is refused, and the file is left
 * exactly as it was. */
static void
test_refused_upgrade_leaves_file_untouched (void)
{
  g_autofree char *path = copy_fixture ("schema-1.gpkg", "dangling.gpkg");
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autofree char *before = NULL, *after = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = OFF; UPDATE target_sum_parts SET target_id = 999999 "
                                     "WHERE id = (SELECT min(id) FROM target_sum_parts)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = pa_test_file_checksum (path);
  store = pa_store_open (path, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "refer to rows that are not there"));
  after = pa_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/store/creates-default-plans", test_creates_default_plans);
  g_test_add_func ("/store/ogrinfo-reports-no-warnings", test_ogrinfo_reports_no_warnings);
  g_test_add_func ("/store/geopackage-header-and-schema-version", test_geopackage_header_and_schema_version);
  g_test_add_func ("/store/load-shares-outlines-and-keeps-cache-small", test_load_shares_outlines_and_keeps_cache_small);
  g_test_add_func ("/store/upgrades-schema-1-database", test_upgrades_schema_1_database);
  g_test_add_func ("/store/refused-upgrade-leaves-file-untouched", test_refused_upgrade_leaves_file_untouched);
  g_test_add_func ("/store/gdal-validator-passes", test_gdal_validator_passes);
  g_test_add_func ("/store/every-target-is-cited", test_every_target_is_cited);
  g_test_add_func ("/store/zone-outlines-lie-in-their-districts", test_zone_outlines_lie_in_their_districts);
  g_test_add_func ("/store/zones-sit-where-they-are", test_zones_sit_where_they_are);
  g_test_add_func ("/store/refuses-not-sqlite", test_refuses_not_sqlite);
  g_test_add_func ("/store/refuses-foreign-geopackage", test_refuses_foreign_geopackage);
  g_test_add_func ("/store/refuses-newer-schema", test_refuses_newer_schema);
  g_test_add_func ("/store/refuses-truncated-database", test_refuses_truncated_database);
  g_test_add_func ("/store/refuses-unreachable-path", test_refuses_unreadable_and_missing_folder);
  g_test_add_func ("/store/unknown-plan-is-named", test_unknown_plan_named);
  g_test_add_func ("/store/reopen-keeps-user-changes", test_reopen_keeps_user_changes);
  g_test_add_func ("/store/missing-districts-leaves-nothing", test_missing_districts_leaves_nothing);
  g_test_add_func ("/store/current-district-names", test_current_district_names);
  g_test_add_func ("/store/search-all-plans", test_search_all_plans);
  g_test_add_func ("/store/bad-plan-sources-are-refused", test_bad_plan_sources_are_refused);
  g_test_add_func ("/store/own-districts-replace-fetched", test_own_districts_replace_fetched);
  return g_test_run ();
}
