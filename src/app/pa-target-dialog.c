/* pa-target-dialog.c */
#define G_LOG_DOMAIN "parkatlas-window"

#include "config.h"

#include "pa-target-dialog.h"

#include <glib/gi18n.h>
#include <math.h>

#include "store/pa-store.h"

struct _PaTargetDialog
{
  AdwWindow parent_instance;
  AdwToastOverlay *toasts;
  GtkWidget *save_button;
  AdwEntryRow *indicator_row, *comparator_row, *value_row, *unit_row, *year_row, *baseline_row,
      *baseline_year_row, *rate_row;

  PaDocument *document;
  PaZone *zone;
  PaTarget *target; /* the one edited; NULL for a new one */
};

G_DEFINE_FINAL_TYPE (PaTargetDialog, pa_target_dialog, ADW_TYPE_WINDOW)

static AdwEntryRow *
row_of (PaTargetDialog *self, const char *field)
{
  struct { const char *name; AdwEntryRow *row; } rows[] = {
    { "indicator", self->indicator_row }, { "comparator", self->comparator_row }, { "value", self->value_row },
    { "unit", self->unit_row }, { "year", self->year_row }, { "baseline", self->baseline_row },
    { "baseline_year", self->baseline_year_row }, { "rate", self->rate_row },
  };
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].name, field))
      return rows[i].row;
  g_return_val_if_reached (NULL);
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* A number field: empty is NAN; anything else must be a number and nothing else. */
static gboolean
parse_number (AdwEntryRow *row, double *out, GError **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text_of (row)));
  char *end = NULL;

  *out = NAN;
  if (!*t)
    return TRUE;
  *out = g_ascii_strtod (t, &end);
  if (end && *end == '\0' && isfinite (*out))
    return TRUE;
  g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("“%s” is not a number (%s)"), t,
               adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return FALSE;
}

static gboolean
parse_year (AdwEntryRow *row, int *out, GError **error)
{
  double v;
  if (!parse_number (row, &v, error))
    return FALSE;
  if (!isnan (v) && v != floor (v))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("“%s” is not a year"), text_of (row));
      return FALSE;
    }
  *out = isnan (v) ? 0 : (int) v;
  return TRUE;
}

static char *
strip_or_null (AdwEntryRow *row)
{
  char *t = g_strstrip (g_strdup (text_of (row)));
  if (!*t)
    g_clear_pointer (&t, g_free);
  return t;
}

gboolean
pa_target_dialog_save (PaTargetDialog *self, GError **error)
{
  g_autoptr (PaTarget) t = pa_target_new ();
  gboolean ok;

  g_return_val_if_fail (PA_IS_TARGET_DIALOG (self), FALSE);
  t->indicator = strip_or_null (self->indicator_row);
  t->comparator = strip_or_null (self->comparator_row);
  t->unit = strip_or_null (self->unit_row);
  if (!parse_number (self->value_row, &t->value, error) || !parse_year (self->year_row, &t->year, error)
      || !parse_number (self->baseline_row, &t->baseline_value, error)
      || !parse_year (self->baseline_year_row, &t->baseline_year, error)
      || !parse_number (self->rate_row, &t->growth_rate, error))
    return FALSE;
  if (self->target)
    {
      /* the document's words where it wrote no digits stay, unless a number replaces them */
      if (isnan (t->value))
        t->value_text = g_strdup (self->target->value_text);
      t->increase = self->target->increase;
      ok = pa_document_update_target (self->document, self->target, t, error);
    }
  else
    ok = pa_document_add_target (self->document, self->zone, t, error);
  if (ok)
    gtk_window_close (GTK_WINDOW (self));
  return ok;
}

static void
save_clicked (PaTargetDialog *self)
{
  g_autoptr (GError) error = NULL;
  if (!pa_target_dialog_save (self, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

void
pa_target_dialog_set_field (PaTargetDialog *self, const char *field, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row_of (self, field)), text);
}

static void
pa_target_dialog_dispose (GObject *object)
{
  PaTargetDialog *self = PA_TARGET_DIALOG (object);
  g_clear_object (&self->document);
  g_clear_object (&self->zone);
  g_clear_pointer (&self->target, pa_target_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_TARGET_DIALOG);
  G_OBJECT_CLASS (pa_target_dialog_parent_class)->dispose (object);
}

static void
pa_target_dialog_class_init (PaTargetDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pa_target_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, PA_RESOURCE_PATH "/pa-target-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PaTargetDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, PaTargetDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PaTargetDialog, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, PaTargetDialog, comparator_row);
  gtk_widget_class_bind_template_child (widget_class, PaTargetDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, PaTargetDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, PaTargetDialog, year_row);
  gtk_widget_class_bind_template_child (widget_class, PaTargetDialog, baseline_row);
  gtk_widget_class_bind_template_child (widget_class, PaTargetDialog, baseline_year_row);
  gtk_widget_class_bind_template_child (widget_class, PaTargetDialog, rate_row);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
pa_target_dialog_init (PaTargetDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked), self);
}

static void
set_number (AdwEntryRow *row, double v)
{
  g_autofree char *t = isnan (v) ? g_strdup ("") : pa_format_number (v);
  gtk_editable_set_text (GTK_EDITABLE (row), t);
}

PaTargetDialog *
pa_target_dialog_new (GtkWindow *parent, PaDocument *document, PaZone *zone, const PaTarget *target)
{
  PaTargetDialog *self = g_object_new (PA_TYPE_TARGET_DIALOG, "transient-for", parent, NULL);

  self->document = g_object_ref (document);
  self->zone = zone ? g_object_ref (zone) : NULL;
  self->target = target ? pa_target_ref ((PaTarget *) target) : NULL;
  if (target)
    {
      g_autofree char *year = target->year ? g_strdup_printf ("%d", target->year) : g_strdup ("");
      g_autofree char *byear = target->baseline_year ? g_strdup_printf ("%d", target->baseline_year) : g_strdup ("");
      gtk_editable_set_text (GTK_EDITABLE (self->indicator_row), target->indicator ? target->indicator : "");
      gtk_editable_set_text (GTK_EDITABLE (self->comparator_row), target->comparator ? target->comparator : "");
      gtk_editable_set_text (GTK_EDITABLE (self->unit_row), target->unit ? target->unit : "");
      gtk_editable_set_text (GTK_EDITABLE (self->year_row), year);
      gtk_editable_set_text (GTK_EDITABLE (self->baseline_year_row), byear);
      set_number (self->value_row, target->value);
      set_number (self->baseline_row, target->baseline_value);
      set_number (self->rate_row, target->growth_rate);
    }
  return self;
}
