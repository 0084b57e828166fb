/* pa-mbtiles.c — a raster MBTiles tile pack, read-only */
#include "config.h"

#define G_LOG_DOMAIN "parkatlas-mbtiles"

#include "pa-mbtiles.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "pa-store-private.h"

#define MERCATOR_MAX_LAT 85.0511287798
#define MAX_ZOOM 30

struct _PaMbtiles
{
  GObject parent_instance;
  char *path;
  char *name;
  char *format;
  char *attribution;
  gboolean overlay;
  gboolean xyz_rows; /* scheme=xyz: a non-standard pack whose rows count from the north */
  PaBBox bounds;
  int min_zoom, max_zoom;
  double center_lon, center_lat, center_zoom;
  sqlite3 *db;
  sqlite3_stmt *tile_stmt;
  GMutex lock;
};

static void pa_mbtiles_tile_provider_init (PaTileProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PaMbtiles, pa_mbtiles, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PA_TYPE_TILE_PROVIDER, pa_mbtiles_tile_provider_init))

static void
pa_mbtiles_finalize (GObject *object)
{
  PaMbtiles *self = PA_MBTILES (object);

  g_clear_pointer (&self->tile_stmt, sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->path);
  g_free (self->name);
  g_free (self->format);
  g_free (self->attribution);
  g_mutex_clear (&self->lock);
  G_OBJECT_CLASS (pa_mbtiles_parent_class)->finalize (object);
}

static void
pa_mbtiles_class_init (PaMbtilesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pa_mbtiles_finalize;
}

static void
pa_mbtiles_init (PaMbtiles *self)
{
  g_mutex_init (&self->lock);
  self->min_zoom = -1;
  self->max_zoom = -1;
  self->center_zoom = NAN;
}

