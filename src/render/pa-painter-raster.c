/* pa-painter-raster.c — raster tiles (a tile pack, a web map), drawn into any view: a map
 * tile on screen, a PNG, PDF or SVG figure.
 *
 * The tiles' zoom is chosen by the pixels the surface gives a tile (a PDF at print
 * resolution), so a figure embeds the detail its page needs and no more; past the
 * provider's deepest zoom its tiles are enlarged, and a tile it lacks is cut from the
 * nearest coarser one it has. Tiles in GCJ-02 are shifted to where they belong in WGS-84.
 */
#include "config.h"

#define G_LOG_DOMAIN "parkatlas-render"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>

#include <glib/gi18n.h>

#include "geo/pa-gcj02.h"
#include "geo/pa-mercator.h"
#include "pa-figure-text.h"
#include "pa-painter.h"

/* PDF and SVG are printed: their images get 300 dpi. */
#define PRINT_PIXELS_PER_POINT (300.0 / 72.0)
/* More tiles than this in one view means the pack is far too fine for it: drawn coarser. */
#define MAX_TILES 400
#define CACHE_SIZE 48

/* Decoded tiles of one provider, most recent first: on screen, the tiles enlarged past
 * its deepest zoom are each cut from the same few images; a preview drawn again after
 * each change of the export dialog's options does not read a web map's tiles again. */
typedef struct
{
  GMutex lock;
  GQueue entries; /* of CacheEntry */
} TileCache;

typedef struct
{
  int zoom, x, y;
  cairo_surface_t *surface; /* NULL: the pack has no such tile, or it is not an image */
} CacheEntry;

static void
cache_entry_free (CacheEntry *e)
{
  g_clear_pointer (&e->surface, cairo_surface_destroy);
  g_free (e);
}

