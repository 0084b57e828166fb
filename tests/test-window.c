/* test-window.c — the real window under a display (Xvfb in CI): plans, zone list,
 * map clicks and the details panel */
#include "config.h"

#include "geo/pa-mercator.h"

#include <adwaita.h>
#include <locale.h>
#include <math.h>

#include "app/pa-export-dialog.h"
#include "app/pa-map-view.h"
#include "app/pa-targets-window.h"
#include "map/pa-online-source.h"
#include "model/pa-target-item.h"
#include "app/pa-window.h"
#include "app/pa-zone-dialog.h"
#include "app/pa-organisation-dialog.h"
#include "render/pa-painter.h"
#include "app/pa-target-dialog.h"
#include "geo/pa-geodesic.h"
#include "audit/pa-audit.h"
#include "render/pa-painter.h"
#include "pa-test-util.h"

static PaWindow *window;
static gint64 wait_until;
static gboolean time_up (void);

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

/* The zone list's selection model: its items are the rows the list shows. */
static GtkSingleSelection *
zone_list_model (void)
{
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (pa_window_get_zone_list (window)));
}

/* The list shows the plan's zones, in the plan's order. */
static void
assert_list_shows_zones (PaPlan *plan)
{
  GListModel *rows = G_LIST_MODEL (zone_list_model ());
  GListModel *zones = pa_plan_get_zones (plan);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, g_list_model_get_n_items (zones));
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) row = g_list_model_get_item (rows, i);
      g_autoptr (PaZone) zone = g_list_model_get_item (zones, i);
      g_assert_true (row == zone);
    }
}

static void
test_opens_on_first_plan (void)
{
  PaPlan *plan = pa_window_get_plan (window);
  g_autofree char *text = pa_window_get_details_text (window);

  g_assert_nonnull (plan);
  g_assert_cmpstr (pa_plan_get_slug (plan), ==, "yantai");
  assert_list_shows_zones (plan);
  /* no zone selected: the plan's overview with its city target */
  g_assert_null (pa_window_get_selected_zone (window));
  g_assert_nonnull (strstr (text, pa_plan_get_name (plan)));
  g_assert_nonnull (strstr (text, "2000"));
}

/* Choosing a zone in the list selects it and shows its facts with their sentences. */
static void
test_list_selection_shows_details (void)
{
  PaZone *zone;
  g_autofree char *text = NULL;

  g_assert_true (gtk_selection_model_select_item (GTK_SELECTION_MODEL (zone_list_model ()), 1, TRUE));
  zone = pa_window_get_selected_zone (window);
  g_assert_nonnull (zone);
  g_assert_cmpstr (pa_zone_get_name (zone), ==, "高端药械集聚发展区");
  text = pa_window_get_details_text (window);
  g_assert_nonnull (strstr (text, "高端药械集聚发展区"));
  g_assert_nonnull (strstr (text, "产业园区"));        /* its role */
  g_assert_nonnull (strstr (text, "烟台开发区"));      /* its places */
  g_assert_nonnull (strstr (text, "1000亿元"));        /* its 2023 revenue target */
  g_assert_nonnull (strstr (text, "示意"));            /* 开发区 is drawn schematically */
  g_assert_nonnull (strstr (text, "《若干意见》, 二、(四)载体建设工程")); /* and where it says so */
  g_assert_null (strstr (text, ".txt")); /* by the document's title, never its file */
  g_assert_nonnull (strstr (text, "\n高端药械\n")); /* the industry its own name names */
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
  /* the list follows the map: the zone's row is selected */
  assert_list_shows_zones (pa_window_get_plan (window));
  g_assert_true (gtk_single_selection_get_selected_item (zone_list_model ()) == target);
  text = pa_window_get_details_text (window);
  g_assert_nonnull (strstr (text, "坪山国家生物产业基地"));
  g_assert_nonnull (strstr (text, "核心"));
  g_assert_nonnull (strstr (text, "坪山区"));
  g_assert_nonnull (strstr (text, "《实施方案》"));
  g_assert_null (strstr (text, ".txt"));
  /* who is responsible for the zone (五、(一) 责任单位) */
  g_assert_nonnull (strstr (text, "坪山区政府"));
  g_assert_nonnull (strstr (text, "市发展改革委"));

  /* a click on open sea clears the selection */
  g_assert_true (pa_window_map_coords (window, 114.9, 22.3, &x, &y));
  pa_window_click_map (window, x, y);
  g_assert_null (pa_window_get_selected_zone (window));
  g_assert_cmpuint (gtk_single_selection_get_selected (zone_list_model ()), ==, GTK_INVALID_LIST_POSITION);
}

/* Typing 坝光 lists the Shenzhen zone first; choosing it shows Shenzhen with the zone
 * selected and in view; clearing the search brings the zone list back. */
static void
test_search_moves_to_result (void)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *hits;
  PaZone *zone;
  PaPoint p;
  double x, y;

  g_assert_true (pa_window_show_plan (window, "yantai", &error));
  pa_window_search (window, "坝光");
  hits = pa_window_get_search_hits (window);
  g_assert_nonnull (hits);
  g_assert_cmpuint (hits->len, >, 0);
  pa_window_show_hit (window, hits->pdata[0]);
  iterate_until (map_ready, 2000);
  g_assert_cmpstr (pa_plan_get_slug (pa_window_get_plan (window)), ==, "shenzhen");
  zone = pa_window_get_selected_zone (window);
  g_assert_nonnull (zone);
  g_assert_cmpstr (pa_zone_get_key (zone), ==, "bagang");
  wait_until = g_get_monotonic_time () + 1500 * 1000; /* the map's move to the zone */
  iterate_until (time_up, 2000);
  p = pa_geometry_get_label_point (pa_zone_get_geometry (zone));
  g_assert_true (pa_window_map_coords (window, p.x, p.y, &x, &y));
  g_assert_cmpfloat (x, >, 0);
  g_assert_cmpfloat (y, >, 0);
  g_assert_cmpfloat (x, <, gtk_widget_get_width (GTK_WIDGET (pa_window_get_map (window))));
  g_assert_cmpfloat (y, <, gtk_widget_get_height (GTK_WIDGET (pa_window_get_map (window))));
  pa_window_search (window, "");
  g_assert_null (pa_window_get_search_hits (window));
}

