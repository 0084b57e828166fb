/* pa-store-defaults.c — filling a new database with the default content.
 *
 * Sources, all reviewable text: the plans under data/plans/ (compiled into the
 * GResource), the land polygons maps/land.geojson, and the district boundaries that
 * maps/districts.sh fetches at set-up (or the user's own, via --districts).
 * Zone outlines are computed here once: the union of the zone's districts, or a
 * schematic disc clipped to its parent district.
 */
#include "config.h"

#include "pa-store-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "geo/pa-geojson.h"
#include "geo/pa-geos.h"
#include "geo/pa-gpkg-blob.h"

#define PLANS_DIR PA_RESOURCE_PATH "/plans/"

typedef struct
{
  sqlite3 *db;
  GHashTable *districts;  /* code → PaGeometry */
  GHashTable *citations;  /* "seed\037section\037quote" → gint64 id */
  GHashTable *documents;  /* seed → gint64 id */
  GHashTable *industries; /* name → gint64 id */
  GHashTable *target_ids; /* key → gint64 id, for the current plan's target_sums */
  const char *plan_slug;
  gint64 plan_id;
} Loader;

static const char *
str_member (JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
             ? json_node_get_string (n)
             : NULL;
}

static double
num_member (JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) != G_TYPE_STRING
             ? json_node_get_double (n)
             : NAN;
}

static JsonObject *
obj_member (JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  return n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

static JsonArray *
array_member (JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  return n && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

/* A string or an array of strings, joined with the Chinese list comma. */
static char *
joined_member (JsonObject *o, const char *name)
{
  JsonArray *a = array_member (o, name);
  g_autoptr (GString) s = NULL;

  if (!a)
    return g_strdup (str_member (o, name));
  s = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *n = json_array_get_element (a, i);
      if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
        continue;
      if (s->len)
        g_string_append (s, "、");
      g_string_append (s, json_node_get_string (n));
    }
  return s->len ? g_string_free (g_steal_pointer (&s), FALSE) : NULL;
}

static void
bind_text (sqlite3_stmt *s, int i, const char *v)
{
  if (v)
    sqlite3_bind_text (s, i, v, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (s, i);
}

static void
bind_double (sqlite3_stmt *s, int i, double v)
{
  if (isnan (v))
    sqlite3_bind_null (s, i);
  else
    sqlite3_bind_double (s, i, v);
}

static void
bind_id (sqlite3_stmt *s, int i, gint64 v)
{
  if (v > 0)
    sqlite3_bind_int64 (s, i, v);
  else
    sqlite3_bind_null (s, i);
}

static void
bind_geometry (sqlite3_stmt *s, int i, PaGeometry *g)
{
  g_autoptr (GBytes) blob = pa_gpkg_blob_from_geometry (g, 4326);
  sqlite3_bind_blob (s, i, g_bytes_get_data (blob, NULL), (int) g_bytes_get_size (blob),
                     SQLITE_TRANSIENT);
}

static gint64
document_id (Loader *l, const char *seed, JsonObject *doc, GError **error)
{
  gpointer found;
  g_autoptr (sqlite3_stmt) s = NULL;
  gint64 id;

  if (g_hash_table_lookup_extended (l->documents, seed, NULL, &found))
    return GPOINTER_TO_SIZE (found);
  s = pa_store_prepare (l->db,
                        "INSERT INTO documents (seed, title, issuer, date, number) "
                        "VALUES (?1, ?2, ?3, ?4, ?5)",
                        error);
  if (!s)
    return -1;
  bind_text (s, 1, seed);
  bind_text (s, 2, str_member (doc, "title"));
  bind_text (s, 3, str_member (doc, "issuer"));
  bind_text (s, 4, str_member (doc, "date"));
  bind_text (s, 5, str_member (doc, "number"));
  if (!pa_store_step_done (l->db, s, error))
    return -1;
  id = sqlite3_last_insert_rowid (l->db);
  g_hash_table_insert (l->documents, g_strdup (seed), GSIZE_TO_POINTER (id));
  return id;
}

/* Returns the id of the citation (inserting it once), 0 if @cit is NULL, -1 on error. */
static gint64
citation_id (Loader *l, JsonObject *cit, GError **error)
{
  const char *seed = str_member (cit, "seed"), *section = str_member (cit, "section");
  const char *quote = str_member (cit, "quote");
  g_autofree char *key = NULL;
  g_autoptr (sqlite3_stmt) s = NULL;
  gpointer found;
  gint64 doc, id;

  if (!cit)
    return 0;
  if (!seed || !quote)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   "plan “%s”: a citation lacks its seed or quote", l->plan_slug);
      return -1;
    }
  key = g_strjoin ("\037", seed, section ? section : "", quote, NULL);
  if (g_hash_table_lookup_extended (l->citations, key, NULL, &found))
    return GPOINTER_TO_SIZE (found);
  doc = document_id (l, seed, NULL, error);
  if (doc < 0)
    return -1;
  s = pa_store_prepare (l->db, "INSERT INTO citations (document_id, section, quote) VALUES (?1, ?2, ?3)",
                        error);
  if (!s)
    return -1;
  sqlite3_bind_int64 (s, 1, doc);
  bind_text (s, 2, section ? section : "");
  bind_text (s, 3, quote);
  if (!pa_store_step_done (l->db, s, error))
    return -1;
  id = sqlite3_last_insert_rowid (l->db);
  g_hash_table_insert (l->citations, g_steal_pointer (&key), GSIZE_TO_POINTER (id));
  return id;
}

