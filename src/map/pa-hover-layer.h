/* pa-hover-layer.h — the zone under the pointer, outlined over the zones.
 *
 * The map view tells it which zone the pointer is over; it draws nothing else, so a
 * pointer moving over the map costs one zone's outline per frame, not a redraw of every
 * zone.
 */
#pragma once

#include <shumate/shumate.h>

#include "model/pa-plan.h"

G_BEGIN_DECLS

#define PA_TYPE_HOVER_LAYER (pa_hover_layer_get_type ())
G_DECLARE_FINAL_TYPE (PaHoverLayer, pa_hover_layer, PA, HOVER_LAYER, ShumateLayer)

PaHoverLayer *pa_hover_layer_new (ShumateViewport *viewport);
/* @zone of @plan (both may be NULL: nothing). */
void pa_hover_layer_set_zone (PaHoverLayer *self, PaPlan *plan, PaZone *zone);
PaZone *pa_hover_layer_get_zone (PaHoverLayer *self);

G_END_DECLS
