/* pa-industry-browser.c */
#include "config.h"

#include "pa-industry-browser.h"

#include <glib/gi18n.h>

struct _PaIndustryBrowser
{
  GtkBox parent_instance;
  PaStore *store;
  GtkDropDown *dropdown;
  GtkListBox *list;
  GPtrArray *names;
};

G_DEFINE_FINAL_TYPE (PaIndustryBrowser, pa_industry_browser, GTK_TYPE_BOX)

enum
{
  ZONE_ACTIVATED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static GtkWidget *
use_row_new (char **use)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gboolean zone = *use[2] != 0;
  g_autofree char *title = zone ? g_strdup (use[3]) : g_strdup_printf (_("%s (the whole plan)"), use[1]);
  g_autofree char *quote = g_strdup_printf ("“%s” — %s", use[4], use[5]);
  GtkWidget *t = gtk_label_new (title), *p = gtk_label_new (use[1]), *q = gtk_label_new (quote);

  for (GtkWidget **l = (GtkWidget *[]){ t, p, q, NULL }; *l; l++)
    {
      gtk_label_set_xalign (GTK_LABEL (*l), 0);
      gtk_label_set_wrap (GTK_LABEL (*l), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (*l), PANGO_WRAP_WORD_CHAR);
      gtk_box_append (GTK_BOX (box), *l);
    }
  gtk_widget_add_css_class (p, "caption");
  gtk_widget_add_css_class (q, "dim-label");
  gtk_widget_add_css_class (q, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "slug", g_strdup (use[0]), g_free);
  g_object_set_data_full (G_OBJECT (row), "zone", g_strdup (use[2]), g_free);
  return row;
}

static void
fill (PaIndustryBrowser *self, const char *industry)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) uses = pa_store_find_industry_uses (self->store, industry, &error);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))))
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; uses && i < uses->len; i++)
    gtk_list_box_append (self->list, use_row_new (uses->pdata[i]));
}

static void
dropdown_changed (PaIndustryBrowser *self)
{
  guint i = gtk_drop_down_get_selected (self->dropdown);
  if (i < self->names->len)
    fill (self, self->names->pdata[i]);
}

static void
row_activated (PaIndustryBrowser *self, GtkListBoxRow *row)
{
  g_signal_emit (self, signals[ZONE_ACTIVATED], 0, g_object_get_data (G_OBJECT (row), "slug"),
                 g_object_get_data (G_OBJECT (row), "zone"));
}

gboolean
pa_industry_browser_show (PaIndustryBrowser *self, const char *industry)
{
  for (guint i = 0; i < self->names->len; i++)
    if (g_str_equal (self->names->pdata[i], industry))
      {
        gtk_drop_down_set_selected (self->dropdown, i);
        fill (self, industry);
        return TRUE;
      }
  return FALSE;
}

GtkListBox *
pa_industry_browser_get_list (PaIndustryBrowser *self)
{
  return self->list;
}

static void
pa_industry_browser_dispose (GObject *object)
{
  PaIndustryBrowser *self = PA_INDUSTRY_BROWSER (object);
  g_clear_object (&self->store);
  g_clear_pointer (&self->names, g_ptr_array_unref);
  G_OBJECT_CLASS (pa_industry_browser_parent_class)->dispose (object);
}

static void
pa_industry_browser_class_init (PaIndustryBrowserClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pa_industry_browser_dispose;
  signals[ZONE_ACTIVATED] = g_signal_new ("zone-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
pa_industry_browser_init (PaIndustryBrowser *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *hint = gtk_label_new (_("Every zone, in every plan, that names the industry. Choose one to see it on the map."));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  self->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_drop_down_set_enable_search (self->dropdown, TRUE);
  gtk_drop_down_set_expression (self->dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_widget_set_margin_start (GTK_WIDGET (self->dropdown), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->dropdown), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->dropdown), 8);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_set_margin_start (hint, 12);
  gtk_widget_set_margin_end (hint, 12);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->dropdown));
  gtk_box_append (GTK_BOX (self), hint);
  gtk_box_append (GTK_BOX (self), scroller);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated), self);
}

GtkWidget *
pa_industry_browser_new (PaStore *store)
{
  PaIndustryBrowser *self = g_object_new (PA_TYPE_INDUSTRY_BROWSER, NULL);
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr (GError) error = NULL;

  self->store = g_object_ref (store);
  self->names = pa_store_list_industries (store, &error);
  if (!self->names)
    self->names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->names->len; i++)
    gtk_string_list_append (model, self->names->pdata[i]);
  gtk_drop_down_set_model (self->dropdown, G_LIST_MODEL (model));
  g_signal_connect_swapped (self->dropdown, "notify::selected", G_CALLBACK (dropdown_changed), self);
  dropdown_changed (self);
  return GTK_WIDGET (self);
}
