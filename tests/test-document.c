/* test-document.c — editing through PaDocument: every edit written at once, in one
 * transaction, with its provenance; undone and redone exactly; refused when invalid
 * or when another program got there first — and the file left as it was. */
#include "config.h"

#include <math.h>
#include <sqlite3.h>

#include "document/pa-document.h"
#include "document/pa-plan-diff.h"
#include "geo/pa-geodesic.h"
#include "store/pa-store-edit.h"
#include "pa-test-util.h"

typedef struct
{
  char *path;
  PaStore *store;
  PaDocument *doc;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer slug)
{
  static int n;
  g_autofree char *name = g_strdup_printf ("edit-%d.gpkg", ++n);
  pa_test_open_copy (name, slug ? slug : "yantai", &f->path, &f->store, &f->doc);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->doc);
  g_clear_object (&f->store);
  g_free (f->path);
}

static PaZone *
zone_named (PaDocument *doc, const char *prefix)
{
  GListModel *zones = pa_document_get_zones (doc);
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      if (g_str_has_prefix (pa_zone_get_name (z), prefix))
        return z;
    }
  return NULL;
}

/* Reopens the file from scratch, as after a restart, and loads the plan again. */
static PaPlan *
reload_from_disk (const char *path, const char *slug)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = pa_store_open (path, NULL, &error);
  PaPlan *plan;
  g_assert_no_error (error);
  plan = pa_store_load_plan (store, slug, &error);
  g_assert_no_error (error);
  return plan;
}

/* A square of @half_km around (lon, lat), anticlockwise. */
static PaGeometry *
square (double lon, double lat, double half_km)
{
  PaGeometry *g = pa_geometry_new ();
  double dlat = half_km / 111.32, dlon = half_km / (111.32 * cos (lat * G_PI / 180));
  pa_geometry_begin_polygon (g);
  pa_geometry_begin_ring (g);
  pa_geometry_add_point (g, lon - dlon, lat - dlat);
  pa_geometry_add_point (g, lon + dlon, lat - dlat);
  pa_geometry_add_point (g, lon + dlon, lat + dlat);
  pa_geometry_add_point (g, lon - dlon, lat + dlat);
  pa_geometry_add_point (g, lon - dlon, lat - dlat);
  return g;
}

static void
count_notify (GObject *object, GParamSpec *pspec, int *count)
{
  (*count)++;
}

/* Renaming a cited zone: written at once, the same PaZone notifies, the planner and the
 * document's own name are both kept; undo and redo go back and forth. */
static void
test_rename_zone_persists_with_provenance (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  PaZone *zone = zone_named (f->doc, "高端药械");
  g_autofree char *original = NULL;
  int notified = 0;

  g_assert_nonnull (zone);
  original = g_strdup (pa_zone_get_name (zone));
  g_assert_null (pa_zone_get_entered_by (zone));
  g_signal_connect (zone, "notify::name", G_CALLBACK (count_notify), &notified);
  g_assert_true (pa_document_set_zone_field (f->doc, zone, "name", "高端药械集聚发展区（扩区）", &error));
  g_assert_no_error (error);
  g_assert_cmpint (notified, ==, 1);
  g_assert_true (zone_named (f->doc, "高端药械") == zone); /* same object, new name */
  g_assert_cmpstr (pa_zone_get_name (zone), ==, "高端药械集聚发展区（扩区）");
  g_assert_nonnull (pa_zone_get_entered_by (zone));
  g_assert_cmpstr (pa_zone_get_document_value (zone, "name"), ==, original);
  g_assert_true (pa_document_can_undo (f->doc));
  g_assert_cmpstr (pa_document_get_undo_label (f->doc), ==, "Rename zone");

  {
    g_autoptr (PaPlan) again = reload_from_disk (f->path, "yantai");
    PaZone *z = pa_plan_find_zone_by_id (again, pa_zone_get_id (zone));
    g_assert_cmpstr (pa_zone_get_name (z), ==, "高端药械集聚发展区（扩区）");
    g_assert_cmpstr (pa_zone_get_document_value (z, "name"), ==, original);
  }

  g_assert_true (pa_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pa_zone_get_name (zone), ==, original);
  g_assert_null (pa_zone_get_entered_by (zone));
  g_assert_null (pa_zone_get_document_value (zone, "name"));
  g_assert_cmpint (pa_test_query_int (f->path, "SELECT count(*) FROM document_values"), ==, 0);
  g_assert_true (pa_document_can_redo (f->doc));
  g_assert_true (pa_document_redo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pa_zone_get_name (zone), ==, "高端药械集聚发展区（扩区）");
  g_assert_cmpint (notified, ==, 3);
}

