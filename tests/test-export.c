/* test-export.c — figures from the command line, with no display */
#include "config.h"

#include <glib/gstdio.h>

#include "pa-test-util.h"
#include "render/pa-exporter.h"

/* The command line with no DISPLAY / WAYLAND_DISPLAY, as on a server. */
static int
run_headless_in (const char *language, const char *const *args, char **out, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) env = g_get_environ ();
  g_autoptr (GError) error = NULL;
  int status = -1;

  if (language)
    env = g_environ_setenv (env, "LANGUAGE", language, TRUE);
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

static int
run_headless (const char *const *args, char **out, char **err)
{
  return run_headless_in (NULL, args, out, err);
}

static void
test_list_plans (void)
{
  const char *args[] = { "--list-plans", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (run_headless (args, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "yantai\t"));
  g_assert_nonnull (strstr (out, "\nshenzhen\t"));
  g_assert_nonnull (strstr (out, "一核多中心"));
  g_assert_nonnull (strstr (out, "\nminhang\t"));
  g_assert_nonnull (strstr (out, "\nshanghai\t"));
  g_assert_nonnull (strstr (out, "\npudong\t"));
}

/* Every zone name of the plan is real text in the PDF, in an embedded CJK font. */
static void
test_pdf_holds_every_zone_name (void)
{
  g_autoptr (GPtrArray) plans = pa_store_list_plans (pa_test_default_store (), NULL);
  g_assert_cmpuint (plans->len, ==, 5);
  for (guint k = 0; k < plans->len; k++)
    {
      const char *slugs[] = { ((char **) plans->pdata[k])[0] };
      g_autofree char *name = g_strdup_printf ("%s.pdf", slugs[0]);
      g_autofree char *pdf = pa_test_temp_path (name);
      const char *args[] = { "--export", pdf, "--plan", slugs[0], NULL };
      const char *totext[] = { "pdftotext", "-layout", pdf, "-", NULL };
      const char *fonts[] = { "pdffonts", pdf, NULL };
      g_autofree char *out = NULL, *err = NULL, *text = NULL, *fontlist = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (PaPlan) plan = pa_store_load_plan (pa_test_default_store (), slugs[0], &error);
      GListModel *zones = pa_plan_get_zones (plan);
      g_autofree char *flat = NULL;

      g_assert_cmpint (run_headless (args, &out, &err), ==, 0);
      g_assert_cmpint (pa_test_run (totext, &text, NULL), ==, 0);
      /* pdftotext -layout may pad or wrap a label: compare without spaces and newlines */
      {
        GString *s = g_string_new (NULL);
        for (const char *c = text; *c; c++)
          if (*c != ' ' && *c != '\n')
            g_string_append_c (s, *c);
        flat = g_string_free (s, FALSE);
      }
      for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
        {
          g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
          if (!strstr (flat, pa_zone_get_name (z)))
            g_test_fail_printf ("%s: zone “%s” is not in the PDF text", pdf, pa_zone_get_name (z));
          /* an inferred zone is marked 推定 on the figure, and the legend says what that means */
          if (pa_zone_get_inference (z))
            {
              g_autofree char *marked = g_strconcat (pa_zone_get_name (z), "（", NULL);
              const char *at = strstr (flat, marked);
              if (!at || !strstr (at, "推定）"))
                g_test_fail_printf ("%s: inferred zone “%s” is not marked 推定", pdf, pa_zone_get_name (z));
              if (!strstr (flat, "（推定）"))
                g_test_fail_printf ("%s: the legend does not explain 推定", pdf);
            }
        }
      g_assert_nonnull (strstr (flat, pa_plan_get_name (plan)));
      /* the document as a reader knows it, never the file it was read from */
      {
        g_autofree char *doc = pa_source_dup_name (pa_plan_get_source (plan), FALSE);
        if (!strstr (flat, doc)) /* the titles have no spaces for pdftotext to pad */
          g_test_fail_printf ("%s: the document “%s” is not named in the PDF text", pdf, doc);
        /* districts by their current names: 蓬莱区 since 2020, not the data's 蓬莱市/长岛县 */
        if (strstr (flat, "蓬莱市") || strstr (flat, "长岛县"))
          g_test_fail_printf ("%s: a district's former name reaches the figure", pdf);
        if (g_regex_match_simple ("[0-9]{3}_[0-9a-f]{16}\\.txt", text, 0, 0))
          g_test_fail_printf ("%s: a seed file name reaches the figure:\n%s", pdf, text);
      }
      if (pa_plan_has_schematic_zones (plan))
        g_assert_nonnull (strstr (flat, "示意"));
      g_assert_nonnull (strstr (flat, "OpenStreetMap"));
      g_assert_cmpint (pa_test_run (fonts, &fontlist, NULL), ==, 0);
      g_assert_nonnull (strstr (fontlist, "NotoSansCJK"));
      g_assert_null (strstr (fontlist, " no  ")); /* every font embedded */
    }
}

static void
test_svg_and_png (void)
{
  g_autofree char *svg = pa_test_temp_path ("shenzhen.svg");
  g_autofree char *png = pa_test_temp_path ("shenzhen.PNG");
  const char *a1[] = { "--export", svg, "--plan", "shenzhen", NULL };
  const char *a2[] = { "--export", png, "--plan", "shenzhen", NULL };
  g_autofree char *svgtext = NULL, *pngdata = NULL;
  gsize len;

  g_assert_cmpint (run_headless (a1, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (svg, &svgtext, &len, NULL));
  g_assert_nonnull (strstr (svgtext, "<svg"));
  g_assert_nonnull (strstr (svgtext, "<path"));
  g_assert_null (strstr (svgtext, "<image")); /* vectors, not an embedded raster */

  g_assert_cmpint (run_headless (a2, NULL, NULL), ==, 0);
  g_assert_true (g_file_get_contents (png, &pngdata, &len, NULL));
  g_assert_cmpmem (pngdata, 8, "\x89PNG\r\n\x1a\n", 8);
  /* IHDR width and height: A4 landscape (297 × 210 mm) at the default 144 dpi */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (pngdata + 16)), ==, 1684);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (pngdata + 20)), ==, 1191);
}

