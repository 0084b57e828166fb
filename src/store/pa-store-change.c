/* pa-store-change.c — edits as transactions, recorded row by row for undo and redo.
 *
 * Every edit runs in one BEGIN IMMEDIATE … COMMIT: a crash or a kill leaves the file as
 * it was before the edit or after it, never between. Undo and redo replay the recorded
 * rows in a transaction of their own and first check that each row still holds what
 * the edit left (or found), so an edit made meanwhile by QGIS or a second Park Atlas is
 * never silently overwritten.
 */
#define G_LOG_DOMAIN "parkatlas-store"

#include "config.h"

#include "pa-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

static const char *
primary_key (const char *table)
{
  static const char *const feature_tables[] = { "zones", "zone_places", "districts", "land",
                                                "organisation_sites" };
  for (guint i = 0; i < G_N_ELEMENTS (feature_tables); i++)
    if (g_str_equal (table, feature_tables[i]))
      return "fid";
  return "id";
}

static void
bind_value (sqlite3_stmt *s, int i, GVariant *v)
{
  if (!v)
    sqlite3_bind_null (s, i);
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
    sqlite3_bind_int64 (s, i, g_variant_get_int64 (v));
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
    sqlite3_bind_double (s, i, g_variant_get_double (v));
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
    sqlite3_bind_text (s, i, g_variant_get_string (v, NULL), -1, SQLITE_TRANSIENT);
  else if (g_variant_is_of_type (v, G_VARIANT_TYPE_BYTESTRING))
    {
      gsize n;
      gconstpointer data = g_variant_get_fixed_array (v, &n, 1);
      sqlite3_bind_blob (s, i, n ? data : "", (int) n, SQLITE_TRANSIENT);
    }
  else
    g_return_if_reached ();
}

GVariant *
pa_store_column_value (sqlite3_stmt *s, int i)
{
  switch (sqlite3_column_type (s, i))
    {
    case SQLITE_INTEGER:
      return g_variant_ref_sink (g_variant_new_int64 (sqlite3_column_int64 (s, i)));
    case SQLITE_FLOAT:
      return g_variant_ref_sink (g_variant_new_double (sqlite3_column_double (s, i)));
    case SQLITE_TEXT:
      return g_variant_ref_sink (g_variant_new_string ((const char *) sqlite3_column_text (s, i)));
    case SQLITE_BLOB:
      return g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, sqlite3_column_blob (s, i),
                                                            (gsize) sqlite3_column_bytes (s, i), 1));
    default:
      return NULL;
    }
}

gboolean
pa_store_values_equal (GVariant *a, GVariant *b)
{
  if (!a || !b)
    return a == b;
  /* SQLite may hand back 3.0 for an integer stored in a REAL column and the reverse */
  if (g_variant_is_of_type (a, G_VARIANT_TYPE_INT64) && g_variant_is_of_type (b, G_VARIANT_TYPE_DOUBLE))
    return (double) g_variant_get_int64 (a) == g_variant_get_double (b);
  if (g_variant_is_of_type (a, G_VARIANT_TYPE_DOUBLE) && g_variant_is_of_type (b, G_VARIANT_TYPE_INT64))
    return pa_store_values_equal (b, a);
  /* g_variant_equal prints untrusted byte arrays to compare them: geometries are big */
  if (g_variant_is_of_type (a, G_VARIANT_TYPE_BYTESTRING) && g_variant_is_of_type (b, G_VARIANT_TYPE_BYTESTRING))
    {
      gsize na, nb;
      gconstpointer da = g_variant_get_fixed_array (a, &na, 1), db = g_variant_get_fixed_array (b, &nb, 1);
      return na == nb && (na == 0 || memcmp (da, db, na) == 0);
    }
  return g_variant_equal (a, b);
}

/* Reads @columns of row @id: the values in @out (which it fills), FALSE with no error
 * when there is no such row. */
