/* test-render.c — what the painter puts on a basemap tile, read back pixel by pixel */
#include "config.h"

#include <math.h>

#include "geo/pa-mercator.h"
#include "map/pa-tile-source.h"
#include "render/pa-figure.h"
#include "render/pa-painter.h"
#include "render/pa-zone-index.h"
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

/* Without the continuous basemap (maps/basemap.sh not run) the land table's regions are
 * drawn in their boxes, and grey outside them, where nothing is known. */
static void
test_tiles_without_basemap_layers_show_no_data (void)
{
  g_autoptr (PaBasemap) basemap = pa_basemap_new ();
  g_autoptr (PaGeometry) square = pa_geometry_new ();
  guint32 land, sea, none;

  pa_geometry_begin_polygon (square);
  pa_geometry_begin_ring (square);
  pa_geometry_add_point (square, 121.0, 37.0);
  pa_geometry_add_point (square, 121.5, 37.0);
  pa_geometry_add_point (square, 121.5, 37.5);
  pa_geometry_add_point (square, 121.0, 37.5);
  pa_geometry_add_point (square, 121.0, 37.0);
  pa_basemap_add_land (basemap, square);
  pa_basemap_add_coverage (basemap, &(PaBBox){ 120.5, 36.5, 122.0, 38.5 });
  land = pixel_at (basemap, 121.20, 37.30, 10);
  sea = pixel_at (basemap, 121.00, 38.25, 10);
  none = pixel_at (basemap, 116.40, 39.90, 10);
  g_test_message ("land %06x sea %06x no data %06x", land, sea, none);
  g_assert_cmpuint (land, !=, sea);
  g_assert_cmpuint (land, !=, none);
  g_assert_cmpuint (sea, !=, none);
  g_assert_cmpuint (sea & 0xff, >, (sea >> 16) & 0xff);
}

static gboolean
is_water (guint32 c)
{
  return (c & 0xff) > ((c >> 16) & 0xff) + 0x10; /* bluer than red */
}

static gboolean
is_land (guint32 c)
{
  guint r = (c >> 16) & 0xff, g = (c >> 8) & 0xff, b = c & 0xff;
  return r >= 0xe8 && g >= 0xe4 && b <= r; /* the light warm land, not grey, not blue */
}

static PaBasemap *
continuous_basemap (void)
{
  g_autoptr (GError) error = NULL;
  PaBasemap *basemap = pa_store_load_basemap (pa_test_default_store (), &error);
  g_assert_no_error (error);
  if (pa_basemap_get_n_tiers (basemap) == 0)
    g_error ("the default database has no basemap tiers: run maps/basemap.sh (.ci/setup does)");
  return basemap;
}

/* Everywhere the map can go (zoom 3 and in) is land or water, never the grey of "no data";
 * inland China is land at every zoom. */
static void
test_basemap_is_land_or_water_everywhere (void)
{
  g_autoptr (PaBasemap) basemap = continuous_basemap ();
  const struct { double lon, lat; gboolean land; } places[] = {
    { 105.0, 35.0, TRUE },    /* 甘肃, inland China */
    { 116.20, 40.10, TRUE },  /* north-west of 北京 */
    { 88.0, 31.0, TRUE },     /* 西藏 */
    { 10.0, 50.0, TRUE },     /* Europe, outside every detailed box */
    { -150.0, 0.0, FALSE },   /* the Pacific */
    { 124.0, 30.0, FALSE },   /* East China Sea */
    { 114.30, 23.40, TRUE },  /* north of Shenzhen's box (was "no data") */
  };

  /* each tier at its first zoom and the world tier's two ends (3 is the map's least) */
  const int zooms[] = { 3, 5, 6, 8, 9, 10 };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    for (guint k = 0; k < G_N_ELEMENTS (zooms); k++)
      {
        int z = zooms[k];
        guint32 c = pixel_at (basemap, places[i].lon, places[i].lat, z);
        g_test_message ("(%g, %g) zoom %d: %06x", places[i].lon, places[i].lat, z, c);
        if (places[i].land)
          g_assert_true (is_land (c));
        else
          g_assert_true (is_water (c));
      }
}

/* At district zooms the 黄浦江 parts Puxi from Pudong, and the reclaimed land of 临港,
 * 宝安机场 and 前海 (missing from GSHHG) is land. */
