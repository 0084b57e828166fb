/* pa-zone-layer.h — the plan's zones drawn over the map, by the shared painter.
 *
 * A ShumateLayer that follows a PaDocument: it repaints when the viewport moves, the plan
 * or the selection changes, or an edit lands. It owns no geometry. Fills and outlines
 * come from raster tiles of the current zoom (PaZoneTiles), drawn in idle time around
 * the view; sites and names are drawn over them every frame. Its view is snapped to
 * whole device pixels, where the tiles lie.
 */
#pragma once

#include <shumate/shumate.h>

#include "document/pa-document.h"
#include "geo/pa-view.h"
#include "model/pa-basemap.h"

G_BEGIN_DECLS

#define PA_TYPE_ZONE_LAYER (pa_zone_layer_get_type ())
G_DECLARE_FINAL_TYPE (PaZoneLayer, pa_zone_layer, PA, ZONE_LAYER, ShumateLayer)

/* @basemap (may be NULL) gives the district names drawn beside the zones. */
PaZoneLayer *pa_zone_layer_new (ShumateViewport *viewport, PaBasemap *basemap, PaDocument *document);
/* The view the layer paints with, for hit tests in the same coordinates. */
void pa_zone_layer_get_view (PaZoneLayer *self, PaView *view);

G_END_DECLS
