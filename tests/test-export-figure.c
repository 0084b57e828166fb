/* test-export-figure.c — figures with options: paper, DPI, language, atlas, repeatable
 * bytes, cancel and unwritable folders */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>

#include "pa-test-util.h"
#include "render/pa-exporter.h"
#include "render/pa-figure.h"
#include "render/pa-painter.h"

/* The command line, headless, with @language as LANGUAGE (NULL: unset) and @epoch as
 * SOURCE_DATE_EPOCH (NULL: unset). */
static int
run_cli (const char *language, const char *epoch, const char *const *args, char **out, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) env = g_get_environ ();
  g_autoptr (GError) error = NULL;
  int status = -1;

  env = language ? g_environ_setenv (env, "LANGUAGE", language, TRUE) : g_environ_unsetenv (env, "LANGUAGE");
  env = epoch ? g_environ_setenv (env, "SOURCE_DATE_EPOCH", epoch, TRUE)
              : g_environ_unsetenv (env, "SOURCE_DATE_EPOCH");
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  g_ptr_array_add (argv, (char *) pa_test_exe ());
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, (char *) pa_store_get_path (pa_test_default_store ()));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, env, 0, NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static char *pdf_text (const char *pdf);

/* A tile pack over the basemap (--basemap FILE.mbtiles): drawn in the figure at print
 * resolution and credited; a vector pack is refused by name and writes nothing. */
static void
test_tile_pack_in_figure (void)
{
  g_autofree char *pack = pa_test_shared_file ("testdata", "yantai-raster.mbtiles");
  g_autofree char *vector = pa_test_shared_file ("testdata", "broken-vector.mbtiles");
  g_autofree char *pdf = pa_test_temp_path ("pack.pdf");
  g_autofree char *plain = pa_test_temp_path ("plain.pdf");
  g_autofree char *refused = pa_test_temp_path ("vector.png");
  g_autofree char *list = NULL, *plain_list = NULL, *text = NULL, *err = NULL;
  const char *with[] = { "--export", pdf, "--plan", "yantai", "--lang", "en", "--basemap", pack, NULL };
  const char *without[] = { "--export", plain, "--plan", "yantai", "--lang", "en", NULL };
  const char *bad[] = { "--export", refused, "--plan", "yantai", "--basemap", vector, NULL };
  const char *images[] = { "pdfimages", "-list", pdf, NULL };
  const char *plain_images[] = { "pdfimages", "-list", plain, NULL };
  g_auto (GStrv) lines = NULL;
  guint n = 0;

  if (!pack || !vector)
    return;
  g_assert_cmpint (run_cli (NULL, NULL, with, NULL, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, without, NULL, NULL), ==, 0);
  g_assert_cmpint (pa_test_run (images, &list, NULL), ==, 0);
  g_assert_cmpint (pa_test_run (plain_images, &plain_list, NULL), ==, 0);
  /* the figure without the pack has no image at all; with it, the pack's tiles at 250 ppi
   * or more (the page would need only 72) */
  g_assert_null (strstr (plain_list, " image "));
  lines = g_strsplit (list, "\n", -1);
  for (guint i = 2; lines[i]; i++)
    {
      g_auto (GStrv) f = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr (GPtrArray) cols = g_ptr_array_new ();
      for (guint k = 0; f[k]; k++)
        if (*f[k])
          g_ptr_array_add (cols, f[k]);
      if (cols->len > 12 && g_strcmp0 (cols->pdata[2], "image") == 0)
        {
          n++;
          g_assert_cmpint (atoi (cols->pdata[12]), >=, 250);
        }
    }
  g_assert_cmpuint (n, >=, 2);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Tiles:Yantaitestraster"));

  g_assert_cmpint (run_cli (NULL, NULL, bad, NULL, &err), !=, 0);
  g_assert_nonnull (strstr (err, "broken-vector.mbtiles"));
  g_assert_nonnull (strstr (err, "pbf"));
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));
}

