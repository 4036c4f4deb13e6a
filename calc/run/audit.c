/* The audit's money: paid cells, their sum, the difference and the totals.
 * See include/rfy/audit.h.
 *
 * Every function works in place on handles made once by the caller: the
 * audit of a million rows allocates nothing per case-month. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fault.h"
#include <rfy/audit.h>
#include "case_from_cells.h"
#include "text_utf8.h"

static const char PAID[] = RFY_AUDIT_PAID_COLUMN;

/* The paid sum of one case-month (opaque in rfy/audit.h). */
struct rfy_audit_paid {
    mpz_t sum;    /* the cells given so far, øre */
    mpz_t cell;   /* the last cell read (reused) */
    size_t given; /* non-empty cells added since rfy_audit_paid_start() */
};

/* The totals of a run (opaque in rfy/audit.h). */
struct rfy_audit_totals {
    unsigned long matches, over, under;
    mpz_t amount[RFY_AUDIT_WITHIN_SUM + 1]; /* indexed by rfy_audit_amount_id */
};

#define AMOUNTS (RFY_AUDIT_WITHIN_SUM + 1)

rfy_audit_paid *rfy_audit_paid_new(void)
{
    rfy_audit_paid *p = malloc(sizeof *p);
    if (!p)
        return NULL;
    mpz_inits(p->sum, p->cell, NULL);
    p->given = 0;
    return p;
}

void rfy_audit_paid_free(rfy_audit_paid *p)
{
    if (!p)
        return;
    mpz_clears(p->sum, p->cell, NULL);
    free(p);
}

void rfy_audit_paid_sum(mpz_t out, const rfy_audit_paid *p)
{
    mpz_set(out, p->sum);
}

size_t rfy_audit_paid_given(const rfy_audit_paid *p)
{
    return p->given;
}

/* interface.md "Audit input": paid is an amount as every other amount cell,
 * within the interface's limit for amounts; else a reject naming the column. */
int rfy_audit_paid_parse(mpz_t out, const char *text, size_t len, const rfy_decimal_syntax *syn,
                         rfy_error *err)
{
    const char *why = NULL;
    rfy_error_reset(err);
    if (len == 0)
        return rfy__fault(err, RFY_FAULT_PAID_EMPTY, PAID, NULL, 0, 0);
    if (rfy_amount_parse(out, text, len, syn, &why) != RFY_OK) { /* also 20.000,00 */
        rfy_fault_code code = rfy__number_fault(why);
        return rfy__fault(err, code, PAID, text, len,
                          code == RFY_FAULT_NUMBER_DECIMALS ? syn->max_decimals
                          : code == RFY_FAULT_NUMBER_TOO_LONG ? RFY_DECIMAL_MAX_CHARS
                                                              : 0);
    }
    if (mpz_cmp_si(out, RFY_MAX_AMOUNT_ORE) > 0)
        return rfy__fault(err, RFY_FAULT_AMOUNT_TOO_LARGE, PAID, text, len, RFY_MAX_AMOUNT_ORE);
    return RFY_OK;
}

void rfy_audit_paid_start(rfy_audit_paid *p)
{
    mpz_set_ui(p->sum, 0);
    p->given = 0;
}

/* rules.md §7: the rows of a case-month are paid as one; a payment line (a
 * correction) adds its amount, and a row that leaves paid empty leaves it to
 * the others. */
int rfy_audit_paid_add(rfy_audit_paid *p, const char *text, size_t len, unsigned long line,
                       size_t nrows, const rfy_decimal_syntax *syn, rfy_error *err)
{
    if (len == 0 && nrows > 1)
        return RFY_OK;
    if (rfy_audit_paid_parse(p->cell, text, len, syn, err) != RFY_OK) {
        if (nrows > 1 && err->nfaults > 0)
            err->fault[0].line = line; /* which row of the case-month */
        return RFY_EINPUT;
    }
    mpz_add(p->sum, p->sum, p->cell);
    p->given++;
    return RFY_OK;
}

int rfy_audit_paid_finish(const rfy_audit_paid *p, const rfy_decimal_syntax *syn, rfy_error *err)
{
    if (p->given > 0)
        return RFY_OK;
    (void)syn;
    rfy_error_reset(err);
    return rfy__fault(err, RFY_FAULT_PAID_EMPTY_ALL, PAID, NULL, 0, 0);
}

