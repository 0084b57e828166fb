/* pa-store-defaults.c — filling a new database with the default content.
 *
 * Sources, all reviewable text: the plans under data/plans/ (compiled into the
 * GResource), the land polygons maps/land.geojson, and the district boundaries that
 * maps/districts.sh fetches at set-up (or the user's own, via --districts); then the
 * basemap layers that maps/basemap.sh builds, when they are there (pa-store-basemap.c).
 */
#include "config.h"

#include "pa-store-loader.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "geo/pa-geojson.h"
#include "geo/pa-geos.h"
#include "geo/pa-gpkg-blob.h"

static JsonParser *
parse_file (const char *path, const char *what, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local = NULL;

  if (!json_parser_load_from_mapped_file (parser, path, &local))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS, _("Cannot read the %s “%s”: %s"),
                   what, path, local->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
      || !pa_json_array (json_node_get_object (json_parser_get_root (parser)), "features"))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   _("The %s “%s” is not a GeoJSON FeatureCollection"), what, path);
      return NULL;
    }
  return g_steal_pointer (&parser);
}

/* Loads a GeoJSON layer into @table; @columns are property names copied as text. */
static gboolean
insert_layer (PaLoader *l, const char *path, const char *what, const char *table,
              const char *const *columns, GError **error)
{
  g_autoptr (JsonParser) parser = parse_file (path, what, error);
  g_autoptr (GString) sql = NULL;
  g_autoptr (sqlite3_stmt) s = NULL;
  JsonArray *features;
  guint ncol = g_strv_length ((char **) columns);

  if (!parser)
    return FALSE;
  sql = g_string_new (NULL);
  g_string_printf (sql, "INSERT INTO %s (geom", table);
  for (guint c = 0; c < ncol; c++)
    g_string_append_printf (sql, ", %s", columns[c]);
  g_string_append (sql, ") VALUES (?1");
  for (guint c = 0; c < ncol; c++)
    g_string_append_printf (sql, ", ?%u", c + 2);
  g_string_append (sql, ")");
  s = pa_store_prepare (l->db, sql->str, error);
  if (!s)
    return FALSE;
  features = pa_json_array (json_node_get_object (json_parser_get_root (parser)), "features");
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *f = json_array_get_object_element (features, i);
      JsonObject *props = pa_json_obj (f, "properties");
      JsonObject *geom = pa_json_obj (f, "geometry");
      g_autoptr (PaGeometry) g = geom ? pa_geojson_to_geometry (geom, error) : NULL;
      g_autoptr (PaGeometry) valid = NULL;

      if (!g)
        {
          if (error && !*error)
            g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS, "no geometry");
          g_prefix_error (error, _("The %s “%s”, feature %u: "), what, path, i);
          return FALSE;
        }
      valid = pa_geos_make_valid (g, error);
      if (!valid)
        return FALSE;
      pa_bind_geometry (s, 1, valid);
      for (guint c = 0; c < ncol; c++)
        pa_bind_text (s, (int) c + 2, pa_json_str (props, columns[c]));
      if (!pa_store_step_done (l->db, s, error))
        return FALSE;
      if (l->districts && pa_json_str (props, "code"))
        g_hash_table_insert (l->districts, g_strdup (pa_json_str (props, "code")),
                             g_steal_pointer (&valid));
    }
  return TRUE;
}

/* gpkg_contents carries each feature table's extent, from its spatial index. */
gboolean
pa_store_update_extents (sqlite3 *db, const char *const *tables, GError **error)
{
  for (guint i = 0; tables[i]; i++)
    {
      g_autofree char *sql = g_strdup_printf (
          "UPDATE gpkg_contents SET min_x = (SELECT min(minx) FROM rtree_%1$s_geom), "
          "max_x = (SELECT max(maxx) FROM rtree_%1$s_geom), min_y = (SELECT min(miny) FROM rtree_%1$s_geom), "
          "max_y = (SELECT max(maxy) FROM rtree_%1$s_geom) WHERE table_name = '%1$s'",
          tables[i]);
      if (!pa_store_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pa_store_populate_defaults (sqlite3 *db, const PaStoreDefaults *defaults, GError **error)
{
  static const char *const district_cols[] = { "code", "name", "city", "source", NULL };
  static const char *const land_cols[] = { "region", "source", "coverage", NULL };
  g_autofree char *districts = defaults && defaults->districts_path
                                   ? g_strdup (defaults->districts_path)
                                   : pa_store_find_map_file ("districts.geojson");
  g_autofree char *land = defaults && defaults->land_path ? g_strdup (defaults->land_path)
                                                          : pa_store_find_map_file ("land.geojson");
  PaLoader l = { db };
  gboolean ok = FALSE;

  l.plans_dir = defaults ? defaults->plans_dir : NULL;
  if (!districts)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   _("The district boundaries (districts.geojson) are missing: run maps/districts.sh, "
                     "or give your own with --districts FILE"));
      return FALSE;
    }
  if (!land)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   _("The basemap land polygons (maps/land.geojson) are missing"));
      return FALSE;
    }
  l.districts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) pa_geometry_unref);
  l.citations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.industries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.target_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (pa_store_exec (db, "PRAGMA journal_mode = DELETE; BEGIN", error)
      && pa_store_migrate (db, 0, error)
      && insert_layer (&l, districts, _("district layer"), "districts", district_cols, error))
    {
      GHashTable *keep = l.districts;
      l.districts = NULL; /* land features are not districts */
      ok = insert_layer (&l, land, _("land layer"), "land", land_cols, error);
      l.districts = keep;
    }
  ok = ok && pa_store_insert_plans (&l, error) && pa_store_update_extents (db, (const char *const[]){ "zones", "districts", "land", "zone_places", NULL }, error)
       && pa_store_exec (db, "COMMIT", error);
  if (!ok)
    pa_store_exec (db, "ROLLBACK", NULL);
  else
    pa_store_ensure_basemap (db, sqlite3_db_filename (db, "main"));

  g_hash_table_unref (l.districts);
  g_hash_table_unref (l.citations);
  g_hash_table_unref (l.documents);
  g_hash_table_unref (l.industries);
  g_hash_table_unref (l.target_ids);
  return ok;
}
