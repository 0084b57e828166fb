/* pa-zone.h — one zone of a plan's spatial layout: its outline, role and facts.
 *
 * Loaded from the store with everything the details panel and the exporter need:
 * places, industries, targets and organisations, each with its citation.
 */
#pragma once

#include "geo/pa-geometry.h"
#include "pa-citation.h"
#include "pa-organisation.h"
#include "pa-target.h"

G_BEGIN_DECLS

#define PA_TYPE_ZONE (pa_zone_get_type ())
G_DECLARE_FINAL_TYPE (PaZone, pa_zone, PA, ZONE, GObject)

PaZone *pa_zone_new (gint64 id, const char *key, const char *name, const char *role);

gint64 pa_zone_get_id (PaZone *self);
const char *pa_zone_get_key (PaZone *self);
const char *pa_zone_get_name (PaZone *self);
const char *pa_zone_get_role (PaZone *self);

const char *pa_zone_get_summary (PaZone *self);
void pa_zone_set_summary (PaZone *self, const char *summary);
/* Places joined for display: "牟平区、高新区". */
const char *pa_zone_get_places (PaZone *self);
void pa_zone_set_places (PaZone *self, const char *places);
/* TRUE when any part of the outline is schematic (示意), not a real boundary. */
gboolean pa_zone_get_schematic (PaZone *self);
void pa_zone_set_schematic (PaZone *self, gboolean schematic);
const char *pa_zone_get_note (PaZone *self);
void pa_zone_set_note (PaZone *self, const char *note);

/* The land area the document gives (NAN when it gives none), e.g. 约 3 平方公里. */
void pa_zone_set_land_area (PaZone *self, double value, const char *unit, const char *comparator,
                            PaCitation *citation);
double pa_zone_get_land_area (PaZone *self, const char **unit, const char **comparator,
                              PaCitation **citation);

PaGeometry *pa_zone_get_geometry (PaZone *self);
void pa_zone_set_geometry (PaZone *self, PaGeometry *geometry);
PaCitation *pa_zone_get_citation (PaZone *self);
void pa_zone_set_citation (PaZone *self, PaCitation *citation);

/* The zone's parts (one per place), each a real boundary or schematic. */
void pa_zone_add_part (PaZone *self, PaGeometry *part, gboolean schematic);
guint pa_zone_get_n_parts (PaZone *self);
PaGeometry *pa_zone_get_part (PaZone *self, guint i, gboolean *schematic);
/* TRUE when some parts are real boundaries and others schematic. */
gboolean pa_zone_is_partly_schematic (PaZone *self);

/* Industries: names and their citations, in parallel arrays. */
void pa_zone_add_industry (PaZone *self, const char *name, PaCitation *citation);
guint pa_zone_get_n_industries (PaZone *self);
const char *pa_zone_get_industry (PaZone *self, guint i, PaCitation **citation);

void pa_zone_add_target (PaZone *self, PaTarget *target);
GPtrArray *pa_zone_get_targets (PaZone *self); /* PaTarget, owned by the zone */
void pa_zone_add_organisation (PaZone *self, PaOrganisation *org);
GPtrArray *pa_zone_get_organisations (PaZone *self); /* PaOrganisation */

G_END_DECLS
