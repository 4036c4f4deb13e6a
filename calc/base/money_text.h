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

/* The longest text rfy__ore_put() returns: '-', 18 integer digits of 2^64 − 1
 * øre, the point and two decimals; and the room it needs at p: it may write
 * bytes past the text it returns (garbage the caller writes over). */
#define RFY__ORE_TEXT_MAX 22
#define RFY__ORE_PUT_ROOM 24

/* 10^0 .. 10^8, for the number of digits below. */
static const uint32_t RFY__POW10[9] = {1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u,
                                       100000000u};

/* The number of decimal digits of k < 10^8 (1 for 0), from its highest bit:
 * log10 ≈ bits × 1233 / 4096, corrected by one comparison; no branch. */
static inline size_t rfy__digits8(uint32_t k)
{
    unsigned bits = 64u - (unsigned)__builtin_clzll((uint64_t)k | 1u), g = (bits * 1233u) >> 12;
    return (size_t)g + 1 - ((k | 1u) < RFY__POW10[g]);
}

/*
 * Writes the whole number v < 10^8 in decimal at p (a line number, a day
 * count) without a branch on its digits, the same way as the kroner below;
 * no NUL.  Returns the length (1–8); p must have 16 bytes (bytes after the
 * text are written over by the caller).
 */
static inline size_t rfy__whole8_put(char *p, uint32_t v)
{
    char t[24];
    uint32_t hi = v / 10000u, lo = v % 10000u;
    size_t n = rfy__digits8(v);
    memcpy(t, RFY__TWO_DIGITS + 2 * (hi / 100u), 2);
    memcpy(t + 2, RFY__TWO_DIGITS + 2 * (hi % 100u), 2);
    memcpy(t + 4, RFY__TWO_DIGITS + 2 * (lo / 100u), 2);
    memcpy(t + 6, RFY__TWO_DIGITS + 2 * (lo % 100u), 2);
    memcpy(p, t + 8 - n, 16);
    return n;
}

/*
 * Writes −mag øre (neg) or mag øre as "[-]K.OO" at p: the kroner with at
 * least one digit (5 øre reads "0.05"), `point`, the two øre digits; no
 * grouping and no NUL.  Returns the length (at most RFY__ORE_TEXT_MAX); p
 * must have RFY__ORE_PUT_ROOM bytes.
 *
 * Up to 99 999 999,99 kr. (every amount a batch row carries) without a
 * branch that depends on the value: the eight kroner digits are made in
 * four pairs whatever the amount, the number of digits is found from the
 * highest bit (log10 ≈ bits × 1233 / 4096, corrected by one comparison),
 * and the text is moved into place with one fixed-size copy.  A branch per
 * digit or per zero/non-zero amount costs a misprediction on this data.
 * Larger amounts are written two digits per division from the right.
 */
static inline size_t rfy__ore_put(char *p, int neg, uint64_t mag, char point)
{
    uint64_t kr = mag / 100;
    size_t nint, len;
    char *e;
    *p = '-';
    p += neg != 0; /* the sign, written always and kept only when negative */
    if (kr < 100000000u) {
        char t[32];
        uint32_t k = (uint32_t)kr, hi = k / 10000u, lo = k % 10000u;
        memcpy(t, RFY__TWO_DIGITS + 2 * (hi / 100u), 2);
        memcpy(t + 2, RFY__TWO_DIGITS + 2 * (hi % 100u), 2);
        memcpy(t + 4, RFY__TWO_DIGITS + 2 * (lo / 100u), 2);
        memcpy(t + 6, RFY__TWO_DIGITS + 2 * (lo % 100u), 2);
        t[8] = point;
        memcpy(t + 9, RFY__TWO_DIGITS + 2 * (mag % 100u), 2);
        nint = rfy__digits8(k);
        memcpy(p, t + 8 - nint, 16); /* the text and a few bytes after it */
        return (size_t)(neg != 0) + nint + 3;
    }
    nint = 9; /* kr >= 10^8: nine digits or more (at most 18: kr < 2^64 / 100) */
    for (uint64_t bound = 1000000000u; nint < 18 && kr >= bound; bound *= 10)
        nint++;
    len = nint + 3;
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
    return (size_t)(neg != 0) + len;
}

#endif
