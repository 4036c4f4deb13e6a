/*
 * rules.md §7: the rows of one case-month must go together before they are
 * computed together.  Overlapping start..end ranges (an exact repeat
 * included) would pay a day twice; a case-month is one forløb type.  Every
 * row of a case-month with a conflict is rejected, each naming another row,
 * so that nothing of the month is paid until the rows are put right.
 */
#include <stdio.h>
#include <string.h>

#include "fault.h"
#include <rfy/casemonth.h>
#include <rfy/status.h>
#include "text_utf8.h"
#include "calc_internal.h"

static int first_day(const rfy_case *c)
{
    return c->start_day ? c->start_day : 1;
}

static int last_day(const rfy_case *c)
{
    return c->end_day ? c->end_day
                      : rfy_days_in_month(RFY_MONTH_YEAR(c->month), RFY_MONTH_NUM(c->month));
}

int rfy_rows_check(rfy_rows_conflict *out, const rfy_case *const *rows, size_t n)
{
    size_t i, j, culprit = RFY_NO_ROW;

    for (i = 0; i < n; i++) {
        out[i].fault = RFY_ROWS_FINE;
        out[i].other = RFY_NO_ROW;
    }
    /* More than 31 rows of at least one day each cannot all fit in a month. */
    if (n > RFY_MAX_PERIOD_ROWS) {
        for (i = 0; i < n; i++) {
            out[i].fault = RFY_ROWS_TOO_MANY;
            out[i].other = 0;
        }
        return RFY_EINPUT;
    }
    /* No day paid twice: [a1, b1] and [a2, b2] overlap iff a1 <= b2 and a2 <= b1. */
    for (i = 0; i < n; i++)
        for (j = 0; j < n && out[i].fault == RFY_ROWS_FINE; j++)
            if (j != i && first_day(rows[i]) <= last_day(rows[j]) &&
                first_day(rows[j]) <= last_day(rows[i])) {
                out[i].fault = RFY_ROWS_OVERLAP;
                out[i].other = j;
                if (culprit == RFY_NO_ROW)
                    culprit = i;
            }
    /* One forløb type per case-month (rules.md "Unit of work"). */
    for (i = 0; i < n; i++)
        for (j = 0; j < n && out[i].fault == RFY_ROWS_FINE; j++)
            if (rows[j]->forloeb != rows[i]->forloeb) {
                out[i].fault = RFY_ROWS_FORLOEB;
                out[i].other = j;
                if (culprit == RFY_NO_ROW)
                    culprit = i;
            }
    if (culprit == RFY_NO_ROW)
        return RFY_OK;
    for (i = 0; i < n; i++)
        if (out[i].fault == RFY_ROWS_FINE) {
            out[i].fault = RFY_ROWS_WITH_OTHERS;
            out[i].other = culprit;
        }
    return RFY_EINPUT;
}

void rfy_rows_reason(rfy_error *err, const rfy_rows_conflict *c, unsigned long other_line,
                     const rfy_error *other_err)
{
    rfy_rows_reason_named(err, c, "line", other_line, other_err);
}

void rfy_rows_reason_named(rfy_error *err, const rfy_rows_conflict *c, const char *noun,
                           unsigned long other_line, const rfy_error *other_err)
{
    rfy_fault *f = NULL;
    rfy_error_reset(err);
    switch (c->fault) {
    case RFY_ROWS_OVERLAP:
        f = rfy__fault_add(err, RFY_FAULT_OVERLAP, "start");
        break;
    case RFY_ROWS_FORLOEB:
        f = rfy__fault_add(err, RFY_FAULT_FORLOEB_DIFFERS, "forloeb");
        break;
    case RFY_ROWS_TOO_MANY:
        f = rfy__fault_add(err, RFY_FAULT_TOO_MANY_ROWS, "");
        if (f)
            f->limit = RFY_MAX_PERIOD_ROWS;
        break;
    case RFY_ROWS_WITH_OTHERS:
        f = rfy__fault_add(err, RFY_FAULT_WITH_REJECTED_ROW, "");
        if (f && other_err && other_err->nfaults > 0) {
            f->cause = other_err->fault[0].code;
            f->cause_column = other_err->fault[0].column;
        }
        break;
    default:
        return;
    }
    if (f) {
        f->other = (long)other_line;
        f->name = noun && strcmp(noun, "row") == 0 ? "row" : "line"; /* %N: linje or række */
    }
    rfy__fault_end(err);
}
