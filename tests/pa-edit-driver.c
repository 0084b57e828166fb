/* pa-edit-driver.c — makes the scripted edits of pa-edit-script.h, for test-crash-safety
 * to kill at random points.
 *
 *   pa-edit-driver DB_PATH START_INDEX COUNT
 *
 * Opens DB_PATH through PaDocument on plan "yantai", prints "ready", then makes edits
 * START … START+COUNT-1: prints "+N" as edit N begins and "N" once it has returned (so
 * once it is committed). An edit already in the file — committed by a run killed before
 * it could say so — is not made again, only reported: a run that is always killed while
 * the plan is reloaded after its first edit (a slow sanitizer build) still gets further.
 * Any failure: the error on stderr, exit 1.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "document/pa-document.h"
#include "pa-edit-script.h"

static PaZone *
find_zone (PaDocument *doc, const char *name)
{
  GListModel *zones = pa_document_get_zones (doc);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      if (g_str_equal (pa_zone_get_name (z), name))
        return z; /* the document's model holds it */
    }
  return NULL;
}

static gboolean
zone_has_industry (PaZone *zone, const char *name)
{
  for (guint i = 0; i < pa_zone_get_n_industries (zone); i++)
    if (g_str_equal (pa_zone_get_industry (zone, i, NULL), name))
      return TRUE;
  return FALSE;
}

static gboolean
zone_has_target (PaZone *zone, const char *indicator)
{
  GPtrArray *targets = pa_zone_get_targets (zone);
  for (guint i = 0; i < targets->len; i++)
    if (g_strcmp0 (((PaTarget *) targets->pdata[i])->indicator, indicator) == 0)
      return TRUE;
  return FALSE;
}

static PaOrganisation *
find_organisation (PaDocument *doc, const char *name)
{
  GPtrArray *orgs = pa_plan_get_organisations (pa_document_get_plan (doc));
  for (guint i = 0; i < orgs->len; i++)
    if (g_strcmp0 (((PaOrganisation *) orgs->pdata[i])->name, name) == 0)
      return orgs->pdata[i];
  return NULL;
}

/* Makes edit @n unless it is already in the file. */
static gboolean
run_edit (PaDocument *doc, gint64 n, GError **error)
{
  gint64 b = pa_edit_group (n);
  g_autofree char *zone_name = g_strdup_printf ("区-%" G_GINT64_FORMAT, b);
  PaZone *zone = find_zone (doc, zone_name);
  double lon, lat;

  if (pa_edit_kind (n) == PA_EDIT_ADD_ZONE)
    {
      g_autoptr (PaGeometry) square = NULL;
      if (zone)
        return TRUE;
      pa_edit_centre (b, &lon, &lat);
      square = pa_edit_square (lon, lat, PA_EDIT_SMALL_KM);
      return pa_document_add_zone (doc, zone_name, "feature", square, error) != NULL;
    }
  if (!zone)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, "no zone %s", zone_name);
      return FALSE;
    }
  switch (pa_edit_kind (n))
    {
    case PA_EDIT_NOTE:
      {
        g_autofree char *note = g_strdup_printf ("edit-%" G_GINT64_FORMAT, n);
        return g_strcmp0 (pa_zone_get_note (zone), note) == 0
               || pa_document_set_zone_field (doc, zone, "note", note, error);
      }
    case PA_EDIT_INDUSTRY:
      {
        g_autofree char *name = g_strdup_printf ("产业-%" G_GINT64_FORMAT, n);
        return zone_has_industry (zone, name) || pa_document_add_industry (doc, zone, name, error);
      }
    case PA_EDIT_TARGET:
      {
        g_autoptr (PaTarget) t = pa_target_new ();
        t->indicator = g_strdup_printf ("指标-%" G_GINT64_FORMAT, n);
        t->comparator = g_strdup ("达到");
        t->value = (double) n;
        t->unit = g_strdup ("亿元");
        t->year = 2030;
        return zone_has_target (zone, t->indicator) || pa_document_add_target (doc, zone, t, error);
      }
    case PA_EDIT_ORGANISATION:
      {
        g_autoptr (PaOrganisation) o = pa_organisation_new ();
        o->name = g_strdup_printf ("企业-%" G_GINT64_FORMAT, n);
        o->kind = g_strdup ("enterprise");
        pa_edit_site (n, &o->lon, &o->lat);
        return find_organisation (doc, o->name) || pa_document_add_organisation (doc, zone, o, error);
      }
    case PA_EDIT_RESHAPE:
      {
        g_autoptr (PaGeometry) square = NULL;
        pa_edit_centre (b, &lon, &lat);
        square = pa_edit_square (lon, lat, PA_EDIT_LARGE_KM);
        if (pa_zone_get_n_parts (zone) > 0 && pa_geometry_equal (pa_zone_get_part_info (zone, 0)->geometry, square))
          return TRUE;
        return pa_document_set_part_outline (doc, zone, 0, square, error);
      }
    default:
      {
        g_autofree char *name = g_strdup_printf ("企业-%" G_GINT64_FORMAT, b + PA_EDIT_ORGANISATION);
        PaOrganisation *org = find_organisation (doc, name);
        if (!org)
          {
            g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID, "no enterprise %s", name);
            return FALSE;
          }
        pa_edit_site (n, &lon, &lat);
        return (org->lon == lon && org->lat == lat) || pa_document_place_organisation (doc, org, lon, lat, error);
      }
    }
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaDocument) doc = NULL;
  gint64 start, count;

  if (argc != 4)
    {
      fprintf (stderr, "usage: %s DB_PATH START_INDEX COUNT\n", argv[0]);
      return 2;
    }
  start = g_ascii_strtoll (argv[2], NULL, 10);
  count = g_ascii_strtoll (argv[3], NULL, 10);
  store = pa_store_open (argv[1], NULL, &error);
  if (!store)
    goto fail;
  doc = pa_document_new (store);
  if (!pa_document_open_plan (doc, "yantai", &error))
    goto fail;
  /* the test times its kill from here, so kills land among the edits in a slow build too */
  fputs ("ready\n", stdout);
  fflush (stdout);
  for (gint64 n = start; n < start + count; n++)
    {
      /* "+N": edit N has begun; it tells the test where the kill landed */
      printf ("+%" G_GINT64_FORMAT "\n", n);
      fflush (stdout);
      if (!run_edit (doc, n, &error))
        {
          g_prefix_error (&error, "edit %" G_GINT64_FORMAT ": ", n);
          goto fail;
        }
      /* the edit is committed: only now may the test count on it */
      printf ("%" G_GINT64_FORMAT "\n", n);
      fflush (stdout);
    }
  return 0;

fail:
  fprintf (stderr, "%s: %s\n", argv[1], error->message);
  return 1;
}
