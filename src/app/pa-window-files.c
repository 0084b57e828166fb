/* pa-window-files.c — the window's files: import a colleague's file with its report,
 * export the plan's data (GeoJSON, CSV) and its map (PDF, SVG, PNG) through save dialogs. */
#define G_LOG_DOMAIN "parkatlas-window"

#include "config.h"

#include <glib/gi18n.h>

#include "io/pa-export-csv.h"
#include "io/pa-export-geojson.h"
#include "io/pa-import.h"
#include "pa-export-dialog.h"
#include "pa-window-private.h"

typedef gboolean (*WriteFunc) (PaWindow *self, const char *path, GError **error);

static void
save_response (GtkNativeDialog *dialog, int response, PaWindow *self)
{
  WriteFunc write = g_object_get_data (G_OBJECT (dialog), "write");
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;
      if (write (self, path, &error))
        {
          g_autofree char *msg = g_strdup_printf (_("Exported to %s"), path);
          pa_window_toast (self, msg);
        }
      else
        pa_window_toast (self, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* A save dialog suggesting "<plan>.<suffixes[0]>"; @write writes the chosen file. */
static void
ask_save (PaWindow *self, const char *title, const char *filter_name, const char *const *suffixes, WriteFunc write)
{
  PaPlan *plan = pa_document_get_plan (self->document);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  GtkFileFilter *filter;

  if (!plan)
    return;
  dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  name = g_strdup_printf ("%s.%s", pa_plan_get_slug (plan), suffixes[0]);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, filter_name);
  for (guint i = 0; suffixes[i]; i++)
    gtk_file_filter_add_suffix (filter, suffixes[i]);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  g_object_set_data (G_OBJECT (dialog), "write", write);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* What the map shows, in lon/lat: the dialog's "current view" extent. */
static PaBBox
current_view (PaWindow *self)
{
  GtkWidget *map = GTK_WIDGET (pa_map_view_get_map (self->map_view));
  ShumateViewport *vp = shumate_map_get_viewport (pa_map_view_get_map (self->map_view));
  int w = gtk_widget_get_width (map), h = gtk_widget_get_height (map);
  double lat0, lon0, lat1, lon1;
  if (w <= 0 || h <= 0)
    return pa_bbox_empty ();
  shumate_viewport_widget_coords_to_location (vp, map, 0, 0, &lat0, &lon0);
  shumate_viewport_widget_coords_to_location (vp, map, w, h, &lat1, &lon1);
  return (PaBBox){ MIN (lon0, lon1), MIN (lat0, lat1), MAX (lon0, lon1), MAX (lat0, lat1) };
}

void
pa_window_export_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  PaPlan *plan = pa_document_get_plan (self->document);
  PaBBox view;
  PaExportDialog *dialog;

  if (!plan)
    return;
  view = current_view (self);
  dialog = pa_export_dialog_new (GTK_WINDOW (self), plan, self->basemap,
                                 pa_document_get_selected_zone (self->document), &view, self->settings);
  {
    PaOnlineSource *web = pa_map_view_get_online_source (self->map_view);
    PaMbtiles *pack = pa_map_view_get_tile_pack (self->map_view);
    pa_export_dialog_set_tiles (dialog, web ? PA_TILE_PROVIDER (web) : NULL, pack ? PA_TILE_PROVIDER (pack) : NULL);
  }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- raster tile packs over the basemap ---- */

static void
tile_pack_actions_update (PaWindow *self)
{
  gboolean shown = pa_map_view_get_tile_pack (self->map_view) != NULL;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-tile-pack", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-tile-pack", shown);
}

void
pa_window_set_tile_pack (PaWindow *self, PaMbtiles *pack)
{
  g_autofree char *text = NULL;
  AdwToast *toast;

  g_return_if_fail (PA_IS_WINDOW (self));
  pa_map_view_set_tile_pack (self->map_view, pack);
  tile_pack_actions_update (self);
  if (!pack)
    return;
  /* the pack may cover somewhere else than the plan: say where, and offer to go */
  text = g_strdup_printf (_("Tile pack “%s” shown at zoom levels %d to %d"), pa_mbtiles_get_name (pack),
                          pa_mbtiles_get_min_zoom (pack), pa_mbtiles_get_max_zoom (pack));
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _("_Go There"));
  adw_toast_set_action_name (toast, "win.show-tile-pack");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

PaMbtiles *
pa_window_get_tile_pack (PaWindow *self)
{
  g_return_val_if_fail (PA_IS_WINDOW (self), NULL);
  return pa_map_view_get_tile_pack (self->map_view);
}

gboolean
pa_window_show_tile_pack (PaWindow *self, const char *path, gboolean remember, GError **error)
{
  g_autoptr (PaMbtiles) pack = NULL;

  g_return_val_if_fail (PA_IS_WINDOW (self), FALSE);
  pack = pa_mbtiles_open (path, error);
  if (!pack)
    return FALSE;
  pa_window_set_tile_pack (self, pack);
  if (remember && self->settings)
    g_settings_set_string (self->settings, "tile-pack", path);
  return TRUE;
}

/* The pack chosen last time, unless the command line named one; a pack that cannot be
 * read now (a drive not plugged in) is said, and stays chosen. */
void
pa_window_restore_tile_pack (PaWindow *self)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  if (!self->settings || pa_map_view_get_tile_pack (self->map_view))
    return;
  path = g_settings_get_string (self->settings, "tile-pack");
  if (*path && !pa_window_show_tile_pack (self, path, FALSE, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The tile pack shown last time is left out: %s"), error->message);
      g_warning ("%s", text);
      pa_window_toast (self, text);
    }
}

static void
tile_pack_response (GtkNativeDialog *dialog, int response, PaWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;
      if (!pa_window_show_tile_pack (self, path, TRUE, &error))
        {
          GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Show the Tile Pack"),
                                                     error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (alert));
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
pa_window_open_tile_pack_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Show a Tile Pack"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Show"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("MBTiles tile packs (PNG or JPEG tiles)"));
  gtk_file_filter_add_suffix (filter, "mbtiles");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  g_signal_connect (dialog, "response", G_CALLBACK (tile_pack_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
pa_window_remove_tile_pack_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  pa_window_set_tile_pack (self, NULL);
  if (self->settings)
    g_settings_set_string (self->settings, "tile-pack", "");
}

void
pa_window_show_tile_pack_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  PaMbtiles *pack = pa_map_view_get_tile_pack (self->map_view);
  if (pack)
    pa_map_view_fit (self->map_view, pa_mbtiles_get_bounds (pack), TRUE);
}

/* ---- data in and out ---- */

PaImportReport *
pa_window_import (PaWindow *self, const char *path, gboolean gcj02, GError **error)
{
  PaImportOptions options = PA_IMPORT_OPTIONS_INIT;
  PaImportReport *report;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *summary = NULL;
  GPtrArray *issues;
  GtkWidget *dialog;

  g_return_val_if_fail (PA_IS_WINDOW (self), NULL);
  options.crs = gcj02 ? PA_IMPORT_CRS_GCJ02 : PA_IMPORT_CRS_WGS84;
  report = pa_import_file (self->document, path, &options, error);
  if (!report)
    return NULL;
  /* what was taken, and every row or feature that was not, with its line */
  summary = pa_import_report_describe (report, pa_plan_get_name (pa_document_get_plan (self->document)));
  issues = pa_import_report_get_issues (report);
  for (guint i = 0; i < issues->len && i < 40; i++)
    {
      g_autofree char *line = pa_import_issue_format (issues->pdata[i], path);
      g_string_append_printf (text, "%s\n", line);
    }
  if (issues->len > 40)
    g_string_append_printf (text, _("… and %u more\n"), issues->len - 40);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import"), summary);
  if (text->len)
    {
      GtkWidget *scroller = gtk_scrolled_window_new ();
      GtkWidget *label = gtk_label_new (text->str);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "caption");
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 260);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  return report;
}

