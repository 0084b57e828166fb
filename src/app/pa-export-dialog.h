/* pa-export-dialog.h — the export dialog: paper, language, extent, what to show and the
 * title block beside a live preview drawn by the same figure code the file will be
 * written with. Choices are remembered (GSettings "export-*" keys). Export runs in a
 * thread with progress and Cancel; a cancelled or failed export leaves no partial file
 * and says why in the dialog.
 */
#pragma once

#include <adwaita.h>

#include "model/pa-basemap.h"
#include "model/pa-plan.h"
#include "render/pa-export-options.h"

G_BEGIN_DECLS

#define PA_TYPE_EXPORT_DIALOG (pa_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PaExportDialog, pa_export_dialog, PA, EXPORT_DIALOG, AdwWindow)

/* @selected (may be NULL) is the window's selection, @view_box (may be NULL) what the
 * map shows; @settings (may be NULL) keeps the choices. */
PaExportDialog *pa_export_dialog_new (GtkWindow *parent, PaPlan *plan, PaBasemap *basemap, PaZone *selected,
                                      const PaBBox *view_box, GSettings *settings);
/* The raster tiles the window shows over the basemap: a web map the planner turned on
 * and a tile pack (each may be NULL), drawn into the preview and the figure. */
void pa_export_dialog_set_tiles (PaExportDialog *self, PaTileProvider *web, PaTileProvider *pack);
/* TRUE while the preview of the options is being drawn (in a thread); the last one drawn,
 * or NULL before the first. */
gboolean pa_export_dialog_is_previewing (PaExportDialog *self);
cairo_surface_t *pa_export_dialog_get_preview (PaExportDialog *self);
/* The options the dialog's widgets say (free with pa_export_options_clear). */
void pa_export_dialog_get_options (PaExportDialog *self, PaExportOptions *options);
/* "<plan>[-<zone>][-atlas]-<page>.<ext>" for the chosen format. */
char *pa_export_dialog_suggest_name (PaExportDialog *self);
/* Starts writing @path in a thread (what the Export button does after the file chooser). */
void pa_export_dialog_export_to (PaExportDialog *self, const char *path);
void pa_export_dialog_cancel (PaExportDialog *self);
gboolean pa_export_dialog_is_busy (PaExportDialog *self);
/* The last export's outcome as the dialog shows it ("" before any). */
const char *pa_export_dialog_get_status (PaExportDialog *self);

G_END_DECLS
