/* pa-store-edit-plan.c — whole plans: a new one from scratch, and a copy of one as a
 * scenario (an alternative layout that names the plan it varies). A copy is every row
 * of the plan inserted again with new ids, foreign keys mapped, each recorded in the
 * change, so one undo takes the whole scenario away. */
#include "config.h"


#include <glib/gi18n.h>

#include "pa-store-edit-private.h"

typedef struct
{
  PaStore *store;
  PaChange *change;
  GHashTable *maps; /* table → GHashTable (old id → new id, both gint64*) */
} Copier;

static GHashTable *
id_map (Copier *c, const char *table)
{
  GHashTable *m = g_hash_table_lookup (c->maps, table);
  if (!m)
    {
      m = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
      g_hash_table_insert (c->maps, g_strdup (table), m);
    }
  return m;
}

static gint64
mapped (Copier *c, const char *table, gint64 old)
{
  gint64 *found = g_hash_table_lookup (id_map (c, table), &old);
  return found ? *found : 0;
}

/* Which table a foreign-key column of the copied tables points at. */
static const char *
reference_of (const char *table, const char *column)
{
  static const char *const refs[][3] = {
    { "*", "plan_id", "plans" },
    { "*", "zone_id", "zones" },
    { "*", "programme_id", "programmes" },
    { "*", "target_id", "targets" },
    { "*", "total_target_id", "targets" },
    { "*", "sum_id", "target_sums" },
    { "*", "organisation_id", "organisations" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    if (g_str_equal (column, refs[i][1]))
      return refs[i][2];
  return NULL;
}

/* Copies the rows of @table selected by @where (one ?1 parameter, @value), mapping
 * every foreign key to the copies already made; @overrides (column → GVariant, may be
 * NULL) replaces values outright. */
static gboolean
copy_rows_with (Copier *c, const char *table, const char *pk, const char *where, gint64 value,
                GHashTable *overrides, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" WHERE %s ORDER BY \"%s\"", table, where, pk);
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (pa_store_get_db (c->store), sql, error);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  PaStep st;

  if (!s)
    return FALSE;
  sqlite3_bind_int64 (s, 1, value);
  for (int i = 0; i < sqlite3_column_count (s); i++)
    g_ptr_array_add (names, g_strdup (sqlite3_column_name (s, i)));
  /* read all first: the inserts must not disturb the scan */
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (pa_store_variant_unref0);
      for (int i = 0; i < sqlite3_column_count (s); i++)
        g_ptr_array_add (row, pa_store_column_value (s, i));
      g_ptr_array_add (rows, row);
    }
  if (st == PA_STEP_ERROR)
    return FALSE;
  g_clear_pointer (&s, sqlite3_finalize);

  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = rows->pdata[r];
      g_autoptr (GPtrArray) cols = g_ptr_array_new ();
      g_autoptr (GPtrArray) vals = g_ptr_array_new ();
      gint64 old_id = 0, new_id;

      for (guint i = 0; i < names->len; i++)
        {
          const char *name = names->pdata[i], *ref = reference_of (table, name);
          GVariant *v = row->pdata[i];
          if (g_str_equal (name, pk))
            {
              old_id = v ? g_variant_get_int64 (v) : 0;
              continue;
            }
          if (overrides && g_hash_table_contains (overrides, name))
            {
              v = g_hash_table_lookup (overrides, name);
              v = v ? g_variant_ref (v) : NULL;
            }
          else if (ref && v && g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
            {
              gint64 to = mapped (c, ref, g_variant_get_int64 (v));
              /* a reference outside what is copied (a citation, an industry) stays; one
               * into the copied plan must have been copied already */
              v = to ? g_variant_ref_sink (g_variant_new_int64 (to)) : g_variant_ref (v);
            }
          else if (v)
            g_variant_ref (v);
          g_ptr_array_add (cols, (gpointer) name);
          g_ptr_array_add (vals, v);
        }
      g_ptr_array_add (cols, NULL);
      new_id = pa_store_row_insert (c->store, c->change, table, (const char *const *) cols->pdata,
                                    (GVariant **) vals->pdata, error);
      /* row_insert took references of its own */
      for (guint i = 0; i < vals->len; i++)
        if (vals->pdata[i])
          g_variant_unref (vals->pdata[i]);
      if (new_id <= 0)
        return FALSE;
      g_hash_table_insert (id_map (c, table), g_memdup2 (&old_id, sizeof old_id), g_memdup2 (&new_id, sizeof new_id));
    }
  return TRUE;
}

