/* pa-export-dialog.c — export options, live preview and the threaded export */
#define G_LOG_DOMAIN "parkatlas-export"

#include "config.h"

#include "pa-export-dialog.h"

#include <glib/gi18n.h>

#include "render/pa-atlas.h"
#include "render/pa-exporter.h"
#include "render/pa-figure-text.h"
#include "render/pa-figure.h"

struct _PaExportDialog
{
  AdwWindow parent_instance;

  GtkButton *cancel_button, *export_button;
  GtkDrawingArea *preview;
  GtkLabel *size_label, *status_label;
  GtkProgressBar *progress;
  GtkWidget *options_box;
  AdwComboRow *format_row, *paper_row, *orientation_row, *lang_row, *extent_row;
  AdwActionRow *custom_row, *dpi_row, *selection_row;
  GtkSpinButton *custom_w, *custom_h, *dpi;
  GtkSwitch *atlas_switch, *basemap_switch, *legend_switch, *scale_switch, *north_switch, *locator_switch;
  GtkSwitch *attribution_switch, *notes_switch, *selection_switch;
  AdwEntryRow *title_row, *subtitle_row, *organisation_row, *date_row;

  PaPlan *plan;
  PaBasemap *basemap;
  PaTileProvider *web_tiles, *tiles;
  char *selected_key;
  PaBBox view_box;
  GSettings *settings;
  GPtrArray *zone_keys; /* extent entries after "whole plan" and "current view" */
  GCancellable *cancellable; /* set while an export runs */
  gboolean close_when_done;
  /* the preview is drawn in a thread, one job at a time; a change meanwhile asks again */
  cairo_surface_t *preview_image;
  int preview_w, preview_h, asked_w, asked_h;
  gboolean preview_busy, preview_again;
};

G_DEFINE_FINAL_TYPE (PaExportDialog, pa_export_dialog, ADW_TYPE_WINDOW)

static const char *const format_ext[] = { "pdf", "svg", "png" };

void
pa_export_dialog_get_options (PaExportDialog *self, PaExportOptions *o)
{
  guint extent = adw_combo_row_get_selected (self->extent_row);
  const char *text;

  pa_export_options_init (o);
  o->paper = MIN (adw_combo_row_get_selected (self->paper_row), PA_PAPER_CUSTOM);
  o->custom_w_mm = gtk_spin_button_get_value (self->custom_w);
  o->custom_h_mm = gtk_spin_button_get_value (self->custom_h);
  o->portrait = adw_combo_row_get_selected (self->orientation_row) == 1;
  o->dpi = gtk_spin_button_get_value_as_int (self->dpi);
  o->lang = g_strdup (adw_combo_row_get_selected (self->lang_row) == 1 ? "en" : "zh");
  if (extent == 1 && !pa_bbox_is_empty (&self->view_box))
    {
      o->extent = PA_EXTENT_VIEW;
      o->view_box = self->view_box;
    }
  else if (extent >= 2 && extent - 2 < self->zone_keys->len)
    {
      o->extent = PA_EXTENT_ZONE;
      o->zone_key = g_strdup (self->zone_keys->pdata[extent - 2]);
    }
  o->atlas = gtk_switch_get_active (self->atlas_switch);
  o->show_basemap = gtk_switch_get_active (self->basemap_switch);
  o->tiles = self->tiles ? g_object_ref (self->tiles) : NULL;
  o->web_tiles = self->web_tiles ? g_object_ref (self->web_tiles) : NULL;
  o->show_legend = gtk_switch_get_active (self->legend_switch);
  o->show_scale_bar = gtk_switch_get_active (self->scale_switch);
  o->show_north_arrow = gtk_switch_get_active (self->north_switch);
  o->show_locator = gtk_switch_get_active (self->locator_switch);
  o->show_attribution = gtk_switch_get_active (self->attribution_switch);
  o->show_notes = gtk_switch_get_active (self->notes_switch);
  o->highlight_selection = self->selected_key && gtk_switch_get_active (self->selection_switch);
  o->selected_key = g_strdup (self->selected_key);
  text = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  o->title = *text ? g_strdup (text) : NULL;
  text = gtk_editable_get_text (GTK_EDITABLE (self->subtitle_row));
  o->subtitle = *text ? g_strdup (text) : NULL;
  text = gtk_editable_get_text (GTK_EDITABLE (self->organisation_row));
  o->organisation = *text ? g_strdup (text) : NULL;
  text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  o->date = *text ? g_strdup (text) : NULL;
}

