/* pa-store-search.c — search as you type across every plan.
 *
 * The index is an FTS5 table with the trigram tokenizer, which matches any substring of
 * three characters or more — Chinese has no spaces to split words on, and 坝光 must find
 * 坝光国际生物谷. It lives in the connection's temp schema, never in the planner's
 * GeoPackage (GDAL and QGIS see no extra tables), and is rebuilt on the first search after
 * the data changed, here or in another program. One- and two-character queries (烟台,
 * 深圳), which a trigram cannot match, scan the same table with instr().
 */
#define G_LOG_DOMAIN "parkatlas-store"

#include "config.h"

#include "pa-store-private.h"

#include <math.h>
#include <string.h>

/* The rows in a plain temp table, in the order results are shown (kind: the PaHitKind,
 * zones first, sentences last), so a search can stop at its limit instead of sorting
 * every match; the FTS5 trigram index over them holds no copy of the text. */
static const char index_sql[] =
  "DROP TABLE IF EXISTS temp.pa_search;"
  "DROP TABLE IF EXISTS temp.pa_search_rows;"
  "CREATE TABLE temp.pa_search_rows (kind INTEGER, plan TEXT, plan_name TEXT, zone TEXT,"
  "  code TEXT, lon REAL, lat REAL, name TEXT, context TEXT);"
  "INSERT INTO temp.pa_search_rows SELECT * FROM ("
  "  SELECT 0 AS kind, p.slug AS plan, p.name AS plan_name, z.key AS zone, NULL AS code,"
  "    NULL AS lon, NULL AS lat, z.name AS name, coalesce(z.places, '') AS context"
  "    FROM zones z JOIN plans p ON p.id = z.plan_id"
  "  UNION ALL SELECT 1, p.slug, p.name, z.key, NULL, NULL, NULL, zp.name, z.name"
  "    FROM zone_places zp JOIN zones z ON z.fid = zp.zone_id JOIN plans p ON p.id = z.plan_id"
  "    WHERE zp.name <> z.name"
  "  UNION ALL SELECT 2, NULL, NULL, NULL, d.code, NULL, NULL, coalesce(n.name, d.name),"
  "    coalesce(d.city, '')"
  "    FROM districts d LEFT JOIN district_names n ON n.code = d.code"
  "  UNION ALL SELECT CASE o.kind WHEN 'platform' THEN 4 ELSE 3 END, p.slug, p.name, z.key, NULL,"
  "    ST_MinX(s.geom), ST_MinY(s.geom), o.name, coalesce(z.name, p.name)"
  "    FROM organisations o JOIN plans p ON p.id = o.plan_id LEFT JOIN zones z ON z.fid = o.zone_id"
  "    LEFT JOIN organisation_sites s ON s.organisation_id = o.id"
  "  UNION ALL SELECT 5, p.slug, p.name, z.key, NULL, NULL, NULL, i.name, z.name"
  "    FROM zone_industries zi JOIN industries i ON i.id = zi.industry_id"
  "    JOIN zones z ON z.fid = zi.zone_id JOIN plans p ON p.id = z.plan_id"
  "  UNION ALL SELECT 5, p.slug, p.name, NULL, NULL, NULL, NULL, i.name, p.name"
  "    FROM plan_industries pi JOIN industries i ON i.id = pi.industry_id"
  "    JOIN plans p ON p.id = pi.plan_id"
  "  UNION ALL SELECT 6, p.slug, p.name, z.key, NULL, NULL, NULL, c.quote, z.name"
  "    FROM zones z JOIN citations c ON c.id = z.citation_id JOIN plans p ON p.id = z.plan_id"
  "  UNION ALL SELECT DISTINCT 6, p.slug, p.name, z.key, NULL, NULL, NULL, c.quote, t.indicator"
  "    FROM targets t JOIN citations c ON c.id = t.citation_id JOIN plans p ON p.id = t.plan_id"
  "    LEFT JOIN zones z ON z.fid = t.zone_id"
  ") ORDER BY kind, length(name);"
  "CREATE VIRTUAL TABLE temp.pa_search USING fts5(name, context, content = 'pa_search_rows',"
  "  tokenize = 'trigram');"
  "INSERT INTO temp.pa_search (pa_search) VALUES ('rebuild');";

