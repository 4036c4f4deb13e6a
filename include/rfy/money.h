/*
 * Exact money: decimal parsing, formatting and rounding.
 *
 * Representation: an amount is an integer number of øre (1/100 kr.) in an
 * mpz_t.  Exact intermediate values are mpq_t, also in øre.  Nothing on a
 * money path is ever a binary floating-point number.
 */
#ifndef RFY_MONEY_H
#define RFY_MONEY_H

#include <gmp.h>
#include <stddef.h>
#include <rfy/export.h>

RFY_BEGIN_DECLS

/* Longest decimal text accepted (longer input is refused as overlong). */
#define RFY_DECIMAL_MAX_CHARS 24

/* Largest max_decimals a syntax may ask for. */
#define RFY_DECIMAL_MAX_SCALE 18

/* What a decimal field may look like. */
typedef struct rfy_decimal_syntax {
    unsigned max_decimals; /* digits allowed after the point; the result is scaled by 10^max_decimals */
    char decimal_point;    /* '.' or ',' */
    int allow_sign;        /* non-zero: a leading '-' is accepted ('+' never is) */
} rfy_decimal_syntax;

/* Amounts in CSV: '.' and at most two decimals, no sign. */
RFY_API extern const rfy_decimal_syntax rfy_amount_dot;
#define RFY_AMOUNT_DOT rfy_amount_dot
/* Amounts with `--decimal-comma`: ',' and at most two decimals, no sign. */
RFY_API extern const rfy_decimal_syntax rfy_amount_comma;
#define RFY_AMOUNT_COMMA rfy_amount_comma
/* Amounts as a Danish caseworker types them (rfy_amount_parse_da): ',' for
 * the decimals, '.' only between groups of three kroner digits.  The same
 * digits as RFY_AMOUNT_COMMA; a reader given this syntax reads the Danish way. */
RFY_API extern const rfy_decimal_syntax rfy_amount_da;
#define RFY_AMOUNT_DA rfy_amount_da

/*
 * Parse decimal text exactly.
 *
 * On success stores value × 10^syn->max_decimals in `out` (for amounts: øre)
 * and returns RFY_OK.  On failure returns RFY_EINPUT, leaves `out` unchanged
 * and points *why at a static explanation (e.g. "exponent notation is not
 * allowed").  Accepted: [-]DIGITS[POINT DIGITS], with leading zeros allowed.
 * Refused, each with its own message: empty text, spaces, '+', a sign where
 * not allowed, exponents, thousands separators (the other of '.' and ','),
 * an empty integer or fraction part, too many decimals, more than
 * RFY_DECIMAL_MAX_CHARS characters, any other character.
 * Preconditions: `out` initialised; `text` has at least `len` bytes (NUL not
 * required); syn->max_decimals <= RFY_DECIMAL_MAX_SCALE (else RFY_EINPUT);
 * `why` may be NULL.
 */
RFY_API int rfy_decimal_parse(mpz_t out, const char *text, size_t len,
                      const rfy_decimal_syntax *syn, const char **why);

/*
 * An amount cell of a payroll file: as rfy_decimal_parse(), and with a
 * decimal comma also Danish thousands separators: '.' between groups of
 * exactly three digits in the kroner ("20.000,00", "1.234.567,89").  A
 * misplaced separator ("2.00,00", "20.0000", a '.' after the comma) is
 * refused with its own *why.  With a decimal point, exactly
 * rfy_decimal_parse() (no separators: "1,000.00" stays an error).  With
 * &RFY_AMOUNT_DA, rfy_amount_parse_da().
 */
RFY_API int rfy_amount_parse(mpz_t out, const char *text, size_t len,
                             const rfy_decimal_syntax *syn, const char **why);

/*
 * An amount as a Danish caseworker types it, exactly: "4650", "4.650",
 * "20.000,00" and "20000,5" are 4.650,00, 4.650,00, 20.000,00 and
 * 20.000,50 kr.  The rule, unambiguous for every form: ',' is the decimal
 * separator and may stand once; '.' only groups the kroner by three (the
 * first group one to three digits, every later one exactly three), so
 * "4.650" is four thousand six hundred and fifty, never 4,65.  Refused, each
 * with its own *why: two commas ("4,650,00": "more than one decimal comma",
 * fault number_two_commas), a misplaced '.' ("4.65", "20.0000", "1,5.0"),
 * more than syn->max_decimals decimals, and everything rfy_decimal_parse()
 * refuses.  `syn` gives the decimals and the sign (its decimal_point is
 * ignored: always ','); NULL means RFY_AMOUNT_DA.  Same contract as
 * rfy_decimal_parse() otherwise.
 */
RFY_API int rfy_amount_parse_da(mpz_t out, const char *text, size_t len,
                                const rfy_decimal_syntax *syn, const char **why);

/*
 * Round x to the nearest multiple of `unit`, half away from zero.
 *
 * x and the result are in the same unit (øre); unit 1 rounds to whole øre,
 * unit 100 to whole kroner.  Returns RFY_FLAG_ROUNDED, or-ed with
 * RFY_FLAG_INEXACT when the exact value was not already a multiple of unit.
 * Precondition: unit >= 1; `out` initialised.
 */
RFY_API unsigned rfy_round_half_away(mpz_t out, const mpq_t x, unsigned long unit);

/*
 * Format øre as a plain decimal with exactly two decimals: "-1234.56".
 * Writes a NUL-terminated string; returns its length, or -1 if `size` is too
 * small (buf then holds "").  `point` is '.' or ','.
 */
RFY_API int rfy_money_format(char *buf, size_t size, const mpz_t ore, char point);

/*
 * Format øre the Danish way for people: "16.382,00", "-1.234,50".
 * Same return convention as rfy_money_format().
 */
RFY_API int rfy_money_format_da(char *buf, size_t size, const mpz_t ore);

/*
 * Format an exact rational number of øre as kroner with `decimals` places,
 * Danish style, rounded half away from zero (display only: used to show
 * intermediate values such as a 52/12 conversion in explanations; the
 * amounts paid are rounded at the points rules.md §5 names, not here).
 * Returns the length, or -1 if `size` is too small.
 */
RFY_API int rfy_q_format_da(char *buf, size_t size, const mpq_t ore, unsigned decimals);

/*
 * Format an exact rational number of øre as kroner for an explanation, Danish
 * style, without rounding it:
 *   - a value that ends within four decimals of a krone (its denominator
 *     divides 100) is written exactly, with at least two decimals and no
 *     trailing zero beyond them: "2.022,3555", "12,345", "2,50";
 *   - any other value is cut toward zero to whole øre and followed by "…":
 *     10000/3 øre is "33,33…", -10000/3 øre is "-33,33…".
 * *cut (may be NULL) is set to 1 in the second case, 0 in the first.
 * Returns the length, or -1 if `size` is too small (buf then holds "").
 * Precondition: ore is canonical (mpq_canonicalize).
 */
RFY_API int rfy_q_format_da_exact(char *buf, size_t size, const mpq_t ore, int *cut);

RFY_END_DECLS

#endif
