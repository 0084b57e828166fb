/* pa-gpkg-reader.c — a foreign GeoPackage's feature layers, read-only */
#include "config.h"

#include "pa-gpkg-reader.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pa-store-private.h"

#define GPKG_APPLICATION_ID 0x47504B47 /* "GPKG"; 1.0 and 1.1 wrote "GP10", "GP11" */
#define GP10_APPLICATION_ID 0x47503130
#define GP11_APPLICATION_ID 0x47503131

struct _PaGpkgReader
{
  char *path;
  sqlite3 *db;
};

void
pa_gpkg_layer_free (PaGpkgLayer *layer)
{
  if (!layer)
    return;
  g_free (layer->name);
  g_free (layer->geometry_column);
  g_free (layer->geometry_type);
  g_free (layer->srs_name);
  g_free (layer->srs_organization);
  g_free (layer->srs_definition);
  g_free (layer);
}

void
pa_gpkg_reader_free (PaGpkgReader *self)
{
  if (!self)
    return;
  if (self->db)
    sqlite3_close (self->db);
  g_free (self->path);
  g_free (self);
}

/* An SQL identifier from the file (a layer or column name), quoted. */
static char *
quote_identifier (const char *name)
{
  g_autoptr (GString) s = g_string_new ("\"");
  for (const char *p = name; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
check_header (const char *path, GError **error)
{
  switch (pa_store_sniff_file (path, error))
    {
    case PA_SQLITE_FILE_UNREADABLE:
      return FALSE;
    case PA_SQLITE_FILE_EMPTY:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_SQLITE, _("“%s” is empty"), path);
      return FALSE;
    case PA_SQLITE_FILE_OTHER:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not a GeoPackage: it is not an SQLite database (%s)"), path,
                   sqlite3_errstr (SQLITE_NOTADB));
      return FALSE;
    default:
      return TRUE;
    }
}

/* The first column of the first row (0 without a row); FALSE only with @error set: a value
 * can be negative (an application_id of 0x80000000 or more reads as one). */
static gboolean
query_int (sqlite3 *db, const char *sql, gint64 *value, GError **error)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (db, sql, error);
  *value = 0;
  if (!s)
    return FALSE;
  switch (pa_store_step (s, error))
    {
    case PA_STEP_ROW:
      *value = sqlite3_column_int64 (s, 0);
      return TRUE;
    case PA_STEP_DONE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* An SQLite error while reading a damaged or odd file says which file (and layer) it is. */
static void
name_the_file (GError **error, const char *path, const char *layer)
{
  char *message;

  if (!error || !*error)
    return;
  message = layer ? g_strdup_printf (_("Cannot read “%s”, layer “%s”: %s"), path, layer, (*error)->message)
                  : g_strdup_printf (_("Cannot read “%s”: %s"), path, (*error)->message);
  g_free ((*error)->message);
  (*error)->message = message;
}

PaGpkgReader *
pa_gpkg_reader_open (const char *path, GError **error)
{
  g_autoptr (PaGpkgReader) self = g_new0 (PaGpkgReader, 1);
  g_autoptr (GError) local = NULL;
  g_autofree char *name = NULL;
  gint64 app_id, tables;
  int flags = SQLITE_OPEN_READONLY;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  self->path = g_strdup (path);
  if (!check_header (path, error))
    return NULL;
  name = pa_store_readonly_open_name (path, &flags);
  rc = sqlite3_open_v2 (name, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN, _("Cannot open the database “%s”: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 2000);
  /* belt and braces: no statement on this connection may write */
  if (!pa_store_exec (self->db, "PRAGMA query_only = 1", &local)
      || !query_int (self->db, "PRAGMA application_id", &app_id, &local))
    {
      /* a file another program holds locked is busy, not foreign */
      if (g_error_matches (local, PA_STORE_ERROR, PA_STORE_ERROR_BUSY))
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_BUSY,
                       _("“%s” is in use: another program holds it locked (waited %d s); try again "
                         "when it is done"),
                       path, 2);
          return NULL;
        }
      /* a hot journal: recovering it would write to a file an import promises not to change */
      if (g_error_matches (local, PA_STORE_ERROR, PA_STORE_ERROR_READ_ONLY))
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN,
                       _("“%s” was left mid-write by a program that stopped (its journal is beside "
                         "it); open it once in that program or in QGIS to recover it, then import "
                         "again"),
                       path);
          return NULL;
        }
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not a GeoPackage: it is not an SQLite database (%s)"), path, local->message);
      return NULL;
    }
  if (!query_int (self->db,
                  "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                  "AND name IN ('gpkg_contents', 'gpkg_geometry_columns', 'gpkg_spatial_ref_sys')",
                  &tables, &local))
    {
      name_the_file (&local, path, NULL);
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (tables < 3 && app_id != GPKG_APPLICATION_ID && app_id != GP10_APPLICATION_ID && app_id != GP11_APPLICATION_ID)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_GEOPACKAGE,
                   _("“%s” is an SQLite database but not a GeoPackage"), path);
      return NULL;
    }
  if (tables < 3)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_GEOPACKAGE,
                   _("“%s” is a GeoPackage without the tables that describe its layers "
                     "(gpkg_contents, gpkg_geometry_columns, gpkg_spatial_ref_sys)"),
                   path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

