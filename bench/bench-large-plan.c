/* bench-large-plan.c — a plan of 10,000 drawn zones over Shenzhen: the import in one
 * compound edit, a frame of dragging one zone's vertex, and the edit that ends the drag
 * with its undo. A frame is what the window does per pointer motion: the snap of
 * pa-edit-layer.c's snap_point (every other zone, every district), the zone layer
 * (zones, sites, labels) and the edit overlay (the dragged ring and its handles). */
#include "config.h"

#include "bench-large-plan.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>

#include "document/pa-document.h"
#include "geo/pa-snap.h"
#include "map/pa-edit-layer.h"
#include "render/pa-painter.h"
#include "render/pa-zone-index.h"
#include "store/pa-store-edit.h"

#include "bench-util.h"

/* 125 × 80 cells over lon 113.8–114.6, lat 22.45–22.85: cells of 0.0064° × 0.005°,
 * about 650 × 550 m, a zone per cell */
#define N_COLS 125
#define N_ROWS 80
#define MIN_LON 113.8
#define MAX_LON 114.6
#define MIN_LAT 22.45
#define MAX_LAT 22.85
#define DRAG_STEPS 120 /* PA_BENCH_STEPS overrides, for profiling */
#define COMMITS 20
#define WIDTH 900
#define HEIGHT 750

/* A star-shaped ring of 8–40 vertices around (cx, cy): angles increase and every radius
 * is positive, so it is simple and GEOS takes it as valid. */
static PaGeometry *
synthetic_outline (GRand *rand, double cx, double cy, double rx, double ry)
{
  PaGeometry *g = pa_geometry_new ();
  int n = g_rand_int_range (rand, 8, 41);
  double first_x = 0, first_y = 0;

  pa_geometry_begin_polygon (g);
  pa_geometry_begin_ring (g);
  for (int k = 0; k < n; k++)
    {
      double a = 2 * G_PI * (k + g_rand_double_range (rand, -0.3, 0.3)) / n;
      double r = g_rand_double_range (rand, 0.6, 1.0);
      double x = cx + rx * r * cos (a), y = cy + ry * r * sin (a);
      if (k == 0)
        first_x = x, first_y = y;
      pa_geometry_add_point (g, x, y);
    }
  pa_geometry_add_point (g, first_x, first_y);
  return g;
}

/* The zone of grid cell (row, col), its outline filling 80 % of the cell. Cells are made
 * row by row from one seeded GRand, so every run (and --snap) has the same outlines. */
static PaGeometry *
cell_outline (GRand *rand, int row, int col)
{
  double dx = (MAX_LON - MIN_LON) / N_COLS, dy = (MAX_LAT - MIN_LAT) / N_ROWS;
  return synthetic_outline (rand, MIN_LON + (col + 0.5) * dx, MIN_LAT + (row + 0.5) * dy, dx * 0.4, dy * 0.4);
}

/* Adds the 10,000 zones in one edit; returns the id of the zone in the middle of the
 * grid, the one the drag reshapes. */
static gint64
import_zones (PaDocument *doc, PaStore *store)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (12);
  PaPlan *plan = pa_document_get_plan (doc);
  guint n_roles = pa_plan_get_n_roles (plan);
  double t0 = bench_now_ms (), t1, t2;
  gint64 middle = 0;
  gboolean ok = TRUE;
  PaChange *change = pa_document_begin_edit (doc, "Import 10,000 zones", &error);

  g_assert_no_error (error);
  for (int row = 0; ok && row < N_ROWS; row++)
    for (int col = 0; ok && col < N_COLS; col++)
      {
        g_autofree char *name = g_strdup_printf ("合成片区 %03d-%03d", row, col);
        g_autoptr (PaGeometry) outline = cell_outline (rand, row, col);
        const char *role = pa_plan_get_role_key (plan, (guint) (row * N_COLS + col) % MAX (n_roles, 1));
        gint64 fid = pa_store_edit_add_zone (store, change, pa_plan_get_id (plan), name, role, &error);
        ok = fid > 0 && pa_store_edit_add_part (store, change, fid, name, PA_PART_DRAWN, outline, NULL, &error) > 0;
        if (row == N_ROWS / 2 && col == N_COLS / 2)
          middle = fid;
      }
  g_assert_no_error (error);
  t1 = bench_now_ms ();
  g_assert_true (pa_document_end_edit (doc, change, ok, &error));
  g_assert_no_error (error);
  t2 = bench_now_ms ();
  printf ("%-44s n=1    writes %8.0f  commit + reload %8.0f  total %8.0f ms\n", "import 10,000 zones, one edit",
          t1 - t0, t2 - t1, t2 - t0);
  return middle;
}

/* The snap of one pointer position, as snap_point in pa-edit-layer.c does it. Not
 * inlined, so callgrind can count it apart (--toggle-collect=snap_pointer). */
