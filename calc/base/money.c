/*
 * Exact money: parse decimal text, round half away from zero, format.
 * No floating point anywhere: values are integers (øre) or GMP rationals.
 */
#include <limits.h>
#include <string.h>

#include "fault.h"
#include "exact.h"
#include "money_text.h"
#include "reasons.h"
#include <rfy/money.h>
#include <rfy/status.h>

const rfy_decimal_syntax rfy_amount_dot = {2, '.', 0};
const rfy_decimal_syntax rfy_amount_comma = {2, ',', 0};
const rfy_decimal_syntax rfy_amount_da = {2, ',', 0}; /* its own object: readers know it by address */

static int fail(const char **why, const char *msg)
{
    if (why)
        *why = msg;
    return RFY_EINPUT;
}

rfy_fault_code rfy__number_fault(const char *why)
{
    /* The reasons of rfy_decimal_parse() above and rfy_amount_parse()
     * (money_grouped.c) are catalogue entries (reasons.h): each kind has one
     * code, found by the entry, never by the words. */
    switch (rfy__why_id(why)) {
    case RFY_MSG_WHY_SIGN:
    case RFY_MSG_WHY_SIGN_NEGATIVE:
    case RFY_MSG_WHY_SIGN_FIRST: return RFY_FAULT_NUMBER_SIGN;
    case RFY_MSG_WHY_TWO_DECIMALS:
    case RFY_MSG_WHY_DECIMALS: return RFY_FAULT_NUMBER_DECIMALS;
    case RFY_MSG_WHY_COMMA: return RFY_FAULT_NUMBER_COMMA;
    case RFY_MSG_WHY_POINT:
    case RFY_MSG_WHY_POINT_AFTER_COMMA:
    case RFY_MSG_WHY_POINT_GROUPING: return RFY_FAULT_NUMBER_POINT;
    case RFY_MSG_WHY_EXPONENT: return RFY_FAULT_NUMBER_EXPONENT;
    case RFY_MSG_WHY_SPACE: return RFY_FAULT_NUMBER_SPACE;
    case RFY_MSG_WHY_CHARACTER: return RFY_FAULT_NUMBER_CHARACTER;
    case RFY_MSG_WHY_TOO_LONG: return RFY_FAULT_NUMBER_TOO_LONG;
    case RFY_MSG_WHY_EMPTY: return RFY_FAULT_REQUIRED;
    case RFY_MSG_WHY_TWO_COMMAS: return RFY_FAULT_NUMBER_TWO_COMMAS;
    default: return RFY_FAULT_NUMBER_INVALID;
    }
}

