/* pa-compare-pane.h — a second plan beside the window's own, at the same scale.
 *
 * It shows its plan on its own map, with its own legend, read-only (the editing tools
 * belong to the window's plan). Following a map view keeps the two at one scale — the
 * same metres per pixel, whatever the latitudes — and moves them together: a drag of
 * 2 km on one moves the other 2 km, so two cities' layouts compare as drawn to one scale.
 */
#pragma once

#include <gtk/gtk.h>

#include "model/pa-basemap.h"
#include "pa-map-view.h"
#include "store/pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_COMPARE_PANE (pa_compare_pane_get_type ())
G_DECLARE_FINAL_TYPE (PaComparePane, pa_compare_pane, PA, COMPARE_PANE, GtkWidget)

/* NULL with @error when @store has no plan @slug. */
PaComparePane *pa_compare_pane_new (PaStore *store, PaBasemap *basemap, const char *slug, GError **error);
PaPlan *pa_compare_pane_get_plan (PaComparePane *self);
PaMapView *pa_compare_pane_get_map_view (PaComparePane *self);
/* Keeps this pane's map at @leader's scale and moves it with it, both ways. */
void pa_compare_pane_follow (PaComparePane *self, PaMapView *leader);
/* Ground metres per pixel at the centre of @view's map. */
double pa_compare_metres_per_pixel (PaMapView *view);

G_END_DECLS
