/* test-geometry.c — GeoPackage binary, WKB, containment, Web Mercator, views, GCJ-02,
 * PROJ reprojection and GeoJSON coordinates */
#include "config.h"

#include <math.h>
#include <string.h>

#include "geo/pa-gcj02.h"
#include "geo/pa-geojson.h"
#include "geo/pa-geos.h"
#include "geo/pa-gpkg-blob.h"
#include "geo/pa-mercator.h"
#include "geo/pa-reproject.h"
#include "geo/pa-view.h"

/* A square with a square hole, and a separate triangle. */
static PaGeometry *
sample (void)
{
  PaGeometry *g = pa_geometry_new ();
  pa_geometry_begin_polygon (g);
  pa_geometry_begin_ring (g);
  pa_geometry_add_point (g, 121.0, 37.0);
  pa_geometry_add_point (g, 122.0, 37.0);
  pa_geometry_add_point (g, 122.0, 38.0);
  pa_geometry_add_point (g, 121.0, 38.0);
  pa_geometry_add_point (g, 121.0, 37.0);
  pa_geometry_begin_ring (g);
  pa_geometry_add_point (g, 121.4, 37.4);
  pa_geometry_add_point (g, 121.4, 37.6);
  pa_geometry_add_point (g, 121.6, 37.6);
  pa_geometry_add_point (g, 121.6, 37.4);
  pa_geometry_add_point (g, 121.4, 37.4);
  pa_geometry_begin_polygon (g);
  pa_geometry_begin_ring (g);
  pa_geometry_add_point (g, 114.0, 22.5);
  pa_geometry_add_point (g, 114.5, 22.5);
  pa_geometry_add_point (g, 114.25, 22.8);
  pa_geometry_add_point (g, 114.0, 22.5);
  return g;
}

static void
test_blob_round_trip (void)
{
  g_autoptr (PaGeometry) g = sample ();
  g_autoptr (GBytes) blob = pa_gpkg_blob_from_geometry (g, 4326);
  g_autoptr (PaGeometry) back = NULL;
  g_autoptr (GError) error = NULL;
  const guint8 *d = g_bytes_get_data (blob, NULL);
  gint32 srs = 0;
  PaBBox env;
  gboolean empty = TRUE;

  /* header: "GP", version 0, flags = little-endian + xy envelope, srs 4326 */
  g_assert_cmpint (d[0], ==, 'G');
  g_assert_cmpint (d[1], ==, 'P');
  g_assert_cmpint (d[2], ==, 0);
  g_assert_cmpint (d[3], ==, 0x03);
  g_assert_cmpint (d[4] | d[5] << 8, ==, 4326);
  /* WKB after the 8-byte header and 32-byte envelope: LE MultiPolygon of 2 */
  g_assert_cmpint (d[40], ==, 1);
  g_assert_cmpint (d[41], ==, 6);
  g_assert_cmpint (d[45], ==, 2);

  back = pa_gpkg_blob_to_geometry (d, g_bytes_get_size (blob), &srs, &error);
  g_assert_no_error (error);
  g_assert_cmpint (srs, ==, 4326);
  g_assert_true (pa_geometry_equal (g, back));
  g_assert_true (pa_gpkg_blob_read_envelope (d, g_bytes_get_size (blob), &env, &empty));
  g_assert_false (empty);
  g_assert_cmpfloat (env.minx, ==, 114.0);
  g_assert_cmpfloat (env.maxx, ==, 122.0);
  g_assert_cmpfloat (env.miny, ==, 22.5);
  g_assert_cmpfloat (env.maxy, ==, 38.0);
}

/* Big-endian ISO WKB Polygon Z, as some peers write it: Z must be dropped, not misread. */
static void
test_wkb_big_endian_polygon_z (void)
{
  static const double pts[][3] = { { 1, 2, 9 }, { 3, 2, 9 }, { 3, 4, 9 }, { 1, 2, 9 } };
  GByteArray *b = g_byte_array_new ();
  guint8 be = 0;
  guint32 type = GUINT32_TO_BE (1003), nr = GUINT32_TO_BE (1), np = GUINT32_TO_BE (4);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (PaGeometry) g = NULL;
  g_autoptr (GError) error = NULL;
  guint n;
  const PaPoint *ring;

  g_byte_array_append (b, &be, 1);
  g_byte_array_append (b, (guint8 *) &type, 4);
  g_byte_array_append (b, (guint8 *) &nr, 4);
  g_byte_array_append (b, (guint8 *) &np, 4);
  for (int i = 0; i < 4; i++)
    for (int k = 0; k < 3; k++)
      {
        guint64 v;
        memcpy (&v, &pts[i][k], 8);
        v = GUINT64_TO_BE (v);
        g_byte_array_append (b, (guint8 *) &v, 8);
      }
  bytes = g_byte_array_free_to_bytes (b);
  g = pa_wkb_to_geometry (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  ring = pa_geometry_get_ring (g, 0, 0, &n);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpfloat (ring[1].x, ==, 3);
  g_assert_cmpfloat (ring[2].y, ==, 4);

  /* cut short: an error, not a crash */
  g_clear_pointer (&g, pa_geometry_unref);
  g = pa_wkb_to_geometry (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) - 5, &error);
  g_assert_null (g);
  g_assert_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID);
}

