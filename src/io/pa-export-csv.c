/* pa-export-csv.c — targets and organisations as Excel-ready CSV */
#include "config.h"

#include "pa-export-csv.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pa-csv.h"
#include "render/pa-exporter.h"

static char *
number (double v)
{
  return isnan (v) ? g_strdup ("") : pa_format_number (v);
}

static char *
year (int y)
{
  return y > 0 ? g_strdup_printf ("%d", y) : g_strdup ("");
}

static const char *
source_text (PaCitation *c)
{
  return c && c->quote ? c->quote : "";
}

char *
pa_export_targets_csv (PaPlan *plan)
{
  g_autoptr (GString) out = g_string_new (PA_CSV_UTF8_BOM);
  GPtrArray *targets;
  const char *header[] = {
    _("Zone or programme"), _("Indicator"), _("Wording"), _("Value"), C_("CSV column", "Value in words"), _("Unit"), _("Year"),
    _("Baseline"), C_("CSV column", "Baseline year"), C_("CSV column", "Growth a year (%)"), C_("CSV column", "Increase"), _("Source"), C_("CSV column", "Entered by"),
  };

  g_return_val_if_fail (PA_IS_PLAN (plan), NULL);
  targets = pa_plan_get_all_targets (plan);
  pa_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; targets && i < targets->len; i++)
    {
      PaTarget *t = targets->pdata[i];
      g_autofree char *value = number (t->value), *y = year (t->year), *base = number (t->baseline_value);
      g_autofree char *base_year = year (t->baseline_year), *rate = number (t->growth_rate);
      g_autofree char *increase = number (t->increase);
      const char *row[] = {
        t->owner ? t->owner : _("whole plan"), t->indicator, t->comparator, value, t->value_text, t->unit, y,
        base, base_year, rate, increase, source_text (t->citation), t->entered_by,
      };
      pa_csv_append_row (out, row, G_N_ELEMENTS (row));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "institution") == 0)
    return _("institution");
  if (g_strcmp0 (kind, "platform") == 0)
    return _("platform");
  return _("enterprise");
}

char *
pa_export_organisations_csv (PaPlan *plan)
{
  g_autoptr (GString) out = g_string_new (PA_CSV_UTF8_BOM);
  GPtrArray *orgs;
  /* the names the import looks for (pa-import-fields.c) in both languages */
  const char *header[] = {
    C_("CSV column", "Name"), C_("CSV column", "Kind"), C_("CSV column", "Role"), C_("CSV column", "Industry"), C_("CSV column", "Zone"), C_("CSV column", "Responsible"),
    C_("CSV column", "Longitude"), C_("CSV column", "Latitude"), _("Source"), C_("CSV column", "Entered by"),
  };

  g_return_val_if_fail (PA_IS_PLAN (plan), NULL);
  orgs = pa_plan_get_organisations (plan);
  pa_csv_append_row (out, header, G_N_ELEMENTS (header));
  for (guint i = 0; orgs && i < orgs->len; i++)
    {
      PaOrganisation *o = orgs->pdata[i];
      PaZone *zone = o->zone_key ? pa_plan_find_zone (plan, o->zone_key) : NULL;
      char lon[G_ASCII_DTOSTR_BUF_SIZE] = "", lat[G_ASCII_DTOSTR_BUF_SIZE] = "";
      const char *row[10];

      if (!isnan (o->lon) && !isnan (o->lat))
        {
          g_ascii_formatd (lon, sizeof lon, "%.7f", o->lon);
          g_ascii_formatd (lat, sizeof lat, "%.7f", o->lat);
        }
      row[0] = o->name;
      row[1] = kind_label (o->kind);
      row[2] = o->role;
      row[3] = o->industry;
      row[4] = zone ? pa_zone_get_name (zone) : NULL;
      row[5] = o->responsible;
      row[6] = lon;
      row[7] = lat;
      row[8] = source_text (o->citation);
      row[9] = o->entered_by;
      pa_csv_append_row (out, row, G_N_ELEMENTS (row));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
pa_export_csv_paths (const char *path, char **targets_path, char **organisations_path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *base = g_str_has_suffix (lower, ".csv") ? g_strndup (path, strlen (path) - 4) : g_strdup (path);
  *targets_path = g_strconcat (base, "-targets.csv", NULL);
  *organisations_path = g_strconcat (base, "-enterprises.csv", NULL);
}


gboolean
pa_export_plan_csv_files (PaPlan *plan, const char *path, GError **error)
{
  g_autofree char *targets_path = NULL, *organisations_path = NULL;
  g_autofree char *targets = pa_export_targets_csv (plan);
  g_autofree char *organisations = pa_export_organisations_csv (plan);

  g_return_val_if_fail (PA_IS_PLAN (plan), FALSE);
  pa_export_csv_paths (path, &targets_path, &organisations_path);
  return pa_export_write_text (targets_path, targets, error)
         && pa_export_write_text (organisations_path, organisations, error);
}