static gboolean
read_row (PaStore *self, const char *table, gint64 id, GPtrArray *columns, GPtrArray *out,
          gboolean *found, GError **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT ");
  sqlite3_stmt *s;
  gboolean ok = TRUE;

  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", (char *) columns->pdata[i]);
  g_string_append_printf (sql, " FROM \"%s\" WHERE \"%s\" = ?1", table, primary_key (table));
  s = pa_store_prepare_cached (self, sql->str, error);
  if (!s)
    return FALSE;
  sqlite3_bind_int64 (s, 1, id);
  switch (pa_store_step (s, error))
    {
    case PA_STEP_ROW:
      *found = TRUE;
      for (guint i = 0; i < columns->len; i++)
        g_ptr_array_add (out, pa_store_column_value (s, (int) i));
      break;
    case PA_STEP_DONE:
      *found = FALSE;
      break;
    default:
      ok = FALSE;
    }
  /* a statement left on its row would hold a read snapshot open */
  sqlite3_reset (s);
  return ok;
}

static void
conflict (GError **error, const char *table, gint64 id)
{
  g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CONFLICT,
               _("Another program changed the database meanwhile (%s %lld); "
                 "the edit was not replayed, so nothing of theirs is lost"),
               table, (long long) id);
}

void
pa_store_variant_unref0 (gpointer v)
{
  if (v)
    g_variant_unref (v);
}

/* Checks that row @id holds @expect in @columns (or, with @expect NULL, that it is absent). */
static gboolean
check_row (PaStore *self, const char *table, gint64 id, GPtrArray *columns, GPtrArray *expect,
           GError **error)
{
  g_autoptr (GPtrArray) now = g_ptr_array_new_with_free_func (pa_store_variant_unref0);
  gboolean found = FALSE, ok;

  if (!read_row (self, table, id, columns, now, &found, error))
    return FALSE;
  ok = expect ? found : !found;
  for (guint i = 0; ok && expect && i < columns->len; i++)
    ok = pa_store_values_equal (now->pdata[i], expect->pdata[i]);
  if (!ok)
    conflict (error, table, id);
  return ok;
}

static gboolean
exec_insert (PaStore *self, const char *table, gint64 id, GPtrArray *columns, GPtrArray *values,
             gint64 *new_id, GError **error)
{
  sqlite3 *db = pa_store_get_db (self);
  g_autoptr (GString) sql = g_string_new (NULL);
  sqlite3_stmt *s;
  guint first = id > 0 ? 2 : 1;

  g_string_printf (sql, "INSERT INTO \"%s\" (", table);
  if (id > 0)
    g_string_append_printf (sql, "\"%s\"%s", primary_key (table), columns->len ? ", " : "");
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i ? ", " : "", (char *) columns->pdata[i]);
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < columns->len + (id > 0); i++)
    g_string_append_printf (sql, "%s?%u", i ? ", " : "", i + 1);
  g_string_append (sql, ")");
  s = pa_store_prepare_cached (self, sql->str, error);
  if (!s)
    return FALSE;
  if (id > 0)
    sqlite3_bind_int64 (s, 1, id);
  for (guint i = 0; i < columns->len; i++)
    bind_value (s, (int) (i + first), values->pdata[i]);
  if (!pa_store_step_done (db, s, error))
    return FALSE;
  if (new_id)
    *new_id = sqlite3_last_insert_rowid (db);
  return TRUE;
}

static gboolean
exec_update (PaStore *self, const char *table, gint64 id, GPtrArray *columns, GPtrArray *values,
             GError **error)
{
  sqlite3 *db = pa_store_get_db (self);
  g_autoptr (GString) sql = g_string_new (NULL);
  sqlite3_stmt *s;

  g_string_printf (sql, "UPDATE \"%s\" SET ", table);
  for (guint i = 0; i < columns->len; i++)
    g_string_append_printf (sql, "%s\"%s\" = ?%u", i ? ", " : "", (char *) columns->pdata[i], i + 2);
  g_string_append_printf (sql, " WHERE \"%s\" = ?1", primary_key (table));
  s = pa_store_prepare_cached (self, sql->str, error);
  if (!s)
    return FALSE;
  sqlite3_bind_int64 (s, 1, id);
  for (guint i = 0; i < columns->len; i++)
    bind_value (s, (int) i + 2, values->pdata[i]);
  return pa_store_step_done (db, s, error);
}

static gboolean
exec_delete (PaStore *self, const char *table, gint64 id, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("DELETE FROM \"%s\" WHERE \"%s\" = ?1", table, primary_key (table));
  sqlite3_stmt *s = pa_store_prepare_cached (self, sql, error);
  if (!s)
    return FALSE;
  sqlite3_bind_int64 (s, 1, id);
  return pa_store_step_done (pa_store_get_db (self), s, error);
}

