/* pa-source.h — a source document as a reader knows it: title, issuer, date.
 *
 * A plain immutable record shared by reference between a plan and its citations. The
 * file the text was read from (the seed) is kept for reviewers — tooltips, the database —
 * but what a planner reads is the document's title, or, for a document without one, a
 * description made from what the text says of itself (shown as a description, without
 * the book-title marks 《》 that would dress it as a title).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  gatomicrefcount ref;
  gint64 id;
  char *seed;        /* file name the text was read from */
  char *title;       /* the document's own title, NULL where it has none */
  char *short_title; /* short form of a long title (NULL: the title is short enough) */
  char *description; /* for a document without a title: what the text says it is */
  char *issuer;
  char *date;        /* ISO date, where the document gives one */
  char *number;      /* 文号, where the document has one */
} PaSource;

#define PA_TYPE_SOURCE (pa_source_get_type ())
GType pa_source_get_type (void) G_GNUC_CONST;

PaSource *pa_source_new (gint64 id, const char *seed);
PaSource *pa_source_ref (PaSource *self);
void pa_source_unref (PaSource *self);

/* "《title》" (its short form with @brief), or the description; never the file name
 * unless the database knows nothing else about the document. */
char *pa_source_dup_name (const PaSource *self, gboolean brief);
/* "《title》, issuer, date" (separators of the interface language). */
char *pa_source_dup_reference (const PaSource *self);
/* The same with @separator: a figure in a language other than the interface's. */
char *pa_source_dup_reference_with (const PaSource *self, const char *separator);
/* Several lines for a tooltip: full title or description, issuer, date, number, file. */
char *pa_source_dup_details (const PaSource *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaSource, pa_source_unref)

G_END_DECLS
