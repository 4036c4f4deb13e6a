/* Files as kommuner have them, module by module: the header map
 * (calc/run/column_map.c), the decoding stream (cli/input_decode.c), Danish
 * thousands (calc/base/money_grouped.c), Danish categories (calc/base/category_da.c)
 * and the reconciled summary (cli/run_summary.c).  The whole path through
 * `rfy batch` is tests/test_files.sh. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_run.h"
#include "column_map.h"
#include <rfy/hint.h>
#include "input_decode.h"
#include "header_messages.h"
#include <rfy/rfy.h>
#include "run_summary.h"

/* ---- column_map_bind ---------------------------------------------------------------- */

typedef struct bound {
    case_binding b;
    int rc;
    char msg[COLUMN_MAP_MSG_MAX];
} bound;

static const rfy_column_map *bind_map;
/* The words the checks below read: English, unless a test asks for the default (Danish). */
static rfy_lang bind_lang = RFY_LANG_EN;

static int bind_header(void *user, const rfy_csv_record *rec)
{
    bound *x = user;
    x->rc = column_map_bind(&x->b, bind_map, rec, NULL, 0, bind_lang, x->msg, sizeof x->msg);
    return 1;
}

static void bind(bound *x, const rfy_column_map *m, const char *header)
{
    char *err = NULL;
    memset(x, 0, sizeof *x);
    bind_map = m;
    ck_assert_int_eq(rfy_csv_read_buffer(header, strlen(header), ',', bind_header, x, &err),
                     RFY_ESTOP);
    free(err);
}

START_TEST(unknown_columns_in_one_message)
{
    bound x;
    bind(&x, NULL, "Case_ID,month,category,wagee,cpr\n");
    ck_assert_int_eq(x.rc, RFY_EINPUT);
    ck_assert_str_eq(x.msg,
                     "3 unknown columns: 'Case_ID' (column 1 of the header; did you mean "
                     "'case_id'?), 'wagee' (column 4 of the header; did you mean 'wage'?), 'cpr' "
                     "(column 5 of the header); column names are exact and lowercase: rename "
                     "them or map to rfy's names, or read past by name: cpr");
    /* the rfy program's hints name its options (rfy_hints_apply) */
    rfy_hints *h = rfy_hints_new();
    char hinted[512];
    ck_assert_ptr_nonnull(h);
    rfy_hints_set(h, RFY_HINT_MAP_COLUMNS, "map with --columns MAP.csv");
    rfy_hints_set(h, RFY_HINT_IGNORE_COLUMNS, "read past with --ignore-columns");
    bind(&x, NULL, "case_id,month,category,cpr,navn\n");
    rfy_hints_apply(hinted, sizeof hinted, x.msg, h);
    ck_assert_str_eq(hinted, "2 unknown columns: 'cpr' (column 4 of the header), 'navn' (column 5 "
                             "of the header); column names are exact and lowercase: rename them "
                             "or map with --columns MAP.csv, or read past with --ignore-columns "
                             "cpr,navn");
    rfy_hints_free(h);
}
END_TEST

/* The default is Danish: the same message, the library's Danish ways out,
 * which a program's hints replace just as the English ones. */
