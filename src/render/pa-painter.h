/* pa-painter.h — the one cairo painter of Park Atlas.
 *
 * The map tiles, the zone layer on screen, the legend widget and every export (PDF,
 * SVG, PNG) draw through these functions with their own cairo_t and PaView, so what a
 * planner sees is what the exported figure shows. Everything is vector; text is
 * pango with the CJK font named explicitly so PDFs embed it.
 */
#pragma once

#include <cairo.h>

#include "geo/pa-view.h"
#include "model/pa-basemap.h"
#include "model/pa-plan.h"
#include "model/pa-tile-provider.h"

G_BEGIN_DECLS

#define PA_PAINTER_FONT "Noto Sans CJK SC"

typedef struct
{
  double r, g, b;
} PaColor;

/* The language of the figure drawn on @cr: "zh" or "en" (see pa-figure-text.h); NULL,
 * the default, is the interface language. Furniture (legend, scale, notes) follows it. */
void pa_painter_set_language (cairo_t *cr, const char *lang);
const char *pa_painter_get_language (cairo_t *cr);
/* Device pixels per unit of @cr where its surface does not say so (GTK records a layer's
 * cairo node at scale 1 and replays it at the window's): the screen's names are kept as
 * images of that resolution. Without it, the surface's device scale. */
void pa_painter_set_pixel_scale (cairo_t *cr, double scale);
double pa_painter_get_pixel_scale (cairo_t *cr);

/* Colour of a role, by its position in the plan's legend. */
PaColor pa_painter_role_color (PaPlan *plan, const char *role);

/* Sea, land, coastline and district borders for the area @view shows. */
void pa_painter_draw_basemap (cairo_t *cr, const PaView *view, PaBasemap *basemap,
                              gboolean district_borders);
/* The images of a raster tile pack over what is drawn (an overlay's clear parts let it
 * show), at the pack's zoom that gives the surface's resolution — print resolution for
 * PDF and SVG. */
void pa_painter_draw_tile_pack (cairo_t *cr, const PaView *view, PaTileProvider *pack);
/* A PNG or JPEG tile as a cairo image (premultiplied ARGB), or NULL with @error. */
cairo_surface_t *pa_painter_decode_image (GBytes *bytes, GError **error);
/* Zone fills and outlines, large zones first so small ones stay on top; schematic
 * outlines dashed; @selected (may be NULL) highlighted. @ui_scale scales line widths. */
void pa_painter_draw_zones (cairo_t *cr, const PaView *view, PaPlan *plan, PaZone *selected,
                            double ui_scale);
/* Mutes everything the view shows but @zone under a white veil, and outlines @zone
 * boldly: an atlas page's zone among its neighbours. */
void pa_painter_draw_focus (cairo_t *cr, const PaView *view, PaZone *zone, PaPlan *plan);
/* The zone under the pointer: a light wash and a rim in its role's colour. */
void pa_painter_draw_hover (cairo_t *cr, const PaView *view, PaZone *zone, PaPlan *plan);
/* Enterprises and platforms that have a place on the map: a dot each, named from
 * district zooms on (where names have room). */
void pa_painter_draw_sites (cairo_t *cr, const PaView *view, PaPlan *plan, double ui_scale);
/* Zone names at their label points, with a halo, "示意" appended to schematic ones;
 * then the names of @districts (may be NULL) where they do not clash. */
/* With @every_zone (exports) each zone gets its name, moved aside with a leader line when
 * crowded; on screen crowded names wait for the planner to zoom in. */
void pa_painter_draw_labels (cairo_t *cr, const PaView *view, PaPlan *plan, PaZone *selected,
                             PaBasemap *districts, double font_px, gboolean every_zone);
/* The screen's names of a plan shown as a layer under @over (the window's plan, may be
 * NULL): a name whose box's centre lies on one of @over's zones is left out, since
 * @over's zones and names are drawn over it (two plans naming one place, such as
 * Shanghai's and Pudong's 张江, are named once). */
