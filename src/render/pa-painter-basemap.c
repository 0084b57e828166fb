/* pa-painter-basemap.c — the continuous basemap: land tiers, water, rivers, borders and
 * place names, for tiles and figures alike.
 *
 * Names are placed once per zoom in world pixels and kept on the basemap, so two tiles
 * that share a name draw the same box at the same place and the name is never cut at a
 * tile's edge; a figure (any scale) places its own.
 */
#include "config.h"

#include "pa-painter-private.h"

#include <math.h>

#include "geo/pa-mercator.h"

static const PaColor sea = { 0.76, 0.86, 0.92 };
static const PaColor river = { 0.64, 0.79, 0.90 };
static const PaColor land = { 0.96, 0.95, 0.92 };
static const PaColor coast = { 0.55, 0.68, 0.78 };
static const PaColor country_border = { 0.50, 0.42, 0.52 };
static const PaColor province_border = { 0.62, 0.55, 0.63 };

typedef struct
{
  const PaBasemapName *name;
  double mx, my;      /* anchor, normalised mercator */
  double dx, dy;      /* text's top-left from the anchor, surface units */
  double w, h;        /* text size */
  gboolean dot;       /* a city: a dot at the anchor */
} Placed;

/* Names shown at each zoom, by kind: countries and provinces at overview zooms, cities
 * until the district names take over; those are drawn with the zones' names, which they
 * must not cover (pa_painter_draw_labels), so never here. */
static const int max_zoom[] = { 7, 8, 9, -1 };
static const double font_px[] = { 13, 12.5, 12, 12 };

static PaBBox
view_mercator (const PaView *view, double margin)
{
  double hw = view->width / 2 / view->world + margin / view->world;
  double hh = view->height / 2 / view->world + margin / view->world;
  return (PaBBox){ view->cx - hw, view->cy - hh, view->cx + hw, view->cy + hh };
}

static void
project_box (const PaView *view, const PaBBox *lonlat, double *x0, double *y0, double *x1, double *y1)
{
  pa_view_project (view, lonlat->minx, lonlat->maxy, x0, y0);
  pa_view_project (view, lonlat->maxx, lonlat->miny, x1, y1);
}

/* The rings (closed) or lines (open) of @g whose part boxes meet @mb (mercator). */
static void
path_parts (cairo_t *cr, const PaView *view, PaGeometry *lonlat, const PaBBox *mb, gboolean closed)
{
  PaGeometry *g = pa_geometry_get_mercator (lonlat);
  for (guint p = 0; p < pa_geometry_get_n_polygons (g); p++)
    {
      guint n;
      const PaPoint *pts = pa_geometry_get_ring (g, p, 0, &n);
      PaBBox rb = pa_bbox_empty ();
      for (guint i = 0; i < n; i++)
        {
          rb.minx = MIN (rb.minx, pts[i].x), rb.maxx = MAX (rb.maxx, pts[i].x);
          rb.miny = MIN (rb.miny, pts[i].y), rb.maxy = MAX (rb.maxy, pts[i].y);
        }
      if (!pa_bbox_intersects (&rb, mb))
        continue;
      for (guint r = 0; r < pa_geometry_get_n_rings (g, p); r++)
        {
          pts = pa_geometry_get_ring (g, p, r, &n);
          pa_painter_path_ring (cr, view, pts, n, 0.4, closed);
        }
    }
}

/* Rivers are drawn about 250 m wide where that is more than a hairline. */
static double
river_width (const PaView *view)
{
  return CLAMP (250.0 / pa_view_metres_per_unit (view), 0.7, 40.0);
}

