/* test-online-tiles.c — web tiles, served here by a local HTTP server from GDAL's test
 * raster: fetched with the app's User-Agent and key, cached on disk, shown again
 * offline, refused cleanly when nothing comes, and shifted back when they are GCJ-02. */
#include "config.h"

#include <libsoup/soup.h>
#include <math.h>
#include <string.h>

#include "geo/pa-gcj02.h"
#include "geo/pa-mercator.h"
#include "map/pa-online-source.h"
#include "pa-test-util.h"
#include "render/pa-painter.h"
#include "store/pa-mbtiles.h"

static PaMbtiles *pack;
static SoupServer *server;
static guint port;
static guint requests;
static char *last_agent, *last_key;

static void
serve_tile (SoupServer *srv, SoupServerMessage *msg, const char *path, GHashTable *query, gpointer data)
{
  int z, x, y;
  g_autoptr (GBytes) tile = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  requests++;
  g_free (last_agent);
  last_agent = g_strdup (soup_message_headers_get_one (headers, "User-Agent"));
  g_free (last_key);
  last_key = g_strdup (query ? g_hash_table_lookup (query, "k") : NULL);
  if (sscanf (path, "/%d/%d/%d.png", &z, &x, &y) == 3)
    tile = pa_mbtiles_read_tile (pack, z, x, y, NULL);
  if (!tile)
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "image/png", SOUP_MEMORY_COPY, g_bytes_get_data (tile, NULL),
                                    g_bytes_get_size (tile));
}

typedef struct
{
  gboolean done, ok;
  GError *error;
} Wait;

static void
filled (GObject *source, GAsyncResult *result, gpointer data)
{
  Wait *w = data;
  w->ok = shumate_map_source_fill_tile_finish (SHUMATE_MAP_SOURCE (source), result, &w->error);
  w->done = TRUE;
}

/* Tile (x, y, z) filled by @source: its pixels (premultiplied BGRA, 256 × 256), or NULL
 * with @error. */
static guint8 *
fill (PaOnlineSource *source, int x, int y, int z, GError **error)
{
  g_autoptr (ShumateTile) tile = shumate_tile_new_full (x, y, 256, z);
  Wait w = { 0 };
  GdkPaintable *paintable;
  guint8 *pixels;

  shumate_map_source_fill_tile_async (SHUMATE_MAP_SOURCE (source), tile, NULL, filled, &w);
  while (!w.done)
    g_main_context_iteration (NULL, TRUE);
  if (!w.ok)
    {
      g_propagate_error (error, w.error);
      return NULL;
    }
  g_assert_cmpint (shumate_tile_get_state (tile), ==, SHUMATE_STATE_DONE);
  paintable = shumate_tile_get_paintable (tile);
  g_assert_true (GDK_IS_TEXTURE (paintable));
  g_assert_cmpint (gdk_texture_get_width (GDK_TEXTURE (paintable)), ==, 256);
  pixels = g_malloc (256 * 256 * 4);
  gdk_texture_download (GDK_TEXTURE (paintable), pixels, 256 * 4);
  return pixels;
}

static char *
template_url (void)
{
  return g_strdup_printf ("http://127.0.0.1:%u/{z}/{x}/{y}.png?k={key}", port);
}

/* The web tile over (lon, lat) at @z. */
static void
tile_at (double lon, double lat, int z, int *x, int *y)
{
  double mx, my;
  pa_mercator_from_lonlat (lon, lat, &mx, &my);
  *x = (int) (mx * (1 << z));
  *y = (int) (my * (1 << z));
}

/* The first column from the west where row @row is the test raster's red. */
static int
first_red (const guint8 *pixels, int row)
{
  for (int col = 0; col < 256; col++)
    {
      const guint8 *p = pixels + (row * 256 + col) * 4; /* B, G, R, A */
      if (p[2] > 180 && p[1] < 80 && p[0] < 80)
        return col;
    }
  return -1;
}

