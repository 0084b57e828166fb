/* pa-store-read.c — loading plans and the basemap into model objects */
#define G_LOG_DOMAIN "parkatlas-store"

#include "config.h"

#include "pa-store-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "geo/pa-gpkg-blob.h"

typedef struct
{
  sqlite3 *db;
  GHashTable *citations;       /* id → PaCitation */
  GHashTable *sources;         /* document id → PaSource */
  GHashTable *document_values; /* "table:row" → GHashTable (column → text); may be NULL */
} Reader;

static const char *
col_text (sqlite3_stmt *s, int i)
{
  return pa_store_column_text (s, i);
}

static double
col_double (sqlite3_stmt *s, int i)
{
  return sqlite3_column_type (s, i) == SQLITE_NULL ? NAN : sqlite3_column_double (s, i);
}

static PaGeometry *
col_geometry (sqlite3_stmt *s, int i, GError **error)
{
  if (sqlite3_column_type (s, i) == SQLITE_NULL)
    return pa_geometry_new ();
  return pa_gpkg_blob_to_geometry (sqlite3_column_blob (s, i), (gsize) sqlite3_column_bytes (s, i),
                                   NULL, error);
}

/* TRUE when column @i of @a holds the same bytes as column @j of @b: a zone of one part
 * has that part's outline as its own, and then shares one geometry instead of decoding
 * (and holding) it twice — half the geometry of a plan of many one-part zones.
 * Geometries are not changed once read; an edit sets a new one. */
static gboolean
same_blob (sqlite3_stmt *a, int i, sqlite3_stmt *b, int j)
{
  int n = sqlite3_column_bytes (a, i);
  const void *x = sqlite3_column_blob (a, i), *y;
  if (!x || n != sqlite3_column_bytes (b, j) || sqlite3_column_type (b, j) != SQLITE_BLOB)
    return FALSE;
  y = sqlite3_column_blob (b, j);
  return y && memcmp (x, y, (size_t) n) == 0;
}

static void
reader_init (Reader *r, sqlite3 *db)
{
  r->db = db;
  r->citations = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                        (GDestroyNotify) pa_citation_unref);
  r->sources = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                      (GDestroyNotify) pa_source_unref);
  r->document_values = NULL;
}

static void
reader_clear (Reader *r)
{
  g_clear_pointer (&r->citations, g_hash_table_unref);
  g_clear_pointer (&r->sources, g_hash_table_unref);
  g_clear_pointer (&r->document_values, g_hash_table_unref);
}

/* The document's own values of the facts planners changed (a small table: read it whole). */
static gboolean
reader_load_document_values (Reader *r, GError **error)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (
      r->db, "SELECT table_name, row_id, column_name, value FROM document_values", error);
  PaStep st;

  if (!s)
    return FALSE;
  r->document_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_hash_table_unref);
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, col_text (s, 0),
                                              (gint64) sqlite3_column_int64 (s, 1));
      GHashTable *row = g_hash_table_lookup (r->document_values, key);
      if (!row)
        {
          row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          g_hash_table_insert (r->document_values, g_strdup (key), row);
        }
      g_hash_table_replace (row, g_strdup (col_text (s, 2)), g_strdup (col_text (s, 3) ? col_text (s, 3) : ""));
    }
  return st == PA_STEP_DONE;
}

static GHashTable *
document_values (Reader *r, const char *table, gint64 row)
{
  g_autofree char *key = NULL;
  GHashTable *found;
  if (!r->document_values)
    return NULL;
  key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, table, row);
  found = g_hash_table_lookup (r->document_values, key);
  return found ? g_hash_table_ref (found) : NULL;
}

/* The row @id of @sql (one "?1"), stepped onto it; NULL when it cannot be read, which is
 * logged as @what: the caller leaves the thing out and what refers to it still shows. */
static sqlite3_stmt *
read_by_id (Reader *r, const char *sql, gint64 id, const char *what)
{
  g_autoptr (sqlite3_stmt) q = NULL;
  g_autoptr (GError) error = NULL;

  q = pa_store_prepare (r->db, sql, &error);
  if (q)
    sqlite3_bind_int64 (q, 1, id);
  if (!q || pa_store_step (q, &error) != PA_STEP_ROW)
    {
      if (error)
        g_warning ("%s %" G_GINT64_FORMAT ": %s", what, id, error->message);
      return NULL;
    }
  return g_steal_pointer (&q);
}

