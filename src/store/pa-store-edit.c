/* pa-store-edit.c — the planner's edits as rows: zones and their parts, with the
 * provenance every edit records (industries, targets and organisations are in
 * pa-store-edit-facts.c). Each call runs inside a change (see pa-store-change.c), which
 * records every row for undo and redo. */
#include "config.h"

#include "pa-store-edit.h"

#include <glib/gi18n.h>
#include <math.h>

#include "geo/pa-geos.h"
#include "geo/pa-gpkg-blob.h"
#include "pa-store-edit-private.h"

#define WGS84 4326

static char *editor_name; /* set by the application from its settings */
G_LOCK_DEFINE_STATIC (editor_name);

void
pa_store_set_editor_name (const char *name)
{
  G_LOCK (editor_name);
  g_free (editor_name);
  editor_name = name && *name ? g_strdup (name) : NULL;
  G_UNLOCK (editor_name);
}

char *
pa_store_editor_name (void)
{
  const char *real = g_get_real_name ();

  G_LOCK (editor_name);
  if (editor_name)
    {
      char *copy = g_strdup (editor_name);
      G_UNLOCK (editor_name);
      return copy;
    }
  G_UNLOCK (editor_name);
  return g_strdup (real && *real && !g_str_equal (real, "Unknown") ? real : g_get_user_name ());
}

char *
pa_edit_now_iso (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

GVariant *
pa_edit_text (const char *s)
{
  return s ? g_variant_new_string (s) : NULL;
}

GVariant *
pa_edit_number (double v)
{
  return isnan (v) ? NULL : g_variant_new_double (v);
}

GVariant *
pa_edit_integer (gint64 v)
{
  return g_variant_new_int64 (v);
}

GVariant *
pa_edit_year (int y)
{
  return y > 0 ? g_variant_new_int64 (y) : NULL;
}

GVariant *
pa_edit_blob (GBytes *b)
{
  return g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, b, TRUE);
}

void
pa_edit_sink_all (GVariant **values, guint n)
{
  /* values not handed to a row write (an early return) must not leak */
  for (guint i = 0; i < n; i++)
    if (values[i])
      g_variant_unref (g_variant_ref_sink (values[i]));
}

/* A value as text, for document_values. */
static char *
value_to_text (GVariant *v)
{
  if (!v)
    return NULL;
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (v, NULL);
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (v));
  if (g_variant_is_of_type (v, G_VARIANT_TYPE_DOUBLE))
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      return g_strdup (g_ascii_dtostr (buf, sizeof buf, g_variant_get_double (v)));
    }
  return NULL;
}

gint64
pa_edit_query_id (PaStore *self, const char *sql, gint64 a, const char *b, const char *c, GError **error)
{
  g_autoptr (PaStoreStmt) s = pa_store_prepare_cached (self, sql, error);
  if (!s)
    return -1;
  sqlite3_bind_int64 (s, 1, a);
  if (b)
    sqlite3_bind_text (s, 2, b, -1, SQLITE_TRANSIENT);
  if (c)
    sqlite3_bind_text (s, 3, c, -1, SQLITE_TRANSIENT);
  switch (pa_store_step (s, error))
    {
    case PA_STEP_ROW:
      return sqlite3_column_int64 (s, 0);
    case PA_STEP_DONE:
      return 0;
    default:
      return -1;
    }
}

/* Before a planner changes @columns of a cited row, keeps the document's values (once). */
static gboolean
keep_document_values (PaStore *self, PaChange *change, const char *table, gint64 id,
                      const char *const *columns, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GVariant) cited = pa_store_row_get (self, table, id, "citation_id", &local);

  if (local)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (!cited)
    return TRUE;
  for (guint i = 0; columns[i]; i++)
    {
      static const char *const cols[] = { "table_name", "row_id", "column_name", "value", NULL };
      g_autoptr (GVariant) old = NULL;
      g_autofree char *old_text = NULL;
      gint64 kept = pa_edit_query_id (self,
                              "SELECT id FROM document_values WHERE row_id = ?1 AND table_name = ?2 "
                              "AND column_name = ?3",
                              id, table, columns[i], error);
      if (kept < 0)
        return FALSE;
      if (kept > 0)
        continue;
      old = pa_store_row_get (self, table, id, columns[i], &local);
      if (local)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      old_text = value_to_text (old);
      if (pa_store_row_insert (self, change, "document_values", cols,
                               (GVariant *[]){ pa_edit_text (table), pa_edit_integer (id), pa_edit_text (columns[i]), pa_edit_text (old_text) },
                               error) <= 0)
        return FALSE;
    }
  return TRUE;
}

/* Updates @columns of a fact row, with its provenance: only the columns whose value
 * changes become the planner's (and keep the document's value); none changing is no edit. */