static G_GNUC_NO_INLINE PaPoint
snap_pointer (const PaView *view, PaPlan *plan, PaZone *dragged, PaBasemap *basemap, double x, double y)
{
  PaSnap snap;
  PaPoint result;

  pa_snap_init (&snap, view, x, y, PA_EDIT_LAYER_SNAP_PX);
  pa_zone_index_snap (&snap, view, plan, dragged, x, y, PA_EDIT_LAYER_SNAP_PX);
  for (guint i = 0; basemap && i < pa_basemap_get_n_districts (basemap); i++)
    pa_snap_consider (&snap, pa_basemap_get_district (basemap, i, NULL, NULL));
  pa_snap_result (&snap, &result, NULL);
  return result;
}

/* The edit overlay of shape mode: the working ring filled and stroked, its handles. */
static void
draw_ring (cairo_t *cr, const PaView *view, GArray *ring)
{
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);
  for (guint k = 0; k < ring->len; k++)
    {
      PaPoint p = g_array_index (ring, PaPoint, k);
      double x, y;
      pa_view_project (view, p.x, p.y, &x, &y);
      if (k == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, 0.95, 0.55, 0.0, 0.15);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.85, 0.40, 0.0);
  cairo_set_line_width (cr, 2);
  cairo_stroke (cr);
  for (guint k = 0; k < ring->len; k++)
    {
      PaPoint p = g_array_index (ring, PaPoint, k);
      double x, y;
      pa_view_project (view, p.x, p.y, &x, &y);
      cairo_rectangle (cr, x - 4.5, y - 4.5, 9, 9);
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.85, 0.40, 0.0);
  cairo_set_line_width (cr, 1.6);
  cairo_stroke (cr);
}

/* Where the pointer is at motion @step of a drag that starts at (x0, y0): round a
 * circle of 20 px and back. */
static void
pointer_at (double x0, double y0, int step, double *x, double *y)
{
  double a = 2 * G_PI * step / DRAG_STEPS;
  *x = x0 + 20 * sin (a);
  *y = y0 - 20 * (1 - cos (a));
}

static int
drag_steps (void)
{
  const char *env = g_getenv ("PA_BENCH_STEPS");
  return env ? CLAMP (atoi (env), 1, DRAG_STEPS) : DRAG_STEPS;
}

/* DRAG_STEPS pointer motions moving vertex 0 of @dragged. */
static void
drag_frames (const char *what, const PaView *view, PaPlan *plan, PaZone *dragged, PaBasemap *basemap)
{
  g_autoptr (GArray) total = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) snap_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) layer_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) zones_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) labels_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) overlay_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) warm_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) ring = g_array_new (FALSE, FALSE, sizeof (PaPoint));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  PaGeometry *g = pa_zone_get_part_info (dragged, 0)->geometry;
  const PaPoint *pts;
  guint n, snapped = 0;
  double x0, y0;

  pts = pa_geometry_get_ring (g, 0, 0, &n);
  g_array_append_vals (ring, pts, n - 1); /* without the closing repeat, as the edit layer */
  pa_view_project (view, pts[0].x, pts[0].y, &x0, &y0);
  for (int step = 0; step < drag_steps (); step++)
    {
      double x, y, c0 = bench_cpu_ms (), t0 = bench_now_ms (), t1, tz, ts, t2, t3;
      PaPoint p;
      cairo_t *cr;

      pointer_at (x0, y0, step, &x, &y);
      p = snap_pointer (view, plan, dragged, basemap, x, y);

      t1 = bench_now_ms ();
      g_array_index (ring, PaPoint, 0) = p;
      cr = cairo_create (surface);
      pa_painter_draw_zones (cr, view, plan, dragged, 1.0);
      tz = bench_now_ms ();
      pa_painter_draw_sites (cr, view, plan, 1.0);
      ts = bench_now_ms ();
      pa_painter_draw_labels (cr, view, plan, dragged, basemap, 13, FALSE);
      cairo_surface_flush (surface);
      t2 = bench_now_ms ();
      draw_ring (cr, view, ring);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      t3 = bench_now_ms ();
      {
        double c = bench_cpu_ms () - c0;
        g_array_append_val (cpu_ms, c);
      }
      {
        double v[] = { t3 - t0, t1 - t0, t2 - t1, t3 - t2, tz - t1, t2 - ts };
        g_array_append_val (total, v[0]);
        g_array_append_val (snap_ms, v[1]);
        g_array_append_val (layer_ms, v[2]);
        g_array_append_val (overlay_ms, v[3]);
        g_array_append_val (zones_ms, v[4]);
        g_array_append_val (labels_ms, v[5]);
      }
      {
        double sx, sy;
        pa_view_project (view, p.x, p.y, &sx, &sy);
        snapped += fabs (sx - x) > 1e-6 || fabs (sy - y) > 1e-6;
      }
    }
  cairo_surface_destroy (surface);
  /* the same snaps back to back, no painting in between: what the snap computes, apart
   * from the cache misses a frame's painting leaves it */
  g_array_set_size (ring, 0);
  for (int step = 0; step < DRAG_STEPS; step++)
    {
      double x, y, t0 = bench_now_ms (), t;
      pointer_at (x0, y0, step, &x, &y);
      snap_pointer (view, plan, dragged, basemap, x, y);
      t = bench_now_ms () - t0;
      g_array_append_val (warm_ms, t);
    }
  {
    g_autofree char *l0 = g_strdup_printf ("drag frame, %s (zoom %.1f)", what, pa_view_get_zoom (view));
    g_autofree char *l1 = g_strdup_printf ("  snap (%u of %d motions snapped)", snapped, drag_steps ());
    bench_report_frames (l0, total);
    bench_report_frames ("  the same frames, CPU time", cpu_ms);
    bench_report_frames (l1, snap_ms);
    bench_report_frames ("  zone layer: zones + sites + labels", layer_ms);
    bench_report_frames ("    of which draw_zones", zones_ms);
    bench_report_frames ("    of which draw_labels", labels_ms);
    bench_report_frames ("  edit overlay: the dragged ring", overlay_ms);
    bench_report_frames ("  snap alone, back to back", warm_ms);
  }
}

