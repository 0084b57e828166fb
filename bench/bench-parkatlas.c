/* bench-parkatlas.c — timings of the paths a planner waits on: creating the database,
 * start-up (open + load plan + basemap), a basemap tile, a zone-layer frame, an export,
 * and a plan of 10,000 zones (bench-large-plan.c).
 * Figures and the command that produced them are in bench/README.md. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "audit/pa-audit.h"
#include "geo/pa-mercator.h"
#include "map/pa-tile-source.h"
#include "render/pa-exporter.h"
#include "render/pa-painter.h"
#include "store/pa-store.h"

#include "bench-large-plan.h"
#include "bench-zone-pan.h"
#include "bench-util.h"

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("parkatlas-bench-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "bench.gpkg", NULL);
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaPlan) plan = NULL;
  g_autoptr (PaBasemap) basemap = NULL;
  const char *slugs[] = { "yantai", "shenzhen", "minhang" };

  /* no argument: every section; --small: sections 1–6 (the painter's callgrind command);
   * --large-plan: only section 7; --snap: only its snaps, on a plan held in memory */
  const char *only = argc > 1 ? argv[1] : NULL;

  /* --write-large-plan FILE: only the database of the 10,000-zone plan, kept */
  if (only && g_str_equal (only, "--write-large-plan") && argc == 3)
    {
      bench_large_plan_write (argv[2]);
      g_rmdir (dir);
      return 0;
    }
  /* --frames FILE: only the drag frames, on that database's plan */
  if (only && g_str_equal (only, "--frames") && argc == 3)
    {
      g_autoptr (PaStore) s = pa_store_open (argv[2], NULL, &error);
      g_assert_no_error (error);
      basemap = pa_store_load_basemap (s, &error);
      g_assert_no_error (error);
      bench_large_plan_frames (argv[2], basemap);
      g_rmdir (dir);
      return 0;
    }

  /* --pan FILE: only the zone layer's pan frames, before and after the tiles */
  if (only && g_str_equal (only, "--pan") && argc == 3)
    {
      g_autoptr (PaStore) s = pa_store_open (argv[2], NULL, &error);
      g_assert_no_error (error);
      basemap = pa_store_load_basemap (s, &error);
      g_assert_no_error (error);
      bench_zone_pan (argv[2], basemap);
      g_rmdir (dir);
      return 0;
    }

  if (only && !g_str_equal (only, "--small") && !g_str_equal (only, "--large-plan") && !g_str_equal (only, "--snap"))
    {
      fprintf (stderr, "usage: %s [--small | --large-plan | --snap | --write-large-plan FILE | --frames FILE | --pan FILE]\n", argv[0]);
      g_rmdir (dir);
      return 2;
    }
  if (only && !g_str_equal (only, "--small"))
    {
      store = pa_store_open (db, NULL, &error);
      basemap = pa_store_load_basemap (store, &error);
      g_assert_no_error (error);
      if (g_str_equal (only, "--snap"))
        bench_large_plan_snaps (basemap);
      else
        bench_large_plan (dir, basemap);
      g_clear_object (&store);
      g_unlink (db);
      g_rmdir (dir);
      return 0;
    }

  /* 1. creating the default database (first run) */
  for (int i = 0; i < 3; i++)
    {
      double t0 = bench_now_ms ();
      g_autoptr (PaStore) s = NULL;
      g_unlink (db);
      s = pa_store_open (db, NULL, &error);
      g_assert_no_error (error);
      double t = bench_now_ms () - t0;
      g_array_append_val (ms, t);
    }
  bench_report ("create default database", ms);

  /* 2. start-up on an existing database: open, load first plan and basemap */
  g_array_set_size (ms, 0);
  for (int i = 0; i < 20; i++)
    {
      double t0 = bench_now_ms ();
      g_autoptr (PaStore) s = pa_store_open (db, NULL, &error);
      g_autoptr (PaPlan) p = pa_store_load_plan (s, "yantai", &error);
      g_autoptr (PaBasemap) b = pa_store_load_basemap (s, &error);
      double t = bench_now_ms () - t0;
      g_assert_no_error (error);
      g_array_append_val (ms, t);
    }
  bench_report ("start-up: open + load plan + basemap", ms);

  store = pa_store_open (db, NULL, &error);
  basemap = pa_store_load_basemap (store, &error);
  g_assert_no_error (error);

  /* 3. basemap tiles covering each plan, zoom 8 to 12 */
  for (guint k = 0; k < G_N_ELEMENTS (slugs); k++)
    {
      g_autoptr (PaPlan) p = pa_store_load_plan (store, slugs[k], &error);
      PaBBox b = pa_plan_get_extent (p);
      for (int z = 8; z <= 12; z += 2)
        {
          double x0, y0, x1, y1;
          g_autofree char *label = g_strdup_printf ("tile 256 px, %s, zoom %d", slugs[k], z);
          pa_mercator_from_lonlat (b.minx, b.maxy, &x0, &y0);
          pa_mercator_from_lonlat (b.maxx, b.miny, &x1, &y1);
          g_array_set_size (ms, 0);
          for (int ty = (int) (y0 * (1 << z)); ty <= (int) (y1 * (1 << z)) && ms->len < 64; ty++)
            for (int tx = (int) (x0 * (1 << z)); tx <= (int) (x1 * (1 << z)) && ms->len < 64; tx++)
              {
                double t0 = bench_now_ms ();
                cairo_surface_t *s = pa_tile_source_render (basemap, tx, ty, z, 256);
                double t = bench_now_ms () - t0;
                cairo_surface_destroy (s);
                g_array_append_val (ms, t);
              }
          bench_report (label, ms);
        }
    }

  /* 4. one frame of the zone layer at window size */
  for (guint k = 0; k < G_N_ELEMENTS (slugs); k++)
    {
      g_autoptr (PaPlan) p = pa_store_load_plan (store, slugs[k], &error);
      PaBBox b = pa_plan_get_extent (p);
      cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 750);
      g_autofree char *label = g_strdup_printf ("zone layer frame 900×750, %s", slugs[k]);
      PaView view;
      pa_view_init_fit (&view, &b, 900, 750, 40);
      g_array_set_size (ms, 0);
      for (int i = 0; i < 30; i++)
        {
          cairo_t *cr = cairo_create (s);
          double t0 = bench_now_ms (), t;
          pa_painter_draw_zones (cr, &view, p, NULL, 1.0);
          pa_painter_draw_labels (cr, &view, p, NULL, basemap, 13, FALSE);
          cairo_destroy (cr);
          cairo_surface_flush (s);
          t = bench_now_ms () - t0;
          g_array_append_val (ms, t);
        }
      cairo_surface_destroy (s);
      bench_report (label, ms);
    }

  /* 5. audit of every plan */
  {
    const char *all[] = { "yantai", "shenzhen", "minhang", "shanghai", "pudong" };
    g_array_set_size (ms, 0);
    for (int i = 0; i < 20; i++)
      {
        double t0 = bench_now_ms (), t;
        for (guint k = 0; k < G_N_ELEMENTS (all); k++)
          {
            g_autoptr (PaPlan) p = pa_store_load_plan (store, all[k], &error);
            g_autoptr (GPtrArray) f = pa_audit_plan (p, PA_AUDIT_DEFAULT_TOLERANCE, NULL);
          }
        t = bench_now_ms () - t0;
        g_array_append_val (ms, t);
      }
    bench_report ("load + audit all five plans", ms);
  }

  /* 6. exports */
  plan = pa_store_load_plan (store, "yantai", &error);
  {
    const char *names[] = { "yantai.pdf", "yantai.svg", "yantai.png" };
    for (guint k = 0; k < G_N_ELEMENTS (names); k++)
      {
        g_autofree char *out = g_build_filename (dir, names[k], NULL);
        g_autofree char *label = g_strdup_printf ("export %s", names[k]);
        g_array_set_size (ms, 0);
        for (int i = 0; i < 5; i++)
          {
            double t0 = bench_now_ms (), t;
            g_assert_true (pa_export_plan (plan, basemap, NULL, out, &error));
            t = bench_now_ms () - t0;
            g_array_append_val (ms, t);
          }
        bench_report (label, ms);
        g_unlink (out);
      }
  }
  /* closed first: SQLite removes its -wal and -shm files on close, and then the
   * temporary folder is empty and goes too */
  g_clear_object (&store);
  g_unlink (db);

  /* 7. a plan of 10,000 zones, in a database of its own */
  if (!only)
    bench_large_plan (dir, basemap);
  g_rmdir (dir);
  return 0;
}
