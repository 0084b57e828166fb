/* pa-store-plans.c — the plan sources (data/plans/<slug>.json) into rows.
 *
 * Zone outlines are computed here once: the union of the zone's districts, or a
 * schematic disc clipped to its parent district (GEOS).
 */
#include "config.h"

#include "pa-store-loader.h"

#include <glib/gi18n.h>
#include <math.h>

#include "geo/pa-geos.h"
#include "model/pa-target.h"
#include "util/pa-json.h"

#define PLANS_DIR PA_RESOURCE_PATH "/plans/"

static gboolean
insert_targets (PaLoader *l, JsonArray *targets, gint64 zone_id, gint64 programme_id, GError **error)
{
  g_autoptr (sqlite3_stmt) s = NULL;

  if (!targets)
    return TRUE;
  s = pa_store_prepare (l->db,
                        "INSERT INTO targets (plan_id, zone_id, programme_id, indicator, comparator, "
                        "value, unit, year, baseline_value, baseline_year, growth_rate, increase, "
                        "citation_id, value_text, key, baseline_citation_id) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                        error);
  if (!s)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (targets); i++)
    {
      JsonObject *t = json_array_get_object_element (targets, i);
      gint64 cit = pa_loader_citation_id (l, pa_json_obj (t, "citation"), error);
      gint64 base_cit = cit < 0 ? -1 : pa_loader_citation_id (l, pa_json_obj (t, "baseline_citation"), error);
      double year = pa_json_num (t, "year"), byear = pa_json_num (t, "baseline_year");
      const char *comparator = pa_json_str (t, "comparator");

      if (cit < 0 || base_cit < 0)
        return FALSE;
      if (comparator && pa_comparator_classify (comparator) == PA_COMPARATOR_UNKNOWN)
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                       _("target “%s”: the comparator “%s” is not one Park Atlas knows how to read "
                         "(see data/plans/FORMAT.md)"),
                       pa_json_str (t, "indicator") ? pa_json_str (t, "indicator") : "?", comparator);
          return FALSE;
        }
      if (cit == 0 || !pa_json_str (t, "indicator"))
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                       "plan “%s”: target %u (%s) has no %s", l->plan_slug, i,
                       pa_json_str (t, "indicator") ? pa_json_str (t, "indicator") : "?",
                       cit == 0 ? "citation" : "indicator");
          return FALSE;
        }
      sqlite3_bind_int64 (s, 1, l->plan_id);
      pa_bind_id (s, 2, zone_id);
      pa_bind_id (s, 3, programme_id);
      pa_bind_text (s, 4, pa_json_str (t, "indicator"));
      pa_bind_text (s, 5, pa_json_str (t, "comparator"));
      pa_bind_double (s, 6, pa_json_num (t, "value"));
      pa_bind_text (s, 7, pa_json_str (t, "unit"));
      pa_bind_double (s, 8, year);
      pa_bind_double (s, 9, pa_json_num (t, "baseline_value"));
      pa_bind_double (s, 10, byear);
      pa_bind_double (s, 11, pa_json_num (t, "growth_rate"));
      pa_bind_double (s, 12, pa_json_num (t, "increase"));
      sqlite3_bind_int64 (s, 13, cit);
      pa_bind_text (s, 14, pa_json_str (t, "value_text"));
      pa_bind_text (s, 15, pa_json_str (t, "key"));
      pa_bind_id (s, 16, base_cit);
      if (!pa_store_step_done (l->db, s, error))
        return FALSE;
      if (pa_json_str (t, "key"))
        {
          if (g_hash_table_contains (l->target_ids, pa_json_str (t, "key")))
            {
              g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                           "plan “%s”: two targets have the key “%s”", l->plan_slug, pa_json_str (t, "key"));
              return FALSE;
            }
          g_hash_table_insert (l->target_ids, g_strdup (pa_json_str (t, "key")),
                               GSIZE_TO_POINTER (sqlite3_last_insert_rowid (l->db)));
        }
    }
  return TRUE;
}

