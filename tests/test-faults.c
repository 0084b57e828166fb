/* test-faults.c — faults from outside the app: geometry other tools write, locks held by
 * other programs, journals left by crashed writers, reads failing midway, exports killed
 * or racing. Each test is named by the fault class it covers (see tests/README.md). */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

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
  return !(level & G_LOG_LEVEL_WARNING);
}

static void
record_warning (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  n_warnings++;
  g_string_append_printf (warnings, "%s\n", message);
}

static void
collect_warnings (void)
{
  n_warnings = 0;
  if (!warnings)
    warnings = g_string_new (NULL);
  g_string_truncate (warnings, 0);
  g_test_log_set_fatal_handler (count_warning, NULL);
  g_log_set_handler ("parkatlas-store", G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL, record_warning, NULL);
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

static GBytes *
foreign_blob (GPtrArray *cases, const char *name)
{
  for (guint i = 0; i < cases->len; i++)
    {
      ForeignGeometry *f = g_ptr_array_index (cases, i);
      if (g_str_equal (f->name, name))
        return f->blob;
    }
  g_assert_not_reached ();
}

/* Importing a GDAL-made GeoPackage whose features carry such geometry: the drawable ones
 * come in (empty part skipped), the others are reported by feature number. */
static void
test_foreign_geometry_import_reports_by_feature (void)
{
  g_autofree char *shared = pa_test_shared_file ("testdata", "qgis-style-4326.gpkg");
  g_autofree char *file = pa_test_temp_path ("foreign-import.gpkg");
  g_autofree char *db = pa_test_copy_default_store ("foreign-import-target.gpkg");
  g_autoptr (GPtrArray) cases = foreign_geometries ();
  g_autofree char *data = NULL, *out = NULL, *err = NULL, *before = NULL, *report = NULL;
  gsize len;
  sqlite3 *raw;
  const char *names[] = { "multipolygon-empty-part", "polygon-empty" };
  const char *argv[] = { g_getenv ("PARKATLAS_EXE"), "--db", db, "--import", file, "--plan", "yantai",
                         "--layer", "parks", NULL };
  int zones_before = pa_test_query_int (db, "SELECT count(*) FROM zones");

  if (!shared)
    return;
  g_assert_true (g_file_get_contents (shared, &data, &len, NULL));
  g_assert_true (g_file_set_contents (file, data, (gssize) len, NULL));
  raw = open_raw (file);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      sqlite3_stmt *u = NULL;
      gsize n;
      const void *blob = g_bytes_get_data (foreign_blob (cases, names[i]), &n);
      g_assert_cmpint (sqlite3_prepare_v2 (raw, "UPDATE parks SET geom = ?1 WHERE fid = ?2", -1, &u, NULL), ==, SQLITE_OK);
      sqlite3_bind_blob (u, 1, blob, (int) n, SQLITE_STATIC);
      sqlite3_bind_int (u, 2, (int) i + 1);
      g_assert_cmpint (sqlite3_step (u), ==, SQLITE_DONE);
      g_assert_cmpint (sqlite3_changes (raw), ==, 1);
      sqlite3_finalize (u);
    }
  sqlite3_close (raw);
  before = pa_test_file_checksum (file);
  g_assert_cmpint (pa_test_run (argv, &out, &err), ==, 0);
  report = g_strconcat (out, err, NULL);
  g_test_message ("%s", report);
  g_assert_cmpint (pa_test_query_int (db, "SELECT count(*) FROM zones"), ==, zones_before + 1);
  g_assert_nonnull (strstr (report, "feature 2 ")); /* the empty feature, by number … */
  g_assert_nonnull (strstr (report, "empty"));        /* … and why */
  {
    g_autofree char *after = pa_test_file_checksum (file);
    g_assert_cmpstr (before, ==, after);
  }
}

/* ---- locks held by other programs --------------------------------------------------- */

/* A child process, as another program: opens @path, takes an exclusive lock (in WAL with
 * locking_mode = EXCLUSIVE, the only way a WAL writer shuts readers out), writes, and
 * holds the lock for @hold_ms (or until killed) before committing. Returns its pid once
 * the lock is held. */
