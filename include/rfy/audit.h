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
 * totals are kept (rfy_audit_totals_add).  Every amount is øre.
 *
 * rfy_audit_paid and rfy_audit_totals are opaque handles (rfy_X_new /
 * rfy_X_free); their amounts are handed out as copies into the caller's
 * mpz_t, or as exact text.  No allocation per case-month: a handle is made
 * once and reused.  The faults are the ones a reject row shows (column
 * "paid"; rfy/fault.h).
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

/* The paid sum of one case-month, built cell by cell (opaque). */
typedef struct rfy_audit_paid rfy_audit_paid;

/* The totals of a run's computed case-months (opaque). */
typedef struct rfy_audit_totals rfy_audit_totals;

/* The counts of an rfy_audit_totals (rfy_audit_totals_counts), in case-months. */
typedef struct rfy_audit_counts {
    unsigned long matches; /* within the tolerance */
    unsigned long over;    /* paid too much (beyond the tolerance) */
    unsigned long under;   /* paid too little (beyond the tolerance) */
} rfy_audit_counts;

/* The sums of an rfy_audit_totals, each øre (rfy_audit_totals_amount). */
typedef enum rfy_audit_amount_id {
    RFY_AUDIT_OVER_SUM = 0,   /* the overpayments' differences: >= 0 */
    RFY_AUDIT_UNDER_SUM = 1,  /* the underpayments' differences: <= 0 */
    RFY_AUDIT_PAID_TOTAL = 2, /* paid, over every case-month compared */
    /* paid − payment over every case-month compared, matches within the
     * tolerance included: PAID_TOTAL − the payments compared
     * = OVER_SUM + UNDER_SUM + WITHIN_SUM (docs/audit.md sum_of_differences) */
    RFY_AUDIT_DIFF_TOTAL = 3,
    RFY_AUDIT_WITHIN_SUM = 4  /* the matches' differences (0 without a tolerance) */
} rfy_audit_amount_id;

/*
 * A new paid sum: 0, nothing given.  Returns NULL when memory runs out.
 * The caller owns it: release it with rfy_audit_paid_free().
 */
RFY_API rfy_audit_paid *rfy_audit_paid_new(void);

/* Release a paid sum.  NULL is allowed and does nothing. */
RFY_API void rfy_audit_paid_free(rfy_audit_paid *p);

/*
 * The sum of the cells added since rfy_audit_paid_start(), øre, copied into
 * `out` (initialised by the caller).  Meaningful after rfy_audit_paid_finish()
 * or rfy_audit_paid_of_row() returned RFY_OK.  Precondition: p not NULL.
 */
RFY_API void rfy_audit_paid_sum(mpz_t out, const rfy_audit_paid *p);

/* The non-empty cells added since rfy_audit_paid_start().  Precondition: p not NULL. */
RFY_API size_t rfy_audit_paid_given(const rfy_audit_paid *p);

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

/* Start the paid sum of a new case-month (sum 0, nothing given).  p not NULL. */
RFY_API void rfy_audit_paid_start(rfy_audit_paid *p);

/*
 * Add the paid cell of one row of a case-month of `nrows` rows (its input
 * line `line`).  When the case-month has several rows an empty cell counts 0
 * (another row gives the amount) and a reason starts "linje N: "; a single
 * row's empty cell is an error.  Returns RFY_OK, or RFY_EINPUT with err
 * filled as rfy_audit_paid_parse() does (the sum then is not meaningful).
 * Preconditions: p started; as rfy_audit_paid_parse().
 */
RFY_API int rfy_audit_paid_add(rfy_audit_paid *p, const char *text, size_t len,
                               unsigned long line, size_t nrows,
                               const rfy_decimal_syntax *syn, rfy_error *err);

/*
 * After the last row: RFY_OK when at least one cell gave an amount, else
 * RFY_EINPUT with err filled (fault paid_empty_all: paid is empty on every
 * row of this case and month).  Preconditions: as rfy_audit_paid_add().
 */
RFY_API int rfy_audit_paid_finish(const rfy_audit_paid *p, const rfy_decimal_syntax *syn,
                                  rfy_error *err);

/*
 * The paid sum of a computed case-month of the batch loop: start, add each
 * row's cell of extra column `extra` (rfy_batch_row_extra_cell), finish.
 * Returns RFY_OK with the sum in p (rfy_audit_paid_sum), or RFY_EINPUT with
 * err filled -- what an on_row hook returns to turn the case-month into a
 * reject.  Preconditions: p not NULL; row as passed to on_row; extra < the
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

/*
 * New run totals: counts and sums 0.  Returns NULL when memory runs out.
 * The caller owns them: release them with rfy_audit_totals_free().
 */
RFY_API rfy_audit_totals *rfy_audit_totals_new(void);

/* Release run totals.  NULL is allowed and does nothing. */
RFY_API void rfy_audit_totals_free(rfy_audit_totals *t);

/* Set every count and sum to 0 again (a run that starts afresh).  t not NULL. */
RFY_API void rfy_audit_totals_reset(rfy_audit_totals *t);

/*
 * Count one compared case-month: paid into the paid total and diff into the
 * difference total, always; a match counted with its diff (within the
 * tolerance) into the within sum; an over- or underpayment counted with its
 * diff into its sum.
 * Preconditions: t not NULL; paid, diff and finding from one
 * rfy_audit_compare().
 */
RFY_API void rfy_audit_totals_add(rfy_audit_totals *t, const mpz_t paid, const mpz_t diff,
                                  rfy_audit_finding finding);

/* The counts so far: matches, over- and underpayments.  t not NULL. */
RFY_API rfy_audit_counts rfy_audit_totals_counts(const rfy_audit_totals *t);

/*
 * One of the sums so far, øre, copied into `out` (initialised by the
 * caller).  An unknown `which` gives 0.  Precondition: t not NULL.
 */
RFY_API void rfy_audit_totals_amount(mpz_t out, const rfy_audit_totals *t,
                                     rfy_audit_amount_id which);

/*
 * One of the sums as exact text, written as rfy_money_format() writes it
 * ("-1234.56" with point '.', "-1234,56" with ','): into buf, NUL-terminated.
 * Returns the length, or -1 when `size` is too small or `which` is unknown
 * (buf then holds "").  Precondition: t not NULL.
 */
RFY_API int rfy_audit_totals_text(char *buf, size_t size, const rfy_audit_totals *t,
                                  rfy_audit_amount_id which, char point);

RFY_END_DECLS

#endif
