/*
 * A case-month from several period rows (rules.md §7, rfy/casemonth.h), each
 * expected value worked out by hand from the law and the 2024 rates (bm.dk):
 * forsørger 16.382, ikke-forsørger 12.326, lønindtægtsgrænse 16.323,
 * timesats 17,86.  From 2022 ressourceforløb deducts 55 % of wage above the
 * threshold only (lov nr. 1160 af 8.6.2021).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/rfy.h>
#include "check_run.h"
#include "fault_check.h"
#include "money_check.h"
/* White-box: the engine's own test reads the result's and the case's fields directly
 * (calc/law/calc_internal.h); programs use the accessors of <rfy/calc.h>. */
#include "calc_internal.h"

#define NROWS 4

static rfy_rates *R;
static rfy_case C[NROWS];
static const rfy_case *P[NROWS];
static rfy_result Z, Z1;
static rfy_error E;

static void setup(void)
{
    char *err = NULL;
    ck_assert_int_eq(rfy_rates_load_builtin(&R, &err), RFY_OK);
    for (int i = 0; i < NROWS; i++) {
        rfy_case_init(&C[i]);
        rfy_case_reset(&C[i]);
        C[i].month = RFY_MONTH(2024, 7);
        P[i] = &C[i];
    }
    rfy_result_init(&Z);
    rfy_result_init(&Z1);
}

static void teardown(void)
{
    rfy_result_clear(&Z1);
    rfy_result_clear(&Z);
    for (int i = 0; i < NROWS; i++)
        rfy_case_clear(&C[i]);
    rfy_rates_free(R);
}

static void period(int i, rfy_category cat, int first, int last)
{
    C[i].category = cat;
    C[i].start_day = first;
    C[i].end_day = last;
}

static void compute_ok(size_t n)
{
    size_t at = 99;
    int rc = rfy_compute_rows(&Z, R, P, n, &E, &at);
    ck_assert_msg(rc == RFY_OK, "rfy_compute_rows failed at row %zu: %s: %s", at, E.column,
                  E.reason);
}

/* The case: a child born on the 12th of July 2024. */
START_TEST(child_born_on_the_12th)
{
    char cat[64];
    period(0, RFY_CAT_IKKE_FORSORGER, 1, 11);
    amt(C[0].wage, "20000");
    period(1, RFY_CAT_FORSORGER, 12, 31);
    /* Rows given in reverse order: the engine orders them by day. */
    P[0] = &C[1];
    P[1] = &C[0];
    compute_ok(2);
    /* gross = (12.326 × 11 + 16.382 × 20) / 31 = (135.586 + 327.640) / 31
     *       = 463.226 / 31 = 14.942,774... → 14.942,77 */
    ck_money(Z.gross, "14942.77");
    /* wage once for the month: 0,55 × (20.000 − 16.323) = 0,55 × 3.677 = 2.022,35 */
    ck_money(Z.wage_deduction, "2022.35");
    ck_money(Z.total_deduction, "2022.35");
    /* 14.942,77 − 2.022,35 = 12.920,42 */
    ck_money(Z.payment, "12920.42");
    ck_assert_int_eq(Z.days, 31);
    ck_assert_int_eq(Z.nsegments, 2);
    ck_assert_int_eq(Z.seg[0].first_day, 1);
    ck_assert_int_eq(Z.seg[0].last_day, 11);
    ck_assert_int_eq(Z.seg[1].first_day, 12);
    ck_assert_str_eq(Z.level_ref, "§ 68 stk. 2 nr. 2; § 68 stk. 2 nr. 1");
    rfy_rows_category(cat, sizeof cat, P, 2);
    ck_assert_str_eq(cat, "ikke_forsorger;forsorger");
}
END_TEST

