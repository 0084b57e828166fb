/* test-app.c — the application as the desktop uses it: databases opened, created and
 * remembered, files from the file manager, and the window at GNOME's smallest size. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "app/pa-application.h"
#include "app/pa-window.h"
#include "pa-test-util.h"

static PaApplication *app;

static void
settle (void)
{
  for (int i = 0; i < 50; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static guint
count_windows (GType type)
{
  guint n = 0;
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      n++;
  return n;
}

static void
close_dialogs (void)
{
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      gtk_window_destroy (l->data);
  settle ();
}

/* The message of the one dialog showing, or NULL. */
static char *
dialog_text (void)
{
  char *text = NULL;
  for (GList *l = gtk_window_list_toplevels (); l; l = g_list_delete_link (l, l))
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      text = g_strdup_printf ("%s: %s", adw_message_dialog_get_heading (l->data),
                              adw_message_dialog_get_body (l->data));
  return text;
}

static PaWindow *
window_showing (const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (PA_IS_WINDOW (l->data)
        && g_strcmp0 (pa_store_get_path (pa_document_get_store (pa_window_get_document (l->data))), path) == 0)
      return l->data;
  return NULL;
}

/* A database from the file manager opens in its own window, titled with its file's name;
 * opening it again shows that window rather than a second one. */
static void
test_open_database_file (void)
{
  g_autofree char *path = pa_test_copy_default_store ("opened.gpkg");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  guint before = count_windows (PA_TYPE_WINDOW);
  PaWindow *w;

  pa_application_open_file (app, file);
  settle ();
  w = window_showing (path);
  g_assert_nonnull (w);
  g_assert_cmpuint (count_windows (PA_TYPE_WINDOW), ==, before + 1);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (w)), "opened.gpkg"));
  pa_application_open_file (app, file);
  settle ();
  g_assert_cmpuint (count_windows (PA_TYPE_WINDOW), ==, before + 1);
  /* and it is remembered for Open Recent */
  {
    g_autofree char *uri = g_file_get_uri (file);
    g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  }
}

/* Online tiles are off unless chosen: no source, so nothing can go to the network; the
 * settings turn them on (OpenStreetMap, or a template with its key and GCJ-02) and off. */
static void
test_online_tiles_only_when_chosen (void)
{
  g_autofree char *path = pa_test_copy_default_store ("online.gpkg");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GSettings) settings = pa_application_settings_new ();
  PaMapView *mv;
  g_autofree char *credit = NULL;

  pa_application_open_file (app, file);
  settle ();
  mv = pa_window_get_map_view (window_showing (path));
  /* hidden: a map that is not shown asks for no tiles, so the test sends nothing to the
   * real OpenStreetMap */
  gtk_widget_set_visible (GTK_WIDGET (window_showing (path)), FALSE);
  settle ();
  g_assert_cmpstr (g_settings_get_string (settings, "online-tiles"), ==, "none");
  g_assert_null (pa_map_view_get_online_source (mv));

  g_settings_set_string (settings, "online-tiles", "osm");
  g_assert_nonnull (pa_map_view_get_online_source (mv));
  g_assert_false (pa_online_source_get_gcj02 (pa_map_view_get_online_source (mv)));
  credit = pa_map_view_dup_attribution (mv);
  g_assert_nonnull (strstr (credit, "OpenStreetMap"));

  g_settings_set_string (settings, "online-url", "http://127.0.0.1:9/{z}/{x}/{y}.png?tk={key}");
  g_settings_set_boolean (settings, "online-gcj02", TRUE);
  g_settings_set_string (settings, "online-tiles", "custom");
  g_assert_nonnull (pa_map_view_get_online_source (mv));
  g_assert_true (pa_online_source_get_gcj02 (pa_map_view_get_online_source (mv)));
  /* a template without {x} and {z} is not a source */
  g_settings_set_string (settings, "online-url", "http://127.0.0.1:9/tiles.png");
  g_assert_null (pa_map_view_get_online_source (mv));
  g_settings_reset (settings, "online-url");
  g_settings_reset (settings, "online-gcj02");
  g_settings_reset (settings, "online-tiles");
  g_assert_null (pa_map_view_get_online_source (mv));
  gtk_window_destroy (GTK_WINDOW (window_showing (path)));
  settle ();
}

/* New Database creates the file (adding .gpkg) with the built-in plans and opens it; an
 * existing file is opened, never replaced. */