gboolean
pa_edit_update_fact (PaStore *self, PaChange *change, const char *table, gint64 id, const char *const *columns,
             GVariant **values, GError **error)
{
  guint n = g_strv_length ((char **) columns);
  g_autofree char *who = pa_store_editor_name ();
  g_autofree char *when = pa_edit_now_iso ();
  g_autofree const char **changed = g_new0 (const char *, n + 3);
  g_autofree GVariant **vals = g_new0 (GVariant *, n + 2);
  g_autoptr (GPtrArray) owned = g_ptr_array_new_with_free_func (pa_store_variant_unref0);
  guint k = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GError) local = NULL;
      GVariant *v = values[i] ? g_variant_ref_sink (values[i]) : NULL;
      g_autoptr (GVariant) now = pa_store_row_get (self, table, id, columns[i], &local);
      g_ptr_array_add (owned, v);
      if (local)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          pa_edit_sink_all (values + i + 1, n - i - 1);
          return FALSE;
        }
      if (!pa_store_values_equal (now, v))
        {
          changed[k] = columns[i];
          vals[k++] = v; /* borrowed: @owned keeps it until the row has taken its own */
        }
    }
  if (k == 0)
    return TRUE;
  if (!keep_document_values (self, change, table, id, changed, error))
    return FALSE;
  changed[k] = "entered_by";
  changed[k + 1] = "entered_at";
  vals[k] = pa_edit_text (who);
  vals[k + 1] = pa_edit_text (when);
  return pa_store_row_update (self, change, table, id, changed, vals, error);
}

static gboolean
is_blank (const char *s)
{
  for (; s && *s; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

gboolean
pa_edit_check_zone (PaStore *self, gint64 zone, gint64 *plan, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GVariant) v = pa_store_row_get (self, "zones", zone, "plan_id", &local);
  if (!v)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("There is no zone %lld"), (long long) zone);
      return FALSE;
    }
  if (plan)
    *plan = g_variant_get_int64 (v);
  return TRUE;
}

gboolean
pa_store_edit_zone_field (PaStore *self, PaChange *change, gint64 zone, const char *field,
                          const char *value, GError **error)
{
  static const char *const fields[] = { "name", "role", "summary", "places", "note" };
  gboolean known = FALSE;

  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    known = known || g_strcmp0 (field, fields[i]) == 0;
  g_return_val_if_fail (known, FALSE);
  if ((g_str_equal (field, "name") || g_str_equal (field, "role")) && is_blank (value))
    {
      g_set_error_literal (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                           g_str_equal (field, "name") ? _("A zone needs a name") : _("A zone needs a role"));
      return FALSE;
    }
  if (!pa_edit_check_zone (self, zone, NULL, error))
    return FALSE;
  pa_change_note_zone (change, zone);
  return pa_edit_update_fact (self, change, "zones", zone, (const char *const[]){ field, NULL },
                      (GVariant *[]){ pa_edit_text (value && *value ? value : NULL) }, error);
}

gint64
pa_store_edit_add_zone (PaStore *self, PaChange *change, gint64 plan, const char *name, const char *role,
                        GError **error)
{
  static const char *const cols[] = { "plan_id", "key", "name", "role", "schematic", "sort_order",
                                      "entered_by", "entered_at", NULL };
  g_autofree char *who = pa_store_editor_name ();
  g_autofree char *when = pa_edit_now_iso ();
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *key = g_strdup_printf ("planner-%.8s", uuid);
  gint64 order;

  g_return_val_if_fail (PA_IS_STORE (self), 0);
  if (!name || !*name || !role || !*role)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("A new zone needs a name and a role"));
      return 0;
    }
  if (change->order_plan == plan && change->next_order > 0)
    order = change->next_order;
  else
    order = pa_edit_query_id (self, "SELECT coalesce(max(sort_order), 0) + 1 FROM zones WHERE plan_id = ?1", plan,
                              NULL, NULL, error);
  if (order < 0)
    return 0;
  change->order_plan = plan;
  change->next_order = order + 1;
  pa_change_note_zone (change, 0);
  return pa_store_row_insert (self, change, "zones", cols,
                              (GVariant *[]){ pa_edit_integer (plan), pa_edit_text (key), pa_edit_text (name), pa_edit_text (role), pa_edit_integer (0),
                                              pa_edit_integer (order), pa_edit_text (who), pa_edit_text (when) },
                              error);
}

