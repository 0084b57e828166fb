/* pa-atomic-file.h — writing a file the user named without debris or silent replacement.
 *
 * The content goes to a temporary file beside the target, named for this host and
 * process (TARGET.partial-HOST-PID-XXXXXX), then is moved into place. Opening one first
 * removes the temporaries that dead processes of this host left (a kill, a power cut);
 * a symlink is followed, so the file it points to is written and the link kept; and the
 * move refuses when the target appeared or changed since the write began (another export
 * or program wrote it meanwhile) rather than overwrite it unseen. No GTK, no SQL.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PaAtomicFile PaAtomicFile;

/* Creates the (empty) temporary file. G_FILE_ERROR on failure. */
PaAtomicFile *pa_atomic_file_new (const char *path, GError **error);
/* Where to write the content (it exists, empty, until the caller writes it). */
const char *pa_atomic_file_get_temp_path (PaAtomicFile *self);
/* The file that will be replaced or created: @path with its symlinks followed. */
const char *pa_atomic_file_get_target (PaAtomicFile *self);
/* Flushes the temporary file to disk and moves it into place. Fails with G_FILE_ERROR_EXIST
 * when the target appeared since pa_atomic_file_new(), or changed (another writer), and
 * then leaves the target as it is. */
gboolean pa_atomic_file_commit (PaAtomicFile *self, GError **error);
/* Removes the temporary file unless it was committed. */
void pa_atomic_file_free (PaAtomicFile *self);
/* Removes the temporaries of @path (and their SQLite journals) left by processes of this
 * host that are no longer running. */
void pa_atomic_file_clean_stale (const char *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaAtomicFile, pa_atomic_file_free)

G_END_DECLS
