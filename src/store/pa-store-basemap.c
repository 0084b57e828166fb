/* pa-store-basemap.c — the continuous basemap's layers (schema 4): copied in from the
 * set-up's maps/build/basemap.gpkg, read back into a PaBasemap.
 *
 * The layers are optional: a database without them (the file was not built, or could
 * not be read) draws the land table it has, and gets them the next time it is opened
 * with the file there.
 */
#define G_LOG_DOMAIN "parkatlas-store"

#include "config.h"

#include "pa-store-private.h"

#include <glib/gi18n.h>

#include "geo/pa-gpkg-blob.h"

#define BASEMAP_FILE "basemap.gpkg"

static const char *const layers[] = { "basemap_land", "basemap_rivers", "basemap_borders", "basemap_names", NULL };
static const char *const copies[] = {
  "INSERT INTO main.basemap_land (geom, tier, min_zoom, coverage, source) "
  "SELECT geom, tier, min_zoom, coverage, source FROM src.basemap_land ORDER BY tier, fid",
  "INSERT INTO main.basemap_rivers (geom, tier, min_zoom, source) "
  "SELECT geom, tier, min_zoom, source FROM src.basemap_rivers ORDER BY fid",
  "INSERT INTO main.basemap_borders (geom, kind, min_zoom, source) "
  "SELECT geom, kind, min_zoom, source FROM src.basemap_borders ORDER BY fid",
  "INSERT INTO main.basemap_names (geom, name, kind, rank, min_zoom, source) "
  "SELECT geom, name, kind, rank, min_zoom, source FROM src.basemap_names ORDER BY rank, fid",
};

static gboolean
attach (sqlite3 *db, const char *path, GError **error)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (db, "ATTACH DATABASE ?1 AS src", error);
  if (!s)
    return FALSE;
  sqlite3_bind_text (s, 1, path, -1, SQLITE_TRANSIENT);
  return pa_store_step_done (db, s, error);
}

static gboolean
source_has_layers (sqlite3 *db, const char *path, GError **error)
{
  for (guint i = 0; layers[i]; i++)
    {
      g_autoptr (sqlite3_stmt) s = pa_store_prepare (
          db, "SELECT 1 FROM src.sqlite_master WHERE type = 'table' AND name = ?1", error);
      PaStep st;
      if (!s)
        return FALSE;
      sqlite3_bind_text (s, 1, layers[i], -1, SQLITE_STATIC);
      st = pa_store_step (s, error);
      if (st == PA_STEP_ERROR)
        return FALSE;
      if (st == PA_STEP_DONE)
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                       _("The basemap “%s” has no table %s: rebuild it with maps/basemap.sh"), path,
                       layers[i]);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
pa_store_import_basemap (sqlite3 *db, const char *path, GError **error)
{
  gboolean ok;
  g_autoptr (GError) detach_error = NULL;

  g_return_val_if_fail (db && path, FALSE);
  if (!attach (db, path, error))
    {
      g_prefix_error (error, _("Cannot read the basemap “%s”: "), path);
      return FALSE;
    }
  /* deferred: IMMEDIATE would take a write lock on the attached source as well, and two
   * programs making databases at once would find it locked */
  ok = source_has_layers (db, path, error) && pa_store_exec (db, "BEGIN", error);
  if (ok)
    {
      for (guint i = 0; ok && layers[i]; i++)
        {
          g_autofree char *clear = g_strdup_printf ("DELETE FROM main.%s", layers[i]);
          ok = pa_store_exec (db, clear, error) && pa_store_exec (db, copies[i], error);
        }
      ok = ok && pa_store_update_extents (db, layers, error) && pa_store_exec (db, "COMMIT", error);
      if (!ok)
        {
          g_autoptr (GError) rollback = NULL;
          g_prefix_error (error, _("Cannot copy the basemap “%s”: "), path);
          if (!pa_store_exec (db, "ROLLBACK", &rollback))
            g_warning ("copying the basemap: rolling back: %s", rollback->message);
        }
    }
  if (!pa_store_exec (db, "DETACH DATABASE src", &detach_error))
    g_warning ("after copying the basemap %s: %s", path, detach_error->message);
  return ok;
}

void
pa_store_ensure_basemap (sqlite3 *db, const char *db_path)
{
  g_autoptr (sqlite3_stmt) s = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  PaStep st;

  s = pa_store_prepare (db, "SELECT EXISTS (SELECT 1 FROM basemap_land)", &error);
  if (!s || (st = pa_store_step (s, &error)) == PA_STEP_ERROR)
    {
      g_warning ("%s: basemap layers: %s", db_path, error->message);
      return;
    }
  if (st == PA_STEP_ROW && sqlite3_column_int (s, 0))
    return;
  g_clear_pointer (&s, sqlite3_finalize);
  path = pa_store_find_map_file (BASEMAP_FILE);
  if (!path)
    {
      g_message ("%s: no %s (run maps/basemap.sh): the basemap shows the three regions only", db_path,
                 BASEMAP_FILE);
      return;
    }
  if (!pa_store_import_basemap (db, path, &error))
    g_warning ("%s: %s; the basemap shows the three regions only", db_path, error->message);
}

static PaBBox
parse_box (const char *text)
{
  g_auto (GStrv) v = g_strsplit (text ? text : "", ",", 4);
  if (g_strv_length (v) != 4)
    return pa_bbox_empty ();
  return (PaBBox){ g_ascii_strtod (v[0], NULL), g_ascii_strtod (v[1], NULL), g_ascii_strtod (v[2], NULL),
                   g_ascii_strtod (v[3], NULL) };
}

/* Reads the rows of @sql (geometry first, fid last) into @map with @add; a row that cannot
 * be drawn is left out and named in the log. */
typedef gboolean (*AddRow) (PaBasemap *map, sqlite3_stmt *s, GError **error);

static gboolean
read_layer (sqlite3 *db, const char *db_path, const char *table, const char *sql, PaBasemap *map, AddRow add,
            GError **error)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (db, sql, error);
  PaStep st;

  if (!s)
    return FALSE;
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      g_autoptr (GError) row_error = NULL;
      if (sqlite3_column_type (s, 0) != SQLITE_BLOB)
        continue;
      if (!add (map, s, &row_error))
        g_warning ("%s: table %s, feature (fid) %lld: not drawn: %s", db_path, table,
                   (long long) sqlite3_column_int64 (s, sqlite3_column_count (s) - 1), row_error->message);
    }
  return st != PA_STEP_ERROR;
}

