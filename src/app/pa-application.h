/* pa-application.h — the GTK application: one store, one basemap, its windows */
#pragma once

#include <adwaita.h>

#include "store/pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_APPLICATION (pa_application_get_type ())
G_DECLARE_FINAL_TYPE (PaApplication, pa_application, PA, APPLICATION, AdwApplication)

/* @initial_plan may be NULL for the first plan. */
PaApplication *pa_application_new (PaStore *store, PaBasemap *basemap, const char *initial_plan);

/* When the window cannot open (a damaged or foreign database, say), tells a planner who
 * started the app from the desktop, in a dialog, and waits for them to close it. Does
 * nothing without a display. */
void pa_application_show_startup_error (const char *message);

G_END_DECLS