/* The audit's finding shows in the plan overview and with the zones it concerns. */
static void
test_audit_findings_shown (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *overview = NULL, *involved = NULL, *other = NULL;
  PaPlan *plan;

  g_assert_true (pa_window_show_plan (window, "yantai", &error));
  plan = pa_window_get_plan (window);
  /* 2100 against 突破2000 is consistent; the overlap of 高新区 and 莱山区 is the finding */
  g_assert_cmpuint (pa_window_get_findings (window)->len, ==, 1);
  overview = pa_window_get_details_text (window);
  g_assert_null (strstr (overview, "= 2100"));
  g_assert_nonnull (strstr (overview, "overlap: "));
  /* the nine 工程 with their lead departments and targets */
  g_assert_nonnull (strstr (overview, "链主领航工程"));
  g_assert_nonnull (strstr (overview, "技术攻坚工程"));
  g_assert_nonnull (strstr (overview, "市委组织部"));
  pa_window_select_zone (window, pa_plan_find_zone (plan, "life_health"));
  involved = pa_window_get_details_text (window);
  g_assert_nonnull (strstr (involved, "overlap: "));
  pa_window_select_zone (window, pa_plan_find_zone (plan, "fushan"));
  other = pa_window_get_details_text (window);
  g_assert_null (strstr (other, "overlap: "));
  /* an inferred zone says so, with its reasoning one click away */
  g_assert_nonnull (strstr (other, "推定"));
  g_assert_nonnull (strstr (other, "No finding concerns this zone."));
}

/* One industry across plans: choosing a zone of another plan switches to it. */
static void
test_industry_browser_switches_plan (void)
{
  g_autoptr (GError) error = NULL;
  PaIndustryBrowser *browser = pa_window_get_industry_browser (window);
  GtkListBox *list = pa_industry_browser_get_list (browser);
  GtkListBoxRow *target = NULL;
  guint zone_rows = 0, plans_seen = 0;
  g_autoptr (GHashTable) slugs = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_true (pa_window_show_plan (window, "shenzhen", &error));
  g_assert_true (pa_industry_browser_show (browser, "高端医疗器械"));
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (list)); w; w = gtk_widget_get_next_sibling (w))
    {
      const char *slug = g_object_get_data (G_OBJECT (w), "slug");
      const char *zone = g_object_get_data (G_OBJECT (w), "zone");
      if (*zone)
        {
          zone_rows++;
          g_hash_table_add (slugs, (gpointer) slug);
          if (g_str_equal (slug, "minhang"))
            target = GTK_LIST_BOX_ROW (w);
        }
    }
  plans_seen = g_hash_table_size (slugs);
  /* 光明 (Shenzhen), 东部临港浦江 (Minhang) and 临港奉贤 (Shanghai) name it */
  g_assert_cmpuint (zone_rows, >=, 3);
  g_assert_cmpuint (plans_seen, >=, 3);
  g_assert_nonnull (target);
  g_signal_emit_by_name (list, "row-activated", target);
  g_assert_cmpstr (pa_plan_get_slug (pa_window_get_plan (window)), ==, "minhang");
  g_assert_nonnull (pa_window_get_selected_zone (window));
  g_assert_cmpstr (pa_zone_get_key (pa_window_get_selected_zone (window)), ==,
                   g_object_get_data (G_OBJECT (target), "zone"));
}

static double
row_value (GListModel *rows, guint i)
{
  g_autoptr (PaTargetItem) item = g_list_model_get_item (rows, i);
  return pa_target_item_get_target (item)->value;
}

/* The targets table lists every target of the plan and sorts by a column. */
static void
test_targets_table_sorts (void)
{
  g_autoptr (GError) error = NULL;
  PaTargetsWindow *table;
  GListModel *rows;
  PaPlan *plan;

  g_assert_true (pa_window_show_plan (window, "yantai", &error));
  plan = pa_window_get_plan (window);
  table = pa_targets_window_new (GTK_WINDOW (window), pa_window_get_document (window));
  gtk_window_present (GTK_WINDOW (table));
  rows = pa_targets_window_get_rows (table);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, pa_plan_get_all_targets (plan)->len);
  g_assert_true (pa_targets_window_sort_by (table, "Value", GTK_SORT_ASCENDING));
  /* numbers sort within one unit: each unit's rows together, ascending inside it */
  {
    g_autoptr (GHashTable) finished = g_hash_table_new (g_str_hash, g_str_equal);
    const char *current = NULL;
    for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr (PaTargetItem) item = g_list_model_get_item (rows, i);
        PaTarget *t = pa_target_item_get_target (item);
        const char *unit = t->unit ? t->unit : "";
        if (current && !g_str_equal (current, unit))
          {
            g_assert_false (g_hash_table_contains (finished, unit)); /* a unit comes back: mixed */
            g_hash_table_add (finished, (gpointer) current);
          }
        else if (current && !isnan (row_value (rows, i)) && !isnan (row_value (rows, i - 1)))
          g_assert_cmpfloat (row_value (rows, i - 1), <=, row_value (rows, i));
        current = unit;
      }
    g_assert_cmpuint (g_hash_table_size (finished), >=, 3); /* 亿元, 家, 个 … */
  }
  /* the table as shown, for a spreadsheet: a header and a row per target */
  {
    g_autofree char *tsv = pa_targets_window_dup_table (table, FALSE);
    g_autofree char *csv = pa_targets_window_dup_table (table, TRUE);
    g_auto (GStrv) lines = g_strsplit (g_strchomp (tsv), "\n", -1);
    g_assert_cmpuint (g_strv_length (lines), ==, g_list_model_get_n_items (rows) + 1);
    g_assert_true (g_str_has_prefix (lines[0], "Zone or programme\tIndicator\t"));
    g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf\"Zone or programme\",\"Indicator\""));
    g_assert_nonnull (strstr (csv, "\r\n"));
    g_assert_nonnull (strstr (csv, "\"主营业务收入\""));
  }
  /* Chinese sorts by pinyin under the Chinese locale's collation: 高端药械 (gao) before
   * 生命科学 (sheng), though 生 U+751F comes before 高 U+9AD8 */
  if (setlocale (LC_COLLATE, "zh_CN.UTF-8"))
    {
      int gao = -1, sheng = -1;
      g_assert_true (pa_targets_window_sort_by (table, "Zone or programme", GTK_SORT_ASCENDING));
      for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
        {
          g_autoptr (PaTargetItem) item = g_list_model_get_item (rows, i);
          const char *owner = pa_target_item_get_target (item)->owner;
          if (gao < 0 && g_strcmp0 (owner, "高端药械集聚发展区") == 0)
            gao = (int) i;
          if (sheng < 0 && g_strcmp0 (owner, "生命科学创新引领核心区") == 0)
            sheng = (int) i;
        }
      g_assert_cmpint (gao, >=, 0);
      g_assert_cmpint (sheng, >, gao);
      setlocale (LC_COLLATE, "");
    }
  else
    g_test_message ("no zh_CN.UTF-8 locale here: pinyin order not checked (.ci/setup makes it)");
  gtk_window_destroy (GTK_WINDOW (table));
}

static gint64 wait_until;

static gboolean
time_up (void)
{
  return g_get_monotonic_time () >= wait_until;
}

