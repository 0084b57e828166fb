/* pa-audit.c */
#include "config.h"

#include "pa-audit.h"

/* findings are printed in figures, in the figure's language */
#include "render/pa-figure-text.h"

#include <glib/gi18n.h>
#include <math.h>

#include "geo/pa-geodesic.h"
#include "geo/pa-geos.h"

/* 左右 / 约: "about" allows this much either way; 近 ("nearly") this much below */
#define APPROXIMATE_TOLERANCE 0.05
#define NEARLY_TOLERANCE 0.10
/* zones sharing less than this (of the smaller one) touch rather than overlap */
#define OVERLAP_SHARE 0.01

G_DEFINE_BOXED_TYPE (PaFinding, pa_finding, pa_finding_ref, pa_finding_unref)

PaFinding *
pa_finding_ref (PaFinding *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
pa_finding_unref (PaFinding *self)
{
  if (g_atomic_ref_count_dec (&self->ref))
    {
      g_free (self->message);
      g_clear_pointer (&self->citation, pa_citation_unref);
      g_clear_pointer (&self->other, pa_citation_unref);
      g_ptr_array_unref (self->owners);
      g_free (self);
    }
}

static PaFinding *
finding_new (PaFindingKind kind, double expected, double stated, double tolerance,
             PaCitation *citation, PaCitation *other)
{
  PaFinding *f = g_new0 (PaFinding, 1);
  g_atomic_ref_count_init (&f->ref);
  f->kind = kind;
  f->expected = expected;
  f->stated = stated;
  f->tolerance = tolerance;
  f->citation = citation ? pa_citation_ref (citation) : NULL;
  f->other = other && other != citation ? pa_citation_ref (other) : NULL;
  f->owners = g_ptr_array_new_with_free_func (g_free);
  return f;
}

static void
add_owner (PaFinding *f, const PaTarget *t)
{
  if (t->owner)
    g_ptr_array_add (f->owners, g_strdup (t->owner));
}

char *
pa_finding_format (const PaFinding *self)
{
  GString *s = g_string_new (self->message);
  if (self->citation)
    {
      g_autofree char *cited = pa_citation_dup_reference (self->citation, FALSE);
      g_autofree char *other = self->other ? pa_citation_dup_reference (self->other, FALSE) : NULL;
      g_string_append_printf (s, " [%s%s%s]", cited, other ? " | " : "", other ? other : "");
    }
  return g_string_free (s, FALSE);
}

gboolean
pa_finding_involves (const PaFinding *self, const char *owner)
{
  for (guint i = 0; owner && i < self->owners->len; i++)
    if (g_str_equal (self->owners->pdata[i], owner))
      return TRUE;
  return FALSE;
}

static const char *
unit (const PaTarget *t)
{
  return t->unit ? t->unit : "";
}

/* "主营业务收入 (高端药械集聚发展区)" or just the indicator for plan-level targets. */
static char *
label (const PaTarget *t)
{
  return t->owner ? g_strdup_printf ("%s（%s）", t->indicator, t->owner) : g_strdup (t->indicator);
}

static double
relative_gap (double expected, double stated)
{
  return stated != 0 ? (expected - stated) / fabs (stated) : (expected == 0 ? 0 : INFINITY);
}

/* Does what the other numbers give (@gap, relative to the stated value) agree with the
 * stated value, read as its comparator says? 突破 2000 is met by 2100: a lower bound is
 * only contradicted from below. */
static gboolean
consistent (double gap, const char *comparator, double tolerance)
{
  switch (pa_comparator_classify (comparator))
    {
    case PA_COMPARATOR_AT_LEAST:
    case PA_COMPARATOR_MORE_THAN:
      return gap >= -tolerance;
    case PA_COMPARATOR_ABOUT:
      return fabs (gap) <= MAX (tolerance, APPROXIMATE_TOLERANCE);
    case PA_COMPARATOR_NEARLY:
      return gap >= -MAX (tolerance, NEARLY_TOLERANCE) && gap <= tolerance;
    case PA_COMPARATOR_EXACT:
    case PA_COMPARATOR_ACTION:
    case PA_COMPARATOR_UNKNOWN:
    default:
      return fabs (gap) <= tolerance;
    }
}

/* How the finding's message reads the stated value: "a lower bound", "about" … */
static const char *
reading (const char *comparator, const char *lang)
{
  switch (pa_comparator_classify (comparator))
    {
    case PA_COMPARATOR_AT_LEAST:
    case PA_COMPARATOR_MORE_THAN:
      return pa_figure_text (lang, N_(" (a lower bound, and the other numbers fall short of it)"));
    case PA_COMPARATOR_ABOUT:
      return pa_figure_text (lang, N_(" (an approximate value, and the other numbers are further off than ±5%)"));
    case PA_COMPARATOR_NEARLY:
      return pa_figure_text (lang, N_(" (“nearly”: the other numbers should be at most 10% below it)"));
    default:
      return "";
    }
}

static void
check_sum (PaTargetSum *sum, double tolerance, const char *lang, GPtrArray *out, guint *n)
{
  g_autoptr (GString) terms = g_string_new (NULL);
  g_autofree char *total_label = label (sum->total);
  g_autofree char *sum_text = NULL, *stated_text = NULL, *pct = NULL, *tol = NULL;
  double total = 0, gap;
  PaFinding *f;

  if (isnan (sum->total->value) || sum->parts->len == 0)
    return;
  for (guint i = 0; i < sum->parts->len; i++)
    {
      PaTarget *p = sum->parts->pdata[i];
      g_autofree char *v = pa_format_number (p->value);
      if (isnan (p->value))
        return; /* a part without a number: nothing to add up */
      total += p->value;
      g_string_append_printf (terms, "%s%s %s", i ? " + " : "", p->owner ? p->owner : p->indicator, v);
    }
  (*n)++;
  gap = relative_gap (total, sum->total->value);
  if (consistent (gap, sum->total->comparator, tolerance))
    return;
  f = finding_new (PA_FINDING_SUM, total, sum->total->value, tolerance, sum->total->citation,
                   ((PaTarget *) sum->parts->pdata[0])->citation);
  sum_text = pa_format_number (round (total * 1e6) / 1e6);
  stated_text = pa_format_number (sum->total->value);
  pct = g_strdup_printf ("%+.1f", gap * 100);
  tol = pa_format_number (tolerance * 100);
  /* Translators: sum check. 1: the parts, 2: their sum, 3: unit, 4: what they should
   * make up, 5: comparator, 6: stated total, 7: unit, 8: gap in %, 9: tolerance in %,
   * 10: how the comparator is read, or nothing */
  f->message = g_strdup_printf (pa_figure_text (lang, N_("sum: %1$s = %2$s%3$s, but %4$s is stated as %5$s%6$s%7$s%10$s: "
                                  "%8$s%% apart (tolerance ±%9$s%%)")),
                                terms->str, sum_text, unit (sum->total), total_label,
                                sum->total->comparator ? sum->total->comparator : "", stated_text,
                                unit (sum->total), pct, tol, reading (sum->total->comparator, lang));
  for (guint i = 0; i < sum->parts->len; i++)
    add_owner (f, sum->parts->pdata[i]);
  add_owner (f, sum->total);
  g_ptr_array_add (out, f);
}

static void
check_growth (PaPlan *plan, PaTarget *t, double tolerance, const char *lang, GPtrArray *out, guint *n)
{
  int base_year = t->baseline_year, years;
  gboolean assumed = FALSE;
  double expected, gap;
  g_autofree char *lab = NULL, *base = NULL, *rate = NULL, *exp_text = NULL, *stated = NULL;
  g_autofree char *pct = NULL, *tol = NULL, *assumption = NULL;
  PaFinding *f;

  if (isnan (t->baseline_value) || isnan (t->growth_rate) || isnan (t->value) || t->year <= 0)
    return;
  if (base_year <= 0)
    {
      /* the document gives the base as "现有" without a year: the year before the period */
      if (pa_plan_get_period_start (plan) <= 0)
        return;
      base_year = pa_plan_get_period_start (plan) - 1;
      assumed = TRUE;
    }
  years = t->year - base_year;
  if (years <= 0)
    return;
  (*n)++;
  expected = t->baseline_value * pow (1 + t->growth_rate / 100, years);
  gap = relative_gap (expected, t->value);
  if (consistent (gap, t->comparator, tolerance))
    return;
  f = finding_new (PA_FINDING_GROWTH, expected, t->value, tolerance, t->citation, t->baseline_citation);
  lab = label (t);
  base = pa_format_number (t->baseline_value);
  rate = pa_format_number (t->growth_rate);
  exp_text = g_strdup_printf ("%.2f", expected);
  stated = pa_format_number (t->value);
  pct = g_strdup_printf ("%+.1f", gap * 100);
  tol = pa_format_number (tolerance * 100);
  assumption = assumed ? g_strdup_printf (pa_figure_text (lang, N_(" (base year not stated: taken as %d, the year before the plan's period)")), base_year)
                       : g_strdup ("");
  /* Translators: growth check */
  f->message = g_strdup_printf (pa_figure_text (lang, N_("growth: %1$s: %2$s%3$s in %4$d × (1 + %5$s%%)^%6$d = %7$s%3$s by %8$d%9$s, "
                                  "but the document states %10$s%3$s%13$s: %11$s%% apart (tolerance ±%12$s%%)")),
                                lab, base, unit (t), base_year, rate, years, exp_text, t->year,
                                assumption, stated, pct, tol, reading (t->comparator, lang));
  add_owner (f, t);
  g_ptr_array_add (out, f);
}

static void
check_increase (PaTarget *t, double tolerance, const char *lang, GPtrArray *out, guint *n)
{
  double expected, gap;
  g_autofree char *lab = NULL, *base = NULL, *inc = NULL, *exp_text = NULL, *stated = NULL;
  g_autofree char *pct = NULL, *tol = NULL;
  PaFinding *f;

  if (isnan (t->baseline_value) || isnan (t->increase) || isnan (t->value))
    return;
  (*n)++;
  expected = t->baseline_value + t->increase;
  gap = relative_gap (expected, t->value);
  if (consistent (gap, t->comparator, tolerance))
    return;
  f = finding_new (PA_FINDING_INCREASE, expected, t->value, tolerance, t->citation, t->baseline_citation);
  lab = label (t);
  base = pa_format_number (t->baseline_value);
  inc = pa_format_number (t->increase);
  exp_text = pa_format_number (round (expected * 1e6) / 1e6);
  stated = pa_format_number (t->value);
  pct = g_strdup_printf ("%+.1f", gap * 100);
  tol = pa_format_number (tolerance * 100);
  /* Translators: increase check */
  f->message = g_strdup_printf (pa_figure_text (lang, N_("increase: %1$s: %2$s%3$s + %4$s%3$s = %5$s%3$s, but the document "
                                  "states %6$s%3$s%9$s: %7$s%% apart (tolerance ±%8$s%%)")),
                                lab, base, unit (t), inc, exp_text, stated, pct, tol, reading (t->comparator, lang));
  add_owner (f, t);
  g_ptr_array_add (out, f);
}

static PaFinding *
period_finding (PaTarget *t, double expected, double stated, PaCitation *other, char *message)
{
  PaFinding *f = finding_new (PA_FINDING_PERIOD, expected, stated, 0, t->citation, other);
  f->message = message;
  add_owner (f, t);
  return f;
}

/* A target year outside the plan's period, before it or after it, and a base year that is
 * not before its target year. */
static void
check_period (PaPlan *plan, PaTarget *t, const char *lang, GPtrArray *out, guint *n)
{
  int start = pa_plan_get_period_start (plan), end = pa_plan_get_period_end (plan);
  g_autofree char *lab = label (t);

  if (t->year > 0 && start > 0)
    {
      (*n)++;
      if (t->year < start)
        g_ptr_array_add (out, period_finding (t, start, t->year, pa_plan_get_period_citation (plan),
                                              g_strdup_printf (pa_figure_text (lang, N_("period: %s: the target year %d is before "
                                                                 "the plan's period starts (%d)")),
                                                               lab, t->year, start)));
    }
  if (t->year > 0 && end > 0)
    {
      (*n)++;
      if (t->year > end)
        g_ptr_array_add (out, period_finding (t, end, t->year, pa_plan_get_period_citation (plan),
                                              g_strdup_printf (pa_figure_text (lang, N_("period: %s: the target year %d is after "
                                                                 "the plan's period ends (%d)")),
                                                               lab, t->year, end)));
    }
  if (t->year > 0 && t->baseline_year > 0)
    {
      (*n)++;
      if (t->baseline_year >= t->year)
        g_ptr_array_add (out, period_finding (t, t->year, t->baseline_year, t->baseline_citation,
                                              g_strdup_printf (pa_figure_text (lang, N_("period: %s: the base year %d is not "
                                                                 "before the target year %d")),
                                                               lab, t->baseline_year, t->year)));
    }
}

/* The first target of @b with the indicator (and unit) of one of @a's, or NULL. */
static PaTarget *
shared_indicator (PaZone *a, PaZone *b, PaTarget **of_a)
{
  GPtrArray *ta = pa_zone_get_targets (a), *tb = pa_zone_get_targets (b);
  for (guint i = 0; i < ta->len; i++)
    for (guint j = 0; j < tb->len; j++)
      {
        PaTarget *x = ta->pdata[i], *y = tb->pdata[j];
        if (x->indicator && g_strcmp0 (x->indicator, y->indicator) == 0 && g_strcmp0 (x->unit, y->unit) == 0)
          {
            *of_a = x;
            return y;
          }
      }
  return NULL;
}

/* Two zones whose outlines overlap while both carry a target of the same indicator: the
 * same firms may be counted in both (Yantai's 高新区, in the core zone, lies in 莱山区,
 * which is part of another zone). */
static void
check_overlaps (PaPlan *plan, const char *lang, GPtrArray *out, guint *n)
{
  GListModel *zones = pa_plan_get_zones (plan);
  g_autoptr (GPtrArray) with_targets = g_ptr_array_new_with_free_func (g_object_unref);

  /* only zones with targets can share an indicator: pairs of them, not of every zone
   * (a plan of 10,000 drawn zones took 20 s here, by 5·10⁷ list lookups) */
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      PaZone *z = g_list_model_get_item (zones, i);
      if (pa_zone_get_targets (z)->len > 0)
        g_ptr_array_add (with_targets, z);
      else
        g_object_unref (z);
    }
  for (guint i = 0; i < with_targets->len; i++)
    for (guint j = i + 1; j < with_targets->len; j++)
      {
        PaZone *a = with_targets->pdata[i], *b = with_targets->pdata[j];
        PaGeometry *ga = pa_zone_get_geometry (a), *gb = pa_zone_get_geometry (b);
        PaTarget *ta = NULL, *tb = shared_indicator (a, b, &ta);
        PaBBox ba, bb;
        g_autoptr (PaGeometry) common = NULL;
        g_autoptr (GError) error = NULL;
        g_autofree char *area_text = NULL, *pct = NULL;
        double shared, smaller;
        PaFinding *f;

        if (!tb || !ga || !gb)
          continue;
        (*n)++;
        ba = pa_geometry_get_bbox (ga), bb = pa_geometry_get_bbox (gb);
        if (ba.maxx < bb.minx || bb.maxx < ba.minx || ba.maxy < bb.miny || bb.maxy < ba.miny)
          continue;
        common = pa_geos_intersection (ga, gb, &error);
        if (!common)
          {
            g_warning ("overlap of “%s” and “%s” not checked: %s", pa_zone_get_name (a),
                       pa_zone_get_name (b), error->message);
            continue;
          }
        shared = pa_geodesic_area_km2 (common);
        smaller = MIN (pa_geodesic_area_km2 (ga), pa_geodesic_area_km2 (gb));
        if (!(smaller > 0) || shared <= OVERLAP_SHARE * smaller)
          continue;
        f = finding_new (PA_FINDING_OVERLAP, shared, 0, OVERLAP_SHARE, ta->citation, tb->citation);
        area_text = g_strdup_printf ("%.1f", shared);
        pct = g_strdup_printf ("%.0f", 100 * shared / smaller);
        /* Translators: overlap check. 1, 2: zone names, 3: km², 4: percent of the smaller
         * zone, 5: the indicator both zones have a target of */
        f->message = g_strdup_printf (pa_figure_text (lang, N_("overlap: %1$s and %2$s share %3$s km² (%4$s%% of the smaller), "
                                        "and both have a target of %5$s: the same firms may be counted twice")),
                                      pa_zone_get_name (a), pa_zone_get_name (b), area_text, pct, ta->indicator);
        g_ptr_array_add (f->owners, g_strdup (pa_zone_get_name (a)));
        g_ptr_array_add (f->owners, g_strdup (pa_zone_get_name (b)));
        g_ptr_array_add (out, f);
      }
}

GPtrArray *
pa_audit_plan (PaPlan *plan, double tolerance, guint *n_checks)
{
  return pa_audit_plan_in (plan, tolerance, NULL, n_checks);
}

GPtrArray *
pa_audit_plan_in (PaPlan *plan, double tolerance, const char *lang, guint *n_checks)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_finding_unref);
  GPtrArray *targets = pa_plan_get_all_targets (plan);
  GPtrArray *sums = pa_plan_get_sums (plan);
  guint n = 0;

  g_return_val_if_fail (PA_IS_PLAN (plan), out);
  for (guint i = 0; i < sums->len; i++)
    check_sum (sums->pdata[i], tolerance, lang, out, &n);
  for (guint i = 0; i < targets->len; i++)
    {
      PaTarget *t = targets->pdata[i];
      check_growth (plan, t, tolerance, lang, out, &n);
      check_increase (t, tolerance, lang, out, &n);
      check_period (plan, t, lang, out, &n);
    }
  check_overlaps (plan, lang, out, &n);
  if (n_checks)
    *n_checks = n;
  return out;
}
