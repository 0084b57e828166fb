/* pa-store-schema.c — schema creation and forward migrations.
 *
 * Each migration is a SQL file under data/schema/ named NNNN-what.sql, compiled into
 * the GResource. Migration N runs on a database at schema N-1 inside one transaction,
 * then the GeoPackage spatial indexes are brought up to date from gpkg_geometry_columns.
 */
#define G_LOG_DOMAIN "parkatlas-store"

#include "config.h"

#include "pa-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

#define SCHEMA_DIR PA_RESOURCE_PATH "/schema/"

static GBytes *
find_migration (int version, GError **error)
{
  g_auto (GStrv) names = g_resources_enumerate_children (SCHEMA_DIR, 0, error);
  g_autofree char *prefix = g_strdup_printf ("%04d-", version);

  if (!names)
    return NULL;
  for (guint i = 0; names[i]; i++)
    if (g_str_has_prefix (names[i], prefix))
      {
        g_autofree char *path = g_strconcat (SCHEMA_DIR, names[i], NULL);
        return g_resources_lookup_data (path, 0, error);
      }
  g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_SQL, "no migration for schema %d", version);
  return NULL;
}

/* The R*Tree index and its triggers, exactly as GeoPackage 1.3 Annex F.3 writes them. */
static gboolean
create_rtree (sqlite3 *db, const char *t, const char *c, GError **error)
{
  g_autofree char *sql = g_strdup_printf (
      "CREATE VIRTUAL TABLE rtree_%1$s_%2$s USING rtree(id, minx, maxx, miny, maxy);"
      "INSERT OR REPLACE INTO rtree_%1$s_%2$s SELECT fid, ST_MinX(%2$s), ST_MaxX(%2$s), "
      "  ST_MinY(%2$s), ST_MaxY(%2$s) FROM %1$s WHERE %2$s NOT NULL AND NOT ST_IsEmpty(%2$s);"
      "CREATE TRIGGER rtree_%1$s_%2$s_insert AFTER INSERT ON %1$s "
      "WHEN (new.%2$s NOT NULL AND NOT ST_IsEmpty(NEW.%2$s)) BEGIN "
      "INSERT OR REPLACE INTO rtree_%1$s_%2$s VALUES (NEW.fid, ST_MinX(NEW.%2$s), "
      "ST_MaxX(NEW.%2$s), ST_MinY(NEW.%2$s), ST_MaxY(NEW.%2$s)); END;"
      "CREATE TRIGGER rtree_%1$s_%2$s_update1 AFTER UPDATE OF %2$s ON %1$s "
      "WHEN OLD.fid = NEW.fid AND (NEW.%2$s NOTNULL AND NOT ST_IsEmpty(NEW.%2$s)) BEGIN "
      "INSERT OR REPLACE INTO rtree_%1$s_%2$s VALUES (NEW.fid, ST_MinX(NEW.%2$s), "
      "ST_MaxX(NEW.%2$s), ST_MinY(NEW.%2$s), ST_MaxY(NEW.%2$s)); END;"
      "CREATE TRIGGER rtree_%1$s_%2$s_update2 AFTER UPDATE OF %2$s ON %1$s "
      "WHEN OLD.fid = NEW.fid AND (NEW.%2$s ISNULL OR ST_IsEmpty(NEW.%2$s)) BEGIN "
      "DELETE FROM rtree_%1$s_%2$s WHERE id = OLD.fid; END;"
      "CREATE TRIGGER rtree_%1$s_%2$s_update3 AFTER UPDATE ON %1$s "
      "WHEN OLD.fid != NEW.fid AND (NEW.%2$s NOTNULL AND NOT ST_IsEmpty(NEW.%2$s)) BEGIN "
      "DELETE FROM rtree_%1$s_%2$s WHERE id = OLD.fid; "
      "INSERT OR REPLACE INTO rtree_%1$s_%2$s VALUES (NEW.fid, ST_MinX(NEW.%2$s), "
      "ST_MaxX(NEW.%2$s), ST_MinY(NEW.%2$s), ST_MaxY(NEW.%2$s)); END;"
      "CREATE TRIGGER rtree_%1$s_%2$s_update4 AFTER UPDATE ON %1$s "
      "WHEN OLD.fid != NEW.fid AND (NEW.%2$s ISNULL OR ST_IsEmpty(NEW.%2$s)) BEGIN "
      "DELETE FROM rtree_%1$s_%2$s WHERE id IN (OLD.fid, NEW.fid); END;"
      "CREATE TRIGGER rtree_%1$s_%2$s_delete AFTER DELETE ON %1$s "
      "WHEN old.%2$s NOT NULL BEGIN DELETE FROM rtree_%1$s_%2$s WHERE id = OLD.fid; END;"
      "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) "
      "VALUES ('%1$s', '%2$s', 'gpkg_rtree_index', "
      "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only');",
      t, c);
  return pa_store_exec (db, sql, error);
}