/* One threshold a month: wage 10.000 on each of two rows is wage 20.000. */
START_TEST(wage_threshold_once_a_month)
{
    period(0, RFY_CAT_FORSORGER, 1, 15);
    amt(C[0].wage, "10000");
    period(1, RFY_CAT_FORSORGER, 16, 31);
    amt(C[1].wage, "10000");
    compute_ok(2);
    /* 16.382 × 15/31 + 16.382 × 16/31 = 16.382,00 exactly */
    ck_money(Z.gross, "16382.00");
    /* 0,55 × (10.000 + 10.000 − 16.323) = 2.022,35, not 0 + 0 per row */
    ck_money(Z.wage_deduction, "2022.35");
    ck_money(Z.payment, "14359.65");
    ck_assert_str_eq(Z.level_ref, "§ 68 stk. 2 nr. 1");
}
END_TEST

/* The case an explanation reads: the rows' incomes summed as the engine
 * deducted them, the level detail of the row that ends last. */
START_TEST(month_case_for_the_explanation)
{
    rfy_case m;
    period(0, RFY_CAT_IKKE_FORSORGER, 1, 11);
    amt(C[0].wage, "12000.50");
    amt(C[0].other_income, "100");
    period(1, RFY_CAT_FORSORGER, 12, 31);
    amt(C[1].wage, "8000.25");
    P[0] = &C[1];
    P[1] = &C[0];
    compute_ok(2);
    rfy_case_init(&m);
    rfy_rows_month_case(&m, P, 2, &Z);
    /* wage 12.000,50 + 8.000,25 = 20.000,75; other income 100,00 + 0 */
    ck_money(m.wage, "20000.75");
    ck_money(m.other_income, "100.00");
    /* 0,55 × (20.000,75 − 16.323) = 0,55 × 3.677,75 = 2.022,7625 → 2.022,76: the deduction
     * the engine made from that very sum */
    ck_money(Z.wage_deduction, "2022.76");
    ck_assert_int_eq(m.category, RFY_CAT_FORSORGER); /* the row that ends last (day 31) */
    ck_assert_int_eq(m.start_day, 1);
    ck_assert_int_eq(m.end_day, 31);
    rfy_case_clear(&m);
}
END_TEST

/* Days no row covers are days without benefit: rows 1–9 and 17–31. */
START_TEST(days_between_rows_unpaid)
{
    period(0, RFY_CAT_FORSORGER, 1, 9);
    period(1, RFY_CAT_FORSORGER, 17, 31);
    compute_ok(2);
    /* 16.382 × (9 + 15) / 31 = 393.168 / 31 = 12.682,838... → 12.682,84 */
    ck_money(Z.gross, "12682.84");
    ck_assert_int_eq(Z.days, 24);
    ck_money(Z.payment, "12682.84");
}
END_TEST

/* The 160 hours once a month (§ 68 a stk. 3). */
START_TEST(tilbud_hours_once_a_month)
{
    period(0, RFY_CAT_IKKE_FORSORGER, 1, 15);
    amt(C[0].activation_income, "2000");
    amt(C[0].activation_hours, "100");
    period(1, RFY_CAT_IKKE_FORSORGER, 16, 31);
    amt(C[1].activation_income, "2000");
    amt(C[1].activation_hours, "100");
    compute_ok(2);
    /* income 4.000 over 200 h: 4.000 − min(200, 160) × 17,86 = 4.000 − 2.857,60 = 1.142,40
     * (per row it would be 2 × (2.000 − 100 × 17,86) = 2 × 214 = 428,00) */
    ck_money(Z.activation_deduction, "1142.40");
    /* 12.326 − 1.142,40 = 11.183,60 (rules.md §6) */
    ck_money(Z.payment, "11183.60");
}
END_TEST

/* The holiday cap from the month's exact gross per day of entitlement. */
START_TEST(holiday_cap_from_month_gross)
{
    period(0, RFY_CAT_IKKE_FORSORGER, 1, 11);
    period(1, RFY_CAT_FORSORGER, 12, 31);
    amt(C[1].holiday_pay, "30000");
    amt(C[1].holiday_days, "5");
    compute_ok(2);
    /* uncapped: W(30.000) − W(0) = 0,55 × (30.000 − 16.323) = 7.522,35
     * cap: exact gross 463.226/31 per 31 days × 5 × 7/5 days
     *    = 463.226 × 7 / 961 = 3.242.582 / 961 = 3.374,1748... → 3.374,17 */
    ck_assert_int_eq(Z.holiday_capped, 1);
    ck_money(Z.holiday_deduction, "3374.17");
    /* 14.942,77 − 3.374,17 = 11.568,60 */
    ck_money(Z.payment, "11568.60");
}
END_TEST

