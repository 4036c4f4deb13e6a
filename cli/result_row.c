/*
 * Result and reject rows (result_row.h).  A result row is built in memory and
 * written with one fwrite by the caller: on the batch hot path a putc per byte
 * and a printf per number cost more than the computation itself.
 */
#include <string.h>

#include "cli.h"
#include "result_row.h"

/* A cursor over the row buffer; `fail` is set when something does not fit. */
typedef struct row_buf {
    char *p, *end;
    int fail;
} row_buf;

/* Append a field, quoted (and neutralised) as rfy_csv_write_field() would. */
static void cat_field(row_buf *w, const char *s, size_t len, int neutralise)
{
    int n = rfy_csv_format_field(w->p, (size_t)(w->end - w->p), s, len, ',', neutralise);
    if (n < 0)
        w->fail = 1;
    else
        w->p += n;
}

static void cat_comma(row_buf *w)
{
    if (w->p < w->end)
        *w->p++ = ',';
    else
        w->fail = 1;
}

/* Append a comma and then text that never needs quoting (names, numbers). */
static void cat_plain(row_buf *w, const char *s, size_t len)
{
    if ((size_t)(w->end - w->p) < len + 1) {
        w->fail = 1;
        return;
    }
    *w->p++ = ',';
    memcpy(w->p, s, len);
    w->p += len;
}

static void cat_money(row_buf *w, const mpz_t ore)
{
    int n;
    if (mpz_sgn(ore) == 0) { /* most deduction columns are nil */
        cat_plain(w, "0.00", 4);
        return;
    }
    if (w->end - w->p < 2) {
        w->fail = 1;
        return;
    }
    *w->p++ = ',';
    /* straight into the row (the NUL it adds is overwritten by what follows,
     * or lies within the buffer the caller sized) */
    n = rfy_money_format(w->p, (size_t)(w->end - w->p), ore, '.');
    if (n < 0)
        w->fail = 1;
    else
        w->p += n;
}

/* An amount of the result, as exact text straight into the row (the NUL it
 * adds is overwritten by what follows, or lies within the buffer). */
static void cat_amount(row_buf *w, const rfy_result *r, rfy_result_amount_id which)
{
    int n;
    if (w->end - w->p < 2) {
        w->fail = 1;
        return;
    }
    *w->p++ = ',';
    n = rfy_result_amount_text(w->p, (size_t)(w->end - w->p), r, which);
    if (n < 0)
        w->fail = 1;
    else
        w->p += n;
}

/* A day count (1..31): two digits at most, no printf. */
static void cat_days(row_buf *w, int v)
{
    char d[2];
    size_t n = 0;
    if (v < 0 || v > 99) {
        w->fail = 1;
        return;
    }
    if (v >= 10)
        d[n++] = (char)('0' + v / 10);
    d[n++] = (char)('0' + v % 10);
    cat_plain(w, d, n);
}

static void cat_name(row_buf *w, const char *s)
{
    cat_plain(w, s, strlen(s));
}

/* ",COUNT" of a day count (two decimals, three when exact needs them). */
static void cat_holiday_days(row_buf *w, const mpz_t days)
{
    char d[48];
    int n = rfy_holiday_days_format(d, sizeof d, days, '.');
    if (n < 0)
        w->fail = 1;
    else
        cat_plain(w, d, (size_t)n);
}

/* The five holiday columns (rules.md §8): the state after the month, or five
 * empty cells when no ledger is known for it (holiday_state_unknown). */
