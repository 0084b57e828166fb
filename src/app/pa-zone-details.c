/* pa-zone-details.c */
#include "config.h"

#include "pa-zone-details.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>

#include "audit/pa-audit.h"
#include "document/pa-plan-diff.h"
#include "geo/pa-geodesic.h"

struct _PaZoneDetails
{
  GtkBox parent_instance;
};

G_DEFINE_FINAL_TYPE (PaZoneDetails, pa_zone_details, GTK_TYPE_BOX)

static GtkWidget *
add_label (PaZoneDetails *self, const char *text, const char *css_class)
{
  GtkWidget *l = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (l), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_selectable (GTK_LABEL (l), TRUE);
  gtk_widget_set_focusable (l, FALSE);
  if (css_class)
    gtk_widget_add_css_class (l, css_class);
  gtk_box_append (GTK_BOX (self), l);
  return l;
}

static void
add_heading (PaZoneDetails *self, const char *text)
{
  GtkWidget *l = add_label (self, text, "heading");
  gtk_widget_set_margin_top (l, 10);
}

/* The policy sentence, then the document by its (short) title and the section; the
 * document's full details, down to the file it was read from, in the tooltip. */
static GtkWidget *
add_quote (PaZoneDetails *self, PaCitation *citation)
{
  g_autofree char *reference = pa_citation_dup_reference (citation, TRUE);
  g_autofree char *q = g_strdup_printf ("“%s” — %s", citation->quote, reference);
  GtkWidget *l = add_label (self, q, "dim-label");

  gtk_widget_add_css_class (l, "caption");
  gtk_widget_set_margin_start (l, 12);
  if (citation->source)
    {
      g_autofree char *details = pa_source_dup_details (citation->source);
      gtk_widget_set_tooltip_text (l, details);
    }
  return l;
}

/* A fact and, beneath it, the policy sentence it comes from. */
static void
add_cited (PaZoneDetails *self, const char *fact, PaCitation *citation)
{
  add_label (self, fact, NULL);
  if (citation)
    gtk_widget_set_margin_bottom (add_quote (self, citation), 4);
}

/* "✎ entered by 张三, 2026-11-27": a fact the planner entered or changed. */
static void
add_entered (PaZoneDetails *self, const char *by, const char *at)
{
  g_autofree char *date = at ? g_strndup (at, 10) : NULL;
  g_autofree char *text = date ? g_strdup_printf (_("✎ Entered by %s, %s"), by, date)
                               : g_strdup_printf (_("✎ Entered by %s"), by);
  GtkWidget *l = add_label (self, text, "accent");
  gtk_widget_add_css_class (l, "caption");
  gtk_widget_set_margin_start (l, 12);
}

/* The document's own words, kept beside a planner's change of a cited fact. */
static void
add_document_value (PaZoneDetails *self, const char *field, const char *text)
{
  g_autofree char *line = NULL;
  if (g_strcmp0 (field, "name") == 0)
    line = g_strdup_printf (_("Document's own name: %s"), text);
  else if (g_strcmp0 (field, "role") == 0)
    line = g_strdup_printf (_("Document's own role: %s"), text);
  else if (g_strcmp0 (field, "places") == 0)
    line = g_strdup_printf (_("Document's own places: %s"), text);
  else if (g_strcmp0 (field, "note") == 0)
    line = g_strdup_printf (_("Document's own note: %s"), text);
  else
    line = g_strdup_printf (_("Document's own value: %s"), text);
  GtkWidget *l = add_label (self, line, "caption");
  gtk_widget_set_margin_start (l, 12);
}

/* A fact with its provenance: the sentence it is cited from, and/or the planner who
 * entered or changed it, with the document's value where they changed a cited one. */
static void
add_fact (PaZoneDetails *self, const char *fact, PaCitation *citation, const char *entered_by,
          const char *entered_at, const char *document_value)
{
  if (!entered_by)
    {
      add_cited (self, fact, citation);
      return;
    }
  add_label (self, fact, NULL);
  add_entered (self, entered_by, entered_at);
  if (document_value)
    add_document_value (self, NULL, document_value);
  if (citation)
    gtk_widget_set_margin_bottom (add_quote (self, citation), 4);
}

