/* pa-export-options.c — paper sizes and the checks on a figure's choices */
#include "config.h"

#include "pa-export-options.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "pa-exporter.h"
#include "pa-figure-text.h"

static const struct
{
  const char *name;
  double w, h; /* landscape, mm */
} papers[] = {
  [PA_PAPER_A4] = { "A4", 297, 210 },
  [PA_PAPER_A3] = { "A3", 420, 297 },
  [PA_PAPER_A2] = { "A2", 594, 420 },
  [PA_PAPER_A1] = { "A1", 841, 594 },
  [PA_PAPER_SLIDE] = { "16:9", 338.6667, 190.5 },
  [PA_PAPER_CUSTOM] = { "custom", 0, 0 },
};

void
pa_export_options_init (PaExportOptions *options)
{
  *options = (PaExportOptions){ 0 };
  options->paper = PA_PAPER_A4;
  options->dpi = 144;
  options->extent = PA_EXTENT_PLAN;
  options->view_box = pa_bbox_empty ();
  options->show_basemap = options->show_legend = options->show_scale_bar = TRUE;
  options->show_north_arrow = options->show_attribution = options->show_notes = TRUE;
  options->show_locator = TRUE;
}

void
pa_export_options_clear (PaExportOptions *options)
{
  g_clear_pointer (&options->zone_key, g_free);
  g_clear_pointer (&options->selected_key, g_free);
  g_clear_pointer (&options->title, g_free);
  g_clear_pointer (&options->subtitle, g_free);
  g_clear_pointer (&options->organisation, g_free);
  g_clear_pointer (&options->date, g_free);
  g_clear_pointer (&options->lang, g_free);
  g_clear_object (&options->tiles);
  g_clear_object (&options->web_tiles);
}

void
pa_export_options_copy (PaExportOptions *dest, const PaExportOptions *src)
{
  *dest = *src;
  dest->zone_key = g_strdup (src->zone_key);
  dest->selected_key = g_strdup (src->selected_key);
  dest->title = g_strdup (src->title);
  dest->subtitle = g_strdup (src->subtitle);
  dest->organisation = g_strdup (src->organisation);
  dest->date = g_strdup (src->date);
  dest->lang = g_strdup (src->lang);
  dest->tiles = src->tiles ? g_object_ref (src->tiles) : NULL;
  dest->web_tiles = src->web_tiles ? g_object_ref (src->web_tiles) : NULL;
}

void
pa_export_options_get_page_mm (const PaExportOptions *options, double *w, double *h)
{
  double a, b;
  if (options->paper == PA_PAPER_CUSTOM)
    a = options->custom_w_mm, b = options->custom_h_mm;
  else
    a = papers[options->paper].w, b = papers[options->paper].h;
  /* custom sizes are taken as given; named papers are landscape unless asked */
  if (options->paper != PA_PAPER_CUSTOM && options->portrait)
    *w = b, *h = a;
  else
    *w = a, *h = b;
}

void
pa_export_options_get_page_pt (const PaExportOptions *options, double *w, double *h)
{
  pa_export_options_get_page_mm (options, w, h);
  *w = *w / 25.4 * 72;
  *h = *h / 25.4 * 72;
}

void
pa_export_options_get_png_size (const PaExportOptions *options, int *w, int *h)
{
  double mw, mh;
  pa_export_options_get_page_mm (options, &mw, &mh);
  *w = (int) lround (mw / 25.4 * options->dpi);
  *h = (int) lround (mh / 25.4 * options->dpi);
}

gboolean
pa_paper_from_string (const char *name, PaPaper *paper, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (g_ascii_strcasecmp (name, papers[i].name) == 0)
      {
        *paper = i;
        return TRUE;
      }
  if (g_ascii_strcasecmp (name, "slide") == 0)
    {
      *paper = PA_PAPER_SLIDE;
      return TRUE;
    }
  g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_OPTION,
               _("Unknown page “%s”: use A4, A3, A2, A1, 16:9 or --size WxH (millimetres)"), name);
  return FALSE;
}

const char *
pa_paper_to_string (PaPaper paper)
{
  return papers[MIN (paper, PA_PAPER_CUSTOM)].name;
}

gboolean
pa_export_options_set_size (PaExportOptions *options, const char *wxh, GError **error)
{
  char *end = NULL;
  double w = g_ascii_strtod (wxh, &end), h = 0;
  if (end && (*end == 'x' || *end == 'X'))
    h = g_ascii_strtod (end + 1, &end);
  /* 50 mm to 2 m a side: smaller has no room for a map, larger no printer */
  if (!end || *end || !(w >= 50 && w <= 2000 && h >= 50 && h <= 2000))
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_OPTION,
                   _("Cannot read the page size “%s”: give width×height in millimetres, e.g. 400x300, each 50–2000"),
                   wxh);
      return FALSE;
    }
  options->paper = PA_PAPER_CUSTOM;
  options->custom_w_mm = w;
  options->custom_h_mm = h;
  return TRUE;
}

gboolean
pa_export_options_set_orientation (PaExportOptions *options, const char *name, GError **error)
{
  if (g_ascii_strcasecmp (name, "landscape") == 0)
    options->portrait = FALSE;
  else if (g_ascii_strcasecmp (name, "portrait") == 0)
    options->portrait = TRUE;
  else
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_OPTION,
                   _("Unknown orientation “%s”: use landscape or portrait"), name);
      return FALSE;
    }
  return TRUE;
}

gboolean
pa_export_options_set_dpi (PaExportOptions *options, int dpi, GError **error)
{
  if (dpi < PA_EXPORT_DPI_MIN || dpi > PA_EXPORT_DPI_MAX)
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_OPTION,
                   _("A PNG's resolution must be %d–%d dpi, not %d"), PA_EXPORT_DPI_MIN, PA_EXPORT_DPI_MAX, dpi);
      return FALSE;
    }
  options->dpi = dpi;
  return TRUE;
}

gboolean
pa_export_options_set_lang (PaExportOptions *options, const char *lang, GError **error)
{
  if (!lang || !pa_figure_lang_is_valid (lang))
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_OPTION,
                   _("Unknown figure language “%s”: use zh or en"), lang ? lang : "");
      return FALSE;
    }
  g_free (options->lang);
  options->lang = g_strdup (lang);
  return TRUE;
}
