/* pa-fuzz-replay.c — main() for a fuzz target outside libFuzzer: runs every file in the
 * folders (or files) named on the command line, so the seed corpus and every crash found
 * so far are replayed by `meson test` under the sanitizers. Fails when a folder is
 * missing or empty: a replay of nothing proves nothing. */
#include "pa-fuzz.h"

#include <stdio.h>

__attribute__ ((weak)) int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  return 0;
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static int
run_file (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr (GError) error = NULL;

  if (!g_file_get_contents (path, &data, &len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  fprintf (stderr, "replay %s (%zu bytes)\n", path, (size_t) len);
  LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
  return 0;
}

int
main (int argc, char **argv)
{
  guint n = 0;
  int failures = 0;

  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GDir) dir = NULL;
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (!g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          failures += run_file (argv[i]);
          n++;
          continue;
        }
      dir = g_dir_open (argv[i], 0, &error);
      if (!dir)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      while ((name = g_dir_read_name (dir)))
        if (name[0] != '.')
          g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
      g_ptr_array_sort (names, compare_paths);
      for (guint k = 0; k < names->len; k++)
        failures += run_file (g_ptr_array_index (names, k));
      n += names->len;
    }
  fprintf (stderr, "%u inputs replayed\n", n);
  if (n == 0)
    {
      fprintf (stderr, "no inputs: nothing was replayed\n");
      return 1;
    }
  return failures ? 1 : 0;
}
