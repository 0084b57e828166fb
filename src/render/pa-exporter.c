/* pa-exporter.c — surfaces and files of an export; layout is pa-figure's and pa-atlas's */
#include "config.h"

#include "pa-zone-index.h"
#include "pa-exporter.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "pa-atlas.h"
#include "pa-figure.h"
#include "pa-painter.h"
#include "util/pa-atomic-file.h"

G_DEFINE_QUARK (pa-export-error-quark, pa_export_error)

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

/* Why a file could not be written, in the interface language: strerror's text is
 * English wherever the C library has no catalogue for the locale. */
static const char *
describe_errno (int err)
{
  switch (err)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      return _("the folder is read-only or you may not write there");
    case ENOSPC:
    case EDQUOT:
      return _("the disk is full");
    case ENOENT:
    case ENOTDIR:
      return _("the folder does not exist");
    case EISDIR:
      return _("a folder of that name is in the way");
    default:
      return g_strerror (err);
    }
}

/* The same words for a file error that carries an errno (G_FILE_ERROR). */
static const char *
describe_file_error (const GError *error)
{
  static const struct
  {
    GFileError code;
    int err;
  } codes[] = {
    { G_FILE_ERROR_ACCES, EACCES }, { G_FILE_ERROR_PERM, EPERM },   { G_FILE_ERROR_ROFS, EROFS },
    { G_FILE_ERROR_NOSPC, ENOSPC }, { G_FILE_ERROR_NOENT, ENOENT }, { G_FILE_ERROR_NOTDIR, ENOTDIR },
    { G_FILE_ERROR_ISDIR, EISDIR },
  };
  for (guint i = 0; error->domain == G_FILE_ERROR && i < G_N_ELEMENTS (codes); i++)
    if (error->code == (int) codes[i].code)
      return describe_errno (codes[i].err);
  return error->message;
}

/* Where cairo's bytes go: the temporary file, checking for Cancel on every write, so a
 * long PDF finish (zlib) stops soon after the planner asks. */
typedef struct
{
  FILE *file;
  GCancellable *cancellable;
  int error;
  gboolean cancelled;
} Sink;

