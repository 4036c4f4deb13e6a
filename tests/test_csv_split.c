/* The CSV reader's own split of plain lines (calc/run/csv_reader.c) against
 * libcsv itself: a line without a quote is split by rfy without libcsv, any
 * other line goes through libcsv, and both must give exactly the records
 * libcsv gives for the whole input (strict, no space trimming), from a
 * buffer and from a stream read in 64 KiB pieces. */
#include <check.h>
#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/csv.h>
#include <rfy/status.h>
#include "check_run.h"

/* ---- records written out as text, to compare two readings ------------------ */

typedef struct dump {
    char *s;
    size_t len, cap;
    size_t nfields;                   /* the reference's record being built */
    int only_empty;
    char *rec;                        /* ... its text */
    size_t rec_len, rec_cap;
} dump;

static void put(char **s, size_t *len, size_t *cap, const void *p, size_t n)
{
    if (*len + n + 1 > *cap) {
        *cap = (*len + n + 1) * 2;
        *s = realloc(*s, *cap);
        ck_assert_ptr_nonnull(*s);
    }
    memcpy(*s + *len, p, n);
    *len += n;
    (*s)[*len] = '\0';
}

/* One field as "LEN:BYTES|" (only the first RFY_CSV_MAX_FIELDS are kept). */
static void put_field(char **s, size_t *len, size_t *cap, const char *f, size_t n)
{
    char head[32];
    put(s, len, cap, head, (size_t)snprintf(head, sizeof head, "%zu:", n));
    put(s, len, cap, f, n);
    put(s, len, cap, "|", 1);
}

/* rfy's reader: every record as "NFIELDS=" and its kept fields, one a line;
 * each field must be NUL-terminated where the record says it ends. */
static int rfy_record(void *user, const rfy_csv_record *r)
{
    dump *d = user;
    char head[32];
    put(&d->s, &d->len, &d->cap, head, (size_t)snprintf(head, sizeof head, "%zu=", r->nfields));
    for (size_t i = 0; i < r->nfields && i < RFY_CSV_MAX_FIELDS; i++) {
        ck_assert_int_eq(r->field[i][r->len[i]], '\0');
        put_field(&d->s, &d->len, &d->cap, r->field[i], r->len[i]);
    }
    put(&d->s, &d->len, &d->cap, "\n", 1);
    return 0;
}

/* libcsv alone, as the reader sets it up. */
static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

static void ref_field(void *s, size_t n, void *user)
{
    dump *d = user;
    if (d->nfields < RFY_CSV_MAX_FIELDS)
        put_field(&d->rec, &d->rec_len, &d->rec_cap, s ? s : "", n);
    if (n)
        d->only_empty = 0;
    d->nfields++;
}

static void ref_record(int term, void *user)
{
    dump *d = user;
    char head[32];
    (void)term;
    /* a line of delimiters only is a blank line for rfy (rfy/csv.h) */
    if (!(d->nfields >= 2 && d->nfields <= RFY_CSV_MAX_FIELDS && d->only_empty)) {
        put(&d->s, &d->len, &d->cap, head, (size_t)snprintf(head, sizeof head, "%zu=", d->nfields));
        put(&d->s, &d->len, &d->cap, d->rec ? d->rec : "", d->rec_len);
        put(&d->s, &d->len, &d->cap, "\n", 1);
    }
    d->nfields = 0;
    d->only_empty = 1;
    d->rec_len = 0;
}

