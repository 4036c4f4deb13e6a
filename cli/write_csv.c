/* CSV and Excel CSV rows from typed cells (write_csv.h). */
#include <string.h>

#include "write_csv.h"

const csv_dialect WRITE_CSV = {',', '.', "\n"};

/* Copy a short text (a number, a name) with fixed-size moves the compiler
 * inlines, not a call per cell: the row writer's hot path. */
static inline void copy_short(char *to, const char *from, size_t len)
{
    if (len >= 8 && len <= 16) {
        memcpy(to, from, 8);
        memcpy(to + len - 8, from + len - 8, 8);
    } else if (len >= 4 && len < 8) {
        memcpy(to, from, 4);
        memcpy(to + len - 4, from + len - 4, 4);
    } else if (len < 4) {
        for (size_t i = 0; i < len; i++)
            to[i] = from[i];
    } else {
        memcpy(to, from, len);
    }
}

/* One field: plain text copied, quoted text through rfy_csv_format_field(). */
static int field(char *buf, size_t size, const char *s, size_t len, rfy_cell_quoting q, char delim)
{
    if (q == RFY_QUOTE_NEVER) {
        if (len > size)
            return -1;
        memcpy(buf, s, len);
        return (int)len;
    }
    return rfy_csv_format_field(buf, size, s, len, delim, q == RFY_QUOTE_NEUTRALISE);
}

/* Any dialect, any row (audit's figures with their "# "): the general loop. */
static int row_any(char *buf, size_t size, const rfy_cell *first, size_t n, const csv_dialect *d)
{
    size_t at = 0, eol = strlen(d->eol);
    for (const rfy_cell *cell = first; cell < first + n; cell++) {
        size_t len = cell->len;
        if (cell != first) {
            if (at == size)
                return -1;
            buf[at++] = d->delimiter;
        }
        if (cell->column == RFY_COL_FIGURE_NAME) { /* "# rows": audit's summary block */
            if (size - at < 2)
                return -1;
            buf[at++] = '#';
            buf[at++] = ' ';
        }
        /* A text cell may hold the dialect's delimiter even where rfy's CSV
         * never needs quotes (`lines` "5;10", warning codes joined by ';'):
         * every text cell is quoted as the delimiter asks. */
        if (cell->quoting == RFY_QUOTE_NEVER && (cell->kind != RFY_CELL_TEXT || d->delimiter == ',')) {
            if (size - at < len)
                return -1;
            memcpy(buf + at, cell->text, len);
        } else {
            int w = rfy_csv_format_field(buf + at, size - at, cell->text, len, d->delimiter,
                                         cell->quoting == RFY_QUOTE_NEUTRALISE);
            if (w < 0)
                return -1;
            len = (size_t)w;
        }
        if (d->point != '.' && (cell->kind == RFY_CELL_AMOUNT || cell->kind == RFY_CELL_DAYS)) {
            /* the one '.' of "-12.50" or "2.912" becomes the dialect's mark */
            char *dot = memchr(buf + at, '.', len);
            if (dot)
                *dot = d->point;
        }
        at += len;
    }
    if (size - at < eol)
        return -1;
    memcpy(buf + at, d->eol, eol);
    return (int)(at + eol);
}

int write_csv_row(char *buf, size_t size, const rfy_cells *c, const csv_dialect *d)
{
    size_t n;
    const rfy_cell *first = rfy_cells_all(c, &n), *end = first + n;
    char *p = buf, *lim;
    if (d != &WRITE_CSV || n == 0 || first->column == RFY_COL_FIGURE_NAME || size < 2)
        return row_any(buf, size, first, n, d);
    /* rfy's CSV, a result or reject row: the batch hot path.  Each cell and
     * its delimiter; the last delimiter becomes the newline. */
    lim = buf + size;
    {
        /* the cells rfy_cells_of_row() laid out as this line already */
        size_t done, len;
        const char *line = rfy_cells_csv_line(c, &done, &len);
        if (line && done <= n) {
            if (size < len)
                return -1;
            memcpy(p, line, len);
            p += len;
            first += done;
        }
    }
    for (const rfy_cell *cell = first; cell < end; cell++) {
        size_t len = cell->len;
        if (cell->quoting == RFY_QUOTE_NEVER) {
            if ((size_t)(lim - p) < len + 1)
                return -1;
            copy_short(p, cell->text, len);
        } else {
            int w = rfy_csv_format_field(p, (size_t)(lim - p), cell->text, len, ',',
                                         cell->quoting == RFY_QUOTE_NEUTRALISE);
            if (w < 0 || (size_t)(lim - p) < (size_t)w + 1)
                return -1;
            len = (size_t)w;
        }
        p += len;
        *p++ = ',';
    }
    p[-1] = '\n';
    return (int)(p - buf);
}

int write_csv_names(char *buf, size_t size, const char *const *names,
                    const rfy_cell_quoting *quoting, size_t n, const csv_dialect *d)
{
    size_t at = 0, eol = strlen(d->eol);
    for (size_t i = 0; i < n; i++) {
        int w;
        if (i) {
            if (at == size)
                return -1;
            buf[at++] = d->delimiter;
        }
        if ((w = field(buf + at, size - at, names[i], strlen(names[i]),
                       quoting[i] == RFY_QUOTE_NEVER && d->delimiter != ',' ? RFY_QUOTE_FIELD : quoting[i],
                       d->delimiter)) < 0)
            return -1;
        at += (size_t)w;
    }
    if (size - at < eol)
        return -1;
    memcpy(buf + at, d->eol, eol);
    return (int)(at + eol);
}