static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *text = NULL;
  GString *flat = g_string_new (NULL);
  g_assert_cmpint (pa_test_run (argv, &text, NULL), ==, 0);
  /* pdftotext may pad or wrap: compare without spaces and newlines */
  for (const char *c = text; *c; c++)
    if (*c != ' ' && *c != '\n')
      g_string_append_c (flat, *c);
  return g_string_free (flat, FALSE);
}

static int
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = NULL;
  const char *at;
  g_assert_cmpint (pa_test_run (argv, &info, NULL), ==, 0);
  at = strstr (info, "Pages:");
  g_assert_nonnull (at);
  return atoi (at + strlen ("Pages:"));
}

static void
png_size (const char *path, guint *w, guint *h)
{
  g_autofree char *data = NULL;
  gsize len;
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 24);
  g_assert_cmpmem (data, 8, "\x89PNG\r\n\x1a\n", 8);
  *w = GUINT32_FROM_BE (*(guint32 *) (data + 16));
  *h = GUINT32_FROM_BE (*(guint32 *) (data + 20));
}

/* A PNG is the page in millimetres times the DPI asked for, whatever the paper. */
static void
test_png_size_is_page_times_dpi (void)
{
  static const struct
  {
    const char *page, *orientation, *size, *dpi;
    guint w, h;
  } cases[] = {
    { "A3", NULL, NULL, "300", 4961, 3508 },
    { "A4", "portrait", NULL, "72", 595, 842 },
    { "16:9", NULL, NULL, "96", 1280, 720 },
    { NULL, NULL, "400x300", "100", 1575, 1181 },
    { "A1", NULL, NULL, "72", 2384, 1684 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("size-%u.png", i);
      g_autofree char *png = pa_test_temp_path (name);
      const char *args[16] = { "--export", png, "--plan", "yantai", "--dpi", cases[i].dpi };
      guint n = 6, w, h;
      if (cases[i].page)
        args[n++] = "--page", args[n++] = cases[i].page;
      if (cases[i].orientation)
        args[n++] = "--orientation", args[n++] = cases[i].orientation;
      if (cases[i].size)
        args[n++] = "--size", args[n++] = cases[i].size;
      g_assert_cmpint (run_cli (NULL, NULL, args, NULL, NULL), ==, 0);
      png_size (png, &w, &h);
      g_assert_cmpuint (w, ==, cases[i].w);
      g_assert_cmpuint (h, ==, cases[i].h);
    }
}

/* Out-of-range or unknown choices are refused, naming the value, and write nothing. */
static void
test_bad_options_refused (void)
{
  const char *bad[][4] = {
    { "--dpi", "1200", NULL }, { "--page", "B5", NULL }, { "--lang", "fr", NULL },
    { "--orientation", "sideways", NULL }, { "--size", "10x10", NULL }, { "--zone", "atlantis", NULL },
    { "--atlas", NULL }, { "--basemap", "osm" }, { "--basemap", "nowhere.mbtiles" },
    /* a web map only as osm, an address with {z}/{x}/{y}, or the one Preferences turned on
     * (none in the tests' memory settings) */
    { "--web-tiles", "tile.example.org" }, { "--web-tiles", "preferences" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *png = pa_test_temp_path ("refused.png");
      const char *args[8] = { "--export", png, "--plan", "yantai", bad[i][0], bad[i][1] };
      g_autofree char *err = NULL;
      g_assert_cmpint (run_cli (NULL, NULL, args, NULL, &err), !=, 0);
      if (bad[i][1])
        g_assert_nonnull (strstr (err, bad[i][1]));
      g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
    }
}

static char *
read_file (const char *path, gsize *len)
{
  char *data = NULL;
  g_assert_true (g_file_get_contents (path, &data, len, NULL));
  return data;
}

/* The same inputs give the same bytes; a PDF's creation date is SOURCE_DATE_EPOCH. */
static void
test_repeat_exports_are_identical (void)
{
  const char *exts[] = { "svg", "png", "pdf" };
  for (guint i = 0; i < G_N_ELEMENTS (exts); i++)
    {
      g_autofree char *n1 = g_strdup_printf ("same-1.%s", exts[i]), *n2 = g_strdup_printf ("same-2.%s", exts[i]);
      g_autofree char *p1 = pa_test_temp_path (n1), *p2 = pa_test_temp_path (n2);
      const char *a1[] = { "--export", p1, "--plan", "minhang", "--page", "A3", "--lang", "zh", NULL };
      const char *a2[] = { "--export", p2, "--plan", "minhang", "--page", "A3", "--lang", "zh", NULL };
      g_autofree char *d1 = NULL, *d2 = NULL;
      gsize l1, l2;
      g_assert_cmpint (run_cli (NULL, "1700000000", a1, NULL, NULL), ==, 0);
      g_usleep (1100 * 1000); /* a clock-based date would now differ */
      g_assert_cmpint (run_cli ("zh_CN", "1700000000", a2, NULL, NULL), ==, 0);
      d1 = read_file (p1, &l1);
      d2 = read_file (p2, &l2);
      if (l1 != l2 || memcmp (d1, d2, l1) != 0)
        g_test_fail_printf ("two %s exports of the same figure differ", exts[i]);
      if (g_str_equal (exts[i], "pdf"))
        {
          const char *argv[] = { "pdfinfo", "-isodates", p1, NULL };
          g_autofree char *info = NULL;
          g_assert_cmpint (pa_test_run (argv, &info, NULL), ==, 0);
          g_assert_nonnull (strstr (info, "2023-11-14T22:13:20"));
        }
    }
}

/* The SVG is well-formed XML, and every zone is a path of its own. */
typedef struct
{
  guint paths;
  gboolean svg_root;
} SvgCount;

static void
svg_start (GMarkupParseContext *context, const char *element, const char **names, const char **values,
           gpointer data, GError **error)
{
  SvgCount *count = data;
  if (g_str_equal (element, "path"))
    count->paths++;
  if (g_str_equal (element, "svg") && !g_markup_parse_context_get_element_stack (context)->next)
    count->svg_root = TRUE;
}

static void
test_svg_parses_with_zones_as_paths (void)
{
  g_autofree char *svg = pa_test_temp_path ("pudong.svg");
  g_autofree char *svg_bare = pa_test_temp_path ("pudong-bare.svg");
  const char *args[] = { "--export", svg, "--plan", "pudong", "--page", "A3", NULL };
  const char *bare[] = { "--export", svg_bare, "--plan", "pudong", "--basemap", "none", NULL };
  const char *files[] = { svg, svg_bare };
  g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), "pudong", NULL);
  guint zones = g_list_model_get_n_items (pa_plan_get_zones (plan));

  g_assert_cmpint (run_cli (NULL, NULL, args, NULL, NULL), ==, 0);
  g_assert_cmpint (run_cli (NULL, NULL, bare, NULL, NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      GMarkupParser parser = { svg_start };
      SvgCount count = { 0 };
      g_autoptr (GMarkupParseContext) ctx = g_markup_parse_context_new (&parser, 0, &count, NULL);
      g_autoptr (GError) error = NULL;
      gsize len;
      g_autofree char *text = read_file (files[i], &len);
      /* GMarkup takes XML without the prolog's DOCTYPE, which cairo does not write */
      g_assert_true (g_markup_parse_context_parse (ctx, text, (gssize) len, &error));
      g_assert_true (g_markup_parse_context_end_parse (ctx, &error));
      g_assert_no_error (error);
      g_assert_true (count.svg_root);
      /* fills and outlines: at least two paths per zone */
      g_assert_cmpuint (count.paths, >=, 2 * zones);
    }
}

/* --lang chooses the figure's words whatever the interface language. */
static void
test_figure_language_is_independent (void)
{
  g_autofree char *en = pa_test_temp_path ("en-under-zh.pdf"), *zh = pa_test_temp_path ("zh-under-en.pdf");
  const char *a_en[] = { "--export", en, "--plan", "yantai", "--lang", "en", NULL };
  const char *a_zh[] = { "--export", zh, "--plan", "yantai", "--lang", "zh", NULL };
  g_autofree char *t_en = NULL, *t_zh = NULL, *out = NULL;

  g_assert_cmpint (run_cli ("zh_CN", NULL, a_en, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "已写入")); /* the interface stays Chinese */
  t_en = pdf_text (en);
  g_assert_nonnull (strstr (t_en, "Legend"));
  g_assert_nonnull (strstr (t_en, "Source:"));
  g_assert_nonnull (strstr (t_en, "km"));
  g_assert_null (strstr (t_en, "图例"));
  g_assert_null (strstr (t_en, "千米"));

  g_assert_cmpint (run_cli (NULL, NULL, a_zh, NULL, NULL), ==, 0);
  t_zh = pdf_text (zh);
  g_assert_nonnull (strstr (t_zh, "图例"));
  g_assert_nonnull (strstr (t_zh, "来源"));
  g_assert_nonnull (strstr (t_zh, "千米"));
  g_assert_null (strstr (t_zh, "Legend"));
  g_assert_null (strstr (t_zh, "Source:"));
}

/* Every district of the plan's city carries its name, under its current name (蓬莱区,
 * 光明区), whether a zone lies in it or not. */
static void
test_every_district_of_the_city_named (void)
{
  static const struct
  {
    const char *slug;
    const char *names[12];
  } cases[] = {
    { "yantai", { "芝罘区", "福山区", "牟平区", "莱山区", "蓬莱区", "龙口市", "莱阳市", "莱州市", "招远市", "栖霞市", "海阳市", NULL } },
    { "shenzhen", { "罗湖区", "福田区", "南山区", "宝安区", "光明区", "龙岗区", "盐田区", "坪山区", "龙华区", NULL } },
    /* a district's plan: its own district, crowded by the zones' names */
    { "minhang", { "闵行区", NULL } },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("districts-%s.pdf", cases[i].slug);
      g_autofree char *pdf = pa_test_temp_path (name);
      g_autofree char *text = NULL;
      const char *args[] = { "--export", pdf, "--plan", cases[i].slug, "--lang", "zh", NULL };
      g_assert_cmpint (run_cli (NULL, NULL, args, NULL, NULL), ==, 0);
      text = pdf_text (pdf);
      for (guint k = 0; cases[i].names[k]; k++)
        if (!strstr (text, cases[i].names[k]))
          g_error ("%s: the figure does not name %s", cases[i].slug, cases[i].names[k]);
    }
}

/* One zone's figure: titled with the zone, an unknown zone refused by name. */
static void
test_zone_figure (void)
{
  g_autofree char *pdf = pa_test_temp_path ("zone.pdf");
  const char *args[] = { "--export", pdf, "--plan", "yantai", "--zone", "core", "--title", "标题测试", NULL };
  g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), "yantai", NULL);
  PaZone *z;
  g_autofree char *text = NULL;

  z = g_list_model_get_item (pa_plan_get_zones (plan), 0);
  g_object_unref (z);
  args[5] = pa_zone_get_key (z);
  g_assert_cmpint (run_cli (NULL, NULL, args, NULL, NULL), ==, 0);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "标题测试"));
  g_assert_nonnull (strstr (text, pa_zone_get_name (z)));
}

