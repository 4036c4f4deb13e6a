/* Internal to calc/run: what a run counts and sums (rfy/batch.h's
 * rfy_batch_stats; batch_stats.c).  The batch loop adds to it directly. */
#ifndef RFY_BATCH_STATS_H
#define RFY_BATCH_STATS_H

#include <gmp.h>

#include <rfy/batch.h>

struct rfy_batch_stats {
    rfy_batch_counts counts;
    mpz_t gross, deductions, payment; /* øre */
};

#endif
