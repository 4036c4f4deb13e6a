/*
 * The ledger's canonical input rows (calc/run/ledger_rows.c,
 * ledger_canonical_rows): one CSV line per period row, every input column
 * in rfy's order, each cell as read, quoted only when it holds ',', '"', CR
 * or LF, payment lines left out (docs/ledger.md).
 *
 * The fast way (runs of fields copied as one span, eight bytes at a time,
 * ledger_join_plain) must give the very bytes of the plain way it replaced:
 * every cell through rfy__batch_row_input_cell, quoted byte by byte.  That
 * plain way is kept here as the reference (reference_rows), and every
 * case-month of every file below is written both ways and compared byte
 * for byte; a few are also compared with their canonical text written out
 * by hand.  ledger_join_plain itself is tried on every byte that must or
 * must not stop it, at every place in a word.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rfy/rfy.h>
#include "check_run.h"
#include "ledger_internal.h"

static rfy_rates *rates;

static void setup(void)
{
    char *msg = NULL;
    ck_assert_int_eq(rfy_rates_load_builtin(&rates, &msg), RFY_OK);
}

static void teardown(void)
{
    rfy_rates_free(rates);
    rates = NULL;
}

/* ---- The reference: the canonical rows cell by cell, byte by byte ----------- */

static size_t reference_cell(char *d, const char *v, size_t n)
{
    int quote = 0;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (v[i] == ',' || v[i] == '"' || v[i] == '\r' || v[i] == '\n')
            quote = 1;
    if (!quote) {
        memcpy(d, v, n);
        return n;
    }
    d[k++] = '"';
    for (size_t i = 0; i < n; i++) {
        if (v[i] == '"')
            d[k++] = '"';
        d[k++] = v[i];
    }
    d[k++] = '"';
    return k;
}

/* The canonical rows of `row`, malloc'ed and NUL-terminated (*outlen bytes). */
static char *reference_rows(const rfy_batch_row *row, size_t *outlen)
{
    size_t cap = 1, len = 0;
    char *buf;
    for (size_t i = 0; i < row->nrows; i++)
        for (int col = 0; col < CASE_COL_COUNT; col++) {
            size_t n;
            (void)rfy__batch_row_input_cell(row, i, (case_column)col, &n);
            cap += 2 * n + 3;
        }
    buf = malloc(cap);
    if (!buf)
        return NULL;
    for (size_t i = 0; i < row->nrows; i++) {
        if (rfy_batch_row_is_payment(row, i))
            continue;
        for (int col = 0; col < CASE_COL_COUNT; col++) {
            size_t n;
            const char *v = rfy__batch_row_input_cell(row, i, (case_column)col, &n);
            if (col)
                buf[len++] = ',';
            len += reference_cell(buf + len, v, n);
        }
        buf[len++] = '\n';
    }
    buf[len] = '\0';
    *outlen = len;
    return buf;
}

/* ---- A run: every case-month written both ways ------------------------------- */

typedef struct seen {
    rfy_ledger lg;                /* only its rows buffer and plan are used */
    unsigned long casemonths, rejects;
    unsigned long differ;         /* case-months whose two texts differ */
    char first_differ[4096];      /* the first of them: fast, then reference */
    char *all;                    /* every case-month's canonical rows, in order */
    size_t len, cap;
    /* rfy's first 18 columns in its order (bench/gen.c's header): its period
     * rows, those ledger_join_plain took as they are, those with a ',' in
     * the case_id (quoted: it could not) */
    unsigned long rows18, joined18, comma_id18;
} seen;

