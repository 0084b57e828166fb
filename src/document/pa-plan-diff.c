/* pa-plan-diff.c */
#include "config.h"

#include "pa-plan-diff.h"

#include <glib/gi18n.h>
#include <math.h>

#include "geo/pa-geodesic.h"

static void
item_free (gpointer p)
{
  PaDiffItem *item = p;
  g_free (item->text);
  g_free (item);
}

static void
add (GPtrArray *out, PaDiffKind kind, char *text)
{
  PaDiffItem *item = g_new0 (PaDiffItem, 1);
  item->kind = kind;
  item->text = text;
  g_ptr_array_add (out, item);
}

static char *
industries_of (PaZone *z)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  for (guint i = 0; i < pa_zone_get_n_industries (z); i++)
    g_ptr_array_add (names, (gpointer) pa_zone_get_industry (z, i, NULL));
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("、", (char **) names->pdata);
}

static void
diff_zone (GPtrArray *out, PaPlan *a_plan, PaZone *a, PaPlan *b_plan, PaZone *b)
{
  g_autofree char *ia = industries_of (a), *ib = industries_of (b);
  PaGeometry *ga = pa_zone_get_geometry (a), *gb = pa_zone_get_geometry (b);

  if (g_strcmp0 (pa_zone_get_name (a), pa_zone_get_name (b)) != 0)
    add (out, PA_DIFF_ZONE_CHANGED, g_strdup_printf (_("Zone renamed: %s → %s"), pa_zone_get_name (a), pa_zone_get_name (b)));
  if (g_strcmp0 (pa_zone_get_role (a), pa_zone_get_role (b)) != 0)
    add (out, PA_DIFF_ZONE_CHANGED,
         g_strdup_printf (_("%s: role %s → %s"), pa_zone_get_name (b), pa_plan_lookup_role_label (a_plan, pa_zone_get_role (a)),
                          pa_plan_lookup_role_label (b_plan, pa_zone_get_role (b))));
  if (g_strcmp0 (pa_zone_get_places (a), pa_zone_get_places (b)) != 0)
    add (out, PA_DIFF_ZONE_CHANGED,
         g_strdup_printf (_("%s: places %s → %s"), pa_zone_get_name (b), pa_zone_get_places (a) ? pa_zone_get_places (a) : "—",
                          pa_zone_get_places (b) ? pa_zone_get_places (b) : "—"));
  if (g_strcmp0 (ia, ib) != 0)
    add (out, PA_DIFF_ZONE_CHANGED,
         g_strdup_printf (_("%s: industries %s → %s"), pa_zone_get_name (b), *ia ? ia : "—", *ib ? ib : "—"));
  if (ga && gb && !pa_geometry_equal (ga, gb))
    add (out, PA_DIFF_ZONE_RESHAPED,
         g_strdup_printf (_("%s reshaped: %.2f km² → %.2f km²"), pa_zone_get_name (b), pa_geodesic_area_km2 (ga),
                          pa_geodesic_area_km2 (gb)));
}

static gboolean
same_target (const PaTarget *a, const PaTarget *b)
{
  if (a->key || b->key)
    return g_strcmp0 (a->key, b->key) == 0;
  return g_strcmp0 (a->owner, b->owner) == 0 && g_strcmp0 (a->indicator, b->indicator) == 0 && a->year == b->year;
}

static gboolean
numbers_differ (double a, double b)
{
  return isnan (a) != isnan (b) || (!isnan (a) && a != b);
}

static char *
target_title (const PaTarget *t)
{
  return g_strdup_printf ("%s%s%s", t->owner ? t->owner : _("whole plan"), " · ", t->indicator);
}

