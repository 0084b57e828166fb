/* pa-import-fields.h — which column or property of an imported file holds which field.
 *
 * Files name their columns in Chinese or English, as Excel, QGIS or a script left them:
 * 企业名称, 名称, NAME, 所属园区, park, 经度, lon … The defaults recognise the usual
 * names (exactly, ignoring case and spaces; then Chinese names inside longer headers such
 * as "经度（WGS84）"; then English ones as a word of a longer name, "area_note"); a caller
 * overrides any field with "field=column".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  PA_IMPORT_FIELD_NAME,
  PA_IMPORT_FIELD_ZONE,        /* the zone an organisation belongs to, by name */
  PA_IMPORT_FIELD_KIND,        /* enterprise / institution / platform (企业 / 机构 / 平台) */
  PA_IMPORT_FIELD_ROLE,        /* a zone's role, an organisation's role */
  PA_IMPORT_FIELD_INDUSTRY,    /* a zone's industries (split on 、,;), an organisation's industry */
  PA_IMPORT_FIELD_NOTE,
  PA_IMPORT_FIELD_PLACES,
  PA_IMPORT_FIELD_RESPONSIBLE,
  PA_IMPORT_FIELD_LON,
  PA_IMPORT_FIELD_LAT,
  PA_IMPORT_N_FIELDS
} PaImportField;

typedef struct _PaFieldMap PaFieldMap;

/* @overrides: "field=column" strings (field as pa_import_field_name gives it, or lon/lat),
 * NULL-terminated, or NULL for the defaults alone. Fails on an unknown field. */
PaFieldMap *pa_field_map_new (const char *const *overrides, GError **error);
void pa_field_map_free (PaFieldMap *self);

/* "name", "zone", "kind" … */
const char *pa_import_field_name (PaImportField field);
/* The column the caller named for @field, or NULL. */
const char *pa_field_map_get_override (const PaFieldMap *self, PaImportField field);

/* For each field, the index in @keys of the column that holds it, or -1. */
void pa_field_map_resolve (const PaFieldMap *self, const char *const *keys, guint n_keys,
                           int columns[PA_IMPORT_N_FIELDS]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaFieldMap, pa_field_map_free)

G_END_DECLS
