/* test-mbtiles.c — raster tile packs (MBTiles) as other tools write them: opened, refused,
 * and drawn where their tiles belong. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "geo/pa-mercator.h"
#include "pa-test-util.h"
#include "render/pa-painter.h"
#include "store/pa-mbtiles.h"

static PaMbtiles *
open_shared (const char *name, char **path_out, GError **error)
{
  g_autofree char *path = pa_test_shared_file ("testdata", name);
  PaMbtiles *pack;
  if (!path)
    return NULL;
  pack = pa_mbtiles_open (path, error);
  if (path_out)
    *path_out = g_steal_pointer (&path);
  return pack;
}

/* GDAL's raster pack: metadata with no centre, TMS rows, 20 PNG tiles at zooms 8–10. */
static void
test_gdal_pack_opens (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (PaMbtiles) pack = open_shared ("yantai-raster.mbtiles", &path, &error);
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr (GBytes) tile = NULL, none = NULL;
  const PaBBox *b;
  double lon, lat, zoom, mx, my;

  if (!path)
    return;
  before = pa_test_file_checksum (path);
  g_assert_no_error (error);
  g_assert_cmpstr (pa_mbtiles_get_name (pack), ==, "Yantai test raster");
  g_assert_cmpstr (pa_mbtiles_get_format (pack), ==, "png");
  g_assert_true (pa_mbtiles_is_overlay (pack));
  g_assert_cmpint (pa_mbtiles_get_min_zoom (pack), ==, 8);
  g_assert_cmpint (pa_mbtiles_get_max_zoom (pack), ==, 10);
  b = pa_mbtiles_get_bounds (pack);
  g_assert_cmpfloat_with_epsilon (b->minx, 120.9, 1e-6);
  g_assert_cmpfloat_with_epsilon (b->maxy, 37.7, 1e-6);
  /* no centre row: the middle of the bounds */
  pa_mbtiles_get_center (pack, &lon, &lat, &zoom);
  g_assert_cmpfloat_with_epsilon (lon, 121.4, 1e-3);
  g_assert_cmpfloat_with_epsilon (lat, 37.4, 1e-3);
  g_assert_cmpfloat (zoom, ==, 8);

  /* the web's tile over the middle of the pack at zoom 10 (row counted from the north) */
  pa_mercator_from_lonlat (121.4, 37.4, &mx, &my);
  tile = pa_mbtiles_read_tile (pack, 10, (int) (mx * 1024), (int) (my * 1024), &error);
  g_assert_no_error (error);
  g_assert_nonnull (tile);
  g_assert_cmpmem (g_bytes_get_data (tile, NULL), 4, "\x89PNG", 4);
  /* the same row counted from the south is off the data: no tile, no error */
  none = pa_mbtiles_read_tile (pack, 10, (int) (mx * 1024), 1023 - (int) (my * 1024), &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_assert_null (pa_mbtiles_read_tile (pack, 11, 0, 0, &error));
  g_assert_no_error (error);

  g_clear_object (&pack);
  after = pa_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
assert_refused (const char *name, gint code, const char *says)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (PaMbtiles) pack = open_shared (name, &path, &error);
  if (!path)
    return;
  g_assert_null (pack);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", name, error->message);
  g_assert_error (error, PA_STORE_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, says));
}

static void
test_vector_pack_refused (void)
{
  /* told before any tile reaches an image decoder */
  assert_refused ("broken-vector.mbtiles", PA_STORE_ERROR_INVALID, "vector tiles (pbf) are not supported");
}

static void
test_other_files_refused (void)
{
  assert_refused ("broken-not-sqlite.gpkg", PA_STORE_ERROR_NOT_SQLITE, "not an MBTiles tile pack");
  assert_refused ("qgis-style-4326.gpkg", PA_STORE_ERROR_INVALID, "not an MBTiles tile pack");
  assert_refused ("zones.geojson", PA_STORE_ERROR_NOT_SQLITE, "not an SQLite database");
}

