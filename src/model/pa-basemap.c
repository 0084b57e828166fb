/* pa-basemap.c */
#include "pa-basemap.h"

struct _PaBasemap
{
  GObject parent_instance;
  GPtrArray *land;      /* PaGeometry */
  GPtrArray *districts; /* PaGeometry */
  GPtrArray *codes, *names;
  GArray *coverage; /* PaBBox */
  GArray *tiers;    /* Tier */
  GArray *lines;    /* Lines */
  GArray *places;   /* PaBasemapName */
  GMutex derived_lock;
  GHashTable *derived; /* key -> Derived */
};

typedef struct
{
  PaGeometry *land;
  int tier, min_zoom;
  PaBBox coverage;
} Tier;

typedef struct
{
  PaGeometry *geometry;
  PaBasemapLineKind kind;
  int tier, min_zoom;
} Lines;

typedef struct
{
  gpointer value;
  GDestroyNotify destroy;
} Derived;

static void
tier_clear (Tier *t)
{
  pa_geometry_unref (t->land);
}

static void
lines_clear (Lines *l)
{
  pa_geometry_unref (l->geometry);
}

static void
name_clear (PaBasemapName *n)
{
  g_free (n->name);
}

static void
derived_free (Derived *d)
{
  if (d->destroy)
    d->destroy (d->value);
  g_free (d);
}

G_DEFINE_FINAL_TYPE (PaBasemap, pa_basemap, G_TYPE_OBJECT)

static void
pa_basemap_finalize (GObject *object)
{
  PaBasemap *self = PA_BASEMAP (object);
  g_ptr_array_unref (self->land);
  g_ptr_array_unref (self->districts);
  g_ptr_array_unref (self->codes);
  g_ptr_array_unref (self->names);
  g_array_unref (self->coverage);
  g_array_unref (self->tiers);
  g_array_unref (self->lines);
  g_array_unref (self->places);
  g_hash_table_unref (self->derived);
  g_mutex_clear (&self->derived_lock);
  G_OBJECT_CLASS (pa_basemap_parent_class)->finalize (object);
}

static void
pa_basemap_class_init (PaBasemapClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pa_basemap_finalize;
}

static void
pa_basemap_init (PaBasemap *self)
{
  self->land = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_geometry_unref);
  self->districts = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_geometry_unref);
  self->codes = g_ptr_array_new_with_free_func (g_free);
  self->names = g_ptr_array_new_with_free_func (g_free);
  self->coverage = g_array_new (FALSE, FALSE, sizeof (PaBBox));
  self->tiers = g_array_new (FALSE, FALSE, sizeof (Tier));
  g_array_set_clear_func (self->tiers, (GDestroyNotify) tier_clear);
  self->lines = g_array_new (FALSE, FALSE, sizeof (Lines));
  g_array_set_clear_func (self->lines, (GDestroyNotify) lines_clear);
  self->places = g_array_new (FALSE, FALSE, sizeof (PaBasemapName));
  g_array_set_clear_func (self->places, (GDestroyNotify) name_clear);
  g_mutex_init (&self->derived_lock);
  self->derived = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) derived_free);
}

void
pa_basemap_add_coverage (PaBasemap *self, const PaBBox *box)
{
  g_array_append_vals (self->coverage, box, 1);
}

guint
pa_basemap_get_n_coverage (PaBasemap *self)
{
  return self->coverage->len;
}

const PaBBox *
pa_basemap_get_coverage (PaBasemap *self, guint i)
{
  g_return_val_if_fail (i < self->coverage->len, NULL);
  return &g_array_index (self->coverage, PaBBox, i);
}

PaBasemap *
pa_basemap_new (void)
{
  return g_object_new (PA_TYPE_BASEMAP, NULL);
}

void
pa_basemap_add_land (PaBasemap *self, PaGeometry *land)
{
  g_ptr_array_add (self->land, pa_geometry_ref (land));
}

void
pa_basemap_add_district (PaBasemap *self, const char *code, const char *name, PaGeometry *outline)
{
  g_ptr_array_add (self->districts, pa_geometry_ref (outline));
  g_ptr_array_add (self->codes, g_strdup (code));
  g_ptr_array_add (self->names, g_strdup (name));
}

guint pa_basemap_get_n_land (PaBasemap *self) { return self->land->len; }
guint pa_basemap_get_n_districts (PaBasemap *self) { return self->districts->len; }

PaGeometry *
pa_basemap_get_land (PaBasemap *self, guint i)
{
  g_return_val_if_fail (i < self->land->len, NULL);
  return g_ptr_array_index (self->land, i);
}