/* Metadata values are often HTML (`&copy; <a href=…>OpenStreetMap</a>`): the text alone. */
static char *
plain_text (const char *html)
{
  static const struct
  {
    const char *entity, *text;
  } entities[] = { { "&copy;", "©" }, { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" },
                   { "&quot;", "\"" }, { "&#39;", "'" }, { "&nbsp;", " " } };
  g_autoptr (GString) s = g_string_new (NULL);
  gboolean in_tag = FALSE;

  for (const char *p = html; *p; p++)
    {
      if (*p == '<')
        in_tag = TRUE;
      else if (*p == '>' && in_tag)
        in_tag = FALSE;
      else if (!in_tag)
        g_string_append_c (s, *p);
    }
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    g_string_replace (s, entities[i].entity, entities[i].text, 0);
  g_strstrip (s->str);
  s->len = strlen (s->str);
  if (s->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
parse_int (const char *text, int *value)
{
  g_autofree char *trimmed = text ? g_strstrip (g_strdup (text)) : NULL;
  gint64 v;
  if (!trimmed || !g_ascii_string_to_signed (trimmed, 10, 0, MAX_ZOOM, &v, NULL))
    return FALSE;
  *value = (int) v;
  return TRUE;
}

/* "west,south,east,north" in degrees, as the spec writes bounds. */
static gboolean
parse_bounds (const char *text, PaBBox *box)
{
  g_auto (GStrv) parts = text ? g_strsplit (text, ",", -1) : NULL;
  double v[4];

  if (!parts || g_strv_length (parts) != 4)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      char *end;
      v[i] = g_ascii_strtod (g_strstrip (parts[i]), &end);
      if (end == parts[i] || *end || !isfinite (v[i]))
        return FALSE;
    }
  box->minx = MAX (v[0], -180.0);
  box->miny = MAX (v[1], -MERCATOR_MAX_LAT);
  box->maxx = MIN (v[2], 180.0);
  box->maxy = MIN (v[3], MERCATOR_MAX_LAT);
  return box->minx < box->maxx && box->miny < box->maxy;
}

static double
tile_lon (double x, int zoom)
{
  return x / ldexp (1.0, zoom) * 360.0 - 180.0;
}

static double
tile_lat (double y, int zoom)
{
  return atan (sinh (G_PI * (1.0 - 2.0 * y / ldexp (1.0, zoom)))) * 180.0 / G_PI;
}

/* TMS rows (south = 0) as the file stores them, from a web row (north = 0), and back. */
static gint64
file_row (PaMbtiles *self, int zoom, gint64 y)
{
  return self->xyz_rows ? y : ((gint64) 1 << zoom) - 1 - y;
}

static gboolean
read_metadata (PaMbtiles *self, GHashTable *meta, GError **error)
{
  g_autoptr (sqlite3_stmt) s = pa_store_prepare (self->db, "SELECT name, value FROM metadata", error);
  PaStep st;

  if (!s)
    return FALSE;
  while ((st = pa_store_step (s, error)) == PA_STEP_ROW)
    {
      const char *name = pa_store_column_text (s, 0);
      const char *value = pa_store_column_text (s, 1);
      g_autofree char *key = name ? g_ascii_strdown (name, -1) : NULL;
      /* the first of repeated names wins, as in GDAL */
      if (key && value && !g_hash_table_contains (meta, key))
        g_hash_table_insert (meta, g_steal_pointer (&key), g_strdup (value));
    }
  return st == PA_STEP_DONE;
}

/* What the bytes of an image say they are. */
static const char *
sniff_format (const guint8 *data, gsize len)
{
  if (len >= 8 && memcmp (data, "\x89PNG\r\n\x1a\n", 8) == 0)
    return "png";
  if (len >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return "jpg";
  if (len >= 12 && memcmp (data, "RIFF", 4) == 0 && memcmp (data + 8, "WEBP", 4) == 0)
    return "webp";
  if (len >= 2 && data[0] == 0x1f && data[1] == 0x8b)
    return "pbf"; /* gzip: a compressed vector tile */
  return NULL;
}

/* The row a query of the tiles at @zoom must give. None (zoom levels that are not whole
 * numbers, or beyond 0–30: the lowest, rounded or clamped, has no tile) is an error
 * naming the file, like a failed read. */
static gboolean
step_row (PaMbtiles *self, sqlite3_stmt *s, int zoom, GError **error)
{
  switch (pa_store_step (s, error))
    {
    case PA_STEP_ROW:
      return TRUE;
    case PA_STEP_DONE:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("“%s” holds no tile at zoom level %d, its lowest: zoom levels must be whole numbers "
                     "from 0 to %d"),
                   self->path, zoom, MAX_ZOOM);
      return FALSE;
    default:
      return FALSE;
    }
}

/* The pack's zoom range and the extent of its tiles at the lowest zoom, for what the
 * metadata does not say. */
static gboolean
scan_tiles (PaMbtiles *self, int *min_zoom, int *max_zoom, PaBBox *box, const char **format, GError **error)
{
  g_autoptr (sqlite3_stmt) low = NULL, high = NULL, extent = NULL, first = NULL;

  /* min and max apart: each alone is one step down the (zoom_level, …) index of a pack
   * of millions of tiles, together they are a scan */
  low = pa_store_prepare (self->db, "SELECT min(zoom_level) FROM tiles", error);
  high = low ? pa_store_prepare (self->db, "SELECT max(zoom_level) FROM tiles", error) : NULL;
  if (!high || pa_store_step (low, error) != PA_STEP_ROW || pa_store_step (high, error) != PA_STEP_ROW)
    return FALSE;
  if (sqlite3_column_type (low, 0) == SQLITE_NULL)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, _("“%s” holds no tiles"), self->path);
      return FALSE;
    }
  *min_zoom = CLAMP (sqlite3_column_int (low, 0), 0, MAX_ZOOM);
  *max_zoom = CLAMP (sqlite3_column_int (high, 0), *min_zoom, MAX_ZOOM);

  extent = pa_store_prepare (self->db,
                             "SELECT min(tile_column), max(tile_column), min(tile_row), max(tile_row) "
                             "FROM tiles WHERE zoom_level = ?",
                             error);
  if (!extent)
    return FALSE;
  sqlite3_bind_int (extent, 1, *min_zoom);
  if (!step_row (self, extent, *min_zoom, error))
    return FALSE;
  {
    int z = *min_zoom;
    gint64 x0 = sqlite3_column_int64 (extent, 0), x1 = sqlite3_column_int64 (extent, 1);
    gint64 y0 = file_row (self, z, sqlite3_column_int64 (extent, 3));
    gint64 y1 = file_row (self, z, sqlite3_column_int64 (extent, 2));
    if (self->xyz_rows)
      {
        gint64 t = y0;
        y0 = y1;
        y1 = t;
      }
    box->minx = MAX (tile_lon ((double) x0, z), -180.0);
    box->maxx = MIN (tile_lon ((double) x1 + 1, z), 180.0);
    box->maxy = CLAMP (tile_lat ((double) y0, z), -MERCATOR_MAX_LAT, MERCATOR_MAX_LAT);
    box->miny = CLAMP (tile_lat ((double) y1 + 1, z), -MERCATOR_MAX_LAT, MERCATOR_MAX_LAT);
  }

  first = pa_store_prepare (self->db, "SELECT tile_data FROM tiles WHERE zoom_level = ? LIMIT 1", error);
  if (!first)
    return FALSE;
  sqlite3_bind_int (first, 1, *min_zoom);
  if (!step_row (self, first, *min_zoom, error))
    return FALSE;
  *format = sniff_format (sqlite3_column_blob (first, 0), (gsize) sqlite3_column_bytes (first, 0));
  return TRUE;
}

