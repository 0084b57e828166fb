/* test-audit.c — the plan audit on the real seed data and on plans made to fail */
#include "config.h"

#include <math.h>

#include "audit/pa-audit.h"
#include "geo/pa-geos.h"
#include "pa-test-util.h"

static GPtrArray *
audit (const char *slug, double tolerance, guint *checks)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), slug, &error);
  g_assert_no_error (error);
  return pa_audit_plan (plan, tolerance, checks);
}

/* Yantai, read as planners read it. Its four zone revenue targets for 2023 (500 + 1000 +
 * 500 + 100 亿元, 二、(四)载体建设工程) add up to 2100亿元 against a city target of
 * 突破2000亿元 (一、(三)发展目标): "突破" is a lower bound, so more is consistent — not a
 * finding (it was one, "+5.0 % apart", before the audit read comparators). What a careful
 * reader does flag: the core zone's 高新区 lies inside 莱山区, part of the 生命健康 zone,
 * and both zones have a 主营业务收入 target — a possible double count. */
static void
test_yantai_reads_comparators_and_finds_the_overlap (void)
{
  guint checks = 0;
  g_autoptr (GPtrArray) findings = audit ("yantai", PA_AUDIT_DEFAULT_TOLERANCE, &checks);
  PaFinding *f;
  g_autofree char *line = NULL;

  for (guint k = 0; k < findings->len; k++)
    g_assert_cmpint (((PaFinding *) findings->pdata[k])->kind, !=, PA_FINDING_SUM);
  g_assert_cmpuint (findings->len, ==, 1);
  f = findings->pdata[0];
  g_assert_cmpint (f->kind, ==, PA_FINDING_OVERLAP);
  g_assert_true (pa_finding_involves (f, "生命科学创新引领核心区"));
  g_assert_true (pa_finding_involves (f, "生命健康融合发展示范区"));
  g_assert_false (pa_finding_involves (f, "高端药械集聚发展区"));
  /* the 高新区 disc: a 4 km radius, clipped to 莱山区 */
  g_assert_cmpfloat (f->expected, >, 20);
  g_assert_cmpfloat (f->expected, <, 60);
  line = pa_finding_format (f);
  g_assert_nonnull (strstr (line, "主营业务收入"));
  g_assert_nonnull (strstr (line, "《关于促进全市生物医药产业高质量发展的若干意见》, 二、(四)载体建设工程"));
  g_assert_null (strstr (line, ".txt"));
  g_assert_cmpuint (checks, >, 20);
}

/* An English figure from a Chinese interface (and the other way round) words the audit's
 * findings in the figure's language. */
static void
test_findings_in_the_figures_language (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), "yantai", &error);
  g_autoptr (GPtrArray) en = pa_audit_plan_in (plan, PA_AUDIT_DEFAULT_TOLERANCE, "en", NULL);
  g_autoptr (GPtrArray) zh = pa_audit_plan_in (plan, PA_AUDIT_DEFAULT_TOLERANCE, "zh", NULL);

  g_assert_cmpuint (en->len, ==, 1);
  g_assert_cmpuint (zh->len, ==, 1);
  g_assert_true (g_str_has_prefix (((PaFinding *) en->pdata[0])->message, "overlap: "));
  g_assert_true (g_str_has_prefix (((PaFinding *) zh->pdata[0])->message, "重叠："));
}

/* The other plans' arithmetic holds within 1 %: Minhang's four bases and 其他街镇
 * (85.2 + 122.5 + 47.4 + 7.0 + 37.8 = 299.9 against 300亿元), each row's growth
 * (e.g. 62.3 × 1.11³ = 85.20; the worst, 紫竹 5.6 × 1.08³ = 7.05 against 7.0, +0.8 %) and
 * increase (107.3 + 15.1 = 122.4 against 122.5), Minhang's 200 + 300 = 500 and Pudong's
 * 1000 + 600 + 2400 = 4000. Minhang's city-wide baselines, stated in its running text
 * ("1、": 2020年…营收312亿元 … 工业总产值为240亿元 … 营收72亿元), are stored as baselines:
 * 312 × 1.17³ = 499.7 against 500, 240 × 1.078³ = 300.6 against 300, 72 + 128 = 200.
 * Shenzhen and Shanghai state no sums, bases or rates, and no target falls outside its
 * plan's period: no findings there, and none may be invented. */
