/*
 * Exact money (include/rfy/money.h, calc/base/money.c): decimal parsing and
 * rounding from the data-driven vectors in tests/vectors/, formatting, and a
 * property test of rfy_round_half_away against a slow reference.
 */
#include <check.h>
#include <limits.h>
#include <gmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/money.h>
#include <rfy/status.h>
#include "vectors.h"
#include "money_text.h" /* rfy__whole8_put, internal to calc/ */
#include "check_run.h"
#include "rules.h"

#define VECTOR_DIR RFY_SOURCE_DIR "/tests/vectors/"

/* '.' and two decimals with a sign: what a signed amount column would use. */
static const rfy_decimal_syntax AMOUNT_DOT_SIGNED = {2, '.', 1};

/* ---- tests/vectors/decimal.tsv ------------------------------------------ */

static char *check_decimal(void *user, const rfy_vector *v)
{
    const rfy_decimal_syntax *syn;
    const char *why = NULL;
    char *fail = NULL;
    mpz_t got, want;
    int rc;
    (void)user;

    if (strcmp(v->field[0], "dot") == 0)
        syn = &RFY_AMOUNT_DOT;
    else if (strcmp(v->field[0], "comma") == 0)
        syn = &RFY_AMOUNT_COMMA;
    else if (strcmp(v->field[0], "dot-signed") == 0)
        syn = &AMOUNT_DOT_SIGNED;
    else
        return rfy_vector_failf("unknown syntax '%s' (dot, comma, dot-signed)", v->field[0]);

    mpz_init_set_si(got, 777); /* a failed parse must leave it alone */
    mpz_init(want);
    rc = rfy_decimal_parse(got, v->field[1], v->len[1], syn, &why);
    if (strncmp(v->field[2], "error:", 6) == 0) {
        const char *sub = v->field[2] + 6;
        if (rc != RFY_EINPUT)
            fail = rfy_vector_failf("expected an error containing '%s', got rc %d", sub, rc);
        else if (!why || !strstr(why, sub))
            fail = rfy_vector_failf("expected a reason containing '%s', got '%s'", sub,
                                    why ? why : "(null)");
        else if (mpz_cmp_si(got, 777) != 0)
            fail = rfy_vector_failf("a failed parse changed the output");
    } else if (mpz_set_str(want, v->field[2], 10) != 0) {
        fail = rfy_vector_failf("expected value '%s' is not an integer", v->field[2]);
    } else if (rc != RFY_OK) {
        fail = rfy_vector_failf("expected %s, got error '%s'", v->field[2], why ? why : "(null)");
    } else if (mpz_cmp(got, want) != 0) {
        char *g = mpz_get_str(NULL, 10, got);
        fail = rfy_vector_failf("expected %s, got %s", v->field[2], g);
        free(g); /* GMP's default allocator is malloc */
    }
    mpz_clear(want);
    mpz_clear(got);
    return fail;
}

START_TEST(decimal_vectors)
{
    unsigned long ncases, nfailed;
    int rc = rfy_vectors_run(VECTOR_DIR "decimal.tsv", 3, check_decimal, NULL, &ncases, &nfailed);
    ck_assert_int_eq(rc, 0);
    /* The file holds 92 cases today; a much smaller count means it was truncated. */
    ck_assert_uint_ge(ncases, 80);
    ck_assert_msg(nfailed == 0, "%lu of %lu decimal vectors failed (details on stderr)", nfailed,
                  ncases);
}
END_TEST

/* ---- tests/vectors/round.tsv --------------------------------------------- */

static char *check_round(void *user, const rfy_vector *v)
{
    mpq_t x;
    mpz_t got, want;
    char *fail = NULL;
    unsigned long unit;
    unsigned flags, want_flags;
    char *end;
    (void)user;

    mpq_init(x);
    mpz_init(got);
    mpz_init(want);
    unit = strtoul(v->field[2], &end, 10);
    if (strcmp(v->field[4], "rounded") == 0)
        want_flags = RFY_FLAG_ROUNDED;
    else if (strcmp(v->field[4], "rounded,inexact") == 0)
        want_flags = RFY_FLAG_ROUNDED | RFY_FLAG_INEXACT;
    else
        want_flags = 0;
    if (mpz_set_str(mpq_numref(x), v->field[0], 10) != 0 ||
        mpz_set_str(mpq_denref(x), v->field[1], 10) != 0 || mpz_sgn(mpq_denref(x)) <= 0 ||
        *end || unit == 0 || mpz_set_str(want, v->field[3], 10) != 0 || want_flags == 0) {
        fail = rfy_vector_failf("malformed vector (integers; denominator and unit > 0; flags "
                                "'rounded' or 'rounded,inexact')");
        goto done;
    }
    mpq_canonicalize(x);
    flags = rfy_round_half_away(got, x, unit);
    if (mpz_cmp(got, want) != 0) {
        char *g = mpz_get_str(NULL, 10, got);
        fail = rfy_vector_failf("expected %s, got %s", v->field[3], g);
        free(g);
    } else if (flags != want_flags) {
        fail = rfy_vector_failf("expected flags %s, got 0x%x", v->field[4], flags);
    }
done:
    mpz_clear(want);
    mpz_clear(got);
    mpq_clear(x);
    return fail;
}

