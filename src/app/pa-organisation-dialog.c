/* pa-organisation-dialog.c */
#define G_LOG_DOMAIN "parkatlas-window"

#include "config.h"

#include "pa-organisation-dialog.h"

#include <glib/gi18n.h>

static const char *const kinds[] = { "enterprise", "institution", "platform" };

struct _PaOrganisationDialog
{
  AdwWindow parent_instance;
  AdwToastOverlay *toasts;
  GtkWidget *save_button;
  AdwEntryRow *name_row, *role_row, *industry_row;
  AdwComboRow *kind_row, *zone_row;

  PaDocument *document;
  PaOrganisation *org; /* the one edited; NULL for a new one */
  GPtrArray *zones;    /* PaZone per zone_row position after the first ("none") */
};

G_DEFINE_FINAL_TYPE (PaOrganisationDialog, pa_organisation_dialog, ADW_TYPE_WINDOW)

static char *
strip_or_null (AdwEntryRow *row)
{
  char *t = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (!*t)
    g_clear_pointer (&t, g_free);
  return t;
}

static PaZone *
chosen_zone (PaOrganisationDialog *self)
{
  guint i = adw_combo_row_get_selected (self->zone_row);
  return i > 0 && i - 1 < self->zones->len ? self->zones->pdata[i - 1] : NULL;
}

gboolean
pa_organisation_dialog_save (PaOrganisationDialog *self, GError **error)
{
  g_autoptr (PaOrganisation) o = pa_organisation_new ();
  PaZone *zone = chosen_zone (self);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  gboolean ok;

  g_return_val_if_fail (PA_IS_ORGANISATION_DIALOG (self), FALSE);
  o->name = strip_or_null (self->name_row);
  o->kind = g_strdup (kinds[MIN (kind, G_N_ELEMENTS (kinds) - 1)]);
  o->role = strip_or_null (self->role_row);
  o->industry = strip_or_null (self->industry_row);
  if (!self->org)
    ok = pa_document_add_organisation (self->document, zone, o, error);
  else
    {
      gint64 id = self->org->id;
      gboolean moved = g_strcmp0 (self->org->zone_key, zone ? pa_zone_get_key (zone) : NULL) != 0;
      o->responsible = g_strdup (self->org->responsible);
      ok = pa_document_update_organisation (self->document, self->org, o, error);
      if (ok && moved)
        {
          /* the edit replaced the plan's records: move the fresh one */
          GPtrArray *orgs = pa_plan_get_organisations (pa_document_get_plan (self->document));
          PaOrganisation *fresh = NULL;
          for (guint i = 0; !fresh && i < orgs->len; i++)
            if (((PaOrganisation *) orgs->pdata[i])->id == id)
              fresh = orgs->pdata[i];
          /* the move replaces @orgs again: nothing of it is read after */
          if (fresh)
            ok = pa_document_move_organisation (self->document, fresh, zone, error);
        }
    }
  if (ok)
    gtk_window_close (GTK_WINDOW (self));
  return ok;
}

static void
save_clicked (PaOrganisationDialog *self)
{
  g_autoptr (GError) error = NULL;
  if (!pa_organisation_dialog_save (self, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

void
pa_organisation_dialog_set_name (PaOrganisationDialog *self, const char *name)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
}

static void
pa_organisation_dialog_dispose (GObject *object)
{
  PaOrganisationDialog *self = PA_ORGANISATION_DIALOG (object);
  g_clear_object (&self->document);
  g_clear_pointer (&self->org, pa_organisation_unref);
  g_clear_pointer (&self->zones, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_ORGANISATION_DIALOG);
  G_OBJECT_CLASS (pa_organisation_dialog_parent_class)->dispose (object);
}

static void
pa_organisation_dialog_class_init (PaOrganisationDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pa_organisation_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, PA_RESOURCE_PATH "/pa-organisation-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PaOrganisationDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, PaOrganisationDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PaOrganisationDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PaOrganisationDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PaOrganisationDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, PaOrganisationDialog, industry_row);
  gtk_widget_class_bind_template_child (widget_class, PaOrganisationDialog, zone_row);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
pa_organisation_dialog_init (PaOrganisationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->zones = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked), self);
  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (save_clicked), self);
}

PaOrganisationDialog *
pa_organisation_dialog_new (GtkWindow *parent, PaDocument *document, PaZone *zone, const PaOrganisation *org)
{
  PaOrganisationDialog *self = g_object_new (PA_TYPE_ORGANISATION_DIALOG, "transient-for", parent, NULL);
  g_autoptr (GtkStringList) kind_names = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) zone_names = gtk_string_list_new (NULL);
  GListModel *zones = pa_document_get_zones (document);
  guint selected = 0;

  self->document = g_object_ref (document);
  self->org = org ? pa_organisation_ref ((PaOrganisation *) org) : NULL;
  gtk_string_list_append (kind_names, _("Enterprise"));
  gtk_string_list_append (kind_names, _("Institution"));
  gtk_string_list_append (kind_names, _("Platform"));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_names));
  gtk_string_list_append (zone_names, _("No zone"));
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      PaZone *z = g_list_model_get_item (zones, i);
      g_ptr_array_add (self->zones, z);
      gtk_string_list_append (zone_names, pa_zone_get_name (z));
      if ((org && g_strcmp0 (org->zone_key, pa_zone_get_key (z)) == 0) || (!org && z == zone))
        selected = i + 1;
    }
  adw_combo_row_set_model (self->zone_row, G_LIST_MODEL (zone_names));
  adw_combo_row_set_selected (self->zone_row, selected);
  if (org)
    {
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        if (g_strcmp0 (org->kind, kinds[i]) == 0)
          adw_combo_row_set_selected (self->kind_row, i);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), org->name ? org->name : "");
      gtk_editable_set_text (GTK_EDITABLE (self->role_row), org->role ? org->role : "");
      gtk_editable_set_text (GTK_EDITABLE (self->industry_row), org->industry ? org->industry : "");
    }
  return self;
}