/* The document of column @col (documents.id), read once. */
static PaSource *
source (Reader *r, sqlite3_stmt *s, int col)
{
  gint64 id = sqlite3_column_int64 (s, col);
  g_autoptr (sqlite3_stmt) q = NULL;
  PaSource *d;

  if (sqlite3_column_type (s, col) == SQLITE_NULL)
    return NULL;
  d = g_hash_table_lookup (r->sources, &id);
  if (d)
    return d;
  q = read_by_id (r, "SELECT seed, title, short_title, description, issuer, date, number "
                     "FROM documents WHERE id = ?1", id, "document");
  if (!q)
    return NULL;
  d = pa_source_new (id, col_text (q, 0));
  d->title = g_strdup (col_text (q, 1));
  d->short_title = g_strdup (col_text (q, 2));
  d->description = g_strdup (col_text (q, 3));
  d->issuer = g_strdup (col_text (q, 4));
  d->date = g_strdup (col_text (q, 5));
  d->number = g_strdup (col_text (q, 6));
  g_hash_table_insert (r->sources, g_memdup2 (&id, sizeof id), d);
  return d;
}

/* Citations are shared by many facts: load each once. */
static PaCitation *
citation (Reader *r, sqlite3_stmt *s, int col)
{
  gint64 id = sqlite3_column_int64 (s, col);
  g_autoptr (sqlite3_stmt) q = NULL;
  PaCitation *c;

  if (sqlite3_column_type (s, col) == SQLITE_NULL)
    return NULL;
  c = g_hash_table_lookup (r->citations, &id);
  if (c)
    return c;
  q = read_by_id (r, "SELECT document_id, section, quote FROM citations WHERE id = ?1", id, "citation");
  if (!q)
    return NULL;
  c = pa_citation_new (id, source (r, q, 0), col_text (q, 1), col_text (q, 2));
  g_hash_table_insert (r->citations, g_memdup2 (&id, sizeof id), c);
  return c;
}

static PaTarget *
read_target (Reader *r, sqlite3_stmt *s)
{
  PaTarget *t = pa_target_new ();
  PaCitation *c;
  t->id = sqlite3_column_int64 (s, 0);
  t->indicator = g_strdup (col_text (s, 1));
  t->comparator = g_strdup (col_text (s, 2));
  t->value = col_double (s, 3);
  t->unit = g_strdup (col_text (s, 4));
  t->year = sqlite3_column_int (s, 5);
  t->baseline_value = col_double (s, 6);
  t->baseline_year = sqlite3_column_int (s, 7);
  t->growth_rate = col_double (s, 8);
  t->increase = col_double (s, 9);
  t->value_text = g_strdup (col_text (s, 11));
  t->entered_by = g_strdup (col_text (s, 12));
  t->entered_at = g_strdup (col_text (s, 13));
  t->document_values = document_values (r, "targets", t->id);
  c = citation (r, s, 10);
  t->citation = c ? pa_citation_ref (c) : NULL;
  c = citation (r, s, 14);
  t->baseline_citation = c ? pa_citation_ref (c) : NULL;
  return t;
}

#define ORGANISATION_COLUMNS                                                                  \
  "o.id, o.name, o.kind, o.role, o.responsible, z.key, o.citation_id, o.entered_by, "        \
  "o.entered_at, ST_MinX(s.geom), ST_MinY(s.geom), o.industry"
#define ORGANISATION_JOINS                                                                    \
  " LEFT JOIN organisation_sites s ON s.organisation_id = o.id "

static PaOrganisation *
read_organisation (Reader *r, sqlite3_stmt *s)
{
  PaOrganisation *o = pa_organisation_new ();
  PaCitation *c;
  o->id = sqlite3_column_int64 (s, 0);
  o->name = g_strdup (col_text (s, 1));
  o->kind = g_strdup (col_text (s, 2));
  o->role = g_strdup (col_text (s, 3));
  o->responsible = g_strdup (col_text (s, 4));
  o->zone_key = g_strdup (col_text (s, 5));
  o->entered_by = g_strdup (col_text (s, 7));
  o->entered_at = g_strdup (col_text (s, 8));
  o->lon = col_double (s, 9);
  o->lat = col_double (s, 10);
  o->industry = g_strdup (col_text (s, 11));
  o->document_values = document_values (r, "organisations", o->id);
  c = citation (r, s, 6);
  o->citation = c ? pa_citation_ref (c) : NULL;
  return o;
}