static int on_row(void *user, const rfy_batch_row *row, rfy_error *err)
{
    seen *s = user;
    size_t n, rn;
    char *fast, *ref;
    int own_order = 1;
    (void)err;
    fast = ledger_canonical_rows(&s->lg, row, &n);
    ref = reference_rows(row, &rn);
    if (!fast || !ref) {
        free(ref);
        return RFY_ESTOP;
    }
    if (n != rn || memcmp(fast, ref, n) != 0 || fast[n] != '\0') {
        if (s->differ++ == 0)
            snprintf(s->first_differ, sizeof s->first_differ, "fast [%.*s]\nreference [%s]",
                     (int)n, fast, ref);
    }
    if (s->len + n + 1 > s->cap) {
        size_t c = (s->len + n + 1) * 2;
        char *p = realloc(s->all, c);
        if (!p) {
            free(ref);
            return RFY_ESTOP;
        }
        s->all = p;
        s->cap = c;
    }
    memcpy(s->all + s->len, fast, n + 1);
    s->len += n;
    s->casemonths++;
    free(ref);
    /* The fast way taken where it can be: rfy's first 18 columns as one run. */
    for (int col = 0; col < 18; col++)
        if (row->binding->field[col] != col)
            own_order = 0;
    for (size_t i = 0; own_order && i < row->nrows; i++) {
        char out[4096 + 8];
        const char *text;
        size_t idlen, span = rfy__batch_row_field_span(row, i, 0, 18, &text);
        const char *id = rfy__batch_row_input_cell(row, i, CASE_COL_CASE_ID, &idlen);
        if (rfy_batch_row_is_payment(row, i) || span == (size_t)-1 || span > 4096)
            continue;
        s->rows18++;
        s->joined18 += (unsigned long)ledger_join_plain(out, text, span, 17);
        s->comma_id18 += memchr(id, ',', idlen) != NULL;
    }
    return RFY_OK;
}

static int on_reject(void *user, const rfy_batch_reject *rej)
{
    (void)rej;
    ((seen *)user)->rejects++;
    return RFY_OK;
}

/* How a file is read (the rfy batch options that change the rows). */
typedef struct how {
    char delimiter;               /* 0: ',' */
    int decimal_comma;
    const char *ignore;           /* --ignore-columns, or NULL */
    const char *keep;             /* --keep-columns (one column), or NULL */
    int audit;                    /* the column `paid`, payment lines */
    int same_ledger;              /* s->lg as the run before left it (its plan) */
} how;

static void run_file(seen *s, FILE *in, const how *h)
{
    rfy_batch_config cfg;
    rfy_batch_stats *st = rfy_batch_stats_new();
    rfy_column_map *map = NULL;
    char *msg = NULL;
    const char *extra[1];
    rfy_ledger lg;
    ck_assert_ptr_nonnull(st);
    if (h->same_ledger)
        lg = s->lg;
    memset(s, 0, sizeof *s);
    if (h->same_ledger)
        s->lg = lg;
    memset(&cfg, 0, sizeof cfg);
    cfg.rates = rates;
    cfg.delimiter = h->delimiter ? h->delimiter : ',';
    cfg.amount = h->decimal_comma ? &RFY_AMOUNT_COMMA : &RFY_AMOUNT_DOT;
    cfg.on_row = on_row;
    cfg.on_reject = on_reject;
    cfg.user = s;
    if (h->ignore) {
        map = rfy_column_map_new();
        ck_assert_ptr_nonnull(map);
        ck_assert_int_eq(rfy_column_map_ignore(map, h->ignore, &msg), RFY_OK);
        cfg.columns = map;
    }
    if (h->keep || h->audit) {
        extra[0] = h->audit ? RFY_AUDIT_PAID_COLUMN : h->keep;
        cfg.extra_columns = extra;
        cfg.nextra = 1;
        cfg.has_payment_lines = h->audit;
        cfg.payment_extra = 0;
    }
    ck_assert_int_eq(rfy_batch_run(st, &cfg, in, &msg), RFY_OK);
    rfy_batch_stats_free(st);
    rfy_column_map_free(map);
    free(s->lg.rows_buf);
    s->lg.rows_buf = NULL;
    s->lg.rows_cap = 0;
}

static void run_text(seen *s, const char *csv, const how *h)
{
    FILE *in = fmemopen((void *)csv, strlen(csv), "r");
    ck_assert_ptr_nonnull(in);
    run_file(s, in, h);
    fclose(in);
}

/* Both ways gave the same bytes for every case-month, and none was rejected. */
#define CK_SAME(s, n_casemonths)                                                                  \
    do {                                                                                          \
        ck_assert_msg((s).differ == 0, "%lu case-months differ; the first:\n%s", (s).differ,     \
                      (s).first_differ);                                                          \
        ck_assert_uint_eq((s).rejects, 0);                                                        \
        ck_assert_uint_eq((s).casemonths, (n_casemonths));                                        \
    } while (0)

static void done(seen *s)
{
    free(s->all);
    s->all = NULL;
}

/* ---- Files --------------------------------------------------------------------- */