static void
test_other_seeds_are_consistent (void)
{
  const char *slugs[] = { "shenzhen", "minhang", "shanghai", "pudong" };
  guint minhang_checks = 0;
  for (guint i = 0; i < G_N_ELEMENTS (slugs); i++)
    {
      guint checks = 0;
      g_autoptr (GPtrArray) findings = audit (slugs[i], PA_AUDIT_DEFAULT_TOLERANCE, &checks);
      for (guint k = 0; k < findings->len; k++)
        {
          g_autofree char *line = pa_finding_format (findings->pdata[k]);
          g_test_message ("%s: %s", slugs[i], line);
        }
      g_assert_cmpuint (findings->len, ==, 0);
      if (g_str_equal (slugs[i], "minhang"))
        minhang_checks = checks;
    }
  /* 2 sums, 7 growth rows, 7 increase rows and the period checks were really made */
  g_assert_cmpuint (minhang_checks, >=, 16);
}

/* The baselines from Minhang's running text take part in the growth check: with a rate
 * changed in a copy of the plan, the 312亿元 baseline makes a finding. */
static void
test_running_text_baselines_are_checked (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), "minhang", &error);
  GPtrArray *targets = pa_plan_get_all_targets (plan);
  PaTarget *total = NULL;
  g_autoptr (GPtrArray) findings = NULL;

  for (guint i = 0; i < targets->len; i++)
    if (g_strcmp0 (((PaTarget *) targets->pdata[i])->key, "total_revenue") == 0)
      total = targets->pdata[i];
  g_assert_nonnull (total);
  g_assert_cmpfloat (total->baseline_value, ==, 312);
  g_assert_cmpint (total->baseline_year, ==, 2020);
  g_assert_nonnull (total->baseline_citation);
  g_assert_nonnull (strstr (total->baseline_citation->quote, "312亿元"));
  total->growth_rate = 10; /* 312 × 1.1³ = 415.3, short of 达到500 */
  findings = pa_audit_plan (plan, PA_AUDIT_DEFAULT_TOLERANCE, NULL);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpint (((PaFinding *) findings->pdata[0])->kind, ==, PA_FINDING_GROWTH);
  g_assert_true (((PaFinding *) findings->pdata[0])->other == total->baseline_citation);
}

/* A tighter tolerance shows the audit reads the rounding the documents contain:
 * 闵行经济技术开发区 107.3 + 15.1 = 122.4 against the stated 122.5 (−0.08 %). */
static void
test_tolerance_exposes_rounding (void)
{
  g_autoptr (GPtrArray) findings = audit ("minhang", 0.0005, NULL);
  gboolean found = FALSE;
  for (guint k = 0; k < findings->len; k++)
    {
      PaFinding *f = findings->pdata[k];
      if (f->kind == PA_FINDING_INCREASE && pa_finding_involves (f, "闵行经济技术开发区"))
        {
          found = TRUE;
          g_assert_cmpfloat_with_epsilon (f->expected, 122.4, 1e-9);
          g_assert_cmpfloat_with_epsilon (f->stated, 122.5, 1e-9);
        }
    }
  g_assert_true (found);
}

static PaTarget *
target (const char *owner, double base, int base_year, double rate, double increase, double value, int year)
{
  PaTarget *t = pa_target_new ();
  t->indicator = g_strdup ("产值");
  t->owner = g_strdup (owner);
  t->unit = g_strdup ("亿元");
  t->baseline_value = base;
  t->baseline_year = base_year;
  t->growth_rate = rate;
  t->increase = increase;
  t->value = value;
  t->year = year;
  t->citation = pa_citation_new (1, NULL, "一", "句子");
  return t;
}

