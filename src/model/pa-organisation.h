/* pa-organisation.h — an enterprise, institution or platform a plan names.
 *
 * A plain immutable record; zone_key is set only where the text ties it to a zone.
 */
#pragma once

#include "pa-citation.h"

G_BEGIN_DECLS

typedef struct
{
  gatomicrefcount ref;
  gint64 id;
  char *name;
  char *kind;        /* enterprise / institution / platform */
  char *role;        /* 链主企业, 重大公共服务平台 … ; may be NULL */
  char *responsible; /* responsible units joined with "、"; may be NULL */
  char *industry;    /* its industry, where a planner or an import gives one; may be NULL */
  char *zone_key;    /* may be NULL */
  double lon, lat;   /* where it is, when a planner placed it; NAN otherwise */
  PaCitation *citation;
  /* Provenance: who entered or last changed it (NULL: as the document states it), and
   * the document's own values of the fields a planner changed (column → text; may be NULL). */
  char *entered_by;
  char *entered_at;
  GHashTable *document_values;
} PaOrganisation;

#define PA_TYPE_ORGANISATION (pa_organisation_get_type ())
GType pa_organisation_get_type (void) G_GNUC_CONST;

PaOrganisation *pa_organisation_new (void);
PaOrganisation *pa_organisation_ref (PaOrganisation *self);
void pa_organisation_unref (PaOrganisation *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaOrganisation, pa_organisation_unref)

G_END_DECLS