#define TARGET_COLUMNS                                                                        \
  "t.id, t.indicator, t.comparator, t.value, t.unit, t.year, t.baseline_value, "             \
  "t.baseline_year, t.growth_rate, t.increase, t.citation_id, t.value_text, t.entered_by, "  \
  "t.entered_at, t.baseline_citation_id"

/* Every target of the plan, each attached where it belongs; then the plan's sums. */
static gboolean
load_targets (Reader *r, PaPlan *plan, GError **error)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) pa_target_unref);
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (
      r->db,
      "SELECT " TARGET_COLUMNS ", t.key, t.zone_id, t.programme_id, coalesce(z.name, g.name) "
      "FROM targets t LEFT JOIN zones z ON z.fid = t.zone_id "
      "LEFT JOIN programmes g ON g.id = t.programme_id WHERE t.plan_id = ?1 ORDER BY t.id",
      error);
  g_autoptr (sqlite3_stmt) sums = NULL, parts = NULL;
  PaStep st;

  if (!s)
    return FALSE;
  sqlite3_bind_int64 (s, 1, pa_plan_get_id (plan));
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      PaTarget *t = read_target (r, s);
      gint64 zone_id = sqlite3_column_int64 (s, 16);
      t->key = g_strdup (col_text (s, 15));
      t->owner = g_strdup (col_text (s, 18));
      pa_plan_add_any_target (plan, t);
      if (zone_id > 0)
        {
          PaZone *z = pa_plan_find_zone_by_id (plan, zone_id);
          if (z)
            pa_zone_add_target (z, t);
        }
      else if (sqlite3_column_type (s, 17) == SQLITE_NULL)
        pa_plan_add_target (plan, t);
      g_hash_table_insert (by_id, g_memdup2 (&t->id, sizeof t->id), t);
    }
  if (st == PA_STEP_ERROR)
    return FALSE;

  sums = pa_store_prepare (r->db, "SELECT id, total_target_id, note FROM target_sums WHERE plan_id = ?1 ORDER BY id", error);
  parts = pa_store_prepare (r->db, "SELECT target_id FROM target_sum_parts WHERE sum_id = ?1 ORDER BY id", error);
  if (!sums || !parts)
    return FALSE;
  sqlite3_bind_int64 (sums, 1, pa_plan_get_id (plan));
  while ((st = pa_store_step (sums, error)) == PA_STEP_ROW)
    {
      gint64 total_id = sqlite3_column_int64 (sums, 1);
      PaTarget *total = g_hash_table_lookup (by_id, &total_id);
      g_autoptr (PaTargetSum) sum = NULL;
      PaStep pst;
      if (!total)
        continue;
      sum = pa_target_sum_new (total, col_text (sums, 2));
      sqlite3_bind_int64 (parts, 1, sqlite3_column_int64 (sums, 0));
      while ((pst = pa_store_step (parts, error)) == PA_STEP_ROW)
        {
          gint64 part_id = sqlite3_column_int64 (parts, 0);
          PaTarget *part = g_hash_table_lookup (by_id, &part_id);
          if (part)
            g_ptr_array_add (sum->parts, pa_target_ref (part));
        }
      sqlite3_reset (parts);
      if (pst == PA_STEP_ERROR)
        return FALSE;
      pa_plan_add_sum (plan, sum);
    }
  return st == PA_STEP_DONE;
}

/* The statements that read one zone row's industries, parts and organisations. */
typedef struct
{
  sqlite3_stmt *zone, *industries, *parts, *organisations;
} ZoneQueries;

#define ZONE_COLUMNS                                                                          \
  "fid, key, name, role, summary, places, schematic, note, geom, citation_id, "               \
  "land_area, land_area_unit, land_area_comparator, land_area_citation_id, entered_by, "      \
  "entered_at, inference"

