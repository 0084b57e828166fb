/* test-window-faults.c — the window on a database other tools wrote into: outlines with
 * empty parts, Z/M, NaN or off-globe coordinates, text that is not UTF-8 or 300,000
 * characters long. It must open (this crashed on an empty part), show every plan, select
 * every zone without freezing, and export. */
#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "app/pa-window.h"
#include "pa-test-util.h"
#include "store/pa-store-private.h"

static PaWindow *window;
static guint n_store_warnings;

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The store's warnings about features it leaves out are expected; any other stays fatal. */
static gboolean
fatal_unless_store_warning (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  return !((level & G_LOG_LEVEL_WARNING) && g_strcmp0 (domain, "parkatlas-store") == 0);
}

static void
count_store_warning (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  n_store_warnings++;
}

/* Every blob of tests/data/foreign-geometry.txt in turn into zones, places and districts,
 * and bad text into names and notes. */
static void
spoil (const char *path)
{
  g_autofree char *fixture = g_build_filename (PA_SOURCE_ROOT, "tests", "data", "foreign-geometry.txt", NULL);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) blobs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr (GString) big = g_string_new (NULL);
  const char *tables[] = { "zones", "zone_places", "districts" };
  sqlite3 *db = NULL;
  guint k = 0;

  g_assert_true (g_file_get_contents (fixture, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) cols = g_strsplit (lines[i], "\t", 3);
      gsize n;
      guint8 *bytes;
      if (lines[i][0] == '#' || g_strv_length (cols) != 3)
        continue;
      n = strlen (cols[2]) / 2;
      bytes = g_malloc (n + 1);
      for (gsize j = 0; j < n; j++)
        bytes[j] = (guint8) (g_ascii_xdigit_value (cols[2][2 * j]) << 4 | g_ascii_xdigit_value (cols[2][2 * j + 1]));
      g_ptr_array_add (blobs, g_bytes_new_take (bytes, n));
    }
  g_assert_cmpuint (blobs->len, >, 10);
  for (int i = 0; i < 300000; i++)
    g_string_append_unichar (big, 0x4e00 + (gunichar) (i % 64));

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  pa_store_register_functions (db);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *select = g_strdup_printf ("SELECT fid FROM %s ORDER BY fid", tables[t]);
      g_autofree char *update = g_strdup_printf ("UPDATE %s SET geom = ?1 WHERE fid = ?2", tables[t]);
      sqlite3_stmt *s = NULL, *u = NULL;
      g_assert_cmpint (sqlite3_prepare_v2 (db, select, -1, &s, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db, update, -1, &u, NULL), ==, SQLITE_OK);
      while (sqlite3_step (s) == SQLITE_ROW)
        {
          GBytes *b = g_ptr_array_index (blobs, k++ % blobs->len);
          gsize n;
          const void *data = g_bytes_get_data (b, &n);
          if (t == 2 && k % 5 != 0)
            continue; /* a few districts: the rest keep the basemap recognisable */
          sqlite3_bind_blob (u, 1, data, (int) n, SQLITE_STATIC);
          sqlite3_bind_int64 (u, 2, sqlite3_column_int64 (s, 0));
          g_assert_cmpint (sqlite3_step (u), ==, SQLITE_DONE);
          sqlite3_reset (u);
        }
      sqlite3_finalize (s);
      sqlite3_finalize (u);
    }
  {
    sqlite3_stmt *u = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE zones SET name = name || ?1, note = ?2 WHERE fid % 3 = 0",
                                         -1, &u, NULL), ==, SQLITE_OK);
    sqlite3_bind_text (u, 1, "\xff\xfe\xc3\x28", -1, SQLITE_STATIC);
    sqlite3_bind_text (u, 2, big->str, (int) big->len, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (u), ==, SQLITE_DONE);
    sqlite3_finalize (u);
  }
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* Every plan shows, every zone selects in well under a second, every plan exports. */
static void
test_window_survives_foreign_data (void)
{
  const char *slugs[] = { "yantai", "shenzhen", "minhang", "shanghai", "pudong" };

  g_autoptr (GError) setup_error = NULL;
  g_autoptr (PaBasemap) basemap = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaDocument) document = NULL;
  g_autofree char *path = pa_test_copy_default_store ("window-faults.gpkg");

  /* a zone shows in a fraction of a second (laying out 300,000 characters took many);
   * the margin is for a loaded machine, and the sanitizers' slowdown */
  gint64 limit = (g_getenv ("ASAN_OPTIONS") ? 12 : 3) * G_USEC_PER_SEC;

  /* GLib sets its fatal handler afresh for each test */
  g_test_log_set_fatal_handler (fatal_unless_store_warning, NULL);
  spoil (path);
  store = pa_store_open (path, NULL, &setup_error);
  g_assert_no_error (setup_error);
  basemap = pa_store_load_basemap (store, &setup_error);
  g_assert_no_error (setup_error);
  document = pa_document_new (store);
  /* the window opens on the first plan, whose outlines are spoilt too */
  window = pa_window_new (NULL, document, basemap);
  gtk_window_present (GTK_WINDOW (window));
  iterate_for (500);
  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *name = g_strdup_printf ("window-faults-%s.png", slugs[i]);
      g_autofree char *out = pa_test_temp_path (name);
      GtkSelectionModel *list = gtk_list_view_get_model (pa_window_get_zone_list (window));
      guint n;

      g_assert_true (pa_window_show_plan (window, slugs[i], &error));
      g_assert_no_error (error);
      iterate_for (100);
      n = g_list_model_get_n_items (pa_plan_get_zones (pa_window_get_plan (window)));
      g_assert_cmpuint (n, >, 0);
      for (guint r = 0; r < n; r++)
        {
          gint64 start = g_get_monotonic_time ();
          g_autofree char *details = NULL;

          g_assert_true (gtk_selection_model_select_item (list, r, TRUE));
          iterate_for (20);
          details = pa_window_get_details_text (window);
          g_assert_true (g_utf8_validate (details, -1, NULL));
          g_test_message ("%s, zone %u (note of %ld chars): %.2f s", slugs[i], r,
                          pa_zone_get_note (pa_window_get_selected_zone (window))
                              ? g_utf8_strlen (pa_zone_get_note (pa_window_get_selected_zone (window)), -1)
                              : 0L,
                          (g_get_monotonic_time () - start) / 1e6);
          g_assert_cmpint (g_get_monotonic_time () - start, <, limit);
        }
      g_assert_true (pa_window_export_to (window, out, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (out, G_FILE_TEST_IS_REGULAR));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (50);
  g_test_log_set_fatal_handler (NULL, NULL);
  g_assert_cmpuint (n_store_warnings, >, 0);
}

int
main (int argc, char *argv[])
{
  g_autofree char *cache = pa_test_temp_path ("cache");

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("no display: run the UI tests under Xvfb (xvfb-run)\n");
      return 1;
    }
  adw_init ();
  g_log_set_handler ("parkatlas-store", G_LOG_LEVEL_WARNING | G_LOG_FLAG_FATAL, count_store_warning, NULL);

  g_test_add_func ("/window-faults/survives-foreign-geometry-and-text", test_window_survives_foreign_data);
  return g_test_run ();
}