/* The atlas: overview, one page per zone, sources; every zone name, the documents by
 * title, the contents and page numbers, in both languages. */
static void
test_atlas_has_a_page_per_zone (void)
{
  g_autoptr (GPtrArray) plans = pa_store_list_plans (pa_test_default_store (), NULL);
  for (guint k = 0; k < plans->len; k++)
    {
      const char *slug = ((char **) plans->pdata[k])[0];
      const char *lang = k % 2 ? "en" : "zh";
      g_autofree char *name = g_strdup_printf ("atlas-%s.pdf", slug);
      g_autofree char *pdf = pa_test_temp_path (name);
      const char *args[] = { "--export", pdf, "--plan", slug, "--atlas", "--page", "A3", "--lang", lang, NULL };
      g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), slug, NULL);
      GListModel *zones = pa_plan_get_zones (plan);
      guint n = g_list_model_get_n_items (zones);
      g_autofree char *text = NULL, *doc = NULL, *last = NULL;

      g_assert_cmpint (run_cli (NULL, NULL, args, NULL, NULL), ==, 0);
      g_assert_cmpint (pdf_pages (pdf), ==, n + 2);
      text = pdf_text (pdf);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
          if (!strstr (text, pa_zone_get_name (z)))
            g_test_fail_printf ("%s: zone “%s” is not in the atlas", slug, pa_zone_get_name (z));
        }
      doc = pa_source_dup_name (pa_plan_get_source (plan), FALSE);
      if (!strstr (text, doc))
        g_test_fail_printf ("%s: the document “%s” is not in the atlas", slug, doc);
      last = g_strdup_printf (g_str_equal (lang, "zh") ? "第%u页，共%u页" : "Page%uof%u", n + 2, n + 2);
      g_assert_nonnull (strstr (text, last));
      g_assert_nonnull (strstr (text, g_str_equal (lang, "zh") ? "目录" : "Contents"));
      g_assert_nonnull (strstr (text, g_str_equal (lang, "zh") ? "来源文件" : "Sources"));
      g_assert_null (strstr (text, g_str_equal (lang, "zh") ? "Contents" : "目录"));
      if (g_regex_match_simple ("[0-9]{3}_[0-9a-f]{16}\\.txt", text, 0, 0))
        g_test_fail_printf ("%s: a seed file name reaches the atlas", slug);
    }
  {
    const char *argv[] = { "pdffonts", NULL, NULL };
    g_autofree char *pdf = pa_test_temp_path ("atlas-yantai.pdf");
    g_autofree char *fonts = NULL;
    argv[1] = pdf;
    g_assert_cmpint (pa_test_run (argv, &fonts, NULL), ==, 0);
    g_assert_true (g_regex_match_simple ("[A-Z]{6}\\+NotoSansCJK", fonts, 0, 0)); /* a subset */
    g_assert_null (strstr (fonts, " no  "));
  }
}

