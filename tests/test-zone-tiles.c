/* test-zone-tiles.c — the zone layer's cached tiles show what a direct draw shows */
#include "config.h"

#include <math.h>

#include "render/pa-painter.h"
#include "render/pa-zone-tiles.h"

/* A star-shaped ring of 24 vertices round (lon, lat), @r degrees across at most. */
static PaGeometry *
star (double lon, double lat, double r)
{
  PaGeometry *g = pa_geometry_new ();
  pa_geometry_begin_polygon (g);
  pa_geometry_begin_ring (g);
  for (int k = 0; k <= 24; k++)
    {
      double a = 2 * G_PI * (k % 24) / 24, f = k % 2 ? 0.6 : 1.0;
      pa_geometry_add_point (g, lon + r / 2 * f * cos (a), lat + r / 2 * f * sin (a));
    }
  return g;
}

/* 20 × 20 zones on a 0.01° grid from (114.0, 22.4), two roles, every fifth schematic
 * (dashed), with every other one much larger than its cell, so outlines cross each other
 * and the tiles' edges at any zoom from 11 on; the plan's zone at (row, col) is 20·row + col. */
static PaPlan *
grid_plan (void)
{
  PaPlan *plan = pa_plan_new (1, "grid", "Grid", NULL);
  pa_plan_add_role (plan, "core", "核心");
  pa_plan_add_role (plan, "base", "基地");
  for (int r = 0; r < 20; r++)
    for (int c = 0; c < 20; c++)
      {
        g_autofree char *key = g_strdup_printf ("z%02d-%02d", r, c);
        g_autoptr (PaZone) z = pa_zone_new (r * 20 + c + 1, key, key, (r + c) % 2 ? "base" : "core");
        g_autoptr (PaGeometry) g = star (114.0 + c * 0.01, 22.4 + r * 0.01, (r + c) % 2 ? 0.006 : 0.017);
        pa_zone_set_geometry (z, g);
        pa_zone_set_schematic (z, (r * 20 + c) % 5 == 0);
        pa_plan_add_zone (plan, z);
      }
  return plan;
}

static PaZone *
zone_at (PaPlan *plan, int row, int col)
{
  g_autoptr (PaZone) z = g_list_model_get_item (pa_plan_get_zones (plan), (guint) (row * 20 + col));
  return z; /* the plan holds it */
}

/* What the zone layer drew before the tiles: the painter straight onto the surface, in
 * device pixels (@scale per unit of @view). */
static cairo_surface_t *
draw_direct (const PaView *view, double scale, PaPlan *plan, PaZone *selected)
{
  PaView device = *view;
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (view->width * scale),
                                                   (int) ceil (view->height * scale));
  cairo_t *cr = cairo_create (s);

  device.world *= scale, device.width *= scale, device.height *= scale;
  pa_painter_draw_zones (cr, &device, plan, selected, scale);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  return s;
}

/* The same through @tiles, on a surface of @scale device pixels per unit, as GTK gives. */
static cairo_surface_t *
draw_tiled (PaZoneTiles *tiles, const PaView *view, double scale, PaPlan *plan, PaZone *selected)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (view->width * scale),
                                                   (int) ceil (view->height * scale));
  cairo_t *cr;

  cairo_surface_set_device_scale (s, scale, scale);
  cr = cairo_create (s);
  pa_zone_tiles_draw (tiles, cr, view, scale, plan, selected);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  return s;
}

/* The largest difference of any channel of any pixel; the number of pixels that differ
 * by more than 2, and of those not fully transparent in @a. */
static guint
compare (cairo_surface_t *a, cairo_surface_t *b, guint *n_off, guint *n_painted)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  guint worst = 0;

  g_assert_cmpint (w, ==, cairo_image_surface_get_width (b));
  g_assert_cmpint (h, ==, cairo_image_surface_get_height (b));
  *n_off = *n_painted = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 pa = *(guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a) + x * 4);
        guint32 pb = *(guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b) + x * 4);
        guint d = 0;
        for (int k = 0; k < 32; k += 8)
          d = MAX (d, (guint) ABS ((int) ((pa >> k) & 0xff) - (int) ((pb >> k) & 0xff)));
        worst = MAX (worst, d);
        *n_off += d > 2;
        *n_painted += (pa >> 24) != 0;
      }
  return worst;
}

