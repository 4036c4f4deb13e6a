/*
 * Amounts as Danish payroll files write them: "20.000,00".
 *
 * With a decimal comma, Danish practice (and Danish Excel) groups the whole
 * kroner by three with '.'.  The grouping is checked strictly -- the first
 * group one to three digits, every further group exactly three -- so that
 * "2.00,00" or "20.0000" are refused rather than guessed at; the text without
 * its separators is then parsed by rfy_decimal_parse(), exactly.
 * rfy_amount_parse() itself, which also knows the caseworker's form, is
 * money_da.c.
 */
#include <string.h>

#include <rfy/money.h>
#include <rfy/status.h>

#include "money_grouped.h"

int rfy__amount_parse_grouped(mpz_t out, const char *text, size_t len,
                               const rfy_decimal_syntax *syn, const char **why)
{
    char plain[RFY_DECIMAL_MAX_CHARS];
    size_t i, n = 0, end, group = 0, groups = 0;

    if (syn->decimal_point != ',' || len > RFY_DECIMAL_MAX_CHARS || !memchr(text, '.', len))
        return rfy_decimal_parse(out, text, len, syn, why);
    /* The integer part ends at the decimal comma (or the end). */
    for (end = 0; end < len && text[end] != ','; end++)
        ;
    if (memchr(text + end, '.', len - end)) {
        if (why)
            *why = "unexpected '.' after the decimal comma (write 20.000,00 or 20000,00)";
        return RFY_EINPUT;
    }
    i = 0;
    if (len > 0 && text[0] == '-' && syn->allow_sign)
        plain[n++] = text[i++];
    for (; i < end; i++) {
        if (text[i] == '.') {
            /* the first group 1-3 digits, every later one exactly 3 */
            if (group == 0 || group > 3 || (groups > 0 && group != 3))
                goto bad;
            groups++;
            group = 0;
            continue;
        }
        if (text[i] >= '0' && text[i] <= '9')
            group++;
        plain[n++] = text[i];
    }
    if (group != 3)
        goto bad;
    memcpy(plain + n, text + end, len - end);
    n += len - end;
    return rfy_decimal_parse(out, plain, n, syn, why);
bad:
    if (why)
        *why = "unexpected '.' (the decimal separator is ','; a '.' may only group the kroner by "
               "three: 20.000,00)";
    return RFY_EINPUT;
}
