/* pa-window-private.h — what the window's files share (app-internal) */
#pragma once

#include "pa-compare-pane.h"
#include "pa-industry-browser.h"
#include "pa-map-view.h"
#include "pa-window.h"
#include "pa-zone-details.h"

G_BEGIN_DECLS

struct _PaWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkDropDown *plan_dropdown;
  AdwToastOverlay *toast_overlay;
  GtkListView *zone_list;
  GtkSingleSelection *zone_selection; /* of the document's zones */
  PaZoneDetails *details;
  GtkBox *map_box;
  GtkStack *side_stack;
  GtkBox *industries_page;
  PaIndustryBrowser *industries;
  PaMapView *map_view;
  GMenu *file_section;
  AdwFlap *flap;
  GtkSearchEntry *search_entry;
  GtkListBox *search_results;
  GPtrArray *hits;     /* PaSearchHit of the rows in search_results */
  GMenu *compare_menu; /* "Compare With": every plan of the database */
  GMenu *layers_menu;  /* "Show Plans as Layers": a check item per plan */
  GSimpleActionGroup *layer_actions; /* "layer.pN": plan N of slugs shown as a layer */
  GtkWidget *compare_separator;
  PaComparePane *compare; /* the plan beside this one, or NULL */

  PaDocument *document;
  PaBasemap *basemap;
  GPtrArray *slugs;
  GSettings *settings; /* may be NULL when the schema is not installed */
  guint watch_id;      /* looks for other programs' changes to the file */
  gboolean filling;    /* the plan chooser is being refilled, not chosen from */
};

/* The actions of pa-window-files.c, installed by the window's class. */
void pa_window_import_action (GtkWidget *widget, const char *action, GVariant *param);
void pa_window_export_action (GtkWidget *widget, const char *action, GVariant *param);
void pa_window_export_data_action (GtkWidget *widget, const char *action, GVariant *param);
/* The pack the settings remember, unless one is shown already. */
void pa_window_restore_tile_pack (PaWindow *self);
void pa_window_open_tile_pack_action (GtkWidget *widget, const char *action, GVariant *param);
void pa_window_remove_tile_pack_action (GtkWidget *widget, const char *action, GVariant *param);
void pa_window_show_tile_pack_action (GtkWidget *widget, const char *action, GVariant *param);

G_END_DECLS
