/* Calendar dates and months, parsed strictly (rules.md works in calendar days). */
#include <rfy/date.h>
#include <rfy/status.h>

#include "reasons.h"

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int rfy_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

static int digits(const char *s, size_t n, int *out)
{
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

static int fail(const char **why, const char *msg)
{
    if (why)
        *why = msg;
    return RFY_EINPUT;
}

int rfy_month_parse(rfy_month *out, const char *text, size_t len, const char **why)
{
    int y, m;
    if (len != 7 || text[4] != '-' || digits(text, 4, &y) || digits(text + 5, 2, &m))
        return fail(why, rfy__why(RFY_MSG_WHY_MONTH_FORMAT));
    if (y < 1 || m < 1 || m > 12)
        return fail(why, rfy__why(RFY_MSG_WHY_MONTH_NONE));
    *out = RFY_MONTH(y, m);
    return RFY_OK;
}

int rfy_date_parse(rfy_date *out, const char *text, size_t len, const char **why)
{
    int y, m, d;
    if (len != 10 || text[4] != '-' || text[7] != '-' || digits(text, 4, &y) ||
        digits(text + 5, 2, &m) || digits(text + 8, 2, &d))
        return fail(why, rfy__why(RFY_MSG_WHY_DATE_FORMAT));
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > rfy_days_in_month(y, m))
        return fail(why, rfy__why(RFY_MSG_WHY_DATE_NONE));
    out->year = y;
    out->month = m;
    out->day = d;
    return RFY_OK;
}

int rfy_date_cmp(const rfy_date *a, const rfy_date *b)
{
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    if (a->month != b->month)
        return a->month < b->month ? -1 : 1;
    return a->day < b->day ? -1 : a->day > b->day;
}

rfy_month rfy_date_month(const rfy_date *d)
{
    return RFY_MONTH(d->year, d->month);
}

/* Fixed-width digits without printf (dates are formatted on the hot path). */
static void put_digits(char *p, int v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

void rfy_date_format(char *buf, const rfy_date *d)
{
    put_digits(buf, d->year, 4);
    buf[4] = '-';
    put_digits(buf + 5, d->month, 2);
    buf[7] = '-';
    put_digits(buf + 8, d->day, 2);
    buf[10] = '\0';
}

void rfy_month_format(char *buf, rfy_month m)
{
    put_digits(buf, RFY_MONTH_YEAR(m), 4);
    buf[4] = '-';
    put_digits(buf + 5, RFY_MONTH_NUM(m), 2);
    buf[7] = '\0';
}