/* Made-up plans: each check fires on a wrong number and stays quiet on a right one. */
static void
test_checks_fire_on_wrong_numbers (void)
{
  g_autoptr (PaPlan) plan = pa_plan_new (1, "test", "测试规划", "1+1");
  g_autoptr (PaTarget) good = target ("甲区", 100, 2020, 10, 33.1, 133.1, 2023);
  g_autoptr (PaTarget) bad_growth = target ("乙区", 100, 2020, 10, NAN, 120, 2023);
  g_autoptr (PaTarget) bad_increase = target ("丙区", 100, 2020, NAN, 10, 120, 2023);
  g_autoptr (PaTarget) too_early = target ("丁区", NAN, 0, NAN, NAN, 50, 2019);
  g_autoptr (PaTarget) total = target (NULL, NAN, 0, NAN, NAN, 400, 2023);
  g_autoptr (PaTargetSum) sum = pa_target_sum_new (total, NULL);
  g_autoptr (GPtrArray) findings = NULL;
  guint kinds[PA_FINDING_OVERLAP + 1] = { 0 };
  guint checks;

  pa_plan_set_period (plan, 2021, 2023, NULL);
  pa_plan_add_any_target (plan, good);
  pa_plan_add_any_target (plan, bad_growth);
  pa_plan_add_any_target (plan, bad_increase);
  pa_plan_add_any_target (plan, too_early);
  pa_plan_add_any_target (plan, total);
  g_ptr_array_add (sum->parts, pa_target_ref (good));
  g_ptr_array_add (sum->parts, pa_target_ref (bad_growth));
  g_ptr_array_add (sum->parts, pa_target_ref (bad_increase));
  pa_plan_add_sum (plan, sum);

  findings = pa_audit_plan (plan, 0.01, &checks);
  for (guint k = 0; k < findings->len; k++)
    {
      PaFinding *f = findings->pdata[k];
      kinds[f->kind]++;
      g_assert_false (pa_finding_involves (f, "甲区") && f->kind != PA_FINDING_SUM);
    }
  /* 133.1 + 120 + 120 = 373.1 against 400 */
  g_assert_cmpuint (kinds[PA_FINDING_SUM], ==, 1);
  /* 100 × 1.1³ = 133.1 against 120 */
  g_assert_cmpuint (kinds[PA_FINDING_GROWTH], ==, 1);
  /* 100 + 10 = 110 against 120 */
  g_assert_cmpuint (kinds[PA_FINDING_INCREASE], ==, 1);
  /* 2019 is before the period 2021–2023 */
  g_assert_cmpuint (kinds[PA_FINDING_PERIOD], ==, 1);
  g_assert_cmpuint (findings->len, ==, 4);
}

/* Comparators: a lower bound is contradicted only from below, "about" within 5 %,
 * "nearly" up to 10 % below; a value with no comparator within the tolerance. */
static void
test_comparators_are_read (void)
{
  static const struct
  {
    const char *comparator;
    double parts_total; /* against a stated 100 */
    gboolean finding;
  } cases[] = {
    { "突破", 110, FALSE }, { "突破", 95, TRUE },  { "超过", 130, FALSE }, { "以上", 100, FALSE },
    { "达到", 105, FALSE }, { "达到", 90, TRUE },  { "左右", 104, FALSE }, { "左右", 94, TRUE },
    { "左右", 106, TRUE },  { "近", 92, FALSE },   { "近", 88, TRUE },     { "近", 102, TRUE },
    { NULL, 100.5, FALSE }, { NULL, 103, TRUE },   { NULL, 97, TRUE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PaPlan) plan = pa_plan_new (1, "test", "测试规划", "1+1");
      g_autoptr (PaTarget) a = target ("甲区", NAN, 0, NAN, NAN, cases[i].parts_total / 2, 2023);
      g_autoptr (PaTarget) b = target ("乙区", NAN, 0, NAN, NAN, cases[i].parts_total / 2, 2023);
      g_autoptr (PaTarget) total = target (NULL, NAN, 0, NAN, NAN, 100, 2023);
      g_autoptr (PaTargetSum) sum = pa_target_sum_new (total, NULL);
      g_autoptr (GPtrArray) findings = NULL;

      total->comparator = g_strdup (cases[i].comparator);
      g_ptr_array_add (sum->parts, pa_target_ref (a));
      g_ptr_array_add (sum->parts, pa_target_ref (b));
      pa_plan_add_sum (plan, sum);
      findings = pa_audit_plan (plan, 0.01, NULL);
      if ((findings->len == 1) != cases[i].finding)
        g_test_fail_printf ("%s: parts adding up to %g against a stated 100 should%s be a finding",
                            cases[i].comparator ? cases[i].comparator : "(none)", cases[i].parts_total,
                            cases[i].finding ? "" : " not");
    }
  g_assert_cmpint (pa_comparator_classify ("多于"), ==, PA_COMPARATOR_UNKNOWN);
  g_assert_cmpint (pa_comparator_classify (NULL), ==, PA_COMPARATOR_EXACT);
}

/* A target year after the plan's period ends is a finding, as one before it starts is. */
static void
test_target_after_period (void)
{
  g_autoptr (PaPlan) plan = pa_plan_new (1, "test", "测试规划", "1+1");
  g_autoptr (PaTarget) late = target ("甲区", NAN, 0, NAN, NAN, 50, 2026);
  g_autoptr (PaTarget) inside = target ("乙区", NAN, 0, NAN, NAN, 50, 2023);
  g_autoptr (GPtrArray) findings = NULL;

  pa_plan_set_period (plan, 2021, 2023, NULL);
  pa_plan_add_any_target (plan, late);
  pa_plan_add_any_target (plan, inside);
  findings = pa_audit_plan (plan, 0.01, NULL);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpint (((PaFinding *) findings->pdata[0])->kind, ==, PA_FINDING_PERIOD);
  g_assert_true (pa_finding_involves (findings->pdata[0], "甲区"));
  g_assert_nonnull (strstr (((PaFinding *) findings->pdata[0])->message, "2026"));
}