static void
test_missing_file_named (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = pa_test_temp_path ("nowhere.mbtiles");
  g_autoptr (PaMbtiles) pack = pa_mbtiles_open (path, &error);
  g_assert_null (pack);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A copy of the GDAL pack with @sql run on it. */
static char *
edited_copy (const char *name, const char *sql)
{
  g_autofree char *src = pa_test_shared_file ("testdata", "yantai-raster.mbtiles");
  g_autofree char *contents = NULL;
  g_autofree char *path = pa_test_temp_path (name);
  sqlite3 *db = NULL;
  gsize len;

  if (!src)
    return NULL;
  g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) len, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return g_steal_pointer (&path);
}

/* Metadata that leaves out bounds and zooms (or gets them wrong): worked out from the tiles. */
static void
test_missing_metadata_worked_out (void)
{
  g_autofree char *path = edited_copy ("bare.mbtiles",
                                       "DELETE FROM metadata WHERE name IN ('bounds', 'minzoom', 'format'); "
                                       "UPDATE metadata SET value = 'x' WHERE name = 'maxzoom';");
  g_autoptr (GError) error = NULL;
  g_autoptr (PaMbtiles) pack = NULL;
  const PaBBox *b;

  if (!path)
    return;
  pack = pa_mbtiles_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pa_mbtiles_get_min_zoom (pack), ==, 8);
  g_assert_cmpint (pa_mbtiles_get_max_zoom (pack), ==, 10);
  g_assert_cmpstr (pa_mbtiles_get_format (pack), ==, "png");
  /* the two zoom-8 tiles: whole tiles around the data */
  b = pa_mbtiles_get_bounds (pack);
  g_assert_cmpfloat (b->minx, <=, 120.9);
  g_assert_cmpfloat (b->maxx, >=, 121.89);
  g_assert_cmpfloat (b->miny, <=, 37.1);
  g_assert_cmpfloat (b->maxy, >=, 37.7);
  g_assert_cmpfloat (b->maxx - b->minx, <, 3);
}

/* A pack in WAL mode is read without a -wal or -shm left beside it (SQLite made both;
 * the mbtiles fuzz target found it). */
static void
test_wal_pack_leaves_nothing_beside_it (void)
{
  g_autofree char *path = edited_copy ("wal.mbtiles", "PRAGMA journal_mode = WAL;");
  g_autofree char *wal = NULL, *shm = NULL, *before = NULL, *after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) tile = NULL;
  PaMbtiles *pack;

  if (!path)
    return;
  wal = g_strconcat (path, "-wal", NULL);
  shm = g_strconcat (path, "-shm", NULL);
  before = pa_test_file_checksum (path);
  pack = pa_mbtiles_open (path, &error);
  g_assert_no_error (error);
  tile = pa_mbtiles_read_tile (pack, 8, 213, 99, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tile);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_object_unref (pack);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  after = pa_test_file_checksum (path);
  g_assert_cmpstr (before, ==, after);
}

/* The GDAL pack edited by @sql is refused as PA_STORE_ERROR_INVALID, saying @says. */
static void
assert_edited_copy_refused (const char *name, const char *sql, const char *says)
{
  g_autofree char *path = edited_copy (name, sql);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaMbtiles) pack = NULL;
  if (!path)
    return;
  pack = pa_mbtiles_open (path, &error);
  g_assert_null (pack);
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, says));
}

static void
test_empty_pack_refused (void)
{
  assert_edited_copy_refused ("empty.mbtiles", "DELETE FROM tiles;", "no tiles");
}

/* A pack whose metadata says PNG but whose tiles are vector tiles is still refused. */
static void
test_disguised_vector_pack_refused (void)
{
  assert_edited_copy_refused ("disguised.mbtiles", "UPDATE tiles SET tile_data = x'1f8b0800000000000003';",
                              "vector tiles");
}

