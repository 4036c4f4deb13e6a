/*
 * The summary of a batch run, reconciled to the øre.
 *
 * payment = max(0, gross − total_deduction) per case-month, so a column sum
 * of total_deduction does not reconcile gross with paid when a month's
 * deductions exceed its benefit.  The summary therefore shows
 *     gross − deductions applied = paid
 * where deductions applied = gross − paid (exactly), and separately the
 * deductions beyond the benefit (= total_deduction − applied: income that
 * reduced nothing because the benefit was already 0), the case-months paid 0,
 * the case-months computed on a derived rate, and the rejects grouped by
 * reason (quoted values left out), commonest first.
 * The same figures go to standard error, the receipt and the xlsx summary
 * sheet, from this one place.
 */
#ifndef RFY_RUN_SUMMARY_H
#define RFY_RUN_SUMMARY_H

#include <stdio.h>

#include <gmp.h>
#include <jansson.h>

#include <rfy/rfy.h>

/* Distinct reject reasons kept; further ones are counted as "other reasons". */
#define RUN_SUMMARY_MAX_REASONS 256
/* Reasons printed on standard error (all of them go to the receipt). */
#define RUN_SUMMARY_PRINT_REASONS 5

#define RUN_SUMMARY_REASON_SIZE 256

typedef struct run_summary_reason {
    char column[40];
    char code[128];  /* the fault codes joined by ';' (the group's key with column) */
    /* The reason (at most 199 bytes) with its quoted value and the line
     * numbers it names replaced by '…': each replacement grows it by at most
     * 3 bytes, so it is never cut (a cut could split a character). */
    char reason[RUN_SUMMARY_REASON_SIZE];
    unsigned long count;
} run_summary_reason;

typedef struct run_summary {
    unsigned long rows, computed, rejected;
    unsigned long casemonths;    /* computed case-months (rfy_batch_stats.casemonths) */
    unsigned long paid_zero;     /* computed case-months with payment 0 */
    unsigned long derived;       /* computed case-months with the derived_rate warning */
    mpz_t gross, deductions, paid; /* column sums of gross, total_deduction, payment */
    mpz_t applied, beyond;       /* gross − paid; deductions − applied (rfy_batch_totals_split) */
    int reconciles;              /* what rfy_batch_totals_split() found */
    run_summary_reason *reasons; /* sorted by run_summary_finish(): commonest first */
    size_t nreasons;
    unsigned long other_reasons; /* rejects beyond RUN_SUMMARY_MAX_REASONS distinct reasons */
} run_summary;

void run_summary_init(run_summary *s);
void run_summary_clear(run_summary *s);

/* Count one computed case-month (paid 0, derived rate).  No allocation. */
void run_summary_row(run_summary *s, const rfy_result *res);

/*
 * Count one reject under its columns and fault codes (err), or, when err has
 * no faults, under column and reason.  The group's text is the first
 * reject's reasons in cli_lang with the quoted value and line numbers
 * replaced by '…'.  Returns 0, or -1 when out of memory.
 */
int run_summary_reject(run_summary *s, const rfy_error *err, const char *column, const char *reason);

/*
 * Take the row counts and column sums of the run, compute applied and
 * beyond, and sort the reasons.  Call once, after the run.
 */
void run_summary_finish(run_summary *s, unsigned long rows, unsigned long computed,
                        unsigned long rejected, const mpz_t gross, const mpz_t deductions,
                        const mpz_t paid);

/* Whether gross − applied = paid and applied + beyond = deductions with both
 * parts >= 0, as the engine's rfy_batch_totals_split() checked it in
 * run_summary_finish() (the tests check it on random files). */
int run_summary_reconciles(const run_summary *s);

/* The lines after "N rows read, ..." on standard error, each "rfy CMD: ...". */
void run_summary_print(const run_summary *s, FILE *fp, const char *cmd);

/* The same, naming the paid figure `paid_label`: audit says "recomputed",
 * since its "paid" is what was paid in the past, not what rfy pays. */
void run_summary_print_as(const run_summary *s, FILE *fp, const char *cmd,
                          const char *paid_label);

/* The figures as a JSON object (amounts as "123.45" strings); NULL when out of memory. */
json_t *run_summary_json(const run_summary *s);

#endif