static gboolean
zone_queries_prepare (Reader *r, ZoneQueries *q, const char *where, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " ZONE_COLUMNS " FROM zones WHERE %s "
                                          "ORDER BY sort_order, fid", where);
  q->zone = pa_store_prepare (r->db, sql, error);
  q->industries = q->zone ? pa_store_prepare (
      r->db,
      "SELECT i.name, zi.citation_id, zi.id, zi.entered_by FROM zone_industries zi "
      "JOIN industries i ON i.id = zi.industry_id WHERE zi.zone_id = ?1 ORDER BY zi.id",
      error) : NULL;
  q->parts = q->industries ? pa_store_prepare (
      r->db, "SELECT geom, outline, fid, name, entered_by, outline_from FROM zone_places WHERE zone_id = ?1 "
      "ORDER BY fid",
      error) : NULL;
  q->organisations = q->parts ? pa_store_prepare (
      r->db,
      "SELECT " ORGANISATION_COLUMNS " FROM organisations o JOIN zones z ON z.fid = o.zone_id"
      ORGANISATION_JOINS "WHERE o.zone_id = ?1 ORDER BY o.id",
      error) : NULL;
  return q->organisations != NULL;
}

static void
zone_queries_clear (ZoneQueries *q)
{
  g_clear_pointer (&q->zone, sqlite3_finalize);
  g_clear_pointer (&q->industries, sqlite3_finalize);
  g_clear_pointer (&q->parts, sqlite3_finalize);
  g_clear_pointer (&q->organisations, sqlite3_finalize);
}

static PaPartKind
part_kind (const char *outline)
{
  if (g_strcmp0 (outline, "schematic") == 0)
    return PA_PART_SCHEMATIC;
  if (g_strcmp0 (outline, "drawn") == 0)
    return PA_PART_DRAWN;
  return PA_PART_DISTRICT;
}

/* The zone on q->zone's current row, with everything attached to it. */
static PaZone *
read_zone (Reader *r, ZoneQueries *q, GError **error)
{
  sqlite3_stmt *s = q->zone;
  gint64 fid = sqlite3_column_int64 (s, 0);
  g_autoptr (PaZone) z = pa_zone_new (fid, col_text (s, 1), col_text (s, 2), col_text (s, 3));
  g_autoptr (GError) geometry_error = NULL;
  g_autoptr (PaGeometry) g = col_geometry (s, 8, &geometry_error);
  g_autoptr (GHashTable) originals = document_values (r, "zones", fid);
  PaStep st;

  if (!g)
    {
      /* one outline nothing can draw (another tool wrote it) must not hide the whole plan:
       * the zone is listed without it, and the log names the row */
      g_warning ("Table zones, feature (fid) %lld “%s”: outline not drawn: %s", (long long) fid,
                 col_text (s, 2), geometry_error->message);
      g = pa_geometry_new ();
    }
  pa_zone_set_summary (z, col_text (s, 4));
  pa_zone_set_places (z, col_text (s, 5));
  pa_zone_set_schematic (z, sqlite3_column_int (s, 6));
  pa_zone_set_note (z, col_text (s, 7));
  pa_zone_set_inference (z, col_text (s, 16));
  pa_zone_set_geometry (z, g);
  pa_zone_set_citation (z, citation (r, s, 9));
  pa_zone_set_entered (z, col_text (s, 14), col_text (s, 15));
  if (originals)
    {
      GHashTableIter it;
      gpointer k, v;
      g_hash_table_iter_init (&it, originals);
      while (g_hash_table_iter_next (&it, &k, &v))
        pa_zone_set_document_value (z, k, v);
    }
  if (sqlite3_column_type (s, 10) != SQLITE_NULL)
    pa_zone_set_land_area (z, sqlite3_column_double (s, 10), col_text (s, 11), col_text (s, 12),
                           citation (r, s, 13));

  sqlite3_bind_int64 (q->industries, 1, fid);
  while ((st = pa_store_step (q->industries, error)) == PA_STEP_ROW)
    pa_zone_add_industry_full (z, sqlite3_column_int64 (q->industries, 2), col_text (q->industries, 0),
                               citation (r, q->industries, 1), col_text (q->industries, 3));
  sqlite3_reset (q->industries);
  if (st == PA_STEP_ERROR)
    return NULL;

  sqlite3_bind_int64 (q->parts, 1, fid);
  while ((st = pa_store_step (q->parts, error)) == PA_STEP_ROW)
    {
      g_autoptr (GError) part_error = NULL;
      g_autoptr (PaGeometry) part = same_blob (q->parts, 0, s, 8) ? pa_geometry_ref (g)
                                                                  : col_geometry (q->parts, 0, &part_error);
      if (!part)
        g_warning ("Table zone_places, feature (fid) %lld (zone “%s”, part “%s”): not drawn: %s",
                   (long long) sqlite3_column_int64 (q->parts, 2), pa_zone_get_name (z),
                   col_text (q->parts, 3), part_error->message);
      else if (!pa_geometry_is_empty (part))
        {
          pa_zone_add_part_full (z, sqlite3_column_int64 (q->parts, 2), col_text (q->parts, 3),
                                 part_kind (col_text (q->parts, 1)), part, col_text (q->parts, 4));
          if (col_text (q->parts, 5))
            pa_zone_set_last_part_outline_from (z, col_text (q->parts, 5));
        }
    }
  sqlite3_reset (q->parts);
  if (st == PA_STEP_ERROR)
    return NULL;

  sqlite3_bind_int64 (q->organisations, 1, fid);
  while ((st = pa_store_step (q->organisations, error)) == PA_STEP_ROW)
    {
      g_autoptr (PaOrganisation) o = read_organisation (r, q->organisations);
      pa_zone_add_organisation (z, o);
    }
  sqlite3_reset (q->organisations);
  if (st == PA_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&z);
}