static void
take_values (GPtrArray *dest, GVariant **values, guint n)
{
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (dest, values[i] ? g_variant_ref_sink (values[i]) : NULL);
}

gint64
pa_store_row_insert (PaStore *self, PaChange *change, const char *table, const char *const *columns,
                     GVariant **values, GError **error)
{
  guint n = g_strv_length ((char **) columns);
  PaRowOp *op = pa_change_add_op (change, PA_ROW_INSERT, table, 0);
  gint64 id = 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (op->columns, g_strdup (columns[i]));
  take_values (op->after, values, n);
  if (!exec_insert (self, table, 0, op->columns, op->after, &id, error))
    return 0;
  op->rowid = id;
  return id;
}

gboolean
pa_store_row_update (PaStore *self, PaChange *change, const char *table, gint64 id,
                     const char *const *columns, GVariant **values, GError **error)
{
  guint n = g_strv_length ((char **) columns);
  PaRowOp *op = pa_change_add_op (change, PA_ROW_UPDATE, table, id);
  gboolean found = FALSE, same = TRUE;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (op->columns, g_strdup (columns[i]));
  take_values (op->after, values, n);
  if (!read_row (self, table, id, op->columns, op->before, &found, error))
    return FALSE;
  if (!found)
    {
      conflict (error, table, id);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    same = same && pa_store_values_equal (op->before->pdata[i], op->after->pdata[i]);
  if (same) /* nothing to write: keep the change free of no-op rows */
    {
      g_ptr_array_remove_index (change->ops, change->ops->len - 1);
      return TRUE;
    }
  return exec_update (self, table, id, op->columns, op->after, error);
}

gboolean
pa_store_row_delete (PaStore *self, PaChange *change, const char *table, gint64 id, GError **error)
{
  sqlite3 *db = pa_store_get_db (self);
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE \"%s\" = ?1", table, primary_key (table));
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (db, sql, error);
  PaRowOp *op;
  const char *pk = primary_key (table);

  if (!s)
    return FALSE;
  sqlite3_bind_int64 (s, 1, id);
  switch (pa_store_step (s, error))
    {
    case PA_STEP_ROW:
      break;
    case PA_STEP_DONE:
      conflict (error, table, id);
      return FALSE;
    default:
      return FALSE;
    }
  op = pa_change_add_op (change, PA_ROW_DELETE, table, id);
  for (int i = 0; i < sqlite3_column_count (s); i++)
    if (!g_str_equal (sqlite3_column_name (s, i), pk))
      {
        g_ptr_array_add (op->columns, g_strdup (sqlite3_column_name (s, i)));
        g_ptr_array_add (op->before, pa_store_column_value (s, i));
      }
  g_clear_pointer (&s, sqlite3_finalize);
  return exec_delete (self, table, id, error);
}

GVariant *
pa_store_row_get (PaStore *self, const char *table, gint64 id, const char *column, GError **error)
{
  g_autoptr (GPtrArray) columns = g_ptr_array_new ();
  g_autoptr (GPtrArray) out = g_ptr_array_new ();
  gboolean found = FALSE;

  g_ptr_array_add (columns, (gpointer) column);
  if (!read_row (self, table, id, columns, out, &found, error) || !found)
    return NULL;
  return out->pdata[0];
}

/* ---- transactions ---- */

static void rollback (PaStore *self);

