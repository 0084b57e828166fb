/* pa-plan.c */
#include "pa-plan.h"

#include <glib/gi18n.h>
#include <string.h>

struct _PaPlan
{
  GObject parent_instance;
  gint64 id;
  char *slug, *name, *layout, *region;
  PaSource *source;
  char *scenario_of, *scenario_of_name, *entered_by;
  GPtrArray *role_keys, *role_labels;
  GListStore *zones;
  GPtrArray *targets, *organisations, *industries;
  GPtrArray *all_targets, *sums, *programmes;
  int period_start, period_end;
  PaCitation *period_citation;
  guint revision; /* bumped when the zone list changes */
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_SLUG,
  PROP_NAME,
  PROP_LAYOUT,
  PROP_REGION,
  PROP_ZONES,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PaPlan, pa_plan, G_TYPE_OBJECT)

static void
pa_plan_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PaPlan *self = PA_PLAN (object);
  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_SLUG: g_value_set_string (value, self->slug); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_LAYOUT: g_value_set_string (value, self->layout); break;
    case PROP_REGION: g_value_set_string (value, self->region); break;
    case PROP_ZONES: g_value_set_object (value, self->zones); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pa_plan_finalize (GObject *object)
{
  PaPlan *self = PA_PLAN (object);
  g_free (self->slug);
  g_free (self->name);
  g_free (self->layout);
  g_free (self->region);
  g_clear_pointer (&self->source, pa_source_unref);
  g_free (self->scenario_of);
  g_free (self->scenario_of_name);
  g_free (self->entered_by);
  g_ptr_array_unref (self->role_keys);
  g_ptr_array_unref (self->role_labels);
  g_object_unref (self->zones);
  g_ptr_array_unref (self->targets);
  g_ptr_array_unref (self->organisations);
  g_ptr_array_unref (self->industries);
  g_ptr_array_unref (self->all_targets);
  g_ptr_array_unref (self->sums);
  g_ptr_array_unref (self->programmes);
  g_clear_pointer (&self->period_citation, pa_citation_unref);
  G_OBJECT_CLASS (pa_plan_parent_class)->finalize (object);
}

