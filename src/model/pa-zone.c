/* pa-zone.c */
#include "pa-zone.h"

#include <math.h>

struct _PaZone
{
  GObject parent_instance;
  gint64 id;
  char *key, *name, *role, *summary, *places, *note, *inference;
  gboolean schematic;
  double land_area;
  char *land_area_unit, *land_area_comparator;
  PaCitation *land_area_citation;
  PaGeometry *geometry;
  PaCitation *citation;
  char *entered_by, *entered_at;
  GHashTable *document_values;    /* field → text */
  GPtrArray *industries;          /* char* */
  GPtrArray *industry_citations;  /* PaCitation* or NULL */
  GArray *industry_ids;           /* gint64 */
  GPtrArray *industry_entered;    /* char* or NULL */
  GPtrArray *targets;
  GPtrArray *organisations;
  GArray *parts;                  /* PaZonePart */
};

enum
{
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_NAME,
  PROP_ROLE,
  PROP_SUMMARY,
  PROP_PLACES,
  PROP_NOTE,
  PROP_INFERENCE,
  PROP_SCHEMATIC,
  PROP_GEOMETRY,
  PROP_ENTERED_BY,
  N_PROPS
};

enum
{
  CHANGED,
  N_SIGNALS
};

static GParamSpec *props[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PaZone, pa_zone, G_TYPE_OBJECT)

static void
citation_unref0 (gpointer p)
{
  if (p)
    pa_citation_unref (p);
}

static void
part_clear (gpointer p)
{
  PaZonePart *part = p;
  g_free (part->name);
  g_free (part->outline_from);
  g_free (part->entered_by);
  g_clear_pointer (&part->geometry, pa_geometry_unref);
}

static void
pa_zone_finalize (GObject *object)
{
  PaZone *self = PA_ZONE (object);
  g_free (self->key);
  g_free (self->name);
  g_free (self->role);
  g_free (self->summary);
  g_free (self->inference);
  g_free (self->places);
  g_free (self->note);
  g_free (self->land_area_unit);
  g_free (self->land_area_comparator);
  g_free (self->entered_by);
  g_free (self->entered_at);
  g_clear_pointer (&self->document_values, g_hash_table_unref);
  g_clear_pointer (&self->land_area_citation, pa_citation_unref);
  g_clear_pointer (&self->geometry, pa_geometry_unref);
  g_clear_pointer (&self->citation, pa_citation_unref);
  g_ptr_array_unref (self->industries);
  g_ptr_array_unref (self->industry_citations);
  g_array_unref (self->industry_ids);
  g_ptr_array_unref (self->industry_entered);
  g_ptr_array_unref (self->targets);
  g_ptr_array_unref (self->organisations);
  g_array_unref (self->parts);
  G_OBJECT_CLASS (pa_zone_parent_class)->finalize (object);
}

static void
pa_zone_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PaZone *self = PA_ZONE (object);
  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_KEY: g_value_set_string (value, self->key); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_ROLE: g_value_set_string (value, self->role); break;
    case PROP_SUMMARY: g_value_set_string (value, self->summary); break;
    case PROP_PLACES: g_value_set_string (value, self->places); break;
    case PROP_NOTE: g_value_set_string (value, self->note); break;
    case PROP_INFERENCE: g_value_set_string (value, self->inference); break;
    case PROP_SCHEMATIC: g_value_set_boolean (value, self->schematic); break;
    case PROP_GEOMETRY: g_value_set_boxed (value, self->geometry); break;
    case PROP_ENTERED_BY: g_value_set_string (value, self->entered_by); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Bumped by every change of any zone (a notification, new parts, an assign): caches
 * built from zones (the painter's index) compare it instead of watching each zone. */
static guint zone_generation;

guint
pa_zone_get_generation (void)
{
  return (guint) g_atomic_int_get ((int *) &zone_generation);
}

static void
bump_generation (void)
{
  g_atomic_int_inc ((int *) &zone_generation);
}

static void
pa_zone_notify (GObject *object, GParamSpec *pspec)
{
  bump_generation ();
}

static void
pa_zone_class_init (PaZoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = pa_zone_finalize;
  object_class->get_property = pa_zone_get_property;
  object_class->notify = pa_zone_notify;
  props[PROP_ID] = g_param_spec_int64 ("id", NULL, "The zone's row (fid) in the store", 0, G_MAXINT64, 0, ro);
  props[PROP_KEY] = g_param_spec_string ("key", NULL, "Key, unique in the plan", NULL, ro);
  props[PROP_NAME] = g_param_spec_string ("name", NULL, "Name", NULL, ro);
  props[PROP_ROLE] = g_param_spec_string ("role", NULL, "Role key in the plan's legend", NULL, ro);
  props[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, "What the plan says of it", NULL, ro);
  props[PROP_PLACES] = g_param_spec_string ("places", NULL, "Places, joined for display", NULL, ro);
  props[PROP_NOTE] = g_param_spec_string ("note", NULL, "Note", NULL, ro);
  props[PROP_INFERENCE] = g_param_spec_string ("inference", NULL, "Why its role or place is inferred (推定)", NULL, ro);
  props[PROP_SCHEMATIC] = g_param_spec_boolean ("schematic", NULL, "Outline partly schematic", FALSE, ro);
  props[PROP_GEOMETRY] = g_param_spec_boxed ("geometry", NULL, "Outline (union of the parts)", PA_TYPE_GEOMETRY, ro);
  props[PROP_ENTERED_BY] = g_param_spec_string ("entered-by", NULL, "Who last changed it; NULL for the document's", NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, props);

  /* After pa_zone_assign: anything about the zone may have changed (facts too). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 0);
}

static void
pa_zone_init (PaZone *self)
{
  self->land_area = NAN;
  self->industries = g_ptr_array_new_with_free_func (g_free);
  self->industry_citations = g_ptr_array_new_with_free_func (citation_unref0);
  self->industry_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->industry_entered = g_ptr_array_new_with_free_func (g_free);
  self->targets = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_target_unref);
  self->organisations = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_organisation_unref);
  self->parts = g_array_new (FALSE, TRUE, sizeof (PaZonePart));
  g_array_set_clear_func (self->parts, part_clear);
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
const char *pa_zone_get_entered_by (PaZone *self) { return self->entered_by; }
const char *pa_zone_get_entered_at (PaZone *self) { return self->entered_at; }

/* Replaces *@field by @value; notifies @prop when it differs. */
static void
set_string (PaZone *self, char **field, const char *value, int prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), props[prop]);
}

