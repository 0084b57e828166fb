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
          /* a baseline stated in another sentence is checked against that sentence */
          PaCitation *base = t->baseline_citation ? t->baseline_citation : t->citation;
          expect_in_quote (slug, t->indicator, t->value_text ? t->value_text : "", t->citation);
          for (guint n = 0; n < G_N_ELEMENTS (numbers); n++)
            if (!isnan (numbers[n]) && !(n == 0 && t->value_text))
              {
                g_autofree char *num = pa_format_number (numbers[n]);
                expect_in_quote (slug, t->indicator, num, n == 1 ? base : t->citation);
              }
          if (t->baseline_year > 0)
            {
              g_autofree char *year = g_strdup_printf ("%d", t->baseline_year);
              expect_in_quote (slug, t->indicator, year, base);
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

/* Links (FORMAT.md, "Links: what counts as evidence"). A sentence names a zone by its
 * name, by one of its places, by standing in the zone's own section, or by the short form
 * the document itself uses for it; these are the short forms the documents use in the
 * sentences that tie a link (each occurs in its seed). */
static const struct
{
  const char *slug, *name, *short_form;
} short_forms[] = {
  { "minhang", "南部智能医疗创新示范基地和医疗机器人产业园", "智能医疗示范基地" },
  { "minhang", "上海交通大学医疗机器人产业研究院", "交大医疗机器人产业研究院" },
};

static gboolean
text_names (const char *slug, const char *text, const char *name)
{
  if (!text || !name || !*name)
    return FALSE;
  if (strstr (text, name))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (short_forms); i++)
    if (g_str_equal (short_forms[i].slug, slug) && g_str_equal (short_forms[i].name, name)
        && strstr (text, short_forms[i].short_form))
      return TRUE;
  return FALSE;
}

static gboolean
citation_names_zone (const char *slug, PaCitation *c, PaZone *zone)
{
  if (!c)
    return FALSE;
  if (text_names (slug, c->quote, pa_zone_get_name (zone))
      || text_names (slug, c->section, pa_zone_get_name (zone)))
    return TRUE;
  for (guint p = 0; p < pa_zone_get_n_parts (zone); p++)
    if (text_names (slug, c->quote, pa_zone_get_part_info (zone, p)->name))
      return TRUE;
  return FALSE;
}

static gboolean
zone_has_industry (PaZone *zone, const char *industry, PaCitation **citation)
{
  for (guint i = 0; i < pa_zone_get_n_industries (zone); i++)
    if (g_strcmp0 (pa_zone_get_industry (zone, i, citation), industry) == 0)
      return TRUE;
  return FALSE;
}

/* A zone whose own name names an industry (any plan's: the shared vocabulary) is linked to
 * it, citing a sentence that names the zone — 烟台's 高端原料药绿色承载区 and
 * 生物医药高端药械集聚发展区 alike. */
static void
test_zone_names_link_their_industries (void)
{
  static const struct
  {
    const char *slug, *zone, *industry;
  } regressions[] = {
    { "yantai", "高端药械集聚发展区", "高端药械" },
    { "yantai", "高端原料药绿色承载区", "高端原料药" },
  };
  g_autoptr (GPtrArray) slugs = plan_slugs ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) vocabulary = pa_store_list_industries (pa_test_default_store (), &error);
  guint checked = 0, found = 0;

  g_assert_no_error (error);
  failures = 0;
  for (guint i = 0; i < slugs->len; i++)
    {
      const char *slug = slugs->pdata[i];
      g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), slug, &error);
      GListModel *zones = pa_plan_get_zones (plan);

      g_assert_no_error (error);
      for (guint z = 0; z < g_list_model_get_n_items (zones); z++)
        {
          g_autoptr (PaZone) zone = g_list_model_get_item (zones, z);
          const char *name = pa_zone_get_name (zone);
          for (guint v = 0; v < vocabulary->len; v++)
            {
              const char *industry = vocabulary->pdata[v];
              PaCitation *c = NULL;
              if (!strstr (name, industry))
                continue;
              if (!zone_has_industry (zone, industry, &c))
                {
                  g_test_message ("%s: the zone “%s” names the industry “%s” but is not linked to it",
                                  slug, name, industry);
                  failures++;
                }
              else if (!citation_names_zone (slug, c, zone))
                {
                  g_test_message ("%s: “%s” — %s is linked by a sentence that does not name the zone",
                                  slug, name, industry);
                  failures++;
                }
              checked++;
            }
          for (guint r = 0; r < G_N_ELEMENTS (regressions); r++)
            if (g_str_equal (regressions[r].slug, slug) && g_str_equal (regressions[r].zone, name))
              {
                found++;
                if (!zone_has_industry (zone, regressions[r].industry, NULL))
                  {
                    g_test_message ("%s: “%s” lost its industry %s", slug, name, regressions[r].industry);
                    failures++;
                  }
              }
        }
    }
  g_test_message ("%u zone names that name an industry", checked);
  g_assert_cmpuint (found, ==, G_N_ELEMENTS (regressions));
  g_assert_cmpuint (checked, >=, 8);
  g_assert_cmpuint (failures, ==, 0);
}