/* A zone with more targets than a page holds: the table goes on, under its header, on
 * the next page, and its last row is there. */
static void
test_atlas_long_table_continues (void)
{
  g_autofree char *pdf = pa_test_temp_path ("long.pdf");
  g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), "yantai", NULL);
  g_autoptr (PaZone) z = g_list_model_get_item (pa_plan_get_zones (plan), 0);
  g_auto (PaExportOptions) options;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  guint n = g_list_model_get_n_items (pa_plan_get_zones (plan));

  for (int i = 0; i < 90; i++)
    {
      g_autoptr (PaTarget) t = pa_target_new (); /* the zone holds its own reference */
      t->indicator = g_strdup_printf ("测试指标%03d", i);
      t->value = 100 + i;
      t->unit = g_strdup ("亿元");
      t->year = 2025;
      pa_zone_add_target (z, t);
    }
  pa_export_options_init (&options);
  options.atlas = TRUE;
  options.lang = g_strdup ("zh");
  g_assert_true (pa_export_figure (plan, NULL, &options, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (pdf), >, (int) n + 2);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "测试指标000"));
  g_assert_nonnull (strstr (text, "测试指标089"));
  g_assert_nonnull (strstr (text, "（续）"));
}

static void
cancel_at_first_progress (double fraction, gpointer data)
{
  g_cancellable_cancel (data);
}