void
pa_zone_set_name (PaZone *self, const char *name)
{
  g_return_if_fail (PA_IS_ZONE (self));
  set_string (self, &self->name, name, PROP_NAME);
}

void
pa_zone_set_role (PaZone *self, const char *role)
{
  g_return_if_fail (PA_IS_ZONE (self));
  set_string (self, &self->role, role, PROP_ROLE);
}

void
pa_zone_set_summary (PaZone *self, const char *summary)
{
  g_return_if_fail (PA_IS_ZONE (self));
  set_string (self, &self->summary, summary, PROP_SUMMARY);
}

void
pa_zone_set_places (PaZone *self, const char *places)
{
  g_return_if_fail (PA_IS_ZONE (self));
  set_string (self, &self->places, places, PROP_PLACES);
}

void
pa_zone_set_note (PaZone *self, const char *note)
{
  g_return_if_fail (PA_IS_ZONE (self));
  set_string (self, &self->note, note, PROP_NOTE);
}

void
pa_zone_set_inference (PaZone *self, const char *inference)
{
  g_return_if_fail (PA_IS_ZONE (self));
  set_string (self, &self->inference, inference, PROP_INFERENCE);
}

const char *pa_zone_get_inference (PaZone *self) { return self->inference; }

char *
pa_zone_dup_label (PaZone *self)
{
  const char *mark = NULL;

  g_return_val_if_fail (PA_IS_ZONE (self), NULL);
  /* full-width brackets and no space: the name and its mark are one Chinese phrase */
  if (self->schematic && self->inference)
    mark = "（示意·推定）";
  else if (self->inference)
    mark = "（推定）";
  else if (self->schematic)
    mark = "（示意）";
  return g_strconcat (self->name ? self->name : "", mark ? mark : "", self->entered_by ? " ✎" : "", NULL);
}

void
pa_zone_set_schematic (PaZone *self, gboolean schematic)
{
  g_return_if_fail (PA_IS_ZONE (self));
  if (self->schematic == !!schematic)
    return;
  self->schematic = !!schematic;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_SCHEMATIC]);
}

void
pa_zone_set_geometry (PaZone *self, PaGeometry *geometry)
{
  g_return_if_fail (PA_IS_ZONE (self));
  if (self->geometry == geometry
      || (self->geometry && geometry && pa_geometry_equal (self->geometry, geometry)))
    return;
  g_clear_pointer (&self->geometry, pa_geometry_unref);
  self->geometry = geometry ? pa_geometry_ref (geometry) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_GEOMETRY]);
}

void
pa_zone_set_citation (PaZone *self, PaCitation *citation)
{
  g_return_if_fail (PA_IS_ZONE (self));
  g_clear_pointer (&self->citation, pa_citation_unref);
  self->citation = citation ? pa_citation_ref (citation) : NULL;
}

void
pa_zone_set_entered (PaZone *self, const char *by, const char *at)
{
  g_return_if_fail (PA_IS_ZONE (self));
  g_free (self->entered_at);
  self->entered_at = g_strdup (at);
  set_string (self, &self->entered_by, by, PROP_ENTERED_BY);
}

void
pa_zone_set_document_value (PaZone *self, const char *field, const char *value)
{
  g_return_if_fail (PA_IS_ZONE (self));
  if (!self->document_values)
    self->document_values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_replace (self->document_values, g_strdup (field), g_strdup (value));
}

const char *
pa_zone_get_document_value (PaZone *self, const char *field)
{
  g_return_val_if_fail (PA_IS_ZONE (self), NULL);
  return self->document_values ? g_hash_table_lookup (self->document_values, field) : NULL;
}