#define HEADER23                                                                                  \
    "case_id,month,category,forloeb,start,end,children,child_support,prior,prior_amount,"        \
    "prior_unit,prior_until,wage,holiday_pay,holiday_days,activation_income,activation_hours,"   \
    "other_income,holiday_ydelse_days,holiday_run_months,holiday_used_days,sanction_days,"       \
    "sanction_amount\n"

/* Every column, in rfy's order: the canonical rows are the file's own lines
 * (one run of 23 fields, its NULs turned into ','), two period rows of one
 * case-month; and a case_id with a ',' and '"' (read through libcsv, written
 * quoted again with its quotes doubled: the cell by cell way). */
START_TEST(own_order_every_column)
{
    static const char h1[] =
        "H1,2024-05,forsorger,ressourceforloeb,2024-05-01,2024-05-15,,,,,,,1000.00,,,,,,2,14,0.5,1,\n"
        "H1,2024-05,forsorger,ressourceforloeb,2024-05-16,2024-05-31,,,,,,,1000.00,,,,,,,14,0.5,,"
        "\n";
    static const char q[] = "\"Q \"\"1\"\", x\",2024-05,forsorger,,,,,,,,,,,,,,,,,,,,\n";
    char csv[1024];
    seen s;
    snprintf(csv, sizeof csv, "%s%s%s", HEADER23, h1, q);
    run_text(&s, csv, &(how){0});
    CK_SAME(s, 2);
    ck_assert_str_eq(s.all, "H1,2024-05,forsorger,ressourceforloeb,2024-05-01,2024-05-15,,,,,,,"
                            "1000.00,,,,,,2,14,0.5,1,\n"
                            "H1,2024-05,forsorger,ressourceforloeb,2024-05-16,2024-05-31,,,,,,,"
                            "1000.00,,,,,,,14,0.5,,\n"
                            "\"Q \"\"1\"\", x\",2024-05,forsorger,,,,,,,,,,,,,,,,,,,,\n");
    ck_assert_uint_eq(s.rows18, 3);
    ck_assert_uint_eq(s.joined18, 2); /* H1's two rows; Q's case_id must be quoted */
    ck_assert_uint_eq(s.comma_id18, 1);
    done(&s);
}
END_TEST

/* Another order and only four columns: the canonical row puts each cell in
 * rfy's place, the 19 missing columns empty: case_id, month, category, 9
 * empty cells (forloeb .. prior_until), wage, 10 empty cells. */
START_TEST(other_order_missing_columns)
{
    seen s;
    run_text(&s, "wage,category,month,case_id\n20000.00,forsorger,2024-05,A\n", &(how){0});
    CK_SAME(s, 1);
    ck_assert_str_eq(s.all, "A,2024-05,forsorger,,,,,,,,,,20000.00,,,,,,,,,,\n");
    done(&s);
}
END_TEST

/* A ';' file with decimal commas: the wage cell holds ',' and is quoted,
 * the rows are written with ',' whatever the file's delimiter. */
START_TEST(semicolon_file_with_commas_in_cells)
{
    seen s;
    run_text(&s,
             "case_id;month;category;wage;other_income\n"
             "A;2024-05;forsorger;20000,50;\n"
             "B;2024-05;forsorger;;100,00\n"
             "C;2024-05;forsorger;;\n",
             &(how){.delimiter = ';', .decimal_comma = 1});
    CK_SAME(s, 3);
    ck_assert_str_eq(s.all, "A,2024-05,forsorger,,,,,,,,,,\"20000,50\",,,,,,,,,,\n"
                            "B,2024-05,forsorger,,,,,,,,,,,,,,,\"100,00\",,,,,\n"
                            "C,2024-05,forsorger,,,,,,,,,,,,,,,,,,,,\n");
    done(&s);
}
END_TEST

/* Columns read past (--ignore-columns) and kept (--keep-columns) between
 * rfy's, each cell 1024 bytes (the kept one with ',' and '"'): they are in
 * the row but not in its canonical text, which skips them (runs: case_id;
 * month, category; wage). */
