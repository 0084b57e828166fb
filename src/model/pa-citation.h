/* pa-citation.h — where a fact comes from: a source document, its section, the sentence.
 *
 * A plain immutable record shared by reference between zones, targets and organisations.
 * Show it with pa_citation_dup_reference(): the document by its title, never its file.
 */
#pragma once

#include <glib-object.h>

#include "pa-source.h"

G_BEGIN_DECLS

typedef struct
{
  gatomicrefcount ref;
  gint64 id;
  PaSource *source; /* the document (may be NULL for a citation made up in a test) */
  char *seed;       /* file name of the source document (source->seed) */
  char *section; /* heading path in the document */
  char *quote;   /* the sentence, verbatim */
} PaCitation;

#define PA_TYPE_CITATION (pa_citation_get_type ())
GType pa_citation_get_type (void) G_GNUC_CONST;

PaCitation *pa_citation_new (gint64 id, PaSource *source, const char *section, const char *quote);
/* "《title》, section" — @brief takes the short form of a long title. */
char *pa_citation_dup_reference (const PaCitation *self, gboolean brief);
/* The same with @separator: a figure in a language other than the interface's. */
char *pa_citation_dup_reference_with (const PaCitation *self, gboolean brief, const char *separator);
PaCitation *pa_citation_ref (PaCitation *self);
void pa_citation_unref (PaCitation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaCitation, pa_citation_unref)

G_END_DECLS
