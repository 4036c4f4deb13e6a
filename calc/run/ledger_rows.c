/*
 * A case-month's canonical input rows, as the ledger stores them
 * (ledger_internal.h: ledger_canonical_rows; docs/ledger.md): every input
 * column in rfy's order, each cell as read, CSV with ','.  Called for every
 * case-month a run stores, so it is written for speed (docs/performance.md):
 *
 * The columns the file has in rfy's order, next to each other (all of them
 * for a file with rfy's own header), are a run of fields that lie one after
 * another in the batch's chunk, each followed by its NUL
 * (rfy__batch_row_field_span).  When no cell of a run needs quoting, its
 * canonical text is that span with each NUL turned into ',': one pass, eight
 * bytes at a time, that copies and checks together.  A run that holds a
 * byte to quote, or a NUL of its own, is written cell by cell instead, as
 * the canonical form says; the result is the same bytes either way.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/batch.h>
#include "case_from_cells.h"
#include "ledger_internal.h"

/* Room for `need` more bytes after the first `len` of *buf (*cap bytes).
 * Returns 0, or -1 when out of memory. */
static int rows_room(char **buf, size_t *cap, size_t len, size_t need)
{
    if (len + need > *cap) {
        size_t c = *cap ? *cap : 512;
        while (c < len + need)
            c *= 2;
        char *p = realloc(*buf, c);
        if (!p)
            return -1;
        *buf = p;
        *cap = c;
    }
    return 0;
}

/* One cell at d as CSV (RFC 4180 with ','): as it is, or quoted with its
 * quotes doubled when it holds ',', '"', CR or LF.  d has room for 2n + 2
 * bytes.  Returns the bytes written.  The way of a run that ledger_join_plain
 * cannot take. */
static size_t put_cell(char *d, const char *v, size_t n)
{
    size_t i, k;
    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)v[i];
        if (ch <= '"' && (ch == '"' || ch == '\n' || ch == '\r'))
            break;
        if (ch == ',')
            break;
        d[i] = (char)ch;
    }
    if (i == n)
        return n; /* the usual case: copied as it is */
    k = 0;
    d[k++] = '"';
    for (i = 0; i < n; i++) {
        if (v[i] == '"')
            d[k++] = '"';
        d[k++] = v[i];
    }
    d[k++] = '"';
    return k;
}

#define BYTES_01 0x0101010101010101ULL
#define BYTES_7F 0x7F7F7F7F7F7F7F7FULL
#define BYTES_80 0x8080808080808080ULL

/*
 * One word w of a span (eight bytes, as read): the bytes to quote and the
 * NULs among those that `fresh` marks (0xFF there, 0 for a byte looked at
 * before) go into *quoted (a high bit set where one was seen) and *zeros
 * (counted).  Returns w with each of its NULs turned into ','.
 *
 * A byte's high bit in `differs` stays set while it differs from every
 * byte to quote (adding 0x7F to its low seven bits, after an exclusive-or
 * with the byte sought, carries into the high bit exactly when they differ;
 * a byte of 0x80 or more differs from all of them), and its high bit in
 * `zero` is set exactly when it is NUL.  Neither carries between bytes, so
 * nothing depends on byte order.
 */
static inline uint64_t join_word(uint64_t w, uint64_t fresh, uint64_t *quoted, size_t *zeros)
{
    const uint64_t comma = BYTES_01 * ',', quote = BYTES_01 * '"';
    const uint64_t cr = BYTES_01 * '\r', lf = BYTES_01 * '\n';
    uint64_t low = w & BYTES_7F, differs, zero;
    differs = ((low ^ comma) + BYTES_7F) & ((low ^ quote) + BYTES_7F) & ((low ^ cr) + BYTES_7F) &
              ((low ^ lf) + BYTES_7F);
    *quoted |= ~(differs | w) & fresh & BYTES_80;
    zero = ~((low + BYTES_7F) | w) & BYTES_80;
    *zeros += (size_t)((((zero & fresh) >> 7) * BYTES_01) >> 56); /* the sum of the 0/1 bytes */
    return w | (zero >> 7) * ','; /* no carry: 0 | ',' */
}

/* FRESH + r: a word whose last r bytes (in memory) are 0xFF, the others 0
 * (join_word's `fresh` for the last r bytes of a span). */
static const unsigned char FRESH[16] = {0, 0, 0, 0, 0, 0, 0, 0,
                                        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

/* ledger_join_plain (ledger_internal.h), inlined into the loop below.
 * Eight bytes at a time (join_word); the last word of a span of eight bytes
 * or more is its last eight bytes, those already looked at written again
 * the same and not counted twice. */
static inline int join_plain(char *d, const char *s, size_t n, size_t nuls)
{
    uint64_t quoted = 0, w, fresh;
    size_t zeros = 0, i = 0;
    if (n < 8) {
        w = BYTES_01 * 'a'; /* padded with a byte that is neither */
        memcpy(&w, s, n);
        w = join_word(w, ~(uint64_t)0, &quoted, &zeros);
        memcpy(d, &w, 8);
        return quoted == 0 && zeros == nuls;
    }
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        w = join_word(w, ~(uint64_t)0, &quoted, &zeros);
        memcpy(d + i, &w, 8);
    }
    if (i < n) {
        memcpy(&w, s + n - 8, 8);
        memcpy(&fresh, FRESH + (n - i), 8);
        w = join_word(w, fresh, &quoted, &zeros);
        memcpy(d + n - 8, &w, 8);
    }
    return quoted == 0 && zeros == nuls;
}

