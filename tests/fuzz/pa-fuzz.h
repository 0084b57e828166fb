/* pa-fuzz.h — what every fuzz target defines and shares.
 *
 * Each target file defines LLVMFuzzerTestOneInput (and may define
 * LLVMFuzzerInitialize). Built with -Dfuzzing=true (clang), libFuzzer drives it; in every
 * other build pa-fuzz-replay.c gives it a main() that runs each file of the corpus and
 * crash folders named on the command line, so the suite replays them under the
 * sanitizers.
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* A critical is a bug (the app runs with G_DEBUG=fatal-criticals in its tests): make it
 * a crash the fuzzer sees, and keep the expected warnings (a refused feature) quiet. */
static inline void
pa_fuzz_init_logging (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
  g_setenv ("G_MESSAGES_DEBUG", "", TRUE);
}

/* A file holding @data, for readers that take a path (one per process, rewritten). */
char *pa_fuzz_write_temp (const char *suffix, const uint8_t *data, size_t size);
