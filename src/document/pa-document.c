/* pa-document.c */
#define G_LOG_DOMAIN "parkatlas-document"

#include "config.h"

#include "pa-document.h"

#include <glib/gi18n.h>
#include <math.h>

#include "audit/pa-audit.h"
#include "model/pa-organisation-item.h"
#include "model/pa-target-item.h"
#include "pa-plan-diff.h"
#include "store/pa-store-edit.h"

struct _PaDocument
{
  GObject parent_instance;
  PaStore *store;
  PaPlan *plan;
  GListStore *zones;         /* a stable model over the plan's zones */
  GListStore *targets;       /* PaTargetItem */
  GListStore *organisations; /* PaOrganisationItem */
  PaZone *selected;
  GPtrArray *findings;
  GPtrArray *differences; /* PaDiffItem, when the plan is a scenario */
  GPtrArray *undo;           /* PaChange, most recent last */
  GPtrArray *redo;
  gint64 data_version;
};

enum
{
  PROP_0,
  PROP_STORE,
  PROP_PLAN,
  PROP_SELECTED_ZONE,
  PROP_FINDINGS,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_DIFFERENCES,
  N_PROPS
};

enum
{
  CHANGED,
  PLANS_CHANGED,
  N_SIGNALS
};

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PaDocument, pa_document, G_TYPE_OBJECT)

static void
pa_document_dispose (GObject *object)
{
  PaDocument *self = PA_DOCUMENT (object);
  g_clear_object (&self->selected);
  g_clear_object (&self->plan);
  g_clear_object (&self->store);
  g_clear_object (&self->zones);
  g_clear_object (&self->targets);
  g_clear_object (&self->organisations);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->differences, g_ptr_array_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  G_OBJECT_CLASS (pa_document_parent_class)->dispose (object);
}