static void
test_basemap_shows_rivers_and_reclaimed_land (void)
{
  g_autoptr (PaBasemap) basemap = continuous_basemap ();
  const struct { double lon, lat; int zoom; gboolean land; const char *what; } places[] = {
    { 121.5050, 31.2468, 14, FALSE, "黄浦江 between 北外滩 and 陆家嘴" },
    { 121.5050, 31.2468, 12, FALSE, "黄浦江 between 北外滩 and 陆家嘴" },
    { 121.4500, 31.2200, 14, TRUE, "Puxi, 静安" },
    { 121.5300, 31.2250, 14, TRUE, "Pudong, 陆家嘴 east" },
    { 121.9300, 30.9000, 12, TRUE, "临港 (reclaimed)" },
    { 121.9300, 30.9000, 14, TRUE, "临港 (reclaimed)" },
    { 113.8100, 22.6300, 13, TRUE, "宝安机场 (reclaimed)" },
    { 113.8950, 22.5200, 13, TRUE, "前海 (reclaimed)" },
    { 122.1000, 30.8000, 12, FALSE, "East China Sea off 临港" },
    { 120.9400, 31.1100, 13, FALSE, "淀山湖" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      guint32 c = pixel_at (basemap, places[i].lon, places[i].lat, places[i].zoom);
      g_test_message ("%s (%g, %g) zoom %d: %06x", places[i].what, places[i].lon, places[i].lat,
                      places[i].zoom, c);
      if (places[i].land)
        g_assert_true (is_land (c));
      else
        g_assert_true (is_water (c));
    }
}

/* Where a finer tier begins, its land meets the coarser tier's with no line across the
 * land: the straight edges where the tier's land was cut to its box are not coast. Drawn
 * at zoom 12 across the north edge of Shenzhen's box, the rows at the edge are the land's
 * colour wherever the rows above and below are land. */
static void
test_basemap_tier_edges_draw_no_line (void)
{
  g_autoptr (PaBasemap) basemap = continuous_basemap ();
  guint checked = 0, off = 0;
  PaBBox cov = { 0 };
  gboolean found = FALSE;

  for (guint i = 0; i < pa_basemap_get_n_tiers (basemap) && !found; i++)
    {
      int tier;
      pa_basemap_get_tier (basemap, i, &tier, NULL, &cov);
      found = tier > 0 && cov.minx < 114.2 && cov.maxx > 114.2 && cov.miny < 22.6 && cov.maxy > 22.6
              && cov.maxy < 24;
    }
  g_assert_true (found);
  for (int k = 0; k < 3; k++)
    {
      double lon = 114.05 + 0.1 * k; /* land north of 深圳 */
      cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 256, 256);
      cairo_t *cr = cairo_create (s);
      const guint8 *data;
      int stride;
      double ex, ey;
      PaView view;

      pa_view_init (&view, lon, cov.maxy, 12, 256, 256);
      pa_painter_draw_basemap (cr, &view, basemap, FALSE);
      cairo_destroy (cr);
      cairo_surface_flush (s);
      data = cairo_image_surface_get_data (s);
      stride = cairo_image_surface_get_stride (s);
      pa_view_project (&view, lon, cov.maxy, &ex, &ey);
      for (int x = 0; x < 256; x++)
        {
          guint32 above = *(const guint32 *) (data + ((int) ey - 8) * stride + x * 4) & 0xffffff;
          guint32 below = *(const guint32 *) (data + ((int) ey + 8) * stride + x * 4) & 0xffffff;
          if (!is_land (above) || !is_land (below) || above != below)
            continue;
          checked++;
          for (int y = (int) ey - 2; y <= (int) ey + 2; y++)
            {
              guint32 c = *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
              int d = abs ((int) ((c >> 16) & 0xff) - (int) ((above >> 16) & 0xff))
                      + abs ((int) ((c >> 8) & 0xff) - (int) ((above >> 8) & 0xff))
                      + abs ((int) (c & 0xff) - (int) (above & 0xff));
              if (d > 20)
                {
                  off++;
                  break;
                }
            }
        }
      cairo_surface_destroy (s);
    }
  g_test_message ("%u columns of land across the edge, %u with a line", checked, off);
  g_assert_cmpuint (checked, >, 200);
  g_assert_cmpuint (off, <, checked / 10); /* rivers and borders may cross it; a line would not */
}

/* Plans shown as layers name one place once: Pudong's 张江 lies under Shanghai's 张江,
 * so Pudong's layer leaves its name out there (Shanghai's is drawn on top); with no plan
 * over it, the name is drawn. */
