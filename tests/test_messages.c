/*
 * The engine's message catalogue (rfy/messages.h, calc/base/messages.c):
 * every id has a Danish and an English text, the two are different words,
 * and they take the same arguments in the same order (a caller passes one
 * argument list to whichever is rendered, so a %s in one language where the
 * other has %lu would read the wrong argument).  And the system's reasons
 * (rfy_errno_text): Danish for the ones a payroll officer meets, the
 * system's own text otherwise and in English.
 */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "check_run.h"
#include "format_kinds.h"
#include <rfy/audit.h>
#include <rfy/date.h>
#include <rfy/messages.h>
#include <rfy/money.h>
#include <rfy/status.h>

START_TEST(argument_kinds_reads_formats) {
    char k[32];
    /* the reader itself: a test of the table is only as good as it */
    ck_assert_int_eq(
        format_argument_kinds("%s: mode %03o, %lu, %lld, %.*s, %c, 0x%02X, 100%%", k, sizeof k), 0);
    ck_assert_str_eq(k, "siuluLdisiiu");
    ck_assert_int_eq(format_argument_kinds("%zu", k, sizeof k), -1);
    ck_assert_int_eq(format_argument_kinds("%n", k, sizeof k), -1);
}
END_TEST

START_TEST(every_message_in_both_languages) {
    for (int id = 0; id < RFY_MSG_COUNT; id++) {
        const char *da = rfy_message_format((rfy_message)id, RFY_LANG_DA);
        const char *en = rfy_message_format((rfy_message)id, RFY_LANG_EN);
        ck_format_pair(id, da, en);
    }
    ck_assert_ptr_null(rfy_message_format(RFY_MSG_COUNT, RFY_LANG_DA));
    ck_assert_ptr_null(rfy_message_format((rfy_message)-1, RFY_LANG_EN));
}
END_TEST

START_TEST(no_english_in_the_danish_texts) {
    /* words of the English texts that a Danish one has no business holding */
    static const char *const ENGLISH[] = {
        "cannot",         " the ",           "must ",         "needs ", "not written",
        "unknown",        "expected",        "found",         "line ",  "out of memory",
        "standard input", "standard output", "standard error"};
    for (int id = 0; id < RFY_MSG_COUNT; id++) {
        const char *da = rfy_message_format((rfy_message)id, RFY_LANG_DA);
        for (size_t w = 0; w < sizeof ENGLISH / sizeof ENGLISH[0]; w++)
            ck_assert_msg(!strstr(da, ENGLISH[w]), "message %d (da) has '%s': %s", id, ENGLISH[w],
                          da);
    }
}
END_TEST

START_TEST(examples_rendered) {
    char s[256];
    snprintf(s, sizeof s, rfy_message_format(RFY_MSG_CANNOT_READ, RFY_LANG_DA), "løn.csv",
             rfy_errno_text(ENOENT, RFY_LANG_DA));
    ck_assert_str_eq(s, "kan ikke læse løn.csv: filen eller mappen findes ikke");
    snprintf(s, sizeof s, rfy_message_format(RFY_MSG_CANNOT_READ, RFY_LANG_EN), "pay.csv",
             rfy_errno_text(ENOENT, RFY_LANG_EN));
    ck_assert_str_eq(s, "cannot read pay.csv: No such file or directory");
    snprintf(s, sizeof s, rfy_message_format(RFY_MSG_CSV_UNTERMINATED, RFY_LANG_DA), 2UL, 1UL);
    ck_assert_str_eq(
        s, "linje 2: et felt i anførselstegn i kolonne 1 slutter aldrig (et '\"' lukkes aldrig)");
    snprintf(s, sizeof s, rfy_message_format(RFY_MSG_JOBS, RFY_LANG_DA), 16, "99");
    ck_assert_str_eq(s, "--jobs skal være et helt tal fra 1 til 16, ikke '99'");
    snprintf(s, sizeof s, rfy_message_format(RFY_MSG_UNKNOWN_OPTION, RFY_LANG_DA), "--bogus",
             "batch");
    ck_assert_str_eq(s, "ukendt tilvalg '--bogus' (rfy help batch viser tilvalgene)");
}
END_TEST

