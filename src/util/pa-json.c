/* pa-json.c — JSON from outside the app, with nothing after the document */
#include "config.h"

#include "pa-json.h"

#include <glib/gi18n.h>
#include <string.h>

static gboolean
is_json_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Where the first value of @data ends: after its closing bracket or quote (strings and
 * escapes skipped, brackets counted), or after a bare number or word; @len when it does
 * not end (json-glib then says what is wrong). */
static gsize
value_end (const char *data, gsize len)
{
  gsize i = 0;
  int depth = 0;

  while (i < len && is_json_space (data[i]))
    i++;
  if (i >= len)
    return len;
  if (data[i] != '{' && data[i] != '[' && data[i] != '"')
    {
      while (i < len && data[i] && !is_json_space (data[i]) && !strchr ("{}[],:\"", data[i]))
        i++;
      return i;
    }
  for (; i < len; i++)
    {
      char c = data[i];
      if (c == '"')
        {
          for (i++; i < len && data[i] != '"'; i++)
            if (data[i] == '\\')
              i++;
          if (i >= len)
            return len;
          if (depth == 0)
            return i + 1;
        }
      else if (c == '{' || c == '[')
        depth++;
      else if ((c == '}' || c == ']') && --depth <= 0)
        return i + 1;
    }
  return len;
}

gboolean
pa_json_load (JsonParser *parser, const char *data, gssize length, GError **error)
{
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  gsize end = value_end (data, len);

  while (end < len && is_json_space (data[end]))
    end++;
  if (end < len)
    {
      guint line = 1, column = 1;
      for (gsize i = 0; i < end; i++)
        {
          if (data[i] == '\n')
            line++, column = 1;
          else
            column++;
        }
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, "<data>:%u:%u: %s", line, column,
                   _("more data after the end of the JSON value"));
      return FALSE;
    }
  return json_parser_load_from_data (parser, data, (gssize) len, error);
}
