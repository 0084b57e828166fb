/* test-export-dialog.c — the export dialog: preview, suggested names, remembered choices,
 * export in a thread, Cancel and an unwritable folder (needs a display: Xvfb) */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "app/pa-export-dialog.h"
#include "pa-test-util.h"

static PaBasemap *basemap;

static void
wait_until_idle (PaExportDialog *dialog)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while (pa_export_dialog_is_busy (dialog) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (pa_export_dialog_is_busy (dialog));
}

static PaExportDialog *
open_dialog (const char *slug, GSettings *settings)
{
  g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), slug, NULL);
  PaExportDialog *dialog = pa_export_dialog_new (NULL, plan, basemap, pa_plan_find_zone (plan, "zhangjiang"), NULL,
                                                 settings);
  gtk_window_present (GTK_WINDOW (dialog));
  for (int i = 0; i < 50; i++)
    g_main_context_iteration (NULL, FALSE), g_usleep (2000);
  return dialog;
}

static GtkWidget *
find_child (GtkWidget *root, GType type, guint skip)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;
      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) && skip-- == 0)
        return c;
      if ((found = find_child (c, type, 0)))
        return found;
    }
  return NULL;
}

/* The suggested name follows the format, and the choices outlive the dialog. */
static void
test_suggests_name_and_remembers (void)
{
  g_autoptr (GSettings) settings = g_settings_new (PA_APP_ID);
  PaExportDialog *dialog;
  g_autofree char *name = NULL, *name2 = NULL;
  g_auto (PaExportOptions) options;

  g_settings_set_uint (settings, "export-format", 2);
  g_settings_set_uint (settings, "export-paper", 1);
  g_settings_set_double (settings, "export-dpi", 300);
  g_settings_set_string (settings, "export-lang", "en");
  dialog = open_dialog ("shanghai", settings);
  name = pa_export_dialog_suggest_name (dialog);
  g_assert_cmpstr (name, ==, "shanghai-A3-en.png");
  pa_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.dpi, ==, 300);
  g_assert_cmpstr (options.lang, ==, "en");
  /* the selection is not printed unless asked */
  g_assert_false (options.highlight_selection);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_settings_set_uint (settings, "export-format", 0);
  dialog = open_dialog ("shanghai", settings);
  name2 = pa_export_dialog_suggest_name (dialog);
  g_assert_true (g_str_has_suffix (name2, ".pdf"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Pixels of @image that are neither the window's background nor clear: drawn content. */
static guint
inked (cairo_surface_t *image)
{
  int w = cairo_image_surface_get_width (image), h = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  const guint8 *data = cairo_image_surface_get_data (image);
  guint n = 0;
  for (int y = 0; y < h; y += 3)
    for (int x = 0; x < w; x += 3)
      {
        guint32 p = *(const guint32 *) (data + y * stride + x * 4);
        n += (p >> 24) == 0xff && (p & 0xffffff) != 0xffffff;
      }
  return n;
}

static void
wait_for_preview (PaExportDialog *dialog)
{
  gint64 end = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;
  while ((pa_export_dialog_is_previewing (dialog) || !pa_export_dialog_get_preview (dialog))
         && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

/* The preview is drawn off the main thread: the window answers while it is made, and
 * then shows the page; a change of paper draws it again, in the new shape. */
static void
test_preview_drawn_in_a_thread (void)
{
  PaExportDialog *dialog = open_dialog ("minhang", NULL);
  GtkWidget *paper = find_child (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 1);
  cairo_surface_t *first;
  guint ink_landscape;
  g_auto (PaExportOptions) o;

  wait_for_preview (dialog);
  first = pa_export_dialog_get_preview (dialog);
  g_assert_nonnull (first);
  ink_landscape = inked (first);
  g_assert_cmpuint (ink_landscape, >, 1000);
  /* portrait: a new preview, and the main loop turns while it is drawn */
  g_assert_nonnull (paper);
  pa_export_dialog_get_options (dialog, &o);
  {
    GtkWidget *orientation = find_child (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, 2);
    guint turns = 0;
    adw_combo_row_set_selected (ADW_COMBO_ROW (orientation), o.portrait ? 0 : 1);
    g_assert_true (pa_export_dialog_is_previewing (dialog));
    while (pa_export_dialog_is_previewing (dialog))
      {
        g_main_context_iteration (NULL, TRUE);
        turns++;
      }
    g_assert_cmpuint (turns, >, 0);
  }
  g_assert_true (pa_export_dialog_get_preview (dialog) != first || inked (pa_export_dialog_get_preview (dialog)) != ink_landscape);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Export writes the file in a thread and says where. */
static void
test_exports_in_a_thread (void)
{
  g_autofree char *pdf = pa_test_temp_path ("dialog.pdf");
  PaExportDialog *dialog = open_dialog ("shanghai", NULL);
  const char *totext[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *text = NULL;

  pa_export_dialog_export_to (dialog, pdf);
  g_assert_true (pa_export_dialog_is_busy (dialog));
  wait_until_idle (dialog);
  g_assert_nonnull (strstr (pa_export_dialog_get_status (dialog), pdf));
  g_assert_cmpint (pa_test_run (totext, &text, NULL), ==, 0);
  g_assert_nonnull (strstr (text, "张江"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Cancel (the Stop button) leaves the earlier file as it was and no partial file. */
static void
test_cancel_keeps_existing_file (void)
{
  g_autofree char *probe = pa_test_temp_path ("dialog-cancel/x");
  g_autofree char *dir = g_path_get_dirname (probe);
  g_autofree char *pdf = g_build_filename (dir, "atlas.pdf", NULL);
  g_autofree char *kept = NULL;
  PaExportDialog *dialog = open_dialog ("shenzhen", NULL);
  GtkSwitch *atlas = GTK_SWITCH (find_child (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, 0));
  GtkWidget *stop;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (pdf, "earlier", -1, NULL));
  gtk_switch_set_active (atlas, TRUE); /* the first switch: the atlas, many pages */
  pa_export_dialog_export_to (dialog, pdf);
  stop = find_child (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, 0);
  g_assert_nonnull (stop);
  g_signal_emit_by_name (stop, "clicked");
  wait_until_idle (dialog);
  g_assert_true (g_file_get_contents (pdf, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "earlier");
  g_assert_cmpuint (pa_test_count_files (dir), ==, 1);
  g_assert_nonnull (strstr (pa_export_dialog_get_status (dialog), "cancelled"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* A folder that is not there: the dialog says so, and the next export works. */
static void
test_unwritable_folder_is_reported (void)
{
  g_autofree char *missing = pa_test_temp_path ("no-such-folder/plan.png");
  g_autofree char *ok = pa_test_temp_path ("after.png");
  PaExportDialog *dialog = open_dialog ("yantai", NULL);

  g_rmdir (g_path_get_dirname (missing));
  pa_export_dialog_export_to (dialog, missing);
  wait_until_idle (dialog);
  g_assert_nonnull (strstr (pa_export_dialog_get_status (dialog), "folder does not exist"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  pa_export_dialog_export_to (dialog, ok);
  wait_until_idle (dialog);
  g_assert_true (g_file_test (ok, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
is_toplevel (gpointer window)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();
  return g_list_find (windows, window) != NULL;
}

/* Esc closes the dialog: it leaves the screen at once, and is freed as soon as a preview
 * still being drawn in its thread comes back (the thread's task holds the dialog; under
 * the sanitizers that can take seconds, so the wait is bounded, not a fixed count). */
static void
test_escape_closes (void)
{
  PaExportDialog *dialog = open_dialog ("yantai", NULL);
  GWeakRef ref;
  gint64 end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  g_weak_ref_init (&ref, dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (is_toplevel (dialog));
  for (;;)
    {
      g_autoptr (GObject) still = g_weak_ref_get (&ref);
      if (!still || g_get_monotonic_time () > end)
        {
          g_assert_null (still);
          break;
        }
      g_clear_object (&still);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_weak_ref_clear (&ref);
}

int
main (int argc, char *argv[])
{
  g_autofree char *cache = pa_test_temp_path ("cache");
  int status;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_printerr ("no display: run the UI tests under Xvfb (xvfb-run)\n");
      return 1;
    }
  adw_init ();
  basemap = pa_store_load_basemap (pa_test_default_store (), NULL);
  g_test_add_func ("/export-dialog/suggests-name-and-remembers", test_suggests_name_and_remembers);
  g_test_add_func ("/export-dialog/exports-in-a-thread", test_exports_in_a_thread);
  g_test_add_func ("/export-dialog/preview-drawn-in-a-thread", test_preview_drawn_in_a_thread);
  g_test_add_func ("/export-dialog/cancel-keeps-existing-file", test_cancel_keeps_existing_file);
  g_test_add_func ("/export-dialog/unwritable-folder-is-reported", test_unwritable_folder_is_reported);
  g_test_add_func ("/export-dialog/escape-closes", test_escape_closes);
  status = g_test_run ();
  g_clear_object (&basemap);
  return status;
}
