/* pa-figure-text.c — figure strings in zh or en whatever the interface language */
#include "config.h"

#include "pa-figure-text.h"

#include <glib/gi18n.h>
#include <string.h>

#define MO_MAGIC 0x950412deu

static guint32
read_u32 (const guint8 *p, gboolean swap)
{
  guint32 v;
  memcpy (&v, p, 4);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* msgid → msgstr of a GNU .mo file; NULL when it cannot be read. Plural entries are keyed
 * by their singular msgid and give the first form; context entries are skipped. */
static GHashTable *
load_mo (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;
  GHashTable *table;
  guint32 n, orig, trans;
  gboolean swap;

  if (!g_file_get_contents (path, &data, &len, NULL) || len < 28)
    return NULL;
  if (read_u32 ((guint8 *) data, FALSE) == MO_MAGIC)
    swap = FALSE;
  else if (read_u32 ((guint8 *) data, TRUE) == MO_MAGIC)
    swap = TRUE;
  else
    return NULL;
  n = read_u32 ((guint8 *) data + 8, swap);
  orig = read_u32 ((guint8 *) data + 12, swap);
  trans = read_u32 ((guint8 *) data + 16, swap);
  if (orig > len || trans > len || n > (len - MAX (orig, trans)) / 8)
    return NULL;
  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 ol = read_u32 ((guint8 *) data + orig + 8 * i, swap);
      guint32 oo = read_u32 ((guint8 *) data + orig + 8 * i + 4, swap);
      guint32 tl = read_u32 ((guint8 *) data + trans + 8 * i, swap);
      guint32 to = read_u32 ((guint8 *) data + trans + 8 * i + 4, swap);
      if (oo > len || ol > len - oo || to > len || tl > len - to || ol == 0)
        continue;
      if (memchr (data + oo, '\004', ol))
        continue;
      g_hash_table_insert (table, g_strndup (data + oo, ol), g_strndup (data + to, tl));
    }
  return table;
}

static gpointer
load_zh (gpointer unused)
{
  const char *dirs[] = { g_getenv ("PARKATLAS_LOCALEDIR"), bindtextdomain (GETTEXT_PACKAGE, NULL),
                         PA_LOCALEDIR, PA_BUILD_LOCALEDIR };
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *mo = NULL;
      GHashTable *table;
      if (!dirs[i])
        continue;
      mo = g_build_filename (dirs[i], "zh_CN", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      table = load_mo (mo);
      if (table)
        return table;
    }
  g_warning ("No zh_CN catalogue of %s found: Chinese figures will have English furniture", GETTEXT_PACKAGE);
  return g_hash_table_new (g_str_hash, g_str_equal);
}

gboolean
pa_figure_lang_is_valid (const char *lang)
{
  return !lang || g_str_equal (lang, "zh") || g_str_equal (lang, "en");
}

const char *
pa_figure_text (const char *lang, const char *msgid)
{
  static GOnce once = G_ONCE_INIT;
  const char *s;

  if (!lang)
    return g_dgettext (GETTEXT_PACKAGE, msgid);
  if (!g_str_equal (lang, "zh"))
    return msgid;
  s = g_hash_table_lookup (g_once (&once, load_zh, NULL), msgid);
  return s && *s ? s : msgid;
}