/* A form saved with every field, one of them changed: only that one becomes the
 * planner's; saving it again unchanged is no edit at all. */
static void
test_form_changes_only_what_changed (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  PaZone *zone = zone_named (f->doc, "高端原料药");
  const char *fields[] = { "name", "role", "places", "note", NULL };
  const char *values[] = { pa_zone_get_name (zone), pa_zone_get_role (zone), pa_zone_get_places (zone), "扩区研究中", NULL };
  g_autofree char *name = g_strdup (pa_zone_get_name (zone));

  values[0] = name;
  g_assert_true (pa_document_update_zone (f->doc, zone, fields, values, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_test_query_int (f->path, "SELECT count(*) FROM document_values"), ==, 1);
  g_assert_cmpstr (pa_zone_get_document_value (zone, "note"), ==, "");
  g_assert_null (pa_zone_get_document_value (zone, "name"));
  g_assert_cmpstr (pa_document_get_undo_label (f->doc), ==, "Edit zone");
  g_assert_true (pa_document_undo (f->doc, &error));
  g_assert_false (pa_document_can_undo (f->doc));
  /* the same values again: nothing to write, nothing to undo */
  values[3] = pa_zone_get_note (zone);
  g_assert_true (pa_document_update_zone (f->doc, zone, fields, values, &error));
  g_assert_false (pa_document_can_undo (f->doc));
}

/* A drawn X zone: one edit adds the zone and its outline; its area is right on the
 * ellipsoid; the file stays a GeoPackage GDAL reads; undo removes every row. */
static void
test_draw_zone_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaGeometry) outline = square (121.30, 37.45, 1.0);
  guint before = g_list_model_get_n_items (pa_document_get_zones (f->doc));
  int zones = pa_test_query_int (f->path, "SELECT count(*) FROM zones");
  int places = pa_test_query_int (f->path, "SELECT count(*) FROM zone_places");
  g_autofree char *changed_before = pa_test_query_text (f->path, "SELECT last_change FROM gpkg_contents WHERE table_name = 'zones'");
  g_autofree char *targets_before = pa_test_query_text (f->path, "SELECT last_change FROM gpkg_contents WHERE table_name = 'targets'");
  g_autofree char *changed_after = NULL, *targets_after = NULL;
  PaZone *zone;

  g_usleep (2000); /* last_change has millisecond resolution */
  zone = pa_document_add_zone (f->doc, "示例特色园", "feature", outline, &error);
  gint64 fid;
  const PaZonePart *part;
  g_autofree char *out = NULL, *err = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (zone);
  fid = pa_zone_get_id (zone);
  g_assert_true (pa_document_get_selected_zone (f->doc) == zone);
  g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_zones (f->doc)), ==, before + 1);
  g_assert_cmpuint (pa_zone_get_n_parts (zone), ==, 1);
  part = pa_zone_get_part_info (zone, 0);
  g_assert_cmpint (part->kind, ==, PA_PART_DRAWN);
  g_assert_nonnull (part->entered_by);
  g_assert_cmpfloat_with_epsilon (pa_geodesic_area_km2 (pa_zone_get_geometry (zone)), 4.0, 0.02);
  g_assert_cmpint (pa_test_query_int (f->path, "SELECT count(*) FROM zones"), ==, zones + 1);
  g_assert_cmpint (pa_test_query_int (f->path, "SELECT count(*) FROM rtree_zones_geom"), ==, zones + 1);
  /* QGIS learns from gpkg_contents which layers changed: zones did, targets did not */
  changed_after = pa_test_query_text (f->path, "SELECT last_change FROM gpkg_contents WHERE table_name = 'zones'");
  targets_after = pa_test_query_text (f->path, "SELECT last_change FROM gpkg_contents WHERE table_name = 'targets'");
  g_assert_cmpstr (changed_before, !=, changed_after);
  g_assert_cmpstr (targets_before, ==, targets_after);

  {
    const char *argv[] = { "ogrinfo", "-ro", "-q", "-sql", "SELECT name FROM zones WHERE name = '示例特色园'", f->path, NULL };
    int status = pa_test_run (argv, &out, &err);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "示例特色园"));
    g_assert_null (strstr (err, "ERROR"));
  }

  g_assert_true (pa_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_null (pa_document_get_selected_zone (f->doc));
  g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_zones (f->doc)), ==, before);
  g_assert_cmpint (pa_test_query_int (f->path, "SELECT count(*) FROM zones"), ==, zones);
  g_assert_cmpint (pa_test_query_int (f->path, "SELECT count(*) FROM zone_places"), ==, places);
  g_assert_cmpint (pa_test_query_int (f->path, "SELECT count(*) FROM rtree_zones_geom"), ==, zones);

  /* redo brings it back under the same fid */
  g_assert_true (pa_document_redo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_nonnull (pa_plan_find_zone_by_id (pa_document_get_plan (f->doc), fid));
}