static void
pa_plan_class_init (PaPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = pa_plan_finalize;
  object_class->get_property = pa_plan_get_property;
  props[PROP_ID] = g_param_spec_int64 ("id", NULL, "Row in the store", 0, G_MAXINT64, 0, ro);
  props[PROP_SLUG] = g_param_spec_string ("slug", NULL, "Short name for the command line", NULL, ro);
  props[PROP_NAME] = g_param_spec_string ("name", NULL, "Name", NULL, ro);
  props[PROP_LAYOUT] = g_param_spec_string ("layout", NULL, "Layout formula (1+3+X …)", NULL, ro);
  props[PROP_REGION] = g_param_spec_string ("region", NULL, "City or district", NULL, ro);
  props[PROP_ZONES] = g_param_spec_object ("zones", NULL, "Zones (PaZone)", G_TYPE_LIST_MODEL, ro);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /* After pa_plan_assign: targets, sums, organisations or zones may have changed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
bump_revision (PaPlan *self)
{
  self->revision++;
}

guint
pa_plan_get_revision (PaPlan *self)
{
  g_return_val_if_fail (PA_IS_PLAN (self), 0);
  return self->revision;
}

static void
pa_plan_init (PaPlan *self)
{
  self->role_keys = g_ptr_array_new_with_free_func (g_free);
  self->role_labels = g_ptr_array_new_with_free_func (g_free);
  self->zones = g_list_store_new (PA_TYPE_ZONE);
  g_signal_connect_swapped (self->zones, "items-changed", G_CALLBACK (bump_revision), self);
  self->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_target_unref);
  self->organisations = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_organisation_unref);
  self->industries = g_ptr_array_new_with_free_func (g_free);
  self->all_targets = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_target_unref);
  self->sums = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_target_sum_unref);
  self->programmes = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_programme_unref);
}

PaPlan *
pa_plan_new (gint64 id, const char *slug, const char *name, const char *layout)
{
  PaPlan *self = g_object_new (PA_TYPE_PLAN, NULL);
  self->id = id;
  self->slug = g_strdup (slug);
  self->name = g_strdup (name);
  self->layout = g_strdup (layout);
  return self;
}

gint64 pa_plan_get_id (PaPlan *self) { return self->id; }
const char *pa_plan_get_slug (PaPlan *self) { return self->slug; }
const char *pa_plan_get_name (PaPlan *self) { return self->name; }
const char *pa_plan_get_layout (PaPlan *self) { return self->layout; }
const char *pa_plan_get_region (PaPlan *self) { return self->region; }
PaSource *pa_plan_get_source (PaPlan *self) { return self->source; }
GListModel *pa_plan_get_zones (PaPlan *self) { return G_LIST_MODEL (self->zones); }
GPtrArray *pa_plan_get_targets (PaPlan *self) { return self->targets; }
GPtrArray *pa_plan_get_organisations (PaPlan *self) { return self->organisations; }
GPtrArray *pa_plan_get_industries (PaPlan *self) { return self->industries; }
guint pa_plan_get_n_roles (PaPlan *self) { return self->role_keys->len; }

void
pa_plan_set_region (PaPlan *self, const char *region)
{
  g_return_if_fail (PA_IS_PLAN (self));
  g_free (self->region);
  self->region = g_strdup (region);
}

void
pa_plan_set_source (PaPlan *self, PaSource *source)
{
  g_return_if_fail (PA_IS_PLAN (self));
  if (source)
    pa_source_ref (source);
  g_clear_pointer (&self->source, pa_source_unref);
  self->source = source;
}

void
pa_plan_add_role (PaPlan *self, const char *key, const char *label)
{
  g_return_if_fail (PA_IS_PLAN (self));
  g_ptr_array_add (self->role_keys, g_strdup (key));
  g_ptr_array_add (self->role_labels, g_strdup (label));
  self->revision++; /* the zones' colours follow the roles' order */
}

const char *
pa_plan_get_role_key (PaPlan *self, guint i)
{
  g_return_val_if_fail (i < self->role_keys->len, NULL);
  return g_ptr_array_index (self->role_keys, i);
}

const char *
pa_plan_get_role_label (PaPlan *self, guint i)
{
  g_return_val_if_fail (i < self->role_labels->len, NULL);
  return g_ptr_array_index (self->role_labels, i);
}

int
pa_plan_get_role_index (PaPlan *self, const char *key)
{
  for (guint i = 0; key && i < self->role_keys->len; i++)
    if (strcmp (g_ptr_array_index (self->role_keys, i), key) == 0)
      return (int) i;
  return -1;
}

const char *
pa_plan_lookup_role_label (PaPlan *self, const char *key)
{
  int i = pa_plan_get_role_index (self, key);
  return i < 0 ? key : pa_plan_get_role_label (self, (guint) i);
}

void
pa_plan_add_zone (PaPlan *self, PaZone *zone)
{
  g_return_if_fail (PA_IS_PLAN (self));
  g_list_store_append (self->zones, zone);
}

PaZone *
pa_plan_find_zone (PaPlan *self, const char *key)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->zones));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (G_LIST_MODEL (self->zones), i);
      if (g_strcmp0 (pa_zone_get_key (z), key) == 0)
        return z; /* the store keeps its reference */
    }
  return NULL;
}

static gboolean
any_zone (PaPlan *self, gboolean (*test) (PaZone *zone))
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->zones));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (G_LIST_MODEL (self->zones), i);
      if (test (z))
        return TRUE;
    }
  return FALSE;
}

static gboolean is_planner_zone (PaZone *z) { return pa_zone_get_entered_by (z) != NULL; }
static gboolean is_inferred_zone (PaZone *z) { return pa_zone_get_inference (z) != NULL; }

