/* Internal to calc/: the holiday ledger of one case between two months
 * (rfy/holiday.h's rfy_holiday_state; holiday.c).  The batch loop, the
 * runner and the ledger keep one on the stack or in their own structs. */
#ifndef RFY_HOLIDAY_STATE_H
#define RFY_HOLIDAY_STATE_H

#include <gmp.h>

#include <rfy/holiday.h>

struct rfy_holiday_state {
    int known;          /* 0: a rejected month left the state unknown (rules.md §8: no guess) */
    long run_months;    /* consecutive receipt months before the next month */
    mpz_t used_m;       /* days used in the current window before the next month, thousandths */
    rfy_month last;     /* the month last applied, or -1 before the case's first month */
};

/* Known, run 0, used 0, no month applied yet; and its number freed.  In pairs. */
void rfy__holiday_state_init(rfy_holiday_state *st);
void rfy__holiday_state_clear(rfy_holiday_state *st);

#endif
