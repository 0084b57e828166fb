/* pa-basemap.h — what the offline basemap draws: land in tiers of detail, rivers,
 * borders, place names, and district outlines.
 *
 * Loaded once from the store; immutable afterwards, so tile threads read it freely
 * (the only thing that changes is pa_basemap_get_derived's cache, behind a lock).
 */
#pragma once

#include "geo/pa-geometry.h"

G_BEGIN_DECLS

#define PA_TYPE_BASEMAP (pa_basemap_get_type ())
G_DECLARE_FINAL_TYPE (PaBasemap, pa_basemap, PA, BASEMAP, GObject)

PaBasemap *pa_basemap_new (void);
void pa_basemap_add_land (PaBasemap *self, PaGeometry *land);
void pa_basemap_add_district (PaBasemap *self, const char *code, const char *name,
                              PaGeometry *outline);
/* Boxes the land data cover: inside, what is not land is sea; outside, nothing is known. */
void pa_basemap_add_coverage (PaBasemap *self, const PaBBox *box);
guint pa_basemap_get_n_coverage (PaBasemap *self);
const PaBBox *pa_basemap_get_coverage (PaBasemap *self, guint i);
guint pa_basemap_get_n_land (PaBasemap *self);
PaGeometry *pa_basemap_get_land (PaBasemap *self, guint i);
guint pa_basemap_get_n_districts (PaBasemap *self);
PaGeometry *pa_basemap_get_district (PaBasemap *self, guint i, const char **code,
                                     const char **name);
/* The district whose outline contains (lon, lat), or NULL. */
const char *pa_basemap_find_district_at (PaBasemap *self, double lon, double lat,
                                         const char **name);
PaGeometry *pa_basemap_lookup_district (PaBasemap *self, const char *code);

/* Land of one tier: drawn from @min_zoom on, inside @coverage, over the coarser tiers;
 * inside a drawn tier what is not land is water. A basemap with tiers has no "no data". */
void pa_basemap_add_tier (PaBasemap *self, int tier, int min_zoom, const PaBBox *coverage,
                          PaGeometry *land);
guint pa_basemap_get_n_tiers (PaBasemap *self);
PaGeometry *pa_basemap_get_tier (PaBasemap *self, guint i, int *tier, int *min_zoom,
                                 PaBBox *coverage);

typedef enum
{
  PA_BASEMAP_RIVER,
  PA_BASEMAP_COUNTRY_BORDER,
  PA_BASEMAP_PROVINCE_BORDER,
} PaBasemapLineKind;

/* Lines: each part of @lines holds one open ring (see pa_gpkg_blob_to_lines). A river
 * belongs to land tier @tier and is drawn where that tier is; borders have tier -1. */
void pa_basemap_add_lines (PaBasemap *self, PaBasemapLineKind kind, int tier, int min_zoom,
                           PaGeometry *lines);
guint pa_basemap_get_n_lines (PaBasemap *self);
PaGeometry *pa_basemap_get_lines (PaBasemap *self, guint i, PaBasemapLineKind *kind, int *tier,
                                  int *min_zoom);

typedef enum
{
  PA_BASEMAP_NAME_COUNTRY,
  PA_BASEMAP_NAME_PROVINCE,
  PA_BASEMAP_NAME_CITY,
  PA_BASEMAP_NAME_DISTRICT,
} PaBasemapNameKind;

typedef struct
{
  char *name;
  PaBasemapNameKind kind;
  int rank;     /* lower keeps its place when two names clash */
  int min_zoom; /* shown from this zoom on */
  double lon, lat;
} PaBasemapName;

void pa_basemap_add_name (PaBasemap *self, const char *name, PaBasemapNameKind kind, int rank,
                          int min_zoom, double lon, double lat);
guint pa_basemap_get_n_names (PaBasemap *self);
const PaBasemapName *pa_basemap_get_name (PaBasemap *self, guint i);

/* Data derived from the basemap once and shared by every thread (the names placed at a
 * zoom): the value under @key, made by @make on first use while a lock is held. */
typedef gpointer (*PaBasemapMakeFunc) (PaBasemap *self, gpointer user_data);
gpointer pa_basemap_get_derived (PaBasemap *self, const char *key, PaBasemapMakeFunc make,
                                 gpointer user_data, GDestroyNotify destroy);

G_END_DECLS
