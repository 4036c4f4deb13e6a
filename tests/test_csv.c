/* Streaming CSV (include/rfy/csv.h, calc/run/csv_reader.c): records, line numbers, faults, writing. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/csv.h>
#include <rfy/status.h>
#include "check_run.h"

/* ---- a callback that keeps copies of the first records ------------------- */

#define KEEP_RECORDS 8
#define KEEP_FIELDS 4

typedef struct kept {
    unsigned long line, index;
    size_t nfields;
    char *field[KEEP_FIELDS];
    size_t len[KEEP_FIELDS];
} kept;

typedef struct collector {
    size_t n;           /* records seen */
    size_t stop_after;  /* 0: never stop */
    kept rec[KEEP_RECORDS];
} collector;

static int collect(void *user, const rfy_csv_record *r)
{
    collector *c = user;
    if (c->n < KEEP_RECORDS) {
        kept *k = &c->rec[c->n];
        k->line = r->line;
        k->index = r->index;
        k->nfields = r->nfields;
        for (size_t i = 0; i < r->nfields && i < KEEP_FIELDS; i++) {
            k->field[i] = malloc(r->len[i] + 1);
            memcpy(k->field[i], r->field[i], r->len[i] + 1); /* NUL-terminated copies */
            k->len[i] = r->len[i];
        }
    }
    c->n++;
    return c->stop_after && c->n >= c->stop_after;
}

static void collector_clear(collector *c)
{
    for (size_t i = 0; i < KEEP_RECORDS; i++)
        for (size_t j = 0; j < KEEP_FIELDS; j++)
            free(c->rec[i].field[j]);
    memset(c, 0, sizeof *c);
}

/* Read a string literal (sizeof − 1 bytes, so embedded NULs count). */
#define READ(c, lit, delim, err) rfy_csv_read_buffer(lit, sizeof(lit) - 1, delim, collect, c, err)

static void field_is(const collector *c, size_t r, size_t f, const char *want, size_t len)
{
    ck_assert_uint_gt(c->n, r);
    ck_assert_uint_gt(c->rec[r].nfields, f);
    ck_assert_uint_eq(c->rec[r].len[f], len);
    ck_assert_int_eq(memcmp(c->rec[r].field[f], want, len), 0);
    ck_assert_int_eq(c->rec[r].field[f][len], '\0');
}
#define FIELD_IS(c, r, f, lit) field_is(c, r, f, lit, sizeof(lit) - 1)

/* ---- structure ---------------------------------------------------------------- */

START_TEST(records_and_lines)
{
    collector c = {0};
    char *err = (char *)"untouched";
    /* line 1: header; lines 2-4: one record whose quoted field spans three
     * lines; line 5: the next record, which must say line 5. */
    ck_assert_int_eq(READ(&c, "h1,h2\n\"multi\nline\nfield\",x\nnext,y\n", ',', &err), RFY_OK);
    ck_assert_ptr_null(err); /* set to NULL on success */
    ck_assert_uint_eq(c.n, 3);
    ck_assert_uint_eq(c.rec[0].line, 1);
    ck_assert_uint_eq(c.rec[0].index, 1);
    FIELD_IS(&c, 0, 0, "h1");
    FIELD_IS(&c, 0, 1, "h2");
    ck_assert_uint_eq(c.rec[1].line, 2);
    ck_assert_uint_eq(c.rec[1].index, 2);
    ck_assert_uint_eq(c.rec[1].nfields, 2);
    FIELD_IS(&c, 1, 0, "multi\nline\nfield");
    FIELD_IS(&c, 1, 1, "x");
    ck_assert_uint_eq(c.rec[2].line, 5);
    ck_assert_uint_eq(c.rec[2].index, 3);
    FIELD_IS(&c, 2, 0, "next");
    collector_clear(&c);
}
END_TEST

