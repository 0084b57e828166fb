/* pa-reproject.c — PROJ's crs-to-crs operation to EPSG:4326, in lon/lat order */
#include "pa-reproject.h"

#include <math.h>
#include <proj.h>

#include "pa-gpkg-blob.h"

struct _PaReprojection
{
  PJ_CONTEXT *ctx;
  PJ *op;
  char *source_name;
};

static void
set_proj_error (PaReprojection *self, GError **error, const char *what)
{
  int code = proj_context_errno (self->ctx);
  g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_UNSUPPORTED, "%s (%s)", what,
               code ? proj_context_errno_string (self->ctx, code) : "PROJ gave no reason");
}

void
pa_reprojection_free (PaReprojection *self)
{
  if (!self)
    return;
  if (self->op)
    proj_destroy (self->op);
  proj_context_destroy (self->ctx);
  g_free (self->source_name);
  g_free (self);
}

PaReprojection *
pa_reprojection_new (const char *source, GError **error)
{
  g_autoptr (PaReprojection) self = g_new0 (PaReprojection, 1);
  PJ *crs, *op;

  g_return_val_if_fail (source != NULL, NULL);
  self->ctx = proj_context_create ();
  /* PROJ would print its complaints on stderr; we report them in the GError instead */
  proj_log_level (self->ctx, PJ_LOG_NONE);
  crs = proj_create (self->ctx, source);
  if (!crs || !proj_is_crs (crs))
    {
      if (crs)
        proj_destroy (crs);
      set_proj_error (self, error, "not a coordinate reference system PROJ knows");
      return NULL;
    }
  self->source_name = g_strdup (proj_get_name (crs));
  proj_destroy (crs);
  op = proj_create_crs_to_crs (self->ctx, source, "EPSG:4326", NULL);
  if (!op)
    {
      set_proj_error (self, error, "no operation from it to WGS 84");
      return NULL;
    }
  /* EPSG:4326 declares latitude first; the app stores longitude first */
  self->op = proj_normalize_for_visualization (self->ctx, op);
  proj_destroy (op);
  if (!self->op)
    {
      set_proj_error (self, error, "no lon/lat form of the operation to WGS 84");
      return NULL;
    }
  return g_steal_pointer (&self);
}

const char *
pa_reprojection_get_source_name (PaReprojection *self)
{
  return self->source_name;
}

gboolean
pa_reprojection_point (PaReprojection *self, double *x, double *y)
{
  PJ_COORD out;

  g_return_val_if_fail (self != NULL, FALSE);
  if (!isfinite (*x) || !isfinite (*y))
    return FALSE;
  out = proj_trans (self->op, PJ_FWD, proj_coord (*x, *y, 0, 0));
  if (!isfinite (out.xy.x) || !isfinite (out.xy.y) || out.xy.x == HUGE_VAL)
    return FALSE;
  *x = out.xy.x;
  *y = out.xy.y;
  return TRUE;
}

typedef struct
{
  PaReprojection *self;
  PaPoint failed;
} MapData;

static gboolean
map_point (PaPoint *p, gpointer user_data)
{
  MapData *d = user_data;
  d->failed = *p;
  return pa_reprojection_point (d->self, &p->x, &p->y);
}

PaGeometry *
pa_reprojection_geometry (PaReprojection *self, const PaGeometry *g, GError **error)
{
  MapData d = { self, { 0, 0 } };
  PaGeometry *out = pa_geometry_map_points (g, map_point, &d);

  if (!out)
    g_set_error (error, PA_GEO_ERROR, PA_GEO_ERROR_INVALID,
                 "PROJ cannot transform the point %g, %g from %s to WGS 84", d.failed.x, d.failed.y,
                 self->source_name);
  return out;
}