START_TEST(errno_texts) {
    static const int DANISH[] = {ENOENT, EACCES, EPERM,   ENOSPC, EDQUOT, EISDIR, ENOTDIR,
                                 EROFS,  EEXIST, EIO,     EMFILE, ENFILE, ENOMEM, ENAMETOOLONG,
                                 ELOOP,  EBUSY,  ETXTBSY, EFBIG,  EPIPE};
    for (size_t i = 0; i < sizeof DANISH / sizeof DANISH[0]; i++) {
        const char *da = rfy_errno_text(DANISH[i], RFY_LANG_DA);
        ck_assert_msg(da && strcmp(da, strerror(DANISH[i])) != 0, "errno %d has no Danish text",
                      DANISH[i]);
        ck_assert_str_eq(rfy_errno_text(DANISH[i], RFY_LANG_EN), strerror(DANISH[i]));
    }
    ck_assert_str_eq(rfy_errno_text(ENOENT, RFY_LANG_DA), "filen eller mappen findes ikke");
    ck_assert_str_eq(rfy_errno_text(EACCES, RFY_LANG_DA), "ingen adgang");
    ck_assert_str_eq(rfy_errno_text(ENOSPC, RFY_LANG_DA), "disken er fuld");
    /* one the engine has no words for: the system's own, in either language */
    ck_assert_str_eq(rfy_errno_text(EDOM, RFY_LANG_DA), strerror(EDOM));
}
END_TEST

START_TEST(status_texts) {
    /* every status code has words in both languages, different ones */
    for (int rc = RFY_OK; rc <= RFY_ESTOP + 1; rc++) { /* and one past: "unknown" */
        const char *da = rfy_rc_text(rc, RFY_LANG_DA), *en = rfy_rc_text(rc, RFY_LANG_EN);
        ck_assert_ptr_nonnull(da);
        ck_assert_ptr_nonnull(en);
        ck_assert_msg(strcmp(da, en) != 0, "rc %d: %s", rc, da);
    }
    ck_assert_str_eq(rfy_rc_text(RFY_ENOMEM, RFY_LANG_DA), "ikke nok hukommelse");
    ck_assert_str_eq(rfy_rc_text(RFY_ENOMEM, RFY_LANG_EN), rfy_rc_name(RFY_ENOMEM));
    ck_assert_str_eq(rfy_rc_text(RFY_ECSV, RFY_LANG_EN), rfy_rc_name(RFY_ECSV));
}
END_TEST

/*
 * One refused value: the parser's reason must be one the catalogue knows
 * (the English text comes back as it is, the Danish is another text of the
 * catalogue), so no reason of the parsers reaches a person in English only.
 */
static void reason_known(int rc, const char *why, const char *what) {
    ck_assert_msg(rc == RFY_EINPUT, "%s: accepted", what);
    ck_assert_msg(why != NULL, "%s: no reason", what);
    ck_assert_str_eq(rfy_reason_text(why, RFY_LANG_EN), why);
    ck_assert_msg(strcmp(rfy_reason_text(why, RFY_LANG_DA), why) != 0,
                  "%s: the reason '%s' has no Danish text in the catalogue", what, why);
}

/* A decimal parse of text in syntax syn, its reason checked. */
static void decimal_reason(const char *text, rfy_decimal_syntax syn) {
    const char *why = NULL;
    mpz_t v;
    mpz_init(v);
    int rc = rfy_decimal_parse(v, text, strlen(text), &syn, &why);
    reason_known(rc, why, text);
    mpz_clear(v);
}

/* An amount parse (grouped Danish amounts), its reason checked. */
static void amount_reason(const char *text, const rfy_decimal_syntax *syn, int da) {
    const char *why = NULL;
    mpz_t v;
    mpz_init(v);
    int rc = da ? rfy_amount_parse_da(v, text, strlen(text), syn, &why)
                : rfy_amount_parse(v, text, strlen(text), syn, &why);
    reason_known(rc, why, text); /* why is read after the parse set it */
    mpz_clear(v);
}

