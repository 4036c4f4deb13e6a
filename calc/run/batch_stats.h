/* Internal to calc/run: what a run counts and sums (rfy/batch.h's
 * rfy_batch_stats; batch_stats.c).  The batch loop adds to it directly. */
#ifndef RFY_BATCH_STATS_H
#define RFY_BATCH_STATS_H

#include <gmp.h>

#include <rfy/batch.h>

#include "calc_internal.h" /* the result's amounts, added per row */
#include "xq.h"            /* rfy__z_add: a one-limb sum in place */
#include <rfy/calc.h>

struct rfy_batch_stats {
    rfy_batch_counts counts;
    mpz_t gross, deductions, payment; /* øre */
};

/* rfy_batch_stats_add(), inline for the batch loop, which adds every
 * delivered case-month. */
static inline void rfy__batch_stats_add(rfy_batch_stats *st, const rfy_result *res)
{
    /* the totals of the printed (rounded) columns: they add up as printed
     * (exact mpz sums; in place while they are one limb) */
    rfy__z_add(st->gross, res->gross);
    rfy__z_add(st->deductions, res->total_deduction);
    rfy__z_add(st->payment, res->payment);
}

#endif
