/*
 * The holiday ledger of rules.md §8 (§ 69 stk. 5, § 68 a stk. 4, BEK nr.
 * 1470 af 16.12.2019): each case worked out by hand, arithmetic in comments.
 * Months are computed with rfy_compute() on the built-in 2023–2024 rates and
 * threaded through rfy_holiday_apply() as a case's months in a file are.
 *
 * Notation: run = receipt months before the month, used = days used in the
 * window before it, fg = feriedage × 7/5, y = holiday_ydelse_days.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "case_from_cells.h"
#include "check_run.h"
#include "fault_check.h"
#include <rfy/rfy.h>
/* White-box: the engine's own test reads the result's and the case's fields directly
 * (calc/law/calc_internal.h); programs use the accessors of <rfy/calc.h>. */
#include "calc_internal.h"

static rfy_rates *R;
static rfy_case C;
static rfy_result Z;
static rfy_error E;
static rfy_holiday_state *S;
/* The state the case's first month carries (holiday_run_months,
 * holiday_used_days in thousandths), set by start(). */
static long First_run, First_used_m;

static void setup(void)
{
    char *err = NULL;
    ck_assert_int_eq(rfy_rates_load_builtin(&R, &err), RFY_OK);
    rfy_case_init(&C);
    rfy_case_reset(&C);
    rfy_result_init(&Z);
    S = rfy_holiday_state_new();
    ck_assert_ptr_nonnull(S);
    First_run = First_used_m = 0;
}

static void teardown(void)
{
    rfy_holiday_state_free(S);
    rfy_result_clear(&Z);
    rfy_case_clear(&C);
    rfy_rates_free(R);
}

/* A day count as the output writes it ("10.00", "2.912"): a month's count (int64_t)... */
static void ck_days(int64_t m, const char *want)
{
    char got[48];
    ck_assert_int_gt(rfy_holiday_days_format_m(got, sizeof got, m, '.'), 0);
    ck_assert_str_eq(got, want);
}

/* ...and an mpz_t one (the state's days used, a formatted number). */
static void ck_days_z(const mpz_t q, const char *want)
{
    char got[48];
    ck_assert_int_gt(rfy_holiday_days_format(got, sizeof got, q, '.'), 0);
    ck_assert_str_eq(got, want);
}


static void start(long run, long used_m)
{
    First_run = run;
    First_used_m = used_m;
}

/* One month of the case: forsørger, whole month, with y days of holiday with
 * ydelse and `feriedage_c` hundredths of feriedage (with 1.000 kr. of
 * feriegodtgørelse when > 0); computed and applied to S. */
static void month_ok(int y, int m, int ydelse, long feriedage_c)
{
    int rc;
    rfy_case_reset(&C);
    C.month = RFY_MONTH(y, m);
    if (rfy_holiday_state_last(S) < 0 && (First_run || First_used_m)) {
        C.has_holiday_state = 1;
        C.holiday_run_months = First_run;
        mpz_set_si(C.holiday_used_days, First_used_m);
    }
    C.holiday_ydelse_days = ydelse;
    mpz_set_si(C.holiday_days, feriedage_c);
    if (feriedage_c > 0)
        mpz_set_ui(C.holiday_pay, 100000);
    rc = rfy_compute(&Z, R, &C, &E);
    ck_assert_msg(rc == RFY_OK, "rfy_compute: %s: %s", E.column, E.reason);
    rc = rfy_holiday_apply(&Z, S, &C, &E);
    ck_assert_msg(rc == RFY_OK, "rfy_holiday_apply: %s: %s", E.column, E.reason);
    ck_assert_int_eq(Z.holiday.status, RFY_HOLIDAY_KNOWN);
}

/* Months from..to (inclusive, YYYY × 12 + M − 1) without holiday. */
static void months_plain(rfy_month from, rfy_month to)
{
    for (rfy_month mo = from; mo <= to; mo++)
        month_ok(RFY_MONTH_YEAR(mo), RFY_MONTH_NUM(mo), 0, 0);
}

/* ---- the main case ------------------------------------------------ */