static void
pixel_at (cairo_surface_t *s, const PaView *view, double lon, double lat, int *r, int *g, int *b)
{
  double x, y;
  guint32 p;
  pa_view_project (view, lon, lat, &x, &y);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <, cairo_image_surface_get_width (s));
  g_assert_cmpfloat (y, <, cairo_image_surface_get_height (s));
  p = *(guint32 *) (cairo_image_surface_get_data (s) + (int) y * cairo_image_surface_get_stride (s) + (int) x * 4);
  *r = (p >> 16) & 0xff, *g = (p >> 8) & 0xff, *b = p & 0xff;
}

/* The pack drawn into a view: the red square in the north-west cell, red growing to the
 * east and green to the north, the dark grid on whole tenths of a degree. Wrong row order
 * (TMS read as XYZ) or a shifted tile would move all of these. */
static cairo_surface_t *
draw_pack (PaMbtiles *pack, PaView *view, double lon, double lat, double zoom)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 900, 700);
  cairo_t *cr = cairo_create (s);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pa_view_init (view, lon, lat, zoom, 900, 700);
  pa_painter_draw_tile_pack (cr, view, PA_TILE_PROVIDER (pack));
  cairo_destroy (cr);
  cairo_surface_flush (s);
  return s;
}

/* Dark pixels on the meridian @lon (a line one pixel of the pack's zoom 10 wide: the
 * darkest within a pixel and a half of that zoom), light ones 0.05° east of it, counted
 * down @lat0…@lat1. */
static void
count_grid_line (cairo_surface_t *s, const PaView *view, double lon, double lat0, double lat1, int *dark,
                 int *light)
{
  *dark = *light = 0;
  for (double lat = lat0; lat < lat1; lat += (lat1 - lat0) / 28)
    {
      int lr, lg, lb, mr, mg, mb, darkest = 3 * 255;
      double reach = MAX (1.5, 1.5 * view->world / (256 * 1024));
      for (double d = -reach; d <= reach; d += 1)
        {
          pixel_at (s, view, lon + d * 360 / view->world, lat, &lr, &lg, &lb);
          darkest = MIN (darkest, lr + lg + lb);
        }
      pixel_at (s, view, lon + 0.05, lat, &mr, &mg, &mb);
      *dark += darkest < 250;
      *light += mr + mg + mb > 300;
    }
}

static void
draw_pack_at (double zoom, gboolean write_png)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (PaMbtiles) pack = open_shared ("yantai-raster.mbtiles", &path, &error);
  cairo_surface_t *s;
  PaView view;
  int r, g, b, r2, g2, b2, dark = 0, light = 0;

  if (!path)
    return;
  g_assert_no_error (error);
  s = draw_pack (pack, &view, 121.4, 37.4, zoom);
  if (write_png && g_getenv ("PA_TEST_KEEP_PNG"))
    cairo_surface_write_to_png (s, g_getenv ("PA_TEST_KEEP_PNG"));

  /* the north-west cell (120.9–121.0 E, 37.6–37.7 N) holds the red square */
  pixel_at (s, &view, 120.95, 37.65, &r, &g, &b);
  g_assert_cmpint (r, >, 180);
  g_assert_cmpint (g, <, 80);
  g_assert_cmpint (b, <, 80);
  /* red grows to the east, green to the north (cell middles, away from the grid) */
  pixel_at (s, &view, 121.05, 37.35, &r, &g, &b);
  pixel_at (s, &view, 121.75, 37.35, &r2, &g2, &b2);
  g_assert_cmpint (r2, >, r + 60);
  pixel_at (s, &view, 121.45, 37.15, &r, &g, &b);
  pixel_at (s, &view, 121.45, 37.55, &r2, &g2, &b2);
  g_assert_cmpint (g2, >, g + 40);
  /* a dark line down 121.3 E, not 0.05° beside it */
  count_grid_line (s, &view, 121.3, 37.12, 37.68, &dark, &light);
  g_assert_cmpint (dark, >, 20);
  g_assert_cmpint (light, >, 20);
  /* outside the pack: the surface as it was */
  pixel_at (s, &view, 120.85, 37.4, &r, &g, &b);
  g_assert_cmpint (r + g + b, ==, 3 * 255);
  cairo_surface_destroy (s);
}

