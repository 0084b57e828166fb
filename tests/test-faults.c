/* test-faults.c — faults from outside the app: geometry other tools write, locks held by
 * other programs, journals left by crashed writers, reads failing midway, exports killed
 * or racing. Each test is named by the fault class it covers (see tests/README.md). */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "geo/pa-gpkg-blob.h"
#include "pa-test-util.h"
#include "store/pa-store-private.h"

/* ---- fixtures ---------------------------------------------------------------------- */

typedef struct
{
  char *name;
  gboolean draw;
  GBytes *blob;
} ForeignGeometry;

static void
foreign_geometry_free (gpointer p)
{
  ForeignGeometry *f = p;
  g_free (f->name);
  g_bytes_unref (f->blob);
  g_free (f);
}

/* tests/data/foreign-geometry.txt: blobs GDAL wrote, and hand-made ones it does not */
static GPtrArray *
foreign_geometries (void)
{
  g_autofree char *path = g_build_filename (PA_SOURCE_ROOT, "tests", "data", "foreign-geometry.txt", NULL);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (foreign_geometry_free);

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) cols = g_strsplit (lines[i], "\t", 3);
      ForeignGeometry *f;
      gsize n;
      guint8 *bytes;

      if (lines[i][0] == '#' || g_strv_length (cols) != 3)
        continue;
      n = strlen (cols[2]) / 2;
      bytes = g_malloc (n + 1);
      for (gsize k = 0; k < n; k++)
        bytes[k] = (guint8) (g_ascii_xdigit_value (cols[2][2 * k]) << 4 | g_ascii_xdigit_value (cols[2][2 * k + 1]));
      f = g_new0 (ForeignGeometry, 1);
      f->name = g_strdup (cols[0]);
      f->draw = g_str_equal (cols[1], "draw");
      f->blob = g_bytes_new_take (bytes, n);
      g_ptr_array_add (out, f);
    }
  g_assert_cmpuint (out->len, >=, 15);
  return out;
}

static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  pa_store_register_functions (db); /* the R*Tree triggers call ST_MinX … */
  return db;
}

static void
exec_ok (sqlite3 *db, const char *sql)
{
  char *msg = NULL;
  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

/* Warnings the app logs on purpose (a feature left out) are counted, not fatal. */
static guint n_warnings;
static GString *warnings;

static gboolean
count_warning (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  if (level & G_LOG_LEVEL_WARNING)
    {
      n_warnings++;
      g_string_append_printf (warnings, "%s\n", message);
      return FALSE;
    }
  return TRUE;
}

static void
collect_warnings (void)
{
  n_warnings = 0;
  if (!warnings)
    warnings = g_string_new (NULL);
  g_string_truncate (warnings, 0);
  g_test_log_set_fatal_handler (count_warning, NULL);
}

/* ---- geometry written by other tools ----------------------------------------------- */

/* Each blob is drawn (empty parts and rings skipped, Z/M dropped, either byte order) or
 * refused with a reason; none crashes or yields a polygon without rings. */
static void
test_foreign_geometry_drawn_or_refused (void)
{
  g_autoptr (GPtrArray) cases = foreign_geometries ();

  for (guint i = 0; i < cases->len; i++)
    {
      ForeignGeometry *f = g_ptr_array_index (cases, i);
      gsize n;
      const guint8 *data = g_bytes_get_data (f->blob, &n);
      g_autoptr (GError) error = NULL;
      g_autoptr (PaGeometry) g = pa_gpkg_blob_to_geometry (data, n, NULL, &error);

      g_test_message ("%s: %s", f->name, error ? error->message : "drawn");
      if (!f->draw)
        {
          g_assert_null (g);
          g_assert_true (g_error_matches (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID)
                         || g_error_matches (error, PA_GEO_ERROR, PA_GEO_ERROR_UNSUPPORTED));
          continue;
        }
      g_assert_no_error (error);
      g_assert_nonnull (g);
      for (guint p = 0; p < pa_geometry_get_n_polygons (g); p++)
        g_assert_cmpuint (pa_geometry_get_n_rings (g, p), >, 0);
      if (g_str_has_suffix (f->name, "-empty"))
        g_assert_true (pa_geometry_is_empty (g));
      else
        {
          /* the same square, near Yantai, whatever the dimensions or byte order */
          PaBBox b = pa_geometry_get_bbox (g);
          g_assert_cmpfloat_with_epsilon (b.minx, 121.1, 1e-9);
          g_assert_cmpfloat_with_epsilon (b.maxy, 37.5, 1e-9);
          g_assert_cmpuint (pa_geometry_get_n_polygons (g), ==, 1);
        }
      if (g_str_equal (f->name, "multipolygon-zm-hole"))
        g_assert_cmpuint (pa_geometry_get_n_rings (g, 0), ==, 2);
      if (g_str_equal (f->name, "polygon-empty-hole"))
        g_assert_cmpuint (pa_geometry_get_n_rings (g, 0), ==, 1);
    }
}

/* A copy of the default store where every zone, zone place and the first district carry
 * one of the foreign blobs in turn; returns how many rows got a blob that is refused. */
static guint
write_foreign_geometry (const char *path)
{
  g_autoptr (GPtrArray) cases = foreign_geometries ();
  sqlite3 *db = open_raw (path);
  const char *tables[] = { "zones", "zone_places", "districts" };
  guint refused = 0, k = 0;

  exec_ok (db, "BEGIN");
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *select = g_strdup_printf ("SELECT fid FROM %s ORDER BY fid%s", tables[t],
                                                 t == 2 ? " LIMIT 3" : "");
      g_autofree char *update = g_strdup_printf ("UPDATE %s SET geom = ?1 WHERE fid = ?2", tables[t]);
      sqlite3_stmt *s = NULL, *u = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, select, -1, &s, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, update, -1, &u, NULL), ==, SQLITE_OK);
      while (sqlite3_step (s) == SQLITE_ROW)
        {
          ForeignGeometry *f = g_ptr_array_index (cases, k++ % cases->len);
          gsize n;
          const void *data = g_bytes_get_data (f->blob, &n);
          sqlite3_bind_blob (u, 1, data, (int) n, SQLITE_STATIC);
          sqlite3_bind_int64 (u, 2, sqlite3_column_int64 (s, 0));
          g_assert_cmpint (sqlite3_step (u), ==, SQLITE_DONE);
          sqlite3_reset (u);
          refused += !f->draw;
        }
      sqlite3_finalize (s);
      sqlite3_finalize (u);
    }
  exec_ok (db, "COMMIT");
  sqlite3_close (db);
  return refused;
}

