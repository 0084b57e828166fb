/* pa-edit-script.h — the scripted edits of the crash-safety test, shared by the program
 * that makes them (pa-edit-driver) and the test that checks the file after each kill.
 *
 * Edits come in groups of seven; group B (B = N - N % 7) works on the zone "区-B":
 *   0 draw the zone (a small square)   1 note "edit-N"       2 industry "产业-N"
 *   3 target "指标-N"                  4 enterprise "企业-N" placed at site (N)
 *   5 reshape its part (a larger square)                   6 move 企业-(B+4) to site (N)
 * Each is one PaDocument edit, so one transaction. Which zone, name and place an edit
 * uses follows from N alone: a rerun can tell whether edit N is already in the file.
 */
#pragma once

#include <math.h>

#include "geo/pa-geometry.h"

enum
{
  PA_EDIT_ADD_ZONE,
  PA_EDIT_NOTE,
  PA_EDIT_INDUSTRY,
  PA_EDIT_TARGET,
  PA_EDIT_ORGANISATION,
  PA_EDIT_RESHAPE,
  PA_EDIT_PLACE,
  PA_EDIT_N_KINDS
};

#define PA_EDIT_SMALL_KM 0.20 /* half the side of a drawn zone … */
#define PA_EDIT_LARGE_KM 0.35 /* … and of the reshaped one */

static inline int pa_edit_kind (gint64 n) { return (int) (n % PA_EDIT_N_KINDS); }
static inline gint64 pa_edit_group (gint64 n) { return n - n % PA_EDIT_N_KINDS; }

/* The centre of group @b's zone: a 25 × 25 grid of 0.012° near Yantai, so zones do not overlap. */
static inline void
pa_edit_centre (gint64 b, double *lon, double *lat)
{
  gint64 g = b / PA_EDIT_N_KINDS;
  *lon = 121.30 + (double) (g % 25) * 0.012;
  *lat = 37.45 + (double) (g / 25 % 25) * 0.012;
}

/* Where edit @n (an ORGANISATION or a PLACE) puts the enterprise: inside the zone. */
static inline void
pa_edit_site (gint64 n, double *lon, double *lat)
{
  pa_edit_centre (pa_edit_group (n), lon, lat);
  if (pa_edit_kind (n) == PA_EDIT_ORGANISATION)
    *lon -= 0.001;
  else
    *lon += 0.001, *lat += 0.0005;
}

/* A square of side 2 × @half_km around (lon, lat), anticlockwise. */
static inline PaGeometry *
pa_edit_square (double lon, double lat, double half_km)
{
  PaGeometry *g = pa_geometry_new ();
  double dlat = half_km / 111.32, dlon = half_km / (111.32 * cos (lat * G_PI / 180));
  pa_geometry_begin_polygon (g);
  pa_geometry_begin_ring (g);
  pa_geometry_add_point (g, lon - dlon, lat - dlat);
  pa_geometry_add_point (g, lon + dlon, lat - dlat);
  pa_geometry_add_point (g, lon + dlon, lat + dlat);
  pa_geometry_add_point (g, lon - dlon, lat + dlat);
  pa_geometry_add_point (g, lon - dlon, lat - dlat);
  return g;
}

/* The width in degrees of longitude of group @b's square of @half_km. */
static inline double
pa_edit_square_width (gint64 b, double half_km)
{
  double lon, lat;
  pa_edit_centre (b, &lon, &lat);
  return 2 * half_km / (111.32 * cos (lat * G_PI / 180));
}
