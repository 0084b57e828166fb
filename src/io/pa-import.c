/* pa-import.c — one import: read and check the whole file (the readers), match what it
 * names against the plan (zones by name, organisations to their zone), then write it all
 * in one document edit, so it lands — and is undone — as one step. */
#include "config.h"

#include "pa-import-private.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "store/pa-store-edit.h"

G_DEFINE_QUARK (pa-import-error-quark, pa_import_error)

gboolean
pa_import_crs_from_string (const char *text, PaImportCrs *crs, GError **error)
{
  g_autofree char *s = g_ascii_strdown (text ? text : "", -1);
  if (g_str_equal (s, "wgs84") || g_str_equal (s, "wgs-84") || g_str_equal (s, "epsg:4326"))
    *crs = PA_IMPORT_CRS_WGS84;
  else if (g_str_equal (s, "gcj02") || g_str_equal (s, "gcj-02"))
    *crs = PA_IMPORT_CRS_GCJ02;
  else
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_CRS,
                   _("“%s” is not a coordinate system for --crs: use wgs84 or gcj02"), text ? text : "");
      return FALSE;
    }
  return TRUE;
}

/* By content first (an SQLite header, a JSON object), then by the name's extension. */
static gboolean
detect_format (const char *path, PaImportFormat *format, GError **error)
{
  char head[64] = { 0 };
  size_t n = 0;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  FILE *f = fopen (path, "rb");

  if (!f)
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_READ, _("Cannot read “%s”: %s"), path, g_strerror (errno));
      return FALSE;
    }
  n = fread (head, 1, sizeof head - 1, f);
  fclose (f);
  if (n >= 16 && memcmp (head, "SQLite format 3", 16) == 0)
    *format = PA_IMPORT_FORMAT_GEOPACKAGE;
  else if (g_str_has_suffix (lower, ".gpkg"))
    *format = PA_IMPORT_FORMAT_GEOPACKAGE;
  else if (g_str_has_suffix (lower, ".geojson") || g_str_has_suffix (lower, ".json"))
    *format = PA_IMPORT_FORMAT_GEOJSON;
  else if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".tsv"))
    *format = PA_IMPORT_FORMAT_CSV;
  else
    {
      const char *p = head;
      if (g_str_has_prefix (p, "\xef\xbb\xbf"))
        p += 3;
      while (g_ascii_isspace (*p))
        p++;
      if (*p == '{')
        *format = PA_IMPORT_FORMAT_GEOJSON;
      else if (n > 0 && memchr (head, '\0', n) == NULL)
        *format = PA_IMPORT_FORMAT_CSV;
      else
        {
          g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_FORMAT,
                       n == 0 ? _("“%s” is empty")
                              : _("Cannot tell what “%s” is: import a GeoJSON (.geojson), GeoPackage (.gpkg) "
                                  "or CSV (.csv) file"),
                       path);
          return FALSE;
        }
    }
  return TRUE;
}

/* ---- matching the batch against the plan ---- */

typedef struct
{
  char *name;
  PaZone *zone;        /* a zone of the plan, or NULL … */
  PaImportZone *added; /* … one this import adds */
  gint64 fid;          /* once written */
} ZoneEntry;

static void
zone_entry_free (ZoneEntry *e)
{
  g_free (e->name);
  g_free (e);
}

/* The plan's role key for what the file says ("产业园区" → park); the text itself when it
 * names no role of the plan; the plan's last role when it says nothing. */
static char *
plan_role (PaPlan *plan, const char *text)
{
  guint n = pa_plan_get_n_roles (plan);
  if (!text)
    return g_strdup (n ? pa_plan_get_role_key (plan, n - 1) : "zone");
  for (guint i = 0; i < n; i++)
    if (g_utf8_collate (text, pa_plan_get_role_key (plan, i)) == 0
        || g_utf8_collate (text, pa_plan_get_role_label (plan, i)) == 0)
      return g_strdup (pa_plan_get_role_key (plan, i));
  return g_strdup (text);
}

static void
reject_item (PaImportBatch *b, const char *layer, guint line, guint feature, const char *name, const char *reason)
{
  pa_import_report_add (b->report, PA_IMPORT_ISSUE_REJECTED, layer, line, feature, name, reason);
}