gboolean pa_plan_has_schematic_zones (PaPlan *self) { return any_zone (self, pa_zone_get_schematic); }
gboolean pa_plan_has_planner_zones (PaPlan *self) { return any_zone (self, is_planner_zone); }
gboolean pa_plan_has_inferred_zones (PaPlan *self) { return any_zone (self, is_inferred_zone); }

PaBBox
pa_plan_get_extent (PaPlan *self)
{
  PaBBox box = pa_bbox_empty ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->zones));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (G_LIST_MODEL (self->zones), i);
      if (pa_zone_get_geometry (z))
        {
          PaBBox b = pa_geometry_get_bbox (pa_zone_get_geometry (z));
          box = pa_bbox_union (&box, &b);
        }
    }
  return box;
}

void
pa_plan_add_target (PaPlan *self, PaTarget *target)
{
  g_ptr_array_add (self->targets, pa_target_ref (target));
}

void
pa_plan_add_organisation (PaPlan *self, PaOrganisation *org)
{
  g_ptr_array_add (self->organisations, pa_organisation_ref (org));
}

void
pa_plan_add_industry (PaPlan *self, const char *name)
{
  g_ptr_array_add (self->industries, g_strdup (name));
}

char *
pa_plan_describe_source (PaPlan *self)
{
  g_autofree char *reference = NULL;
  if (!self->source && self->entered_by)
    return g_strdup_printf (_("Made by %s in Park Atlas; no source document"), self->entered_by);
  if (!self->source)
    return g_strdup (_("No source document"));
  reference = pa_source_dup_reference (self->source);
  return g_strdup_printf (_("Source: %s"), reference);
}

char *
pa_plan_dup_source_name (PaPlan *self)
{
  g_return_val_if_fail (PA_IS_PLAN (self), NULL);
  if (self->source)
    return pa_source_dup_name (self->source, FALSE);
  if (self->entered_by)
    return g_strdup_printf (_("Made by %s in Park Atlas"), self->entered_by);
  return g_strdup (_("No source document"));
}

char *
pa_plan_dup_source_details (PaPlan *self)
{
  g_return_val_if_fail (PA_IS_PLAN (self), NULL);
  return self->source ? pa_source_dup_details (self->source) : NULL;
}

void
pa_plan_add_any_target (PaPlan *self, PaTarget *target)
{
  g_ptr_array_add (self->all_targets, pa_target_ref (target));
}

GPtrArray *
pa_plan_get_all_targets (PaPlan *self)
{
  return self->all_targets;
}

void
pa_plan_add_sum (PaPlan *self, PaTargetSum *sum)
{
  g_ptr_array_add (self->sums, pa_target_sum_ref (sum));
}

GPtrArray *
pa_plan_get_sums (PaPlan *self)
{
  return self->sums;
}

void
pa_plan_set_period (PaPlan *self, int start, int end, PaCitation *citation)
{
  self->period_start = start;
  self->period_end = end;
  g_clear_pointer (&self->period_citation, pa_citation_unref);
  self->period_citation = citation ? pa_citation_ref (citation) : NULL;
}

int pa_plan_get_period_start (PaPlan *self) { return self->period_start; }
int pa_plan_get_period_end (PaPlan *self) { return self->period_end; }
PaCitation *pa_plan_get_period_citation (PaPlan *self) { return self->period_citation; }

void
pa_plan_add_programme (PaPlan *self, PaProgramme *programme)
{
  g_ptr_array_add (self->programmes, pa_programme_ref (programme));
}

GPtrArray *
pa_plan_get_programmes (PaPlan *self)
{
  return self->programmes;
}

PaZone *
pa_plan_find_zone_by_id (PaPlan *self, gint64 id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->zones));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (G_LIST_MODEL (self->zones), i);
      if (pa_zone_get_id (z) == id)
        return z; /* the store keeps its reference */
    }
  return NULL;
}

static void
replace_string (PaPlan *self, char **field, const char *value, int prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  if (prop)
    g_object_notify_by_pspec (G_OBJECT (self), props[prop]);
}

