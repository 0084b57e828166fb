/* pa-zone-layer.h — the plan's zones drawn over the map, by the shared painter.
 *
 * A ShumateLayer that repaints on every viewport change; it owns no geometry, only
 * a reference to the plan and the selected zone.
 */
#pragma once

#include <shumate/shumate.h>

#include "geo/pa-view.h"
#include "model/pa-basemap.h"
#include "model/pa-plan.h"

G_BEGIN_DECLS

#define PA_TYPE_ZONE_LAYER (pa_zone_layer_get_type ())
G_DECLARE_FINAL_TYPE (PaZoneLayer, pa_zone_layer, PA, ZONE_LAYER, ShumateLayer)

/* @basemap (may be NULL) gives the district names drawn beside the zones. */
PaZoneLayer *pa_zone_layer_new (ShumateViewport *viewport, PaBasemap *basemap);
void pa_zone_layer_set_plan (PaZoneLayer *self, PaPlan *plan);
void pa_zone_layer_set_selected (PaZoneLayer *self, PaZone *zone);
/* The view the layer paints with, for hit tests in the same coordinates. */
void pa_zone_layer_get_view (PaZoneLayer *self, PaView *view);

G_END_DECLS
