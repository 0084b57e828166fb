/* pa-exporter.h — a plan's map as a presentation figure: PDF, SVG or PNG.
 *
 * One A4-landscape page: title, source line, the map (basemap, zones, labels), legend,
 * scale bar, north arrow, the 示意 note and the data attribution. PDF and SVG keep
 * everything as vectors. Needs no display.
 */
#pragma once

#include "model/pa-basemap.h"
#include "model/pa-plan.h"

G_BEGIN_DECLS

#define PA_EXPORT_ERROR (pa_export_error_quark ())
GQuark pa_export_error_quark (void);

typedef enum
{
  PA_EXPORT_ERROR_FORMAT,
  PA_EXPORT_ERROR_WRITE,
} PaExportError;

typedef enum
{
  PA_EXPORT_PDF,
  PA_EXPORT_SVG,
  PA_EXPORT_PNG,
} PaExportFormat;

/* The format named by @path's extension (.pdf, .svg, .png, any case). */
gboolean pa_export_format_from_path (const char *path, PaExportFormat *format, GError **error);
/* Writes the figure of @plan to @path; @selected (may be NULL) is highlighted. */
gboolean pa_export_plan (PaPlan *plan, PaBasemap *basemap, PaZone *selected, const char *path,
                         GError **error);
/* Writes @text to @path the same way (temporary file, no debris, no silent replacement of
 * a file another writer changed meanwhile): the data exports use it too. */
gboolean pa_export_write_text (const char *path, const char *text, GError **error);

G_END_DECLS
