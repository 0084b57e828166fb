/* pa-tile-provider.h — where a figure's raster tiles come from: a tile pack on disk
 * (PaMbtiles) or a web map the planner chose (PaWebTiles), for the one painter that draws
 * them into a figure at the resolution its page needs.
 *
 * Tiles are addressed as on the web (XYZ, 256 pixels, row 0 at the north). read_tile may
 * block (a file, the network) and is called from export and preview threads: an
 * implementation is safe to call from any thread.
 */
#pragma once

#include <gio/gio.h>

#include "geo/pa-geometry.h"

G_BEGIN_DECLS

#define PA_TYPE_TILE_PROVIDER (pa_tile_provider_get_type ())
G_DECLARE_INTERFACE (PaTileProvider, pa_tile_provider, PA, TILE_PROVIDER, GObject)

struct _PaTileProviderInterface
{
  GTypeInterface g_iface;

  /* The encoded image (PNG, JPEG) of tile (x, y) at @zoom; NULL with no error where there
   * is none, NULL and @error when it could not be read. */
  GBytes *(*read_tile) (PaTileProvider *self, int zoom, int x, int y, GError **error);
  void (*get_zoom_range) (PaTileProvider *self, int *min_zoom, int *max_zoom);
  /* lon/lat; NULL: the whole Web Mercator world */
  const PaBBox *(*get_bounds) (PaTileProvider *self);
  /* for the figure's credit line: the tiles' name, and their own attribution or NULL */
  const char *(*get_name) (PaTileProvider *self);
  const char *(*get_attribution) (PaTileProvider *self);
  /* TRUE when the tiles are drawn in GCJ-02 (Chinese web maps): the painter shifts them
   * under the WGS-84 zones. Optional: FALSE when not implemented. */
  gboolean (*is_gcj02) (PaTileProvider *self);
};

GBytes *pa_tile_provider_read_tile (PaTileProvider *self, int zoom, int x, int y, GError **error);
void pa_tile_provider_get_zoom_range (PaTileProvider *self, int *min_zoom, int *max_zoom);
const PaBBox *pa_tile_provider_get_bounds (PaTileProvider *self);
const char *pa_tile_provider_get_name (PaTileProvider *self);
const char *pa_tile_provider_get_attribution (PaTileProvider *self);
gboolean pa_tile_provider_is_gcj02 (PaTileProvider *self);

G_END_DECLS
