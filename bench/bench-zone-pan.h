/* bench-zone-pan.h — the zone layer's pan frames with the tile cache (issue 17, item 8). */
#pragma once

#include "model/pa-basemap.h"

/* On the plan of a database bench_large_plan_write made: a pan across a 1920 × 1080 view
 * at district zoom and at the whole-plan zoom, drawn as the zone layer did before the
 * tiles (the painter straight) and as it does now (PaZoneTiles, then sites and names).
 * Prints the wall and CPU time of the frames, the first frame at the zoom apart. */
void bench_zone_pan (const char *path, PaBasemap *basemap);
