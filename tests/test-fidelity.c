/* test-fidelity.c — every number and name in the default data is in the sentence it
 * cites, and every cited sentence is in its seed document (read from ../shared/seeds). */
#include "config.h"

#include <math.h>

#include "pa-test-util.h"

static GHashTable *seeds; /* file name → text */

static const char *
seed_text (const char *name)
{
  char *text = g_hash_table_lookup (seeds, name);
  if (!text)
    {
      g_autofree char *path = pa_test_shared_file ("seeds", name);
      if (!path)
        return NULL;
      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      g_hash_table_insert (seeds, g_strdup (name), text);
    }
  return text;
}

static GPtrArray *
plan_slugs (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) plans = pa_store_list_plans (pa_test_default_store (), &error);
  GPtrArray *slugs = g_ptr_array_new_with_free_func (g_free);
  g_assert_no_error (error);
  for (guint i = 0; i < plans->len; i++)
    g_ptr_array_add (slugs, g_strdup (((char **) plans->pdata[i])[0]));
  return slugs;
}

static guint failures;

static void
expect_in_quote (const char *slug, const char *what, const char *needle, PaCitation *c)
{
  if (!c)
    {
      g_test_message ("%s: %s has no citation", slug, what);
      failures++;
    }
  else if (!strstr (c->quote, needle))
    {
      g_test_message ("%s: %s — “%s” is not in its citation “%s” (%s)", slug, what, needle, c->quote,
                      c->seed);
      failures++;
    }
}

static void
test_quotes_are_in_their_seeds (void)
{
  g_autoptr (GPtrArray) slugs = plan_slugs ();
  guint checked = 0;

  failures = 0;
  for (guint i = 0; i < slugs->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) cits = pa_store_list_citations (pa_test_default_store (), slugs->pdata[i], &error);
      g_assert_no_error (error);
      for (guint k = 0; k < cits->len; k++)
        {
          PaCitation *c = cits->pdata[k];
          const char *text = seed_text (c->seed);
          if (!text)
            return;
          if (!strstr (text, c->quote))
            {
              g_test_message ("%s: citation %" G_GINT64_FORMAT " is not in %s: “%s”",
                              (char *) slugs->pdata[i], c->id, c->seed, c->quote);
              failures++;
            }
          checked++;
        }
    }
  g_test_message ("%u citations checked", checked);
  g_assert_cmpuint (checked, >, 80);
  g_assert_cmpuint (failures, ==, 0);
}

static void
test_target_numbers_are_in_their_quotes (void)
{
  g_autoptr (GPtrArray) slugs = plan_slugs ();
  guint checked = 0;

  failures = 0;
  for (guint i = 0; i < slugs->len; i++)
    {
      const char *slug = slugs->pdata[i];
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) targets = pa_store_list_targets (pa_test_default_store (), slug, &error);
      g_assert_no_error (error);
      for (guint k = 0; k < targets->len; k++)
        {
          PaTarget *t = targets->pdata[k];
          double numbers[] = { t->value, t->baseline_value, t->growth_rate, t->increase };
          expect_in_quote (slug, t->indicator, t->value_text ? t->value_text : "", t->citation);
          for (guint n = 0; n < G_N_ELEMENTS (numbers); n++)
            if (!isnan (numbers[n]) && !(n == 0 && t->value_text))
              {
                g_autofree char *num = pa_format_number (numbers[n]);
                expect_in_quote (slug, t->indicator, num, t->citation);
              }
          if (t->year > 0)
            {
              g_autofree char *year = g_strdup_printf ("%d", t->year);
              expect_in_quote (slug, t->indicator, year, t->citation);
            }
          if (t->unit)
            expect_in_quote (slug, t->indicator, t->unit, t->citation);
          if (t->comparator)
            expect_in_quote (slug, t->indicator, t->comparator, t->citation);
          checked++;
        }
    }
  g_test_message ("%u targets checked", checked);
  g_assert_cmpuint (checked, >, 30);
  g_assert_cmpuint (failures, ==, 0);
}