#define SWAP(a, b)                                                                            \
  G_STMT_START { gpointer tmp_ = (gpointer) (a); (a) = (b); (b) = tmp_; } G_STMT_END

void
pa_plan_assign (PaPlan *self, PaPlan *from)
{
  g_autoptr (GPtrArray) zones = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  guint n_old, n_new;
  gboolean same = TRUE;

  g_return_if_fail (PA_IS_PLAN (self));
  g_return_if_fail (PA_IS_PLAN (from));

  g_object_freeze_notify (G_OBJECT (self));
  self->id = from->id;
  replace_string (self, &self->slug, from->slug, PROP_SLUG);
  replace_string (self, &self->name, from->name, PROP_NAME);
  replace_string (self, &self->layout, from->layout, PROP_LAYOUT);
  replace_string (self, &self->region, from->region, PROP_REGION);
  pa_plan_set_source (self, from->source);
  replace_string (self, &self->scenario_of, from->scenario_of, 0);
  replace_string (self, &self->scenario_of_name, from->scenario_of_name, 0);
  replace_string (self, &self->entered_by, from->entered_by, 0);
  pa_plan_set_period (self, from->period_start, from->period_end, from->period_citation);
  SWAP (self->role_keys, from->role_keys);
  SWAP (self->role_labels, from->role_labels);
  SWAP (self->targets, from->targets);
  SWAP (self->organisations, from->organisations);
  SWAP (self->industries, from->industries);
  SWAP (self->all_targets, from->all_targets);
  SWAP (self->sums, from->sums);
  SWAP (self->programmes, from->programmes);

  /* zones that are still there keep their object (and so the selection and list rows) */
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->zones));
  n_new = g_list_model_get_n_items (G_LIST_MODEL (from->zones));
  /* by id through a table: a search of the list per zone was quadratic (10,000 zones) */
  for (guint i = 0; i < n_old; i++)
    {
      PaZone *old = g_list_model_get_item (G_LIST_MODEL (self->zones), i);
      g_hash_table_insert (by_id, g_memdup2 (&(gint64){ pa_zone_get_id (old) }, sizeof (gint64)), old);
    }
  for (guint i = 0; i < n_new; i++)
    {
      g_autoptr (PaZone) fresh = g_list_model_get_item (G_LIST_MODEL (from->zones), i);
      gint64 id = pa_zone_get_id (fresh);
      PaZone *old = g_hash_table_lookup (by_id, &id);
      if (old)
        {
          pa_zone_assign (old, fresh);
          g_ptr_array_add (zones, g_object_ref (old));
        }
      else
        g_ptr_array_add (zones, g_object_ref (fresh));
    }
  for (guint i = 0; same && i < MAX (n_old, n_new); i++)
    {
      g_autoptr (PaZone) old = i < n_old ? g_list_model_get_item (G_LIST_MODEL (self->zones), i) : NULL;
      same = i < n_new && old == zones->pdata[i];
    }
  if (!same)
    g_list_store_splice (self->zones, 0, n_old, zones->pdata, zones->len);
  self->revision++; /* roles (and so colours) may have changed too */
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

void
pa_plan_set_scenario_of (PaPlan *self, const char *slug, const char *name)
{
  g_return_if_fail (PA_IS_PLAN (self));
  g_free (self->scenario_of);
  g_free (self->scenario_of_name);
  self->scenario_of = g_strdup (slug);
  self->scenario_of_name = g_strdup (name);
}

const char *
pa_plan_get_scenario_of_name (PaPlan *self)
{
  return self->scenario_of_name ? self->scenario_of_name : self->scenario_of;
}

const char *
pa_plan_get_scenario_of (PaPlan *self)
{
  return self->scenario_of;
}

void
pa_plan_set_entered_by (PaPlan *self, const char *who)
{
  g_return_if_fail (PA_IS_PLAN (self));
  g_free (self->entered_by);
  self->entered_by = g_strdup (who);
}

const char *
pa_plan_get_entered_by (PaPlan *self)
{
  return self->entered_by;
}
