/* pa-programme.h — a programme or task of a plan (工程, 任务, 重点区域 …) and who leads it.
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
  char *kind;        /* 工程 / 任务 / 重点区域 / 保障措施 …; may be NULL */
  char *lead;        /* lead departments joined with "、"; may be NULL */
  char *responsible; /* responsible units joined with "、"; may be NULL */
  char *zone_key;    /* may be NULL */
  PaCitation *citation;
} PaProgramme;

#define PA_TYPE_PROGRAMME (pa_programme_get_type ())
GType pa_programme_get_type (void) G_GNUC_CONST;

PaProgramme *pa_programme_new (void);
PaProgramme *pa_programme_ref (PaProgramme *self);
void pa_programme_unref (PaProgramme *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaProgramme, pa_programme_unref)

G_END_DECLS