static void
import_response (GtkNativeDialog *dialog, int response, PaWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      const char *crs = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "crs");
      g_autoptr (GError) error = NULL;
      g_autoptr (PaImportReport) report = pa_window_import (self, path, g_strcmp0 (crs, "gcj02") == 0, &error);
      if (!report)
        pa_window_toast (self, error->message);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
pa_window_import_action (GtkWidget *widget, const char *action, GVariant *param)
{
  PaWindow *self = PA_WINDOW (widget);
  GtkFileChooserNative *dialog;
  GtkFileFilter *filter = gtk_file_filter_new ();
  const char *ids[] = { "wgs84", "gcj02", NULL };
  const char *labels[] = { _("WGS-84 (GPS, QGIS, most files)"), _("GCJ-02 (copied from Chinese online maps)"), NULL };

  if (!pa_document_get_plan (self->document))
    return;
  dialog = gtk_file_chooser_native_new (_("Import into the Plan"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("GeoJSON, GeoPackage or CSV"));
  gtk_file_filter_add_suffix (filter, "geojson");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "gpkg");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_object_unref (filter);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "crs", _("Coordinates"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "crs", "wgs84");
  g_signal_connect (dialog, "response", G_CALLBACK (import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

gboolean
pa_window_export_data (PaWindow *self, const char *path, GError **error)
{
  PaPlan *plan = pa_document_get_plan (self->document);
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_return_val_if_fail (plan != NULL, FALSE);
  /* .csv: the targets and the enterprises, a file each, as Excel reads them */
  if (g_str_has_suffix (lower, ".csv"))
    return pa_export_plan_csv_files (plan, path, error);
  return pa_export_plan_geojson_file (plan, path, error);
}

void
pa_window_export_data_action (GtkWidget *widget, const char *action, GVariant *param)
{
  ask_save (PA_WINDOW (widget), _("Export Plan Data"),
            _("GeoJSON (zones and enterprises) or CSV (targets and enterprises)"),
            (const char *const[]){ "geojson", "csv", NULL }, pa_window_export_data);
}