START_TEST(crlf_and_bom)
{
    collector c = {0};
    ck_assert_int_eq(READ(&c, "\xEF\xBB\xBFkey,v\r\na,1\r\n\"q\r\nr\",2\r\nz,3\r\n", ',', NULL),
                     RFY_OK);
    ck_assert_uint_eq(c.n, 4);
    FIELD_IS(&c, 0, 0, "key"); /* the BOM is not part of the first field */
    FIELD_IS(&c, 0, 1, "v");   /* and CR is not part of the last */
    FIELD_IS(&c, 1, 1, "1");
    FIELD_IS(&c, 2, 0, "q\r\nr"); /* inside quotes CRLF is data */
    ck_assert_uint_eq(c.rec[2].line, 3);
    ck_assert_uint_eq(c.rec[3].line, 5);
    collector_clear(&c);
    /* A BOM-like sequence later in the file is data. */
    ck_assert_int_eq(READ(&c, "a\n\xEF\xBB\xBF" "b\n", ',', NULL), RFY_OK);
    FIELD_IS(&c, 1, 0, "\xEF\xBB\xBF" "b");
    collector_clear(&c);
    /* Only a BOM, or nothing: no records. */
    ck_assert_int_eq(READ(&c, "\xEF\xBB\xBF", ',', NULL), RFY_OK);
    ck_assert_uint_eq(c.n, 0);
    ck_assert_int_eq(READ(&c, "", ',', NULL), RFY_OK);
    ck_assert_uint_eq(c.n, 0);
}
END_TEST

START_TEST(blank_lines_and_no_final_newline)
{
    collector c = {0};
    /* lines: 1 "a,b"  2 ""  3 "\r"  4 ""  5 "c,d" (no newline at the end) */
    ck_assert_int_eq(READ(&c, "a,b\n\n\r\n\nc,d", ',', NULL), RFY_OK);
    ck_assert_uint_eq(c.n, 2);
    ck_assert_uint_eq(c.rec[0].line, 1);
    ck_assert_uint_eq(c.rec[1].line, 5);
    ck_assert_uint_eq(c.rec[1].index, 2); /* blank lines are not records */
    FIELD_IS(&c, 1, 0, "c");
    FIELD_IS(&c, 1, 1, "d");
    collector_clear(&c);
    /* leading blank lines */
    ck_assert_int_eq(READ(&c, "\n\nx\n", ',', NULL), RFY_OK);
    ck_assert_uint_eq(c.n, 1);
    ck_assert_uint_eq(c.rec[0].line, 3);
    collector_clear(&c);
}
END_TEST

START_TEST(fields_kept_exactly)
{
    collector c = {0};
    /* empty fields; spaces are not trimmed; a NUL byte inside a field keeps its length */
    ck_assert_int_eq(READ(&c, ",,x\n 12.50 ,\"\"\na\0b,\"c\0d\"\n", ',', NULL), RFY_OK);
    ck_assert_uint_eq(c.n, 3);
    ck_assert_uint_eq(c.rec[0].nfields, 3);
    FIELD_IS(&c, 0, 0, "");
    FIELD_IS(&c, 0, 1, "");
    FIELD_IS(&c, 1, 0, " 12.50 ");
    FIELD_IS(&c, 1, 1, "");
    FIELD_IS(&c, 2, 0, "a\0b");
    FIELD_IS(&c, 2, 1, "c\0d");
    collector_clear(&c);
    /* doubled quotes inside quotes */
    ck_assert_int_eq(READ(&c, "\"say \"\"hi\"\"\",x\n", ',', NULL), RFY_OK);
    FIELD_IS(&c, 0, 0, "say \"hi\"");
    collector_clear(&c);
}
END_TEST

/* More than RFY_CSV_MAX_FIELDS fields: all are counted, the first 64 kept. */
static int check_wide(void *user, const rfy_csv_record *r)
{
    (void)user;
    ck_assert_uint_eq(r->nfields, 70);
    ck_assert_uint_eq(r->len[63], 2);
    ck_assert_str_eq(r->field[63], "63");
    ck_assert_str_eq(r->field[0], "0");
    return 0;
}

START_TEST(many_fields)
{
    char buf[512];
    size_t n = 0;
    for (int i = 0; i < 70; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, i ? ",%d" : "%d", i);
    buf[n++] = '\n';
    ck_assert_int_eq(rfy_csv_read_buffer(buf, n, ',', check_wide, NULL, NULL), RFY_OK);
}
END_TEST

