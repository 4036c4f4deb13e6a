/*
 * The audit's money: historic payments compared with the recomputed ones
 * (docs/audit.md; docs/interface.md "Audit input").
 *
 * An audit reads the batch input with one more column, `paid`: the amount
 * that was paid.  The rows of one case and month are one case-month (rules.md
 * §7); their paid cells -- payment lines (corrections) included -- are summed
 * (rfy_audit_paid_*), the sum is compared once with the recomputed payment
 * (rfy_audit_compare: difference = paid − payment, positive when paid too
 * much, a match when it is at most the tolerance either way), and the run's
 * totals are kept (rfy_audit_totals_add).  Every amount is øre in an mpz_t.
 *
 * No allocation per case-month: the mpz_t of an rfy_audit_paid and of an
 * rfy_audit_totals are initialised once and reused.  The reasons are the
 * ones a reject row shows (English, naming the way out); err->column is
 * "paid".
 *
 * Threads: each thread uses its own rfy_audit_paid and rfy_audit_totals.
 */
#ifndef RFY_AUDIT_H
#define RFY_AUDIT_H

#include <gmp.h>
#include <stddef.h>

#include <rfy/batch.h>
#include <rfy/calc.h>
#include <rfy/money.h>
#include <rfy/export.h>

RFY_BEGIN_DECLS

/* The name of the audit's extra input column. */
#define RFY_AUDIT_PAID_COLUMN "paid"

/* How a case-month's paid sum compares with its recomputed payment. */
typedef enum rfy_audit_finding {
    RFY_AUDIT_MATCH = 0, /* |paid − payment| <= tolerance (equal to the tolerance is a match) */
    RFY_AUDIT_OVER = 1,  /* paid − payment > tolerance: paid too much */
    RFY_AUDIT_UNDER = 2  /* payment − paid > tolerance: paid too little */
} rfy_audit_finding;

/* The paid sum of one case-month, built cell by cell. */
typedef struct rfy_audit_paid {
    mpz_t sum;       /* the cells given so far, øre */
    mpz_t cell;      /* the last cell read (reused) */
    size_t given;    /* non-empty cells added since rfy_audit_paid_start() */
} rfy_audit_paid;

/* The totals of a run's computed case-months. */
typedef struct rfy_audit_totals {
    unsigned long matches;   /* case-months within the tolerance */
    unsigned long over;      /* case-months paid too much (beyond the tolerance) */
    unsigned long under;     /* case-months paid too little (beyond the tolerance) */
    mpz_t over_sum;          /* their differences: >= 0 */
    mpz_t under_sum;         /* their differences: <= 0 */
    mpz_t paid_total;        /* paid, over every case-month compared */
    /* paid − payment over every case-month compared, matches within the
     * tolerance included: paid_total − the payments compared
     * = over_sum + under_sum + within_sum (docs/audit.md sum_of_differences) */
    mpz_t diff_total;
    mpz_t within_sum;        /* the differences of the matches (0 without a tolerance) */
} rfy_audit_totals;

/* Init / clear an rfy_audit_paid (sum 0, nothing given). */
RFY_API void rfy_audit_paid_init(rfy_audit_paid *p);
RFY_API void rfy_audit_paid_clear(rfy_audit_paid *p);

/*
 * Parse one `paid` cell: an amount in the input's syntax (rfy_amount_parse:
 * with a decimal comma also "12.345,67"), at most RFY_MAX_AMOUNT_ORE.
 * Returns RFY_OK with the øre in `out`, or RFY_EINPUT with err filled
 * (column "paid"; the reason names the cell, as shown safely, and the way
 * out): empty, not a valid number, above the limit.  `out` may have changed.
 * Preconditions: out initialised; text has len bytes (NUL not needed); syn is
 * RFY_AMOUNT_DOT or RFY_AMOUNT_COMMA; err not NULL.
 */
RFY_API int rfy_audit_paid_parse(mpz_t out, const char *text, size_t len,
                                 const rfy_decimal_syntax *syn, rfy_error *err);

