/* pa-test-util.c */
#include "config.h"

#include "pa-test-util.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

static char *temp_dir;

static void
remove_temp_dir (void)
{
  if (temp_dir)
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", temp_dir);
      if (system (cmd) != 0)
        g_printerr ("could not remove %s\n", temp_dir);
    }
}

char *
pa_test_temp_path (const char *name)
{
  if (!temp_dir)
    {
      temp_dir = g_dir_make_tmp ("parkatlas-test-XXXXXX", NULL);
      g_assert_nonnull (temp_dir);
      atexit (remove_temp_dir);
    }
  return g_build_filename (temp_dir, name, NULL);
}

PaStore *
pa_test_default_store (void)
{
  static PaStore *store;
  if (!store)
    {
      g_autofree char *path = pa_test_temp_path ("default.gpkg");
      g_autoptr (GError) error = NULL;
      store = pa_store_open (path, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (store);
    }
  return store;
}

char *
pa_test_copy_default_store (const char *name)
{
  const char *from = pa_store_get_path (pa_test_default_store ());
  char *path = pa_test_temp_path (name);
  g_autofree char *sql = g_strdup_printf ("VACUUM INTO '%s'", path);
  sqlite3 *db = NULL;

  g_unlink (path);
  g_assert_cmpint (sqlite3_open_v2 (from, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

static sqlite3_stmt *
query (const char *path, const char *sql, sqlite3 **db)
{
  sqlite3_stmt *s = NULL;
  g_assert_cmpint (sqlite3_open_v2 (path, db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (*db, sql, -1, &s, NULL), ==, SQLITE_OK);
  return s;
}

int
pa_test_query_int (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *s = query (path, sql, &db);
  int v = sqlite3_step (s) == SQLITE_ROW ? sqlite3_column_int (s, 0) : -1;
  sqlite3_finalize (s);
  sqlite3_close (db);
  return v;
}

char *
pa_test_query_text (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *s = query (path, sql, &db);
  char *v = sqlite3_step (s) == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (s, 0)) : NULL;
  sqlite3_finalize (s);
  sqlite3_close (db);
  return v;
}

void
pa_test_open_copy (const char *name, const char *slug, char **path, PaStore **store, PaDocument **document)
{
  g_autoptr (GError) error = NULL;
  *path = pa_test_copy_default_store (name);
  *store = pa_store_open (*path, NULL, &error);
  g_assert_no_error (error);
  *document = pa_document_new (*store);
  g_assert_true (pa_document_open_plan (*document, slug, &error));
  g_assert_no_error (error);
}

char *
pa_test_shared_file (const char *folder, const char *name)
{
  /* the shared folder sits beside the checkout (a clone beside it finds it too) */
  g_autofree char *beside = g_build_filename (PA_SOURCE_ROOT, "..", "shared", NULL);
  const char *roots[] = { g_getenv ("PARKATLAS_SHARED"), beside };
  g_autofree char *msg = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    {
      char *path = roots[i] ? g_build_filename (roots[i], folder, name, NULL) : NULL;
      if (path && g_file_test (path, G_FILE_TEST_EXISTS))
        return path;
      g_free (path);
    }
  msg = g_strdup_printf ("%s/%s is not on this machine (set PARKATLAS_SHARED)", folder, name);
  g_test_skip (msg);
  return NULL;
}

char *
pa_test_file_checksum (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr (GError) error = NULL;
  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

int
pa_test_run (const char *const *argv, char **out, char **err)
{
  g_autoptr (GError) error = NULL;
  int status = -1;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : (WIFEXITED (status) ? WEXITSTATUS (status) : -1);
}

const char *
pa_test_exe (void)
{
  const char *e = g_getenv ("PARKATLAS_EXE");
  g_assert_nonnull (e);
  return e;
}

guint
pa_test_count_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;
  while (d && g_dir_read_name (d))
    n++;
  return n;
}