/* The outline of one place: its district, or a schematic disc clipped to its parent. */
static PaGeometry *
place_outline (PaLoader *l, const char *zone, JsonObject *place, gboolean *schematic, GError **error)
{
  const char *outline = pa_json_str (place, "outline");
  const char *name = pa_json_str (place, "name");

  if (g_strcmp0 (outline, "district") == 0)
    {
      const char *code = pa_json_str (place, "code");
      PaGeometry *g = code ? g_hash_table_lookup (l->districts, code) : NULL;
      if (!g)
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                       _("Plan “%s”, zone “%s”: district %s (%s) is not in the district layer"),
                       l->plan_slug, zone, code ? code : "?", name ? name : "?");
          return NULL;
        }
      return pa_geometry_ref (g);
    }
  if (g_strcmp0 (outline, "schematic") == 0)
    {
      const char *within = pa_json_str (place, "within_code");
      JsonArray *c = pa_json_array (place, "center");
      PaGeometry *parent = within ? g_hash_table_lookup (l->districts, within) : NULL;
      g_autoptr (PaGeometry) disc = NULL;
      PaGeometry *clipped;

      if (!parent || !c || json_array_get_length (c) != 2 || isnan (pa_json_num (place, "radius_km")))
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                       _("Plan “%s”, zone “%s”: schematic place %s needs a centre, a radius and a "
                         "parent district in the district layer (%s)"),
                       l->plan_slug, zone, name ? name : "?", within ? within : "none given");
          return NULL;
        }
      *schematic = TRUE;
      disc = pa_geometry_new_disc (json_array_get_double_element (c, 0),
                                   json_array_get_double_element (c, 1),
                                   pa_json_num (place, "radius_km"));
      clipped = pa_geos_intersection (disc, parent, error);
      if (clipped && pa_geometry_is_empty (clipped))
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                       _("Plan “%s”, zone “%s”: the schematic outline of %s falls outside its "
                         "parent district %s"),
                       l->plan_slug, zone, name ? name : "?", within);
          g_clear_pointer (&clipped, pa_geometry_unref);
        }
      return clipped;
    }
  g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
               "plan “%s”, zone “%s”: place %s has outline “%s” (expected district or schematic)",
               l->plan_slug, zone, name ? name : "?", outline ? outline : "");
  return NULL;
}

