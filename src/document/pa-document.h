/* pa-document.h — the open planning database as the window, the map layers and the
 * command line see it: one plan, the selected zone, the audit of that plan, and the
 * history of edits.
 *
 * Every change to the data goes through the edit functions below: each writes the store
 * in one transaction (recorded as a PaChange), updates the plan in place (zones keep
 * their identity), reruns the audit and emits "changed". Undo and redo replay the same
 * changes. Views follow the properties ("plan", "selected-zone", "findings", "can-undo",
 * …) and the signal; none of them holds state of its own. No GTK here.
 *
 * Zones and the plan keep their identity across edits, but their collections (targets,
 * organisations, parts, industries — the GPtrArrays and records in them) are replaced:
 * an array or record read before an edit is not to be used after it (take a reference
 * to a record to keep it; find what to edit first, then edit).
 */
#pragma once

#include "model/pa-plan.h"
#include "store/pa-change.h"
#include "store/pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_DOCUMENT (pa_document_get_type ())
G_DECLARE_FINAL_TYPE (PaDocument, pa_document, PA, DOCUMENT, GObject)

PaDocument *pa_document_new (PaStore *store);
PaStore *pa_document_get_store (PaDocument *self);

/* Shows plan @slug (loading it from the store); clears the selection and the history of
 * the previous plan's view but not its edits, which are in the file. */
gboolean pa_document_open_plan (PaDocument *self, const char *slug, GError **error);
PaPlan *pa_document_get_plan (PaDocument *self);
/* The plan's zones (PaZone); the same model for as long as the plan is open. */
GListModel *pa_document_get_zones (PaDocument *self);
/* Every target of the plan (PaTargetItem) and every organisation (PaOrganisationItem),
 * refreshed after each edit. */
GListModel *pa_document_get_targets (PaDocument *self);
GListModel *pa_document_get_organisations (PaDocument *self);

PaZone *pa_document_get_selected_zone (PaDocument *self);
void pa_document_select_zone (PaDocument *self, PaZone *zone);

/* The audit's findings for the plan (PaFinding), rerun after every edit. */
GPtrArray *pa_document_get_findings (PaDocument *self);

/* What the plan changes against the plan it is a scenario of (PaDiffItem, see
 * pa-plan-diff.h); NULL for a plan that is no scenario. Follows every edit. */
GPtrArray *pa_document_get_differences (PaDocument *self);
/* The plans in the file, as pa_store_list_plans gives them; "plans-changed" says when
 * to ask again. */
GPtrArray *pa_document_list_plans (PaDocument *self, GError **error);
/* A copy of the plan shown, named @name, as a scenario of it; the copy is shown. */
gboolean pa_document_duplicate_plan (PaDocument *self, const char *name, GError **error);
/* A new plan with no source document; it is shown. */
gboolean pa_document_new_plan (PaDocument *self, const char *name, const char *layout,
                               const char *region, GError **error);

/* History, across the plans of the session: undoing an edit of another plan shows it
 * first. Labels are what the planner did ("Rename zone"); NULL when there is none. */
gboolean pa_document_can_undo (PaDocument *self);
gboolean pa_document_can_redo (PaDocument *self);
const char *pa_document_get_undo_label (PaDocument *self);
const char *pa_document_get_redo_label (PaDocument *self);
gboolean pa_document_undo (PaDocument *self, GError **error);
gboolean pa_document_redo (PaDocument *self, GError **error);

/* Reloads the plan when another program (QGIS, a second Park Atlas) committed to the
 * file since we last looked; TRUE when it did. Cheap: one PRAGMA. */
gboolean pa_document_check_external_changes (PaDocument *self);

/* A compound edit (an import, a drawn zone with its first part): the pa_store_edit_*()
 * calls in between all land in one transaction and undo as one step. @ok says whether
 * they succeeded; on FALSE nothing is written. */
PaChange *pa_document_begin_edit (PaDocument *self, const char *label, GError **error);
gboolean pa_document_end_edit (PaDocument *self, PaChange *change, gboolean ok, GError **error);

/* The edits. Zones are the plan's (pa_document_get_zones). */
gboolean pa_document_set_zone_field (PaDocument *self, PaZone *zone, const char *field,
                                     const char *value, GError **error);
/* Several fields of @zone in one edit (one undo step): @fields and @values are
 * NULL-terminated and parallel; fields as pa_store_edit_zone_field takes them. */
gboolean pa_document_update_zone (PaDocument *self, PaZone *zone, const char *const *fields,
                                  const char *const *values, GError **error);
/* A new zone whose outline is @outline (a drawn part); returns it, selected. */
PaZone *pa_document_add_zone (PaDocument *self, const char *name, const char *role,
                              PaGeometry *outline, GError **error);
gboolean pa_document_delete_zone (PaDocument *self, PaZone *zone, GError **error);
gboolean pa_document_add_part (PaDocument *self, PaZone *zone, PaGeometry *outline,
                               GError **error);
/* The boundary of district @code (GB/T 2260) becomes a part of @zone. */
gboolean pa_document_add_district_part (PaDocument *self, PaZone *zone, const char *code,
                                        GError **error);
/* Part @index of @zone gets @outline and becomes a drawn part. */
gboolean pa_document_set_part_outline (PaDocument *self, PaZone *zone, guint index,
                                       PaGeometry *outline, GError **error);
gboolean pa_document_delete_part (PaDocument *self, PaZone *zone, guint index, GError **error);
gboolean pa_document_add_industry (PaDocument *self, PaZone *zone, const char *industry,
                                   GError **error);
gboolean pa_document_remove_industry (PaDocument *self, PaZone *zone, guint index,
                                      GError **error);
/* @zone NULL: a plan-level target. */
gboolean pa_document_add_target (PaDocument *self, PaZone *zone, const PaTarget *target,
                                 GError **error);
gboolean pa_document_update_target (PaDocument *self, const PaTarget *old,
                                    const PaTarget *target, GError **error);
gboolean pa_document_delete_target (PaDocument *self, const PaTarget *target, GError **error);
gboolean pa_document_add_organisation (PaDocument *self, PaZone *zone, const PaOrganisation *org,
                                       GError **error);
gboolean pa_document_update_organisation (PaDocument *self, const PaOrganisation *old,
                                          const PaOrganisation *org, GError **error);
gboolean pa_document_move_organisation (PaDocument *self, const PaOrganisation *org,
                                        PaZone *zone, GError **error);
gboolean pa_document_place_organisation (PaDocument *self, const PaOrganisation *org,
                                         double lon, double lat, GError **error);
gboolean pa_document_delete_organisation (PaDocument *self, const PaOrganisation *org,
                                          GError **error);

G_END_DECLS