static void
test_fetched_with_agent_key_and_cached (void)
{
  g_autofree char *url = template_url ();
  g_autoptr (PaOnlineSource) source = pa_online_source_new (url, "secret", "Test tiles", FALSE);
  g_autoptr (GError) error = NULL;
  g_autofree guint8 *pixels = NULL;
  g_autofree char *cache = g_build_filename (g_get_user_cache_dir (), "parkatlas", "tiles", NULL);
  g_autoptr (GBytes) expected = NULL;
  int x, y;

  tile_at (121.4, 37.4, 10, &x, &y);
  requests = 0;
  pixels = fill (source, x, y, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (requests, ==, 1);
  g_assert_nonnull (strstr (last_agent, "ParkAtlas/"));
  g_assert_cmpstr (last_key, ==, "secret");
  /* the tile as the server sent it, not blank */
  expected = pa_mbtiles_read_tile (pack, 10, x, y, NULL);
  g_assert_nonnull (expected);
  {
    guint distinct = 0;
    for (int i = 4; i < 256 * 256 * 4; i += 4 * 97)
      distinct += memcmp (pixels + i, pixels, 3) != 0;
    g_assert_cmpuint (distinct, >, 50);
  }
  /* kept on disk for offline use */
  g_assert_true (g_file_test (cache, G_FILE_TEST_IS_DIR));
}

/* ---- web tiles in figures: read blocking in the export's thread ---- */

typedef struct
{
  PaTileProvider *tiles;
  PaView view;
  cairo_surface_t *image;
  gboolean done;
} Figure;

static gpointer
draw_in_thread (gpointer data)
{
  Figure *f = data;
  cairo_t *cr = cairo_create (f->image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pa_painter_draw_tile_pack (cr, &f->view, f->tiles);
  cairo_destroy (cr);
  cairo_surface_flush (f->image);
  g_atomic_int_set (&f->done, TRUE);
  return NULL;
}

/* @tiles drawn into a 600 × 400 image of the view at (lon, lat, zoom) as a figure's
 * thread draws them, while this thread's main loop serves the tiles. */
static cairo_surface_t *
draw_figure_tiles (PaTileProvider *tiles, double lon, double lat, double zoom)
{
  Figure f = { tiles };
  GThread *thread;

  pa_view_init (&f.view, lon, lat, zoom, 600, 400);
  f.image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 400);
  thread = g_thread_new ("figure", draw_in_thread, &f);
  while (!g_atomic_int_get (&f.done))
    g_main_context_iteration (NULL, FALSE), g_usleep (500);
  g_thread_join (thread);
  return f.image;
}

static guint
count_differing (cairo_surface_t *a, cairo_surface_t *b)
{
  const guint32 *pa = (const guint32 *) cairo_image_surface_get_data (a);
  const guint32 *pb = (const guint32 *) cairo_image_surface_get_data (b);
  guint n = 0;
  for (int i = 0; i < 600 * 400; i++)
    n += pa[i] != pb[i];
  return n;
}

/* A figure draws the web map's tiles exactly as it draws the same tiles from a pack, at a
 * fractional zoom; each request names the app; the credit names the server. */
static void
test_figure_draws_web_tiles (void)
{
  g_autofree char *url = template_url ();
  g_autoptr (PaOnlineSource) source = pa_online_source_new (url, "fig", "Test tiles", FALSE);
  cairo_surface_t *web, *packed, *blank;
  g_autofree char *credit = NULL;
  g_autofree char *host = g_strdup_printf ("127.0.0.1");

  requests = 0;
  web = draw_figure_tiles (PA_TILE_PROVIDER (source), 121.2, 37.5, 9.6);
  packed = draw_figure_tiles (PA_TILE_PROVIDER (pack), 121.2, 37.5, 9.6);
  blank = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 400);
  {
    cairo_t *cr = cairo_create (blank);
    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_paint (cr);
    cairo_destroy (cr);
  }
  g_assert_cmpuint (requests, >, 0);
  g_assert_nonnull (strstr (last_agent, "ParkAtlas/"));
  g_assert_cmpstr (last_key, ==, "fig");
  g_assert_cmpuint (count_differing (packed, blank), >, 600 * 400 / 4);
  g_assert_cmpuint (count_differing (web, packed), ==, 0);
  credit = pa_painter_dup_attribution_with_tiles ("en", PA_TILE_PROVIDER (source), NULL);
  g_assert_nonnull (strstr (credit, "Tiles: 127.0.0.1 (Test tiles)"));
  g_assert_null (strstr (credit, "fig")); /* never the key */
  cairo_surface_destroy (web);
  cairo_surface_destroy (packed);
  cairo_surface_destroy (blank);
}