/* Overlap: two zones sharing ground and an indicator make a finding; the same zones
 * with different indicators, or side by side, do not. */
static void
test_overlap_needs_shared_ground_and_indicator (void)
{
  static const struct
  {
    double lon_b;
    const char *indicator_b;
    gboolean finding;
  } cases[] = {
    { 121.03, "产值", TRUE },   /* 3 km apart, 5 km radii: they overlap */
    { 121.03, "税收", FALSE },  /* overlap, but no shared indicator */
    { 121.20, "产值", FALSE },  /* 17 km apart: no overlap */
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (PaPlan) plan = pa_plan_new (1, "test", "测试规划", "1+1");
      g_autoptr (PaZone) a = pa_zone_new (1, "a", "甲区", "core");
      g_autoptr (PaZone) b = pa_zone_new (2, "b", "乙区", "core");
      g_autoptr (PaGeometry) ga = pa_geometry_new_disc (121.0, 37.5, 5);
      g_autoptr (PaGeometry) gb = pa_geometry_new_disc (cases[i].lon_b, 37.5, 5);
      g_autoptr (PaTarget) ta = target ("甲区", NAN, 0, NAN, NAN, 50, 2023);
      g_autoptr (PaTarget) tb = target ("乙区", NAN, 0, NAN, NAN, 50, 2023);
      g_autoptr (GPtrArray) findings = NULL;

      g_free (tb->indicator);
      tb->indicator = g_strdup (cases[i].indicator_b);
      pa_zone_set_geometry (a, ga);
      pa_zone_set_geometry (b, gb);
      pa_zone_add_target (a, ta);
      pa_zone_add_target (b, tb);
      pa_plan_add_zone (plan, a);
      pa_plan_add_zone (plan, b);
      findings = pa_audit_plan (plan, 0.01, NULL);
      g_assert_cmpuint (findings->len, ==, cases[i].finding ? 1 : 0);
      if (cases[i].finding)
        g_assert_cmpint (((PaFinding *) findings->pdata[0])->kind, ==, PA_FINDING_OVERLAP);
    }
}

/* --audit prints one line per finding on stdout and exits 0. */
static void
test_cli_audit (void)
{
  const char *argv[] = { g_getenv ("PARKATLAS_EXE"), "--db", pa_store_get_path (pa_test_default_store ()),
                         "--audit", "--plan", "yantai", NULL };
  const char *unknown[] = { argv[0], "--db", argv[2], "--audit", "--plan", "atlantis", NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  g_auto (GStrv) lines = NULL;

  g_assert_cmpint (pa_test_run (argv, &out, &err), ==, 0);
  lines = g_strsplit (g_strchomp (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_true (g_str_has_prefix (lines[0], "overlap: "));
  g_assert_nonnull (strstr (err, "1 findings"));
  g_assert_cmpint (pa_test_run (unknown, &out2, &err2), !=, 0);
  g_assert_nonnull (strstr (err2, "atlantis"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/audit/findings-in-the-figures-language", test_findings_in_the_figures_language);
  g_test_add_func ("/audit/yantai-reads-comparators-and-finds-the-overlap", test_yantai_reads_comparators_and_finds_the_overlap);
  g_test_add_func ("/audit/running-text-baselines-are-checked", test_running_text_baselines_are_checked);
  g_test_add_func ("/audit/comparators-are-read", test_comparators_are_read);
  g_test_add_func ("/audit/target-after-period", test_target_after_period);
  g_test_add_func ("/audit/overlap-needs-shared-ground-and-indicator", test_overlap_needs_shared_ground_and_indicator);
  g_test_add_func ("/audit/other-seeds-are-consistent", test_other_seeds_are_consistent);
  g_test_add_func ("/audit/tolerance-exposes-rounding", test_tolerance_exposes_rounding);
  g_test_add_func ("/audit/checks-fire-on-wrong-numbers", test_checks_fire_on_wrong_numbers);
  g_test_add_func ("/audit/cli-prints-one-line-per-finding", test_cli_audit);
  return g_test_run ();
}