static gint64
industry_id (Loader *l, const char *name, GError **error)
{
  gpointer found;
  g_autoptr (sqlite3_stmt) s = NULL;
  gint64 id;

  if (g_hash_table_lookup_extended (l->industries, name, NULL, &found))
    return GPOINTER_TO_SIZE (found);
  s = pa_store_prepare (l->db, "INSERT INTO industries (name) VALUES (?1)", error);
  if (!s)
    return -1;
  bind_text (s, 1, name);
  if (!pa_store_step_done (l->db, s, error))
    return -1;
  id = sqlite3_last_insert_rowid (l->db);
  g_hash_table_insert (l->industries, g_strdup (name), GSIZE_TO_POINTER (id));
  return id;
}

static gboolean
insert_targets (Loader *l, JsonArray *targets, gint64 zone_id, gint64 programme_id, GError **error)
{
  g_autoptr (sqlite3_stmt) s = NULL;

  if (!targets)
    return TRUE;
  s = pa_store_prepare (l->db,
                        "INSERT INTO targets (plan_id, zone_id, programme_id, indicator, comparator, "
                        "value, unit, year, baseline_value, baseline_year, growth_rate, increase, "
                        "citation_id, value_text, key) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                        error);
  if (!s)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (targets); i++)
    {
      JsonObject *t = json_array_get_object_element (targets, i);
      gint64 cit = citation_id (l, obj_member (t, "citation"), error);
      double year = num_member (t, "year"), byear = num_member (t, "baseline_year");

      if (cit < 0)
        return FALSE;
      if (cit == 0 || !str_member (t, "indicator"))
        {
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                       "plan “%s”: target %u (%s) has no %s", l->plan_slug, i,
                       str_member (t, "indicator") ? str_member (t, "indicator") : "?",
                       cit == 0 ? "citation" : "indicator");
          return FALSE;
        }
      sqlite3_bind_int64 (s, 1, l->plan_id);
      bind_id (s, 2, zone_id);
      bind_id (s, 3, programme_id);
      bind_text (s, 4, str_member (t, "indicator"));
      bind_text (s, 5, str_member (t, "comparator"));
      bind_double (s, 6, num_member (t, "value"));
      bind_text (s, 7, str_member (t, "unit"));
      bind_double (s, 8, year);
      bind_double (s, 9, num_member (t, "baseline_value"));
      bind_double (s, 10, byear);
      bind_double (s, 11, num_member (t, "growth_rate"));
      bind_double (s, 12, num_member (t, "increase"));
      sqlite3_bind_int64 (s, 13, cit);
      bind_text (s, 14, str_member (t, "value_text"));
      bind_text (s, 15, str_member (t, "key"));
      if (!pa_store_step_done (l->db, s, error))
        return FALSE;
      if (str_member (t, "key"))
        {
          if (g_hash_table_contains (l->target_ids, str_member (t, "key")))
            {
              g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                           "plan “%s”: two targets have the key “%s”", l->plan_slug, str_member (t, "key"));
              return FALSE;
            }
          g_hash_table_insert (l->target_ids, g_strdup (str_member (t, "key")),
                               GSIZE_TO_POINTER (sqlite3_last_insert_rowid (l->db)));
        }
    }
  return TRUE;
}

