/*
 * Amounts as a Danish caseworker types them: "4.650", "4650", "20.000,00",
 * "20000,5".
 *
 * In Danish writing the comma separates the øre and the point groups the
 * kroner by three.  A form field has no file-wide --decimal-comma switch, so
 * the rule has to be unambiguous for every single value: a point is always a
 * thousands separator (strictly grouped, as rfy_amount_parse() checks it), a
 * comma always the decimal separator and allowed once.  "4.650" is therefore
 * 4.650,00 kr., and "4.65" is refused rather than guessed at (a point before
 * two digits is neither a grouping nor Danish decimals).  Exact: the text is
 * checked and handed to rfy_amount_parse()/rfy_decimal_parse(); no floating
 * point anywhere.  rfy_amount_parse() starts here: the form's syntax
 * (RFY_AMOUNT_DA) comes to rfy_amount_parse_da(), every other one goes to
 * the grouped parser of money_grouped.c.
 */
#include <string.h>

#include <rfy/money.h>
#include <rfy/status.h>

#include "money_grouped.h"

int rfy_amount_parse_da(mpz_t out, const char *text, size_t len, const rfy_decimal_syntax *syn,
                        const char **why)
{
    rfy_decimal_syntax da = syn ? *syn : RFY_AMOUNT_DA;
    const char *comma = memchr(text, ',', len);

    da.decimal_point = ','; /* the Danish decimal separator, whatever syn says */
    if (comma && memchr(comma + 1, ',', len - (size_t)(comma + 1 - text))) {
        /* "4,650,00": an English grouping or a typo; either way not an amount to guess at */
        if (why)
            *why = "more than one decimal comma (a ',' stands only before the øre; write 4.650,00 or 4650)";
        return RFY_EINPUT;
    }
    return rfy__amount_parse_grouped(out, text, len, &da, why);
}

int rfy_amount_parse(mpz_t out, const char *text, size_t len, const rfy_decimal_syntax *syn,
                     const char **why)
{
    if (syn == &RFY_AMOUNT_DA) /* the page's amounts: 4.650 is four thousand (above) */
        return rfy_amount_parse_da(out, text, len, syn, why);
    return rfy__amount_parse_grouped(out, text, len, syn, why);
}