static gboolean
create_missing_rtrees (sqlite3 *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = pa_store_prepare (
      db,
      "SELECT g.table_name, g.column_name FROM gpkg_geometry_columns g "
      "WHERE NOT EXISTS (SELECT 1 FROM gpkg_extensions e WHERE e.table_name = g.table_name "
      "AND e.column_name = g.column_name AND e.extension_name = 'gpkg_rtree_index')",
      error);
  g_autoptr (GPtrArray) pairs = g_ptr_array_new_with_free_func (g_free);

  PaStep st;

  if (!stmt)
    return FALSE;
  while ((st = pa_store_step (stmt, error)) == PA_STEP_ROW)
    {
      g_ptr_array_add (pairs, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (pairs, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (st == PA_STEP_ERROR)
    return FALSE;
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    if (!create_rtree (db, pairs->pdata[i], pairs->pdata[i + 1], error))
      return FALSE;
  return TRUE;
}

/* The rows that refer to missing rows, or -1 with @error when the check cannot be read */
static int
foreign_key_violations (sqlite3 *db, GError **error)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (db, "SELECT count(*) FROM pragma_foreign_key_check", error);
  if (!s)
    return -1;
  switch (pa_store_step (s, error))
    {
    case PA_STEP_ROW: return sqlite3_column_int (s, 0);
    case PA_STEP_DONE: return 0;
    default: return -1;
    }
}

static int
foreign_keys_enabled (sqlite3 *db)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (db, "PRAGMA foreign_keys", NULL);
  return s && pa_store_step (s, NULL) == PA_STEP_ROW ? sqlite3_column_int (s, 0) : 0;
}

gboolean
pa_store_migrate (sqlite3 *db, int from, GError **error)
{
  /* A migration may rebuild a table others refer to (SQLite's "other ALTER TABLE"
   * procedure): foreign keys are off while it runs, and checked before it is kept. They
   * can only be switched outside a transaction, so a caller's own transaction (a new
   * database being filled) keeps them as they are, off. */
  gboolean own = sqlite3_get_autocommit (db);
  gboolean restore = own && foreign_keys_enabled (db);
  gboolean ok = TRUE;
  /* our own transaction when there is none: a rolled-back savepoint that is then released
   * would still be a commit, and change the file's header */
  const char *begin = own ? "BEGIN IMMEDIATE" : "SAVEPOINT migrate";
  const char *undo = own ? "ROLLBACK" : "ROLLBACK TO migrate; RELEASE migrate";
  const char *keep = own ? "COMMIT" : "RELEASE migrate";

  if (restore && !pa_store_exec (db, "PRAGMA foreign_keys = OFF", error))
    return FALSE;
  for (int v = from + 1; ok && v <= PA_STORE_SCHEMA_VERSION; v++)
    {
      g_autoptr (GBytes) sql = find_migration (v, error);
      g_autofree char *text = NULL;
      g_autofree char *stamp = NULL;
      int violations;

      if (!sql || !pa_store_exec (db, begin, error))
        {
          ok = FALSE;
          break;
        }
      text = g_strndup (g_bytes_get_data (sql, NULL), g_bytes_get_size (sql));
      stamp = g_strdup_printf ("INSERT OR REPLACE INTO pa_metadata (key, value) "
                               "VALUES ('schema_version', '%d')",
                               v);
      ok = pa_store_exec (db, text, error) && create_missing_rtrees (db, error) && pa_store_exec (db, stamp, error);
      if (ok && (violations = foreign_key_violations (db, error)) < 0)
        ok = FALSE;
      else if (ok && violations != 0)
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_SQL,
                       "%d rows would refer to rows that are not there", violations);
          ok = FALSE;
        }
      if (!ok)
        {
          g_autoptr (GError) rollback = NULL;
          g_prefix_error (error, "schema %d: ", v);
          if (!pa_store_exec (db, undo, &rollback))
            g_warning ("schema %d: rolling back: %s", v, rollback->message);
        }
      else
        ok = pa_store_exec (db, keep, error);
    }
  if (restore)
    {
      g_autoptr (GError) local = NULL;
      if (!pa_store_exec (db, "PRAGMA foreign_keys = ON", ok ? error : &local))
        ok = FALSE;
      if (local)
        g_warning ("after a failed migration: %s", local->message);
    }
  return ok;
}