/* The target as the document states it, where a planner changed some of its fields. */
static char *
describe_document_target (PaTarget *t)
{
  g_autoptr (PaTarget) doc = NULL;
  GHashTableIter it;
  gpointer k, v;

  if (!t->document_values || g_hash_table_size (t->document_values) == 0)
    return NULL;
  doc = pa_target_new ();
  doc->indicator = g_strdup (t->indicator);
  doc->comparator = g_strdup (t->comparator);
  doc->value = t->value;
  doc->value_text = g_strdup (t->value_text);
  doc->unit = g_strdup (t->unit);
  doc->year = t->year;
  doc->baseline_value = t->baseline_value;
  doc->baseline_year = t->baseline_year;
  doc->growth_rate = t->growth_rate;
  doc->increase = t->increase;
  g_hash_table_iter_init (&it, t->document_values);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      const char *col = k, *text = *(const char *) v ? v : NULL;
      double num = text ? g_ascii_strtod (text, NULL) : NAN;
#define TEXT_FIELD(name) if (g_str_equal (col, #name)) { g_free (doc->name); doc->name = g_strdup (text); }
      TEXT_FIELD (indicator) else TEXT_FIELD (comparator) else TEXT_FIELD (value_text) else TEXT_FIELD (unit)
      else if (g_str_equal (col, "value")) doc->value = num;
      else if (g_str_equal (col, "year")) doc->year = text ? atoi (text) : 0;
      else if (g_str_equal (col, "baseline_value")) doc->baseline_value = num;
      else if (g_str_equal (col, "baseline_year")) doc->baseline_year = text ? atoi (text) : 0;
      else if (g_str_equal (col, "growth_rate")) doc->growth_rate = num;
      else if (g_str_equal (col, "increase")) doc->increase = num;
#undef TEXT_FIELD
    }
  return pa_target_describe (doc);
}

static void
clear (PaZoneDetails *self)
{
  GtkWidget *child;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_box_remove (GTK_BOX (self), child);
}

static void
show_targets (PaZoneDetails *self, GPtrArray *targets)
{
  add_heading (self, _("Targets"));
  if (targets->len == 0)
    add_label (self, _("The document sets no target here."), "dim-label");
  for (guint i = 0; i < targets->len; i++)
    {
      PaTarget *t = targets->pdata[i];
      g_autofree char *text = pa_target_describe (t);
      g_autofree char *original = describe_document_target (t);
      add_fact (self, text, t->citation, t->entered_by, t->entered_at, original);
    }
}

static void
show_organisations (PaZoneDetails *self, GPtrArray *orgs, gboolean zone_level)
{
  add_heading (self, _("Enterprises and platforms"));
  if (orgs->len == 0)
    add_label (self, zone_level ? _("The document ties no enterprise or platform to this zone.")
                                : _("The document names no enterprise or platform."),
               "dim-label");
  for (guint i = 0; i < orgs->len; i++)
    {
      PaOrganisation *o = orgs->pdata[i];
      g_autoptr (GString) s = g_string_new (o->name);
      if (o->role)
        g_string_append_printf (s, " · %s", o->role);
      if (o->responsible)
        g_string_append_printf (s, _(" · responsible: %s"), o->responsible);
      if (o->industry)
        g_string_append_printf (s, " · %s", o->industry);
      add_fact (self, s->str, o->citation, o->entered_by, o->entered_at,
                o->document_values ? g_hash_table_lookup (o->document_values, "name") : NULL);
    }
}

/* "牵头：… · 责任单位：…" for a programme, or NULL when the text names neither. */
static char *
describe_departments (PaProgramme *g)
{
  g_autoptr (GString) s = g_string_new (NULL);
  if (g->lead)
    g_string_append_printf (s, _("lead: %s"), g->lead);
  if (g->responsible)
    {
      if (s->len)
        g_string_append (s, " · ");
      g_string_append_printf (s, _("responsible: %s"), g->responsible);
    }
  return s->len ? g_string_free (g_steal_pointer (&s), FALSE) : NULL;
}

/* Programmes of the plan (@zone NULL) or the ones tied to @zone, with their targets. */
static void
show_programmes (PaZoneDetails *self, PaPlan *plan, PaZone *zone)
{
  GPtrArray *programmes = pa_plan_get_programmes (plan);
  GPtrArray *targets = pa_plan_get_all_targets (plan);
  gboolean heading = FALSE;

  for (guint i = 0; i < programmes->len; i++)
    {
      PaProgramme *g = programmes->pdata[i];
      g_autofree char *departments = NULL, *title = NULL;
      if (zone ? g_strcmp0 (g->zone_key, pa_zone_get_key (zone)) != 0 : g->zone_key != NULL)
        continue;
      if (!heading)
        add_heading (self, zone ? _("Responsible departments") : _("Programmes and tasks")), heading = TRUE;
      departments = describe_departments (g);
      title = g->kind ? g_strdup_printf ("%s（%s）", g->name, g->kind) : g_strdup (g->name);
      if (!zone)
        add_label (self, title, NULL);
      add_cited (self, departments ? departments : _("The document names no department."), g->citation);
      for (guint k = 0; !zone && k < targets->len; k++)
        {
          PaTarget *t = targets->pdata[k];
          g_autofree char *text = NULL;
          if (g_strcmp0 (t->owner, g->name) != 0)
            continue;
          text = pa_target_describe (t);
          add_cited (self, text, t->citation);
        }
    }
}