/* The zone index's boxes come from the lon/lat box's corners: the same box as that of
 * every point projected, for shapes north and south of the equator and across it. */
static void
test_mercator_box_from_corners (void)
{
  const double centres[][2] = { { 121.4, 37.5 }, { 113.9, 22.5 }, { -70.6, -33.4 }, { 10.0, -0.01 } };
  for (guint c = 0; c < G_N_ELEMENTS (centres); c++)
    {
      g_autoptr (PaGeometry) g = pa_geometry_new ();
      PaBBox ll, expected, got;
      pa_geometry_begin_polygon (g);
      pa_geometry_begin_ring (g);
      for (int i = 0; i < 64; i++)
        {
          double a = i * G_PI / 32, r = 0.05 + 0.03 * (i % 3);
          pa_geometry_add_point (g, centres[c][0] + r * cos (a), centres[c][1] + r * sin (a));
        }
      ll = pa_geometry_get_bbox (g);
      expected = pa_geometry_get_bbox (pa_geometry_get_mercator (g));
      got = pa_mercator_bbox_from_lonlat (&ll);
      g_assert_cmpfloat_with_epsilon (got.minx, expected.minx, 1e-15);
      g_assert_cmpfloat_with_epsilon (got.maxx, expected.maxx, 1e-15);
      g_assert_cmpfloat_with_epsilon (got.miny, expected.miny, 1e-15);
      g_assert_cmpfloat_with_epsilon (got.maxy, expected.maxy, 1e-15);
      g_assert_cmpfloat (got.miny, <, got.maxy);
    }
}

static void
test_contains_respects_holes (void)
{
  g_autoptr (PaGeometry) g = sample ();
  g_assert_true (pa_geometry_contains_point (g, 121.2, 37.2));
  g_assert_false (pa_geometry_contains_point (g, 121.5, 37.5)); /* in the hole */
  g_assert_true (pa_geometry_contains_point (g, 114.25, 22.6)); /* second part */
  g_assert_false (pa_geometry_contains_point (g, 118.0, 30.0));
  g_assert_cmpfloat_with_epsilon (pa_geometry_get_planar_area (g), 1.0 - 0.04 + 0.075, 1e-9);
}

static void
test_disc_clipped_to_parent (void)
{
  g_autoptr (PaGeometry) parent = sample ();
  g_autoptr (PaGeometry) disc = pa_geometry_new_disc (121.02, 37.5, 5.0);
  g_autoptr (PaGeometry) clipped = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (pa_geos_covers (parent, disc, 0)); /* sticks out west of 121° */
  clipped = pa_geos_intersection (disc, parent, &error);
  g_assert_no_error (error);
  g_assert_true (pa_geos_covers (parent, clipped, 1e-9));
  g_assert_cmpfloat (pa_geometry_get_bbox (clipped).minx, >=, 121.0 - 1e-12);
}

