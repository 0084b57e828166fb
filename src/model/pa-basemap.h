/* pa-basemap.h — what the offline basemap draws: land polygons and district outlines.
 *
 * Loaded once from the store; immutable afterwards, so tile threads read it freely.
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

G_END_DECLS