START_TEST(unknown_columns_in_danish)
{
    bound x;
    rfy_hints *h = rfy_hints_new();
    char hinted[COLUMN_MAP_MSG_MAX];
    bind_lang = RFY_LANG_DA;
    bind(&x, NULL, "Case_ID,month,category,wagee,cpr\n");
    ck_assert_int_eq(x.rc, RFY_EINPUT);
    ck_assert_str_eq(x.msg, "3 ukendte kolonner: 'Case_ID' (kolonne 1 i overskriften; mente du "
                            "'case_id'?), 'wagee' (kolonne 4 i overskriften; mente du 'wage'?), "
                            "'cpr' (kolonne 5 i overskriften); kolonnenavne staves præcist og med "
                            "små bogstaver: omdøb dem eller map til rfy's navne, eller spring over "
                            "ved navn: cpr");
    ck_assert_ptr_nonnull(h);
    rfy_hints_set(h, RFY_HINT_MAP_COLUMNS, "map med --columns MAP.csv");
    rfy_hints_set(h, RFY_HINT_IGNORE_COLUMNS, "spring over med --ignore-columns");
    rfy_hints_set(h, RFY_HINT_SEMICOLON_FILE, "en fil delt med ';'? brug --delimiter ';'");
    rfy_hints_apply(hinted, sizeof hinted, x.msg, h);
    ck_assert_str_eq(hinted, "3 ukendte kolonner: 'Case_ID' (kolonne 1 i overskriften; mente du "
                             "'case_id'?), 'wagee' (kolonne 4 i overskriften; mente du 'wage'?), "
                             "'cpr' (kolonne 5 i overskriften); kolonnenavne staves præcist og med "
                             "små bogstaver: omdøb dem eller map med --columns MAP.csv, eller spring "
                             "over med --ignore-columns cpr");
    /* a ';' file read with ',': one column, the delimiter's way out, and a
     * column that carries money is never offered to be read past */
    bind(&x, NULL, "case_id;month;category;Løn\n");
    ck_assert_int_eq(x.rc, RFY_EINPUT);
    rfy_hints_apply(hinted, sizeof hinted, x.msg, h);
    ck_assert_str_eq(hinted, "ukendt kolonne 'case_id;month;category;Løn' (kolonne 1 i "
                             "overskriften); en fil delt med ';'? brug --delimiter ';'; "
                             "kolonnenavne staves præcist og med små bogstaver: omdøb den eller "
                             "map med --columns MAP.csv; 'case_id;month;category;Løn' bærer penge "
                             "eller ferie: map den til rfy's navn, spring den aldrig over");
    /* a column twice, and a column twice through the map */
    bind(&x, NULL, "case_id,month,category,wage,wage\n");
    ck_assert_str_eq(x.msg, "kolonnen 'wage' står to gange i overskriften (kolonne 4 og 5)");
    bind(&x, NULL, "case_id,month,category\n");
    ck_assert_int_eq(x.rc, RFY_OK);
    bind(&x, NULL, "case_id,category\n");
    ck_assert_str_eq(x.msg, "kolonnen 'month' mangler i overskriften (den er påkrævet)");
    bind(&x, NULL, "case_id,month,category,\n");
    ck_assert_str_eq(x.msg, "kolonne 4 i overskriften har intet navn");
    rfy_hints_free(h);
    bind_lang = RFY_LANG_EN;
}
END_TEST

/* Every message of the header binding has both languages, taking the same
 * printf arguments in the same order (header_messages.c). */
static size_t specifiers(const char *fmt, char *out, size_t size)
{
    size_t n = 0;
    for (const char *p = fmt; *p; p++) {
        if (*p != '%')
            continue;
        p++;
        if (*p == '%')
            continue;
        while (*p && !strchr("diouxXscpfeEgGaA", *p)) /* flags, width, length */
            out[n < size - 1 ? n++ : n] = *p++;
        out[n < size - 1 ? n++ : n] = *p;
        out[n < size - 1 ? n++ : n] = ' ';
    }
    out[n] = '\0';
    return n;
}

START_TEST(header_messages_in_both_languages)
{
    char da[64], en[64];
    for (int m = 0; m < HM_COUNT; m++) {
        const char *d = header_message((header_msg)m, RFY_LANG_DA);
        const char *e = header_message((header_msg)m, RFY_LANG_EN);
        ck_assert_msg(d && *d && e && *e, "message %d: a language is missing", m);
        ck_assert_msg(strcmp(d, e) != 0, "message %d: the Danish is the English", m);
        specifiers(d, da, sizeof da);
        specifiers(e, en, sizeof en);
        ck_assert_msg(strcmp(da, en) == 0, "message %d: '%s' takes %s, '%s' takes %s", m, d, da, e, en);
    }
    /* the specifiers are read: "%zu ... %d" is "zu d " */
    specifiers(header_message(HM_TOO_WIDE, RFY_LANG_EN), en, sizeof en);
    ck_assert_str_eq(en, "zu d ");
    /* out of range: empty, never NULL */
    ck_assert_str_eq(header_message(HM_COUNT, RFY_LANG_DA), "");
}
END_TEST