/* One row: exactly rfy_compute(). */
START_TEST(one_row_is_rfy_compute)
{
    period(0, RFY_CAT_FORSORGER, 10, 31);
    amt(C[0].wage, "20000");
    compute_ok(1);
    ck_assert_int_eq(rfy_compute(&Z1, R, &C[0], &E), RFY_OK);
    ck_assert(mpz_cmp(Z.payment, Z1.payment) == 0);
    ck_assert(mpz_cmp(Z.gross, Z1.gross) == 0);
    /* 16.382 × 22 / 31 = 360.404 / 31 = 11.625,935... → 11.625,94; − 2.022,35 = 9.603,59 */
    ck_money(Z.payment, "9603.59");
}
END_TEST

/* rules.md §7: overlapping rows are all rejected, each naming the other. */
START_TEST(overlap_names_the_other)
{
    rfy_rows_conflict k[3];
    period(0, RFY_CAT_FORSORGER, 1, 20);
    period(1, RFY_CAT_FORSORGER, 10, 31);
    ck_assert_int_eq(rfy_rows_check(k, P, 2), RFY_EINPUT);
    ck_assert_int_eq(k[0].fault, RFY_ROWS_OVERLAP);
    ck_assert_uint_eq(k[0].other, 1);
    ck_assert_int_eq(k[1].fault, RFY_ROWS_OVERLAP);
    ck_assert_uint_eq(k[1].other, 0);
    rfy_rows_reason(&E, &k[1], 7, NULL);
    ck_assert_fault(&E, "overlap", "dagene overlapper linje 7 (samme sag og måned): en dag ville blive betalt to gange; "
        "alle rækker i sagsmåneden afvises");
    ck_assert_str_eq(E.column, "start");
    ck_assert_int_eq(E.fault[0].other, 7);
    /* the HTTP API names its rows by number, with the same reason otherwise */
    rfy_rows_reason_named(&E, &k[1], "row", 0, NULL);
    ck_assert_fault(&E, "overlap", "dagene overlapper række 0 (samme sag og måned): en dag ville blive betalt to gange; "
        "alle rækker i sagsmåneden afvises");
    /* A third row that is fine itself goes with the others. */
    period(2, RFY_CAT_FORSORGER, 1, 1);
    C[2].month = RFY_MONTH(2024, 7);
    period(0, RFY_CAT_FORSORGER, 2, 20);
    ck_assert_int_eq(rfy_rows_check(k, P, 3), RFY_EINPUT);
    ck_assert_int_eq(k[2].fault, RFY_ROWS_WITH_OTHERS);
    ck_assert_uint_eq(k[2].other, 0);
    ck_assert_int_ne(rfy_compute_rows(&Z, R, P, 2, &E, NULL), RFY_OK);
}
END_TEST

/* The grouping order (rules.md §7, the batch's output order): case_id byte by
 * byte ("A" < "AB" < "B" < "a"; none "" first), then month; equal = one case-month. */
START_TEST(casemonth_order)
{
    rfy_month may = RFY_MONTH(2024, 5), jun = RFY_MONTH(2024, 6);
    ck_assert_int_lt(rfy_casemonth_cmp("A", 1, jun, "AB", 2, may), 0);
    ck_assert_int_lt(rfy_casemonth_cmp("AB", 2, jun, "B", 1, may), 0);
    ck_assert_int_lt(rfy_casemonth_cmp("B", 1, jun, "a", 1, may), 0);
    ck_assert_int_lt(rfy_casemonth_cmp("", 0, jun, "A", 1, may), 0);
    ck_assert_int_gt(rfy_casemonth_cmp("A", 1, jun, "A", 1, may), 0);
    ck_assert_int_eq(rfy_casemonth_cmp("A", 1, may, "A", 1, may), 0);
}
END_TEST

