/* bench-util.h — the clock and the summaries every bench section reports with. */
#pragma once

#include <glib.h>

double bench_now_ms (void);
/* The calling thread's CPU time: steadier than the wall clock on a shared machine. */
double bench_cpu_ms (void);
/* Sorts @ms; returns the value at fraction @q of it (0.5: the median). */
double bench_quantile (GArray *ms, double q);
/* One line: what, n, min, median, max. */
void bench_report (const char *what, GArray *ms);
/* One line for frame times, where the slow tail matters: n, median, p95, max. */
void bench_report_frames (const char *what, GArray *ms);