static GPid
hold_lock (const char *path, gboolean wal, int hold_ms)
{
  int fds[2];
  pid_t pid;
  char c;

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;
      close (fds[0]);
      if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK
          || sqlite3_exec (db, wal ? "PRAGMA locking_mode = EXCLUSIVE" : "SELECT 1", NULL, NULL, NULL) != SQLITE_OK
          || sqlite3_exec (db, "BEGIN EXCLUSIVE; UPDATE pa_metadata SET value = value WHERE key = 'schema_version'",
                           NULL, NULL, NULL) != SQLITE_OK)
        _exit (3);
      if (write (fds[1], "L", 1) != 1)
        _exit (4);
      g_usleep ((gulong) hold_ms * 1000);
      sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
      sqlite3_close (db);
      _exit (0);
    }
  close (fds[1]);
  g_assert_cmpint (read (fds[0], &c, 1), ==, 1);
  close (fds[0]);
  return pid;
}

static int
wait_child (GPid pid)
{
  int status = 0;
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  return status;
}

static char *
copy_in_journal_mode (const char *name, const char *mode)
{
  char *path = pa_test_copy_default_store (name);
  sqlite3 *db = open_raw (path);
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", mode);
  exec_ok (db, sql);
  sqlite3_close (db);
  return path;
}

/* A lock held briefly by another program is waited for (busy timeout), not refused. */
static void
test_lock_held_briefly_is_waited_for (void)
{
  g_autofree char *path = copy_in_journal_mode ("lock-brief.gpkg", "DELETE");
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  GPid child = hold_lock (path, FALSE, 500);

  store = pa_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (wait_child (child), ==, 0);
}

/* A lock held for good is "busy", naming the file — never "not an SQLite database" —
 * on open and on the command line (non-zero exit), and the file is left as it was. */
static void
test_lock_held_is_busy_naming_the_file (void)
{
  const char *modes[] = { "DELETE", "WAL" };

  for (guint m = 0; m < G_N_ELEMENTS (modes); m++)
    {
      g_autofree char *name = g_strdup_printf ("lock-held-%s.gpkg", modes[m]);
      g_autofree char *path = copy_in_journal_mode (name, modes[m]);
      g_autofree char *before = pa_test_file_checksum (path);
      g_autoptr (GError) error = NULL;
      g_autoptr (PaStore) store = NULL;
      g_autofree char *err = NULL;
      const char *argv[] = { g_getenv ("PARKATLAS_EXE"), "--db", path, "--list-plans", NULL };
      GPid child = hold_lock (path, m == 1, 60000);

      store = pa_store_open (path, NULL, &error);
      g_assert_null (store);
      g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_BUSY);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_null (strstr (error->message, "not an SQLite"));
      g_assert_cmpint (pa_test_run (argv, NULL, &err), !=, 0);
      g_assert_nonnull (strstr (err, path));
      g_assert_nonnull (strstr (err, "in use"));
      kill (child, SIGKILL);
      wait_child (child);
      /* the refusals changed nothing; the killed holder wrote only in its journal */
      if (m == 0)
        {
          g_autofree char *after = pa_test_file_checksum (path);
          g_assert_cmpstr (before, ==, after);
        }
      {
        g_autoptr (GError) again = NULL;
        g_autoptr (PaStore) after_store = pa_store_open (path, NULL, &again);
        g_assert_no_error (again);
      }
    }
}

/* ---- journals left by crashed writers ----------------------------------------------- */

/* A child writes a big change without committing, so that SQLite spills it into the
 * database file, and dies: the journal left beside it is hot. */
static void
crash_mid_transaction_with (const char *path, const char *committed_sql, const char *uncommitted_sql)
{
  pid_t pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      sqlite3 *db = NULL;
      if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        _exit (3);
      pa_store_register_functions (db);
      if (sqlite3_exec (db, "PRAGMA wal_autocheckpoint = 0; PRAGMA cache_size = 2", NULL, NULL, NULL) != SQLITE_OK
          || (committed_sql && sqlite3_exec (db, committed_sql, NULL, NULL, NULL) != SQLITE_OK)
          || sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK
          || sqlite3_exec (db, uncommitted_sql, NULL, NULL, NULL) != SQLITE_OK)
        _exit (4);
      _exit (0); /* no COMMIT, no close: as if the power went */
    }
  g_assert_cmpint (wait_child (pid), ==, 0);
}

static void
crash_mid_transaction (const char *path, const char *committed_sql)
{
  crash_mid_transaction_with (path, committed_sql,
                              "UPDATE zones SET note = hex(randomblob(3000)), name = 'crashed'");
}