START_TEST(exact_repeat_is_an_overlap)
{
    rfy_rows_conflict k[2];
    /* two whole-month rows (start/end empty): every day twice */
    C[0].category = C[1].category = RFY_CAT_FORSORGER;
    ck_assert_int_eq(rfy_rows_check(k, P, 2), RFY_EINPUT);
    ck_assert_int_eq(k[0].fault, RFY_ROWS_OVERLAP);
    ck_assert_uint_eq(k[0].other, 1);
    ck_assert_int_eq(k[1].fault, RFY_ROWS_OVERLAP);
    ck_assert_uint_eq(k[1].other, 0);
}
END_TEST

START_TEST(forloeb_must_agree)
{
    rfy_rows_conflict k[2];
    period(0, RFY_CAT_FORSORGER, 1, 15);
    period(1, RFY_CAT_FORSORGER, 16, 31);
    C[1].forloeb = RFY_FORLOEB_JOBAFKLARING;
    ck_assert_int_eq(rfy_rows_check(k, P, 2), RFY_EINPUT);
    ck_assert_int_eq(k[0].fault, RFY_ROWS_FORLOEB);
    ck_assert_uint_eq(k[0].other, 1);
    ck_assert_int_eq(k[1].fault, RFY_ROWS_FORLOEB);
    ck_assert_uint_eq(k[1].other, 0);
    ck_assert_int_eq(rfy_compute_rows(&Z, R, P, 2, &E, NULL), RFY_EINPUT);
    ck_assert_str_eq(E.column, "forloeb");
}
END_TEST

/* A row's own fault names that row. */
START_TEST(row_fault_names_the_row)
{
    size_t at = 9;
    period(0, RFY_CAT_FORSORGER, 1, 15);
    period(1, RFY_CAT_U25_HJEMME_BIDRAG, 16, 31); /* nr. 4 without children */
    ck_assert_int_eq(rfy_compute_rows(&Z, R, P, 2, &E, &at), RFY_EINPUT);
    ck_assert_uint_eq(at, 1);
    ck_assert_str_eq(E.column, "children");
}
END_TEST

/* Many rows: segments grow; 31 one-day rows are the whole month. */
START_TEST(thirty_one_one_day_rows)
{
    rfy_case many[31];
    const rfy_case *pm[31];
    for (int i = 0; i < 31; i++) {
        rfy_case_init(&many[i]);
        rfy_case_reset(&many[i]);
        many[i].month = RFY_MONTH(2024, 7);
        many[i].category = RFY_CAT_FORSORGER;
        many[i].start_day = many[i].end_day = 31 - i;
        pm[i] = &many[i];
    }
    amt(many[5].wage, "20000");
    ck_assert_int_eq(rfy_compute_rows(&Z, R, pm, 31, &E, NULL), RFY_OK);
    /* 31 × 16.382/31 = 16.382,00; − 2.022,35 = 14.359,65 */
    ck_money(Z.gross, "16382.00");
    ck_money(Z.payment, "14359.65");
    ck_assert_int_eq(Z.nsegments, 31);
    ck_assert_int_eq(Z.seg[30].first_day, 31);
    for (int i = 0; i < 31; i++)
        rfy_case_clear(&many[i]);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("casemonth");
    TCase *t = tcase_create("rules.md §7");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, child_born_on_the_12th);
    tcase_add_test(t, wage_threshold_once_a_month);
    tcase_add_test(t, month_case_for_the_explanation);
    tcase_add_test(t, days_between_rows_unpaid);
    tcase_add_test(t, tilbud_hours_once_a_month);
    tcase_add_test(t, holiday_cap_from_month_gross);
    tcase_add_test(t, one_row_is_rfy_compute);
    tcase_add_test(t, overlap_names_the_other);
    tcase_add_test(t, exact_repeat_is_an_overlap);
    tcase_add_test(t, casemonth_order);
    tcase_add_test(t, forloeb_must_agree);
    tcase_add_test(t, row_fault_names_the_row);
    tcase_add_test(t, thirty_one_one_day_rows);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