static void
test_mercator_known_values (void)
{
  double x, y, lon, lat;

  pa_mercator_from_lonlat (0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0.5, 1e-12);
  pa_mercator_from_lonlat (-180, PA_MERCATOR_MAX_LAT, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (y, 0, 1e-7);
  /* Yantai: tile 6859/3175 at zoom 13 holds (121.45, 37.46), as PROJ (cs2cs) gives it:
   * echo "37.46 121.45" | cs2cs EPSG:4326 EPSG:3857, then (m + 20037508.34) / 40075016.69 · 8192 */
  pa_mercator_from_lonlat (121.45, 37.46, &x, &y);
  g_assert_cmpint ((int) floor (x * 8192), ==, 6859);
  g_assert_cmpint ((int) floor (y * 8192), ==, 3175);
  pa_mercator_to_lonlat (x, y, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 121.45, 1e-9);
  g_assert_cmpfloat_with_epsilon (lat, 37.46, 1e-9);
  /* 156 543.03 m per pixel at zoom 0 on the equator */
  g_assert_cmpfloat_with_epsilon (pa_mercator_ground_resolution (0, 0), 156543.034, 1e-3);
  pa_mercator_metres_to_lonlat (12695988, 2574073, &lon, &lat);
  g_assert_cmpfloat_with_epsilon (lon, 114.05, 1e-3);
  g_assert_cmpfloat_with_epsilon (lat, 22.52, 1e-3);
}

static void
test_view_fit_and_round_trip (void)
{
  PaBBox box = { 120.5, 36.8, 121.9, 37.9 };
  PaView v;
  double x, y, lon, lat;
  PaBBox shown;

  pa_view_init_fit (&v, &box, 800, 500, 20);
  pa_view_project (&v, box.minx, box.maxy, &x, &y);
  g_assert_cmpfloat (x, >=, 20 - 1e-6);
  g_assert_cmpfloat (y, >=, 20 - 1e-6);
  pa_view_project (&v, box.maxx, box.miny, &x, &y);
  g_assert_cmpfloat (x, <=, 780 + 1e-6);
  g_assert_cmpfloat (y, <=, 480 + 1e-6);
  pa_view_unproject (&v, 123, 321, &lon, &lat);
  pa_view_project (&v, lon, lat, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, 123, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 321, 1e-6);
  shown = pa_view_get_bbox (&v);
  g_assert_true (shown.minx <= box.minx && shown.maxx >= box.maxx);

  /* a tile's view puts its own corners at 0 and 256 */
  pa_view_init_tile (&v, 6859, 3175, 13, 256);
  pa_view_project (&v, 121.45, 37.46, &x, &y);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (x, <, 256);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (y, <, 256);
}

/* The published pair (wandergis/coordtransform's test): forward exact to 1e-9°, the
 * iterated inverse back to 1e-7°; a few hundred metres of offset at the plans' cities;
 * none outside China. */
static void
test_gcj02_known_pair_and_round_trip (void)
{
  const double cities[][2] = { { 121.45, 37.46 }, { 114.05, 22.54 }, { 121.47, 31.23 } };
  double gx, gy, wx, wy;

  pa_gcj02_from_wgs84 (116.404, 39.915, &gx, &gy);
  g_assert_cmpfloat_with_epsilon (gx, 116.41024449916938, 1e-9);
  g_assert_cmpfloat_with_epsilon (gy, 39.91640428150164, 1e-9);
  g_assert_true (pa_gcj02_to_wgs84 (gx, gy, &wx, &wy));
  g_assert_cmpfloat_with_epsilon (wx, 116.404, 1e-7);
  g_assert_cmpfloat_with_epsilon (wy, 39.915, 1e-7);
  for (guint i = 0; i < G_N_ELEMENTS (cities); i++)
    {
      double shift;
      pa_gcj02_from_wgs84 (cities[i][0], cities[i][1], &gx, &gy);
      shift = pa_haversine_m (cities[i][0], cities[i][1], gx, gy);
      g_assert_cmpfloat (shift, >, 100);
      g_assert_cmpfloat (shift, <, 1000);
      g_assert_true (pa_gcj02_to_wgs84 (gx, gy, &wx, &wy));
      g_assert_cmpfloat_with_epsilon (wx, cities[i][0], 1e-7);
      g_assert_cmpfloat_with_epsilon (wy, cities[i][1], 1e-7);
    }
  pa_gcj02_from_wgs84 (2.35, 48.85, &gx, &gy); /* Paris */
  g_assert_cmpfloat (gx, ==, 2.35);
  g_assert_cmpfloat (gy, ==, 48.85);
  g_assert_false (pa_gcj02_to_wgs84 (NAN, 1, &wx, &wy));
}

/* EPSG:3857 through PROJ agrees with the app's own spherical formula, in lon/lat order
 * although EPSG:4326 declares latitude first; a name PROJ does not know is an error. */
static void
test_reproject_3857_lon_lat_order (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaReprojection) r = pa_reprojection_new ("EPSG:3857", &error);
  g_autoptr (PaReprojection) bad = NULL;
  double x = 12695987.924973, y = 2574073.048427, lon, lat;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (pa_reprojection_get_source_name (r), "Pseudo-Mercator"));
  pa_mercator_metres_to_lonlat (x, y, &lon, &lat);
  g_assert_true (pa_reprojection_point (r, &x, &y));
  g_assert_cmpfloat_with_epsilon (x, lon, 1e-9);
  g_assert_cmpfloat_with_epsilon (y, lat, 1e-9);
  g_assert_cmpfloat_with_epsilon (x, 114.05, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, 22.52, 1e-6);
  bad = pa_reprojection_new ("EPSG:999999", &error);
  g_assert_null (bad);
  g_assert_error (error, PA_GEO_ERROR, PA_GEO_ERROR_UNSUPPORTED);
}

