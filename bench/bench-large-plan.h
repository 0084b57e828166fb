/* bench-large-plan.h — the 10,000-zone plan section of the bench (issue 12, item 8). */
#pragma once

#include "document/pa-document.h"
#include "model/pa-basemap.h"

/* Builds a database of its own in @dir, imports 10,000 drawn zones into plan "shenzhen"
 * in one edit, then times a vertex drag (frames), its commit and its undo. @basemap
 * gives the districts the drag snaps to and names. Prints one line per figure. */
void bench_large_plan (const char *dir, PaBasemap *basemap);
/* Only the snaps of the drag, against the same 10,000 outlines as zones of a plan held in
 * memory (no store, no import): for callgrind --toggle-collect=snap_pointer. */
void bench_large_plan_snaps (PaBasemap *basemap);
/* Writes a database at @path (replaced) whose plan "shenzhen" holds the 10,000 zones, for
 * timing the window's start-up and for screenshots (bench/startup.sh). */
void bench_large_plan_write (const char *path);
/* Only the drag frames, on the plan of a database bench_large_plan_write made. */
void bench_large_plan_frames (const char *path, PaBasemap *basemap);
/* The plan "shenzhen" of a database bench_large_plan_write made, opened with the zone in
 * the middle of the grid selected (the one the drags move); that zone in @middle. */
PaDocument *bench_large_plan_open (const char *path, PaZone **middle);
