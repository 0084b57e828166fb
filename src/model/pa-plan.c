/* pa-plan.c */
#include "pa-plan.h"

#include <glib/gi18n.h>
#include <string.h>

struct _PaPlan
{
  GObject parent_instance;
  gint64 id;
  char *slug, *name, *layout, *region;
  char *doc_title, *doc_issuer, *doc_date, *doc_seed;
  GPtrArray *role_keys, *role_labels;
  GListStore *zones;
  GPtrArray *targets, *organisations, *industries;
  GPtrArray *all_targets, *sums, *programmes;
  int period_start, period_end;
  PaCitation *period_citation;
};

G_DEFINE_FINAL_TYPE (PaPlan, pa_plan, G_TYPE_OBJECT)

static void
pa_plan_finalize (GObject *object)
{
  PaPlan *self = PA_PLAN (object);
  g_free (self->slug);
  g_free (self->name);
  g_free (self->layout);
  g_free (self->region);
  g_free (self->doc_title);
  g_free (self->doc_issuer);
  g_free (self->doc_date);
  g_free (self->doc_seed);
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
  G_OBJECT_CLASS (klass)->finalize = pa_plan_finalize;
}

static void
pa_plan_init (PaPlan *self)
{
  self->role_keys = g_ptr_array_new_with_free_func (g_free);
  self->role_labels = g_ptr_array_new_with_free_func (g_free);
  self->zones = g_list_store_new (PA_TYPE_ZONE);
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
const char *pa_plan_get_document_title (PaPlan *self) { return self->doc_title; }
const char *pa_plan_get_document_issuer (PaPlan *self) { return self->doc_issuer; }
const char *pa_plan_get_document_date (PaPlan *self) { return self->doc_date; }
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
pa_plan_set_document (PaPlan *self, const char *title, const char *issuer, const char *date)
{
  g_return_if_fail (PA_IS_PLAN (self));
  g_free (self->doc_title);
  g_free (self->doc_issuer);
  g_free (self->doc_date);
  self->doc_title = g_strdup (title);
  self->doc_issuer = g_strdup (issuer);
  self->doc_date = g_strdup (date);
}

void
pa_plan_add_role (PaPlan *self, const char *key, const char *label)
{
  g_return_if_fail (PA_IS_PLAN (self));
  g_ptr_array_add (self->role_keys, g_strdup (key));
  g_ptr_array_add (self->role_labels, g_strdup (label));
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

gboolean
pa_plan_has_schematic_zones (PaPlan *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->zones));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (G_LIST_MODEL (self->zones), i);
      if (pa_zone_get_schematic (z))
        return TRUE;
    }
  return FALSE;
}

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
  g_autoptr (GString) s = g_string_new (NULL);
  if (self->doc_title)
    g_string_printf (s, _("Source: 《%s》"), self->doc_title);
  else
    g_string_printf (s, _("Source: %s (the document has no title)"), self->doc_seed ? self->doc_seed : "");
  if (self->doc_issuer && *self->doc_issuer)
    g_string_append_printf (s, _(", %s"), self->doc_issuer);
  if (self->doc_date && *self->doc_date)
    g_string_append_printf (s, _(", %s"), self->doc_date);
  return g_string_free (g_steal_pointer (&s), FALSE);
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
pa_plan_set_document_seed (PaPlan *self, const char *seed)
{
  g_free (self->doc_seed);
  self->doc_seed = g_strdup (seed);
}

const char *
pa_plan_get_document_seed (PaPlan *self)
{
  return self->doc_seed;
}

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