static gboolean
add_tier (PaBasemap *map, sqlite3_stmt *s, GError **error)
{
  g_autoptr (PaGeometry) g = pa_gpkg_blob_to_geometry (sqlite3_column_blob (s, 0),
                                                       (gsize) sqlite3_column_bytes (s, 0), NULL, error);
  PaBBox box = parse_box (pa_store_column_text (s, 3));

  if (!g)
    return FALSE;
  if (pa_bbox_is_empty (&box))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT, "coverage is not “min_lon,min_lat,max_lon,max_lat”");
      return FALSE;
    }
  pa_basemap_add_tier (map, sqlite3_column_int (s, 1), sqlite3_column_int (s, 2), &box, g);
  return TRUE;
}

static gboolean
add_river (PaBasemap *map, sqlite3_stmt *s, GError **error)
{
  g_autoptr (PaGeometry) g = pa_gpkg_blob_to_lines (sqlite3_column_blob (s, 0),
                                                    (gsize) sqlite3_column_bytes (s, 0), error);
  if (!g)
    return FALSE;
  pa_basemap_add_lines (map, PA_BASEMAP_RIVER, sqlite3_column_int (s, 1), sqlite3_column_int (s, 2), g);
  return TRUE;
}

static gboolean
add_border (PaBasemap *map, sqlite3_stmt *s, GError **error)
{
  g_autoptr (PaGeometry) g = pa_gpkg_blob_to_lines (sqlite3_column_blob (s, 0),
                                                    (gsize) sqlite3_column_bytes (s, 0), error);
  const char *kind = pa_store_column_text (s, 1);
  if (!g)
    return FALSE;
  pa_basemap_add_lines (map, g_strcmp0 (kind, "country") == 0 ? PA_BASEMAP_COUNTRY_BORDER : PA_BASEMAP_PROVINCE_BORDER,
                        -1, sqlite3_column_int (s, 2), g);
  return TRUE;
}

static gboolean
add_name (PaBasemap *map, sqlite3_stmt *s, GError **error)
{
  static const char *const kinds[] = { "country", "province", "city", "district" };
  const char *kind = pa_store_column_text (s, 2);
  const char *name = pa_store_column_text (s, 1);
  double x, y;

  if (!pa_gpkg_blob_to_point (sqlite3_column_blob (s, 0), (gsize) sqlite3_column_bytes (s, 0), &x, &y, error))
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (g_strcmp0 (kind, kinds[k]) == 0 && name && *name)
      {
        pa_basemap_add_name (map, name, (PaBasemapNameKind) k, sqlite3_column_int (s, 3),
                             sqlite3_column_int (s, 4), x, y);
        return TRUE;
      }
  g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT, "no name, or a kind “%s” that is not known",
               kind ? kind : "");
  return FALSE;
}

gboolean
pa_store_read_basemap_layers (sqlite3 *db, const char *db_path, PaBasemap *map, GError **error)
{
  return read_layer (db, db_path, "basemap_land",
                     "SELECT geom, tier, min_zoom, coverage, fid FROM basemap_land ORDER BY tier, fid", map,
                     add_tier, error)
         && read_layer (db, db_path, "basemap_rivers",
                        "SELECT geom, tier, min_zoom, fid FROM basemap_rivers ORDER BY fid", map, add_river, error)
         && read_layer (db, db_path, "basemap_borders",
                        "SELECT geom, kind, min_zoom, fid FROM basemap_borders ORDER BY fid", map, add_border,
                        error)
         && read_layer (db, db_path, "basemap_names",
                        "SELECT geom, name, kind, rank, min_zoom, fid FROM basemap_names ORDER BY rank, fid", map,
                        add_name, error);
}
