/* pa-zone-dialog.h — a zone in a form: name, role, places, notes; its parts (delete one,
 * add a district's boundary), targets, enterprises and platforms (add, edit, delete,
 * place on the map) and industries.
 *
 * For a drawn outline not yet a zone (@zone NULL, @outline set) it asks for the name and
 * role the new zone needs, then adds it. For an existing zone, Save writes every changed
 * field as one edit (one undo step); industries are added and removed at once, each an
 * edit of its own. Esc or Cancel closes without writing.
 */
#pragma once

#include <adwaita.h>

#include "document/pa-document.h"
#include "model/pa-basemap.h"

G_BEGIN_DECLS

#define PA_TYPE_ZONE_DIALOG (pa_zone_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PaZoneDialog, pa_zone_dialog, PA, ZONE_DIALOG, AdwWindow)

/* @basemap (may be NULL) lists the districts a part can be made of. */
PaZoneDialog *pa_zone_dialog_new (GtkWindow *parent, PaDocument *document, PaBasemap *basemap,
                                  PaZone *zone, PaGeometry *outline);
/* Fills the name field and presses Save, as a planner would (for tests). */
void pa_zone_dialog_set_name (PaZoneDialog *self, const char *name);
gboolean pa_zone_dialog_save (PaZoneDialog *self, GError **error);

G_END_DECLS