PaGeometry *
pa_basemap_get_district (PaBasemap *self, guint i, const char **code, const char **name)
{
  g_return_val_if_fail (i < self->districts->len, NULL);
  if (code)
    *code = g_ptr_array_index (self->codes, i);
  if (name)
    *name = g_ptr_array_index (self->names, i);
  return g_ptr_array_index (self->districts, i);
}

const char *
pa_basemap_find_district_at (PaBasemap *self, double lon, double lat, const char **name)
{
  for (guint i = 0; i < self->districts->len; i++)
    if (pa_geometry_contains_point (g_ptr_array_index (self->districts, i), lon, lat))
      {
        if (name)
          *name = g_ptr_array_index (self->names, i);
        return g_ptr_array_index (self->codes, i);
      }
  return NULL;
}

PaGeometry *
pa_basemap_lookup_district (PaBasemap *self, const char *code)
{
  for (guint i = 0; i < self->codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->codes, i), code) == 0)
      return g_ptr_array_index (self->districts, i);
  return NULL;
}

void
pa_basemap_add_tier (PaBasemap *self, int tier, int min_zoom, const PaBBox *coverage, PaGeometry *land)
{
  Tier t = { pa_geometry_ref (land), tier, min_zoom, *coverage };
  g_return_if_fail (PA_IS_BASEMAP (self));
  g_array_append_val (self->tiers, t);
}

guint
pa_basemap_get_n_tiers (PaBasemap *self)
{
  g_return_val_if_fail (PA_IS_BASEMAP (self), 0);
  return self->tiers->len;
}

PaGeometry *
pa_basemap_get_tier (PaBasemap *self, guint i, int *tier, int *min_zoom, PaBBox *coverage)
{
  Tier *t;
  g_return_val_if_fail (PA_IS_BASEMAP (self) && i < self->tiers->len, NULL);
  t = &g_array_index (self->tiers, Tier, i);
  if (tier)
    *tier = t->tier;
  if (min_zoom)
    *min_zoom = t->min_zoom;
  if (coverage)
    *coverage = t->coverage;
  return t->land;
}

void
pa_basemap_add_lines (PaBasemap *self, PaBasemapLineKind kind, int tier, int min_zoom, PaGeometry *lines)
{
  Lines l = { pa_geometry_ref (lines), kind, tier, min_zoom };
  g_return_if_fail (PA_IS_BASEMAP (self));
  g_array_append_val (self->lines, l);
}

guint
pa_basemap_get_n_lines (PaBasemap *self)
{
  g_return_val_if_fail (PA_IS_BASEMAP (self), 0);
  return self->lines->len;
}

PaGeometry *
pa_basemap_get_lines (PaBasemap *self, guint i, PaBasemapLineKind *kind, int *tier, int *min_zoom)
{
  Lines *l;
  g_return_val_if_fail (PA_IS_BASEMAP (self) && i < self->lines->len, NULL);
  l = &g_array_index (self->lines, Lines, i);
  if (kind)
    *kind = l->kind;
  if (tier)
    *tier = l->tier;
  if (min_zoom)
    *min_zoom = l->min_zoom;
  return l->geometry;
}

void
pa_basemap_add_name (PaBasemap *self, const char *name, PaBasemapNameKind kind, int rank, int min_zoom,
                     double lon, double lat)
{
  PaBasemapName n = { g_strdup (name), kind, rank, min_zoom, lon, lat };
  g_return_if_fail (PA_IS_BASEMAP (self) && name);
  g_array_append_val (self->places, n);
}

guint
pa_basemap_get_n_names (PaBasemap *self)
{
  g_return_val_if_fail (PA_IS_BASEMAP (self), 0);
  return self->places->len;
}

const PaBasemapName *
pa_basemap_get_name (PaBasemap *self, guint i)
{
  g_return_val_if_fail (PA_IS_BASEMAP (self) && i < self->places->len, NULL);
  return &g_array_index (self->places, PaBasemapName, i);
}

gpointer
pa_basemap_get_derived (PaBasemap *self, const char *key, PaBasemapMakeFunc make, gpointer user_data,
                        GDestroyNotify destroy)
{
  Derived *d;
  g_return_val_if_fail (PA_IS_BASEMAP (self) && key && make, NULL);
  g_mutex_lock (&self->derived_lock);
  d = g_hash_table_lookup (self->derived, key);
  if (!d)
    {
      d = g_new0 (Derived, 1);
      d->value = make (self, user_data);
      d->destroy = destroy;
      g_hash_table_insert (self->derived, g_strdup (key), d);
    }
  g_mutex_unlock (&self->derived_lock);
  return d->value;
}