static gboolean
load_zones (Reader *r, PaPlan *plan, GError **error)
{
  ZoneQueries q = { 0 };
  PaStep st = PA_STEP_ERROR;

  if (zone_queries_prepare (r, &q, "plan_id = ?1", error))
    {
      sqlite3_bind_int64 (q.zone, 1, pa_plan_get_id (plan));
      while ((st = pa_store_step (q.zone, error)) == PA_STEP_ROW)
        {
          g_autoptr (PaZone) z = read_zone (r, &q, error);
          if (!z)
            {
              st = PA_STEP_ERROR;
              break;
            }
          pa_plan_add_zone (plan, z);
        }
    }
  zone_queries_clear (&q);
  return st == PA_STEP_DONE;
}

PaZone *
pa_store_load_zone (PaStore *self, gint64 fid, GError **error)
{
  Reader r;
  ZoneQueries q = { 0 };
  PaZone *zone = NULL;

  g_return_val_if_fail (PA_IS_STORE (self), NULL);
  reader_init (&r, pa_store_get_db (self));
  if (reader_load_document_values (&r, error) && zone_queries_prepare (&r, &q, "fid = ?1", error))
    {
      sqlite3_bind_int64 (q.zone, 1, fid);
      switch (pa_store_step (q.zone, error))
        {
        case PA_STEP_ROW:
          zone = read_zone (&r, &q, error);
          break;
        case PA_STEP_DONE:
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                       _("There is no zone %lld in “%s”"), (long long) fid, pa_store_get_path (self));
          break;
        default:
          break;
        }
    }
  zone_queries_clear (&q);
  reader_clear (&r);
  return zone;
}

static gboolean
load_plan_rows (Reader *r, PaPlan *plan, GError **error)
{
  g_autoptr (sqlite3_stmt) s = NULL;
  PaStep st;

  s = pa_store_prepare (r->db, "SELECT key, label FROM roles WHERE plan_id = ?1 ORDER BY sort_order", error);
  if (!s)
    return FALSE;
  sqlite3_bind_int64 (s, 1, pa_plan_get_id (plan));
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    pa_plan_add_role (plan, col_text (s, 0), col_text (s, 1));
  if (st == PA_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&s, sqlite3_finalize);

  if (!load_zones (r, plan, error) || !load_targets (r, plan, error))
    return FALSE;

  s = pa_store_prepare (r->db,
                        "SELECT " ORGANISATION_COLUMNS " FROM organisations o "
                        "LEFT JOIN zones z ON z.fid = o.zone_id" ORGANISATION_JOINS
                        "WHERE o.plan_id = ?1 ORDER BY o.id",
                        error);
  if (!s)
    return FALSE;
  sqlite3_bind_int64 (s, 1, pa_plan_get_id (plan));
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      g_autoptr (PaOrganisation) o = read_organisation (r, s);
      pa_plan_add_organisation (plan, o);
    }
  if (st == PA_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&s, sqlite3_finalize);

  s = pa_store_prepare (r->db,
                        "SELECT g.id, g.name, g.kind, g.lead, g.responsible, z.key, g.citation_id "
                        "FROM programmes g LEFT JOIN zones z ON z.fid = g.zone_id "
                        "WHERE g.plan_id = ?1 ORDER BY g.id",
                        error);
  if (!s)
    return FALSE;
  sqlite3_bind_int64 (s, 1, pa_plan_get_id (plan));
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      g_autoptr (PaProgramme) g = pa_programme_new ();
      PaCitation *c = citation (r, s, 6);
      g->id = sqlite3_column_int64 (s, 0);
      g->name = g_strdup (col_text (s, 1));
      g->kind = g_strdup (col_text (s, 2));
      g->lead = g_strdup (col_text (s, 3));
      g->responsible = g_strdup (col_text (s, 4));
      g->zone_key = g_strdup (col_text (s, 5));
      g->citation = c ? pa_citation_ref (c) : NULL;
      pa_plan_add_programme (plan, g);
    }
  if (st == PA_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&s, sqlite3_finalize);

  s = pa_store_prepare (r->db,
                        "SELECT i.name FROM plan_industries pi JOIN industries i ON i.id = pi.industry_id "
                        "WHERE pi.plan_id = ?1 ORDER BY pi.id",
                        error);
  if (!s)
    return FALSE;
  sqlite3_bind_int64 (s, 1, pa_plan_get_id (plan));
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    pa_plan_add_industry (plan, col_text (s, 0));
  return st == PA_STEP_DONE;
}

