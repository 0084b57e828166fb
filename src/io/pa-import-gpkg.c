/* pa-import-gpkg.c — the feature layers of a foreign GeoPackage as zones (polygon layers)
 * and organisations (point layers), reprojected to WGS-84 with PROJ when the layer is in
 * another CRS. The SQL is the store's (store/pa-gpkg-reader.c); the file is only read.
 * Polygon layers are read first, so enterprises in the same file can name their parks. */
#include "config.h"

#include "pa-import-private.h"

#include <glib/gi18n.h>
#include <math.h>

#include "geo/pa-gpkg-blob.h"
#include "store/pa-gpkg-reader.h"

#define WKB_POINT 1
#define WKB_LINESTRING 2
#define WKB_POLYGON 3
#define WKB_MULTIPOINT 4
#define WKB_MULTIPOLYGON 6

typedef enum
{
  LAYER_POLYGONS,
  LAYER_MIXED, /* GEOMETRY: each feature says what it is */
  LAYER_POINTS,
  LAYER_OTHER, /* lines, curves, collections */
} LayerClass;

static LayerClass
layer_class (const PaGpkgLayer *layer)
{
  const char *t = layer->geometry_type ? layer->geometry_type : "";
  if (g_ascii_strcasecmp (t, "POLYGON") == 0 || g_ascii_strcasecmp (t, "MULTIPOLYGON") == 0)
    return LAYER_POLYGONS;
  if (g_ascii_strcasecmp (t, "POINT") == 0 || g_ascii_strcasecmp (t, "MULTIPOINT") == 0)
    return LAYER_POINTS;
  if (g_ascii_strcasecmp (t, "GEOMETRY") == 0)
    return LAYER_MIXED;
  return LAYER_OTHER;
}

static int
compare_layers (gconstpointer a, gconstpointer b)
{
  return (int) layer_class (*(PaGpkgLayer **) a) - (int) layer_class (*(PaGpkgLayer **) b);
}

/* Sets up the reprojection of @layer, or refuses a layer the app cannot place. */
static gboolean
prepare_crs (PaImportBatch *batch, const PaGpkgLayer *layer, GError **error)
{
  g_autofree char *source = NULL;
  g_autoptr (GError) local = NULL;

  g_clear_pointer (&batch->reprojection, pa_reprojection_free);
  /* GeoPackage reserves 0 (undefined geographic) and -1 (undefined Cartesian) */
  if (layer->srs_id == 0 || layer->srs_id == -1 || !layer->srs_defined)
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_CRS,
                   layer->srs_defined ? _("“%s”, layer “%s”: its coordinate reference system is undefined "
                                          "(srs_id %d), so it cannot be placed on the map")
                                      : _("“%s”, layer “%s”: its coordinate reference system (srs_id %d) is "
                                          "not in gpkg_spatial_ref_sys, so it cannot be placed on the map"),
                   batch->path, layer->name, (int) layer->srs_id);
      return FALSE;
    }
  if (layer->srs_organization && g_ascii_strcasecmp (layer->srs_organization, "EPSG") == 0
      && layer->srs_organization_id > 0)
    {
      if (layer->srs_organization_id == 4326)
        return TRUE;
      source = g_strdup_printf ("EPSG:%d", (int) layer->srs_organization_id);
    }
  else if (layer->srs_definition && g_ascii_strcasecmp (layer->srs_definition, "undefined") != 0)
    source = g_strdup (layer->srs_definition);
  else
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_CRS,
                   _("“%s”, layer “%s”: its coordinate reference system “%s” has no definition, so it cannot "
                     "be placed on the map"),
                   batch->path, layer->name, layer->srs_name ? layer->srs_name : "?");
      return FALSE;
    }
  batch->reprojection = pa_reprojection_new (source, &local);
  if (!batch->reprojection)
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_CRS,
                   _("“%s”, layer “%s”: PROJ cannot transform its coordinate reference system “%s” to "
                     "WGS 84: %s"),
                   batch->path, layer->name, layer->srs_name ? layer->srs_name : source, local->message);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  PaImportBatch *batch;
  int columns[PA_IMPORT_N_FIELDS];
  gboolean resolved;
} LayerScan;