START_TEST(paid_every_month_2023_01_to_2024_02)
{
    /* 2023-01..2023-12: 12 receipt months, no right yet (run 0..11 < 12). */
    months_plain(RFY_MONTH(2023, 1), RFY_MONTH(2023, 11));
    month_ok(2023, 12, 0, 0);
    ck_assert_int_eq(Z.holiday.run_before, 11);
    ck_assert(!Z.holiday.right);
    ck_days(Z.holiday.days_left_m, "0.00");

    /* January 2024: run = 12 → right; 12 mod 12 = 0 → new window Jan–Dec 2024,
     * used = 0; allowed = 35 − 0 − 0 = 35; y = 10 → excess max(0, 10 − 35) = 0;
     * used_after = min(35, 0 + 0 + 10) = 10; left = 35 − 10 = 25. */
    month_ok(2024, 1, 10, 0);
    ck_assert(Z.holiday.right);
    ck_assert(Z.holiday.new_window);
    ck_assert_int_eq(Z.holiday.run_before, 12);
    ck_assert_int_eq(Z.holiday.run_after, 13);
    ck_assert_int_eq(Z.holiday.window_from, RFY_MONTH(2024, 1));
    ck_assert_int_eq(Z.holiday.window_to, RFY_MONTH(2024, 12));
    ck_days(Z.holiday.allowed_m, "35.00");
    ck_days(Z.holiday.used_after_m, "10.00");
    ck_days(Z.holiday.days_left_m, "25.00");
    ck_days(Z.holiday.excess_m, "0.00");
    ck_assert_uint_eq(Z.warnings & RFY_WARN_HOLIDAY_EXCESS, 0);

    /* February 2024: run 13 (13 mod 12 = 1: same window), used 10;
     * allowed = 35 − 10 − 0 = 25; y = 30 → excess = 30 − 25 = 5;
     * used_after = min(35, 10 + 30) = 35; left = 0; run_after 14. */
    month_ok(2024, 2, 30, 0);
    ck_assert(Z.holiday.right);
    ck_assert(!Z.holiday.new_window);
    ck_days(Z.holiday.used_before_m, "10.00");
    ck_days(Z.holiday.allowed_m, "25.00");
    ck_days(Z.holiday.excess_m, "5.00");
    ck_assert_uint_eq(Z.warnings & RFY_WARN_HOLIDAY_EXCESS, RFY_WARN_HOLIDAY_EXCESS);
    ck_days(Z.holiday.used_after_m, "35.00");
    ck_days(Z.holiday.days_left_m, "0.00");
    ck_assert_int_eq(Z.holiday.run_after, 14);
    /* the state handed to the next run */
    ck_assert_int_eq(rfy_holiday_state_run_months(S), 14);
    {
        mpz_t used_m;
        mpz_init(used_m);
        rfy_holiday_state_used(used_m, S);
        ck_days_z(used_m, "35.00");
        mpz_clear(used_m);
    }
}
END_TEST

START_TEST(single_row_with_run_12_equals_13_month_file)
{
    /* One 2024-01 row with holiday_run_months 12 is the January of the
     * 13-month file above: run 12, new window, y 10 → used 10, left 25. */
    rfy_result whole;
    rfy_result_init(&whole);
    months_plain(RFY_MONTH(2023, 1), RFY_MONTH(2023, 12));
    month_ok(2024, 1, 10, 0);
    /* keep the 13-month January */
    whole.holiday.status = Z.holiday.status;
    whole.holiday.right = Z.holiday.right;
    whole.holiday.new_window = Z.holiday.new_window;
    whole.holiday.run_before = Z.holiday.run_before;
    whole.holiday.run_after = Z.holiday.run_after;
    whole.holiday.window_from = Z.holiday.window_from;
    whole.holiday.used_after_m = Z.holiday.used_after_m;
    whole.holiday.days_left_m = Z.holiday.days_left_m;
    whole.holiday.excess_m = Z.holiday.excess_m;
    whole.holiday.allowed_m = Z.holiday.allowed_m;

    rfy_holiday_state_reset(S);
    rfy_case_reset(&C);
    C.month = RFY_MONTH(2024, 1);
    C.holiday_ydelse_days = 10;
    C.holiday_run_months = 12;
    C.has_holiday_state = 1;
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_OK);
    ck_assert_int_eq(rfy_holiday_apply(&Z, S, &C, &E), RFY_OK);
    ck_assert_int_eq(Z.holiday.status, whole.holiday.status);
    ck_assert_int_eq(Z.holiday.right, whole.holiday.right);
    ck_assert_int_eq(Z.holiday.new_window, whole.holiday.new_window);
    ck_assert_int_eq(Z.holiday.run_before, whole.holiday.run_before);
    ck_assert_int_eq(Z.holiday.run_after, whole.holiday.run_after);
    ck_assert_int_eq(Z.holiday.window_from, whole.holiday.window_from);
    ck_assert(Z.holiday.used_after_m == whole.holiday.used_after_m);
    ck_assert(Z.holiday.days_left_m == whole.holiday.days_left_m);
    ck_assert(Z.holiday.excess_m == whole.holiday.excess_m);
    ck_assert(Z.holiday.allowed_m == whole.holiday.allowed_m);
    ck_days(Z.holiday.days_left_m, "25.00");
    rfy_result_clear(&whole);
}
END_TEST