/* Every zone's label point lies inside the map widget of @width × @height. */
static gboolean
all_zones_in_view (PaPlan *plan, double width, double height)
{
  GListModel *zones = pa_plan_get_zones (plan);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      PaPoint p = pa_geometry_get_label_point (pa_zone_get_geometry (z));
      double x, y;
      pa_window_map_coords (window, p.x, p.y, &x, &y);
      if (x < 0 || y < 0 || x > width || y > height)
        return FALSE;
    }
  return TRUE;
}

/* After zooming into one zone, "show the whole plan" brings every zone back into view. */
static void
test_fit_plan_shows_every_zone (void)
{
  g_autoptr (GError) error = NULL;
  PaPlan *plan;
  double w = 1280 - 380, h = 700; /* the map's share of the default window */

  g_assert_true (pa_window_show_plan (window, "minhang", &error));
  plan = pa_window_get_plan (window);
  pa_window_select_zone (window, pa_plan_find_zone (plan, "zhihui")); /* 77亩: the map flies in close */
  wait_until = g_get_monotonic_time () + 1500 * 1000;
  iterate_until (time_up, 2000);
  g_assert_false (all_zones_in_view (plan, w, h));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.fit-plan", NULL));
  wait_until = g_get_monotonic_time () + 1500 * 1000;
  iterate_until (time_up, 2000);
  g_assert_true (all_zones_in_view (plan, w, h));
}

/* The plan shown is remembered for the next start. */
static void
test_remembers_last_plan (void)
{
  g_autoptr (GSettings) settings = g_settings_new (PA_APP_ID);
  g_autofree char *last = NULL;
  pa_window_set_settings (window, settings);
  g_assert_true (pa_window_show_plan (window, "pudong", NULL));
  last = g_settings_get_string (settings, "last-plan");
  g_assert_cmpstr (last, ==, "pudong");
  pa_window_set_settings (window, NULL);
}

/* The window's Export writes the same figure as the command line, with the selection. */
static void
test_export_action_writes_pdf (void)
{
  g_autofree char *pdf = pa_test_temp_path ("from-window.pdf");
  const char *totext[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;
  PaPlan *plan;

  g_assert_true (pa_window_show_plan (window, "shanghai", &error));
  plan = pa_window_get_plan (window);
  pa_window_select_zone (window, pa_plan_find_zone (plan, "zhangjiang"));
  g_assert_true (pa_window_export_to (window, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_test_run (totext, &text, NULL), ==, 0);
  g_assert_nonnull (strstr (text, "张江"));
  g_assert_nonnull (strstr (text, pa_plan_get_name (plan)));
}


/* Export… hands the dialog what the map shows under the zones: the web map turned on in
 * Preferences and the tile pack, so the preview and the figure draw them too. */
static void
test_export_dialog_gets_the_maps_tiles (void)
{
  g_autofree char *mbtiles = pa_test_shared_file ("testdata", "yantai-raster.mbtiles");
  /* an address nothing answers: the map falls back to its basemap, quietly */
  g_autoptr (PaOnlineSource) web = pa_online_source_new ("http://127.0.0.1:9/{z}/{x}/{y}.png", NULL, "Web", FALSE);
  g_autoptr (PaMbtiles) pack = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (PaExportOptions) options = { 0 };
  PaMapView *view = pa_window_get_map_view (window);
  PaExportDialog *dialog = NULL;

  if (!mbtiles)
    return;
  pack = pa_mbtiles_open (mbtiles, &error);
  g_assert_no_error (error);
  g_assert_true (pa_window_show_plan (window, "yantai", &error));
  pa_map_view_set_online_source (view, web);
  pa_window_set_tile_pack (window, pack);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  {
    g_autoptr (GList) windows = gtk_window_list_toplevels ();
    for (GList *l = windows; l; l = l->next)
      if (PA_IS_EXPORT_DIALOG (l->data))
        dialog = l->data;
  }
  g_assert_nonnull (dialog);
  pa_export_dialog_get_options (dialog, &options);
  g_assert_true (options.web_tiles == PA_TILE_PROVIDER (web));
  g_assert_true (options.tiles == PA_TILE_PROVIDER (pack));
  gtk_window_destroy (GTK_WINDOW (dialog));
  pa_window_set_tile_pack (window, NULL);
  pa_map_view_set_online_source (view, NULL);
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
}

static PaZoneDialog *
find_zone_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* owned by GTK */
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (PA_IS_ZONE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return PA_ZONE_DIALOG (w);
    }
  return NULL;
}

/* A vertex of @zone's outline that is on screen, with its widget coordinates. */
static PaPoint
visible_vertex (PaZone *zone, double *x, double *y)
{
  guint n;
  const PaPoint *pts = pa_geometry_get_ring (pa_zone_get_geometry (zone), 0, 0, &n);
  for (guint i = 0; i < n; i++)
    if (pa_window_map_coords (window, pts[i].x, pts[i].y, x, y) && *x > 80 && *y > 80 && *x < 700 && *y < 600)
      return pts[i];
  g_assert_not_reached ();
}

/* Drawing an X zone beside a district's zone: the point clicked 4 px from its corner
 * takes the corner's exact coordinates; the zone is named in the dialog, undone and
 * redone from the window's actions. */
static void
test_draw_zone_with_snapping (void)
{
  g_autoptr (GError) error = NULL;
  PaEditLayer *layer = pa_window_get_edit_layer (window);
  PaDocument *doc = pa_window_get_document (window);
  PaZone *neighbour, *drawn;
  PaZoneDialog *dialog;
  PaPoint corner;
  guint n_zones;
  double x, y;
  gboolean shared = FALSE;

  g_assert_true (pa_window_show_plan (window, "yantai", &error));
  iterate_until (map_ready, 2000);
  neighbour = pa_plan_find_zone (pa_window_get_plan (window), "gaoduanyuanliao");
  if (!neighbour)
    {
      GListModel *zones = pa_plan_get_zones (pa_window_get_plan (window));
      for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
        {
          g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
          if (g_str_has_prefix (pa_zone_get_name (z), "高端原料药"))
            neighbour = z;
        }
    }
  g_assert_nonnull (neighbour);
  n_zones = g_list_model_get_n_items (pa_document_get_zones (doc));
  corner = visible_vertex (neighbour, &x, &y);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.draw-zone", NULL);
  g_assert_cmpint (pa_edit_layer_get_mode (layer), ==, PA_EDIT_DRAW);
  g_assert_true (pa_edit_layer_click (layer, x + 4, y - 3, 1, 1));
  g_assert_true (pa_edit_layer_click (layer, x - 70, y - 5, 1, 1));
  g_assert_true (pa_edit_layer_click (layer, x - 75, y - 60, 1, 1));
  g_assert_true (pa_edit_layer_click (layer, x - 10, y - 55, 1, 1));
  g_assert_cmpuint (pa_edit_layer_get_n_drawn (layer), ==, 4);
  g_assert_cmpfloat (pa_edit_layer_get_area_km2 (layer), >, 0);
  g_assert_true (pa_edit_layer_click (layer, x - 10, y - 55, 1, 2)); /* double-click finishes */
  g_assert_cmpint (pa_edit_layer_get_mode (layer), ==, PA_EDIT_NONE);
  spin (100);

  dialog = find_zone_dialog ();
  g_assert_nonnull (dialog);
  pa_zone_dialog_set_name (dialog, "测试X园");
  g_assert_true (pa_zone_dialog_save (dialog, &error));
  g_assert_no_error (error);
  drawn = pa_window_get_selected_zone (window);
  g_assert_nonnull (drawn);
  g_assert_cmpstr (pa_zone_get_name (drawn), ==, "测试X园");
  g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_zones (doc)), ==, n_zones + 1);
  {
    /* the first point landed on a vertex of the neighbour's outline (the corner or one
     * even nearer to the click), with its very coordinates */
    guint n, m;
    const PaPoint *pts = pa_geometry_get_ring (pa_zone_get_part_info (drawn, 0)->geometry, 0, 0, &n);
    const PaPoint *theirs = pa_geometry_get_ring (pa_zone_get_geometry (neighbour), 0, 0, &m);
    double px, py;
    for (guint i = 0; i < m; i++)
      shared = shared || (pts[0].x == theirs[i].x && pts[0].y == theirs[i].y);
    g_assert_true (pa_window_map_coords (window, pts[0].x, pts[0].y, &px, &py));
    g_assert_cmpfloat (hypot (px - (x + 4), py - (y - 3)), <=, PA_EDIT_LAYER_SNAP_PX);
    (void) corner;
  }
  g_assert_true (shared); /* the very same coordinates: no gap, no sliver */

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_zones (doc)), ==, n_zones);
  g_assert_null (pa_window_get_selected_zone (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_zones (doc)), ==, n_zones + 1);
  g_assert_nonnull (pa_window_get_selected_zone (window)); /* the zone that came back */
  g_assert_cmpstr (pa_zone_get_name (pa_window_get_selected_zone (window)), ==, "测试X园");
}

