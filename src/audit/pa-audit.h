/* pa-audit.h — checking a plan against its own arithmetic.
 *
 * Five checks, each on the document's own numbers: targets that should add up to a
 * total (the plan source's "sums"), baseline × (1 + rate)^years against the target,
 * baseline + stated increase against the target, target years outside the plan's period,
 * and zones whose outlines overlap while both have a target of the same indicator (a
 * possible double count). Values are read as their comparator says: 突破/超过/以上/达到
 * are lower bounds (parts that add up to more are consistent), 左右/约 approximate, 近
 * close from below. A finding names the numbers, the expected and stated values, the
 * tolerance and the citations of both sides.
 */
#pragma once

#include "model/pa-plan.h"

G_BEGIN_DECLS

typedef enum
{
  PA_FINDING_SUM,
  PA_FINDING_GROWTH,
  PA_FINDING_INCREASE,
  PA_FINDING_PERIOD,
  PA_FINDING_OVERLAP,
} PaFindingKind;

typedef struct
{
  gatomicrefcount ref;
  PaFindingKind kind;
  char *message;        /* one line, in the UI language, with every number */
  double expected;      /* what the document's other numbers give (overlap: shared km²) */
  double stated;        /* what the document states (overlap: 0) */
  double tolerance;     /* relative, e.g. 0.01 */
  PaCitation *citation; /* the stated value's sentence */
  PaCitation *other;    /* the sentence of the numbers it was checked against; may be NULL */
  GPtrArray *owners;    /* zone / programme names involved (char*) */
} PaFinding;

#define PA_TYPE_FINDING (pa_finding_get_type ())
GType pa_finding_get_type (void) G_GNUC_CONST;
PaFinding *pa_finding_ref (PaFinding *self);
void pa_finding_unref (PaFinding *self);
/* "message [《title》, section | 《title》, section]" — the form --audit prints. */
char *pa_finding_format (const PaFinding *self);
/* TRUE when the finding concerns the zone or programme named @owner. */
gboolean pa_finding_involves (const PaFinding *self, const char *owner);

#define PA_AUDIT_DEFAULT_TOLERANCE 0.01

/* Runs every check on @plan; returns the findings (PaFinding) and, in @n_checks, how many
 * checks could be made. */
GPtrArray *pa_audit_plan (PaPlan *plan, double tolerance, guint *n_checks);
/* The same with the findings worded in @lang ("zh", "en"; NULL: the interface's), for a
 * figure whose language is not the interface's. */
GPtrArray *pa_audit_plan_in (PaPlan *plan, double tolerance, const char *lang, guint *n_checks);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PaFinding, pa_finding_unref)

G_END_DECLS
