/* test-crash-safety.c — "nothing lost": a program making edits is killed with SIGKILL at
 * random points, again and again; after every kill the file is whole (SQLite, Park Atlas
 * and GDAL all open it), every edit reported done is in it, and no edit is there by half.
 *
 * The edits are pa-edit-script.h's, made by pa-edit-driver ($PARKATLAS_EDIT_DRIVER); each
 * run goes on from the first edit not yet reported. $PARKATLAS_CRASH_KILLS (default 200)
 * sets how many kills.
 */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <sqlite3.h>
#include <string.h>

#include <glib/gstdio.h>

#include "geo/pa-gpkg-blob.h"
#include "pa-edit-script.h"
#include "pa-test-util.h"

/* Far below the 0.003° between the script's squares and sites, far above double rounding. */
#define SAME_DEGREES 1e-9
/* An R*Tree stores 32-bit floats rounded outwards: within one float step (8e-6 at 121°). */
#define RTREE_DEGREES 2e-5

#define PROBLEM(problems, ...) g_string_append_printf ((problems), "\n  " __VA_ARGS__)

static sqlite3 *
open_read_only (const char *path)
{
  sqlite3 *db = NULL;
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

static sqlite3_stmt *
prepare (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *s = NULL;
  if (sqlite3_prepare_v2 (db, sql, -1, &s, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return s;
}

static char *
query_text (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *s = prepare (db, sql);
  char *v = sqlite3_step (s) == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (s, 0))
                                          : g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (s);
  return v;
}

/* "区-21" with @prefix "区-": 21; -1 for a name the script did not make. */
static gint64
script_number (const char *name, const char *prefix)
{
  char *end = NULL;
  gint64 n;
  if (!name || !g_str_has_prefix (name, prefix) || !g_ascii_isdigit (name[strlen (prefix)]))
    return -1;
  n = g_ascii_strtoll (name + strlen (prefix), &end, 10);
  return *end ? -1 : n;
}

static char *
zone_name (gint64 b)
{
  return g_strdup_printf ("区-%" G_GINT64_FORMAT, b);
}

static gboolean
envelope (sqlite3_stmt *s, int column, PaBBox *box)
{
  gboolean empty = TRUE;
  return sqlite3_column_type (s, column) == SQLITE_BLOB
         && pa_gpkg_blob_read_envelope (sqlite3_column_blob (s, column), (gsize) sqlite3_column_bytes (s, column),
                                        box, &empty)
         && !empty;
}

static gboolean
same_box (const PaBBox *a, const PaBBox *b, double tolerance)
{
  return fabs (a->minx - b->minx) <= tolerance && fabs (a->maxx - b->maxx) <= tolerance
         && fabs (a->miny - b->miny) <= tolerance && fabs (a->maxy - b->maxy) <= tolerance;
}

/* Marks edit @n as found in the file; a second find means it was made twice. */
static void
found (GHashTable *applied, gint64 n, GString *problems)
{
  if (!g_hash_table_add (applied, g_memdup2 (&n, sizeof n)))
    PROBLEM (problems, "edit %" G_GINT64_FORMAT " is in the file twice", n);
}

static void
note_highest (gint64 *highest, gint64 n)
{
  *highest = MAX (*highest, n);
}

/* The GeoPackage spatial index agrees with its table: one R*Tree row per non-empty
 * geometry, with its envelope, and none left over. A commit that wrote one without the
 * other would show here (the R*Tree is filled by triggers in the same transaction). */
static void
check_rtree (sqlite3 *db, const char *table, GString *problems)
{
  g_autofree char *sql = g_strdup_printf ("SELECT t.fid, t.geom, r.id, r.minx, r.maxx, r.miny, r.maxy FROM \"%1$s\" t "
                                          "LEFT JOIN rtree_%1$s_geom r ON r.id = t.fid",
                                          table);
  g_autofree char *orphans_sql = g_strdup_printf ("SELECT count(*) FROM rtree_%1$s_geom WHERE id NOT IN "
                                                  "(SELECT fid FROM \"%1$s\" WHERE geom IS NOT NULL)",
                                                  table);
  g_autofree char *check_sql = g_strdup_printf ("SELECT rtreecheck('rtree_%s_geom')", table);
  g_autofree char *orphans = query_text (db, orphans_sql);
  g_autofree char *rtree_ok = query_text (db, check_sql);
  sqlite3_stmt *s = prepare (db, sql);

  while (sqlite3_step (s) == SQLITE_ROW)
    {
      gint64 fid = sqlite3_column_int64 (s, 0);
      PaBBox box, indexed;
      if (!envelope (s, 1, &box))
        continue;
      if (sqlite3_column_type (s, 2) == SQLITE_NULL)
        {
          PROBLEM (problems, "%s %" G_GINT64_FORMAT " is missing from its R*Tree", table, fid);
          continue;
        }
      indexed = (PaBBox){ sqlite3_column_double (s, 3), sqlite3_column_double (s, 5), sqlite3_column_double (s, 4),
                          sqlite3_column_double (s, 6) };
      if (!same_box (&box, &indexed, RTREE_DEGREES))
        PROBLEM (problems, "%s %" G_GINT64_FORMAT ": the R*Tree holds another envelope than the geometry", table, fid);
    }
  sqlite3_finalize (s);
  if (g_strcmp0 (orphans, "0") != 0)
    PROBLEM (problems, "rtree_%s_geom has %s rows of no feature", table, orphans);
  if (g_strcmp0 (rtree_ok, "ok") != 0)
    PROBLEM (problems, "rtreecheck (rtree_%s_geom): %s", table, rtree_ok);
}

/* Reads the scripted edits back from the file with plain SQL: which are there (@applied,
 * edit numbers) and what is there by half (@problems). */
static void
read_edits (sqlite3 *db, GHashTable *applied, gint64 *highest, GString *problems)
{
  sqlite3_stmt *s;
  double lon, lat;

  /* zones: drawn (0), with a note (1), reshaped (5) */
  s = prepare (db, "SELECT z.name, z.note, z.geom, "
                   "(SELECT count(*) FROM zone_places p WHERE p.zone_id = z.fid), p.geom, p.outline "
                   "FROM zones z JOIN plans pl ON pl.id = z.plan_id "
                   "LEFT JOIN zone_places p ON p.fid = (SELECT min(fid) FROM zone_places WHERE zone_id = z.fid) "
                   "WHERE z.name LIKE '区-%'");
  while (sqlite3_step (s) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (s, 0);
      const char *note = (const char *) sqlite3_column_text (s, 1);
      gint64 b = script_number (name, "区-"), k = script_number (note, "edit-");
      int n_parts = sqlite3_column_int (s, 3);
      PaBBox zone_box, part_box;
      double width;

      if (b < 0 || pa_edit_kind (b) != PA_EDIT_ADD_ZONE)
        {
          PROBLEM (problems, "a zone “%s” the script never drew", name);
          continue;
        }
      note_highest (highest, b);
      found (applied, b, problems);
      if (n_parts != 1 || !envelope (s, 4, &part_box))
        {
          PROBLEM (problems, "half an edit: zone %s has %d parts (one drawn part expected)", name, n_parts);
          continue;
        }
      if (g_strcmp0 ((const char *) sqlite3_column_text (s, 5), "drawn") != 0)
        PROBLEM (problems, "zone %s: its part is not a drawn one", name);
      if (!envelope (s, 2, &zone_box) || !same_box (&zone_box, &part_box, SAME_DEGREES))
        PROBLEM (problems, "half an edit: zone %s's outline is not the union of its part", name);
      width = part_box.maxx - part_box.minx;
      if (fabs (width - pa_edit_square_width (b, PA_EDIT_LARGE_KM)) < SAME_DEGREES * 1000)
        found (applied, b + PA_EDIT_RESHAPE, problems);
      else if (fabs (width - pa_edit_square_width (b, PA_EDIT_SMALL_KM)) >= SAME_DEGREES * 1000)
        PROBLEM (problems, "zone %s: an outline %.6f° wide is neither the drawn nor the reshaped one", name, width);
      if (k == b + PA_EDIT_NOTE)
        found (applied, k, problems);
      else if (note)
        PROBLEM (problems, "zone %s: note “%s” is no edit of its group", name, note);
    }
  sqlite3_finalize (s);

  /* industries (2): a new name joins the vocabulary and the zone in one edit */
  s = prepare (db, "SELECT i.name, z.name FROM industries i "
                   "LEFT JOIN zone_industries zi ON zi.industry_id = i.id "
                   "LEFT JOIN zones z ON z.fid = zi.zone_id WHERE i.name LIKE '产业-%'");
  while (sqlite3_step (s) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (s, 0);
      const char *zone = (const char *) sqlite3_column_text (s, 1);
      gint64 n = script_number (name, "产业-");
      g_autofree char *expected = zone_name (pa_edit_group (MAX (n, 0)));

      note_highest (highest, n);
      if (n < 0 || pa_edit_kind (n) != PA_EDIT_INDUSTRY)
        PROBLEM (problems, "an industry “%s” the script never added", name);
      else if (!zone)
        PROBLEM (problems, "half an edit: industry %s is in the vocabulary but in no zone", name);
      else if (!g_str_equal (zone, expected))
        PROBLEM (problems, "industry %s is in zone %s, not %s", name, zone, expected);
      else
        found (applied, n, problems);
    }
  sqlite3_finalize (s);

  /* targets (3) */
  s = prepare (db, "SELECT t.indicator, z.name, t.value, t.entered_by FROM targets t "
                   "LEFT JOIN zones z ON z.fid = t.zone_id WHERE t.indicator LIKE '指标-%'");
  while (sqlite3_step (s) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (s, 0);
      const char *zone = (const char *) sqlite3_column_text (s, 1);
      gint64 n = script_number (name, "指标-");
      g_autofree char *expected = zone_name (pa_edit_group (MAX (n, 0)));

      note_highest (highest, n);
      if (n < 0 || pa_edit_kind (n) != PA_EDIT_TARGET)
        PROBLEM (problems, "a target “%s” the script never added", name);
      else if (g_strcmp0 (zone, expected) != 0 || sqlite3_column_double (s, 2) != (double) n
               || sqlite3_column_type (s, 3) == SQLITE_NULL)
        PROBLEM (problems, "target %s is not as edit %" G_GINT64_FORMAT " wrote it", name, n);
      else
        found (applied, n, problems);
    }
  sqlite3_finalize (s);

  /* enterprises (4), each with its site, placed again by edit 6 */
  s = prepare (db, "SELECT o.name, z.name, s.geom FROM organisations o "
                   "LEFT JOIN zones z ON z.fid = o.zone_id "
                   "LEFT JOIN organisation_sites s ON s.organisation_id = o.id WHERE o.name LIKE '企业-%'");
  while (sqlite3_step (s) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (s, 0);
      const char *zone = (const char *) sqlite3_column_text (s, 1);
      gint64 n = script_number (name, "企业-"), b = pa_edit_group (MAX (n, 0));
      g_autofree char *expected = zone_name (b);
      PaBBox site;

      note_highest (highest, n);
      if (n < 0 || pa_edit_kind (n) != PA_EDIT_ORGANISATION)
        {
          PROBLEM (problems, "an enterprise “%s” the script never added", name);
          continue;
        }
      if (g_strcmp0 (zone, expected) != 0)
        PROBLEM (problems, "enterprise %s is in zone %s, not %s", name, zone ? zone : "(none)", expected);
      if (!envelope (s, 2, &site))
        {
          PROBLEM (problems, "half an edit: enterprise %s has no site", name);
          continue;
        }
      found (applied, n, problems);
      pa_edit_site (n, &lon, &lat);
      if (fabs (site.minx - lon) < SAME_DEGREES && fabs (site.miny - lat) < SAME_DEGREES)
        continue;
      pa_edit_site (b + PA_EDIT_PLACE, &lon, &lat);
      if (fabs (site.minx - lon) < SAME_DEGREES && fabs (site.miny - lat) < SAME_DEGREES)
        found (applied, b + PA_EDIT_PLACE, problems);
      else
        PROBLEM (problems, "enterprise %s is at %.6f, %.6f, where no edit put it", name, site.minx, site.miny);
    }
  sqlite3_finalize (s);
}

/* Checks 1, 2 and 4 on the file as the kill left it. @confirmed edits (0 … confirmed-1)
 * were reported done; edit @confirmed may or may not have been committed, and is
 * returned in @in_flight_committed; none after it had begun. */
static void
check_file (const char *path, gint64 confirmed, gboolean *in_flight_committed, GString *problems)
{
  sqlite3 *db = open_read_only (path);
  g_autofree char *integrity = query_text (db, "PRAGMA integrity_check");
  g_autofree char *fk = query_text (db, "SELECT count(*) FROM pragma_foreign_key_check");
  g_autoptr (GHashTable) applied = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 highest = -1;
  g_autoptr (GError) error = NULL;

  /* 1. SQLite */
  if (g_strcmp0 (integrity, "ok") != 0)
    PROBLEM (problems, "PRAGMA integrity_check: %s", integrity);
  if (g_strcmp0 (fk, "0") != 0)
    PROBLEM (problems, "PRAGMA foreign_key_check: %s rows", fk);

  /* 4. every reported edit there, none by half, none that had not begun */
  read_edits (db, applied, &highest, problems);
  check_rtree (db, "zones", problems);
  check_rtree (db, "zone_places", problems);
  check_rtree (db, "organisation_sites", problems);
  sqlite3_close (db);
  for (gint64 n = 0; n <= MAX (highest, confirmed); n++)
    {
      gboolean there = g_hash_table_contains (applied, &n);
      if (n < confirmed && !there)
        PROBLEM (problems, "edit %" G_GINT64_FORMAT " was reported done but is not in the file", n);
      else if (n > confirmed && there)
        PROBLEM (problems, "edit %" G_GINT64_FORMAT " is in the file but had not begun", n);
    }
  *in_flight_committed = g_hash_table_contains (applied, &confirmed);

  /* 2. Park Atlas (last: closing it checkpoints the WAL into the file) */
  {
    g_autoptr (PaStore) store = pa_store_open (path, NULL, &error);
    g_autoptr (PaPlan) plan = store ? pa_store_load_plan (store, "yantai", &error) : NULL;
    if (!plan)
      PROBLEM (problems, "Park Atlas cannot open the file: %s", error->message);
  }
}

/* 3. GDAL opens the file read-only, without an error. It is the slowest check, so it
 * runs while the driver goes on (on a copy of its own); gdal_finish() collects it. */
static GSubprocess *
gdal_start (const char *path)
{
  g_autoptr (GError) error = NULL;
  GSubprocess *p = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error,
                                     "ogrinfo", "-ro", "-so", path, NULL);
  g_assert_no_error (error);
  return p;
}

static void
gdal_finish (GSubprocess *p, GString *problems)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  g_subprocess_communicate_utf8 (p, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (p) || strstr (err, "ERROR"))
    PROBLEM (problems, "ogrinfo -ro -so: exit status %d, %s", g_subprocess_get_status (p), err);
}