static void
test_layer_names_under_the_windows_plan (void)
{
  g_autoptr (PaPlan) pudong = pa_store_load_plan (pa_test_default_store (), "pudong", NULL);
  g_autoptr (PaPlan) shanghai = pa_store_load_plan (pa_test_default_store (), "shanghai", NULL);
  PaZone *zhangjiang = pa_plan_find_zone (pudong, "zhangjiang");
  PaPoint lp;
  guint inked[2] = { 0 };

  g_assert_nonnull (zhangjiang);
  lp = pa_geometry_get_label_point (pa_zone_get_geometry (zhangjiang));
  g_assert_nonnull (pa_painter_hit_test (shanghai, lp.x, lp.y));
  for (int k = 0; k < 2; k++)
    {
      cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
      cairo_t *cr = cairo_create (s);
      const guint8 *data;
      PaView view;

      pa_view_init (&view, lp.x, lp.y, 12, 400, 300);
      pa_painter_draw_labels_under (cr, &view, pudong, k ? shanghai : NULL, 13);
      cairo_destroy (cr);
      cairo_surface_flush (s);
      data = cairo_image_surface_get_data (s);
      /* the name's ink around the label point */
      for (int y = 110; y < 190; y++)
        for (int x = 100; x < 300; x++)
          inked[k] += data[y * cairo_image_surface_get_stride (s) + x * 4 + 3] > 128;
      cairo_surface_destroy (s);
    }
  g_test_message ("ink around 张江: %u alone, %u under Shanghai", inked[0], inked[1]);
  g_assert_cmpuint (inked[0], >, 50);
  g_assert_cmpuint (inked[1], ==, 0);
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

  /* the placement kept between frames is the view's own: back over the sea, still none;
   * the same view again draws the same names */
  s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 400);
  cr = cairo_create (s);
  pa_view_init (&view, 123.5, 36.0, 11, 600, 400);
  pa_painter_draw_labels (cr, &view, plan, NULL, NULL, 13, FALSE);
  g_assert_true (surface_is_blank (s));
  pa_view_init_fit (&view, &extent, 600, 400, 20);
  pa_painter_draw_labels (cr, &view, plan, NULL, NULL, 13, FALSE);
  g_assert_false (surface_is_blank (s));
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

/* On screen, every plan at four zooms, with no zone and with each zone selected: no
 * zone's name stands on another zone's shape (its centre inside another zone and not in
 * its own), and no name is drawn for a zone whose label point is out of view. */
static void
test_screen_labels_belong_to_their_zones (void)
{
  const char *slugs[] = { "yantai", "shenzhen", "minhang", "shanghai", "pudong" };
  guint checked = 0;

  for (guint p = 0; p < G_N_ELEMENTS (slugs); p++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), slugs[p], &error);
      g_autoptr (PaZoneIndex) index = pa_zone_index_ref_for_plan (plan);
      GListModel *zones = pa_plan_get_zones (plan);
      PaBBox extent = pa_plan_get_extent (plan);
      PaView fit;

      pa_view_init_fit (&fit, &extent, 900, 700, 30);
      for (int dz = -1; dz <= 2; dz++)
        for (guint sel = 0; sel <= g_list_model_get_n_items (zones); sel++)
          {
            g_autoptr (PaZone) selected = sel ? g_list_model_get_item (zones, sel - 1) : NULL;
            cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 700);
            cairo_t *cr = cairo_create (s);
            PaView view;
            GArray *labels;

            pa_view_init (&view, (extent.minx + extent.maxx) / 2, (extent.miny + extent.maxy) / 2,
                          floor (pa_view_get_zoom (&fit)) + dz, 900, 700);
            pa_painter_draw_labels (cr, &view, plan, selected, NULL, 13, FALSE);
            labels = pa_zone_index_get_labels (index, &view, 13, selected, NULL);
            g_assert_nonnull (labels);
            for (guint k = 0; k < labels->len; k++)
              {
                const PaPlacedLabel *l = &g_array_index (labels, PaPlacedLabel, k);
                double lon, lat;
                PaZone *under;
                if (!l->zone)
                  continue;
                pa_view_unproject (&view, l->x + l->w / 2.0, l->y + l->h / 2.0, &lon, &lat);
                under = pa_painter_hit_test (plan, lon, lat);
                if (under && under != l->zone
                    && !pa_geometry_contains_point (pa_zone_get_geometry (l->zone), lon, lat))
                  g_error ("%s, zoom %+d, selected %s: the name of %s stands on %s", slugs[p], dz,
                           selected ? pa_zone_get_name (selected) : "none", pa_zone_get_name (l->zone),
                           pa_zone_get_name (under));
                {
                  PaPoint lp = pa_geometry_get_cached_label_point (pa_zone_get_geometry (l->zone));
                  double ax, ay;
                  pa_view_project (&view, lp.x, lp.y, &ax, &ay);
                  g_assert_true (ax >= 0 && ay >= 0 && ax <= 900 && ay <= 700);
                }
                checked++;
              }
            cairo_destroy (cr);
            cairo_surface_destroy (s);
          }
    }
  g_assert_cmpuint (checked, >, 200);
}