/* Past its deepest zoom the tiles are enlarged: the north-west cell fills the view, its
 * red square and the grid still on 121.0 E. */
static void
test_enlarged_in_place (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (PaMbtiles) pack = open_shared ("yantai-raster.mbtiles", &path, &error);
  cairo_surface_t *s;
  PaView view;
  int r, g, b, dark, light;

  if (!path)
    return;
  s = draw_pack (pack, &view, 121.0, 37.62, 12.3);
  if (g_getenv ("PA_TEST_KEEP_PNG"))
    cairo_surface_write_to_png (s, g_getenv ("PA_TEST_KEEP_PNG"));
  pixel_at (s, &view, 120.95, 37.65, &r, &g, &b);
  g_assert_cmpint (r, >, 180);
  g_assert_cmpint (g, <, 80);
  count_grid_line (s, &view, 121.0, 37.58, 37.66, &dark, &light);
  g_assert_cmpint (dark, >, 20);
  g_assert_cmpint (light, >, 20);
  cairo_surface_destroy (s);
}

static void
test_drawn_in_place (void)
{
  draw_pack_at (10, TRUE); /* its own deepest zoom */
  draw_pack_at (9.4, FALSE); /* between two of its zooms */
}

/* Tiles for a PDF are chosen for print: the embedded image is finer than the page's points. */
static void
test_pdf_gets_print_resolution (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (PaMbtiles) pack = open_shared ("yantai-raster.mbtiles", &path, &error);
  g_autofree char *pdf = pa_test_temp_path ("pack.pdf");
  g_autofree char *out = NULL, *err = NULL;
  const char *argv[] = { "pdfimages", "-list", pdf, NULL };
  cairo_surface_t *s;
  cairo_t *cr;
  PaView view;
  g_auto (GStrv) lines = NULL;
  int images = 0;

  if (!path)
    return;
  /* a box of 300 × 200 pt around the pack: at zoom 8 its tiles would do for the points,
   * print needs zoom 10 */
  s = cairo_pdf_surface_create (pdf, 300, 200);
  cr = cairo_create (s);
  pa_view_init_fit (&view, pa_mbtiles_get_bounds (pack), 300, 200, 0);
  pa_painter_draw_tile_pack (cr, &view, PA_TILE_PROVIDER (pack));
  cairo_destroy (cr);
  cairo_surface_destroy (s);
  g_assert_cmpint (pa_test_run (argv, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 2; lines[i]; i++)
    if (*g_strstrip (lines[i]))
      images++;
  /* zoom 10 has 12 tiles, zoom 8 two */
  g_assert_cmpint (images, >=, 12);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/mbtiles/gdal-pack-opens-read-only", test_gdal_pack_opens);
  g_test_add_func ("/mbtiles/vector-pack-refused", test_vector_pack_refused);
  g_test_add_func ("/mbtiles/other-files-refused", test_other_files_refused);
  g_test_add_func ("/mbtiles/missing-file-named", test_missing_file_named);
  g_test_add_func ("/mbtiles/missing-metadata-worked-out", test_missing_metadata_worked_out);
  g_test_add_func ("/mbtiles/empty-pack-refused", test_empty_pack_refused);
  g_test_add_func ("/mbtiles/wal-pack-leaves-nothing-beside-it", test_wal_pack_leaves_nothing_beside_it);
  g_test_add_func ("/mbtiles/disguised-vector-pack-refused", test_disguised_vector_pack_refused);
  g_test_add_func ("/mbtiles/drawn-in-place", test_drawn_in_place);
  g_test_add_func ("/mbtiles/enlarged-in-place", test_enlarged_in_place);
  g_test_add_func ("/mbtiles/pdf-gets-print-resolution", test_pdf_gets_print_resolution);
  return g_test_run ();
}