/* ---- the run ---------------------------------------------------------------- */

START_TEST(missing_month_resets_the_count)
{
    /* 2023-01..2023-06 (run 6), July 2023 missing: a whole calendar month
     * without receipt (BEK 1470/2019 § 1) → August 2023 starts at run 0.
     * January 2024: run = Aug..Dec = 5 < 12 → no right; y = 3 → allowed 0,
     * excess 3 (without the gap run would be 12 and excess 0). */
    months_plain(RFY_MONTH(2023, 1), RFY_MONTH(2023, 6));
    month_ok(2023, 8, 0, 0);
    ck_assert(Z.holiday.run_broken);
    ck_assert_int_eq(Z.holiday.run_before, 0);
    months_plain(RFY_MONTH(2023, 9), RFY_MONTH(2023, 12));
    month_ok(2024, 1, 3, 0);
    ck_assert(!Z.holiday.run_broken);
    ck_assert_int_eq(Z.holiday.run_before, 5);
    ck_assert(!Z.holiday.right);
    ck_days(Z.holiday.allowed_m, "0.00");
    ck_days(Z.holiday.excess_m, "3.00");
    ck_days(Z.holiday.used_after_m, "0.00");
}
END_TEST

START_TEST(gap_ends_the_window)
{
    /* State: run 14, used 20 before 2024-03 (window Jan–Dec 2024).  2024-03
     * with y 0, then April missing, May: run 0, used 0, no right: the window
     * ended with the run (rules.md §8, Decision); y 2 → excess 2. */
    start(14, 20000);
    month_ok(2024, 3, 0, 0);
    ck_days(Z.holiday.used_after_m, "20.00");
    ck_days(Z.holiday.days_left_m, "15.00");
    month_ok(2024, 5, 2, 0);
    ck_assert(Z.holiday.run_broken);
    ck_assert(!Z.holiday.right);
    ck_days(Z.holiday.excess_m, "2.00");
    ck_assert_int_eq(rfy_holiday_state_run_months(S), 1);
}
END_TEST

START_TEST(month_paid_zero_because_of_income_still_counts)
{
    /* 2023-01..2023-12 with June 2023 paid 0 (other income 20.000 > 16.382,
     * § 68 a stk. 1): still a receipt month (STAR 23.12.2021, section 8), so
     * January 2024 has run 12 and the right. */
    months_plain(RFY_MONTH(2023, 1), RFY_MONTH(2023, 5));
    rfy_case_reset(&C);
    C.month = RFY_MONTH(2023, 6);
    mpz_set_ui(C.other_income, 2000000);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_OK);
    ck_assert_int_eq(mpz_sgn(Z.payment), 0);
    ck_assert_int_eq(rfy_holiday_apply(&Z, S, &C, &E), RFY_OK);
    ck_assert_int_eq(Z.holiday.run_after, 6);
    months_plain(RFY_MONTH(2023, 7), RFY_MONTH(2023, 12));
    month_ok(2024, 1, 0, 0);
    ck_assert_int_eq(Z.holiday.run_before, 12);
    ck_assert(Z.holiday.right);
    ck_days(Z.holiday.days_left_m, "35.00");
}
END_TEST

