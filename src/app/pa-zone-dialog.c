/* pa-zone-dialog.c */
#define G_LOG_DOMAIN "parkatlas-window"

#include "config.h"

#include "pa-zone-dialog.h"

#include <glib/gi18n.h>

#include "geo/pa-geodesic.h"
#include "pa-organisation-dialog.h"
#include "pa-target-dialog.h"

struct _PaZoneDialog
{
  AdwWindow parent_instance;
  AdwToastOverlay *toasts;
  GtkWidget *save_button;
  AdwEntryRow *name_row, *places_row, *note_row, *industry_entry;
  AdwComboRow *role_row;
  AdwActionRow *area_row;
  AdwPreferencesGroup *industries_group, *parts_group, *targets_group, *organisations_group;
  AdwComboRow *district_row, *vocabulary_row;
  GPtrArray *vocabulary; /* industry names, parallel to vocabulary_row after its first entry */
  GtkWidget *add_target_button, *add_organisation_button;
  GPtrArray *industry_rows, *part_rows, *target_rows, *organisation_rows;
  GPtrArray *district_codes; /* parallel to district_row's list, after its first entry */
  gboolean filling;

  PaDocument *document;
  PaZone *zone;        /* NULL for a new zone */
  PaGeometry *outline; /* the new zone's outline */
};

G_DEFINE_FINAL_TYPE (PaZoneDialog, pa_zone_dialog, ADW_TYPE_WINDOW)

static const char *
editable_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static const char *
selected_role (PaZoneDialog *self)
{
  PaPlan *plan = pa_document_get_plan (self->document);
  guint i = adw_combo_row_get_selected (self->role_row);
  return i < pa_plan_get_n_roles (plan) ? pa_plan_get_role_key (plan, i) : NULL;
}

