/* pa-store-loader.h — what the default-content loader's files share (store-internal).
 *
 * pa-store-defaults.c builds a new database from the map layers and calls
 * pa_store_insert_plans (pa-store-plans.c) for the plan sources; both use these JSON
 * readers, binders and the once-only document / citation / industry rows.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "geo/pa-geometry.h"
#include "pa-store-private.h"

G_BEGIN_DECLS

typedef struct
{
  sqlite3 *db;
  GHashTable *districts;  /* code → PaGeometry */
  GHashTable *citations;  /* "seed\037section\037quote" → gint64 id */
  GHashTable *documents;  /* seed → gint64 id */
  GHashTable *industries; /* name → gint64 id */
  GHashTable *target_ids; /* key → gint64 id, for the current plan's target_sums */
  const char *plan_slug;
  gint64 plan_id;
  const char *plans_dir;  /* NULL: the plans built into the GResource */
} PaLoader;

const char *pa_json_str (JsonObject *o, const char *name);
double pa_json_num (JsonObject *o, const char *name);
JsonObject *pa_json_obj (JsonObject *o, const char *name);
JsonArray *pa_json_array (JsonObject *o, const char *name);
/* A string or an array of strings, joined with the Chinese list comma. */
char *pa_json_joined (JsonObject *o, const char *name);
void pa_bind_text (sqlite3_stmt *s, int i, const char *v);
void pa_bind_double (sqlite3_stmt *s, int i, double v);
void pa_bind_id (sqlite3_stmt *s, int i, gint64 v);
void pa_bind_geometry (sqlite3_stmt *s, int i, PaGeometry *g);
/* Row ids, inserting each row once: -1 on error; citation_id gives 0 for no citation. */
gint64 pa_loader_document_id (PaLoader *l, const char *seed, JsonObject *doc, GError **error);
gint64 pa_loader_citation_id (PaLoader *l, JsonObject *cit, GError **error);
gint64 pa_loader_industry_id (PaLoader *l, const char *name, GError **error);

/* Loads every plan listed in plans.list: the GResource's, or @l->plans_dir's. */
gboolean pa_store_insert_plans (PaLoader *l, GError **error);
/* Loads one plan from the JSON text @data; @file ("yantai.json") names it in messages. */
gboolean pa_store_insert_plan_data (PaLoader *l, const char *file, const char *data, gsize len,
                                    int order, GError **error);

G_END_DECLS