START_TEST(semicolon_delimiter)
{
    collector c = {0};
    ck_assert_int_eq(READ(&c, "a;b,c;\"d;e\"\n1;2,50;3\n", ';', NULL), RFY_OK);
    ck_assert_uint_eq(c.n, 2);
    ck_assert_uint_eq(c.rec[0].nfields, 3);
    FIELD_IS(&c, 0, 1, "b,c");
    FIELD_IS(&c, 0, 2, "d;e");
    FIELD_IS(&c, 1, 1, "2,50");
    collector_clear(&c);
}
END_TEST

/* ---- faults --------------------------------------------------------------------- */

static void expect_fault(const char *text, size_t len, const char *needle1, const char *needle2)
{
    collector c = {0};
    char *err = NULL;
    /* the English words (the Danish default: danish_by_default) */
    int rc = rfy_csv_read_buffer_lang(text, len, ',', collect, &c, RFY_LANG_EN, &err);
    ck_assert_int_eq(rc, RFY_ECSV);
    ck_assert_ptr_nonnull(err);
    ck_assert_msg(strstr(err, needle1) != NULL, "'%s' lacks '%s'", err, needle1);
    ck_assert_msg(strstr(err, needle2) != NULL, "'%s' lacks '%s'", err, needle2);
    free(err);
    collector_clear(&c);
}
#define FAULT(lit, n1, n2) expect_fault(lit, sizeof(lit) - 1, n1, n2)

START_TEST(unterminated_quote)
{
    /* the quote opens on line 2 and is never closed */
    FAULT("a,b\nc,\"open\nmore\nstill\n", "line 2", "unterminated");
    FAULT("\"", "line 1", "unterminated");
    /* after a quoted field spanning lines, the line of the next record */
    FAULT("a\n\"x\ny\"\nb,\"z\n", "line 4", "unterminated");
}
END_TEST

START_TEST(danish_by_default)
{
    /* a structural fault is a catalogue message with its data (rfy/messages.h):
     * Danish unless told, the same line and column in both languages */
    char *err = NULL;
    collector c = {0};
    ck_assert_int_eq(rfy_csv_read_buffer("a,b\nc,\"open\n", 12, ',', collect, &c, &err), RFY_ECSV);
    ck_assert_str_eq(err, "linje 2: et felt i anførselstegn i kolonne 2 slutter aldrig (et '\"' lukkes aldrig)");
    free(err);
    collector_clear(&c);
    ck_assert_int_eq(rfy_csv_read_buffer_lang("a,b\nc,d\"e\n", 10, ',', collect, &c, RFY_LANG_EN, &err),
                     RFY_ECSV);
    ck_assert_str_eq(err, "line 2: malformed quoting in column 2 (a '\"' inside an unquoted field, "
                          "or text after a closing quote)");
    free(err);
    collector_clear(&c);
    ck_assert_int_eq(rfy_csv_read_buffer("a,b\nc,d\"e\n", 10, ',', collect, &c, &err), RFY_ECSV);
    ck_assert_ptr_nonnull(strstr(err, "linje 2: fejl i anførselstegnene i kolonne 2"));
    free(err);
    collector_clear(&c);
}
END_TEST

START_TEST(stray_quote)
{
    FAULT("a,b\nc,d\"e\n", "line 2", "malformed quoting");
    FAULT("a,b\nc,d\ne,\"f\"g\n", "line 3", "malformed quoting");
    /* the check works without an errmsg too */
    ck_assert_int_eq(rfy_csv_read_buffer("x\"y\n", 4, ',', collect, &(collector){0}, NULL),
                     RFY_ECSV);
}
END_TEST

