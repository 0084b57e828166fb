/* pa-store.c — opening, checking and reading the planning GeoPackage */
#define G_LOG_DOMAIN "parkatlas-store"

#include "config.h"

#include "pa-store-private.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "geo/pa-gpkg-blob.h"
#include "util/pa-atomic-file.h"

#define GPKG_APPLICATION_ID 0x47504B47

struct _PaStore
{
  GObject parent_instance;
  char *path;
  char *journal_mode;
  sqlite3 *db;
  GHashTable *statements; /* SQL → sqlite3_stmt, see pa_store_prepare_cached */
};

G_DEFINE_QUARK (pa-store-error-quark, pa_store_error)
G_DEFINE_FINAL_TYPE (PaStore, pa_store, G_TYPE_OBJECT)

static void
pa_store_finalize (GObject *object)
{
  PaStore *self = PA_STORE (object);
  /* statements first: sqlite3_close refuses a connection that still has them */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self->journal_mode);
  G_OBJECT_CLASS (pa_store_parent_class)->finalize (object);
}

static void
pa_store_class_init (PaStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pa_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
pa_store_init (PaStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

sqlite3 *
pa_store_get_db (PaStore *self)
{
  return self->db;
}

const char *
pa_store_get_path (PaStore *self)
{
  g_return_val_if_fail (PA_IS_STORE (self), NULL);
  return self->path;
}

gboolean
pa_store_exec (sqlite3 *db, const char *sql, GError **error)
{
  char *msg = NULL;
  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_SQL, "%s", msg ? msg : sqlite3_errmsg (db));
      sqlite3_free (msg);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
pa_store_prepare (sqlite3 *db, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_SQL, "%s", sqlite3_errmsg (db));
      return NULL;
    }
  return stmt;
}

sqlite3_stmt *
pa_store_prepare_cached (PaStore *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  stmt = pa_store_prepare (self->db, sql, error);
  if (stmt)
    g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

void
pa_store_set_sql_error (sqlite3 *db, int rc, GError **error, const char *what)
{
  int code;
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_BUSY,
                   _("The database is in use by another program (%s); try again when it is done"),
                   sqlite3_errstr (rc));
      return;
    case SQLITE_READONLY:
      code = PA_STORE_ERROR_READ_ONLY;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      code = PA_STORE_ERROR_CORRUPT;
      break;
    default:
      code = PA_STORE_ERROR_SQL;
    }
  if (what)
    g_set_error (error, PA_STORE_ERROR, code, "%s: %s", what, sqlite3_errmsg (db));
  else
    g_set_error (error, PA_STORE_ERROR, code, "%s", sqlite3_errmsg (db));
}

PaSqliteFile
pa_store_sniff_file (const char *path, GError **error)
{
  static const char magic[16] = "SQLite format 3";
  char head[16] = { 0 };
  size_t n;
  FILE *f = fopen (path, "rb");

  if (!f)
    {
      int saved = errno;
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN, _("Cannot read “%s”: %s"), path,
                   g_strerror (saved));
      return PA_SQLITE_FILE_UNREADABLE;
    }
  n = fread (head, 1, sizeof head, f);
  fclose (f);
  if (n == 0)
    return PA_SQLITE_FILE_EMPTY;
  if (n < sizeof head || memcmp (head, magic, sizeof magic) != 0)
    return PA_SQLITE_FILE_OTHER;
  return PA_SQLITE_FILE_SQLITE;
}

/* A database in WAL mode (header bytes 18-19 = 2) with no -wal file beside it: all of it
 * is in the file, and no program has it open. SQLite would still create a -wal and a
 * -shm to read it, and leave them beside the user's file; opened as immutable, it reads
 * the file alone and writes nothing. (With a -wal beside it, the -wal holds committed
 * changes or another program is using the file: it is opened normally.) */
static gboolean
is_whole_wal_database (const char *path)
{
  guint8 head[20] = { 0 };
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  FILE *f = fopen (path, "rb");
  size_t n;

  if (!f)
    return FALSE;
  n = fread (head, 1, sizeof head, f);
  fclose (f);
  return n == sizeof head && (head[18] == 2 || head[19] == 2) && !g_file_test (wal, G_FILE_TEST_EXISTS);
}

char *
pa_store_readonly_open_name (const char *path, int *flags)
{
  g_autofree char *absolute = NULL, *uri = NULL;
  g_autoptr (GError) error = NULL;

  if (!is_whole_wal_database (path))
    return g_strdup (path);
  absolute = g_canonicalize_filename (path, NULL);
  uri = g_filename_to_uri (absolute, NULL, &error);
  if (!uri)
    {
      g_warning ("%s: opened by its name (SQLite may leave a -wal and -shm beside it): %s", path, error->message);
      return g_strdup (path);
    }
  *flags |= SQLITE_OPEN_URI;
  return g_strconcat (uri, "?immutable=1", NULL);
}

