/* pa-plan.h — one spatial layout from one policy document ("1+3+X", "一核多中心" …).
 *
 * Holds its zones as a GListModel for the UI, the legend's roles in order, and the
 * plan-level industries, targets and organisations. Its identity survives edits:
 * PaDocument reloads it from the store and assigns the fresh copy into it.
 */
#pragma once

#include <gio/gio.h>

#include "pa-programme.h"
#include "pa-target-sum.h"
#include "pa-zone.h"

G_BEGIN_DECLS

#define PA_TYPE_PLAN (pa_plan_get_type ())
G_DECLARE_FINAL_TYPE (PaPlan, pa_plan, PA, PLAN, GObject)

PaPlan *pa_plan_new (gint64 id, const char *slug, const char *name, const char *layout);

gint64 pa_plan_get_id (PaPlan *self);
const char *pa_plan_get_slug (PaPlan *self);
const char *pa_plan_get_name (PaPlan *self);
const char *pa_plan_get_layout (PaPlan *self);
const char *pa_plan_get_region (PaPlan *self);
void pa_plan_set_region (PaPlan *self, const char *region);
/* The plan's source document; NULL for a plan a planner made. */
PaSource *pa_plan_get_source (PaPlan *self);
void pa_plan_set_source (PaPlan *self, PaSource *source);
/* "Source: 《title》, issuer, date", leaving out what the document does not give. */
char *pa_plan_describe_source (PaPlan *self);
/* The document as a reader knows it ("《title》", or its description), or what made the
 * plan when it has no document; and a tooltip's worth of detail (NULL without a document). */
char *pa_plan_dup_source_name (PaPlan *self);
char *pa_plan_dup_source_details (PaPlan *self);

/* The slug of the plan this one is a scenario of (an alternative layout), or NULL. */
void pa_plan_set_scenario_of (PaPlan *self, const char *slug, const char *name);
const char *pa_plan_get_scenario_of (PaPlan *self);
const char *pa_plan_get_scenario_of_name (PaPlan *self);
/* Who made the plan, for plans a planner made (NULL for a document's plan). */
void pa_plan_set_entered_by (PaPlan *self, const char *who);
const char *pa_plan_get_entered_by (PaPlan *self);

/* Roles in legend order. */
void pa_plan_add_role (PaPlan *self, const char *key, const char *label);
guint pa_plan_get_n_roles (PaPlan *self);
const char *pa_plan_get_role_key (PaPlan *self, guint i);
const char *pa_plan_get_role_label (PaPlan *self, guint i);
/* Index of @key among the roles, or -1. */
int pa_plan_get_role_index (PaPlan *self, const char *key);
const char *pa_plan_lookup_role_label (PaPlan *self, const char *key);

void pa_plan_add_zone (PaPlan *self, PaZone *zone);
GListModel *pa_plan_get_zones (PaPlan *self); /* of PaZone */
PaZone *pa_plan_find_zone (PaPlan *self, const char *key);
PaZone *pa_plan_find_zone_by_id (PaPlan *self, gint64 id);
gboolean pa_plan_has_schematic_zones (PaPlan *self);
/* TRUE when a planner drew or changed any zone (its entered-by is set). */
gboolean pa_plan_has_planner_zones (PaPlan *self);
/* TRUE when any zone's role or place is inferred (推定), not stated by the document. */
gboolean pa_plan_has_inferred_zones (PaPlan *self);
/* A number that changes when zones come, go or move in the list, or the plan is
 * assigned; with pa_zone_get_generation it tells a cache of the zones it is stale. */
guint pa_plan_get_revision (PaPlan *self);
/* Bounding box of all zone outlines, lon/lat. */
PaBBox pa_plan_get_extent (PaPlan *self);

/* Plan-level targets (for the overview) … */
void pa_plan_add_target (PaPlan *self, PaTarget *target);
GPtrArray *pa_plan_get_targets (PaPlan *self);
/* … and every target of the plan: plan, zone and programme level (for tables and audits). */
void pa_plan_add_any_target (PaPlan *self, PaTarget *target);
GPtrArray *pa_plan_get_all_targets (PaPlan *self);
void pa_plan_add_sum (PaPlan *self, PaTargetSum *sum);
GPtrArray *pa_plan_get_sums (PaPlan *self); /* PaTargetSum */
/* The plan's period; 0 where the document states none. */
void pa_plan_set_period (PaPlan *self, int start, int end, PaCitation *citation);
int pa_plan_get_period_start (PaPlan *self);
int pa_plan_get_period_end (PaPlan *self);
PaCitation *pa_plan_get_period_citation (PaPlan *self);
void pa_plan_add_organisation (PaPlan *self, PaOrganisation *org);
GPtrArray *pa_plan_get_organisations (PaPlan *self);
void pa_plan_add_programme (PaPlan *self, PaProgramme *programme);
GPtrArray *pa_plan_get_programmes (PaPlan *self); /* PaProgramme, in document order */
void pa_plan_add_industry (PaPlan *self, const char *name);
GPtrArray *pa_plan_get_industries (PaPlan *self); /* char* */

/* Makes @self hold what @from (a fresh load of the same plan) holds: zones with the same
 * id are updated in place (pa_zone_assign), the zone list is spliced only where zones
 * came or went, and "changed" is emitted. @from is left with the old collections. */
void pa_plan_assign (PaPlan *self, PaPlan *from);

G_END_DECLS
