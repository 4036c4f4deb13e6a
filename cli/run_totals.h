/*
 * What a finished run counted and summed, as the summary, the receipt and
 * the ledger record read it: the engine's counts and copies of its exact
 * sums (rfy_batch_stats is an opaque handle; the CLI adds nothing up).
 */
#ifndef RFY_RUN_TOTALS_H
#define RFY_RUN_TOTALS_H

#include <gmp.h>

#include <rfy/batch.h>

typedef struct run_totals {
    rfy_batch_counts n;
    mpz_t gross, deductions, payment; /* øre */
} run_totals;

/* Every count and sum 0. */
void run_totals_init(run_totals *t);
/* Take the counts and sums of st (after rfy_batch_run()). */
void run_totals_read(run_totals *t, const rfy_batch_stats *st);
void run_totals_clear(run_totals *t);

#endif