START_TEST(ignored_and_kept_columns_of_1024_bytes)
{
    char big[1024 + 1], note[1024 + 1], csv[8192];
    seen s;
    memset(big, 'x', 1024);
    big[1024] = '\0';
    memset(note, 'y', 1024);
    note[1024] = '\0';
    note[10] = ',';
    note[500] = '"'; /* written "" in the file */
    snprintf(csv, sizeof csv,
             "case_id,cpr,month,category,note,wage,navn\n"
             "B,%s,2024-05,forsorger,\"%.500s\"\"%s\",20000.00,%s\n"
             "C,%s,2024-06,forsorger,,,%s\n",
             big, note, note + 501, big, big, big);
    run_text(&s, csv, &(how){.ignore = "cpr,navn", .keep = "note"});
    CK_SAME(s, 2);
    ck_assert_str_eq(s.all, "B,2024-05,forsorger,,,,,,,,,,20000.00,,,,,,,,,,\n"
                            "C,2024-06,forsorger,,,,,,,,,,,,,,,,,,,,\n");
    done(&s);
}
END_TEST

/* An audit file: the payment line (case_id, month and paid only) joins its
 * case-month but is left out of its canonical rows (fixtures/casemonth/
 * payment.csv, P1's lines together). */
START_TEST(payment_lines_left_out)
{
    seen s;
    run_text(&s,
             "case_id,month,category,wage,paid\n"
             "P1,2024-05,forsorger,20000,14000.00\n"
             "P1,2024-05,,,359.65\n"
             "P2,2024-05,ikke_forsorger,,12326.00\n",
             &(how){.audit = 1});
    CK_SAME(s, 2);
    ck_assert_str_eq(s.all, "P1,2024-05,forsorger,,,,,,,,,,20000,,,,,,,,,,\n"
                            "P2,2024-05,ikke_forsorger,,,,,,,,,,,,,,,,,,,,\n");
    done(&s);
}
END_TEST

/* The benchmark's generator (bench/gen.c): 20 000 rows in rfy's first 18
 * columns, about one case in a hundred with a case_id that holds ',' (read
 * through libcsv).  Every case-month the same both ways, and every period
 * row taken the fast way except those whose case_id must be quoted. */
START_TEST(bench_generator_rows)
{
    char path[] = "/tmp/rfy_test_ledger_rows_XXXXXX", cmd[512];
    int fd = mkstemp(path);
    FILE *in;
    seen s;
    ck_assert_int_ge(fd, 0);
    close(fd);
    snprintf(cmd, sizeof cmd, "'%s/rfy_bench_gen' --rows 20000 -o '%s'", RFY_BINARY_DIR, path);
    ck_assert_int_eq(system(cmd), 0);
    in = fopen(path, "r");
    ck_assert_ptr_nonnull(in);
    run_file(&s, in, &(how){0});
    fclose(in);
    unlink(path);
    ck_assert_msg(s.differ == 0, "%lu case-months differ; the first:\n%s", s.differ,
                  s.first_differ);
    ck_assert_uint_eq(s.rejects, 0);
    ck_assert_uint_gt(s.casemonths, 10000);
    ck_assert_uint_eq(s.rows18, 20000);
    ck_assert_uint_gt(s.comma_id18, 0);
    ck_assert_uint_eq(s.joined18 + s.comma_id18, s.rows18);
    done(&s);
}
END_TEST

/* One ledger, two files: the second file's header puts the columns
 * elsewhere, and its rows are written by its own plan, not the first's. */
START_TEST(plan_made_again_for_another_file)
{
    seen s;
    memset(&s, 0, sizeof s);
    run_text(&s, "case_id,month,category,wage\nA,2024-05,forsorger,20000.00\n", &(how){0});
    CK_SAME(s, 1);
    ck_assert_str_eq(s.all, "A,2024-05,forsorger,,,,,,,,,,20000.00,,,,,,,,,,\n");
    done(&s);
    run_text(&s, "wage,category,month,case_id\n20000.00,forsorger,2024-05,A\n",
             &(how){.same_ledger = 1});
    CK_SAME(s, 1);
    ck_assert_str_eq(s.all, "A,2024-05,forsorger,,,,,,,,,,20000.00,,,,,,,,,,\n");
    done(&s);
}
END_TEST

/* ---- ledger_join_plain on its own ------------------------------------------------ */

/* A plain span of n bytes: letters, digits and UTF-8, a NUL every 5th byte.
 * Returns its NULs. */
static size_t plain_span(char *s, size_t n)
{
    static const char text[] = "0123456789.-abcXYZ\xc3\xa6\xc3\xb8 /:;";
    size_t nuls = 0;
    for (size_t i = 0; i < n; i++) {
        s[i] = (i % 5 == 4) ? '\0' : text[i % (sizeof text - 1)];
        nuls += s[i] == '\0';
    }
    return nuls;
}

