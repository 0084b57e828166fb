/* pa-target-item.h — a target as a list item, for the sortable targets table */
#pragma once

#include <glib-object.h>

#include "model/pa-target.h"

G_BEGIN_DECLS

#define PA_TYPE_TARGET_ITEM (pa_target_item_get_type ())
G_DECLARE_FINAL_TYPE (PaTargetItem, pa_target_item, PA, TARGET_ITEM, GObject)

PaTargetItem *pa_target_item_new (PaTarget *target);
PaTarget *pa_target_item_get_target (PaTargetItem *self);

G_END_DECLS
