/* pa-targets-window.c */
#include "config.h"

#include "pa-targets-window.h"

#include <glib/gi18n.h>
#include <math.h>

#include "model/pa-target-item.h"
#include "pa-target-dialog.h"

struct _PaTargetsWindow
{
  AdwWindow parent_instance;
  GtkColumnView *view;
  GtkSortListModel *sorted;
  PaDocument *document;
};

G_DEFINE_FINAL_TYPE (PaTargetsWindow, pa_targets_window, ADW_TYPE_WINDOW)

typedef enum
{
  COL_OWNER,
  COL_INDICATOR,
  COL_COMPARATOR,
  COL_VALUE,
  COL_UNIT,
  COL_YEAR,
  COL_BASELINE,
  COL_RATE,
  COL_SOURCE,
  N_COLS
} Column;

static const char *
column_title (Column c)
{
  switch (c)
    {
    case COL_OWNER: return _("Zone or programme");
    case COL_INDICATOR: return _("Indicator");
    case COL_COMPARATOR: return _("Wording");
    case COL_VALUE: return _("Value");
    case COL_UNIT: return _("Unit");
    case COL_YEAR: return _("Year");
    case COL_BASELINE: return _("Baseline");
    case COL_RATE: return _("Growth a year");
    default: return _("Source");
    }
}

static char *
cell_text (PaTarget *t, Column c)
{
  switch (c)
    {
    case COL_OWNER: return g_strdup (t->owner ? t->owner : _("whole plan"));
    case COL_INDICATOR: return g_strdup (t->indicator);
    case COL_COMPARATOR: return g_strdup (t->comparator ? t->comparator : "");
    case COL_VALUE: return t->value_text ? g_strdup (t->value_text) : isnan (t->value) ? g_strdup ("") : pa_format_number (t->value);
    case COL_UNIT: return g_strdup (t->unit ? t->unit : "");
    case COL_YEAR: return t->year > 0 ? g_strdup_printf ("%d", t->year) : g_strdup ("");
    case COL_BASELINE:
      if (isnan (t->baseline_value))
        return g_strdup ("");
      {
        g_autofree char *v = pa_format_number (t->baseline_value);
        return t->baseline_year > 0 ? g_strdup_printf ("%s (%d)", v, t->baseline_year) : g_strdup (v);
      }
    case COL_RATE:
      if (isnan (t->growth_rate))
        return g_strdup ("");
      {
        g_autofree char *v = pa_format_number (t->growth_rate);
        return g_strdup_printf ("%s%%", v);
      }
    default:
      return t->citation ? pa_citation_dup_reference (t->citation, TRUE) : g_strdup ("");
    }
}

/* Numbers sort as numbers (missing ones last), text as text. */
static int
compare (gconstpointer a, gconstpointer b, gpointer data)
{
  Column c = GPOINTER_TO_INT (data);
  PaTarget *x = pa_target_item_get_target ((PaTargetItem *) a);
  PaTarget *y = pa_target_item_get_target ((PaTargetItem *) b);
  double dx = NAN, dy = NAN;

  switch (c)
    {
    case COL_VALUE:
    case COL_BASELINE:
      {
        /* numbers sort within one unit: 亿元 with 亿元, 家 with 家 (the units in the
         * locale's order), never 500亿元 between 3家 and 15个 */
        int units = g_utf8_collate (x->unit ? x->unit : "", y->unit ? y->unit : "");
        if (units != 0)
          return units;
        if (c == COL_VALUE)
          dx = x->value, dy = y->value;
        else
          dx = x->baseline_value, dy = y->baseline_value;
        break;
      }
    case COL_YEAR: dx = x->year > 0 ? x->year : NAN, dy = y->year > 0 ? y->year : NAN; break;
    case COL_RATE: dx = x->growth_rate, dy = y->growth_rate; break;
    default:
      {
        g_autofree char *sx = cell_text (x, c), *sy = cell_text (y, c);
        return g_utf8_collate (sx, sy);
      }
    }
  if (isnan (dx) || isnan (dy))
    return isnan (dx) - isnan (dy);
  return dx < dy ? -1 : dx > dy;
}