static void
test_new_database (void)
{
  g_autofree char *base = pa_test_temp_path ("新规划");
  g_autofree char *path = g_strconcat (base, ".gpkg", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (pa_application_new_database (app, base, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_nonnull (window_showing (path));
  g_assert_cmpint (pa_test_query_int (path, "SELECT count(*) FROM plans"), ==, 5);
  gtk_window_destroy (GTK_WINDOW (window_showing (path)));
  settle ();
  before = pa_test_file_checksum (path);
  g_assert_true (pa_application_new_database (app, path, &error));
  settle ();
  after = pa_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

/* A GeoJSON from the file manager is imported into the plan shown; a raster MBTiles pack
 * is shown over the basemap and remembered; a vector pack and an unknown file are refused
 * with a message naming them, and change nothing. */
static void
test_other_files (void)
{
  g_autofree char *geojson = pa_test_shared_file ("testdata", "zones.geojson");
  g_autofree char *mbtiles = pa_test_shared_file ("testdata", "yantai-raster.mbtiles");
  g_autofree char *vector = pa_test_shared_file ("testdata", "broken-vector.mbtiles");
  g_autofree char *odd = pa_test_temp_path ("notes.docx");
  g_autofree char *path = pa_test_copy_default_store ("imports.gpkg");
  g_autofree char *text = NULL, *sum_before = NULL, *sum_after = NULL;
  g_autoptr (GFile) db = g_file_new_for_path (path);
  PaWindow *w;
  guint zones;

  if (!geojson || !mbtiles)
    return; /* skipped: ../shared is not on this machine */
  pa_application_open_file (app, db);
  settle ();
  w = window_showing (path);
  g_assert_nonnull (w);
  gtk_window_present (GTK_WINDOW (w));
  settle ();
  zones = g_list_model_get_n_items (pa_plan_get_zones (pa_window_get_plan (w)));
  {
    g_autoptr (GFile) f = g_file_new_for_path (geojson);
    pa_application_open_file (app, f);
    settle ();
  }
  g_assert_cmpuint (g_list_model_get_n_items (pa_plan_get_zones (pa_window_get_plan (w))), >, zones);
  close_dialogs (); /* the import's report */

  sum_before = pa_test_file_checksum (mbtiles);
  {
    /* as the file manager gives it: a canonical path */
    g_autoptr (GFile) f = g_file_new_for_path (mbtiles);
    g_free (mbtiles);
    mbtiles = g_file_get_path (f);
  }
  {
    g_autoptr (GFile) f = g_file_new_for_path (mbtiles);
    pa_application_open_file (app, f);
    settle ();
  }
  g_assert_null (dialog_text ());
  g_assert_nonnull (pa_window_get_tile_pack (w));
  g_assert_cmpstr (pa_mbtiles_get_path (pa_window_get_tile_pack (w)), ==, mbtiles);
  {
    g_autoptr (GSettings) settings = pa_application_settings_new ();
    g_autofree char *remembered = g_settings_get_string (settings, "tile-pack");
    g_assert_cmpstr (remembered, ==, mbtiles);
  }
  sum_after = pa_test_file_checksum (mbtiles);
  g_assert_cmpstr (sum_before, ==, sum_after);
  /* remembered: the next window shows it too */
  {
    g_autofree char *other = pa_test_copy_default_store ("with-pack.gpkg");
    g_autoptr (GError) error = NULL;
    PaWindow *next;
    g_assert_true (pa_application_open_database (app, other, &error));
    settle ();
    next = window_showing (other);
    g_assert_nonnull (next);
    g_assert_nonnull (pa_window_get_tile_pack (next));
    g_assert_cmpstr (pa_mbtiles_get_path (pa_window_get_tile_pack (next)), ==, mbtiles);
    gtk_window_destroy (GTK_WINDOW (next));
    settle ();
  }

  /* a vector pack: refused by name, and the raster pack stays */
  {
    g_autoptr (GFile) f = g_file_new_for_path (vector);
    pa_application_open_file (app, f);
    settle ();
  }
  text = dialog_text ();
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "broken-vector.mbtiles"));
  g_assert_nonnull (strstr (text, "pbf"));
  g_assert_cmpstr (pa_mbtiles_get_path (pa_window_get_tile_pack (w)), ==, mbtiles);
  close_dialogs ();
  g_clear_pointer (&text, g_free);

  g_assert_true (g_file_set_contents (odd, "not a plan", -1, NULL));
  {
    g_autoptr (GFile) f = g_file_new_for_path (odd);
    pa_application_open_file (app, f);
    settle ();
  }
  text = dialog_text ();
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "notes.docx"));
  close_dialogs ();
}