START_TEST(bare_cr_line_ends)
{
    /* Old-Mac / some spreadsheet exports end lines with a bare CR: each is a
     * line of its own (records on lines 1, 2, 3); a CRLF still counts once,
     * and a CR inside quotes is data but still a line end for counting. */
    collector c = {0};
    ck_assert_int_eq(READ(&c, "a,b\rc,d\r\ne,f\r\"g\rh\",i\rj,k", ',', NULL), RFY_OK);
    ck_assert_uint_eq(c.n, 5);
    ck_assert_uint_eq(c.rec[0].line, 1);
    ck_assert_uint_eq(c.rec[1].line, 2);
    ck_assert_uint_eq(c.rec[2].line, 3);
    ck_assert_uint_eq(c.rec[3].line, 4);
    FIELD_IS(&c, 3, 0, "g\rh");
    ck_assert_uint_eq(c.rec[4].line, 6);
    FIELD_IS(&c, 4, 1, "k");
    collector_clear(&c);
}
END_TEST


START_TEST(fault_names_the_column)
{
    /* a structural fault says which column it is in (1-based) */
    FAULT("a,b,c\nx,y\"z,w\n", "line 2", "malformed quoting in column 2");
    FAULT("a,b,c\nx,y,\"open\n", "line 2", "unterminated quoted field in column 3");
}
END_TEST

START_TEST(record_limit)
{
    /* The limit counts the bytes of the whole record.  The records below are
     * made of many short fields: libcsv grows its buffer for one field by 128
     * bytes at a time, so a single 1 MiB field costs seconds under ASan
     * (reallocs that copy), while the limit is the same either way. */
    size_t n = RFY_CSV_MAX_RECORD, i;
    char *buf = malloc(n + 64);
    collector c = {0};
    char *err = NULL;

    /* Exactly RFY_CSV_MAX_RECORD bytes including the '\n': "a,a,...,a\n"
     * (n is even, so n − 1 bytes of "a," pairs end with 'a' at n − 2). */
    for (i = 0; i < n - 1; i++)
        buf[i] = (i % 2) ? ',' : 'a';
    buf[n - 1] = '\n';
    ck_assert_int_eq(rfy_csv_read_buffer(buf, n, ',', collect, &c, &err), RFY_OK);
    ck_assert_ptr_null(err);
    ck_assert_uint_eq(c.n, 1);
    ck_assert_uint_eq(c.rec[0].nfields, n / 2); /* (n − 1 + 1) / 2 fields */
    collector_clear(&c);

    /* "ok\n", then line 2 one byte longer: "a,a,...,a,\n" (n + 1 bytes) */
    memcpy(buf, "ok\n", 3);
    for (i = 0; i < n; i++)
        buf[3 + i] = (i % 2) ? ',' : 'a';
    buf[n + 3] = '\n';
    ck_assert_int_eq(rfy_csv_read_buffer(buf, n + 4, ',', collect, &c, &err), RFY_ECSV);
    ck_assert_ptr_nonnull(err);
    ck_assert_ptr_nonnull(strstr(err, "linje 2:"));
    ck_assert_ptr_nonnull(strstr(err, "1 MiB"));
    ck_assert_uint_eq(c.n, 1); /* "ok" was delivered, the long record was not */
    free(err);
    collector_clear(&c);

    /* A record spanning many lines (quoted fields holding a newline:
     * "z<LF>",) over the limit names the line where it started (line 2). */
    memcpy(buf, "x\n", 2);
    for (i = 2; i + 5 <= n + 64; i += 5)
        memcpy(buf + i, "\"z\n\",", 5);
    ck_assert_int_eq(rfy_csv_read_buffer(buf, i, ',', collect, &c, &err), RFY_ECSV);
    ck_assert_ptr_nonnull(err);
    ck_assert_ptr_nonnull(strstr(err, "linje 2:"));
    ck_assert_ptr_nonnull(strstr(err, "1 MiB"));
    ck_assert_uint_eq(c.n, 1);
    free(err);
    collector_clear(&c);
    free(buf);
}
END_TEST

START_TEST(stop_from_callback)
{
    collector c = {0};
    char *err = (char *)"untouched";
    c.stop_after = 2;
    ck_assert_int_eq(READ(&c, "a\nb\nc\nd\n", ',', &err), RFY_ESTOP);
    ck_assert_uint_eq(c.n, 2); /* no record after the one that stopped */
    ck_assert_ptr_null(err);
    collector_clear(&c);
    /* stopping on the last record, which has no newline (delivered at the end) */
    c.stop_after = 3;
    ck_assert_int_eq(READ(&c, "a\nb\nc", ',', NULL), RFY_ESTOP);
    ck_assert_uint_eq(c.n, 3);
    collector_clear(&c);
}
END_TEST