/* libcsv's records of text[0..n), and whether it parsed it all. */
static int reference(dump *d, const char *text, size_t n, char delim)
{
    struct csv_parser p;
    int ok;
    memset(d, 0, sizeof *d);
    d->only_empty = 1;
    ck_assert_int_eq(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
    csv_set_delim(&p, (unsigned char)delim);
    csv_set_space_func(&p, no_space);
    ok = csv_parse(&p, text, n, ref_field, ref_record, d) == n &&
         csv_fini(&p, ref_field, ref_record, d) == 0;
    csv_free(&p);
    free(d->rec);
    d->rec = NULL;
    return ok;
}

/* rfy's reader on the same bytes, from a buffer and from a stream: both give
 * libcsv's records, and fail where it fails. */
static void same_as_libcsv(const char *text, size_t n, char delim)
{
    dump want, got;
    char *err = NULL;
    int ok = reference(&want, text, n, delim), rc;
    FILE *f;

    memset(&got, 0, sizeof got);
    rc = rfy_csv_read_buffer(text, n, delim, rfy_record, &got, &err);
    ck_assert_int_eq(rc, ok ? RFY_OK : RFY_ECSV);
    ck_assert_msg(got.len == want.len && (want.len == 0 || memcmp(got.s, want.s, want.len) == 0),
                  "buffer: rfy\n%s\nlibcsv\n%s", got.s ? got.s : "", want.s ? want.s : "");
    free(err);
    free(got.s);

    memset(&got, 0, sizeof got);
    err = NULL;
    ck_assert_ptr_nonnull(f = tmpfile());
    ck_assert_uint_eq(fwrite(text, 1, n, f), n);
    rewind(f);
    rc = rfy_csv_read_stream(f, delim, rfy_record, &got, &err);
    fclose(f);
    ck_assert_int_eq(rc, ok ? RFY_OK : RFY_ECSV);
    ck_assert_msg(got.len == want.len && (want.len == 0 || memcmp(got.s, want.s, want.len) == 0),
                  "stream: rfy and libcsv differ (%zu and %zu bytes)", got.len, want.len);
    free(err);
    free(got.s);
    free(want.s);
}
#define SAME(lit, delim) same_as_libcsv(lit, sizeof(lit) - 1, delim)

/* ---- edge cells ----------------------------------------------------------------- */

START_TEST(edge_lines)
{
    SAME("a,b,c\n", ',');
    SAME("a,b,c\r\n", ',');
    SAME("a,b,c\rd,e\r", ',');              /* bare CR line ends */
    SAME("a,b,c", ',');                     /* no final line end */
    SAME(",\n,,\n,,,x\nx,,,\n", ',');       /* empty fields; lines of delimiters only */
    SAME("\n\r\n\r\n\na\n", ',');            /* blank lines */
    SAME(" 1 , 2 \t,\t\n", ',');             /* spaces and tabs are data */
    SAME("a\0b,\0,c\0\n", ',');              /* NUL bytes are data */
    SAME("\"q,r\",s\nt,\"u\"\"v\"\nw,x\n", ','); /* quoted lines go through libcsv */
    SAME("a,\"b\nc\",d\ne,f\n", ',');        /* a quoted field over two lines, then a plain one */
    SAME("a,b\"c\nd\n", ',');                /* a stray quote: libcsv's fault */
    SAME("a;b,c;d\r\n1;2,50;3\r\n", ';');
    SAME("a\tb\tc\n\t\t\n", '\t');
    SAME("12345678,12345678,1234567,\n", ',');  /* delimiters at the ends of 8-byte words */
    SAME(",,,,,,,,,,,,,,,,,x\n", ',');
}
END_TEST

/* More than RFY_CSV_MAX_FIELDS fields, on a plain line: all counted, 64 kept. */
START_TEST(wide_plain_line)
{
    char buf[1024];
    size_t n = 0;
    for (int i = 0; i < 200; i++)
        n += (size_t)snprintf(buf + n, sizeof buf - n, i ? ",%d" : "%d", i);
    buf[n++] = '\n';
    same_as_libcsv(buf, n, ',');
}
END_TEST

/* A cell of 1024 bytes (the longest a ledger stores), alone, between others,
 * and quoted. */
START_TEST(cell_of_1024_bytes)
{
    char buf[4096];
    size_t n = 0;
    memcpy(buf + n, "x,", 2), n += 2;
    memset(buf + n, 'c', 1024), n += 1024;
    memcpy(buf + n, ",y\n", 3), n += 3;
    memset(buf + n, 'd', 1024), n += 1024;
    memcpy(buf + n, "\n\"", 2), n += 2;
    memset(buf + n, 'e', 1024), n += 1024;
    memcpy(buf + n, "\",z\n", 4), n += 4;
    same_as_libcsv(buf, n, ',');
}
END_TEST

/* Records across the stream's 64 KiB reads: a plain record whose line is cut
 * by the end of a read (each read boundary falls at a different place in a
 * record: the record's length does not divide 64 KiB), a CRLF cut between
 * its CR and LF, and a quoted record cut. */
START_TEST(records_across_reads)
{
    enum { N = 3 * 65536 + 1000 };
    char *buf = malloc(N + 64);
    size_t n = 0;
    unsigned long i = 0;
    ck_assert_ptr_nonnull(buf);
    while (n < N) {
        if (i % 7 == 3)
            n += (size_t)snprintf(buf + n, 64, "\"q%lu\",\"a\nb\",%lu\r\n", i, i);
        else
            n += (size_t)snprintf(buf + n, 64, "r%lu,,%lu.5,x%s", i, i * 37, i % 5 ? "\n" : "\r\n");
        i++;
    }
    same_as_libcsv(buf, n, ',');
    /* a CR as the last byte of the first read, its LF the first of the second */
    memset(buf, 'x', 65536);
    buf[65534] = ',';
    buf[65535] = '\r';
    memcpy(buf + 65536, "\nlast,one\n", 10);
    same_as_libcsv(buf, 65546, ',');
    free(buf);
}
END_TEST

/* Random texts over the bytes that matter (delimiter, quote, CR, LF, NUL,
 * space, letters): rfy's split and libcsv never disagree.  A fixed seed:
 * the same texts every run. */
START_TEST(random_texts)
{
    /* the quote last: the even texts have none (every line is split by rfy) */
    static const char alphabet[] = {'a', 'b', ',', ',', ',', '\r', '\n', '\n', '\0', ' ', '7', '"'};
    uint64_t x = 20250601;
    char buf[160];
    for (int t = 0; t < 4000; t++) {
        size_t n = 0, len;
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        len = (size_t)(x % sizeof buf);
        for (n = 0; n < len; n++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            buf[n] = alphabet[(x >> 8) % (t % 2 ? sizeof alphabet : sizeof alphabet - 1)];
        }
        same_as_libcsv(buf, n, ',');
    }
}
END_TEST

static Suite *csv_split_suite(void)
{
    Suite *s = suite_create("csv_split");
    TCase *tc = tcase_create("split");
    tcase_add_test(tc, edge_lines);
    tcase_add_test(tc, wide_plain_line);
    tcase_add_test(tc, cell_of_1024_bytes);
    tcase_add_test(tc, records_across_reads);
    tcase_add_test(tc, random_texts);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(csv_split_suite());
}