/* Written GeoJSON orients shells anticlockwise and holes clockwise whatever the input,
 * with at most seven decimals; read back, it is the same polygon. */
static void
test_geojson_write_orients_and_reads_back (void)
{
  g_autoptr (PaGeometry) g = pa_geometry_new ();
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (PaGeometry) back = NULL;
  guint n;
  const PaPoint *shell, *hole;

  pa_geometry_begin_polygon (g);
  pa_geometry_begin_ring (g); /* clockwise shell */
  pa_geometry_add_point (g, 121.0, 37.0);
  pa_geometry_add_point (g, 121.0, 37.5);
  pa_geometry_add_point (g, 121.5, 37.5);
  pa_geometry_add_point (g, 121.5, 37.0);
  pa_geometry_add_point (g, 121.0, 37.0);
  pa_geometry_begin_ring (g); /* anticlockwise hole */
  pa_geometry_add_point (g, 121.1, 37.1);
  pa_geometry_add_point (g, 121.2, 37.1);
  pa_geometry_add_point (g, 121.2, 37.2);
  pa_geometry_add_point (g, 121.1, 37.2);
  pa_geometry_add_point (g, 121.1, 37.1);
  pa_geojson_append_multipolygon (out, g);
  g_assert_nonnull (strstr (out->str, "[[[[121,37],[121.5,37],[121.5,37.5],[121,37.5],[121,37]],"
                                      "[[121.1,37.1],[121.1,37.2],[121.2,37.2],[121.2,37.1],[121.1,37.1]]]]"));
  g_assert_true (json_parser_load_from_data (parser, out->str, -1, &error));
  back = pa_geojson_to_geometry (json_node_get_object (json_parser_get_root (parser)), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pa_geometry_get_n_rings (back, 0), ==, 2);
  shell = pa_geometry_get_ring (back, 0, 0, &n);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpfloat (shell[1].x, ==, 121.5);
  hole = pa_geometry_get_ring (back, 0, 1, &n);
  g_assert_cmpfloat (hole[1].y, ==, 37.2);
  g_assert_cmpfloat_with_epsilon (pa_geometry_get_planar_area (back), pa_geometry_get_planar_area (g), 1e-12);
}

/* A position that is not two numbers is refused, with where it is. */
static void
test_geojson_refuses_bad_positions (void)
{
  const char *bad[] = {
    "{\"type\":\"Polygon\",\"coordinates\":[[[121,37],[\"121\",37.5],[121.5,37.5],[121,37]]]}",
    "{\"type\":\"Polygon\",\"coordinates\":[[[121,37],[121],[121.5,37.5],[121,37]]]}",
    "{\"type\":\"Polygon\",\"coordinates\":[[[121,37],null,[121.5,37.5],[121,37]]]}",
    "{\"type\":\"Polygon\"}",
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GError) error = NULL;
      g_autoptr (PaGeometry) g = NULL;
      g_assert_true (json_parser_load_from_data (parser, bad[i], -1, NULL));
      g = pa_geojson_to_geometry (json_node_get_object (json_parser_get_root (parser)), &error);
      g_assert_null (g);
      g_assert_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID);
      if (i < 3)
        g_assert_nonnull (strstr (error->message, "position 2 of ring 1"));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/geometry/gpkg-blob-round-trip", test_blob_round_trip);
  g_test_add_func ("/geometry/wkb-big-endian-polygon-z", test_wkb_big_endian_polygon_z);
  g_test_add_func ("/geometry/contains-respects-holes", test_contains_respects_holes);
  g_test_add_func ("/geometry/mercator-box-from-corners", test_mercator_box_from_corners);
  g_test_add_func ("/geometry/disc-clipped-to-parent", test_disc_clipped_to_parent);
  g_test_add_func ("/mercator/known-values", test_mercator_known_values);
  g_test_add_func ("/view/fit-and-round-trip", test_view_fit_and_round_trip);
  g_test_add_func ("/gcj02/known-pair-and-round-trip", test_gcj02_known_pair_and_round_trip);
  g_test_add_func ("/reproject/3857-in-lon-lat-order", test_reproject_3857_lon_lat_order);
  g_test_add_func ("/geojson/write-orients-rings-and-reads-back", test_geojson_write_orients_and_reads_back);
  g_test_add_func ("/geojson/refuses-bad-positions", test_geojson_refuses_bad_positions);
  return g_test_run ();
}