/* Cancel: no partial file, the file that was there untouched, the reason said. */
static void
test_cancel_leaves_existing_file (void)
{
  g_autofree char *probe = pa_test_temp_path ("cancel/x");
  g_autofree char *dir = g_path_get_dirname (probe);
  g_autofree char *pdf = g_build_filename (dir, "atlas.pdf", NULL);
  g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), "shenzhen", NULL);
  g_autoptr (PaBasemap) basemap = pa_store_load_basemap (pa_test_default_store (), NULL);
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_auto (PaExportOptions) options;
  g_autoptr (GError) error = NULL;
  g_autofree char *after = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (pdf, "the planner's earlier atlas", -1, NULL));
  pa_export_options_init (&options);
  options.atlas = TRUE;
  g_assert_false (pa_export_figure (plan, basemap, &options, pdf, cancellable, cancel_at_first_progress,
                                    cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (pdf, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "the planner's earlier atlas");
  g_assert_cmpuint (pa_test_count_files (dir), ==, 1);
}

/* A folder that cannot be written: the export fails saying why in the interface
 * language (no English system text in a Chinese message) and leaves nothing. */
static void
test_unwritable_folder (void)
{
  g_autofree char *probe = pa_test_temp_path ("ro/x");
  g_autofree char *dir = g_path_get_dirname (probe);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "plan.pdf", NULL);
  g_autofree char *ro = g_build_filename (dir, "plan.pdf", NULL);
  const char *a1[] = { "--export", missing, "--plan", "yantai", NULL };
  const char *a2[] = { "--export", ro, "--plan", "yantai", NULL };
  g_autofree char *err = NULL, *err2 = NULL;

  g_assert_cmpint (run_cli ("zh_CN", NULL, a1, NULL, &err), !=, 0);
  g_assert_nonnull (strstr (err, missing));
  g_assert_nonnull (strstr (err, "文件夹不存在"));
  g_assert_null (strstr (err, "No such file"));

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_set_contents (ro, "kept", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  if (access (dir, W_OK) == 0)
    {
      /* root writes anywhere: the read-only case cannot be made here */
      g_chmod (dir, 0755);
      g_test_message ("running as root: read-only folder not tested");
      return;
    }
  g_assert_cmpint (run_cli ("zh_CN", NULL, a2, NULL, &err2), !=, 0);
  g_chmod (dir, 0755);
  g_assert_nonnull (strstr (err2, "只读"));
  g_assert_null (strstr (err2, "Permission denied"));
  {
    g_autofree char *kept = NULL;
    g_assert_true (g_file_get_contents (ro, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, "kept");
  }
}

/* Every zone's name is placed where a reader sees whose it is: its anchor is in no other
 * zone's shape (zones containing this one's label point aside: a zone inside another),
 * on all five plans at A4 and A3; a zone with no such place is numbered. */
static void
test_labels_belong_to_their_zones (void)
{
  g_autoptr (GPtrArray) plans = pa_store_list_plans (pa_test_default_store (), NULL);
  g_autoptr (PaBasemap) basemap = pa_store_load_basemap (pa_test_default_store (), NULL);
  const PaPaper papers[] = { PA_PAPER_A4, PA_PAPER_A3 };

  g_assert_cmpuint (plans->len, ==, 5);
  for (guint k = 0; k < plans->len; k++)
    for (guint p = 0; p < G_N_ELEMENTS (papers); p++)
      {
        const char *slug = ((char **) plans->pdata[k])[0];
        g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), slug, NULL);
        GListModel *zones = pa_plan_get_zones (plan);
        g_auto (PaExportOptions) options;
        g_autoptr (GArray) labels = NULL;
        cairo_surface_t *surface;
        cairo_t *cr;
        double w, h;
        guint named = 0;

        pa_export_options_init (&options);
        options.paper = papers[p];
        pa_export_options_get_page_pt (&options, &w, &h);
        surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
        cr = cairo_create (surface);
        pa_figure_draw_full (cr, plan, basemap, &options, w, h, &labels);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
        g_assert_nonnull (labels);
        g_assert_cmpuint (labels->len, ==, g_list_model_get_n_items (zones));
        for (guint i = 0; i < labels->len; i++)
          {
            const PaLabelPlacement *pl = &g_array_index (labels, PaLabelPlacement, i);
            PaPoint own = pa_geometry_get_cached_label_point (pa_zone_get_geometry (pl->zone));
            named += pl->number == NULL;
            for (guint j = 0; j < g_list_model_get_n_items (zones); j++)
              {
                g_autoptr (PaZone) other = g_list_model_get_item (zones, j);
                PaGeometry *g = pa_zone_get_geometry (other);
                if (other == pl->zone || !g || pa_geometry_contains_point (g, own.x, own.y))
                  continue;
                if (pa_geometry_contains_point (g, pl->lon, pl->lat))
                  g_test_fail_printf ("%s, %s: the label of “%s” lies in “%s”", slug, pa_paper_to_string (papers[p]),
                                      pa_zone_get_name (pl->zone), pa_zone_get_name (other));
              }
          }
        g_test_message ("%s %s: %u of %u zones named on the map", slug, pa_paper_to_string (papers[p]), named,
                        labels->len);
      }
}