/* Every plan still loads, with every zone, when its outlines came from other tools; each
 * outline left out is named in the log by table and fid. */
static void
test_foreign_geometry_never_blocks_a_plan (void)
{
  g_autofree char *path = pa_test_copy_default_store ("foreign-load.gpkg");
  guint refused = write_foreign_geometry (path);
  g_autoptr (PaStore) store = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (PaBasemap) basemap = NULL;

  g_assert_cmpuint (refused, >, 3);
  collect_warnings ();
  store = pa_store_open (path, NULL, &error);
  g_assert_no_error (error);
  plans = pa_store_list_plans (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    {
      const char *slug = ((char **) g_ptr_array_index (plans, i))[0];
      g_autofree char *sql = g_strdup_printf (
          "SELECT count(*) FROM zones z JOIN plans p ON p.id = z.plan_id WHERE p.slug = '%s'", slug);
      g_autoptr (PaPlan) plan = pa_store_load_plan (store, slug, &error);
      g_assert_no_error (error);
      g_assert_nonnull (plan);
      g_assert_cmpint ((int) g_list_model_get_n_items (pa_plan_get_zones (plan)), ==, pa_test_query_int (path, sql));
    }
  basemap = pa_store_load_basemap (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (basemap);
  g_test_log_set_fatal_handler (NULL, NULL);
  g_assert_cmpuint (n_warnings, ==, refused);
  g_assert_nonnull (strstr (warnings->str, "Table zones, feature (fid) "));
  g_assert_nonnull (strstr (warnings->str, "Table zone_places, feature (fid) "));
  g_assert_nonnull (strstr (warnings->str, "table districts, feature (fid) "));
}

/* The command line exports every plan of such a file (this crashed on an empty part),
 * says on stderr which features it left out, and leaves the database as it was. */
static void
test_foreign_geometry_exports (void)
{
  g_autofree char *path = pa_test_copy_default_store ("foreign-export.gpkg");
  const char *slugs[] = { "yantai", "shenzhen", "minhang", "shanghai", "pudong" };
  g_autofree char *before = NULL;

  write_foreign_geometry (path);
  {
    /* once opened, the file is in its working journal mode: exports must not change it */
    g_autoptr (GError) error = NULL;
    g_autoptr (PaStore) store = pa_store_open (path, NULL, &error);
    g_assert_no_error (error);
  }
  before = pa_test_file_checksum (path);
  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      g_autofree char *name = g_strdup_printf ("foreign-%s.%s", slugs[i], i % 2 ? "svg" : "pdf");
      g_autofree char *out = pa_test_temp_path (name);
      const char *argv[] = { g_getenv ("PARKATLAS_EXE"), "--db", path, "--export", out, "--plan", slugs[i], NULL };
      g_autofree char *err = NULL;
      GStatBuf st;

      g_assert_cmpint (pa_test_run (argv, NULL, &err), ==, 0);
      g_assert_cmpint (g_stat (out, &st), ==, 0);
      g_assert_cmpint (st.st_size, >, 1000);
      if (i == 0)
        g_assert_nonnull (strstr (err, "fid"));
    }
  g_autofree char *after = pa_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/faults/foreign-geometry/drawn-or-refused", test_foreign_geometry_drawn_or_refused);
  g_test_add_func ("/faults/foreign-geometry/never-blocks-a-plan", test_foreign_geometry_never_blocks_a_plan);
  g_test_add_func ("/faults/foreign-geometry/exports", test_foreign_geometry_exports);
  return g_test_run ();
}
