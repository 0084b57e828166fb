/* pa-online-source.c */
#include "config.h"

#define G_LOG_DOMAIN "parkatlas-map"

#include "pa-online-source.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "geo/pa-gcj02.h"
#include "geo/pa-mercator.h"
#include "pa-tile-fetcher.h"
#include "render/pa-painter.h"

#define TILE 256

struct _PaOnlineSource
{
  ShumateMapSource parent_instance;
  ShumateDataSource *downloader;
  gboolean gcj02;
  char *host; /* the figure's credit names the server, not the template (it may hold a key) */
};

static void pa_online_source_tile_provider_init (PaTileProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PaOnlineSource, pa_online_source, SHUMATE_TYPE_MAP_SOURCE,
                               G_IMPLEMENT_INTERFACE (PA_TYPE_TILE_PROVIDER, pa_online_source_tile_provider_init))

/* One tile being made from up to four web tiles (one without the GCJ-02 shift). */
typedef struct
{
  ShumateTile *tile;
  double gx0, gy0; /* the tile's top left in the web tiles' pixels at its zoom */
  int tx0, ty0, nx, ny;
  GBytes *parts[4];
  guint pending;
  GError *error; /* the first failure */
} Fill;

static void
fill_free (Fill *fill)
{
  g_clear_object (&fill->tile);
  for (int i = 0; i < 4; i++)
    g_clear_pointer (&fill->parts[i], g_bytes_unref);
  g_clear_error (&fill->error);
  g_free (fill);
}

/* The web tiles' pixels, drawn shifted into the tile's own. */
static GdkTexture *
compose (Fill *fill, GError **error)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, TILE, TILE);
  cairo_t *cr = cairo_create (s);
  g_autoptr (GBytes) bytes = NULL;
  GdkTexture *texture;
  guint drawn = 0;

  for (int j = 0; j < fill->ny; j++)
    for (int i = 0; i < fill->nx; i++)
      {
        GBytes *part = fill->parts[j * fill->nx + i];
        cairo_surface_t *img;
        g_autoptr (GError) local = NULL;
        if (!part)
          continue;
        img = pa_painter_decode_image (part, &local);
        if (!img)
          {
            g_warning ("A web tile is left out: %s", local->message);
            continue;
          }
        cairo_set_source_surface (cr, img, (fill->tx0 + i) * TILE - fill->gx0, (fill->ty0 + j) * TILE - fill->gy0);
        cairo_paint (cr);
        cairo_surface_destroy (img);
        drawn++;
      }
  cairo_destroy (cr);
  cairo_surface_flush (s);
  if (drawn == 0)
    {
      cairo_surface_destroy (s);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("No web tile could be read"));
      return NULL;
    }
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (s),
                                      (gsize) cairo_image_surface_get_stride (s) * TILE,
                                      (GDestroyNotify) cairo_surface_destroy, s);
  texture = gdk_memory_texture_new (TILE, TILE, GDK_MEMORY_DEFAULT, bytes, (gsize) cairo_image_surface_get_stride (s));
  return texture;
}

static void
finish (GTask *task)
{
  Fill *fill = g_task_get_task_data (task);
  g_autoptr (GdkTexture) texture = NULL;
  g_autoptr (GError) error = NULL;

  if (fill->nx * fill->ny == 1 && fill->parts[0])
    texture = gdk_texture_new_from_bytes (fill->parts[0], &error);
  else if (fill->parts[0] || fill->parts[1] || fill->parts[2] || fill->parts[3])
    texture = compose (fill, &error);
  if (!texture)
    {
      /* offline, or the server refused: the offline basemap shows through */
      g_task_return_error (task, error ? g_steal_pointer (&error)
                                       : g_steal_pointer (&fill->error));
      return;
    }
  shumate_tile_set_paintable (fill->tile, GDK_PAINTABLE (texture));
  shumate_tile_set_state (fill->tile, SHUMATE_STATE_DONE);
  g_task_return_boolean (task, TRUE);
}

