/* The one-case fixture: see one_case.h. */
#include <check.h>

#include "one_case.h"

rfy_rates *R;
rfy_case C;
rfy_result Z;
rfy_error E;

void one_case_setup(void)
{
    char *err = NULL;
    ck_assert_int_eq(rfy_rates_load_builtin(&R, &err), RFY_OK);
    rfy_case_init(&C);
    rfy_case_reset(&C);
    rfy_result_init(&Z);
}

void one_case_teardown(void)
{
    rfy_result_clear(&Z);
    rfy_case_clear(&C);
    rfy_rates_free(R);
}

void compute_ok(void)
{
    int rc = rfy_compute(&Z, R, &C, &E);
    ck_assert_msg(rc == RFY_OK, "rfy_compute failed: %s: %s", E.column, E.reason);
}

void compute_bad(int want_rc, const char *column)
{
    ck_assert_int_eq(rfy_compute(&Z, R, &C, &E), want_rc);
    ck_assert_str_eq(E.column, column);
}

void ck_adds_up(void)
{
    mpz_t t;
    mpz_init(t);
    mpz_add(t, Z.sanction_period, Z.sanction_point);
    ck_assert(mpz_cmp(t, Z.sanction_deduction) == 0);
    mpz_add(t, Z.wage_deduction, Z.holiday_deduction);
    mpz_add(t, t, Z.activation_deduction);
    mpz_add(t, t, Z.other_deduction);
    mpz_add(t, t, Z.sanction_deduction);
    ck_assert(mpz_cmp(t, Z.total_deduction) == 0);
    mpz_sub(t, Z.gross, Z.total_deduction);
    if (mpz_sgn(t) < 0)
        mpz_set_ui(t, 0);
    ck_assert(mpz_cmp(t, Z.payment) == 0);
    mpz_clear(t);
}
