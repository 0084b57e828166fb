/* pa-import-private.h — what the readers (GeoJSON, GeoPackage, CSV) share with the
 * importer: they turn a file into a batch of checked zones and organisations in WGS-84,
 * reporting what they leave out; pa-import.c then matches and writes the batch. */
#pragma once

#include "geo/pa-reproject.h"
#include "model/pa-organisation.h"
#include "pa-import-fields.h"
#include "pa-import.h"

G_BEGIN_DECLS

typedef struct
{
  char *layer;
  guint line, feature;
  char *name, *role, *note, *places;
  GPtrArray *industries; /* char *, in the file's order, no repeats */
  PaGeometry *geometry;  /* lon/lat WGS-84, valid; NULL: no outline */
} PaImportZone;

typedef struct
{
  char *layer;
  guint line, feature;
  PaOrganisation *org; /* name, kind, role, industry, responsible; lon/lat NAN without a site */
  char *zone;          /* the zone the file names, or NULL */
} PaImportOrganisation;

typedef struct
{
  const char *path;
  const PaImportOptions *options;
  PaFieldMap *fields;
  /* set by a reader for the layer or file it reads */
  const char *layer;            /* GeoPackage layer name, for the report */
  PaReprojection *reprojection; /* file CRS → lon/lat; NULL when the file is lon/lat */
  GPtrArray *zones;             /* PaImportZone */
  GPtrArray *organisations;     /* PaImportOrganisation */
  PaImportReport *report;
} PaImportBatch;

/* One row or feature: the value of each field (NULL when absent or blank). */
typedef struct
{
  const char *values[PA_IMPORT_N_FIELDS];
} PaImportRecord;

void pa_import_record_init (PaImportRecord *record, const int columns[PA_IMPORT_N_FIELDS],
                            const char *const *values, guint n_values);

void pa_import_batch_init (PaImportBatch *batch, const char *path, const PaImportOptions *options,
                           PaFieldMap *fields);
void pa_import_batch_clear (PaImportBatch *batch);

/* Leaves a row or feature out, with the reason; @line for CSV, @feature otherwise. */
void pa_import_batch_reject (PaImportBatch *batch, guint line, guint feature, const char *name,
                             const char *format, ...) G_GNUC_PRINTF (5, 6);
void pa_import_batch_note (PaImportBatch *batch, guint line, guint feature, const char *name,
                           const char *format, ...) G_GNUC_PRINTF (5, 6);

/* A zone with outline @geometry in the file's coordinates (NULL: no outline), checked
 * (name, coordinates, validity) and converted to WGS-84 — or rejected. */
void pa_import_batch_add_zone (PaImportBatch *batch, guint line, guint feature, const PaImportRecord *record,
                               const PaGeometry *geometry);
/* An organisation at (x, y) in the file's coordinates (NAN, NAN: no site) — or rejected. */
void pa_import_batch_add_organisation (PaImportBatch *batch, guint line, guint feature,
                                       const PaImportRecord *record, double x, double y);

/* The readers: FALSE with @error when the file is refused as a whole. */
gboolean pa_import_read_geojson (PaImportBatch *batch, GError **error);
gboolean pa_import_read_geopackage (PaImportBatch *batch, GError **error);
gboolean pa_import_read_csv (PaImportBatch *batch, GError **error);

G_END_DECLS
