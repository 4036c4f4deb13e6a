/*
 * The growable parts of an rfy_result: room for more segments than the
 * fixed count (a case-month of several period rows, rules.md §7) and the
 * summed incomes of such a case-month.  Below compute.c and casemonth.c,
 * which both use them.
 */
#include "alloc.h"
#include "rules.h"

void rfy__segments_reserve(rfy_result *res, int n)
{
    int cap = res->seg_cap;
    if (n <= cap)
        return;
    while (cap < n)
        cap *= 2;
    res->seg = rfy__xalloc(res->seg, (size_t)res->seg_cap * sizeof *res->seg,
                           (size_t)cap * sizeof *res->seg);
    for (int i = res->seg_cap; i < cap; i++) {
        mpq_init(res->seg[i].level);
        mpq_init(res->seg[i].amount);
    }
    res->seg_cap = cap;
}

void rfy__rows_scratch_free(rfy_result *res)
{
    if (!res->rows_scratch)
        return;
    rfy_case_clear(&res->rows_scratch->sum);
    rfy__xfree(res->rows_scratch, sizeof *res->rows_scratch);
    res->rows_scratch = NULL;
}
