/* pa-import-batch.c — checking each imported row or feature before anything is written:
 * a name, coordinates that are longitude/latitude once reprojected (and moved from
 * GCJ-02 when asked), an outline GEOS finds valid. What fails is reported, not imported. */
#include "config.h"

#include "pa-import-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "geo/pa-gcj02.h"
#include "geo/pa-geos.h"

static void
zone_free (PaImportZone *z)
{
  g_free (z->layer);
  g_free (z->name);
  g_free (z->role);
  g_free (z->note);
  g_free (z->places);
  g_ptr_array_unref (z->industries);
  g_clear_pointer (&z->geometry, pa_geometry_unref);
  g_free (z);
}

static void
organisation_free (PaImportOrganisation *o)
{
  g_free (o->layer);
  pa_organisation_unref (o->org);
  g_free (o->zone);
  g_free (o);
}

void
pa_import_batch_init (PaImportBatch *batch, const char *path, const PaImportOptions *options, PaFieldMap *fields)
{
  memset (batch, 0, sizeof *batch);
  batch->path = path;
  batch->options = options;
  batch->fields = fields;
  batch->zones = g_ptr_array_new_with_free_func ((GDestroyNotify) zone_free);
  batch->organisations = g_ptr_array_new_with_free_func ((GDestroyNotify) organisation_free);
  batch->report = pa_import_report_new (path);
}

void
pa_import_batch_clear (PaImportBatch *batch)
{
  g_clear_pointer (&batch->zones, g_ptr_array_unref);
  g_clear_pointer (&batch->organisations, g_ptr_array_unref);
  g_clear_pointer (&batch->reprojection, pa_reprojection_free);
  g_clear_object (&batch->report);
}

/* A value worth keeping: trimmed, NULL when blank. */
static const char *
blank_to_null (const char *s)
{
  if (!s)
    return NULL;
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return s;
  return NULL;
}

void
pa_import_record_init (PaImportRecord *record, const int columns[PA_IMPORT_N_FIELDS], const char *const *values,
                       guint n_values)
{
  for (guint f = 0; f < PA_IMPORT_N_FIELDS; f++)
    record->values[f] = columns[f] >= 0 && (guint) columns[f] < n_values ? blank_to_null (values[columns[f]]) : NULL;
}

static char *
trimmed (const char *s)
{
  return s ? g_strstrip (g_strdup (s)) : NULL;
}

static void
add_issue (PaImportBatch *batch, PaImportIssueKind kind, guint line, guint feature, const char *name,
           const char *format, va_list args)
{
  g_autofree char *reason = g_strdup_vprintf (format, args);
  pa_import_report_add (batch->report, kind, batch->layer, line, feature, name, reason);
}

void
pa_import_batch_reject (PaImportBatch *batch, guint line, guint feature, const char *name, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  add_issue (batch, PA_IMPORT_ISSUE_REJECTED, line, feature, name, format, args);
  va_end (args);
}

void
pa_import_batch_note (PaImportBatch *batch, guint line, guint feature, const char *name, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  add_issue (batch, PA_IMPORT_ISSUE_NOTE, line, feature, name, format, args);
  va_end (args);
}

static gboolean
in_range (double lon, double lat)
{
  return isfinite (lon) && isfinite (lat) && fabs (lon) <= 180 && fabs (lat) <= 90;
}

static void
reject_out_of_range (PaImportBatch *batch, guint line, guint feature, const char *name, double x, double y)
{
  const char *hint = "";
  if (isfinite (x) && isfinite (y) && (fabs (x) > 1000 || fabs (y) > 1000))
    hint = _(" (metres of a projected CRS? GeoJSON and CSV must give longitude and latitude)");
  else if (isfinite (x) && isfinite (y) && fabs (y) > 90 && fabs (x) <= 90)
    hint = _(" (are longitude and latitude swapped?)");
  pa_import_batch_reject (batch, line, feature, name, _("%g, %g is not a longitude and latitude%s"), x, y, hint);
}

