/* test-typography.c — Chinese typography in what a planner reads: every target string of
 * the five plans and every zone label, in the Chinese and the English interface. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>

#include "pa-test-util.h"

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* A space with a Chinese character on both sides: "的产业地标 成为". */
static gboolean
has_space_between_han (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (*p == ' ' && p > text && p[1])
      {
        gunichar before = g_utf8_get_char (g_utf8_find_prev_char (text, p));
        gunichar after = g_utf8_get_char (p + 1);
        if (is_han (before) && is_han (after))
          return TRUE;
      }
  return FALSE;
}

/* An ASCII bracket beside a Chinese character: "张江 (示意)" instead of "张江（示意）". */
static gboolean
has_half_width_bracket_by_han (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (*p == '(' || *p == ')')
      {
        const char *prev = p > text ? g_utf8_find_prev_char (text, p) : NULL;
        const char *next = p + 1;
        if ((prev && is_han (g_utf8_get_char (prev))) || (*next && is_han (g_utf8_get_char (next))))
          return TRUE;
      }
  return FALSE;
}

static void
check_plan (const char *slug, gboolean chinese, guint *checked)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), slug, &error);
  GPtrArray *targets;
  GListModel *zones;

  g_assert_no_error (error);
  targets = pa_plan_get_all_targets (plan);
  for (guint i = 0; i < targets->len; i++)
    {
      PaTarget *t = targets->pdata[i];
      g_autofree char *text = pa_target_describe (t);
      gboolean qualitative = isnan (t->value) && !t->value_text && t->comparator;

      if (has_space_between_han (text))
        g_test_fail_printf ("%s: a space between Chinese words: “%s”", slug, text);
      if (chinese)
        {
          /* the document's own words stay as written (Pudong's “大企业(外部)创新中心”):
           * the rule is for what Park Atlas adds around them */
          g_autoptr (GString) ours = g_string_new (text);
          if (t->indicator)
            g_string_replace (ours, t->indicator, "指标", 0);
          if (has_half_width_bracket_by_han (ours->str))
            g_test_fail_printf ("%s: a half-width bracket in Chinese: “%s”", slug, text);
        }
      if (qualitative)
        {
          /* the verb before its object: "成为……的产业地标" */
          const char *verb = strstr (text, t->comparator), *object = strstr (text, t->indicator);
          if (!verb || !object || verb > object)
            g_test_fail_printf ("%s: the verb “%s” does not come first: “%s”", slug, t->comparator, text);
        }
      if (chinese && t->value_text == NULL && !isnan (t->value) && t->comparator
          && !pa_comparator_follows_value (t->comparator))
        {
          /* "主营业务收入达到500亿元": indicator, comparator and amount as one phrase */
          g_autofree char *value = pa_format_number (t->value);
          g_autofree char *phrase = g_strconcat (t->indicator, t->comparator, value, NULL);
          if (!strstr (text, phrase))
            g_test_fail_printf ("%s: “%s” is not written as one phrase in “%s”", slug, phrase, text);
        }
      (*checked)++;
    }
  zones = pa_plan_get_zones (plan);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      g_autofree char *label = pa_zone_dup_label (z);
      if (has_half_width_bracket_by_han (label) || has_space_between_han (label))
        g_test_fail_printf ("%s: zone label “%s”", slug, label);
      if (pa_zone_get_schematic (z) && !strstr (label, "示意"))
        g_test_fail_printf ("%s: schematic zone without 示意: “%s”", slug, label);
      if (pa_zone_get_inference (z) && !strstr (label, "（推定）") && !strstr (label, "·推定）"))
        g_test_fail_printf ("%s: inferred zone without 推定: “%s”", slug, label);
    }
}

static void
check_all_plans (gboolean chinese)
{
  g_autoptr (GPtrArray) plans = pa_store_list_plans (pa_test_default_store (), NULL);
  guint checked = 0;

  g_assert_cmpuint (plans->len, ==, 5);
  for (guint k = 0; k < plans->len; k++)
    check_plan (((char **) plans->pdata[k])[0], chinese, &checked);
  g_test_message ("%u target strings checked", checked);
  g_assert_cmpuint (checked, >, 60);
}

static void
test_chinese_interface (void)
{
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  setlocale (LC_ALL, "");
  /* the interface really is Chinese: otherwise this test would check English */
  g_assert_cmpstr (_("by %d: "), ==, "%d年：");
  check_all_plans (TRUE);
}

static void
test_english_interface (void)
{
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  g_assert_cmpstr (_("by %d: "), ==, "by %d: ");
  check_all_plans (FALSE);
}

/* The rules themselves: what they catch. */
static void
test_rules_catch_bad_typography (void)
{
  g_assert_true (has_space_between_han ("……的产业地标 成为"));
  g_assert_false (has_space_between_han ("by 2023: 主营业务收入达到500亿元"));
  g_assert_true (has_half_width_bracket_by_han ("张江 (示意)"));
  g_assert_true (has_half_width_bracket_by_han ("张江(示意)"));
  g_assert_false (has_half_width_bracket_by_han ("张江（示意）"));
}

int
main (int argc, char *argv[])
{
  bindtextdomain (GETTEXT_PACKAGE, PA_BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/typography/rules-catch-bad-typography", test_rules_catch_bad_typography);
  g_test_add_func ("/typography/chinese-interface", test_chinese_interface);
  g_test_add_func ("/typography/english-interface", test_english_interface);
  return g_test_run ();
}
