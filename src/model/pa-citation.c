/* pa-citation.c */
#include "pa-citation.h"

#include <glib/gi18n.h>

G_DEFINE_BOXED_TYPE (PaCitation, pa_citation, pa_citation_ref, pa_citation_unref)

PaCitation *
pa_citation_new (gint64 id, PaSource *source, const char *section, const char *quote)
{
  PaCitation *self = g_new0 (PaCitation, 1);
  g_atomic_ref_count_init (&self->ref);
  self->id = id;
  self->source = source ? pa_source_ref (source) : NULL;
  self->seed = g_strdup (source ? source->seed : NULL);
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
      g_clear_pointer (&self->source, pa_source_unref);
      g_free (self->seed);
      g_free (self->section);
      g_free (self->quote);
      g_free (self);
    }
}

char *
pa_citation_dup_reference (const PaCitation *self, gboolean brief)
{
  /* Translators: the separator between a cited document's title and its section */
  return pa_citation_dup_reference_with (self, brief, _(", "));
}

char *
pa_citation_dup_reference_with (const PaCitation *self, gboolean brief, const char *separator)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  name = self->source ? pa_source_dup_name (self->source, brief) : g_strdup (_("an untitled document"));
  if (!self->section || !*self->section)
    return g_steal_pointer (&name);
  return g_strconcat (name, separator, self->section, NULL);
}