/* Names: each organisation in its sentence; each zone by its name, or — for the few
 * zones the document leaves unnamed (a note says so) — by every place it names. */
static void
test_names_are_in_their_quotes (void)
{
  g_autoptr (GPtrArray) slugs = plan_slugs ();
  guint checked = 0;

  failures = 0;
  for (guint i = 0; i < slugs->len; i++)
    {
      const char *slug = slugs->pdata[i];
      g_autoptr (GError) error = NULL;
      g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), slug, &error);
      GListModel *zones = pa_plan_get_zones (plan);
      GPtrArray *orgs = pa_plan_get_organisations (plan);

      g_assert_no_error (error);
      /* the plan's period: each year it states is in its sentence */
      if (pa_plan_get_period_start (plan) > 0)
        {
          g_autofree char *y = g_strdup_printf ("%d", pa_plan_get_period_start (plan));
          expect_in_quote (slug, "period start", y, pa_plan_get_period_citation (plan));
        }
      if (pa_plan_get_period_end (plan) > 0)
        {
          g_autofree char *y = g_strdup_printf ("%d", pa_plan_get_period_end (plan));
          expect_in_quote (slug, "period end", y, pa_plan_get_period_citation (plan));
        }
      for (guint z = 0; z < g_list_model_get_n_items (zones); z++)
        {
          g_autoptr (PaZone) zone = g_list_model_get_item (zones, z);
          PaCitation *c = pa_zone_get_citation (zone), *area_c = NULL;
          double area = pa_zone_get_land_area (zone, NULL, NULL, &area_c);
          if (!isnan (area))
            {
              g_autofree char *v = pa_format_number (area);
              expect_in_quote (slug, "land area", v, area_c);
              checked++;
            }
          /* a note explains a judgement (a schematic place, an inferred pole); it may not
           * bring in figures the document does not contain */
          if (pa_zone_get_note (zone) && c)
            {
              const char *seed = seed_text (c->seed);
              g_autoptr (GRegex) number = g_regex_new ("[0-9]+(\\.[0-9]+)?", 0, 0, NULL);
              g_autoptr (GMatchInfo) m = NULL;
              g_regex_match (number, pa_zone_get_note (zone), 0, &m);
              while (seed && g_match_info_matches (m))
                {
                  g_autofree char *n = g_match_info_fetch (m, 0);
                  if (!strstr (seed, n))
                    {
                      g_test_message ("%s: the note on %s has %s, which %s does not contain", slug,
                                      pa_zone_get_name (zone), n, c->seed);
                      failures++;
                    }
                  g_match_info_next (m, NULL);
                }
            }
          if (c && strstr (c->quote, pa_zone_get_name (zone)))
            ;
          else if (pa_zone_get_note (zone) && *pa_zone_get_note (zone))
            {
              g_auto (GStrv) places = g_strsplit (pa_zone_get_places (zone), "、", -1);
              for (guint p = 0; places[p]; p++)
                {
                  char *paren = strstr (places[p], "（");
                  if (paren)
                    *paren = 0;
                  expect_in_quote (slug, pa_zone_get_name (zone), places[p], c);
                }
            }
          else
            expect_in_quote (slug, "zone", pa_zone_get_name (zone), c);
          checked++;
        }
      for (guint k = 0; k < orgs->len; k++)
        {
          PaOrganisation *o = orgs->pdata[k];
          expect_in_quote (slug, "organisation", o->name, o->citation);
          checked++;
        }
    }
  g_test_message ("%u names checked", checked);
  g_assert_cmpuint (checked, >, 50);
  g_assert_cmpuint (failures, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  seeds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_test_add_func ("/fidelity/quotes-are-in-their-seeds", test_quotes_are_in_their_seeds);
  g_test_add_func ("/fidelity/target-numbers-are-in-their-quotes", test_target_numbers_are_in_their_quotes);
  g_test_add_func ("/fidelity/names-are-in-their-quotes", test_names_are_in_their_quotes);
  return g_test_run ();
}
