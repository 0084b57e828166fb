/* pa-exporter.h — a plan's map as a presentation figure: PDF, SVG or PNG; or its atlas.
 *
 * One page laid out by pa-figure (title, map, legend, scale bar, north arrow, notes and
 * attribution) on the paper PaExportOptions names, or with options->atlas a multi-page
 * PDF (pa-atlas). PDF and SVG keep everything as vectors. Needs no display; runs in any
 * thread. The file is written under a temporary name and renamed: a failed or
 * cancelled export leaves no partial file and any existing file as it was. The same
 * inputs give the same bytes (PDF: the creation date is SOURCE_DATE_EPOCH when set).
 */
#pragma once

#include <gio/gio.h>

#include "model/pa-basemap.h"
#include "model/pa-plan.h"
#include "pa-export-options.h"

G_BEGIN_DECLS

#define PA_EXPORT_ERROR (pa_export_error_quark ())
GQuark pa_export_error_quark (void);

typedef enum
{
  PA_EXPORT_ERROR_FORMAT,
  PA_EXPORT_ERROR_WRITE,
  PA_EXPORT_ERROR_OPTION,
} PaExportError;

typedef enum
{
  PA_EXPORT_PDF,
  PA_EXPORT_SVG,
  PA_EXPORT_PNG,
} PaExportFormat;

/* Called from the exporting thread with the share done, 0–1. */
typedef void (*PaExportProgressFunc) (double fraction, gpointer user_data);

/* The format named by @path's extension (.pdf, .svg, .png, any case). */
gboolean pa_export_format_from_path (const char *path, PaExportFormat *format, GError **error);
/* Writes the figure (or atlas) of @plan to @path as @options say. Cancelled through
 * @cancellable it fails with G_IO_ERROR_CANCELLED. */
gboolean pa_export_figure (PaPlan *plan, PaBasemap *basemap, const PaExportOptions *options,
                           const char *path, GCancellable *cancellable, PaExportProgressFunc progress,
                           gpointer progress_data, GError **error);
/* Fills the lazy caches (projected rings, label points, areas) of @plan and @basemap, so
 * an export in another thread only reads them; call in the thread that owns them. */
void pa_export_prepare (PaPlan *plan, PaBasemap *basemap);
/* The default figure: A4 landscape; @selected (may be NULL) is highlighted. */
gboolean pa_export_plan (PaPlan *plan, PaBasemap *basemap, PaZone *selected, const char *path,
                         GError **error);
/* Writes @text to @path the same way (temporary file, no debris, no silent replacement of
 * a file another writer changed meanwhile): the data exports use it too. */
gboolean pa_export_write_text (const char *path, const char *text, GError **error);

G_END_DECLS