static gboolean
check_format (PaMbtiles *self, const char *format, GError **error)
{
  if (g_strcmp0 (format, "png") == 0 || g_strcmp0 (format, "jpg") == 0)
    return TRUE;
  if (g_strcmp0 (format, "pbf") == 0 || g_strcmp0 (format, "mvt") == 0)
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                 _("“%s” holds vector tiles: vector tiles (pbf) are not supported; Park Atlas shows "
                   "raster tile packs (PNG or JPEG)"),
                 self->path);
  else if (format)
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                 _("“%s” holds tiles in the format “%s”, which is not supported: Park Atlas shows "
                   "raster tile packs (PNG or JPEG)"),
                 self->path, format);
  else
    g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                 _("“%s” holds tiles that are neither PNG nor JPEG images"), self->path);
  return FALSE;
}

static gboolean
open_database (PaMbtiles *self, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (sqlite3_stmt) s = NULL;
  g_autofree char *name = NULL;
  int rc, found = 0, flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX;

  switch (pa_store_sniff_file (self->path, error))
    {
    case PA_SQLITE_FILE_UNREADABLE:
      return FALSE;
    case PA_SQLITE_FILE_EMPTY:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_SQLITE, _("“%s” is empty"), self->path);
      return FALSE;
    case PA_SQLITE_FILE_OTHER:
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not an MBTiles tile pack: it is not an SQLite database"), self->path);
      return FALSE;
    default:
      break;
    }
  /* FULLMUTEX: the statements are ours alone (under self->lock), but SQLite's own state
   * may then be touched from any tile thread */
  name = pa_store_readonly_open_name (self->path, &flags);
  rc = sqlite3_open_v2 (name, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_OPEN, _("Cannot open “%s”: %s"), self->path,
                   self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return FALSE;
    }
  sqlite3_busy_timeout (self->db, 2000);
  s = pa_store_prepare (self->db,
                        "SELECT count(*) FROM sqlite_master WHERE type IN ('table', 'view') "
                        "AND name IN ('metadata', 'tiles')",
                        &local);
  if (s && pa_store_step (s, &local) == PA_STEP_ROW)
    found = sqlite3_column_int (s, 0);
  if (local)
    {
      if (g_error_matches (local, PA_STORE_ERROR, PA_STORE_ERROR_BUSY))
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_BUSY,
                     _("“%s” is in use: another program holds it locked; try again when it is done"),
                     self->path);
      else
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_NOT_SQLITE,
                     _("“%s” is not an MBTiles tile pack: it cannot be read as an SQLite database (%s)"),
                     self->path, local->message);
      return FALSE;
    }
  if (found < 2)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID,
                   _("“%s” is an SQLite database but not an MBTiles tile pack: it has no “metadata” and "
                     "“tiles” tables"),
                   self->path);
      return FALSE;
    }
  return TRUE;
}

