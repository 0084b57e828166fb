/* pa-change.c */
#include "pa-change-private.h"

G_DEFINE_BOXED_TYPE (PaChange, pa_change, pa_change_ref, pa_change_unref)

static void
value_unref0 (gpointer v)
{
  if (v)
    g_variant_unref (v);
}

static void
op_free (gpointer p)
{
  PaRowOp *op = p;
  g_free (op->table);
  g_ptr_array_unref (op->columns);
  g_ptr_array_unref (op->before);
  g_ptr_array_unref (op->after);
  g_free (op);
}

PaChange *
pa_change_new (const char *label)
{
  PaChange *self = g_new0 (PaChange, 1);
  g_atomic_ref_count_init (&self->ref);
  self->label = g_strdup (label);
  self->ops = g_ptr_array_new_with_free_func (op_free);
  self->zone = -1;
  return self;
}

PaChange *
pa_change_ref (PaChange *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
pa_change_unref (PaChange *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref))
    {
      g_free (self->label);
      g_free (self->plan_before);
      g_free (self->plan_after);
      g_ptr_array_unref (self->ops);
      g_free (self);
    }
}

const char *
pa_change_get_label (const PaChange *self)
{
  return self->label;
}

guint
pa_change_get_n_rows (const PaChange *self)
{
  return self->ops->len;
}

gint64
pa_change_get_zone (const PaChange *self)
{
  return self->wide || self->zone < 0 ? 0 : self->zone;
}

gint64
pa_change_get_inserted (const PaChange *self, const char *table)
{
  for (guint i = 0; i < self->ops->len; i++)
    {
      PaRowOp *op = self->ops->pdata[i];
      if (op->kind == PA_ROW_INSERT && g_str_equal (op->table, table))
        return op->rowid;
    }
  return 0;
}

PaRowOp *
pa_change_add_op (PaChange *self, PaRowOpKind kind, const char *table, gint64 rowid)
{
  PaRowOp *op = g_new0 (PaRowOp, 1);
  op->kind = kind;
  op->table = g_strdup (table);
  op->rowid = rowid;
  op->columns = g_ptr_array_new_with_free_func (g_free);
  op->before = g_ptr_array_new_with_free_func (value_unref0);
  op->after = g_ptr_array_new_with_free_func (value_unref0);
  g_ptr_array_add (self->ops, op);
  return op;
}

void
pa_change_note_zone (PaChange *self, gint64 zone)
{
  if (zone <= 0 || (self->zone > 0 && self->zone != zone))
    self->wide = TRUE;
  else
    self->zone = zone;
}

gboolean
pa_change_touches (const PaChange *self, const char *table)
{
  for (guint i = 0; i < self->ops->len; i++)
    if (g_str_equal (((PaRowOp *) self->ops->pdata[i])->table, table))
      return TRUE;
  return FALSE;
}

void
pa_change_set_plans (PaChange *self, const char *before, const char *after)
{
  g_free (self->plan_before);
  g_free (self->plan_after);
  self->plan_before = g_strdup (before);
  self->plan_after = g_strdup (after);
}

const char *
pa_change_get_plan_before (const PaChange *self)
{
  return self->plan_before;
}

const char *
pa_change_get_plan_after (const PaChange *self)
{
  return self->plan_after;
}
