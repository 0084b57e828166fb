/* pa-csv.c — reading and writing CSV the way Excel does */
#include "config.h"

#include "pa-csv.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pa-import.h"

struct _PaCsvReader
{
  const char *data; /* the bytes being split: the file's, or the file converted to UTF-8 */
  gsize len, pos;
  char *converted;  /* owned when the whole file was converted at once */
  char *encoding;
  gboolean detected;
  gboolean utf8;    /* fields are UTF-8 as they are (checked) */
  gboolean trusted; /* … and already known valid (converted by iconv) */
  GIConv cd;        /* per-field conversion when the whole file would not convert */
  char separator;
  guint line;
  GPtrArray *fields;
  GString *field;
};

void
pa_csv_reader_free (PaCsvReader *self)
{
  if (!self)
    return;
  if (self->cd != (GIConv) -1)
    g_iconv_close (self->cd);
  g_free (self->converted);
  g_free (self->encoding);
  g_ptr_array_unref (self->fields);
  g_string_free (self->field, TRUE);
  g_free (self);
}

static gboolean
has_non_ascii (const char *s, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if ((guchar) s[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* The encoding most non-ASCII lines decode in: UTF-8 wins ties, since GB18030 decodes
 * much UTF-8 into mojibake while GBK text is rarely valid UTF-8. */
static const char *
detect_encoding (const char *data, gsize len)
{
  guint as_utf8 = 0, as_gb = 0;
  GIConv cd;
  const char *p = data, *end = data + len;

  if (g_utf8_validate (data, (gssize) len, NULL))
    return "UTF-8";
  cd = g_iconv_open ("UTF-8", "GB18030");
  while (p < end)
    {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      gsize n = nl ? (gsize) (nl - p) : (gsize) (end - p);
      if (has_non_ascii (p, n))
        {
          g_autofree char *out = NULL;
          as_utf8 += g_utf8_validate (p, (gssize) n, NULL);
          if (cd != (GIConv) -1)
            {
              g_iconv (cd, NULL, NULL, NULL, NULL);
              out = g_convert_with_iconv (p, (gssize) n, cd, NULL, NULL, NULL);
              as_gb += out != NULL;
            }
        }
      p += n + 1;
    }
  if (cd != (GIConv) -1)
    g_iconv_close (cd);
  return as_gb > as_utf8 ? "GB18030" : "UTF-8";
}

static gboolean
is_utf8_name (const char *e)
{
  return g_ascii_strcasecmp (e, "UTF-8") == 0 || g_ascii_strcasecmp (e, "UTF8") == 0;
}

/* The separator the first line uses most, outside quotes: Excel writes ';' where the
 * decimal mark is a comma, and "Unicode text" is tab-separated. */
static char
detect_separator (const char *data, gsize len)
{
  guint comma = 0, semicolon = 0, tab = 0;
  gboolean quoted = FALSE;
  for (gsize i = 0; i < len && (quoted || (data[i] != '\n' && data[i] != '\r')); i++)
    {
      if (data[i] == '"')
        quoted = !quoted;
      else if (!quoted)
        comma += data[i] == ',', semicolon += data[i] == ';', tab += data[i] == '\t';
    }
  if (tab > comma && tab >= semicolon)
    return '\t';
  return semicolon > comma ? ';' : ',';
}

PaCsvReader *
pa_csv_reader_new (const char *data, gsize len, const char *encoding, GError **error)
{
  g_autoptr (PaCsvReader) self = g_new0 (PaCsvReader, 1);
  gboolean utf16 = len >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe)
                                || ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff));

  self->cd = (GIConv) -1;
  self->fields = g_ptr_array_new_with_free_func (g_free);
  self->field = g_string_new (NULL);
  self->line = 1;
  /* a BOM says what the file is, whatever the caller guessed */
  if (len >= 3 && memcmp (data, PA_CSV_UTF8_BOM, 3) == 0)
    {
      data += 3, len -= 3;
      encoding = "UTF-8";
    }
  else if (utf16)
    encoding = "UTF-16";
  self->detected = encoding == NULL;
  self->encoding = g_strdup (encoding ? encoding : detect_encoding (data, len));
  self->data = data;
  self->len = len;
  if (is_utf8_name (self->encoding))
    self->utf8 = TRUE;
  else
    {
      g_autoptr (GError) local = NULL;
      /* the common case, a clean GBK file, converts in one go */
      self->converted = g_convert (data, (gssize) len, "UTF-8", self->encoding, NULL, &len, &local);
      if (self->converted)
        {
          self->data = self->converted;
          self->len = len;
          self->utf8 = self->trusted = TRUE;
          if (g_str_has_prefix (self->data, PA_CSV_UTF8_BOM)) /* iconv keeps a UTF-16 BOM */
            self->data += 3, self->len -= 3;
        }
      else if (g_error_matches (local, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
        {
          g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_MAPPING,
                       _("“%s” is not an encoding this system knows (try UTF-8, GBK or GB18030)"), encoding);
          return NULL;
        }
      else if (utf16)
        {
          g_set_error (error, PA_IMPORT_ERROR, PA_IMPORT_ERROR_FORMAT, _("the UTF-16 text cannot be decoded: %s"),
                       local->message);
          return NULL;
        }
      else
        self->cd = g_iconv_open ("UTF-8", self->encoding);
    }
  self->separator = detect_separator (self->data, self->len);
  return g_steal_pointer (&self);
}

const char *
pa_csv_reader_get_encoding (PaCsvReader *self, gboolean *detected)
{
  if (detected)
    *detected = self->detected;
  return self->encoding;
}

static void
hex_bytes (const char *p, gsize n, char out[16])
{
  gsize k = 0;
  out[0] = '\0';
  for (gsize i = 0; i < MIN (n, 4) && k + 4 <= 16; i++)
    k += (gsize) g_snprintf (out + k, 16 - k, i ? " %02x" : "%02x", (guchar) p[i]);
}

/* Takes the raw field in self->field as a UTF-8 string; FALSE when it does not decode. */
static gboolean
finish_field (PaCsvReader *self, PaCsvRecord *record, gboolean *bad)
{
  const char *raw = self->field->str;
  gsize n = self->field->len;
  char *text = NULL;

  if (self->utf8)
    {
      const char *end;
      if (self->trusted || g_utf8_validate (raw, (gssize) n, &end))
        text = g_strndup (raw, n);
      else if (!*bad)
        {
          *bad = TRUE;
          record->bad_field = self->fields->len + 1;
          hex_bytes (end, n - (gsize) (end - raw), record->bad_bytes);
        }
    }
  else
    {
      gsize read = 0;
      g_iconv (self->cd, NULL, NULL, NULL, NULL);
      text = g_convert_with_iconv (raw, (gssize) n, self->cd, &read, NULL, NULL);
      if (!text && !*bad)
        {
          *bad = TRUE;
          record->bad_field = self->fields->len + 1;
          hex_bytes (raw + read, n - read, record->bad_bytes);
        }
    }
  g_ptr_array_add (self->fields, text ? text : g_strdup (""));
  g_string_truncate (self->field, 0);
  return text != NULL;
}

PaCsvStatus
pa_csv_reader_next (PaCsvReader *self, PaCsvRecord *record)
{
  gboolean quoted = FALSE, bad = FALSE, at_field_start = TRUE;
  const char *d = self->data;

  g_ptr_array_set_size (self->fields, 0);
  g_string_truncate (self->field, 0);
  memset (record, 0, sizeof *record);
  record->fields = self->fields;
  if (self->pos >= self->len)
    return PA_CSV_END;
  record->line = self->line;
  while (self->pos < self->len)
    {
      char c = d[self->pos];
      if (quoted)
        {
          if (c == '"' && self->pos + 1 < self->len && d[self->pos + 1] == '"')
            g_string_append_c (self->field, '"'), self->pos += 2;
          else if (c == '"')
            quoted = FALSE, self->pos++;
          else
            {
              /* a line break inside quotes is part of the field, but still a line of the file */
              if (c == '\n' || (c == '\r' && (self->pos + 1 >= self->len || d[self->pos + 1] != '\n')))
                self->line++;
              g_string_append_c (self->field, c), self->pos++;
            }
          continue;
        }
      if (c == '"' && at_field_start)
        {
          quoted = TRUE, at_field_start = FALSE, self->pos++;
          continue;
        }
      if (c == self->separator)
        {
          finish_field (self, record, &bad);
          at_field_start = TRUE, self->pos++;
          continue;
        }
      if (c == '\r' || c == '\n')
        {
          self->pos += c == '\r' && self->pos + 1 < self->len && d[self->pos + 1] == '\n' ? 2 : 1;
          self->line++;
          break;
        }
      g_string_append_c (self->field, c);
      at_field_start = FALSE;
      self->pos++;
    }
  if (quoted)
    return PA_CSV_UNCLOSED;
  finish_field (self, record, &bad);
  return bad ? PA_CSV_BAD_ENCODING : PA_CSV_RECORD;
}

gboolean
pa_csv_record_is_blank (const PaCsvRecord *record)
{
  for (guint i = 0; i < record->fields->len; i++)
    if (*(const char *) record->fields->pdata[i])
      return FALSE;
  return TRUE;
}

static gboolean
needs_quotes (const char *s)
{
  gsize n = strlen (s);
  return strpbrk (s, ",;\"\r\n\t") != NULL || (n > 0 && (g_ascii_isspace (s[0]) || g_ascii_isspace (s[n - 1])));
}

void
pa_csv_append_row (GString *out, const char *const *fields, guint n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      const char *f = fields[i] ? fields[i] : "";
      if (i)
        g_string_append_c (out, ',');
      if (!needs_quotes (f))
        {
          g_string_append (out, f);
          continue;
        }
      g_string_append_c (out, '"');
      for (const char *p = f; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}