START_TEST(part_month_counts_as_a_whole_month)
{
    /* BEK 1470/2019 § 1: partial receipt counts.  State run 11; 2024-01 from
     * the 20th (12 days): run_after 12; February: run 12 → right. */
    rfy_case_reset(&C);
    C.month = RFY_MONTH(2024, 1);
    C.start_day = 20;
    C.has_holiday_state = 1;
    C.holiday_run_months = 11;
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_OK);
    ck_assert_int_eq(rfy_holiday_apply(&Z, S, &C, &E), RFY_OK);
    ck_assert_int_eq(Z.holiday.run_after, 12);
    month_ok(2024, 2, 0, 0);
    ck_assert(Z.holiday.right);
    ck_assert(Z.holiday.new_window);
}
END_TEST

START_TEST(month_25_opens_a_new_window)
{
    /* 2022-01..2024-01 = 25 months.  2023-01 (run 12) opens window 1
     * (2023-01..2023-12).  2023-12 (run 23): y 30 → used 30, left 5.
     * 2024-01 (run 24, 24 mod 12 = 0): window 2, used 0 (the 5 days lapse);
     * y 10 → allowed 35, used 10, left 25. */
    months_plain(RFY_MONTH(2022, 1), RFY_MONTH(2022, 12));
    month_ok(2023, 1, 0, 0);
    ck_assert(Z.holiday.new_window);
    ck_assert_int_eq(Z.holiday.window_to, RFY_MONTH(2023, 12));
    months_plain(RFY_MONTH(2023, 2), RFY_MONTH(2023, 11));
    month_ok(2023, 12, 30, 0);
    ck_assert_int_eq(Z.holiday.run_before, 23);
    ck_assert(!Z.holiday.new_window);
    ck_days(Z.holiday.days_left_m, "5.00");
    month_ok(2024, 1, 10, 0);
    ck_assert_int_eq(Z.holiday.run_before, 24);
    ck_assert(Z.holiday.new_window);
    ck_assert_int_eq(Z.holiday.window_from, RFY_MONTH(2024, 1));
    ck_assert_int_eq(Z.holiday.window_to, RFY_MONTH(2024, 12));
    ck_days(Z.holiday.used_before_m, "0.00");
    ck_days(Z.holiday.allowed_m, "35.00");
    ck_days(Z.holiday.used_after_m, "10.00");
    ck_days(Z.holiday.days_left_m, "25.00");
}
END_TEST

/* ---- feriegodtgørelse first ---------------------------------------------------- */

START_TEST(five_feriedage_inside_a_window_leave_28)
{
    /* run 12 (new window), 5,00 feriedage with feriegodtgørelse: fg = 5 × 7/5
     * = 7 days, held first; y 0 → used = 0 + 7 = 7, left = 35 − 7 = 28. */
    start(12, 0);
    month_ok(2024, 1, 0, 500);
    ck_days(Z.holiday.fg_m, "7.00");
    ck_days(Z.holiday.allowed_m, "28.00");
    ck_days(Z.holiday.used_after_m, "7.00");
    ck_days(Z.holiday.days_left_m, "28.00");
    ck_days(Z.holiday.excess_m, "0.00");
    /* the feriegodtgørelse is deducted as before (§ 68 a stk. 4), the ledger
     * changes no amount: 1.000 kr. with no wage is below T 16.323 (2024: 55 %
     * above T only) → 0; payment 16.382,00 */
    ck_assert_int_eq(mpz_sgn(Z.holiday_deduction), 0);
    ck_assert_int_eq(mpz_get_ui(Z.payment), 1638200);
}
END_TEST

START_TEST(feriegodtgoerelse_first_then_ydelse_excess)
{
    /* run 13, used 30; fg = 5 × 7/5 = 7; allowed = max(0, 35 − 30 − 7) = 0;
     * y 2 → excess 2; used_after = min(35, 30 + 7 + 2) = 35; left 0. */
    start(13, 30000);
    month_ok(2024, 2, 2, 500);
    ck_days(Z.holiday.allowed_m, "0.00");
    ck_days(Z.holiday.excess_m, "2.00");
    ck_days(Z.holiday.used_after_m, "35.00");
    ck_days(Z.holiday.days_left_m, "0.00");
}
END_TEST

START_TEST(feriegodtgoerelse_before_the_right_counts_against_nothing)
{
    /* run 5: no right; fg 7 needs no right (§ 68 a stk. 4, last sentence)
     * and counts against nothing: used_after 0, left 0, excess 0. */
    start(5, 0);
    month_ok(2024, 2, 0, 500);
    ck_assert(!Z.holiday.right);
    ck_days(Z.holiday.fg_m, "7.00");
    ck_days(Z.holiday.used_after_m, "0.00");
    ck_days(Z.holiday.excess_m, "0.00");
}
END_TEST