PaMbtiles *
pa_mbtiles_open (const char *path, GError **error)
{
  g_autoptr (PaMbtiles) self = g_object_new (PA_TYPE_MBTILES, NULL);
  g_autoptr (GHashTable) meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GError) local = NULL;
  const char *format, *sniffed = NULL;
  int scanned_min, scanned_max;
  PaBBox scanned;

  g_return_val_if_fail (path != NULL, NULL);
  self->path = g_strdup (path);
  if (!open_database (self, error))
    return NULL;
  if (!read_metadata (self, meta, &local))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT, _("The metadata of “%s” cannot be read: %s"),
                   path, local->message);
      return NULL;
    }
  self->xyz_rows = g_strcmp0 (g_hash_table_lookup (meta, "scheme"), "xyz") == 0;
  /* a declared vector pack is refused before any tile is looked at */
  format = g_hash_table_lookup (meta, "format");
  if (format && g_ascii_strcasecmp (format, "jpeg") == 0)
    format = "jpg";
  if (format && g_ascii_strcasecmp (format, "png") != 0 && g_ascii_strcasecmp (format, "jpg") != 0)
    {
      g_autofree char *lower = g_ascii_strdown (format, -1);
      check_format (self, lower, error);
      return NULL;
    }
  if (!scan_tiles (self, &scanned_min, &scanned_max, &scanned, &sniffed, &local))
    {
      if (local->code == PA_STORE_ERROR_INVALID)
        g_propagate_error (error, g_steal_pointer (&local));
      else
        g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CORRUPT, _("The tiles of “%s” cannot be read: %s"),
                     path, local->message);
      return NULL;
    }
  /* the images decide: a pack whose metadata says png but holds vector tiles is one */
  if (!check_format (self, sniffed, error))
    return NULL;
  self->format = g_strdup (sniffed);

  if (!parse_int (g_hash_table_lookup (meta, "minzoom"), &self->min_zoom)
      || !parse_int (g_hash_table_lookup (meta, "maxzoom"), &self->max_zoom) || self->min_zoom > self->max_zoom)
    {
      self->min_zoom = scanned_min;
      self->max_zoom = scanned_max;
    }
  if (!parse_bounds (g_hash_table_lookup (meta, "bounds"), &self->bounds))
    self->bounds = scanned;

  {
    g_auto (GStrv) c = NULL;
    const char *center = g_hash_table_lookup (meta, "center");
    double lon = NAN, lat = NAN, zoom = NAN;
    if (center && g_strv_length (c = g_strsplit (center, ",", -1)) >= 2)
      {
        lon = g_ascii_strtod (c[0], NULL);
        lat = g_ascii_strtod (c[1], NULL);
        if (c[2])
          zoom = g_ascii_strtod (c[2], NULL);
      }
    if (!isfinite (lon) || !isfinite (lat) || lon < self->bounds.minx || lon > self->bounds.maxx
        || lat < self->bounds.miny || lat > self->bounds.maxy)
      {
        lon = (self->bounds.minx + self->bounds.maxx) / 2;
        lat = (self->bounds.miny + self->bounds.maxy) / 2;
      }
    self->center_lon = lon;
    self->center_lat = lat;
    self->center_zoom = isfinite (zoom) ? CLAMP (zoom, self->min_zoom, self->max_zoom) : self->min_zoom;
  }

  {
    const char *name = g_hash_table_lookup (meta, "name");
    const char *attribution = g_hash_table_lookup (meta, "attribution");
    self->name = name ? plain_text (name) : NULL;
    if (!self->name)
      self->name = g_path_get_basename (path);
    self->attribution = attribution ? plain_text (attribution) : NULL;
    self->overlay = g_strcmp0 (g_hash_table_lookup (meta, "type"), "overlay") == 0;
  }

  self->tile_stmt = pa_store_prepare (self->db,
                                      "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? "
                                      "AND tile_row = ?",
                                      error);
  if (!self->tile_stmt)
    return NULL;
  return g_steal_pointer (&self);
}

