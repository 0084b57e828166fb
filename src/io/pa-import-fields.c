/* pa-import-fields.c — guessing and overriding the column of each imported field */
#include "config.h"

#include "pa-import-fields.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pa-import.h"

struct _PaFieldMap
{
  char *overrides[PA_IMPORT_N_FIELDS]; /* normalised column names, or NULL */
  char *given[PA_IMPORT_N_FIELDS];     /* as the caller wrote them */
};

static const char *const field_names[PA_IMPORT_N_FIELDS] = {
  "name", "zone", "kind", "role", "industry", "note", "places", "responsible", "lon", "lat",
};

/* Column names each field is known by, most specific first. The name field does not
 * list 园区名称: in an enterprise list that is the park (the zone field). */
static const char *const *const known_names[PA_IMPORT_N_FIELDS] = {
  (const char *const[]){ "name", "名称", "企业名称", "单位名称", "公司名称", "机构名称", "平台名称", "区域名称",
                         "片区名称", "名字", "title", NULL },
  (const char *const[]){ "zone", "park", "所属园区", "园区", "所在园区", "园区名称", "所属片区", "片区",
                         "所属区域", "zone_name", "park_name", NULL },
  (const char *const[]){ "kind", "类别", "主体类型", "机构类型", NULL },
  (const char *const[]){ "role", "type", "类型", "角色", "功能", "定位", "功能定位", NULL },
  (const char *const[]){ "industry", "industries", "行业", "产业", "主导产业", "所属行业", "产业方向", "sector", NULL },
  (const char *const[]){ "note", "notes", "备注", "说明", "描述", "description", "remark", "comment", NULL },
  (const char *const[]){ "places", "地点", "所在区县", "涉及区域", "所在区", "行政区", "district", NULL },
  (const char *const[]){ "responsible", "责任单位", "牵头单位", NULL },
  (const char *const[]){ "lon", "lng", "long", "longitude", "经度", "x", NULL },
  (const char *const[]){ "lat", "latitude", "纬度", "y", NULL },
};

const char *
pa_import_field_name (PaImportField field)
{
  g_return_val_if_fail (field < PA_IMPORT_N_FIELDS, NULL);
  return field_names[field];
}

/* Case-folded, without surrounding spaces (ASCII, ideographic) or a stray BOM. */
static char *
normalise (const char *s)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *folded = NULL;

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != 0xFEFF)
        g_string_append_unichar (out, c);
    }
  g_strstrip (out->str);
  folded = g_utf8_casefold (out->str, -1);
  /* g_strstrip knows ASCII spaces only: trim U+3000 too */
  {
    char *start = folded, *end;
    while (g_str_has_prefix (start, "\xe3\x80\x80"))
      start += 3;
    end = start + strlen (start);
    while (end - start >= 3 && memcmp (end - 3, "\xe3\x80\x80", 3) == 0)
      end -= 3;
    return g_strndup (start, end - start);
  }
}

void
pa_field_map_free (PaFieldMap *self)
{
  if (!self)
    return;
  for (guint i = 0; i < PA_IMPORT_N_FIELDS; i++)
    {
      g_free (self->overrides[i]);
      g_free (self->given[i]);
    }
  g_free (self);
}

static int
field_by_name (const char *name)
{
  if (g_ascii_strcasecmp (name, "longitude") == 0)
    return PA_IMPORT_FIELD_LON;
  if (g_ascii_strcasecmp (name, "latitude") == 0)
    return PA_IMPORT_FIELD_LAT;
  for (guint i = 0; i < PA_IMPORT_N_FIELDS; i++)
    if (g_ascii_strcasecmp (name, field_names[i]) == 0)
      return (int) i;
  return -1;
}