static char *
dup_column (sqlite3_stmt *s, int i)
{
  return g_strdup (pa_store_column_text (s, i));
}

GPtrArray *
pa_gpkg_reader_list_layers (PaGpkgReader *self, GError **error)
{
  g_autoptr (GPtrArray) layers = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_gpkg_layer_free);
  g_autoptr (sqlite3_stmt) s = NULL;
  PaStep st;

  g_return_val_if_fail (self != NULL, NULL);
  s = pa_store_prepare (self->db,
                        "SELECT c.table_name, g.column_name, g.geometry_type_name, g.srs_id, "
                        "s.srs_id IS NOT NULL, s.srs_name, s.organization, s.organization_coordsys_id, "
                        "s.definition FROM gpkg_contents c "
                        "JOIN gpkg_geometry_columns g ON g.table_name = c.table_name "
                        "LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id "
                        "WHERE c.data_type = 'features' ORDER BY c.rowid",
                        error);
  if (!s)
    {
      name_the_file (error, self->path, NULL);
      return NULL;
    }
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      PaGpkgLayer *l = g_new0 (PaGpkgLayer, 1);
      g_autofree char *count_sql = NULL, *table = NULL;

      l->name = dup_column (s, 0);
      l->geometry_column = dup_column (s, 1);
      l->geometry_type = dup_column (s, 2);
      l->srs_id = sqlite3_column_int (s, 3);
      l->srs_defined = sqlite3_column_int (s, 4);
      l->srs_name = dup_column (s, 5);
      l->srs_organization = dup_column (s, 6);
      l->srs_organization_id = sqlite3_column_int (s, 7);
      l->srs_definition = dup_column (s, 8);
      g_ptr_array_add (layers, l);
      if (!l->name || !l->geometry_column)
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT,
                       _("“%s” lists a feature layer without a name or geometry column"), self->path);
          return NULL;
        }
      table = quote_identifier (l->name);
      count_sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
      if (!query_int (self->db, count_sql, &l->n_features, error))
        {
          name_the_file (error, self->path, l->name);
          return NULL;
        }
    }
  if (st == PA_STEP_ERROR)
    {
      name_the_file (error, self->path, NULL);
      return NULL;
    }
  return g_steal_pointer (&layers);
}

/* The table's integer primary key and its other columns, as PRAGMA table_info lists them. */
static gboolean
table_columns (PaGpkgReader *self, const PaGpkgLayer *layer, char **pk, GPtrArray *others, GError **error)
{
  g_autofree char *table = quote_identifier (layer->name);
  g_autofree char *sql = g_strdup_printf ("PRAGMA table_info(%s)", table);
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (self->db, sql, error);
  PaStep st;

  if (!s)
    return FALSE;
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      const char *name = pa_store_column_text (s, 1);
      if (!name || g_ascii_strcasecmp (name, layer->geometry_column) == 0)
        continue;
      if (sqlite3_column_int (s, 5) == 1 && !*pk)
        *pk = g_strdup (name);
      else
        g_ptr_array_add (others, g_strdup (name));
    }
  return st == PA_STEP_DONE;
}

gboolean
pa_gpkg_reader_read_features (PaGpkgReader *self, const PaGpkgLayer *layer, PaGpkgFeatureFunc func,
                              gpointer user_data, GError **error)
{
  g_autofree char *pk = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) sql = g_string_new ("SELECT ");
  g_autoptr (sqlite3_stmt) s = NULL;
  g_autofree const char **values = NULL;
  g_autofree char *table = NULL, *geom = NULL;
  guint number = 0;
  PaStep st;

  g_return_val_if_fail (self != NULL && layer != NULL && func != NULL, FALSE);
  if (!table_columns (self, layer, &pk, names, error))
    {
      name_the_file (error, self->path, layer->name);
      return FALSE;
    }
  table = quote_identifier (layer->name);
  geom = quote_identifier (layer->geometry_column);
  if (pk)
    {
      g_autofree char *q = quote_identifier (pk);
      g_string_append_printf (sql, "%s, ", q);
    }
  else
    g_string_append (sql, "rowid, ");
  g_string_append (sql, geom);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *q = quote_identifier (names->pdata[i]);
      g_string_append_printf (sql, ", %s", q);
    }
  g_string_append_printf (sql, " FROM %s ORDER BY 1", table);
  if (!(s = pa_store_prepare (self->db, sql->str, error)))
    {
      name_the_file (error, self->path, layer->name);
      return FALSE;
    }
  values = g_new0 (const char *, names->len + 1);
  g_ptr_array_add (names, NULL);
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      PaGpkgFeature f = { 0 };
      f.fid = sqlite3_column_int64 (s, 0);
      f.number = ++number;
      if (sqlite3_column_type (s, 1) == SQLITE_BLOB)
        {
          f.geometry = sqlite3_column_blob (s, 1);
          f.geometry_len = (gsize) sqlite3_column_bytes (s, 1);
        }
      f.n_fields = names->len - 1;
      for (guint i = 0; i < f.n_fields; i++)
        values[i] = pa_store_column_text (s, (int) i + 2); /* text other tools wrote */
      f.names = (const char *const *) names->pdata;
      f.values = values;
      if (!func (&f, user_data, error))
        return FALSE;
    }
  if (st == PA_STEP_ERROR)
    {
      name_the_file (error, self->path, layer->name);
      return FALSE;
    }
  return TRUE;
}