/* A pan at the same zoom moves the names with the map: they are placed once for a region
 * around the view, not again for every frame (names would jump, and placing them was most
 * of a pan frame with 10,000 zones); near the region's edge the idle source places them
 * for a new region, past it a frame does, still on their own zones and for zones in view
 * only. */
static void
test_screen_labels_follow_a_pan (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), "yantai", &error);
  g_autoptr (PaZoneIndex) index = pa_zone_index_ref_for_plan (plan);
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 700);
  cairo_t *cr = cairo_create (s);
  PaBBox extent = pa_plan_get_extent (plan);
  g_autoptr (GArray) before = NULL;
  GArray *placed, *after;
  PaView view, region;
  guint common = 0;

  g_assert_no_error (error);
  pa_view_init_fit (&view, &extent, 900, 700, 30);
  pa_view_init (&view, (extent.minx + extent.maxx) / 2, (extent.miny + extent.maxy) / 2,
                floor (pa_view_get_zoom (&view)) + 1, 900, 700);
  pa_painter_draw_labels (cr, &view, plan, NULL, NULL, 13, FALSE);
  before = g_array_ref (pa_zone_index_get_labels (index, &view, 13, NULL, NULL));
  placed = pa_zone_index_get_label_region (index, &view, 13, NULL, NULL, &region);
  g_assert_nonnull (placed);

  view.cx += 37 / view.world, view.cy -= 23 / view.world;
  pa_painter_draw_labels (cr, &view, plan, NULL, NULL, 13, FALSE);
  after = pa_zone_index_get_labels (index, &view, 13, NULL, NULL);
  g_assert_true (pa_zone_index_get_label_region (index, &view, 13, NULL, NULL, &region) == placed);
  for (guint i = 0; i < after->len; i++)
    for (guint k = 0; k < before->len; k++)
      {
        const PaPlacedLabel *a = &g_array_index (after, PaPlacedLabel, i), *b = &g_array_index (before, PaPlacedLabel, k);
        if (!a->zone || a->zone != b->zone)
          continue;
        g_assert_cmpfloat_with_epsilon (a->x, b->x - 37, 1e-6);
        g_assert_cmpfloat_with_epsilon (a->y, b->y + 23, 1e-6);
        common++;
      }
  g_test_message ("%u names moved with the pan", common);
  g_assert_cmpuint (common, >=, 3);

  /* near the region's edge, in idle time, names are placed for a region around the view;
   * the names that stay where they were in the zoom's grid keep their images */
  {
    guint with_image = 0, kept = 0, steps = 0;
    GArray *now;
    for (guint k = 0; k < placed->len; k++)
      with_image += g_array_index (placed, PaPlacedLabel, k).image != NULL;
    g_assert_cmpuint (with_image, >, 0); /* made when the frames above were drawn */
    g_assert_false (pa_painter_place_labels_ahead (cr, &view, plan, NULL, NULL, 13));
    view.cx += 250 / view.world;
    /* in slices: one step starts, the others place a few hundred zones each */
    while (pa_painter_place_labels_ahead (cr, &view, plan, NULL, NULL, 13))
      steps++;
    g_assert_cmpuint (steps, >=, 2);
    now = pa_zone_index_get_label_region (index, &view, 13, NULL, NULL, &region);
    g_assert_true (now != NULL && now != placed);
    for (guint k = 0; k < now->len; k++)
      kept += g_array_index (now, PaPlacedLabel, k).image != NULL;
    g_test_message ("%u of %u names kept their image in the new region", kept, with_image);
    g_assert_cmpuint (kept, >, 0);
    placed = now;
  }

  /* far away at the same zoom: a new region */
  view.cx += 2000 / view.world;
  pa_painter_draw_labels (cr, &view, plan, NULL, NULL, 13, FALSE);
  g_assert_true (pa_zone_index_get_label_region (index, &view, 13, NULL, NULL, &region) != placed);
  cairo_destroy (cr);
  cairo_surface_destroy (s);
}

