/* pa-change-private.h — the rows of a PaChange (store-internal) */
#pragma once

#include "pa-change.h"

G_BEGIN_DECLS

typedef enum
{
  PA_ROW_INSERT,
  PA_ROW_UPDATE,
  PA_ROW_DELETE,
} PaRowOpKind;

typedef struct
{
  PaRowOpKind kind;
  char *table;
  gint64 rowid;
  GPtrArray *columns; /* char* */
  GPtrArray *before;  /* GVariant* or NULL for SQL NULL; UPDATE and DELETE */
  GPtrArray *after;   /* INSERT and UPDATE */
} PaRowOp;

struct _PaChange
{
  gatomicrefcount ref;
  char *label;
  GPtrArray *ops;   /* PaRowOp, in the order they were made */
  gint64 zone;      /* see pa_change_get_zone; -1 before any zone was noted */
  gboolean wide;    /* reaches beyond one zone */
  char *plan_before, *plan_after;
  /* The next zones.sort_order of plan order_plan, once an added zone has read it: the
   * change holds the write lock, so no one else adds zones meanwhile, and an import of
   * thousands of zones does not scan the plan's zones for each (0: not read yet). */
  gint64 order_plan, next_order;
};

PaChange *pa_change_new (const char *label);
PaRowOp *pa_change_add_op (PaChange *self, PaRowOpKind kind, const char *table, gint64 rowid);
/* Notes that the change touches @zone (0: something that is not one zone's own). */
void pa_change_note_zone (PaChange *self, gint64 zone);

G_END_DECLS
