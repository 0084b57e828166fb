/* bench-zone-pan.c — pan frames of the zone layer at 1920 × 1080, before and after the
 * zone tiles. A frame is what pa-zone-layer.c's snapshot draws into GTK's cairo node:
 * the zones' fills and outlines, the sites, the names. GSK_RENDERER=cairo replays that
 * node into the window, which this does not time. */
#include "config.h"

#include "bench-zone-pan.h"

#include <stdio.h>
#include <stdlib.h>

#include "document/pa-document.h"
#include "render/pa-painter.h"
#include "render/pa-zone-tiles.h"

#include "bench-large-plan.h"
#include "bench-util.h"

#define WIDTH 1920
#define HEIGHT 1080
#define STEPS 120 /* PA_BENCH_STEPS overrides */
#define STEP_X 16 /* px per frame: 1920 px in 120 frames, a brisk drag */
#define STEP_Y 6
#define IDLE_BUDGET 8.0 /* ms of idle steps after a frame: what a 60 Hz frame of ~8 ms leaves */

typedef struct
{
  GArray *wall, *cpu, *zones_wall, *zones_cpu, *names_wall;
} Frames;

static void
record (GArray *a, double v)
{
  g_array_append_val (a, v);
}

/* How a frame draws the zones: the painter straight, tiles, or tiles with the layer's idle
 * steps after each frame for IDLE_BUDGET ms: the names of the next region placed a slice
 * at a time when the view nears the edge of theirs, else tiles drawn ahead. */
enum
{
  DIRECT,
  TILES,
  TILES_AHEAD
};

static void
pan (const char *what, const PaView *start, PaPlan *plan, PaZone *selected, PaBasemap *basemap, int mode)
{
  gboolean tiled = mode != DIRECT;
  g_autoptr (GArray) ahead = g_array_new (FALSE, FALSE, sizeof (double));
  const char *env = g_getenv ("PA_BENCH_STEPS");
  int steps = env ? CLAMP (atoi (env), 2, 10000) : STEPS;
  g_autoptr (PaZoneTiles) tiles = pa_zone_tiles_new (PA_ZONE_TILES_DEFAULT_MAX);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  Frames f = { g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)),
               g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)),
               g_array_new (FALSE, FALSE, sizeof (double)) };
  double first_wall = 0, first_cpu = 0;

  for (int step = 0; step < steps; step++)
    {
      PaView view = *start;
      double t0, c0, t1, c1, t2, c2;
      cairo_t *cr = cairo_create (surface);

      cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR); /* GTK's node starts clear */
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      view.cx += step * STEP_X / view.world;
      view.cy += step * STEP_Y / view.world;
      pa_view_snap_to_pixels (&view, 1);

      t0 = bench_now_ms (), c0 = bench_cpu_ms ();
      if (tiled)
        pa_zone_tiles_draw (tiles, cr, &view, 1, plan, selected);
      else
        pa_painter_draw_zones (cr, &view, plan, selected, 1.0);
      cairo_surface_flush (surface);
      t1 = bench_now_ms (), c1 = bench_cpu_ms ();
      pa_painter_draw_sites (cr, &view, plan, 1.0);
      pa_painter_draw_labels (cr, &view, plan, selected, basemap, 13, FALSE);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      t2 = bench_now_ms (), c2 = bench_cpu_ms ();
      if (mode == TILES_AHEAD)
        {
          double a0 = bench_cpu_ms ();
          cairo_t *acr = cairo_create (surface);
          /* steps while the frame's budget lasts (the last one may overrun it) */
          while (bench_cpu_ms () - a0 < IDLE_BUDGET
                 && (pa_painter_place_labels_ahead (acr, &view, plan, selected, basemap, 13)
                     || pa_zone_tiles_draw_ahead (tiles, &view, 1, plan, selected, PA_ZONE_TILES_SIZE)))
            ;
          cairo_destroy (acr);
          record (ahead, bench_cpu_ms () - a0);
        }
      if (step == 0)
        {
          first_wall = t2 - t0, first_cpu = c2 - c0;
          continue;
        }
      record (f.wall, t2 - t0);
      record (f.cpu, c2 - c0);
      record (f.zones_wall, t1 - t0);
      record (f.zones_cpu, c1 - c0);
      record (f.names_wall, t2 - t1);
    }
  {
    g_autofree char *l0 = g_strdup_printf ("pan frame, %s, %s (zoom %.1f)",
                                           mode == DIRECT ? "direct" : mode == TILES ? "tiles" : "tiles+ahead", what,
                                           pa_view_get_zoom (start));
    printf ("%-44s first frame at this zoom: wall %.1f ms, CPU %.1f ms\n", l0, first_wall, first_cpu);
    bench_report_frames (l0, f.wall);
    bench_report_frames ("  the same frames, CPU time", f.cpu);
    bench_report_frames ("  zones (tiles or painter), wall", f.zones_wall);
    bench_report_frames ("  zones (tiles or painter), CPU", f.zones_cpu);
    bench_report_frames ("  sites + names, wall", f.names_wall);
    if (mode == TILES_AHEAD)
      bench_report_frames ("  the idle steps after the frame, CPU", ahead);
    if (tiled)
      printf ("  tiles drawn %u over %d frames, %u kept\n", pa_zone_tiles_get_n_drawn (tiles), steps,
              pa_zone_tiles_get_n_tiles (tiles));
    fflush (stdout);
  }
  g_array_unref (f.wall), g_array_unref (f.cpu), g_array_unref (f.zones_wall), g_array_unref (f.zones_cpu);
  g_array_unref (f.names_wall);
  cairo_surface_destroy (surface);
}

void
bench_zone_pan (const char *path, PaBasemap *basemap)
{
  PaZone *zone;
  /* the zone in the middle of the grid, selected, as in the drag frames */
  g_autoptr (PaDocument) doc = bench_large_plan_open (path, &zone);
  PaPlan *plan = pa_document_get_plan (doc);
  PaView district, whole, dots;

  {
    PaBBox b = pa_geometry_get_bbox (pa_zone_get_geometry (zone));
    /* the pan starts left of and above the zone and ends past it */
    pa_view_init (&district, (b.minx + b.maxx) / 2, (b.miny + b.maxy) / 2, 12, WIDTH, HEIGHT);
    district.cx -= STEPS * STEP_X / 2.0 / district.world;
    district.cy -= STEPS * STEP_Y / 2.0 / district.world;
  }
  {
    PaBBox b = pa_plan_get_extent (plan);
    pa_view_init_fit (&whole, &b, WIDTH, HEIGHT, 40);
    /* the zoom that fits the plan in a 900 × 750 window: every zone a dot */
    pa_view_init_fit (&dots, &b, 900, 750, 40);
    dots.width = WIDTH, dots.height = HEIGHT;
  }
  /* before and after alternated, so the machine's load falls on both alike */
  for (int run = 0; run < 2; run++)
    {
      pan ("district zoom", &district, plan, zone, basemap, DIRECT);
      pan ("district zoom", &district, plan, zone, basemap, TILES);
      pan ("district zoom", &district, plan, zone, basemap, TILES_AHEAD);
      pan ("whole plan", &whole, plan, zone, basemap, DIRECT);
      pan ("whole plan", &whole, plan, zone, basemap, TILES);
      pan ("whole plan", &whole, plan, zone, basemap, TILES_AHEAD);
      pan ("dots", &dots, plan, zone, basemap, DIRECT);
      pan ("dots", &dots, plan, zone, basemap, TILES);
      pan ("dots", &dots, plan, zone, basemap, TILES_AHEAD);
    }
}
