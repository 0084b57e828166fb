/* pa-window.h — the main window: plan selector, zone list and details, the map with
 * its drawing tools, undo and redo.
 *
 * Thin: it shows what its PaDocument holds, following its properties, and turns clicks,
 * keys and dialogs into the document's edits. One window per database.
 */
#pragma once

#include <adwaita.h>

#include "document/pa-document.h"
#include "io/pa-import-report.h"
#include "map/pa-edit-layer.h"
#include "model/pa-basemap.h"
#include "pa-compare-pane.h"
#include "pa-industry-browser.h"
#include "pa-map-view.h"
#include "store/pa-mbtiles.h"
#include "store/pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_WINDOW (pa_window_get_type ())
G_DECLARE_FINAL_TYPE (PaWindow, pa_window, PA, WINDOW, AdwApplicationWindow)

PaWindow *pa_window_new (GtkApplication *app, PaDocument *document, PaBasemap *basemap);
PaDocument *pa_window_get_document (PaWindow *self);
/* Remembers the plan shown in @settings' "last-plan", and the window's size and state
 * (org.parkatlas.ParkAtlas). */
void pa_window_set_settings (PaWindow *self, GSettings *settings); /* NULL: forget nothing more */
/* The application's "Open Recent" list, shown in the window's main menu. */
void pa_window_set_recent_menu (PaWindow *self, GMenuModel *recent);
/* A short message at the bottom of the window. */
void pa_window_toast (PaWindow *self, const char *text);
/* Writes the figure of the plan shown (and its selected zone) to @path, as the Export
 * action does after its file dialog. */
gboolean pa_window_export_to (PaWindow *self, const char *path, GError **error);
/* Imports @path into the plan shown (as Import… does after its file dialog), shows the
 * report; NULL with @error when the file was refused. */
PaImportReport *pa_window_import (PaWindow *self, const char *path, gboolean gcj02, GError **error);
/* Writes the plan's data: GeoJSON, or two CSV files for a .csv @path. */
gboolean pa_window_export_data (PaWindow *self, const char *path, GError **error);
/* Shows the MBTiles pack @path over the basemap (and in exported figures); with
 * @remember, also at the next start. FALSE with @error, the map as it was, when the file
 * is not a raster pack. */
gboolean pa_window_show_tile_pack (PaWindow *self, const char *path, gboolean remember, GError **error);
/* Shows @pack (NULL: none) for this window's life, not remembered (--basemap). */
void pa_window_set_tile_pack (PaWindow *self, PaMbtiles *pack);
PaMbtiles *pa_window_get_tile_pack (PaWindow *self);
/* Shows plan @slug on the map with the window's own, read-only, as a layer with its
 * legend (@shown FALSE: hides it); FALSE with @error for an unknown plan. */
gboolean pa_window_show_layer (PaWindow *self, const char *slug, gboolean shown, GError **error);
/* Shows plan @slug beside the window's own, at the same scale and moving with it (NULL or
 * "": the window's plan alone again); FALSE with @error for an unknown plan. */
gboolean pa_window_compare (PaWindow *self, const char *slug, GError **error);
PaComparePane *pa_window_get_compare_pane (PaWindow *self);
/* Shows plan @slug; FALSE with @error when the store has no such plan. */
gboolean pa_window_show_plan (PaWindow *self, const char *slug, GError **error);
PaPlan *pa_window_get_plan (PaWindow *self);
/* Searches every plan for @text, as typing in the search field does; the results
 * (PaSearchHit) in the side panel, and pa_window_show_hit() for one of them. */
void pa_window_search (PaWindow *self, const char *text);
GPtrArray *pa_window_get_search_hits (PaWindow *self);
void pa_window_show_hit (PaWindow *self, PaSearchHit *hit);
void pa_window_select_zone (PaWindow *self, PaZone *zone);
PaZone *pa_window_get_selected_zone (PaWindow *self);
/* What a click at (x, y) on the map widget does: select the zone there, or none. */
PaZone *pa_window_click_map (PaWindow *self, double x, double y);
/* Map widget coordinates of (lon, lat), for tests that click a zone. */
gboolean pa_window_map_coords (PaWindow *self, double lon, double lat, double *x, double *y);
GtkListView *pa_window_get_zone_list (PaWindow *self);
char *pa_window_get_details_text (PaWindow *self);
/* The cross-plan industry view in the side panel. */
PaIndustryBrowser *pa_window_get_industry_browser (PaWindow *self);
/* Audit findings of the plan shown (PaFinding). */
GPtrArray *pa_window_get_findings (PaWindow *self);
/* The drawing layer and the map, for tests that draw as a planner does. */
PaEditLayer *pa_window_get_edit_layer (PaWindow *self);
ShumateMap *pa_window_get_map (PaWindow *self);
/* The map pane (hover, keyboard moves). */
PaMapView *pa_window_get_map_view (PaWindow *self);
/* The side panel's flap: beside the map, or folded over it in a narrow window. */
AdwFlap *pa_window_get_flap (PaWindow *self);

G_END_DECLS