static guint
chosen_format (PaExportDialog *self)
{
  return gtk_switch_get_active (self->atlas_switch) ? 0 : MIN (adw_combo_row_get_selected (self->format_row), 2);
}

char *
pa_export_dialog_suggest_name (PaExportDialog *self)
{
  g_auto (PaExportOptions) o;
  GString *name = g_string_new (pa_plan_get_slug (self->plan));

  g_return_val_if_fail (PA_IS_EXPORT_DIALOG (self), NULL);
  pa_export_dialog_get_options (self, &o);
  if (o.zone_key && !o.atlas)
    g_string_append_printf (name, "-%s", o.zone_key);
  if (o.atlas)
    g_string_append (name, "-atlas");
  if (o.paper == PA_PAPER_CUSTOM)
    g_string_append_printf (name, "-%.0fx%.0f", o.custom_w_mm, o.custom_h_mm);
  else
    g_string_append_printf (name, "-%s", o.paper == PA_PAPER_SLIDE ? "slide" : pa_paper_to_string (o.paper));
  g_string_append_printf (name, "-%s.%s", o.lang, format_ext[chosen_format (self)]);
  return g_string_free (name, FALSE);
}

typedef struct
{
  PaPlan *plan;
  PaBasemap *basemap;
  PaExportOptions options;
  int w, h, scale;
} PreviewJob;

static void
preview_job_free (PreviewJob *job)
{
  g_clear_object (&job->plan);
  g_clear_object (&job->basemap);
  pa_export_options_clear (&job->options);
  g_free (job);
}

/* The page as the file will have it, scaled into a w × h image, with a shadow: the same
 * painter as the export, off the main thread (a plan of 10,000 zones takes seconds). */
static void
render_preview (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  PreviewJob *job = data;
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->w * job->scale, job->h * job->scale);
  cairo_t *cr = cairo_create (s);
  double pw, ph, scale, x, y;

  cairo_surface_set_device_scale (s, job->scale, job->scale);
  pa_export_options_get_page_pt (&job->options, &pw, &ph);
  scale = MIN ((job->w - 24) / pw, (job->h - 24) / ph);
  if (scale > 0)
    {
      x = (job->w - pw * scale) / 2;
      y = (job->h - ph * scale) / 2;
      cairo_set_source_rgba (cr, 0, 0, 0, 0.18);
      cairo_rectangle (cr, x + 2, y + 3, pw * scale, ph * scale);
      cairo_fill (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      cairo_rectangle (cr, 0, 0, pw, ph);
      cairo_clip (cr);
      if (job->options.atlas)
        pa_atlas_draw_page (cr, job->plan, job->basemap, &job->options, pw, ph, 1);
      else
        pa_figure_draw (cr, job->plan, job->basemap, &job->options, pw, ph);
    }
  cairo_destroy (cr);
  g_task_return_pointer (task, s, (GDestroyNotify) cairo_surface_destroy);
}

static void schedule_preview (PaExportDialog *self);

static void
preview_rendered (GObject *source, GAsyncResult *result, gpointer data)
{
  PaExportDialog *self = PA_EXPORT_DIALOG (source);
  PreviewJob *job = g_task_get_task_data (G_TASK (result));
  cairo_surface_t *image = g_task_propagate_pointer (G_TASK (result), NULL);

  self->preview_busy = FALSE;
  if (!self->preview) /* closed meanwhile */
    {
      cairo_surface_destroy (image);
      return;
    }
  g_clear_pointer (&self->preview_image, cairo_surface_destroy);
  self->preview_image = image;
  self->preview_w = job->w, self->preview_h = job->h;
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
  if (self->preview_again)
    schedule_preview (self);
}

static void
schedule_preview (PaExportDialog *self)
{
  g_autoptr (GTask) task = NULL;
  PreviewJob *job;
  int w = gtk_widget_get_width (GTK_WIDGET (self->preview)), h = gtk_widget_get_height (GTK_WIDGET (self->preview));

  if (w <= 0 || h <= 0)
    return;
  if (self->preview_busy)
    {
      self->preview_again = TRUE;
      return;
    }
  self->preview_again = FALSE;
  self->preview_busy = TRUE;
  self->asked_w = w, self->asked_h = h;
  job = g_new0 (PreviewJob, 1);
  job->plan = g_object_ref (self->plan);
  job->basemap = self->basemap ? g_object_ref (self->basemap) : NULL;
  pa_export_dialog_get_options (self, &job->options);
  job->w = w, job->h = h;
  job->scale = gtk_widget_get_scale_factor (GTK_WIDGET (self->preview));
  task = g_task_new (self, NULL, preview_rendered, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) preview_job_free);
  g_task_run_in_thread (task, render_preview);
}