int rfy_audit_paid_of_row(rfy_audit_paid *p, const rfy_batch_row *row, size_t extra,
                          const rfy_decimal_syntax *syn, rfy_error *err)
{
    const char *cell;
    size_t len;
    rfy_audit_paid_start(p);
    for (size_t i = 0; i < row->nrows; i++) {
        cell = rfy_batch_row_extra_cell(row, i, extra, &len);
        if (rfy_audit_paid_add(p, cell, len, rfy_batch_row_line(row, i), row->nrows, syn, err) !=
            RFY_OK)
            return RFY_EINPUT;
    }
    return rfy_audit_paid_finish(p, syn, err);
}

/* docs/audit.md: difference = paid − payment; at most the tolerance either
 * way (equal included) is a match. */
rfy_audit_finding rfy_audit_compare(mpz_t diff, const mpz_t paid, const mpz_t payment,
                                    const mpz_t tolerance)
{
    mpz_sub(diff, paid, payment);
    if (mpz_cmpabs(diff, tolerance) <= 0)
        return RFY_AUDIT_MATCH;
    return mpz_sgn(diff) > 0 ? RFY_AUDIT_OVER : RFY_AUDIT_UNDER;
}

int rfy_audit_tolerance_parse(mpz_t out, const char *text, size_t len, const char **why)
{
    const rfy_decimal_syntax *syn =
        memchr(text, ',', len) ? &RFY_AMOUNT_COMMA : &RFY_AMOUNT_DOT;
    if (why)
        *why = NULL;
    if (rfy_decimal_parse(out, text, len, syn, why) != RFY_OK ||
        mpz_cmp_si(out, RFY_MAX_AMOUNT_ORE) > 0)
        return RFY_EINPUT;
    return RFY_OK;
}

rfy_audit_totals *rfy_audit_totals_new(void)
{
    rfy_audit_totals *t = malloc(sizeof *t);
    if (!t)
        return NULL;
    for (int i = 0; i < AMOUNTS; i++)
        mpz_init(t->amount[i]);
    t->matches = t->over = t->under = 0;
    return t;
}

void rfy_audit_totals_free(rfy_audit_totals *t)
{
    if (!t)
        return;
    for (int i = 0; i < AMOUNTS; i++)
        mpz_clear(t->amount[i]);
    free(t);
}

void rfy_audit_totals_reset(rfy_audit_totals *t)
{
    for (int i = 0; i < AMOUNTS; i++)
        mpz_set_ui(t->amount[i], 0);
    t->matches = t->over = t->under = 0;
}

void rfy_audit_totals_add(rfy_audit_totals *t, const mpz_t paid, const mpz_t diff,
                          rfy_audit_finding finding)
{
    /* docs/audit.md: sum_of_differences = total_paid − total_payment, so
     * every case-month's difference counts, a match's within the tolerance
     * too; over_sum + under_sum + within_sum = diff_total. */
    mpz_add(t->amount[RFY_AUDIT_PAID_TOTAL], t->amount[RFY_AUDIT_PAID_TOTAL], paid);
    mpz_add(t->amount[RFY_AUDIT_DIFF_TOTAL], t->amount[RFY_AUDIT_DIFF_TOTAL], diff);
    switch (finding) {
    case RFY_AUDIT_MATCH:
        t->matches++;
        mpz_add(t->amount[RFY_AUDIT_WITHIN_SUM], t->amount[RFY_AUDIT_WITHIN_SUM], diff);
        return;
    case RFY_AUDIT_OVER:
        t->over++;
        mpz_add(t->amount[RFY_AUDIT_OVER_SUM], t->amount[RFY_AUDIT_OVER_SUM], diff);
        break;
    case RFY_AUDIT_UNDER:
        t->under++;
        mpz_add(t->amount[RFY_AUDIT_UNDER_SUM], t->amount[RFY_AUDIT_UNDER_SUM], diff);
        break;
    }
}

rfy_audit_counts rfy_audit_totals_counts(const rfy_audit_totals *t)
{
    rfy_audit_counts c = {t->matches, t->over, t->under};
    return c;
}

void rfy_audit_totals_amount(mpz_t out, const rfy_audit_totals *t, rfy_audit_amount_id which)
{
    if ((unsigned)which < AMOUNTS)
        mpz_set(out, t->amount[which]);
    else
        mpz_set_ui(out, 0);
}

int rfy_audit_totals_text(char *buf, size_t size, const rfy_audit_totals *t,
                          rfy_audit_amount_id which, char point)
{
    if ((unsigned)which >= AMOUNTS) {
        if (size > 0)
            buf[0] = '\0';
        return -1;
    }
    return rfy_money_format(buf, size, t->amount[which], point);
}
