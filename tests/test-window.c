/* test-window.c — the real window under a display (Xvfb in CI): plans, zone list,
 * map clicks and the details panel */
#include "config.h"

#include <adwaita.h>

#include "app/pa-window.h"
#include "pa-test-util.h"

static PaWindow *window;

static void
iterate_until (gboolean (*done) (void), guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;
  while (!done () && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
map_ready (void)
{
  double x, y;
  return gtk_widget_get_mapped (GTK_WIDGET (window))
         && pa_window_map_coords (window, 121.4, 37.4, &x, &y);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (list)); w; w = gtk_widget_get_next_sibling (w))
    n++;
  return n;
}

static void
test_opens_on_first_plan (void)
{
  PaPlan *plan = pa_window_get_plan (window);
  g_autofree char *text = pa_window_get_details_text (window);

  g_assert_nonnull (plan);
  g_assert_cmpstr (pa_plan_get_slug (plan), ==, "yantai");
  g_assert_cmpuint (count_rows (pa_window_get_zone_list (window)), ==,
                    g_list_model_get_n_items (pa_plan_get_zones (plan)));
  /* no zone selected: the plan's overview with its city target */
  g_assert_null (pa_window_get_selected_zone (window));
  g_assert_nonnull (strstr (text, pa_plan_get_name (plan)));
  g_assert_nonnull (strstr (text, "2000"));
}

/* Choosing a zone in the list selects it and shows its facts with their sentences. */
static void
test_list_selection_shows_details (void)
{
  GtkListBox *list = pa_window_get_zone_list (window);
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 1);
  PaZone *zone;
  g_autofree char *text = NULL;

  gtk_list_box_select_row (list, row);
  zone = pa_window_get_selected_zone (window);
  g_assert_nonnull (zone);
  g_assert_cmpstr (pa_zone_get_name (zone), ==, "高端药械集聚发展区");
  text = pa_window_get_details_text (window);
  g_assert_nonnull (strstr (text, "高端药械集聚发展区"));
  g_assert_nonnull (strstr (text, "产业园区"));        /* its role */
  g_assert_nonnull (strstr (text, "烟台开发区"));      /* its places */
  g_assert_nonnull (strstr (text, "1000亿元"));        /* its 2023 revenue target */
  g_assert_nonnull (strstr (text, "示意"));            /* 开发区 is drawn schematically */
  g_assert_nonnull (strstr (text, "001_c4dcbbf0e13eacd6.txt")); /* and where it says so */
  g_assert_nonnull (strstr (text, "分别达到500亿元、1000亿元、500亿元、100亿元"));
}

/* Switching plans, then clicking inside a zone on the map, selects that zone. */
static void
test_map_click_selects_zone (void)
{
  g_autoptr (GError) error = NULL;
  GListModel *zones;
  PaZone *target = NULL;
  PaPoint p;
  double x, y;
  g_autofree char *text = NULL;

  g_assert_true (pa_window_show_plan (window, "shenzhen", &error));
  g_assert_no_error (error);
  iterate_until (map_ready, 2000);
  zones = pa_plan_get_zones (pa_window_get_plan (window));
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      if (g_str_has_prefix (pa_zone_get_name (z), "坪山"))
        target = z;
    }
  g_assert_nonnull (target);
  p = pa_geometry_get_label_point (pa_zone_get_geometry (target));
  g_assert_true (pa_window_map_coords (window, p.x, p.y, &x, &y));
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (y, >, 0);
  g_assert_true (pa_window_click_map (window, x, y) == target);
  g_assert_true (pa_window_get_selected_zone (window) == target);
  text = pa_window_get_details_text (window);
  g_assert_nonnull (strstr (text, "坪山国家生物产业基地"));
  g_assert_nonnull (strstr (text, "核心"));
  g_assert_nonnull (strstr (text, "坪山区"));
  g_assert_nonnull (strstr (text, "003_8740e68513458e21.txt"));

  /* a click on open sea clears the selection */
  g_assert_true (pa_window_map_coords (window, 114.9, 22.3, &x, &y));
  pa_window_click_map (window, x, y);
  g_assert_null (pa_window_get_selected_zone (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaBasemap) basemap = NULL;
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
  basemap = pa_store_load_basemap (pa_test_default_store (), &error);
  g_assert_no_error (error);
  window = pa_window_new (NULL, pa_test_default_store (), basemap);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (map_ready, 5000);

  g_test_add_func ("/window/opens-on-first-plan", test_opens_on_first_plan);
  g_test_add_func ("/window/list-selection-shows-details", test_list_selection_shows_details);
  g_test_add_func ("/window/map-click-selects-zone", test_map_click_selects_zone);
  return g_test_run ();
}
