/* pa-plan-layer.h — another plan's zones and names over the map, read-only: plans shown
 * together as layers (the window's own plan stays the one that is edited and selected).
 */
#pragma once

#include <shumate/shumate.h>

#include "model/pa-plan.h"

G_BEGIN_DECLS

#define PA_TYPE_PLAN_LAYER (pa_plan_layer_get_type ())
G_DECLARE_FINAL_TYPE (PaPlanLayer, pa_plan_layer, PA, PLAN_LAYER, ShumateLayer)

PaPlanLayer *pa_plan_layer_new (ShumateViewport *viewport, PaPlan *plan);
PaPlan *pa_plan_layer_get_plan (PaPlanLayer *self);

G_END_DECLS