GBytes *
pa_mbtiles_read_tile (PaMbtiles *self, int zoom, int x, int y, GError **error)
{
  g_autoptr (GMutexLocker) locker = NULL;
  g_autoptr (GError) local = NULL;
  GBytes *bytes = NULL;

  g_return_val_if_fail (PA_IS_MBTILES (self), NULL);
  if (zoom < self->min_zoom || zoom > self->max_zoom || x < 0 || y < 0 || (gint64) x >= ((gint64) 1 << zoom)
      || (gint64) y >= ((gint64) 1 << zoom))
    return NULL;
  locker = g_mutex_locker_new (&self->lock);
  sqlite3_bind_int (self->tile_stmt, 1, zoom);
  sqlite3_bind_int (self->tile_stmt, 2, x);
  sqlite3_bind_int64 (self->tile_stmt, 3, file_row (self, zoom, y));
  switch (pa_store_step (self->tile_stmt, &local))
    {
    case PA_STEP_ROW:
      bytes = g_bytes_new (sqlite3_column_blob (self->tile_stmt, 0), (gsize) sqlite3_column_bytes (self->tile_stmt, 0));
      break;
    case PA_STEP_DONE:
      break;
    default:
      g_set_error (error, PA_STORE_ERROR, local->code, _("Tile %d/%d/%d of “%s” cannot be read: %s"), zoom, x, y,
                   self->path, local->message);
    }
  sqlite3_reset (self->tile_stmt);
  return bytes;
}

const char *
pa_mbtiles_get_path (PaMbtiles *self)
{
  g_return_val_if_fail (PA_IS_MBTILES (self), NULL);
  return self->path;
}

const char *
pa_mbtiles_get_name (PaMbtiles *self)
{
  g_return_val_if_fail (PA_IS_MBTILES (self), NULL);
  return self->name;
}

const char *
pa_mbtiles_get_format (PaMbtiles *self)
{
  g_return_val_if_fail (PA_IS_MBTILES (self), NULL);
  return self->format;
}

const char *
pa_mbtiles_get_attribution (PaMbtiles *self)
{
  g_return_val_if_fail (PA_IS_MBTILES (self), NULL);
  return self->attribution;
}

gboolean
pa_mbtiles_is_overlay (PaMbtiles *self)
{
  g_return_val_if_fail (PA_IS_MBTILES (self), FALSE);
  return self->overlay;
}

const PaBBox *
pa_mbtiles_get_bounds (PaMbtiles *self)
{
  g_return_val_if_fail (PA_IS_MBTILES (self), NULL);
  return &self->bounds;
}

int
pa_mbtiles_get_min_zoom (PaMbtiles *self)
{
  g_return_val_if_fail (PA_IS_MBTILES (self), 0);
  return self->min_zoom;
}

int
pa_mbtiles_get_max_zoom (PaMbtiles *self)
{
  g_return_val_if_fail (PA_IS_MBTILES (self), 0);
  return self->max_zoom;
}

void
pa_mbtiles_get_center (PaMbtiles *self, double *lon, double *lat, double *zoom)
{
  g_return_if_fail (PA_IS_MBTILES (self));
  if (lon)
    *lon = self->center_lon;
  if (lat)
    *lat = self->center_lat;
  if (zoom)
    *zoom = self->center_zoom;
}

/* As a tile provider: the pack's own tiles, zoom range, bounds and credit. */
static GBytes *
provider_read_tile (PaTileProvider *provider, int zoom, int x, int y, GError **error)
{
  return pa_mbtiles_read_tile (PA_MBTILES (provider), zoom, x, y, error);
}

static void
provider_get_zoom_range (PaTileProvider *provider, int *min_zoom, int *max_zoom)
{
  *min_zoom = pa_mbtiles_get_min_zoom (PA_MBTILES (provider));
  *max_zoom = pa_mbtiles_get_max_zoom (PA_MBTILES (provider));
}

static const PaBBox *
provider_get_bounds (PaTileProvider *provider)
{
  return pa_mbtiles_get_bounds (PA_MBTILES (provider));
}

static const char *
provider_get_name (PaTileProvider *provider)
{
  return pa_mbtiles_get_name (PA_MBTILES (provider));
}

static const char *
provider_get_attribution (PaTileProvider *provider)
{
  return pa_mbtiles_get_attribution (PA_MBTILES (provider));
}

static void
pa_mbtiles_tile_provider_init (PaTileProviderInterface *iface)
{
  iface->read_tile = provider_read_tile;
  iface->get_zoom_range = provider_get_zoom_range;
  iface->get_bounds = provider_get_bounds;
  iface->get_name = provider_get_name;
  iface->get_attribution = provider_get_attribution;
}
