/* pa-store-edit.h — the edits a planner makes, as the store writes them.
 *
 * Every edit happens inside a change: pa_store_begin_change() opens one transaction,
 * the pa_store_edit_*() calls write rows and record them in the change, and
 * pa_store_commit_change() makes them durable (or pa_store_abort_change() forgets them).
 * PaDocument is the only caller; it keeps the changes for undo and redo.
 *
 * Provenance is written here: a row a planner creates or changes records who and when
 * (entered_by, entered_at), and the first change to a cited field keeps the document's
 * own value in document_values.
 */
#pragma once

#include "model/pa-organisation.h"
#include "model/pa-target.h"
#include "model/pa-zone.h"
#include "pa-change.h"
#include "pa-store.h"

G_BEGIN_DECLS

PaChange *pa_store_begin_change (PaStore *self, const char *label, GError **error);
gboolean pa_store_commit_change (PaStore *self, PaChange *change, GError **error);
void pa_store_abort_change (PaStore *self, PaChange *change);
/* Each in a transaction of its own; PA_STORE_ERROR_CONFLICT when another program
 * changed the rows since. */
gboolean pa_store_undo_change (PaStore *self, PaChange *change, GError **error);
gboolean pa_store_redo_change (PaStore *self, PaChange *change, GError **error);

/* Who is editing ("Real Name" or the login name) and now, ISO 8601 UTC. */
char *pa_store_editor_name (void);
/* The name edits record from now on (the Preferences' "Your name"); NULL for the
 * account's full name. */
void pa_store_set_editor_name (const char *name);

/* Zones. @field is one of name, role, summary, places, note. */
gboolean pa_store_edit_zone_field (PaStore *self, PaChange *change, gint64 zone, const char *field,
                                   const char *value, GError **error);
gint64 pa_store_edit_add_zone (PaStore *self, PaChange *change, gint64 plan, const char *name,
                               const char *role, GError **error);
/* Removes the zone with its parts, industries and targets; its organisations and
 * programmes stay in the plan, no longer tied to a zone. */
gboolean pa_store_edit_delete_zone (PaStore *self, PaChange *change, gint64 zone, GError **error);

/* Parts; the zone's outline (the union of its parts) follows each change. */
gint64 pa_store_edit_add_part (PaStore *self, PaChange *change, gint64 zone, const char *name,
                               PaPartKind kind, PaGeometry *geometry, const char *district_code,
                               GError **error);
/* Gives part @part a new outline; it becomes a drawn part (a schematic disc becomes an
 * outline the planner can reshape). */
gboolean pa_store_edit_set_part_outline (PaStore *self, PaChange *change, gint64 part,
                                         PaGeometry *geometry, GError **error);
gboolean pa_store_edit_delete_part (PaStore *self, PaChange *change, gint64 part, GError **error);

/* Industries of a zone, by name (a new name joins the shared vocabulary). */
gint64 pa_store_edit_add_zone_industry (PaStore *self, PaChange *change, gint64 zone,
                                        const char *industry, GError **error);
gboolean pa_store_edit_remove_zone_industry (PaStore *self, PaChange *change, gint64 zone_industry,
                                             GError **error);

/* Targets: @target's indicator, comparator, value, value_text, unit, year, baseline,
 * growth_rate and increase are written; @zone 0 for a plan-level target. */
gint64 pa_store_edit_add_target (PaStore *self, PaChange *change, gint64 plan, gint64 zone,
                                 const PaTarget *target, GError **error);
gboolean pa_store_edit_update_target (PaStore *self, PaChange *change, gint64 id,
                                      const PaTarget *target, GError **error);
gboolean pa_store_edit_delete_target (PaStore *self, PaChange *change, gint64 id, GError **error);

/* Enterprises, institutions, platforms: name, kind, role, responsible, industry (and, with
 * lon/lat set, where it is); @zone 0 for none. */
gint64 pa_store_edit_add_organisation (PaStore *self, PaChange *change, gint64 plan, gint64 zone,
                                       const PaOrganisation *org, GError **error);
gboolean pa_store_edit_update_organisation (PaStore *self, PaChange *change, gint64 id,
                                            const PaOrganisation *org, GError **error);
gboolean pa_store_edit_move_organisation (PaStore *self, PaChange *change, gint64 id, gint64 zone,
                                          GError **error);
/* Puts the organisation at (lon, lat) on the map (NAN, NAN removes it from the map). */
gboolean pa_store_edit_place_organisation (PaStore *self, PaChange *change, gint64 id, double lon,
                                           double lat, GError **error);
gboolean pa_store_edit_delete_organisation (PaStore *self, PaChange *change, gint64 id,
                                            GError **error);

/* Plans (pa-store-edit-plan.c). A copy of plan @slug named @name, marked as its scenario;
 * returns the new plan's slug. */
char *pa_store_edit_duplicate_plan (PaStore *self, PaChange *change, const char *slug, const char *name,
                                   GError **error);
/* A new plan with no source document and a starting legend; returns its slug. */
char *pa_store_edit_add_plan (PaStore *self, PaChange *change, const char *name, const char *layout,
                              const char *region, GError **error);

G_END_DECLS
