/* fuzz-mbtiles.c — whole MBTiles files as a tile pack is opened (store/pa-mbtiles.c): the
 * header check, the metadata, the tiles scanned for what the metadata leaves out, the
 * format check; then the getters and some tiles read (the centre's and those around it
 * at each zoom, and a few out of range). The images themselves are not decoded here. */
#include "pa-fuzz.h"

#include <math.h>

#include "store/pa-mbtiles.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  pa_fuzz_init_logging ();
  return 0;
}

/* A pack is read-only: no journal, WAL or shared-memory file may be left beside it. */
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
      g_error ("opening the pack left “%s” beside it", name);
}

static void
read_tile (PaMbtiles *pack, int zoom, int x, int y)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) tile = pa_mbtiles_read_tile (pack, zoom, x, y, &error);
  g_assert (!(tile && error));
}

static void
read_pack (PaMbtiles *pack)
{
  const PaBBox *b = pa_mbtiles_get_bounds (pack);
  int min = pa_mbtiles_get_min_zoom (pack), max = pa_mbtiles_get_max_zoom (pack);
  double lon, lat, zoom;

  g_assert (pa_mbtiles_get_path (pack) && pa_mbtiles_get_name (pack));
  g_assert (g_utf8_validate (pa_mbtiles_get_name (pack), -1, NULL));
  g_assert (g_strcmp0 (pa_mbtiles_get_format (pack), "png") == 0 || g_strcmp0 (pa_mbtiles_get_format (pack), "jpg") == 0);
  (void) pa_mbtiles_get_attribution (pack);
  (void) pa_mbtiles_is_overlay (pack);
  g_assert (0 <= min && min <= max && max <= 30);
  g_assert (isfinite (b->minx) && isfinite (b->maxx) && isfinite (b->miny) && isfinite (b->maxy));
  pa_mbtiles_get_center (pack, &lon, &lat, &zoom);
  g_assert (isfinite (lon) && isfinite (lat) && isfinite (zoom));

  for (int z = min; z <= max && z <= min + 4; z++)
    {
      double n = ldexp (1.0, z);
      double fx = CLAMP ((lon + 180.0) / 360.0 * n, 0, n - 1);
      double r = CLAMP (lat, -85.0, 85.0) * G_PI / 180.0;
      double fy = CLAMP ((1.0 - log (tan (r) + 1.0 / cos (r)) / G_PI) / 2.0 * n, 0, n - 1);
      for (int dx = -1; dx <= 1; dx++)
        for (int dy = -1; dy <= 1; dy++)
          read_tile (pack, z, (int) fx + dx, (int) fy + dy);
    }
  read_tile (pack, min - 1, 0, 0);
  read_tile (pack, max + 1, 0, 0);
  read_tile (pack, max, -1, 0);
  read_tile (pack, max, 0, G_MAXINT);
  read_tile (pack, G_MAXINT, 0, 0);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = pa_fuzz_write_temp (".mbtiles", data, size);
  g_autoptr (GError) error = NULL;
  PaMbtiles *pack = pa_mbtiles_open (path, &error);

  g_assert ((pack == NULL) == (error != NULL));
  if (pack)
    {
      read_pack (pack);
      g_object_unref (pack);
    }
  assert_no_debris (path);
  return 0;
}
