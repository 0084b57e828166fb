/* pa-tile-source.c — cairo-rendered basemap tiles for ShumateMapLayer */
#include "config.h"

#include "pa-tile-source.h"

#include <glib/gi18n.h>

#include "render/pa-painter.h"

struct _PaTileSource
{
  ShumateMapSource parent_instance;
  PaBasemap *basemap; /* one of the two */
  PaMbtiles *pack;
};

G_DEFINE_FINAL_TYPE (PaTileSource, pa_tile_source, SHUMATE_TYPE_MAP_SOURCE)

typedef struct
{
  PaBasemap *basemap;
  PaMbtiles *pack;
  int x, y, zoom, size;
} TileJob;

static void
tile_job_free (TileJob *job)
{
  g_clear_object (&job->basemap);
  g_clear_object (&job->pack);
  g_free (job);
}

/* A tile of @pack: clear where the pack has no image. */
static cairo_surface_t *
render_pack_tile (PaMbtiles *pack, int x, int y, int zoom, int size)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (s);
  PaView view;

  pa_view_init_tile (&view, x, y, zoom, size);
  pa_painter_draw_tile_pack (cr, &view, PA_TILE_PROVIDER (pack));
  cairo_destroy (cr);
  cairo_surface_flush (s);
  return s;
}

cairo_surface_t *
pa_tile_source_render (PaBasemap *basemap, int x, int y, int zoom, int size)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, size, size);
  cairo_t *cr = cairo_create (s);
  PaView view;

  pa_view_init_tile (&view, x, y, zoom, size);
  pa_painter_draw_basemap (cr, &view, basemap, zoom >= 7);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  return s;
}

static void
render_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  TileJob *job = data;
  if (g_task_return_error_if_cancelled (task))
    return;
  g_task_return_pointer (task,
                         job->pack ? render_pack_tile (job->pack, job->x, job->y, job->zoom, job->size)
                                   : pa_tile_source_render (job->basemap, job->x, job->y, job->zoom, job->size),
                         (GDestroyNotify) cairo_surface_destroy);
}

/* Back on the main thread: hand the texture to the tile, then finish the outer task. */
static void
rendered_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) outer = user_data;
  g_autoptr (GError) error = NULL;
  ShumateTile *tile = g_task_get_task_data (outer);
  cairo_surface_t *s = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  int size;

  if (!s)
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }
  size = cairo_image_surface_get_width (s);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (s),
                                      (gsize) cairo_image_surface_get_stride (s) * size,
                                      (GDestroyNotify) cairo_surface_destroy, s);
  texture = gdk_memory_texture_new (size, size, GDK_MEMORY_DEFAULT, bytes,
                                    (gsize) cairo_image_surface_get_stride (s));
  shumate_tile_set_paintable (tile, GDK_PAINTABLE (texture));
  shumate_tile_set_fade_in (tile, FALSE);
  shumate_tile_set_state (tile, SHUMATE_STATE_DONE);
  g_task_return_boolean (outer, TRUE);
}

static void
pa_tile_source_fill_tile_async (ShumateMapSource *source, ShumateTile *tile,
                                GCancellable *cancellable, GAsyncReadyCallback callback,
                                gpointer user_data)
{
  PaTileSource *self = PA_TILE_SOURCE (source);
  GTask *outer = g_task_new (self, cancellable, callback, user_data);
  g_autoptr (GTask) inner = g_task_new (self, cancellable, rendered_cb, outer);
  TileJob *job = g_new0 (TileJob, 1);

  g_task_set_source_tag (outer, pa_tile_source_fill_tile_async);
  g_task_set_task_data (outer, g_object_ref (tile), g_object_unref);
  job->basemap = self->basemap ? g_object_ref (self->basemap) : NULL;
  job->pack = self->pack ? g_object_ref (self->pack) : NULL;
  job->x = (int) shumate_tile_get_x (tile);
  job->y = (int) shumate_tile_get_y (tile);
  job->zoom = (int) shumate_tile_get_zoom_level (tile);
  job->size = (int) shumate_tile_get_size (tile);
  g_task_set_task_data (inner, job, (GDestroyNotify) tile_job_free);
  g_task_run_in_thread (inner, render_in_thread);
}

static gboolean
pa_tile_source_fill_tile_finish (ShumateMapSource *source, GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
pa_tile_source_finalize (GObject *object)
{
  g_clear_object (&PA_TILE_SOURCE (object)->basemap);
  g_clear_object (&PA_TILE_SOURCE (object)->pack);
  G_OBJECT_CLASS (pa_tile_source_parent_class)->finalize (object);
}

static void
pa_tile_source_class_init (PaTileSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pa_tile_source_finalize;
  SHUMATE_MAP_SOURCE_CLASS (klass)->fill_tile_async = pa_tile_source_fill_tile_async;
  SHUMATE_MAP_SOURCE_CLASS (klass)->fill_tile_finish = pa_tile_source_fill_tile_finish;
}

static void
pa_tile_source_init (PaTileSource *self)
{
}

PaTileSource *
pa_tile_source_new (PaBasemap *basemap)
{
  PaTileSource *self = g_object_new (PA_TYPE_TILE_SOURCE,
                                     "id", "park-atlas-offline",
                                     "name", _("Park Atlas offline basemap"),
                                     "license", pa_painter_attribution (),
                                     "min-zoom-level", 3,
                                     "max-zoom-level", 16,
                                     "tile-size", 256,
                                     "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                                     NULL);
  self->basemap = g_object_ref (basemap);
  return self;
}

PaTileSource *
pa_tile_source_new_for_pack (PaMbtiles *pack)
{
  g_autofree char *id = g_strdup_printf ("park-atlas-pack:%s", pa_mbtiles_get_path (pack));
  const char *attribution = pa_mbtiles_get_attribution (pack);
  PaTileSource *self;

  g_return_val_if_fail (PA_IS_MBTILES (pack), NULL);
  /* every zoom of the map: past the pack's deepest its tiles are enlarged */
  self = g_object_new (PA_TYPE_TILE_SOURCE,
                       "id", id,
                       "name", pa_mbtiles_get_name (pack),
                       "license", attribution ? attribution : "",
                       "min-zoom-level", 3,
                       "max-zoom-level", 16,
                       "tile-size", 256,
                       "projection", SHUMATE_MAP_PROJECTION_MERCATOR,
                       NULL);
  self->pack = g_object_ref (pack);
  return self;
}