int rfy_decimal_parse(mpz_t out, const char *text, size_t len, const rfy_decimal_syntax *syn,
                      const char **why)
{
    /* Digits are collected into a small buffer and handed to GMP in one go;
     * RFY_DECIMAL_MAX_CHARS bounds both the buffer and the work. */
    char digits[RFY_DECIMAL_MAX_CHARS + RFY_DECIMAL_MAX_SCALE + 1];
    size_t nd = 0, i = 0, int_digits = 0, frac_digits = 0;
    int negative = 0, seen_point = 0;
    /* Hot path (every amount of every batch row): the digits are also
     * accumulated in v while v × 10 + 9 cannot overflow; a longer number
     * (`big`) goes to mpz_set_str.  Both ways give the same exact integer. */
    unsigned long v = 0;
    int big = 0;
    const char other = syn->decimal_point == '.' ? ',' : '.';

    if (syn->max_decimals > RFY_DECIMAL_MAX_SCALE)
        return fail(why, rfy__why(RFY_MSG_WHY_DECIMALS_UNSUPPORTED)); /* a caller's error, not the data's */
    if (len == 0)
        return fail(why, rfy__why(RFY_MSG_WHY_EMPTY));
    if (len > RFY_DECIMAL_MAX_CHARS)
        return fail(why, rfy__why(RFY_MSG_WHY_TOO_LONG));
    /* Errors of kind first (a thousands separator, an exponent, white space, a
     * misplaced sign, a stray character), so that "1.000,50" is reported as the
     * separator it is, not as "too many decimals". */
    for (i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)text[i];
        if ((ch >= '0' && ch <= '9') || ch == (unsigned char)syn->decimal_point)
            continue;
        if (ch == (unsigned char)other)
            return fail(why, rfy__why(other == ',' ? RFY_MSG_WHY_COMMA : RFY_MSG_WHY_POINT));
        if (ch == 'e' || ch == 'E')
            return fail(why, rfy__why(RFY_MSG_WHY_EXPONENT));
        if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n')
            return fail(why, rfy__why(RFY_MSG_WHY_SPACE));
        if ((ch == '-' || ch == '+') && i > 0)
            return fail(why, rfy__why(RFY_MSG_WHY_SIGN_FIRST));
        if (ch != '-' && ch != '+')
            return fail(why, rfy__why(RFY_MSG_WHY_CHARACTER));
    }
    i = 0;
    if (text[0] == '+')
        return fail(why, rfy__why(RFY_MSG_WHY_SIGN));
    if (text[0] == '-') {
        if (!syn->allow_sign)
            return fail(why, rfy__why(RFY_MSG_WHY_SIGN_NEGATIVE));
        negative = 1;
        i = 1;
    }
    for (; i < len; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch >= '0' && ch <= '9') {
            if (seen_point) {
                if (++frac_digits > syn->max_decimals)
                    return fail(why, rfy__why(syn->max_decimals == 2 ? RFY_MSG_WHY_TWO_DECIMALS
                                                                     : RFY_MSG_WHY_DECIMALS));
            } else {
                int_digits++;
            }
            digits[nd++] = (char)ch;
            if (v <= (ULONG_MAX - 9) / 10)
                v = v * 10 + (unsigned long)(ch - '0');
            else
                big = 1;
        } else if (ch == (unsigned char)syn->decimal_point) {
            if (seen_point)
                return fail(why, rfy__why(RFY_MSG_WHY_TWO_POINTS));
            if (int_digits == 0)
                return fail(why, rfy__why(RFY_MSG_WHY_NO_INTEGER));
            seen_point = 1;
        } else {
            return fail(why, rfy__why(RFY_MSG_WHY_SIGN_FIRST)); /* only digits, points, signs remain */
        }
    }
    if (int_digits == 0)
        return fail(why, rfy__why(RFY_MSG_WHY_NO_DIGITS));
    if (seen_point && frac_digits == 0)
        return fail(why, rfy__why(RFY_MSG_WHY_NO_FRACTION));
    /* Scale: pad the fraction with zeros up to max_decimals. */
    while (frac_digits < syn->max_decimals) {
        digits[nd++] = '0';
        frac_digits++;
        if (v <= (ULONG_MAX - 9) / 10)
            v *= 10;
        else
            big = 1;
    }
    digits[nd] = '\0';
    if (!big)
        mpz_set_ui(out, v);
    else if (mpz_set_str(out, digits, 10) != 0)
        return fail(why, rfy__why(RFY_MSG_WHY_NOT_NUMBER)); /* unreachable: only digits were collected */
    if (negative)
        mpz_neg(out, out);
    return RFY_OK;
}

/* rfy_round_half_away() in machine integers, when numerator, denominator ×
 * unit and the result all fit: the same quotient, remainder and tie rule as
 * the mpz path, without its two temporaries (this runs four times for every
 * batch row).  Returns 0 when the values do not fit (then nothing is set). */
static unsigned round_small(mpz_t out, const mpq_t x, unsigned long unit)
{
    unsigned long den, mag, q, r;
    unsigned flags = RFY_FLAG_ROUNDED;
    int neg = mpz_sgn(mpq_numref(x)) < 0;

    /* |numerator| and the denominator each one limb that fits an unsigned
     * long, read in place (mpz_size and mpz_getlimbn are inline in gmp.h) */
    if (GMP_NUMB_BITS > sizeof(unsigned long) * CHAR_BIT || mpz_size(mpq_numref(x)) > 1 ||
        mpz_size(mpq_denref(x)) != 1)
        return 0;
    den = (unsigned long)mpz_getlimbn(mpq_denref(x), 0);
    if (den == 0 || den > ULONG_MAX / unit)
        return 0;
    den *= unit;
    mag = (unsigned long)mpz_getlimbn(mpq_numref(x), 0); /* 0 when the numerator is 0 */
    /* truncating division, as mpz_tdiv_qr */
    q = mag / den;
    r = mag % den;
    if (r != 0) {
        flags |= RFY_FLAG_INEXACT;
        if (r >= den - r) /* 2r >= den, without overflow: step away from zero */
            q++;
    }
    if (q > ULONG_MAX / unit)
        return 0;
    mpz_set_ui(out, q * unit);
    if (neg)
        mpz_neg(out, out);
    return flags;
}

