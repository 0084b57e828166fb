/* pa-edit-layer-private.h — what the edit layer's files share (map-internal) */
#pragma once

#include "geo/pa-view.h"
#include "pa-edit-layer.h"

G_BEGIN_DECLS

#define HANDLE_PX 6.0

typedef struct
{
  guint part, polygon;
  GArray *points; /* PaPoint lon/lat, without the closing repeat */
} Ring;

struct _PaEditLayer
{
  ShumateLayer parent_instance;
  PaDocument *document;
  PaBasemap *basemap;
  PaEditMode mode;
  gboolean snap;

  /* draw mode */
  PaZone *drawing_zone;
  GArray *drawn; /* PaPoint */
  PaPoint hover;
  gboolean hover_snapped;

  /* shape mode: a working copy of the selected zone's parts */
  PaZone *zone;
  GPtrArray *rings; /* Ring */
  int drag_ring, drag_vertex, drag_part;
  PaPoint drag_from;
  gboolean dragged;

  PaPoint problem;
  gint64 placing; /* the organisation place mode puts on the map */
  PaGeometry *pending; /* a finished drawing waiting for its name (may be NULL) */
};


/* The view the layer draws and takes pointer input in. */
void pa_edit_layer_get_view (PaEditLayer *self, PaView *view);
/* Part @part as the working copy has it now, and the outline being drawn, closed. */
PaGeometry *pa_edit_layer_part_geometry (PaEditLayer *self, guint part);
PaGeometry *pa_edit_layer_drawn_geometry (PaEditLayer *self);
/* The middle of edge @k of a ring (where its "add a point" handle is). */
PaPoint pa_edit_layer_midpoint (GArray *pts, guint k);
void pa_edit_layer_snapshot (GtkWidget *widget, GtkSnapshot *snapshot);

G_END_DECLS
