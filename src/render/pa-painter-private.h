/* pa-painter-private.h — what the painter's files share: colours, layouts, zone order */
#pragma once

#include <pango/pangocairo.h>

#include "pa-painter.h"
#include "pa-zone-index.h"

G_BEGIN_DECLS

extern const PaColor pa_painter_ink;
extern const PaColor pa_painter_border;

/* @msgid in the language of the figure on @cr. */
const char *pa_painter_tr (cairo_t *cr, const char *msgid) G_GNUC_FORMAT (2);
void pa_painter_set_color (cairo_t *cr, PaColor c, double alpha);
/* A layout in the CJK font at @font_px, with metrics that do not depend on the surface. */
PangoLayout *pa_painter_layout_new (cairo_t *cr, const char *text, double font_px, gboolean bold);
/* The basemap from its land tiers, water, borders and names (pa-painter-basemap.c). */
void pa_painter_draw_tiered_basemap (cairo_t *cr, const PaView *view, PaBasemap *basemap,
                                     gboolean district_borders);
/* The locator map of a figure: China (mainland, Hainan, Taiwan) in the box x, y, w × h,
 * its coarsest land and borders, with @extent (lon/lat) marked; the height a box of
 * @width needs. Without land tiers in @basemap only the sea and the mark are drawn. */
void pa_painter_locator_size (double width, double *height);
void pa_painter_draw_locator (cairo_t *cr, double x, double y, double w, double h, PaBasemap *basemap,
                              const PaBBox *extent);
/* Sets off a plan's area (@area: lon/lat) from its surroundings: the neighbours muted
 * under a veil, the area's boundary bold. */
void pa_painter_draw_area (cairo_t *cr, const PaView *view, PaGeometry *area);
/* One ring or line of normalised mercator points added to the current path, steps under
 * @min_step surface units dropped (its ends kept); closed when @closed. */
void pa_painter_path_ring (cairo_t *cr, const PaView *view, const PaPoint *pts, guint n, double min_step,
                           gboolean closed);
/* Text with a light halo (@halo wide) so it reads over any fill, its top-left at (x, y). */
void pa_painter_show_halo_text (cairo_t *cr, PangoLayout *layout, double x, double y, PaColor color, double halo);
/* A thin line from a zone's anchor (ax, ay) to its w × h label at (lx, ly), when the label
 * had to move away from it. */
void pa_painter_draw_leader (cairo_t *cr, double ax, double ay, double lx, double ly, int w, int h);
/* Where the names go in @view (PaPlacedLabel, each holding its layout): zones whose label
 * point is in view, smallest first, then the names of @districts where they fit. */
GArray *pa_painter_place_labels (cairo_t *cr, const PaView *view, PaZoneIndex *index, PaZone *selected,
                                 PaBasemap *districts, double font_px, gboolean every_zone);
/* The same in slices, for idle time: a job holds the zones in view; each step places the
 * names of up to @n_zones of them, the last step the districts' too, and says whether it
 * was the last. The job keeps @cr and @districts, not @index. */
typedef struct _PaLabelJob PaLabelJob;
PaLabelJob *pa_painter_label_job_new (cairo_t *cr, const PaView *view, PaZoneIndex *index, PaZone *selected,
                                      PaBasemap *districts, double font_px, gboolean every_zone);
gboolean pa_painter_label_job_step (PaLabelJob *job, guint n_zones);
/* The placed names (PaPlacedLabel), once the last step is done; owned by the job. */
GArray *pa_painter_label_job_get_labels (PaLabelJob *job);
void pa_painter_label_job_free (PaLabelJob *job);
/* The clear function of an array of PaPlacedLabel. */
void pa_painter_placed_label_clear (gpointer label);
/* The plan's zones that have an outline, largest first (paint order). */
GPtrArray *pa_painter_zones_by_area (PaPlan *plan);

G_END_DECLS
