/* bench-tile-nodes.c — how the zone layer should hand GTK its cached tiles, measured under
 * GSK_RENDERER=cairo (the tests' and CI's renderer): one cairo node painting the tiles'
 * image surfaces (pa-zone-layer.c does this), or a texture node per tile (a
 * GdkMemoryTexture kept per tile). Each frame builds the nodes and renders them to a
 * 1920 × 1080 texture; the tiles are made once. Run under Xvfb:
 *   GSK_RENDERER=cairo bench-tile-nodes */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>

#include "bench-util.h"

#define WIDTH 1920
#define HEIGHT 1080
#define T 256
#define FRAMES 100
/* the view's corner in the tile grid, off the tiles' edges: 9 × 6 tiles in view */
#define OX 37
#define OY 91

static cairo_surface_t *tiles[9][6];
static GdkTexture *textures[9][6];

static void
make_tiles (void)
{
  for (int c = 0; c < 9; c++)
    for (int r = 0; r < 6; r++)
      {
        cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, T, T);
        cairo_t *cr = cairo_create (s);
        g_autoptr (GBytes) bytes = NULL;
        /* zone-like content: translucent fills with opaque rims, clear between */
        for (int k = 0; k < 40; k++)
          {
            cairo_arc (cr, (k * 53 + c * 17) % T, (k * 31 + r * 29) % T, 12, 0, 2 * G_PI);
            cairo_set_source_rgba (cr, 0.8, 0.17, 0.2, 0.38);
            cairo_fill_preserve (cr);
            cairo_set_source_rgb (cr, 0.56, 0.12, 0.14);
            cairo_stroke (cr);
          }
        cairo_destroy (cr);
        cairo_surface_flush (s);
        tiles[c][r] = s;
        bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (s),
                                            (gsize) cairo_image_surface_get_stride (s) * T,
                                            (GDestroyNotify) cairo_surface_destroy, cairo_surface_reference (s));
        textures[c][r] = gdk_memory_texture_new (T, T, GDK_MEMORY_DEFAULT, bytes,
                                                 (gsize) cairo_image_surface_get_stride (s));
      }
}

static GskRenderNode *
cairo_frame (void)
{
  GskRenderNode *node = gsk_cairo_node_new (&GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
  cairo_t *cr = gsk_cairo_node_get_draw_context (node);
  for (int c = 0; c < 9; c++)
    for (int r = 0; r < 6; r++)
      {
        cairo_set_source_surface (cr, tiles[c][r], c * T - OX, r * T - OY);
        cairo_rectangle (cr, c * T - OX, r * T - OY, T, T);
        cairo_fill (cr);
      }
  cairo_destroy (cr);
  return node;
}

static GskRenderNode *
texture_frame (void)
{
  GskRenderNode *nodes[9 * 6], *node;
  for (int c = 0; c < 9; c++)
    for (int r = 0; r < 6; r++)
      nodes[c * 6 + r] = gsk_texture_node_new (textures[c][r], &GRAPHENE_RECT_INIT (c * T - OX, r * T - OY, T, T));
  node = gsk_container_node_new (nodes, G_N_ELEMENTS (nodes));
  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    gsk_render_node_unref (nodes[i]);
  return node;
}

static void
run (GskRenderer *renderer, const char *what, GskRenderNode *(*frame) (void))
{
  g_autoptr (GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  for (int i = 0; i < FRAMES; i++)
    {
      double t0 = bench_now_ms (), c0 = bench_cpu_ms (), t, c;
      GskRenderNode *node = frame ();
      GdkTexture *out = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, WIDTH, HEIGHT));
      t = bench_now_ms () - t0, c = bench_cpu_ms () - c0;
      g_object_unref (out);
      gsk_render_node_unref (node);
      g_array_append_val (wall, t);
      g_array_append_val (cpu, c);
    }
  bench_report_frames (what, wall);
  bench_report_frames ("  the same, CPU time", cpu);
}

int
main (void)
{
  g_autoptr (GError) error = NULL;
  GskRenderer *renderer;

  gtk_init ();
  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, &error))
    g_error ("realize: %s", error->message);
  make_tiles ();
  /* alternated, twice, so the shared machine's load falls on both */
  for (int k = 0; k < 2; k++)
    {
      run (renderer, "54 tiles, one cairo node, to 1920×1080", cairo_frame);
      run (renderer, "54 tiles, a texture node each", texture_frame);
    }
  gsk_renderer_unrealize (renderer);
  g_object_unref (renderer);
  return 0;
}
