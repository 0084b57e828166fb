/* pa-application.h — the GTK application: a window per planning database, the files it
 * opens, creates and remembers (Open, New, Open Recent, files from the file manager or
 * dropped on a window), preferences, shortcuts and About. */
#pragma once

#include <adwaita.h>

#include "store/pa-mbtiles.h"
#include "store/pa-store.h"

G_BEGIN_DECLS

#define PA_TYPE_APPLICATION (pa_application_get_type ())
G_DECLARE_FINAL_TYPE (PaApplication, pa_application, PA, APPLICATION, AdwApplication)

/* @initial_plan may be NULL for the first plan. */
PaApplication *pa_application_new (PaStore *store, PaBasemap *basemap, const char *initial_plan);
/* A tile pack every window shows over the basemap (--basemap FILE.mbtiles), instead of
 * the one the settings remember, and without changing them. */
void pa_application_set_tile_pack (PaApplication *self, PaMbtiles *pack);
/* org.parkatlas.ParkAtlas, or NULL when the schema is not installed nor in
 * GSETTINGS_SCHEMA_DIR (a build run without `meson devenv`). */
GSettings *pa_application_settings_new (void);
/* Shows the database at @path in its window (a new one unless it is open already). */
gboolean pa_application_open_database (PaApplication *self, const char *path, GError **error);
/* Creates a planning database with the built-in plans at @path (".gpkg" added when
 * missing) and opens it; an existing file is opened, never replaced. */
gboolean pa_application_new_database (PaApplication *self, const char *path, GError **error);
/* A file from the command line, the file manager or a drop: a .gpkg opens, a .geojson or
 * .csv is imported into the active window's plan; anything else is refused, saying so. */
void pa_application_open_file (PaApplication *self, GFile *file);

/* When the window cannot open (a damaged or foreign database, say), tells a planner who
 * started the app from the desktop, in a dialog, and waits for them to close it. Does
 * nothing without a display. */
void pa_application_show_startup_error (const char *message);

G_END_DECLS
