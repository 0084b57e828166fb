/* pa-online-source.h — web map tiles (an XYZ URL template), only when the planner turns
 * them on, as a libshumate map source over the offline basemap.
 *
 * Tiles come through PaTileFetcher: the app's User-Agent, a disk cache (so a place seen
 * once shows again offline), and the offline basemap beneath wherever a tile does not
 * come. Tiles of Chinese web maps are in GCJ-02: with @gcj02 each tile is cut
 * from the shifted ones, so the online map lies under the WGS-84 zones where it belongs.
 *
 * It is also a PaTileProvider: a figure draws the same tiles, read in the export's thread
 * from the same disk cache (pa_tile_fetcher_read_tile).
 */
#pragma once

#include <shumate/shumate.h>

#include "model/pa-tile-provider.h"

G_BEGIN_DECLS

#define PA_TYPE_ONLINE_SOURCE (pa_online_source_get_type ())
G_DECLARE_FINAL_TYPE (PaOnlineSource, pa_online_source, PA, ONLINE_SOURCE, ShumateMapSource)

/* The web's own map: OpenStreetMap's standard tiles. */
#define PA_ONLINE_OSM_URL "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

/* @url_template with {x}, {y}, {z} (or {tmsy}) and {key}, which @key replaces. */
PaOnlineSource *pa_online_source_new (const char *url_template, const char *key, const char *attribution,
                                      gboolean gcj02);
gboolean pa_online_source_get_gcj02 (PaOnlineSource *self);

/* The web map the settings (org.parkatlas.ParkAtlas) choose: online-tiles none (NULL:
 * nothing goes to the network), osm, or custom with online-url (NULL while it lacks {x}
 * or {z}), online-key, online-attribution and online-gcj02. */
PaOnlineSource *pa_online_source_new_for_settings (GSettings *settings);

G_END_DECLS
