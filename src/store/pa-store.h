/* pa-store.h — the planning database: a GeoPackage file, and the only code that speaks SQL.
 *
 * Opening a path that does not exist creates it with the default content (the plans
 * under data/plans, the district and land layers under maps/). An existing file is
 * checked before anything is written to it: it must be an SQLite GeoPackage that
 * Park Atlas made, with a schema this version knows; older schemas are migrated forward.
 */
#pragma once

#include "model/pa-search-hit.h"
#include <gio/gio.h>

#include "model/pa-basemap.h"
#include "model/pa-plan.h"

G_BEGIN_DECLS

#define PA_STORE_ERROR (pa_store_error_quark ())
GQuark pa_store_error_quark (void);

typedef enum
{
  PA_STORE_ERROR_OPEN,          /* missing or unreadable file */
  PA_STORE_ERROR_NOT_SQLITE,
  PA_STORE_ERROR_NOT_GEOPACKAGE,
  PA_STORE_ERROR_NOT_PARK_ATLAS,
  PA_STORE_ERROR_NEWER_SCHEMA,
  PA_STORE_ERROR_CORRUPT,
  PA_STORE_ERROR_DEFAULTS,      /* the default content could not be built */
  PA_STORE_ERROR_UNKNOWN_PLAN,
  PA_STORE_ERROR_SQL,
  PA_STORE_ERROR_BUSY,          /* another program holds the database locked */
  PA_STORE_ERROR_READ_ONLY,
  PA_STORE_ERROR_CONFLICT,      /* the row changed under an edit (another program wrote it) */
  PA_STORE_ERROR_INVALID,       /* an edit the data cannot take (bad value, unknown zone) */
} PaStoreError;

/* The schema version this build writes and reads. */
#define PA_STORE_SCHEMA_VERSION 5

typedef struct
{
  const char *districts_path; /* GeoJSON of district boundaries; NULL: look in maps/ */
  const char *land_path;      /* GeoJSON of land polygons; NULL: look in maps/ */
  const char *plans_dir;      /* plans.list and <slug>.json files; NULL: the built-in plans */
} PaStoreDefaults;

#define PA_TYPE_STORE (pa_store_get_type ())
G_DECLARE_FINAL_TYPE (PaStore, pa_store, PA, STORE, GObject)

/* Opens @path, creating it with the default content when it does not exist. */
PaStore *pa_store_open (const char *path, const PaStoreDefaults *defaults, GError **error);
const char *pa_store_get_path (PaStore *self);
/* "wal" on a local disk, "delete" on a network share (SQLite's WAL needs shared memory
 * that network file systems do not give), as SQLite reports it now. */
const char *pa_store_get_journal_mode (PaStore *self);
gboolean pa_store_path_is_on_network (const char *path);
/* Where the database lives when no --db is given: $XDG_DATA_HOME/parkatlas/parkatlas.gpkg */
char *pa_store_default_path (void);
/* Finds a map data file: $PARKATLAS_MAPS_DIR, the installed maps folder, the source tree. */
char *pa_store_find_map_file (const char *name);

/* Plans as (slug, name) pairs in display order: a GPtrArray of 2-element GStrv. */
GPtrArray *pa_store_list_plans (PaStore *self, GError **error);
PaPlan *pa_store_load_plan (PaStore *self, const char *slug, GError **error);
/* One zone, freshly read with its parts and facts (to update a PaZone after an edit). */
PaZone *pa_store_load_zone (PaStore *self, gint64 fid, GError **error);
/* The boundary of district @code (GB/T 2260) and, in @name, its name. */
PaGeometry *pa_store_load_district (PaStore *self, const char *code, char **name, GError **error);
/* SQLite's data_version: it changes when another connection commits to the file. */
gint64 pa_store_get_data_version (PaStore *self);
/* Up to @limit things in every plan whose name (or sentence) contains @query: zones,
 * places, districts, enterprises and platforms, industries, cited sentences — in that
 * order (PaSearchHit). Any substring matches, from one character on. */
GPtrArray *pa_store_search (PaStore *self, const char *query, guint limit, GError **error);
PaBasemap *pa_store_load_basemap (PaStore *self, GError **error);
/* Every citation of @slug's facts (targets, zones, organisations, industries). */
GPtrArray *pa_store_list_citations (PaStore *self, const char *slug, GError **error);
/* Industry names, those tied to the most zones and plans first. */
GPtrArray *pa_store_list_industries (PaStore *self, GError **error);
/* Where @industry is named, across every plan: rows of six strings (GStrv) —
 * plan slug, plan name, zone key, zone name, cited sentence, the citation (the document
 * by its title, and the section); zone key and
 * name are "" where the plan names the industry without tying it to a zone. */
GPtrArray *pa_store_find_industry_uses (PaStore *self, const char *industry, GError **error);
/* Every target of @slug: plan, zone and programme level (PaTarget). */
GPtrArray *pa_store_list_targets (PaStore *self, const char *slug, GError **error);
/* Targets of @slug that have neither a citation nor a planner who entered them: none in a
 * healthy database. */
guint pa_store_count_uncited_targets (PaStore *self, const char *slug, GError **error);

G_END_DECLS