/* A hot rollback journal is rolled back on open, as SQLite would, and not refused. */
static void
test_hot_journal_is_rolled_back (void)
{
  g_autofree char *path = copy_in_journal_mode ("hot-journal.gpkg", "DELETE");
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autofree char *before = pa_test_file_checksum (path);
  g_autofree char *spilled = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  GStatBuf st;
  int zones = pa_test_query_int (path, "SELECT count(*) FROM zones WHERE name <> 'crashed'");

  crash_mid_transaction (path, NULL);
  g_assert_cmpint (g_stat (journal, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 0);
  spilled = pa_test_file_checksum (path);
  g_assert_cmpstr (spilled, !=, before); /* the half-made change reached the file */

  store = pa_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM zones WHERE name <> 'crashed'"), ==, zones);
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM zones WHERE name = 'crashed'"), ==, 0);
}

/* A WAL left by a crashed writer is replayed: what it committed is there, what it had
 * not committed is not. */
static void
test_wal_left_by_crashed_writer_is_recovered (void)
{
  g_autofree char *path = copy_in_journal_mode ("crashed-wal.gpkg", "WAL");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaPlan) plan = NULL;

  crash_mid_transaction (path, "UPDATE plans SET name = 'committed before the crash' WHERE slug = 'yantai'");
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_unlink (shm); /* a reboot clears nothing, but a copy to another machine loses it */
  store = pa_store_open (path, NULL, &error);
  g_assert_no_error (error);
  plan = pa_store_load_plan (store, "yantai", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pa_plan_get_name (plan), ==, "committed before the crash");
  for (guint i = 0; i < g_list_model_get_n_items (pa_plan_get_zones (plan)); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (pa_plan_get_zones (plan), i);
      g_assert_cmpstr (pa_zone_get_name (z), !=, "crashed");
    }
}

/* A GeoPackage to import that another program left with a hot journal is refused with
 * what to do — the import never writes to the file, not even to recover it. */
static void
test_import_of_file_with_hot_journal_says_so (void)
{
  g_autofree char *shared = pa_test_shared_file ("testdata", "qgis-style-4326.gpkg");
  g_autofree char *file = pa_test_temp_path ("hot-import.gpkg");
  g_autofree char *journal = g_strconcat (file, "-journal", NULL);
  g_autofree char *db = pa_test_copy_default_store ("hot-import-target.gpkg");
  g_autofree char *before = NULL, *before_journal = NULL, *err = NULL;
  g_autofree char *data = NULL;
  gsize len;
  const char *argv[] = { g_getenv ("PARKATLAS_EXE"), "--db", db, "--import", file, "--plan", "yantai", NULL };

  if (!shared)
    return;
  g_assert_true (g_file_get_contents (shared, &data, &len, NULL));
  g_assert_true (g_file_set_contents (file, data, (gssize) len, NULL));
  crash_mid_transaction_with (file, NULL,
                              "CREATE TABLE pad (x); INSERT INTO pad SELECT randomblob(4000) FROM "
                              "(WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 50) "
                              "SELECT i FROM c); UPDATE parks SET name = 'crashed'");
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  before = pa_test_file_checksum (file);
  before_journal = pa_test_file_checksum (journal);
  g_assert_cmpint (pa_test_run (argv, NULL, &err), !=, 0);
  g_assert_nonnull (strstr (err, file));
  g_assert_nonnull (strstr (err, "mid-write"));
  g_assert_null (strstr (err, "not an SQLite"));
  {
    g_autofree char *after = pa_test_file_checksum (file);
    g_autofree char *after_journal = pa_test_file_checksum (journal);
    g_assert_cmpstr (before, ==, after);
    g_assert_cmpstr (before_journal, ==, after_journal);
  }
}

/* A GeoPackage in WAL mode (as QGIS leaves the files it edits) is imported without a
 * -wal or -shm left beside it: SQLite would make both to read it (the fuzzer found this). */
