/* pa-target.h — one quantitative target a plan sets, for the plan or for a zone.
 *
 * A plain immutable record. Missing numbers are NAN, missing years 0.
 */
#pragma once

#include "pa-citation.h"

G_BEGIN_DECLS

typedef struct
{
  gatomicrefcount ref;
  gint64 id;
  char *key;        /* names the target in the plan's sums; may be NULL */
  char *owner;      /* the zone or programme it belongs to; NULL for the plan itself */
  char *indicator;  /* 主营业务收入 */
  char *comparator; /* 突破 / 达到 / 以上 …, verbatim; may be NULL */
  double value;
  char *value_text; /* the document's words where it writes no digits (十, 近万); may be NULL */
  char *unit;       /* 亿元, %, 家, 个 … */
  int year;
  double baseline_value;
  int baseline_year;
  double growth_rate; /* percent per year */
  double increase;
  PaCitation *citation;
  PaCitation *baseline_citation; /* where the baseline is stated, when not in @citation */
  /* Provenance: who entered or last changed it (NULL: as the document states it), and
   * the document's own values of the fields a planner changed (column → text; may be NULL). */
  char *entered_by;
  char *entered_at;
  GHashTable *document_values;
} PaTarget;

#define PA_TYPE_TARGET (pa_target_get_type ())
GType pa_target_get_type (void) G_GNUC_CONST;

PaTarget *pa_target_new (void);
PaTarget *pa_target_ref (PaTarget *self);
void pa_target_unref (PaTarget *self);
/* "2023年 主营业务收入 达到 500亿元", with the baseline and growth where given. */
char *pa_target_describe (const PaTarget *self);

/* How a target's comparator — the document's own word — is read. */
typedef enum
{
  PA_COMPARATOR_UNKNOWN = -1,
  PA_COMPARATOR_EXACT,     /* no comparator: the value as stated */
  PA_COMPARATOR_AT_LEAST,  /* 达到, 累计达到: reaches the value, at least */
  PA_COMPARATOR_MORE_THAN, /* 突破, 超过, 超, 累计超过, 以上: a lower bound */
  PA_COMPARATOR_ABOUT,     /* 左右, 约: approximately */
  PA_COMPARATOR_NEARLY,    /* 近: close to the value, from below */
  PA_COMPARATOR_ACTION,    /* a verb (新增, 建设, 成为, 形成 …): the value as stated, or none */
} PaComparatorKind;

/* The reading of @word; PA_COMPARATOR_UNKNOWN for a word outside the known set (which
 * the loader refuses). NULL or "" is EXACT. */
PaComparatorKind pa_comparator_classify (const char *word);
/* TRUE for the words written after the number: “50个以上”, “2000亿元左右”. */
gboolean pa_comparator_follows_value (const char *word);
/* The value as the document writes it: no trailing zeros ("62.3", "2000"). */
char *pa_format_number (double value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaTarget, pa_target_unref)

G_END_DECLS
