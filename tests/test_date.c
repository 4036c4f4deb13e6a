/* Calendar dates and months (include/rfy/date.h, calc/base/date.c). */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/date.h>
#include <rfy/status.h>
#include "check_run.h"

START_TEST(days_in_month)
{
    /* Gregorian leap years: divisible by 4, except centuries not divisible by 400. */
    ck_assert_int_eq(rfy_days_in_month(2024, 2), 29);
    ck_assert_int_eq(rfy_days_in_month(2023, 2), 28);
    ck_assert_int_eq(rfy_days_in_month(2100, 2), 28);
    ck_assert_int_eq(rfy_days_in_month(2000, 2), 29);
    ck_assert_int_eq(rfy_days_in_month(1900, 2), 28);
    ck_assert_int_eq(rfy_days_in_month(2024, 4), 30);
    ck_assert_int_eq(rfy_days_in_month(2024, 1), 31);
    ck_assert_int_eq(rfy_days_in_month(2024, 12), 31);
    /* a whole year: 366 days in 2024, 365 in 2023 */
    {
        int d2024 = 0, d2023 = 0;
        for (int m = 1; m <= 12; m++) {
            d2024 += rfy_days_in_month(2024, m);
            d2023 += rfy_days_in_month(2023, m);
        }
        ck_assert_int_eq(d2024, 366);
        ck_assert_int_eq(d2023, 365);
    }
}
END_TEST

static int parse(rfy_date *d, const char *s, const char **why)
{
    return rfy_date_parse(d, s, strlen(s), why);
}

START_TEST(date_parse_ok)
{
    rfy_date d;
    const char *why = NULL;
    ck_assert_int_eq(parse(&d, "2024-02-29", &why), RFY_OK);
    ck_assert_int_eq(d.year, 2024);
    ck_assert_int_eq(d.month, 2);
    ck_assert_int_eq(d.day, 29);
    ck_assert_int_eq(parse(&d, "2000-02-29", NULL), RFY_OK);
    ck_assert_int_eq(parse(&d, "2015-01-05", NULL), RFY_OK);
    ck_assert_int_eq(d.day, 5);
    ck_assert_int_eq(parse(&d, "0001-01-01", NULL), RFY_OK);
    ck_assert_int_eq(parse(&d, "9999-12-31", NULL), RFY_OK);
    ck_assert_int_eq(d.year, 9999);
    /* only `len` bytes are read */
    ck_assert_int_eq(rfy_date_parse(&d, "2024-04-30T00:00", 10, NULL), RFY_OK);
    ck_assert_int_eq(d.month, 4);
    ck_assert_int_eq(d.day, 30);
}
END_TEST

/* Each bad date is refused with RFY_EINPUT, a reason containing `reason`,
 * and the output untouched. */
static void refused(const char *text, size_t len, const char *reason)
{
    rfy_date d = {1111, 11, 11};
    const char *why = NULL;
    ck_assert_msg(rfy_date_parse(&d, text, len, &why) == RFY_EINPUT, "'%s' was accepted", text);
    ck_assert_ptr_nonnull(why);
    ck_assert_msg(strstr(why, reason) != NULL, "'%s': reason '%s' lacks '%s'", text, why, reason);
    ck_assert_int_eq(d.year, 1111);
    ck_assert_int_eq(d.month, 11);
    ck_assert_int_eq(d.day, 11);
}

START_TEST(date_parse_errors)
{
    const char *cal = "no such date in the calendar";
    const char *fmt = "expected a date as YYYY-MM-DD";
    refused("2024-02-30", 10, cal);
    refused("2023-02-29", 10, cal);
    refused("2100-02-29", 10, cal);
    refused("2024-04-31", 10, cal);
    refused("2024-13-01", 10, cal);
    refused("2024-00-10", 10, cal);
    refused("2024-01-00", 10, cal);
    refused("2024-01-32", 10, cal);
    refused("0000-01-01", 10, cal);
    refused("2024-1-01", 9, fmt);
    refused("2024-01-1", 9, fmt);
    refused("20240101", 8, fmt);
    refused("", 0, fmt);
    refused(" 2024-01-01", 11, fmt);
    refused("2024-01-01 ", 11, fmt);
    refused("2024-01 -1", 10, fmt);
    refused("2024/01/01", 10, fmt);
    refused("01-01-2024", 10, fmt);
    refused("2024-01-0a", 10, fmt);
    refused("+024-01-01", 10, fmt);
    refused("2024-+1-01", 10, fmt);
    refused("2024-01-01\0", 11, fmt);
    refused("2024-0\0-01", 10, fmt);
    refused("2024-01-01T00", 13, fmt);
}
END_TEST

