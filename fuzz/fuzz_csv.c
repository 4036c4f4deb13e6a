/*
 * Fuzz target: the streaming CSV reader and the field writer (rfy/csv.h).
 *
 * 1. The input is read as a CSV file with ',' and with ';'.  The callback
 *    touches every byte of every stored field (so ASan sees any read past a
 *    field) and checks what rfy/csv.h promises of each record.
 * 2. Round trip: the input is cut into records at 0x1E and fields at 0x1F
 *    (bytes that then never occur inside a field), every field is written
 *    with rfy_csv_write_field, and reading the text back must give the same
 *    records and fields byte for byte.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_targets.h"
#include <rfy/csv.h>
#include <rfy/status.h>

/* ---- 1. read anything ------------------------------------------------------ */

typedef struct read_state {
    unsigned long records, last_line;
    unsigned long stop_after; /* 0: never stop */
    unsigned sum;             /* keeps the byte reads from being optimised away */
} read_state;

static int on_any_record(void *user, const rfy_csv_record *rec)
{
    read_state *st = user;
    size_t i, kept = rec->nfields < RFY_CSV_MAX_FIELDS ? rec->nfields : RFY_CSV_MAX_FIELDS;
    FUZZ_CHECK(rec->nfields >= 1);
    FUZZ_CHECK(rec->index == st->records + 1);
    FUZZ_CHECK(rec->line >= 1 && rec->line >= st->last_line);
    for (i = 0; i < kept; i++) {
        size_t k;
        for (k = 0; k < rec->len[i]; k++)
            st->sum += (unsigned char)rec->field[i][k];
        FUZZ_CHECK(rec->field[i][rec->len[i]] == '\0');
    }
    st->records++;
    st->last_line = rec->line;
    return st->stop_after && st->records >= st->stop_after;
}

static void read_all(const char *buf, size_t len, char delimiter)
{
    read_state st = {0, 0, 0, 0};
    char *err = NULL;
    int rc = rfy_csv_read_buffer(buf, len, delimiter, on_any_record, &st, &err);
    FUZZ_CHECK(rc == RFY_OK || rc == RFY_ECSV || rc == RFY_ENOMEM);
    /* an error message exists exactly for a structural fault (or is NULL
     * when even it could not be allocated) */
    FUZZ_CHECK(rc == RFY_ECSV || err == NULL);
    if (err)
        FUZZ_CHECK(strncmp(err, "linje ", 6) == 0); /* Danish, the default */
    free(err);
    if (st.records > 0) {
        /* Stopping at the first record: the reader must not report success. */
        read_state one = {0, 0, 1, 0};
        rc = rfy_csv_read_buffer(buf, len, delimiter, on_any_record, &one, &err);
        FUZZ_CHECK(rc != RFY_OK);
        FUZZ_CHECK(one.records == 1);
        free(err);
    }
}

/* ---- 2. write, read back, compare ---------------------------------------- */

#define REC_SEP 0x1E
#define FIELD_SEP 0x1F
#define MAX_RECORDS 256

typedef struct span {
    const char *p;
    size_t n;
} span;

typedef struct trip {
    span field[MAX_RECORDS][RFY_CSV_MAX_FIELDS];
    size_t nfields[MAX_RECORDS];
    size_t nrecords, seen;
    int neutralise;
} trip;

static int is_formula_start(const span *f)
{
    return f->n > 0 && (f->p[0] == '=' || f->p[0] == '+' || f->p[0] == '-' || f->p[0] == '@' ||
                        f->p[0] == '\t' || f->p[0] == '\r');
}

static int on_trip_record(void *user, const rfy_csv_record *rec)
{
    trip *t = user;
    size_t i, r = t->seen++;
    FUZZ_CHECK(r < t->nrecords);
    FUZZ_CHECK(rec->nfields == t->nfields[r]);
    for (i = 0; i < rec->nfields; i++) {
        const span *f = &t->field[r][i];
        size_t lead = t->neutralise && is_formula_start(f) ? 1 : 0;
        FUZZ_CHECK(rec->len[i] == f->n + lead);
        if (lead)
            FUZZ_CHECK(rec->field[i][0] == '\'');
        FUZZ_CHECK(memcmp(rec->field[i] + lead, f->p, f->n) == 0);
    }
    return 0;
}

/* Cut data into records of fields.  A record of empty fields only would
 * be written as a blank line or a line of delimiters, which the reader
 * skips as no record: it is left out.  So is a file whose first field starts with a UTF-8 byte-order
 * mark, which the reader (rightly) skips as a BOM. */
static void cut(trip *t, const char *p, size_t n)
{
    size_t i, start = 0;
    size_t nf = 0;
    span cur[RFY_CSV_MAX_FIELDS];
    t->nrecords = 0;
    for (i = 0; i <= n && t->nrecords < MAX_RECORDS; i++) {
        int end_field = i == n || p[i] == FIELD_SEP || p[i] == REC_SEP;
        int end_record = i == n || p[i] == REC_SEP;
        if (end_field && nf < RFY_CSV_MAX_FIELDS) {
            cur[nf].p = p + start;
            cur[nf].n = i - start;
            nf++;
        }
        if (end_field)
            start = i + 1;
        if (end_record) {
            size_t k, filled = 0;
            for (k = 0; k < nf; k++)
                filled += cur[k].n > 0;
            if (filled > 0) { /* all fields empty: a blank line (or ";;;"), no record */
                memcpy(t->field[t->nrecords], cur, nf * sizeof cur[0]);
                t->nfields[t->nrecords++] = nf;
            }
            nf = 0;
        }
    }
}

static void round_trip(trip *t, char delimiter, int neutralise)
{
    char *text = NULL, *err = NULL;
    size_t len = 0, r, i;
    FILE *out = open_memstream(&text, &len);
    int rc;
    if (!out)
        return;
    for (r = 0; r < t->nrecords; r++) {
        for (i = 0; i < t->nfields[r]; i++) {
            if (i > 0)
                putc(delimiter, out);
            FUZZ_CHECK(rfy_csv_write_field(out, t->field[r][i].p, t->field[r][i].n, delimiter,
                                           neutralise) == 0);
        }
        fputs(r % 2 ? "\r\n" : "\n", out); /* both line ends are valid CSV */
    }
    if (fclose(out) != 0) {
        free(text);
        return;
    }
    t->seen = 0;
    t->neutralise = neutralise;
    rc = rfy_csv_read_buffer(text, len, delimiter, on_trip_record, t, &err);
    if (rc != RFY_ENOMEM) {
        FUZZ_CHECK(rc == RFY_OK);
        FUZZ_CHECK(t->seen == t->nrecords);
    }
    free(err);
    free(text);
}

int rfy_fuzz_csv(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    static trip t; /* 256 × 64 spans: too large for the stack */

    read_all(buf, size, ',');
    read_all(buf, size, ';');

    cut(&t, buf, size);
    if (t.nrecords > 0 && t.field[0][0].n >= 3 && memcmp(t.field[0][0].p, "\xEF\xBB\xBF", 3) == 0)
        return 0;
    round_trip(&t, ',', 0);
    round_trip(&t, ';', 0);
    round_trip(&t, ',', 1);
    return 0;
}

#ifdef RFY_FUZZ_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return rfy_fuzz_csv(data, size);
}
#endif
