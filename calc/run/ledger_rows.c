/*
 * A case-month's canonical input rows, as the ledger stores them
 * (ledger_internal.h: ledger_canonical_rows; docs/ledger.md): every input
 * column in rfy's order, each cell as read, CSV with ','.  Called for every
 * case-month a run stores, so it is written for speed.
 */
#include <stdlib.h>
#include <string.h>

#include <rfy/batch.h>
#include "case_from_cells.h"
#include "ledger_internal.h"

/* Room for `need` more bytes after the first `len` of lg->rows_buf.
 * Returns 0, or -1 when out of memory. */
static int rows_room(rfy_ledger *lg, size_t len, size_t need)
{
    if (len + need > lg->rows_cap) {
        size_t c = lg->rows_cap ? lg->rows_cap : 512;
        while (c < len + need)
            c *= 2;
        char *p = realloc(lg->rows_buf, c);
        if (!p)
            return -1;
        lg->rows_buf = p;
        lg->rows_cap = c;
    }
    return 0;
}

/* One cell at d as CSV (RFC 4180 with ','): as it is, or quoted with its
 * quotes doubled when it holds ',', '"', CR or LF.  d has room for 2n + 2
 * bytes.  Returns the bytes written.  Written straight into the row's buffer
 * (the ledger formats every cell of every row it stores). */
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

/*
 * The canonical input rows of a case-month: one CSV line per period row,
 * every input column in rfy's order (case_column), each cell as given, so
 * that the case-month can be read again with rfy_case_from_fields()
 * whatever the file's header names, column order or delimiter were.
 */
char *ledger_canonical_rows(rfy_ledger *lg, const rfy_batch_row *row, size_t *outlen)
{
    size_t len = 0;
    for (size_t i = 0; i < row->nrows; i++) {
        const char *v[CASE_COL_COUNT];
        size_t n[CASE_COL_COUNT], need = CASE_COL_COUNT + 1;
        if (rfy_batch_row_is_payment(row, i))
            continue;
        for (int col = 0; col < CASE_COL_COUNT; col++) {
            v[col] = rfy__batch_row_input_cell(row, i, (case_column)col, &n[col]);
            if (n[col] > 1024) /* the reader's cell limit: cannot happen */
                return NULL;
            need += 2 * n[col] + 2;
        }
        if (rows_room(lg, len, need) != 0)
            return NULL;
        for (int col = 0; col < CASE_COL_COUNT; col++) {
            if (col)
                lg->rows_buf[len++] = ',';
            len += put_cell(lg->rows_buf + len, v[col], n[col]);
        }
        lg->rows_buf[len++] = '\n';
    }
    if (rows_room(lg, len, 1) != 0) /* a case-month of payment lines only */
        return NULL;
    lg->rows_buf[len] = '\0';
    *outlen = len;
    return lg->rows_buf;
}
