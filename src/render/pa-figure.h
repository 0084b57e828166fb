/* pa-figure.h — the layout of a map figure on a page: title block, the map in its frame
 * with legend, scale bar and north arrow placed where they cover the fewest zones, and
 * the footer of notes and attribution. Drawing is the painter's; the exporter, the
 * atlas and the export dialog's preview all call this with their own cairo_t.
 */
#pragma once

#include <cairo.h>

#include "geo/pa-view.h"
#include "model/pa-basemap.h"
#include "model/pa-plan.h"
#include "pa-export-options.h"

G_BEGIN_DECLS

/* Sizes of type and margins for a page: 1 on A4, larger on larger paper. */
double pa_figure_page_scale (double page_w, double page_h);

/* The map of @plan in the frame (x, y, w, h) as @options choose (extent, basemap, legend,
 * scale bar, north arrow); @focus (may be NULL) is shown with the other zones muted.
 * @k scales type and furniture. Returns the view used in @view_out (may be NULL). */
void pa_figure_draw_map (cairo_t *cr, PaPlan *plan, PaBasemap *basemap, const PaExportOptions *options,
                         PaZone *focus, double x, double y, double w, double h, double k,
                         PaView *view_out);

/* The same, giving where each zone's label went (PaLabelPlacement, free with
 * g_array_unref) in @labels_out, and the boxes (PaBBox, on the surface) of the legend,
 * scale bar, north arrow, locator and key of numbered zones that were placed in the
 * frame in @furniture_out (each may be NULL). */
void pa_figure_draw_map_full (cairo_t *cr, PaPlan *plan, PaBasemap *basemap, const PaExportOptions *options,
                              PaZone *focus, double x, double y, double w, double h, double k,
                              PaView *view_out, GArray **labels_out, GArray **furniture_out);

/* The whole single-page figure on a page_w × page_h surface (PostScript points). */
void pa_figure_draw (cairo_t *cr, PaPlan *plan, PaBasemap *basemap, const PaExportOptions *options,
                     double page_w, double page_h);

void pa_figure_draw_full (cairo_t *cr, PaPlan *plan, PaBasemap *basemap, const PaExportOptions *options,
                          double page_w, double page_h, GArray **labels_out);

/* The figure's title, subtitle and footer text as @options and the plan give them. */
char *pa_figure_dup_title (PaPlan *plan, const PaExportOptions *options);
char *pa_figure_dup_subtitle (PaPlan *plan, const PaExportOptions *options);
char *pa_figure_dup_notes (PaPlan *plan, const PaExportOptions *options);

/* The area a plan plans: the district its zones all lie in, or their city's districts;
 * NULL without districts. Owned by @basemap. */
PaGeometry *pa_figure_plan_area (PaBasemap *basemap, PaPlan *plan);

G_END_DECLS