static void
keep_outline (PaEditLayer *layer, PaGeometry *outline, PaZone *zone, PaGeometry **out)
{
  *out = pa_geometry_ref (outline);
}

/* With snapping off, a click 4 px from a corner stays where it was made; Backspace takes
 * the last point back, Esc leaves nothing behind, Cancel in the dialog writes nothing. */
static void
test_snapping_can_be_switched_off (void)
{
  PaEditLayer *layer = pa_window_get_edit_layer (window);
  PaDocument *doc = pa_window_get_document (window);
  GListModel *zones = pa_plan_get_zones (pa_window_get_plan (window));
  g_autoptr (PaZone) zone = g_list_model_get_item (zones, 0);
  g_autoptr (PaGeometry) outline = NULL;
  const char *undo_before = pa_document_get_undo_label (doc);
  double x, y;
  PaPoint corner = visible_vertex (zone, &x, &y);
  gulong handler;
  guint n;
  const PaPoint *pts;

  pa_edit_layer_start_drawing (layer, NULL);
  pa_edit_layer_set_snapping (layer, FALSE);
  pa_edit_layer_click (layer, x + 4, y - 3, 1, 1);
  pa_edit_layer_click (layer, x + 60, y - 3, 1, 1);
  pa_edit_layer_click (layer, x + 60, y + 50, 1, 1);
  pa_edit_layer_click (layer, x + 90, y + 50, 1, 1);
  g_assert_true (pa_edit_layer_key (layer, GDK_KEY_BackSpace));
  g_assert_cmpuint (pa_edit_layer_get_n_drawn (layer), ==, 3);
  handler = g_signal_connect (layer, "outline-drawn", G_CALLBACK (keep_outline), &outline);
  g_assert_true (pa_edit_layer_key (layer, GDK_KEY_Return));
  g_signal_handler_disconnect (layer, handler);
  pa_edit_layer_set_snapping (layer, TRUE);
  g_assert_nonnull (outline);
  pts = pa_geometry_get_ring (outline, 0, 0, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_false (pts[0].x == corner.x && pts[0].y == corner.y);
  spin (50);
  gtk_window_close (GTK_WINDOW (find_zone_dialog ()));
  spin (50);
  g_assert_cmpstr (pa_document_get_undo_label (doc), ==, undo_before);

  pa_edit_layer_start_drawing (layer, NULL);
  pa_edit_layer_click (layer, x + 60, y - 3, 1, 1);
  g_assert_true (pa_edit_layer_key (layer, GDK_KEY_Escape));
  g_assert_cmpint (pa_edit_layer_get_mode (layer), ==, PA_EDIT_NONE);
  g_assert_cmpstr (pa_document_get_undo_label (doc), ==, undo_before);
}

/* Reshaping: a vertex dragged 30 px is one edit that changes the outline and its area;
 * undo puts the outline back exactly. */
static void
test_reshape_drag_vertex (void)
{
  PaEditLayer *layer = pa_window_get_edit_layer (window);
  GListModel *zones = pa_plan_get_zones (pa_window_get_plan (window));
  PaZone *zone = NULL;
  g_autoptr (PaGeometry) before = NULL;
  double x, y, area;

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      if (g_str_equal (pa_zone_get_name (z), "测试X园"))
        zone = z;
    }
  g_assert_nonnull (zone); /* the zone the drawing test made (and redid) */
  pa_window_select_zone (window, zone);
  before = pa_geometry_ref (pa_zone_get_geometry (zone));
  area = pa_geodesic_area_km2 (before);
  visible_vertex (zone, &x, &y);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.shape-zone", NULL);
  g_assert_cmpint (pa_edit_layer_get_mode (layer), ==, PA_EDIT_SHAPE);
  pa_edit_layer_set_snapping (layer, FALSE);
  g_assert_true (pa_edit_layer_pointer_press (layer, x, y, FALSE));
  pa_edit_layer_pointer_motion (layer, x - 15, y - 15);
  pa_edit_layer_pointer_release (layer, x - 30, y - 30);
  pa_edit_layer_set_snapping (layer, TRUE);
  g_assert_false (pa_geometry_equal (before, pa_zone_get_geometry (zone)));
  g_assert_cmpfloat (fabs (pa_geodesic_area_km2 (pa_zone_get_geometry (zone)) - area), >, 0.01);
  g_assert_cmpint (pa_zone_get_part_info (zone, 0)->kind, ==, PA_PART_DRAWN);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (pa_geometry_equal (before, pa_zone_get_geometry (zone)));
  /* still reshaping, now the restored outline */
  g_assert_cmpint (pa_edit_layer_get_mode (layer), ==, PA_EDIT_SHAPE);

  /* Shift-drag inside moves the whole part: every point by the same offset */
  {
    PaPoint c = pa_geometry_get_label_point (pa_zone_get_geometry (zone)), moved;
    guint n0, n1;
    const PaPoint *p0 = pa_geometry_get_ring (before, 0, 0, &n0), *p1;
    double cx, cy;
    g_assert_true (pa_window_map_coords (window, c.x, c.y, &cx, &cy));
    pa_edit_layer_set_snapping (layer, FALSE);
    g_assert_true (pa_edit_layer_pointer_press (layer, cx, cy, TRUE));
    pa_edit_layer_pointer_release (layer, cx + 40, cy);
    p1 = pa_geometry_get_ring (pa_zone_get_part_info (zone, 0)->geometry, 0, 0, &n1);
    g_assert_cmpuint (n0, ==, n1);
    moved = (PaPoint){ p1[0].x - p0[0].x, p1[0].y - p0[0].y };
    g_assert_cmpfloat (moved.x, >, 0);
    for (guint i = 1; i < n1; i++)
      {
        g_assert_cmpfloat_with_epsilon (p1[i].x - p0[i].x, moved.x, 1e-9);
        g_assert_cmpfloat_with_epsilon (p1[i].y - p0[i].y, moved.y, 1e-9);
      }
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_true (pa_geometry_equal (before, pa_zone_get_geometry (zone)));
  }
  /* a right-click on a point removes it */
  {
    guint n0, n1;
    pa_geometry_get_ring (pa_zone_get_part_info (zone, 0)->geometry, 0, 0, &n0);
    visible_vertex (zone, &x, &y);
    g_assert_true (pa_edit_layer_click (layer, x, y, 3, 1));
    pa_geometry_get_ring (pa_zone_get_part_info (zone, 0)->geometry, 0, 0, &n1);
    g_assert_cmpuint (n1, ==, n0 - 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    pa_edit_layer_set_snapping (layer, TRUE);
  }
  g_assert_true (pa_edit_layer_key (layer, GDK_KEY_Escape));
}

/* A planner's change to a cited target shows as theirs, with the document's value
 * beside it and the sentence still under it; the exported figure marks the zone ✎. */
static void
test_provenance_in_details_and_export (void)
{
  g_autoptr (GError) error = NULL;
  PaDocument *doc = pa_window_get_document (window);
  PaZone *zone;
  PaTarget *old;
  g_autoptr (PaTarget) edited = pa_target_new ();
  g_autofree char *text = NULL, *pdf = pa_test_temp_path ("provenance.pdf"), *out = NULL, *err = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

  g_assert_true (pa_window_show_plan (window, "yantai", &error));
  zone = pa_plan_find_zone (pa_window_get_plan (window), "kechuang-core");
  if (!zone)
    {
      GListModel *zones = pa_plan_get_zones (pa_window_get_plan (window));
      g_autoptr (PaZone) first = g_list_model_get_item (zones, 1);
      zone = first; /* 高端药械集聚发展区, as in the list test */
    }
  pa_window_select_zone (window, zone);
  old = pa_zone_get_targets (zone)->pdata[0];
  edited->indicator = g_strdup (old->indicator);
  edited->comparator = g_strdup (old->comparator);
  edited->value = 1200;
  edited->unit = g_strdup (old->unit);
  edited->year = old->year;
  g_assert_true (pa_document_update_target (doc, old, edited, &error));
  g_assert_no_error (error);
  text = pa_window_get_details_text (window);
  g_assert_nonnull (strstr (text, "1200"));
  g_assert_nonnull (strstr (text, "✎ Entered by"));
  g_assert_nonnull (strstr (text, "Document's own value: "));
  g_assert_nonnull (strstr (text, "1000亿元")); /* the document's number, still shown */
  g_assert_nonnull (strstr (text, "分别达到500亿元、1000亿元、500亿元、100亿元")); /* and its sentence */

  g_assert_true (pa_document_set_zone_field (doc, zone, "note", "规划人员备注", &error));
  g_assert_true (pa_window_export_to (window, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_test_run (argv, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "✎"));
  g_assert_true (pa_document_undo (doc, &error));
  g_assert_true (pa_document_undo (doc, &error));
  g_free (text);
  text = pa_window_get_details_text (window);
  g_assert_null (strstr (text, "✎ Entered by"));
}

/* The planner's X zone gets a target and an enterprise through the forms, and the
 * enterprise a place on the map with one click; a value that is no number is refused
 * with the field named. */
static void
test_forms_attach_target_and_enterprise (void)
{
  g_autoptr (GError) error = NULL;
  PaDocument *doc = pa_window_get_document (window);
  PaEditLayer *layer = pa_window_get_edit_layer (window);
  GListModel *zones;
  PaZone *zone = NULL;
  PaTargetDialog *td;
  PaOrganisationDialog *od;
  PaOrganisation *org;
  PaTarget *t;
  PaPoint inside;
  double x, y;

  g_assert_true (pa_window_show_plan (window, "yantai", &error));
  zones = pa_plan_get_zones (pa_window_get_plan (window));
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      if (g_str_equal (pa_zone_get_name (z), "测试X园"))
        zone = z;
    }
  g_assert_nonnull (zone);
  pa_document_select_zone (doc, zone);

  td = pa_target_dialog_new (GTK_WINDOW (window), doc, zone, NULL);
  gtk_window_present (GTK_WINDOW (td));
  pa_target_dialog_set_field (td, "indicator", "主营业务收入");
  pa_target_dialog_set_field (td, "comparator", "达到");
  pa_target_dialog_set_field (td, "value", "五十");
  g_assert_false (pa_target_dialog_save (td, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "五十"));
  g_clear_error (&error);
  pa_target_dialog_set_field (td, "value", "50");
  pa_target_dialog_set_field (td, "unit", "亿元");
  pa_target_dialog_set_field (td, "year", "2025");
  g_assert_true (pa_target_dialog_save (td, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pa_zone_get_targets (zone)->len, ==, 1);
  t = pa_zone_get_targets (zone)->pdata[0];
  g_assert_cmpfloat (t->value, ==, 50);
  g_assert_nonnull (t->entered_by);
  g_assert_null (t->citation);

  od = pa_organisation_dialog_new (GTK_WINDOW (window), doc, zone, NULL);
  gtk_window_present (GTK_WINDOW (od));
  pa_organisation_dialog_set_name (od, "示例药业有限公司");
  g_assert_true (pa_organisation_dialog_save (od, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pa_zone_get_organisations (zone)->len, ==, 1);
  org = pa_zone_get_organisations (zone)->pdata[0];
  g_assert_cmpstr (org->kind, ==, "enterprise");
  g_assert_true (isnan (org->lon));

  inside = pa_geometry_get_label_point (pa_zone_get_geometry (zone));
  iterate_until (map_ready, 1000);
  g_assert_true (pa_window_map_coords (window, inside.x, inside.y, &x, &y));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.place-organisation", "x", org->id);
  g_assert_cmpint (pa_edit_layer_get_mode (layer), ==, PA_EDIT_PLACE);
  pa_edit_layer_set_snapping (layer, FALSE);
  g_assert_true (pa_edit_layer_click (layer, x, y, 1, 1));
  pa_edit_layer_set_snapping (layer, TRUE);
  g_assert_cmpint (pa_edit_layer_get_mode (layer), ==, PA_EDIT_NONE);
  org = pa_zone_get_organisations (zone)->pdata[0];
  g_assert_false (isnan (org->lon));
  g_assert_true (pa_geometry_contains_point (pa_zone_get_geometry (zone), org->lon, org->lat));

  for (int i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (pa_zone_get_targets (zone)->len, ==, 0);
  g_assert_cmpuint (pa_zone_get_organisations (zone)->len, ==, 0);
}

/* A colleague's Excel list in GBK comes in through the window as one edit, with its
 * report; one undo takes it all out; the plan's data goes out as GeoJSON. */
static void
test_import_and_export_data (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *csv = pa_test_shared_file ("testdata", "enterprises-gbk.csv");
  g_autofree char *out = pa_test_temp_path ("yantai.geojson");
  g_autofree char *text = NULL;
  g_autoptr (PaImportReport) report = NULL;
  PaDocument *doc = pa_window_get_document (window);
  guint before;

  if (!csv)
    return;
  g_assert_true (pa_window_show_plan (window, "yantai", &error));
  before = g_list_model_get_n_items (pa_document_get_organisations (doc));
  report = pa_window_import (window, csv, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pa_import_report_get_n_organisations (report), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_organisations (doc)), ==, before + 6);
  spin (50);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_organisations (doc)), ==, before);

  g_assert_true (pa_window_export_data (window, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"FeatureCollection\""));
  g_assert_nonnull (strstr (text, "高端药械集聚发展区"));
}

/* The map's pixel at (lon, lat), as the window would paint it now. */
static guint32
map_pixel (double lon, double lat)
{
  GtkWidget *map = GTK_WIDGET (pa_window_get_map (window));
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (map);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (map));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int w = gtk_widget_get_width (map), h = gtk_widget_get_height (map);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guint32 *data = g_new0 (guint32, (gsize) w * h);
  double x, y;

  g_assert_true (pa_window_map_coords (window, lon, lat, &x, &y));
  g_assert_true (x >= 0 && y >= 0 && x < w && y < h);
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  /* the paintable shows the map as last drawn: none between an invalidation and the next
   * frame, so wait for that frame (the sanitizers make it slow) */
  for (int i = 0; !node && i < 200; i++)
    {
      spin (50);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, w, h);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_texture_download (texture, (guchar *) data, (gsize) w * 4);
  return data[(int) y * w + (int) x] & 0xffffff;
}

