/* pa-export-csv.h — a plan's targets and organisations as two CSV files for Excel.
 *
 * Excel shows one CSV as one sheet, and a sheet with two tables of different columns
 * cannot be sorted or filtered; so FILE.csv becomes FILE-targets.csv and
 * FILE-enterprises.csv. Both are UTF-8 with a BOM (without it Excel on Chinese Windows
 * reads GBK), CRLF line ends and quoted fields; column names follow the interface
 * language and are the ones the CSV import recognises, so the enterprises file imports
 * back as it is.
 */
#pragma once

#include "model/pa-plan.h"

G_BEGIN_DECLS

char *pa_export_targets_csv (PaPlan *plan);
char *pa_export_organisations_csv (PaPlan *plan);
/* The two file names for @path ("out.csv" → "out-targets.csv", "out-enterprises.csv"). */
void pa_export_csv_paths (const char *path, char **targets_path, char **organisations_path);
/* Writes both files, each under a temporary name renamed into place. */
gboolean pa_export_plan_csv_files (PaPlan *plan, const char *path, GError **error);

G_END_DECLS