/* The outline of one place: its district, or a schematic disc clipped to its parent. */
static PaGeometry *
place_outline (Loader *l, const char *zone, JsonObject *place, gboolean *schematic, GError **error)
{
  const char *outline = str_member (place, "outline");
  const char *name = str_member (place, "name");

  if (g_strcmp0 (outline, "district") == 0)
    {
      const char *code = str_member (place, "code");
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
      const char *within = str_member (place, "within_code");
      JsonArray *c = array_member (place, "center");
      PaGeometry *parent = within ? g_hash_table_lookup (l->districts, within) : NULL;
      g_autoptr (PaGeometry) disc = NULL;
      PaGeometry *clipped;

      if (!parent || !c || json_array_get_length (c) != 2 || isnan (num_member (place, "radius_km")))
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
                                   num_member (place, "radius_km"));
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
insert_places (Loader *l, gint64 zone_id, JsonArray *places, GPtrArray *parts, GError **error)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (
      l->db,
      "INSERT INTO zone_places (zone_id, name, outline, district_code, within_code, center_lon, "
      "center_lat, radius_km, note, geom) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
      error);
  if (!s)
    return FALSE;
  for (guint i = 0; places && i < json_array_get_length (places); i++)
    {
      JsonObject *p = json_array_get_object_element (places, i);
      JsonArray *c = array_member (p, "center");
      sqlite3_bind_int64 (s, 1, zone_id);
      bind_text (s, 2, str_member (p, "name"));
      bind_text (s, 3, str_member (p, "outline"));
      bind_text (s, 4, str_member (p, "code"));
      bind_text (s, 5, str_member (p, "within_code"));
      bind_double (s, 6, c ? json_array_get_double_element (c, 0) : NAN);
      bind_double (s, 7, c ? json_array_get_double_element (c, 1) : NAN);
      bind_double (s, 8, num_member (p, "radius_km"));
      bind_text (s, 9, str_member (p, "note"));
      bind_geometry (s, 10, parts->pdata[i]);
      if (!pa_store_step_done (l->db, s, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_industry_links (Loader *l, const char *table, const char *owner_col, gint64 owner,
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
      const char *name = str_member (ind, "name");
      gint64 iid, cit;
      if (!name)
        continue;
      iid = industry_id (l, name, error);
      cit = citation_id (l, obj_member (ind, "citation"), error);
      if (iid < 0 || cit < 0)
        return FALSE;
      sqlite3_bind_int64 (s, 1, owner);
      sqlite3_bind_int64 (s, 2, iid);
      bind_id (s, 3, cit);
      if (g_str_equal (table, "plan_industries"))
        bind_text (s, 4, str_member (ind, "group"));
      if (!pa_store_step_done (l->db, s, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_zone (Loader *l, JsonObject *z, int order, GHashTable *zone_ids, GError **error)
{
  const char *key = str_member (z, "key"), *name = str_member (z, "name");
  JsonArray *places = array_member (z, "places");
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_geometry_unref);
  g_autoptr (PaGeometry) outline = NULL;
  g_autoptr (sqlite3_stmt) s = NULL;
  g_autoptr (GString) place_names = g_string_new (NULL);
  gboolean schematic = FALSE;
  JsonObject *area = obj_member (z, "land_area");
  g_autofree char *note = NULL;
  gint64 cit, area_cit, zone_id;

  if (!key || !name || !str_member (z, "role"))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   "plan “%s”: zone %d lacks a key, name or role", l->plan_slug, order);
      return FALSE;
    }
  for (guint i = 0; places && i < json_array_get_length (places); i++)
    {
      JsonObject *p = json_array_get_object_element (places, i);
      PaGeometry *g = place_outline (l, name, p, &schematic, error);
      if (!g)
        return FALSE;
      g_ptr_array_add (parts, g);
      if (place_names->len)
        g_string_append (place_names, "、");
      g_string_append (place_names, str_member (p, "name"));
      if (str_member (p, "within"))
        g_string_append_printf (place_names, "（%s）", str_member (p, "within"));
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
  cit = citation_id (l, obj_member (z, "citation"), error);
  area_cit = citation_id (l, obj_member (area, "citation"), error);
  if (cit < 0 || area_cit < 0)
    return FALSE;
  note = g_strjoin ("\n", str_member (z, "note") ? str_member (z, "note") : "",
                    str_member (z, "name_note") ? str_member (z, "name_note") : "",
                    str_member (z, "place_note") ? str_member (z, "place_note") : "", NULL);
  g_strstrip (note);
  s = pa_store_prepare (l->db,
                        "INSERT INTO zones (geom, plan_id, key, name, role, summary, places, "
                        "schematic, note, land_area, land_area_unit, sort_order, citation_id, "
                        "land_area_comparator, land_area_citation_id) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
                        error);
  if (!s)
    return FALSE;
  bind_geometry (s, 1, outline);
  sqlite3_bind_int64 (s, 2, l->plan_id);
  bind_text (s, 3, key);
  bind_text (s, 4, name);
  bind_text (s, 5, str_member (z, "role"));
  bind_text (s, 6, str_member (z, "summary"));
  bind_text (s, 7, place_names->str);
  sqlite3_bind_int (s, 8, schematic);
  bind_text (s, 9, *note ? note : NULL);
  bind_double (s, 10, num_member (area, "value"));
  bind_text (s, 11, str_member (area, "unit"));
  sqlite3_bind_int (s, 12, order);
  bind_id (s, 13, cit);
  bind_text (s, 14, str_member (area, "comparator"));
  bind_id (s, 15, area_cit);
  if (!pa_store_step_done (l->db, s, error))
    return FALSE;
  zone_id = sqlite3_last_insert_rowid (l->db);
  g_hash_table_insert (zone_ids, g_strdup (key), GSIZE_TO_POINTER (zone_id));
  return insert_places (l, zone_id, places, parts, error)
         && insert_industry_links (l, "zone_industries", "zone_id", zone_id,
                                   array_member (z, "industries"), error)
         && insert_targets (l, array_member (z, "targets"), zone_id, 0, error);
}

static gint64
zone_ref (Loader *l, GHashTable *zone_ids, const char *key, GError **error)
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
insert_organisations (Loader *l, JsonArray *orgs, GHashTable *zone_ids, GError **error)
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
      gint64 zone = zone_ref (l, zone_ids, str_member (o, "zone"), error);
      gint64 cit = citation_id (l, obj_member (o, "citation"), error);
      g_autofree char *resp = joined_member (o, "responsible");
      if (zone < 0 || cit < 0)
        return FALSE;
      sqlite3_bind_int64 (s, 1, l->plan_id);
      bind_id (s, 2, zone);
      bind_text (s, 3, str_member (o, "name"));
      bind_text (s, 4, str_member (o, "kind") ? str_member (o, "kind") : "enterprise");
      bind_text (s, 5, str_member (o, "role"));
      bind_text (s, 6, resp);
      bind_id (s, 7, cit);
      if (!pa_store_step_done (l->db, s, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_programmes (Loader *l, JsonArray *progs, GHashTable *zone_ids, GError **error)
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
      gint64 zone = zone_ref (l, zone_ids, str_member (p, "zone"), error);
      gint64 cit = citation_id (l, obj_member (p, "citation"), error);
      g_autofree char *lead = joined_member (p, "lead");
      g_autofree char *resp = joined_member (p, "responsible");
      if (zone < 0 || cit < 0)
        return FALSE;
      sqlite3_bind_int64 (s, 1, l->plan_id);
      bind_id (s, 2, zone);
      bind_text (s, 3, str_member (p, "name"));
      bind_text (s, 4, str_member (p, "kind"));
      bind_text (s, 5, lead);
      bind_text (s, 6, resp);
      bind_id (s, 7, cit);
      if (!pa_store_step_done (l->db, s, error)
          || !insert_targets (l, array_member (p, "targets"), zone > 0 ? zone : 0,
                              sqlite3_last_insert_rowid (l->db), error))
        return FALSE;
    }
  return TRUE;
}

static gint64
target_ref (Loader *l, const char *key, GError **error)
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
insert_sums (Loader *l, JsonArray *sums, GError **error)
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
      JsonArray *parts = array_member (sum, "parts");
      gint64 total = target_ref (l, str_member (sum, "total"), error), sum_id;
      if (total < 0)
        return FALSE;
      sqlite3_bind_int64 (s, 1, l->plan_id);
      sqlite3_bind_int64 (s, 2, total);
      bind_text (s, 3, str_member (sum, "note"));
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
insert_plan (Loader *l, JsonObject *plan, int order, GError **error)
{
  JsonObject *doc = obj_member (plan, "document");
  JsonObject *period = obj_member (plan, "period");
  JsonArray *roles = array_member (plan, "roles"), *zones = array_member (plan, "zones");
  g_autoptr (GHashTable) zone_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (sqlite3_stmt) s = NULL;
  gint64 doc_id, period_cit;

  g_hash_table_remove_all (l->target_ids);
  l->plan_slug = str_member (plan, "slug");
  if (!l->plan_slug || !str_member (plan, "name") || !doc || !str_member (doc, "seed"))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   "plan %d lacks a slug, name or document", order);
      return FALSE;
    }
  doc_id = document_id (l, str_member (doc, "seed"), doc, error);
  if (doc_id < 0)
    return FALSE;
  period_cit = citation_id (l, obj_member (period, "citation"), error);
  if (period_cit < 0)
    return FALSE;
  s = pa_store_prepare (l->db,
                        "INSERT INTO plans (slug, name, layout, region, document_id, sort_order, "
                        "period_start, period_end, period_citation_id) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        error);
  if (!s)
    return FALSE;
  bind_text (s, 1, l->plan_slug);
  bind_text (s, 2, str_member (plan, "name"));
  bind_text (s, 3, str_member (plan, "layout") ? str_member (plan, "layout") : "");
  bind_text (s, 4, str_member (plan, "region"));
  sqlite3_bind_int64 (s, 5, doc_id);
  sqlite3_bind_int (s, 6, order);
  bind_double (s, 7, num_member (period, "start"));
  bind_double (s, 8, num_member (period, "end"));
  bind_id (s, 9, period_cit);
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
      gint64 cit = citation_id (l, obj_member (r, "citation"), error);
      if (cit < 0)
        return FALSE;
      sqlite3_bind_int64 (s, 1, l->plan_id);
      bind_text (s, 2, str_member (r, "key"));
      bind_text (s, 3, str_member (r, "label"));
      sqlite3_bind_int (s, 4, (int) i);
      bind_id (s, 5, cit);
      if (!pa_store_step_done (l->db, s, error))
        return FALSE;
    }
  if (!insert_industry_links (l, "plan_industries", "plan_id", l->plan_id,
                              array_member (plan, "industries"), error))
    return FALSE;
  for (guint i = 0; zones && i < json_array_get_length (zones); i++)
    if (!insert_zone (l, json_array_get_object_element (zones, i), (int) i, zone_ids, error))
      return FALSE;
  return insert_targets (l, array_member (plan, "targets"), 0, 0, error)
         && insert_organisations (l, array_member (plan, "organisations"), zone_ids, error)
         && insert_programmes (l, array_member (plan, "programmes"), zone_ids, error)
         && insert_sums (l, array_member (plan, "sums"), error);
}

static JsonParser *
parse_file (const char *path, const char *what, GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) local = NULL;

  if (!json_parser_load_from_mapped_file (parser, path, &local))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS, _("Cannot read the %s “%s”: %s"),
                   what, path, local->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
      || !array_member (json_node_get_object (json_parser_get_root (parser)), "features"))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   _("The %s “%s” is not a GeoJSON FeatureCollection"), what, path);
      return NULL;
    }
  return g_steal_pointer (&parser);
}

