/* pa-csv.h — CSV as Excel reads and writes it (RFC 4180 with Excel's habits).
 *
 * Reading: UTF-8 with or without a BOM, GBK/GB18030 (Excel's "CSV (逗号分隔)" on
 * Chinese Windows), UTF-16 with a BOM; CRLF, LF or CR line ends; quoted fields with
 * commas, quotes ("") and line breaks; comma, semicolon or tab as the separator,
 * whichever the first line uses most. Records come with the line they start on, and a
 * record whose bytes are not valid in the file's encoding is flagged, not guessed at.
 *
 * Writing: fields quoted where Excel needs it, CRLF line ends; the caller adds the BOM
 * (PA_CSV_UTF8_BOM) so Excel reads the file as UTF-8.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PA_CSV_UTF8_BOM "\xef\xbb\xbf"

typedef enum
{
  PA_CSV_RECORD,       /* a record: fields hold its fields */
  PA_CSV_BAD_ENCODING, /* a record with bytes that are not in the encoding: see bad_field, bad_bytes */
  PA_CSV_UNCLOSED,     /* a quoted field runs to the end of the file (reading stops) */
  PA_CSV_END,
} PaCsvStatus;

typedef struct
{
  guint line;        /* where the record starts, 1 for the first line */
  GPtrArray *fields; /* char *, UTF-8 (owned by the reader until the next call) */
  guint bad_field;   /* PA_CSV_BAD_ENCODING: the column (from 1) … */
  char bad_bytes[16]; /* … and the first bytes that do not decode, in hex ("ff fe c3 28") */
} PaCsvRecord;

typedef struct _PaCsvReader PaCsvReader;

/* @data must outlive the reader. @encoding: NULL to detect it (a BOM; valid UTF-8; else
 * the encoding most lines decode in, UTF-8 or GB18030). Fails on an encoding iconv does
 * not know. */
PaCsvReader *pa_csv_reader_new (const char *data, gsize len, const char *encoding, GError **error);
void pa_csv_reader_free (PaCsvReader *self);
/* "UTF-8", "GB18030" …, and whether it was detected rather than given. */
const char *pa_csv_reader_get_encoding (PaCsvReader *self, gboolean *detected);
PaCsvStatus pa_csv_reader_next (PaCsvReader *self, PaCsvRecord *record);
/* TRUE when every field of the record is empty (a blank line, or ",,,,"). */
gboolean pa_csv_record_is_blank (const PaCsvRecord *record);

/* Appends one row, CRLF-terminated; NULL fields are empty. */
void pa_csv_append_row (GString *out, const char *const *fields, guint n_fields);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaCsvReader, pa_csv_reader_free)

G_END_DECLS
