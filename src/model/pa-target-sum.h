/* pa-target-sum.h — the plan's own arithmetic: targets that should add up to a total.
 *
 * A plain immutable record, from the plan source's "sums" (reviewed by hand).
 */
#pragma once

#include "pa-target.h"

G_BEGIN_DECLS

typedef struct
{
  gatomicrefcount ref;
  PaTarget *total;
  GPtrArray *parts; /* PaTarget */
  char *note;
} PaTargetSum;

#define PA_TYPE_TARGET_SUM (pa_target_sum_get_type ())
GType pa_target_sum_get_type (void) G_GNUC_CONST;

PaTargetSum *pa_target_sum_new (PaTarget *total, const char *note);
PaTargetSum *pa_target_sum_ref (PaTargetSum *self);
void pa_target_sum_unref (PaTargetSum *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaTargetSum, pa_target_sum_unref)

G_END_DECLS
