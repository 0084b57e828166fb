/* pa-tile-source.h — the offline basemap as a libshumate map source.
 *
 * Renders 256-px raster tiles of land, sea and district borders with the painter, in
 * a worker thread, from the PaBasemap the store loaded. No network, no disk cache.
 */
#pragma once

#include <shumate/shumate.h>

#include "model/pa-basemap.h"

G_BEGIN_DECLS

#define PA_TYPE_TILE_SOURCE (pa_tile_source_get_type ())
G_DECLARE_FINAL_TYPE (PaTileSource, pa_tile_source, PA, TILE_SOURCE, ShumateMapSource)

PaTileSource *pa_tile_source_new (PaBasemap *basemap);
/* Renders one tile synchronously into an ARGB32 surface (used by the thread and the bench). */
cairo_surface_t *pa_tile_source_render (PaBasemap *basemap, int x, int y, int zoom, int size);

G_END_DECLS