static void
setup_cell (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  GtkWidget *label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (data) == COL_INDICATOR || GPOINTER_TO_INT (data) == COL_OWNER)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), GPOINTER_TO_INT (data) == COL_INDICATOR ? 24 : 14);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  else if (GPOINTER_TO_INT (data) == COL_SOURCE)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 24);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *f, GtkListItem *item, gpointer data)
{
  PaTarget *t = pa_target_item_get_target (gtk_list_item_get_item (item));
  g_autofree char *text = cell_text (t, GPOINTER_TO_INT (data));
  GtkWidget *label = gtk_list_item_get_child (item);
  gtk_label_set_text (GTK_LABEL (label), text);
  /* the sentence behind the number, on hover */
  gtk_widget_set_tooltip_text (label, t->citation ? t->citation->quote : NULL);
}

static void
pa_targets_window_dispose (GObject *object)
{
  g_clear_object (&PA_TARGETS_WINDOW (object)->sorted);
  g_clear_object (&PA_TARGETS_WINDOW (object)->document);
  G_OBJECT_CLASS (pa_targets_window_parent_class)->dispose (object);
}

static void
pa_targets_window_class_init (PaTargetsWindowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pa_targets_window_dispose;
  /* Esc and Ctrl+W close it, as every secondary window */
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
pa_targets_window_init (PaTargetsWindow *self)
{
}

/* The table as shown (its columns, in its sort order): tab-separated for the clipboard, or
 * CSV for Excel (a BOM, CRLF, quoted fields; a cell that would start a formula is
 * escaped with an apostrophe, as Excel users expect from exported data). */
char *
pa_targets_window_dup_table (PaTargetsWindow *self, gboolean csv)
{
  GListModel *rows = G_LIST_MODEL (self->sorted);
  GString *s = g_string_new (csv ? "\xef\xbb\xbf" : "");
  const char *sep = csv ? "," : "\t", *eol = csv ? "\r\n" : "\n";

  for (int r = -1; r < (int) g_list_model_get_n_items (rows); r++)
    {
      g_autoptr (PaTargetItem) item = r >= 0 ? g_list_model_get_item (rows, (guint) r) : NULL;
      for (Column c = 0; c < N_COLS; c++)
        {
          g_autofree char *cell = item ? cell_text (pa_target_item_get_target (item), c) : g_strdup (column_title (c));
          gboolean formula = strchr ("=+-@", cell[0]) && cell[0] && !g_ascii_isdigit (cell[1]);
          if (c > 0)
            g_string_append (s, sep);
          if (csv)
            {
              g_autoptr (GString) q = g_string_new (cell);
              g_string_replace (q, "\"", "\"\"", 0);
              g_string_append_printf (s, "\"%s%s\"", formula ? "'" : "", q->str);
            }
          else
            g_string_append (s, g_strdelimit (cell, "\t\n", ' '));
        }
      g_string_append (s, eol);
    }
  return g_string_free (s, FALSE);
}

static void
copy_clicked (PaTargetsWindow *self)
{
  g_autofree char *text = pa_targets_window_dup_table (self, FALSE);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
save_response (GtkNativeDialog *dialog, int response, PaTargetsWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *chosen = g_file_get_path (file);
      g_autofree char *path = chosen && !g_str_has_suffix (chosen, ".csv") ? g_strconcat (chosen, ".csv", NULL)
                                                                            : g_strdup (chosen);
      g_autofree char *text = pa_targets_window_dup_table (self, TRUE);
      g_autoptr (GError) error = NULL;
      /* written under a temporary name and renamed: an old file stays whole on failure */
      if (path && !g_file_set_contents (path, text, -1, &error))
        {
          GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot save the table"), error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (alert));
        }
    }
  g_object_unref (dialog);
}

static void
save_clicked (PaTargetsWindow *self)
{
  PaPlan *plan = pa_document_get_plan (self->document);
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (_("Save the Table as CSV"), GTK_WINDOW (self),
                                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL);
  const char *docs = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr (GFile) folder = g_file_new_for_path (docs && g_file_test (docs, G_FILE_TEST_IS_DIR) ? docs : g_get_home_dir ());
  /* Translators: suggested file name of the targets table; %s is the plan's name */
  g_autofree char *name = g_strdup_printf (_("%s targets.csv"), pa_plan_get_name (plan));

  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* A plan-level target (the whole plan's, no zone's) in the target form. */
static void
add_clicked (PaTargetsWindow *self)
{
  gtk_window_present (GTK_WINDOW (pa_target_dialog_new (GTK_WINDOW (self), self->document, NULL, NULL)));
}

/* A double-click or Enter on a row edits that target. */
static void
row_activated (PaTargetsWindow *self, guint position)
{
  g_autoptr (PaTargetItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (item)
    gtk_window_present (GTK_WINDOW (pa_target_dialog_new (GTK_WINDOW (self), self->document, NULL,
                                                          pa_target_item_get_target (item))));
}

PaTargetsWindow *
pa_targets_window_new (GtkWindow *parent, PaDocument *document)
{
  PaPlan *plan = pa_document_get_plan (document);
  PaTargetsWindow *self = g_object_new (PA_TYPE_TARGETS_WINDOW, "transient-for", parent,
                                        "default-width", 1100, "default-height", 640, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autofree char *title = g_strdup_printf (_("Targets — %s"), pa_plan_get_name (plan));
  g_autofree char *source = NULL;
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");
  GtkWidget *save = gtk_button_new_from_icon_name ("document-save-as-symbolic");

  self->document = g_object_ref (document);
  gtk_widget_set_tooltip_text (add, _("Add a target for the whole plan; double-click a row to edit it"));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), add);
  gtk_widget_set_tooltip_text (copy, _("Copy the table (to paste into a spreadsheet)"));
  gtk_widget_set_tooltip_text (save, _("Save the table as CSV…"));
  /* an icon's tooltip is not its name for a screen reader: give each its label */
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add a target"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy the table"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save the table as CSV"), -1);
  g_signal_connect_swapped (copy, "clicked", G_CALLBACK (copy_clicked), self);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), copy);

  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  /* the document's live list: an edit or an undo shows at once */
  self->sorted = gtk_sort_list_model_new (g_object_ref (pa_document_get_targets (document)), g_object_ref (gtk_column_view_get_sorter (self->view)));
  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)))));
  gtk_column_view_set_show_row_separators (self->view, TRUE);
  g_signal_connect_swapped (self->view, "activate", G_CALLBACK (row_activated), self);
  gtk_column_view_set_show_column_separators (self->view, TRUE);
  for (Column c = 0; c < N_COLS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *col;
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (c));
      col = gtk_column_view_column_new (column_title (c), factory);
      gtk_column_view_column_set_sorter (col, GTK_SORTER (gtk_custom_sorter_new (compare, GINT_TO_POINTER (c), NULL)));
      gtk_column_view_column_set_resizable (col, TRUE);
      gtk_column_view_column_set_expand (col, c == COL_INDICATOR);
      gtk_column_view_append_column (self->view, col);
      g_object_unref (col);
    }
  gtk_window_set_title (GTK_WINDOW (self), title);
  source = pa_plan_dup_source_name (plan);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (title, source));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_window_set_content (ADW_WINDOW (self), box);
  return self;
}

GListModel *
pa_targets_window_get_rows (PaTargetsWindow *self)
{
  return G_LIST_MODEL (self->sorted);
}

gboolean
pa_targets_window_sort_by (PaTargetsWindow *self, const char *title, GtkSortType order)
{
  GListModel *cols = gtk_column_view_get_columns (self->view);
  for (guint i = 0; i < g_list_model_get_n_items (cols); i++)
    {
      g_autoptr (GtkColumnViewColumn) col = g_list_model_get_item (cols, i);
      if (g_str_equal (gtk_column_view_column_get_title (col), title))
        {
          gtk_column_view_sort_by_column (self->view, col, order);
          return TRUE;
        }
    }
  return FALSE;
}