static void
pa_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PaDocument *self = PA_DOCUMENT (object);
  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_PLAN: g_value_set_object (value, self->plan); break;
    case PROP_SELECTED_ZONE: g_value_set_object (value, self->selected); break;
    case PROP_FINDINGS: g_value_set_boxed (value, self->findings); break;
    case PROP_CAN_UNDO: g_value_set_boolean (value, pa_document_can_undo (self)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, pa_document_can_redo (self)); break;
    case PROP_UNDO_LABEL: g_value_set_string (value, pa_document_get_undo_label (self)); break;
    case PROP_REDO_LABEL: g_value_set_string (value, pa_document_get_redo_label (self)); break;
    case PROP_DIFFERENCES: g_value_set_boxed (value, self->differences); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_document_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  PaDocument *self = PA_DOCUMENT (object);
  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_SELECTED_ZONE: pa_document_select_zone (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_document_class_init (PaDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = pa_document_dispose;
  object_class->get_property = pa_document_get_property;
  object_class->set_property = pa_document_set_property;
  props[PROP_STORE] = g_param_spec_object ("store", NULL, "The open database", PA_TYPE_STORE,
                                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  props[PROP_PLAN] = g_param_spec_object ("plan", NULL, "The plan shown", PA_TYPE_PLAN, ro);
  props[PROP_SELECTED_ZONE] = g_param_spec_object ("selected-zone", NULL, "The selected zone", PA_TYPE_ZONE,
                                                   G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  props[PROP_FINDINGS] = g_param_spec_boxed ("findings", NULL, "Audit findings (PaFinding)", G_TYPE_PTR_ARRAY, ro);
  props[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, "An edit can be undone", FALSE, ro);
  props[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, "An edit can be redone", FALSE, ro);
  props[PROP_UNDO_LABEL] = g_param_spec_string ("undo-label", NULL, "What undo would undo", NULL, ro);
  props[PROP_REDO_LABEL] = g_param_spec_string ("redo-label", NULL, "What redo would redo", NULL, ro);
  props[PROP_DIFFERENCES] = g_param_spec_boxed ("differences", NULL, "What a scenario changes (PaDiffItem)",
                                               G_TYPE_PTR_ARRAY, ro);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /* Plans were added or removed (a scenario, a new plan, or their undo). */
  signals[PLANS_CHANGED] = g_signal_new ("plans-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                         NULL, NULL, G_TYPE_NONE, 0);

  /* After every edit, undo, redo or external change: @zone is the one zone it was
   * confined to, or NULL when it reached further. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                   NULL, G_TYPE_NONE, 1, PA_TYPE_ZONE);
}

static void
pa_document_init (PaDocument *self)
{
  self->zones = g_list_store_new (PA_TYPE_ZONE);
  self->targets = g_list_store_new (PA_TYPE_TARGET_ITEM);
  self->organisations = g_list_store_new (PA_TYPE_ORGANISATION_ITEM);
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_change_unref);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_change_unref);
  self->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_finding_unref);
}

PaDocument *
pa_document_new (PaStore *store)
{
  PaDocument *self;
  g_return_val_if_fail (PA_IS_STORE (store), NULL);
  self = g_object_new (PA_TYPE_DOCUMENT, "store", store, NULL);
  self->data_version = pa_store_get_data_version (store);
  return self;
}

PaStore *
pa_document_get_store (PaDocument *self)
{
  g_return_val_if_fail (PA_IS_DOCUMENT (self), NULL);
  return self->store;
}

PaPlan *
pa_document_get_plan (PaDocument *self)
{
  g_return_val_if_fail (PA_IS_DOCUMENT (self), NULL);
  return self->plan;
}

GListModel *
pa_document_get_zones (PaDocument *self)
{
  g_return_val_if_fail (PA_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->zones);
}

GListModel *
pa_document_get_targets (PaDocument *self)
{
  g_return_val_if_fail (PA_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->targets);
}

GListModel *
pa_document_get_organisations (PaDocument *self)
{
  g_return_val_if_fail (PA_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->organisations);
}

PaZone *
pa_document_get_selected_zone (PaDocument *self)
{
  g_return_val_if_fail (PA_IS_DOCUMENT (self), NULL);
  return self->selected;
}

GPtrArray *
pa_document_get_findings (PaDocument *self)
{
  g_return_val_if_fail (PA_IS_DOCUMENT (self), NULL);
  return self->findings;
}

void
pa_document_select_zone (PaDocument *self, PaZone *zone)
{
  g_return_if_fail (PA_IS_DOCUMENT (self));
  g_return_if_fail (zone == NULL || PA_IS_ZONE (zone));
  if (g_set_object (&self->selected, zone))
    g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SELECTED_ZONE]);
}

/* The zones model mirrors the plan's: spliced where the plan's changes. */
static void
plan_zones_changed (PaDocument *self, guint position, guint removed, guint added, GListModel *zones)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < added; i++)
    g_ptr_array_add (items, g_list_model_get_item (zones, position + i));
  g_list_store_splice (self->zones, position, removed, items->pdata, items->len);
}

/* Targets, organisations and findings follow the plan after every change. */
static void
refresh_derived (PaDocument *self)
{
  g_autoptr (GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) orgs = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *all = self->plan ? pa_plan_get_all_targets (self->plan) : NULL;
  GPtrArray *os = self->plan ? pa_plan_get_organisations (self->plan) : NULL;

  for (guint i = 0; all && i < all->len; i++)
    g_ptr_array_add (targets, pa_target_item_new (all->pdata[i]));
  for (guint i = 0; os && i < os->len; i++)
    g_ptr_array_add (orgs, pa_organisation_item_new (os->pdata[i]));
  g_list_store_splice (self->targets, 0, g_list_model_get_n_items (G_LIST_MODEL (self->targets)), targets->pdata,
                       targets->len);
  g_list_store_splice (self->organisations, 0, g_list_model_get_n_items (G_LIST_MODEL (self->organisations)),
                       orgs->pdata, orgs->len);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  self->findings = self->plan ? pa_audit_plan (self->plan, PA_AUDIT_DEFAULT_TOLERANCE, NULL)
                              : g_ptr_array_new_with_free_func ((GDestroyNotify) pa_finding_unref);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_FINDINGS]);

  /* a scenario is read against the plan it varies, as that plan stands now */
  g_clear_pointer (&self->differences, g_ptr_array_unref);
  if (self->plan && pa_plan_get_scenario_of (self->plan))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PaPlan) original = pa_store_load_plan (self->store, pa_plan_get_scenario_of (self->plan), &error);
      if (original)
        self->differences = pa_plan_diff (original, self->plan);
      else
        g_warning ("%s: %s", pa_plan_get_slug (self->plan), error->message);
    }
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_DIFFERENCES]);
}

