/* pa-exporter.c — page layout of an exported figure; drawing is the painter's */
#include "config.h"

#include "pa-exporter.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pa-painter.h"
#include "util/pa-atomic-file.h"

G_DEFINE_QUARK (pa-export-error-quark, pa_export_error)

/* A4 landscape in PostScript points; PNG renders it at 2 px per point. */
#define PAGE_W 842.0
#define PAGE_H 595.0
#define PNG_SCALE 2.0

gboolean
pa_export_format_from_path (const char *path, PaExportFormat *format, GError **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".pdf"))
    *format = PA_EXPORT_PDF;
  else if (g_str_has_suffix (lower, ".svg"))
    *format = PA_EXPORT_SVG;
  else if (g_str_has_suffix (lower, ".png"))
    *format = PA_EXPORT_PNG;
  else
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_FORMAT,
                   _("Cannot tell the export format of “%s”: use a .pdf, .svg or .png name"), path);
      return FALSE;
    }
  return TRUE;
}

static void
draw_page (cairo_t *cr, PaPlan *plan, PaBasemap *basemap, PaZone *selected)
{
  const PaColor ink = { 0.13, 0.13, 0.15 }, grey = { 0.35, 0.35, 0.38 };
  const double margin = 28;
  double y = margin, title_h, map_top, map_h, lw, lh;
  g_autofree char *source = pa_plan_describe_source (plan);
  g_autofree char *footer = NULL;
  PaView view;
  PaBBox extent = pa_plan_get_extent (plan);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  title_h = pa_painter_draw_text (cr, margin, y, PAGE_W - 2 * margin, pa_plan_get_name (plan), 18, TRUE, ink);
  y += title_h + 2;
  y += pa_painter_draw_text (cr, margin, y, PAGE_W - 2 * margin, source, 8.5, FALSE, grey) + 8;
  map_top = y;
  footer = g_strdup_printf ("%s%s%s", pa_painter_attribution (),
                            pa_plan_has_schematic_zones (plan)
                                ? _(" · Outlines marked 示意 are schematic: drawn inside the "
                                    "named district, not surveyed boundaries.")
                                : "",
                            pa_plan_has_inferred_zones (plan)
                                ? _(" · Zones marked 推定 are inferred: the document does not state "
                                    "their role or place.")
                                : "");
  map_h = PAGE_H - margin - 26 - map_top;

  /* map frame */
  if (pa_bbox_is_empty (&extent))
    extent = (PaBBox){ 73, 18, 135, 54 };
  {
    /* pad the extent so zone outlines do not touch the frame */
    double dx = (extent.maxx - extent.minx) * 0.08, dy = (extent.maxy - extent.miny) * 0.08;
    extent.minx -= dx, extent.maxx += dx, extent.miny -= dy, extent.maxy += dy;
  }
  pa_view_init_fit (&view, &extent, PAGE_W - 2 * margin, map_h, 0);
  view.ox = margin;
  view.oy = map_top;
  cairo_save (cr);
  cairo_rectangle (cr, margin, map_top, PAGE_W - 2 * margin, map_h);
  cairo_clip (cr);
  pa_painter_draw_basemap (cr, &view, basemap, TRUE);
  pa_painter_draw_zones (cr, &view, plan, selected, 1.0);
  pa_painter_draw_sites (cr, &view, plan, 1.0);
  pa_painter_draw_labels (cr, &view, plan, selected, basemap, 10, TRUE);
  cairo_restore (cr);
  cairo_rectangle (cr, margin, map_top, PAGE_W - 2 * margin, map_h);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.32);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  pa_painter_draw_legend (cr, 0, 0, plan, 9, TRUE, &lw, &lh);
  pa_painter_draw_legend (cr, margin + 8, map_top + map_h - lh - 8, plan, 9, FALSE, NULL, NULL);
  pa_painter_draw_north_arrow (cr, PAGE_W - margin - 22, map_top + 10, 26);
  pa_painter_draw_scale_bar (cr, &view, PAGE_W - margin - 12, map_top + map_h - 12, 140, 8.5);
  pa_painter_draw_text (cr, margin, map_top + map_h + 5, PAGE_W - 2 * margin, footer, 7, FALSE, grey);
}

gboolean
pa_export_plan (PaPlan *plan, PaBasemap *basemap, PaZone *selected, const char *path, GError **error)
{
  PaExportFormat format;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autoptr (PaAtomicFile) file = NULL;
  g_autoptr (GError) local = NULL;
  const char *tmp;

  g_return_val_if_fail (PA_IS_PLAN (plan), FALSE);
  if (!pa_export_format_from_path (path, &format, error))
    return FALSE;
  /* write beside the target under a name of this process and rename, so a failed or
   * killed export never leaves half a file, and the next one clears what it left */
  file = pa_atomic_file_new (path, &local);
  if (!file)
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_WRITE, "%s", local->message);
      return FALSE;
    }
  tmp = pa_atomic_file_get_temp_path (file);
  switch (format)
    {
    case PA_EXPORT_PDF:
      surface = cairo_pdf_surface_create (tmp, PAGE_W, PAGE_H);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, pa_plan_get_name (plan));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Park Atlas " PA_VERSION);
      break;
    case PA_EXPORT_SVG:
      surface = cairo_svg_surface_create (tmp, PAGE_W, PAGE_H);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (PAGE_W * PNG_SCALE),
                                            (int) (PAGE_H * PNG_SCALE));
      break;
    }
  cr = cairo_create (surface);
  if (format == PA_EXPORT_PNG)
    cairo_scale (cr, PNG_SCALE, PNG_SCALE);
  draw_page (cr, plan, basemap, selected);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == PA_EXPORT_PNG)
    status = cairo_surface_write_to_png (surface, tmp);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (!pa_atomic_file_commit (file, &local))
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_WRITE, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
pa_export_write_text (const char *path, const char *text, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (PaAtomicFile) file = pa_atomic_file_new (path, &local);

  if (file && !g_file_set_contents_full (pa_atomic_file_get_temp_path (file), text, -1,
                                         G_FILE_SET_CONTENTS_NONE, 0666, &local))
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"), path,
                   local->message);
      return FALSE;
    }
  if (!file || !pa_atomic_file_commit (file, &local))
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_WRITE, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}
