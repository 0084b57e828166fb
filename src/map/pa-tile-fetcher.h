/* pa-tile-fetcher.h — web tiles fetched over HTTP with Park Atlas's own User-Agent, kept in
 * libshumate's disk cache, and served from that cache when the network fails.
 *
 * libshumate 1.0.3's ShumateTileDownloader, built with libsoup 3 as Debian builds it,
 * sends "libshumate/1.0.3" whatever shumate_set_user_agent() says; OpenStreetMap's tile
 * policy asks each application to name itself, hence this data source.
 */
#pragma once

#include <shumate/shumate.h>

G_BEGIN_DECLS

#define PA_TYPE_TILE_FETCHER (pa_tile_fetcher_get_type ())
G_DECLARE_FINAL_TYPE (PaTileFetcher, pa_tile_fetcher, PA, TILE_FETCHER, ShumateDataSource)

#define PA_TILE_FETCHER_USER_AGENT "ParkAtlas/" PA_VERSION " (org.parkatlas.ParkAtlas)"

/* @url is an XYZ template: {x}, {y}, {z}, {tmsy}. */
PaTileFetcher *pa_tile_fetcher_new (const char *url);

/* Tile (x, y) at @z for a figure, blocking; any thread but the one whose main loop the
 * fetcher's asynchronous reads need (export and preview threads, or the command line):
 * the disk cache first, then the network. After the network fails, reads for the next
 * minute take what the cache has, so an offline figure does not wait on each tile. NULL
 * with no error where no tile could be had that way or the server has none (404); NULL
 * and @error for the failure that started it, or another answer than a tile. Fetched
 * tiles are not kept. */
GBytes *pa_tile_fetcher_read_tile (PaTileFetcher *self, int x, int y, int z, GError **error);

G_END_DECLS
