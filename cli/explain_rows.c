/* Explaining a case-month of several period rows (explain_rows.h). */
#include <string.h>

#include "cli.h"
#include "explain.h"
#include "explain_rows.h"

/* Danish, or English with --lang en (cli_lang), side by side. */
#define T(da, en) (cli_lang == RFY_LANG_EN ? (en) : (da))

/* Øre as Danish kroner ("20.000,00"). */
static const char *da(char *buf, size_t size, const mpz_t ore)
{
    rfy_money_format_da(buf, size, ore);
    return buf;
}

/* Days of row c. */
static void row_days(const rfy_case *c, const rfy_result *res, int *first, int *last)
{
    *first = c->start_day ? c->start_day : 1;
    *last = c->end_day ? c->end_day : res->days_in_month;
}

/* Row indexes in day order (the rows may come in any order; at most 64). */
static void by_day(size_t *order, const rfy_case *const *rows, size_t n, const rfy_result *res)
{
    int first[64], last;
    for (size_t i = 0; i < n; i++) {
        size_t j = i;
        row_days(rows[i], res, &first[i], &last);
        while (j > 0 && first[order[j - 1]] > first[i]) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
}

/* One period: "  linje 10, dag 1–11: ikke-forsørger, løn 20.000,00". */
static int period_line(FILE *out, const rfy_case *c, const unsigned long *line,
                       const rfy_result *res)
{
    char a[48];
    int f, l;
    row_days(c, res, &f, &l);
    if ((line ? fprintf(out, T("  linje %lu, dag %d–%d: %s", "  line %lu, days %d–%d: %s"), *line, f, l,
                        rfy_category_text(c->category, cli_lang))
              : fprintf(out, T("  dag %d–%d: %s", "  days %d–%d: %s"), f, l,
                        rfy_category_text(c->category, cli_lang))) < 0)
        return EOF;
    if (c->prior != RFY_PRIOR_NONE && fprintf(out, T(", hidtidig %s", ", former %s"), rfy_prior_name(c->prior)) < 0)
        return EOF;
    if (mpz_sgn(c->wage) && fprintf(out, T(", løn %s", ", wage %s"), da(a, sizeof a, c->wage)) < 0)
        return EOF;
    if (mpz_sgn(c->holiday_pay) &&
        fprintf(out, T(", feriegodtgørelse %s", ", holiday pay %s"), da(a, sizeof a, c->holiday_pay)) < 0)
        return EOF;
    if (mpz_sgn(c->activation_income) &&
        fprintf(out, T(", indtægt i tilbud %s", ", income in an offer %s"), da(a, sizeof a, c->activation_income)) < 0)
        return EOF;
    if (mpz_sgn(c->other_income) &&
        fprintf(out, T(", anden indtægt %s", ", other income %s"), da(a, sizeof a, c->other_income)) < 0)
        return EOF;
    return fputc('\n', out) == EOF ? EOF : 0;
}

int explain_rows_text(FILE *out, const char *case_id, const rfy_case *const *rows, size_t n,
                      const unsigned long *lines, const rfy_result *res, const rfy_rates *rates,
                      int recomputation)
{
    rfy_case sum;
    size_t order[64];
    int rc = 0;

    int (*one)(FILE *, const char *, const rfy_case *, const rfy_result *, const rfy_rates *) =
        recomputation ? explain_text_recomputation : explain_text;

    if (n == 1)
        return one(out, case_id, rows[0], res, rates);
    if (n > 64)
        n = 64;
    if (fprintf(out, T("Måneden består af %zu perioder (hver dag højst én gang; "
                       "ydelsen for dage uden periode er 0):\n",
                       "The month consists of %zu periods (each day at most once; "
                       "the benefit for days without a period is 0):\n"),
                n) < 0)
        return EOF;
    by_day(order, rows, n, res);
    for (size_t k = 0; k < n; k++)
        if (period_line(out, rows[order[k]], lines ? &lines[order[k]] : NULL, res) == EOF)
            return EOF;
    if (fputs(T("Indtægterne lægges sammen og fradrages én gang for måneden (én "
                "lønindtægtsgrænse, højst 160 timer).\n\n",
                "The incomes are added up and deducted once for the month (one "
                "wage threshold, at most 160 hours).\n\n"),
              out) == EOF)
        return EOF;
    rfy_case_init(&sum);
    rfy_rows_month_case(&sum, rows, n, res);
    rc = one(out, case_id, &sum, res, rates);
    rfy_case_clear(&sum);
    return rc;
}

json_t *explain_rows_json(const char *case_id, const rfy_case *const *rows, size_t n,
                          const unsigned long *lines, const rfy_result *res, const rfy_rates *rates)
{
    rfy_case sum;
    json_t *root, *periods;
    size_t order[64];
    int bad = 0;

    if (n > 64)
        n = 64;
    rfy_case_init(&sum);
    if (n > 1)
        rfy_rows_month_case(&sum, rows, n, res);
    root = explain_json(case_id, n == 1 ? rows[0] : &sum, res, rates);
    rfy_case_clear(&sum);
    if (!root || !(periods = json_array())) {
        json_decref(root);
        return NULL;
    }
    by_day(order, rows, n, res);
    for (size_t k = 0; k < n; k++) {
        size_t i = order[k];
        json_t *p = json_object();
        int f, l;
        row_days(rows[i], res, &f, &l);
        bad |= !p || json_array_append_new(periods, p) != 0;
        if (!p)
            break;
        if (lines)
            bad |= json_object_set_new(p, "line", json_integer((json_int_t)lines[i])) != 0;
        bad |= json_object_set_new(p, "first_day", json_integer(f)) != 0;
        bad |= json_object_set_new(p, "last_day", json_integer(l)) != 0;
        bad |= json_object_set_new(p, "category", json_string(rfy_category_name(rows[i]->category))) != 0;
        bad |= json_object_set_new(p, "prior", json_string(rfy_prior_name(rows[i]->prior))) != 0;
    }
    bad |= json_object_set_new(root, "periods", periods) != 0;
    if (res->category[0])
        bad |= json_object_set_new(root, "category", json_string(res->category)) != 0;
    if (bad) {
        json_decref(root);
        return NULL;
    }
    return root;
}

int explain_batch_row(FILE *out, const char *case_id, const rfy_batch_row *row,
                      const rfy_rates *rates, int recomputation)
{
    const rfy_case *rows[64];
    unsigned long lines[64];
    size_t n = 0;
    for (size_t i = 0; i < row->nrows && n < 64; i++) {
        const rfy_case *c = rfy_batch_row_case(row, i);
        if (!c)
            continue;
        rows[n] = c;
        lines[n++] = rfy_batch_row_line(row, i);
    }
    return explain_rows_text(out, case_id, rows, n, lines, row->res, rates, recomputation);
}
