/* pa-store-edit-facts.c — a zone's industries, the plan's targets and its enterprises
 * and platforms, as a planner adds, changes and removes them (see pa-store-edit.c for the
 * provenance every one of them records). */
#define G_LOG_DOMAIN "parkatlas-store"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "geo/pa-gpkg-blob.h"
#include "pa-store-edit-private.h"

#define WGS84 4326

/* ---- industries ---- */

gint64
pa_store_edit_add_zone_industry (PaStore *self, PaChange *change, gint64 zone, const char *industry,
                                 GError **error)
{
  static const char *const cols[] = { "zone_id", "industry_id", "entered_by", "entered_at", NULL };
  g_autofree char *who = pa_store_editor_name ();
  g_autofree char *when = pa_edit_now_iso ();
  g_autofree char *name = g_strstrip (g_strdup (industry ? industry : ""));
  gint64 id;

  g_return_val_if_fail (PA_IS_STORE (self), 0);
  if (!*name)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("An industry needs a name"));
      return 0;
    }
  if (!pa_edit_check_zone (self, zone, NULL, error))
    return 0;
  id = pa_edit_query_id (self, "SELECT id FROM industries WHERE ?1 AND name = ?2", 1, name, NULL, error);
  if (id < 0)
    return 0;
  if (id == 0)
    id = pa_store_row_insert (self, change, "industries", (const char *const[]){ "name", NULL },
                              (GVariant *[]){ pa_edit_text (name) }, error);
  if (id <= 0)
    return 0;
  {
    g_autoptr (PaStoreStmt) s = pa_store_prepare_cached (
        self, "SELECT 1 FROM zone_industries WHERE zone_id = ?1 AND industry_id = ?2", error);
    if (!s)
      return 0;
    sqlite3_bind_int64 (s, 1, zone);
    sqlite3_bind_int64 (s, 2, id);
    switch (pa_store_step (s, error))
      {
      case PA_STEP_ROW:
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("The zone already has the industry “%s”"), name);
        return 0;
      case PA_STEP_ERROR:
        return 0;
      default:
        break;
      }
  }
  pa_change_note_zone (change, zone);
  pa_change_note_zone (change, 0); /* the plan's industry list and the industry browser */
  return pa_store_row_insert (self, change, "zone_industries", cols,
                              (GVariant *[]){ pa_edit_integer (zone), pa_edit_integer (id), pa_edit_text (who), pa_edit_text (when) }, error);
}

gboolean
pa_store_edit_remove_zone_industry (PaStore *self, PaChange *change, gint64 zone_industry, GError **error)
{
  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  pa_change_note_zone (change, 0);
  return pa_store_row_delete (self, change, "zone_industries", zone_industry, error);
}

/* ---- targets ---- */

static gboolean
check_target (const PaTarget *t, GError **error)
{
  if (!t->indicator || !*t->indicator)
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("A target needs an indicator"));
  else if (isnan (t->value) && (!t->value_text || !*t->value_text))
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("The target “%s” needs a value"), t->indicator);
  else if (!isnan (t->value) && !isfinite (t->value))
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("The target “%s” has no finite value"), t->indicator);
  else if (t->year != 0 && (t->year < 1949 || t->year > 2100))
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("The target year %d is not a plausible year"), t->year);
  else if (t->baseline_year != 0 && (t->baseline_year < 1949 || (t->year && t->baseline_year > t->year)))
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                 _("The baseline year %d must come before the target year %d"), t->baseline_year, t->year);
  else if (!isnan (t->growth_rate) && (t->growth_rate <= -100 || t->growth_rate > 1000))
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("A growth rate of %g %% a year is not possible"),
                 t->growth_rate);
  else
    return TRUE;
  return FALSE;
}

#define TARGET_FIELDS "indicator", "comparator", "value", "value_text", "unit", "year", \
                      "baseline_value", "baseline_year", "growth_rate", "increase"
