/* pa-edit-layer.c */
#define G_LOG_DOMAIN "parkatlas-map"

#include "config.h"

#include "pa-edit-layer-private.h"

#include <glib/gi18n.h>
#include <math.h>

#include "geo/pa-geodesic.h"
#include "geo/pa-geos.h"
#include "geo/pa-snap.h"
#include "geo/pa-view.h"
#include "render/pa-painter.h"
#include "render/pa-zone-index.h"


enum
{
  OUTLINE_DRAWN,
  EDIT_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (PaEditLayer, pa_edit_layer, SHUMATE_TYPE_LAYER)

static void
ring_free (gpointer p)
{
  Ring *r = p;
  g_array_unref (r->points);
  g_free (r);
}

void
pa_edit_layer_get_view (PaEditLayer *self, PaView *view)
{
  ShumateViewport *vp = shumate_layer_get_viewport (SHUMATE_LAYER (self));
  pa_view_init (view, shumate_location_get_longitude (SHUMATE_LOCATION (vp)),
                shumate_location_get_latitude (SHUMATE_LOCATION (vp)), shumate_viewport_get_zoom_level (vp),
                gtk_widget_get_width (GTK_WIDGET (self)), gtk_widget_get_height (GTK_WIDGET (self)));
}

/* ---- the working copy ---- */

static void
load_rings (PaEditLayer *self)
{
  g_ptr_array_set_size (self->rings, 0);
  if (!self->zone)
    return;
  for (guint k = 0; k < pa_zone_get_n_parts (self->zone); k++)
    {
      PaGeometry *g = pa_zone_get_part_info (self->zone, k)->geometry;
      for (guint p = 0; p < pa_geometry_get_n_polygons (g); p++)
        for (guint r = 0; r < pa_geometry_get_n_rings (g, p); r++)
          {
            guint n;
            const PaPoint *pts = pa_geometry_get_ring (g, p, r, &n);
            Ring *ring = g_new0 (Ring, 1);
            if (n > 1 && pts[0].x == pts[n - 1].x && pts[0].y == pts[n - 1].y)
              n--;
            ring->part = k;
            ring->polygon = p;
            ring->points = g_array_sized_new (FALSE, FALSE, sizeof (PaPoint), n);
            g_array_append_vals (ring->points, pts, n);
            g_ptr_array_add (self->rings, ring);
          }
    }
}

/* The outline of part @part as the working copy has it now. */
PaGeometry *
pa_edit_layer_part_geometry (PaEditLayer *self, guint part)
{
  PaGeometry *g = pa_geometry_new ();
  int polygon = -1;
  for (guint i = 0; i < self->rings->len; i++)
    {
      Ring *r = self->rings->pdata[i];
      if (r->part != part)
        continue;
      if ((int) r->polygon != polygon)
        {
          pa_geometry_begin_polygon (g);
          polygon = (int) r->polygon;
        }
      pa_geometry_begin_ring (g);
      for (guint k = 0; k <= r->points->len; k++)
        {
          PaPoint pt = g_array_index (r->points, PaPoint, k % r->points->len);
          pa_geometry_add_point (g, pt.x, pt.y);
        }
    }
  return g;
}

PaGeometry *
pa_edit_layer_drawn_geometry (PaEditLayer *self)
{
  PaGeometry *g = pa_geometry_new ();
  pa_geometry_begin_polygon (g);
  pa_geometry_begin_ring (g);
  for (guint k = 0; k <= self->drawn->len; k++)
    {
      PaPoint pt = g_array_index (self->drawn, PaPoint, k % self->drawn->len);
      pa_geometry_add_point (g, pt.x, pt.y);
    }
  return g;
}

double
pa_edit_layer_get_area_km2 (PaEditLayer *self)
{
  double area = 0;
  g_return_val_if_fail (PA_IS_EDIT_LAYER (self), 0);
  if (self->mode == PA_EDIT_DRAW && self->drawn->len >= 3)
    {
      g_autoptr (PaGeometry) g = pa_edit_layer_drawn_geometry (self);
      area = pa_geodesic_area_km2 (g);
    }
  else if (self->mode == PA_EDIT_SHAPE && self->zone)
    for (guint k = 0; k < pa_zone_get_n_parts (self->zone); k++)
      {
        g_autoptr (PaGeometry) g = pa_edit_layer_part_geometry (self, k);
        area += pa_geodesic_area_km2 (g);
      }
  return area;
}

/* ---- snapping ---- */

static PaPoint
snap_point (PaEditLayer *self, double x, double y, gboolean *snapped)
{
  PaView view;
  PaSnap snap;
  PaPoint result;
  PaPlan *plan = pa_document_get_plan (self->document);

  pa_edit_layer_get_view (self, &view);
  pa_snap_init (&snap, &view, x, y, PA_EDIT_LAYER_SNAP_PX);
  if (self->snap)
    {
      if (plan)
        pa_zone_index_snap (&snap, &view, plan, self->zone, x, y, PA_EDIT_LAYER_SNAP_PX);
      for (guint i = 0; self->basemap && i < pa_basemap_get_n_districts (self->basemap); i++)
        pa_snap_consider (&snap, pa_basemap_get_district (self->basemap, i, NULL, NULL));
      /* the first vertex of a drawing, to close it where it began */
      if (self->mode == PA_EDIT_DRAW && self->drawn->len > 0)
        pa_snap_consider_point (&snap, g_array_index (self->drawn, PaPoint, 0).x,
                                g_array_index (self->drawn, PaPoint, 0).y);
    }
  *snapped = pa_snap_result (&snap, &result, NULL);
  return result;
}

/* ---- modes ---- */

static void
reset (PaEditLayer *self)
{
  g_array_set_size (self->drawn, 0);
  g_ptr_array_set_size (self->rings, 0);
  g_clear_object (&self->drawing_zone);
  g_clear_object (&self->zone);
  self->drag_ring = self->drag_vertex = self->drag_part = -1;
  self->hover = self->problem = (PaPoint){ NAN, NAN };
  self->hover_snapped = FALSE;
  self->placing = 0;
}

PaEditMode
pa_edit_layer_get_mode (PaEditLayer *self)
{
  g_return_val_if_fail (PA_IS_EDIT_LAYER (self), PA_EDIT_NONE);
  return self->mode;
}

static void
set_mode (PaEditLayer *self, PaEditMode mode)
{
  self->mode = mode;
  /* only while editing does the layer take the pointer from the map */
  gtk_widget_set_can_target (GTK_WIDGET (self), mode != PA_EDIT_NONE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), mode == PA_EDIT_DRAW || mode == PA_EDIT_PLACE ? "crosshair" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pa_edit_layer_start_drawing (PaEditLayer *self, PaZone *zone)
{
  g_return_if_fail (PA_IS_EDIT_LAYER (self));
  reset (self);
  g_set_object (&self->drawing_zone, zone);
  set_mode (self, PA_EDIT_DRAW);
}

gboolean
pa_edit_layer_start_shaping (PaEditLayer *self)
{
  PaZone *zone;
  g_return_val_if_fail (PA_IS_EDIT_LAYER (self), FALSE);
  zone = pa_document_get_selected_zone (self->document);
  if (!zone)
    return FALSE;
  reset (self);
  self->zone = g_object_ref (zone);
  load_rings (self);
  set_mode (self, PA_EDIT_SHAPE);
  return TRUE;
}

void
pa_edit_layer_start_placing (PaEditLayer *self, gint64 id)
{
  g_return_if_fail (PA_IS_EDIT_LAYER (self));
  reset (self);
  self->placing = id;
  set_mode (self, PA_EDIT_PLACE);
}

static void
place (PaEditLayer *self, double x, double y)
{
  PaPlan *plan = pa_document_get_plan (self->document);
  GPtrArray *orgs = plan ? pa_plan_get_organisations (plan) : NULL;
  g_autoptr (GError) error = NULL;
  gboolean snapped;
  PaPoint p = snap_point (self, x, y, &snapped);
  gint64 id = self->placing;
  PaOrganisation *org = NULL;

  pa_edit_layer_stop (self);
  for (guint i = 0; !org && orgs && i < orgs->len; i++)
    if (((PaOrganisation *) orgs->pdata[i])->id == id)
      org = orgs->pdata[i];
  /* the edit replaces the plan's records (and @orgs): nothing of them is read after it */
  if (org && !pa_document_place_organisation (self->document, org, p.x, p.y, &error))
    g_signal_emit (self, signals[EDIT_FAILED], 0, error->message);
}

void
pa_edit_layer_stop (PaEditLayer *self)
{
  g_return_if_fail (PA_IS_EDIT_LAYER (self));
  reset (self);
  set_mode (self, PA_EDIT_NONE);
}

void
pa_edit_layer_set_snapping (PaEditLayer *self, gboolean snap)
{
  g_return_if_fail (PA_IS_EDIT_LAYER (self));
  self->snap = snap;
}

gboolean
pa_edit_layer_get_snapping (PaEditLayer *self)
{
  return self->snap;
}

PaZone *
pa_edit_layer_get_drawing_zone (PaEditLayer *self)
{
  return self->drawing_zone;
}

guint
pa_edit_layer_get_n_drawn (PaEditLayer *self)
{
  return self->drawn->len;
}

void
pa_edit_layer_set_pending (PaEditLayer *self, PaGeometry *outline)
{
  g_return_if_fail (PA_IS_EDIT_LAYER (self));
  g_clear_pointer (&self->pending, pa_geometry_unref);
  self->pending = outline ? pa_geometry_ref (outline) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pa_edit_layer_set_problem (PaEditLayer *self, double lon, double lat)
{
  self->problem = (PaPoint){ lon, lat };
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Checks @g before it goes to the store, marking where it fails. */
static gboolean
check_outline (PaEditLayer *self, PaGeometry *g)
{
  g_autofree char *reason = NULL;
  PaPoint where;
  if (pa_geos_check_valid (g, &reason, &where))
    return TRUE;
  pa_edit_layer_set_problem (self, where.x, where.y);
  {
    g_autofree char *msg = g_strdup_printf (_("The outline is not valid: %s"), reason);
    g_signal_emit (self, signals[EDIT_FAILED], 0, msg);
  }
  return FALSE;
}

static void
finish_drawing (PaEditLayer *self)
{
  g_autoptr (PaGeometry) g = NULL;
  g_autoptr (PaZone) zone = NULL;

  if (self->drawn->len < 3)
    {
      g_signal_emit (self, signals[EDIT_FAILED], 0, _("An outline needs at least three points"));
      return;
    }
  g = pa_edit_layer_drawn_geometry (self);
  if (!check_outline (self, g))
    return;
  zone = self->drawing_zone ? g_object_ref (self->drawing_zone) : NULL;
  pa_edit_layer_stop (self);
  g_signal_emit (self, signals[OUTLINE_DRAWN], 0, g, zone);
}

/* Writes part @part of the working copy to the document, as one edit. */
static void
commit_part (PaEditLayer *self, guint part)
{
  g_autoptr (PaGeometry) g = pa_edit_layer_part_geometry (self, part);
  g_autoptr (GError) error = NULL;

  if (!check_outline (self, g))
    {
      load_rings (self); /* back to what the file holds */
      return;
    }
  self->problem = (PaPoint){ NAN, NAN };
  if (!pa_document_set_part_outline (self->document, self->zone, part, g, &error))
    {
      load_rings (self);
      g_signal_emit (self, signals[EDIT_FAILED], 0, error->message);
    }
}

/* ---- pointer ---- */

static gboolean
near (const PaView *view, PaPoint p, double x, double y, double px)
{
  double sx, sy;
  pa_view_project (view, p.x, p.y, &sx, &sy);
  return (sx - x) * (sx - x) + (sy - y) * (sy - y) <= px * px;
}

/* The vertex under (x, y): ring and index. */
static gboolean
find_vertex (PaEditLayer *self, const PaView *view, double x, double y, int *ring, int *vertex)
{
  for (guint i = 0; i < self->rings->len; i++)
    {
      Ring *r = self->rings->pdata[i];
      for (guint k = 0; k < r->points->len; k++)
        if (near (view, g_array_index (r->points, PaPoint, k), x, y, HANDLE_PX + 2))
          {
            *ring = (int) i;
            *vertex = (int) k;
            return TRUE;
          }
    }
  return FALSE;
}

PaPoint
pa_edit_layer_midpoint (GArray *pts, guint k)
{
  PaPoint a = g_array_index (pts, PaPoint, k), b = g_array_index (pts, PaPoint, (k + 1) % pts->len);
  return (PaPoint){ (a.x + b.x) / 2, (a.y + b.y) / 2 };
}

gboolean
pa_edit_layer_pointer_press (PaEditLayer *self, double x, double y, gboolean move_part)
{
  PaView view;
  int ring, vertex;

  g_return_val_if_fail (PA_IS_EDIT_LAYER (self), FALSE);
  if (self->mode != PA_EDIT_SHAPE)
    return FALSE;
  pa_edit_layer_get_view (self, &view);
  self->dragged = FALSE;
  if (find_vertex (self, &view, x, y, &ring, &vertex))
    {
      self->drag_ring = ring;
      self->drag_vertex = vertex;
      return TRUE;
    }
  /* an edge's middle handle: a new vertex there, dragged at once */
  for (guint i = 0; i < self->rings->len; i++)
    {
      Ring *r = self->rings->pdata[i];
      for (guint k = 0; k < r->points->len; k++)
        {
          PaPoint m = pa_edit_layer_midpoint (r->points, k);
          if (near (&view, m, x, y, HANDLE_PX))
            {
              g_array_insert_val (r->points, k + 1, m);
              self->drag_ring = (int) i;
              self->drag_vertex = (int) k + 1;
              self->dragged = TRUE; /* inserting is an edit even without moving */
              gtk_widget_queue_draw (GTK_WIDGET (self));
              return TRUE;
            }
        }
    }
  if (move_part)
    {
      double lon, lat;
      pa_view_unproject (&view, x, y, &lon, &lat);
      for (guint k = 0; k < pa_zone_get_n_parts (self->zone); k++)
        {
          g_autoptr (PaGeometry) g = pa_edit_layer_part_geometry (self, k);
          if (pa_geometry_contains_point (g, lon, lat))
            {
              self->drag_part = (int) k;
              self->drag_from = (PaPoint){ lon, lat };
              return TRUE;
            }
        }
    }
  return FALSE;
}

void
pa_edit_layer_pointer_motion (PaEditLayer *self, double x, double y)
{
  gboolean snapped = FALSE;

  g_return_if_fail (PA_IS_EDIT_LAYER (self));
  if (self->mode == PA_EDIT_DRAW)
    {
      self->hover = snap_point (self, x, y, &snapped);
      self->hover_snapped = snapped;
    }
  else if (self->mode == PA_EDIT_SHAPE && self->drag_vertex >= 0)
    {
      Ring *r = self->rings->pdata[self->drag_ring];
      g_array_index (r->points, PaPoint, self->drag_vertex) = snap_point (self, x, y, &snapped);
      self->hover_snapped = snapped;
      self->dragged = TRUE;
    }
  else if (self->mode == PA_EDIT_SHAPE && self->drag_part >= 0)
    {
      PaView view;
      double lon, lat;
      pa_edit_layer_get_view (self, &view);
      pa_view_unproject (&view, x, y, &lon, &lat);
      for (guint i = 0; i < self->rings->len; i++)
        {
          Ring *r = self->rings->pdata[i];
          if ((int) r->part != self->drag_part)
            continue;
          for (guint k = 0; k < r->points->len; k++)
            {
              g_array_index (r->points, PaPoint, k).x += lon - self->drag_from.x;
              g_array_index (r->points, PaPoint, k).y += lat - self->drag_from.y;
            }
        }
      self->drag_from = (PaPoint){ lon, lat };
      self->dragged = TRUE;
    }
  else
    return;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pa_edit_layer_pointer_release (PaEditLayer *self, double x, double y)
{
  guint part;

  g_return_if_fail (PA_IS_EDIT_LAYER (self));
  if (self->mode != PA_EDIT_SHAPE || (self->drag_vertex < 0 && self->drag_part < 0))
    return;
  pa_edit_layer_pointer_motion (self, x, y);
  part = self->drag_part >= 0 ? (guint) self->drag_part : ((Ring *) self->rings->pdata[self->drag_ring])->part;
  self->drag_ring = self->drag_vertex = self->drag_part = -1;
  if (self->dragged)
    commit_part (self, part);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
delete_vertex_at (PaEditLayer *self, double x, double y)
{
  PaView view;
  int ring, vertex;
  Ring *r;

  pa_edit_layer_get_view (self, &view);
  if (!find_vertex (self, &view, x, y, &ring, &vertex))
    return FALSE;
  r = self->rings->pdata[ring];
  if (r->points->len <= 3)
    {
      g_signal_emit (self, signals[EDIT_FAILED], 0,
                     _("A part keeps at least three points: delete the part instead"));
      return TRUE;
    }
  g_array_remove_index (r->points, (guint) vertex);
  commit_part (self, r->part);
  return TRUE;
}

gboolean
pa_edit_layer_click (PaEditLayer *self, double x, double y, guint button, int n_press)
{
  gboolean snapped;
  PaPoint p;

  g_return_val_if_fail (PA_IS_EDIT_LAYER (self), FALSE);
  if (self->mode == PA_EDIT_SHAPE && button == 3)
    return delete_vertex_at (self, x, y);
  if (self->mode == PA_EDIT_PLACE && button == 1)
    {
      place (self, x, y);
      return TRUE;
    }
  if (self->mode != PA_EDIT_DRAW || button != 1)
    return FALSE;
  if (n_press >= 2)
    {
      /* the first click of a double-click already placed the last point */
      finish_drawing (self);
      return TRUE;
    }
  p = snap_point (self, x, y, &snapped);
  /* a click on the first point closes the outline */
  if (self->drawn->len >= 3 && snapped && p.x == g_array_index (self->drawn, PaPoint, 0).x
      && p.y == g_array_index (self->drawn, PaPoint, 0).y)
    {
      finish_drawing (self);
      return TRUE;
    }
  g_array_append_val (self->drawn, p);
  self->problem = (PaPoint){ NAN, NAN };
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

gboolean
pa_edit_layer_key (PaEditLayer *self, guint keyval)
{
  g_return_val_if_fail (PA_IS_EDIT_LAYER (self), FALSE);
  if (self->mode == PA_EDIT_NONE)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Escape:
      pa_edit_layer_stop (self);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (self->mode == PA_EDIT_DRAW)
        finish_drawing (self);
      else
        pa_edit_layer_stop (self);
      return TRUE;
    case GDK_KEY_BackSpace:
      if (self->mode == PA_EDIT_DRAW && self->drawn->len > 0)
        {
          g_array_set_size (self->drawn, self->drawn->len - 1);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return TRUE;
        }
      return FALSE;
    case GDK_KEY_Delete:
      if (self->mode == PA_EDIT_SHAPE && !isnan (self->hover.x))
        {
          PaView view;
          double x, y;
          pa_edit_layer_get_view (self, &view);
          pa_view_project (&view, self->hover.x, self->hover.y, &x, &y);
          return delete_vertex_at (self, x, y);
        }
      return FALSE;
    default:
      return FALSE;
    }
}

/* ---- gestures ---- */

/* ShumateLayer lets every point fall through to the map; while editing, this one does not */
static gboolean
pa_edit_layer_contains (GtkWidget *widget, double x, double y)
{
  return PA_EDIT_LAYER (widget)->mode != PA_EDIT_NONE;
}

static void
drag_begin (GtkGestureDrag *gesture, double x, double y, PaEditLayer *self)
{
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  /* a drag that grabs nothing of ours pans the map as usual */
  gtk_gesture_set_state (GTK_GESTURE (gesture),
                         pa_edit_layer_pointer_press (self, x, y, (mods & GDK_SHIFT_MASK) != 0)
                             ? GTK_EVENT_SEQUENCE_CLAIMED : GTK_EVENT_SEQUENCE_DENIED);
}

static void
drag_update (GtkGestureDrag *gesture, double dx, double dy, PaEditLayer *self)
{
  double x, y;
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  pa_edit_layer_pointer_motion (self, x + dx, y + dy);
}

static void
drag_end (GtkGestureDrag *gesture, double dx, double dy, PaEditLayer *self)
{
  double x, y;
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  pa_edit_layer_pointer_release (self, x + dx, y + dy);
}

static void
clicked (GtkGestureClick *gesture, int n_press, double x, double y, PaEditLayer *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  if (pa_edit_layer_click (self, x, y, button, n_press))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
motion (GtkEventControllerMotion *controller, double x, double y, PaEditLayer *self)
{
  if (self->mode == PA_EDIT_DRAW)
    pa_edit_layer_pointer_motion (self, x, y);
  else if (self->mode == PA_EDIT_SHAPE)
    {
      PaView view;
      pa_edit_layer_get_view (self, &view);
      pa_view_unproject (&view, x, y, &self->hover.x, &self->hover.y);
    }
}

static void
document_changed (PaEditLayer *self, PaZone *zone)
{
  /* after an edit (ours, an undo, another program's): show what the file holds */
  if (self->mode == PA_EDIT_SHAPE)
    {
      PaPlan *plan = pa_document_get_plan (self->document);
      if (!self->zone || !pa_plan_find_zone_by_id (plan, pa_zone_get_id (self->zone)))
        pa_edit_layer_stop (self);
      else
        load_rings (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
selection_changed (PaEditLayer *self)
{
  if (self->mode == PA_EDIT_SHAPE && pa_document_get_selected_zone (self->document) != self->zone)
    {
      if (!pa_edit_layer_start_shaping (self))
        pa_edit_layer_stop (self);
    }
}

static void
redraw (PaEditLayer *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pa_edit_layer_constructed (GObject *object)
{
  ShumateViewport *vp;
  G_OBJECT_CLASS (pa_edit_layer_parent_class)->constructed (object);
  vp = shumate_layer_get_viewport (SHUMATE_LAYER (object));
  g_signal_connect_object (vp, "notify::zoom-level", G_CALLBACK (redraw), object, G_CONNECT_SWAPPED);
  g_signal_connect_object (vp, "notify::latitude", G_CALLBACK (redraw), object, G_CONNECT_SWAPPED);
  g_signal_connect_object (vp, "notify::longitude", G_CALLBACK (redraw), object, G_CONNECT_SWAPPED);
}

static void
pa_edit_layer_dispose (GObject *object)
{
  PaEditLayer *self = PA_EDIT_LAYER (object);
  reset (self);
  g_clear_pointer (&self->pending, pa_geometry_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->basemap);
  G_OBJECT_CLASS (pa_edit_layer_parent_class)->dispose (object);
}

static void
pa_edit_layer_finalize (GObject *object)
{
  PaEditLayer *self = PA_EDIT_LAYER (object);
  g_array_unref (self->drawn);
  g_ptr_array_unref (self->rings);
  G_OBJECT_CLASS (pa_edit_layer_parent_class)->finalize (object);
}

static void
pa_edit_layer_class_init (PaEditLayerClass *klass)
{
  G_OBJECT_CLASS (klass)->constructed = pa_edit_layer_constructed;
  G_OBJECT_CLASS (klass)->dispose = pa_edit_layer_dispose;
  G_OBJECT_CLASS (klass)->finalize = pa_edit_layer_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = pa_edit_layer_snapshot;
  GTK_WIDGET_CLASS (klass)->contains = pa_edit_layer_contains;

  /* A finished drawing: (PaGeometry outline, PaZone zone or NULL for a new zone). */
  signals[OUTLINE_DRAWN] = g_signal_new ("outline-drawn", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                         NULL, NULL, G_TYPE_NONE, 2, PA_TYPE_GEOMETRY, PA_TYPE_ZONE);
  /* An outline or an edit that was refused, with the message for the planner. */
  signals[EDIT_FAILED] = g_signal_new ("edit-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                       NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pa_edit_layer_init (PaEditLayer *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *move = gtk_event_controller_motion_new ();

  self->snap = TRUE;
  self->drawn = g_array_new (FALSE, FALSE, sizeof (PaPoint));
  self->rings = g_ptr_array_new_with_free_func (ring_free);
  reset (self);
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "released", G_CALLBACK (clicked), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (move, "motion", G_CALLBACK (motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), move);
}

PaEditLayer *
pa_edit_layer_new (ShumateViewport *viewport, PaDocument *document, PaBasemap *basemap)
{
  PaEditLayer *self = g_object_new (PA_TYPE_EDIT_LAYER, "viewport", viewport, NULL);
  self->document = g_object_ref (document);
  self->basemap = basemap ? g_object_ref (basemap) : NULL;
  g_signal_connect_object (document, "changed", G_CALLBACK (document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::selected-zone", G_CALLBACK (selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::plan", G_CALLBACK (pa_edit_layer_stop), self, G_CONNECT_SWAPPED);
  return self;
}