static void
assert_same (PaZoneTiles *tiles, const PaView *view, double scale, PaPlan *plan, PaZone *selected,
             const char *what)
{
  cairo_surface_t *direct = draw_direct (view, scale, plan, selected);
  cairo_surface_t *tiled = draw_tiled (tiles, view, scale, plan, selected);
  guint n_off, n_painted, worst = compare (direct, tiled, &n_off, &n_painted);

  g_test_message ("%s: zoom %.3f ×%g, %u pixels painted, worst difference %u, %u pixels off by more than 2",
                  what, pa_view_get_zoom (view), scale, n_painted, worst, n_off);
  g_assert_cmpuint (n_painted, >, 1000); /* the view shows zones */
  /* cairo itself does not rasterise a path moved by whole pixels to the very same coverage
   * (the same view drawn 200 px bigger differs by up to 11 levels at 18 pixels): allow a
   * little of that, far from a seam (a full-strength line) or a pixel's shift (every edge) */
  g_assert_cmpuint (worst, <=, 24);
  g_assert_cmpuint (n_off, <=, n_painted / 400);
  cairo_surface_destroy (direct);
  cairo_surface_destroy (tiled);
}

/* Pixel for pixel what the painter draws straight: at a whole zoom, at a fractional one,
 * zoomed out (zones as stamped dots, which tiles cut in pieces), at device scale 2, and
 * with a zone selected; zones cross tile edges in every view. */
static void
test_tiles_match_direct_draw (void)
{
  g_autoptr (PaPlan) plan = grid_plan ();
  g_autoptr (PaZoneTiles) tiles = pa_zone_tiles_new (PA_ZONE_TILES_DEFAULT_MAX);
  struct
  {
    const char *what;
    double zoom, scale;
    gboolean select;
  } views[] = {
    { "zoom-14", 14, 1, FALSE },
    { "fractional", 13.37, 1, FALSE },
    { "dots", 10.2, 1, FALSE },
    { "scale-2", 12.71, 2, FALSE },
    { "dots-scale-2", 9.3, 2, FALSE },
    { "selected", 13.37, 1, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      PaView view;
      pa_view_init (&view, 114.0913, 22.4871, views[i].zoom, 703, 517);
      pa_view_snap_to_pixels (&view, views[i].scale);
      assert_same (tiles, &view, views[i].scale, plan, views[i].select ? zone_at (plan, 8, 9) : NULL,
                   views[i].what);
      /* a second frame, from the kept tiles only, is the same */
      {
        guint drawn = pa_zone_tiles_get_n_drawn (tiles);
        assert_same (tiles, &view, views[i].scale, plan, views[i].select ? zone_at (plan, 8, 9) : NULL,
                     views[i].what);
        g_assert_cmpuint (pa_zone_tiles_get_n_drawn (tiles), ==, drawn);
      }
    }
}

/* The alpha of the pixel at (lon, lat) of a tiled draw. */
static guint
alpha_at (PaZoneTiles *tiles, const PaView *view, PaPlan *plan, PaZone *selected, double lon, double lat)
{
  cairo_surface_t *s = draw_tiled (tiles, view, 1, plan, selected);
  double x, y;
  guint32 v;

  pa_view_project (view, lon, lat, &x, &y);
  v = *(guint32 *) (cairo_image_surface_get_data (s) + (int) y * cairo_image_surface_get_stride (s) + (int) x * 4);
  cairo_surface_destroy (s);
  return v >> 24;
}

/* An edit that moves a zone (assigned in place, as the document does after a reload) is
 * shown at the next draw: the kept tiles of the old outline are not reused. */
static void
test_edit_redraws_tiles (void)
{
  g_autoptr (PaPlan) plan = grid_plan ();
  g_autoptr (PaZoneTiles) tiles = pa_zone_tiles_new (PA_ZONE_TILES_DEFAULT_MAX);
  PaZone *moved = zone_at (plan, 19, 18); /* a small one at the grid's corner */
  g_autoptr (PaZone) fresh = pa_zone_new (pa_zone_get_id (moved), pa_zone_get_key (moved),
                                          pa_zone_get_name (moved), "base");
  g_autoptr (PaGeometry) there = star (114.24, 22.62, 0.006); /* outside the grid */
  PaView view;

  pa_view_init (&view, 114.20, 22.60, 13, 600, 400);
  pa_view_snap_to_pixels (&view, 1);
  g_assert_cmpuint (alpha_at (tiles, &view, plan, NULL, 114.18, 22.59), >, 0);
  g_assert_cmpuint (alpha_at (tiles, &view, plan, NULL, 114.24, 22.62), ==, 0);
  pa_zone_set_geometry (fresh, there);
  pa_zone_assign (moved, fresh);
  g_assert_cmpuint (alpha_at (tiles, &view, plan, NULL, 114.18, 22.59), ==, 0);
  g_assert_cmpuint (alpha_at (tiles, &view, plan, NULL, 114.24, 22.62), >, 0);
  assert_same (tiles, &view, 1, plan, NULL, "after-edit");
}

/* Selecting a zone, another, then none is shown as the painter shows it, and only the
 * tiles the selection's outline meets are drawn again. */
static void
test_selection_redraws_its_tiles (void)
{
  g_autoptr (PaPlan) plan = grid_plan ();
  g_autoptr (PaZoneTiles) tiles = pa_zone_tiles_new (PA_ZONE_TILES_DEFAULT_MAX);
  PaZone *order[] = { NULL, zone_at (plan, 8, 8), zone_at (plan, 11, 12), NULL };
  PaView view;

  pa_view_init (&view, 114.10, 22.50, 13.5, 900, 700);
  pa_view_snap_to_pixels (&view, 1);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      guint before = pa_zone_tiles_get_n_drawn (tiles);
      assert_same (tiles, &view, 1, plan, order[i], i ? "selection" : "no-selection");
      if (i > 0)
        {
          guint again = pa_zone_tiles_get_n_drawn (tiles) - before;
          g_test_message ("selection %u: %u of %u tiles drawn again", i, again, pa_zone_tiles_get_n_tiles (tiles));
          g_assert_cmpuint (again, >, 0);
          g_assert_cmpuint (again, <, pa_zone_tiles_get_n_tiles (tiles) / 2);
        }
    }
}

