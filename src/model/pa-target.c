/* pa-target.c */
#include "pa-target.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

G_DEFINE_BOXED_TYPE (PaTarget, pa_target, pa_target_ref, pa_target_unref)

PaTarget *
pa_target_new (void)
{
  PaTarget *self = g_new0 (PaTarget, 1);
  g_atomic_ref_count_init (&self->ref);
  self->value = self->baseline_value = self->growth_rate = self->increase = NAN;
  return self;
}

PaTarget *
pa_target_ref (PaTarget *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
pa_target_unref (PaTarget *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref))
    {
      g_free (self->key);
      g_free (self->owner);
      g_free (self->indicator);
      g_free (self->comparator);
      g_free (self->value_text);
      g_free (self->unit);
      g_clear_pointer (&self->citation, pa_citation_unref);
      g_free (self->entered_by);
      g_free (self->entered_at);
      g_clear_pointer (&self->document_values, g_hash_table_unref);
      g_free (self);
    }
}

char *
pa_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  if (isnan (value))
    return g_strdup ("—");
  g_ascii_formatd (buf, sizeof buf, "%.6f", value);
  /* strip trailing zeros and a trailing point */
  for (char *e = buf + strlen (buf) - 1; e > buf && strchr (buf, '.'); e--)
    {
      if (*e == '0')
        *e = 0;
      else
        {
          if (*e == '.')
            *e = 0;
          break;
        }
    }
  return g_strdup (buf);
}

char *
pa_target_describe (const PaTarget *self)
{
  GString *s = g_string_new (NULL);
  g_autofree char *value = pa_format_number (self->value);

  if (self->year > 0)
    /* Translators: a target year, e.g. "2023年" in Chinese */
    g_string_append_printf (s, _("by %d: "), self->year);
  g_string_append (s, self->indicator ? self->indicator : "");
  g_string_append_c (s, ' ');
  if (self->comparator && *self->comparator)
    g_string_append_printf (s, "%s ", self->comparator);
  if (self->value_text || !isnan (self->value))
    g_string_append_printf (s, "%s%s", self->value_text ? self->value_text : value,
                            self->unit ? self->unit : "");
  if (!isnan (self->baseline_value))
    {
      g_autofree char *base = pa_format_number (self->baseline_value);
      if (self->baseline_year > 0)
        g_string_append_printf (s, _(" (from %s%s in %d"), base, self->unit ? self->unit : "",
                                self->baseline_year);
      else
        g_string_append_printf (s, _(" (from %s%s"), base, self->unit ? self->unit : "");
      if (!isnan (self->growth_rate))
        {
          g_autofree char *rate = pa_format_number (self->growth_rate);
          g_string_append_printf (s, _(", %s%% a year"), rate);
        }
      g_string_append_c (s, ')');
    }
  else if (!isnan (self->growth_rate))
    {
      g_autofree char *rate = pa_format_number (self->growth_rate);
      g_string_append_printf (s, _(" (%s%% a year)"), rate);
    }
  return g_string_free (s, FALSE);
}
