/* pa-zone-details.h — the side panel's account of one zone, or of the plan when none
 * is selected: role, places, industries, targets, organisations, each with the
 * sentence of the policy it comes from. */
#pragma once

#include <gtk/gtk.h>

#include "model/pa-plan.h"

G_BEGIN_DECLS

#define PA_TYPE_ZONE_DETAILS (pa_zone_details_get_type ())
G_DECLARE_FINAL_TYPE (PaZoneDetails, pa_zone_details, PA, ZONE_DETAILS, GtkBox)

GtkWidget *pa_zone_details_new (void);
/* Shows @zone of @plan, or the plan's overview when @zone is NULL, with the audit
 * @findings (PaFinding; may be NULL) that concern it and, in a scenario's overview, its
 * @differences from the plan it varies (PaDiffItem; may be NULL). */
void pa_zone_details_show (PaZoneDetails *self, PaPlan *plan, PaZone *zone, GPtrArray *findings,
                           GPtrArray *differences);
/* All text the panel shows, one label per line (for tests and copy). */
char *pa_zone_details_get_text (PaZoneDetails *self);

G_END_DECLS
