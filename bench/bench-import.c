/* bench-import.c — how long a planner waits for a big import: a 100,000-row enterprise
 * list saved by Excel on Chinese Windows (GBK, CRLF, quoted commas) and a 20,000-feature
 * GeoJSON of zones, both generated here into a temporary folder, each imported into a
 * fresh copy of the default database. Then undo of the CSV import, and the exports of
 * the plan that holds it. Figures and the command are in bench/README.md. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <sys/resource.h>

#include "io/pa-export-csv.h"
#include "io/pa-export-geojson.h"
#include "io/pa-import.h"

#define CSV_ROWS 100000
#define GEOJSON_FEATURES 20000

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(double *) a, y = *(double *) b;
  return x < y ? -1 : x > y;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* User + system CPU of this process: steadier than the wall clock on a shared machine. */
static double
cpu_ms (void)
{
  struct rusage u;
  getrusage (RUSAGE_SELF, &u);
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

/* @ms holds (wall, cpu) pairs. */
static void
report (const char *what, GArray *ms)
{
  guint n = ms->len / 2;
  g_autoptr (GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < n; i++)
    {
      g_array_append_val (wall, g_array_index (ms, double, 2 * i));
      g_array_append_val (cpu, g_array_index (ms, double, 2 * i + 1));
    }
  g_array_sort (wall, cmp_double);
  g_array_sort (cpu, cmp_double);
  printf ("%-48s n=%-2u wall min %8.0f median %8.0f max %8.0f ms; cpu median %8.0f ms\n", what, n,
          g_array_index (wall, double, 0), g_array_index (wall, double, n / 2), g_array_index (wall, double, n - 1),
          g_array_index (cpu, double, n / 2));
  fflush (stdout);
}

typedef struct
{
  double wall, cpu;
} Clock;

static Clock
clock_start (void)
{
  return (Clock){ now_ms (), cpu_ms () };
}

static void
clock_stop (Clock c, GArray *ms)
{
  double wall = now_ms () - c.wall, cpu = cpu_ms () - c.cpu;
  g_array_append_val (ms, wall);
  g_array_append_val (ms, cpu);
}

/* Rows named by number, in the Yantai plan's zones (by their exact names) or in no zone,
 * an industry with a comma quoted as Excel quotes it, places around Yantai. */
static void
write_gbk_csv (const char *path, PaPlan *plan)
{
  static const char *const industries[] = { "生物制药", "\"医疗器械,体外诊断\"", "海洋药物", "基因检测", "化学制剂" };
  GListModel *zones = pa_plan_get_zones (plan);
  guint n_zones = g_list_model_get_n_items (zones);
  g_autoptr (GString) utf8 = g_string_new ("企业名称,所属园区,行业,经度,纬度\r\n");
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261127);
  g_autoptr (GError) error = NULL;
  g_autofree char *gbk = NULL;
  gsize len;

  for (guint i = 0; i < CSV_ROWS; i++)
    {
      g_autoptr (PaZone) z = i % 4 ? g_list_model_get_item (zones, i % n_zones) : NULL;
      g_string_append_printf (utf8, "基准测试企业%06u有限公司,%s,%s,%.6f,%.6f\r\n", i, z ? pa_zone_get_name (z) : "",
                              industries[i % G_N_ELEMENTS (industries)], g_rand_double_range (rand, 120.9, 121.9),
                              g_rand_double_range (rand, 37.1, 37.7));
    }
  gbk = g_convert (utf8->str, (gssize) utf8->len, "GBK", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, gbk, (gssize) len, &error);
  g_assert_no_error (error);
}

/* Zones as ogr2ogr writes them: 16-gon polygons, every tenth a two-part MultiPolygon,
 * Chinese property keys, a null number now and then. */
static void
write_geojson (const char *path)
{
  g_autoptr (GString) out = g_string_new ("{\"type\":\"FeatureCollection\",\"name\":\"bench\",\"features\":[\n");
  g_autoptr (GRand) rand = g_rand_new_with_seed (7946);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < GEOJSON_FEATURES; i++)
    {
      double cx = g_rand_double_range (rand, 73.5, 134.5), cy = g_rand_double_range (rand, 18.5, 53.0);
      guint parts = i % 10 == 9 ? 2 : 1;
      g_string_append_printf (out, "%s{\"type\":\"Feature\",\"properties\":{\"名称\":\"基准园区%05u\",\"类型\":\"研发\","
                                   "\"面积公顷\":%s,\"备注\":\"生成的测试数据\"},\"geometry\":{\"type\":\"%s\","
                                   "\"coordinates\":[",
                              i ? ",\n" : "", i, i % 7 ? "412.5" : "null", parts > 1 ? "MultiPolygon" : "Polygon");
      for (guint p = 0; p < parts; p++)
        {
          g_string_append (out, parts > 1 ? (p ? ",[[" : "[[") : "[");
          for (int k = 0; k <= 16; k++)
            {
              double a = 2 * G_PI * (k % 16) / 16;
              g_string_append_printf (out, "%s[%.6f,%.6f]", k ? "," : "", cx + p * 0.05 + 0.02 * cos (a),
                                      cy + 0.02 * sin (a));
            }
          g_string_append (out, parts > 1 ? "]]" : "]");
        }
      g_string_append (out, "]}}");
    }
  g_string_append (out, "\n]}\n");
  g_file_set_contents (path, out->str, (gssize) out->len, &error);
  g_assert_no_error (error);
}

