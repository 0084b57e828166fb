/* pa-citation.c */
#include "pa-citation.h"

G_DEFINE_BOXED_TYPE (PaCitation, pa_citation, pa_citation_ref, pa_citation_unref)

PaCitation *
pa_citation_new (gint64 id, const char *seed, const char *section, const char *quote)
{
  PaCitation *self = g_new0 (PaCitation, 1);
  g_atomic_ref_count_init (&self->ref);
  self->id = id;
  self->seed = g_strdup (seed);
  self->section = g_strdup (section);
  self->quote = g_strdup (quote);
  return self;
}

PaCitation *
pa_citation_ref (PaCitation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
pa_citation_unref (PaCitation *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref))
    {
      g_free (self->seed);
      g_free (self->section);
      g_free (self->quote);
      g_free (self);
    }
}