/* On raster surfaces the screen's names are painted from images made once per name;
 * they look as the names drawn as text do (a hair of rotation makes the painter draw
 * text), at scale 1 and at device scale 2. */
static void
test_screen_label_images_match_text (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), "yantai", &error);
  PaBBox extent = pa_plan_get_extent (plan);

  g_assert_no_error (error);
  for (int scale = 1; scale <= 2; scale++)
    {
      cairo_surface_t *s[2];
      PaView view;
      guint worst = 0, n_off = 0, n_ink = 0;

      pa_view_init_fit (&view, &extent, 700, 500, 30);
      pa_view_snap_to_pixels (&view, scale);
      for (int k = 0; k < 2; k++)
        {
          cairo_t *cr;
          s[k] = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 700 * scale, 500 * scale);
          cairo_surface_set_device_scale (s[k], scale, scale);
          cr = cairo_create (s[k]);
          if (k == 1)
            cairo_rotate (cr, 1e-12);
          pa_painter_draw_labels (cr, &view, plan, NULL, NULL, 13, FALSE);
          cairo_destroy (cr);
          cairo_surface_flush (s[k]);
        }
      for (int y = 0; y < 500 * scale; y++)
        for (int x = 0; x < 700 * scale; x++)
          {
            guint32 a = *(guint32 *) (cairo_image_surface_get_data (s[0]) + y * cairo_image_surface_get_stride (s[0]) + x * 4);
            guint32 b = *(guint32 *) (cairo_image_surface_get_data (s[1]) + y * cairo_image_surface_get_stride (s[1]) + x * 4);
            guint d = 0;
            for (int c = 0; c < 32; c += 8)
              d = MAX (d, (guint) ABS ((int) ((a >> c) & 0xff) - (int) ((b >> c) & 0xff)));
            worst = MAX (worst, d);
            n_off += d > 8;
            n_ink += (b >> 24) > 0x80;
          }
      g_test_message ("scale %d: %u pixels of names, worst difference %u, %u off by more than 8", scale, n_ink,
                      worst, n_off);
      g_assert_cmpuint (n_ink, >, 2000);
      /* at scale 2 the hair of rotation alone moves some glyphs of the reference by a
       * device pixel (pango rounds their places differently); an image of the wrong
       * resolution or place differs at most pixels of ink */
      g_assert_cmpuint (n_off, <=, n_ink / (scale == 1 ? 100 : 25));
      cairo_surface_destroy (s[0]);
      cairo_surface_destroy (s[1]);
    }
}

/* A square zone of side @d degrees centred on (lon, lat). */
static PaGeometry *
square (double lon, double lat, double d)
{
  PaGeometry *g = pa_geometry_new ();
  pa_geometry_begin_polygon (g);
  pa_geometry_begin_ring (g);
  pa_geometry_add_point (g, lon - d / 2, lat - d / 2);
  pa_geometry_add_point (g, lon + d / 2, lat - d / 2);
  pa_geometry_add_point (g, lon + d / 2, lat + d / 2);
  pa_geometry_add_point (g, lon - d / 2, lat + d / 2);
  pa_geometry_add_point (g, lon - d / 2, lat - d / 2);
  return g;
}

/* Alpha of the pixel at (lon, lat) after drawing @plan's zones on a clear surface. */
static guint
zone_alpha_at (PaPlan *plan, const PaView *view, double lon, double lat)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) view->width, (int) view->height);
  cairo_t *cr = cairo_create (s);
  double x, y;
  guint32 v;

  pa_painter_draw_zones (cr, view, plan, NULL, 1.0);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  pa_view_project (view, lon, lat, &x, &y);
  v = *(guint32 *) (cairo_image_surface_get_data (s) + (int) y * cairo_image_surface_get_stride (s) + (int) x * 4);
  cairo_surface_destroy (s);
  return v >> 24;
}

/* The painter keeps an index of the zones by place between frames: a zone moved by an
 * edit (assigned in place, as after a reload) is drawn and hit at its new place, not the
 * old, and a zone added later is found; zones among thousands are found by place. */