/* ---- streaming ---------------------------------------------------------------------- */

typedef struct counter {
    unsigned long n;
    unsigned long last_line;
    unsigned long bad;
} counter;

static int count_row(void *user, const rfy_csv_record *r)
{
    counter *k = user;
    char want[24];
    k->n++;
    /* every row is "N,person N,123.45": field 1 is the row number */
    snprintf(want, sizeof want, "%lu", k->n);
    if (r->nfields != 3 || strcmp(r->field[0], want) != 0 || r->line != k->n ||
        r->index != k->n || strcmp(r->field[2], "123.45") != 0)
        k->bad++;
    k->last_line = r->line;
    return 0;
}

START_TEST(stream_200k)
{
    enum { ROWS = 200000 };
    FILE *f = tmpfile();
    counter k = {0, 0, 0};
    char *err = NULL;
    ck_assert_ptr_nonnull(f);
    for (unsigned long i = 1; i <= ROWS; i++)
        fprintf(f, "%lu,\"person %lu\",123.45\n", i, i);
    rewind(f);
    ck_assert_int_eq(rfy_csv_read_stream(f, ',', count_row, &k, &err), RFY_OK);
    ck_assert_ptr_null(err);
    ck_assert_uint_eq(k.n, ROWS);
    ck_assert_uint_eq(k.last_line, ROWS);
    ck_assert_uint_eq(k.bad, 0);
    fclose(f);
}
END_TEST

START_TEST(crlf_across_chunk_boundary)
{
    /* The stream reader reads 64 KiB chunks.  Put the CR of a CRLF as the last
     * byte of the first chunk and its LF as the first byte of the second: the
     * line counts once, so the record after it is on line 3. */
    enum { CHUNK = 1 << 16 };
    FILE *f = tmpfile();
    counter k = {0, 0, 0};
    char *err = NULL;
    ck_assert_ptr_nonnull(f);
    fputs("h\n", f);                      /* line 1: 2 bytes */
    for (long i = 2; i < CHUNK - 1; i++)   /* line 2: CHUNK − 3 bytes of 'x' ... */
        fputc('x', f);
    fputs("\r\nlast\n", f);               /* ... its CR at byte CHUNK − 1, LF at CHUNK */
    rewind(f);
    ck_assert_int_eq(rfy_csv_read_stream(f, ',', count_row, &k, &err), RFY_OK);
    ck_assert_uint_eq(k.n, 3);
    ck_assert_uint_eq(k.last_line, 3);
    fclose(f);
}
END_TEST

START_TEST(stream_faults)
{
    /* the stream reader reports the same faults with the same lines */
    FILE *f = tmpfile();
    collector c = {0};
    char *err = NULL;
    fputs("\xEF\xBB\xBFh\r\na\r\nb,\"c\nd\n", f);
    rewind(f);
    ck_assert_int_eq(rfy_csv_read_stream(f, ',', collect, &c, &err), RFY_ECSV);
    ck_assert_uint_eq(c.n, 2);
    FIELD_IS(&c, 0, 0, "h");
    ck_assert_ptr_nonnull(strstr(err, "linje 3"));
    free(err);
    collector_clear(&c);
    fclose(f);
}
END_TEST

/* ---- writing ------------------------------------------------------------------------ */

/* What rfy_csv_write_field writes for s[0..len). */
static char *written(const char *s, size_t len, char delim, int neutralise, size_t *outlen)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(rfy_csv_write_field(f, s, len, delim, neutralise), 0);
    fclose(f);
    if (outlen)
        *outlen = n;
    return buf;
}

static void writes(const char *s, char delim, int neutralise, const char *want)
{
    char *got = written(s, strlen(s), delim, neutralise, NULL);
    ck_assert_msg(strcmp(got, want) == 0, "'%s' written as '%s', expected '%s'", s, got, want);
    free(got);
}