static void
test_import_of_wal_file_leaves_nothing_beside_it (void)
{
  g_autofree char *shared = pa_test_shared_file ("testdata", "qgis-style-4326.gpkg");
  g_autofree char *file = pa_test_temp_path ("wal-import.gpkg");
  g_autofree char *wal = g_strconcat (file, "-wal", NULL);
  g_autofree char *shm = g_strconcat (file, "-shm", NULL);
  g_autofree char *db = pa_test_copy_default_store ("wal-import-target.gpkg");
  g_autofree char *before = NULL, *after = NULL, *out = NULL, *err = NULL;
  g_autofree char *data = NULL;
  gsize len;
  sqlite3 *raw;
  const char *argv[] = { g_getenv ("PARKATLAS_EXE"), "--db", db, "--import", file, "--plan", "yantai", NULL };

  if (!shared)
    return;
  g_assert_true (g_file_get_contents (shared, &data, &len, NULL));
  g_assert_true (g_file_set_contents (file, data, (gssize) len, NULL));
  raw = open_raw (file);
  exec_ok (raw, "PRAGMA journal_mode = WAL");
  sqlite3_close (raw);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  before = pa_test_file_checksum (file);
  g_assert_cmpint (pa_test_run (argv, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "zones: 2 (parts: 3), organisations: 5"));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  after = pa_test_file_checksum (file);
  g_assert_cmpstr (before, ==, after);
}

/* ---- reads failing midway -------------------------------------------------------------- */

/* Damages leaf page @nth (from the end) of @table on disk, under an open store. */
static void
damage_leaf_page (const char *path, const char *table, int nth)
{
  g_autofree char *sql = g_strdup_printf (
      "SELECT pageno FROM dbstat WHERE name = '%s' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1 OFFSET %d",
      table, nth);
  int page = pa_test_query_int (path, sql);
  int size = pa_test_query_int (path, "PRAGMA page_size");
  FILE *f;
  guint8 junk[64];

  g_assert_cmpint (page, >, 1);
  memset (junk, 0xff, sizeof junk);
  f = fopen (path, "r+b");
  g_assert_nonnull (f);
  g_assert_cmpint (fseek (f, (long) (page - 1) * size, SEEK_SET), ==, 0);
  g_assert_cmpuint (fwrite (junk, 1, sizeof junk, f), ==, sizeof junk);
  fclose (f);
}

/* A plan whose rows cannot all be read is an error, never a plan with fewer zones or
 * parts than the file holds. */
static void
test_read_error_midway_through_a_plan (void)
{
  g_autofree char *path = pa_test_copy_default_store ("read-error.gpkg");
  const char *slugs[] = { "yantai", "shenzhen", "minhang", "shanghai", "pudong" };
  int zones[G_N_ELEMENTS (slugs)], parts[G_N_ELEMENTS (slugs)];
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = pa_store_open (path, NULL, &error);
  guint failed = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      g_autofree char *zq = g_strdup_printf (
          "SELECT count(*) FROM zones z JOIN plans p ON p.id = z.plan_id WHERE p.slug = '%s'", slugs[i]);
      g_autofree char *pq = g_strdup_printf (
          "SELECT count(*) FROM zone_places zp JOIN zones z ON z.fid = zp.zone_id JOIN plans p ON p.id = z.plan_id "
          "WHERE p.slug = '%s' AND zp.geom IS NOT NULL", slugs[i]);
      zones[i] = pa_test_query_int (path, zq);
      parts[i] = pa_test_query_int (path, pq);
    }
  damage_leaf_page (path, "zone_places", 1);
  damage_leaf_page (path, "targets", 0);
  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (PaPlan) plan = pa_store_load_plan (store, slugs[i], &local);
      int n_parts = 0;

      if (!plan)
        {
          g_test_message ("%s: %s", slugs[i], local->message);
          g_assert_error (local, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT);
          failed++;
          continue;
        }
      g_assert_no_error (local);
      g_assert_cmpint ((int) g_list_model_get_n_items (pa_plan_get_zones (plan)), ==, zones[i]);
      for (guint k = 0; k < g_list_model_get_n_items (pa_plan_get_zones (plan)); k++)
        {
          g_autoptr (PaZone) z = g_list_model_get_item (pa_plan_get_zones (plan), k);
          n_parts += (int) pa_zone_get_n_parts (z);
        }
      g_assert_cmpint (n_parts, ==, parts[i]);
    }
  g_assert_cmpuint (failed, >, 0);
  /* the targets table too: a list cut short is an error */
  failed = 0;
  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (GPtrArray) t = pa_store_list_targets (store, slugs[i], &local);
      g_assert_true ((t == NULL) == (local != NULL));
      failed += t == NULL;
    }
  g_assert_cmpuint (failed, >, 0);
}

/* ---- kills, races and links around the files the app writes ---------------------------- */

