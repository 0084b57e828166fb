/* pa-atlas.h — a plan as a booklet: an overview page (the whole layout, legend and a
 * table of contents), a page per zone (its map with the neighbours muted; role, places,
 * industries, enterprises and platforms, and its targets as a table), then the sources
 * (documents by title, issuer, date) and the audit's findings. Page numbers on every
 * page; text and tables too long for a page continue on the next.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "pa-exporter.h"

G_BEGIN_DECLS

/* Draws every page on @cr (a PDF surface, page_w × page_h points), showing each.
 * Returns FALSE when @cancellable was cancelled between pages. */
gboolean pa_atlas_draw (cairo_t *cr, PaPlan *plan, PaBasemap *basemap, const PaExportOptions *options,
                        double page_w, double page_h, GCancellable *cancellable,
                        PaExportProgressFunc progress, gpointer progress_data);
/* Page @page (from 1) alone on @cr, nothing shown: a preview. */
void pa_atlas_draw_page (cairo_t *cr, PaPlan *plan, PaBasemap *basemap, const PaExportOptions *options,
                         double page_w, double page_h, guint page);
/* How many pages the atlas of @plan takes on that paper. */
guint pa_atlas_count_pages (cairo_t *cr, PaPlan *plan, const PaExportOptions *options, double page_w,
                            double page_h);

G_END_DECLS