START_TEST(round_vectors)
{
    unsigned long ncases, nfailed;
    int rc = rfy_vectors_run(VECTOR_DIR "round.tsv", 5, check_round, NULL, &ncases, &nfailed);
    ck_assert_int_eq(rc, 0);
    ck_assert_uint_ge(ncases, 45); /* 53 today */
    ck_assert_msg(nfailed == 0, "%lu of %lu rounding vectors failed (details on stderr)", nfailed,
                  ncases);
}
END_TEST

/* ---- parsing cases that a text file cannot express ------------------------ */

/* rfy_amount_parse_da: amounts as a Danish caseworker types them.  Every
 * accepted form is checked to the øre; every refused one for its reason and
 * for leaving the output alone. */
START_TEST(amount_parse_da)
{
    static const struct {
        const char *text;
        long ore;          /* -1: refused */
        const char *why;   /* start of the reason when refused */
    } CASES[] = {
        {"4650", 465000, NULL},          /* 4.650 kr. = 465.000 øre */
        {"4.650", 465000, NULL},         /* the point groups the kroner: the same 4.650 kr. */
        {"20.000,00", 2000000, NULL},    /* 20.000 kr. */
        {"20000,5", 2000050, NULL},      /* 20.000,50 kr.: one decimal is tiøre */
        {"1.234.567,89", 123456789, NULL},
        {"0,05", 5, NULL},
        {"4,65", 465, NULL},             /* a comma is always the decimal separator */
        {"4,650,00", -1, "more than one decimal comma"},
        {"1,2,3", -1, "more than one decimal comma"},
        {"4.65", -1, "unexpected '.'"},  /* neither a grouping nor Danish decimals */
        {"20.0000", -1, "unexpected '.'"},
        {"1,5.0", -1, "unexpected '.' after the decimal comma"},
        {"4,650", -1, "more than 2 decimals"},
        {"-500", -1, "a sign is not allowed"},
        {"4 650", -1, "contains white space"},
        {"", -1, "empty value"},
    };
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        mpz_t got;
        const char *why = NULL;
        int rc;
        mpz_init_set_si(got, 777);
        rc = rfy_amount_parse_da(got, CASES[i].text, strlen(CASES[i].text), NULL, &why);
        if (CASES[i].ore >= 0) {
            ck_assert_msg(rc == RFY_OK, "'%s': refused (%s)", CASES[i].text, why ? why : "");
            ck_assert_msg(mpz_cmp_si(got, CASES[i].ore) == 0, "'%s': got %ld øre, want %ld", CASES[i].text,
                          mpz_get_si(got), CASES[i].ore);
        } else {
            ck_assert_msg(rc == RFY_EINPUT, "'%s': accepted as %ld øre", CASES[i].text, mpz_get_si(got));
            ck_assert_msg(why && strncmp(why, CASES[i].why, strlen(CASES[i].why)) == 0, "'%s': reason '%s'",
                          CASES[i].text, why ? why : "(null)");
            ck_assert_msg(mpz_cmp_si(got, 777) == 0, "'%s': a refusal changed the output", CASES[i].text);
        }
        mpz_clear(got);
    }
}
END_TEST

START_TEST(decimal_nul_byte)
{
    /* "1\0002": a NUL inside the counted length is a character like any other. */
    static const char text[] = {'1', '\0', '2'};
    const char *why = NULL;
    mpz_t v;
    mpz_init_set_ui(v, 42);
    ck_assert_int_eq(rfy_decimal_parse(v, text, sizeof text, &RFY_AMOUNT_DOT, &why), RFY_EINPUT);
    ck_assert_ptr_nonnull(why);
    ck_assert_ptr_nonnull(strstr(why, "unexpected character"));
    ck_assert_int_eq(mpz_cmp_ui(v, 42), 0);
    /* "12" followed by a NUL inside the length: refused, not read as "12". */
    ck_assert_int_eq(rfy_decimal_parse(v, "12", 3, &RFY_AMOUNT_DOT, &why), RFY_EINPUT);
    /* A NUL first. */
    ck_assert_int_eq(rfy_decimal_parse(v, "\0" "5", 2, &RFY_AMOUNT_DOT, NULL), RFY_EINPUT);
    ck_assert_int_eq(mpz_cmp_ui(v, 42), 0);
    mpz_clear(v);
}
END_TEST

START_TEST(decimal_length_is_respected)
{
    /* Only `len` bytes are read: "12.50xyz" with len 5 is 12.50 = 1250 øre. */
    mpz_t v;
    mpz_init(v);
    ck_assert_int_eq(rfy_decimal_parse(v, "12.50xyz", 5, &RFY_AMOUNT_DOT, NULL), RFY_OK);
    ck_assert_int_eq(mpz_cmp_ui(v, 1250), 0);
    /* why may be NULL on failure too */
    ck_assert_int_eq(rfy_decimal_parse(v, "1e5", 3, &RFY_AMOUNT_DOT, NULL), RFY_EINPUT);
    ck_assert_int_eq(mpz_cmp_ui(v, 1250), 0);
    mpz_clear(v);
}
END_TEST

