/* pa-store-private.h — what the store's own files share */
#pragma once

#include <sqlite3.h>

#include "pa-change-private.h"
#include "pa-store.h"

G_BEGIN_DECLS

sqlite3 *pa_store_get_db (PaStore *self);
gboolean pa_store_exec (sqlite3 *db, const char *sql, GError **error);
sqlite3_stmt *pa_store_prepare (sqlite3 *db, const char *sql, GError **error);
/* The same statement each time for the same @sql, kept for the life of the store (never
 * finalize it; it is handed out reset): the row writers build the same few statements for
 * every row, and an import writes a hundred thousand rows. Reset it after use (or hold it
 * in a g_autoptr (PaStoreStmt)); not re-entrant: one use of a statement at a time. */
sqlite3_stmt *pa_store_prepare_cached (PaStore *self, const char *sql, GError **error);
gboolean pa_store_step_done (sqlite3 *db, sqlite3_stmt *stmt, GError **error);

typedef enum
{
  PA_STEP_ERROR = -1,
  PA_STEP_DONE = 0,
  PA_STEP_ROW = 1,
} PaStep;

/* One sqlite3_step that tells a row, the end of the rows and a failure apart: a scan
 * that meets SQLITE_BUSY or SQLITE_CORRUPT midway reports it instead of looking as if
 * the data ended there. */
PaStep pa_store_step (sqlite3_stmt *stmt, GError **error);
/* Text of column @i as the app can show it, or NULL for SQL NULL: bytes that are not UTF-8
 * are replaced (U+FFFD) and text too long to lay out is cut with "…", each with a warning
 * naming the file, table and column. Valid text is SQLite's own (valid until the next step);
 * a repaired one stays valid for 2048 more repaired texts, at least as long. */
const char *pa_store_column_text (sqlite3_stmt *stmt, int i);
typedef enum
{
  PA_SQLITE_FILE_UNREADABLE, /* @error says why, naming the file */
  PA_SQLITE_FILE_EMPTY,
  PA_SQLITE_FILE_OTHER,
  PA_SQLITE_FILE_SQLITE,
} PaSqliteFile;

/* What the first bytes of @path are. SQLite opens anything lazily and an empty file as an
 * empty database: readers of other programs' files look first, so a wrong file is named
 * as such before any query. */
PaSqliteFile pa_store_sniff_file (const char *path, GError **error);
/* The name to open another program's file by, read-only: @path, or for a database in WAL
 * mode with no -wal beside it an immutable URI (adding SQLITE_OPEN_URI to @flags), since
 * SQLite would otherwise leave a -wal and a -shm beside a file it only read. */
char *pa_store_readonly_open_name (const char *path, int *flags);
/* Sets @error from the database's last result code, with @what as context. */
void pa_store_set_sql_error (sqlite3 *db, int rc, GError **error, const char *what);
void pa_store_register_functions (sqlite3 *db);
/* Creates the schema and fills it with the default content, in @db (empty). */
gboolean pa_store_populate_defaults (sqlite3 *db, const PaStoreDefaults *defaults, GError **error);
/* Runs the migrations after @from up to PA_STORE_SCHEMA_VERSION. */
gboolean pa_store_migrate (sqlite3 *db, int from, GError **error);

/* Copies the basemap layers of the set-up's basemap.gpkg at @path into @db (schema 4),
 * replacing what the layers held, in one transaction of its own. */
gboolean pa_store_import_basemap (sqlite3 *db, const char *path, GError **error);
/* Gives @db the basemap layers when it has none and the file is found; a failure is
 * logged (the map then draws the land table), never fatal. */
void pa_store_ensure_basemap (sqlite3 *db, const char *db_path);
/* Reads the basemap layers into @map (a feature that cannot be drawn is logged and left out). */
gboolean pa_store_read_basemap_layers (sqlite3 *db, const char *db_path, PaBasemap *map, GError **error);

/* gpkg_contents' extent of each feature table in @tables (NULL-terminated), from its R*Tree. */
gboolean pa_store_update_extents (sqlite3 *db, const char *const *tables, GError **error);

/* Row writes that are recorded in @change (pa-store-change.c). @values are GVariants
 * (int64 'x', double 'd', string 's', bytes 'ay'; floating ones are sunk) or NULL for SQL
 * NULL. An update of a row that does not exist is PA_STORE_ERROR_CONFLICT. */
gint64 pa_store_row_insert (PaStore *self, PaChange *change, const char *table,
                            const char *const *columns, GVariant **values, GError **error);
gboolean pa_store_row_update (PaStore *self, PaChange *change, const char *table, gint64 id,
                              const char *const *columns, GVariant **values, GError **error);
gboolean pa_store_row_delete (PaStore *self, PaChange *change, const char *table, gint64 id,
                              GError **error);
/* Column @i of @s's row as an owned GVariant (int64, double, string, bytes), NULL for NULL. */
GVariant *pa_store_column_value (sqlite3_stmt *s, int i);
/* Equal values, an integer and a double of the same number included; NULL is SQL NULL. */
gboolean pa_store_values_equal (GVariant *a, GVariant *b);
void pa_store_variant_unref0 (gpointer v);
/* Reads @column of row @id of @table (NULL for SQL NULL or no such row). */
GVariant *pa_store_row_get (PaStore *self, const char *table, gint64 id, const char *column,
                            GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A cached statement (pa_store_prepare_cached) borrowed for a scope: g_autoptr resets it
 * at the end instead of finalizing it, so it holds no read snapshot open. */
typedef sqlite3_stmt PaStoreStmt;
static inline void
pa_store_stmt_release (PaStoreStmt *stmt)
{
  sqlite3_reset (stmt);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaStoreStmt, pa_store_stmt_release)

G_END_DECLS