/* Start the paid sum of a new case-month (sum 0, nothing given). */
RFY_API void rfy_audit_paid_start(rfy_audit_paid *p);

/*
 * Add the paid cell of one row of a case-month of `nrows` rows (its input
 * line `line`).  When the case-month has several rows an empty cell counts 0
 * (another row gives the amount) and a reason starts "line N: "; a single
 * row's empty cell is an error.  Returns RFY_OK, or RFY_EINPUT with err
 * filled as rfy_audit_paid_parse() does (p->sum then is not meaningful).
 * Preconditions: p initialised and started; as rfy_audit_paid_parse().
 */
RFY_API int rfy_audit_paid_add(rfy_audit_paid *p, const char *text, size_t len,
                               unsigned long line, size_t nrows,
                               const rfy_decimal_syntax *syn, rfy_error *err);

/*
 * After the last row: RFY_OK when at least one cell gave an amount, else
 * RFY_EINPUT with err filled ("paid is empty on every row of this case and
 * month: ...").  Preconditions: as rfy_audit_paid_add().
 */
RFY_API int rfy_audit_paid_finish(const rfy_audit_paid *p, const rfy_decimal_syntax *syn,
                                  rfy_error *err);

/*
 * The paid sum of a computed case-month of the batch loop: start, add each
 * row's cell of extra column `extra` (rfy_batch_row_extra_cell), finish.
 * Returns RFY_OK with the sum in p->sum, or RFY_EINPUT with err filled --
 * what an on_row hook returns to turn the case-month into a reject.
 * Preconditions: p initialised; row as passed to on_row; extra < the
 * configuration's nextra; syn and err as rfy_audit_paid_parse().
 */
RFY_API int rfy_audit_paid_of_row(rfy_audit_paid *p, const rfy_batch_row *row, size_t extra,
                                  const rfy_decimal_syntax *syn, rfy_error *err);

/*
 * difference = paid − payment into `diff` (positive: paid too much), and how
 * it compares with `tolerance`: RFY_AUDIT_MATCH when |diff| <= tolerance,
 * else RFY_AUDIT_OVER (diff > 0) or RFY_AUDIT_UNDER (diff < 0).
 * Preconditions: diff initialised (it may not be paid or payment);
 * tolerance >= 0.
 */
RFY_API rfy_audit_finding rfy_audit_compare(mpz_t diff, const mpz_t paid, const mpz_t payment,
                                            const mpz_t tolerance);

/*
 * A tolerance (`rfy audit --tolerance`): "0.50" or "0,50" (the syntax is
 * the one of the decimal separator written), two decimals at most, no sign,
 * at most RFY_MAX_AMOUNT_ORE.  Returns RFY_OK with the øre in `out`, or
 * RFY_EINPUT with *why a static explanation when the text is not a number
 * (NULL when it is one above the limit).  Preconditions: out initialised;
 * text has len bytes; why may be NULL.
 */
RFY_API int rfy_audit_tolerance_parse(mpz_t out, const char *text, size_t len,
                                      const char **why);

/* Init / clear run totals (counts and sums 0); reset sets them to 0 again. */
RFY_API void rfy_audit_totals_init(rfy_audit_totals *t);
RFY_API void rfy_audit_totals_clear(rfy_audit_totals *t);
RFY_API void rfy_audit_totals_reset(rfy_audit_totals *t);

/*
 * Count one compared case-month: paid into paid_total and diff into
 * diff_total, always; a match counted with its diff (within the tolerance)
 * into within_sum; an over- or underpayment counted with its diff into its
 * sum.
 * Preconditions: t initialised; paid, diff and finding from one
 * rfy_audit_compare().
 */
RFY_API void rfy_audit_totals_add(rfy_audit_totals *t, const mpz_t paid, const mpz_t diff,
                                  rfy_audit_finding finding);

RFY_END_DECLS

#endif