static void
copy_file (const char *from, const char *to)
{
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr (GError) error = NULL;
  g_file_get_contents (from, &data, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, data, (gssize) len, &error);
  g_assert_no_error (error);
}

/* Imports @file into a fresh copy of @base @runs times; returns the last document. */
static PaDocument *
time_import (const char *label, const char *base, const char *copy, const char *file, const char *encoding, int runs,
             guint expect)
{
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  PaDocument *last = NULL;

  for (int i = 0; i < runs; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (PaStore) store = NULL;
      g_autoptr (PaImportReport) report = NULL;
      PaImportOptions options = PA_IMPORT_OPTIONS_INIT;
      Clock c;

      g_clear_object (&last);
      copy_file (base, copy);
      store = pa_store_open (copy, NULL, &error);
      g_assert_no_error (error);
      last = pa_document_new (store);
      g_assert_true (pa_document_open_plan (last, "yantai", &error));
      options.encoding = encoding;
      c = clock_start ();
      report = pa_import_file (last, file, &options, &error);
      clock_stop (c, ms);
      g_assert_no_error (error);
      g_assert_cmpuint (pa_import_report_get_n_zones (report) + pa_import_report_get_n_organisations (report), ==,
                        expect);
    }
  report (label, ms);
  return last;
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("parkatlas-bench-import-XXXXXX", NULL);
  g_autofree char *base = g_build_filename (dir, "base.gpkg", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.gpkg", NULL);
  g_autofree char *csv = g_build_filename (dir, "enterprises-gbk.csv", NULL);
  g_autofree char *geojson = g_build_filename (dir, "zones.geojson", NULL);
  g_autofree char *out = g_build_filename (dir, "out", NULL);
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) redo = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  g_autoptr (PaDocument) doc = NULL;
  int runs = argc > 1 ? atoi (argv[1]) : 3;

  {
    g_autoptr (PaStore) store = pa_store_open (base, NULL, &error);
    g_autoptr (PaPlan) plan = pa_store_load_plan (store, "yantai", &error);
    g_assert_no_error (error);
    write_gbk_csv (csv, plan);
    write_geojson (geojson);
  }

  g_clear_object (&doc);
  doc = time_import ("import 20,000-feature GeoJSON (zones)", base, copy, geojson, NULL, runs, GEOJSON_FEATURES);
  g_clear_object (&doc);
  doc = time_import ("import 100,000-row GBK CSV (detected)", base, copy, csv, NULL, runs, CSV_ROWS);
  g_clear_object (&doc);
  doc = time_import ("import 100,000-row GBK CSV (--encoding GBK)", base, copy, csv, "GBK", runs, CSV_ROWS);

  for (int i = 0; i < runs; i++)
    {
      Clock c = clock_start ();
      g_assert_true (pa_document_undo (doc, &error));
      g_assert_no_error (error);
      clock_stop (c, ms);
      c = clock_start ();
      g_assert_true (pa_document_redo (doc, &error));
      g_assert_no_error (error);
      clock_stop (c, redo);
    }
  report ("undo the 100,000-row import", ms);
  report ("redo it", redo);
  g_array_set_size (ms, 0);
  for (int i = 0; i < runs; i++)
    {
      Clock c = clock_start ();
      g_assert_true (pa_export_plan_csv_files (pa_document_get_plan (doc), out, &error));
      clock_stop (c, ms);
    }
  report ("export CSV of the plan with 100,000 enterprises", ms);
  g_array_set_size (ms, 0);
  for (int i = 0; i < runs; i++)
    {
      g_autofree char *path = g_strconcat (out, ".geojson", NULL);
      Clock c = clock_start ();
      g_assert_true (pa_export_plan_geojson_file (pa_document_get_plan (doc), path, &error));
      clock_stop (c, ms);
    }
  report ("export GeoJSON of that plan (100,000 points)", ms);
  g_clear_object (&doc);

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    if (system (cmd) != 0)
      g_printerr ("could not remove %s\n", dir);
  }
  return 0;
}
