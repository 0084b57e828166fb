/* pa-store-edit-private.h — what the edit files share: value makers, provenance and the
 * row helpers (store-internal; pa-store-edit.c defines them). */
#pragma once

#include "pa-store-edit.h"
#include "pa-store-private.h"

G_BEGIN_DECLS

/* Now, ISO 8601 UTC, for entered_at. */
char *pa_edit_now_iso (void);
/* Floating GVariants for a row write; NULL (SQL NULL) for a NULL string, a NAN number or
 * a year 0. */
GVariant *pa_edit_text (const char *s);
GVariant *pa_edit_number (double v);
GVariant *pa_edit_integer (gint64 v);
GVariant *pa_edit_year (int y);
GVariant *pa_edit_blob (GBytes *b);
/* Releases values that were not handed to a row write (an early return). */
void pa_edit_sink_all (GVariant **values, guint n);
/* The first column of the first row of @sql (?1 = @a, ?2 = @b, ?3 = @c where given);
 * 0 for no row, -1 on error. */
gint64 pa_edit_query_id (PaStore *self, const char *sql, gint64 a, const char *b, const char *c,
                         GError **error);
/* Updates the columns of a fact row that change, with its provenance (entered_by/at, and
 * the document's value of a cited fact, kept once). */
gboolean pa_edit_update_fact (PaStore *self, PaChange *change, const char *table, gint64 id,
                              const char *const *columns, GVariant **values, GError **error);
/* Refuses an unknown zone; gives its plan in @plan (may be NULL). */
gboolean pa_edit_check_zone (PaStore *self, gint64 zone, gint64 *plan, GError **error);
/* Row ids of @table where @column = @value. */
GArray *pa_edit_ids_where (PaStore *self, const char *table, const char *column, gint64 value,
                           GError **error);
gboolean pa_edit_delete_where (PaStore *self, PaChange *change, const char *table,
                               const char *column, gint64 value, GError **error);
gboolean pa_edit_delete_document_values (PaStore *self, PaChange *change, const char *table,
                                         gint64 row, GError **error);
/* A target with the sums it is part of or the total of. */
gboolean pa_edit_delete_target_rows (PaStore *self, PaChange *change, gint64 target, GError **error);

G_END_DECLS