static gboolean
copy_rows (Copier *c, const char *table, const char *pk, const char *where, gint64 value, GError **error)
{
  return copy_rows_with (c, table, pk, where, value, NULL, error);
}

/* The document's values kept for copied zones, targets and organisations follow them. */
static gboolean
copy_document_values (Copier *c, GError **error)
{
  static const char *const tables[] = { "zones", "targets", "organisations" };
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (
      pa_store_get_db (c->store),
      "SELECT column_name, value FROM document_values WHERE table_name = ?1 AND row_id = ?2", error);

  if (!s)
    return FALSE;
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      GHashTableIter it;
      gpointer k, v;
      g_hash_table_iter_init (&it, id_map (c, tables[t]));
      while (g_hash_table_iter_next (&it, &k, &v))
        {
          g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
          PaStep st;
          sqlite3_bind_text (s, 1, tables[t], -1, SQLITE_STATIC);
          sqlite3_bind_int64 (s, 2, *(gint64 *) k);
          while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
            {
              g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (s, 0)));
              g_ptr_array_add (rows, g_strdup ((const char *) sqlite3_column_text (s, 1)));
            }
          sqlite3_reset (s);
          if (st == PA_STEP_ERROR)
            return FALSE;
          for (guint i = 0; i + 1 < rows->len; i += 2)
            if (pa_store_row_insert (c->store, c->change, "document_values",
                                     (const char *const[]){ "table_name", "row_id", "column_name", "value", NULL },
                                     (GVariant *[]){ g_variant_new_string (tables[t]), g_variant_new_int64 (*(gint64 *) v),
                                                     g_variant_new_string (rows->pdata[i]),
                                                     rows->pdata[i + 1] ? g_variant_new_string (rows->pdata[i + 1]) : NULL },
                                     error) <= 0)
              return FALSE;
        }
    }
  return TRUE;
}

/* A slug not yet taken: @base, @base-2, @base-3 … */
static char *
free_slug (PaStore *self, const char *base, GError **error)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (pa_store_get_db (self), "SELECT 1 FROM plans WHERE slug = ?1", error);
  if (!s)
    return NULL;
  for (int n = 1; n < 10000; n++)
    {
      g_autofree char *slug = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%d", base, n);
      sqlite3_bind_text (s, 1, slug, -1, SQLITE_TRANSIENT);
      switch (pa_store_step (s, error))
        {
        case PA_STEP_DONE:
          return g_steal_pointer (&slug);
        case PA_STEP_ERROR:
          return NULL;
        default:
          sqlite3_reset (s);
        }
    }
  g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("No free name for a plan like “%s”"), base);
  return NULL;
}

static gint64
plan_id_of (PaStore *self, const char *slug, GError **error)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (pa_store_get_db (self), "SELECT id FROM plans WHERE slug = ?1", error);
  if (!s)
    return 0;
  sqlite3_bind_text (s, 1, slug, -1, SQLITE_TRANSIENT);
  switch (pa_store_step (s, error))
    {
    case PA_STEP_ROW:
      return sqlite3_column_int64 (s, 0);
    case PA_STEP_DONE:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_UNKNOWN_PLAN, _("There is no plan “%s” in “%s”"), slug,
                   pa_store_get_path (self));
      return 0;
    default:
      return 0;
    }
}

