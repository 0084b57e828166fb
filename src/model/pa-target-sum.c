/* pa-target-sum.c */
#include "pa-target-sum.h"

G_DEFINE_BOXED_TYPE (PaTargetSum, pa_target_sum, pa_target_sum_ref, pa_target_sum_unref)

PaTargetSum *
pa_target_sum_new (PaTarget *total, const char *note)
{
  PaTargetSum *self = g_new0 (PaTargetSum, 1);
  g_atomic_ref_count_init (&self->ref);
  self->total = pa_target_ref (total);
  self->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_target_unref);
  self->note = g_strdup (note);
  return self;
}

PaTargetSum *
pa_target_sum_ref (PaTargetSum *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
pa_target_sum_unref (PaTargetSum *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref))
    {
      pa_target_unref (self->total);
      g_ptr_array_unref (self->parts);
      g_free (self->note);
      g_free (self);
    }
}
