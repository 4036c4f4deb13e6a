/* Internal to calc/: the parser of grouped amounts (money_grouped.c). */
#ifndef RFY_MONEY_GROUPED_H
#define RFY_MONEY_GROUPED_H

#include <stddef.h>

#include <rfy/money.h>

/* rfy_amount_parse() without the caseworker's form (RFY_AMOUNT_DA is parsed
 * as any syntax with a decimal comma): with a decimal comma, kroner grouped
 * strictly by '.'; otherwise rfy_decimal_parse(). */
int rfy__amount_parse_grouped(mpz_t out, const char *text, size_t len,
                              const rfy_decimal_syntax *syn, const char **why);

#endif