/* Splits "生物医药、医疗器械；体外诊断" into names, dropping blanks and repeats. */
static GPtrArray *
split_industries (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *s = g_strdup (text ? text : "");
  static const char *const seps[] = { "、", "，", "；", ",", ";" };

  for (guint i = 0; i < G_N_ELEMENTS (seps); i++)
    {
      g_auto (GStrv) pieces = g_strsplit (s, seps[i], -1);
      g_free (s);
      s = g_strjoinv ("\x1f", pieces);
    }
  {
    g_auto (GStrv) names = g_strsplit (s, "\x1f", -1);
    for (guint i = 0; names[i]; i++)
      {
        char *n = g_strstrip (names[i]);
        if (*n && !g_ptr_array_find_with_equal_func (out, n, g_str_equal, NULL))
          g_ptr_array_add (out, g_strdup (n));
      }
  }
  return out;
}

/* The file's coordinates to WGS-84 lon/lat: PROJ for a projected or other CRS, then
 * GCJ-02 → WGS-84 when the caller says the lon/lat are GCJ-02. */
static PaGeometry *
to_wgs84 (PaImportBatch *batch, const PaGeometry *g, char **why)
{
  g_autoptr (PaGeometry) lonlat = NULL;
  g_autoptr (GError) error = NULL;

  if (batch->reprojection)
    {
      lonlat = pa_reprojection_geometry (batch->reprojection, g, &error);
      if (!lonlat)
        {
          *why = g_strdup (error->message);
          return NULL;
        }
    }
  else
    lonlat = pa_geometry_ref ((PaGeometry *) g);
  if (batch->options->crs == PA_IMPORT_CRS_GCJ02)
    {
      PaGeometry *wgs = pa_gcj02_geometry_to_wgs84 (lonlat);
      if (!wgs)
        *why = g_strdup (_("a point could not be converted from GCJ-02"));
      return wgs;
    }
  return g_steal_pointer (&lonlat);
}

void
pa_import_batch_add_zone (PaImportBatch *batch, guint line, guint feature, const PaImportRecord *record,
                          const PaGeometry *geometry)
{
  /* a zones file may name each zone in a park-name column (园区名称) */
  const char *name = record->values[PA_IMPORT_FIELD_NAME] ? record->values[PA_IMPORT_FIELD_NAME]
                                                          : record->values[PA_IMPORT_FIELD_ZONE];
  g_autoptr (PaGeometry) wgs = NULL;
  PaImportZone *z;

  if (!name)
    {
      pa_import_batch_reject (batch, line, feature, NULL,
                              _("the zone has no name (no name, 名称 or NAME value; map the field that holds it)"));
      return;
    }
  if (geometry)
    {
      g_autofree char *why = NULL, *reason = NULL;
      PaPoint where = { NAN, NAN };

      if (pa_geometry_get_n_polygons (geometry) == 0)
        {
          pa_import_batch_reject (batch, line, feature, name, _("its outline is empty"));
          return;
        }
      if (!(wgs = to_wgs84 (batch, geometry, &why)))
        {
          pa_import_batch_reject (batch, line, feature, name, _("its outline cannot be placed on the map: %s"), why);
          return;
        }
      if (!pa_geos_check_valid (wgs, &reason, &where))
        {
          if (g_strcmp0 (reason, "Coordinate out of range") == 0)
            reject_out_of_range (batch, line, feature, name, where.x, where.y);
          else if (isfinite (where.x))
            pa_import_batch_reject (batch, line, feature, name, _("its outline is not valid: %s at %.6f, %.6f"),
                                    reason, where.x, where.y);
          else
            pa_import_batch_reject (batch, line, feature, name, _("its outline is not valid: %s"), reason);
          return;
        }
    }
  z = g_new0 (PaImportZone, 1);
  z->layer = g_strdup (batch->layer);
  z->line = line;
  z->feature = feature;
  z->name = trimmed (name);
  z->role = trimmed (record->values[PA_IMPORT_FIELD_ROLE]);
  z->note = trimmed (record->values[PA_IMPORT_FIELD_NOTE]);
  z->places = trimmed (record->values[PA_IMPORT_FIELD_PLACES]);
  z->industries = split_industries (record->values[PA_IMPORT_FIELD_INDUSTRY]);
  z->geometry = g_steal_pointer (&wgs);
  g_ptr_array_add (batch->zones, z);
}

