/* pa-preferences-window.h — the user-facing settings: the name recorded on edits,
 * reopening the last database, snapping. Each row is bound to org.parkatlas.ParkAtlas. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PA_TYPE_PREFERENCES_WINDOW (pa_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PaPreferencesWindow, pa_preferences_window, PA, PREFERENCES_WINDOW, AdwPreferencesWindow)

PaPreferencesWindow *pa_preferences_window_new (GtkWindow *parent, GSettings *settings);

G_END_DECLS
