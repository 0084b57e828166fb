/* bench-util.c */
#include "bench-util.h"

#include <stdio.h>
#include <time.h>

double
bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

double
bench_cpu_ms (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(double *) a, y = *(double *) b;
  return x < y ? -1 : x > y;
}

double
bench_quantile (GArray *ms, double q)
{
  guint i;
  g_return_val_if_fail (ms->len > 0, 0);
  g_array_sort (ms, cmp_double);
  /* nearest rank: p95 of 120 frames is the 114th, never an interpolation */
  i = (guint) (q * ms->len + 0.5);
  i = i > 0 ? i - 1 : 0;
  if (q == 0.5)
    i = ms->len / 2; /* the median as the earlier figures took it */
  return g_array_index (ms, double, MIN (i, ms->len - 1));
}

void
bench_report (const char *what, GArray *ms)
{
  double median = bench_quantile (ms, 0.5);
  printf ("%-44s n=%-4u min %8.2f  median %8.2f  max %8.2f ms\n", what, ms->len, g_array_index (ms, double, 0),
          median, g_array_index (ms, double, ms->len - 1));
  fflush (stdout);
}

void
bench_report_frames (const char *what, GArray *ms)
{
  double median = bench_quantile (ms, 0.5), p95 = bench_quantile (ms, 0.95);
  printf ("%-44s n=%-4u median %8.2f  p95 %8.2f  max %8.2f ms\n", what, ms->len, median, p95,
          g_array_index (ms, double, ms->len - 1));
  fflush (stdout);
}
