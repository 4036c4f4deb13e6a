/*
 * The one case-month runner (rfy/runner.h): rows in any order in, case-months
 * in the batch's order out, the holiday ledger kept per case, per-row faults.
 * Values worked by hand from the 2024 rates: forsørger 16.382, ikke-forsørger
 * 12.326, lønindtægtsgrænse 16.323; 55 % of wage above it (from 2022).
 */
#include <check.h>
#include <string.h>

#include <rfy/rfy.h>
#include "check_run.h"
#include "money_check.h"

#define N 6

static rfy_rates *R;
static rfy_case *C[N];
static rfy_run_row W[N];
static rfy_run_row *P[N];

/* What on_result saw: the case-months in order. */
static char seen[8][16];
static int nseen;
static char gross[8][24], payment[8][24];
static long run_after[8];
static char excess[8][24];
static int status[8];

static int on_result(void *user, const rfy_run_row *const *rows, size_t n, const rfy_result *res)
{
    char m[8];
    (void)user;
    (void)n;
    rfy_month_format(m, rows[0]->month);
    snprintf(seen[nseen], sizeof seen[0], "%.*s %s", (int)rows[0]->case_id_len, rows[0]->case_id, m);
    /* the runner's result, read as a program reads it (accessors) */
    const rfy_holiday_month *h = rfy_result_holiday(res);
    rfy_result_amount_text(gross[nseen], sizeof gross[0], res, RFY_RESULT_GROSS);
    rfy_result_amount_text(payment[nseen], sizeof payment[0], res, RFY_RESULT_PAYMENT);
    run_after[nseen] = h->run_after;
    status[nseen] = h->status;
    if (h->status != RFY_HOLIDAY_KNOWN ||
        rfy_holiday_days_format_m(excess[nseen], sizeof excess[0], h->excess_m, '.') < 0)
        excess[nseen][0] = '\0';
    nseen++;
    return RFY_OK;
}

/* Row i read from named fields (as `rfy serve` reads a request's row). */
static void row(int i, const char *id, const rfy_field *f, size_t nf)
{
    rfy_run_row *w = &W[i];
    memset(w, 0, sizeof *w);
    ck_assert_ptr_nonnull(C[i] = rfy_case_new());
    w->rc = rfy_case_from_fields(C[i], f, nf, &RFY_AMOUNT_DOT, &w->err);
    w->in = C[i];
    w->case_id = id;
    w->case_id_len = strlen(id);
    w->keyed = 1;
    for (size_t k = 0; k < nf; k++)
        if (strcmp(f[k].name, "month") == 0)
            w->keyed = rfy_month_parse(&w->month, f[k].value, strlen(f[k].value), NULL) == RFY_OK;
    w->number = (unsigned long)i;
    P[i] = w;
}

static void setup(void)
{
    char *err = NULL;
    ck_assert_int_eq(rfy_rates_load_builtin(&R, &err), RFY_OK);
    nseen = 0;
    memset(P, 0, sizeof P);
}

static void teardown(void)
{
    for (int i = 0; i < N; i++) {
        rfy_case_free(C[i]); /* the rows row() made (NULL otherwise) */
        C[i] = NULL;
    }
    rfy_rates_free(R);
}

