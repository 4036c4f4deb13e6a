/*
 * What a run counted and summed (rfy_batch_stats, include/rfy/batch.h): the
 * handle and its accessors, below the batch loop and the ledger, which both
 * read it.
 */
#include <stdlib.h>

#include "batch_stats.h"

rfy_batch_stats *rfy_batch_stats_new(void)
{
    rfy_batch_stats *st = calloc(1, sizeof *st);
    if (st)
        mpz_inits(st->gross, st->deductions, st->payment, NULL);
    return st;
}

void rfy_batch_stats_free(rfy_batch_stats *st)
{
    if (!st)
        return;
    mpz_clears(st->gross, st->deductions, st->payment, NULL);
    free(st);
}

const rfy_batch_counts *rfy_batch_stats_counts(const rfy_batch_stats *st)
{
    return &st->counts;
}

void rfy_batch_stats_total(mpz_t out, const rfy_batch_stats *st, rfy_batch_total which)
{
    switch (which) {
    case RFY_BATCH_TOTAL_GROSS:
        mpz_set(out, st->gross);
        break;
    case RFY_BATCH_TOTAL_DEDUCTIONS:
        mpz_set(out, st->deductions);
        break;
    case RFY_BATCH_TOTAL_PAYMENT:
        mpz_set(out, st->payment);
        break;
    }
}

void rfy_batch_stats_add(rfy_batch_stats *st, const rfy_result *res)
{
    rfy__batch_stats_add(st, res);
}
