/*
 * Amounts as Danish payroll files write them: "20.000,00".
 *
 * With a decimal comma, Danish practice (and Danish Excel) groups the whole
 * kroner by three with '.'.  The grouping is checked strictly -- the first
 * group one to three digits, every further group exactly three -- so that
 * "2.00,00" or "20.0000" are refused rather than guessed at; the text without
 * its separators is then parsed by rfy_decimal_parse(), exactly.
 *
 * And amounts as a Danish caseworker types them in a form (RFY_AMOUNT_DA,
 * rfy_amount_parse_da() below): "4.650", "4650", "20.000,00", "20000,5".
 * The two parsers call each other (the form's syntax comes to
 * rfy_amount_parse_da(), which checks the comma and hands the text back with
 * a copy of the syntax), so they share this file.
 */
#include <string.h>

#include <rfy/money.h>
#include <rfy/status.h>

#include "reasons.h"

int rfy_amount_parse(mpz_t out, const char *text, size_t len, const rfy_decimal_syntax *syn,
                     const char **why)
{
    char plain[RFY_DECIMAL_MAX_CHARS];
    size_t i, n = 0, end, group = 0, groups = 0;

    if (syn == &RFY_AMOUNT_DA) /* the page's amounts: 4.650 is four thousand (below) */
        return rfy_amount_parse_da(out, text, len, syn, why);
    if (syn->decimal_point != ',' || len > RFY_DECIMAL_MAX_CHARS || !memchr(text, '.', len))
        return rfy_decimal_parse(out, text, len, syn, why);
    /* The integer part ends at the decimal comma (or the end). */
    for (end = 0; end < len && text[end] != ','; end++)
        ;
    if (memchr(text + end, '.', len - end)) {
        if (why)
            *why = rfy__why(RFY_MSG_WHY_POINT_AFTER_COMMA);
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
        *why = rfy__why(RFY_MSG_WHY_POINT_GROUPING);
    return RFY_EINPUT;
}

/*
 * rfy_amount_parse_da(): amounts as a Danish caseworker types them.
 *
 * In Danish writing the comma separates the øre and the point groups the
 * kroner by three.  A form field has no file-wide --decimal-comma switch, so
 * the rule has to be unambiguous for every single value: a point is always a
 * thousands separator (strictly grouped, as rfy_amount_parse() checks it), a
 * comma always the decimal separator and allowed once.  "4.650" is therefore
 * 4.650,00 kr., and "4.65" is refused rather than guessed at (a point before
 * two digits is neither a grouping nor Danish decimals).  Exact: the text is
 * checked and handed to rfy_amount_parse()/rfy_decimal_parse(); no floating
 * point anywhere.
 */
int rfy_amount_parse_da(mpz_t out, const char *text, size_t len, const rfy_decimal_syntax *syn,
                        const char **why)
{
    rfy_decimal_syntax da = syn ? *syn : RFY_AMOUNT_DA;
    const char *comma = memchr(text, ',', len);

    da.decimal_point = ','; /* the Danish decimal separator, whatever syn says */
    if (comma && memchr(comma + 1, ',', len - (size_t)(comma + 1 - text))) {
        /* "4,650,00": an English grouping or a typo; either way not an amount to guess at */
        if (why)
            *why = rfy__why(RFY_MSG_WHY_TWO_COMMAS);
        return RFY_EINPUT;
    }
    return rfy_amount_parse(out, text, len, &da, why);
}