PaPlan *
pa_store_load_plan (PaStore *self, const char *slug, GError **error)
{
  Reader r;
  g_autoptr (sqlite3_stmt) s = NULL;
  g_autoptr (PaPlan) plan = NULL;
  gboolean ok;

  g_return_val_if_fail (PA_IS_STORE (self), NULL);
  reader_init (&r, pa_store_get_db (self));
  s = pa_store_prepare (r.db,
                        "SELECT p.id, p.slug, p.name, p.layout, p.region, p.document_id, NULL, NULL, "
                        "p.period_start, p.period_end, p.period_citation_id, NULL, "
                        "(SELECT o.slug FROM plans o WHERE o.id = p.scenario_of), p.entered_by, "
                        "(SELECT o.name FROM plans o WHERE o.id = p.scenario_of) "
                        "FROM plans p WHERE p.slug = ?1",
                        error);
  ok = s != NULL;
  if (ok)
    {
      sqlite3_bind_text (s, 1, slug, -1, SQLITE_TRANSIENT);
      switch (pa_store_step (s, error))
        {
        case PA_STEP_ROW:
          break;
        case PA_STEP_DONE:
          g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_UNKNOWN_PLAN,
                       _("There is no plan “%s” in “%s” (see --list-plans)"), slug,
                       pa_store_get_path (self));
          ok = FALSE;
          break;
        default:
          ok = FALSE;
        }
    }
  if (ok)
    {
      plan = pa_plan_new (sqlite3_column_int64 (s, 0), col_text (s, 1), col_text (s, 2), col_text (s, 3));
      pa_plan_set_region (plan, col_text (s, 4));
      pa_plan_set_source (plan, source (&r, s, 5));
      pa_plan_set_scenario_of (plan, col_text (s, 12), col_text (s, 14));
      pa_plan_set_entered_by (plan, col_text (s, 13));
      pa_plan_set_period (plan, sqlite3_column_int (s, 8), sqlite3_column_int (s, 9), citation (&r, s, 10));
      g_clear_pointer (&s, sqlite3_finalize);
      ok = reader_load_document_values (&r, error) && load_plan_rows (&r, plan, error);
    }
  reader_clear (&r);
  return ok ? g_steal_pointer (&plan) : NULL;
}

PaGeometry *
pa_store_load_district (PaStore *self, const char *code, char **name, GError **error)
{
  g_autoptr (sqlite3_stmt) s = NULL;

  g_return_val_if_fail (PA_IS_STORE (self), NULL);
  s = pa_store_prepare (pa_store_get_db (self), "SELECT geom, name FROM districts WHERE code = ?1", error);
  if (!s)
    return NULL;
  sqlite3_bind_text (s, 1, code, -1, SQLITE_TRANSIENT);
  switch (pa_store_step (s, error))
    {
    case PA_STEP_ROW:
      {
        PaGeometry *g = col_geometry (s, 0, error);
        if (!g)
          g_prefix_error (error, _("District “%s” in “%s”: "), code, pa_store_get_path (self));
        else if (name)
          *name = g_strdup (col_text (s, 1));
        return g;
      }
    case PA_STEP_DONE:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("There is no district “%s” in “%s”"), code,
                   pa_store_get_path (self));
      return NULL;
    default:
      return NULL;
    }
}