/* Ignored and mapped columns: positions in the binding are the file's. */
START_TEST(ignore_and_map_keep_positions)
{
    bound x;
    char *err = NULL;
    char path[] = "/tmp/rfy-map-XXXXXX";
    int fd = mkstemp(path);
    FILE *fp = fdopen(fd, "w");
    rfy_column_map *m = rfy_column_map_new();
    ck_assert_ptr_nonnull(m);
    fputs("from;to\nSagsnr;case_id\nmåned;month\nKATEGORI;category\nLøn;wage\n", fp);
    fclose(fp);
    ck_assert_int_eq(rfy_column_map_load(m, path, &err), RFY_OK);
    ck_assert_int_eq(rfy_column_map_ignore(m, "CPR,navn", &err), RFY_OK);
    unlink(path);
    /* cpr and navn read past; Måned, kategori and LØN matched without regard to case */
    bind(&x, m, "cpr,SAGSNR,navn,Måned,kategori,LØN\n");
    ck_assert_msg(x.rc == RFY_OK, "%s", x.msg);
    ck_assert_int_eq(x.b.nfields, 6);
    ck_assert_int_eq(x.b.field[CASE_COL_CASE_ID], 1);
    ck_assert_int_eq(x.b.field[CASE_COL_MONTH], 3);
    ck_assert_int_eq(x.b.field[CASE_COL_CATEGORY], 4);
    ck_assert_int_eq(x.b.field[CASE_COL_WAGE], 5);
    ck_assert_int_eq(x.b.field[CASE_COL_OTHER_INCOME], -1);
    ck_assert_str_eq(rfy_column_map_ignored(m), "CPR,navn");
    ck_assert_ptr_nonnull(rfy_column_map_file_sha256(m));
    /* a mapping that makes a column appear twice */
    bind(&x, m, "case_id,sagsnr,month,category\n");
    ck_assert_int_eq(x.rc, RFY_EINPUT);
    ck_assert_str_eq(x.msg, "column 'case_id' appears twice in the header (columns 1 and 2), "
                            "counting the column map");
    /* ignoring a column rfy reads is refused */
    ck_assert_int_eq(rfy_column_map_ignore(m, "wage", &err), RFY_OK);
    bind(&x, m, "case_id,month,category,wage\n");
    ck_assert_int_eq(x.rc, RFY_EINPUT);
    ck_assert_str_eq(x.msg, "'wage' (column 4 of the header) is to be read past, but rfy reads "
                            "it: take it out of the columns read past");
    rfy_column_map_free(m);
}
END_TEST

/* ---- input_decode ------------------------------------------------------------------- */

/* Decode `bytes` with `enc`; the decoded text into out (NUL-terminated). */
static int decode(char *out, size_t size, const char *bytes, size_t n, input_encoding enc,
                  char *sep, input_encoding *used)
{
    FILE *raw = fmemopen((void *)bytes, n, "rb");
    input_decoder *d = NULL;
    FILE *in = NULL;
    char *err = NULL;
    size_t got;
    int rc = input_decode_open(&d, &in, sep, used, raw, enc, NULL, NULL, &err);
    if (rc != RFY_OK) { /* the fault was in the first chunk: the message is err */
        snprintf(out, size, "%s", err ? err : "?");
        free(err);
        fclose(raw);
        return -1;
    }
    got = fread(out, 1, size - 1, in);
    out[got] = '\0';
    rc = ferror(in) ? -1 : 0;
    if (rc)
        snprintf(out, size, "%s", input_decode_error(d));
    input_decode_close(d);
    fclose(raw);
    return rc;
}

