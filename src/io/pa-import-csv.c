/* pa-import-csv.c — an enterprise list as Excel saves it: one organisation per row, the
 * columns found from the header (企业名称, 所属园区, 行业, 经度, 纬度 or name, park,
 * industry, lon, lat) or given by the caller. A row that is not right — wrong number of
 * columns, bytes that are not text in the file's encoding, a coordinate that is not a
 * number — is left out with its line number and the reason. */
#include "config.h"

#include "pa-import-private.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pa-csv.h"

static char *
joined_columns (GPtrArray *header)
{
  g_autoptr (GString) s = g_string_new (NULL);
  for (guint i = 0; i < header->len; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", (char *) header->pdata[i]);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Checks the columns the file must have, or the caller asked for. */
static gboolean
check_columns (PaImportBatch *batch, GPtrArray *header, const int *columns, GError **error)
{
  g_autofree char *names = joined_columns (header);

  for (guint f = 0; f < PA_IMPORT_N_FIELDS; f++)
    {
      const char *given = pa_field_map_get_override (batch->fields, f);
      if (given && columns[f] < 0)
        {
          g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_MAPPING,
                       _("“%s” has no column “%s” (given for %s); its columns are: %s"), batch->path, given,
                       pa_import_field_name (f), names);
          return FALSE;
        }
    }
  if (columns[PA_IMPORT_FIELD_NAME] < 0)
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_MAPPING,
                   _("“%s” has no column of names (企业名称, 名称, name …); its columns are: %s. "
                     "Say which column holds them with name=COLUMN"),
                   batch->path, names);
      return FALSE;
    }
  if ((columns[PA_IMPORT_FIELD_LON] < 0) != (columns[PA_IMPORT_FIELD_LAT] < 0))
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_MAPPING,
                   _("“%s” has a column of longitudes or of latitudes but not both; its columns are: %s"),
                   batch->path, names);
      return FALSE;
    }
  return TRUE;
}

/* A coordinate as Excel writes it: a plain decimal number. */
static gboolean
parse_coordinate (const char *text, double *value)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  char *end = NULL;

  if (!*s)
    return FALSE;
  *value = g_ascii_strtod (s, &end);
  return end && *end == '\0' && isfinite (*value);
}

static void
read_row (PaImportBatch *batch, const PaCsvRecord *rec, guint n_columns, const int *columns)
{
  const char *const *fields = (const char *const *) rec->fields->pdata;
  PaImportRecord record;
  double x = NAN, y = NAN;
  const char *lon, *lat, *name;

  /* Excel pads short rows with empty cells, so trailing empty extras are harmless */
  for (guint i = n_columns; i < rec->fields->len; i++)
    if (*fields[i])
      {
        pa_import_batch_reject (batch, rec->line, 0, NULL, _("wrong number of columns: %u, where the header has %u"),
                                rec->fields->len, n_columns);
        return;
      }
  if (rec->fields->len < n_columns)
    {
      pa_import_batch_reject (batch, rec->line, 0, NULL, _("wrong number of columns: %u, where the header has %u"),
                              rec->fields->len, n_columns);
      return;
    }
  pa_import_record_init (&record, columns, fields, MIN (rec->fields->len, n_columns));
  lon = record.values[PA_IMPORT_FIELD_LON];
  lat = record.values[PA_IMPORT_FIELD_LAT];
  name = record.values[PA_IMPORT_FIELD_NAME];
  if ((lon == NULL) != (lat == NULL))
    {
      pa_import_batch_reject (batch, rec->line, 0, name,
                              lon ? _("it has a longitude but no latitude") : _("it has a latitude but no longitude"));
      return;
    }
  if (lon && !parse_coordinate (lon, &x))
    {
      pa_import_batch_reject (batch, rec->line, 0, name, _("the longitude “%s” is not a number"), lon);
      return;
    }
  if (lat && !parse_coordinate (lat, &y))
    {
      pa_import_batch_reject (batch, rec->line, 0, name, _("the latitude “%s” is not a number"), lat);
      return;
    }
  pa_import_batch_add_organisation (batch, rec->line, 0, &record, x, y);
}

gboolean
pa_import_read_csv (PaImportBatch *batch, GError **error)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr (GError) local = NULL;
  g_autoptr (PaCsvReader) reader = NULL;
  g_autoptr (GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  int columns[PA_IMPORT_N_FIELDS];
  PaCsvRecord rec;
  PaCsvStatus st;
  gboolean detected;
  const char *encoding;

  if (!g_file_get_contents (batch->path, &data, &len, &local))
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_READ, _("Cannot read “%s”: %s"), batch->path,
                   local->message);
      return FALSE;
    }
  if (len == 0)
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_EMPTY, _("“%s” is empty"), batch->path);
      return FALSE;
    }
  /* text has no NUL bytes, except UTF-16 (which starts with its BOM) */
  if (memchr (data, '\0', len) && !(len >= 2 && ((guchar) data[0] == 0xff || (guchar) data[0] == 0xfe)))
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_FORMAT,
                   _("“%s” is not a CSV text file (it holds binary data)"), batch->path);
      return FALSE;
    }
  if (!(reader = pa_csv_reader_new (data, len, batch->options->encoding, &local)))
    {
      g_set_error (error, PA_IMPORT_ERROR, local->code, "“%s”: %s", batch->path, local->message);
      return FALSE;
    }
  encoding = pa_csv_reader_get_encoding (reader, &detected);

  /* the header is the first line that is not blank */
  while ((st = pa_csv_reader_next (reader, &rec)) == PA_CSV_RECORD && pa_csv_record_is_blank (&rec))
    ;
  if (st == PA_CSV_END)
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_EMPTY, _("“%s” is empty"), batch->path);
      return FALSE;
    }
  if (st != PA_CSV_RECORD)
    {
      g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_FORMAT,
                   _("“%s”, line %u: the header cannot be read as %s text; if the file is in another "
                     "encoding, say which"),
                   batch->path, rec.line, encoding);
      return FALSE;
    }
  for (guint i = 0; i < rec.fields->len; i++)
    g_ptr_array_add (header, g_strdup (rec.fields->pdata[i]));
  pa_field_map_resolve (batch->fields, (const char *const *) header->pdata, header->len, columns);
  if (!check_columns (batch, header, columns, error))
    return FALSE;
  if (detected && !g_str_equal (encoding, "UTF-8"))
    pa_import_batch_note (batch, 0, 0, NULL, _("read as %s: the file is not UTF-8"), encoding);

  while ((st = pa_csv_reader_next (reader, &rec)) != PA_CSV_END)
    {
      if (st == PA_CSV_UNCLOSED)
        {
          pa_import_batch_reject (batch, rec.line, 0, NULL,
                                  _("a quoted field is never closed: the rest of the file is inside it"));
          break;
        }
      if (st == PA_CSV_BAD_ENCODING)
        pa_import_batch_reject (batch, rec.line, 0, NULL, _("column %u holds bytes that are not %s text (%s)"),
                                rec.bad_field, encoding, rec.bad_bytes);
      else if (!pa_csv_record_is_blank (&rec))
        read_row (batch, &rec, header->len, columns);
    }
  return TRUE;
}