PaStep
pa_store_step (sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return PA_STEP_ROW;
  if (rc == SQLITE_DONE)
    return PA_STEP_DONE;
  pa_store_set_sql_error (sqlite3_db_handle (stmt), rc, error, _("Reading the database failed"));
  return PA_STEP_ERROR;
}

gboolean
pa_store_step_done (sqlite3 *db, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      pa_store_set_sql_error (db, rc, error, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Names are labels on a map and rows in a list; notes and quotes are paragraphs. Text
 * beyond these (a file another tool wrote, a paste gone wrong) is cut: laying out
 * hundreds of thousands of characters would freeze the window. */
#define PA_STORE_MAX_NAME_CHARS 500
#define PA_STORE_MAX_TEXT_CHARS 4000

static gboolean
is_name_column (const char *column)
{
  static const char *const names[] = { "name", "label", "title", "key", "role", "code", "slug" };
  for (guint i = 0; column && i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (column, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Repaired texts outlive the step that read them by 2048 more (SQLite's most columns in a
 * row), then are freed. They were interned for the life of the program: a file of
 * thousands of bad names grew the app for good, and GLib drops its quark table each time
 * it grows (LeakSanitizer found 16 kB leaked when fuzz-mbtiles passed 2048 of them). */
#define REPAIRED_TEXTS 2048
static char *repaired_texts[REPAIRED_TEXTS];
static guint next_repaired_text;
G_LOCK_DEFINE_STATIC (repaired_texts);

static const char *
keep_repaired_text (char *text)
{
  G_LOCK (repaired_texts);
  g_free (repaired_texts[next_repaired_text]);
  repaired_texts[next_repaired_text] = text;
  next_repaired_text = (next_repaired_text + 1) % REPAIRED_TEXTS;
  G_UNLOCK (repaired_texts);
  return text;
}

const char *
pa_store_column_text (sqlite3_stmt *stmt, int i)
{
  const char *text = (const char *) sqlite3_column_text (stmt, i);
  int len = sqlite3_column_bytes (stmt, i);
  const char *column = sqlite3_column_name (stmt, i);
  glong max = is_name_column (column) ? PA_STORE_MAX_NAME_CHARS : PA_STORE_MAX_TEXT_CHARS;
  g_autofree char *valid = NULL;
  const char *problem = NULL;
  glong n_chars;

  if (!text)
    return NULL;
  /* the common case, cheaply: valid, and too few bytes to be too many characters */
  if (len <= max && g_utf8_validate_len (text, (gsize) len, NULL) && memchr (text, 0, (size_t) len) == NULL)
    return text;
  if (!g_utf8_validate_len (text, (gsize) len, NULL))
    problem = "is not valid UTF-8 (shown with \uFFFD for the bad bytes)";
  valid = g_utf8_make_valid (text, len);
  n_chars = g_utf8_strlen (valid, -1);
  if (n_chars > max)
    {
      char *cut = g_strndup (valid, (gsize) (g_utf8_offset_to_pointer (valid, max) - valid));
      g_free (valid);
      valid = g_strconcat (cut, "…", NULL);
      g_free (cut);
      problem = problem ? "is not valid UTF-8 and too long (cut)" : "is too long (cut)";
    }
  if (problem)
    g_warning ("%s: table %s, column %s: a text of %d bytes %s: “%.60s…”",
               sqlite3_db_filename (sqlite3_db_handle (stmt), "main"),
               sqlite3_column_table_name (stmt, i) ? sqlite3_column_table_name (stmt, i) : "?",
               column ? column : "?", len, problem, valid);
  return keep_repaired_text (g_steal_pointer (&valid));
}

/* The GeoPackage R*Tree triggers call these (GPKG 1.3 §F.3); GDAL-made files need them too. */
static void
st_envelope_func (sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
  int which = GPOINTER_TO_INT (sqlite3_user_data (ctx));
  PaBBox b;
  gboolean empty;

  if (sqlite3_value_type (argv[0]) != SQLITE_BLOB
      || !pa_gpkg_blob_read_envelope (sqlite3_value_blob (argv[0]),
                                      (gsize) sqlite3_value_bytes (argv[0]), &b, &empty))
    {
      sqlite3_result_null (ctx);
      return;
    }
  switch (which)
    {
    case 0: sqlite3_result_int (ctx, empty); break;
    case 1: empty ? sqlite3_result_null (ctx) : sqlite3_result_double (ctx, b.minx); break;
    case 2: empty ? sqlite3_result_null (ctx) : sqlite3_result_double (ctx, b.maxx); break;
    case 3: empty ? sqlite3_result_null (ctx) : sqlite3_result_double (ctx, b.miny); break;
    default: empty ? sqlite3_result_null (ctx) : sqlite3_result_double (ctx, b.maxy); break;
    }
}

void
pa_store_register_functions (sqlite3 *db)
{
  static const char *names[] = { "ST_IsEmpty", "ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY" };
  for (int i = 0; i < (int) G_N_ELEMENTS (names); i++)
    sqlite3_create_function (db, names[i], 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                             GINT_TO_POINTER (i), st_envelope_func, NULL, NULL);
}

char *
pa_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "parkatlas", "parkatlas.gpkg", NULL);
}

char *
pa_store_find_map_file (const char *name)
{
  const char *env = g_getenv ("PARKATLAS_MAPS_DIR");
  g_autofree char *a = env ? g_build_filename (env, name, NULL) : NULL;
  g_autofree char *b = g_build_filename (PA_PKGDATADIR, "maps", name, NULL);
  g_autofree char *c = g_build_filename (PA_SOURCE_MAPS_DIR, name, NULL);
  g_autofree char *d = g_build_filename (PA_SOURCE_MAPS_DIR, "build", name, NULL);
  const char *candidates[] = { a, b, c, d };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] && g_file_test (candidates[i], G_FILE_TEST_IS_REGULAR))
      return g_strdup (candidates[i]);
  return NULL;
}

/* The first column of @sql's first row (@fallback when there is none), or FALSE with the
 * result code in @rc: a lock or a damaged page is then told apart from "no such table". */
static gboolean
query_int (sqlite3 *db, const char *sql, int fallback, int *value, int *rc)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  *value = fallback;
  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    *rc = sqlite3_step (stmt);
  if (*rc == SQLITE_ROW)
    *value = sqlite3_column_int (stmt, 0);
  if (*rc == SQLITE_ROW || *rc == SQLITE_DONE)
    {
      *rc = SQLITE_OK;
      return TRUE;
    }
  return FALSE;
}

