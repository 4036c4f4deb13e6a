/*
 * rfy_compute_rows(): one case-month from several period rows (rules.md §7).
 *
 *   §7  the rows must go together (casemonth_check.c)
 *   §3  each row gives the level for its own days: its segments are made by
 *       the same rules as a single row's (level_stk2.c, level_prior.c,
 *       segments.c) and collected in day order; gross = Σ over all segments
 *   §4  the incomes are summed over the rows and deducted once for the month
 *       (deduction_wage.c, deduction_activation.c): one wage threshold, 160 hours
 *       once, the holiday cap from the month's exact gross per day of
 *       entitlement (rules.md §4 with §7)
 *   §5  rounding once, as for a single row (compute.c)
 */
#include <string.h>

#include "fault.h"
#include "rules.h"
#include <rfy/casemonth.h>
#include <rfy/status.h>
#include "text_utf8.h"


static int row_first(const rfy_case *c)
{
    return c->start_day ? c->start_day : 1;
}

/* Row indexes in day order (insertion sort: at most 31 rows). */
static void day_order(size_t *order, const rfy_case *const *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        while (j > 0 && row_first(rows[order[j - 1]]) > row_first(rows[i])) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
}

/* The distinct level references of the segments, in day order, joined by "; ". */
static void join_refs(rfy_result *res)
{
    size_t used = 0;
    res->level_ref[0] = '\0';
    for (int i = 0; i < res->nsegments; i++) {
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = strcmp(res->seg[j].level_ref, res->seg[i].level_ref) == 0;
        if (seen)
            continue;
        if (used)
            used = rfy__text_append(res->level_ref, sizeof res->level_ref, used, "; ");
        used = rfy__text_append(res->level_ref, sizeof res->level_ref, used, res->seg[i].level_ref);
    }
}

/* rules.md §7: incomes are summed over the rows and deducted once. */
static void add_incomes(rfy_case *sum, const rfy_case *row)
{
    mpz_add(sum->wage, sum->wage, row->wage);
    mpz_add(sum->holiday_pay, sum->holiday_pay, row->holiday_pay);
    mpz_add(sum->holiday_days, sum->holiday_days, row->holiday_days);
    mpz_add(sum->activation_income, sum->activation_income, row->activation_income);
    mpz_add(sum->activation_hours, sum->activation_hours, row->activation_hours);
    mpz_add(sum->other_income, sum->other_income, row->other_income);
    /* rules.md §9: the month's sanctions, for the explanation (each row's days
     * are priced on its own level by rfy__sanction_row()) */
    sum->sanction_days += row->sanction_days;
    mpz_add(sum->sanction_amount, sum->sanction_amount, row->sanction_amount);
}

/* Move a segment to another slot of the result; the exact values are
 * swapped, not copied, so that no slot allocates. */
static void move_segment(rfy_segment *to, rfy_segment *from)
{
    to->first_day = from->first_day;
    to->last_day = from->last_day;
    to->days = from->days;
    to->basis = from->basis;
    to->level_ref = from->level_ref;
    mpq_swap(to->level, from->level);
    mpq_swap(to->amount, from->amount);
}

/* Days of row c (0 means the month's first or last day). */
static void row_span(const rfy_case *c, int days_in_month, int *first, int *last)
{
    *first = c->start_day ? c->start_day : 1;
    *last = c->end_day ? c->end_day : days_in_month;
}

void rfy_rows_month_case(rfy_case *out, const rfy_case *const *rows, size_t n,
                         const rfy_result *res)
{
    const rfy_case *last = rows[0];
    int first_day = 32, last_day = 0, f, l;
    for (size_t i = 0; i < n; i++) {
        row_span(rows[i], res->days_in_month, &f, &l);
        if (f < first_day)
            first_day = f;
        if (l > last_day) {
            last_day = l;
            last = rows[i];
        }
    }
    rfy_case_reset(out);
    out->month = last->month;
    out->category = last->category;
    out->forloeb = last->forloeb;
    out->children = last->children;
    out->has_child_support = last->has_child_support;
    mpz_set(out->child_support, last->child_support);
    out->prior = last->prior;
    mpz_set(out->prior_amount, last->prior_amount);
    out->prior_unit = last->prior_unit;
    out->has_prior_until = last->has_prior_until;
    out->prior_until = last->prior_until;
    out->start_day = first_day;
    out->end_day = last_day;
    /* rules.md §7: the incomes the month's deductions were computed from,
     * summed exactly as rfy_compute_rows() summed them */
    for (size_t i = 0; i < n; i++)
        add_incomes(out, rows[i]);
}