int ledger_join_plain(char *d, const char *s, size_t n, size_t nuls)
{
    return join_plain(d, s, n, nuls);
}

typedef struct ledger_cell_run cell_run;

/* A line's last `trail` separators (trail < CASE_COL_COUNT) and its '\n':
 * the CASE_COL_COUNT bytes from LINE_END + CASE_COL_COUNT - 1 - trail, one
 * copy of a fixed size (the bytes after the '\n' are not counted). */
static const char LINE_END[2 * CASE_COL_COUNT] = ",,,,,,,,,,,,,,,,,,,,,,\n";
_Static_assert(CASE_COL_COUNT == 23, "LINE_END holds CASE_COL_COUNT - 1 separators");

/* lg->rows_plan for binding b: kept when it was made from the same fields
 * (a run's case-months share one binding), else made again. */
static const ledger_rows_plan *plan_rows(rfy_ledger *lg, const case_binding *b)
{
    ledger_rows_plan *p = &lg->rows_plan;
    int col, commas = 0;
    if (p->nrun && memcmp(p->field, b->field, sizeof p->field) == 0)
        return p;
    memcpy(p->field, b->field, sizeof p->field);
    p->nrun = 0;
    for (col = 0; col < CASE_COL_COUNT; col++) {
        int f = b->field[col];
        cell_run *last = p->nrun ? &p->run[p->nrun - 1] : NULL;
        if (col)
            commas++; /* the separator before this column's cell */
        if (f < 0)
            continue; /* an empty cell: its separator only */
        if (last && last->col + last->k == col && last->field + last->k == f && commas == 1) {
            last->k++; /* the next field: the same run */
        } else {
            p->run[p->nrun].col = col;
            p->run[p->nrun].field = f;
            p->run[p->nrun].k = 1;
            p->run[p->nrun].lead = commas;
            p->nrun++;
        }
        commas = 0;
    }
    p->trail = commas;
    return p;
}

/* Run r's cells of row i at d, cell by cell (a cell the row does not have
 * is empty).  d has room for 2 × (the cells' bytes) + 2 × r->k bytes.
 * Returns the bytes written. */
static size_t put_run_cells(char *d, const rfy_batch_row *row, size_t i, const cell_run *r)
{
    size_t len = 0, n;
    for (int c = 0; c < r->k; c++) {
        const char *v = rfy__batch_row_input_cell(row, i, (case_column)(r->col + c), &n);
        if (c)
            d[len++] = ',';
        len += put_cell(d + len, v, n);
    }
    return len;
}

/*
 * The canonical input rows of a case-month: one CSV line per period row,
 * every input column in rfy's order (case_column), each cell as given, so
 * that the case-month can be read again with rfy_case_from_fields()
 * whatever the file's header names, column order or delimiter were.
 */
char *ledger_canonical_rows(rfy_ledger *lg, const rfy_batch_row *row, size_t *outlen)
{
    return ledger_canonical_rows_at(lg, row, &lg->rows_buf, &lg->rows_cap, 0, outlen);
}

char *ledger_canonical_rows_at(rfy_ledger *lg, const rfy_batch_row *row, char **buf, size_t *cap,
                               size_t at, size_t *outlen)
{
    const ledger_rows_plan *plan = plan_rows(lg, row->binding);
    size_t len = at;
    for (size_t i = 0; i < row->nrows; i++) {
        if (rfy_batch_row_is_payment(row, i))
            continue;
        for (int k = 0; k < plan->nrun; k++) {
            const cell_run *r = &plan->run[k];
            const char *text = "";
            size_t span = rfy__batch_row_field_span(row, i, r->field, r->k, &text);
            /* Room for the lead separators and then either the span as it is
             * (span + 8 bytes: its last word is written whole) or its k cells
             * quoted (at most 2 × their bytes + 3k − 1, with k <= 23). */
            size_t need = (size_t)r->lead + (size_t)CASE_COL_COUNT + 9;
            char *d;
            if (span == (size_t)-1) { /* a short row: its cells one by one */
                size_t n;
                need += 2 * (size_t)r->k;
                for (int c = 0; c < r->k; c++) {
                    (void)rfy__batch_row_input_cell(row, i, (case_column)(r->col + c), &n);
                    need += 2 * n;
                }
            } else {
                need += 2 * span + 2 * (size_t)r->k; /* the cells' bytes are at most span */
            }
            if (rows_room(buf, cap, len, need) != 0)
                return NULL;
            d = *buf + len;
            for (int c = 0; c < r->lead; c++)
                *d++ = ',';
            if (span != (size_t)-1 && join_plain(d, text, span, (size_t)r->k - 1))
                d += span;
            else
                d += put_run_cells(d, row, i, r);
            len = (size_t)(d - *buf);
        }
        /* the missing columns' separators after the last run, and the line's end */
        if (rows_room(buf, cap, len, CASE_COL_COUNT) != 0)
            return NULL;
        memcpy(*buf + len, LINE_END + (CASE_COL_COUNT - 1 - plan->trail), CASE_COL_COUNT);
        len += (size_t)plan->trail + 1;
    }
    if (rows_room(buf, cap, len, 1) != 0) /* a case-month of payment lines only */
        return NULL;
    (*buf)[len] = '\0';
    *outlen = len - at;
    return *buf + at;
}
