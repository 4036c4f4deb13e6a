/* Checking an rfy_error against its codes and its exact Danish text. */
#ifndef RFY_TEST_FAULT_CHECK_H
#define RFY_TEST_FAULT_CHECK_H

#include <rfy/rfy.h>

/*
 * Assert that err's fault codes, joined by ';', are `codes` and that all its
 * faults rendered in Danish (rfy_error_text, joined by "; ") are `text`,
 * naming file:line on failure.
 */
void fault_check(const char *file, int line, const rfy_error *err, const char *codes,
                 const char *text);

#define ck_assert_fault(err, codes, text) fault_check(__FILE__, __LINE__, (err), (codes), (text))

#endif
