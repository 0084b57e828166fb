/* pa-targets-window.h — every target of a plan in a sortable table, with its source */
#pragma once

#include <adwaita.h>

#include "document/pa-document.h"

G_BEGIN_DECLS

#define PA_TYPE_TARGETS_WINDOW (pa_targets_window_get_type ())
G_DECLARE_FINAL_TYPE (PaTargetsWindow, pa_targets_window, PA, TARGETS_WINDOW, AdwWindow)

/* Every target of @document's plan, following its edits. */
PaTargetsWindow *pa_targets_window_new (GtkWindow *parent, PaDocument *document);
/* The table's rows in display order (PaTargetItem), after any sorting. */
GListModel *pa_targets_window_get_rows (PaTargetsWindow *self);
/* The table as shown: tab-separated (the Copy button), or CSV for Excel (Save as CSV). */
char *pa_targets_window_dup_table (PaTargetsWindow *self, gboolean csv);
/* Sorts by the column titled @title, as a click on its header does. */
gboolean pa_targets_window_sort_by (PaTargetsWindow *self, const char *title, GtkSortType order);

G_END_DECLS