START_TEST(fractional_feriedage_stay_exact)
{
    /* 2,08 feriedage: fg = 208/100 × 7/5 = 1456/500 = 2,912 days; run 12 →
     * used 2,912, left 35 − 2,912 = 32,088; printed with three decimals so the
     * next run reads back the same state. */
    start(12, 0);
    month_ok(2024, 1, 0, 208);
    ck_days(Z.holiday.fg_m, "2.912");
    ck_days(Z.holiday.used_after_m, "2.912");
    ck_days(Z.holiday.days_left_m, "32.088");
    /* read back: 2912 thousandths = the exact state */
    rfy_holiday_state_reset(S);
    start(13, 2912);
    month_ok(2024, 2, 1, 0);
    ck_days(Z.holiday.used_after_m, "3.912");
}
END_TEST

/* ---- state and order ----------------------------------------------------------- */

START_TEST(rejected_month_leaves_state_unknown_until_a_gap)
{
    /* 2024-01 rejected: 2024-02 UNKNOWN (no guess).  2024-04 after March is
     * missing: the gap breaks the run, so the state is certain again: run 0. */
    start(20, 0);
    rfy_holiday_state_forget(S, RFY_MONTH(2024, 1));
    rfy_case_reset(&C);
    C.month = RFY_MONTH(2024, 2);
    C.holiday_ydelse_days = 5;
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_OK);
    ck_assert_int_eq(rfy_holiday_apply(&Z, S, &C, &E), RFY_OK);
    ck_assert_int_eq(Z.holiday.status, RFY_HOLIDAY_UNKNOWN);
    /* 5 days of holiday with ydelse, but no state: no excess claimed, the state said unknown */
    ck_assert_uint_eq(Z.warnings & (RFY_WARN_HOLIDAY_EXCESS | RFY_WARN_HOLIDAY_STATE_UNKNOWN),
                      RFY_WARN_HOLIDAY_STATE_UNKNOWN);
    month_ok(2024, 4, 0, 0);
    ck_assert(Z.holiday.run_broken);
    ck_assert_int_eq(Z.holiday.run_before, 0);
}
END_TEST

START_TEST(later_month_state_must_match)
{
    /* 2024-01 with run 12; 2024-02 carries run 13, used 10.  A 2024-02 row
     * saying run 13, used 10 is accepted; run 14 is rejected naming the column. */
    start(12, 0);
    month_ok(2024, 1, 10, 0);
    rfy_case_reset(&C);
    C.month = RFY_MONTH(2024, 2);
    C.has_holiday_state = 1;
    C.holiday_run_months = 14;
    mpz_set_ui(C.holiday_used_days, 10000);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_OK);
    ck_assert_int_eq(rfy_holiday_apply(&Z, S, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(E.column, "holiday_run_months");
    ck_assert_fault(&E, "holiday_state_differs", "holiday_run_months afviger fra tilstanden ført videre fra 2024-01 i denne fil (13 "
        "måneder, 10,00 dage): angiv tilstanden kun i sagens første måned");
    C.holiday_run_months = 13;
    ck_assert_int_eq(rfy_holiday_apply(&Z, S, &C, &E), RFY_OK);
    ck_days(Z.holiday.used_after_m, "10.00");
}
END_TEST

START_TEST(months_must_come_in_order)
{
    month_ok(2024, 2, 0, 0);
    rfy_case_reset(&C);
    C.month = RFY_MONTH(2024, 1);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_OK);
    ck_assert_int_eq(rfy_holiday_apply(&Z, S, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(E.column, "month");
}
END_TEST

START_TEST(used_days_need_a_right)
{
    /* holiday_used_days 5 with holiday_run_months 11: no window is open. */
    rfy_case_reset(&C);
    C.month = RFY_MONTH(2024, 1);
    C.has_holiday_state = 1;
    C.holiday_run_months = 11;
    mpz_set_ui(C.holiday_used_days, 5000);
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_EINPUT);
    ck_assert_str_eq(E.column, "holiday_used_days");
    C.holiday_run_months = 12;
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), RFY_OK);
}
END_TEST