static guint
colour_distance (guint32 a, guint32 b)
{
  guint d = 0;
  for (int k = 0; k < 24; k += 8)
    d = MAX (d, (guint) ABS ((int) ((a >> k) & 0xff) - (int) ((b >> k) & 0xff)));
  return d;
}

/* Turns the main loop until the map stops moving (a selection flies to its zone in 0.7 s,
 * longer on a loaded machine), at most 10 s. */
static void
settle_map (void)
{
  ShumateViewport *vp = shumate_map_get_viewport (pa_window_get_map (window));
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  for (;;)
    {
      double lat = shumate_location_get_latitude (SHUMATE_LOCATION (vp));
      double lon = shumate_location_get_longitude (SHUMATE_LOCATION (vp));
      double zoom = shumate_viewport_get_zoom_level (vp);
      spin (150);
      if ((lat == shumate_location_get_latitude (SHUMATE_LOCATION (vp))
           && lon == shumate_location_get_longitude (SHUMATE_LOCATION (vp))
           && zoom == shumate_viewport_get_zoom_level (vp))
          || g_get_monotonic_time () > end)
        return;
    }
}

/* The zones on the map come from tiles kept between frames (pa-zone-tiles.c): the window
 * still shows a selection as soon as it is made, and the zone as before once it is
 * undone. */