static gboolean
read_feature (const PaGpkgFeature *f, gpointer user_data, GError **error)
{
  LayerScan *scan = user_data;
  PaImportBatch *batch = scan->batch;
  PaImportRecord record;
  g_autoptr (GError) local = NULL;
  int type;

  if (!scan->resolved)
    {
      pa_field_map_resolve (batch->fields, f->names, f->n_fields, scan->columns);
      scan->resolved = TRUE;
    }
  pa_import_record_init (&record, scan->columns, f->values, f->n_fields);
  type = f->geometry ? pa_gpkg_blob_get_type (f->geometry, f->geometry_len) : -1;
  switch (type)
    {
    case WKB_POLYGON:
    case WKB_MULTIPOLYGON:
      {
        g_autoptr (PaGeometry) g = pa_gpkg_blob_to_geometry (f->geometry, f->geometry_len, NULL, &local);
        if (g)
          pa_import_batch_add_zone (batch, 0, f->number, &record, g);
        else
          pa_import_batch_reject (batch, 0, f->number, record.values[PA_IMPORT_FIELD_NAME],
                                  _("its geometry cannot be read: %s"), local->message);
        break;
      }
    case WKB_POINT:
    case WKB_MULTIPOINT:
      {
        double x, y;
        if (pa_gpkg_blob_to_point (f->geometry, f->geometry_len, &x, &y, &local))
          pa_import_batch_add_organisation (batch, 0, f->number, &record, x, y);
        else
          pa_import_batch_reject (batch, 0, f->number, record.values[PA_IMPORT_FIELD_NAME],
                                  _("its geometry cannot be read: %s"), local->message);
        break;
      }
    case -1:
      pa_import_batch_reject (batch, 0, f->number, record.values[PA_IMPORT_FIELD_NAME], _("it has no geometry"));
      break;
    case 0:
      pa_import_batch_reject (batch, 0, f->number, record.values[PA_IMPORT_FIELD_NAME],
                              _("its geometry is not GeoPackage binary"));
      break;
    default:
      pa_import_batch_reject (batch, 0, f->number, record.values[PA_IMPORT_FIELD_NAME],
                              type == WKB_LINESTRING || type == 5
                                  ? _("a line cannot be imported: only polygons (zones) and points (organisations) can")
                                  : _("this geometry type cannot be imported: only polygons (zones) and points "
                                      "(organisations) can"));
      break;
    }
  return TRUE;
}

static char *
layer_names (GPtrArray *layers)
{
  g_autoptr (GString) s = g_string_new (NULL);
  for (guint i = 0; i < layers->len; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", ((PaGpkgLayer *) layers->pdata[i])->name);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

gboolean
pa_import_read_geopackage (PaImportBatch *batch, GError **error)
{
  g_autoptr (PaGpkgReader) reader = pa_gpkg_reader_open (batch->path, error);
  g_autoptr (GPtrArray) layers = NULL;
  g_autoptr (GPtrArray) chosen = g_ptr_array_new ();

  if (!reader || !(layers = pa_gpkg_reader_list_layers (reader, error)))
    return FALSE;
  if (layers->len == 0)
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_LAYER, _("“%s” has no feature layers"), batch->path);
      return FALSE;
    }
  for (guint i = 0; i < layers->len; i++)
    {
      PaGpkgLayer *l = layers->pdata[i];
      if (!batch->options->layer || g_str_equal (batch->options->layer, l->name))
        g_ptr_array_add (chosen, l);
    }
  if (chosen->len == 0)
    {
      g_autofree char *names = layer_names (layers);
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_LAYER, _("“%s” has no feature layer “%s” (its layers: %s)"),
                   batch->path, batch->options->layer, names);
      return FALSE;
    }
  g_ptr_array_sort (chosen, compare_layers);
  /* every CRS is checked before any feature is read: one unusable layer refuses the file */
  for (guint i = 0; i < chosen->len; i++)
    {
      PaGpkgLayer *l = chosen->pdata[i];
      if (layer_class (l) == LAYER_OTHER && batch->options->layer)
        {
          g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_LAYER,
                       _("“%s”, layer “%s” holds %s geometries: only polygons (zones) and points "
                         "(organisations) can be imported"),
                       batch->path, l->name, l->geometry_type);
          return FALSE;
        }
      if (layer_class (l) != LAYER_OTHER && !prepare_crs (batch, l, error))
        return FALSE;
    }
  for (guint i = 0; i < chosen->len; i++)
    {
      PaGpkgLayer *l = chosen->pdata[i];
      LayerScan scan = { batch, { 0 }, FALSE };

      batch->layer = l->name;
      if (layer_class (l) == LAYER_OTHER)
        {
          pa_import_batch_reject (batch, 0, 0, NULL,
                                  _("its %s geometries cannot be imported: only polygons (zones) and points "
                                    "(organisations) can"),
                                  l->geometry_type);
          continue;
        }
      if (!prepare_crs (batch, l, error) || !pa_gpkg_reader_read_features (reader, l, read_feature, &scan, error))
        {
          batch->layer = NULL;
          return FALSE;
        }
    }
  /* the layer names live in @layers, freed on return */
  batch->layer = NULL;
  return TRUE;
}