/* Names in @dir that contain ".partial" (temporaries, and SQLite journals of them). */
static guint
count_partials (const char *dir_name, const char *base)
{
  g_autoptr (GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    if (g_str_has_prefix (name, base) && strstr (name, ".partial"))
      n++;
  return n;
}

/* Starts @argv, waits until a temporary for @target appears, and kills it there. */
static void
kill_when_partial_appears (const char *const *argv, const char *target)
{
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autoptr (GError) error = NULL;
  GPid pid;
  gboolean seen = FALSE;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL
                                | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 60000 && !seen; i++)
    {
      seen = count_partials (dir, base) > 0;
      if (!seen)
        g_usleep (500);
    }
  kill (pid, SIGKILL);
  wait_child (pid);
  g_assert_true (seen);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_partials (dir, base), >, 0); /* the kill left debris … */
}

/* A temporary name as another, live, process of this host would have it. */
static char *
live_partial_name (const char *target)
{
  g_autoptr (GString) host = g_string_new (NULL);
  for (const char *c = g_get_host_name (); *c; c++)
    g_string_append_c (host, g_ascii_isalnum (*c) ? *c : '_');
  return g_strdup_printf ("%s.partial-%s-%d-live00", target, host->str, (int) getpid ());
}

/* An export killed midway leaves its temporary; the next export clears it (and only the
 * ones of dead processes), and writes the file. */
static void
test_kill_during_export_leaves_no_debris (void)
{
  g_autofree char *db = pa_test_copy_default_store ("kill-export.gpkg");
  g_autofree char *target = pa_test_temp_path ("kill-export.pdf");
  g_autofree char *dir = g_path_get_dirname (target);
  g_autofree char *live = live_partial_name (target);
  const char *argv[] = { g_getenv ("PARKATLAS_EXE"), "--db", db, "--export", target, "--plan", "pudong", NULL };
  g_autofree char *err = NULL;

  kill_when_partial_appears (argv, target);
  g_assert_true (g_file_set_contents (live, "", 0, NULL));
  g_assert_cmpint (pa_test_run (argv, NULL, &err), ==, 0);
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS)); /* … another live export's is not touched */
  g_unlink (live);
  g_assert_cmpuint (count_partials (dir, "kill-export.pdf"), ==, 0);
}

/* A database creation killed midway leaves no file under the name, and the next run
 * clears the half-made temporary and its journal, and creates the database. */
static void
test_kill_during_database_creation_leaves_no_debris (void)
{
  g_autofree char *target = pa_test_temp_path ("kill-create.gpkg");
  g_autofree char *dir = g_path_get_dirname (target);
  const char *argv[] = { g_getenv ("PARKATLAS_EXE"), "--db", target, "--list-plans", NULL };
  g_autofree char *out = NULL;

  kill_when_partial_appears (argv, target);
  g_assert_cmpint (pa_test_run (argv, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "yantai"));
  g_assert_cmpuint (count_partials (dir, "kill-create.gpkg"), ==, 0);
}

static gboolean
is_complete_pdf (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;
  if (!g_file_get_contents (path, &data, &len, NULL) || len < 1000)
    return FALSE;
  return g_str_has_prefix (data, "%PDF") && g_strstr_len (data + len - 32, 32, "%%EOF") != NULL;
}

/* Two exports to one new file at once: the file is whole, each process either says it
 * wrote it or says another wrote it first (non-zero exit), and nothing is left behind. */
static void
test_concurrent_exports_report_truthfully (void)
{
  g_autofree char *db = pa_test_copy_default_store ("race.gpkg");
  g_autofree char *dir = NULL;

  for (int round = 0; round < 4; round++)
    {
      g_autofree char *name = g_strdup_printf ("race-%d.pdf", round);
      g_autofree char *target = pa_test_temp_path (name);
      const char *argv[] = { g_getenv ("PARKATLAS_EXE"), "--db", db, "--export", target, "--plan", "shenzhen", NULL };
      GPid pids[2];
      int errs[2];
      int ok = 0;

      for (int k = 0; k < 2; k++)
        {
          g_autoptr (GError) error = NULL;
          g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD
                                                   | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pids[k], NULL,
                                                   NULL, &errs[k], &error));
          g_assert_no_error (error);
        }
      for (int k = 0; k < 2; k++)
        {
          g_autoptr (GIOChannel) ch = g_io_channel_unix_new (errs[k]);
          g_autofree char *err = NULL;
          int status;
          g_io_channel_set_close_on_unref (ch, TRUE);
          g_io_channel_read_to_end (ch, &err, NULL, NULL);
          status = wait_child (pids[k]);
          if (WIFEXITED (status) && WEXITSTATUS (status) == 0)
            ok++;
          else
            {
              g_test_message ("round %d, export %d: %s", round, k, err);
              g_assert_true (WIFEXITED (status));
              g_assert_nonnull (strstr (err, target));
              g_assert_nonnull (strstr (err, "appeared while it was being written"));
            }
        }
      g_assert_cmpint (ok, >=, 1);
      g_assert_true (is_complete_pdf (target));
      g_clear_pointer (&dir, g_free);
      dir = g_path_get_dirname (target);
      g_assert_cmpuint (count_partials (dir, name), ==, 0);
    }
}