START_TEST(month_parse)
{
    rfy_month m = 0;
    const char *why = NULL;
    ck_assert_int_eq(rfy_month_parse(&m, "2024-02", 7, &why), RFY_OK);
    ck_assert_int_eq(m, RFY_MONTH(2024, 2));
    ck_assert_int_eq(m, 2024 * 12 + 1);
    ck_assert_int_eq(RFY_MONTH_YEAR(m), 2024);
    ck_assert_int_eq(RFY_MONTH_NUM(m), 2);
    ck_assert_int_eq(rfy_month_parse(&m, "2015-12", 7, NULL), RFY_OK);
    ck_assert_int_eq(RFY_MONTH_YEAR(m), 2015);
    ck_assert_int_eq(RFY_MONTH_NUM(m), 12);
    ck_assert_int_eq(rfy_month_parse(&m, "2013-01", 7, NULL), RFY_OK);
    ck_assert_int_eq(RFY_MONTH_NUM(m), 1);

    m = 42;
    ck_assert_int_eq(rfy_month_parse(&m, "2024-13", 7, &why), RFY_EINPUT);
    ck_assert_str_eq(why, "no such month");
    ck_assert_int_eq(rfy_month_parse(&m, "2024-00", 7, &why), RFY_EINPUT);
    ck_assert_str_eq(why, "no such month");
    ck_assert_int_eq(rfy_month_parse(&m, "0000-01", 7, &why), RFY_EINPUT);
    ck_assert_str_eq(why, "no such month");
    ck_assert_int_eq(rfy_month_parse(&m, "2024-1", 6, &why), RFY_EINPUT);
    ck_assert_str_eq(why, "expected a month as YYYY-MM");
    ck_assert_int_eq(rfy_month_parse(&m, "202401", 6, &why), RFY_EINPUT);
    ck_assert_int_eq(rfy_month_parse(&m, "2024-01-01", 10, &why), RFY_EINPUT);
    ck_assert_str_eq(why, "expected a month as YYYY-MM");
    ck_assert_int_eq(rfy_month_parse(&m, "", 0, &why), RFY_EINPUT);
    ck_assert_int_eq(rfy_month_parse(&m, " 2024-1", 7, &why), RFY_EINPUT);
    ck_assert_int_eq(rfy_month_parse(&m, "2024/01", 7, &why), RFY_EINPUT);
    ck_assert_int_eq(rfy_month_parse(&m, "2024-1 ", 7, NULL), RFY_EINPUT);
    ck_assert_int_eq(m, 42);
}
END_TEST

START_TEST(ordering)
{
    rfy_date a = {2024, 1, 31}, b = {2024, 2, 1}, c = {2023, 12, 31}, d = {2024, 2, 1};
    rfy_date e = {2024, 2, 2};
    ck_assert_int_lt(rfy_date_cmp(&a, &b), 0);
    ck_assert_int_gt(rfy_date_cmp(&b, &a), 0);
    ck_assert_int_lt(rfy_date_cmp(&c, &a), 0);
    ck_assert_int_eq(rfy_date_cmp(&b, &d), 0);
    ck_assert_int_lt(rfy_date_cmp(&d, &e), 0);
    ck_assert_int_gt(rfy_date_cmp(&e, &d), 0);
    /* months order naturally across a year end */
    ck_assert_int_lt(RFY_MONTH(2023, 12), RFY_MONTH(2024, 1));
    ck_assert_int_eq(RFY_MONTH(2024, 1) - RFY_MONTH(2023, 12), 1);
    ck_assert_int_eq(rfy_date_month(&a), RFY_MONTH(2024, 1));
    ck_assert_int_eq(rfy_date_month(&c), RFY_MONTH(2023, 12));
    /* 2015-01-05 lies in month 2015-01 (rules.md §2 month selection) */
    {
        rfy_date f = {2015, 1, 5};
        ck_assert_int_eq(rfy_date_month(&f), RFY_MONTH(2015, 1));
    }
}
END_TEST

START_TEST(formatting)
{
    char buf[16];
    rfy_date d = {2015, 1, 5}, e = {9999, 12, 31}, f = {1, 2, 3};
    memset(buf, 'X', sizeof buf);
    rfy_date_format(buf, &d);
    ck_assert_str_eq(buf, "2015-01-05");
    rfy_date_format(buf, &e);
    ck_assert_str_eq(buf, "9999-12-31");
    rfy_date_format(buf, &f);
    ck_assert_str_eq(buf, "0001-02-03");
    memset(buf, 'X', sizeof buf);
    rfy_month_format(buf, RFY_MONTH(2024, 6));
    ck_assert_str_eq(buf, "2024-06");
    rfy_month_format(buf, RFY_MONTH(2013, 12));
    ck_assert_str_eq(buf, "2013-12");
    /* round trip: every day of 2024 parses back to itself and to its month */
    for (int m = 1; m <= 12; m++)
        for (int day = 1; day <= rfy_days_in_month(2024, m); day++) {
            rfy_date in = {2024, m, day}, out;
            char mb[8];
            rfy_date_format(buf, &in);
            ck_assert_int_eq(rfy_date_parse(&out, buf, strlen(buf), NULL), RFY_OK);
            ck_assert_int_eq(rfy_date_cmp(&in, &out), 0);
            rfy_month_format(mb, rfy_date_month(&in));
            ck_assert_int_eq(memcmp(mb, buf, 7), 0);
        }
}
END_TEST

static Suite *date_suite(void)
{
    Suite *s = suite_create("date");
    TCase *tc = tcase_create("date");
    tcase_add_test(tc, days_in_month);
    tcase_add_test(tc, date_parse_ok);
    tcase_add_test(tc, date_parse_errors);
    tcase_add_test(tc, month_parse);
    tcase_add_test(tc, ordering);
    tcase_add_test(tc, formatting);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(date_suite());
}