gint64
pa_store_get_data_version (PaStore *self)
{
  g_autoptr (sqlite3_stmt) s = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (PA_IS_STORE (self), -1);
  s = pa_store_prepare (pa_store_get_db (self), "PRAGMA data_version", &error);
  if (s && pa_store_step (s, &error) == PA_STEP_ROW)
    return sqlite3_column_int64 (s, 0);
  g_warning ("%s: data_version: %s", pa_store_get_path (self), error ? error->message : "no row");
  return -1;
}

PaBasemap *
pa_store_load_basemap (PaStore *self, GError **error)
{
  sqlite3 *db = pa_store_get_db (self);
  g_autoptr (PaBasemap) map = pa_basemap_new ();
  g_autoptr (sqlite3_stmt) s = NULL;
  PaStep st;

  if (!pa_store_read_basemap_layers (db, pa_store_get_path (self), map, error))
    return NULL;
  /* the land table's three regions when there are no tiers (they hold them, patched) */
  s = pa_store_prepare (db, pa_basemap_get_n_tiers (map) ? "SELECT geom, coverage, fid FROM land WHERE 0"
                                                         : "SELECT geom, coverage, fid FROM land ORDER BY fid",
                        error);
  if (!s)
    return NULL;
  /* a feature that cannot be drawn is left out, named in the log: the map still opens */
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      g_autoptr (GError) geometry_error = NULL;
      g_autoptr (PaGeometry) g = col_geometry (s, 0, &geometry_error);
      g_auto (GStrv) box = g_strsplit (col_text (s, 1) ? col_text (s, 1) : "", ",", 4);
      if (!g)
        {
          g_warning ("%s: table land, feature (fid) %lld: not drawn: %s", pa_store_get_path (self),
                     (long long) sqlite3_column_int64 (s, 2), geometry_error->message);
          continue;
        }
      pa_basemap_add_land (map, g);
      if (g_strv_length (box) == 4)
        pa_basemap_add_coverage (map, &(PaBBox){ g_ascii_strtod (box[0], NULL), g_ascii_strtod (box[1], NULL),
                                                 g_ascii_strtod (box[2], NULL), g_ascii_strtod (box[3], NULL) });
    }
  if (st == PA_STEP_ERROR)
    return NULL;
  g_clear_pointer (&s, sqlite3_finalize);
  /* both names as columns of their tables, so a bad one is reported by table and column */
  s = pa_store_prepare (db, "SELECT d.code, n.name, d.geom, d.fid, d.name FROM districts d "
                        "LEFT JOIN district_names n ON n.code = d.code ORDER BY d.fid", error);
  if (!s)
    return NULL;
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      g_autoptr (GError) geometry_error = NULL;
      g_autoptr (PaGeometry) g = col_geometry (s, 2, &geometry_error);
      if (!g)
        {
          g_warning ("%s: table districts, feature (fid) %lld (%s): not drawn: %s",
                     pa_store_get_path (self), (long long) sqlite3_column_int64 (s, 3),
                     col_text (s, 0), geometry_error->message);
          continue;
        }
      pa_basemap_add_district (map, col_text (s, 0), col_text (s, 1) ? col_text (s, 1) : col_text (s, 4), g);
    }
  if (st == PA_STEP_ERROR)
    return NULL;
  return g_steal_pointer (&map);
}

GPtrArray *
pa_store_list_citations (PaStore *self, const char *slug, GError **error)
{
  Reader r;
  PaStep st;
  g_autoptr (sqlite3_stmt) s = NULL;
  GPtrArray *out;

  reader_init (&r, pa_store_get_db (self));
  s = pa_store_prepare (
      r.db,
      "SELECT DISTINCT c.id FROM citations c WHERE c.id IN ("
      " SELECT citation_id FROM targets t JOIN plans p ON p.id = t.plan_id WHERE p.slug = ?1"
      " UNION SELECT baseline_citation_id FROM targets t JOIN plans p ON p.id = t.plan_id WHERE p.slug = ?1"
      " UNION SELECT citation_id FROM zones z JOIN plans p ON p.id = z.plan_id WHERE p.slug = ?1"
      " UNION SELECT citation_id FROM organisations o JOIN plans p ON p.id = o.plan_id WHERE p.slug = ?1"
      " UNION SELECT period_citation_id FROM plans p WHERE p.slug = ?1"
      " UNION SELECT citation_id FROM programmes g JOIN plans p ON p.id = g.plan_id WHERE p.slug = ?1"
      " UNION SELECT citation_id FROM plan_industries i JOIN plans p ON p.id = i.plan_id WHERE p.slug = ?1"
      " UNION SELECT zi.citation_id FROM zone_industries zi JOIN zones z ON z.fid = zi.zone_id"
      "   JOIN plans p ON p.id = z.plan_id WHERE p.slug = ?1) ORDER BY c.id",
      error);
  if (!s)
    {
      reader_clear (&r);
      return NULL;
    }
  sqlite3_bind_text (s, 1, slug, -1, SQLITE_TRANSIENT);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_citation_unref);
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      PaCitation *c = citation (&r, s, 0);
      if (c)
        g_ptr_array_add (out, pa_citation_ref (c));
    }
  if (st == PA_STEP_ERROR)
    g_clear_pointer (&out, g_ptr_array_unref);
  reader_clear (&r);
  return out;
}

