/* pa-target-item.c */
#include "pa-target-item.h"

struct _PaTargetItem
{
  GObject parent_instance;
  PaTarget *target;
};

G_DEFINE_FINAL_TYPE (PaTargetItem, pa_target_item, G_TYPE_OBJECT)

static void
pa_target_item_finalize (GObject *object)
{
  g_clear_pointer (&PA_TARGET_ITEM (object)->target, pa_target_unref);
  G_OBJECT_CLASS (pa_target_item_parent_class)->finalize (object);
}

static void
pa_target_item_class_init (PaTargetItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pa_target_item_finalize;
}

static void
pa_target_item_init (PaTargetItem *self)
{
}

PaTargetItem *
pa_target_item_new (PaTarget *target)
{
  PaTargetItem *self = g_object_new (PA_TYPE_TARGET_ITEM, NULL);
  self->target = pa_target_ref (target);
  return self;
}

PaTarget *
pa_target_item_get_target (PaTargetItem *self)
{
  return self->target;
}