static void
notify_history (PaDocument *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_REDO_LABEL]);
}

gboolean
pa_document_open_plan (PaDocument *self, const char *slug, GError **error)
{
  g_autoptr (PaPlan) plan = NULL;
  GListModel *zones;

  g_return_val_if_fail (PA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (slug != NULL, FALSE);
  if (self->plan && g_str_equal (pa_plan_get_slug (self->plan), slug))
    return TRUE;
  plan = pa_store_load_plan (self->store, slug, error);
  if (!plan)
    return FALSE;
  pa_document_select_zone (self, NULL);
  if (self->plan)
    g_signal_handlers_disconnect_by_data (pa_plan_get_zones (self->plan), self);
  g_set_object (&self->plan, plan);
  zones = pa_plan_get_zones (plan);
  g_signal_connect_object (zones, "items-changed", G_CALLBACK (plan_zones_changed), self, G_CONNECT_SWAPPED);
  plan_zones_changed (self, 0, g_list_model_get_n_items (G_LIST_MODEL (self->zones)), g_list_model_get_n_items (zones),
                      zones);
  /* the history stays: undoing an edit of another plan shows that plan first */
  refresh_derived (self);
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_PLAN]);
  notify_history (self);
  return TRUE;
}

/* Brings the plan up to date with the store after @change (NULL: reload it whole). */
static gboolean
reload (PaDocument *self, PaChange *change, GError **error)
{
  gint64 zone_id = change ? pa_change_get_zone (change) : 0;
  PaZone *zone = zone_id ? pa_plan_find_zone_by_id (self->plan, zone_id) : NULL;

  if (zone)
    {
      g_autoptr (PaZone) fresh = pa_store_load_zone (self->store, zone_id, error);
      if (!fresh)
        return FALSE;
      pa_zone_assign (zone, fresh);
    }
  else
    {
      g_autoptr (PaPlan) fresh = pa_store_load_plan (self->store, pa_plan_get_slug (self->plan), error);
      if (!fresh)
        return FALSE;
      pa_plan_assign (self->plan, fresh);
      if (self->selected && !pa_plan_find_zone_by_id (self->plan, pa_zone_get_id (self->selected)))
        pa_document_select_zone (self, NULL);
    }
  self->data_version = pa_store_get_data_version (self->store);
  refresh_derived (self);
  g_signal_emit (self, signals[CHANGED], 0, zone);
  return TRUE;
}

static gboolean
reload_or_warn (PaDocument *self, PaChange *change, GError **error)
{
  /* the edit is in the file; a view that cannot be refreshed is reported, not hidden */
  if (reload (self, change, error))
    return TRUE;
  g_prefix_error (error, _("The edit was saved but the plan could not be shown again: "));
  return FALSE;
}

/* After @change was made, redone or (@undone) undone: tell who lists the plans, show the
 * plan it concerns, bring that plan up to date. */
