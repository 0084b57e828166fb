/* pa-fuzz-util.c — helpers shared by the fuzz targets */
#include "pa-fuzz.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <unistd.h>

static char *temp_dir;

static void
remove_temp_dir (void)
{
  g_autoptr (GDir) dir = temp_dir ? g_dir_open (temp_dir, 0, NULL) : NULL;
  const char *name;
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (temp_dir, name, NULL);
      g_unlink (path);
    }
  if (temp_dir)
    g_rmdir (temp_dir);
}

char *
pa_fuzz_write_temp (const char *suffix, const uint8_t *data, size_t size)
{
  g_autofree char *name = g_strconcat ("input", suffix, NULL);
  char *path;

  if (!temp_dir)
    {
      temp_dir = g_dir_make_tmp ("parkatlas-fuzz-XXXXXX", NULL);
      g_assert (temp_dir != NULL);
      atexit (remove_temp_dir);
    }
  path = g_build_filename (temp_dir, name, NULL);
  /* no fsync, no rename: g_file_set_contents' safety cost most of each run's time */
  g_assert (g_file_set_contents_full (path, (const char *) data, (gssize) size, G_FILE_SET_CONTENTS_NONE,
                                      0600, NULL));
  return path;
}
