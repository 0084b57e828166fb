/* pa-edit-layer.h — drawing and reshaping zone outlines on the map.
 *
 * Above the zone layer. In draw mode each click adds a vertex (double-click or Enter
 * finishes, Backspace takes the last one back, Esc cancels) and "outline-drawn" hands the
 * finished ring to the window, which asks for a name and role. In shape mode the selected
 * zone's parts show their vertices: drag one to move it, drag the handle in the middle of
 * an edge to insert one, right-click (or Delete over it) to remove it, Shift-drag inside a
 * part to move the whole part; each change is one edit of the document. Points snap to
 * the vertices and edges of other zones and of districts within SNAP_PX pixels unless
 * snapping is off. The outline's area (on the ellipsoid) is shown while it changes.
 *
 * The gesture handlers call the pa_edit_layer_pointer_*() functions below with widget
 * coordinates; tests call them the same way.
 */
#pragma once

#include <shumate/shumate.h>

#include "document/pa-document.h"
#include "model/pa-basemap.h"

G_BEGIN_DECLS

#define PA_EDIT_LAYER_SNAP_PX 10.0

typedef enum
{
  PA_EDIT_NONE,
  PA_EDIT_DRAW,  /* a new outline: a new zone, or a new part of the selected one */
  PA_EDIT_SHAPE, /* the selected zone's parts */
  PA_EDIT_PLACE, /* one click puts an enterprise or platform on the map */
} PaEditMode;

#define PA_TYPE_EDIT_LAYER (pa_edit_layer_get_type ())
G_DECLARE_FINAL_TYPE (PaEditLayer, pa_edit_layer, PA, EDIT_LAYER, ShumateLayer)

PaEditLayer *pa_edit_layer_new (ShumateViewport *viewport, PaDocument *document, PaBasemap *basemap);
PaEditMode pa_edit_layer_get_mode (PaEditLayer *self);
/* Draw mode: @zone NULL draws a new zone, else a new part of @zone. */
void pa_edit_layer_start_drawing (PaEditLayer *self, PaZone *zone);
/* Shape mode on the selected zone; FALSE when no zone is selected. */
gboolean pa_edit_layer_start_shaping (PaEditLayer *self);
/* Place mode: the next click puts organisation @id (of the plan shown) there. */
void pa_edit_layer_start_placing (PaEditLayer *self, gint64 id);
void pa_edit_layer_stop (PaEditLayer *self);
void pa_edit_layer_set_snapping (PaEditLayer *self, gboolean snap);
gboolean pa_edit_layer_get_snapping (PaEditLayer *self);
/* The zone a drawing adds a part to (NULL for a new zone). */
PaZone *pa_edit_layer_get_drawing_zone (PaEditLayer *self);
/* Vertices placed so far (draw mode). */
guint pa_edit_layer_get_n_drawn (PaEditLayer *self);
/* Area of the outline being drawn or reshaped, km² on the ellipsoid (0 without one). */
double pa_edit_layer_get_area_km2 (PaEditLayer *self);
/* Keeps showing a finished outline (dashed) while the planner names it; NULL clears it. */
void pa_edit_layer_set_pending (PaEditLayer *self, PaGeometry *outline);
/* Marks where an outline was refused (from the GEOS message), until the next edit. */
void pa_edit_layer_set_problem (PaEditLayer *self, double lon, double lat);

/* Pointer input, widget coordinates. press/motion/release: a drag (TRUE from press when
 * it grabbed a vertex, an edge handle or, with @move_part, a part); click: a click that did
 * not drag (button 1 or 3, n_press 1 or 2). Key: TRUE when it was used. */
gboolean pa_edit_layer_pointer_press (PaEditLayer *self, double x, double y, gboolean move_part);
void pa_edit_layer_pointer_motion (PaEditLayer *self, double x, double y);
void pa_edit_layer_pointer_release (PaEditLayer *self, double x, double y);
gboolean pa_edit_layer_click (PaEditLayer *self, double x, double y, guint button, int n_press);
gboolean pa_edit_layer_key (PaEditLayer *self, guint keyval);

G_END_DECLS