/* The first red column from the west in row @row of a 600-pixel-wide figure image. */
static int
first_red_in_figure (cairo_surface_t *image, int row)
{
  const guint8 *data = cairo_image_surface_get_data (image);
  for (int col = 0; col < 600; col++)
    {
      const guint8 *p = data + row * cairo_image_surface_get_stride (image) + col * 4;
      if (p[2] > 180 && p[1] < 80 && p[0] < 80)
        return col;
    }
  return -1;
}

/* GCJ-02 tiles in a figure are moved back by GCJ-02's offset there, as on screen. */
static void
test_figure_shifts_gcj02_tiles (void)
{
  g_autofree char *url = template_url ();
  g_autoptr (PaOnlineSource) plain = pa_online_source_new (url, "c", NULL, FALSE);
  g_autoptr (PaOnlineSource) shifted = pa_online_source_new (url, "d", NULL, TRUE);
  cairo_surface_t *p, *s;
  double glon, glat, mx, my, gmx, gmy, x, y, dx;
  PaView view;
  int row, pc, sc;

  /* zoom 11.5 about the square's west edge (120.94 E) */
  pa_view_init (&view, 120.95, 37.66, 11.5, 600, 400);
  p = draw_figure_tiles (PA_TILE_PROVIDER (plain), 120.95, 37.66, 11.5);
  s = draw_figure_tiles (PA_TILE_PROVIDER (shifted), 120.95, 37.66, 11.5);
  pa_view_project (&view, 120.95, 37.66, &x, &y);
  row = (int) y;
  pc = first_red_in_figure (p, row);
  sc = first_red_in_figure (s, row);
  g_assert_cmpint (pc, >, 20);
  pa_mercator_from_lonlat (120.95, 37.66, &mx, &my);
  pa_gcj02_from_wgs84 (120.95, 37.66, &glon, &glat);
  pa_mercator_from_lonlat (glon, glat, &gmx, &gmy);
  dx = (gmx - mx) * view.world;
  g_assert_cmpfloat (dx, >, 8);
  g_assert_cmpfloat (fabs (sc - (pc - dx)), <=, 1.5);
  cairo_surface_destroy (p);
  cairo_surface_destroy (s);
}

/* With the server gone: a tile seen before comes from the cache; one never seen is an
 * error the map shows as the offline basemap, not a crash or a blank tile. */
static void
test_offline (void)
{
  g_autofree char *url = template_url ();
  g_autoptr (PaOnlineSource) source = pa_online_source_new (url, "secret", NULL, FALSE);
  g_autoptr (GError) error = NULL;
  g_autofree guint8 *seen = NULL, *unseen = NULL;
  int x, y;

  soup_server_disconnect (server);
  tile_at (121.4, 37.4, 10, &x, &y);
  seen = fill (source, x, y, 10, &error);
  g_assert_no_error (error);
  g_assert_nonnull (seen);
  unseen = fill (source, x + 1, y, 10, &error);
  g_assert_null (unseen);
  g_assert_nonnull (error);

  /* a figure where the map has been: the tile it fetched comes from the disk cache (the
   * figure's own connection to it), the others leave the white showing, after one
   * warning that names the server */
  {
    cairo_surface_t *image;
    double cx, cy;
    PaView v;
    const guint32 *px;
    pa_view_init (&v, 121.4, 37.4, 10.0, 600, 400);
    pa_view_project_mercator (&v, (x + 0.5) / 1024.0, (y + 0.5) / 1024.0, &cx, &cy);
    g_test_expect_message ("parkatlas-render", G_LOG_LEVEL_WARNING, "*could not be reached*");
    image = draw_figure_tiles (PA_TILE_PROVIDER (source), 121.4, 37.4, 10.0);
    g_test_assert_expected_messages ();
    px = (const guint32 *) cairo_image_surface_get_data (image);
    g_assert_cmpfloat (cx, >, 0);
    g_assert_cmpfloat (cx, <, 600);
    g_assert_cmpfloat (cy, >, 0);
    g_assert_cmpfloat (cy, <, 400);
    g_assert_cmphex (px[(int) cy * 600 + (int) cx], !=, 0xffffffff);
    cairo_surface_destroy (image);
  }

  /* a figure of a place never fetched: one warning names the server, the rest of the
   * tiles do not wait on the network, and the basemap's white shows */
  {
    g_autoptr (PaOnlineSource) fresh = pa_online_source_new (url, "offline", NULL, FALSE);
    cairo_surface_t *image;
    gint64 start = g_get_monotonic_time ();
    const guint32 *px;
    g_test_expect_message ("parkatlas-render", G_LOG_LEVEL_WARNING, "*could not be reached*");
    image = draw_figure_tiles (PA_TILE_PROVIDER (fresh), 110.0, 30.0, 9.6);
    g_test_assert_expected_messages ();
    g_assert_cmpint (g_get_monotonic_time () - start, <, 15 * G_USEC_PER_SEC);
    px = (const guint32 *) cairo_image_surface_get_data (image);
    g_assert_cmphex (px[200 * 600 + 300], ==, 0xffffffff);
    cairo_surface_destroy (image);
  }
}

