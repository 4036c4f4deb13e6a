/* Amounts in tests: read one, compare one (tests/support). */
#ifndef RFY_TEST_MONEY_CHECK_H
#define RFY_TEST_MONEY_CHECK_H

#include <gmp.h>

/* z = the amount s written with a decimal point ("20000", "4695.50"), in øre. */
void amt(mpz_t z, const char *s);

/* z (øre), written with two decimals and a point, is `want` ("14359.65"). */
void ck_money(const mpz_t z, const char *want);

#endif
