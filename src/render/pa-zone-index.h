/* pa-zone-index.h — a plan's zones ready for drawing: in paint order (largest first),
 * with their Web Mercator boxes in a grid, so a frame asks for the zones in view instead
 * of sorting and testing every zone of the plan.
 *
 * Built on first use after a change (pa_plan_get_revision, pa_zone_get_generation) and
 * kept with the plan; a caller holds a reference for as long as it draws.
 */
#pragma once

#include <pango/pangocairo.h>

#include "geo/pa-snap.h"
#include "geo/pa-view.h"
#include "model/pa-plan.h"

G_BEGIN_DECLS

typedef struct _PaZoneIndex PaZoneIndex;

/* The plan's index, up to date; a new reference. */
PaZoneIndex *pa_zone_index_ref_for_plan (PaPlan *plan);
void pa_zone_index_unref (PaZoneIndex *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaZoneIndex, pa_zone_index_unref)

/* Zones with an outline, in paint order (largest first); i < n. */
guint pa_zone_index_get_n_zones (PaZoneIndex *self);
PaZone *pa_zone_index_get_zone (PaZoneIndex *self, guint i);
/* The zone's outline's box in normalised mercator. */
const PaBBox *pa_zone_index_get_box (PaZoneIndex *self, guint i);
/* The position of the zone's role among the plan's roles (-1: none), for its colour. */
int pa_zone_index_get_role_index (PaZoneIndex *self, guint i);

/* The size of the zone's name (pa_zone_dup_label) in the regular face at @font_px,
 * measured once and kept: the painter's metrics do not depend on the surface. */
void pa_zone_index_get_label_size (PaZoneIndex *self, guint i, cairo_t *cr, double font_px, int *w, int *h);

/* The screen's names: placed once for a region around the view at its zoom (so a pan
 * only moves them), and the ones the last frame drew, in its view's coordinates. */
typedef struct
{
  PaView region; /* the view the names were placed in: the frame's, widened */
  double font_px;
  PaZone *selected;
  gconstpointer districts;
  GArray *labels; /* PaPlacedLabel, in @region's coordinates */
  PaView view;    /* the last frame drawn from them */
  GArray *shown;  /* PaPlacedLabel: that frame's, in @view's coordinates */
  gpointer ahead; /* the painter's placement of the next region, in progress */
  GDestroyNotify ahead_free;
} PaLabelCache;

typedef struct
{
  PangoLayout *layout;
  double x, y, ax, ay; /* the label's top-left; its anchor */
  int w, h;
  gboolean leader, district;
  PaZone *zone; /* whose name it is (the plan holds it); NULL for a district's */
  /* on raster surfaces, the name and its halo drawn once: an image of device pixels,
   * for this scale and these fractions of a pixel of x and y */
  cairo_surface_t *image;
  double image_scale, image_fx, image_fy;
  guint source; /* in a frame's labels: its position in the region's placement */
} PaPlacedLabel;

/* The names the last frame drew, if it was drawn for @view, @font_px, @selected and
 * @districts; else NULL. */
GArray *pa_zone_index_get_labels (PaZoneIndex *self, const PaView *view, double font_px, PaZone *selected,
                                  gconstpointer districts);
void pa_zone_index_set_labels (PaZoneIndex *self, const PaView *view, GArray *shown);
/* The names placed for a region at @view's zoom that holds all of @view (its view in
 * @region), for the same font, selection and districts; else NULL. */
GArray *pa_zone_index_get_label_region (PaZoneIndex *self, const PaView *view, double font_px, PaZone *selected,
                                        gconstpointer districts, PaView *region);
/* The screen's names as last placed, whatever view they were placed for. */
PaLabelCache *pa_zone_index_peek_label_cache (PaZoneIndex *self);
void pa_zone_index_set_label_region (PaZoneIndex *self, const PaView *region, double font_px, PaZone *selected,
                                     gconstpointer districts, GArray *labels);

/* Appends to @out (of guint) the paint-order positions, ascending, of the zones whose box
 * meets @box (normalised mercator). */
void pa_zone_index_query (PaZoneIndex *self, const PaBBox *box, GArray *out);
/* The zones whose box meets the padded view, as positions. */
void pa_zone_index_query_view (PaZoneIndex *self, const PaView *view, double pad, GArray *out);

/* Offers @snap the outlines of @plan's zones within @tolerance surface units of (x, y),
 * except @except's: the zones near the pointer, not every zone of the plan. */
void pa_zone_index_snap (PaSnap *snap, const PaView *view, PaPlan *plan, PaZone *except, double x, double y,
                         double tolerance);

G_END_DECLS
