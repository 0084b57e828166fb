/* pa-plan-diff.h — what a scenario changes against the plan it varies.
 *
 * Zones are matched by key (a copy keeps its zones' keys), targets by key or by owner,
 * indicator and year, enterprises by name. Each difference is one line in the UI
 * language, naming the zone, target or enterprise and the old and new values.
 */
#pragma once

#include "model/pa-plan.h"

G_BEGIN_DECLS

typedef enum
{
  PA_DIFF_ZONE_ADDED,
  PA_DIFF_ZONE_REMOVED,
  PA_DIFF_ZONE_RESHAPED,
  PA_DIFF_ZONE_CHANGED,
  PA_DIFF_TARGET_ADDED,
  PA_DIFF_TARGET_REMOVED,
  PA_DIFF_TARGET_CHANGED,
  PA_DIFF_ENTERPRISE_ADDED,
  PA_DIFF_ENTERPRISE_REMOVED,
  PA_DIFF_ENTERPRISE_MOVED,
} PaDiffKind;

typedef struct
{
  PaDiffKind kind;
  char *text;
} PaDiffItem;

/* The differences of @scenario from @original, zones first (PaDiffItem, owned). */
GPtrArray *pa_plan_diff (PaPlan *original, PaPlan *scenario);

G_END_DECLS