/* Tiles in GCJ-02 are shifted back: the red square lies west of where the unshifted
 * tile has it by GCJ-02's offset there (about 480 m, 3.6 pixels at zoom 10). */
static void
test_gcj02_shifted_back (void)
{
  g_autofree char *url = template_url ();
  g_autoptr (PaOnlineSource) plain = pa_online_source_new (url, "a", NULL, FALSE);
  g_autoptr (PaOnlineSource) shifted = pa_online_source_new (url, "b", NULL, TRUE);
  g_autoptr (GError) error = NULL;
  g_autofree guint8 *p = NULL, *s = NULL;
  double glon, glat, mx, my, gmx, gmy, dx;
  int x, y, row, plain_col, shifted_col;

  /* the square begins near the east edge of this tile (120.59–120.94 E) */
  tile_at (120.92, 37.66, 10, &x, &y);
  p = fill (plain, x, y, 10, &error);
  g_assert_no_error (error);
  s = fill (shifted, x, y, 10, &error);
  g_assert_no_error (error);
  /* a row through the square */
  pa_mercator_from_lonlat (120.95, 37.66, &mx, &my);
  row = (int) (my * 1024 * 256) - y * 256;
  plain_col = first_red (p, row);
  shifted_col = first_red (s, row);
  g_assert_cmpint (plain_col, >, 8);
  g_assert_cmpint (shifted_col, >=, 0);
  pa_gcj02_from_wgs84 (120.95, 37.66, &glon, &glat);
  pa_mercator_from_lonlat (glon, glat, &gmx, &gmy);
  dx = (gmx - mx) * 1024 * 256;
  g_assert_cmpfloat (dx, >, 2);
  g_assert_cmpfloat (fabs (shifted_col - (plain_col - dx)), <=, 1.0);
}

int
main (int argc, char **argv)
{
  g_autofree char *cache = pa_test_temp_path ("cache");
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;
  GSList *uris;
  int status;

  /* libshumate's disk cache goes under the test's own folder */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
  path = pa_test_shared_file ("testdata", "yantai-raster.mbtiles");
  if (!path)
    return 0;
  pack = pa_mbtiles_open (path, &error);
  g_assert_no_error (error);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, serve_tile, NULL, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_test_add_func ("/online/fetched-with-agent-key-and-cached", test_fetched_with_agent_key_and_cached);
  g_test_add_func ("/online/gcj02-shifted-back", test_gcj02_shifted_back);
  g_test_add_func ("/online/figure-draws-web-tiles", test_figure_draws_web_tiles);
  g_test_add_func ("/online/figure-shifts-gcj02-tiles", test_figure_shifts_gcj02_tiles);
  g_test_add_func ("/online/offline", test_offline);
  status = g_test_run ();
  /* the server's side of the fetchers' connections is closed on the main loop */
  for (int i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
  g_clear_object (&server);
  for (int i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
  g_clear_object (&pack);
  g_free (last_agent);
  g_free (last_key);
  return status;
}