/* The edit a finished drag makes, and its undo: vertex 0 moved 10 % outwards each time,
 * so every commit writes a new outline. */
static void
commit_and_undo (PaDocument *doc, PaZone *zone)
{
  g_autoptr (GArray) commit_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) undo_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;

  for (int i = 0; i < COMMITS; i++)
    {
      PaGeometry *old = pa_zone_get_part_info (zone, 0)->geometry;
      g_autoptr (PaGeometry) g = pa_geometry_new ();
      PaBBox b = pa_geometry_get_bbox (old);
      double cx = (b.minx + b.maxx) / 2, cy = (b.miny + b.maxy) / 2, t0, t1, t2;
      const PaPoint *pts;
      guint n;

      pts = pa_geometry_get_ring (old, 0, 0, &n);
      pa_geometry_begin_polygon (g);
      pa_geometry_begin_ring (g);
      for (guint k = 0; k < n; k++)
        {
          double f = k == 0 || k == n - 1 ? 1.0 + 0.01 * (i + 1) : 1.0;
          pa_geometry_add_point (g, cx + (pts[k].x - cx) * f, cy + (pts[k].y - cy) * f);
        }
      t0 = bench_now_ms ();
      g_assert_true (pa_document_set_part_outline (doc, zone, 0, g, &error));
      t1 = bench_now_ms ();
      g_assert_true (pa_document_undo (doc, &error));
      t2 = bench_now_ms ();
      g_assert_no_error (error);
      {
        double c = t1 - t0, u = t2 - t1;
        g_array_append_val (commit_ms, c);
        g_array_append_val (undo_ms, u);
      }
    }
  bench_report ("end of drag: set_part_outline, 10,000 zones", commit_ms);
  bench_report ("its undo, 10,000 zones", undo_ms);
}

/* The drag frames at district zoom (12, on @zone) and with the whole plan fitted. */
static void
drag_frames_at_both_zooms (PaDocument *doc, PaZone *zone, PaBasemap *basemap)
{
  PaPlan *plan = pa_document_get_plan (doc);
  PaBBox b = pa_geometry_get_bbox (pa_zone_get_geometry (zone));
  PaView view;

  pa_view_init (&view, (b.minx + b.maxx) / 2, (b.miny + b.maxy) / 2, 12, WIDTH, HEIGHT);
  drag_frames ("district zoom", &view, plan, zone, basemap);
  b = pa_plan_get_extent (plan);
  pa_view_init_fit (&view, &b, WIDTH, HEIGHT, 40);
  drag_frames ("whole plan", &view, plan, zone, basemap);
}

void
bench_large_plan (const char *dir, PaBasemap *basemap)
{
  g_autofree char *db = g_build_filename (dir, "large.gpkg", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaDocument) doc = NULL;
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  PaZone *zone;
  gint64 middle;

  g_unlink (db);
  store = pa_store_open (db, NULL, &error);
  g_assert_no_error (error);
  doc = pa_document_new (store);
  g_assert_true (pa_document_open_plan (doc, "shenzhen", &error));
  middle = import_zones (doc, store);

  /* opening the plan again, as the window does at start-up: load + audit */
  for (int i = 0; i < 3; i++)
    {
      g_autoptr (PaDocument) d = pa_document_new (store);
      double t0 = bench_now_ms (), t;
      g_assert_true (pa_document_open_plan (d, "shenzhen", &error));
      t = bench_now_ms () - t0;
      g_array_append_val (ms, t);
    }
  {
    g_autofree char *label = g_strdup_printf ("open plan of %u zones (load + audit)",
                                              g_list_model_get_n_items (pa_document_get_zones (doc)));
    bench_report (label, ms);
  }

  zone = pa_plan_find_zone_by_id (pa_document_get_plan (doc), middle);
  g_assert_nonnull (zone);
  pa_document_select_zone (doc, zone); /* shape mode works on the selection */
  drag_frames_at_both_zooms (doc, zone, basemap);
  commit_and_undo (doc, zone);

  g_clear_object (&doc);
  g_clear_object (&store);
  g_unlink (db);
}