/* Every length 0 .. 40 (whole words, tails, spans shorter than a word):
 * copied with its NULs turned into ',' and nothing else changed. */
START_TEST(join_plain_copies)
{
    char s[64] = {0}, d[64 + 8], want[64] = {0};
    for (size_t n = 0; n <= 40; n++) {
        size_t nuls = plain_span(s, n);
        for (size_t i = 0; i < n; i++)
            want[i] = s[i] ? s[i] : ',';
        memset(d, '#', sizeof d);
        ck_assert_int_eq(ledger_join_plain(d, s, n, nuls), 1);
        ck_assert_msg(memcmp(d, want, n) == 0, "n %zu", n);
        /* another count of NULs: a cell holds one of its own */
        ck_assert_int_eq(ledger_join_plain(d, s, n, nuls + 1), 0);
        if (nuls)
            ck_assert_int_eq(ledger_join_plain(d, s, n, nuls - 1), 0);
    }
}
END_TEST

/* ',', '"', CR and LF at every place of every length stop it. */
START_TEST(join_plain_stops_at_bytes_to_quote)
{
    static const char quote[] = {',', '"', '\r', '\n'};
    char s[64], d[64 + 8];
    for (size_t n = 1; n <= 40; n++)
        for (size_t at = 0; at < n; at++)
            for (size_t q = 0; q < sizeof quote; q++) {
                size_t nuls = plain_span(s, n);
                nuls -= s[at] == '\0';
                s[at] = quote[q];
                ck_assert_msg(ledger_join_plain(d, s, n, nuls) == 0, "n %zu at %zu byte %d", n,
                              at, quote[q]);
            }
}
END_TEST

/* Every other byte passes at every place of a word, those of 0x80 and more
 * too (0xAC, 0xA2, 0x8D, 0x8A are ',', '"', CR, LF with the high bit set). */
START_TEST(join_plain_passes_every_other_byte)
{
    char s[17], d[17 + 8];
    for (int b = 1; b < 256; b++) {
        if (b == ',' || b == '"' || b == '\r' || b == '\n')
            continue;
        for (size_t at = 0; at < sizeof s; at++) {
            memset(s, 'k', sizeof s);
            s[at] = (char)b;
            ck_assert_msg(ledger_join_plain(d, s, sizeof s, 0) == 1, "byte %d at %zu", b, at);
            ck_assert_msg(memcmp(d, s, sizeof s) == 0, "byte %d at %zu", b, at);
        }
    }
}
END_TEST

/* Two cells of 1024 bytes: copied whole; a byte to quote at either end of
 * either cell stops it (the first word, a middle one, the last). */
START_TEST(join_plain_cells_of_1024_bytes)
{
    static char s[2049], d[2049 + 8], want[2049];
    static const size_t at[] = {0, 7, 8, 1023, 1025, 2047, 2048};
    memset(s, 'z', sizeof s);
    s[1024] = '\0';
    memcpy(want, s, sizeof s);
    want[1024] = ',';
    ck_assert_int_eq(ledger_join_plain(d, s, sizeof s, 1), 1);
    ck_assert(memcmp(d, want, sizeof s) == 0);
    for (size_t i = 0; i < sizeof at / sizeof at[0]; i++) {
        s[at[i]] = '"';
        ck_assert_msg(ledger_join_plain(d, s, sizeof s, 1) == 0, "at %zu", at[i]);
        s[at[i]] = 'z';
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ledger_rows");
    TCase *runs = tcase_create("canonical rows");
    TCase *join = tcase_create("ledger_join_plain");
    tcase_add_checked_fixture(runs, setup, teardown);
    tcase_add_test(runs, own_order_every_column);
    tcase_add_test(runs, other_order_missing_columns);
    tcase_add_test(runs, semicolon_file_with_commas_in_cells);
    tcase_add_test(runs, ignored_and_kept_columns_of_1024_bytes);
    tcase_add_test(runs, payment_lines_left_out);
    tcase_add_test(runs, bench_generator_rows);
    tcase_add_test(runs, plan_made_again_for_another_file);
    tcase_add_test(join, join_plain_copies);
    tcase_add_test(join, join_plain_stops_at_bytes_to_quote);
    tcase_add_test(join, join_plain_passes_every_other_byte);
    tcase_add_test(join, join_plain_cells_of_1024_bytes);
    suite_add_tcase(s, runs);
    suite_add_tcase(s, join);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