START_TEST(every_parser_reason_in_the_catalogue) {
    static const rfy_decimal_syntax DOT = {2, '.', 0}, SIGNED = {2, '.', 1}, THREE = {3, '.', 0},
                                    TOO_MANY = {RFY_DECIMAL_MAX_SCALE + 1, '.', 0},
                                    COMMA = {2, ',', 0};
    const char *why = NULL;
    rfy_date d;
    rfy_month m;
    mpz_t v;
    int rc;
    rc = rfy_date_parse(&d, "2024-1-01", 9, &why);
    reason_known(rc, why, "2024-1-01");
    rc = rfy_date_parse(&d, "2024-02-30", 10, &why);
    reason_known(rc, why, "2024-02-30");
    rc = rfy_month_parse(&m, "2024-1", 6, &why);
    reason_known(rc, why, "2024-1");
    rc = rfy_month_parse(&m, "2024-13", 7, &why);
    reason_known(rc, why, "2024-13");
    decimal_reason("", DOT);
    decimal_reason("1234567890123456789012345", DOT); /* too long */
    decimal_reason("1,5", DOT);
    decimal_reason("1.5", COMMA);
    decimal_reason("1e5", DOT);
    decimal_reason("1 5", DOT);
    decimal_reason("1-5", DOT);
    decimal_reason("1x", DOT);
    decimal_reason("+5", DOT);
    decimal_reason("-5", DOT);
    decimal_reason("1.234", DOT);
    decimal_reason("1.2345", THREE);
    decimal_reason("1.2.3", DOT);
    decimal_reason(".5", DOT);
    decimal_reason("-", SIGNED);
    decimal_reason("5.", DOT);
    decimal_reason("5", TOO_MANY);
    amount_reason("1.000,5.0", &RFY_AMOUNT_COMMA, 0);
    amount_reason("2.00,00", &RFY_AMOUNT_COMMA, 0);
    amount_reason("4,650,00", &RFY_AMOUNT_DA, 1);
    /* rfy audit --tolerance: the same reasons */
    mpz_init(v);
    rc = rfy_audit_tolerance_parse(v, "0.5x", 4, &why);
    reason_known(rc, why, "0.5x");
    mpz_clear(v);
    /* in Danish, one example each, from the parsers themselves */
    {
        rfy_date day;
        mpz_t a;
        ck_assert_int_eq(rfy_date_parse(&day, "2025-02-30", 10, &why), RFY_EINPUT);
        ck_assert_str_eq(rfy_reason_text(why, RFY_LANG_DA), "den dato findes ikke i kalenderen");
        mpz_init(a);
        ck_assert_int_eq(rfy_decimal_parse(a, "12x", 3, &RFY_AMOUNT_DOT, &why), RFY_EINPUT);
        mpz_clear(a);
        ck_assert_str_eq(rfy_reason_text(why, RFY_LANG_DA),
                         "uventet tegn (forventede cifre og ét decimaltegn)");
    }
    /* a reason is known by the parser's pointer, not by its words: a copy of
     * the words, or a text the catalogue does not know, comes back as it is;
     * NULL is "" */
    {
        char copy[64];
        snprintf(copy, sizeof copy, "%s", "no such date in the calendar");
        ck_assert_str_eq(rfy_reason_text(copy, RFY_LANG_DA), "no such date in the calendar");
    }
    ck_assert_str_eq(rfy_reason_text("something else", RFY_LANG_DA), "something else");
    ck_assert_str_eq(rfy_reason_text(NULL, RFY_LANG_DA), "");
}
END_TEST

static Suite *suite(void) {
    Suite *s = suite_create("messages");
    TCase *tc = tcase_create("catalogue");
    tcase_add_test(tc, argument_kinds_reads_formats);
    tcase_add_test(tc, every_message_in_both_languages);
    tcase_add_test(tc, no_english_in_the_danish_texts);
    tcase_add_test(tc, examples_rendered);
    tcase_add_test(tc, errno_texts);
    tcase_add_test(tc, status_texts);
    tcase_add_test(tc, every_parser_reason_in_the_catalogue);
    suite_add_tcase(s, tc);
    return s;
}

int main(void) { return rfy_check_run(suite()); }
