/* pa-import-report.c — the outcome of one import */
#include "config.h"

#include "pa-import-report.h"

#include <glib/gi18n.h>

struct _PaImportReport
{
  GObject parent_instance;
  char *path;
  guint n_zones, n_parts, n_organisations, n_rejected, n_skipped;
  GPtrArray *issues;
};

enum
{
  PROP_0,
  PROP_PATH,
  PROP_N_ZONES,
  PROP_N_PARTS,
  PROP_N_ORGANISATIONS,
  PROP_N_REJECTED,
  PROP_N_SKIPPED,
  N_PROPS
};

static GParamSpec *props[N_PROPS];

G_DEFINE_FINAL_TYPE (PaImportReport, pa_import_report, G_TYPE_OBJECT)

static void
issue_free (PaImportIssue *issue)
{
  g_free (issue->layer);
  g_free (issue->name);
  g_free (issue->reason);
  g_free (issue);
}

static void
pa_import_report_finalize (GObject *object)
{
  PaImportReport *self = PA_IMPORT_REPORT (object);
  g_free (self->path);
  g_ptr_array_unref (self->issues);
  G_OBJECT_CLASS (pa_import_report_parent_class)->finalize (object);
}

static void
pa_import_report_get_property (GObject *object, guint id, GValue *value, GParamSpec *pspec)
{
  PaImportReport *self = PA_IMPORT_REPORT (object);
  switch (id)
    {
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_N_ZONES: g_value_set_uint (value, self->n_zones); break;
    case PROP_N_PARTS: g_value_set_uint (value, self->n_parts); break;
    case PROP_N_ORGANISATIONS: g_value_set_uint (value, self->n_organisations); break;
    case PROP_N_REJECTED: g_value_set_uint (value, self->n_rejected); break;
    case PROP_N_SKIPPED: g_value_set_uint (value, self->n_skipped); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, id, pspec);
    }
}

static void
pa_import_report_class_init (PaImportReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pa_import_report_finalize;
  object_class->get_property = pa_import_report_get_property;
  props[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL, ro);
  props[PROP_N_ZONES] = g_param_spec_uint ("n-zones", NULL, NULL, 0, G_MAXUINT, 0, ro);
  props[PROP_N_PARTS] = g_param_spec_uint ("n-parts", NULL, NULL, 0, G_MAXUINT, 0, ro);
  props[PROP_N_ORGANISATIONS] = g_param_spec_uint ("n-organisations", NULL, NULL, 0, G_MAXUINT, 0, ro);
  props[PROP_N_REJECTED] = g_param_spec_uint ("n-rejected", NULL, NULL, 0, G_MAXUINT, 0, ro);
  props[PROP_N_SKIPPED] = g_param_spec_uint ("n-skipped", NULL, NULL, 0, G_MAXUINT, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, props);
}

static void
pa_import_report_init (PaImportReport *self)
{
  self->issues = g_ptr_array_new_with_free_func ((GDestroyNotify) issue_free);
}

PaImportReport *
pa_import_report_new (const char *path)
{
  PaImportReport *self = g_object_new (PA_TYPE_IMPORT_REPORT, NULL);
  self->path = g_strdup (path);
  return self;
}

const char *
pa_import_report_get_path (PaImportReport *self)
{
  g_return_val_if_fail (PA_IS_IMPORT_REPORT (self), NULL);
  return self->path;
}

guint
pa_import_report_get_n_zones (PaImportReport *self)
{
  g_return_val_if_fail (PA_IS_IMPORT_REPORT (self), 0);
  return self->n_zones;
}

guint
pa_import_report_get_n_parts (PaImportReport *self)
{
  g_return_val_if_fail (PA_IS_IMPORT_REPORT (self), 0);
  return self->n_parts;
}

guint
pa_import_report_get_n_organisations (PaImportReport *self)
{
  g_return_val_if_fail (PA_IS_IMPORT_REPORT (self), 0);
  return self->n_organisations;
}

guint
pa_import_report_get_n_rejected (PaImportReport *self)
{
  g_return_val_if_fail (PA_IS_IMPORT_REPORT (self), 0);
  return self->n_rejected;
}

guint
pa_import_report_get_n_skipped (PaImportReport *self)
{
  g_return_val_if_fail (PA_IS_IMPORT_REPORT (self), 0);
  return self->n_skipped;
}

void
pa_import_report_set_counts (PaImportReport *self, guint zones, guint parts, guint organisations)
{
  g_return_if_fail (PA_IS_IMPORT_REPORT (self));
  g_object_freeze_notify (G_OBJECT (self));
  if (self->n_zones != zones)
    self->n_zones = zones, g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_ZONES]);
  if (self->n_parts != parts)
    self->n_parts = parts, g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_PARTS]);
  if (self->n_organisations != organisations)
    self->n_organisations = organisations, g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_ORGANISATIONS]);
  g_object_thaw_notify (G_OBJECT (self));
}

GPtrArray *
pa_import_report_get_issues (PaImportReport *self)
{
  g_return_val_if_fail (PA_IS_IMPORT_REPORT (self), NULL);
  return self->issues;
}