GPtrArray *
pa_plan_diff (PaPlan *original, PaPlan *scenario)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (item_free);
  GListModel *za = pa_plan_get_zones (original), *zb = pa_plan_get_zones (scenario);
  GPtrArray *ta = pa_plan_get_all_targets (original), *tb = pa_plan_get_all_targets (scenario);
  GPtrArray *oa = pa_plan_get_organisations (original), *ob = pa_plan_get_organisations (scenario);

  g_return_val_if_fail (PA_IS_PLAN (original) && PA_IS_PLAN (scenario), out);

  for (guint i = 0; i < g_list_model_get_n_items (zb); i++)
    {
      g_autoptr (PaZone) b = g_list_model_get_item (zb, i);
      PaZone *a = pa_plan_find_zone (original, pa_zone_get_key (b));
      if (!a)
        add (out, PA_DIFF_ZONE_ADDED, g_strdup_printf (_("Zone added: %s (%s)"), pa_zone_get_name (b),
                                                       pa_plan_lookup_role_label (scenario, pa_zone_get_role (b))));
      else
        diff_zone (out, original, a, scenario, b);
    }
  for (guint i = 0; i < g_list_model_get_n_items (za); i++)
    {
      g_autoptr (PaZone) a = g_list_model_get_item (za, i);
      if (!pa_plan_find_zone (scenario, pa_zone_get_key (a)))
        add (out, PA_DIFF_ZONE_REMOVED, g_strdup_printf (_("Zone removed: %s"), pa_zone_get_name (a)));
    }

  for (guint i = 0; i < tb->len; i++)
    {
      PaTarget *b = tb->pdata[i], *a = NULL;
      g_autofree char *title = target_title (b);
      for (guint k = 0; !a && k < ta->len; k++)
        if (same_target (ta->pdata[k], b))
          a = ta->pdata[k];
      if (!a)
        {
          g_autofree char *d = pa_target_describe (b);
          add (out, PA_DIFF_TARGET_ADDED, g_strdup_printf (_("Target added: %s — %s"), title, d));
        }
      else if (numbers_differ (a->value, b->value) || a->year != b->year || g_strcmp0 (a->unit, b->unit) != 0
               || g_strcmp0 (a->comparator, b->comparator) != 0 || g_strcmp0 (a->value_text, b->value_text) != 0)
        {
          g_autofree char *da = pa_target_describe (a), *db = pa_target_describe (b);
          add (out, PA_DIFF_TARGET_CHANGED, g_strdup_printf (_("Target changed: %s — %s → %s"), title, da, db));
        }
    }
  for (guint k = 0; k < ta->len; k++)
    {
      gboolean kept = FALSE;
      for (guint i = 0; !kept && i < tb->len; i++)
        kept = same_target (ta->pdata[k], tb->pdata[i]);
      if (!kept)
        {
          g_autofree char *title = target_title (ta->pdata[k]);
          add (out, PA_DIFF_TARGET_REMOVED, g_strdup_printf (_("Target removed: %s"), title));
        }
    }

  for (guint i = 0; i < ob->len; i++)
    {
      PaOrganisation *b = ob->pdata[i], *a = NULL;
      for (guint k = 0; !a && k < oa->len; k++)
        if (g_strcmp0 (((PaOrganisation *) oa->pdata[k])->name, b->name) == 0)
          a = oa->pdata[k];
      if (!a)
        add (out, PA_DIFF_ENTERPRISE_ADDED, g_strdup_printf (_("Enterprise added: %s"), b->name));
      else if (g_strcmp0 (a->zone_key, b->zone_key) != 0)
        {
          PaZone *za_ = a->zone_key ? pa_plan_find_zone (original, a->zone_key) : NULL;
          PaZone *zb_ = b->zone_key ? pa_plan_find_zone (scenario, b->zone_key) : NULL;
          add (out, PA_DIFF_ENTERPRISE_MOVED,
               g_strdup_printf (_("Enterprise moved: %s, %s → %s"), b->name, za_ ? pa_zone_get_name (za_) : "—",
                                zb_ ? pa_zone_get_name (zb_) : "—"));
        }
    }
  for (guint k = 0; k < oa->len; k++)
    {
      gboolean kept = FALSE;
      for (guint i = 0; !kept && i < ob->len; i++)
        kept = g_strcmp0 (((PaOrganisation *) oa->pdata[k])->name, ((PaOrganisation *) ob->pdata[i])->name) == 0;
      if (!kept)
        add (out, PA_DIFF_ENTERPRISE_REMOVED,
             g_strdup_printf (_("Enterprise removed: %s"), ((PaOrganisation *) oa->pdata[k])->name));
    }
  return out;
}