static void
test_map_tiles_follow_selection (void)
{
  g_autoptr (GError) error = NULL;
  PaPlan *plan;
  PaZone *zone = NULL;
  PaBBox b;
  double lon = 0, lat = 0;
  guint32 first, plain, selected, again;

  g_assert_true (pa_window_show_plan (window, "shenzhen", &error));
  pa_window_select_zone (window, NULL);
  iterate_until (map_ready, 2000);
  spin (200);
  plan = pa_window_get_plan (window);
  /* a point of a zone that is inside no other zone and away from its name */
  for (guint i = 0; i < g_list_model_get_n_items (pa_plan_get_zones (plan)) && !zone; i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (pa_plan_get_zones (plan), i);
      PaPoint lp;
      if (!pa_zone_get_geometry (z))
        continue;
      lp = pa_geometry_get_label_point (pa_zone_get_geometry (z));
      b = pa_geometry_get_bbox (pa_zone_get_geometry (z));
      for (double f = 0.35; f < 0.95 && !zone; f += 0.1)
        {
          double x, y;
          lon = lp.x, lat = lp.y - f * (lp.y - b.miny);
          if (pa_painter_hit_test (plan, lon, lat) == z && pa_window_map_coords (window, lon, lat, &x, &y))
            zone = z;
        }
    }
  g_assert_nonnull (zone);
  first = map_pixel (lon, lat);
  plain = map_pixel (lon, lat); /* a later frame, from the kept tiles */
  g_assert_cmpuint (colour_distance (first, plain), <=, 4);

  /* through the document, as a click does: the window's own selection also moves the map */
  pa_document_select_zone (pa_window_get_document (window), zone);
  settle_map ();
  selected = map_pixel (lon, lat);
  g_test_message ("%s: %06x, selected %06x", pa_zone_get_name (zone), plain, selected);
  g_assert_cmpuint (colour_distance (plain, selected), >=, 6); /* fill 0.55 over 0.38: 8 here */
  pa_document_select_zone (pa_window_get_document (window), NULL);
  settle_map ();
  again = map_pixel (lon, lat);
  g_assert_cmpuint (colour_distance (plain, again), <=, 4);
}

/* The pointer over a zone outlines it and names it with its role; the keyboard's moves
 * pan, zoom and go from zone to zone in the list's order, selecting each. */