static void
show_findings (PaZoneDetails *self, GPtrArray *findings, PaZone *zone)
{
  guint shown = 0;
  if (!findings)
    return;
  add_heading (self, _("Audit of the plan's numbers"));
  for (guint i = 0; i < findings->len; i++)
    {
      PaFinding *f = findings->pdata[i];
      if (zone && !pa_finding_involves (f, pa_zone_get_name (zone)))
        continue;
      add_cited (self, f->message, f->citation);
      if (f->other)
        add_quote (self, f->other);
      shown++;
    }
  if (shown == 0)
    add_label (self, zone ? _("No finding concerns this zone.") : _("The plan's numbers agree with each other."),
               "dim-label");
}

static void
show_differences (PaZoneDetails *self, PaPlan *plan, GPtrArray *differences)
{
  g_autofree char *heading = g_strdup_printf (_("Differences from “%s”"), pa_plan_get_scenario_of_name (plan));
  add_heading (self, heading);
  if (differences->len == 0)
    add_label (self, _("None yet: this scenario is still a copy of the plan."), "dim-label");
  for (guint i = 0; i < differences->len; i++)
    add_label (self, ((PaDiffItem *) differences->pdata[i])->text, NULL);
}

void
pa_zone_details_show (PaZoneDetails *self, PaPlan *plan, PaZone *zone, GPtrArray *findings, GPtrArray *differences)
{
  g_return_if_fail (PA_IS_ZONE_DETAILS (self));
  clear (self);
  if (!plan)
    return;
  if (!zone)
    {
      g_autofree char *doc = pa_plan_describe_source (plan);
      g_autofree char *details = pa_plan_dup_source_details (plan);
      GPtrArray *ind = pa_plan_get_industries (plan);
      add_label (self, pa_plan_get_name (plan), "title-3");
      gtk_widget_set_tooltip_text (add_label (self, doc, "dim-label"), details);
      add_label (self, _("Click a zone on the map or in the list to see its details."), NULL);
      if (differences)
        show_differences (self, plan, differences);
      if (ind->len)
        {
          g_autofree char *joined = NULL;
          add_heading (self, _("Industries"));
          g_ptr_array_add (ind, NULL);
          joined = g_strjoinv ("、", (char **) ind->pdata);
          g_ptr_array_remove_index (ind, ind->len - 1);
          add_label (self, joined, NULL);
        }
      show_findings (self, findings, NULL);
      show_targets (self, pa_plan_get_targets (plan));
      show_organisations (self, pa_plan_get_organisations (plan), FALSE);
      show_programmes (self, plan, NULL);
      return;
    }

  add_label (self, pa_zone_get_name (zone), "title-3");
  if (pa_zone_get_entered_by (zone))
    {
      static const char *const fields[] = { "name", "role", "places", "note" };
      add_entered (self, pa_zone_get_entered_by (zone), pa_zone_get_entered_at (zone));
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          const char *was = pa_zone_get_document_value (zone, fields[i]);
          if (was && i == 1)
            add_document_value (self, fields[i], pa_plan_lookup_role_label (plan, was));
          else if (was)
            add_document_value (self, fields[i], *was ? was : "—");
        }
    }
  {
    g_autofree char *role = g_strdup_printf (_("Role: %s"), pa_plan_lookup_role_label (plan, pa_zone_get_role (zone)));
    g_autofree char *places = g_strdup_printf (_("Places: %s"), pa_zone_get_places (zone) ? pa_zone_get_places (zone) : "—");
    add_label (self, role, NULL);
    add_label (self, places, NULL);
  }
  {
    const char *unit, *comparator;
    PaCitation *c;
    double area = pa_zone_get_land_area (zone, &unit, &comparator, &c);
    if (!isnan (area))
      {
        g_autofree char *v = pa_format_number (area);
        g_autofree char *text = g_strdup_printf (_("Land area: %s%s%s"), comparator ? comparator : "", v, unit ? unit : "");
        add_cited (self, text, c);
      }
  }
  for (guint i = 0; i < pa_zone_get_n_parts (zone); i++)
    {
      const PaZonePart *part = pa_zone_get_part_info (zone, i);
      g_autofree char *text = NULL;
      if (part->outline_from)
        {
          /* the place by its current name; the older boundary data only as the outline's source */
          g_autofree char *from = g_strdup_printf (_("Outline of %s drawn from the boundary of %s"),
                                                   part->name ? part->name : "", part->outline_from);
          add_label (self, from, "dim-label");
        }
      if (part->kind != PA_PART_DRAWN)
        continue;
      /* measured on the ellipsoid: the planner's outline, not a figure of the document */
      text = g_strdup_printf (_("Drawn outline “%s”: %.2f km²"), part->name ? part->name : "",
                              pa_geodesic_area_km2 (part->geometry));
      add_label (self, text, NULL);
      if (part->entered_by)
        add_entered (self, part->entered_by, NULL);
    }
  if (pa_zone_get_schematic (zone))
    add_label (self, _("示意 — the outline is schematic: drawn inside the named district, not a surveyed boundary."),
               "warning");
  if (pa_zone_get_inference (zone))
    {
      /* the reasoning one click away: the expander is closed, its title says what it is */
      GtkWidget *expander = gtk_expander_new (_("推定 — inferred: the document does not state this zone's role or place. Why:"));
      GtkWidget *why = gtk_label_new (pa_zone_get_inference (zone));
      GtkWidget *title = gtk_expander_get_label_widget (GTK_EXPANDER (expander));
      gtk_label_set_wrap (GTK_LABEL (why), TRUE);
      gtk_label_set_xalign (GTK_LABEL (why), 0);
      gtk_label_set_selectable (GTK_LABEL (why), TRUE);
      gtk_widget_set_margin_start (why, 12);
      if (GTK_IS_LABEL (title))
        {
          gtk_label_set_wrap (GTK_LABEL (title), TRUE);
          gtk_label_set_xalign (GTK_LABEL (title), 0);
        }
      gtk_widget_add_css_class (expander, "warning");
      gtk_expander_set_child (GTK_EXPANDER (expander), why);
      gtk_box_append (GTK_BOX (self), expander);
    }
  if (pa_zone_get_note (zone))
    add_label (self, pa_zone_get_note (zone), "dim-label");
  if (pa_zone_get_summary (zone))
    {
      add_heading (self, _("Role in the plan"));
      add_cited (self, pa_zone_get_summary (zone), pa_zone_get_citation (zone));
    }
  add_heading (self, _("Industries"));
  if (pa_zone_get_n_industries (zone) == 0)
    add_label (self, pa_zone_get_citation (zone) ? _("The document ties no industry to this zone.")
                                                 : _("No industry yet: add one with Edit Zone."),
               "dim-label");
  for (guint i = 0; i < pa_zone_get_n_industries (zone); i++)
    {
      PaCitation *c = NULL;
      const char *by = NULL;
      const char *name = pa_zone_get_industry (zone, i, &c);
      pa_zone_get_industry_id (zone, i, &by);
      add_fact (self, name, c, by, NULL, NULL);
    }
  show_targets (self, pa_zone_get_targets (zone));
  show_findings (self, findings, zone);
  show_programmes (self, plan, zone);
  show_organisations (self, pa_zone_get_organisations (zone), TRUE);
}

char *
pa_zone_details_get_text (PaZoneDetails *self)
{
  GString *s = g_string_new (NULL);
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self)); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_LABEL (c))
      g_string_append_printf (s, "%s\n", gtk_label_get_text (GTK_LABEL (c)));
    else if (GTK_IS_EXPANDER (c))
      {
        /* the 推定 line and, folded inside it, its reasoning */
        GtkWidget *child = gtk_expander_get_child (GTK_EXPANDER (c));
        g_string_append_printf (s, "%s\n", gtk_expander_get_label (GTK_EXPANDER (c)));
        if (GTK_IS_LABEL (child))
          g_string_append_printf (s, "%s\n", gtk_label_get_text (GTK_LABEL (child)));
      }
  return g_string_free (s, FALSE);
}

static void
pa_zone_details_class_init (PaZoneDetailsClass *klass)
{
}

static void
pa_zone_details_init (PaZoneDetails *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 8);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 12);
}

GtkWidget *
pa_zone_details_new (void)
{
  return g_object_new (PA_TYPE_ZONE_DETAILS, NULL);
}