START_TEST(days_format)
{
    /* thousandths of a day: two decimals, three when the last digit is needed */
    mpz_t q;
    char buf[32];
    mpz_init(q);
    ck_days_z(q, "0.00");
    mpz_set_ui(q, 35000);
    ck_days_z(q, "35.00");
    mpz_set_ui(q, 2912); /* 2,08 × 7/5 */
    ck_assert_int_eq(rfy_holiday_days_format(buf, sizeof buf, q, ','), 5);
    ck_assert_str_eq(buf, "2,912");
    mpz_set_ui(q, 1400); /* 1 × 7/5 */
    ck_days_z(q, "1.40");
    mpz_set_ui(q, 5);
    ck_days_z(q, "0.005");
    mpz_set_ui(q, 123456789);
    ck_days_z(q, "123456.789");
    ck_assert_int_eq(rfy_holiday_days_format(buf, 5, q, '.'), -1);
    mpz_set_si(q, -1);
    ck_assert_int_eq(rfy_holiday_days_format(buf, sizeof buf, q, '.'), -1);
    /* the bound of a month's counts: 10^15 − 1 thousandths, and not one more */
    mpz_set_si(q, RFY_HOLIDAY_MAX_M + 1);
    ck_assert_int_eq(rfy_holiday_days_format(buf, sizeof buf, q, '.'), -1);
    mpz_clear(q);
    ck_days(RFY_HOLIDAY_MAX_M, "999999999999.999");
    ck_days(2912, "2.912");
    ck_assert_int_eq(rfy_holiday_days_format_m(buf, sizeof buf, RFY_HOLIDAY_MAX_M + 1, '.'), -1);
    ck_assert_int_eq(rfy_holiday_days_format_m(buf, sizeof buf, -1, '.'), -1);
    ck_assert_int_eq(rfy_holiday_days_format_m(buf, 5, 2912, '.'), -1); /* "2.912" needs 6 bytes */
}
END_TEST

START_TEST(step_refuses_counts_beyond_the_bound)
{
    /* A month's counts are int64_t thousandths up to RFY_HOLIDAY_MAX_M
     * (rfy/holiday.h): feriedage in hundredths × 14 must stay within it, so
     * 999999999999999 / 14 = 71428571428571 hundredths is the most a step
     * takes; one more is refused and the state is left as it was. */
    rfy_holiday_month h;
    mpz_t fd;
    mpz_init_set_si(fd, 71428571428571L + 1);
    rfy_holiday_month_init(&h);
    ck_assert_int_eq(rfy_holiday_step(&h, S, RFY_MONTH(2024, 1), fd, 0, &E), RFY_EINPUT);
    ck_assert_int_eq(rfy_holiday_state_last(S), -1);
    /* a state whose days used pass the bound is refused too; at the bound it is taken */
    mpz_set_si(fd, RFY_HOLIDAY_MAX_M + 1);
    rfy_holiday_state_start(S, 12, fd);
    mpz_set_ui(fd, 0);
    ck_assert_int_eq(rfy_holiday_step(&h, S, RFY_MONTH(2024, 1), fd, 0, &E), RFY_EINPUT);
    ck_assert_int_eq(rfy_holiday_state_last(S), -1);
    mpz_set_si(fd, RFY_HOLIDAY_MAX_M);
    rfy_holiday_state_start(S, 13, fd); /* month 14: inside the window, used carried */
    mpz_set_ui(fd, 0);
    ck_assert_int_eq(rfy_holiday_step(&h, S, RFY_MONTH(2024, 1), fd, 0, &E), RFY_OK);
    ck_assert_int_eq(h.used_before_m, RFY_HOLIDAY_MAX_M);
    /* allowed = max(0, 35000 − MAX − 0) = 0; used after = min(35000, MAX) = 35000 */
    ck_assert_int_eq(h.allowed_m, 0);
    ck_assert_int_eq(h.used_after_m, 35000);
    ck_assert_int_eq(h.days_left_m, 0);
    rfy_holiday_state_reset(S);
    mpz_set_si(fd, 71428571428571L);
    /* 71428571428571 × 14 = 999999999999994 thousandths */
    ck_assert_int_eq(rfy_holiday_step(&h, S, RFY_MONTH(2024, 1), fd, 0, &E), RFY_OK);
    ck_assert_int_eq(h.fg_m, INT64_C(999999999999994));
    ck_days(h.fg_m, "999999999999.994");
    rfy_holiday_month_clear(&h);
    mpz_clear(fd);
}
END_TEST