static void
skip_item (PaImportBatch *b, const char *layer, guint line, guint feature, const char *name, const char *reason)
{
  pa_import_report_add (b->report, PA_IMPORT_ISSUE_SKIPPED, layer, line, feature, name, reason);
}

static void
note_item (PaImportBatch *b, const char *layer, guint line, guint feature, const char *name, const char *reason)
{
  pa_import_report_add (b->report, PA_IMPORT_ISSUE_NOTE, layer, line, feature, name, reason);
}

/* The zones of the import: new names become entries; a name the file repeats adds its
 * outline to the first (GIS files often split a zone into several features); a name the
 * plan already has is refused, so an import run twice does not double the zones. */
static GPtrArray *
match_zones (PaImportBatch *b, PaPlan *plan, GPtrArray **kept)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) zone_entry_free);
  g_autoptr (GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *zones = pa_plan_get_zones (plan);

  *kept = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      ZoneEntry *e = g_new0 (ZoneEntry, 1);
      e->name = g_strdup (pa_zone_get_name (z));
      e->zone = z; /* the plan holds it for as long as the import runs */
      e->fid = pa_zone_get_id (z);
      g_ptr_array_add (entries, e);
      g_hash_table_insert (by_name, e->name, e);
    }
  for (guint i = 0; i < b->zones->len; i++)
    {
      PaImportZone *z = b->zones->pdata[i];
      ZoneEntry *e = g_hash_table_lookup (by_name, z->name);
      if (e && e->zone)
        {
          g_autofree char *why = g_strdup_printf (_("the plan already has a zone named “%s”"), z->name);
          skip_item (b, z->layer, z->line, z->feature, z->name, why);
        }
      else if (e)
        {
          g_autofree char *why = NULL;
          if (z->geometry)
            {
              if (!e->added->geometry)
                e->added->geometry = pa_geometry_new ();
              pa_geometry_append (e->added->geometry, z->geometry);
            }
          for (guint k = 0; k < z->industries->len; k++)
            if (!g_ptr_array_find_with_equal_func (e->added->industries, z->industries->pdata[k], g_str_equal, NULL))
              g_ptr_array_add (e->added->industries, g_strdup (z->industries->pdata[k]));
          why = e->added->feature ? g_strdup_printf (_("joined to the zone of the same name in feature %u"), e->added->feature)
                                  : g_strdup_printf (_("joined to the zone of the same name on line %u"), e->added->line);
          note_item (b, z->layer, z->line, z->feature, z->name, why);
        }
      else
        {
          e = g_new0 (ZoneEntry, 1);
          e->name = g_strdup (z->name);
          e->added = z;
          g_ptr_array_add (entries, e);
          g_hash_table_insert (by_name, e->name, e);
          g_ptr_array_add (*kept, z);
        }
    }
  return entries;
}

static PaGeometry *
entry_geometry (ZoneEntry *e)
{
  return e->zone ? pa_zone_get_geometry (e->zone) : e->added->geometry;
}

/* The zone an organisation names: the same name, else the one zone whose name contains
 * it or is contained in it. NULL, with @why, when none or several do. */
static ZoneEntry *
find_zone (GPtrArray *entries, GHashTable *cache, const char *name, char **why)
{
  ZoneEntry *found = NULL;
  guint n_found = 0;
  g_autoptr (GString) names = g_string_new (NULL);

  if (g_hash_table_contains (cache, name))
    {
      found = g_hash_table_lookup (cache, name);
      if (!found)
        *why = g_strdup_printf (_("no single zone of the plan is named “%s”: imported without a zone"), name);
      return found;
    }
  for (guint i = 0; i < entries->len && !found; i++)
    if (g_str_equal (((ZoneEntry *) entries->pdata[i])->name, name))
      found = entries->pdata[i];
  for (guint i = 0; i < entries->len && !found; i++)
    {
      ZoneEntry *e = entries->pdata[i];
      if (strstr (e->name, name) || strstr (name, e->name))
        {
          g_string_append_printf (names, "%s“%s”", n_found ? "、" : "", e->name);
          n_found++;
        }
    }
  if (!found && n_found == 1)
    for (guint i = 0; i < entries->len && !found; i++)
      {
        ZoneEntry *e = entries->pdata[i];
        if (strstr (e->name, name) || strstr (name, e->name))
          found = e;
      }
  g_hash_table_insert (cache, g_strdup (name), found);
  if (!found)
    *why = n_found > 1 ? g_strdup_printf (_("“%s” matches several zones (%s): imported without a zone"), name, names->str)
                       : g_strdup_printf (_("no single zone of the plan is named “%s”: imported without a zone"), name);
  return found;
}