/* A plan too crowded for names: 48 small zones a few hundred metres apart, long names. */
static PaPlan *
crowded_plan (void)
{
  PaPlan *plan = pa_plan_new (1, "crowded", "拥挤的规划", "示意");
  pa_plan_add_role (plan, "core", "核心区");
  for (int i = 0; i < 48; i++)
    {
      g_autofree char *key = g_strdup_printf ("z%02d", i);
      g_autofree char *name = g_strdup_printf ("第%02d号生物医药产业创新发展先导区", i);
      g_autoptr (PaZone) z = pa_zone_new (i + 1, key, name, "core");
      g_autoptr (PaGeometry) g = pa_geometry_new ();
      double cx = 114.0 + (i % 8) * 0.006, cy = 22.6 + (i / 8) * 0.005;
      pa_geometry_begin_polygon (g);
      pa_geometry_begin_ring (g);
      for (int k = 0; k <= 16; k++)
        pa_geometry_add_point (g, cx + 0.002 * cos (2 * G_PI * (k % 16) / 16), cy + 0.0017 * sin (2 * G_PI * (k % 16) / 16));
      pa_zone_set_geometry (z, g);
      pa_plan_add_zone (plan, z);
    }
  return plan;
}

/* Where names cannot be placed, zones are numbered (①②③…) and the key beside the map
 * names them; numbers, like names, stay off other zones. */