#define TARGET_VALUES(t) pa_edit_text ((t)->indicator), pa_edit_text ((t)->comparator), pa_edit_number ((t)->value), \
                         pa_edit_text ((t)->value_text), pa_edit_text ((t)->unit), pa_edit_year ((t)->year), \
                         pa_edit_number ((t)->baseline_value), pa_edit_year ((t)->baseline_year), \
                         pa_edit_number ((t)->growth_rate), pa_edit_number ((t)->increase)

gint64
pa_store_edit_add_target (PaStore *self, PaChange *change, gint64 plan, gint64 zone, const PaTarget *target,
                          GError **error)
{
  static const char *const cols[] = { "plan_id", "zone_id", TARGET_FIELDS, "entered_by", "entered_at", NULL };
  g_autofree char *who = pa_store_editor_name ();
  g_autofree char *when = pa_edit_now_iso ();

  g_return_val_if_fail (PA_IS_STORE (self), 0);
  if (!check_target (target, error) || (zone > 0 && !pa_edit_check_zone (self, zone, NULL, error)))
    return 0;
  pa_change_note_zone (change, 0);
  return pa_store_row_insert (self, change, "targets", cols,
                              (GVariant *[]){ pa_edit_integer (plan), zone > 0 ? pa_edit_integer (zone) : NULL, TARGET_VALUES (target),
                                              pa_edit_text (who), pa_edit_text (when) },
                              error);
}

gboolean
pa_store_edit_update_target (PaStore *self, PaChange *change, gint64 id, const PaTarget *target,
                             GError **error)
{
  static const char *const cols[] = { TARGET_FIELDS, NULL };
  GVariant *values[] = { TARGET_VALUES (target) };
  g_autoptr (GPtrArray) changed = g_ptr_array_new ();
  g_autoptr (GPtrArray) changed_values = g_ptr_array_new_with_free_func (pa_store_variant_unref0);

  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  if (!check_target (target, error))
    {
      pa_edit_sink_all (values, G_N_ELEMENTS (values));
      return FALSE;
    }
  pa_change_note_zone (change, 0);
  /* only the fields that differ are the planner's; the others stay the document's */
  for (guint i = 0; i < G_N_ELEMENTS (cols) - 1; i++)
    {
      g_autoptr (GError) local = NULL;
      GVariant *v = values[i] ? g_variant_ref_sink (values[i]) : NULL;
      g_autoptr (GVariant) now = pa_store_row_get (self, "targets", id, cols[i], &local);
      if (local)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          if (v)
            g_variant_unref (v);
          pa_edit_sink_all (values + i + 1, G_N_ELEMENTS (values) - i - 1);
          return FALSE;
        }
      if (!pa_store_values_equal (now, v))
        {
          g_ptr_array_add (changed, (gpointer) cols[i]);
          g_ptr_array_add (changed_values, v ? g_variant_ref (v) : NULL);
        }
      if (v)
        g_variant_unref (v);
    }
  if (changed->len == 0)
    return TRUE;
  g_ptr_array_add (changed, NULL);
  return pa_edit_update_fact (self, change, "targets", id, (const char *const *) changed->pdata,
                      (GVariant **) changed_values->pdata, error);
}

gboolean
pa_store_edit_delete_target (PaStore *self, PaChange *change, gint64 id, GError **error)
{
  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  pa_change_note_zone (change, 0);
  return pa_edit_delete_target_rows (self, change, id, error);
}

/* ---- organisations ---- */

static gboolean
check_organisation (const PaOrganisation *o, GError **error)
{
  static const char *const kinds[] = { "enterprise", "institution", "platform" };
  if (!o->name || !*o->name)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("An enterprise or platform needs a name"));
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (o->kind, kinds[i]) == 0)
      return TRUE;
  g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
               _("“%s” must be an enterprise, an institution or a platform"), o->name);
  return FALSE;
}