char *
pa_store_edit_duplicate_plan (PaStore *self, PaChange *change, const char *slug, const char *name, GError **error)
{
  Copier c = { self, change, NULL };
  g_autofree char *base = g_strdup_printf ("%s-scenario", slug);
  g_autofree char *new_slug = NULL;
  g_autofree char *who = pa_store_editor_name ();
  g_autofree char *when = pa_edit_now_iso ();
  gint64 plan = plan_id_of (self, slug, error);
  g_autoptr (GHashTable) overrides = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, pa_store_variant_unref0);
  gboolean ok;

  g_return_val_if_fail (PA_IS_STORE (self), NULL);
  if (!plan || !(new_slug = free_slug (self, base, error)))
    return NULL;
  if (!name || !*name)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("A scenario needs a name"));
      return NULL;
    }
  c.maps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  pa_change_note_zone (change, 0);
  g_hash_table_insert (overrides, "slug", g_variant_ref_sink (g_variant_new_string (new_slug)));
  g_hash_table_insert (overrides, "name", g_variant_ref_sink (g_variant_new_string (name)));
  g_hash_table_insert (overrides, "scenario_of", g_variant_ref_sink (g_variant_new_int64 (plan)));
  g_hash_table_insert (overrides, "sort_order", g_variant_ref_sink (g_variant_new_int64 (1000 + plan)));
  g_hash_table_insert (overrides, "entered_by", g_variant_ref_sink (g_variant_new_string (who)));
  g_hash_table_insert (overrides, "entered_at", g_variant_ref_sink (g_variant_new_string (when)));
  ok = copy_rows_with (&c, "plans", "id", "id = ?1", plan, overrides, error)
       && copy_rows (&c, "roles", "id", "plan_id = ?1", plan, error)
       && copy_rows (&c, "zones", "fid", "plan_id = ?1", plan, error)
       && copy_rows (&c, "zone_places", "fid", "zone_id IN (SELECT fid FROM zones WHERE plan_id = ?1)", plan, error)
       && copy_rows (&c, "zone_industries", "id", "zone_id IN (SELECT fid FROM zones WHERE plan_id = ?1)", plan, error)
       && copy_rows (&c, "programmes", "id", "plan_id = ?1", plan, error)
       && copy_rows (&c, "targets", "id", "plan_id = ?1", plan, error)
       && copy_rows (&c, "target_sums", "id", "plan_id = ?1", plan, error)
       && copy_rows (&c, "target_sum_parts", "id", "sum_id IN (SELECT id FROM target_sums WHERE plan_id = ?1)", plan,
                     error)
       && copy_rows (&c, "organisations", "id", "plan_id = ?1", plan, error)
       && copy_rows (&c, "organisation_sites", "fid",
                     "organisation_id IN (SELECT id FROM organisations WHERE plan_id = ?1)", plan, error)
       && copy_rows (&c, "plan_industries", "id", "plan_id = ?1", plan, error)
       && copy_document_values (&c, error);
  g_hash_table_unref (c.maps);
  return ok ? g_steal_pointer (&new_slug) : NULL;
}

char *
pa_store_edit_add_plan (PaStore *self, PaChange *change, const char *name, const char *layout, const char *region,
                        GError **error)
{
  g_autofree char *who = pa_store_editor_name ();
  g_autofree char *when = pa_edit_now_iso ();
  g_autofree char *slug = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *base = g_strdup_printf ("plan-%.6s", uuid);
  gint64 plan;
  static const char *const roles[][2] = { { "core", N_("Core zone") }, { "park", N_("Park") }, { "feature", N_("Feature park") } };

  g_return_val_if_fail (PA_IS_STORE (self), NULL);
  if (!name || !*name)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("A plan needs a name"));
      return NULL;
    }
  if (!(slug = free_slug (self, base, error)))
    return NULL;
  pa_change_note_zone (change, 0);
  plan = pa_store_row_insert (self, change, "plans",
                              (const char *const[]){ "slug", "name", "layout", "region", "sort_order", "entered_by",
                                                     "entered_at", NULL },
                              (GVariant *[]){ g_variant_new_string (slug), g_variant_new_string (name),
                                              g_variant_new_string (layout && *layout ? layout : "—"),
                                              region ? g_variant_new_string (region) : NULL,
                                              g_variant_new_int64 (2000), g_variant_new_string (who),
                                              g_variant_new_string (when) },
                              error);
  if (plan <= 0)
    return NULL;
  /* a starting legend the planner renames or extends: 核心区, 产业园区, 特色园区 in Chinese */
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (pa_store_row_insert (self, change, "roles", (const char *const[]){ "plan_id", "key", "label", "sort_order", NULL },
                             (GVariant *[]){ g_variant_new_int64 (plan), g_variant_new_string (roles[i][0]),
                                             g_variant_new_string (_(roles[i][1])), g_variant_new_int64 (i) },
                             error) <= 0)
      return NULL;
  return g_steal_pointer (&slug);
}
