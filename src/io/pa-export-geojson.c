/* pa-export-geojson.c — writing a plan as GeoJSON, by hand: json-glib would print every
 * coordinate with seventeen digits, and RFC 7946 asks for ring orientation */
#include "config.h"

#include "pa-export-geojson.h"

#include <glib/gi18n.h>
#include <math.h>

#include "geo/pa-geojson.h"
#include "render/pa-exporter.h"

static void
append_string (GString *out, const char *s)
{
  if (!s)
    {
      g_string_append (out, "null");
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      guchar c = (guchar) *p;
      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

static void
append_member (GString *out, const char *name, const char *value)
{
  g_string_append_printf (out, ",\"%s\":", name);
  append_string (out, value && *value ? value : NULL);
}

static void
append_zone (GString *out, PaPlan *plan, PaZone *zone, gboolean *first)
{
  PaGeometry *g = pa_zone_get_geometry (zone);

  g_string_append (out, *first ? "\n" : ",\n");
  *first = FALSE;
  g_string_append (out, "{\"type\":\"Feature\",\"id\":");
  append_string (out, pa_zone_get_key (zone));
  g_string_append (out, ",\"properties\":{\"kind\":\"zone\"");
  append_member (out, "name", pa_zone_get_name (zone));
  append_member (out, "role", pa_zone_get_role (zone));
  append_member (out, "role_label", pa_plan_lookup_role_label (plan, pa_zone_get_role (zone)));
  append_member (out, "places", pa_zone_get_places (zone));
  g_string_append (out, ",\"industries\":[");
  for (guint i = 0; i < pa_zone_get_n_industries (zone); i++)
    {
      if (i)
        g_string_append_c (out, ',');
      append_string (out, pa_zone_get_industry (zone, i, NULL));
    }
  g_string_append_c (out, ']');
  append_member (out, "note", pa_zone_get_note (zone));
  append_member (out, "entered_by", pa_zone_get_entered_by (zone));
  g_string_append (out, "},\"geometry\":");
  if (g && !pa_geometry_is_empty (g))
    pa_geojson_append_multipolygon (out, g);
  else
    g_string_append (out, "null");
  g_string_append_c (out, '}');
}

static void
append_organisation (GString *out, PaPlan *plan, PaOrganisation *o, gboolean *first)
{
  PaZone *zone = o->zone_key ? pa_plan_find_zone (plan, o->zone_key) : NULL;

  g_string_append (out, *first ? "\n" : ",\n");
  *first = FALSE;
  g_string_append (out, "{\"type\":\"Feature\",\"properties\":{\"kind\":");
  append_string (out, o->kind);
  append_member (out, "name", o->name);
  append_member (out, "role", o->role);
  append_member (out, "industry", o->industry);
  append_member (out, "zone", zone ? pa_zone_get_name (zone) : NULL);
  append_member (out, "responsible", o->responsible);
  append_member (out, "entered_by", o->entered_by);
  g_string_append (out, "},\"geometry\":");
  pa_geojson_append_point (out, o->lon, o->lat);
  g_string_append_c (out, '}');
}

char *
pa_export_plan_geojson (PaPlan *plan)
{
  g_autoptr (GString) out = g_string_new ("{\"type\":\"FeatureCollection\",\"name\":");
  GListModel *zones;
  GPtrArray *orgs;
  gboolean first = TRUE;

  g_return_val_if_fail (PA_IS_PLAN (plan), NULL);
  zones = pa_plan_get_zones (plan);
  orgs = pa_plan_get_organisations (plan);
  append_string (out, pa_plan_get_name (plan));
  g_string_append (out, ",\"features\":[");
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      append_zone (out, plan, z, &first);
    }
  for (guint i = 0; orgs && i < orgs->len; i++)
    {
      PaOrganisation *o = orgs->pdata[i];
      if (!isnan (o->lon) && !isnan (o->lat))
        append_organisation (out, plan, o, &first);
    }
  g_string_append (out, "\n]}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
pa_export_plan_geojson_file (PaPlan *plan, const char *path, GError **error)
{
  g_autofree char *text = pa_export_plan_geojson (plan);

  return pa_export_write_text (path, text, error);
}