static void
remove_industry (GtkButton *button, PaZoneDialog *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  g_autoptr (GError) error = NULL;
  if (!pa_document_remove_industry (self->document, self->zone, index, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static void
clear_rows (AdwPreferencesGroup *group, GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_ptr_array_set_size (rows, 0);
}

static GtkWidget *
row_button (const char *icon, const char *tooltip, GCallback callback, gpointer self, guint index)
{
  GtkWidget *b = gtk_button_new_from_icon_name (icon);
  gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (b, "flat");
  gtk_widget_set_tooltip_text (b, tooltip);
  g_object_set_data (G_OBJECT (b), "index", GUINT_TO_POINTER (index));
  g_signal_connect (b, "clicked", callback, self);
  return b;
}

static void
report (PaZoneDialog *self, GError *error)
{
  if (error)
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

static guint
index_of (GtkWidget *button)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
}

static void
delete_part (GtkButton *button, PaZoneDialog *self)
{
  g_autoptr (GError) error = NULL;
  if (!pa_document_delete_part (self->document, self->zone, index_of (GTK_WIDGET (button)), &error))
    report (self, error);
}

static void
edit_target (GtkButton *button, PaZoneDialog *self)
{
  PaTarget *t = pa_zone_get_targets (self->zone)->pdata[index_of (GTK_WIDGET (button))];
  gtk_window_present (GTK_WINDOW (pa_target_dialog_new (GTK_WINDOW (self), self->document, self->zone, t)));
}

static void
delete_target (GtkButton *button, PaZoneDialog *self)
{
  g_autoptr (GError) error = NULL;
  PaTarget *t = pa_zone_get_targets (self->zone)->pdata[index_of (GTK_WIDGET (button))];
  if (!pa_document_delete_target (self->document, t, &error))
    report (self, error);
}

static void
edit_organisation (GtkButton *button, PaZoneDialog *self)
{
  PaOrganisation *o = pa_zone_get_organisations (self->zone)->pdata[index_of (GTK_WIDGET (button))];
  gtk_window_present (GTK_WINDOW (pa_organisation_dialog_new (GTK_WINDOW (self), self->document, self->zone, o)));
}

static void
delete_organisation (GtkButton *button, PaZoneDialog *self)
{
  g_autoptr (GError) error = NULL;
  PaOrganisation *o = pa_zone_get_organisations (self->zone)->pdata[index_of (GTK_WIDGET (button))];
  if (!pa_document_delete_organisation (self->document, o, &error))
    report (self, error);
}

static void
place_organisation (GtkButton *button, PaZoneDialog *self)
{
  PaOrganisation *o = pa_zone_get_organisations (self->zone)->pdata[index_of (GTK_WIDGET (button))];
  GtkWindow *main = gtk_window_get_transient_for (GTK_WINDOW (self));
  /* the map is in the main window: this form steps aside while the planner clicks */
  gtk_widget_activate_action (GTK_WIDGET (main), "win.place-organisation", "x", o->id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_target (PaZoneDialog *self)
{
  gtk_window_present (GTK_WINDOW (pa_target_dialog_new (GTK_WINDOW (self), self->document, self->zone, NULL)));
}

static void
add_organisation (PaZoneDialog *self)
{
  gtk_window_present (GTK_WINDOW (pa_organisation_dialog_new (GTK_WINDOW (self), self->document, self->zone, NULL)));
}

static const char *
part_kind_label (PaPartKind kind)
{
  return kind == PA_PART_DISTRICT ? _("district boundary") : kind == PA_PART_SCHEMATIC ? _("schematic (示意)") : _("drawn");
}

static void
fill_facts (PaZoneDialog *self)
{
  GPtrArray *targets = pa_zone_get_targets (self->zone), *orgs = pa_zone_get_organisations (self->zone);

  clear_rows (self->parts_group, self->part_rows);
  for (guint i = 0; i < pa_zone_get_n_parts (self->zone); i++)
    {
      const PaZonePart *part = pa_zone_get_part_info (self->zone, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *sub = g_strdup_printf ("%s · %.2f km²", part_kind_label (part->kind),
                                              pa_geodesic_area_km2 (part->geometry));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), part->name ? part->name : "—");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sub);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("user-trash-symbolic", _("Delete this part"),
                                                                   G_CALLBACK (delete_part), self, i));
      adw_preferences_group_add (self->parts_group, row);
      g_ptr_array_add (self->part_rows, row);
    }
  clear_rows (self->targets_group, self->target_rows);
  for (guint i = 0; i < targets->len; i++)
    {
      PaTarget *t = targets->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *text = pa_target_describe (t);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      if (t->entered_by)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), "✎");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("document-edit-symbolic", _("Edit this target"),
                                                                   G_CALLBACK (edit_target), self, i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("user-trash-symbolic", _("Delete this target"),
                                                                   G_CALLBACK (delete_target), self, i));
      adw_preferences_group_add (self->targets_group, row);
      g_ptr_array_add (self->target_rows, row);
    }
  clear_rows (self->organisations_group, self->organisation_rows);
  for (guint i = 0; i < orgs->len; i++)
    {
      PaOrganisation *o = orgs->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), o->name);
      if (o->role || o->industry)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), o->role ? o->role : o->industry);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("mark-location-symbolic", _("Place it on the map"),
                                                                   G_CALLBACK (place_organisation), self, i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("document-edit-symbolic", _("Edit"),
                                                                   G_CALLBACK (edit_organisation), self, i));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("user-trash-symbolic", _("Delete"),
                                                                   G_CALLBACK (delete_organisation), self, i));
      adw_preferences_group_add (self->organisations_group, row);
      g_ptr_array_add (self->organisation_rows, row);
    }
}

static void
district_chosen (PaZoneDialog *self)
{
  guint i = adw_combo_row_get_selected (self->district_row);
  g_autoptr (GError) error = NULL;
  if (self->filling || i == 0 || i - 1 >= self->district_codes->len)
    return;
  if (!pa_document_add_district_part (self->document, self->zone, self->district_codes->pdata[i - 1], &error))
    report (self, error);
  self->filling = TRUE;
  adw_combo_row_set_selected (self->district_row, 0);
  self->filling = FALSE;
}

static void
fill_districts (PaZoneDialog *self, PaBasemap *basemap)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("Choose a district…"));
  for (guint i = 0; basemap && i < pa_basemap_get_n_districts (basemap); i++)
    {
      const char *code, *name;
      pa_basemap_get_district (basemap, i, &code, &name);
      g_ptr_array_add (self->district_codes, g_strdup (code));
      gtk_string_list_append (names, name);
    }
  self->filling = TRUE;
  adw_combo_row_set_model (self->district_row, G_LIST_MODEL (names));
  self->filling = FALSE;
}

