/* pa-import.h — bringing other people's data into a plan: zones from GeoJSON or a
 * GeoPackage layer, enterprises from a GeoJSON/GeoPackage point layer or an Excel CSV.
 *
 * An import reads and checks the whole file first, then writes everything it accepted
 * in ONE edit of the document (one transaction, one Undo step). A file it cannot read
 * at all — malformed, truncated, empty, binary, of an unknown or undefined CRS — is
 * refused with a GError naming it, and the database is not touched. Rows or features
 * it cannot take (no name, a line instead of a polygon, coordinates out of range, an
 * invalid outline, a row with the wrong number of columns …) are left out and listed in
 * the report with their line or feature number; with all_or_nothing, any such item
 * refuses the whole file instead. No GTK here.
 */
#pragma once

#include "document/pa-document.h"
#include "pa-import-report.h"

G_BEGIN_DECLS

#define PA_IMPORT_ERROR (pa_import_error_quark ())
GQuark pa_import_error_quark (void);

typedef enum
{
  PA_IMPORT_ERROR_READ,     /* the file cannot be read */
  PA_IMPORT_ERROR_EMPTY,
  PA_IMPORT_ERROR_FORMAT,   /* not the format it should be: malformed, truncated, binary */
  PA_IMPORT_ERROR_CRS,      /* undefined or unknown coordinate reference system */
  PA_IMPORT_ERROR_LAYER,    /* no such layer, or a layer of lines */
  PA_IMPORT_ERROR_MAPPING,  /* a field mapping that does not fit the file */
  PA_IMPORT_ERROR_REJECTED, /* nothing could be imported, or all-or-nothing and something could not */
} PaImportError;

typedef enum
{
  PA_IMPORT_FORMAT_AUTO, /* by content (SQLite header, JSON), then by extension */
  PA_IMPORT_FORMAT_GEOJSON,
  PA_IMPORT_FORMAT_GEOPACKAGE,
  PA_IMPORT_FORMAT_CSV,
} PaImportFormat;

/* The datum of longitude/latitude in the file (after any reprojection). */
typedef enum
{
  PA_IMPORT_CRS_WGS84,
  PA_IMPORT_CRS_GCJ02, /* Chinese web maps (AMap, Tencent): converted to WGS-84 */
} PaImportCrs;

typedef struct
{
  PaImportFormat format;
  PaImportCrs crs;
  const char *encoding;       /* CSV: NULL to detect (UTF-8, else GB18030), or e.g. "GBK" */
  const char *layer;          /* GeoPackage: NULL imports every feature layer */
  gboolean all_or_nothing;    /* refuse the file when any row or feature is rejected */
  const char *const *fields;  /* "field=column" overrides (see pa-import-fields.h), or NULL */
} PaImportOptions;

#define PA_IMPORT_OPTIONS_INIT { PA_IMPORT_FORMAT_AUTO, PA_IMPORT_CRS_WGS84, NULL, NULL, FALSE, NULL }

/* "wgs84" or "gcj02" (any case, "WGS-84", "GCJ-02" too). */
gboolean pa_import_crs_from_string (const char *text, PaImportCrs *crs, GError **error);

/* Imports @path into the document's open plan. Returns the report, or NULL with @error
 * when the file was refused (and the database left as it was): PA_IMPORT_ERROR, or
 * PA_STORE_ERROR_NOT_SQLITE / _NOT_GEOPACKAGE for a .gpkg that is not one. @options may
 * be NULL (detect everything, WGS-84, partial imports). */
PaImportReport *pa_import_file (PaDocument *document, const char *path, const PaImportOptions *options,
                                GError **error);

G_END_DECLS