/* ---- a case-month of several period rows (rules.md §7) -------------------------- */

START_TEST(period_rows_sum_their_holiday)
{
    /* January 2024 in two period rows (1–15 and 16–31): 10 + 5 days with ydelse
     * and 2,50 + 2,50 feriedage; the state (run 12) on the second row only.
     * fg = 5 × 7/5 = 7; allowed = 35 − 0 − 7 = 28; used = 7 + 15 = 22; left 13. */
    rfy_case a, b;
    const rfy_case *rows[2] = {&a, &b};
    size_t at = 9;
    rfy_case_init(&a);
    rfy_case_init(&b);
    rfy_case_reset(&a);
    rfy_case_reset(&b);
    a.month = b.month = RFY_MONTH(2024, 1);
    a.end_day = 15;
    b.start_day = 16;
    a.holiday_ydelse_days = 10;
    b.holiday_ydelse_days = 5;
    mpz_set_ui(a.holiday_days, 250);
    mpz_set_ui(b.holiday_days, 250);
    b.has_holiday_state = 1;
    b.holiday_run_months = 12;
    ck_assert_int_eq(rfy_compute(&Z, R, &b, &E), RFY_OK); /* any computed result of the month */
    ck_assert_int_eq(rfy_holiday_apply_rows(&Z, S, rows, 2, &E, &at), RFY_OK);
    ck_days(Z.holiday.fg_m, "7.00");
    ck_days(Z.holiday.ydelse_m, "15.00");
    ck_days(Z.holiday.allowed_m, "28.00");
    ck_days(Z.holiday.used_after_m, "22.00");
    ck_days(Z.holiday.days_left_m, "13.00");

    /* both rows giving the state: the same is fine, a different one is not */
    rfy_holiday_state_reset(S);
    a.has_holiday_state = 1;
    a.holiday_run_months = 11;
    ck_assert_int_eq(rfy_holiday_apply_rows(&Z, S, rows, 2, &E, &at), RFY_EINPUT);
    ck_assert_str_eq(E.column, "holiday_run_months");
    ck_assert_uint_eq(at, 1);
    a.holiday_run_months = 12;
    ck_assert_int_eq(rfy_holiday_apply_rows(&Z, S, rows, 2, &E, &at), RFY_OK);

    /* 20 + 12 = 32 days with ydelse in one month: refused at the second row */
    rfy_holiday_state_reset(S);
    a.holiday_ydelse_days = 20;
    b.holiday_ydelse_days = 12;
    ck_assert_int_eq(rfy_holiday_apply_rows(&Z, S, rows, 2, &E, &at), RFY_EINPUT);
    ck_assert_str_eq(E.column, "holiday_ydelse_days");
    ck_assert_uint_eq(at, 1);
    rfy_case_clear(&a);
    rfy_case_clear(&b);
}
END_TEST

/* ---- the input columns ---------------------------------------------------------- */

typedef struct probe {
    case_binding b;
    int parse_rc;
    rfy_error err;
    const rfy_decimal_syntax *syn;
} probe;

static int on_record(void *user, const rfy_csv_record *rec)
{
    probe *p = user;
    char msg[300];
    if (rec->index == 1) {
        ck_assert_int_eq(case_binding_bind(&p->b, rec, NULL, 0, RFY_LANG_EN, msg, sizeof msg), RFY_OK);
        return 0;
    }
    rfy_case_reset(&C);
    p->parse_rc = case_input_parse(&C, &p->b, rec, p->syn, &p->err);
    return 0;
}

/* Parse one row of "case_id,month,category,holiday_ydelse_days,
 * holiday_run_months,holiday_used_days" given its last three cells. */
static int parse3(const char *cells, const rfy_decimal_syntax *syn, probe *p)
{
    char csv[256], *err = NULL;
    char delim = syn->decimal_point == ',' ? ';' : ',';
    snprintf(csv, sizeof csv,
             "case_id%cmonth%ccategory%choliday_ydelse_days%choliday_run_months%c"
             "holiday_used_days\nA%c2024-01%cforsorger%c%s\n",
             delim, delim, delim, delim, delim, delim, delim, delim, cells);
    memset(p, 0, sizeof *p);
    p->syn = syn;
    p->parse_rc = -1;
    ck_assert_int_eq(rfy_csv_read_buffer(csv, strlen(csv), delim, on_record, p, &err), RFY_OK);
    free(err);
    return p->parse_rc;
}

