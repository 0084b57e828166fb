/* pa-gpkg-reader.h — reading the feature layers of someone else's GeoPackage (as QGIS
 * and GDAL write them), for an import.
 *
 * The file is opened read-only and never written: no journal, no WAL, no R*Tree update.
 * Layers are what gpkg_contents lists as features with a row in gpkg_geometry_columns;
 * each comes with its CRS as gpkg_spatial_ref_sys defines it, so the importer can
 * reproject. Attribute values are handed over as text, whatever their SQL type.
 */
#pragma once

#include "pa-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *name;
  char *geometry_column;
  char *geometry_type; /* POLYGON, MULTIPOLYGON, POINT, GEOMETRY … as written */
  gint32 srs_id;
  gboolean srs_defined; /* FALSE: srs_id has no row in gpkg_spatial_ref_sys */
  char *srs_name;
  char *srs_organization; /* "EPSG", "NONE" … */
  gint32 srs_organization_id;
  char *srs_definition; /* WKT, or "undefined" */
  gint64 n_features;
} PaGpkgLayer;

void pa_gpkg_layer_free (PaGpkgLayer *layer);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaGpkgLayer, pa_gpkg_layer_free)

/* One row of a layer: its fid, its position (1, 2 …) and its geometry blob (NULL when
 * SQL NULL), and the other columns by name, as text (NULL for SQL NULL). */
typedef struct
{
  gint64 fid;
  guint number;
  const guint8 *geometry;
  gsize geometry_len;
  guint n_fields;
  const char *const *names;
  const char *const *values;
} PaGpkgFeature;

/* Returns FALSE (with @error set) to stop the scan. */
typedef gboolean (*PaGpkgFeatureFunc) (const PaGpkgFeature *feature, gpointer user_data, GError **error);

typedef struct _PaGpkgReader PaGpkgReader;

/* Refuses, naming @path, a file that is empty, not SQLite (PA_STORE_ERROR_NOT_SQLITE),
 * or SQLite but not a GeoPackage (PA_STORE_ERROR_NOT_GEOPACKAGE). */
PaGpkgReader *pa_gpkg_reader_open (const char *path, GError **error);
void pa_gpkg_reader_free (PaGpkgReader *self);
/* The feature layers, in the order gpkg_contents lists them (PaGpkgLayer). */
GPtrArray *pa_gpkg_reader_list_layers (PaGpkgReader *self, GError **error);
/* Calls @func for every row of @layer in fid order. */
gboolean pa_gpkg_reader_read_features (PaGpkgReader *self, const PaGpkgLayer *layer, PaGpkgFeatureFunc func,
                                       gpointer user_data, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaGpkgReader, pa_gpkg_reader_free)

G_END_DECLS
