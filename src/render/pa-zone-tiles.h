/* pa-zone-tiles.h — the zone layer's fills and outlines kept as raster tiles.
 *
 * The screen redraws the zones at every pan step; with thousands of zones in view that
 * is far over a frame. This cache draws them with the painter (pa_painter_draw_zones)
 * into tiles of PA_ZONE_TILES_SIZE device pixels at the view's exact zoom, so a frame
 * only paints the tiles it already has and draws the few that came into view. Tiles
 * are dropped when the plan's index changes (an edit), when the zoom or the device
 * scale changes, and where the selection's outline was or is; the least recently used
 * go first past a fixed number. Main thread only: tiles are drawn from the live zones.
 */
#pragma once

#include <cairo.h>

#include "geo/pa-view.h"
#include "model/pa-plan.h"

G_BEGIN_DECLS

#define PA_ZONE_TILES_SIZE 256
/* The default bound: 256 tiles of 256² ARGB, 64 MiB. */
#define PA_ZONE_TILES_DEFAULT_MAX 256

#define PA_TYPE_ZONE_TILES (pa_zone_tiles_get_type ())
G_DECLARE_FINAL_TYPE (PaZoneTiles, pa_zone_tiles, PA, ZONE_TILES, GObject)

/* A cache holding at most @max_tiles tiles (empty tiles count too). */
PaZoneTiles *pa_zone_tiles_new (guint max_tiles);
/* Paints on @cr (in @view's surface units, @scale device pixels each) what
 * pa_painter_draw_zones (cr, view, plan, selected, 1.0) would draw, from the tiles,
 * drawing the missing ones. The tiles lie on whole device pixels: give a view that
 * pa_view_snap_to_pixels has snapped, or the zones land up to half a pixel off. */
void pa_zone_tiles_draw (PaZoneTiles *self, cairo_t *cr, const PaView *view, double scale, PaPlan *plan,
                         PaZone *selected);
/* Whether tiles of @view's zoom and scale of @plan are kept (a frame at another zoom,
 * in a zoom's animation, may rather be drawn straight). */
gboolean pa_zone_tiles_has_zoom (PaZoneTiles *self, const PaView *view, double scale, PaPlan *plan);
/* Draws one tile that @view, widened by @ahead device pixels, shows and the cache lacks,
 * for idle time; FALSE when none is missing (or they would not all be kept). */
gboolean pa_zone_tiles_draw_ahead (PaZoneTiles *self, const PaView *view, double scale, PaPlan *plan,
                                   PaZone *selected, int ahead);
/* Forgets every tile (the next draw redraws them). */
void pa_zone_tiles_clear (PaZoneTiles *self);
/* How many tiles are kept; how many have been drawn since the cache was made. */
guint pa_zone_tiles_get_n_tiles (PaZoneTiles *self);
guint pa_zone_tiles_get_n_drawn (PaZoneTiles *self);

G_END_DECLS