/* @parts holds each place's outline, in the order of @places. */
static gboolean
insert_places (PaLoader *l, gint64 zone_id, JsonArray *places, GPtrArray *parts, GError **error)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (
      l->db,
      "INSERT INTO zone_places (zone_id, name, outline, district_code, within_code, center_lon, "
      "center_lat, radius_km, note, geom, outline_from) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
      error);
  if (!s)
    return FALSE;
  for (guint i = 0; places && i < json_array_get_length (places); i++)
    {
      JsonObject *p = json_array_get_object_element (places, i);
      JsonArray *c = pa_json_array (p, "center");
      sqlite3_bind_int64 (s, 1, zone_id);
      pa_bind_text (s, 2, pa_json_str (p, "name"));
      pa_bind_text (s, 3, pa_json_str (p, "outline"));
      pa_bind_text (s, 4, pa_json_str (p, "code"));
      pa_bind_text (s, 5, pa_json_str (p, "within_code"));
      pa_bind_double (s, 6, c ? json_array_get_double_element (c, 0) : NAN);
      pa_bind_double (s, 7, c ? json_array_get_double_element (c, 1) : NAN);
      pa_bind_double (s, 8, pa_json_num (p, "radius_km"));
      pa_bind_text (s, 9, pa_json_str (p, "note"));
      pa_bind_geometry (s, 10, parts->pdata[i]);
      pa_bind_text (s, 11, pa_json_str (p, "outline_from"));
      if (!pa_store_step_done (l->db, s, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_industry_links (PaLoader *l, const char *table, const char *owner_col, gint64 owner,
                       JsonArray *industries, GError **error)
{
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO %s (%s, industry_id, citation_id%s) VALUES (?1, ?2, ?3%s)", table, owner_col,
      g_str_equal (table, "plan_industries") ? ", grp" : "",
      g_str_equal (table, "plan_industries") ? ", ?4" : "");
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (l->db, sql, error);

  if (!s)
    return FALSE;
  for (guint i = 0; industries && i < json_array_get_length (industries); i++)
    {
      JsonObject *ind = json_array_get_object_element (industries, i);
      const char *name = pa_json_str (ind, "name");
      gint64 iid, cit;
      if (!name)
        continue;
      iid = pa_loader_industry_id (l, name, error);
      cit = pa_loader_citation_id (l, pa_json_obj (ind, "citation"), error);
      if (iid < 0 || cit < 0)
        return FALSE;
      sqlite3_bind_int64 (s, 1, owner);
      sqlite3_bind_int64 (s, 2, iid);
      pa_bind_id (s, 3, cit);
      if (g_str_equal (table, "plan_industries"))
        pa_bind_text (s, 4, pa_json_str (ind, "group"));
      if (!pa_store_step_done (l->db, s, error))
        return FALSE;
    }
  return TRUE;
}

/* FALSE with @error unset when the plan has no role @key; with it set when SQL failed */
static gboolean
has_role (PaLoader *l, const char *key, GError **error)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (l->db, "SELECT 1 FROM roles WHERE plan_id = ?1 AND key = ?2", error);

  if (!s)
    return FALSE;
  sqlite3_bind_int64 (s, 1, l->plan_id);
  pa_bind_text (s, 2, key);
  return pa_store_step (s, error) == PA_STEP_ROW;
}

static gboolean
insert_zone (PaLoader *l, JsonObject *z, int order, GHashTable *zone_ids, GError **error)
{
  const char *key = pa_json_str (z, "key"), *name = pa_json_str (z, "name");
  JsonArray *places = pa_json_array (z, "places");
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_geometry_unref);
  g_autoptr (PaGeometry) outline = NULL;
  g_autoptr (sqlite3_stmt) s = NULL;
  g_autoptr (GString) place_names = g_string_new (NULL);
  g_autoptr (GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean schematic = FALSE;
  JsonObject *area = pa_json_obj (z, "land_area");
  g_autofree char *note = NULL;
  gint64 cit, area_cit, zone_id;

  if (!key || !name || !pa_json_str (z, "role"))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   _("zone %d (“%s”) lacks a key, a name or a role"), order + 1,
                   name ? name : key ? key : "?");
      return FALSE;
    }
  if (!has_role (l, pa_json_str (z, "role"), error))
    {
      if (error && !*error)
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                     _("zone “%s” has the role “%s”, which is not one of the plan's roles"), name,
                     pa_json_str (z, "role"));
      return FALSE;
    }
  for (guint i = 0; places && i < json_array_get_length (places); i++)
    {
      JsonObject *p = json_array_get_object_element (places, i);
      PaGeometry *g = place_outline (l, name, p, &schematic, error);
      if (!g)
        return FALSE;
      g_ptr_array_add (parts, g);
      /* a place drawn from two older boundaries (蓬莱区) is named once */
      if (!g_hash_table_add (named, (gpointer) pa_json_str (p, "name")))
        continue;
      if (place_names->len)
        g_string_append (place_names, "、");
      g_string_append (place_names, pa_json_str (p, "name"));
      if (pa_json_str (p, "within") && g_strcmp0 (pa_json_str (p, "within"), pa_json_str (p, "name")) != 0)
        g_string_append_printf (place_names, "（%s）", pa_json_str (p, "within"));
    }
  if (parts->len == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   _("Plan “%s”, zone “%s” has no places, so no outline"), l->plan_slug, name);
      return FALSE;
    }
  outline = pa_geos_union ((PaGeometry **) parts->pdata, parts->len, error);
  if (!outline)
    return FALSE;
  cit = pa_loader_citation_id (l, pa_json_obj (z, "citation"), error);
  area_cit = pa_loader_citation_id (l, pa_json_obj (area, "citation"), error);
  if (cit < 0 || area_cit < 0)
    return FALSE;
  note = g_strjoin ("\n", pa_json_str (z, "note") ? pa_json_str (z, "note") : "",
                    pa_json_str (z, "name_note") ? pa_json_str (z, "name_note") : "",
                    pa_json_str (z, "place_note") ? pa_json_str (z, "place_note") : "", NULL);
  g_strstrip (note);
  s = pa_store_prepare (l->db,
                        "INSERT INTO zones (geom, plan_id, key, name, role, summary, places, "
                        "schematic, note, land_area, land_area_unit, sort_order, citation_id, "
                        "land_area_comparator, land_area_citation_id, inference) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                        error);
  if (!s)
    return FALSE;
  pa_bind_geometry (s, 1, outline);
  sqlite3_bind_int64 (s, 2, l->plan_id);
  pa_bind_text (s, 3, key);
  pa_bind_text (s, 4, name);
  pa_bind_text (s, 5, pa_json_str (z, "role"));
  pa_bind_text (s, 6, pa_json_str (z, "summary"));
  pa_bind_text (s, 7, place_names->str);
  sqlite3_bind_int (s, 8, schematic);
  pa_bind_text (s, 9, *note ? note : NULL);
  pa_bind_double (s, 10, pa_json_num (area, "value"));
  pa_bind_text (s, 11, pa_json_str (area, "unit"));
  sqlite3_bind_int (s, 12, order);
  pa_bind_id (s, 13, cit);
  pa_bind_text (s, 14, pa_json_str (area, "comparator"));
  pa_bind_id (s, 15, area_cit);
  pa_bind_text (s, 16, pa_json_str (z, "inference"));
  if (!pa_store_step_done (l->db, s, error))
    return FALSE;
  zone_id = sqlite3_last_insert_rowid (l->db);
  g_hash_table_insert (zone_ids, g_strdup (key), GSIZE_TO_POINTER (zone_id));
  return insert_places (l, zone_id, places, parts, error)
         && insert_industry_links (l, "zone_industries", "zone_id", zone_id,
                                   pa_json_array (z, "industries"), error)
         && insert_targets (l, pa_json_array (z, "targets"), zone_id, 0, error);
}