/* How long an open waits for another program's lock before saying the file is busy */
#define PA_STORE_BUSY_TIMEOUT_MS 2000

/* A failure to read @path while checking it, by what SQLite said: a lock held by another
 * program, a damaged file, a file that is no database at all. */
static void
set_inspect_error (sqlite3 *db, int rc, const char *path, GError **error)
{
  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_BUSY,
                   _("“%s” is in use: another program holds it locked (waited %d s); try again "
                     "when it is done"),
                   path, PA_STORE_BUSY_TIMEOUT_MS / 1000);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s); it was left untouched"), path, sqlite3_errmsg (db));
      break;
    case SQLITE_NOTADB:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not a GeoPackage: it is not an SQLite database (%s)"), path,
                   sqlite3_errmsg (db));
      break;
    default:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN, _("Cannot read the database “%s”: %s"),
                   path, sqlite3_errmsg (db));
    }
}

/* Opens @path to check it. Read-only, unless the file is writable and SQLite must first
 * recover it: a hot journal (or WAL) left by a writer that crashed is rolled back (or
 * replayed) as any SQLite program opening it would, instead of being refused. */
static sqlite3 *
open_for_inspection (const char *path, GError **error)
{
  int modes[] = { SQLITE_OPEN_READONLY, SQLITE_OPEN_READWRITE };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      sqlite3 *db = NULL;
      int rc = sqlite3_open_v2 (path, &db, modes[i], NULL), value;

      if (rc == SQLITE_OK)
        {
          sqlite3_extended_result_codes (db, 1);
          sqlite3_busy_timeout (db, PA_STORE_BUSY_TIMEOUT_MS);
          /* the first read takes the shared lock and finds any journal to recover */
          if (query_int (db, "PRAGMA schema_version", 0, &value, &rc))
            return db;
        }
      if ((rc & 0xff) == SQLITE_READONLY && rc != SQLITE_READONLY && i == 0
          && g_access (path, W_OK) == 0)
        {
          /* SQLITE_READONLY_ROLLBACK / _RECOVERY / _CANTINIT: recovery needs a writer */
          sqlite3_close (db);
          continue;
        }
      if (db)
        set_inspect_error (db, rc, path, error);
      else
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN, _("Cannot open the database “%s”: %s"),
                     path, sqlite3_errstr (rc));
      sqlite3_close (db);
      return NULL;
    }
  g_assert_not_reached ();
}