gint64
pa_store_edit_add_organisation (PaStore *self, PaChange *change, gint64 plan, gint64 zone,
                                const PaOrganisation *org, GError **error)
{
  static const char *const cols[] = { "plan_id", "zone_id", "name", "kind", "role", "responsible",
                                      "industry", "entered_by", "entered_at", NULL };
  g_autofree char *who = pa_store_editor_name ();
  g_autofree char *when = pa_edit_now_iso ();
  gint64 id;

  g_return_val_if_fail (PA_IS_STORE (self), 0);
  if (!check_organisation (org, error) || (zone > 0 && !pa_edit_check_zone (self, zone, NULL, error)))
    return 0;
  pa_change_note_zone (change, 0);
  id = pa_store_row_insert (self, change, "organisations", cols,
                            (GVariant *[]){ pa_edit_integer (plan), zone > 0 ? pa_edit_integer (zone) : NULL, pa_edit_text (org->name),
                                            pa_edit_text (org->kind), pa_edit_text (org->role), pa_edit_text (org->responsible),
                                            pa_edit_text (org->industry), pa_edit_text (who), pa_edit_text (when) },
                            error);
  if (id > 0 && !isnan (org->lon) && !pa_store_edit_place_organisation (self, change, id, org->lon, org->lat, error))
    return 0;
  return id;
}

gboolean
pa_store_edit_update_organisation (PaStore *self, PaChange *change, gint64 id, const PaOrganisation *org,
                                   GError **error)
{
  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  if (!check_organisation (org, error))
    return FALSE;
  pa_change_note_zone (change, 0);
  return pa_edit_update_fact (self, change, "organisations", id,
                      (const char *const[]){ "name", "kind", "role", "responsible", "industry", NULL },
                      (GVariant *[]){ pa_edit_text (org->name), pa_edit_text (org->kind), pa_edit_text (org->role), pa_edit_text (org->responsible),
                                      pa_edit_text (org->industry) },
                      error);
}

gboolean
pa_store_edit_move_organisation (PaStore *self, PaChange *change, gint64 id, gint64 zone, GError **error)
{
  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  if (zone > 0 && !pa_edit_check_zone (self, zone, NULL, error))
    return FALSE;
  pa_change_note_zone (change, 0);
  return pa_edit_update_fact (self, change, "organisations", id, (const char *const[]){ "zone_id", NULL },
                      (GVariant *[]){ zone > 0 ? pa_edit_integer (zone) : NULL }, error);
}

gboolean
pa_store_edit_place_organisation (PaStore *self, PaChange *change, gint64 id, double lon, double lat,
                                  GError **error)
{
  g_autoptr (GArray) sites = pa_edit_ids_where (self, "organisation_sites", "organisation_id", id, error);
  g_autofree char *who = pa_store_editor_name ();
  g_autofree char *when = pa_edit_now_iso ();
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  if (!sites)
    return FALSE;
  pa_change_note_zone (change, 0);
  if (isnan (lon) || isnan (lat))
    return sites->len == 0
           || pa_store_row_delete (self, change, "organisation_sites", g_array_index (sites, gint64, 0), error);
  if (!isfinite (lon) || !isfinite (lat) || fabs (lon) > 180 || fabs (lat) > 90)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("%.6f, %.6f is not a longitude and latitude"), lon, lat);
      return FALSE;
    }
  bytes = pa_gpkg_blob_from_point (lon, lat, WGS84);
  if (sites->len)
    return pa_store_row_update (self, change, "organisation_sites", g_array_index (sites, gint64, 0),
                                (const char *const[]){ "geom", "entered_by", "entered_at", NULL },
                                (GVariant *[]){ pa_edit_blob (bytes), pa_edit_text (who), pa_edit_text (when) }, error);
  return pa_store_row_insert (self, change, "organisation_sites",
                              (const char *const[]){ "geom", "organisation_id", "entered_by", "entered_at", NULL },
                              (GVariant *[]){ pa_edit_blob (bytes), pa_edit_integer (id), pa_edit_text (who), pa_edit_text (when) }, error) > 0;
}

gboolean
pa_store_edit_delete_organisation (PaStore *self, PaChange *change, gint64 id, GError **error)
{
  g_return_val_if_fail (PA_IS_STORE (self), FALSE);
  pa_change_note_zone (change, 0);
  return pa_edit_delete_where (self, change, "organisation_sites", "organisation_id", id, error)
         && pa_edit_delete_document_values (self, change, "organisations", id, error)
         && pa_store_row_delete (self, change, "organisations", id, error);
}
