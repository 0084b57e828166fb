/* pa-plan-layer.h — another plan's zones and names over the map, read-only: plans shown
 * together as layers (the window's own plan stays the one that is edited and selected).
 */
#pragma once

#include <shumate/shumate.h>

#include "document/pa-document.h"
#include "model/pa-plan.h"

G_BEGIN_DECLS

#define PA_TYPE_PLAN_LAYER (pa_plan_layer_get_type ())
G_DECLARE_FINAL_TYPE (PaPlanLayer, pa_plan_layer, PA, PLAN_LAYER, ShumateLayer)

PaPlanLayer *pa_plan_layer_new (ShumateViewport *viewport, PaPlan *plan);
PaPlan *pa_plan_layer_get_plan (PaPlanLayer *self);
/* The window's document: its plan is drawn over this layer, and this layer's names that
 * would fall on its zones are left out (pa_painter_draw_labels_under). */
void pa_plan_layer_set_over (PaPlanLayer *self, PaDocument *document);

G_END_DECLS