/* Row ids of @table where @column = @value. */
GArray *
pa_edit_ids_where (PaStore *self, const char *table, const char *column, gint64 value, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE \"%s\" = ?1 ORDER BY 1",
                                          g_str_equal (table, "zone_places") || g_str_equal (table, "organisation_sites")
                                              ? "fid" : "id",
                                          table, column);
  g_autoptr (PaStoreStmt) s = pa_store_prepare_cached (self, sql, error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  PaStep st;

  if (!s)
    return NULL;
  sqlite3_bind_int64 (s, 1, value);
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (s, 0);
      g_array_append_val (ids, id);
    }
  return st == PA_STEP_DONE ? g_steal_pointer (&ids) : NULL;
}

gboolean
pa_edit_delete_where (PaStore *self, PaChange *change, const char *table, const char *column, gint64 value,
              GError **error)
{
  g_autoptr (GArray) ids = pa_edit_ids_where (self, table, column, value, error);
  if (!ids)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!pa_store_row_delete (self, change, table, g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

gboolean
pa_edit_detach_where (PaStore *self, PaChange *change, const char *table, const char *column, gint64 value,
              GError **error)
{
  g_autoptr (GArray) ids = pa_edit_ids_where (self, table, column, value, error);
  if (!ids)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!pa_store_row_update (self, change, table, g_array_index (ids, gint64, i),
                              (const char *const[]){ column, NULL }, (GVariant *[]){ NULL }, error))
      return FALSE;
  return TRUE;
}

/* The kept document values of a row go with it. */
gboolean
pa_edit_delete_document_values (PaStore *self, PaChange *change, const char *table, gint64 row, GError **error)
{
  g_autoptr (PaStoreStmt) s = pa_store_prepare_cached (self, "SELECT id FROM document_values WHERE row_id = ?1 AND table_name = ?2", error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  PaStep st;

  if (!s)
    return FALSE;
  sqlite3_bind_int64 (s, 1, row);
  sqlite3_bind_text (s, 2, table, -1, SQLITE_STATIC);
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (s, 0);
      g_array_append_val (ids, id);
    }
  if (st == PA_STEP_ERROR)
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!pa_store_row_delete (self, change, "document_values", g_array_index (ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* A target goes with the sums it is part of or the total of. */
gboolean
pa_edit_delete_target_rows (PaStore *self, PaChange *change, gint64 target, GError **error)
{
  g_autoptr (GArray) sums = pa_edit_ids_where (self, "target_sums", "total_target_id", target, error);
  if (!sums || !pa_edit_delete_where (self, change, "target_sum_parts", "target_id", target, error))
    return FALSE;
  for (guint i = 0; i < sums->len; i++)
    {
      gint64 sum = g_array_index (sums, gint64, i);
      if (!pa_edit_delete_where (self, change, "target_sum_parts", "sum_id", sum, error)
          || !pa_store_row_delete (self, change, "target_sums", sum, error))
        return FALSE;
    }
  return pa_edit_delete_document_values (self, change, "targets", target, error)
         && pa_store_row_delete (self, change, "targets", target, error);
}

gboolean
pa_store_edit_delete_zone (PaStore *self, PaChange *change, gint64 zone, GError **error)
{
  g_autoptr (GArray) targets = NULL;

  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  if (!pa_edit_check_zone (self, zone, NULL, error))
    return FALSE;
  pa_change_note_zone (change, 0);
  targets = pa_edit_ids_where (self, "targets", "zone_id", zone, error);
  if (!targets)
    return FALSE;
  for (guint i = 0; i < targets->len; i++)
    if (!pa_edit_delete_target_rows (self, change, g_array_index (targets, gint64, i), error))
      return FALSE;
  return pa_edit_delete_where (self, change, "zone_places", "zone_id", zone, error)
         && pa_edit_delete_where (self, change, "zone_industries", "zone_id", zone, error)
         && pa_edit_detach_where (self, change, "organisations", "zone_id", zone, error)
         && pa_edit_detach_where (self, change, "programmes", "zone_id", zone, error)
         && pa_edit_delete_document_values (self, change, "zones", zone, error)
         && pa_store_row_delete (self, change, "zones", zone, error);
}

/* ---- parts and the zone outline ---- */

/* The zone's outline is the union of its parts, schematic when any part is. */
static gboolean
update_zone_outline (PaStore *self, PaChange *change, gint64 zone, GError **error)
{
  g_autoptr (PaStoreStmt) s = pa_store_prepare_cached (self, "SELECT geom, outline FROM zone_places WHERE zone_id = ?1 ORDER BY fid", error);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_geometry_unref);
  g_autoptr (PaGeometry) outline = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gboolean schematic = FALSE;
  PaStep st;

  if (!s)
    return FALSE;
  sqlite3_bind_int64 (s, 1, zone);
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      PaGeometry *g;
      if (sqlite3_column_type (s, 0) == SQLITE_NULL)
        continue;
      g = pa_gpkg_blob_to_geometry (sqlite3_column_blob (s, 0), (gsize) sqlite3_column_bytes (s, 0), NULL, error);
      if (!g)
        return FALSE;
      g_ptr_array_add (parts, g);
      schematic = schematic || g_strcmp0 ((const char *) sqlite3_column_text (s, 1), "schematic") == 0;
    }
  if (st == PA_STEP_ERROR)
    return FALSE;
  outline = parts->len ? pa_geos_union ((PaGeometry **) parts->pdata, parts->len, error) : pa_geometry_new ();
  if (!outline)
    return FALSE;
  bytes = pa_gpkg_blob_from_geometry (outline, WGS84);
  return pa_store_row_update (self, change, "zones", zone, (const char *const[]){ "geom", "schematic", NULL },
                              (GVariant *[]){ pa_edit_blob (bytes), pa_edit_integer (schematic) }, error);
}

static gboolean
check_outline (PaGeometry *geometry, GError **error)
{
  g_autofree char *reason = NULL;
  PaPoint where;

  if (pa_geos_check_valid (geometry, &reason, &where))
    return TRUE;
  if (isnan (where.x))
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("The outline is not valid: %s"), reason);
  else
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("The outline is not valid: %s at %.6f, %.6f"),
                 reason, where.x, where.y);
  return FALSE;
}

