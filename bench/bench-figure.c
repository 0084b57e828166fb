/* bench-figure.c — the figure of a plan of 10,000 labelled zones (64 vertices each) as an
 * A3 PNG at 300 dpi (4961 × 3508) and an A3 PDF, timed; and the same polygons and names
 * written as CSV (WKT) for bench-figure-mapnik.py, so Mapnik renders exactly these.
 *
 *   bench-figure DIR [RUNS]  → DIR/zones.csv, DIR/parkatlas.png, DIR/parkatlas.pdf
 *
 * Labels follow the renderers' rule: a name that has no free place is dropped
 * (drop_crowded_labels), not numbered. Prints one line per figure, with the label count. */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>

#include "render/pa-exporter.h"
#include "render/pa-figure.h"
#include "render/pa-painter.h"

#include "bench-util.h"

#define N_COLS 125
#define N_ROWS 80
#define MIN_LON 113.8
#define MAX_LON 114.6
#define MIN_LAT 22.45
#define MAX_LAT 22.85
#define N_VERTICES 64

/* Zone (row, col): a star-shaped ring of 64 vertices filling 80 % of its cell, the same
 * for every run (one seeded GRand). */
static PaPlan *
synthetic_plan (GString *csv)
{
  PaPlan *plan = pa_plan_new (1, "bench", "10,000 个园区的规划", "bench");
  g_autoptr (GRand) rand = g_rand_new_with_seed (14);
  double dx = (MAX_LON - MIN_LON) / N_COLS, dy = (MAX_LAT - MIN_LAT) / N_ROWS;

  pa_plan_add_role (plan, "core", "核心区");
  pa_plan_add_role (plan, "park", "园区");
  g_string_append (csv, "wkt,name\n");
  for (int row = 0; row < N_ROWS; row++)
    for (int col = 0; col < N_COLS; col++)
      {
        int i = row * N_COLS + col;
        g_autofree char *key = g_strdup_printf ("z%05d", i);
        g_autofree char *name = g_strdup_printf ("园区%05d", i);
        g_autoptr (PaZone) z = pa_zone_new (i + 1, key, name, i % 7 ? "park" : "core");
        g_autoptr (PaGeometry) g = pa_geometry_new ();
        double cx = MIN_LON + (col + 0.5) * dx, cy = MIN_LAT + (row + 0.5) * dy, fx = 0, fy = 0;

        g_string_append (csv, "\"POLYGON((");
        pa_geometry_begin_polygon (g);
        pa_geometry_begin_ring (g);
        for (int k = 0; k < N_VERTICES; k++)
          {
            double a = 2 * G_PI * (k + g_rand_double_range (rand, -0.3, 0.3)) / N_VERTICES;
            double r = g_rand_double_range (rand, 0.75, 1.0);
            double x = cx + dx * 0.4 * r * cos (a), y = cy + dy * 0.4 * r * sin (a);
            char bx[G_ASCII_DTOSTR_BUF_SIZE], by[G_ASCII_DTOSTR_BUF_SIZE];
            if (k == 0)
              fx = x, fy = y;
            pa_geometry_add_point (g, x, y);
            g_string_append_printf (csv, "%s%s %s", k ? "," : "", g_ascii_dtostr (bx, sizeof bx, x),
                                    g_ascii_dtostr (by, sizeof by, y));
          }
        pa_geometry_add_point (g, fx, fy);
        {
          char bx[G_ASCII_DTOSTR_BUF_SIZE], by[G_ASCII_DTOSTR_BUF_SIZE];
          g_string_append_printf (csv, ",%s %s))\",%s\n", g_ascii_dtostr (bx, sizeof bx, fx),
                                  g_ascii_dtostr (by, sizeof by, fy), name);
        }
        pa_zone_set_geometry (z, g);
        pa_plan_add_zone (plan, z);
      }
  return plan;
}

/* How many names the figure places, from a layout on a recording surface. */
static guint
count_labels (PaPlan *plan, const PaExportOptions *options)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  g_autoptr (GArray) labels = NULL;
  double w, h;
  pa_export_options_get_page_pt (options, &w, &h);
  pa_figure_draw_full (cr, plan, NULL, options, w, h, &labels);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return labels ? labels->len : 0;
}

int
main (int argc, char *argv[])
{
  const char *dir = argc > 1 ? argv[1] : ".";
  int runs = argc > 2 ? atoi (argv[2]) : 3;
  g_autoptr (GString) csv = g_string_new (NULL);
  g_autoptr (PaPlan) plan = synthetic_plan (csv);
  g_autofree char *csv_path = g_build_filename (dir, "zones.csv", NULL);
  const char *exts[] = { "png", "pdf" };
  g_auto (PaExportOptions) options;

  g_mkdir_with_parents (dir, 0755);
  if (!g_file_set_contents (csv_path, csv->str, (gssize) csv->len, NULL))
    return 1;
  pa_export_options_init (&options);
  options.paper = PA_PAPER_A3;
  options.dpi = 300;
  options.show_basemap = FALSE;
  options.drop_crowded_labels = TRUE;
  options.lang = g_strdup ("zh");
  pa_export_prepare (plan, NULL);
  printf ("labels placed: %u of %u\n", count_labels (plan, &options), N_ROWS * N_COLS);
  for (guint e = 0; e < G_N_ELEMENTS (exts); e++)
    {
      g_autofree char *name = g_strdup_printf ("parkatlas.%s", exts[e]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      for (int r = 0; r < runs; r++)
        {
          g_autoptr (GError) error = NULL;
          double t0 = bench_now_ms ();
          if (!pa_export_figure (plan, NULL, &options, path, NULL, NULL, NULL, &error))
            {
              fprintf (stderr, "%s\n", error->message);
              return 1;
            }
          {
            double t = bench_now_ms () - t0;
            g_array_append_val (times, t);
          }
        }
      printf ("parkatlas A3 %s: median %.0f ms of %d runs\n", exts[e], bench_quantile (times, 0.5), runs);
    }
  return 0;
}