/* Every industry linked to a zone is in its sentence, and that sentence names the zone. */
static void
test_linked_industries_name_their_zone (void)
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

      g_assert_no_error (error);
      for (guint z = 0; z < g_list_model_get_n_items (zones); z++)
        {
          g_autoptr (PaZone) zone = g_list_model_get_item (zones, z);
          for (guint k = 0; k < pa_zone_get_n_industries (zone); k++)
            {
              PaCitation *c = NULL;
              const char *industry = pa_zone_get_industry (zone, k, &c);
              expect_in_quote (slug, industry, industry, c);
              if (c && !citation_names_zone (slug, c, zone))
                {
                  g_test_message ("%s: %s is linked to “%s” by a sentence that names neither the zone "
                                  "nor its places nor stands in its section: “%s”",
                                  slug, industry, pa_zone_get_name (zone), c->quote);
                  failures++;
                }
              checked++;
            }
        }
    }
  g_test_message ("%u zone industries checked", checked);
  g_assert_cmpuint (checked, >=, 20);
  g_assert_cmpuint (failures, ==, 0);
}

/* Every organisation linked to a zone is named together with that zone (its name, a
 * place of it, or its section) in the organisation's sentence or in the zone's own. A
 * district or direction that holds more than one zone (闵行 “闵行东部”) does not count. */
static void
test_linked_organisations_name_their_zone (void)
{
  g_autoptr (GPtrArray) slugs = plan_slugs ();
  guint checked = 0;

  failures = 0;
  for (guint i = 0; i < slugs->len; i++)
    {
      const char *slug = slugs->pdata[i];
      g_autoptr (GError) error = NULL;
      g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), slug, &error);
      GPtrArray *orgs = pa_plan_get_organisations (plan);

      g_assert_no_error (error);
      for (guint k = 0; k < orgs->len; k++)
        {
          PaOrganisation *o = orgs->pdata[k];
          PaZone *zone;
          PaCitation *zc;
          if (!o->zone_key)
            continue;
          zone = pa_plan_find_zone (plan, o->zone_key);
          g_assert_nonnull (zone);
          zc = pa_zone_get_citation (zone);
          if (!((o->citation && text_names (slug, o->citation->quote, o->name)
                 && citation_names_zone (slug, o->citation, zone))
                || (zc && text_names (slug, zc->quote, o->name) && citation_names_zone (slug, zc, zone))))
            {
              g_test_message ("%s: %s is linked to “%s”, but no sentence it cites names both: “%s”", slug,
                              o->name, pa_zone_get_name (zone), o->citation ? o->citation->quote : "");
              failures++;
            }
          checked++;
        }
    }
  g_test_message ("%u organisation links checked", checked);
  g_assert_cmpuint (checked, >=, 20);
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
  g_test_add_func ("/fidelity/zone-names-link-their-industries", test_zone_names_link_their_industries);
  g_test_add_func ("/fidelity/linked-industries-name-their-zone", test_linked_industries_name_their_zone);
  g_test_add_func ("/fidelity/linked-organisations-name-their-zone", test_linked_organisations_name_their_zone);
  return g_test_run ();
}