/* At GNOME's smallest window (360 × 294) and at full HD the window lays out without
 * asking for more room than it has: nothing is pushed out of it or cut. */
static void
test_window_sizes (void)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  GtkWidget *w = windows ? windows->data : NULL;
  int min_width, min_height;

  g_assert_true (PA_IS_WINDOW (w));
  /* GNOME's title bar buttons (org.gnome.desktop.wm.preferences button-layout) */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  settle ();
  gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  gtk_widget_measure (w, GTK_ORIENTATION_VERTICAL, 360, &min_height, NULL, NULL, NULL);
  g_test_message ("smallest window: %d × %d", min_width, min_height);
  if (g_getenv ("PA_DEBUG_SIZES"))
    {
      GtkWidget *content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (w));
      for (GtkWidget *c = gtk_widget_get_first_child (content); c; c = gtk_widget_get_next_sibling (c))
        {
          int m;
          gtk_widget_measure (c, GTK_ORIENTATION_HORIZONTAL, -1, &m, NULL, NULL, NULL);
          g_test_message ("  %s: %d", G_OBJECT_TYPE_NAME (c), m);
          for (GtkWidget *d = gtk_widget_get_first_child (c); d; d = gtk_widget_get_next_sibling (d))
            {
              gtk_widget_measure (d, GTK_ORIENTATION_HORIZONTAL, -1, &m, NULL, NULL, NULL);
              g_test_message ("    %s: %d", G_OBJECT_TYPE_NAME (d), m);
              for (GtkWidget *e = gtk_widget_get_first_child (d); e; e = gtk_widget_get_next_sibling (e))
                {
                  gtk_widget_measure (e, GTK_ORIENTATION_HORIZONTAL, -1, &m, NULL, NULL, NULL);
                  g_test_message ("      %s: %d", G_OBJECT_TYPE_NAME (e), m);
                  for (GtkWidget *f = gtk_widget_get_first_child (e); f; f = gtk_widget_get_next_sibling (f))
                    {
                      gtk_widget_measure (f, GTK_ORIENTATION_HORIZONTAL, -1, &m, NULL, NULL, NULL);
                      g_test_message ("        %s: %d", G_OBJECT_TYPE_NAME (f), m);
                    }
                }
            }
        }
    }
  g_assert_cmpint (min_width, <=, 360);
  g_assert_cmpint (min_height, <=, 294 + 200); /* the header and the side panel's rows */

  /* full HD: the side panel beside the map (at the narrowest it folds over the map:
   * the minimum above is measured with it folded) */
  {
    AdwFlap *flap = pa_window_get_flap (PA_WINDOW (w));
    gtk_window_set_default_size (GTK_WINDOW (w), 1920, 1080);
    settle ();
    g_test_message ("at %d × %d: %s", gtk_widget_get_width (w), gtk_widget_get_height (w),
                    adw_flap_get_folded (flap) ? "folded" : "side by side");
    /* (Xvfb's screen may be smaller than full HD: whatever it gave, a wide window) */
    g_assert_cmpint (gtk_widget_get_width (w), >=, 1200);
    g_assert_false (adw_flap_get_folded (flap));
  }
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaBasemap) basemap = NULL;
  g_autofree char *data = pa_test_temp_path ("data");
  int status;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE); /* recent files of the test's own */
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("no display: run the UI tests under Xvfb (xvfb-run)\n");
      return 1;
    }
  adw_init ();
  path = pa_test_copy_default_store ("first.gpkg");
  store = pa_store_open (path, NULL, &error);
  g_assert_no_error (error);
  basemap = pa_store_load_basemap (store, &error);
  g_assert_no_error (error);
  app = pa_application_new (store, basemap, NULL);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_application_activate (G_APPLICATION (app));
  settle ();
  g_assert_nonnull (window_showing (path));

  g_test_add_func ("/app/open-database-file", test_open_database_file);
  g_test_add_func ("/app/new-database", test_new_database);
  g_test_add_func ("/app/other-files", test_other_files);
  g_test_add_func ("/app/online-tiles-only-when-chosen", test_online_tiles_only_when_chosen);
  g_test_add_func ("/app/window-sizes", test_window_sizes);
  status = g_test_run ();
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = gtk_application_get_windows (GTK_APPLICATION (app)))
    gtk_window_destroy (l->data);
  settle ();
  g_clear_object (&app);
  return status;
}
