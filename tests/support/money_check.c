/* Amounts in tests: see money_check.h. */
#include <check.h>
#include <string.h>

#include "money_check.h"
#include <rfy/rfy.h>

void amt(mpz_t z, const char *s)
{
    ck_assert_int_eq(rfy_decimal_parse(z, s, strlen(s), &RFY_AMOUNT_DOT, NULL), RFY_OK);
}

void ck_money(const mpz_t z, const char *want)
{
    char got[64];
    rfy_money_format(got, sizeof got, z, '.');
    ck_assert_str_eq(got, want);
}
