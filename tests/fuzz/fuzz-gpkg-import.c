/* fuzz-gpkg-import.c — whole GeoPackage files as --import reads them: the header check,
 * the SQLite schema, gpkg_contents / gpkg_geometry_columns / gpkg_spatial_ref_sys, each
 * layer's columns and rows (pa-gpkg-reader.c), the CRS handed to PROJ and every blob
 * through the import reader (pa-import-gpkg.c) and its checks (pa-import-batch.c) */
#include "pa-fuzz.h"

#include <math.h>

#include "io/pa-import-private.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  pa_fuzz_init_logging ();
  return 0;
}

/* An import only reads: no journal, WAL or shared-memory file may be left beside the file. */
static void
assert_no_debris (const char *path)
{
  g_autofree char *dir_path = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  g_assert (dir != NULL);
  while ((name = g_dir_read_name (dir)))
    if (!g_str_equal (name, base))
      g_error ("the import left “%s” beside the file it read", name);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = pa_fuzz_write_temp (".gpkg", data, size);
  PaImportOptions options = PA_IMPORT_OPTIONS_INIT;
  g_autoptr (PaFieldMap) fields = pa_field_map_new (NULL, NULL);
  g_autoptr (GError) error = NULL;
  PaImportBatch batch;
  gboolean ok;

  pa_import_batch_init (&batch, path, &options, fields);
  ok = pa_import_read_geopackage (&batch, &error);
  g_assert (ok == (error == NULL));
  /* what the reader accepts is what the importer writes: named, lon/lat, drawable */
  for (guint i = 0; ok && i < batch.zones->len; i++)
    {
      PaImportZone *z = batch.zones->pdata[i];
      g_assert (z->name && g_utf8_validate (z->name, -1, NULL));
      if (z->geometry)
        {
          PaBBox b = pa_geometry_get_bbox (z->geometry);
          g_assert (pa_geometry_is_empty (z->geometry)
                    || (b.minx >= -180 && b.maxx <= 180 && b.miny >= -90 && b.maxy <= 90));
        }
    }
  for (guint i = 0; ok && i < batch.organisations->len; i++)
    {
      PaImportOrganisation *o = batch.organisations->pdata[i];
      g_assert (o->org->name && g_utf8_validate (o->org->name, -1, NULL));
      g_assert (isnan (o->org->lon) || (fabs (o->org->lon) <= 180 && fabs (o->org->lat) <= 90));
    }
  pa_import_batch_clear (&batch);
  assert_no_debris (path);
  return 0;
}
