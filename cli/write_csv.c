/* CSV and Excel CSV rows from typed cells (write_csv.h). */
#include <string.h>

#include "write_csv.h"

const csv_dialect WRITE_CSV = {',', '.', "\n"};

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

int write_csv_row(char *buf, size_t size, const rfy_cells *c, const csv_dialect *d)
{
    size_t n = rfy_cells_count(c), at = 0, eol = strlen(d->eol);
    for (size_t i = 0; i < n; i++) {
        const rfy_cell *cell = rfy_cells_at(c, i);
        const rfy_column_info *col = rfy_column_info_of(cell->column);
        int w;
        if (i) {
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
        if ((w = field(buf + at, size - at, cell->text, cell->len, col->quoting, d->delimiter)) < 0)
            return -1;
        if (d->point != '.' && (cell->kind == RFY_CELL_AMOUNT || cell->kind == RFY_CELL_DAYS)) {
            /* the one '.' of "-12.50" or "2.912" becomes the dialect's mark */
            char *dot = memchr(buf + at, '.', (size_t)w);
            if (dot)
                *dot = d->point;
        }
        at += (size_t)w;
    }
    if (size - at < eol)
        return -1;
    memcpy(buf + at, d->eol, eol);
    return (int)(at + eol);
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
        if ((w = field(buf + at, size - at, names[i], strlen(names[i]), quoting[i], d->delimiter)) < 0)
            return -1;
        at += (size_t)w;
    }
    if (size - at < eol)
        return -1;
    memcpy(buf + at, d->eol, eol);
    return (int)(at + eol);
}
