/* test-render.c — what the painter puts on a basemap tile, read back pixel by pixel */
#include "config.h"

#include <math.h>

#include "geo/pa-mercator.h"
#include "map/pa-tile-source.h"
#include "render/pa-painter.h"
#include "pa-test-util.h"

/* The colour at (lon, lat) of the zoom-@z tile that holds it. */
static guint32
pixel_at (PaBasemap *basemap, double lon, double lat, int z)
{
  double x, y;
  int tx, ty, px, py;
  cairo_surface_t *s;
  guint32 v;

  pa_mercator_from_lonlat (lon, lat, &x, &y);
  tx = (int) floor (x * (1 << z));
  ty = (int) floor (y * (1 << z));
  px = (int) ((x * (1 << z) - tx) * 256);
  py = (int) ((y * (1 << z) - ty) * 256);
  s = pa_tile_source_render (basemap, tx, ty, z, 256);
  v = *(guint32 *) (cairo_image_surface_get_data (s) + py * cairo_image_surface_get_stride (s) + px * 4);
  cairo_surface_destroy (s);
  return v & 0xffffff; /* ARGB32: drop alpha */
}

static void
test_tiles_show_land_sea_and_no_data (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaBasemap) basemap = pa_store_load_basemap (pa_test_default_store (), &error);
  guint32 land, sea, none;

  g_assert_no_error (error);
  land = pixel_at (basemap, 121.20, 37.30, 10);  /* inland Yantai, 栖霞 */
  sea = pixel_at (basemap, 121.00, 38.25, 10);   /* the Bohai strait, inside Yantai's box */
  none = pixel_at (basemap, 116.40, 39.90, 10);  /* Beijing: no land data there */
  g_test_message ("land %06x sea %06x no data %06x", land, sea, none);
  g_assert_cmpuint (land, !=, sea);
  g_assert_cmpuint (land, !=, none);
  g_assert_cmpuint (sea, !=, none);
  /* sea is blue-ish: more blue than red */
  g_assert_cmpuint (sea & 0xff, >, (sea >> 16) & 0xff);
  /* the same kind of place gives the same colour elsewhere */
  g_assert_cmpuint (pixel_at (basemap, 114.05, 23.60, 10), ==, none); /* north of Shenzhen's box */
  g_assert_cmpuint (pixel_at (basemap, 122.25, 31.00, 10), ==, sea);  /* East China Sea, off 浦东 */
  g_assert_cmpuint (pixel_at (basemap, 121.30, 31.00, 12), ==, land); /* 松江 */
}

static gboolean
surface_is_blank (cairo_surface_t *s)
{
  const guint8 *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s), h = cairo_image_surface_get_height (s);
  cairo_surface_flush (s);
  for (int i = 0; i < stride * h; i++)
    if (data[i])
      return FALSE;
  return TRUE;
}

/* Labels belong to zones in view: a view over open sea far from every zone draws no name
 * (they used to be pinned to the view's edge); a view on the plan draws its names. */
static void
test_labels_only_for_zones_in_view (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), "yantai", &error);
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 400);
  cairo_t *cr = cairo_create (s);
  PaView view;
  PaBBox extent;

  g_assert_no_error (error);
  pa_view_init (&view, 123.5, 36.0, 11, 600, 400); /* the Yellow Sea, east of Yantai */
  pa_painter_draw_labels (cr, &view, plan, NULL, NULL, 13, FALSE);
  g_assert_true (surface_is_blank (s));

  extent = pa_plan_get_extent (plan);
  pa_view_init_fit (&view, &extent, 600, 400, 20);
  pa_painter_draw_labels (cr, &view, plan, NULL, NULL, 13, FALSE);
  g_assert_false (surface_is_blank (s));
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/tiles-show-land-sea-and-no-data", test_tiles_show_land_sea_and_no_data);
  g_test_add_func ("/render/labels-only-for-zones-in-view", test_labels_only_for_zones_in_view);
  return g_test_run ();
}
