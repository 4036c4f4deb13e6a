/*
 * The rate row a rule uses (rules.md §1): the row in force for a key and a
 * month, recorded in the result for its provenance, or a fault naming the
 * key and the month.  Used by every rule that reads a rate.
 */
#include <string.h>

#include "fault.h"
#include "rules.h"
#include <rfy/rates.h>

const rfy_rate_value *rfy__rate_missing(const rfy_rates *rates, rfy_rate_key key, rfy_month month,
                                        rfy_error *err)
{
    /* rules.md §1: a month with no rate table is an error naming the key and
     * month, never a fallback to another year.  A month the tables cover
     * that lacks the key is a gap in that table, and the message says so. */
    if (err) {
        char years[64];
        int covered = rfy_rates_covers(rates, month);
        rfy_fault *f = rfy__fault_add(err, covered ? RFY_FAULT_RATE_MISSING : RFY_FAULT_RATE_MONTH_UNCOVERED,
                                      "month");
        if (f) {
            f->month = month;
            f->name = rfy_rate_key_name(key);
            if (!covered) {
                rfy_rates_covered_years(years, sizeof years, rates);
                rfy__fault_value(f, years, strlen(years));
            }
        }
        rfy__fault_end(err);
    }
    return NULL;
}
