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