/* Panning far, and zooming, keeps at most the cache's number of tiles. */
static void
test_tiles_stay_bounded (void)
{
  g_autoptr (PaPlan) plan = grid_plan ();
  g_autoptr (PaZoneTiles) tiles = pa_zone_tiles_new (12);
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  guint most = 0;

  for (int zoom = 13; zoom <= 15; zoom++)
    for (int step = 0; step < 40; step++)
      {
        cairo_t *cr = cairo_create (s);
        PaView view;
        pa_view_init (&view, 113.99 + step * 0.006, 22.39 + step * 0.005, zoom, 400, 300);
        pa_view_snap_to_pixels (&view, 1);
        pa_zone_tiles_draw (tiles, cr, &view, 1, plan, NULL);
        cairo_destroy (cr);
        most = MAX (most, pa_zone_tiles_get_n_tiles (tiles));
      }
  g_test_message ("%u tiles drawn, at most %u kept", pa_zone_tiles_get_n_drawn (tiles), most);
  g_assert_cmpuint (pa_zone_tiles_get_n_drawn (tiles), >, 60);
  g_assert_cmpuint (most, <=, 12);
  g_assert_cmpuint (most, >=, 6); /* a 400 × 300 view needs up to 6 */
  cairo_surface_destroy (s);
}

/* Tiles drawn ahead in idle time, one at a time, cover the view and a ring around it:
 * the frames of a pan over that ring then draw no tile, and show what the painter does. */
static void
test_tiles_drawn_ahead (void)
{
  g_autoptr (PaPlan) plan = grid_plan ();
  g_autoptr (PaZoneTiles) tiles = pa_zone_tiles_new (PA_ZONE_TILES_DEFAULT_MAX);
  guint calls = 0, drawn;
  PaView view;

  pa_view_init (&view, 114.10, 22.50, 13.2, 640, 480);
  pa_view_snap_to_pixels (&view, 1);
  g_assert_false (pa_zone_tiles_has_zoom (tiles, &view, 1, plan));
  while (pa_zone_tiles_draw_ahead (tiles, &view, 1, plan, NULL, PA_ZONE_TILES_SIZE))
    calls++;
  g_test_message ("%u tiles drawn ahead, %u kept", calls, pa_zone_tiles_get_n_tiles (tiles));
  g_assert_cmpuint (calls, >=, 12); /* 3 × 2 in view, a ring of 256 px around */
  g_assert_true (pa_zone_tiles_has_zoom (tiles, &view, 1, plan));
  drawn = pa_zone_tiles_get_n_drawn (tiles);
  for (int step = 0; step < 8; step++)
    {
      PaView v = view;
      v.cx += step * 30 / v.world;
      v.cy -= step * 25 / v.world;
      pa_view_snap_to_pixels (&v, 1);
      assert_same (tiles, &v, 1, plan, NULL, "ahead");
    }
  g_assert_cmpuint (pa_zone_tiles_get_n_drawn (tiles), ==, drawn);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/zone-tiles/match-direct-draw", test_tiles_match_direct_draw);
  g_test_add_func ("/zone-tiles/edit-redraws-tiles", test_edit_redraws_tiles);
  g_test_add_func ("/zone-tiles/selection-redraws-its-tiles", test_selection_redraws_its_tiles);
  g_test_add_func ("/zone-tiles/stay-bounded", test_tiles_stay_bounded);
  g_test_add_func ("/zone-tiles/drawn-ahead", test_tiles_drawn_ahead);
  return g_test_run ();
}
