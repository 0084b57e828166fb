/* pa-organisation-item.h — an enterprise, institution or platform as a list item */
#pragma once

#include <glib-object.h>

#include "model/pa-organisation.h"

G_BEGIN_DECLS

#define PA_TYPE_ORGANISATION_ITEM (pa_organisation_item_get_type ())
G_DECLARE_FINAL_TYPE (PaOrganisationItem, pa_organisation_item, PA, ORGANISATION_ITEM, GObject)

PaOrganisationItem *pa_organisation_item_new (PaOrganisation *organisation);
PaOrganisation *pa_organisation_item_get_organisation (PaOrganisationItem *self);

G_END_DECLS
