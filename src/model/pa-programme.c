/* pa-programme.c */
#include "pa-programme.h"

G_DEFINE_BOXED_TYPE (PaProgramme, pa_programme, pa_programme_ref, pa_programme_unref)

PaProgramme *
pa_programme_new (void)
{
  PaProgramme *self = g_new0 (PaProgramme, 1);
  g_atomic_ref_count_init (&self->ref);
  return self;
}

PaProgramme *
pa_programme_ref (PaProgramme *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
pa_programme_unref (PaProgramme *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref))
    {
      g_free (self->name);
      g_free (self->kind);
      g_free (self->lead);
      g_free (self->responsible);
      g_free (self->zone_key);
      g_clear_pointer (&self->citation, pa_citation_unref);
      g_free (self);
    }
}
