/* The one main() every Check test program shares (tests/support). */
#ifndef RFY_CHECK_RUN_H
#define RFY_CHECK_RUN_H

#include <check.h>

/*
 * Run every test of `s` (Check's fork mode and CK_NORMAL output, so ctest
 * and CI see Check's closing line), free it, and return the process exit
 * status: EXIT_SUCCESS when no test failed.
 */
int rfy_check_run(Suite *s);

#endif
