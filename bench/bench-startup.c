/* bench-startup.c — the window's start-up, as main.c does it: from the start of the
 * process to the first frame the window paints with the plan shown, and the peak memory
 * (VmHWM) at that point. Run once per process (bench/README.md has the loop):
 *   bench-startup DB PLAN */
#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "app/pa-window.h"
#include "bench-util.h"

static double t_start;
static gboolean painted;

static void
after_paint (GdkFrameClock *clock, gpointer window)
{
  if (painted)
    return;
  painted = TRUE;
  printf ("first frame painted       %8.1f ms\n", bench_now_ms () - t_start);
  {
    struct rusage ru;
    getrusage (RUSAGE_SELF, &ru);
    /* the machine is shared: CPU time says what the wall clock's waits hide */
    printf ("  CPU time (user + sys)   %8.1f ms\n",
            (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000.0 + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1000.0);
  }
}

static void
mapped (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  printf ("window mapped             %8.1f ms\n", bench_now_ms () - t_start);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), window);
}

/* Peak resident memory so far, from /proc/self/status. */
static void
print_peak_rss (void)
{
  g_autofree char *status = NULL;
  char *line;
  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return;
  if ((line = strstr (status, "VmHWM:")))
    printf ("peak RSS (VmHWM)          %8.1f MiB\n", g_ascii_strtod (line + 6, NULL) / 1024.0);
}

int
main (int argc, char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PaStore) store = NULL;
  g_autoptr (PaBasemap) basemap = NULL;
  g_autoptr (PaDocument) document = NULL;
  PaWindow *window;
  double t;

  t_start = bench_now_ms ();
  if (argc != 3)
    {
      fprintf (stderr, "usage: %s DB PLAN\n", argv[0]);
      return 2;
    }
  gtk_init ();
  adw_init ();
  store = pa_store_open (argv[1], NULL, &error);
  basemap = store ? pa_store_load_basemap (store, &error) : NULL;
  if (!basemap)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  document = pa_document_new (store);
  window = pa_window_new (NULL, document, basemap);
  t = bench_now_ms ();
  if (!pa_window_show_plan (window, argv[2], &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  printf ("plan %-20s %8.1f ms (load + audit: %.1f ms)\n", argv[2], bench_now_ms () - t_start, bench_now_ms () - t);
  g_signal_connect (window, "map", G_CALLBACK (mapped), NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  /* the map's own first frame may follow the window's: a few more, then the figures */
  for (int i = 0; i < 20 && g_main_context_iteration (NULL, FALSE); i++)
    ;
  print_peak_rss ();
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
