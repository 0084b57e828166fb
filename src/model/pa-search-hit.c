/* pa-search-hit.c */
#include "pa-search-hit.h"

#include <glib/gi18n.h>
#include <math.h>

G_DEFINE_BOXED_TYPE (PaSearchHit, pa_search_hit, pa_search_hit_ref, pa_search_hit_unref)

PaSearchHit *
pa_search_hit_new (PaHitKind kind)
{
  PaSearchHit *self = g_new0 (PaSearchHit, 1);
  g_atomic_ref_count_init (&self->ref);
  self->kind = kind;
  self->lon = self->lat = NAN;
  return self;
}

PaSearchHit *
pa_search_hit_ref (PaSearchHit *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
pa_search_hit_unref (PaSearchHit *self)
{
  if (g_atomic_ref_count_dec (&self->ref))
    {
      g_free (self->plan_slug);
      g_free (self->plan_name);
      g_free (self->zone_key);
      g_free (self->code);
      g_free (self->text);
      g_free (self->context);
      g_free (self);
    }
}

const char *
pa_search_hit_kind_label (PaHitKind kind)
{
  switch (kind)
    {
    case PA_HIT_ZONE: return _("zone");
    case PA_HIT_PLACE: return _("place");
    case PA_HIT_DISTRICT: return _("district");
    case PA_HIT_ENTERPRISE: return _("enterprise");
    case PA_HIT_PLATFORM: return _("platform");
    case PA_HIT_INDUSTRY: return _("industry");
    case PA_HIT_QUOTE: return _("cited sentence");
    default: return "";
    }
}
