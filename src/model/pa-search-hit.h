/* pa-search-hit.h — one result of a search across every plan: what matched (a zone, a
 * place, a district, an industry, an enterprise or platform, a cited sentence), in which
 * plan and zone, and where to move the map. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PA_HIT_ZONE,
  PA_HIT_PLACE,
  PA_HIT_DISTRICT,
  PA_HIT_ENTERPRISE,
  PA_HIT_PLATFORM,
  PA_HIT_INDUSTRY,
  PA_HIT_QUOTE,
} PaHitKind;

typedef struct
{
  gatomicrefcount ref;
  PaHitKind kind;
  char *plan_slug;  /* NULL for a district */
  char *plan_name;
  char *zone_key;   /* the zone it belongs to; NULL for the plan as a whole */
  char *code;       /* a district's GB/T 2260 code */
  char *text;       /* what matched: the name, or the sentence */
  char *context;    /* where it is: the zone, the city, the indicator */
  double lon, lat;  /* an enterprise's site; NAN without one */
} PaSearchHit;

#define PA_TYPE_SEARCH_HIT (pa_search_hit_get_type ())
GType pa_search_hit_get_type (void) G_GNUC_CONST;

PaSearchHit *pa_search_hit_new (PaHitKind kind);
PaSearchHit *pa_search_hit_ref (PaSearchHit *self);
void pa_search_hit_unref (PaSearchHit *self);
/* "zone", "enterprise" … in the interface language. */
const char *pa_search_hit_kind_label (PaHitKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaSearchHit, pa_search_hit_unref)

G_END_DECLS