START_TEST(write_field)
{
    writes("plain", ',', 1, "plain");
    writes("", ',', 1, "");
    writes("12.50", ',', 1, "12.50");
    writes("a,b", ',', 1, "\"a,b\"");
    writes("say \"hi\"", ',', 1, "\"say \"\"hi\"\"\"");
    writes("\"", ',', 0, "\"\"\"\"");
    writes("two\nlines", ',', 0, "\"two\nlines\"");
    writes("cr\rhere", ',', 0, "\"cr\rhere\"");
    /* the delimiter decides what needs quotes */
    writes("a,b", ';', 1, "a,b");
    writes("a;b", ';', 1, "\"a;b\"");
    writes("a;b", ',', 1, "a;b");
    /* formula neutralisation (OWASP): = + - @ TAB CR first */
    writes("=SUM(A1)", ',', 1, "'=SUM(A1)");
    writes("-5", ',', 1, "'-5");
    writes("+5", ',', 1, "'+5");
    writes("@cmd", ',', 1, "'@cmd");
    writes("\tx", ',', 1, "'\tx");
    writes("\rx", ',', 1, "\"'\rx\"");
    writes("=1,2", ',', 1, "\"'=1,2\"");
    writes("=HYPERLINK(\"x\")", ',', 1, "\"'=HYPERLINK(\"\"x\"\")\"");
    /* only the first byte matters; and neutralise = 0 writes the text as is */
    writes("5-", ',', 1, "5-");
    writes("a=b", ',', 1, "a=b");
    writes("=SUM(A1)", ',', 0, "=SUM(A1)");
    writes("-5", ',', 0, "-5");
}
END_TEST

START_TEST(write_field_nul_and_round_trip)
{
    /* a NUL byte is written as is, and every field reads back unchanged */
    static const char odd[] = "a\0b,\"c\"\r\nd";
    size_t n;
    char *out = written(odd, sizeof odd - 1, ',', 0, &n);
    collector c = {0};
    ck_assert_uint_eq(n, (sizeof odd - 1) + 2 + 2); /* two quotes around, two doubled */
    ck_assert_int_eq(rfy_csv_read_buffer(out, n, ',', collect, &c, NULL), RFY_OK);
    ck_assert_uint_eq(c.n, 1);
    ck_assert_uint_eq(c.rec[0].nfields, 1);
    FIELD_IS(&c, 0, 0, "a\0b,\"c\"\r\nd");
    free(out);
    collector_clear(&c);
}
END_TEST

START_TEST(write_error)
{
    /* a stream that cannot be written: EOF */
    FILE *f = fopen("/dev/null", "r");
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(rfy_csv_write_field(f, "x", 1, ',', 0), EOF);
    ck_assert_int_eq(rfy_csv_write_field(f, "a,b", 3, ',', 0), EOF);
    fclose(f);
}
END_TEST

static Suite *csv_suite(void)
{
    Suite *s = suite_create("csv");
    TCase *tc = tcase_create("read");
    tcase_add_test(tc, records_and_lines);
    tcase_add_test(tc, crlf_and_bom);
    tcase_add_test(tc, blank_lines_and_no_final_newline);
    tcase_add_test(tc, fields_kept_exactly);
    tcase_add_test(tc, many_fields);
    tcase_add_test(tc, semicolon_delimiter);
    suite_add_tcase(s, tc);
    tc = tcase_create("faults");
    tcase_add_test(tc, unterminated_quote);
    tcase_add_test(tc, danish_by_default);
    tcase_add_test(tc, stray_quote);
    tcase_add_test(tc, record_limit);
    tcase_add_test(tc, stop_from_callback);
    suite_add_tcase(s, tc);
    tc = tcase_create("stream");
    tcase_add_test(tc, stream_200k);
    tcase_add_test(tc, stream_faults);
    suite_add_tcase(s, tc);
    tc = tcase_create("write");
    tcase_add_test(tc, write_field);
    tcase_add_test(tc, write_field_nul_and_round_trip);
    tcase_add_test(tc, write_error);
    tcase_add_test(tc, bare_cr_line_ends);
    tcase_add_test(tc, crlf_across_chunk_boundary);
    tcase_add_test(tc, fault_names_the_column);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(csv_suite());
}