static void
test_hover_and_keyboard (void)
{
  g_autoptr (GError) error = NULL;
  PaMapView *mv = pa_window_get_map_view (window);
  ShumateViewport *vp = shumate_map_get_viewport (pa_window_get_map (window));
  GListModel *zones;
  PaZone *target = NULL;
  g_autofree char *text = NULL;
  g_autoptr (PaZone) first = NULL, last = NULL;
  guint n;
  PaPoint p;
  double x, y, lon, zoom;

  g_assert_true (pa_window_show_plan (window, "shenzhen", &error));
  iterate_until (map_ready, 2000);
  zones = pa_plan_get_zones (pa_window_get_plan (window));
  n = g_list_model_get_n_items (zones);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      if (g_str_has_prefix (pa_zone_get_name (z), "坪山"))
        target = z;
    }
  g_assert_nonnull (target);
  p = pa_geometry_get_label_point (pa_zone_get_geometry (target));
  g_assert_true (pa_window_map_coords (window, p.x, p.y, &x, &y));
  pa_map_view_hover (mv, x, y);
  g_assert_true (pa_map_view_get_hovered_zone (mv) == target);
  text = pa_map_view_dup_hover_text (mv);
  g_assert_nonnull (strstr (text, pa_zone_get_name (target)));
  g_assert_nonnull (strstr (text, pa_plan_lookup_role_label (pa_window_get_plan (window), pa_zone_get_role (target))));
  /* hovering is not selecting */
  g_assert_true (pa_window_get_selected_zone (window) != target);
  g_assert_true (pa_window_map_coords (window, 114.9, 22.3, &x, &y));
  pa_map_view_hover (mv, x, y);
  g_assert_null (pa_map_view_get_hovered_zone (mv));
  g_assert_null (pa_map_view_dup_hover_text (mv));

  /* Tab from no selection: the first zone; Shift+Tab from the first: the last */
  pa_window_select_zone (window, NULL);
  first = g_list_model_get_item (zones, 0);
  last = g_list_model_get_item (zones, n - 1);
  g_assert_true (pa_map_view_select_next (mv, 1) == first);
  g_assert_true (pa_window_get_selected_zone (window) == first);
  g_assert_true (pa_map_view_select_next (mv, -1) == last);
  g_assert_true (pa_window_get_selected_zone (window) == last);
  g_assert_true (pa_map_view_select_next (mv, 1) == first);

  zoom = shumate_viewport_get_zoom_level (vp);
  pa_map_view_zoom_by (mv, 1);
  g_assert_cmpfloat (shumate_viewport_get_zoom_level (vp), ==, round (zoom) + 1);
  lon = shumate_location_get_longitude (SHUMATE_LOCATION (vp));
  pa_map_view_pan_by (mv, 0.25, 0);
  g_assert_cmpfloat (shumate_location_get_longitude (SHUMATE_LOCATION (vp)), >, lon);
}

/* Two plans side by side at one scale: the same metres per pixel though Yantai lies 15°
 * north of Shenzhen, and a move or zoom of either taken by the other; an unknown plan is
 * refused and the comparison shown stays. */
static void
test_compare_two_plans (void)
{
  g_autoptr (GError) error = NULL;
  PaMapView *left = pa_window_get_map_view (window), *right;
  ShumateViewport *lv, *rv;
  PaComparePane *pane;
  double lat0, lon0, lat1, lon1, rlat0, rlon0, rlat1, rlon1, moved_l, moved_r;

  g_assert_true (pa_window_show_plan (window, "yantai", &error));
  iterate_until (map_ready, 2000);
  g_assert_true (pa_window_compare (window, "shenzhen", &error));
  g_assert_no_error (error);
  pane = pa_window_get_compare_pane (window);
  g_assert_nonnull (pane);
  g_assert_cmpstr (pa_plan_get_slug (pa_compare_pane_get_plan (pane)), ==, "shenzhen");
  right = pa_compare_pane_get_map_view (pane);
  lv = shumate_map_get_viewport (pa_map_view_get_map (left));
  rv = shumate_map_get_viewport (pa_map_view_get_map (right));
  /* each shows its own city */
  g_assert_cmpfloat (shumate_location_get_latitude (SHUMATE_LOCATION (lv)), >, 35);
  g_assert_cmpfloat (shumate_location_get_latitude (SHUMATE_LOCATION (rv)), <, 25);
  g_assert_cmpfloat (fabs (pa_compare_metres_per_pixel (right) / pa_compare_metres_per_pixel (left) - 1), <, 0.01);
  /* different zoom levels make that one scale */
  g_assert_cmpfloat (fabs (shumate_viewport_get_zoom_level (lv) - shumate_viewport_get_zoom_level (rv)), >, 0.1);

  pa_map_view_zoom_by (left, 1);
  g_assert_cmpfloat (fabs (pa_compare_metres_per_pixel (right) / pa_compare_metres_per_pixel (left) - 1), <, 0.01);

  lat0 = shumate_location_get_latitude (SHUMATE_LOCATION (lv));
  lon0 = shumate_location_get_longitude (SHUMATE_LOCATION (lv));
  rlat0 = shumate_location_get_latitude (SHUMATE_LOCATION (rv));
  rlon0 = shumate_location_get_longitude (SHUMATE_LOCATION (rv));
  pa_map_view_pan_by (left, 0.25, 0);
  lat1 = shumate_location_get_latitude (SHUMATE_LOCATION (lv));
  lon1 = shumate_location_get_longitude (SHUMATE_LOCATION (lv));
  rlat1 = shumate_location_get_latitude (SHUMATE_LOCATION (rv));
  rlon1 = shumate_location_get_longitude (SHUMATE_LOCATION (rv));
  moved_l = pa_haversine_m (lon0, lat0, lon1, lat1);
  moved_r = pa_haversine_m (rlon0, rlat0, rlon1, rlat1);
  g_assert_cmpfloat (moved_l, >, 1000);
  g_assert_cmpfloat (fabs (moved_r / moved_l - 1), <, 0.02);
  g_assert_cmpfloat (rlon1, >, rlon0);

  /* and the other way: the right map leads too */
  pa_map_view_zoom_by (right, -1);
  g_assert_cmpfloat (fabs (pa_compare_metres_per_pixel (right) / pa_compare_metres_per_pixel (left) - 1), <, 0.01);

  g_assert_false (pa_window_compare (window, "atlantis", &error));
  g_assert_nonnull (error);
  g_assert_true (pa_window_get_compare_pane (window) == pane);
  g_assert_true (pa_window_compare (window, NULL, NULL));
  g_assert_null (pa_window_get_compare_pane (window));
}

/* Other plans shown as layers with the window's own: one legend lists each plan's roles
 * under its name (and the notes once, so three plans do not take the map's height);
 * toggled from the menu's check items or by code, the check following; an unknown plan
 * is refused. */