/* A symlink the user points the export at stays a symlink: the file it names is written
 * (created, when the link dangles). */
static void
test_symlink_target_is_followed_not_replaced (void)
{
  g_autofree char *db = pa_test_copy_default_store ("link.gpkg");
  g_autofree char *real = pa_test_temp_path ("real-figure.svg");
  g_autofree char *link = pa_test_temp_path ("link-figure.svg");
  const char *argv[] = { g_getenv ("PARKATLAS_EXE"), "--db", db, "--export", link, "--plan", "yantai", NULL };
  g_autofree char *target = NULL;

  g_assert_cmpint (symlink ("real-figure.svg", link), ==, 0); /* dangling, relative */
  for (int run = 0; run < 2; run++)
    {
      g_autofree char *text = NULL;
      g_assert_cmpint (pa_test_run (argv, NULL, NULL), ==, 0);
      target = g_file_read_link (link, NULL);
      g_assert_cmpstr (target, ==, "real-figure.svg");
      g_clear_pointer (&target, g_free);
      g_assert_true (g_file_get_contents (real, &text, NULL, NULL));
      g_assert_nonnull (strstr (text, "<svg"));
    }
}

/* ---- text from other tools ------------------------------------------------------------ */

/* Bytes that are not UTF-8 and a name of 300,000 characters, written by another tool into
 * a zone, its note, a district and a citation: the plan loads with the text made valid and
 * cut (each named in the log), and every plan still exports, quickly. */
