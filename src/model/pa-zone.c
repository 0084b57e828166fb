/* pa-zone.c */
#include "pa-zone.h"

#include <math.h>

struct _PaZone
{
  GObject parent_instance;
  gint64 id;
  char *key, *name, *role, *summary, *places, *note;
  gboolean schematic;
  double land_area;
  char *land_area_unit, *land_area_comparator;
  PaCitation *land_area_citation;
  PaGeometry *geometry;
  PaCitation *citation;
  GPtrArray *industries;          /* char* */
  GPtrArray *industry_citations;  /* PaCitation* or NULL */
  GPtrArray *targets;
  GPtrArray *organisations;
  GPtrArray *parts;          /* PaGeometry */
  GArray *part_schematic;    /* gboolean, parallel to parts */
};

G_DEFINE_FINAL_TYPE (PaZone, pa_zone, G_TYPE_OBJECT)

static void
citation_unref0 (gpointer p)
{
  if (p)
    pa_citation_unref (p);
}

static void
pa_zone_finalize (GObject *object)
{
  PaZone *self = PA_ZONE (object);
  g_free (self->key);
  g_free (self->name);
  g_free (self->role);
  g_free (self->summary);
  g_free (self->places);
  g_free (self->note);
  g_free (self->land_area_unit);
  g_free (self->land_area_comparator);
  g_clear_pointer (&self->land_area_citation, pa_citation_unref);
  g_clear_pointer (&self->geometry, pa_geometry_unref);
  g_clear_pointer (&self->citation, pa_citation_unref);
  g_ptr_array_unref (self->industries);
  g_ptr_array_unref (self->industry_citations);
  g_ptr_array_unref (self->targets);
  g_ptr_array_unref (self->organisations);
  g_ptr_array_unref (self->parts);
  g_array_unref (self->part_schematic);
  G_OBJECT_CLASS (pa_zone_parent_class)->finalize (object);
}

static void
pa_zone_class_init (PaZoneClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pa_zone_finalize;
}

static void
pa_zone_init (PaZone *self)
{
  self->land_area = NAN;
  self->industries = g_ptr_array_new_with_free_func (g_free);
  self->industry_citations = g_ptr_array_new_with_free_func (citation_unref0);
  self->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_target_unref);
  self->organisations = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_organisation_unref);
  self->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_geometry_unref);
  self->part_schematic = g_array_new (FALSE, FALSE, sizeof (gboolean));
}

PaZone *
pa_zone_new (gint64 id, const char *key, const char *name, const char *role)
{
  PaZone *self = g_object_new (PA_TYPE_ZONE, NULL);
  self->id = id;
  self->key = g_strdup (key);
  self->name = g_strdup (name);
  self->role = g_strdup (role);
  return self;
}

gint64 pa_zone_get_id (PaZone *self) { return self->id; }
const char *pa_zone_get_key (PaZone *self) { return self->key; }
const char *pa_zone_get_name (PaZone *self) { return self->name; }
const char *pa_zone_get_role (PaZone *self) { return self->role; }
const char *pa_zone_get_summary (PaZone *self) { return self->summary; }
const char *pa_zone_get_places (PaZone *self) { return self->places; }
const char *pa_zone_get_note (PaZone *self) { return self->note; }
gboolean pa_zone_get_schematic (PaZone *self) { return self->schematic; }
PaGeometry *pa_zone_get_geometry (PaZone *self) { return self->geometry; }
PaCitation *pa_zone_get_citation (PaZone *self) { return self->citation; }
GPtrArray *pa_zone_get_targets (PaZone *self) { return self->targets; }
GPtrArray *pa_zone_get_organisations (PaZone *self) { return self->organisations; }
guint pa_zone_get_n_industries (PaZone *self) { return self->industries->len; }

void
pa_zone_set_summary (PaZone *self, const char *summary)
{
  g_return_if_fail (PA_IS_ZONE (self));
  g_free (self->summary);
  self->summary = g_strdup (summary);
}

