/*
 * A loaded rate table, read by the law (docs/rates.md): the row in force for
 * a key and a month, the months and years it covers, its rows and comments,
 * its fingerprint.  Loading a table from files is calc/run/rates_load.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rates_internal.h"
#include <rfy/rates.h>

void rfy_rates_free(rfy_rates *r)
{
    size_t i;
    if (!r)
        return;
    for (i = 0; i < r->n; i++)
        mpz_clear(r->v[i].amount);
    for (i = 0; i < r->nstrings; i++)
        free(r->strings[i]);
    free(r->strings);
    free(r->comments);
    free(r->v);
    free(r->by_month);
    free(r);
}

const char *rfy_rates_id(const rfy_rates *r)
{
    return r->id;
}

const rfy_rate_value *rfy_rates_get(const rfy_rates *r, rfy_rate_key key, rfy_month m)
{
    return rfy__rates_lookup(r, key, m);
}

rfy_month rfy_rates_first_month(const rfy_rates *r)
{
    return r->first;
}

rfy_month rfy_rates_last_month(const rfy_rates *r)
{
    return r->last;
}

size_t rfy_rates_count(const rfy_rates *r)
{
    return r->n;
}

const rfy_rate_value *rfy_rates_at(const rfy_rates *r, size_t i)
{
    return i < r->n ? &r->v[i] : NULL;
}

int rfy_rates_covers(const rfy_rates *r, rfy_month m)
{
    if (m < r->first || m > r->last)
        return 0;
    for (int k = 0; k < RFY_RATE_KEY_COUNT; k++)
        if (!rfy_rate_key_is_parameter((rfy_rate_key)k) &&
            r->by_month[(size_t)(m - r->first) * RFY_RATE_KEY_COUNT + (size_t)k])
            return 1;
    return 0;
}

/* Non-zero when some month of `year` is covered. */
static int covers_year(const rfy_rates *r, int year)
{
    for (int mo = 1; mo <= 12; mo++)
        if (rfy_rates_covers(r, RFY_MONTH(year, mo)))
            return 1;
    return 0;
}

void rfy_rates_covered_years(char *buf, size_t size, const rfy_rates *r)
{
    int y = RFY_MONTH_YEAR(r->first), last = RFY_MONTH_YEAR(r->last);
    size_t o = 0;
    if (size == 0)
        return;
    buf[0] = '\0';
    while (y <= last) {
        int from, n;
        if (!covers_year(r, y)) {
            y++;
            continue;
        }
        from = y;
        while (y + 1 <= last && covers_year(r, y + 1))
            y++;
        n = from == y ? snprintf(buf + o, size - o, "%s%d", o ? ", " : "", from)
                      : snprintf(buf + o, size - o, "%s%d-%d", o ? ", " : "", from, y);
        if (n < 0 || (size_t)n >= size - o) {
            if (size >= 4)
                memcpy(buf + size - 4, "...", 4);
            return;
        }
        o += (size_t)n;
        y++;
    }
    if (o == 0)
        snprintf(buf, size, "no year");
}

size_t rfy_rates_comment_count(const rfy_rates *r)
{
    return r->ncomments;
}

const rfy_rate_comment *rfy_rates_comment_at(const rfy_rates *r, size_t i)
{
    return i < r->ncomments ? &r->comments[i] : NULL;
}

const rfy_rate_value *rfy__rates_row_of_year(const rfy_rates *r, rfy_rate_key key, int year)
{
    for (size_t i = 0; i < r->n; i++)
        if (r->v[i].key == key && r->v[i].from.year == year)
            return &r->v[i];
    return NULL;
}