static void cat_holiday(row_buf *w, const rfy_holiday_month *h)
{
    char run[24];
    int n = 0;
    long v = h->run_after;
    if (h->status != RFY_HOLIDAY_KNOWN) {
        for (int i = 0; i < 5; i++)
            cat_comma(w);
        return;
    }
    cat_name(w, h->right ? "yes" : "no");
    /* the month count, without printf (a hot path) */
    do {
        run[sizeof run - 1 - (size_t)n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0 && n < (int)sizeof run);
    cat_plain(w, run + sizeof run - (size_t)n, (size_t)n);
    cat_holiday_days(w, h->used_after_m);
    cat_holiday_days(w, h->days_left_m);
    cat_holiday_days(w, h->excess_m);
}

int result_row_format(char *buf, size_t size, const char *case_id, size_t case_id_len,
                      const rfy_case *in, const rfy_result *r, const char *rates_id,
                      const char *lines, size_t lines_len)
{
    char month[8];
    const char *category, *level_ref;
    row_buf w = {buf, buf + size, 0};

    rfy_month_format(month, rfy_case_month(in));
    /* case_id is free text from the payroll system: a leading = + - @ would
     * make a spreadsheet run it as a formula, so it is neutralised. */
    cat_field(&w, case_id, case_id_len, 1);
    cat_plain(&w, month, 7);
    /* several categories in a month of several rows (rfy/casemonth.h) */
    category = rfy_result_category(r);
    level_ref = rfy_result_level_ref(r);
    cat_name(&w, category[0] ? category : rfy_category_name(rfy_case_category(in)));
    cat_name(&w, rfy_forloeb_name(rfy_case_forloeb(in)));
    cat_comma(&w);
    cat_field(&w, level_ref, strlen(level_ref), 0); /* "§ 68 stk. 4, 4. pkt." is quoted */
    cat_days(&w, rfy_result_days(r));
    cat_days(&w, rfy_result_days_in_month(r));
    cat_amount(&w, r, RFY_RESULT_GROSS);
    cat_amount(&w, r, RFY_RESULT_WAGE_DEDUCTION);
    cat_amount(&w, r, RFY_RESULT_HOLIDAY_DEDUCTION);
    cat_amount(&w, r, RFY_RESULT_ACTIVATION_DEDUCTION);
    cat_amount(&w, r, RFY_RESULT_OTHER_DEDUCTION);
    cat_amount(&w, r, RFY_RESULT_TOTAL_DEDUCTION);
    cat_amount(&w, r, RFY_RESULT_PAYMENT);
    cat_name(&w, rfy_provenance_name(rfy_result_provenance(r)));
    cat_comma(&w);
    cat_field(&w, rates_id, strlen(rates_id), 0);
    cat_plain(&w, lines, lines_len); /* digits and ';': never quoted */
    cat_holiday(&w, rfy_result_holiday(r));
    /* interface.md: sanction_deduction (rules.md §9), part of total_deduction */
    cat_amount(&w, r, RFY_RESULT_SANCTION_DEDUCTION);
    {
        /* codes joined by ';' (interface.md), never a comma: no quoting */
        char codes[128];
        int n = rfy_warnings_format(codes, sizeof codes, rfy_result_warnings(r));
        cat_plain(&w, codes, (size_t)n);
    }
    return w.fail ? -1 : (int)(w.p - buf);
}

int result_row_add_money(char *buf, size_t size, size_t *len, const mpz_t ore)
{
    row_buf w = {buf + *len, buf + size, 0};
    if (*len > size)
        return -1;
    cat_money(&w, ore);
    if (w.fail)
        return -1;
    *len = (size_t)(w.p - buf);
    return 0;
}

int reject_row_write(FILE *fp, unsigned long line, const char *case_id, size_t case_id_len,
                     const rfy_error *err, const char *column, const char *reason)
{
    char columns[256], reasons[REJECT_REASON_MAX], codes[512];
    codes[0] = '\0';
    if (err && err->nfaults > 0) {
        rfy_error_columns(columns, sizeof columns, err);
        rfy_error_text_hinted(reasons, sizeof reasons, err, cli_lang, cli_hints);
        rfy_error_codes(codes, sizeof codes, err);
        column = columns;
        reason = reasons;
    }
    /* The line number, the case_id as the payroll system wrote it (made safe),
     * the column at fault and the reason: neutralised, since a reason may quote
     * the cell ("wage '-5' is not ...") and start with a sign. */
    if (fprintf(fp, "%lu,", line) < 0 ||
        rfy_csv_write_field(fp, case_id, case_id_len, ',', 1) == EOF || putc(',', fp) == EOF ||
        rfy_csv_write_field(fp, column, strlen(column), ',', 0) == EOF || putc(',', fp) == EOF ||
        rfy_csv_write_field(fp, reason, strlen(reason), ',', 1) == EOF || putc(',', fp) == EOF ||
        rfy_csv_write_field(fp, codes, strlen(codes), ',', 0) == EOF || putc('\n', fp) == EOF)
        return EOF;
    return 0;
}
