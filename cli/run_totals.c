/* What a finished run counted and summed (run_totals.h). */
#include <string.h>

#include "run_totals.h"

void run_totals_init(run_totals *t)
{
    memset(&t->n, 0, sizeof t->n);
    mpz_inits(t->gross, t->deductions, t->payment, NULL);
}

void run_totals_read(run_totals *t, const rfy_batch_stats *st)
{
    t->n = *rfy_batch_stats_counts(st);
    rfy_batch_stats_total(t->gross, st, RFY_BATCH_TOTAL_GROSS);
    rfy_batch_stats_total(t->deductions, st, RFY_BATCH_TOTAL_DEDUCTIONS);
    rfy_batch_stats_total(t->payment, st, RFY_BATCH_TOTAL_PAYMENT);
}

void run_totals_clear(run_totals *t)
{
    mpz_clears(t->gross, t->deductions, t->payment, NULL);
}
