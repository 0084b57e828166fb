/* pa-test-util.h — what the test programs share: a fresh database, peers' files, seeds */
#pragma once

#include "document/pa-document.h"
#include "store/pa-store.h"

G_BEGIN_DECLS

/* A new temporary folder, removed at exit; returns a path inside it. */
char *pa_test_temp_path (const char *name);
/* A store created from the default content in a temporary folder (once per program). */
PaStore *pa_test_default_store (void);
/* A copy of the default store's file named @name in the temporary folder (to edit). */
char *pa_test_copy_default_store (const char *name);
/* The first column of the first row of @sql on @path, read-only (-1 / NULL for no row). */
int pa_test_query_int (const char *path, const char *sql);
char *pa_test_query_text (const char *path, const char *sql);
/* A copy of the default store named @name, opened, with a document showing @slug. */
void pa_test_open_copy (const char *name, const char *slug, char **path, PaStore **store,
                        PaDocument **document);
/* A file in shared/testdata or shared/seeds: $PARKATLAS_SHARED or ../shared beside the
 * checkout; NULL (and the test skipped) when that folder is not on this machine. */
char *pa_test_shared_file (const char *folder, const char *name);
/* SHA-256 of a file's bytes, to prove a file was left untouched. */
char *pa_test_file_checksum (const char *path);
/* The parkatlas executable under test ($PARKATLAS_EXE, set by meson). */
const char *pa_test_exe (void);
/* How many entries @dir holds (0 when it cannot be read). */
guint pa_test_count_files (const char *dir);
/* Runs argv; returns the exit status and the output. */
int pa_test_run (const char *const *argv, char **out, char **err);

G_END_DECLS