/* Loads a GeoJSON layer into @table; @columns are property names copied as text. */
static gboolean
insert_layer (Loader *l, const char *path, const char *what, const char *table,
              const char *const *columns, GError **error)
{
  g_autoptr (JsonParser) parser = parse_file (path, what, error);
  g_autoptr (GString) sql = NULL;
  g_autoptr (sqlite3_stmt) s = NULL;
  JsonArray *features;
  guint ncol = g_strv_length ((char **) columns);

  if (!parser)
    return FALSE;
  sql = g_string_new (NULL);
  g_string_printf (sql, "INSERT INTO %s (geom", table);
  for (guint c = 0; c < ncol; c++)
    g_string_append_printf (sql, ", %s", columns[c]);
  g_string_append (sql, ") VALUES (?1");
  for (guint c = 0; c < ncol; c++)
    g_string_append_printf (sql, ", ?%u", c + 2);
  g_string_append (sql, ")");
  s = pa_store_prepare (l->db, sql->str, error);
  if (!s)
    return FALSE;
  features = array_member (json_node_get_object (json_parser_get_root (parser)), "features");
  for (guint i = 0; i < json_array_get_length (features); i++)
    {
      JsonObject *f = json_array_get_object_element (features, i);
      JsonObject *props = obj_member (f, "properties");
      JsonObject *geom = obj_member (f, "geometry");
      g_autoptr (PaGeometry) g = geom ? pa_geojson_to_geometry (geom, error) : NULL;
      g_autoptr (PaGeometry) valid = NULL;

      if (!g)
        {
          if (error && !*error)
            g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS, "no geometry");
          g_prefix_error (error, _("The %s “%s”, feature %u: "), what, path, i);
          return FALSE;
        }
      valid = pa_geos_make_valid (g, error);
      if (!valid)
        return FALSE;
      bind_geometry (s, 1, valid);
      for (guint c = 0; c < ncol; c++)
        bind_text (s, (int) c + 2, str_member (props, columns[c]));
      if (!pa_store_step_done (l->db, s, error))
        return FALSE;
      if (l->districts && str_member (props, "code"))
        g_hash_table_insert (l->districts, g_strdup (str_member (props, "code")),
                             g_steal_pointer (&valid));
    }
  return TRUE;
}