static gboolean
settle (PaDocument *self, PaChange *change, gboolean undone, GError **error)
{
  const char *show = undone ? pa_change_get_plan_before (change) : pa_change_get_plan_after (change);
  gboolean other = show && self->plan && !g_str_equal (show, pa_plan_get_slug (self->plan));

  if (pa_change_touches (change, "plans"))
    g_signal_emit (self, signals[PLANS_CHANGED], 0);
  if (other)
    {
      if (!pa_document_open_plan (self, show, error))
        {
          g_prefix_error (error, _("The edit was saved but the plan could not be shown again: "));
          return FALSE;
        }
      self->data_version = pa_store_get_data_version (self->store);
      return TRUE;
    }
  return reload_or_warn (self, change, error);
}

PaChange *
pa_document_begin_edit (PaDocument *self, const char *label, GError **error)
{
  PaChange *change;

  g_return_val_if_fail (PA_IS_DOCUMENT (self), NULL);
  if (!self->plan)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("No plan is open"));
      return NULL;
    }
  change = pa_store_begin_change (self->store, label, error);
  if (change)
    pa_change_set_plans (change, pa_plan_get_slug (self->plan), pa_plan_get_slug (self->plan));
  return change;
}

gboolean
pa_document_end_edit (PaDocument *self, PaChange *change, gboolean ok, GError **error)
{
  g_return_val_if_fail (PA_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (change != NULL, FALSE);
  if (!ok || !pa_store_commit_change (self->store, change, error))
    {
      pa_store_abort_change (self->store, change);
      pa_change_unref (change);
      return FALSE;
    }
  if (pa_change_get_n_rows (change) == 0) /* nothing changed: nothing to undo */
    {
      pa_change_unref (change);
      return TRUE;
    }
  g_ptr_array_add (self->undo, change);
  g_ptr_array_set_size (self->redo, 0);
  notify_history (self);
  return settle (self, change, FALSE, error);
}

gboolean pa_document_can_undo (PaDocument *self) { return self->undo->len > 0; }
gboolean pa_document_can_redo (PaDocument *self) { return self->redo->len > 0; }

const char *
pa_document_get_undo_label (PaDocument *self)
{
  return self->undo->len ? pa_change_get_label (self->undo->pdata[self->undo->len - 1]) : NULL;
}

const char *
pa_document_get_redo_label (PaDocument *self)
{
  return self->redo->len ? pa_change_get_label (self->redo->pdata[self->redo->len - 1]) : NULL;
}

static gboolean
step_history (PaDocument *self, GPtrArray *from, GPtrArray *to, gboolean undo, GError **error)
{
  PaChange *change;

  g_return_val_if_fail (PA_IS_DOCUMENT (self), FALSE);
  if (from->len == 0)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, undo ? _("Nothing to undo") : _("Nothing to redo"));
      return FALSE;
    }
  change = from->pdata[from->len - 1];
  if (!(undo ? pa_store_undo_change (self->store, change, error) : pa_store_redo_change (self->store, change, error)))
    return FALSE;
  g_ptr_array_add (to, pa_change_ref (change));
  g_ptr_array_remove_index (from, from->len - 1);
  notify_history (self);
  change = to->pdata[to->len - 1];
  if (!settle (self, change, undo, error))
    return FALSE;
  /* a zone that comes back is the one the planner is working on, as when it was made */
  if (!undo && pa_change_get_inserted (change, "zones") && !pa_change_touches (change, "plans") && self->plan)
    {
      PaZone *back = pa_plan_find_zone_by_id (self->plan, pa_change_get_inserted (change, "zones"));
      if (back)
        pa_document_select_zone (self, back);
    }
  return TRUE;
}

gboolean
pa_document_undo (PaDocument *self, GError **error)
{
  return step_history (self, self->undo, self->redo, TRUE, error);
}

gboolean
pa_document_redo (PaDocument *self, GError **error)
{
  return step_history (self, self->redo, self->undo, FALSE, error);
}

