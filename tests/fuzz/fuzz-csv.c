/* fuzz-csv.c — the CSV reader (encodings, quotes, line ends) and the CSV import on top */
#include "pa-fuzz.h"

#include "io/pa-csv.h"
#include "io/pa-import-private.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  pa_fuzz_init_logging ();
  return 0;
}

static void
read_all (const uint8_t *data, size_t size, const char *encoding)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaCsvReader) r = pa_csv_reader_new ((const char *) data, size, encoding, &error);
  PaCsvRecord rec;
  PaCsvStatus st;
  guint last_line = 0, n = 0;

  if (!r)
    return;
  while ((st = pa_csv_reader_next (r, &rec)) != PA_CSV_END)
    {
      g_assert (rec.line >= last_line);
      last_line = rec.line;
      if (st == PA_CSV_RECORD)
        for (guint i = 0; i < rec.fields->len; i++)
          g_assert (g_utf8_validate (g_ptr_array_index (rec.fields, i), -1, NULL));
      if (st == PA_CSV_UNCLOSED)
        break;
      g_assert (++n <= size + 1); /* every record takes at least one byte, or ends */
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  read_all (data, size, NULL);
  read_all (data, size, "GBK");
  /* the import: header matching, field mapping, coordinates */
  {
    g_autofree char *path = pa_fuzz_write_temp (".csv", data, size);
    PaImportOptions options = PA_IMPORT_OPTIONS_INIT;
    g_autoptr (PaFieldMap) fields = pa_field_map_new (NULL, NULL);
    g_autoptr (GError) error = NULL;
    PaImportBatch batch;

    pa_import_batch_init (&batch, path, &options, fields);
    (void) pa_import_read_csv (&batch, &error);
    pa_import_batch_clear (&batch);
  }
  return 0;
}
