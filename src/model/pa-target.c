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
      g_clear_pointer (&self->baseline_citation, pa_citation_unref);
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

static const struct
{
  const char *word;
  PaComparatorKind kind;
} comparators[] = {
  { "达到", PA_COMPARATOR_AT_LEAST },   { "累计达到", PA_COMPARATOR_AT_LEAST },
  { "突破", PA_COMPARATOR_MORE_THAN },  { "超过", PA_COMPARATOR_MORE_THAN },
  { "超", PA_COMPARATOR_MORE_THAN },    { "累计超过", PA_COMPARATOR_MORE_THAN },
  { "以上", PA_COMPARATOR_MORE_THAN },  { "左右", PA_COMPARATOR_ABOUT },
  { "约", PA_COMPARATOR_ABOUT },        { "近", PA_COMPARATOR_NEARLY },
  { "新增", PA_COMPARATOR_ACTION },     { "新建", PA_COMPARATOR_ACTION },
  { "引培", PA_COMPARATOR_ACTION },     { "形成", PA_COMPARATOR_ACTION },
  { "建设", PA_COMPARATOR_ACTION },     { "成为", PA_COMPARATOR_ACTION },
  { "保持", PA_COMPARATOR_ACTION },     { "基本建成", PA_COMPARATOR_ACTION },
  { "打造", PA_COMPARATOR_ACTION },
};

PaComparatorKind
pa_comparator_classify (const char *word)
{
  if (!word || !*word)
    return PA_COMPARATOR_EXACT;
  for (guint i = 0; i < G_N_ELEMENTS (comparators); i++)
    if (g_str_equal (word, comparators[i].word))
      return comparators[i].kind;
  return PA_COMPARATOR_UNKNOWN;
}

gboolean
pa_comparator_follows_value (const char *word)
{
  return g_strcmp0 (word, "以上") == 0 || g_strcmp0 (word, "左右") == 0;
}

static gboolean
is_cjk (gunichar c)
{
  GUnicodeScript script = g_unichar_get_script (c);
  return script == G_UNICODE_SCRIPT_HAN || (c >= 0x3000 && c <= 0x303f) /* CJK punctuation */
         || (c >= 0xff00 && c <= 0xffef) /* full-width forms */ || c == 0x201c || c == 0x201d
         || c == 0x2026;
}

/* Appends @piece; a space goes between two pieces only where neither side is Chinese, as
 * Chinese typography writes 主营业务收入达到500亿元 with no spaces, and English needs them. */
static void
append_word (GString *s, const char *piece)
{
  gunichar before, after;

  if (!piece || !*piece)
    return;
  if (s->len > 0)
    {
      before = g_utf8_get_char (g_utf8_find_prev_char (s->str, s->str + s->len));
      after = g_utf8_get_char (piece);
      if (!is_cjk (before) && !is_cjk (after) && !g_unichar_isspace (before)
          && !g_unichar_ispunct (after))
        g_string_append_c (s, ' ');
    }
  g_string_append (s, piece);
}

char *
pa_target_describe (const PaTarget *self)
{
  GString *s = g_string_new (NULL);
  g_autofree char *value = pa_format_number (self->value);
  g_autofree char *amount = NULL;
  gboolean has_value = self->value_text || !isnan (self->value);
  const char *comparator = self->comparator && *self->comparator ? self->comparator : NULL;

  if (self->year > 0)
    /* Translators: a target year, e.g. "2023年：" in Chinese */
    g_string_append_printf (s, _("by %d: "), self->year);
  if (has_value)
    amount = g_strconcat (self->value_text ? self->value_text : value, self->unit ? self->unit : "", NULL);
  if (!has_value && comparator)
    {
      /* a qualitative target: the verb before its object, 成为……的产业地标 */
      append_word (s, comparator);
      append_word (s, self->indicator);
    }
  else if (pa_comparator_follows_value (comparator))
    {
      /* 申报上市药品50个以上 */
      append_word (s, self->indicator);
      append_word (s, amount);
      append_word (s, comparator);
    }
  else
    {
      append_word (s, self->indicator);
      append_word (s, comparator);
      append_word (s, amount);
    }
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
      /* Translators: closes " (from …" */
      g_string_append (s, _(")"));
    }
  else if (!isnan (self->growth_rate))
    {
      g_autofree char *rate = pa_format_number (self->growth_rate);
      g_string_append_printf (s, _(" (%s%% a year)"), rate);
    }
  return g_string_free (s, FALSE);
}