static void
test_plans_as_layers (void)
{
  g_autoptr (GError) error = NULL;
  PaMapView *mv = pa_window_get_map_view (window);
  g_autoptr (GPtrArray) shown = NULL;
  g_autofree char *action = NULL;
  int minhang = -1;

  g_assert_true (pa_window_show_plan (window, "shanghai", &error));
  g_assert_true (pa_window_show_layer (window, "pudong", TRUE, &error));
  g_assert_no_error (error);
  shown = pa_map_view_dup_layer_plans (mv);
  g_assert_cmpuint (shown->len, ==, 1);
  g_assert_cmpstr (pa_plan_get_slug (shown->pdata[0]), ==, "pudong");
  g_clear_pointer (&shown, g_ptr_array_unref);

  /* the menu: a check item per plan; Minhang's turned on from it */
  {
    g_autoptr (GPtrArray) plans = pa_document_list_plans (pa_window_get_document (window), NULL);
    for (guint i = 0; i < plans->len; i++)
      if (g_str_equal (((char **) plans->pdata[i])[0], "minhang"))
        minhang = (int) i;
  }
  g_assert_cmpint (minhang, >=, 0);
  action = g_strdup_printf ("layer.p%d", minhang);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  shown = pa_map_view_dup_layer_plans (mv);
  g_assert_cmpuint (shown->len, ==, 2);
  g_assert_cmpstr (pa_plan_get_slug (shown->pdata[1]), ==, "minhang");
  g_clear_pointer (&shown, g_ptr_array_unref);
  g_assert_cmpuint (pa_legend_get_n_plans (pa_map_view_get_legend (mv)), ==, 3);
  {
    /* one box for three plans: shorter than the three legends one above the other */
    PaPlan *three[3];
    double one_h = 0, sum_h = 0, w;
    cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
    cairo_t *cr = cairo_create (s);
    g_autoptr (GPtrArray) layers = pa_map_view_dup_layer_plans (mv);
    three[0] = pa_window_get_plan (window);
    three[1] = layers->pdata[0];
    three[2] = layers->pdata[1];
    pa_painter_draw_legend_for_plans (cr, 0, 0, three, 3, 12, TRUE, &w, &one_h);
    for (guint i = 0; i < 3; i++)
      {
        double h;
        pa_painter_draw_legend (cr, 0, 0, three[i], 12, TRUE, &w, &h);
        sum_h += h;
      }
    cairo_destroy (cr);
    cairo_surface_destroy (s);
    g_assert_cmpfloat (one_h, <, sum_h * 0.8);
  }

  /* the check follows: activated again, it turns the layer off */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  shown = pa_map_view_dup_layer_plans (mv);
  g_assert_cmpuint (shown->len, ==, 1);
  g_clear_pointer (&shown, g_ptr_array_unref);

  g_assert_false (pa_window_show_layer (window, "atlantis", TRUE, &error));
  g_assert_nonnull (error);
  g_assert_true (pa_window_show_layer (window, "pudong", FALSE, NULL));
  g_clear_pointer (&shown, g_ptr_array_unref);
  g_assert_cmpuint (pa_legend_get_n_plans (pa_map_view_get_legend (mv)), ==, 1);

  /* the window's own plan is not a layer of itself: refused, its menu item does nothing */
  g_clear_error (&error);
  g_assert_false (pa_window_show_layer (window, "shanghai", TRUE, &error));
  g_assert_nonnull (error);
  {
    g_autoptr (GPtrArray) plans = pa_document_list_plans (pa_window_get_document (window), NULL);
    for (guint i = 0; i < plans->len; i++)
      {
        g_autofree char *name = g_strdup_printf ("layer.p%u", i);
        g_autoptr (GPtrArray) now = NULL;
        gboolean own = g_str_equal (((char **) plans->pdata[i])[0], "shanghai");
        /* activating toggles: the own plan's item does nothing; the others come, then go */
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), name, NULL));
        now = pa_map_view_dup_layer_plans (mv);
        g_assert_cmpuint (now->len, ==, own ? 0 : 1);
        if (!own)
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), name, NULL));
      }
  }
  shown = pa_map_view_dup_layer_plans (mv);
  g_assert_cmpuint (shown->len, ==, 0);
  g_clear_pointer (&shown, g_ptr_array_unref);

  /* a layer that becomes the window's plan is taken off */
  g_assert_true (pa_window_show_layer (window, "pudong", TRUE, NULL));
  g_assert_true (pa_window_show_plan (window, "pudong", NULL));
  shown = pa_map_view_dup_layer_plans (mv);
  g_assert_cmpuint (shown->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaBasemap) basemap = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaDocument) document = NULL;
  g_autofree char *cache = pa_test_temp_path ("cache");
  g_autofree char *path = NULL;

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
  /* a copy of its own: these tests edit */
  path = pa_test_copy_default_store ("window.gpkg");
  store = pa_store_open (path, NULL, &error);
  g_assert_no_error (error);
  document = pa_document_new (store);
  window = pa_window_new (NULL, document, basemap);
  gtk_window_present (GTK_WINDOW (window));
  iterate_until (map_ready, 5000);

  g_test_add_func ("/window/opens-on-first-plan", test_opens_on_first_plan);
  g_test_add_func ("/window/list-selection-shows-details", test_list_selection_shows_details);
  g_test_add_func ("/window/map-click-selects-zone", test_map_click_selects_zone);
  g_test_add_func ("/window/hover-and-keyboard", test_hover_and_keyboard);
  g_test_add_func ("/window/compare-two-plans", test_compare_two_plans);
  g_test_add_func ("/window/plans-as-layers", test_plans_as_layers);
  g_test_add_func ("/window/audit-findings-shown", test_audit_findings_shown);
  g_test_add_func ("/window/search-moves-to-result", test_search_moves_to_result);
  g_test_add_func ("/window/industry-browser-switches-plan", test_industry_browser_switches_plan);
  g_test_add_func ("/window/targets-table-sorts", test_targets_table_sorts);
  g_test_add_func ("/window/remembers-last-plan", test_remembers_last_plan);
  g_test_add_func ("/window/fit-plan-shows-every-zone", test_fit_plan_shows_every_zone);
  g_test_add_func ("/window/export-action-writes-pdf", test_export_action_writes_pdf);
  g_test_add_func ("/window/export-dialog-gets-the-maps-tiles", test_export_dialog_gets_the_maps_tiles);
  g_test_add_func ("/window/draw-zone-with-snapping", test_draw_zone_with_snapping);
  g_test_add_func ("/window/snapping-can-be-switched-off", test_snapping_can_be_switched_off);
  g_test_add_func ("/window/reshape-drag-vertex", test_reshape_drag_vertex);
  g_test_add_func ("/window/provenance-in-details-and-export", test_provenance_in_details_and_export);
  g_test_add_func ("/window/forms-attach-target-and-enterprise", test_forms_attach_target_and_enterprise);
  g_test_add_func ("/window/import-and-export-data", test_import_and_export_data);
  g_test_add_func ("/window/map-tiles-follow-selection", test_map_tiles_follow_selection);
  return g_test_run ();
}