void
pa_import_report_add (PaImportReport *self, PaImportIssueKind kind, const char *layer, guint line, guint feature,
                      const char *name, const char *reason)
{
  PaImportIssue *issue;

  g_return_if_fail (PA_IS_IMPORT_REPORT (self));
  g_return_if_fail (reason != NULL);
  issue = g_new0 (PaImportIssue, 1);
  issue->kind = kind;
  issue->layer = g_strdup (layer);
  issue->line = line;
  issue->feature = feature;
  issue->name = name && *name ? g_strdup (name) : NULL;
  issue->reason = g_strdup (reason);
  g_ptr_array_add (self->issues, issue);
  if (kind == PA_IMPORT_ISSUE_REJECTED)
    {
      self->n_rejected++;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_REJECTED]);
    }
  else if (kind == PA_IMPORT_ISSUE_SKIPPED)
    {
      self->n_skipped++;
      g_object_notify_by_pspec (G_OBJECT (self), props[PROP_N_SKIPPED]);
    }
}

static int
compare_issues (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const PaImportIssue *x = *(PaImportIssue **) a, *y = *(PaImportIssue **) b;
  GHashTable *rank = user_data;
  int lx = GPOINTER_TO_INT (g_hash_table_lookup (rank, x->layer ? x->layer : ""));
  int ly = GPOINTER_TO_INT (g_hash_table_lookup (rank, y->layer ? y->layer : ""));
  guint nx = x->line + x->feature, ny = y->line + y->feature;

  if (lx != ly)
    return lx < ly ? -1 : 1;
  return nx < ny ? -1 : nx > ny;
}

void
pa_import_report_sort (PaImportReport *self)
{
  g_autoptr (GHashTable) rank = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (PA_IS_IMPORT_REPORT (self));
  /* layers in the order they were read; whole-file issues (no layer) first */
  g_hash_table_insert (rank, "", GINT_TO_POINTER (0));
  for (guint i = 0; i < self->issues->len; i++)
    {
      const PaImportIssue *issue = self->issues->pdata[i];
      if (issue->layer && !g_hash_table_contains (rank, issue->layer))
        g_hash_table_insert (rank, issue->layer, GINT_TO_POINTER (g_hash_table_size (rank)));
    }
  /* stable: issues of one row keep the order they were found in */
  g_ptr_array_sort_with_data (self->issues, compare_issues, rank);
}

char *
pa_import_report_list_rejected (PaImportReport *self, guint max)
{
  g_autoptr (GString) s = g_string_new (NULL);
  guint listed = 0;

  g_return_val_if_fail (PA_IS_IMPORT_REPORT (self), NULL);
  for (guint i = 0; i < self->issues->len; i++)
    {
      const PaImportIssue *issue = self->issues->pdata[i];
      g_autofree char *line = NULL;
      if (issue->kind != PA_IMPORT_ISSUE_REJECTED)
        continue;
      if (listed++ == max)
        {
          g_string_append_printf (s, _("\n  … and %u more"), self->n_rejected - max);
          break;
        }
      line = pa_import_issue_format (issue, self->path);
      g_string_append_printf (s, "\n  %s", line);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
pa_import_issue_format (const PaImportIssue *issue, const char *path)
{
  g_autofree char *file = g_path_get_basename (path);

  g_return_val_if_fail (issue != NULL, NULL);
  if (issue->line > 0)
    return issue->name ? g_strdup_printf (_("%s, line %u (%s): %s"), file, issue->line, issue->name, issue->reason)
                       : g_strdup_printf (_("%s, line %u: %s"), file, issue->line, issue->reason);
  if (issue->layer && issue->feature > 0)
    return issue->name ? g_strdup_printf (_("%s, layer “%s”, feature %u (%s): %s"), file, issue->layer,
                                          issue->feature, issue->name, issue->reason)
                       : g_strdup_printf (_("%s, layer “%s”, feature %u: %s"), file, issue->layer,
                                          issue->feature, issue->reason);
  if (issue->feature > 0)
    return issue->name ? g_strdup_printf (_("%s, feature %u (%s): %s"), file, issue->feature, issue->name,
                                          issue->reason)
                       : g_strdup_printf (_("%s, feature %u: %s"), file, issue->feature, issue->reason);
  if (issue->layer)
    return g_strdup_printf (_("%s, layer “%s”: %s"), file, issue->layer, issue->reason);
  return g_strdup_printf ("%s: %s", file, issue->reason);
}

char *
pa_import_report_describe (PaImportReport *self, const char *plan_name)
{
  g_return_val_if_fail (PA_IS_IMPORT_REPORT (self), NULL);
  /* counts as "label: n" need no plural forms in any language */
  return g_strdup_printf (_("Imported into %s — zones: %u (parts: %u), organisations: %u; left out: %u; "
                            "already in the plan: %u"),
                          plan_name, self->n_zones, self->n_parts, self->n_organisations, self->n_rejected,
                          self->n_skipped);
}
