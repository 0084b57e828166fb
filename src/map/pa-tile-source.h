/* pa-tile-source.h — the offline basemap, or a raster tile pack, as a libshumate map source.
 *
 * Renders 256-px raster tiles with the painter, in a worker thread: land, sea and
 * district borders from the PaBasemap the store loaded, or the images of an MBTiles pack
 * (clear where it has none, enlarged past its deepest zoom). No network, no disk cache.
 */
#pragma once

#include <shumate/shumate.h>

#include "model/pa-basemap.h"
#include "store/pa-mbtiles.h"

G_BEGIN_DECLS

#define PA_TYPE_TILE_SOURCE (pa_tile_source_get_type ())
G_DECLARE_FINAL_TYPE (PaTileSource, pa_tile_source, PA, TILE_SOURCE, ShumateMapSource)

PaTileSource *pa_tile_source_new (PaBasemap *basemap);
/* A layer over the basemap: the pack's attribution is the source's licence text. */
PaTileSource *pa_tile_source_new_for_pack (PaMbtiles *pack);
/* Renders one tile synchronously into an ARGB32 surface (used by the thread and the bench). */
cairo_surface_t *pa_tile_source_render (PaBasemap *basemap, int x, int y, int zoom, int size);

G_END_DECLS
