/* pa-map-view.h — the map pane: the offline basemap, the document's zones, the edit
 * layer with its tool buttons (draw, add a part, reshape, snap), the legend, scale,
 * "whole plan" button and attribution.
 *
 * It follows a PaDocument like every view; clicks select zones through it. What needs a
 * dialog (naming a drawn zone) or a toast it hands to the window with "outline-drawn"
 * and "message".
 */
#pragma once

#include <gtk/gtk.h>
#include <shumate/shumate.h>

#include "pa-legend.h"

#include "document/pa-document.h"
#include "map/pa-edit-layer.h"
#include "model/pa-basemap.h"
#include "map/pa-online-source.h"
#include "store/pa-mbtiles.h"

G_BEGIN_DECLS

#define PA_TYPE_MAP_VIEW (pa_map_view_get_type ())
G_DECLARE_FINAL_TYPE (PaMapView, pa_map_view, PA, MAP_VIEW, GtkWidget)

PaMapView *pa_map_view_new (PaDocument *document, PaBasemap *basemap);
ShumateMap *pa_map_view_get_map (PaMapView *self);
PaEditLayer *pa_map_view_get_edit_layer (PaMapView *self);
/* The map's legend: the plan's roles, and those of the plans shown as layers. */
PaLegend *pa_map_view_get_legend (PaMapView *self);

/* Shows the raster tile pack @pack (NULL: none) over the basemap, its attribution with
 * the basemap's. */
void pa_map_view_set_tile_pack (PaMapView *self, PaMbtiles *pack);
PaMbtiles *pa_map_view_get_tile_pack (PaMapView *self);
/* Web tiles over the offline basemap (NULL: none; the settings' online-* keys choose them
 * once pa_map_view_bind_settings() is called). */
void pa_map_view_set_online_source (PaMapView *self, PaOnlineSource *source);
PaOnlineSource *pa_map_view_get_online_source (PaMapView *self);
/* The attribution the map shows: the basemap's data, then the pack's. */
char *pa_map_view_dup_attribution (PaMapView *self);

/* Moves the map to show @box (lon/lat) whole, at a whole zoom level. */
void pa_map_view_fit (PaMapView *self, const PaBBox *box, gboolean animate);
void pa_map_view_fit_zone (PaMapView *self, PaZone *zone);
/* What a click at (x, y) does outside the drawing tools: select the zone there, or none. */
PaZone *pa_map_view_click (PaMapView *self, double x, double y);
/* The pointer at (x, y): the zone under it is outlined (not while a tool is in use). */
void pa_map_view_hover (PaMapView *self, double x, double y);
PaZone *pa_map_view_get_hovered_zone (PaMapView *self);
/* What the pointer's tooltip says: the hovered zone's name and role; NULL for none. */
char *pa_map_view_dup_hover_text (PaMapView *self);
/* The keyboard's moves: by a fraction of the map's width and height, by whole zoom
 * levels, and to the next (@direction 1) or previous (-1) zone of the list, selected and
 * brought into view. */
void pa_map_view_pan_by (PaMapView *self, double dx, double dy);
void pa_map_view_zoom_by (PaMapView *self, int steps);
PaZone *pa_map_view_select_next (PaMapView *self, int direction);
/* Widget coordinates of (lon, lat); FALSE before the map has a size. */
gboolean pa_map_view_coords (PaMapView *self, double lon, double lat, double *x, double *y);

/* Other plans drawn under this one, read-only, each with its name and legend above the
 * map's own legend (plans shown together as layers); one layer per plan slug. */
void pa_map_view_add_plan_layer (PaMapView *self, PaPlan *plan);
void pa_map_view_remove_plan_layer (PaMapView *self, const char *slug);
/* The plans shown as layers, in the order they were added. */
GPtrArray *pa_map_view_dup_layer_plans (PaMapView *self);
/* Without the drawing tools and the "whole plan" button (a plan shown for comparison). */
void pa_map_view_set_editable (PaMapView *self, gboolean editable);
/* The tools, as their buttons and shortcuts work them. */
/* Snapping follows @settings' "snap" (and the toggle writes it back); the online tiles
 * follow its online-* keys. */
void pa_map_view_bind_settings (PaMapView *self, GSettings *settings);
void pa_map_view_toggle_drawing (PaMapView *self);
/* Draws another part of @zone. */
void pa_map_view_draw_part (PaMapView *self, PaZone *zone);
void pa_map_view_toggle_shaping (PaMapView *self);
/* The next click puts organisation @id on the map. */
void pa_map_view_place (PaMapView *self, gint64 id, const char *name);
/* Esc, Enter, Backspace, Delete for the tool in use; TRUE when it used the key. */
gboolean pa_map_view_key (PaMapView *self, guint keyval);

G_END_DECLS