/* Every list of the form, again after each edit: parts, targets, enterprises (fill_facts),
 * then the industries, each with who named it: the document or a planner. */
static void
fill_lists (PaZoneDialog *self)
{
  clear_rows (self->industries_group, self->industry_rows);
  if (!self->zone)
    return;
  fill_facts (self);
  for (guint i = 0; i < pa_zone_get_n_industries (self->zone); i++)
    {
      PaCitation *cited = NULL;
      const char *by = NULL;
      const char *name = pa_zone_get_industry (self->zone, i, &cited);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *who = NULL;

      pa_zone_get_industry_id (self->zone, i, &by);
      who = by ? g_strdup_printf (_("entered by %s"), by) : cited ? g_strdup_printf (_("cited: %s"), cited->section) : NULL;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (who)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), who);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove this industry from the zone"));
      g_object_set_data (G_OBJECT (remove), "index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_industry), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      adw_preferences_group_add (self->industries_group, row);
      g_ptr_array_add (self->industry_rows, row);
    }
}

/* The shared vocabulary: industries the plans already name, most used first. */
static void
fill_vocabulary (PaZoneDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *all = pa_store_list_industries (pa_document_get_store (self->document), &error);

  if (!all)
    {
      g_warning ("industries: %s", error->message);
      return;
    }
  g_clear_pointer (&self->vocabulary, g_ptr_array_unref);
  self->vocabulary = all;
  gtk_string_list_append (names, _("Choose an industry…"));
  for (guint i = 0; i < all->len; i++)
    gtk_string_list_append (names, all->pdata[i]);
  self->filling = TRUE;
  adw_combo_row_set_model (self->vocabulary_row, G_LIST_MODEL (names));
  self->filling = FALSE;
}

static void
vocabulary_chosen (PaZoneDialog *self)
{
  guint i = adw_combo_row_get_selected (self->vocabulary_row);
  g_autoptr (GError) error = NULL;
  if (self->filling || i == 0 || !self->vocabulary || i - 1 >= self->vocabulary->len)
    return;
  if (!pa_document_add_industry (self->document, self->zone, self->vocabulary->pdata[i - 1], &error))
    report (self, error);
  self->filling = TRUE;
  adw_combo_row_set_selected (self->vocabulary_row, 0);
  self->filling = FALSE;
}

static void
add_industry (PaZoneDialog *self)
{
  g_autoptr (GError) error = NULL;
  if (!pa_document_add_industry (self->document, self->zone, editable_text (self->industry_entry), &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
  else
    gtk_editable_set_text (GTK_EDITABLE (self->industry_entry), "");
}

gboolean
pa_zone_dialog_save (PaZoneDialog *self, GError **error)
{
  const char *name = editable_text (self->name_row);
  const char *role = selected_role (self);

  g_return_val_if_fail (PA_IS_ZONE_DIALOG (self), FALSE);
  if (!self->zone)
    {
      PaZone *zone = pa_document_add_zone (self->document, name, role, self->outline, error);
      const char *fields[] = { "places", "note", NULL };
      const char *values[] = { editable_text (self->places_row), editable_text (self->note_row), NULL };
      if (!zone)
        return FALSE;
      /* places and notes only when given: an empty form adds one undo step, not two */
      if ((*values[0] || *values[1]) && !pa_document_update_zone (self->document, zone, fields, values, error))
        return FALSE;
    }
  else
    {
      const char *fields[] = { "name", "role", "places", "note", NULL };
      const char *values[] = { name, role, editable_text (self->places_row), editable_text (self->note_row), NULL };
      if (!pa_document_update_zone (self->document, self->zone, fields, values, error))
        return FALSE;
    }
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_clicked (PaZoneDialog *self)
{
  g_autoptr (GError) error = NULL;
  if (!pa_zone_dialog_save (self, &error))
    adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
}

void
pa_zone_dialog_set_name (PaZoneDialog *self, const char *name)
{
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
}

static void
pa_zone_dialog_dispose (GObject *object)
{
  PaZoneDialog *self = PA_ZONE_DIALOG (object);
  if (self->document)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->zone);
  g_clear_pointer (&self->outline, pa_geometry_unref);
  g_clear_pointer (&self->industry_rows, g_ptr_array_unref);
  g_clear_pointer (&self->part_rows, g_ptr_array_unref);
  g_clear_pointer (&self->target_rows, g_ptr_array_unref);
  g_clear_pointer (&self->organisation_rows, g_ptr_array_unref);
  g_clear_pointer (&self->district_codes, g_ptr_array_unref);
  g_clear_pointer (&self->vocabulary, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), PA_TYPE_ZONE_DIALOG);
  G_OBJECT_CLASS (pa_zone_dialog_parent_class)->dispose (object);
}

static void
pa_zone_dialog_class_init (PaZoneDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pa_zone_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, PA_RESOURCE_PATH "/pa-zone-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, places_row);
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, industries_group);
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, industry_entry);
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, parts_group);
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, district_row);
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, vocabulary_row);
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, targets_group);
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, organisations_group);
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, add_target_button);
  gtk_widget_class_bind_template_child (widget_class, PaZoneDialog, add_organisation_button);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
