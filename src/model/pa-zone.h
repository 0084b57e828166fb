/* pa-zone.h — one zone of a plan's spatial layout: its outline, role and facts.
 *
 * Loaded from the store with everything the details panel and the exporter need:
 * parts (places), industries, targets and organisations, each with its citation and,
 * where a planner entered or changed it, who did and when. Its scalar fields are
 * GObject properties: PaDocument updates a zone in place after an edit
 * (pa_zone_assign), and views follow the notifications.
 */
#pragma once

#include "geo/pa-geometry.h"
#include "pa-citation.h"
#include "pa-organisation.h"
#include "pa-target.h"

G_BEGIN_DECLS

/* Where a part's outline comes from. */
typedef enum
{
  PA_PART_DISTRICT,  /* a whole district's boundary */
  PA_PART_SCHEMATIC, /* a schematic disc (示意) inside a district */
  PA_PART_DRAWN,     /* an outline the planner drew */
} PaPartKind;

typedef struct
{
  gint64 fid;         /* zone_places row; 0 for parts not from the store */
  char *name;
  PaPartKind kind;
  PaGeometry *geometry;
  char *entered_by;   /* NULL: from the document's data */
  char *outline_from; /* the boundary drawn, where it is not the place's current one */
} PaZonePart;

#define PA_TYPE_ZONE (pa_zone_get_type ())
G_DECLARE_FINAL_TYPE (PaZone, pa_zone, PA, ZONE, GObject)

PaZone *pa_zone_new (gint64 id, const char *key, const char *name, const char *role);

gint64 pa_zone_get_id (PaZone *self);
const char *pa_zone_get_key (PaZone *self);
const char *pa_zone_get_name (PaZone *self);
void pa_zone_set_name (PaZone *self, const char *name);
const char *pa_zone_get_role (PaZone *self);
void pa_zone_set_role (PaZone *self, const char *role);

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
/* Where the document does not itself state the zone's role or where it lies: the
 * compiler's reasoning (the zone is shown as inferred, 推定); NULL when the text says so. */
const char *pa_zone_get_inference (PaZone *self);
void pa_zone_set_inference (PaZone *self, const char *inference);
/* The name as a figure or list shows it: "名称（示意）", "名称（推定）", "名称（示意·推定）",
 * with " ✎" when a planner entered or changed the zone. */
char *pa_zone_dup_label (PaZone *self);

/* The land area the document gives (NAN when it gives none), e.g. 约 3 平方公里. */
void pa_zone_set_land_area (PaZone *self, double value, const char *unit, const char *comparator,
                            PaCitation *citation);
double pa_zone_get_land_area (PaZone *self, const char **unit, const char **comparator,
                              PaCitation **citation);

PaGeometry *pa_zone_get_geometry (PaZone *self);
void pa_zone_set_geometry (PaZone *self, PaGeometry *geometry);
PaCitation *pa_zone_get_citation (PaZone *self);
void pa_zone_set_citation (PaZone *self, PaCitation *citation);

/* Provenance of the zone's own fields: who entered or last changed them (NULL: as the
 * document states them), and the document's value of each field a planner changed. */
void pa_zone_set_entered (PaZone *self, const char *by, const char *at);
const char *pa_zone_get_entered_by (PaZone *self);
const char *pa_zone_get_entered_at (PaZone *self);
void pa_zone_set_document_value (PaZone *self, const char *field, const char *value);
const char *pa_zone_get_document_value (PaZone *self, const char *field);

/* The zone's parts (one per place), each a real boundary, schematic or drawn. */
void pa_zone_add_part (PaZone *self, PaGeometry *part, gboolean schematic);
void pa_zone_add_part_full (PaZone *self, gint64 fid, const char *name, PaPartKind kind,
                            PaGeometry *geometry, const char *entered_by);
/* Notes that the last part's outline comes from the boundary @outline_from (蓬莱区 drawn
 * from the pre-2020 蓬莱市): its name is the place's current one, the outline is not. */
void pa_zone_set_last_part_outline_from (PaZone *self, const char *outline_from);
guint pa_zone_get_n_parts (PaZone *self);
PaGeometry *pa_zone_get_part (PaZone *self, guint i, gboolean *schematic);
const PaZonePart *pa_zone_get_part_info (PaZone *self, guint i);
/* TRUE when some parts are real boundaries and others schematic. */
gboolean pa_zone_is_partly_schematic (PaZone *self);

/* Industries: names and their citations, in parallel arrays. */
void pa_zone_add_industry (PaZone *self, const char *name, PaCitation *citation);
void pa_zone_add_industry_full (PaZone *self, gint64 id, const char *name, PaCitation *citation,
                                const char *entered_by);
guint pa_zone_get_n_industries (PaZone *self);
const char *pa_zone_get_industry (PaZone *self, guint i, PaCitation **citation);
/* The zone_industries row of industry @i, and who entered it (NULL: the document). */
gint64 pa_zone_get_industry_id (PaZone *self, guint i, const char **entered_by);

void pa_zone_add_target (PaZone *self, PaTarget *target);
GPtrArray *pa_zone_get_targets (PaZone *self); /* PaTarget, owned by the zone */
void pa_zone_add_organisation (PaZone *self, PaOrganisation *org);
GPtrArray *pa_zone_get_organisations (PaZone *self); /* PaOrganisation */

/* Makes @self hold what @from holds (same id), notifying each property that changed;
 * keeps @self's identity so selections and list rows stay valid across edits. */
void pa_zone_assign (PaZone *self, PaZone *from);
/* A number that changes whenever any zone changes (a property, its parts, an assign);
 * caches derived from zones compare it to know they are stale. */
guint pa_zone_get_generation (void);

G_END_DECLS