void rfy__q_canonicalize(mpq_ptr q)
{
    unsigned long d, g;
    if (GMP_NUMB_BITS > sizeof(unsigned long) * CHAR_BIT || mpz_sgn(mpq_denref(q)) <= 0 ||
        mpz_size(mpq_denref(q)) != 1) {
        mpq_canonicalize(q); /* a negative or long denominator (or 0: GMP's own error) */
        return;
    }
    d = (unsigned long)mpz_getlimbn(mpq_denref(q), 0);
    /* gcd(|num|, d); d itself when num is 0, which leaves 0/1 */
    g = mpz_gcd_ui(NULL, mpq_numref(q), d);
    if (g > 1) {
        mpz_divexact_ui(mpq_numref(q), mpq_numref(q), g);
        mpz_set_ui(mpq_denref(q), d / g);
    }
}

unsigned rfy_round_half_away(mpz_t out, const mpq_t x, unsigned long unit)
{
    /* q = trunc(num / (den × unit)), r = remainder; step away from zero when
     * 2|r| >= den × unit.  Exact integer arithmetic throughout. */
    mpz_t den, r;
    unsigned flags = round_small(out, x, unit);
    if (flags)
        return flags;
    flags = RFY_FLAG_ROUNDED;
    mpz_init(den);
    mpz_init(r);
    mpz_mul_ui(den, mpq_denref(x), unit);
    mpz_tdiv_qr(out, r, mpq_numref(x), den);
    if (mpz_sgn(r) != 0) {
        flags |= RFY_FLAG_INEXACT;
        mpz_abs(r, r);
        mpz_mul_2exp(r, r, 1);
        if (mpz_cmp(r, den) >= 0) {
            if (mpq_sgn(x) > 0)
                mpz_add_ui(out, out, 1);
            else
                mpz_sub_ui(out, out, 1);
        }
    }
    mpz_mul_ui(out, out, unit);
    mpz_clear(r);
    mpz_clear(den);
    return flags;
}

/* format_ore() without grouping for an amount whose magnitude is one machine
 * word: the batch output's hot path, written by rfy__ore_put() (money_text.h,
 * the one writer of this text) with no mpz_get_str, strlen or printf.  The
 * digits of the same integer, so the same text as the general path. */
static int format_small(char *buf, size_t size, int neg, unsigned long mag, char point)
{
    char tmp[RFY__ORE_PUT_ROOM];
    size_t n = rfy__ore_put(tmp, neg, (uint64_t)mag, point);
    if (n + 1 > size)
        return -1;
    memcpy(buf, tmp, n);
    buf[n] = '\0';
    return (int)n;
}

/* Write |ore| as digits with a point before the last two; `group` inserts
 * '.' every three integer digits (Danish display). */
static int format_ore(char *buf, size_t size, const mpz_t ore, char point, char group)
{
    char digits[64];
    char *big = NULL;
    const char *d;
    size_t nd, nint, need, pos = 0, i;
    int neg = mpz_sgn(ore) < 0;

    if (size == 0)
        return -1;
    buf[0] = '\0';
    /* the magnitude in one limb that fits an unsigned long (mpz_size and
     * mpz_getlimbn read the number in place: no call into GMP) */
    if (!group && mpz_size(ore) <= 1 && GMP_NUMB_BITS <= sizeof(unsigned long) * CHAR_BIT)
        return format_small(buf, size, neg, (unsigned long)mpz_getlimbn(ore, 0), point);
    if (mpz_fits_slong_p(ore)) {
        /* Hot path (ten amounts per batch row): the digits of a machine
         * integer, without mpz_get_str and strlen. */
        long v = mpz_get_si(ore);
        unsigned long mag = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
        char *p = digits + sizeof digits - 1;
        *p = '\0';
        do {
            *--p = (char)('0' + mag % 10);
            mag /= 10;
        } while (mag);
        d = p; /* the magnitude's digits; the sign is written below */
        nd = (size_t)(digits + sizeof digits - 1 - p);
    } else {
        if (mpz_sizeinbase(ore, 10) + 2 < sizeof digits) {
            mpz_get_str(digits, 10, ore);
            d = digits;
        } else {
            big = mpz_get_str(NULL, 10, ore);
            d = big;
        }
        if (neg)
            d++;
        nd = strlen(d);
    }
    /* At least three digits so that "5" øre reads "0.05". */
    nint = nd > 2 ? nd - 2 : 1;
    need = (size_t)neg + nint + (group ? (nint - 1) / 3 : 0) + 3 + 1;
    if (need > size) {
        if (big) {
            void (*freefn)(void *, size_t);
            mp_get_memory_functions(NULL, NULL, &freefn);
            freefn(big, strlen(big) + 1);
        }
        return -1;
    }
    if (neg)
        buf[pos++] = '-';
    for (i = 0; i < nint; i++) {
        if (group && i > 0 && (nint - i) % 3 == 0)
            buf[pos++] = group;
        buf[pos++] = nd > 2 ? d[i] : '0';
    }
    buf[pos++] = point;
    buf[pos++] = nd >= 2 ? d[nd - 2] : '0';
    buf[pos++] = d[nd - 1];
    buf[pos] = '\0';
    if (big) {
        void (*freefn)(void *, size_t);
        mp_get_memory_functions(NULL, NULL, &freefn);
        freefn(big, strlen(big) + 1);
    }
    return (int)pos;
}