static void
test_bad_text_is_shown_cut_and_never_blocks_exports (void)
{
  g_autofree char *path = pa_test_copy_default_store ("bad-text.gpkg");
  g_autofree char *huge = NULL;
  sqlite3 *db = open_raw (path);
  sqlite3_stmt *u = NULL;
  const char *updates[] = {
    "UPDATE zones SET name = ?1 WHERE fid = (SELECT min(z.fid) FROM zones z JOIN plans p ON p.id = z.plan_id WHERE p.slug = 'yantai')",
    "UPDATE zones SET note = ?2 WHERE fid = (SELECT max(z.fid) FROM zones z JOIN plans p ON p.id = z.plan_id WHERE p.slug = 'yantai')",
    "UPDATE districts SET name = ?1 WHERE fid IN (SELECT fid FROM districts ORDER BY fid LIMIT 40)",
    "UPDATE citations SET quote = ?2 || id || ?1 WHERE id IN (SELECT id FROM citations ORDER BY id LIMIT 5)",
    "UPDATE plans SET name = ?2 WHERE slug = 'shenzhen'",
  };
  const char *bad = "\xff\xfe\xc3\x28 bad \xe9\x9d";
  /* yantai has the bad zone name and note, shenzhen the huge plan name; both the districts */
  const char *slugs[] = { "yantai", "shenzhen" };
  g_autoptr (GString) big = g_string_new (NULL);

  for (int i = 0; i < 300000; i++)
    g_string_append_unichar (big, 0x4e00 + (gunichar) (i % 64)); /* CJK, 3 bytes each */
  for (guint i = 0; i < G_N_ELEMENTS (updates); i++)
    {
      g_assert_cmpint (sqlite3_prepare_v2 (db, updates[i], -1, &u, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (u, 1, bad, -1, SQLITE_STATIC);
      sqlite3_bind_text (u, 2, big->str, (int) big->len, SQLITE_STATIC);
      if (sqlite3_step (u) != SQLITE_DONE)
        g_error ("%s: %s", updates[i], sqlite3_errmsg (db));
      g_assert_cmpint (sqlite3_changes (db), >, 0);
      sqlite3_finalize (u);
    }
  sqlite3_close (db);

  collect_warnings ();
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (PaStore) store = pa_store_open (path, NULL, &error);
    g_autoptr (PaPlan) yantai = NULL, shenzhen = NULL;
    g_autoptr (PaZone) first = NULL;
    g_autoptr (PaBasemap) basemap = NULL;
    gint64 start = g_get_monotonic_time ();

    g_assert_no_error (error);
    yantai = pa_store_load_plan (store, "yantai", &error);
    g_assert_no_error (error);
    first = g_list_model_get_item (pa_plan_get_zones (yantai), 0);
    g_assert_true (g_utf8_validate (pa_zone_get_name (first), -1, NULL));
    g_assert_nonnull (strstr (pa_zone_get_name (first), " bad "));
    shenzhen = pa_store_load_plan (store, "shenzhen", &error);
    g_assert_no_error (error);
    g_assert_true (g_utf8_validate (pa_plan_get_name (shenzhen), -1, NULL));
    g_assert_cmpint (g_utf8_strlen (pa_plan_get_name (shenzhen), -1), <=, 501);
    g_assert_true (g_str_has_suffix (pa_plan_get_name (shenzhen), "…"));
    basemap = pa_store_load_basemap (store, &error);
    g_assert_no_error (error);
    g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  }
  g_test_log_set_fatal_handler (NULL, NULL);
  g_assert_cmpuint (n_warnings, >=, 4);
  g_assert_nonnull (strstr (warnings->str, "table zones, column name"));
  g_assert_nonnull (strstr (warnings->str, "table districts, column name"));
  g_assert_nonnull (strstr (warnings->str, "too long"));
  g_assert_nonnull (strstr (warnings->str, "not valid UTF-8"));

  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      g_autofree char *name = g_strdup_printf ("bad-text-%s.pdf", slugs[i]);
      g_autofree char *out = pa_test_temp_path (name);
      const char *argv[] = { g_getenv ("PARKATLAS_EXE"), "--db", path, "--export", out, "--plan", slugs[i], NULL };
      g_autofree char *err = NULL;
      gint64 start = g_get_monotonic_time ();

      g_assert_cmpint (pa_test_run (argv, NULL, &err), ==, 0);
      g_assert_true (is_complete_pdf (out));
      g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/faults/foreign-geometry/drawn-or-refused", test_foreign_geometry_drawn_or_refused);
  g_test_add_func ("/faults/foreign-geometry/never-blocks-a-plan", test_foreign_geometry_never_blocks_a_plan);
  g_test_add_func ("/faults/foreign-geometry/exports", test_foreign_geometry_exports);
  g_test_add_func ("/faults/foreign-geometry/import-reports-by-feature", test_foreign_geometry_import_reports_by_feature);
  g_test_add_func ("/faults/lock/held-briefly-is-waited-for", test_lock_held_briefly_is_waited_for);
  g_test_add_func ("/faults/lock/held-is-busy-naming-the-file", test_lock_held_is_busy_naming_the_file);
  g_test_add_func ("/faults/journal/hot-journal-is-rolled-back", test_hot_journal_is_rolled_back);
  g_test_add_func ("/faults/journal/wal-left-by-crashed-writer-is-recovered",
                   test_wal_left_by_crashed_writer_is_recovered);
  g_test_add_func ("/faults/journal/import-of-file-with-hot-journal-says-so",
                   test_import_of_file_with_hot_journal_says_so);
  g_test_add_func ("/faults/journal/import-of-wal-file-leaves-nothing-beside-it",
                   test_import_of_wal_file_leaves_nothing_beside_it);
  g_test_add_func ("/faults/read-error/midway-through-a-plan", test_read_error_midway_through_a_plan);
  g_test_add_func ("/faults/kill/during-export-leaves-no-debris", test_kill_during_export_leaves_no_debris);
  g_test_add_func ("/faults/kill/during-database-creation-leaves-no-debris",
                   test_kill_during_database_creation_leaves_no_debris);
  g_test_add_func ("/faults/race/concurrent-exports-report-truthfully", test_concurrent_exports_report_truthfully);
  g_test_add_func ("/faults/symlink/target-is-followed-not-replaced", test_symlink_target_is_followed_not_replaced);
  g_test_add_func ("/faults/text/bad-text-is-shown-cut-and-never-blocks-exports",
                   test_bad_text_is_shown_cut_and_never_blocks_exports);
  return g_test_run ();
}
