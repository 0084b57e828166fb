/* pa-organisation.c */
#include "pa-organisation.h"

#include <math.h>

G_DEFINE_BOXED_TYPE (PaOrganisation, pa_organisation, pa_organisation_ref, pa_organisation_unref)

PaOrganisation *
pa_organisation_new (void)
{
  PaOrganisation *self = g_new0 (PaOrganisation, 1);
  g_atomic_ref_count_init (&self->ref);
  self->lon = self->lat = NAN;
  return self;
}

PaOrganisation *
pa_organisation_ref (PaOrganisation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
pa_organisation_unref (PaOrganisation *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref))
    {
      g_free (self->name);
      g_free (self->kind);
      g_free (self->role);
      g_free (self->responsible);
      g_free (self->industry);
      g_free (self->zone_key);
      g_clear_pointer (&self->citation, pa_citation_unref);
      g_free (self->entered_by);
      g_free (self->entered_at);
      g_clear_pointer (&self->document_values, g_hash_table_unref);
      g_free (self);
    }
}
