/* pa-citation.h — where a fact comes from: a seed document, its section, the sentence.
 *
 * A plain immutable record shared by reference between zones, targets and organisations.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct
{
  gatomicrefcount ref;
  gint64 id;
  char *seed;    /* file name of the source document */
  char *section; /* heading path in the document */
  char *quote;   /* the sentence, verbatim */
} PaCitation;

#define PA_TYPE_CITATION (pa_citation_get_type ())
GType pa_citation_get_type (void) G_GNUC_CONST;

PaCitation *pa_citation_new (gint64 id, const char *seed, const char *section, const char *quote);
PaCitation *pa_citation_ref (PaCitation *self);
void pa_citation_unref (PaCitation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaCitation, pa_citation_unref)

G_END_DECLS
