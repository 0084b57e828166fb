/* pa-zone-layer.h — the plan's zones drawn over the map, by the shared painter.
 *
 * A ShumateLayer that follows a PaDocument: it repaints when the viewport moves, the plan
 * or the selection changes, or an edit lands. It owns no geometry. While the edit layer
 * reshapes a part, the zone being edited is left to it (pa_zone_layer_set_editing).
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
