/* pa-target-dialog.h — one target in a form: indicator, wording, value, unit, year,
 * baseline and growth. Numbers are checked as they are typed in (a value that is not a
 * number names the field); Save adds the target to @zone (NULL: the whole plan) or,
 * with @target set, changes that one — one edit either way. */
#pragma once

#include <adwaita.h>

#include "document/pa-document.h"

G_BEGIN_DECLS

#define PA_TYPE_TARGET_DIALOG (pa_target_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PaTargetDialog, pa_target_dialog, PA, TARGET_DIALOG, AdwWindow)

PaTargetDialog *pa_target_dialog_new (GtkWindow *parent, PaDocument *document, PaZone *zone,
                                      const PaTarget *target);
/* Sets a field by its name ("indicator", "value", "year" …), as typing would (tests). */
void pa_target_dialog_set_field (PaTargetDialog *self, const char *field, const char *text);
gboolean pa_target_dialog_save (PaTargetDialog *self, GError **error);

G_END_DECLS