static void
tile_cache_free (TileCache *cache)
{
  g_queue_clear_full (&cache->entries, (GDestroyNotify) cache_entry_free);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

static TileCache *
tile_cache_for (PaTileProvider *pack)
{
  static GMutex create_lock;
  TileCache *cache;

  g_mutex_lock (&create_lock);
  cache = g_object_get_data (G_OBJECT (pack), "pa-tile-cache");
  if (!cache)
    {
      cache = g_new0 (TileCache, 1);
      g_mutex_init (&cache->lock);
      g_queue_init (&cache->entries);
      g_object_set_data_full (G_OBJECT (pack), "pa-tile-cache", cache, (GDestroyNotify) tile_cache_free);
    }
  g_mutex_unlock (&create_lock);
  return cache;
}

cairo_surface_t *
pa_painter_decode_image (GBytes *bytes, GError **error)
{
  g_autoptr (GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr (GError) local = NULL;
  gboolean written = gdk_pixbuf_loader_write_bytes (loader, bytes, &local);
  gboolean closed = gdk_pixbuf_loader_close (loader, written ? &local : NULL);
  GdkPixbuf *pixbuf = written && closed ? gdk_pixbuf_loader_get_pixbuf (loader) : NULL;
  cairo_surface_t *surface;
  int w, h, n, src_stride, dst_stride;
  const guint8 *src;
  guint8 *dst;

  if (!pixbuf)
    {
      g_propagate_error (error, local ? g_steal_pointer (&local)
                                      : g_error_new_literal (GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_CORRUPT_IMAGE, "?"));
      return NULL;
    }
  w = gdk_pixbuf_get_width (pixbuf);
  h = gdk_pixbuf_get_height (pixbuf);
  n = gdk_pixbuf_get_n_channels (pixbuf);
  src = gdk_pixbuf_read_pixels (pixbuf);
  src_stride = gdk_pixbuf_get_rowstride (pixbuf);
  surface = cairo_image_surface_create (n == 4 ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, w, h);
  dst = cairo_image_surface_get_data (surface);
  dst_stride = cairo_image_surface_get_stride (surface);
  for (int row = 0; row < h; row++)
    {
      const guint8 *s = src + (gsize) row * src_stride;
      guint32 *d = (guint32 *) (dst + (gsize) row * dst_stride);
      for (int col = 0; col < w; col++, s += n)
        {
          guint a = n == 4 ? s[3] : 255;
          /* premultiplied, rounded: (c·a + 127) / 255 */
          guint r = (s[0] * a + 127) / 255, g = (s[1] * a + 127) / 255, b = (s[2] * a + 127) / 255;
          d[col] = (a << 24) | (r << 16) | (g << 8) | b;
        }
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

/* Tile (x, y) at @zoom, decoded, through the cache; NULL where there is none. */
static cairo_surface_t *
load_tile (PaTileProvider *pack, int zoom, int x, int y)
{
  TileCache *cache = tile_cache_for (pack);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  cairo_surface_t *surface = NULL;
  CacheEntry *e;

  g_mutex_lock (&cache->lock);
  for (GList *l = cache->entries.head; l; l = l->next)
    {
      e = l->data;
      if (e->zoom == zoom && e->x == x && e->y == y)
        {
          g_queue_unlink (&cache->entries, l);
          g_queue_push_head_link (&cache->entries, l);
          surface = e->surface ? cairo_surface_reference (e->surface) : NULL;
          g_mutex_unlock (&cache->lock);
          return surface;
        }
    }
  g_mutex_unlock (&cache->lock);

  bytes = pa_tile_provider_read_tile (pack, zoom, x, y, &error);
  if (bytes)
    surface = pa_painter_decode_image (bytes, &error);
  if (error)
    /* one bad tile leaves a hole, not a failed figure; the log names it */
    g_warning ("Tile %d/%d/%d of “%s” is left out: %s", zoom, x, y, pa_tile_provider_get_name (pack),
               error->message);

  e = g_new0 (CacheEntry, 1);
  e->zoom = zoom, e->x = x, e->y = y;
  e->surface = surface ? cairo_surface_reference (surface) : NULL;
  g_mutex_lock (&cache->lock);
  g_queue_push_head (&cache->entries, e);
  while (cache->entries.length > CACHE_SIZE)
    cache_entry_free (g_queue_pop_tail (&cache->entries));
  g_mutex_unlock (&cache->lock);
  return surface;
}

/* How far GCJ-02 moves the point at normalised mercator (mx, my), in the same units. */
static void
gcj02_shift (double mx, double my, double *dx, double *dy)
{
  double lon, lat, glon, glat, gmx, gmy;
  pa_mercator_to_lonlat (mx, my, &lon, &lat);
  pa_gcj02_from_wgs84 (lon, lat, &glon, &glat);
  pa_mercator_from_lonlat (glon, glat, &gmx, &gmy);
  *dx = gmx - mx, *dy = gmy - my;
}

/* Where tile (x, y) of @zoom lies in @view. A GCJ-02 tile is moved back by the shift at
 * the middle of each of its edges: an edge two tiles share is moved alike for both, so
 * the shifted tiles still meet without a seam (the shift changes by centimetres over a
 * tile; the web tile's position is taken for the WGS-84 one, metres apart at most). */
static void
tile_place (const PaView *view, gboolean gcj02, int zoom, int x, int y, double *x0, double *y0, double *x1,
            double *y1)
{
  double n = ldexp (1.0, zoom), l = x / n, t = y / n, r = (x + 1) / n, b = (y + 1) / n;
  double unused;

  if (gcj02)
    {
      double dl, dr, dt, db;
      gcj02_shift (l, (y + 0.5) / n, &dl, &unused);
      gcj02_shift (r, (y + 0.5) / n, &dr, &unused);
      gcj02_shift ((x + 0.5) / n, t, &unused, &dt);
      gcj02_shift ((x + 0.5) / n, b, &unused, &db);
      l -= dl, r -= dr, t -= dt, b -= db;
    }
  pa_view_project_mercator (view, l, t, x0, y0);
  pa_view_project_mercator (view, r, b, x1, y1);
}

/* Tile (x, y) of @zoom drawn into its place in @view: from the provider's own tile, or
 * cut from the nearest coarser one it has. */
static void
draw_tile (cairo_t *cr, const PaView *view, PaTileProvider *pack, int min_zoom, gboolean gcj02, int zoom, int x,
           int y)
{
  double x0, y0, x1, y1;

  tile_place (view, gcj02, zoom, x, y, &x0, &y0, &x1, &y1);
  for (int z = zoom, up = 0; z >= min_zoom; z--, up++)
    {
      cairo_surface_t *img = load_tile (pack, z, x >> up, y >> up);
      double span, sx, sy, size;
      cairo_pattern_t *pattern;

      if (!img)
        continue;
      /* where the requested tile lies in this one, as a fraction of it */
      span = ldexp (1.0, -up);
      sx = (x - ((x >> up) << up)) * span;
      sy = (y - ((y >> up) << up)) * span;
      size = cairo_image_surface_get_width (img);
      cairo_save (cr);
      /* pixel-aligned clips: neighbouring tiles meet without a seam or an overlap */
      cairo_set_antialias (cr, CAIRO_ANTIALIAS_NONE);
      cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
      cairo_clip (cr);
      cairo_translate (cr, x0, y0);
      cairo_scale (cr, (x1 - x0) / (size * span), (y1 - y0) / (cairo_image_surface_get_height (img) * span));
      cairo_translate (cr, -sx * size, -sy * cairo_image_surface_get_height (img));
      cairo_set_source_surface (cr, img, 0, 0);
      pattern = cairo_get_source (cr);
      cairo_pattern_set_extend (pattern, CAIRO_EXTEND_PAD);
      cairo_pattern_set_filter (pattern, CAIRO_FILTER_GOOD);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_surface_destroy (img);
      return;
    }
}

void
pa_painter_draw_tile_pack (cairo_t *cr, const PaView *view, PaTileProvider *pack)
{
  static const PaBBox world = { -180, -85.0511, 180, 85.0511 };
  const PaBBox *bounds;
  PaBBox vb = pa_view_get_bbox (view), area;
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  double ux = 1, uy = 0, pixels, n;
  int zoom, min_zoom, max_zoom, x0, x1, y0, y1, margin;
  double mx0, my0, mx1, my1;
  gboolean gcj02;

  g_return_if_fail (PA_IS_TILE_PROVIDER (pack));
  bounds = pa_tile_provider_get_bounds (pack);
  if (!bounds)
    bounds = &world;
  if (!pa_bbox_intersects (bounds, &vb))
    return;
  pa_tile_provider_get_zoom_range (pack, &min_zoom, &max_zoom);
  gcj02 = pa_tile_provider_is_gcj02 (pack);
  area = (PaBBox){ MAX (bounds->minx, vb.minx), MAX (bounds->miny, vb.miny), MIN (bounds->maxx, vb.maxx),
                   MIN (bounds->maxy, vb.maxy) };
  /* device pixels per unit of the view: the surface's own, or print resolution */
  cairo_user_to_device_distance (cr, &ux, &uy);
  pixels = hypot (ux, uy);
  if (type != CAIRO_SURFACE_TYPE_IMAGE && type != CAIRO_SURFACE_TYPE_XLIB && type != CAIRO_SURFACE_TYPE_XCB)
    pixels *= PRINT_PIXELS_PER_POINT;
  /* the zoom whose 256-pixel tiles are at least as fine as the surface (a quarter coarser
   * is allowed, rather than four times the tiles) */
  zoom = (int) ceil (log2 (view->world * pixels / 256.0) - 0.25);
  zoom = CLAMP (zoom, min_zoom, max_zoom);
  for (;; zoom--)
    {
      n = ldexp (1.0, zoom);
      pa_mercator_from_lonlat (area.minx, area.maxy, &mx0, &my0);
      pa_mercator_from_lonlat (area.maxx, area.miny, &mx1, &my1);
      /* GCJ-02 tiles are shifted by up to about 700 m: a tile more each side, when the
       * tiles are smaller than that */
      margin = gcj02 ? (int) ceil (700.0 / (40075016.0 * cos (vb.miny * G_PI / 180.0) / n)) : 0;
      x0 = (int) floor (mx0 * n) - margin, x1 = (int) floor (mx1 * n - 1e-9) + margin;
      y0 = (int) floor (my0 * n) - margin, y1 = (int) floor (my1 * n - 1e-9) + margin;
      if ((gint64) (x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_TILES || zoom <= min_zoom)
        break;
    }
  if ((gint64) (x1 - x0 + 1) * (y1 - y0 + 1) > MAX_TILES)
    return; /* the view is far larger than the coarsest tiles serve */
  cairo_save (cr);
  cairo_rectangle (cr, view->ox, view->oy, view->width, view->height);
  cairo_clip (cr);
  for (int y = MAX (y0, 0); y <= MIN (y1, (int) n - 1); y++)
    for (int x = MAX (x0, 0); x <= MIN (x1, (int) n - 1); x++)
      draw_tile (cr, view, pack, min_zoom, gcj02, zoom, x, y);
  cairo_restore (cr);
}

static void
append_credit (GString *s, const char *lang, PaTileProvider *tiles)
{
  const char *credit = pa_tile_provider_get_attribution (tiles);
  if (credit)
    g_string_append_printf (s, pa_figure_text (lang, N_(" · Tiles: %s (%s)")), pa_tile_provider_get_name (tiles),
                            credit);
  else
    g_string_append_printf (s, pa_figure_text (lang, N_(" · Tiles: %s")), pa_tile_provider_get_name (tiles));
}

char *
pa_painter_dup_attribution_with_tiles (const char *lang, PaTileProvider *web, PaTileProvider *pack)
{
  GString *s = g_string_new (pa_painter_attribution_in (lang));
  if (web)
    append_credit (s, lang, web);
  if (pack)
    append_credit (s, lang, pack);
  return g_string_free (s, FALSE);
}
