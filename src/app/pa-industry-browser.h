/* pa-industry-browser.h — one industry across every plan: the zones that name it.
 *
 * Choosing a row emits "zone-activated" (plan slug, zone key); the window then shows
 * that plan and moves the map to the zone.
 */
#pragma once

#include <gtk/gtk.h>

#include "store/pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_INDUSTRY_BROWSER (pa_industry_browser_get_type ())
G_DECLARE_FINAL_TYPE (PaIndustryBrowser, pa_industry_browser, PA, INDUSTRY_BROWSER, GtkBox)

GtkWidget *pa_industry_browser_new (PaStore *store);
/* Shows the zones naming @industry; FALSE if the store has no such industry. */
gboolean pa_industry_browser_show (PaIndustryBrowser *self, const char *industry);
GtkListBox *pa_industry_browser_get_list (PaIndustryBrowser *self);

G_END_DECLS