GPtrArray *
pa_store_list_targets (PaStore *self, const char *slug, GError **error)
{
  Reader r;
  PaStep st;
  g_autoptr (sqlite3_stmt) s = NULL;
  GPtrArray *out;

  reader_init (&r, pa_store_get_db (self));
  s = pa_store_prepare (r.db,
                        "SELECT " TARGET_COLUMNS " FROM targets t JOIN plans p ON p.id = t.plan_id "
                        "WHERE p.slug = ?1 ORDER BY t.id",
                        error);
  if (!s)
    {
      reader_clear (&r);
      return NULL;
    }
  sqlite3_bind_text (s, 1, slug, -1, SQLITE_TRANSIENT);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_target_unref);
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    g_ptr_array_add (out, read_target (&r, s));
  if (st == PA_STEP_ERROR)
    g_clear_pointer (&out, g_ptr_array_unref);
  reader_clear (&r);
  return out;
}

GPtrArray *
pa_store_list_industries (PaStore *self, GError **error)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (
      pa_store_get_db (self),
      "SELECT i.name, "
      " (SELECT count(DISTINCT z.plan_id) FROM zone_industries zi JOIN zones z ON z.fid = zi.zone_id"
      "  WHERE zi.industry_id = i.id) AS zone_plans, "
      " (SELECT count(DISTINCT plan_id) FROM plan_industries WHERE industry_id = i.id) AS plans "
      "FROM industries i ORDER BY zone_plans DESC, plans DESC, i.name",
      error);
  GPtrArray *out;
  PaStep st;

  if (!s)
    return NULL;
  out = g_ptr_array_new_with_free_func (g_free);
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    g_ptr_array_add (out, g_strdup (col_text (s, 0)));
  if (st == PA_STEP_ERROR)
    g_clear_pointer (&out, g_ptr_array_unref);
  return out;
}

GPtrArray *
pa_store_find_industry_uses (PaStore *self, const char *industry, GError **error)
{
  Reader r;
  g_autoptr (sqlite3_stmt) s = NULL;
  GPtrArray *out;
  PaStep st;

  reader_init (&r, pa_store_get_db (self));
  s = pa_store_prepare (
      r.db,
      "SELECT p.slug, p.name, z.key, z.name, zi.citation_id, p.sort_order, 0 "
      "FROM zone_industries zi JOIN industries i ON i.id = zi.industry_id "
      "JOIN zones z ON z.fid = zi.zone_id JOIN plans p ON p.id = z.plan_id "
      "WHERE i.name = ?1 "
      "UNION ALL "
      "SELECT p.slug, p.name, '', '', pi.citation_id, p.sort_order, 1 "
      "FROM plan_industries pi JOIN industries i ON i.id = pi.industry_id "
      "JOIN plans p ON p.id = pi.plan_id "
      "WHERE i.name = ?1 ORDER BY 7, 6",
      error);
  if (!s)
    {
      reader_clear (&r);
      return NULL;
    }
  sqlite3_bind_text (s, 1, industry, -1, SQLITE_TRANSIENT);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      char **row = g_new0 (char *, 7);
      PaCitation *c = citation (&r, s, 4);
      for (int i = 0; i < 4; i++)
        row[i] = g_strdup (col_text (s, i) ? col_text (s, i) : "");
      row[4] = g_strdup (c ? c->quote : "");
      row[5] = c ? pa_citation_dup_reference (c, FALSE) : g_strdup ("");
      g_ptr_array_add (out, row);
    }
  if (st == PA_STEP_ERROR)
    g_clear_pointer (&out, g_ptr_array_unref);
  reader_clear (&r);
  return out;
}