gboolean
pa_document_check_external_changes (PaDocument *self)
{
  gint64 version;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (PA_IS_DOCUMENT (self), FALSE);
  version = pa_store_get_data_version (self->store);
  if (version == self->data_version || !self->plan)
    return FALSE;
  if (!reload (self, NULL, &error))
    {
      /* say so once; the next look tries again */
      g_warning ("%s: %s", pa_store_get_path (self->store), error->message);
      return FALSE;
    }
  return TRUE;
}

/* ---- the edits: each one change ---- */

#define EDIT(self, label, call)                                                              \
  G_STMT_START                                                                               \
  {                                                                                          \
    PaChange *change_ = pa_document_begin_edit ((self), (label), error);                    \
    if (!change_)                                                                            \
      return FALSE;                                                                          \
    return pa_document_end_edit ((self), change_, (call), error);                           \
  }                                                                                          \
  G_STMT_END

#define STORE(self) ((self)->store)

static gboolean
check_zone (PaDocument *self, PaZone *zone, GError **error)
{
  g_return_val_if_fail (PA_IS_DOCUMENT (self), FALSE);
  if (zone && self->plan && pa_plan_find_zone_by_id (self->plan, pa_zone_get_id (zone)) == zone)
    return TRUE;
  g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("The zone “%s” is not in the plan shown"),
               zone ? pa_zone_get_name (zone) : "");
  return FALSE;
}

static const char *
field_label (const char *field)
{
  if (g_strcmp0 (field, "name") == 0)
    return _("Rename zone");
  if (g_strcmp0 (field, "role") == 0)
    return _("Change zone role");
  if (g_strcmp0 (field, "places") == 0)
    return _("Change zone places");
  return _("Edit zone notes");
}

gboolean
pa_document_set_zone_field (PaDocument *self, PaZone *zone, const char *field, const char *value, GError **error)
{
  if (!check_zone (self, zone, error))
    return FALSE;
  EDIT (self, field_label (field), pa_store_edit_zone_field (STORE (self), change_, pa_zone_get_id (zone), field, value, error));
}

gboolean
pa_document_update_zone (PaDocument *self, PaZone *zone, const char *const *fields, const char *const *values,
                         GError **error)
{
  PaChange *change;
  gboolean ok = TRUE;

  if (!check_zone (self, zone, error))
    return FALSE;
  change = pa_document_begin_edit (self, _("Edit zone"), error);
  if (!change)
    return FALSE;
  for (guint i = 0; ok && fields[i]; i++)
    ok = pa_store_edit_zone_field (self->store, change, pa_zone_get_id (zone), fields[i], values[i], error);
  return pa_document_end_edit (self, change, ok, error);
}

PaZone *
pa_document_add_zone (PaDocument *self, const char *name, const char *role, PaGeometry *outline, GError **error)
{
  PaChange *change;
  gint64 fid;
  gboolean ok;

  g_return_val_if_fail (PA_IS_DOCUMENT (self), NULL);
  change = pa_document_begin_edit (self, _("Draw zone"), error);
  if (!change)
    return NULL;
  fid = pa_store_edit_add_zone (self->store, change, pa_plan_get_id (self->plan), name, role, error);
  ok = fid > 0 && (!outline || pa_store_edit_add_part (self->store, change, fid, name, PA_PART_DRAWN, outline, NULL, error) > 0);
  if (!pa_document_end_edit (self, change, ok, error))
    return NULL;
  pa_document_select_zone (self, pa_plan_find_zone_by_id (self->plan, fid));
  return self->selected;
}

gboolean
pa_document_delete_zone (PaDocument *self, PaZone *zone, GError **error)
{
  if (!check_zone (self, zone, error))
    return FALSE;
  EDIT (self, _("Delete zone"), pa_store_edit_delete_zone (STORE (self), change_, pa_zone_get_id (zone), error));
}