pa_zone_dialog_init (PaZoneDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->industry_rows = g_ptr_array_new ();
  self->part_rows = g_ptr_array_new ();
  self->target_rows = g_ptr_array_new ();
  self->organisation_rows = g_ptr_array_new ();
  self->district_codes = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_swapped (self->add_target_button, "clicked", G_CALLBACK (add_target), self);
  g_signal_connect_swapped (self->add_organisation_button, "clicked", G_CALLBACK (add_organisation), self);
  g_signal_connect_swapped (self->district_row, "notify::selected", G_CALLBACK (district_chosen), self);
  g_signal_connect_swapped (self->vocabulary_row, "notify::selected", G_CALLBACK (vocabulary_chosen), self);
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (save_clicked), self);
  g_signal_connect_swapped (self->industry_entry, "apply", G_CALLBACK (add_industry), self);
  g_signal_connect_swapped (self->name_row, "entry-activated", G_CALLBACK (save_clicked), self);
}

PaZoneDialog *
pa_zone_dialog_new (GtkWindow *parent, PaDocument *document, PaBasemap *basemap, PaZone *zone, PaGeometry *outline)
{
  PaZoneDialog *self = g_object_new (PA_TYPE_ZONE_DIALOG, "transient-for", parent, NULL);
  PaPlan *plan = pa_document_get_plan (document);
  g_autoptr (GtkStringList) roles = gtk_string_list_new (NULL);
  PaGeometry *shape = zone ? pa_zone_get_geometry (zone) : outline;
  g_autofree char *area = NULL;
  int role = 0;

  self->document = g_object_ref (document);
  self->zone = zone ? g_object_ref (zone) : NULL;
  self->outline = outline ? pa_geometry_ref (outline) : NULL;
  for (guint i = 0; i < pa_plan_get_n_roles (plan); i++)
    gtk_string_list_append (roles, pa_plan_get_role_label (plan, i));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  if (zone)
    {
      role = pa_plan_get_role_index (plan, pa_zone_get_role (zone));
      gtk_window_set_title (GTK_WINDOW (self), pa_zone_get_name (zone));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), pa_zone_get_name (zone));
      gtk_editable_set_text (GTK_EDITABLE (self->places_row), pa_zone_get_places (zone) ? pa_zone_get_places (zone) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), pa_zone_get_note (zone) ? pa_zone_get_note (zone) : "");
      fill_districts (self, basemap);
      fill_vocabulary (self);
      fill_lists (self);
      g_signal_connect_swapped (document, "changed", G_CALLBACK (fill_lists), self);
    }
  else
    {
      /* a new zone takes the plan's last role (X, 特色园区 …): what planners add most */
      role = (int) pa_plan_get_n_roles (plan) - 1;
      gtk_window_set_title (GTK_WINDOW (self), _("New Zone"));
      gtk_widget_set_visible (GTK_WIDGET (self->industries_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->parts_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->targets_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->organisations_group), FALSE);
    }
  adw_combo_row_set_selected (self->role_row, role < 0 ? 0 : (guint) role);
  area = g_strdup_printf (_("%.2f km²"), shape ? pa_geodesic_area_km2 (shape) : 0);
  adw_action_row_set_subtitle (self->area_row, area);
  return self;
}