START_TEST(columns_parse)
{
    probe p;
    ck_assert_int_eq(parse3("10,12,2.912", &RFY_AMOUNT_DOT, &p), RFY_OK);
    ck_assert_int_eq(C.holiday_ydelse_days, 10);
    ck_assert_int_eq(C.holiday_run_months, 12);
    ck_assert(C.has_holiday_state);
    ck_assert_int_eq(mpz_get_ui(C.holiday_used_days), 2912);
    ck_assert_int_eq(parse3("31;999;35,00", &RFY_AMOUNT_COMMA, &p), RFY_OK);
    ck_assert_int_eq(mpz_get_ui(C.holiday_used_days), 35000);
    ck_assert_int_eq(parse3(",,", &RFY_AMOUNT_DOT, &p), RFY_OK);
    ck_assert(!C.has_holiday_state);
    ck_assert_int_eq(C.holiday_ydelse_days, 0);
}
END_TEST

START_TEST(columns_refuse_bad_values)
{
    static const struct {
        const char *cells, *column, *code, *says;
    } bad[] = {
        {"32,,", "holiday_ydelse_days", "out_of_range", "'32' er uden for grænsen: fra 0 til 31 kalenderdage"},
        {"2.5,,", "holiday_ydelse_days", "not_whole", "'2.5' er ikke et helt antal kalenderdage fra 0 til 31"},
        {"-1,,", "holiday_ydelse_days", "not_whole", "'-1' er ikke et helt antal kalenderdage"},
        {",1000,", "holiday_run_months", "out_of_range", "'1000' er uden for grænsen: fra 0 til 999 måneder"},
        {",12.0,", "holiday_run_months", "not_whole", "'12.0' er ikke et helt antal måneder fra 0 til 999"},
        {",12,35.001", "holiday_used_days", "out_of_range", "'35.001' er uden for grænsen: fra 0 til 35 dage"},
        {",12,1.0005", "holiday_used_days", "number_decimals", "'1.0005' er ikke et gyldigt tal: mere end 3 decimaler"},
        {",12,-1", "holiday_used_days", "number_sign", "'-1' er ikke et gyldigt tal: fortegn er ikke tilladt"},
    };
    probe p;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_msg(parse3(bad[i].cells, &RFY_AMOUNT_DOT, &p) == RFY_EINPUT, "%s accepted",
                      bad[i].cells);
        ck_assert_str_eq(p.err.column, bad[i].column);
        ck_assert_str_eq(rfy_fault_id(p.err.fault[0].code), bad[i].code);
        ck_assert_msg(strstr(p.err.reason, bad[i].says), "%s: %s", bad[i].cells, p.err.reason);
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("holiday");
    TCase *t = tcase_create("ledger");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, paid_every_month_2023_01_to_2024_02);
    tcase_add_test(t, single_row_with_run_12_equals_13_month_file);
    tcase_add_test(t, missing_month_resets_the_count);
    tcase_add_test(t, gap_ends_the_window);
    tcase_add_test(t, month_paid_zero_because_of_income_still_counts);
    tcase_add_test(t, part_month_counts_as_a_whole_month);
    tcase_add_test(t, month_25_opens_a_new_window);
    tcase_add_test(t, five_feriedage_inside_a_window_leave_28);
    tcase_add_test(t, feriegodtgoerelse_first_then_ydelse_excess);
    tcase_add_test(t, feriegodtgoerelse_before_the_right_counts_against_nothing);
    tcase_add_test(t, fractional_feriedage_stay_exact);
    tcase_add_test(t, rejected_month_leaves_state_unknown_until_a_gap);
    tcase_add_test(t, later_month_state_must_match);
    tcase_add_test(t, months_must_come_in_order);
    tcase_add_test(t, used_days_need_a_right);
    tcase_add_test(t, days_format);
    tcase_add_test(t, step_refuses_counts_beyond_the_bound);
    tcase_add_test(t, period_rows_sum_their_holiday);
    tcase_add_test(t, columns_parse);
    tcase_add_test(t, columns_refuse_bad_values);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
