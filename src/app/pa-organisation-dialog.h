/* pa-organisation-dialog.h — an enterprise, institution or platform in a form: name,
 * kind, role, industry and the zone it belongs to. Save adds it or, with @org set,
 * changes it (moving it to another zone is part of the same form: two edits, undone one
 * by one). Placing it on the map is the zone dialog's "Place" button. */
#pragma once

#include <adwaita.h>

#include "document/pa-document.h"

G_BEGIN_DECLS

#define PA_TYPE_ORGANISATION_DIALOG (pa_organisation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PaOrganisationDialog, pa_organisation_dialog, PA, ORGANISATION_DIALOG, AdwWindow)

PaOrganisationDialog *pa_organisation_dialog_new (GtkWindow *parent, PaDocument *document, PaZone *zone,
                                                  const PaOrganisation *org);
void pa_organisation_dialog_set_name (PaOrganisationDialog *self, const char *name);
gboolean pa_organisation_dialog_save (PaOrganisationDialog *self, GError **error);

G_END_DECLS