/* gpkg_contents carries each feature table's extent, from its spatial index. */
static gboolean
update_extents (sqlite3 *db, GError **error)
{
  static const char *const tables[] = { "zones", "districts", "land", "zone_places" };
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf (
          "UPDATE gpkg_contents SET min_x = (SELECT min(minx) FROM rtree_%1$s_geom), "
          "max_x = (SELECT max(maxx) FROM rtree_%1$s_geom), min_y = (SELECT min(miny) FROM rtree_%1$s_geom), "
          "max_y = (SELECT max(maxy) FROM rtree_%1$s_geom) WHERE table_name = '%1$s'",
          tables[i]);
      if (!pa_store_exec (db, sql, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_plans (Loader *l, GError **error)
{
  g_autoptr (GBytes) list = g_resources_lookup_data (PLANS_DIR "plans.list", 0, error);
  g_auto (GStrv) slugs = NULL;
  int order = 0;

  if (!list)
    return FALSE;
  slugs = g_strsplit (g_bytes_get_data (list, NULL), "\n", -1);
  for (guint i = 0; slugs[i]; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_strstrip (slugs[i]);
      if (!*slugs[i] || slugs[i][0] == '#')
        continue;
      path = g_strdup_printf (PLANS_DIR "%s.json", slugs[i]);
      bytes = g_resources_lookup_data (path, 0, error);
      if (!bytes
          || !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                          (gssize) g_bytes_get_size (bytes), error))
        {
          g_prefix_error (error, "data/plans/%s.json: ", slugs[i]);
          return FALSE;
        }
      if (!insert_plan (l, json_node_get_object (json_parser_get_root (parser)), order++, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pa_store_populate_defaults (sqlite3 *db, const PaStoreDefaults *defaults, GError **error)
{
  static const char *const district_cols[] = { "code", "name", "city", "source", NULL };
  static const char *const land_cols[] = { "region", "source", "coverage", NULL };
  g_autofree char *districts = defaults && defaults->districts_path
                                   ? g_strdup (defaults->districts_path)
                                   : pa_store_find_map_file ("districts.geojson");
  g_autofree char *land = defaults && defaults->land_path ? g_strdup (defaults->land_path)
                                                          : pa_store_find_map_file ("land.geojson");
  Loader l = { db };
  gboolean ok = FALSE;

  if (!districts)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   _("The district boundaries (districts.geojson) are missing: run maps/districts.sh, "
                     "or give your own with --districts FILE"));
      return FALSE;
    }
  if (!land)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   _("The basemap land polygons (maps/land.geojson) are missing"));
      return FALSE;
    }
  l.districts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) pa_geometry_unref);
  l.citations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.industries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  l.target_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (pa_store_exec (db, "PRAGMA journal_mode = DELETE; BEGIN", error)
      && pa_store_migrate (db, 0, error)
      && insert_layer (&l, districts, _("district layer"), "districts", district_cols, error))
    {
      GHashTable *keep = l.districts;
      l.districts = NULL; /* land features are not districts */
      ok = insert_layer (&l, land, _("land layer"), "land", land_cols, error);
      l.districts = keep;
    }
  ok = ok && insert_plans (&l, error) && update_extents (db, error)
       && pa_store_exec (db, "COMMIT", error);
  if (!ok)
    pa_store_exec (db, "ROLLBACK", NULL);

  g_hash_table_unref (l.districts);
  g_hash_table_unref (l.citations);
  g_hash_table_unref (l.documents);
  g_hash_table_unref (l.industries);
  g_hash_table_unref (l.target_ids);
  return ok;
}