START_TEST(decodes_to_utf8)
{
    char out[256], sep;
    input_encoding used;
    /* Windows-1252: æ E6, ø F8, å E5, € 80; a sep=; line becomes a blank line */
    ck_assert_int_eq(decode(out, sizeof out, "sep=;\r\n\xE6\xF8\xE5\x80;1\r\n", 15, INPUT_ENC_CP1252,
                            &sep, &used), 0);
    ck_assert_str_eq(out, "\r\n\xC3\xA6\xC3\xB8\xC3\xA5\xE2\x82\xAC;1\r\n");
    ck_assert_int_eq(sep, ';');
    ck_assert_int_eq(used, INPUT_ENC_CP1252);
    /* UTF-16LE with a byte-order mark, whatever the option says */
    ck_assert_int_eq(decode(out, sizeof out, "\xFF\xFE" "a\0\xF8\0\n\0", 8, INPUT_ENC_CP1252, &sep,
                            &used), 0);
    ck_assert_str_eq(out, "a\xC3\xB8\n");
    ck_assert_int_eq(used, INPUT_ENC_UTF16);
    ck_assert_int_eq(sep, 0);
    /* UTF-8 passes through untouched, also invalid bytes (rows are checked later) */
    ck_assert_int_eq(decode(out, sizeof out, "a\xF8,b\n", 5, INPUT_ENC_UTF8, &sep, &used), 0);
    ck_assert_str_eq(out, "a\xF8,b\n");
    /* sep=X only as a whole first line */
    ck_assert_int_eq(decode(out, sizeof out, "sep=;x\n", 7, INPUT_ENC_UTF8, &sep, &used), 0);
    ck_assert_int_eq(sep, 0);
    ck_assert_str_eq(out, "sep=;x\n");
    /* 0x81 is not a character in Windows-1252: a read error */
    ck_assert_int_eq(decode(out, sizeof out, "a\nb\x81\n", 5, INPUT_ENC_CP1252, &sep, &used), -1);
    ck_assert_str_eq(out, "linje 2: byte 0x81 er ikke et tegn i Windows-1252: er filen UTF-8 "
                          "(udelad --encoding) eller Latin-1 (--encoding latin1)?");
}
END_TEST

/* ---- rfy_amount_parse, Danish categories ----------------------------------------------- */

START_TEST(danish_thousands)
{
    mpz_t v;
    const char *why = NULL;
    mpz_init(v);
    /* 20.000,00 kr. = 2 000 000 øre; 1.234.567,8 kr. = 123 456 780 øre */
    ck_assert_int_eq(rfy_amount_parse(v, "20.000,00", 9, &RFY_AMOUNT_COMMA, &why), RFY_OK);
    ck_assert_int_eq(mpz_cmp_si(v, 2000000), 0);
    ck_assert_int_eq(rfy_amount_parse(v, "1.234.567,8", 11, &RFY_AMOUNT_COMMA, &why), RFY_OK);
    ck_assert_int_eq(mpz_cmp_si(v, 123456780), 0);
    ck_assert_int_eq(rfy_amount_parse(v, "999", 3, &RFY_AMOUNT_COMMA, &why), RFY_OK);
    ck_assert_int_eq(mpz_cmp_si(v, 99900), 0);
    ck_assert_int_eq(rfy_amount_parse(v, "2.00,00", 7, &RFY_AMOUNT_COMMA, &why), RFY_EINPUT);
    ck_assert_int_eq(rfy_amount_parse(v, "20.0000", 7, &RFY_AMOUNT_COMMA, &why), RFY_EINPUT);
    ck_assert_int_eq(rfy_amount_parse(v, "1234.567", 8, &RFY_AMOUNT_COMMA, &why), RFY_EINPUT);
    ck_assert_int_eq(rfy_amount_parse(v, ".000,00", 7, &RFY_AMOUNT_COMMA, &why), RFY_EINPUT);
    ck_assert_int_eq(rfy_amount_parse(v, "1,000.00", 8, &RFY_AMOUNT_COMMA, &why), RFY_EINPUT);
    /* with a decimal point, no separators at all */
    ck_assert_int_eq(rfy_amount_parse(v, "20.000,00", 9, &RFY_AMOUNT_DOT, &why), RFY_EINPUT);
    ck_assert_int_eq(rfy_amount_parse(v, "20000.5", 7, &RFY_AMOUNT_DOT, &why), RFY_OK);
    ck_assert_int_eq(mpz_cmp_si(v, 2000050), 0);
    mpz_clear(v);
}
END_TEST