static void
test_crowded_zones_are_numbered (void)
{
  g_autoptr (PaPlan) plan = crowded_plan ();
  g_autofree char *pdf = pa_test_temp_path ("crowded.pdf");
  g_auto (PaExportOptions) options;
  g_autoptr (GArray) labels = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  guint numbered = 0;
  double w, h;

  pa_export_options_init (&options);
  options.show_basemap = FALSE;
  pa_export_options_get_page_pt (&options, &w, &h);
  pa_figure_draw_full (cr, plan, NULL, &options, w, h, &labels);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_cmpuint (labels->len, ==, 48);
  for (guint i = 0; i < labels->len; i++)
    {
      const PaLabelPlacement *pl = &g_array_index (labels, PaLabelPlacement, i);
      numbered += pl->number != NULL;
      for (guint j = 0; j < 48; j++)
        {
          g_autoptr (PaZone) other = g_list_model_get_item (pa_plan_get_zones (plan), j);
          if (other != pl->zone && pa_geometry_contains_point (pa_zone_get_geometry (other), pl->lon, pl->lat))
            g_test_fail_printf ("the label of “%s” lies in “%s”", pa_zone_get_name (pl->zone), pa_zone_get_name (other));
        }
    }
  g_assert_cmpuint (numbered, >, 0);
  g_assert_true (pa_export_figure (plan, NULL, &options, pdf, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  text = pdf_text (pdf);
  /* the key: the number, then the name */
  g_assert_nonnull (strstr (text, "①"));
  for (guint i = 0; i < 48; i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (pa_plan_get_zones (plan), i);
      if (!strstr (text, pa_zone_get_name (z)))
        g_test_fail_printf ("“%s” is neither on the map nor in the key", pa_zone_get_name (z));
    }
}

/* Furniture does not cover zones where that can be avoided: in the narrow frame of an
 * atlas's overview (A4, beside its contents), no corner of Minhang's map is free for the
 * key of its numbered zones, so the key takes a band along the foot of the frame and the
 * zones are fitted above it; no box of the legend, scale bar, arrow, locator or key
 * meets a zone. */
static void
test_furniture_covers_no_zone (void)
{
  g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), "minhang", NULL);
  g_autoptr (PaBasemap) basemap = pa_store_load_basemap (pa_test_default_store (), NULL);
  g_auto (PaExportOptions) options;
  g_autoptr (GArray) labels = NULL, furniture = NULL;
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  GListModel *zones = pa_plan_get_zones (plan);
  guint numbered = 0;
  PaView view;

  pa_export_options_init (&options);
  pa_figure_draw_map_full (cr, plan, basemap, &options, NULL, 28, 70, 521, 458, 1.0, &view, &labels, &furniture);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  for (guint i = 0; i < labels->len; i++)
    numbered += g_array_index (labels, PaLabelPlacement, i).number != NULL;
  g_assert_cmpuint (numbered, >, 0); /* there is a key */
  g_assert_cmpuint (furniture->len, >=, 3);
  for (guint b = 0; b < furniture->len; b++)
    for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
      {
        g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
        PaBBox ll = pa_geometry_get_bbox (pa_zone_get_geometry (z)), zb;
        const PaBBox *fb = &g_array_index (furniture, PaBBox, b);
        pa_view_project (&view, ll.minx, ll.maxy, &zb.minx, &zb.miny);
        pa_view_project (&view, ll.maxx, ll.miny, &zb.maxx, &zb.maxy);
        if (pa_bbox_intersects (fb, &zb))
          g_test_fail_printf ("furniture box %u (%.0f, %.0f – %.0f, %.0f) covers “%s”", b, fb->minx, fb->miny,
                              fb->maxx, fb->maxy, pa_zone_get_name (z));
      }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/export/png-size-is-page-times-dpi", test_png_size_is_page_times_dpi);
  g_test_add_func ("/export/bad-options-refused", test_bad_options_refused);
  g_test_add_func ("/export/tile-pack-in-figure", test_tile_pack_in_figure);
  g_test_add_func ("/export/repeat-exports-are-identical", test_repeat_exports_are_identical);
  g_test_add_func ("/export/svg-parses-with-zones-as-paths", test_svg_parses_with_zones_as_paths);
  g_test_add_func ("/export/figure-language-is-independent", test_figure_language_is_independent);
  g_test_add_func ("/export/zone-figure", test_zone_figure);
  g_test_add_func ("/export/every-district-of-the-city-named", test_every_district_of_the_city_named);
  g_test_add_func ("/export/atlas-has-a-page-per-zone", test_atlas_has_a_page_per_zone);
  g_test_add_func ("/export/atlas-long-table-continues", test_atlas_long_table_continues);
  g_test_add_func ("/export/cancel-leaves-existing-file", test_cancel_leaves_existing_file);
  g_test_add_func ("/export/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/export/labels-belong-to-their-zones", test_labels_belong_to_their_zones);
  g_test_add_func ("/export/crowded-zones-are-numbered", test_crowded_zones_are_numbered);
  g_test_add_func ("/export/furniture-covers-no-zone", test_furniture_covers_no_zone);
  return g_test_run ();
}