/* The last preview made, stretched while the next one for a new size is drawn. */
static void
draw_preview (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  PaExportDialog *self = data;

  if (width != self->asked_w || height != self->asked_h)
    schedule_preview (self);
  if (!self->preview_image)
    return;
  cairo_save (cr);
  if (self->preview_w != width || self->preview_h != height)
    {
      double k = MIN ((double) width / self->preview_w, (double) height / self->preview_h);
      cairo_translate (cr, (width - self->preview_w * k) / 2, (height - self->preview_h * k) / 2);
      cairo_scale (cr, k, k);
    }
  cairo_set_source_surface (cr, self->preview_image, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

gboolean
pa_export_dialog_is_previewing (PaExportDialog *self)
{
  g_return_val_if_fail (PA_IS_EXPORT_DIALOG (self), FALSE);
  return self->preview_busy;
}

cairo_surface_t *
pa_export_dialog_get_preview (PaExportDialog *self)
{
  g_return_val_if_fail (PA_IS_EXPORT_DIALOG (self), NULL);
  return self->preview_image;
}

static void
options_changed (PaExportDialog *self)
{
  g_auto (PaExportOptions) o;
  g_autofree char *size = NULL;
  double mw, mh;
  guint format = chosen_format (self);

  pa_export_dialog_get_options (self, &o);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_row), o.paper == PA_PAPER_CUSTOM);
  gtk_widget_set_sensitive (GTK_WIDGET (self->dpi_row), format == 2);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !o.atlas);
  gtk_widget_set_visible (GTK_WIDGET (self->selection_row), self->selected_key != NULL);
  pa_export_options_get_page_mm (&o, &mw, &mh);
  if (format == 2)
    {
      int w, h;
      pa_export_options_get_png_size (&o, &w, &h);
      size = g_strdup_printf (_("%.0f × %.0f mm, %d × %d pixels"), mw, mh, w, h);
    }
  else
    size = g_strdup_printf (_("%.0f × %.0f mm"), mw, mh);
  gtk_label_set_text (self->size_label, size);
  schedule_preview (self);
}

static void
set_busy (PaExportDialog *self, gboolean busy)
{
  gtk_widget_set_sensitive (self->options_box, !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), busy);
  gtk_button_set_label (self->cancel_button, busy ? _("_Stop") : _("_Close"));
  if (busy)
    gtk_progress_bar_set_fraction (self->progress, 0);
}

typedef struct
{
  PaExportOptions options;
  char *path;
  PaPlan *plan;
  PaBasemap *basemap;
} Job;

static void
job_free (Job *job)
{
  pa_export_options_clear (&job->options);
  g_free (job->path);
  g_clear_object (&job->plan);
  g_clear_object (&job->basemap);
  g_free (job);
}

typedef struct
{
  PaExportDialog *self;
  double fraction;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *p = data;
  if (p->self->cancellable)
    gtk_progress_bar_set_fraction (p->self->progress, p->fraction);
  g_object_unref (p->self);
  g_free (p);
  return G_SOURCE_REMOVE;
}

/* In the export thread: hands the fraction to the main loop. */
static void
report_progress (double fraction, gpointer data)
{
  Progress *p = g_new (Progress, 1);
  p->self = g_object_ref (data);
  p->fraction = fraction;
  g_main_context_invoke (NULL, show_progress, p);
}