void
pa_zone_add_industry_full (PaZone *self, gint64 id, const char *name, PaCitation *citation,
                           const char *entered_by)
{
  g_return_if_fail (PA_IS_ZONE (self));
  g_ptr_array_add (self->industries, g_strdup (name));
  g_ptr_array_add (self->industry_citations, citation ? pa_citation_ref (citation) : NULL);
  g_array_append_val (self->industry_ids, id);
  g_ptr_array_add (self->industry_entered, g_strdup (entered_by));
}

void
pa_zone_add_industry (PaZone *self, const char *name, PaCitation *citation)
{
  pa_zone_add_industry_full (self, 0, name, citation, NULL);
}

const char *
pa_zone_get_industry (PaZone *self, guint i, PaCitation **citation)
{
  g_return_val_if_fail (i < self->industries->len, NULL);
  if (citation)
    *citation = g_ptr_array_index (self->industry_citations, i);
  return g_ptr_array_index (self->industries, i);
}

gint64
pa_zone_get_industry_id (PaZone *self, guint i, const char **entered_by)
{
  g_return_val_if_fail (i < self->industries->len, 0);
  if (entered_by)
    *entered_by = g_ptr_array_index (self->industry_entered, i);
  return g_array_index (self->industry_ids, gint64, i);
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
pa_zone_add_part_full (PaZone *self, gint64 fid, const char *name, PaPartKind kind,
                       PaGeometry *geometry, const char *entered_by)
{
  PaZonePart part = { fid, g_strdup (name), kind, pa_geometry_ref (geometry), g_strdup (entered_by) };
  g_return_if_fail (PA_IS_ZONE (self));
  g_array_append_val (self->parts, part);
  bump_generation ();
}

void
pa_zone_set_last_part_outline_from (PaZone *self, const char *outline_from)
{
  PaZonePart *part;

  g_return_if_fail (PA_IS_ZONE (self));
  g_return_if_fail (self->parts->len > 0);
  part = &g_array_index (self->parts, PaZonePart, self->parts->len - 1);
  g_free (part->outline_from);
  part->outline_from = g_strdup (outline_from);
}

void
pa_zone_add_part (PaZone *self, PaGeometry *part, gboolean schematic)
{
  pa_zone_add_part_full (self, 0, NULL, schematic ? PA_PART_SCHEMATIC : PA_PART_DISTRICT, part, NULL);
}

guint
pa_zone_get_n_parts (PaZone *self)
{
  return self->parts->len;
}

const PaZonePart *
pa_zone_get_part_info (PaZone *self, guint i)
{
  g_return_val_if_fail (i < self->parts->len, NULL);
  return &g_array_index (self->parts, PaZonePart, i);
}

PaGeometry *
pa_zone_get_part (PaZone *self, guint i, gboolean *schematic)
{
  const PaZonePart *part = pa_zone_get_part_info (self, i);
  if (!part)
    return NULL;
  if (schematic)
    *schematic = part->kind == PA_PART_SCHEMATIC;
  return part->geometry;
}

gboolean
pa_zone_is_partly_schematic (PaZone *self)
{
  gboolean real = FALSE, schematic = FALSE;
  for (guint i = 0; i < self->parts->len; i++)
    {
      if (g_array_index (self->parts, PaZonePart, i).kind == PA_PART_SCHEMATIC)
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

#define SWAP(a, b)                                                                            \
  G_STMT_START { gpointer tmp_ = (gpointer) (a); (a) = (b); (b) = tmp_; } G_STMT_END

void
pa_zone_assign (PaZone *self, PaZone *from)
{
  g_return_if_fail (PA_IS_ZONE (self));
  g_return_if_fail (PA_IS_ZONE (from));

  g_object_freeze_notify (G_OBJECT (self));
  set_string (self, &self->key, from->key, PROP_KEY);
  pa_zone_set_name (self, from->name);
  pa_zone_set_role (self, from->role);
  pa_zone_set_summary (self, from->summary);
  pa_zone_set_places (self, from->places);
  pa_zone_set_note (self, from->note);
  pa_zone_set_inference (self, from->inference);
  pa_zone_set_schematic (self, from->schematic);
  pa_zone_set_geometry (self, from->geometry);
  pa_zone_set_citation (self, from->citation);
  pa_zone_set_entered (self, from->entered_by, from->entered_at);
  pa_zone_set_land_area (self, from->land_area, from->land_area_unit, from->land_area_comparator,
                         from->land_area_citation);
  /* the collections are taken whole: @from is a fresh copy nobody else holds */
  SWAP (self->document_values, from->document_values);
  SWAP (self->industries, from->industries);
  SWAP (self->industry_citations, from->industry_citations);
  SWAP (self->industry_ids, from->industry_ids);
  SWAP (self->industry_entered, from->industry_entered);
  SWAP (self->targets, from->targets);
  SWAP (self->organisations, from->organisations);
  SWAP (self->parts, from->parts);
  bump_generation ();
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0);
}