gboolean
pa_document_add_part (PaDocument *self, PaZone *zone, PaGeometry *outline, GError **error)
{
  if (!check_zone (self, zone, error))
    return FALSE;
  EDIT (self, _("Draw zone part"),
        pa_store_edit_add_part (STORE (self), change_, pa_zone_get_id (zone), NULL, PA_PART_DRAWN, outline, NULL, error) > 0);
}

gboolean
pa_document_add_district_part (PaDocument *self, PaZone *zone, const char *code, GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr (PaGeometry) outline = NULL;

  if (!check_zone (self, zone, error))
    return FALSE;
  outline = pa_store_load_district (self->store, code, &name, error);
  if (!outline)
    return FALSE;
  EDIT (self, _("Add district to zone"),
        pa_store_edit_add_part (STORE (self), change_, pa_zone_get_id (zone), name, PA_PART_DISTRICT, outline, code, error) > 0);
}

static gint64
part_fid (PaZone *zone, guint index, GError **error)
{
  if (index < pa_zone_get_n_parts (zone) && pa_zone_get_part_info (zone, index)->fid > 0)
    return pa_zone_get_part_info (zone, index)->fid;
  g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("The zone “%s” has no part %u"),
               pa_zone_get_name (zone), index + 1);
  return 0;
}

gboolean
pa_document_set_part_outline (PaDocument *self, PaZone *zone, guint index, PaGeometry *outline, GError **error)
{
  gint64 fid;
  if (!check_zone (self, zone, error) || !(fid = part_fid (zone, index, error)))
    return FALSE;
  EDIT (self, _("Reshape zone"), pa_store_edit_set_part_outline (STORE (self), change_, fid, outline, error));
}

gboolean
pa_document_delete_part (PaDocument *self, PaZone *zone, guint index, GError **error)
{
  gint64 fid;
  if (!check_zone (self, zone, error) || !(fid = part_fid (zone, index, error)))
    return FALSE;
  EDIT (self, _("Delete zone part"), pa_store_edit_delete_part (STORE (self), change_, fid, error));
}

gboolean
pa_document_add_industry (PaDocument *self, PaZone *zone, const char *industry, GError **error)
{
  if (!check_zone (self, zone, error))
    return FALSE;
  EDIT (self, _("Add industry"),
        pa_store_edit_add_zone_industry (STORE (self), change_, pa_zone_get_id (zone), industry, error) > 0);
}

gboolean
pa_document_remove_industry (PaDocument *self, PaZone *zone, guint index, GError **error)
{
  gint64 id;
  if (!check_zone (self, zone, error))
    return FALSE;
  if (index >= pa_zone_get_n_industries (zone) || !(id = pa_zone_get_industry_id (zone, index, NULL)))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("The zone “%s” has no industry %u"),
                   pa_zone_get_name (zone), index + 1);
      return FALSE;
    }
  EDIT (self, _("Remove industry"), pa_store_edit_remove_zone_industry (STORE (self), change_, id, error));
}

gboolean
pa_document_add_target (PaDocument *self, PaZone *zone, const PaTarget *target, GError **error)
{
  if (zone && !check_zone (self, zone, error))
    return FALSE;
  g_return_val_if_fail (PA_IS_DOCUMENT (self) && self->plan, FALSE);
  EDIT (self, _("Add target"),
        pa_store_edit_add_target (STORE (self), change_, pa_plan_get_id (self->plan), zone ? pa_zone_get_id (zone) : 0,
                                  target, error) > 0);
}

gboolean
pa_document_update_target (PaDocument *self, const PaTarget *old, const PaTarget *target, GError **error)
{
  g_return_val_if_fail (old != NULL && target != NULL, FALSE);
  EDIT (self, _("Edit target"), pa_store_edit_update_target (STORE (self), change_, old->id, target, error));
}

