/* pa-source.c */
#include "pa-source.h"

#include <glib/gi18n.h>

G_DEFINE_BOXED_TYPE (PaSource, pa_source, pa_source_ref, pa_source_unref)

PaSource *
pa_source_new (gint64 id, const char *seed)
{
  PaSource *self = g_new0 (PaSource, 1);
  g_atomic_ref_count_init (&self->ref);
  self->id = id;
  self->seed = g_strdup (seed);
  return self;
}

PaSource *
pa_source_ref (PaSource *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
pa_source_unref (PaSource *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref))
    {
      g_free (self->seed);
      g_free (self->title);
      g_free (self->short_title);
      g_free (self->description);
      g_free (self->issuer);
      g_free (self->date);
      g_free (self->number);
      g_free (self);
    }
}

static gboolean
has (const char *s)
{
  return s && *s;
}

char *
pa_source_dup_name (const PaSource *self, gboolean brief)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (has (self->title))
    return g_strdup_printf ("《%s》", brief && has (self->short_title) ? self->short_title : self->title);
  if (has (self->description))
    return g_strdup (self->description);
  /* a database from before titles were kept, or a file made elsewhere */
  if (has (self->issuer))
    return g_strdup_printf (_("an untitled document of %s"), self->issuer);
  return g_strdup (_("an untitled document"));
}

static void
append_name (GString *s, const PaSource *self)
{
  g_autofree char *name = pa_source_dup_name (self, FALSE);
  g_string_append (s, name);
}

char *
pa_source_dup_reference (const PaSource *self)
{
  /* Translators: the separator between a document's title, issuer and date */
  return pa_source_dup_reference_with (self, _(", "));
}

char *
pa_source_dup_reference_with (const PaSource *self, const char *separator)
{
  GString *s;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (separator != NULL, NULL);
  s = g_string_new (NULL);
  append_name (s, self);
  /* the issuer is already in an untitled document's description */
  if (has (self->issuer) && has (self->title))
    g_string_append_printf (s, "%s%s", separator, self->issuer);
  if (has (self->date))
    g_string_append_printf (s, "%s%s", separator, self->date);
  return g_string_free (s, FALSE);
}

char *
pa_source_dup_details (const PaSource *self)
{
  GString *s;

  g_return_val_if_fail (self != NULL, NULL);
  s = g_string_new (NULL);
  append_name (s, self);
  if (!has (self->title))
    g_string_append_printf (s, "\n%s", _("The document has no title; this describes it."));
  if (has (self->issuer))
    g_string_append_printf (s, "\n%s %s", _("Issued by:"), self->issuer);
  if (has (self->date))
    g_string_append_printf (s, "\n%s %s", _("Date:"), self->date);
  if (has (self->number))
    g_string_append_printf (s, "\n%s %s", _("Number:"), self->number);
  if (has (self->seed))
    g_string_append_printf (s, "\n%s %s", _("Read from the file:"), self->seed);
  return g_string_free (s, FALSE);
}