START_TEST(rows_in_any_order)
{
    /* B 2024-07 of two rows (ikke-forsørger 1–11 with wage 20.000, forsørger 12–31), then A's
     * months backwards: A 2024-07 with 5 days of holiday with ydelse, A 2024-06. */
    row(0, "B", (rfy_field[]){{"month", "2024-07"}, {"category", "forsorger"}, {"start", "2024-07-12"}}, 3);
    row(1, "A", (rfy_field[]){{"month", "2024-07"}, {"category", "forsorger"},
                              {"holiday_ydelse_days", "5"}}, 3);
    row(2, "B", (rfy_field[]){{"month", "2024-07"}, {"category", "ikke_forsorger"},
                              {"end", "2024-07-11"}, {"wage", "20000"}}, 4);
    row(3, "A", (rfy_field[]){{"month", "2024-06"}, {"category", "forsorger"}}, 2);
    ck_assert_int_eq(rfy_casemonth_run(P, 4, R, "row", on_result, NULL), RFY_OK);
    /* the batch's order: case_id byte by byte, then month */
    ck_assert_int_eq(nseen, 3);
    ck_assert_str_eq(seen[0], "A 2024-06");
    ck_assert_str_eq(seen[1], "A 2024-07");
    ck_assert_str_eq(seen[2], "B 2024-07");
    /* A: the ledger kept without a holiday column; 2024-06 is month 1, 2024-07 month 2, so no
     * right yet: the 5 days with ydelse are all excess (§ 69 stk. 5) */
    ck_assert_int_eq(run_after[0], 1);
    ck_assert_int_eq(run_after[1], 2);
    ck_assert_str_eq(excess[1], "5.00");
    /* B: (12.326 × 11 + 16.382 × 20) / 31 = 463.226 / 31 = 14.942,77;
     * wage 0,55 × (20.000 − 16.323) = 2.022,35; payment 12.920,42 */
    ck_assert_str_eq(gross[2], "14942.77");
    ck_assert_str_eq(payment[2], "12920.42");
    for (int i = 0; i < 4; i++)
        ck_assert_int_eq(W[i].rc, RFY_OK);
}
END_TEST

START_TEST(a_bad_row_takes_its_month_and_the_state)
{
    /* C 2024-05's second row has a wage that is no amount: both rows are refused, the first
     * naming the second; C 2024-06 is computed, its holiday state unknown (rules.md §8). */
    row(0, "C", (rfy_field[]){{"month", "2024-05"}, {"category", "forsorger"}, {"end", "2024-05-10"}}, 3);
    row(1, "C", (rfy_field[]){{"month", "2024-05"}, {"category", "forsorger"},
                              {"start", "2024-05-11"}, {"wage", "abc"}}, 4);
    row(2, "C", (rfy_field[]){{"month", "2024-06"}, {"category", "forsorger"}}, 2);
    ck_assert_int_ne(W[1].rc, RFY_OK);
    ck_assert_int_eq(rfy_casemonth_run(P, 3, R, "row", on_result, NULL), RFY_OK);
    ck_assert_int_eq(W[0].rc, RFY_EINPUT);
    ck_assert_int_eq(W[0].err.nfaults, 1);
    ck_assert_int_eq(W[0].err.fault[0].code, RFY_FAULT_WITH_REJECTED_ROW);
    ck_assert_int_eq(W[0].err.fault[0].other, 1); /* row 1 */
    ck_assert_str_eq(W[1].err.fault[0].column, "wage"); /* its own fault, as read */
    ck_assert_int_eq(nseen, 1);
    ck_assert_str_eq(seen[0], "C 2024-06");
    ck_assert_int_eq(status[0], RFY_HOLIDAY_UNKNOWN);
    ck_assert_str_eq(payment[0], "16382.00");
}
END_TEST

START_TEST(overlap_refuses_every_row)
{
    /* 1–20 and 10–31 May overlap: both refused, each naming the other */
    row(0, "D", (rfy_field[]){{"month", "2024-05"}, {"category", "forsorger"}, {"end", "2024-05-20"}}, 3);
    row(1, "D", (rfy_field[]){{"month", "2024-05"}, {"category", "forsorger"}, {"start", "2024-05-10"}}, 3);
    ck_assert_int_eq(rfy_casemonth_run(P, 2, R, "row", on_result, NULL), RFY_OK);
    ck_assert_int_eq(nseen, 0);
    ck_assert_int_eq(W[0].err.fault[0].code, RFY_FAULT_OVERLAP);
    ck_assert_int_eq(W[0].err.fault[0].other, 1);
    ck_assert_int_eq(W[1].err.fault[0].code, RFY_FAULT_OVERLAP);
    ck_assert_int_eq(W[1].err.fault[0].other, 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("runner");
    TCase *t = tcase_create("rfy_casemonth_run");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, rows_in_any_order);
    tcase_add_test(t, a_bad_row_takes_its_month_and_the_state);
    tcase_add_test(t, overlap_refuses_every_row);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