typedef struct
{
  GTask *task;
  int index;
} PartRequest;

static void
part_done (GObject *source, GAsyncResult *result, gpointer data)
{
  PartRequest *req = data;
  g_autoptr (GTask) task = req->task;
  Fill *fill = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  fill->parts[req->index] = shumate_data_source_get_tile_data_finish (SHUMATE_DATA_SOURCE (source), result, &error);
  if (!fill->parts[req->index] && !fill->error)
    fill->error = error ? g_steal_pointer (&error)
                        : g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The server has no such tile"));
  g_free (req);
  if (--fill->pending == 0)
    finish (task);
}

static void
pa_online_source_fill_tile_async (ShumateMapSource *source, ShumateTile *tile, GCancellable *cancellable,
                                  GAsyncReadyCallback callback, gpointer user_data)
{
  PaOnlineSource *self = PA_ONLINE_SOURCE (source);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Fill *fill = g_new0 (Fill, 1);
  int x = (int) shumate_tile_get_x (tile), y = (int) shumate_tile_get_y (tile);
  int z = (int) shumate_tile_get_zoom_level (tile);
  double n = ldexp (1.0, z);

  g_task_set_source_tag (task, pa_online_source_fill_tile_async);
  fill->tile = g_object_ref (tile);
  fill->gx0 = x * TILE, fill->gy0 = y * TILE;
  if (self->gcj02)
    {
      /* the shift at the tile's centre: GCJ-02's offset changes by metres over a tile */
      double lon, lat, glon, glat, mx, my, gmx, gmy;
      pa_mercator_to_lonlat ((x + 0.5) / n, (y + 0.5) / n, &lon, &lat);
      pa_gcj02_from_wgs84 (lon, lat, &glon, &glat);
      pa_mercator_from_lonlat (lon, lat, &mx, &my);
      pa_mercator_from_lonlat (glon, glat, &gmx, &gmy);
      fill->gx0 += (gmx - mx) * n * TILE;
      fill->gy0 += (gmy - my) * n * TILE;
    }
  fill->tx0 = (int) floor (fill->gx0 / TILE);
  fill->ty0 = (int) floor (fill->gy0 / TILE);
  fill->nx = fill->gx0 == fill->tx0 * TILE ? 1 : 2;
  fill->ny = fill->gy0 == fill->ty0 * TILE ? 1 : 2;
  fill->pending = (guint) (fill->nx * fill->ny);
  g_task_set_task_data (task, fill, (GDestroyNotify) fill_free);
  for (int j = 0; j < fill->ny; j++)
    for (int i = 0; i < fill->nx; i++)
      {
        PartRequest *req = g_new0 (PartRequest, 1);
        int tx = fill->tx0 + i, ty = fill->ty0 + j;
        req->task = g_object_ref (task);
        req->index = j * fill->nx + i;
        /* the world wraps east–west; north and south of it there is nothing to fetch */
        tx = ((tx % (int) n) + (int) n) % (int) n;
        if (ty < 0 || ty >= (int) n)
          {
            fill->pending--;
            g_object_unref (req->task);
            g_free (req);
            continue;
          }
        shumate_data_source_get_tile_data_async (self->downloader, tx, ty, z, cancellable, part_done, req);
      }
  if (fill->pending == 0)
    finish (task);
  g_object_unref (task);
}