void
pa_zone_set_places (PaZone *self, const char *places)
{
  g_return_if_fail (PA_IS_ZONE (self));
  g_free (self->places);
  self->places = g_strdup (places);
}

void
pa_zone_set_note (PaZone *self, const char *note)
{
  g_return_if_fail (PA_IS_ZONE (self));
  g_free (self->note);
  self->note = g_strdup (note);
}

void
pa_zone_set_schematic (PaZone *self, gboolean schematic)
{
  g_return_if_fail (PA_IS_ZONE (self));
  self->schematic = schematic;
}

void
pa_zone_set_geometry (PaZone *self, PaGeometry *geometry)
{
  g_return_if_fail (PA_IS_ZONE (self));
  g_clear_pointer (&self->geometry, pa_geometry_unref);
  self->geometry = geometry ? pa_geometry_ref (geometry) : NULL;
}

void
pa_zone_set_citation (PaZone *self, PaCitation *citation)
{
  g_return_if_fail (PA_IS_ZONE (self));
  g_clear_pointer (&self->citation, pa_citation_unref);
  self->citation = citation ? pa_citation_ref (citation) : NULL;
}

void
pa_zone_add_industry (PaZone *self, const char *name, PaCitation *citation)
{
  g_return_if_fail (PA_IS_ZONE (self));
  g_ptr_array_add (self->industries, g_strdup (name));
  g_ptr_array_add (self->industry_citations, citation ? pa_citation_ref (citation) : NULL);
}

const char *
pa_zone_get_industry (PaZone *self, guint i, PaCitation **citation)
{
  g_return_val_if_fail (i < self->industries->len, NULL);
  if (citation)
    *citation = g_ptr_array_index (self->industry_citations, i);
  return g_ptr_array_index (self->industries, i);
}

void
pa_zone_add_target (PaZone *self, PaTarget *target)
{
  g_return_if_fail (PA_IS_ZONE (self));
  g_ptr_array_add (self->targets, pa_target_ref (target));
}

void
pa_zone_add_organisation (PaZone *self, PaOrganisation *org)
{
  g_return_if_fail (PA_IS_ZONE (self));
  g_ptr_array_add (self->organisations, pa_organisation_ref (org));
}

void
pa_zone_add_part (PaZone *self, PaGeometry *part, gboolean schematic)
{
  g_return_if_fail (PA_IS_ZONE (self));
  g_ptr_array_add (self->parts, pa_geometry_ref (part));
  g_array_append_val (self->part_schematic, schematic);
}

guint
pa_zone_get_n_parts (PaZone *self)
{
  return self->parts->len;
}

PaGeometry *
pa_zone_get_part (PaZone *self, guint i, gboolean *schematic)
{
  g_return_val_if_fail (i < self->parts->len, NULL);
  if (schematic)
    *schematic = g_array_index (self->part_schematic, gboolean, i);
  return self->parts->pdata[i];
}

gboolean
pa_zone_is_partly_schematic (PaZone *self)
{
  gboolean real = FALSE, schematic = FALSE;
  for (guint i = 0; i < self->part_schematic->len; i++)
    {
      if (g_array_index (self->part_schematic, gboolean, i))
        schematic = TRUE;
      else
        real = TRUE;
    }
  return real && schematic;
}

void
pa_zone_set_land_area (PaZone *self, double value, const char *unit, const char *comparator,
                       PaCitation *citation)
{
  g_return_if_fail (PA_IS_ZONE (self));
  self->land_area = value;
  g_free (self->land_area_unit);
  g_free (self->land_area_comparator);
  self->land_area_unit = g_strdup (unit);
  self->land_area_comparator = g_strdup (comparator);
  g_clear_pointer (&self->land_area_citation, pa_citation_unref);
  self->land_area_citation = citation ? pa_citation_ref (citation) : NULL;
}

double
pa_zone_get_land_area (PaZone *self, const char **unit, const char **comparator, PaCitation **citation)
{
  if (unit)
    *unit = self->land_area_unit;
  if (comparator)
    *comparator = self->land_area_comparator;
  if (citation)
    *citation = self->land_area_citation;
  return self->land_area;
}
