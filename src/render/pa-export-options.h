/* pa-export-options.h — what a figure shows and on which paper: one set of choices for
 * the command line, the export dialog (and its preview) and the atlas.
 *
 * A plain struct: initialise with pa_export_options_init(), free what it owns with
 * pa_export_options_clear(). Strings are owned; NULL means "the default" (the plan's
 * name as title, its source document as subtitle, no organisation or date).
 */
#pragma once

#include <glib.h>

#include "geo/pa-geometry.h"
#include "model/pa-tile-provider.h"

G_BEGIN_DECLS

typedef enum
{
  PA_PAPER_A4,
  PA_PAPER_A3,
  PA_PAPER_A2,
  PA_PAPER_A1,
  PA_PAPER_SLIDE, /* 16:9, 13.33 × 7.5 in, as presentation software makes them */
  PA_PAPER_CUSTOM,
} PaPaper;

typedef enum
{
  PA_EXTENT_PLAN, /* every zone of the plan */
  PA_EXTENT_ZONE, /* one zone (zone_key), its neighbours muted */
  PA_EXTENT_VIEW, /* a lon/lat rectangle, e.g. what the window shows */
} PaExtentKind;

typedef struct
{
  PaPaper paper;
  double custom_w_mm, custom_h_mm; /* PA_PAPER_CUSTOM, as given (orientation still applies) */
  gboolean portrait;
  int dpi; /* PNG only, 72–600 */
  PaExtentKind extent;
  char *zone_key;
  PaBBox view_box;
  /* raster tiles drawn over the basemap (with it: show_basemap), owned; NULL: none.
   * @web_tiles: a web map the planner turned on (PaOnlineSource), fetched while drawing;
   * @tiles: a tile pack (PaMbtiles), drawn over the web map. */
  PaTileProvider *web_tiles;
  PaTileProvider *tiles;
  gboolean show_basemap, show_legend, show_scale_bar, show_north_arrow, show_attribution, show_notes;
  gboolean show_locator; /* a small map of China marking where the figure is (with the basemap) */
  gboolean highlight_selection; /* with selected_key: the window's orange outline */
  char *selected_key;
  char *title, *subtitle, *organisation, *date;
  char *lang; /* "zh", "en" or NULL (interface language) */
  gboolean atlas;
  /* names with no place of their own are left out instead of numbered (benchmarks
   * against renderers that do so) */
  gboolean drop_crowded_labels;
} PaExportOptions;

#define PA_EXPORT_DPI_MIN 72
#define PA_EXPORT_DPI_MAX 600

void pa_export_options_init (PaExportOptions *options);
void pa_export_options_clear (PaExportOptions *options);
void pa_export_options_copy (PaExportOptions *dest, const PaExportOptions *src);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PaExportOptions, pa_export_options_clear)

/* The page in millimetres and in PostScript points, orientation applied. */
void pa_export_options_get_page_mm (const PaExportOptions *options, double *w, double *h);
void pa_export_options_get_page_pt (const PaExportOptions *options, double *w, double *h);
/* Pixel size of the PNG: page × DPI, rounded. */
void pa_export_options_get_png_size (const PaExportOptions *options, int *w, int *h);

/* Parsers for the command line and the settings; each names what it refuses. */
gboolean pa_paper_from_string (const char *name, PaPaper *paper, GError **error);
const char *pa_paper_to_string (PaPaper paper);
gboolean pa_export_options_set_size (PaExportOptions *options, const char *wxh, GError **error);
gboolean pa_export_options_set_orientation (PaExportOptions *options, const char *name, GError **error);
gboolean pa_export_options_set_dpi (PaExportOptions *options, int dpi, GError **error);
gboolean pa_export_options_set_lang (PaExportOptions *options, const char *lang, GError **error);

G_END_DECLS