START_TEST(danish_categories)
{
    rfy_category c;
    ck_assert_int_eq(rfy_category_from_name(&c, "forsørger", strlen("forsørger")), 0);
    ck_assert_int_eq(c, RFY_CAT_FORSORGER);
    ck_assert_int_eq(rfy_category_from_name(&c, "Ikke-Forsørger", strlen("Ikke-Forsørger")), 0);
    ck_assert_int_eq(c, RFY_CAT_IKKE_FORSORGER);
    ck_assert_int_eq(rfy_category_from_name(&c, "U25-HJEMME", 10), 0);
    ck_assert_int_eq(c, RFY_CAT_U25_HJEMME);
    ck_assert_int_eq(rfy_category_from_name(&c, "u25 hjemme bidrag", 17), 0);
    ck_assert_int_eq(c, RFY_CAT_U25_HJEMME_BIDRAG);
    ck_assert_int_eq(rfy_category_from_name(&c, "forsørgerr", strlen("forsørgerr")), -1);
    ck_assert_int_eq(rfy_category_from_name(&c, "forsørge", strlen("forsørge")), -1);
}
END_TEST

/* ---- run_summary ----------------------------------------------------------------------- */

START_TEST(summary_reconciles)
{
    run_summary s;
    mpz_t g, d, p;
    run_summary_init(&s);
    /* 16382.00 + 16382.00 gross; deductions 2022.35 and 24022.35; paid 14359.65 + 0.00:
     * applied = 32764.00 − 14359.65 = 18404.35; beyond = 26044.70 − 18404.35 = 7640.35
     * (= 24022.35 − 16382.00, the part of S-3's deduction beyond its benefit) */
    mpz_init_set_si(g, 3276400);
    mpz_init_set_si(d, 2604470);
    mpz_init_set_si(p, 1435965);
    /* three rejects as the engine reports them: two of one kind (a sign), one of another */
    {
        static const char *const WAGE[] = {"-5", "2024-04", "+7", "2024-04"};
        static const char *const MONTH[] = {"2024-04", "2024-13", "2024-04"};
        rfy_case *c = rfy_case_new();
        rfy_error e;
        for (int i = 0; i < 3; i++) {
            rfy_field f[3] = {{"month", MONTH[i]}, {"category", "forsorger"},
                              {"wage", i == 1 ? "1" : WAGE[i]}};
            ck_assert_int_eq(rfy_case_from_fields(c, f, 3, NULL, &e), RFY_EINPUT);
            run_summary_reject(&s, &e, e.column, e.reason);
        }
        rfy_case_free(c);
    }
    run_summary_finish(&s, 5, 2, 3, g, d, p);
    ck_assert_int_eq(mpz_cmp_si(s.applied, 1840435), 0);
    ck_assert_int_eq(mpz_cmp_si(s.beyond, 764035), 0);
    ck_assert(run_summary_reconciles(&s));
    ck_assert_uint_eq(s.nreasons, 2);
    ck_assert_uint_eq(s.reasons[0].count, 2); /* commonest first */
    ck_assert_str_eq(s.reasons[0].code, "number_sign");
    ck_assert_str_eq(s.reasons[0].column, "wage");
    ck_assert_str_eq(s.reasons[0].reason, "wage '\xE2\x80\xA6' er ikke et gyldigt tal: fortegn er ikke "
                                          "tilladt (beløb er aldrig negative)");
    ck_assert_str_eq(s.reasons[1].code, "month_invalid");
    run_summary_clear(&s);
    mpz_clears(g, d, p, NULL);
}
END_TEST

static Suite *file_input_suite(void)
{
    Suite *s = suite_create("file_input");
    TCase *tc = tcase_create("files");
    tcase_add_test(tc, unknown_columns_in_one_message);
    tcase_add_test(tc, unknown_columns_in_danish);
    tcase_add_test(tc, header_messages_in_both_languages);
    tcase_add_test(tc, ignore_and_map_keep_positions);
    tcase_add_test(tc, decodes_to_utf8);
    tcase_add_test(tc, danish_thousands);
    tcase_add_test(tc, danish_categories);
    tcase_add_test(tc, summary_reconciles);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(file_input_suite());
}