/* Checks that @path is a Park Atlas GeoPackage; returns its schema version. */
static int
inspect_existing (const char *path, GError **error)
{
  sqlite3 *db = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc, version = -1, app_id = 0, n;

  if (g_access (path, R_OK) != 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                   _("Cannot read the database “%s”: %s"), path, g_strerror (errno));
      return -1;
    }
  db = open_for_inspection (path, error);
  if (!db)
    return -1;
  if (!query_int (db, "PRAGMA application_id", 0, &app_id, &rc)
      || !query_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'gpkg_contents'", 0, &n, &rc))
    goto failed;
  if ((guint32) app_id != GPKG_APPLICATION_ID && n == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_GEOPACKAGE,
                   _("“%s” is an SQLite database but not a GeoPackage"), path);
      goto out;
    }
  if (!query_int (db, "SELECT count(*) FROM sqlite_master WHERE name = 'pa_metadata'", 0, &n, &rc))
    goto failed;
  if (n == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_PARK_ATLAS,
                   _("“%s” is a GeoPackage but not a Park Atlas database (it has no pa_metadata "
                     "table); it was left untouched"),
                   path);
      goto out;
    }
  if (!query_int (db, "SELECT CAST(value AS INTEGER) FROM pa_metadata WHERE key = 'schema_version'", -1,
                  &version, &rc))
    {
      version = -1;
      goto failed;
    }
  if (version < 1)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT,
                   _("“%s” has no Park Atlas schema version; it was left untouched"), path);
      version = -1;
      goto out;
    }
  if (version > PA_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer Park Atlas (schema %d; this version knows up to "
                     "%d); it was left untouched"),
                   path, version, PA_STORE_SCHEMA_VERSION);
      version = -1;
      goto out;
    }
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && (rc & 0xff) != SQLITE_CORRUPT)
    {
      version = -1;
      goto failed;
    }
  if (rc != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (SQLite integrity check: %s); it was left untouched"), path,
                   rc == SQLITE_ROW && sqlite3_column_text (stmt, 0)
                       ? (const char *) sqlite3_column_text (stmt, 0)
                       : sqlite3_errmsg (db));
      version = -1;
    }
  goto out;
failed:
  set_inspect_error (db, rc, path, error);
out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return version;
}

/* Builds the database next to @path under a temporary name of this process, then moves
 * it into place: a failure or a kill leaves no half-made file (the next creation clears
 * what a killed one left), and an existing file is never replaced. */
static gboolean
create_with_defaults (const char *path, const PaStoreDefaults *defaults, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (PaAtomicFile) file = NULL;
  g_autoptr (GError) local = NULL;
  sqlite3 *db = NULL;
  gboolean ok;

  if (g_mkdir_with_parents (dir, 0755) != 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                   _("Cannot create the folder “%s” for the database: %s"), dir, g_strerror (errno));
      return FALSE;
    }
  file = pa_atomic_file_new (path, &local);
  if (!file)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN, _("Cannot create the database “%s”: %s"),
                   path, local->message);
      return FALSE;
    }
  if (sqlite3_open_v2 (pa_atomic_file_get_temp_path (file), &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN, _("Cannot create the database “%s”: %s"),
                   path, sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }
  pa_store_register_functions (db);
  ok = pa_store_populate_defaults (db, defaults, error);
  sqlite3_close (db);
  if (ok && !pa_atomic_file_commit (file, &local))
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_EXIST))
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                     _("“%s” appeared while the default database was being made; it was left untouched"),
                     path);
      else
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN, _("Cannot write the database “%s”: %s"),
                     path, local->message);
      ok = FALSE;
    }
  return ok;
}

/* SQLite's WAL needs shared memory between the processes that open the file, which
 * network file systems do not give: there the rollback journal stays. */
gboolean
pa_store_path_is_on_network (const char *path)
{
  struct statfs fs;
  g_autofree char *dir = g_path_get_dirname (path);
  static const long network[] = {
    0x6969,     /* NFS */
    0x517B,     /* SMB */
    (long) 0xFF534D42, /* CIFS */
    (long) 0xFE534D42, /* SMB2 */
    0x73757245, /* Coda */
    0x5346414F, /* AFS */
    0x65735546, /* FUSE (sshfs, gvfs …) */
    0x01021997, /* 9P */
    0x00C36400, /* Ceph */
  };

  if (statfs (dir, &fs) != 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (network); i++)
    if ((long) fs.f_type == network[i] || (guint32) fs.f_type == (guint32) network[i])
      return TRUE;
  return FALSE;
}

