/*
 * Fuzz target: loading rate tables (rfy/rates.h).
 *
 * The input is one table file, or two when it contains a form feed (0x0C):
 * the bytes before the first one are "a.csv", the rest "b.csv" (a form feed
 * never occurs in a real table, so seeds taken from rates/ load as one
 * file).  A refused set must come with a message and no object; a loaded one
 * goes through the chain check and lookups, whose answers must agree with
 * the rows (a month's value is a row of that key covering the month).
 */
#include <string.h>

#include "fuzz_targets.h"
#include <rfy/rates.h>
#include <rfy/status.h>

static void check_get(const rfy_rates *rates, rfy_month m)
{
    int k;
    for (k = 0; k < RFY_RATE_KEY_COUNT; k++) {
        const rfy_rate_value *v = rfy_rates_get(rates, (rfy_rate_key)k, m);
        if (!v)
            continue;
        rfy_date from = rfy_rate_value_from(v), to = rfy_rate_value_to(v);
        FUZZ_CHECK(rfy_rate_value_key(v) == (rfy_rate_key)k);
        FUZZ_CHECK(rfy_date_month(&from) <= m && m <= rfy_date_month(&to));
        FUZZ_CHECK(m >= rfy_rates_first_month(rates) && m <= rfy_rates_last_month(rates));
    }
}

static void use_rates(const rfy_rates *rates)
{
    size_t i, n = rfy_rates_count(rates);
    rfy_month first = rfy_rates_first_month(rates), last = rfy_rates_last_month(rates);
    mpz_t v;
    int k, y;

    FUZZ_CHECK(n >= 1 && first <= last);
    FUZZ_CHECK(strlen(rfy_rates_id(rates)) == 16);
    mpz_init(v);
    for (i = 0; i < n; i++) {
        const rfy_rate_value *row = rfy_rates_at(rates, i);
        rfy_date from = rfy_rate_value_from(row), to = rfy_rate_value_to(row);
        rfy_rate_key key = rfy_rate_value_key(row);
        rfy_rate_value_amount(v, row);
        FUZZ_CHECK(rfy_date_cmp(&from, &to) <= 0);
        FUZZ_CHECK(mpz_sgn(v) >= 0);
        FUZZ_CHECK(rfy_rate_value_legal_ref(row)[0] != '\0' && rfy_rate_value_source(row)[0] != '\0' &&
                   rfy_rate_value_line(row) >= 1);
        FUZZ_CHECK(strcmp(rfy_rate_value_file(row), "a.csv") == 0 ||
                   strcmp(rfy_rate_value_file(row), "b.csv") == 0);
        /* the row's own months find it */
        FUZZ_CHECK(rfy_rates_get(rates, key, rfy_date_month(&from)) == row);
        FUZZ_CHECK(rfy_rates_get(rates, key, rfy_date_month(&to)) == row);
    }
    /* edges, just outside, and a few months everyone uses */
    check_get(rates, first);
    check_get(rates, last);
    check_get(rates, first + (last - first) / 2);
    for (k = 0; k < RFY_RATE_KEY_COUNT; k++) {
        FUZZ_CHECK(rfy_rates_get(rates, (rfy_rate_key)k, first - 1) == NULL);
        FUZZ_CHECK(rfy_rates_get(rates, (rfy_rate_key)k, last + 1) == NULL);
    }
    check_get(rates, RFY_MONTH(2013, 1));
    check_get(rates, RFY_MONTH(2024, 7));
    check_get(rates, 0);
    check_get(rates, -1);
    check_get(rates, RFY_MONTH(9999, 12));

    k = rfy_rates_check_chain(rates, NULL);
    FUZZ_CHECK(k >= -1);
    for (y = 2012; y <= 2016; y++)
        (void)rfy_rates_chain_value(v, rates, RFY_RATE_WAGE_THRESHOLD, y);
    (void)rfy_rates_chain_value(v, rates, RFY_RATE_FORSORGER, 2025);
    FUZZ_CHECK(rfy_rates_chain_value(v, rates, RFY_RATE_REG_R, 2020) == RFY_ENORATE);
    mpz_clear(v);
}

int rfy_fuzz_rates(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    const char *ff = size ? memchr(buf, '\f', size) : NULL;
    const char *names[2] = {"a.csv", "b.csv"};
    const char *texts[2];
    size_t lens[2], n;
    rfy_rates *rates = (rfy_rates *)&names; /* must be reset to NULL on failure */
    char *err = NULL;
    int rc;

    texts[0] = buf;
    if (ff) {
        lens[0] = (size_t)(ff - buf);
        texts[1] = ff + 1;
        lens[1] = size - lens[0] - 1;
        n = 2;
    } else {
        lens[0] = size;
        n = 1;
    }
    rc = rfy_rates_load_files(&rates, n, names, texts, lens, &err);
    if (rc != RFY_OK) {
        FUZZ_CHECK(rates == NULL);
        FUZZ_CHECK(rc == RFY_ERATES || rc == RFY_ENOMEM);
        FUZZ_CHECK(rc == RFY_ENOMEM || (err != NULL && err[0] != '\0'));
        free(err);
        return 0;
    }
    FUZZ_CHECK(err == NULL && rates != NULL);
    use_rates(rates);
    rfy_rates_free(rates);
    return 0;
}

#ifdef RFY_FUZZ_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return rfy_fuzz_rates(data, size);
}
#endif
