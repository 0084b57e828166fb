/* pa-import-report.h — what an import did: how many zones, parts and organisations it
 * wrote, and every row or feature it left out (or took with a remark), with where and why.
 *
 * A rejected item is not in the database because it is wrong; a skipped one because the
 * plan already has it; a note is about an item that is in (an enterprise whose zone was
 * not found, say). The command line prints the issues; the window can
 * list them. Built by the importer, read-only for everyone else.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PA_IMPORT_ISSUE_REJECTED, /* left out: the row or feature is wrong (no name, bad columns …) */
  PA_IMPORT_ISSUE_SKIPPED,  /* left out: the plan already has it (an import run twice) */
  PA_IMPORT_ISSUE_NOTE,     /* imported, with a remark */
} PaImportIssueKind;

typedef struct
{
  PaImportIssueKind kind;
  char *layer;   /* GeoPackage layer, or NULL */
  guint line;    /* CSV line (1 is the header), or 0 */
  guint feature; /* feature number in the file or layer (from 1), or 0 */
  char *name;    /* the zone or organisation, where the file names it */
  char *reason;
} PaImportIssue;

#define PA_TYPE_IMPORT_REPORT (pa_import_report_get_type ())
G_DECLARE_FINAL_TYPE (PaImportReport, pa_import_report, PA, IMPORT_REPORT, GObject)

PaImportReport *pa_import_report_new (const char *path);
const char *pa_import_report_get_path (PaImportReport *self);

/* Counts of what was written ("n-zones", "n-parts", "n-organisations" properties). */
guint pa_import_report_get_n_zones (PaImportReport *self);
guint pa_import_report_get_n_parts (PaImportReport *self);
guint pa_import_report_get_n_organisations (PaImportReport *self);
void pa_import_report_set_counts (PaImportReport *self, guint zones, guint parts, guint organisations);

/* Issues in the order they were found (PaImportIssue). */
GPtrArray *pa_import_report_get_issues (PaImportReport *self);
guint pa_import_report_get_n_rejected (PaImportReport *self);
guint pa_import_report_get_n_skipped (PaImportReport *self);
void pa_import_report_add (PaImportReport *self, PaImportIssueKind kind, const char *layer, guint line,
                           guint feature, const char *name, const char *reason);
/* Puts the issues in file order (layer by layer, then by line or feature number), as a
 * reader goes through the file; found in several passes, they were not. */
void pa_import_report_sort (PaImportReport *self);
/* The rejected issues, one formatted line each (at most @max, then "… and N more"),
 * for a message that refuses the file. */
char *pa_import_report_list_rejected (PaImportReport *self, guint max);

/* "enterprises.csv, line 3: …" — the file's base name, where in it, and why. */
char *pa_import_issue_format (const PaImportIssue *issue, const char *path);
/* One line: what was imported into @plan_name, how many items were wrong and how many
 * the plan already had. */
char *pa_import_report_describe (PaImportReport *self, const char *plan_name);

G_END_DECLS