static void
draw_tier (cairo_t *cr, const PaView *view, PaBasemap *basemap, guint i, const PaBBox *mb)
{
  int tier;
  PaBBox cov;
  PaGeometry *g = pa_basemap_get_tier (basemap, i, &tier, NULL, &cov);
  double x0, y0, x1, y1, zoom = pa_view_get_zoom (view);

  cairo_save (cr);
  project_box (view, &cov, &x0, &y0, &x1, &y1);
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_clip (cr);
  /* inside a tier what is not land is water, also where a coarser tier had land */
  pa_painter_set_color (cr, sea, 1);
  cairo_paint (cr);
  cairo_new_path (cr);
  path_parts (cr, view, g, mb, TRUE);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  pa_painter_set_color (cr, land, 1);
  {
    /* the coast, but not the straight edges where the tier's land was cut to its box
     * (they drew a line across the land where a finer tier begins): stroked inside the
     * box less a pixel */
    cairo_path_t *path = cairo_copy_path (cr);
    double ux = 1, uy = 0;
    cairo_fill (cr);
    cairo_device_to_user_distance (cr, &ux, &uy);
    cairo_save (cr);
    cairo_rectangle (cr, x0 + fabs (ux), y0 + fabs (ux), x1 - x0 - 2 * fabs (ux), y1 - y0 - 2 * fabs (ux));
    cairo_clip (cr);
    cairo_append_path (cr, path);
    cairo_path_destroy (path);
    pa_painter_set_color (cr, coast, 1);
    cairo_set_line_width (cr, 0.7);
    cairo_stroke (cr);
    cairo_restore (cr);
  }

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  for (guint k = 0; k < pa_basemap_get_n_lines (basemap); k++)
    {
      PaBasemapLineKind kind;
      int line_tier, min_zoom;
      PaGeometry *lines = pa_basemap_get_lines (basemap, k, &kind, &line_tier, &min_zoom);
      double w = river_width (view);
      if (kind != PA_BASEMAP_RIVER || line_tier != tier || zoom + 0.01 < min_zoom)
        continue;
      cairo_new_path (cr);
      path_parts (cr, view, lines, mb, FALSE);
      pa_painter_set_color (cr, w >= 3 ? sea : river, 1);
      cairo_set_line_width (cr, w);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static void
draw_borders (cairo_t *cr, const PaView *view, PaBasemap *basemap, const PaBBox *mb)
{
  double zoom = pa_view_get_zoom (view);
  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint k = 0; k < pa_basemap_get_n_lines (basemap); k++)
    {
      PaBasemapLineKind kind;
      int min_zoom;
      PaGeometry *lines = pa_basemap_get_lines (basemap, k, &kind, NULL, &min_zoom);
      gboolean country = kind == PA_BASEMAP_COUNTRY_BORDER;
      const double dash[] = { country ? 6 : 4, country ? 2 : 2, 1.2, country ? 2 : 0 };
      if (kind == PA_BASEMAP_RIVER || zoom + 0.01 < min_zoom)
        continue;
      cairo_new_path (cr);
      path_parts (cr, view, lines, mb, FALSE);
      pa_painter_set_color (cr, country ? country_border : province_border, 0.9);
      cairo_set_line_width (cr, country ? 1.3 : MIN (0.8 + 0.1 * MAX (zoom - 6, 0), 1.4));
      cairo_set_dash (cr, dash, country ? 4 : 2, 0);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static gboolean
overlaps (GArray *placed, double x, double y, double w, double h)
{
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      /* while placing, dx/dy hold the box's corner in world units; 3 units apart at least */
      if (x < p->dx + p->w + 3 && p->dx < x + w + 3 && y < p->dy + p->h + 3 && p->dy < y + h + 3)
        return TRUE;
    }
  return FALSE;
}

/* Places the names shown at @zoom in a world @world units wide: by rank, each at its
 * point (a city beside its dot), dropped when it would overlap one placed before. The
 * boxes are kept in world units in dx/dy until the end, then made relative to the anchor. */
static GArray *
place_names (PaBasemap *basemap, double world, double zoom)
{
  GArray *placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  guint n_reserved;

  /* the district names the zones' labels draw at their districts' label points (at 0.85 of
   * 13 px, pa_painter_draw_labels) are kept free: a city's name is not put over them */
  for (guint i = 0; i < pa_basemap_get_n_districts (basemap); i++)
    {
      const char *name;
      PaPoint lp = pa_geometry_get_label_point (pa_basemap_get_district (basemap, i, NULL, &name));
      g_autoptr (PangoLayout) layout = pa_painter_layout_new (cr, name, 13 * 0.85, FALSE);
      double mx, my;
      int w, h;
      pango_layout_get_pixel_size (layout, &w, &h);
      pa_mercator_from_lonlat (lp.x, lp.y, &mx, &my);
      g_array_append_val (placed, ((Placed){ NULL, mx, my, mx * world - w / 2.0, my * world - h / 2.0, w, h, FALSE }));
    }
  n_reserved = placed->len;

  for (guint i = 0; i < pa_basemap_get_n_names (basemap); i++)
    {
      const PaBasemapName *n = pa_basemap_get_name (basemap, i);
      g_autoptr (PangoLayout) layout = NULL;
      double mx, my, ax, ay;
      int w, h;
      gboolean city = n->kind == PA_BASEMAP_NAME_CITY;

      if (zoom + 0.01 < n->min_zoom || zoom > max_zoom[n->kind] + 0.99)
        continue;
      layout = pa_painter_layout_new (cr, n->name, font_px[n->kind] * (city && n->rank <= 2 ? 1.08 : 1),
                                      n->kind == PA_BASEMAP_NAME_COUNTRY);
      pango_layout_get_pixel_size (layout, &w, &h);
      pa_mercator_from_lonlat (n->lon, n->lat, &mx, &my);
      ax = mx * world, ay = my * world;
      {
        /* a city's name beside its dot: right, left, above, below; others centred */
        const double cand[4][2] = { { 6, -h / 2.0 }, { -6 - w, -h / 2.0 }, { -w / 2.0, -h - 5 }, { -w / 2.0, 5 } };
        guint nc = city ? 4 : 1;
        for (guint c = 0; c < nc; c++)
          {
            double x = city ? ax + cand[c][0] : ax - w / 2.0, y = city ? ay + cand[c][1] : ay - h / 2.0;
            if (x < 0 || y < 0 || x + w > world || y + h > world || overlaps (placed, x, y, w, h))
              continue;
            if (city && overlaps (placed, ax - 3, ay - 3, 6, 6))
              break;
            g_array_append_val (placed, ((Placed){ n, mx, my, x, y, w, h, city }));
            break;
          }
      }
    }
  g_array_remove_range (placed, 0, n_reserved);
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      p->dx -= p->mx * world;
      p->dy -= p->my * world;
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return placed;
}

typedef struct
{
  double world, zoom;
} PlaceArgs;

static gpointer
make_placement (PaBasemap *basemap, gpointer user_data)
{
  PlaceArgs *a = user_data;
  return place_names (basemap, a->world, a->zoom);
}

static void
draw_names (cairo_t *cr, const PaView *view, PaBasemap *basemap)
{
  double zoom = pa_view_get_zoom (view);
  double tile_zoom = log2 (view->world / 256);
  g_autoptr (GArray) own = NULL;
  GArray *placed;
  PaBBox vb = view_mercator (view, 4);

  if (pa_basemap_get_n_names (basemap) == 0)
    return;
  /* a tile's zoom is whole: its placement is shared by every tile of that zoom */
  if (fabs (tile_zoom - round (tile_zoom)) < 1e-9 && tile_zoom >= 0 && tile_zoom <= 24)
    {
      g_autofree char *key = g_strdup_printf ("names@%d", (int) round (tile_zoom));
      PlaceArgs a = { view->world, round (tile_zoom) };
      placed = pa_basemap_get_derived (basemap, key, make_placement, &a, (GDestroyNotify) g_array_unref);
    }
  else
    placed = own = place_names (basemap, view->world, zoom);

  cairo_save (cr);
  for (guint i = 0; i < placed->len; i++)
    {
      Placed *p = &g_array_index (placed, Placed, i);
      double x, y;
      g_autoptr (PangoLayout) layout = NULL;
      gboolean city = p->name->kind == PA_BASEMAP_NAME_CITY;
      /* anywhere near the view: a name that reaches into it is drawn whole */
      if (p->mx + (p->dx + p->w) / view->world < vb.minx || p->mx + p->dx / view->world > vb.maxx
          || p->my + (p->dy + p->h) / view->world < vb.miny || p->my + p->dy / view->world > vb.maxy)
        continue;
      pa_view_project_mercator (view, p->mx, p->my, &x, &y);
      if (p->dot)
        {
          cairo_new_path (cr);
          cairo_arc (cr, x, y, p->name->rank <= 2 ? 3.2 : 2.6, 0, 2 * G_PI);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_fill_preserve (cr);
          pa_painter_set_color (cr, pa_painter_ink, 0.85);
          cairo_set_line_width (cr, 1.4);
          cairo_stroke (cr);
        }
      layout = pa_painter_layout_new (cr, p->name->name,
                                      font_px[p->name->kind] * (city && p->name->rank <= 2 ? 1.08 : 1),
                                      p->name->kind == PA_BASEMAP_NAME_COUNTRY);
      cairo_new_path (cr);
      cairo_move_to (cr, x + p->dx, y + p->dy);
      pango_cairo_layout_path (cr, layout);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_set_line_width (cr, 3);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
      cairo_move_to (cr, x + p->dx, y + p->dy);
      switch (p->name->kind)
        {
        case PA_BASEMAP_NAME_COUNTRY: cairo_set_source_rgb (cr, 0.38, 0.32, 0.40); break;
        case PA_BASEMAP_NAME_PROVINCE: cairo_set_source_rgb (cr, 0.45, 0.36, 0.46); break;
        default: pa_painter_set_color (cr, pa_painter_ink, 1); break;
        }
      pango_cairo_show_layout (cr, layout);
    }
  cairo_restore (cr);
}

void
pa_painter_draw_tiered_basemap (cairo_t *cr, const PaView *view, PaBasemap *basemap, gboolean district_borders)
{
  double zoom = pa_view_get_zoom (view);
  PaBBox mb = view_mercator (view, 24), vb = pa_view_get_bbox (view);
  guint n = pa_basemap_get_n_tiers (basemap);

  cairo_save (cr);
  cairo_rectangle (cr, view->ox, view->oy, view->width, view->height);
  cairo_clip (cr);
  pa_painter_set_color (cr, sea, 1);
  cairo_paint (cr);
  for (guint i = 0; i < n; i++)
    {
      int min_zoom;
      PaBBox cov;
      gboolean hidden = FALSE;
      pa_basemap_get_tier (basemap, i, NULL, &min_zoom, &cov);
      if (zoom + 0.01 < min_zoom || !pa_bbox_intersects (&cov, &vb))
        continue;
      /* a tier that a finer one covers entirely in this view is not drawn at all */
      for (guint k = i + 1; k < n && !hidden; k++)
        {
          int kz;
          PaBBox kc;
          pa_basemap_get_tier (basemap, k, NULL, &kz, &kc);
          hidden = zoom + 0.01 >= kz && kc.minx <= vb.minx && kc.maxx >= vb.maxx && kc.miny <= vb.miny
                   && kc.maxy >= vb.maxy;
        }
      if (!hidden)
        draw_tier (cr, view, basemap, i, &mb);
    }
  draw_borders (cr, view, basemap, &mb);
  if (district_borders)
    {
      static const double dash[] = { 3, 2 };
      cairo_new_path (cr);
      for (guint i = 0; i < pa_basemap_get_n_districts (basemap); i++)
        {
          PaGeometry *g = pa_basemap_get_district (basemap, i, NULL, NULL);
          PaBBox gb = pa_geometry_get_bbox (g);
          if (pa_bbox_intersects (&gb, &vb))
            path_parts (cr, view, g, &mb, TRUE);
        }
      pa_painter_set_color (cr, pa_painter_border, 0.9);
      cairo_set_line_width (cr, 0.7);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  draw_names (cr, view, basemap);
  cairo_restore (cr);
}

/* Mainland China with Hainan and Taiwan, for the locator. */
static const PaBBox china = { 73.4, 17.5, 135.2, 53.7 };

void
pa_painter_locator_size (double width, double *height)
{
  double x0, y0, x1, y1;
  pa_mercator_from_lonlat (china.minx, china.maxy, &x0, &y0);
  pa_mercator_from_lonlat (china.maxx, china.miny, &x1, &y1);
  *height = width * (y1 - y0) / (x1 - x0);
}

void
pa_painter_draw_locator (cairo_t *cr, double x, double y, double w, double h, PaBasemap *basemap,
                         const PaBBox *extent)
{
  PaView view;
  PaBBox mb;
  double x0, y0, x1, y1, min_side = 5;
  int coarsest = -1, best_zoom = G_MAXINT;

  pa_view_init_fit (&view, &china, w, h, 0);
  view.ox = x, view.oy = y;
  mb = view_mercator (&view, 0);
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  pa_painter_set_color (cr, sea, 1);
  cairo_paint (cr);
  /* the coarsest land: a locator shows where, not what */
  for (guint i = 0; i < pa_basemap_get_n_tiers (basemap); i++)
    {
      int min_zoom;
      pa_basemap_get_tier (basemap, i, NULL, &min_zoom, NULL);
      if (min_zoom < best_zoom)
        best_zoom = min_zoom, coarsest = (int) i;
    }
  if (coarsest >= 0)
    {
      cairo_new_path (cr);
      path_parts (cr, &view, pa_basemap_get_tier (basemap, (guint) coarsest, NULL, NULL, NULL), &mb, TRUE);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      pa_painter_set_color (cr, land, 1);
      cairo_fill (cr);
    }
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint k = 0; k < pa_basemap_get_n_lines (basemap); k++)
    {
      PaBasemapLineKind kind;
      PaGeometry *lines = pa_basemap_get_lines (basemap, k, &kind, NULL, NULL);
      if (kind == PA_BASEMAP_RIVER)
        continue;
      cairo_new_path (cr);
      path_parts (cr, &view, lines, &mb, FALSE);
      pa_painter_set_color (cr, kind == PA_BASEMAP_COUNTRY_BORDER ? country_border : province_border, 0.8);
      cairo_set_line_width (cr, kind == PA_BASEMAP_COUNTRY_BORDER ? 0.6 : 0.3);
      cairo_stroke (cr);
    }
  /* where the figure is: its extent, at least a few points across to be seen */
  project_box (&view, extent, &x0, &y0, &x1, &y1);
  if (x1 - x0 < min_side)
    x0 = (x0 + x1 - min_side) / 2, x1 = x0 + min_side;
  if (y1 - y0 < min_side)
    y0 = (y0 + y1 - min_side) / 2, y1 = y0 + min_side;
  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_set_source_rgb (cr, 0.85, 0.12, 0.10);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
  cairo_restore (cr);
  /* its frame */
  cairo_rectangle (cr, x, y, w, h);
  pa_painter_set_color (cr, pa_painter_ink, 1);
  cairo_set_line_width (cr, 0.6);
  cairo_stroke (cr);
}

void
pa_painter_draw_area (cairo_t *cr, const PaView *view, PaGeometry *area)
{
  PaBBox mb = view_mercator (view, 20);

  cairo_save (cr);
  /* the neighbours under a white veil: the plan's area in full colour */
  cairo_new_path (cr);
  cairo_rectangle (cr, view->ox, view->oy, view->width, view->height);
  path_parts (cr, view, area, &mb, TRUE);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.5);
  cairo_fill (cr);
  /* its boundary bold, on a white halo, as 规划图 draw the area they plan */
  cairo_new_path (cr);
  path_parts (cr, view, area, &mb, TRUE);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_set_line_width (cr, 3.4);
  cairo_stroke_preserve (cr);
  pa_painter_set_color (cr, (PaColor){ 0.42, 0.30, 0.36 }, 1);
  cairo_set_line_width (cr, 1.6);
  cairo_stroke (cr);
  cairo_restore (cr);
}