static cairo_status_t
sink_write (void *closure, const unsigned char *data, unsigned int length)
{
  Sink *sink = closure;
  if (sink->cancelled || sink->error)
    return CAIRO_STATUS_WRITE_ERROR;
  if (g_cancellable_is_cancelled (sink->cancellable))
    {
      sink->cancelled = TRUE;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  if (fwrite (data, 1, length, sink->file) != length)
    {
      sink->error = errno ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

/* SOURCE_DATE_EPOCH as the ISO date cairo wants, or NULL (cairo then uses the time). */
static char *
source_date (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr (GDateTime) dt = NULL;
  char *end = NULL;
  gint64 secs;
  if (!epoch || !*epoch)
    return NULL;
  secs = g_ascii_strtoll (epoch, &end, 10);
  if (*end || !(dt = g_date_time_new_from_unix_utc (secs)))
    return NULL;
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

static void
report (PaExportProgressFunc progress, gpointer data, double fraction)
{
  if (progress)
    progress (fraction, data);
}

gboolean
pa_export_figure (PaPlan *plan, PaBasemap *basemap, const PaExportOptions *options, const char *path,
                  GCancellable *cancellable, PaExportProgressFunc progress, gpointer progress_data,
                  GError **error)
{
  PaExportFormat format;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  g_autoptr (PaAtomicFile) file = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *title = NULL, *date = NULL;
  const char *tmp;
  double page_w, page_h;
  int png_w = 0, png_h = 0;
  Sink sink = { NULL, cancellable, 0, FALSE };
  gboolean drawn = TRUE;

  g_return_val_if_fail (PA_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (options != NULL && path != NULL, FALSE);
  if (!pa_export_format_from_path (path, &format, error))
    return FALSE;
  if (options->atlas && format != PA_EXPORT_PDF)
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_FORMAT,
                   _("An atlas has many pages: export it as a .pdf, not “%s”"), path);
      return FALSE;
    }
  if (options->extent == PA_EXTENT_ZONE && !pa_plan_find_zone (plan, options->zone_key ? options->zone_key : ""))
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_OPTION, _("The plan “%s” has no zone “%s”"),
                   pa_plan_get_slug (plan), options->zone_key ? options->zone_key : "");
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  pa_export_options_get_page_pt (options, &page_w, &page_h);
  pa_export_options_get_png_size (options, &png_w, &png_h);
  title = pa_figure_dup_title (plan, options);

  /* write beside the target under a name of this process and rename, so a failed, killed
   * or cancelled export never leaves half a file, and the next one clears what it left */
  file = pa_atomic_file_new (path, &local);
  if (!file)
    {
      /* in the interface's words, not the system's English */
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"), path,
                   describe_file_error (local));
      return FALSE;
    }
  tmp = pa_atomic_file_get_temp_path (file);
  sink.file = g_fopen (tmp, "wb");
  if (!sink.file)
    {
      int saved = errno;
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"), path,
                   describe_errno (saved));
      return FALSE;
    }
  switch (format)
    {
    case PA_EXPORT_PDF:
      surface = cairo_pdf_surface_create_for_stream (sink_write, &sink, page_w, page_h);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Park Atlas " PA_VERSION);
      date = source_date ();
      if (date)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
      break;
    case PA_EXPORT_SVG:
      surface = cairo_svg_surface_create_for_stream (sink_write, &sink, page_w, page_h);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
      break;
    default:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, png_w, png_h);
      break;
    }
  report (progress, progress_data, 0.05);
  cr = cairo_create (surface);
  if (format == PA_EXPORT_PNG)
    cairo_scale (cr, png_w / page_w, png_h / page_h);
  if (options->atlas)
    drawn = pa_atlas_draw (cr, plan, basemap, options, page_w, page_h, cancellable, progress, progress_data);
  else
    {
      pa_figure_draw (cr, plan, basemap, options, page_w, page_h);
      cairo_show_page (cr);
      report (progress, progress_data, 0.6);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (drawn && status == CAIRO_STATUS_SUCCESS && format == PA_EXPORT_PNG)
    status = cairo_surface_write_to_png_stream (surface, sink_write, &sink);
  if (drawn)
    cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (fflush (sink.file) != 0 && !sink.error)
    sink.error = errno;
  if (fclose (sink.file) != 0 && !sink.error)
    sink.error = errno;
  if (!drawn || sink.cancelled || g_cancellable_is_cancelled (cancellable))
    {
      /* the temporary file goes with @file */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The export of “%s” was cancelled"), path);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS || sink.error)
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"), path,
                   sink.error ? describe_errno (sink.error) : cairo_status_to_string (status));
      return FALSE;
    }
  if (!pa_atomic_file_commit (file, &local))
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_WRITE, "%s", local->message);
      return FALSE;
    }
  report (progress, progress_data, 1.0);
  return TRUE;
}

gboolean
pa_export_write_text (const char *path, const char *text, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (PaAtomicFile) file = pa_atomic_file_new (path, &local);

  if (!file || !g_file_set_contents_full (pa_atomic_file_get_temp_path (file), text, -1,
                                          G_FILE_SET_CONTENTS_NONE, 0666, &local))
    {
      g_set_error (error, PA_EXPORT_ERROR, PA_EXPORT_ERROR_WRITE, _("Cannot write “%s”: %s"), path,
                   describe_file_error (local));
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
pa_export_plan (PaPlan *plan, PaBasemap *basemap, PaZone *selected, const char *path, GError **error)
{
  g_auto (PaExportOptions) options;

  pa_export_options_init (&options);
  if (selected)
    {
      options.highlight_selection = TRUE;
      options.selected_key = g_strdup (pa_zone_get_key (selected));
    }
  return pa_export_figure (plan, basemap, &options, path, NULL, NULL, NULL, error);
}

static void
prepare_geometry (PaGeometry *g)
{
  if (!g || pa_geometry_is_empty (g))
    return;
  pa_geometry_get_mercator (g);
  pa_geometry_get_cached_label_point (g);
  pa_geometry_get_cached_area (g);
}

void
pa_export_prepare (PaPlan *plan, PaBasemap *basemap)
{
  GListModel *zones = pa_plan_get_zones (plan);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      prepare_geometry (pa_zone_get_geometry (z));
      for (guint k = 0; k < pa_zone_get_n_parts (z); k++)
        prepare_geometry (pa_zone_get_part (z, k, NULL));
    }
  /* and the painter's index of the zones, which the thread then only reads */
  pa_zone_index_unref (pa_zone_index_ref_for_plan (plan));
  for (guint i = 0; basemap && i < pa_basemap_get_n_land (basemap); i++)
    prepare_geometry (pa_basemap_get_land (basemap, i));
  for (guint i = 0; basemap && i < pa_basemap_get_n_districts (basemap); i++)
    prepare_geometry (pa_basemap_get_district (basemap, i, NULL, NULL));
}
