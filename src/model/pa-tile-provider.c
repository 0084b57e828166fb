/* pa-tile-provider.c */
#include "config.h"

#include "pa-tile-provider.h"

G_DEFINE_INTERFACE (PaTileProvider, pa_tile_provider, G_TYPE_OBJECT)

static void
pa_tile_provider_default_init (PaTileProviderInterface *iface)
{
}

GBytes *
pa_tile_provider_read_tile (PaTileProvider *self, int zoom, int x, int y, GError **error)
{
  g_return_val_if_fail (PA_IS_TILE_PROVIDER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  return PA_TILE_PROVIDER_GET_IFACE (self)->read_tile (self, zoom, x, y, error);
}

void
pa_tile_provider_get_zoom_range (PaTileProvider *self, int *min_zoom, int *max_zoom)
{
  g_return_if_fail (PA_IS_TILE_PROVIDER (self));
  PA_TILE_PROVIDER_GET_IFACE (self)->get_zoom_range (self, min_zoom, max_zoom);
}

const PaBBox *
pa_tile_provider_get_bounds (PaTileProvider *self)
{
  g_return_val_if_fail (PA_IS_TILE_PROVIDER (self), NULL);
  return PA_TILE_PROVIDER_GET_IFACE (self)->get_bounds (self);
}

const char *
pa_tile_provider_get_name (PaTileProvider *self)
{
  g_return_val_if_fail (PA_IS_TILE_PROVIDER (self), NULL);
  return PA_TILE_PROVIDER_GET_IFACE (self)->get_name (self);
}

const char *
pa_tile_provider_get_attribution (PaTileProvider *self)
{
  g_return_val_if_fail (PA_IS_TILE_PROVIDER (self), NULL);
  return PA_TILE_PROVIDER_GET_IFACE (self)->get_attribution (self);
}

gboolean
pa_tile_provider_is_gcj02 (PaTileProvider *self)
{
  PaTileProviderInterface *iface;
  g_return_val_if_fail (PA_IS_TILE_PROVIDER (self), FALSE);
  iface = PA_TILE_PROVIDER_GET_IFACE (self);
  return iface->is_gcj02 ? iface->is_gcj02 (self) : FALSE;
}