const char *
pa_store_get_journal_mode (PaStore *self)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_return_val_if_fail (PA_IS_STORE (self), NULL);
  g_free (self->journal_mode);
  self->journal_mode = NULL;
  stmt = pa_store_prepare (self->db, "PRAGMA journal_mode", NULL);
  if (stmt && pa_store_step (stmt, NULL) == PA_STEP_ROW)
    self->journal_mode = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return self->journal_mode;
}

PaStore *
pa_store_open (const char *path, const PaStoreDefaults *defaults, GError **error)
{
  g_autoptr (PaStore) self = NULL;
  int version;
  int flags = SQLITE_OPEN_READWRITE;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!create_with_defaults (path, defaults, error))
        return NULL;
    }
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                   _("“%s” is a folder, not a database file"), path);
      return NULL;
    }
  version = inspect_existing (path, error);
  if (version < 0)
    return NULL;

  self = g_object_new (PA_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (g_access (path, W_OK) != 0)
    flags = SQLITE_OPEN_READONLY;
  if (sqlite3_open_v2 (path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN, _("Cannot open the database “%s”: %s"),
                   path, sqlite3_errmsg (self->db));
      return NULL;
    }
  pa_store_register_functions (self->db);
  sqlite3_busy_timeout (self->db, PA_STORE_BUSY_TIMEOUT_MS);
  if (!pa_store_exec (self->db, "PRAGMA foreign_keys = ON", error))
    return NULL;
  /* SQLite's own 2 MB page cache for reading: a plan is read once into objects, and a
   * larger cache only holds a copy of the file (13 MB more at start-up with a plan of
   * 10,000 zones); an edit gets a large one while it lasts (pa-store-change.c) */
  if (!pa_store_exec (self->db, "PRAGMA cache_size = -2000", error)
      || !pa_store_exec (self->db, "PRAGMA temp_store = MEMORY", error))
    return NULL;
  if (version < PA_STORE_SCHEMA_VERSION)
    {
      if (flags == SQLITE_OPEN_READONLY)
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                       _("“%s” needs upgrading to schema %d but is read-only"), path,
                       PA_STORE_SCHEMA_VERSION);
          return NULL;
        }
      if (!pa_store_migrate (self->db, version, error))
        {
          g_prefix_error (error, _("Could not upgrade “%s”: "), path);
          return NULL;
        }
    }
  /* after any upgrade: a refused one leaves the file's header as it was */
  if (flags != SQLITE_OPEN_READONLY)
    {
      pa_store_ensure_basemap (self->db, path);
      /* every edit is committed as it is made: FULL makes each commit survive a power cut */
      const char *mode = pa_store_path_is_on_network (path) ? "PRAGMA journal_mode = DELETE"
                                                            : "PRAGMA journal_mode = WAL";
      g_autoptr (GError) journal_error = NULL;
      if (!pa_store_exec (self->db, mode, &journal_error)
          || !pa_store_exec (self->db, "PRAGMA synchronous = FULL", &journal_error))
        g_warning ("%s: %s", path, journal_error->message); /* the default journal still works */
    }

  return g_steal_pointer (&self);
}

GPtrArray *
pa_store_list_plans (PaStore *self, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GPtrArray *out;
  PaStep st;

  g_return_val_if_fail (PA_IS_STORE (self), NULL);
  stmt = pa_store_prepare (self->db, "SELECT slug, name FROM plans ORDER BY sort_order, id", error);
  if (!stmt)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  while ((st = pa_store_step (stmt, error)) == PA_STEP_ROW)
    {
      char **pair = g_new0 (char *, 3);
      pair[0] = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      pair[1] = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_ptr_array_add (out, pair);
    }
  if (st == PA_STEP_ERROR)
    g_clear_pointer (&out, g_ptr_array_unref);
  return out;
}

guint
pa_store_count_uncited_targets (PaStore *self, const char *slug, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (
      self->db,
      "SELECT count(*) FROM targets t JOIN plans p ON p.id = t.plan_id "
      "LEFT JOIN citations c ON c.id = t.citation_id "
      "WHERE p.slug = ?1 AND (c.id IS NULL OR length(trim(c.quote)) = 0) AND t.entered_by IS NULL",
      error);
  if (!stmt)
    return G_MAXUINT;
  sqlite3_bind_text (stmt, 1, slug, -1, SQLITE_TRANSIENT);
  return pa_store_step (stmt, error) == PA_STEP_ROW ? (guint) sqlite3_column_int (stmt, 0) : G_MAXUINT;
}
