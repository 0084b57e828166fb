/* pa-mbtiles.h — a raster tile pack (MBTiles 1.3: PNG or JPEG tiles in an SQLite file, as
 * GDAL, TileMill or QGIS write them), read-only, as a basemap or an overlay.
 *
 * Opening checks what a pack must have and works out what its metadata leaves out
 * (bounds, zoom range, centre) from the tiles themselves; a vector-tile pack (pbf) and
 * formats other than PNG and JPEG are refused with a message naming the file. Tiles are
 * addressed as on the web (XYZ: row 0 at the north) and read back as the file stores them
 * (TMS rows, south = 0). Reading is serialised inside, so tile threads may share one pack.
 * A pack is a PaTileProvider, as figures draw it.
 */
#pragma once

#include <gio/gio.h>

#include "geo/pa-geometry.h"
#include "model/pa-tile-provider.h"

G_BEGIN_DECLS

#define PA_TYPE_MBTILES (pa_mbtiles_get_type ())
G_DECLARE_FINAL_TYPE (PaMbtiles, pa_mbtiles, PA, MBTILES, GObject)

PaMbtiles *pa_mbtiles_open (const char *path, GError **error);

const char *pa_mbtiles_get_path (PaMbtiles *self);
/* The metadata's name, or the file's base name. */
const char *pa_mbtiles_get_name (PaMbtiles *self);
/* "png" or "jpg". */
const char *pa_mbtiles_get_format (PaMbtiles *self);
/* The metadata's attribution as plain text (HTML tags removed), or NULL. */
const char *pa_mbtiles_get_attribution (PaMbtiles *self);
/* TRUE for type=overlay: drawn over the basemap, which shows through where it is clear. */
gboolean pa_mbtiles_is_overlay (PaMbtiles *self);
/* lon/lat, clamped to what Web Mercator can show. */
const PaBBox *pa_mbtiles_get_bounds (PaMbtiles *self);
int pa_mbtiles_get_min_zoom (PaMbtiles *self);
int pa_mbtiles_get_max_zoom (PaMbtiles *self);
void pa_mbtiles_get_center (PaMbtiles *self, double *lon, double *lat, double *zoom);

/* The encoded image of tile (x, y) at @zoom, y counted from the north. NULL with no error
 * where the pack has no such tile; NULL and @error when the read failed. */
GBytes *pa_mbtiles_read_tile (PaMbtiles *self, int zoom, int x, int y, GError **error);

G_END_DECLS