/* Builds the index when there is none, or the data changed since it was built. */
static gboolean
ensure_index (PaStore *self, GError **error)
{
  sqlite3 *db = pa_store_get_db (self);
  gint64 version = pa_store_get_data_version (self);
  sqlite3_int64 changes = sqlite3_total_changes64 (db);
  gint64 *built = g_object_get_data (G_OBJECT (self), "pa-search-built");

  /* [0]: data_version (another connection's commits), [1]: this connection's changes */
  if (built && built[0] == version && built[1] == changes)
    return TRUE;
  if (!pa_store_exec (db, index_sql, error))
    return FALSE;
  built = g_new (gint64, 2);
  built[0] = version;
  built[1] = sqlite3_total_changes64 (db); /* after the index's own rows */
  g_object_set_data_full (G_OBJECT (self), "pa-search-built", built, g_free);
  return TRUE;
}

static char *
col (sqlite3_stmt *s, int i)
{
  return g_strdup ((const char *) sqlite3_column_text (s, i));
}

/* Within what was found: by kind, then those whose name holds the query, shortest first. */
static gint
by_relevance (gconstpointer a, gconstpointer b, gpointer needle)
{
  const PaSearchHit *x = *(PaSearchHit **) a, *y = *(PaSearchHit **) b;
  gboolean nx = x->text && strstr (x->text, needle), ny = y->text && strstr (y->text, needle);

  if (x->kind != y->kind)
    return (int) x->kind - (int) y->kind;
  if (nx != ny)
    return ny - nx;
  return (int) strlen (x->text ? x->text : "") - (int) strlen (y->text ? y->text : "");
}

GPtrArray *
pa_store_search (PaStore *self, const char *query, guint limit, GError **error)
{
  sqlite3 *db;
  g_autoptr (sqlite3_stmt) s = NULL;
  g_autofree char *needle = NULL;
  GPtrArray *hits;
  PaStep st;

  g_return_val_if_fail (PA_IS_STORE (self), NULL);
  hits = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_search_hit_unref);
  needle = g_strstrip (g_strdup (query ? query : ""));
  if (!*needle || !g_utf8_validate (needle, -1, NULL))
    return hits;
  if (!ensure_index (self, error))
    {
      g_ptr_array_unref (hits);
      return NULL;
    }
  db = pa_store_get_db (self);
  if (g_utf8_strlen (needle, -1) >= 3)
    {
      /* the whole query as one phrase: quotes doubled, no FTS5 syntax from the user */
      g_autoptr (GString) phrase = g_string_new (needle);
      g_string_replace (phrase, "\"", "\"\"", 0);
      g_string_prepend_c (phrase, '"');
      g_string_append_c (phrase, '"');
      /* in rowid order, which is the order of the rows: it stops at the limit */
      s = pa_store_prepare (db,
                            "SELECT r.kind, r.plan, r.plan_name, r.zone, r.code, r.lon, r.lat, r.name, r.context "
                            "FROM temp.pa_search f JOIN temp.pa_search_rows r ON r.rowid = f.rowid "
                            "WHERE f.pa_search MATCH ?1 ORDER BY f.rowid LIMIT ?2",
                            error);
      if (s)
        sqlite3_bind_text (s, 1, phrase->str, -1, SQLITE_TRANSIENT);
    }
  else
    {
      s = pa_store_prepare (db,
                            "SELECT kind, plan, plan_name, zone, code, lon, lat, name, context "
                            "FROM temp.pa_search_rows WHERE instr(name, ?1) > 0 OR instr(context, ?1) > 0 "
                            "ORDER BY rowid LIMIT ?2",
                            error);
      if (s)
        sqlite3_bind_text (s, 1, needle, -1, SQLITE_TRANSIENT);
    }
  if (!s)
    {
      g_ptr_array_unref (hits);
      return NULL;
    }
  sqlite3_bind_int (s, 2, (int) MIN (limit, G_MAXINT));
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      PaSearchHit *h = pa_search_hit_new ((PaHitKind) sqlite3_column_int (s, 0));
      h->plan_slug = col (s, 1);
      h->plan_name = col (s, 2);
      h->zone_key = col (s, 3);
      h->code = col (s, 4);
      if (sqlite3_column_type (s, 5) != SQLITE_NULL)
        h->lon = sqlite3_column_double (s, 5), h->lat = sqlite3_column_double (s, 6);
      h->text = col (s, 7);
      h->context = col (s, 8);
      g_ptr_array_add (hits, h);
    }
  if (st == PA_STEP_ERROR)
    g_clear_pointer (&hits, g_ptr_array_unref);
  else
    g_ptr_array_sort_with_data (hits, by_relevance, needle);
  return hits;
}