static void
test_index_follows_edits (void)
{
  g_autoptr (PaPlan) plan = pa_plan_new (1, "grid", "Grid", NULL);
  g_autoptr (PaZone) moved = NULL, fresh = NULL, late = NULL;
  g_autoptr (PaGeometry) there = square (114.305, 22.605, 0.004);
  PaView view;

  pa_plan_add_role (plan, "core", "核心");
  /* 50 × 50 zones of 0.004° on a 0.01° grid */
  for (int r = 0; r < 50; r++)
    for (int c = 0; c < 50; c++)
      {
        g_autofree char *key = g_strdup_printf ("z%d-%d", r, c);
        g_autoptr (PaZone) z = pa_zone_new (r * 50 + c + 1, key, key, "core");
        g_autoptr (PaGeometry) g = square (114.0 + c * 0.01, 22.3 + r * 0.01, 0.004);
        pa_zone_set_geometry (z, g);
        pa_plan_add_zone (plan, z);
        if (r == 10 && c == 10)
          moved = g_object_ref (z);
      }
  pa_view_init (&view, 114.1, 22.4, 13, 400, 300);
  g_assert_cmpuint (zone_alpha_at (plan, &view, 114.10, 22.40), >, 0); /* zone (10, 10) */
  g_assert_cmpuint (zone_alpha_at (plan, &view, 114.105, 22.405), ==, 0); /* between zones */
  g_assert_true (pa_painter_hit_test (plan, 114.10, 22.40) == moved);
  g_assert_null (pa_painter_hit_test (plan, 114.105, 22.405));
  g_assert_true (pa_painter_hit_test (plan, 114.49, 22.79) != NULL); /* the far corner's zone */

  /* the edit: zone (10, 10) moves into the gap at (114.305, 22.605), 20 cells away */
  fresh = pa_zone_new (pa_zone_get_id (moved), pa_zone_get_key (moved), pa_zone_get_name (moved), "core");
  pa_zone_set_geometry (fresh, there);
  pa_zone_assign (moved, fresh);
  g_assert_cmpuint (zone_alpha_at (plan, &view, 114.10, 22.40), ==, 0);
  g_assert_null (pa_painter_hit_test (plan, 114.10, 22.40));
  pa_view_init (&view, 114.3, 22.6, 13, 400, 300);
  g_assert_cmpuint (zone_alpha_at (plan, &view, 114.305, 22.605), >, 0);
  g_assert_true (pa_painter_hit_test (plan, 114.305, 22.605) == moved);

  /* zoomed out the zones are dots, stamped on raster surfaces: at each zone, none
   * beyond the grid */
  pa_view_init (&view, 114.25, 22.55, 9, 400, 300);
  g_assert_cmpuint (zone_alpha_at (plan, &view, 114.305, 22.605), >, 0);
  g_assert_cmpuint (zone_alpha_at (plan, &view, 114.0, 22.3), >, 0);
  g_assert_cmpuint (zone_alpha_at (plan, &view, 114.0, 22.2), ==, 0);
  pa_view_init (&view, 114.3, 22.6, 13, 400, 300);

  /* a zone added to the plan after the index was made */
  late = pa_zone_new (9999, "late", "late", "core");
  {
    g_autoptr (PaGeometry) g = square (114.315, 22.615, 0.004);
    pa_zone_set_geometry (late, g);
  }
  pa_plan_add_zone (plan, late);
  g_assert_true (pa_painter_hit_test (plan, 114.315, 22.615) == late);
  g_assert_cmpuint (zone_alpha_at (plan, &view, 114.315, 22.615), >, 0);
}

/* Colour-vision deficiency, simulated (Machado, Oliveira and Fernandes 2009, severity 1,
 * on linear RGB), and the CIE L*a*b* distance between two colours. */
static double
to_linear (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static void
to_lab (const double lin[3], double lab[3])
{
  double x = (0.4124 * lin[0] + 0.3576 * lin[1] + 0.1805 * lin[2]) / 0.95047;
  double y = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2];
  double z = (0.0193 * lin[0] + 0.1192 * lin[1] + 0.9505 * lin[2]) / 1.08883;
  double f[3], v[3] = { x, y, z };
  for (int i = 0; i < 3; i++)
    f[i] = v[i] > 0.008856 ? cbrt (v[i]) : 7.787 * v[i] + 16.0 / 116;
  lab[0] = 116 * f[1] - 16, lab[1] = 500 * (f[0] - f[1]), lab[2] = 200 * (f[1] - f[2]);
}

