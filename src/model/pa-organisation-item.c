/* pa-organisation-item.c */
#include "pa-organisation-item.h"

struct _PaOrganisationItem
{
  GObject parent_instance;
  PaOrganisation *organisation;
};

G_DEFINE_FINAL_TYPE (PaOrganisationItem, pa_organisation_item, G_TYPE_OBJECT)

static void
pa_organisation_item_finalize (GObject *object)
{
  g_clear_pointer (&PA_ORGANISATION_ITEM (object)->organisation, pa_organisation_unref);
  G_OBJECT_CLASS (pa_organisation_item_parent_class)->finalize (object);
}

static void
pa_organisation_item_class_init (PaOrganisationItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pa_organisation_item_finalize;
}

static void
pa_organisation_item_init (PaOrganisationItem *self)
{
}

PaOrganisationItem *
pa_organisation_item_new (PaOrganisation *organisation)
{
  PaOrganisationItem *self = g_object_new (PA_TYPE_ORGANISATION_ITEM, NULL);
  self->organisation = pa_organisation_ref (organisation);
  return self;
}

PaOrganisation *
pa_organisation_item_get_organisation (PaOrganisationItem *self)
{
  return self->organisation;
}
