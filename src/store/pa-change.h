/* pa-change.h — one edit as the rows it changed, so it can be undone and redone exactly.
 *
 * PaStore records a change while it makes it (pa_store_begin_change … commit): every
 * row inserted, updated or deleted, with its values before and after. Undo applies the
 * inverse in one transaction, redo the same rows again, each refusing with
 * PA_STORE_ERROR_CONFLICT when another program changed those rows in the meantime.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _PaChange PaChange;

#define PA_TYPE_CHANGE (pa_change_get_type ())
GType pa_change_get_type (void) G_GNUC_CONST;

PaChange *pa_change_ref (PaChange *self);
void pa_change_unref (PaChange *self);

/* What the planner did, for the Undo menu item ("Rename zone"). */
const char *pa_change_get_label (const PaChange *self);
/* Number of rows written. */
guint pa_change_get_n_rows (const PaChange *self);
/* The one zone the change is confined to (its own row, parts and industries), or 0 when
 * it reaches further (zones added or removed, targets, organisations …). */
gint64 pa_change_get_zone (const PaChange *self);
/* The row an edit created first in @table (a new zone's fid, say), or 0. */
gint64 pa_change_get_inserted (const PaChange *self, const char *table);

/* TRUE when the change wrote a row of @table. */
gboolean pa_change_touches (const PaChange *self, const char *table);
/* The plan to show after the change is redone (@after) or undone (@before): slugs kept by
 * the document, which shows the plan an undo or redo concerns. */
void pa_change_set_plans (PaChange *self, const char *before, const char *after);
const char *pa_change_get_plan_before (const PaChange *self);
const char *pa_change_get_plan_after (const PaChange *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaChange, pa_change_unref)

G_END_DECLS