PaFieldMap *
pa_field_map_new (const char *const *overrides, GError **error)
{
  g_autoptr (PaFieldMap) self = g_new0 (PaFieldMap, 1);

  for (guint i = 0; overrides && overrides[i]; i++)
    {
      const char *eq = strchr (overrides[i], '=');
      g_autofree char *field = eq ? g_strndup (overrides[i], eq - overrides[i]) : NULL;
      int f = field ? field_by_name (g_strstrip (field)) : -1;

      if (f < 0 || !eq[1])
        {
          g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_MAPPING,
                       _("“%s” is not a field mapping: write FIELD=COLUMN, where FIELD is one of name, "
                         "zone, kind, role, industry, note, places, responsible, lon, lat"),
                       overrides[i]);
          return NULL;
        }
      g_free (self->overrides[f]);
      g_free (self->given[f]);
      self->overrides[f] = normalise (eq + 1);
      self->given[f] = g_strdup (eq + 1);
    }
  return g_steal_pointer (&self);
}

const char *
pa_field_map_get_override (const PaFieldMap *self, PaImportField field)
{
  g_return_val_if_fail (self != NULL && field < PA_IMPORT_N_FIELDS, NULL);
  return self->given[field];
}

static gboolean
is_ascii (const char *s)
{
  for (; *s; s++)
    if ((guchar) *s >= 0x80)
      return FALSE;
  return TRUE;
}

static gboolean
has_word (const char *text, const char *word)
{
  gsize n = strlen (word);
  for (const char *p = strstr (text, word); p; p = strstr (p + 1, word))
    if ((p == text || !g_ascii_isalnum (p[-1])) && !g_ascii_isalnum (p[n]))
      return TRUE;
  return FALSE;
}

void
pa_field_map_resolve (const PaFieldMap *self, const char *const *keys, guint n_keys, int columns[PA_IMPORT_N_FIELDS])
{
  g_autofree char **norm = g_new0 (char *, n_keys + 1);
  g_autofree gboolean *used = g_new0 (gboolean, n_keys + 1);

  for (guint k = 0; k < n_keys; k++)
    norm[k] = normalise (keys[k] ? keys[k] : "");
  for (guint f = 0; f < PA_IMPORT_N_FIELDS; f++)
    columns[f] = -1;

  /* 1. the caller's columns; 2. known names, exactly; 3. Chinese known names inside a
   * longer header ("经度（WGS84）"), never ASCII ones ("x" is in too many words) */
  for (guint f = 0; f < PA_IMPORT_N_FIELDS; f++)
    for (guint k = 0; self->overrides[f] && k < n_keys && columns[f] < 0; k++)
      if (!used[k] && g_str_equal (norm[k], self->overrides[f]))
        columns[f] = (int) k, used[k] = TRUE;
  for (guint f = 0; f < PA_IMPORT_N_FIELDS; f++)
    for (guint n = 0; !self->overrides[f] && columns[f] < 0 && known_names[f][n]; n++)
      for (guint k = 0; k < n_keys && columns[f] < 0; k++)
        if (!used[k] && g_str_equal (norm[k], known_names[f][n]))
          columns[f] = (int) k, used[k] = TRUE;
  /* in step 3 the longest name found wins: "所属园区名称" is the zone (所属园区), not the
   * name (名称) */
  for (;;)
    {
      int best_f = -1, best_k = -1;
      gsize best_len = 0;
      for (guint f = 0; f < PA_IMPORT_N_FIELDS; f++)
        for (guint n = 0; !self->overrides[f] && columns[f] < 0 && known_names[f][n]; n++)
          for (guint k = 0; !is_ascii (known_names[f][n]) && k < n_keys; k++)
            if (!used[k] && strlen (known_names[f][n]) > best_len && strstr (norm[k], known_names[f][n]))
              best_f = (int) f, best_k = (int) k, best_len = strlen (known_names[f][n]);
      if (best_f < 0)
        break;
      columns[best_f] = best_k;
      used[best_k] = TRUE;
    }
  /* 4. ASCII known names as a word of a longer header: area_note, park-name, "Company Name" */
  for (guint f = 0; f < PA_IMPORT_N_FIELDS; f++)
    for (guint n = 0; !self->overrides[f] && columns[f] < 0 && known_names[f][n]; n++)
      for (guint k = 0; is_ascii (known_names[f][n]) && strlen (known_names[f][n]) >= 3 && k < n_keys && columns[f] < 0; k++)
        if (!used[k] && has_word (norm[k], known_names[f][n]))
          columns[f] = (int) k, used[k] = TRUE;
  for (guint k = 0; k < n_keys; k++)
    g_free (norm[k]);
}
