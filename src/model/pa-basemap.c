/* pa-basemap.c */
#include "pa-basemap.h"

struct _PaBasemap
{
  GObject parent_instance;
  GPtrArray *land;      /* PaGeometry */
  GPtrArray *districts; /* PaGeometry */
  GPtrArray *codes, *names;
  GArray *coverage; /* PaBBox */
};

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