/* A copy of the database as the kill left it (with its WAL): the checks open the copy,
 * so the next run of the driver meets the file exactly as the kill left it, WAL and all. */
static void
snapshot (const char *path, const char *copy)
{
  const char *suffixes[] = { "", "-wal", "-journal", "-shm" };
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (copy, suffixes[i], NULL);
      g_autoptr (GFile) src = g_file_new_for_path (from);
      g_autoptr (GFile) dest = g_file_new_for_path (to);
      g_autoptr (GError) error = NULL;

      g_unlink (to);
      /* not the -shm: it is only a cache of the WAL, rebuilt by the first to open the file */
      if (g_str_equal (suffixes[i], "-shm") || !g_file_test (from, G_FILE_TEST_EXISTS))
        continue;
      g_file_copy (src, dest, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
}

/* Where a kill landed, from what the driver said last. */
typedef enum
{
  KILLED_OPENING,    /* before "ready" */
  KILLED_BETWEEN,    /* after "ready" or "N", before "+N+1" */
  KILLED_IN_EDIT,    /* after "+N": the edit may or may not have been committed */
} Landing;

/* Runs the driver from edit @confirmed and kills it after a random 5–60 ms; adds the
 * edits it reported done to @confirmed. FALSE (the test failed) when it stopped by itself. */
static gboolean
run_and_kill (const char *driver, const char *path, const char *err_path, gint64 *confirmed, Landing *landing)
{
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GByteArray) said = g_byte_array_new ();
  g_autofree char *start = g_strdup_printf ("%" G_GINT64_FORMAT, *confirmed);
  g_auto (GStrv) lines = NULL;
  /* one run in four is timed from its start, so kills land while the file is opened
   * (WAL recovery, schema checks) too; the rest from "ready", among the edits */
  gboolean from_start = g_test_rand_int_range (0, 4) == 0;
  gboolean ready = FALSE;
  guint8 buf[4096];
  gsize got;

  g_subprocess_launcher_set_stderr_file_path (launcher, err_path);
  proc = g_subprocess_launcher_spawn (launcher, &error, driver, path, start, "1000000", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  if (!from_start)
    {
      g_autofree char *line = g_data_input_stream_read_line (out, NULL, NULL, &error);
      g_assert_no_error (error);
      ready = g_strcmp0 (line, "ready") == 0; /* if not, the driver failed: see below */
    }
  g_usleep (1000 * (gulong) g_test_rand_int_range (5, 61));
  g_subprocess_force_exit (proc);
  g_subprocess_wait (proc, NULL, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_if_signaled (proc) || g_subprocess_get_term_sig (proc) != SIGKILL)
    {
      g_autofree char *err = NULL;
      g_file_get_contents (err_path, &err, NULL, NULL);
      g_test_fail_printf ("the driver stopped by itself before the kill: %s", err ? err : "");
      return FALSE;
    }

  /* what it said: "ready", then "+N" and "N" for each edit in order; a line without its
   * newline was cut short, so it does not count */
  do
    {
      g_input_stream_read_all (G_INPUT_STREAM (out), buf, sizeof buf, &got, NULL, &error);
      g_assert_no_error (error);
      g_byte_array_append (said, buf, (guint) got);
    }
  while (got > 0);
  g_byte_array_append (said, (const guint8 *) "", 1);
  lines = g_strsplit ((const char *) said->data, "\n", -1);
  *landing = ready ? KILLED_BETWEEN : KILLED_OPENING;
  for (guint k = 0; lines[k] && lines[k + 1]; k++)
    {
      if (!ready)
        {
          g_assert_cmpstr (lines[k], ==, "ready");
          ready = TRUE;
          *landing = KILLED_BETWEEN;
        }
      else if (lines[k][0] == '+')
        {
          g_assert_cmpint (g_ascii_strtoll (lines[k] + 1, NULL, 10), ==, *confirmed);
          *landing = KILLED_IN_EDIT;
        }
      else
        {
          g_assert_cmpint (*landing, ==, KILLED_IN_EDIT);
          g_assert_cmpint (g_ascii_strtoll (lines[k], NULL, 10), ==, *confirmed);
          (*confirmed)++;
          *landing = KILLED_BETWEEN;
        }
    }
  return TRUE;
}

static void
test_sigkill_during_edits_loses_nothing (void)
{
  const char *driver = g_getenv ("PARKATLAS_EDIT_DRIVER");
  const char *kills_env = g_getenv ("PARKATLAS_CRASH_KILLS");
  int n_kills = kills_env ? atoi (kills_env) : 200;
  g_autofree char *path = pa_test_copy_default_store ("crash.gpkg");
  g_autofree char *copy = pa_test_temp_path ("crash-check.gpkg");
  g_autofree char *gdal_copy_0 = pa_test_temp_path ("crash-gdal-0.gpkg");
  g_autofree char *gdal_copy_1 = pa_test_temp_path ("crash-gdal-1.gpkg");
  const char *gdal_copies[] = { gdal_copy_0, gdal_copy_1 }; /* GDAL reads one while the next is made */
  g_autofree char *err_path = pa_test_temp_path ("driver.err");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr (GSubprocess) gdal = NULL;
  gint64 confirmed = 0;
  int landed[3] = { 0 }, committed_unreported = 0;
  goffset wal_max = 0;

  g_assert_nonnull (driver);
  g_assert_cmpint (n_kills, >, 0);
  g_test_timer_start ();
  for (int i = 0; i < n_kills; i++)
    {
      g_autoptr (GString) problems = g_string_new (NULL);
      g_autoptr (GString) gdal_problems = g_string_new (NULL);
      gboolean in_flight = FALSE;
      Landing landing;

      if (!run_and_kill (driver, path, err_path, &confirmed, &landing))
        return;
      landed[landing]++;
      if (g_file_test (wal, G_FILE_TEST_EXISTS))
        {
          g_autoptr (GFile) f = g_file_new_for_path (wal);
          g_autoptr (GFileInfo) info = g_file_query_info (f, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, NULL);
          wal_max = MAX (wal_max, info ? g_file_info_get_size (info) : 0);
        }

      snapshot (path, copy);
      snapshot (path, gdal_copies[i % 2]);
      check_file (copy, confirmed, &in_flight, problems);
      committed_unreported += landing == KILLED_IN_EDIT && in_flight;
      if (problems->len)
        {
          g_test_fail_printf ("after kill %d, with edits 0 to %" G_GINT64_FORMAT " reported done:%s", i + 1,
                              confirmed - 1, problems->str);
          return;
        }
      if (gdal)
        gdal_finish (gdal, gdal_problems);
      if (gdal_problems->len)
        {
          g_test_fail_printf ("after kill %d:%s", i, gdal_problems->str);
          return;
        }
      g_clear_object (&gdal);
      gdal = gdal_start (gdal_copies[i % 2]);
    }
  {
    g_autoptr (GString) gdal_problems = g_string_new (NULL);
    gdal_finish (gdal, gdal_problems);
    if (gdal_problems->len)
      {
        g_test_fail_printf ("after kill %d:%s", n_kills, gdal_problems->str);
        return;
      }
  }
  g_test_message ("%d kills survived: %d while the file was opened, %d between edits, %d during an edit "
                  "(%d of them after its commit); %" G_GINT64_FORMAT " edits confirmed; WAL up to %"
                  G_GOFFSET_FORMAT " bytes; %.1f s",
                  n_kills, landed[KILLED_OPENING], landed[KILLED_BETWEEN], landed[KILLED_IN_EDIT],
                  committed_unreported, confirmed, wal_max, g_test_timer_elapsed ());
  /* the test says nothing unless most kills land among the edits, not while opening */
  g_assert_cmpint (landed[KILLED_IN_EDIT] + landed[KILLED_BETWEEN], >=, n_kills / 2);
}

int
main (int argc, char *argv[])
{
  /* the problems name zones in Chinese: print them as they are, not as "?" */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/sigkill-during-edits-loses-nothing", test_sigkill_during_edits_loses_nothing);
  return g_test_run ();
}