/* A bow-tie outline is refused with where it crosses itself; nothing is written. */
static void
test_invalid_outline_refused (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaGeometry) bowtie = pa_geometry_new ();
  g_autofree char *before = pa_test_file_checksum (f->path);
  g_autofree char *after = NULL;
  PaZone *zone = zone_named (f->doc, "高端药械");

  pa_geometry_begin_polygon (bowtie);
  pa_geometry_begin_ring (bowtie);
  pa_geometry_add_point (bowtie, 121.0, 37.0);
  pa_geometry_add_point (bowtie, 121.2, 37.2);
  pa_geometry_add_point (bowtie, 121.2, 37.0);
  pa_geometry_add_point (bowtie, 121.0, 37.2);
  pa_geometry_add_point (bowtie, 121.0, 37.0);
  g_assert_null (pa_document_add_zone (f->doc, "交叉", "feature", bowtie, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Self-intersection"));
  g_assert_nonnull (strstr (error->message, "121.100000, 37.100000"));
  g_clear_error (&error);
  g_assert_false (pa_document_set_part_outline (f->doc, zone, 0, bowtie, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_assert_false (pa_document_can_undo (f->doc));
  after = pa_test_file_checksum (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* Deleting a zone takes its parts, industries, targets (and the sums they are in) with
 * it; undo brings every row back, and the audit says what it said before. */
static void
test_delete_zone_and_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  PaZone *zone = zone_named (f->doc, "高端药械");
  gint64 fid = pa_zone_get_id (zone);
  const char *tables[] = { "zones", "zone_places", "zone_industries", "targets", "target_sums",
                           "target_sum_parts", "organisations", "rtree_zones_geom" };
  int counts[G_N_ELEMENTS (tables)];
  guint findings = pa_document_get_findings (f->doc)->len;
  guint targets = g_list_model_get_n_items (pa_document_get_targets (f->doc));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      counts[i] = pa_test_query_int (f->path, sql);
    }
  g_assert_cmpuint (pa_zone_get_targets (zone)->len, >, 0);
  pa_document_select_zone (f->doc, zone);
  g_assert_true (pa_document_delete_zone (f->doc, zone, &error));
  g_assert_no_error (error);
  g_assert_null (pa_document_get_selected_zone (f->doc));
  g_assert_null (pa_plan_find_zone_by_id (pa_document_get_plan (f->doc), fid));
  g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_targets (f->doc)), <, targets);
  g_assert_cmpint (pa_test_query_int (f->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  g_assert_true (pa_document_undo (f->doc, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_assert_cmpint (pa_test_query_int (f->path, sql), ==, counts[i]);
    }
  g_assert_nonnull (pa_plan_find_zone_by_id (pa_document_get_plan (f->doc), fid));
  g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_targets (f->doc)), ==, targets);
  g_assert_cmpuint (pa_document_get_findings (f->doc)->len, ==, findings);
}

/* Changing a cited target keeps the document's value; the audit reruns. */
static void
test_edit_target_keeps_document_value (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  PaZone *zone = zone_named (f->doc, "高端药械");
  PaTarget *old = pa_zone_get_targets (zone)->pdata[0];
  g_autoptr (PaTarget) edited = pa_target_new ();
  int findings_notified = 0;
  PaTarget *now;
  g_autofree char *doc_value = NULL;

  edited->indicator = g_strdup (old->indicator);
  edited->comparator = g_strdup (old->comparator);
  edited->value = old->value + 100;
  edited->unit = g_strdup (old->unit);
  edited->year = old->year;
  g_signal_connect (f->doc, "notify::findings", G_CALLBACK (count_notify), &findings_notified);
  /* the edit replaces the zone's targets: what we need of the old one, we take first */
  doc_value = g_strdup_printf ("%g", old->value);
  g_assert_true (pa_document_update_target (f->doc, old, edited, &error));
  g_assert_no_error (error);
  g_assert_cmpint (findings_notified, ==, 1);
  now = pa_zone_get_targets (zone)->pdata[0];
  g_assert_cmpfloat (now->value, ==, edited->value);
  g_assert_nonnull (now->entered_by);
  g_assert_nonnull (now->citation); /* still the sentence it came from */
  g_assert_nonnull (now->document_values);
  g_assert_cmpstr (g_hash_table_lookup (now->document_values, "value"), ==, doc_value);
  /* fields the planner did not change are not the planner's */
  g_assert_null (g_hash_table_lookup (now->document_values, "unit"));

  /* a target year before 1949 is refused */
  edited->year = 1900;
  g_assert_false (pa_document_update_target (f->doc, now, edited, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
}

/* Industries and enterprises: added, placed, moved, removed — all undoable. */
static void
test_industries_and_enterprises (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaOrganisation) org = pa_organisation_new ();
  PaZone *zone = zone_named (f->doc, "高端药械");
  guint n_ind = pa_zone_get_n_industries (zone);
  guint n_org = g_list_model_get_n_items (pa_document_get_organisations (f->doc));
  const char *who = NULL;
  PaOrganisation *added = NULL;
  GPtrArray *orgs;
  guint n_zone_orgs;
  int vocabulary = pa_test_query_int (f->path, "SELECT count(*) FROM industries");

  /* a name new to the shared vocabulary joins it */
  g_assert_true (pa_document_add_industry (f->doc, zone, "脑机接口", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_test_query_int (f->path, "SELECT count(*) FROM industries"), ==, vocabulary + 1);
  g_assert_cmpuint (pa_zone_get_n_industries (zone), ==, n_ind + 1);
  g_assert_cmpstr (pa_zone_get_industry (zone, n_ind, NULL), ==, "脑机接口");
  pa_zone_get_industry_id (zone, n_ind, &who);
  g_assert_nonnull (who);
  g_assert_false (pa_document_add_industry (f->doc, zone, "脑机接口", &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_INVALID);
  g_clear_error (&error);

  org->name = g_strdup ("示例生物科技有限公司");
  org->kind = g_strdup ("enterprise");
  org->lon = 121.25;
  org->lat = 37.55;
  g_assert_true (pa_document_add_organisation (f->doc, zone, org, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_organisations (f->doc)), ==, n_org + 1);
  orgs = pa_zone_get_organisations (zone);
  for (guint i = 0; i < orgs->len; i++)
    if (g_strcmp0 (((PaOrganisation *) orgs->pdata[i])->name, org->name) == 0)
      added = orgs->pdata[i];
  g_assert_nonnull (added);
  g_assert_cmpfloat_with_epsilon (added->lon, 121.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (added->lat, 37.55, 1e-9);
  g_assert_cmpint (pa_test_query_int (f->path, "SELECT count(*) FROM rtree_organisation_sites_geom"), ==, 1);

  n_zone_orgs = orgs->len; /* the edit replaces the zone's array */
  g_assert_true (pa_document_move_organisation (f->doc, added, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pa_zone_get_organisations (zone)->len, ==, n_zone_orgs - 1);

  /* undo all three, newest first */
  for (int i = 0; i < 3; i++)
    {
      g_assert_true (pa_document_undo (f->doc, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (pa_zone_get_n_industries (zone), ==, n_ind);
  g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_organisations (f->doc)), ==, n_org);
  g_assert_cmpint (pa_test_query_int (f->path, "SELECT count(*) FROM organisation_sites"), ==, 0);
  g_assert_cmpint (pa_test_query_int (f->path, "SELECT count(*) FROM industries"), ==, vocabulary);
}

/* A change QGIS makes to the file shows after one look, and undo then refuses to
 * overwrite it. */
static void
test_external_change_and_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  PaZone *zone = zone_named (f->doc, "高端药械");

  g_assert_false (pa_document_check_external_changes (f->doc));
  g_assert_true (pa_document_set_zone_field (f->doc, zone, "note", "规划调整中", &error));
  g_assert_no_error (error);
  g_assert_false (pa_document_check_external_changes (f->doc)); /* our own edit */

  /* GDAL, as QGIS uses it, with its own ST_* functions for the R*Tree triggers */
  sql = g_strdup_printf ("UPDATE zones SET note = '由 QGIS 修改' WHERE fid = %" G_GINT64_FORMAT, pa_zone_get_id (zone));
  {
    const char *argv[] = { "ogrinfo", "-q", f->path, "-sql", sql, NULL };
    g_autofree char *out = NULL, *err = NULL;
    g_assert_cmpint (pa_test_run (argv, &out, &err), ==, 0);
  }
  g_assert_true (pa_document_check_external_changes (f->doc));
  g_assert_cmpstr (pa_zone_get_note (zone), ==, "由 QGIS 修改");

  g_assert_false (pa_document_undo (f->doc, &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_CONFLICT);
  g_free (sql);
  sql = g_strdup_printf ("SELECT note FROM zones WHERE fid = %" G_GINT64_FORMAT, pa_zone_get_id (zone));
  name = pa_test_query_text (f->path, sql);
  g_assert_cmpstr (name, ==, "由 QGIS 修改");
}

/* While another program holds the write lock, an edit is refused with a message that
 * says so; it works once the lock is gone. */
static void
test_busy_database (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *other = NULL;
  PaZone *zone = zone_named (f->doc, "高端药械");

  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (pa_document_set_zone_field (f->doc, zone, "note", "忙", &error));
  g_assert_error (error, PA_STORE_ERROR, PA_STORE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "another program"));
  g_clear_error (&error);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  g_assert_true (pa_document_set_zone_field (f->doc, zone, "note", "不忙", &error));
  g_assert_no_error (error);
}

/* Local files are in WAL mode; the journal survives a reopen. */
static void
test_local_file_uses_wal (Fixture *f, gconstpointer data)
{
  g_assert_cmpstr (pa_store_get_journal_mode (f->store), ==, "wal");
  g_assert_false (pa_store_path_is_on_network (f->path));
}

/* Reshaping a schematic disc turns it into a drawn outline and keeps the zone's union. */
static void
test_reshape_schematic_part (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  PaZone *zone = NULL;
  GListModel *zones = pa_document_get_zones (f->doc);
  g_autoptr (PaGeometry) outline = NULL;
  guint index = 0;
  PaPoint c;

  for (guint i = 0; !zone && i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      for (guint k = 0; k < pa_zone_get_n_parts (z); k++)
        if (pa_zone_get_part_info (z, k)->kind == PA_PART_SCHEMATIC)
          zone = z, index = k;
    }
  g_assert_nonnull (zone);
  c = pa_geometry_get_label_point (pa_zone_get_part_info (zone, index)->geometry);
  outline = square (c.x, c.y, 0.8);
  g_assert_true (pa_document_set_part_outline (f->doc, zone, index, outline, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_zone_get_part_info (zone, index)->kind, ==, PA_PART_DRAWN);
  g_assert_true (pa_geometry_contains_point (pa_zone_get_geometry (zone), c.x, c.y));
  g_assert_true (pa_document_undo (f->doc, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pa_zone_get_part_info (zone, index)->kind, ==, PA_PART_SCHEMATIC);
}

static void
count_signal (gpointer instance, int *count)
{
  (*count)++;
}

static gboolean
has_difference (PaDocument *doc, PaDiffKind kind, const char *needle)
{
  GPtrArray *d = pa_document_get_differences (doc);
  for (guint i = 0; d && i < d->len; i++)
    {
      PaDiffItem *item = d->pdata[i];
      if (item->kind == kind && strstr (item->text, needle))
        return TRUE;
    }
  return FALSE;
}

/* Shenzhen duplicated as a scenario: the copy is shown, the same as the original until
 * the planner changes it, and then says what differs; the original is untouched; one
 * undo takes the whole scenario away. */
static void
test_duplicate_as_scenario (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = pa_document_list_plans (f->doc, &error);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (PaGeometry) outline = square (114.30, 22.70, 1.5);
  PaPlan *scenario;
  PaZone *core;
  guint n_zones = g_list_model_get_n_items (pa_document_get_zones (f->doc));
  guint n_targets = g_list_model_get_n_items (pa_document_get_targets (f->doc));
  int plans_changed = 0;
  g_autofree char *original_sum = NULL, *sum_sql = NULL;

  g_signal_connect (f->doc, "plans-changed", G_CALLBACK (count_signal), &plans_changed);
  sum_sql = g_strdup ("SELECT count(*) || ':' || total(value) FROM targets t JOIN plans p ON p.id = t.plan_id WHERE p.slug = 'shenzhen'");
  original_sum = pa_test_query_text (f->path, sum_sql);

  pa_document_duplicate_plan (f->doc, "深圳方案B：光明扩区", &error);
  g_assert_no_error (error);
  g_assert_cmpint (plans_changed, ==, 1);
  scenario = pa_document_get_plan (f->doc);
  g_assert_cmpstr (pa_plan_get_slug (scenario), ==, "shenzhen-scenario");
  g_assert_cmpstr (pa_plan_get_scenario_of (scenario), ==, "shenzhen");
  g_assert_cmpstr (pa_plan_get_name (scenario), ==, "深圳方案B：光明扩区");
  g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_zones (f->doc)), ==, n_zones);
  g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_targets (f->doc)), ==, n_targets);
  g_assert_nonnull (pa_document_get_differences (f->doc));
  g_assert_cmpuint (pa_document_get_differences (f->doc)->len, ==, 0);
  after = pa_document_list_plans (f->doc, &error);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  /* copied facts keep their citations: the scenario is the document's until changed */
  core = zone_named (f->doc, "坪山");
  g_assert_nonnull (core);
  g_assert_nonnull (pa_zone_get_citation (core));
  g_assert_cmpint (pa_test_query_int (f->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  g_assert_nonnull (pa_document_add_zone (f->doc, "光明科学城生物医药园", "center", outline, &error));
  g_assert_no_error (error);
  g_assert_true (pa_document_set_zone_field (f->doc, core, "name", "坪山国家生物产业基地（扩区）", &error));
  g_assert_true (has_difference (f->doc, PA_DIFF_ZONE_ADDED, "光明科学城生物医药园"));
  g_assert_true (has_difference (f->doc, PA_DIFF_ZONE_CHANGED, "坪山国家生物产业基地（扩区）"));
  g_assert_true (pa_document_delete_zone (f->doc, zone_named (f->doc, "光明科学城"), &error));
  g_assert_false (has_difference (f->doc, PA_DIFF_ZONE_ADDED, "光明科学城生物医药园"));

  /* the original plan is as it was */
  {
    g_autofree char *now = pa_test_query_text (f->path, sum_sql);
    g_assert_cmpstr (now, ==, original_sum);
    g_autoptr (PaPlan) original = reload_from_disk (f->path, "shenzhen");
    g_assert_nonnull (pa_plan_find_zone (original, pa_zone_get_key (core)));
    g_assert_true (g_str_has_prefix (pa_zone_get_name (pa_plan_find_zone (original, pa_zone_get_key (core))), "坪山"));
    g_assert_null (strstr (pa_zone_get_name (pa_plan_find_zone (original, pa_zone_get_key (core))), "扩区"));
  }

  /* undo everything: the scenario goes, the original is shown */
  while (pa_document_can_undo (f->doc))
    {
      g_assert_true (pa_document_undo (f->doc, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpstr (pa_plan_get_slug (pa_document_get_plan (f->doc)), ==, "shenzhen");
  g_clear_pointer (&after, g_ptr_array_unref);
  after = pa_document_list_plans (f->doc, &error);
  g_assert_cmpuint (after->len, ==, before->len);
  g_assert_cmpint (pa_test_query_int (f->path, "SELECT count(*) FROM zones z JOIN plans p ON p.id = z.plan_id WHERE p.slug LIKE '%scenario%'"), ==, 0);
  /* and redo brings the scenario back, shown */
  g_assert_true (pa_document_redo (f->doc, &error));
  g_assert_cmpstr (pa_plan_get_slug (pa_document_get_plan (f->doc)), ==, "shenzhen-scenario");
}

/* A plan from scratch: no document, a starting legend, zones drawn into it. */
static void
test_new_plan_from_scratch (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaGeometry) outline = square (121.40, 37.50, 1.0);
  PaPlan *plan;
  g_autofree char *source = NULL;

  g_assert_true (pa_document_new_plan (f->doc, "芝罘区生物医药园区布局（草案）", "1+2", "芝罘区", &error));
  g_assert_no_error (error);
  plan = pa_document_get_plan (f->doc);
  g_assert_cmpstr (pa_plan_get_name (plan), ==, "芝罘区生物医药园区布局（草案）");
  g_assert_cmpuint (pa_plan_get_n_roles (plan), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_zones (f->doc)), ==, 0);
  source = pa_plan_describe_source (plan);
  g_assert_nonnull (strstr (source, "no source document"));
  g_assert_nonnull (pa_document_add_zone (f->doc, "核心区", "core", outline, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pa_document_get_zones (f->doc)), ==, 1);
}

/* After drawing, reshaping, placing, a scenario and a new plan, the file is still a
 * GeoPackage GDAL's validator accepts and ogrinfo reads, with the new rows in its layers. */
static void
test_edited_file_stays_a_valid_geopackage (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaGeometry) outline = square (121.20, 37.40, 2.0);
  g_autoptr (PaOrganisation) org = pa_organisation_new ();
  const char *script = "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py";
  const char *validate[] = { "/usr/bin/python3", script, f->path, NULL };
  const char *info[] = { "ogrinfo", "-ro", "-al", "-so", f->path, NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;
  PaZone *zone;

  zone = pa_document_add_zone (f->doc, "验证园", "feature", outline, &error);
  g_assert_no_error (error);
  org->name = g_strdup ("验证企业");
  org->kind = g_strdup ("enterprise");
  org->lon = 121.2;
  org->lat = 37.4;
  g_assert_true (pa_document_add_organisation (f->doc, zone, org, &error));
  g_assert_true (pa_document_duplicate_plan (f->doc, "烟台情景", &error));
  g_assert_true (pa_document_new_plan (f->doc, "空白规划", NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&f->doc);
  g_clear_object (&f->store); /* closed: the WAL is folded back into the file */

  g_assert_cmpint (pa_test_run (info, &out2, &err2), ==, 0);
  g_assert_null (strstr (err2, "ERROR"));
  g_assert_null (strstr (err2, "Warning"));
  g_assert_nonnull (strstr (out2, "Layer name: organisation_sites"));
  g_assert_nonnull (strstr (out2, "Feature Count: 2")); /* the site, and its copy in the scenario */
  if (!g_file_test (script, G_FILE_TEST_EXISTS))
    return;
  g_assert_cmpint (pa_test_run (validate, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add ("/document/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("rename-zone-persists-with-provenance", test_rename_zone_persists_with_provenance);
  ADD ("draw-zone-and-undo", test_draw_zone_and_undo);
  ADD ("form-changes-only-what-changed", test_form_changes_only_what_changed);
  ADD ("invalid-outline-refused", test_invalid_outline_refused);
  ADD ("delete-zone-and-undo", test_delete_zone_and_undo);
  ADD ("edit-target-keeps-document-value", test_edit_target_keeps_document_value);
  ADD ("industries-and-enterprises", test_industries_and_enterprises);
  ADD ("external-change-and-conflict", test_external_change_and_conflict);
  ADD ("busy-database", test_busy_database);
  ADD ("local-file-uses-wal", test_local_file_uses_wal);
  ADD ("reshape-schematic-part", test_reshape_schematic_part);
  g_test_add ("/document/duplicate-as-scenario", Fixture, "shenzhen", fixture_set_up, test_duplicate_as_scenario,
              fixture_tear_down);
  ADD ("new-plan-from-scratch", test_new_plan_from_scratch);
  ADD ("edited-file-stays-a-valid-geopackage", test_edited_file_stays_a_valid_geopackage);
  return g_test_run ();
}
