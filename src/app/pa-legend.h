/* pa-legend.h — the map's legend as a widget, drawn by the shared painter */
#pragma once

#include <gtk/gtk.h>

#include "model/pa-plan.h"

G_BEGIN_DECLS

#define PA_TYPE_LEGEND (pa_legend_get_type ())
G_DECLARE_FINAL_TYPE (PaLegend, pa_legend, PA, LEGEND, GtkWidget)

GtkWidget *pa_legend_new (void);
void pa_legend_set_plan (PaLegend *self, PaPlan *plan);
/* Plans shown as layers under the plan: one legend lists each plan's roles under its
 * name (NULL or empty: the plan alone). */
void pa_legend_set_layers (PaLegend *self, GPtrArray *plans);
/* How many plans the legend lists. */
guint pa_legend_get_n_plans (PaLegend *self);

G_END_DECLS
