/* bench-search.c — search as you type over 100,000 enterprises (issue 17, item 8: p95 ≤ 20 ms).
 *
 * Generates 100,000 enterprises with names made of common name parts (so a query matches
 * a realistic share of them), imports them as a CSV through the same store the window
 * uses, then times the first search (which builds the trigram index) and 300 searches
 * of 1, 2 and 3–4 characters taken from the names. Figures and the command are in
 * bench/README.md. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-util.h"
#include "io/pa-import.h"

#define ROWS 100000

static const char *const places[] = { "烟台", "深圳", "上海", "闵行", "浦东", "张江", "莱山", "坪山", "临港", "蓬莱",
                                      "福山", "光明", "龙岗", "大鹏", "奉贤", "金山", "宝安", "南山", "芝罘", "牟平" };
static const char *const words[] = { "生物", "医药", "制药", "基因", "细胞", "医疗", "器械", "诊断", "海洋", "健康",
                                     "精准", "智能", "创新", "科技", "药业", "化学", "合成", "抗体", "疫苗", "康复" };
static const char *const forms[] = { "有限公司", "股份有限公司", "研究院", "科技有限公司", "集团" };

static char *
enterprise_name (GRand *rand, guint i)
{
  return g_strdup_printf ("%s%s%s%s%u", places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))],
                          words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                          words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))],
                          forms[g_rand_int_range (rand, 0, G_N_ELEMENTS (forms))], i);
}

/* A substring of @name of @chars characters, from a random place. */
static char *
substring (GRand *rand, const char *name, int chars)
{
  int len = (int) g_utf8_strlen (name, -1);
  int from = g_rand_int_range (rand, 0, MAX (1, len - chars));
  return g_utf8_substring (name, from, from + chars);
}

static void
time_queries (PaStore *store, const char *what, GPtrArray *queries)
{
  g_autoptr (GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint found = 0;

  for (guint i = 0; i < queries->len; i++)
    {
      g_autoptr (GError) error = NULL;
      double t = bench_now_ms ();
      g_autoptr (GPtrArray) hits = pa_store_search (store, queries->pdata[i], 60, &error);
      double took = bench_now_ms () - t;
      g_assert_no_error (error);
      found += hits->len;
      g_array_append_val (ms, took);
    }
  bench_report (what, ms);
  printf ("    p95 %.2f ms", bench_quantile (ms, 0.95));
  printf (" (%u results in all, at most 60 a query)\n", found);
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("pa-bench-search-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "search.gpkg", NULL);
  g_autofree char *csv = g_build_filename (dir, "enterprises.csv", NULL);
  g_autoptr (GString) text = g_string_new ("企业名称,所属园区,行业,经度,纬度\n");
  g_autoptr (GRand) rand = g_rand_new_with_seed (20261127);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) one = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) two = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) three = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaDocument) doc = NULL;
  g_autoptr (PaImportReport) report = NULL;
  PaImportOptions options = PA_IMPORT_OPTIONS_INIT;
  double t;

  for (guint i = 0; i < ROWS; i++)
    {
      char *name = enterprise_name (rand, i);
      g_string_append_printf (text, "%s,,生物医药,%.6f,%.6f\n", name, g_rand_double_range (rand, 120.9, 121.9),
                              g_rand_double_range (rand, 37.1, 37.7));
      g_ptr_array_add (names, name);
    }
  g_file_set_contents (csv, text->str, (gssize) text->len, &error);
  g_assert_no_error (error);
  store = pa_store_open (db, NULL, &error);
  g_assert_no_error (error);
  doc = pa_document_new (store);
  g_assert_true (pa_document_open_plan (doc, "yantai", &error));
  t = bench_now_ms ();
  report = pa_import_file (doc, csv, &options, &error);
  g_assert_no_error (error);
  printf ("import of %d enterprises: %.0f ms\n", ROWS, bench_now_ms () - t);

  for (guint i = 0; i < 100; i++)
    {
      const char *name = names->pdata[g_rand_int_range (rand, 0, ROWS)];
      g_ptr_array_add (one, substring (rand, name, 1));
      g_ptr_array_add (two, substring (rand, name, 2));
      g_ptr_array_add (three, substring (rand, name, 3 + (int) (i % 2)));
    }
  t = bench_now_ms ();
  {
    g_autoptr (GPtrArray) first = pa_store_search (store, "坝光", 60, &error);
    g_assert_no_error (error);
  }
  printf ("first search (builds the index of %d+ rows): %.0f ms\n", ROWS, bench_now_ms () - t);
  time_queries (store, "search, 3–4 characters (trigram index)", three);
  time_queries (store, "search, 2 characters (scan)", two);
  time_queries (store, "search, 1 character (scan)", one);
  g_clear_object (&doc);
  g_clear_object (&store);
  g_unlink (db);
  g_unlink (csv);
  g_rmdir (dir);
  return 0;
}
