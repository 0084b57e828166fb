/* test-audit.c — the plan audit on the real seed data and on plans made to fail */
#include "config.h"

#include <math.h>

#include "audit/pa-audit.h"
#include "pa-test-util.h"

static GPtrArray *
audit (const char *slug, double tolerance, guint *checks)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), slug, &error);
  g_assert_no_error (error);
  return pa_audit_plan (plan, tolerance, checks);
}

/* The one real inconsistency in the seeds: Yantai's four zone revenue targets for 2023
 * (500 + 1000 + 500 + 100 亿元, 二、(四)载体建设工程) add up to 2100亿元, while the city
 * target is 突破2000亿元 (一、(三)发展目标): 5 % more than the total they make up. */
static void
test_yantai_zone_revenues_exceed_city_total (void)
{
  guint checks = 0;
  g_autoptr (GPtrArray) findings = audit ("yantai", PA_AUDIT_DEFAULT_TOLERANCE, &checks);
  PaFinding *f;
  g_autofree char *line = NULL;

  g_assert_cmpuint (findings->len, ==, 1);
  f = findings->pdata[0];
  g_assert_cmpint (f->kind, ==, PA_FINDING_SUM);
  g_assert_cmpfloat_with_epsilon (f->expected, 2100, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->stated, 2000, 1e-9);
  g_assert_cmpfloat (f->tolerance, ==, 0.01);
  g_assert_true (pa_finding_involves (f, "高端药械集聚发展区"));
  g_assert_false (pa_finding_involves (f, "福山区特色产业园区"));
  line = pa_finding_format (f);
  g_assert_nonnull (strstr (line, "2100"));
  g_assert_nonnull (strstr (line, "2000"));
  g_assert_nonnull (strstr (line, "生命科学创新引领核心区 500"));
  g_assert_nonnull (strstr (line, "《关于促进全市生物医药产业高质量发展的若干意见》, 一、(三)发展目标"));
  g_assert_null (strstr (line, ".txt"));
  g_assert_nonnull (strstr (line, "《关于促进全市生物医药产业高质量发展的若干意见》, 二、(四)载体建设工程"));
  g_assert_cmpuint (checks, >, 20);
}

/* The other plans' arithmetic holds within 1 %: Minhang's four bases and 其他街镇
 * (85.2 + 122.5 + 47.4 + 7.0 + 37.8 = 299.9 against 300亿元), each row's growth
 * (e.g. 62.3 × 1.11³ = 85.20; the worst, 紫竹 5.6 × 1.08³ = 7.05 against 7.0, +0.8 %) and
 * increase (107.3 + 15.1 = 122.4 against 122.5), Minhang's 200 + 300 = 500 and Pudong's
 * 1000 + 600 + 2400 = 4000. Shenzhen and Shanghai state no sums, bases or rates, and no
 * target falls before its plan's period: no findings there, and none may be invented. */
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
  /* 2 sums, 5 growth rows, 5 increase rows and the period checks were really made */
  g_assert_cmpuint (minhang_checks, >=, 12);
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
  guint kinds[4] = { 0 };
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
  g_assert_true (g_str_has_prefix (lines[0], "sum: "));
  g_assert_nonnull (strstr (err, "1 findings"));
  g_assert_cmpint (pa_test_run (unknown, &out2, &err2), !=, 0);
  g_assert_nonnull (strstr (err2, "atlantis"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/audit/yantai-zone-revenues-exceed-city-total", test_yantai_zone_revenues_exceed_city_total);
  g_test_add_func ("/audit/other-seeds-are-consistent", test_other_seeds_are_consistent);
  g_test_add_func ("/audit/tolerance-exposes-rounding", test_tolerance_exposes_rounding);
  g_test_add_func ("/audit/checks-fire-on-wrong-numbers", test_checks_fire_on_wrong_numbers);
  g_test_add_func ("/audit/cli-prints-one-line-per-finding", test_cli_audit);
  return g_test_run ();
}