static const char *
kind_name (PaPartKind kind)
{
  return kind == PA_PART_DISTRICT ? "district" : kind == PA_PART_SCHEMATIC ? "schematic" : "drawn";
}

gint64
pa_store_edit_add_part (PaStore *self, PaChange *change, gint64 zone, const char *name, PaPartKind kind,
                        PaGeometry *geometry, const char *district_code, GError **error)
{
  static const char *const cols[] = { "geom", "zone_id", "name", "outline", "district_code",
                                      "entered_by", "entered_at", NULL };
  g_autofree char *who = pa_store_editor_name ();
  g_autofree char *when = pa_edit_now_iso ();
  g_autoptr (GBytes) bytes = NULL;
  gint64 part;

  g_return_val_if_fail (PA_IS_STORE (self), 0);
  g_return_val_if_fail (geometry != NULL, 0);
  if (!pa_edit_check_zone (self, zone, NULL, error) || !check_outline (geometry, error))
    return 0;
  pa_change_note_zone (change, zone);
  bytes = pa_gpkg_blob_from_geometry (geometry, WGS84);
  part = pa_store_row_insert (self, change, "zone_places", cols,
                              (GVariant *[]){ pa_edit_blob (bytes), pa_edit_integer (zone), pa_edit_text (name && *name ? name : _("Drawn outline")),
                                              pa_edit_text (kind_name (kind)), pa_edit_text (district_code), pa_edit_text (who), pa_edit_text (when) },
                              error);
  if (part <= 0 || !update_zone_outline (self, change, zone, error))
    return 0;
  return part;
}

static gint64
part_zone (PaStore *self, gint64 part, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GVariant) v = pa_store_row_get (self, "zone_places", part, "zone_id", &local);
  if (!v)
    {
      if (local)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("There is no zone part %lld"), (long long) part);
      return 0;
    }
  return g_variant_get_int64 (v);
}

gboolean
pa_store_edit_set_part_outline (PaStore *self, PaChange *change, gint64 part, PaGeometry *geometry,
                                GError **error)
{
  g_autofree char *who = pa_store_editor_name ();
  g_autofree char *when = pa_edit_now_iso ();
  g_autoptr (GBytes) bytes = NULL;
  gint64 zone;

  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  zone = part_zone (self, part, error);
  if (zone <= 0 || !check_outline (geometry, error))
    return FALSE;
  pa_change_note_zone (change, zone);
  bytes = pa_gpkg_blob_from_geometry (geometry, WGS84);
  return pa_store_row_update (self, change, "zone_places", part,
                              (const char *const[]){ "geom", "outline", "entered_by", "entered_at", NULL },
                              (GVariant *[]){ pa_edit_blob (bytes), pa_edit_text ("drawn"), pa_edit_text (who), pa_edit_text (when) }, error)
         && update_zone_outline (self, change, zone, error)
         && pa_store_row_update (self, change, "zones", zone,
                                 (const char *const[]){ "entered_by", "entered_at", NULL },
                                 (GVariant *[]){ pa_edit_text (who), pa_edit_text (when) }, error);
}

gboolean
pa_store_edit_delete_part (PaStore *self, PaChange *change, gint64 part, GError **error)
{
  gint64 zone;

  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  zone = part_zone (self, part, error);
  if (zone <= 0)
    return FALSE;
  pa_change_note_zone (change, zone);
  return pa_store_row_delete (self, change, "zone_places", part, error)
         && update_zone_outline (self, change, zone, error);
}