static gint64
zone_ref (PaLoader *l, GHashTable *zone_ids, const char *key, GError **error)
{
  gpointer id;
  if (!key)
    return 0;
  if (!g_hash_table_lookup_extended (zone_ids, key, NULL, &id))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   "plan “%s”: no zone with key “%s”", l->plan_slug, key);
      return -1;
    }
  return GPOINTER_TO_SIZE (id);
}

static gboolean
insert_organisations (PaLoader *l, JsonArray *orgs, GHashTable *zone_ids, GError **error)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (
      l->db,
      "INSERT INTO organisations (plan_id, zone_id, name, kind, role, responsible, citation_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      error);
  if (!s)
    return FALSE;
  for (guint i = 0; orgs && i < json_array_get_length (orgs); i++)
    {
      JsonObject *o = json_array_get_object_element (orgs, i);
      gint64 zone = zone_ref (l, zone_ids, pa_json_str (o, "zone"), error);
      gint64 cit = pa_loader_citation_id (l, pa_json_obj (o, "citation"), error);
      g_autofree char *resp = pa_json_joined (o, "responsible");
      if (zone < 0 || cit < 0)
        return FALSE;
      sqlite3_bind_int64 (s, 1, l->plan_id);
      pa_bind_id (s, 2, zone);
      pa_bind_text (s, 3, pa_json_str (o, "name"));
      pa_bind_text (s, 4, pa_json_str (o, "kind") ? pa_json_str (o, "kind") : "enterprise");
      pa_bind_text (s, 5, pa_json_str (o, "role"));
      pa_bind_text (s, 6, resp);
      pa_bind_id (s, 7, cit);
      if (!pa_store_step_done (l->db, s, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_programmes (PaLoader *l, JsonArray *progs, GHashTable *zone_ids, GError **error)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (
      l->db,
      "INSERT INTO programmes (plan_id, zone_id, name, kind, lead, responsible, citation_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      error);
  if (!s)
    return FALSE;
  for (guint i = 0; progs && i < json_array_get_length (progs); i++)
    {
      JsonObject *p = json_array_get_object_element (progs, i);
      gint64 zone = zone_ref (l, zone_ids, pa_json_str (p, "zone"), error);
      gint64 cit = pa_loader_citation_id (l, pa_json_obj (p, "citation"), error);
      g_autofree char *lead = pa_json_joined (p, "lead");
      g_autofree char *resp = pa_json_joined (p, "responsible");
      if (zone < 0 || cit < 0)
        return FALSE;
      sqlite3_bind_int64 (s, 1, l->plan_id);
      pa_bind_id (s, 2, zone);
      pa_bind_text (s, 3, pa_json_str (p, "name"));
      pa_bind_text (s, 4, pa_json_str (p, "kind"));
      pa_bind_text (s, 5, lead);
      pa_bind_text (s, 6, resp);
      pa_bind_id (s, 7, cit);
      if (!pa_store_step_done (l->db, s, error)
          || !insert_targets (l, pa_json_array (p, "targets"), zone > 0 ? zone : 0,
                              sqlite3_last_insert_rowid (l->db), error))
        return FALSE;
    }
  return TRUE;
}

static gint64
target_ref (PaLoader *l, const char *key, GError **error)
{
  gpointer id;
  if (!key || !g_hash_table_lookup_extended (l->target_ids, key, NULL, &id))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   "plan “%s”: a sum names the target “%s”, which has no such key", l->plan_slug,
                   key ? key : "(none)");
      return -1;
    }
  return GPOINTER_TO_SIZE (id);
}

/* The plan's own arithmetic: which targets should add up to which. */
static gboolean
insert_sums (PaLoader *l, JsonArray *sums, GError **error)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (
      l->db, "INSERT INTO target_sums (plan_id, total_target_id, note) VALUES (?1, ?2, ?3)", error);
  g_autoptr (sqlite3_stmt) p = pa_store_prepare (
      l->db, "INSERT INTO target_sum_parts (sum_id, target_id) VALUES (?1, ?2)", error);
  if (!s || !p)
    return FALSE;
  for (guint i = 0; sums && i < json_array_get_length (sums); i++)
    {
      JsonObject *sum = json_array_get_object_element (sums, i);
      JsonArray *parts = pa_json_array (sum, "parts");
      gint64 total = target_ref (l, pa_json_str (sum, "total"), error), sum_id;
      if (total < 0)
        return FALSE;
      sqlite3_bind_int64 (s, 1, l->plan_id);
      sqlite3_bind_int64 (s, 2, total);
      pa_bind_text (s, 3, pa_json_str (sum, "note"));
      if (!pa_store_step_done (l->db, s, error))
        return FALSE;
      sum_id = sqlite3_last_insert_rowid (l->db);
      for (guint k = 0; parts && k < json_array_get_length (parts); k++)
        {
          gint64 part = target_ref (l, json_array_get_string_element (parts, k), error);
          if (part < 0)
            return FALSE;
          sqlite3_bind_int64 (p, 1, sum_id);
          sqlite3_bind_int64 (p, 2, part);
          if (!pa_store_step_done (l->db, p, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
insert_plan (PaLoader *l, JsonObject *plan, int order, GError **error)
{
  JsonObject *doc = pa_json_obj (plan, "document");
  JsonObject *period = pa_json_obj (plan, "period");
  JsonArray *roles = pa_json_array (plan, "roles"), *zones = pa_json_array (plan, "zones");
  g_autoptr (GHashTable) zone_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (sqlite3_stmt) s = NULL;
  gint64 doc_id, period_cit;

  g_hash_table_remove_all (l->target_ids);
  l->plan_slug = pa_json_str (plan, "slug");
  if (!l->plan_slug || !pa_json_str (plan, "name") || !doc || !pa_json_str (doc, "seed"))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   "plan %d lacks a slug, name or document", order);
      return FALSE;
    }
  doc_id = pa_loader_document_id (l, pa_json_str (doc, "seed"), doc, error);
  if (doc_id < 0)
    return FALSE;
  period_cit = pa_loader_citation_id (l, pa_json_obj (period, "citation"), error);
  if (period_cit < 0)
    return FALSE;
  s = pa_store_prepare (l->db,
                        "INSERT INTO plans (slug, name, layout, region, document_id, sort_order, "
                        "period_start, period_end, period_citation_id) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        error);
  if (!s)
    return FALSE;
  pa_bind_text (s, 1, l->plan_slug);
  pa_bind_text (s, 2, pa_json_str (plan, "name"));
  pa_bind_text (s, 3, pa_json_str (plan, "layout") ? pa_json_str (plan, "layout") : "");
  pa_bind_text (s, 4, pa_json_str (plan, "region"));
  sqlite3_bind_int64 (s, 5, doc_id);
  sqlite3_bind_int (s, 6, order);
  pa_bind_double (s, 7, pa_json_num (period, "start"));
  pa_bind_double (s, 8, pa_json_num (period, "end"));
  pa_bind_id (s, 9, period_cit);
  if (!pa_store_step_done (l->db, s, error))
    return FALSE;
  l->plan_id = sqlite3_last_insert_rowid (l->db);
  g_clear_pointer (&s, sqlite3_finalize);

  s = pa_store_prepare (l->db,
                        "INSERT INTO roles (plan_id, key, label, sort_order, citation_id) "
                        "VALUES (?1, ?2, ?3, ?4, ?5)",
                        error);
  if (!s)
    return FALSE;
  for (guint i = 0; roles && i < json_array_get_length (roles); i++)
    {
      JsonObject *r = json_array_get_object_element (roles, i);
      gint64 cit = pa_loader_citation_id (l, pa_json_obj (r, "citation"), error);
      if (cit < 0)
        return FALSE;
      sqlite3_bind_int64 (s, 1, l->plan_id);
      pa_bind_text (s, 2, pa_json_str (r, "key"));
      pa_bind_text (s, 3, pa_json_str (r, "label"));
      sqlite3_bind_int (s, 4, (int) i);
      pa_bind_id (s, 5, cit);
      if (!pa_store_step_done (l->db, s, error))
        return FALSE;
    }
  if (!insert_industry_links (l, "plan_industries", "plan_id", l->plan_id,
                              pa_json_array (plan, "industries"), error))
    return FALSE;
  for (guint i = 0; zones && i < json_array_get_length (zones); i++)
    if (!insert_zone (l, json_array_get_object_element (zones, i), (int) i, zone_ids, error))
      return FALSE;
  return insert_targets (l, pa_json_array (plan, "targets"), 0, 0, error)
         && insert_organisations (l, pa_json_array (plan, "organisations"), zone_ids, error)
         && insert_programmes (l, pa_json_array (plan, "programmes"), zone_ids, error)
         && insert_sums (l, pa_json_array (plan, "sums"), error);
}

/* A plan source file, from the GResource or from @l->plans_dir. */
static GBytes *
read_plan_file (PaLoader *l, const char *name, GError **error)
{
  g_autofree char *path = NULL;
  char *text;
  gsize length;

  if (!l->plans_dir)
    {
      path = g_strconcat (PLANS_DIR, name, NULL);
      return g_resources_lookup_data (path, 0, error);
    }
  path = g_build_filename (l->plans_dir, name, NULL);
  if (!g_file_get_contents (path, &text, &length, error))
    return NULL;
  return g_bytes_new_take (text, length);
}

gboolean
pa_store_insert_plans (PaLoader *l, GError **error)
{
  g_autoptr (GBytes) list = read_plan_file (l, "plans.list", error);
  g_auto (GStrv) slugs = NULL;
  int order = 0;

  if (!list)
    return FALSE;
  slugs = g_strsplit (g_bytes_get_data (list, NULL), "\n", -1);
  for (guint i = 0; slugs[i]; i++)
    {
      g_autofree char *file = NULL;
      g_autoptr (GBytes) bytes = NULL;
      g_strstrip (slugs[i]);
      if (!*slugs[i] || slugs[i][0] == '#')
        continue;
      file = g_strdup_printf ("%s.json", slugs[i]);
      bytes = read_plan_file (l, file, error);
      if (!bytes)
        {
          g_prefix_error (error, "data/plans/%s: ", file);
          return FALSE;
        }
      if (!pa_store_insert_plan_data (l, file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                      order++, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pa_store_insert_plan_data (PaLoader *l, const char *file, const char *data, gsize len, int order,
                           GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (!pa_json_load (parser, data, (gssize) len, error)
      || !json_parser_get_root (parser) || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
      || !insert_plan (l, json_node_get_object (json_parser_get_root (parser)), order, error))
    {
      /* name the file a reviewer has to open */
      if (error && !*error)
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS, _("not a JSON object"));
      g_prefix_error (error, "data/plans/%s: ", file);
      return FALSE;
    }
  return TRUE;
}
