/* fuzz-plan-json.c — the plan loader (data/plans/NAME.json into a new database): each
 * input is loaded into an in-memory database with the full schema, then rolled back */
#include "pa-fuzz.h"

#include "store/pa-store-loader.h"

static sqlite3 *db;
static PaLoader loader;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;

  pa_fuzz_init_logging ();
  g_assert (sqlite3_open (":memory:", &db) == SQLITE_OK);
  pa_store_register_functions (db);
  if (!pa_store_migrate (db, 0, &error))
    g_error ("schema: %s", error->message);
  loader.db = db;
  loader.districts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) pa_geometry_unref);
  loader.citations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.industries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.target_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* one district, so plans that place zones by district code reach the outline code */
  {
    g_autoptr (PaGeometry) g = pa_geometry_new ();
    pa_geometry_begin_polygon (g);
    pa_geometry_begin_ring (g);
    pa_geometry_add_point (g, 121.0, 37.0);
    pa_geometry_add_point (g, 121.5, 37.0);
    pa_geometry_add_point (g, 121.5, 37.5);
    pa_geometry_add_point (g, 121.0, 37.0);
    g_hash_table_insert (loader.districts, g_strdup ("370612"), g_steal_pointer (&g));
  }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  gboolean ok;

  g_assert (pa_store_exec (db, "BEGIN", NULL));
  ok = pa_store_insert_plan_data (&loader, "fuzz.json", (const char *) data, size, 0, &error);
  g_assert (ok == (error == NULL));
  g_assert (pa_store_exec (db, "ROLLBACK", NULL));
  /* the once-only caches hold row ids of the rolled-back rows */
  g_hash_table_remove_all (loader.citations);
  g_hash_table_remove_all (loader.documents);
  g_hash_table_remove_all (loader.industries);
  g_hash_table_remove_all (loader.target_ids);
  return 0;
}