START_TEST(decimal_other_scales)
{
    /* The syntax is public: a caller may ask for more decimals.  0 decimals:
     * "12" = 12, "1.5" refused; 4 decimals: "1.5" = 15000. */
    static const rfy_decimal_syntax whole = {0, '.', 0};
    static const rfy_decimal_syntax four = {4, '.', 1};
    const char *why = NULL;
    mpz_t v;
    mpz_init(v);
    ck_assert_int_eq(rfy_decimal_parse(v, "12", 2, &whole, NULL), RFY_OK);
    ck_assert_int_eq(mpz_cmp_ui(v, 12), 0);
    ck_assert_int_eq(rfy_decimal_parse(v, "1.5", 3, &whole, &why), RFY_EINPUT);
    ck_assert_ptr_nonnull(strstr(why, "too many decimals"));
    ck_assert_int_eq(rfy_decimal_parse(v, "-1.5", 4, &four, NULL), RFY_OK);
    ck_assert_int_eq(mpz_cmp_si(v, -15000), 0);
    ck_assert_int_eq(rfy_decimal_parse(v, "1.23456", 7, &four, &why), RFY_EINPUT);
    /* 24 digits at 4 decimals: 123456789012345678901234 × 10^4 (28 digits). */
    ck_assert_int_eq(rfy_decimal_parse(v, "123456789012345678901234", 24, &four, NULL), RFY_OK);
    ck_assert_int_eq(mpz_cmp_ui(v, 0), 1);
    {
        char s[40];
        mpz_get_str(s, 10, v);
        ck_assert_str_eq(s, "1234567890123456789012340000");
    }
    mpz_clear(v);
}
END_TEST

START_TEST(decimal_wide_scale)
{
    /* The parser pads the fraction with zeros into a fixed buffer.  It once
     * held RFY_DECIMAL_MAX_CHARS + 8 = 32 bytes, while 24 digits padded to 9
     * decimals plus the NUL need 34: a stack overflow (ASan) for any caller's
     * syntax with more than 7 decimals.  Expected: 123456789012345678901234 × 10^9. */
    static const rfy_decimal_syntax nine = {9, '.', 0};
    char s[48];
    mpz_t v;
    mpz_init(v);
    ck_assert_int_eq(rfy_decimal_parse(v, "123456789012345678901234", 24, &nine, NULL), RFY_OK);
    ck_assert_uint_lt(mpz_sizeinbase(v, 10), sizeof s - 2);
    mpz_get_str(s, 10, v);
    ck_assert_str_eq(s, "123456789012345678901234000000000");
    /* 1.5 at 9 decimals = 1500000000 */
    ck_assert_int_eq(rfy_decimal_parse(v, "1.5", 3, &nine, NULL), RFY_OK);
    ck_assert_int_eq(mpz_cmp_ui(v, 1500000000u), 0);
#ifdef RFY_DECIMAL_MAX_SCALE
    {
        /* the largest scale: 24 digits padded with RFY_DECIMAL_MAX_SCALE zeros */
        const rfy_decimal_syntax widest = {RFY_DECIMAL_MAX_SCALE, '.', 0};
        const rfy_decimal_syntax too_wide = {RFY_DECIMAL_MAX_SCALE + 1, '.', 0};
        const char *why = NULL;
        char big[64];
        ck_assert_int_eq(rfy_decimal_parse(v, "999999999999999999999999", 24, &widest, NULL),
                         RFY_OK);
        ck_assert_uint_lt(mpz_sizeinbase(v, 10), sizeof big - 2);
        mpz_get_str(big, 10, v);
        ck_assert_uint_eq(strlen(big), 24 + RFY_DECIMAL_MAX_SCALE);
        ck_assert_uint_eq(strspn(big, "9"), 24);
        ck_assert_uint_eq(strspn(big + 24, "0"), RFY_DECIMAL_MAX_SCALE);
        /* beyond it: refused, output untouched */
        mpz_set_ui(v, 42);
        ck_assert_int_eq(rfy_decimal_parse(v, "1", 1, &too_wide, &why), RFY_EINPUT);
        ck_assert_ptr_nonnull(why);
        ck_assert_int_eq(mpz_cmp_ui(v, 42), 0);
    }
#endif
    mpz_clear(v);
}
END_TEST

/* ---- formatting -------------------------------------------------------------- */

/* Format the decimal integer `ore` with fn into a fresh buffer of `size`. */
static int fmt_plain(char *buf, size_t size, const char *ore, char point)
{
    mpz_t v;
    int n;
    mpz_init_set_str(v, ore, 10);
    n = rfy_money_format(buf, size, v, point);
    mpz_clear(v);
    return n;
}

static int fmt_da(char *buf, size_t size, const char *ore)
{
    mpz_t v;
    int n;
    mpz_init_set_str(v, ore, 10);
    n = rfy_money_format_da(buf, size, v);
    mpz_clear(v);
    return n;
}

START_TEST(money_format_plain)
{
    char buf[128];
    ck_assert_int_eq(fmt_plain(buf, sizeof buf, "0", '.'), 4);
    ck_assert_str_eq(buf, "0.00");
    ck_assert_int_eq(fmt_plain(buf, sizeof buf, "5", '.'), 4);
    ck_assert_str_eq(buf, "0.05");
    ck_assert_int_eq(fmt_plain(buf, sizeof buf, "-5", '.'), 5);
    ck_assert_str_eq(buf, "-0.05");
    ck_assert_int_eq(fmt_plain(buf, sizeof buf, "50", '.'), 4);
    ck_assert_str_eq(buf, "0.50");
    ck_assert_int_eq(fmt_plain(buf, sizeof buf, "99", '.'), 4);
    ck_assert_str_eq(buf, "0.99");
    ck_assert_int_eq(fmt_plain(buf, sizeof buf, "100", '.'), 4);
    ck_assert_str_eq(buf, "1.00");
    ck_assert_int_eq(fmt_plain(buf, sizeof buf, "-100", '.'), 5);
    ck_assert_str_eq(buf, "-1.00");
    ck_assert_int_eq(fmt_plain(buf, sizeof buf, "1638200", '.'), 8);
    ck_assert_str_eq(buf, "16382.00");
    ck_assert_int_eq(fmt_plain(buf, sizeof buf, "1786", '.'), 5);
    ck_assert_str_eq(buf, "17.86");
    ck_assert_int_eq(fmt_plain(buf, sizeof buf, "1234567", ','), 8);
    ck_assert_str_eq(buf, "12345,67");
    /* 10^30 øre = 10^28 kr.: "1", 28 zeros, ".00" (no grouping in the plain form) */
    ck_assert_int_eq(fmt_plain(buf, sizeof buf, "1000000000000000000000000000000", '.'), 32);
    ck_assert_str_eq(buf, "10000000000000000000000000000.00");
    ck_assert_int_eq(fmt_plain(buf, sizeof buf, "-1234567890123456789012345678901234567890", '.'),
                     42);
    ck_assert_str_eq(buf, "-12345678901234567890123456789012345678.90");
}
END_TEST