/* enterprise / institution / platform from the words files use; NULL when unknown. */
static const char *
organisation_kind (const char *text)
{
  static const struct
  {
    const char *word, *kind;
  } words[] = {
    { "enterprise", "enterprise" }, { "企业", "enterprise" },    { "公司", "enterprise" },
    { "company", "enterprise" },    { "institution", "institution" }, { "机构", "institution" },
    { "高校", "institution" },      { "科研院所", "institution" }, { "研究院", "institution" },
    { "医院", "institution" },      { "university", "institution" }, { "hospital", "institution" },
    { "platform", "platform" },     { "平台", "platform" },
  };
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_strstrip (folded);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (folded, words[i].word))
      return words[i].kind;
  return NULL;
}

void
pa_import_batch_add_organisation (PaImportBatch *batch, guint line, guint feature, const PaImportRecord *record,
                                  double x, double y)
{
  const char *name = record->values[PA_IMPORT_FIELD_NAME];
  const char *kind_text = record->values[PA_IMPORT_FIELD_KIND];
  const char *kind = kind_text ? organisation_kind (kind_text) : "enterprise";
  g_autoptr (PaOrganisation) org = NULL;
  PaImportOrganisation *o;

  if (!name)
    {
      pa_import_batch_reject (batch, line, feature, NULL,
                              _("the organisation has no name (no 企业名称, name or 名称 value; map the field "
                                "that holds it)"));
      return;
    }
  org = pa_organisation_new ();
  org->lon = org->lat = NAN;
  if (!isnan (x) || !isnan (y))
    {
      double lon = x, lat = y;
      if (batch->reprojection && !pa_reprojection_point (batch->reprojection, &lon, &lat))
        {
          pa_import_batch_reject (batch, line, feature, name,
                                  _("%g, %g cannot be transformed to longitude and latitude"), x, y);
          return;
        }
      if (!in_range (lon, lat))
        {
          reject_out_of_range (batch, line, feature, name, lon, lat);
          return;
        }
      if (batch->options->crs == PA_IMPORT_CRS_GCJ02 && !pa_gcj02_to_wgs84 (lon, lat, &lon, &lat))
        {
          pa_import_batch_reject (batch, line, feature, name, _("%.6f, %.6f could not be converted from GCJ-02"),
                                  lon, lat);
          return;
        }
      org->lon = lon;
      org->lat = lat;
    }
  if (!kind)
    {
      kind = "enterprise";
      pa_import_batch_note (batch, line, feature, name,
                            _("“%s” is not a kind Park Atlas knows (enterprise, institution, platform): "
                              "imported as an enterprise"),
                            kind_text);
    }
  org->name = trimmed (name);
  org->kind = g_strdup (kind);
  org->role = trimmed (record->values[PA_IMPORT_FIELD_ROLE]);
  org->industry = trimmed (record->values[PA_IMPORT_FIELD_INDUSTRY]);
  org->responsible = trimmed (record->values[PA_IMPORT_FIELD_RESPONSIBLE]);
  o = g_new0 (PaImportOrganisation, 1);
  o->layer = g_strdup (batch->layer);
  o->line = line;
  o->feature = feature;
  o->org = g_steal_pointer (&org);
  o->zone = trimmed (record->values[PA_IMPORT_FIELD_ZONE]);
  g_ptr_array_add (batch->organisations, o);
}