void pa_painter_draw_labels_under (cairo_t *cr, const PaView *view, PaPlan *plan, PaPlan *over, double font_px);
/* For idle time: when @view has come within half the margin of the region its names
 * were placed for on screen (or left it), places them for a region around @view now, so
 * the frame that would leave it need not. TRUE when it placed. */
gboolean pa_painter_place_labels_ahead (cairo_t *cr, const PaView *view, PaPlan *plan, PaZone *selected,
                                        PaBasemap *districts, double font_px);
/* Where a figure puts a zone's name: its box on the surface, the box's centre (the
 * anchor) in lon/lat, the zone's label point on the surface (where a leader starts), and
 * the number (①…) that stands for it when the zone is too crowded for its name (the name
 * then goes in the key); NULL number for a named zone. */
typedef struct
{
  PaZone *zone; /* owned by the plan */
  PaBBox box;
  double lon, lat;
  char *number;
  double ax, ay;
} PaLabelPlacement;

/* Places the labels of a figure: every zone's name inside it when it fits, else beside it
 * (for a leader line), never over another zone's shape nor over the @n_reserved boxes
 * @reserved (legend, scale bar …); a zone with no such place is numbered, or with
 * @drop_crowded left out (as map renderers do). Returns the placements
 * (PaLabelPlacement), smallest zone first. Draws nothing. */
GArray *pa_painter_place_figure_labels (cairo_t *cr, const PaView *view, PaPlan *plan, PaZone *selected,
                                        double font_px, const PaBBox *reserved, guint n_reserved,
                                        gboolean drop_crowded);
/* Draws the placed labels with their leader lines, then the names of @districts (may be
 * NULL) where they do not clash: first those inside @area (the plan's, may be NULL), each
 * moved a little when its place is taken, then the others where they fit. */
void pa_painter_show_figure_labels (cairo_t *cr, const PaView *view, GArray *labels, PaZone *selected,
                                    PaBasemap *districts, PaGeometry *area, double font_px);
/* The legend box with its top-left at (x, y); returns its size. With @measure_only
 * nothing is drawn. */
void pa_painter_draw_legend (cairo_t *cr, double x, double y, PaPlan *plan, double font_px,
                             gboolean measure_only, double *width, double *height);
/* One legend for several plans shown together (the window's plan and its layers): each
 * plan's name over its roles, and the notes on schematic, inferred and planner-drawn
 * zones once for all of them. */
void pa_painter_draw_legend_for_plans (cairo_t *cr, double x, double y, PaPlan *const *plans, guint n_plans,
                                       double font_px, gboolean measure_only, double *width, double *height);
/* A scale bar whose right end is at (x, y), at most @max_width long. */
void pa_painter_draw_scale_bar (cairo_t *cr, const PaView *view, double x, double y,
                                double max_width, double font_px);
void pa_painter_draw_north_arrow (cairo_t *cr, double cx, double top, double size);
/* Wrapped text in @width; returns the height used. */
double pa_painter_draw_text (cairo_t *cr, double x, double y, double width, const char *text,
                             double font_px, gboolean bold, PaColor color);
/* The attribution line of the data shown, in the interface language or @lang. */
const char *pa_painter_attribution (void);
/* The i-th role colour of the palette (the last one for i beyond it); the palette's size. */
PaColor pa_painter_palette_color (guint i);
guint pa_painter_palette_size (void);
/* How opaque a zone's fill is (the selected zone's, PA_PAINTER_SELECTED_ALPHA). */
#define PA_PAINTER_FILL_ALPHA 0.38
#define PA_PAINTER_SELECTED_ALPHA 0.55
/* The land the zones are drawn over (their fills are blended with it). */
PaColor pa_painter_land_color (void);
const char *pa_painter_attribution_in (const char *lang);
/* The same with the names and attributions of the raster tiles drawn over the basemap
 * after it: @web (a web map) and @pack (a tile pack), each may be NULL. */
char *pa_painter_dup_attribution_with_tiles (const char *lang, PaTileProvider *web, PaTileProvider *pack);

/* Zone whose outline contains (lon, lat); the smallest when several do. */
PaZone *pa_painter_hit_test (PaPlan *plan, double lon, double lat);

G_END_DECLS