static void
test_unknown_plan_fails_and_names_it (void)
{
  g_autofree char *pdf = pa_test_temp_path ("atlantis.pdf");
  const char *args[] = { "--export", pdf, "--plan", "atlantis", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (run_headless (args, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, "atlantis"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_unknown_format_refused (void)
{
  g_autofree char *doc = pa_test_temp_path ("yantai.docx");
  const char *args[] = { "--export", doc, "--plan", "yantai", NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_assert_cmpint (run_headless (args, &out, &err), !=, 0);
  g_assert_nonnull (strstr (err, doc));
  g_assert_false (g_file_test (doc, G_FILE_TEST_EXISTS));
}

/* --db on a peer's GeoPackage says so and leaves the file as it was. */
static void
test_cli_refuses_foreign_geopackage (void)
{
  g_autofree char *peer = pa_test_shared_file ("testdata", "qgis-style-4326.gpkg");
  g_autofree char *src = NULL, *data = NULL;
  g_autofree char *before = NULL, *after = NULL, *out = NULL, *err = NULL;
  g_auto (GStrv) env = g_get_environ ();
  gsize len;
  int status;

  if (!peer)
    return;
  /* a copy: a bug must not damage the shared original */
  src = pa_test_temp_path ("qgis-style-4326.gpkg");
  g_assert_true (g_file_get_contents (peer, &data, &len, NULL));
  g_assert_true (g_file_set_contents (src, data, (gssize) len, NULL));
  before = pa_test_file_checksum (src);
  {
    const char *argv[] = { pa_test_exe (), "--db", src, "--list-plans", NULL };
    g_spawn_sync (NULL, (char **) argv, env, 0, NULL, NULL, &out, &err, &status, NULL);
  }
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "not a Park Atlas database"));
  g_assert_nonnull (strstr (err, src));
  after = pa_test_file_checksum (src);
  g_assert_cmpstr (before, ==, after);
}

/* --db on a path that does not exist: a new database only where its folder exists, and
 * the command says so; a mistyped folder creates nothing at all. */
static void
test_db_creates_only_in_existing_folder (void)
{
  g_autofree char *fresh = pa_test_temp_path ("made-here.gpkg");
  g_autofree char *dir = g_path_get_dirname (fresh);
  g_autofree char *missing_dir = g_build_filename (dir, "no-such-folder", NULL);
  g_autofree char *missing = g_build_filename (missing_dir, "plans.gpkg", NULL);
  const char *make[] = { pa_test_exe (), "--db", fresh, "--list-plans", NULL };
  const char *typo[] = { pa_test_exe (), "--db", missing, "--list-plans", NULL };
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL;

  g_assert_cmpint (pa_test_run (make, &out, &err), ==, 0);
  g_assert_true (g_file_test (fresh, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (err, "created a new planning database"));
  g_assert_nonnull (strstr (err, fresh));
  g_assert_true (g_str_has_prefix (out, "yantai\t"));

  g_assert_cmpint (pa_test_run (typo, &out2, &err2), !=, 0);
  g_assert_nonnull (strstr (err2, missing_dir));
  g_assert_false (g_file_test (missing_dir, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);
  /* opening it again says nothing of creating */
  g_assert_cmpint (pa_test_run (make, &out, &err), ==, 0);
  g_assert_null (strstr (err, "created"));
}

/* The figure follows the locale: in Chinese its legend and notes are Chinese. */
static void
test_follows_locale (void)
{
  g_autofree char *pdf = pa_test_temp_path ("yantai-zh.pdf");
  const char *args[] = { "--export", pdf, "--plan", "yantai", NULL };
  const char *totext[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *text = NULL, *en = NULL;

  g_assert_cmpint (run_headless_in ("zh_CN", args, NULL, NULL), ==, 0);
  g_assert_cmpint (pa_test_run (totext, &text, NULL), ==, 0);
  g_assert_nonnull (strstr (text, "图例"));
  g_assert_nonnull (strstr (text, "来源"));
  g_assert_null (strstr (text, "Legend"));

  g_assert_cmpint (run_headless (args, NULL, NULL), ==, 0);
  g_assert_cmpint (pa_test_run (totext, &en, NULL), ==, 0);
  g_assert_nonnull (strstr (en, "Legend"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/list-plans", test_list_plans);
  g_test_add_func ("/export/pdf-holds-every-zone-name", test_pdf_holds_every_zone_name);
  g_test_add_func ("/export/svg-is-vector-and-png-is-a4", test_svg_and_png);
  g_test_add_func ("/cli/unknown-plan-fails-and-names-it", test_unknown_plan_fails_and_names_it);
  g_test_add_func ("/export/unknown-format-refused", test_unknown_format_refused);
  g_test_add_func ("/cli/refuses-foreign-geopackage", test_cli_refuses_foreign_geopackage);
  g_test_add_func ("/export/follows-locale", test_follows_locale);
  g_test_add_func ("/cli/db-creates-only-in-existing-folder", test_db_creates_only_in_existing_folder);
  return g_test_run ();
}