int rfy_money_format(char *buf, size_t size, const mpz_t ore, char point)
{
    return format_ore(buf, size, ore, point, 0);
}

int rfy_money_format_da(char *buf, size_t size, const mpz_t ore)
{
    return format_ore(buf, size, ore, ',', '.');
}

int rfy_q_format_da(char *buf, size_t size, const mpq_t ore, unsigned decimals)
{
    /* ore/100 kr. to `decimals` places: round ore × 10^decimals / 100 to an
     * integer, then print it with `decimals` places. */
    mpq_t scaled;
    mpz_t n, pow;
    char digits[80];
    int rc = -1;
    size_t nd, nint, pos = 0, i, need;
    int neg;

    mpq_init(scaled);
    mpz_init(n);
    mpz_init(pow);
    mpz_ui_pow_ui(pow, 10, decimals);
    mpq_set(scaled, ore);
    mpz_mul(mpq_numref(scaled), mpq_numref(scaled), pow);
    mpz_mul_ui(mpq_denref(scaled), mpq_denref(scaled), 100);
    mpq_canonicalize(scaled);
    rfy_round_half_away(n, scaled, 1);
    if (mpz_sizeinbase(n, 10) + 2 >= sizeof digits || size == 0)
        goto done;
    neg = mpz_sgn(n) < 0;
    mpz_abs(n, n);
    mpz_get_str(digits, 10, n);
    nd = strlen(digits);
    nint = nd > decimals ? nd - decimals : 1;
    need = (size_t)neg + nint + (nint - 1) / 3 + (decimals ? decimals + 1 : 0) + 1;
    if (need > size)
        goto done;
    if (neg)
        buf[pos++] = '-';
    for (i = 0; i < nint; i++) {
        if (i > 0 && (nint - i) % 3 == 0)
            buf[pos++] = '.';
        buf[pos++] = nd > decimals ? digits[i] : '0';
    }
    if (decimals) {
        buf[pos++] = ',';
        for (i = 0; i < decimals; i++) {
            size_t from_end = decimals - i; /* 1-based position from the right */
            buf[pos++] = nd >= from_end ? digits[nd - from_end] : '0';
        }
    }
    buf[pos] = '\0';
    rc = (int)pos;
done:
    mpz_clear(pow);
    mpz_clear(n);
    mpq_clear(scaled);
    return rc;
}

int rfy_q_format_da_exact(char *buf, size_t size, const mpq_t ore, int *cut)
{
    /* Whole or hundredths of øre: the denominator divides 100. */
    int exact = mpz_cmp_ui(mpq_denref(ore), 100) <= 0 && 100 % mpz_get_ui(mpq_denref(ore)) == 0;
    int n;

    if (cut)
        *cut = !exact;
    if (exact) {
        /* four decimals hold every such value; zeros beyond the second carry nothing */
        char *comma;
        if ((n = rfy_q_format_da(buf, size, ore, 4)) < 0)
            return -1;
        comma = strrchr(buf, ',');
        while (comma && buf + n - 1 > comma + 2 && buf[n - 1] == '0')
            buf[--n] = '\0';
        return n;
    } else {
        static const char ELLIPSIS[] = "…";
        mpz_t whole;
        mpz_init(whole);
        mpz_tdiv_q(whole, mpq_numref(ore), mpq_denref(ore)); /* toward zero: "cut" */
        n = format_ore(buf, size, whole, ',', '.');
        mpz_clear(whole);
        if (n < 0)
            return -1;
        if ((size_t)n + sizeof ELLIPSIS > size) {
            buf[0] = '\0';
            return -1;
        }
        memcpy(buf + n, ELLIPSIS, sizeof ELLIPSIS);
        return n + (int)sizeof ELLIPSIS - 1;
    }
}
