/*
 * Internal to calc/: the text of a whole number of øre whose magnitude is
 * one machine word, written straight into the caller's buffer.  The one
 * writer of that text: rfy_money_format() (money.c) uses it for every such
 * amount, and the batch's result row (calc/run/result_cells.c) for its
 * amount cells, so the two can never differ.  No floating point.
 */
#ifndef RFY_MONEY_TEXT_H
#define RFY_MONEY_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* "00" to "99": two digits per division. */
static const char RFY__TWO_DIGITS[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                      "8081828384858687888990919293949596979899";

/* The longest text rfy__ore_put() writes: '-', 18 integer digits of 2^64 − 1
 * øre, the point and two decimals. */
#define RFY__ORE_TEXT_MAX 22

/*
 * Writes −mag øre (neg) or mag øre as "[-]K.OO" at p: the kroner with at
 * least one digit (5 øre reads "0.05"), `point`, the two øre digits; no
 * grouping and no NUL.  Returns the length (at most RFY__ORE_TEXT_MAX).
 * The length is found first (the integer part's digits by comparison), then
 * the digits are written from the right, two per division.
 */
static inline size_t rfy__ore_put(char *p, int neg, uint64_t mag, char point)
{
    uint64_t kr = mag / 100, bound = 10;
    size_t nint = 1, len;
    char *e;
    while (nint < 20 && kr >= bound) { /* digits of the kroner */
        nint++;
        if (nint < 20)
            bound *= 10;
    }
    len = (size_t)(neg != 0) + nint + 3;
    e = p + len;
    e -= 2;
    memcpy(e, RFY__TWO_DIGITS + 2 * (mag % 100), 2);
    *--e = point;
    while (kr >= 100) {
        e -= 2;
        memcpy(e, RFY__TWO_DIGITS + 2 * (kr % 100), 2);
        kr /= 100;
    }
    if (kr >= 10) {
        e -= 2;
        memcpy(e, RFY__TWO_DIGITS + 2 * kr, 2);
    } else {
        *--e = (char)('0' + kr);
    }
    if (neg)
        *--e = '-';
    return len;
}

#endif