static ZoneEntry *
zone_containing (GPtrArray *entries, double lon, double lat)
{
  for (guint i = 0; i < entries->len; i++)
    {
      PaGeometry *g = entry_geometry (entries->pdata[i]);
      if (g && pa_geometry_contains_point (g, lon, lat))
        return entries->pdata[i];
    }
  return NULL;
}

typedef struct
{
  PaImportOrganisation *item;
  ZoneEntry *zone;
} OrgPlan;

static GArray *
match_organisations (PaImportBatch *b, PaPlan *plan, GPtrArray *entries)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (OrgPlan));
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *existing = pa_plan_get_organisations (plan);

  for (guint i = 0; existing && i < existing->len; i++)
    g_hash_table_insert (seen, ((PaOrganisation *) existing->pdata[i])->name, NULL);
  for (guint i = 0; i < b->organisations->len; i++)
    {
      PaImportOrganisation *o = b->organisations->pdata[i];
      OrgPlan p = { o, NULL };
      gpointer first = NULL;
      g_autofree char *why = NULL;

      if (g_hash_table_lookup_extended (seen, o->org->name, NULL, &first))
        {
          PaImportOrganisation *f = first;
          if (!f)
            {
              why = g_strdup_printf (_("the plan already has an organisation named “%s”"), o->org->name);
              skip_item (b, o->layer, o->line, o->feature, o->org->name, why);
              continue;
            }
          why = f->line ? g_strdup_printf (_("the file names “%s” twice (first on line %u)"), o->org->name, f->line)
                        : g_strdup_printf (_("the file names “%s” twice (first in feature %u)"), o->org->name,
                                           f->feature);
          reject_item (b, o->layer, o->line, o->feature, o->org->name, why);
          continue;
        }
      g_hash_table_insert (seen, o->org->name, o);
      if (o->zone)
        {
          p.zone = find_zone (entries, cache, o->zone, &why);
          if (!p.zone)
            note_item (b, o->layer, o->line, o->feature, o->org->name, why);
        }
      else if (!isnan (o->org->lon) && (p.zone = zone_containing (entries, o->org->lon, o->org->lat)))
        {
          why = g_strdup_printf (_("placed in the zone “%s”, which its point lies in"), p.zone->name);
          note_item (b, o->layer, o->line, o->feature, o->org->name, why);
        }
      g_array_append_val (out, p);
    }
  return out;
}

/* ---- writing ---- */

static void
prefix_with_item (GError **error, PaImportBatch *b, const char *layer, guint line, guint feature, const char *name)
{
  PaImportIssue where = { PA_IMPORT_ISSUE_REJECTED, (char *) layer, line, feature, (char *) name, (char *) "" };
  g_autofree char *prefix = pa_import_issue_format (&where, b->path);
  g_prefix_error (error, "%s", prefix);
}

static gboolean
write_zone (PaStore *store, PaChange *change, PaPlan *plan, PaImportBatch *b, ZoneEntry *e, guint *n_parts,
            GError **error)
{
  PaImportZone *z = e->added;
  g_autofree char *role = plan_role (plan, z->role);
  guint np = z->geometry ? pa_geometry_get_n_polygons (z->geometry) : 0;

  e->fid = pa_store_edit_add_zone (store, change, pa_plan_get_id (plan), z->name, role, error);
  if (e->fid <= 0)
    return FALSE;
  if ((z->note && !pa_store_edit_zone_field (store, change, e->fid, "note", z->note, error))
      || (z->places && !pa_store_edit_zone_field (store, change, e->fid, "places", z->places, error)))
    return FALSE;
  /* one drawn part per polygon, so the planner can reshape or delete each */
  for (guint p = 0; p < np; p++)
    {
      g_autoptr (PaGeometry) part = pa_geometry_get_polygon (z->geometry, p);
      g_autofree char *part_name = np > 1 ? g_strdup_printf ("%s %u", z->name, p + 1) : g_strdup (z->name);
      if (pa_store_edit_add_part (store, change, e->fid, part_name, PA_PART_DRAWN, part, NULL, error) <= 0)
        return FALSE;
      (*n_parts)++;
    }
  for (guint i = 0; i < z->industries->len; i++)
    if (pa_store_edit_add_zone_industry (store, change, e->fid, z->industries->pdata[i], error) <= 0)
      return FALSE;
  return TRUE;
}

