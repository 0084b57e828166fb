/* pa-store-private.h — what the store's own files share */
#pragma once

#include <sqlite3.h>

#include "pa-store.h"

G_BEGIN_DECLS

sqlite3 *pa_store_get_db (PaStore *self);
gboolean pa_store_exec (sqlite3 *db, const char *sql, GError **error);
sqlite3_stmt *pa_store_prepare (sqlite3 *db, const char *sql, GError **error);
gboolean pa_store_step_done (sqlite3 *db, sqlite3_stmt *stmt, GError **error);
void pa_store_register_functions (sqlite3 *db);
/* Creates the schema and fills it with the default content, in @db (empty). */
gboolean pa_store_populate_defaults (sqlite3 *db, const PaStoreDefaults *defaults, GError **error);
/* Runs the migrations after @from up to PA_STORE_SCHEMA_VERSION. */
gboolean pa_store_migrate (sqlite3 *db, int from, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