START_TEST(money_format_huge)
{
    /* 70 digits take the heap path inside format_ore (more than its 64-byte
     * stack buffer): 7 × "1234567890" øre, negative. */
    char buf[128], want[128];
    const char *ten = "1234567890";
    char ore[80] = "-";
    for (int i = 0; i < 7; i++)
        strcat(ore, ten);
    /* want: "-" + the first 68 digits + "." + "90" */
    memcpy(want, ore, 69);
    strcpy(want + 69, ".90");
    ck_assert_int_eq(fmt_plain(buf, sizeof buf, ore, '.'), 72);
    ck_assert_str_eq(buf, want);
    /* too small for it: -1 and an empty string, no leak (ASan) */
    ck_assert_int_eq(fmt_plain(buf, 72, ore, '.'), -1);
    ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(money_format_too_small)
{
    char buf[16];
    /* "16382.00" is 8 characters: 9 bytes fit, 8 do not. */
    ck_assert_int_eq(fmt_plain(buf, 9, "1638200", '.'), 8);
    ck_assert_str_eq(buf, "16382.00");
    memcpy(buf, "XXXXXXXXXXXXXXX", 16);
    ck_assert_int_eq(fmt_plain(buf, 8, "1638200", '.'), -1);
    ck_assert_str_eq(buf, "");
    ck_assert_int_eq(fmt_plain(buf, 0, "1638200", '.'), -1);
    /* "-0.05" is 5: 6 fit, 5 do not */
    ck_assert_int_eq(fmt_plain(buf, 6, "-5", '.'), 5);
    ck_assert_int_eq(fmt_plain(buf, 5, "-5", '.'), -1);
    ck_assert_str_eq(buf, "");
    /* "1.234.567,89" is 12: 13 fit, 12 do not */
    ck_assert_int_eq(fmt_da(buf, 13, "123456789"), 12);
    ck_assert_str_eq(buf, "1.234.567,89");
    ck_assert_int_eq(fmt_da(buf, 12, "123456789"), -1);
    ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(money_format_danish)
{
    char buf[128], want[128];
    ck_assert_int_eq(fmt_da(buf, sizeof buf, "1638200"), 9);
    ck_assert_str_eq(buf, "16.382,00");
    ck_assert_int_eq(fmt_da(buf, sizeof buf, "123456789"), 12);
    ck_assert_str_eq(buf, "1.234.567,89");
    ck_assert_int_eq(fmt_da(buf, sizeof buf, "-123450"), 9);
    ck_assert_str_eq(buf, "-1.234,50");
    ck_assert_int_eq(fmt_da(buf, sizeof buf, "5"), 4);
    ck_assert_str_eq(buf, "0,05");
    ck_assert_int_eq(fmt_da(buf, sizeof buf, "0"), 4);
    ck_assert_str_eq(buf, "0,00");
    ck_assert_int_eq(fmt_da(buf, sizeof buf, "99999"), 6);
    ck_assert_str_eq(buf, "999,99");
    ck_assert_int_eq(fmt_da(buf, sizeof buf, "100000"), 8);
    ck_assert_str_eq(buf, "1.000,00");
    ck_assert_int_eq(fmt_da(buf, sizeof buf, "-99999"), 7);
    ck_assert_str_eq(buf, "-999,99");
    ck_assert_int_eq(fmt_da(buf, sizeof buf, "100000000000"), 16);
    ck_assert_str_eq(buf, "1.000.000.000,00");
    /* 10^70 øre = 10^68 kr.: 69 integer digits = 23 groups of three:
     * "100" then 22 × ".000", then ",00" = 3 + 88 + 3 = 94 characters. */
    {
        char ore[80] = "1";
        for (int i = 0; i < 70; i++)
            strcat(ore, "0");
        strcpy(want, "100");
        for (int i = 0; i < 22; i++)
            strcat(want, ".000");
        strcat(want, ",00");
        ck_assert_int_eq(fmt_da(buf, sizeof buf, ore), 94);
        ck_assert_str_eq(buf, want);
    }
}
END_TEST

/* q = num/den, canonical (q initialised). */
static void q_set(mpq_t q, const char *num, const char *den)
{
    mpz_set_str(mpq_numref(q), num, 10);
    mpz_set_str(mpq_denref(q), den, 10);
    mpq_canonicalize(q);
}

/* rfy_q_format_da of num/den øre at `decimals` places. */
static int qfmt(char *buf, size_t size, const char *num, const char *den, unsigned decimals)
{
    mpq_t q;
    int n;
    mpq_init(q);
    q_set(q, num, den);
    n = rfy_q_format_da(buf, size, q, decimals);
    mpq_clear(q);
    return n;
}

/* rfy_q_format_da_exact of num/den øre; *cut as it says. */
static int qexact(char *buf, size_t size, const char *num, const char *den, int *cut)
{
    mpq_t q;
    int n;
    mpq_init(q);
    q_set(q, num, den);
    n = rfy_q_format_da_exact(buf, size, q, cut);
    mpq_clear(q);
    return n;
}

START_TEST(q_format_danish_exact)
{
    char buf[64];
    int cut = -1;
    /* 0,55 × 367.700 øre = 202.235 øre exactly = 2.022,35 kr. */
    ck_assert_int_eq(qexact(buf, sizeof buf, "202235", "1", &cut), 8);
    ck_assert_str_eq(buf, "2.022,35");
    ck_assert_int_eq(cut, 0);
    /* 20223555/100 øre = 2.022,3555 kr.: every decimal kept */
    ck_assert_int_eq(qexact(buf, sizeof buf, "20223555", "100", &cut), 10);
    ck_assert_str_eq(buf, "2.022,3555");
    ck_assert_int_eq(cut, 0);
    /* 12345/10 øre = 1234,5 øre = 12,345 kr.: the fourth decimal's zero dropped */
    ck_assert_int_eq(qexact(buf, sizeof buf, "12345", "10", &cut), 6);
    ck_assert_str_eq(buf, "12,345");
    /* 250 øre = 2,50 kr.: two decimals at least */
    ck_assert_int_eq(qexact(buf, sizeof buf, "250", "1", NULL), 4);
    ck_assert_str_eq(buf, "2,50");
    /* 10000/3 øre = 3333,33.. øre: cut toward zero to 3333 øre, "33,33…" (… is 3 bytes) */
    ck_assert_int_eq(qexact(buf, sizeof buf, "10000", "3", &cut), 8);
    ck_assert_str_eq(buf, "33,33…");
    ck_assert_int_eq(cut, 1);
    /* -10000/3 øre: toward zero is -3333 øre, not -3334 */
    ck_assert_int_eq(qexact(buf, sizeof buf, "-10000", "3", &cut), 9);
    ck_assert_str_eq(buf, "-33,33…");
    /* 2/3 øre: 0 øre and the mark */
    ck_assert_int_eq(qexact(buf, sizeof buf, "2", "3", &cut), 7);
    ck_assert_str_eq(buf, "0,00…");
    /* too small: "33,33…" needs 9 bytes with its NUL; 8 is refused, buf "" */
    ck_assert_int_eq(qexact(buf, 8, "10000", "3", &cut), -1);
    ck_assert_str_eq(buf, "");
    ck_assert_int_eq(qexact(buf, 9, "10000", "3", &cut), 8);
}
END_TEST

START_TEST(q_format_danish)
{
    char buf[128];
    /* 4695 kr./week × 52/12 = 469500 × 52 / 12 øre = 24414000/12 = 2034500 øre = 20.345,00 */
    ck_assert_int_eq(qfmt(buf, sizeof buf, "24414000", "12", 2), 9);
    ck_assert_str_eq(buf, "20.345,00");
    /* 1/3 øre = 0.00333 kr. -> "0,00"; -1/3 øre also "0,00" (no negative zero) */
    ck_assert_int_eq(qfmt(buf, sizeof buf, "1", "3", 2), 4);
    ck_assert_str_eq(buf, "0,00");
    ck_assert_int_eq(qfmt(buf, sizeof buf, "-1", "3", 2), 4);
    ck_assert_str_eq(buf, "0,00");
    /* 1087.3333 øre = 3262/3 øre = 10.873333 kr.: 2 decimals "10,87", 4 decimals "10,8733" */
    ck_assert_int_eq(qfmt(buf, sizeof buf, "3262", "3", 2), 5);
    ck_assert_str_eq(buf, "10,87");
    ck_assert_int_eq(qfmt(buf, sizeof buf, "3262", "3", 4), 7);
    ck_assert_str_eq(buf, "10,8733");
    /* half away from zero at the display precision: 1/2 øre = 0.005 kr. -> "0,01"; -1/2 -> "-0,01" */
    ck_assert_int_eq(qfmt(buf, sizeof buf, "1", "2", 2), 4);
    ck_assert_str_eq(buf, "0,01");
    ck_assert_int_eq(qfmt(buf, sizeof buf, "-1", "2", 2), 5);
    ck_assert_str_eq(buf, "-0,01");
    /* 0 decimals: 1638250 øre = 16382.50 kr. -> "16.383"; no comma */
    ck_assert_int_eq(qfmt(buf, sizeof buf, "1638250", "1", 0), 6);
    ck_assert_str_eq(buf, "16.383");
    /* 6 decimals of 1/3 øre: 0.00333333.. kr. -> "0,003333" */
    ck_assert_int_eq(qfmt(buf, sizeof buf, "1", "3", 6), 8);
    ck_assert_str_eq(buf, "0,003333");
    /* 3 decimals of 2/3 øre: 0.0066.. kr. -> "0,007" */
    ck_assert_int_eq(qfmt(buf, sizeof buf, "2", "3", 3), 5);
    ck_assert_str_eq(buf, "0,007");
    /* -123456789 øre exactly at 2 decimals: "-1.234.567,89" */
    ck_assert_int_eq(qfmt(buf, sizeof buf, "-123456789", "1", 2), 13);
    ck_assert_str_eq(buf, "-1.234.567,89");
    /* too small: "20.345,00" needs 10 bytes */
    ck_assert_int_eq(qfmt(buf, 10, "24414000", "12", 2), 9);
    ck_assert_int_eq(qfmt(buf, 9, "24414000", "12", 2), -1);
    ck_assert_int_eq(qfmt(buf, 0, "24414000", "12", 2), -1);
}
END_TEST

/* ---- property: rfy_round_half_away against a slow reference ------------------ */

/* Knuth's MMIX LCG: a fixed sequence on every platform (no rand()). */
static uint64_t lcg_state;
static uint64_t lcg_next(void)
{
    lcg_state = lcg_state * 6364136223846793005u + 1442695040888963407u;
    return lcg_state >> 11; /* the low bits of an LCG are weak */
}

static void random_mpz(mpz_t out, unsigned words)
{
    mpz_set_ui(out, 0);
    for (unsigned i = 0; i < words; i++) {
        mpz_mul_2exp(out, out, 53);
        mpz_add_ui(out, out, (unsigned long)(lcg_next() & ((UINT64_C(1) << 53) - 1)));
    }
}

/*
 * The obviously correct reference: with k0 = floor(x / unit), the nearest
 * multiple of unit is among (k0 − 1 .. k0 + 2) × unit.  Take the candidate
 * with the least |x − c| (compared as exact rationals); on a tie take the one
 * farther from zero.  Returns 1 when the exact value was a multiple already.
 */
static int reference_round(mpz_t out, const mpq_t x, unsigned long unit, int *tie)
{
    mpz_t k, denu;
    mpq_t c, d, best_d;
    int have = 0, exact;
    mpz_init(k);
    mpz_init(denu);
    mpq_init(c);
    mpq_init(d);
    mpq_init(best_d);
    *tie = 0;
    mpz_mul_ui(denu, mpq_denref(x), unit);
    mpz_fdiv_q(k, mpq_numref(x), denu);
    mpz_sub_ui(k, k, 1);
    for (int j = 0; j < 4; j++, mpz_add_ui(k, k, 1)) {
        int cmp;
        mpz_mul_ui(mpq_numref(c), k, unit);
        mpz_set_ui(mpq_denref(c), 1);
        mpq_sub(d, x, c);
        mpq_abs(d, d);
        cmp = have ? mpq_cmp(d, best_d) : -1;
        if (cmp == 0) {
            *tie = 1;
            if (mpz_cmpabs(mpq_numref(c), out) > 0)
                mpz_set(out, mpq_numref(c));
        } else if (cmp < 0) {
            mpz_set(out, mpq_numref(c));
            mpq_set(best_d, d);
            have = 1;
        }
    }
    exact = mpq_sgn(best_d) == 0;
    mpq_clear(best_d);
    mpq_clear(d);
    mpq_clear(c);
    mpz_clear(denu);
    mpz_clear(k);
    return exact;
}

START_TEST(round_property)
{
    enum { N = 20000 };
    static const unsigned long units[] = {1, 100, 7, 2, 1000};
    mpq_t x;
    mpz_t got, want;
    unsigned long ties = 0, exacts = 0, negatives = 0;

    mpq_init(x);
    mpz_init(got);
    mpz_init(want);
    lcg_state = 20240101u;
    for (int i = 0; i < N; i++) {
        uint64_t shape = lcg_next();
        unsigned long unit = (shape & 8) ? 1 + (unsigned long)(lcg_next() % 1000)
                                          : units[lcg_next() % 5];
        int tie, exact;
        unsigned flags;
        switch (shape % 4) {
        case 0: /* small numerator and denominator: dense near the ties */
            mpz_set_ui(mpq_numref(x), (unsigned long)(lcg_next() % 100000));
            mpz_set_ui(mpq_denref(x), 1 + (unsigned long)(lcg_next() % 400));
            break;
        case 1: /* an exact tie: (2m + 1) × unit / 2 */
            mpz_set_ui(mpq_numref(x), 2 * (unsigned long)(lcg_next() % 1000000) + 1);
            mpz_mul_ui(mpq_numref(x), mpq_numref(x), unit);
            mpz_set_ui(mpq_denref(x), 2);
            break;
        case 2: /* big numerator over a big denominator */
            random_mpz(mpq_numref(x), 1 + (unsigned)(lcg_next() % 3));
            random_mpz(mpq_denref(x), 1 + (unsigned)(lcg_next() % 2));
            mpz_add_ui(mpq_denref(x), mpq_denref(x), 1);
            break;
        default: /* a multiple of the unit, or next to one: k × unit ± 0 or 1 over 1 */
            mpz_set_ui(mpq_numref(x), (unsigned long)(lcg_next() % 100000));
            mpz_mul_ui(mpq_numref(x), mpq_numref(x), unit);
            mpz_add_ui(mpq_numref(x), mpq_numref(x), (unsigned long)(lcg_next() % 3));
            mpz_set_ui(mpq_denref(x), 1 + (unsigned long)(lcg_next() % 2));
            break;
        }
        if (lcg_next() & 1) {
            mpz_neg(mpq_numref(x), mpq_numref(x));
            negatives++;
        }
        mpq_canonicalize(x);
        exact = reference_round(want, x, unit, &tie);
        flags = rfy_round_half_away(got, x, unit);
        ties += (unsigned long)tie;
        exacts += (unsigned long)exact;
        if (mpz_cmp(got, want) != 0 ||
            flags != (RFY_FLAG_ROUNDED | (exact ? 0u : RFY_FLAG_INEXACT))) {
            char *xs = mpq_get_str(NULL, 10, x);
            char *gs = mpz_get_str(NULL, 10, got), *ws = mpz_get_str(NULL, 10, want);
            ck_abort_msg("case %d: round(%s, unit %lu) = %s flags 0x%x; reference %s exact %d", i,
                         xs, unit, gs, flags, ws, exact);
        }
    }
    /* The generator must really have produced the interesting cases. */
    ck_assert_uint_ge(ties, N / 8);
    ck_assert_uint_ge(exacts, N / 20);
    ck_assert_uint_ge(negatives, N / 3);
    mpz_clear(want);
    mpz_clear(got);
    mpq_clear(x);
}
END_TEST

/* The slow reference for the money formats: mpz_get_str of |ore|, at least
 * three digits, the point before the last two; with `group`, a separator
 * every three digits of the kroner. */
static void reference_format(char *out, const mpz_t ore, char point, char group)
{
    char *digits = mpz_get_str(NULL, 10, ore), *d = digits, padded[256];
    size_t n, nint, o = 0;
    if (*d == '-') {
        out[o++] = '-';
        d++;
    }
    n = strlen(d);
    snprintf(padded, sizeof padded, "%s%s", n == 1 ? "00" : n == 2 ? "0" : "", d);
    n = strlen(padded);
    nint = n - 2;
    for (size_t i = 0; i < nint; i++) {
        if (group && i > 0 && (nint - i) % 3 == 0)
            out[o++] = group;
        out[o++] = padded[i];
    }
    out[o++] = point;
    out[o++] = padded[n - 2];
    out[o++] = padded[n - 1];
    out[o] = '\0';
    free(digits);
}

/* rfy_money_format and rfy_money_format_da against the slow reference, over
 * amounts of every size around the machine-integer fast path's edges (a
 * long, an unsigned long, 2^64 and beyond) and random ones of 1–2 words,
 * both signs. */
START_TEST(money_format_property)
{
    enum { N = 20000 };
    char got[128], want[128];
    mpz_t ore, edge;
    unsigned long crossed = 0;
    mpz_inits(ore, edge, NULL);
    mpz_setbit(edge, 64); /* 2^64 */
    lcg_state = 20260601u;
    for (int i = 0; i < N; i++) {
        uint64_t shape = lcg_next();
        switch (shape % 4) {
        case 0: /* near LONG_MAX, ULONG_MAX or 2^64: ± 0..999 */
            mpz_set_ui(ore, (shape & 4) ? ULONG_MAX : (unsigned long)LONG_MAX);
            if (shape & 8)
                mpz_add_ui(ore, ore, 1);
            if (lcg_next() & 1)
                mpz_add_ui(ore, ore, (unsigned long)(lcg_next() % 1000));
            else
                mpz_sub_ui(ore, ore, (unsigned long)(lcg_next() % 1000));
            break;
        case 1: /* small: 0..99 999 */
            mpz_set_ui(ore, (unsigned long)(lcg_next() % 100000));
            break;
        default:
            random_mpz(ore, 1 + (unsigned)(lcg_next() % 2));
            mpz_tdiv_q_2exp(ore, ore, (unsigned long)(lcg_next() % 100));
            break;
        }
        if (lcg_next() & 1)
            mpz_neg(ore, ore);
        crossed += mpz_cmpabs(ore, edge) >= 0;
        reference_format(want, ore, '.', 0);
        ck_assert_int_eq(rfy_money_format(got, sizeof got, ore, '.'), (int)strlen(want));
        ck_assert_str_eq(got, want);
        reference_format(want, ore, ',', '.');
        ck_assert_int_eq(rfy_money_format_da(got, sizeof got, ore), (int)strlen(want));
        ck_assert_str_eq(got, want);
    }
    ck_assert_uint_ge(crossed, N / 10); /* the slow path was taken too */
    mpz_clears(ore, edge, NULL);
}
END_TEST

/* The digits of the kroner counted without a loop (money_text.h): every
 * power of ten of øre from 10^0 to 10^20, and one below and above it, both
 * signs, against the slow reference; e.g. 10^10 − 1 øre = 99999999.99 (the
 * last amount of the eight-digit path), 10^10 øre = 100000000.00 (the first
 * past it), 100 øre = 1.00, 99 øre = 0.99. */
START_TEST(money_format_powers_of_ten)
{
    char got[128], want[128];
    mpz_t ore, p10;
    mpz_inits(ore, p10, NULL);
    mpz_set_ui(p10, 1);
    for (int k = 0; k <= 20; k++, mpz_mul_ui(p10, p10, 10))
        for (int d = -1; d <= 1; d++)
            for (int neg = 0; neg < 2; neg++) {
                if (d < 0)
                    mpz_sub_ui(ore, p10, 1);
                else
                    mpz_add_ui(ore, p10, (unsigned long)d);
                if (neg)
                    mpz_neg(ore, ore);
                reference_format(want, ore, '.', 0);
                ck_assert_int_eq(rfy_money_format(got, sizeof got, ore, '.'), (int)strlen(want));
                ck_assert_str_eq(got, want);
            }
    mpz_set_ui(ore, 9999999999u);
    ck_assert_int_eq(rfy_money_format(got, sizeof got, ore, '.'), 11);
    ck_assert_str_eq(got, "99999999.99");
    mpz_add_ui(ore, ore, 1);
    ck_assert_int_eq(rfy_money_format(got, sizeof got, ore, '.'), 12);
    ck_assert_str_eq(got, "100000000.00");
    mpz_set_si(ore, -99);
    ck_assert_int_eq(rfy_money_format(got, sizeof got, ore, '.'), 5);
    ck_assert_str_eq(got, "-0.99");
    mpz_clears(ore, p10, NULL);
}
END_TEST

/* rfy__whole8_put (money_text.h), a line number's text: every number of
 * digits 1–8 at both ends (0, 9, 10, 99, 100, ..., 10^7, 99 999 999) as
 * snprintf writes it. */
START_TEST(whole8_every_length)
{
    char got[32], want[32];
    for (uint32_t p = 1; p <= 100000000u; p *= 10)
        for (int d = -1; d <= 0; d++) {
            uint32_t v = d < 0 ? p - 1 : p;
            size_t n;
            if (v >= 100000000u)
                continue;
            memset(got, 'x', sizeof got);
            n = rfy__whole8_put(got, v);
            snprintf(want, sizeof want, "%u", (unsigned)v);
            ck_assert_uint_eq(n, strlen(want));
            ck_assert_uint_eq(rfy__digits8(v), strlen(want));
            got[n] = '\0';
            ck_assert_str_eq(got, want);
        }
}
END_TEST

/* rfy__q_canonicalize (one-word gcd when the denominator is one positive
 * limb) gives exactly what mpq_canonicalize gives: numerators of 0–3 words
 * of either sign over denominators of 1–2 words, 1, and negative ones. */
START_TEST(q_canonicalize_property)
{
    enum { N = 20000 };
    mpq_t mine, gmp;
    unsigned long reduced = 0;
    mpq_init(mine);
    mpq_init(gmp);
    lcg_state = 20261130u;
    for (int i = 0; i < N; i++) {
        uint64_t shape = lcg_next();
        unsigned long common = 1 + (unsigned long)(lcg_next() % 360);
        if (shape % 8 == 0)
            mpz_set_ui(mpq_numref(mine), 0);
        else
            random_mpz(mpq_numref(mine), 1 + (unsigned)(lcg_next() % 3));
        if ((shape >> 3) % 8 == 0)
            mpz_set_ui(mpq_denref(mine), 1);
        else {
            random_mpz(mpq_denref(mine), 1 + (unsigned)((lcg_next() % 4) == 0));
            mpz_tdiv_q_2exp(mpq_denref(mine), mpq_denref(mine), (unsigned long)(lcg_next() % 50));
            mpz_add_ui(mpq_denref(mine), mpq_denref(mine), 1);
        }
        /* a common factor, as the rules' fractions have (days over days, × 12 / 260) */
        mpz_mul_ui(mpq_numref(mine), mpq_numref(mine), common);
        mpz_mul_ui(mpq_denref(mine), mpq_denref(mine), common);
        if (shape & 0x400)
            mpz_neg(mpq_numref(mine), mpq_numref(mine));
        if ((shape >> 11) % 16 == 0)
            mpz_neg(mpq_denref(mine), mpq_denref(mine));
        /* copied part by part: mpq_set assumes a positive denominator */
        mpz_set(mpq_numref(gmp), mpq_numref(mine));
        mpz_set(mpq_denref(gmp), mpq_denref(mine));
        rfy__q_canonicalize(mine);
        mpq_canonicalize(gmp);
        reduced += common > 1;
        if (mpz_cmp(mpq_numref(mine), mpq_numref(gmp)) != 0 ||
            mpz_cmp(mpq_denref(mine), mpq_denref(gmp)) != 0) {
            char *a = mpq_get_str(NULL, 10, mine), *b = mpq_get_str(NULL, 10, gmp);
            ck_abort_msg("case %d: %s, mpq_canonicalize %s", i, a, b);
        }
    }
    ck_assert_uint_ge(reduced, N / 2);
    mpq_clear(gmp);
    mpq_clear(mine);
}
END_TEST

static Suite *money_suite(void)
{
    Suite *s = suite_create("money");
    TCase *tc = tcase_create("parse");
    tcase_add_test(tc, decimal_vectors);
    tcase_add_test(tc, decimal_nul_byte);
    tcase_add_test(tc, amount_parse_da);
    tcase_add_test(tc, decimal_length_is_respected);
    tcase_add_test(tc, decimal_other_scales);
    tcase_add_test(tc, decimal_wide_scale);
    suite_add_tcase(s, tc);
    tc = tcase_create("round");
    tcase_add_test(tc, round_vectors);
    tcase_add_test(tc, round_property);
    tcase_add_test(tc, money_format_property);
    tcase_add_test(tc, money_format_powers_of_ten);
    tcase_add_test(tc, whole8_every_length);
    tcase_add_test(tc, q_canonicalize_property);
    suite_add_tcase(s, tc);
    tc = tcase_create("format");
    tcase_add_test(tc, money_format_plain);
    tcase_add_test(tc, money_format_huge);
    tcase_add_test(tc, money_format_too_small);
    tcase_add_test(tc, money_format_danish);
    tcase_add_test(tc, q_format_danish);
    tcase_add_test(tc, q_format_danish_exact);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(money_suite());
}