static const double vision[4][3][3] = {
  { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } },
  { { 0.367322, 0.860646, -0.227968 }, { 0.280085, 0.672501, 0.047413 }, { -0.011820, 0.042940, 0.968881 } },
  { { 0.152286, 1.052583, -0.204868 }, { 0.114503, 0.786281, 0.099216 }, { -0.003882, -0.048116, 1.051998 } },
  { { 1.255528, -0.076749, -0.178779 }, { -0.078411, 0.930809, 0.147602 }, { 0.004733, 0.691367, 0.303900 } },
};
static const char *const vision_names[] = { "normal vision", "deuteranopia", "protanopia", "tritanopia" };

/* A role colour as a zone fill shows it over the land, as seen with @v. */
static void
seen (PaColor c, double alpha, int v, double lab[3])
{
  PaColor land = pa_painter_land_color ();
  double rgb[3] = { alpha * c.r + (1 - alpha) * land.r, alpha * c.g + (1 - alpha) * land.g,
                    alpha * c.b + (1 - alpha) * land.b };
  double lin[3], out[3];
  for (int i = 0; i < 3; i++)
    lin[i] = to_linear (rgb[i]);
  for (int i = 0; i < 3; i++)
    out[i] = CLAMP (vision[v][i][0] * lin[0] + vision[v][i][1] * lin[1] + vision[v][i][2] * lin[2], 0, 1);
  to_lab (out, lab);
}

static double
distance (const double a[3], const double b[3])
{
  return sqrt ((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
}

/* The role colours stay apart for colour-blind readers: the three every plan uses by at
 * least ΔE 15, all five roles by at least 8, and every fill from the bare land by 10. */
static void
test_palette_survives_colour_blindness (void)
{
  for (int v = 0; v < 4; v++)
    {
      double land[3];
      seen ((PaColor){ 0, 0, 0 }, 0, v, land);
      for (guint i = 0; i < 5; i++)
        {
          double a[3];
          seen (pa_painter_palette_color (i), PA_PAINTER_FILL_ALPHA, v, a);
          if (distance (a, land) < 10)
            g_test_fail_printf ("%s: role %u hardly shows on the land (ΔE %.1f)", vision_names[v], i,
                                distance (a, land));
          for (guint j = i + 1; j < 5; j++)
            {
              double b[3], d;
              seen (pa_painter_palette_color (j), PA_PAINTER_FILL_ALPHA, v, b);
              d = distance (a, b);
              if (d < (j < 3 ? 15 : 8))
                g_test_fail_printf ("%s: roles %u and %u look alike (ΔE %.1f)", vision_names[v], i, j, d);
            }
        }
    }
}

/* The locator's red mark: where the figure is on the map of China. */
static guint
count_locator_red (cairo_surface_t *s)
{
  int w = cairo_image_surface_get_width (s), h = cairo_image_surface_get_height (s);
  int stride = cairo_image_surface_get_stride (s);
  guint n = 0;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 c = *(guint32 *) (cairo_image_surface_get_data (s) + y * stride + x * 4);
        guint r = (c >> 16) & 0xff, g = (c >> 8) & 0xff, b = c & 0xff;
        n += r > 180 && g < 70 && b < 70;
      }
  return n;
}

static cairo_surface_t *
figure_png (PaPlan *plan, PaBasemap *basemap, gboolean locator)
{
  g_auto (PaExportOptions) o;
  cairo_surface_t *s;
  cairo_t *cr;
  double pw, ph;

  pa_export_options_init (&o);
  o.show_locator = locator;
  pa_export_options_get_page_pt (&o, &pw, &ph);
  s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) pw * 2, (int) ph * 2);
  cr = cairo_create (s);
  cairo_scale (cr, 2, 2);
  pa_figure_draw (cr, plan, basemap, &o, pw, ph);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  return s;
}

/* A figure marks where it is on a small map of China, in a corner that covers no zone;
 * Pudong's mark lies at Shanghai, east of Shenzhen's and south of Yantai's. */