PaDocument *
bench_large_plan_open (const char *path, PaZone **middle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = pa_store_open (path, NULL, &error);
  PaDocument *doc;
  GListModel *zones;
  PaZone *zone = NULL;

  g_assert_no_error (error);
  doc = pa_document_new (store);
  g_assert_true (pa_document_open_plan (doc, "shenzhen", &error));
  /* the zone in the middle of the grid, as bench_large_plan drags it */
  zones = pa_document_get_zones (doc);
  for (guint i = 0; i < g_list_model_get_n_items (zones) && !zone; i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      if (g_strcmp0 (pa_zone_get_name (z), "合成片区 040-062") == 0)
        zone = z;
    }
  g_assert_nonnull (zone);
  pa_document_select_zone (doc, zone);
  *middle = zone;
  return doc;
}

void
bench_large_plan_frames (const char *path, PaBasemap *basemap)
{
  PaZone *zone;
  g_autoptr (PaDocument) doc = bench_large_plan_open (path, &zone);
  drag_frames_at_both_zooms (doc, zone, basemap);
}

void
bench_large_plan_write (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaDocument) doc = NULL;

  g_unlink (path);
  store = pa_store_open (path, NULL, &error);
  g_assert_no_error (error);
  doc = pa_document_new (store);
  g_assert_true (pa_document_open_plan (doc, "shenzhen", &error));
  import_zones (doc, store);
}

void
bench_large_plan_snaps (PaBasemap *basemap)
{
  g_autoptr (PaPlan) plan = pa_plan_new (1, "synthetic", "Synthetic", NULL);
  g_autoptr (GRand) rand = g_rand_new_with_seed (12);
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  PaZone *dragged = NULL;

  for (int row = 0; row < N_ROWS; row++)
    for (int col = 0; col < N_COLS; col++)
      {
        g_autofree char *name = g_strdup_printf ("合成片区 %03d-%03d", row, col);
        g_autoptr (PaGeometry) outline = cell_outline (rand, row, col);
        g_autoptr (PaZone) zone = pa_zone_new (row * N_COLS + col + 1, name, name, "core");
        pa_zone_set_geometry (zone, outline);
        pa_plan_add_zone (plan, zone);
        if (row == N_ROWS / 2 && col == N_COLS / 2)
          dragged = zone; /* the plan keeps it */
      }
  /* on screen the painter has made every mercator copy before the first drag */
  for (guint i = 0; i < g_list_model_get_n_items (pa_plan_get_zones (plan)); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (pa_plan_get_zones (plan), i);
      pa_geometry_get_mercator (pa_zone_get_geometry (z));
    }
  for (guint i = 0; i < pa_basemap_get_n_districts (basemap); i++)
    pa_geometry_get_mercator (pa_basemap_get_district (basemap, i, NULL, NULL));
  for (int k = 0; k < 2; k++)
    {
      PaGeometry *g = pa_zone_get_geometry (dragged);
      const PaPoint *pts;
      PaView view;
      PaBBox b;
      guint n;
      double x0, y0;

      b = k == 0 ? pa_geometry_get_bbox (g) : pa_plan_get_extent (plan);
      if (k == 0)
        pa_view_init (&view, (b.minx + b.maxx) / 2, (b.miny + b.maxy) / 2, 12, WIDTH, HEIGHT);
      else
        pa_view_init_fit (&view, &b, WIDTH, HEIGHT, 40);
      pts = pa_geometry_get_ring (g, 0, 0, &n);
      pa_view_project (&view, pts[0].x, pts[0].y, &x0, &y0);
      g_array_set_size (ms, 0);
      for (int step = 0; step < DRAG_STEPS; step++)
        {
          double x, y, t0 = bench_now_ms (), t;
          pointer_at (x0, y0, step, &x, &y);
          snap_pointer (&view, plan, dragged, basemap, x, y);
          t = bench_now_ms () - t0;
          g_array_append_val (ms, t);
        }
      {
        g_autofree char *label = g_strdup_printf ("snap in memory, %s (zoom %.1f)",
                                                  k == 0 ? "district zoom" : "whole plan", pa_view_get_zoom (&view));
        bench_report_frames (label, ms);
      }
    }
}