int rfy_compute_rows(rfy_result *res, const rfy_rates *rates, const rfy_case *const *rows,
                     size_t n, rfy_error *err, size_t *at)
{
    rfy_rows_conflict conflict[RFY_MAX_PERIOD_ROWS];
    size_t order[RFY_MAX_PERIOD_ROWS], k;
    rfy_case *sum;
    mpq_t *gross = &res->scratch_q[0];
    int rc, m = 0, days = 0;
    const int base = RFY_MAX_SEGMENTS; /* the collected segments live above one row's */

    if (at)
        *at = 0;
    if (n == 1)
        return rfy_compute(res, rates, rows[0], err);
    if (err)
        rfy_error_reset(err);
    for (k = 0; k < n; k++)
        if (rows[k]->month != rows[0]->month) { /* a caller's fault: say so plainly */
            if (at)
                *at = k;
            if (err)
                rfy_error_reset(err);
            rfy__fault(err, RFY_FAULT_MONTHS_DIFFER, "month", NULL, 0, 0);
            return RFY_EINPUT;
        }
    if (n > RFY_MAX_PERIOD_ROWS || rfy_rows_check(conflict, rows, n) != RFY_OK) {
        if (n > RFY_MAX_PERIOD_ROWS) {
            conflict[0].fault = RFY_ROWS_TOO_MANY;
            conflict[0].other = RFY_NO_ROW;
        }
        for (k = 0; k < n && conflict[k].fault == RFY_ROWS_WITH_OTHERS; k++)
            ;
        if (at)
            *at = k;
        if (err)
            rfy_rows_reason(err, &conflict[k], 0, NULL);
        return RFY_EINPUT;
    }

    if (!res->rows_scratch) {
        res->rows_scratch = rfy__xalloc(NULL, 0, sizeof *res->rows_scratch);
        rfy_case_init(&res->rows_scratch->sum);
    }
    sum = &res->rows_scratch->sum;
    rfy_case_reset(sum);
    sum->month = rows[0]->month;
    sum->forloeb = rows[0]->forloeb;

    rfy__rates_forget(res);
    res->flags = 0;
    res->warnings = 0; /* the rows' level rules and the rounding add theirs */
    res->holiday.status = RFY_HOLIDAY_NONE; /* the ledger is the caller's: rfy_holiday_apply_rows() */
    res->month = rows[0]->month;
    res->days_in_month = rfy_days_in_month(RFY_MONTH_YEAR(res->month), RFY_MONTH_NUM(res->month));
    day_order(order, rows, n);
    rfy__sanction_start(res, rows[0]->forloeb); /* §9, summed over the rows below */
    for (k = 0; k < n; k++) {
        const rfy_case *row = rows[order[k]];
        if (at)
            *at = order[k];
        /* §1, §3: each row is checked and gets its level for its own days,
         * exactly as a single row would. */
        if ((rc = rfy_case_check(row, err)) != RFY_OK || (rc = rfy__coverage(row, err)) != RFY_OK ||
            (rc = rfy__level_stk2(res, rates, row, err)) != RFY_OK ||
            (rc = rfy__level_prior(res, rates, row, err)) != RFY_OK ||
            /* rules.md §9: this row's sanction_days on this row's level */
            (rc = rfy__sanction_row(res, rates, row, err)) != RFY_OK)
            return rc;
        rfy__segments(res, row);
        rfy__segments_reserve(res, base + m + res->nsegments);
        for (int s = 0; s < res->nsegments; s++) {
            move_segment(&res->seg[base + m + s], &res->seg[s]);
        }
        m += res->nsegments;
        days += res->days;
        add_incomes(sum, row);
    }
    if (at)
        *at = 0;
    /* The collected segments down to seg[0..m-1]; §3: gross = Σ amounts. */
    for (int i = 0; i < m; i++) {
        move_segment(&res->seg[i], &res->seg[base + i]);
    }
    res->nsegments = m;
    res->days = days; /* no overlap: the days of entitlement are the rows' days */
    mpq_set(*gross, res->seg[0].amount);
    for (int i = 1; i < m; i++)
        mpq_add(*gross, *gross, res->seg[i].amount);
    join_refs(res);
    if (rfy_rows_category(res->category, sizeof res->category, rows, n) ==
        strlen(rfy_category_name(rows[0]->category)))
        res->category[0] = '\0'; /* one category: the column shows it as for one row */
    /* §4 once on the month's summed incomes, §5 rounding. */
    return rfy__deductions_and_rounding(res, rates, sum, err);
}

size_t rfy_rows_category(char *buf, size_t size, const rfy_case *const *rows, size_t n)
{
    size_t order[RFY_MAX_PERIOD_ROWS], used = 0, k;
    int seen[4] = {0, 0, 0, 0};
    if (size == 0)
        return 0;
    buf[0] = '\0';
    if (n > RFY_MAX_PERIOD_ROWS)
        n = RFY_MAX_PERIOD_ROWS;
    day_order(order, rows, n);
    for (k = 0; k < n; k++) {
        rfy_category c = rows[order[k]]->category;
        if ((unsigned)c >= 4 || seen[c])
            continue;
        seen[c] = 1;
        if (used)
            used = rfy__text_append(buf, size, used, ";");
        used = rfy__text_append(buf, size, used, rfy_category_name(c));
    }
    return used;
}