static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  if (pa_export_figure (job->plan, job->basemap, &job->options, job->path, cancellable, report_progress, source,
                        &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done (GObject *source, GAsyncResult *result, gpointer data)
{
  PaExportDialog *self = PA_EXPORT_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *msg = NULL;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    msg = g_strdup_printf (_("Exported to %s"), job->path);
  else
    msg = g_strdup (error->message);
  gtk_label_set_text (self->status_label, msg);
  if (self->close_when_done)
    gtk_window_destroy (GTK_WINDOW (self));
}

void
pa_export_dialog_export_to (PaExportDialog *self, const char *path)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (PA_IS_EXPORT_DIALOG (self));
  g_return_if_fail (self->cancellable == NULL);
  job = g_new0 (Job, 1);
  pa_export_dialog_get_options (self, &job->options);
  job->path = g_strdup (path);
  job->plan = g_object_ref (self->plan);
  job->basemap = self->basemap ? g_object_ref (self->basemap) : NULL;
  /* the thread only reads: fill the lazy caches here, in the main thread */
  pa_export_prepare (self->plan, self->basemap);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  gtk_label_set_text (self->status_label, _("Exporting…"));
  task = g_task_new (self, self->cancellable, export_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_thread);
}

void
pa_export_dialog_cancel (PaExportDialog *self)
{
  g_return_if_fail (PA_IS_EXPORT_DIALOG (self));
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
}

gboolean
pa_export_dialog_is_busy (PaExportDialog *self)
{
  return self->cancellable != NULL;
}

const char *
pa_export_dialog_get_status (PaExportDialog *self)
{
  return gtk_label_get_text (self->status_label);
}

static void
file_chosen (GtkNativeDialog *chooser, int response, PaExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent ? g_file_get_path (parent) : NULL;
      if (self->settings && folder)
        g_settings_set_string (self->settings, "export-folder", folder);
      if (path)
        pa_export_dialog_export_to (self, path);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_clicked (PaExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = pa_export_dialog_suggest_name (self);
  g_autofree char *folder = self->settings ? g_settings_get_string (self->settings, "export-folder") : NULL;

  chooser = gtk_file_chooser_native_new (_("Export Figure"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (folder && *folder && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GFile) dir = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), dir, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (file_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_clicked (PaExportDialog *self)
{
  if (self->cancellable)
    pa_export_dialog_cancel (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* Closing while an export runs stops it; the window goes when the thread is done. */
static gboolean
close_request (GtkWindow *window)
{
  PaExportDialog *self = PA_EXPORT_DIALOG (window);
  if (!self->cancellable)
    return FALSE;
  self->close_when_done = TRUE;
  pa_export_dialog_cancel (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return TRUE;
}

static void
bind_settings (PaExportDialog *self)
{
  GSettings *s = self->settings;
  g_autofree char *lang = NULL;

  if (s)
    {
      g_settings_bind (s, "export-format", self->format_row, "selected", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-paper", self->paper_row, "selected", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-orientation", self->orientation_row, "selected", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-dpi", self->dpi, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-custom-width", self->custom_w, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-custom-height", self->custom_h, "value", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-basemap", self->basemap_switch, "active", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-legend", self->legend_switch, "active", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-scale-bar", self->scale_switch, "active", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-north-arrow", self->north_switch, "active", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-locator", self->locator_switch, "active", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-attribution", self->attribution_switch, "active", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-notes", self->notes_switch, "active", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (s, "export-organisation", self->organisation_row, "text", G_SETTINGS_BIND_DEFAULT);
      lang = g_settings_get_string (s, "export-lang");
    }
  else
    {
      GtkSwitch *on[] = { self->basemap_switch, self->legend_switch, self->scale_switch,
                          self->north_switch, self->locator_switch, self->attribution_switch, self->notes_switch };
      for (guint i = 0; i < G_N_ELEMENTS (on); i++)
        gtk_switch_set_active (on[i], TRUE);
    }
  /* no choice yet: the figure in the interface's language */
  if (!lang || !*lang)
    lang = g_strdup (g_str_equal (pa_figure_text (NULL, "Legend"), "Legend") ? "en" : "zh");
  adw_combo_row_set_selected (self->lang_row, g_str_equal (lang, "en") ? 1 : 0);
}

static void
lang_changed (PaExportDialog *self)
{
  if (self->settings)
    g_settings_set_string (self->settings, "export-lang",
                           adw_combo_row_get_selected (self->lang_row) == 1 ? "en" : "zh");
}

PaExportDialog *
pa_export_dialog_new (GtkWindow *parent, PaPlan *plan, PaBasemap *basemap, PaZone *selected,
                      const PaBBox *view_box, GSettings *settings)
{
  PaExportDialog *self;
  g_autoptr (GtkStringList) extents = gtk_string_list_new (NULL);
  GListModel *zones;

  g_return_val_if_fail (PA_IS_PLAN (plan), NULL);
  self = g_object_new (PA_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->plan = g_object_ref (plan);
  self->basemap = basemap ? g_object_ref (basemap) : NULL;
  self->selected_key = selected ? g_strdup (pa_zone_get_key (selected)) : NULL;
  self->view_box = view_box ? *view_box : pa_bbox_empty ();
  self->settings = settings ? g_object_ref (settings) : NULL;

  gtk_string_list_append (extents, _("Whole plan"));
  gtk_string_list_append (extents, _("Current view"));
  zones = pa_plan_get_zones (plan);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      g_autofree char *label = g_strdup_printf (_("Zone: %s"), pa_zone_get_name (z));
      gtk_string_list_append (extents, label);
      g_ptr_array_add (self->zone_keys, g_strdup (pa_zone_get_key (z)));
    }
  adw_combo_row_set_model (self->extent_row, G_LIST_MODEL (extents));
  bind_settings (self);
  g_signal_connect_swapped (self->lang_row, "notify::selected", G_CALLBACK (lang_changed), self);

  {
    GObject *combos[] = { G_OBJECT (self->format_row), G_OBJECT (self->paper_row), G_OBJECT (self->orientation_row),
                          G_OBJECT (self->lang_row), G_OBJECT (self->extent_row) };
    GObject *switches[] = { G_OBJECT (self->atlas_switch), G_OBJECT (self->basemap_switch),
                            G_OBJECT (self->legend_switch), G_OBJECT (self->scale_switch),
                            G_OBJECT (self->north_switch), G_OBJECT (self->locator_switch), G_OBJECT (self->attribution_switch),
                            G_OBJECT (self->notes_switch), G_OBJECT (self->selection_switch) };
    GObject *others[] = { G_OBJECT (self->custom_w), G_OBJECT (self->custom_h), G_OBJECT (self->dpi),
                          G_OBJECT (self->title_row), G_OBJECT (self->subtitle_row),
                          G_OBJECT (self->organisation_row), G_OBJECT (self->date_row) };
    for (guint i = 0; i < G_N_ELEMENTS (combos); i++)
      g_signal_connect_swapped (combos[i], "notify::selected", G_CALLBACK (options_changed), self);
    for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
      g_signal_connect_swapped (switches[i], "notify::active", G_CALLBACK (options_changed), self);
    for (guint i = 0; i < 3; i++)
      g_signal_connect_swapped (others[i], "value-changed", G_CALLBACK (options_changed), self);
    for (guint i = 3; i < G_N_ELEMENTS (others); i++)
      g_signal_connect_swapped (others[i], "changed", G_CALLBACK (options_changed), self);
  }
  gtk_drawing_area_set_draw_func (self->preview, draw_preview, self, NULL);
  options_changed (self);
  return self;
}

static void
pa_export_dialog_dispose (GObject *object)
{
  PaExportDialog *self = PA_EXPORT_DIALOG (object);
  if (self->cancellable)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PA_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (pa_export_dialog_parent_class)->dispose (object);
}

static void
pa_export_dialog_finalize (GObject *object)
{
  PaExportDialog *self = PA_EXPORT_DIALOG (object);
  g_clear_object (&self->plan);
  g_clear_object (&self->basemap);
  g_clear_object (&self->tiles);
  g_clear_object (&self->web_tiles);
  g_clear_pointer (&self->preview_image, cairo_surface_destroy);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_free (self->selected_key);
  g_ptr_array_unref (self->zone_keys);
  G_OBJECT_CLASS (pa_export_dialog_parent_class)->finalize (object);
}

static void
pa_export_dialog_class_init (PaExportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pa_export_dialog_dispose;
  G_OBJECT_CLASS (klass)->finalize = pa_export_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = close_request;
  gtk_widget_class_set_template_from_resource (widget_class, PA_RESOURCE_PATH "/pa-export-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PaExportDialog, name)
  BIND (cancel_button);
  BIND (export_button);
  BIND (preview);
  BIND (size_label);
  BIND (status_label);
  BIND (progress);
  BIND (options_box);
  BIND (format_row);
  BIND (paper_row);
  BIND (orientation_row);
  BIND (lang_row);
  BIND (extent_row);
  BIND (custom_row);
  BIND (dpi_row);
  BIND (selection_row);
  BIND (custom_w);
  BIND (custom_h);
  BIND (dpi);
  BIND (atlas_switch);
  BIND (basemap_switch);
  BIND (legend_switch);
  BIND (scale_switch);
  BIND (north_switch);
  BIND (locator_switch);
  BIND (attribution_switch);
  BIND (notes_switch);
  BIND (selection_switch);
  BIND (title_row);
  BIND (subtitle_row);
  BIND (organisation_row);
  BIND (date_row);
#undef BIND
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
pa_export_dialog_init (PaExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->zone_keys = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (export_clicked), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked), self);
}

void
pa_export_dialog_set_tiles (PaExportDialog *self, PaTileProvider *web, PaTileProvider *pack)
{
  g_return_if_fail (PA_IS_EXPORT_DIALOG (self));
  g_set_object (&self->web_tiles, web);
  g_set_object (&self->tiles, pack);
  schedule_preview (self);
}