static gboolean
begin (PaStore *self, GError **error)
{
  sqlite3 *db = pa_store_get_db (self);
  int rc;

  if (sqlite3_db_readonly (db, "main") == 1)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_READ_ONLY,
                   _("“%s” is read-only: the edit was not made"), pa_store_get_path (self));
      return FALSE;
    }
  /* IMMEDIATE takes the write lock now, so a busy file is reported before anything is done */
  rc = sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      pa_store_set_sql_error (db, rc, error, pa_store_get_path (self));
      return FALSE;
    }
  /* 64 MB while the edit lasts: an import of 100,000 rows is one transaction, and a cache
   * that spills rewrites the same index pages to the WAL again and again */
  if (!pa_store_exec (db, "PRAGMA cache_size = -65536", error))
    {
      rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* Back to the reading cache (pa_store_open) once an edit has ended, either way. */
static void
end (PaStore *self)
{
  g_autoptr (GError) error = NULL;
  if (!pa_store_exec (pa_store_get_db (self), "PRAGMA cache_size = -2000", &error))
    g_warning ("%s: %s", pa_store_get_path (self), error->message);
}

static gboolean
commit (PaStore *self, PaChange *change, GError **error)
{
  sqlite3 *db = pa_store_get_db (self);
  static const char *const features[] = { "zones", "zone_places", "organisation_sites" };
  static const char *const tables[] = { "zones", "zone_places", "organisation_sites", "targets", "organisations",
                                        "zone_industries", "industries", "plans" };
  const char *touched[G_N_ELEMENTS (features) + 1] = { NULL };
  guint n = 0;
  int rc;

  /* what QGIS reads to know a layer changed, and the extents of the layers that did: only
   * those, as rescanning an R*Tree costs most of a small edit's commit in a big plan */
  for (guint i = 0; i < G_N_ELEMENTS (features); i++)
    if (pa_change_touches (change, features[i]))
      touched[n++] = features[i];
  if (!pa_store_update_extents (db, touched, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = NULL;
      if (!pa_change_touches (change, tables[i]))
        continue;
      sql = g_strdup_printf ("UPDATE gpkg_contents SET last_change = strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now') "
                             "WHERE table_name = '%s'", tables[i]);
      if (!pa_store_exec (db, sql, error))
        return FALSE;
    }
  rc = sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      pa_store_set_sql_error (db, rc, error, pa_store_get_path (self));
      return FALSE;
    }
  end (self);
  return TRUE;
}

static void
rollback (PaStore *self)
{
  sqlite3 *db = pa_store_get_db (self);
  if (!sqlite3_get_autocommit (db) && sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("%s: rollback failed: %s", pa_store_get_path (self), sqlite3_errmsg (db));
  end (self);
}

PaChange *
pa_store_begin_change (PaStore *self, const char *label, GError **error)
{
  g_return_val_if_fail (PA_IS_STORE (self), NULL);
  if (!begin (self, error))
    return NULL;
  return pa_change_new (label);
}

gboolean
pa_store_commit_change (PaStore *self, PaChange *change, GError **error)
{
  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);
  if (!commit (self, change, error))
    {
      rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
pa_store_abort_change (PaStore *self, PaChange *change)
{
  g_return_if_fail (PA_IS_STORE (self));
  rollback (self);
}

static gboolean
replay (PaStore *self, PaChange *change, gboolean undo, GError **error)
{
  guint n = change->ops->len;

  if (!begin (self, error))
    return FALSE;
  for (guint k = 0; k < n; k++)
    {
      PaRowOp *op = change->ops->pdata[undo ? n - 1 - k : k];
      gboolean ok;
      PaRowOpKind kind = op->kind;

      if (undo && kind == PA_ROW_INSERT)
        kind = PA_ROW_DELETE;
      else if (undo && kind == PA_ROW_DELETE)
        kind = PA_ROW_INSERT;
      switch (kind)
        {
        case PA_ROW_INSERT: /* the row must not be there; then it comes back with its id */
          ok = check_row (self, op->table, op->rowid, op->columns, NULL, error)
               && exec_insert (self, op->table, op->rowid, op->columns, undo ? op->before : op->after,
                               NULL, error);
          break;
        case PA_ROW_DELETE:
          ok = check_row (self, op->table, op->rowid, op->columns, undo ? op->after : op->before, error)
               && exec_delete (self, op->table, op->rowid, error);
          break;
        default:
          ok = check_row (self, op->table, op->rowid, op->columns, undo ? op->after : op->before, error)
               && exec_update (self, op->table, op->rowid, op->columns, undo ? op->before : op->after, error);
        }
      if (!ok)
        {
          rollback (self);
          return FALSE;
        }
    }
  if (!commit (self, change, error))
    {
      rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
pa_store_undo_change (PaStore *self, PaChange *change, GError **error)
{
  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  return replay (self, change, TRUE, error);
}

gboolean
pa_store_redo_change (PaStore *self, PaChange *change, GError **error)
{
  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  return replay (self, change, FALSE, error);
}