gboolean
pa_document_delete_target (PaDocument *self, const PaTarget *target, GError **error)
{
  g_return_val_if_fail (target != NULL, FALSE);
  EDIT (self, _("Delete target"), pa_store_edit_delete_target (STORE (self), change_, target->id, error));
}

gboolean
pa_document_add_organisation (PaDocument *self, PaZone *zone, const PaOrganisation *org, GError **error)
{
  if (zone && !check_zone (self, zone, error))
    return FALSE;
  g_return_val_if_fail (PA_IS_DOCUMENT (self) && self->plan, FALSE);
  EDIT (self, _("Add enterprise"),
        pa_store_edit_add_organisation (STORE (self), change_, pa_plan_get_id (self->plan),
                                        zone ? pa_zone_get_id (zone) : 0, org, error) > 0);
}

gboolean
pa_document_update_organisation (PaDocument *self, const PaOrganisation *old, const PaOrganisation *org,
                                 GError **error)
{
  g_return_val_if_fail (old != NULL && org != NULL, FALSE);
  EDIT (self, _("Edit enterprise"), pa_store_edit_update_organisation (STORE (self), change_, old->id, org, error));
}

gboolean
pa_document_move_organisation (PaDocument *self, const PaOrganisation *org, PaZone *zone, GError **error)
{
  g_return_val_if_fail (org != NULL, FALSE);
  if (zone && !check_zone (self, zone, error))
    return FALSE;
  EDIT (self, _("Move enterprise to another zone"),
        pa_store_edit_move_organisation (STORE (self), change_, org->id, zone ? pa_zone_get_id (zone) : 0, error));
}

gboolean
pa_document_place_organisation (PaDocument *self, const PaOrganisation *org, double lon, double lat,
                                GError **error)
{
  g_return_val_if_fail (org != NULL, FALSE);
  EDIT (self, _("Place enterprise on the map"),
        pa_store_edit_place_organisation (STORE (self), change_, org->id, lon, lat, error));
}

GPtrArray *
pa_document_get_differences (PaDocument *self)
{
  g_return_val_if_fail (PA_IS_DOCUMENT (self), NULL);
  return self->differences;
}

GPtrArray *
pa_document_list_plans (PaDocument *self, GError **error)
{
  g_return_val_if_fail (PA_IS_DOCUMENT (self), NULL);
  return pa_store_list_plans (self->store, error);
}

/* Makes a plan (a copy or a new one) with @make and shows it; one undo step. */
static gboolean
new_plan (PaDocument *self, const char *label, gboolean copy, const char *name, const char *layout,
          const char *region, GError **error)
{
  PaChange *change = pa_document_begin_edit (self, label, error);
  g_autofree char *slug = NULL;

  if (!change)
    return FALSE;
  slug = copy ? pa_store_edit_duplicate_plan (self->store, change, pa_plan_get_slug (self->plan), name, error)
              : pa_store_edit_add_plan (self->store, change, name, layout, region, error);
  if (slug)
    pa_change_set_plans (change, pa_plan_get_slug (self->plan), slug);
  return pa_document_end_edit (self, change, slug != NULL, error);
}

gboolean
pa_document_duplicate_plan (PaDocument *self, const char *name, GError **error)
{
  g_return_val_if_fail (PA_IS_DOCUMENT (self), FALSE);
  return new_plan (self, _("Duplicate as scenario"), TRUE, name, NULL, NULL, error);
}

gboolean
pa_document_new_plan (PaDocument *self, const char *name, const char *layout, const char *region, GError **error)
{
  g_return_val_if_fail (PA_IS_DOCUMENT (self), FALSE);
  return new_plan (self, _("New plan"), FALSE, name, layout, region, error);
}

gboolean
pa_document_delete_organisation (PaDocument *self, const PaOrganisation *org, GError **error)
{
  g_return_val_if_fail (org != NULL, FALSE);
  EDIT (self, _("Delete enterprise"), pa_store_edit_delete_organisation (STORE (self), change_, org->id, error));
}