static gboolean
pa_online_source_fill_tile_finish (ShumateMapSource *source, GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* As a tile provider, for figures: the same tiles, read blocking in the export's thread. */
static GBytes *
provider_read_tile (PaTileProvider *provider, int zoom, int x, int y, GError **error)
{
  PaOnlineSource *self = PA_ONLINE_SOURCE (provider);
  return pa_tile_fetcher_read_tile (PA_TILE_FETCHER (self->downloader), x, y, zoom, error);
}

static void
provider_get_zoom_range (PaTileProvider *provider, int *min_zoom, int *max_zoom)
{
  *min_zoom = (int) shumate_map_source_get_min_zoom_level (SHUMATE_MAP_SOURCE (provider));
  *max_zoom = (int) shumate_map_source_get_max_zoom_level (SHUMATE_MAP_SOURCE (provider));
}

static const PaBBox *
provider_get_bounds (PaTileProvider *provider)
{
  return NULL;
}

static const char *
provider_get_name (PaTileProvider *provider)
{
  return PA_ONLINE_SOURCE (provider)->host;
}

static const char *
provider_get_attribution (PaTileProvider *provider)
{
  const char *license = shumate_map_source_get_license (SHUMATE_MAP_SOURCE (provider));
  return license && *license ? license : NULL;
}

static gboolean
provider_is_gcj02 (PaTileProvider *provider)
{
  return PA_ONLINE_SOURCE (provider)->gcj02;
}

static void
pa_online_source_tile_provider_init (PaTileProviderInterface *iface)
{
  iface->read_tile = provider_read_tile;
  iface->get_zoom_range = provider_get_zoom_range;
  iface->get_bounds = provider_get_bounds;
  iface->get_name = provider_get_name;
  iface->get_attribution = provider_get_attribution;
  iface->is_gcj02 = provider_is_gcj02;
}

static void
pa_online_source_finalize (GObject *object)
{
  g_free (PA_ONLINE_SOURCE (object)->host);
  g_clear_object (&PA_ONLINE_SOURCE (object)->downloader);
  G_OBJECT_CLASS (pa_online_source_parent_class)->finalize (object);
}

static void
pa_online_source_class_init (PaOnlineSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pa_online_source_finalize;
  SHUMATE_MAP_SOURCE_CLASS (klass)->fill_tile_async = pa_online_source_fill_tile_async;
  SHUMATE_MAP_SOURCE_CLASS (klass)->fill_tile_finish = pa_online_source_fill_tile_finish;
}

static void
pa_online_source_init (PaOnlineSource *self)
{
}

PaOnlineSource *
pa_online_source_new (const char *url_template, const char *key, const char *attribution, gboolean gcj02)
{
  g_autoptr (GString) url = g_string_new (url_template);
  g_autofree char *id = NULL;
  PaOnlineSource *self;

  g_return_val_if_fail (url_template != NULL, NULL);
  g_string_replace (url, "{key}", key ? key : "", 0);
  id = g_strdup_printf ("park-atlas-online:%s", url_template);
  self = g_object_new (PA_TYPE_ONLINE_SOURCE,
                       "id", id,
                       "name", url_template,
                       "license", attribution ? attribution : "",
                       "min-zoom-level", 0,
                       "max-zoom-level", 18,
                       "tile-size", TILE,
                       "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                       NULL);
  self->downloader = SHUMATE_DATA_SOURCE (pa_tile_fetcher_new (url->str));
  self->gcj02 = gcj02;
  {
    g_autoptr (GUri) uri = g_uri_parse (url->str, G_URI_FLAGS_NONE, NULL);
    self->host = g_strdup (uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : url_template);
  }
  return self;
}

gboolean
pa_online_source_get_gcj02 (PaOnlineSource *self)
{
  g_return_val_if_fail (PA_IS_ONLINE_SOURCE (self), FALSE);
  return self->gcj02;
}

PaOnlineSource *
pa_online_source_new_for_settings (GSettings *settings)
{
  g_autofree char *kind = g_settings_get_string (settings, "online-tiles");
  g_autofree char *url = g_settings_get_string (settings, "online-url");
  g_autofree char *key = g_settings_get_string (settings, "online-key");
  g_autofree char *credit = g_settings_get_string (settings, "online-attribution");

  if (g_strcmp0 (kind, "osm") == 0)
    return pa_online_source_new (PA_ONLINE_OSM_URL, NULL, _("Map tiles © OpenStreetMap contributors"), FALSE);
  if (g_strcmp0 (kind, "custom") == 0 && strstr (url, "{x}") && strstr (url, "{z}"))
    return pa_online_source_new (url, key, *credit ? credit : NULL, g_settings_get_boolean (settings, "online-gcj02"));
  return NULL;
}