static gboolean
write_batch (PaDocument *doc, PaImportBatch *b, GPtrArray *entries, GArray *orgs, GError **error)
{
  PaStore *store = pa_document_get_store (doc);
  PaPlan *plan = pa_document_get_plan (doc);
  g_autofree char *file = g_path_get_basename (b->path);
  g_autofree char *label = g_strdup_printf (_("Import %s"), file);
  PaChange *change = pa_document_begin_edit (doc, label, error);
  guint n_zones = 0, n_parts = 0;
  gboolean ok = TRUE;

  if (!change)
    return FALSE;
  for (guint i = 0; ok && i < entries->len; i++)
    {
      ZoneEntry *e = entries->pdata[i];
      if (!e->added)
        continue;
      ok = write_zone (store, change, plan, b, e, &n_parts, error);
      if (!ok)
        prefix_with_item (error, b, e->added->layer, e->added->line, e->added->feature, e->added->name);
      n_zones++;
    }
  for (guint i = 0; ok && i < orgs->len; i++)
    {
      OrgPlan *p = &g_array_index (orgs, OrgPlan, i);
      ok = pa_store_edit_add_organisation (store, change, pa_plan_get_id (plan), p->zone ? p->zone->fid : 0,
                                           p->item->org, error)
           > 0;
      if (!ok)
        prefix_with_item (error, b, p->item->layer, p->item->line, p->item->feature, p->item->org->name);
    }
  if (!pa_document_end_edit (doc, change, ok, error))
    return FALSE;
  pa_import_report_set_counts (b->report, n_zones, n_parts, orgs->len);
  return TRUE;
}

PaImportReport *
pa_import_file (PaDocument *document, const char *path, const PaImportOptions *options, GError **error)
{
  static const PaImportOptions defaults = PA_IMPORT_OPTIONS_INIT;
  g_autoptr (PaFieldMap) fields = NULL;
  g_autoptr (GPtrArray) entries = NULL, kept = NULL;
  g_autoptr (GArray) orgs = NULL;
  PaImportFormat format;
  PaImportBatch b;
  PaPlan *plan;
  gboolean ok;
  guint n_rejected;
  PaImportReport *report;

  g_return_val_if_fail (PA_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  if (!options)
    options = &defaults;
  plan = pa_document_get_plan (document);
  if (!plan)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("No plan is open"));
      return NULL;
    }
  if (!(fields = pa_field_map_new (options->fields, error)))
    return NULL;
  format = options->format;
  if (format == PA_IMPORT_FORMAT_AUTO && !detect_format (path, &format, error))
    return NULL;

  pa_import_batch_init (&b, path, options, fields);
  switch (format)
    {
    case PA_IMPORT_FORMAT_GEOPACKAGE: ok = pa_import_read_geopackage (&b, error); break;
    case PA_IMPORT_FORMAT_CSV: ok = pa_import_read_csv (&b, error); break;
    default: ok = pa_import_read_geojson (&b, error); break;
    }
  if (ok)
    {
      entries = match_zones (&b, plan, &kept);
      orgs = match_organisations (&b, plan, entries);
      pa_import_report_sort (b.report);
      n_rejected = pa_import_report_get_n_rejected (b.report);
      /* rows the plan already has are not the file's fault: a file with nothing new but
       * those is read, not refused */
      if (n_rejected > 0
          && (options->all_or_nothing
              || (kept->len == 0 && orgs->len == 0 && pa_import_report_get_n_skipped (b.report) == 0)))
        {
          g_autofree char *list = pa_import_report_list_rejected (b.report, 20);
          g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_REJECTED,
                       kept->len == 0 && orgs->len == 0
                           ? _("Nothing in “%s” could be imported; rows or features left out: %u%s")
                           : _("“%s” was not imported (all or nothing); rows or features that cannot be: %u%s"),
                       path, n_rejected, list);
          ok = FALSE;
        }
      else if (kept->len > 0 || orgs->len > 0)
        ok = write_batch (document, &b, entries, orgs, error);
    }
  report = ok ? g_object_ref (b.report) : NULL;
  pa_import_batch_clear (&b);
  return report;
}