static void
test_figure_locator_marks_the_area (void)
{
  g_autoptr (PaBasemap) basemap = continuous_basemap ();
  const char *slugs[] = { "yantai", "shenzhen", "pudong" };
  double mark_x[3], mark_y[3];

  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), slugs[i], &error);
      cairo_surface_t *with = figure_png (plan, basemap, TRUE), *without = figure_png (plan, basemap, FALSE);
      int w = cairo_image_surface_get_width (with), h = cairo_image_surface_get_height (with);
      int stride = cairo_image_surface_get_stride (with);
      double sx = 0, sy = 0, n = 0;
      guint red_without = count_locator_red (without);

      /* the red of a zone's role colour never reaches the locator's pure red */
      g_assert_cmpuint (count_locator_red (with), >, red_without + 20);
      /* the mark: pixels red in one and not in the other */
      for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
          {
            guint32 a = *(guint32 *) (cairo_image_surface_get_data (with) + y * stride + x * 4);
            guint32 b = *(guint32 *) (cairo_image_surface_get_data (without) + y * stride + x * 4);
            guint r = (a >> 16) & 0xff, g = (a >> 8) & 0xff, bl = a & 0xff;
            if (a != b && r > 180 && g < 70 && bl < 70)
              sx += x, sy += y, n++;
          }
      g_assert_cmpfloat (n, >, 0);
      mark_x[i] = sx / n, mark_y[i] = sy / n;
      cairo_surface_destroy (with);
      cairo_surface_destroy (without);
    }
  /* the three take the same free corner (top right), so their marks compare */
  for (guint i = 1; i < 3; i++)
    {
      g_assert_cmpfloat (fabs (mark_x[i] - mark_x[0]), <, 200);
      g_assert_cmpfloat (fabs (mark_y[i] - mark_y[0]), <, 200);
    }
  g_assert_cmpfloat (mark_y[2], >, mark_y[0]); /* Shanghai south of Yantai */
  g_assert_cmpfloat (mark_x[2], >, mark_x[1]); /* Shanghai east of Shenzhen */
  g_assert_cmpfloat (mark_y[2], <, mark_y[1]); /* and north of it */
}

/* A figure sets off the area its plan plans: the district when every zone lies in one
 * (Minhang's, Pudong's plans), else the zones' city, all its districts (Yantai, Shenzhen). */
static void
test_plan_area_is_district_or_city (void)
{
  g_autoptr (PaBasemap) basemap = continuous_basemap ();
  const struct
  {
    const char *slug;
    double in_lon, in_lat, out_lon, out_lat;
  } cases[] = {
    { "pudong", 121.55, 31.22, 121.45, 31.22 },   /* 浦东, not 浦西's 黄浦 */
    { "minhang", 121.38, 31.11, 121.25, 31.00 },  /* 闵行, not 松江 */
    { "shenzhen", 114.05, 22.55, 114.17, 22.30 }, /* 福田, not 香港 */
    { "yantai", 120.40, 37.36, 122.10, 37.45 },   /* 招远 (no zone of its own there), not 威海 */
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), cases[i].slug, &error);
      PaGeometry *area = pa_figure_plan_area (basemap, plan);
      g_assert_nonnull (area);
      g_assert_true (pa_geometry_contains_point (area, cases[i].in_lon, cases[i].in_lat));
      g_assert_false (pa_geometry_contains_point (area, cases[i].out_lon, cases[i].out_lat));
      /* made once, kept with the basemap */
      g_assert_true (pa_figure_plan_area (basemap, plan) == area);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/render/tiles-without-basemap-layers-show-no-data", test_tiles_without_basemap_layers_show_no_data);
  g_test_add_func ("/render/basemap-is-land-or-water-everywhere", test_basemap_is_land_or_water_everywhere);
  g_test_add_func ("/render/basemap-shows-rivers-and-reclaimed-land", test_basemap_shows_rivers_and_reclaimed_land);
  g_test_add_func ("/render/basemap-tier-edges-draw-no-line", test_basemap_tier_edges_draw_no_line);
  g_test_add_func ("/render/layer-names-under-the-windows-plan", test_layer_names_under_the_windows_plan);
  g_test_add_func ("/render/labels-only-for-zones-in-view", test_labels_only_for_zones_in_view);
  g_test_add_func ("/render/screen-labels-belong-to-their-zones", test_screen_labels_belong_to_their_zones);
  g_test_add_func ("/render/screen-labels-follow-a-pan", test_screen_labels_follow_a_pan);
  g_test_add_func ("/render/screen-label-images-match-text", test_screen_label_images_match_text);
  g_test_add_func ("/render/index-follows-edits", test_index_follows_edits);
  g_test_add_func ("/render/palette-survives-colour-blindness", test_palette_survives_colour_blindness);
  g_test_add_func ("/render/figure-locator-marks-the-area", test_figure_locator_marks_the_area);
  g_test_add_func ("/render/plan-area-is-district-or-city", test_plan_area_is_district_or_city);
  return g_test_run ();
}
