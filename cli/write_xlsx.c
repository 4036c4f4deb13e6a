/* Workbooks of typed cells through libxlsxwriter (write_xlsx.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "write_xlsx.h"

struct xlsx_book {
    lxw_workbook *wb;
    lxw_format *bold, *amount;
};

struct xlsx_sheet {
    lxw_worksheet *ws;
    xlsx_book *book;
    int filter;                /* xlsx_sheet_header(): an autofilter over the rows written */
    unsigned long last_row;    /* the last row and column written (for the autofilter) */
    unsigned last_col;
};

static int put_text_n(xlsx_sheet *s, unsigned long row, unsigned col, const char *text, size_t len);

/* Remember the extent of what was written. */
static void written(xlsx_sheet *s, unsigned long row, unsigned col)
{
    if (row > s->last_row)
        s->last_row = row;
    if (col > s->last_col)
        s->last_col = col;
}

/* The sheets handed out, freed with the book (a workbook has a few). */
#define MAX_SHEETS 8

typedef struct book_and_sheets {
    xlsx_book book;
    xlsx_sheet sheets[MAX_SHEETS];
    int nsheets;
} book_and_sheets;

xlsx_book *xlsx_book_open(const char *path)
{
    lxw_workbook_options opt;
    book_and_sheets *bs = calloc(1, sizeof *bs);
    if (!bs)
        return NULL;
    memset(&opt, 0, sizeof opt);
    opt.constant_memory = LXW_TRUE; /* rows go to temporary files: memory stays flat */
    opt.use_zip64 = LXW_TRUE;       /* a large batch may pass 4 GiB uncompressed */
    if (!(bs->book.wb = workbook_new_opt(path, &opt))) {
        free(bs);
        return NULL;
    }
    bs->book.bold = workbook_add_format(bs->book.wb);
    bs->book.amount = workbook_add_format(bs->book.wb);
    if (!bs->book.bold || !bs->book.amount) {
        xlsx_book_discard(&bs->book);
        return NULL;
    }
    format_set_bold(bs->book.bold);
    format_set_num_format(bs->book.amount, "#,##0.00");
    return &bs->book;
}

xlsx_sheet *xlsx_book_sheet(xlsx_book *b, const char *name)
{
    book_and_sheets *bs = (book_and_sheets *)b; /* book is the first member */
    xlsx_sheet *s;
    if (bs->nsheets == MAX_SHEETS)
        return NULL;
    s = &bs->sheets[bs->nsheets];
    if (!(s->ws = workbook_add_worksheet(b->wb, name)))
        return NULL;
    s->book = b;
    bs->nsheets++;
    return s;
}

/* A text cell of len bytes (a cell's text is not NUL-terminated). */
static int put_text_n(xlsx_sheet *s, unsigned long row, unsigned col, const char *text, size_t len)
{
    char stack[512], *copy = len < sizeof stack ? stack : malloc(len + 1);
    int rc;
    if (!copy)
        return -1;
    memcpy(copy, text, len);
    copy[len] = '\0';
    rc = xlsx_put_text(s, row, col, copy, 0);
    if (copy != stack)
        free(copy);
    return rc;
}

int xlsx_put_text(xlsx_sheet *s, unsigned long row, unsigned col, const char *text, int bold)
{
    if (row >= LXW_ROW_MAX || col >= LXW_COL_MAX)
        return -1;
    if (!text[0])
        return 0; /* an empty cell is no cell */
    written(s, row, col);
    return worksheet_write_string(s->ws, (lxw_row_t)row, (lxw_col_t)col, text,
                                  bold ? s->book->bold : NULL) == LXW_NO_ERROR ? 0 : -1;
}

/* Below 10^15: converted exactly and given back digit for digit (write_xlsx.h). */
#define EXACT_BELOW 1000000000000000LL

/*
 * The one conversion from an exact value to a double (write_xlsx.h): value
 * in units of 1/scale.  Too large to be exact: the text instead.
 */
static int put_number(xlsx_sheet *s, unsigned long row, unsigned col, const rfy_cell *cell,
                      int64_t scale, lxw_format *fmt)
{
    double v;
    if (!cell->has_value || cell->value <= -EXACT_BELOW || cell->value >= EXACT_BELOW)
        return put_text_n(s, row, col, cell->text, cell->len);
    v = (double)cell->value / (double)scale;
    written(s, row, col);
    return worksheet_write_number(s->ws, (lxw_row_t)row, (lxw_col_t)col, v, fmt) == LXW_NO_ERROR
               ? 0
               : -1;
}

int xlsx_put_cell(xlsx_sheet *s, unsigned long row, unsigned col, const rfy_cell *cell)
{
    if (row >= LXW_ROW_MAX || col >= LXW_COL_MAX)
        return -1;
    if (cell->len == 0)
        return 0; /* an empty cell is no cell */
    switch (cell->kind) {
    case RFY_CELL_AMOUNT:
        return put_number(s, row, col, cell, 100, s->book->amount);
    case RFY_CELL_DAYS:
        return put_number(s, row, col, cell, 1000, NULL);
    case RFY_CELL_WHOLE:
        return put_number(s, row, col, cell, 1, NULL);
    default:
        break;
    }
    /* Free text shows what the CSV holds: a leading = + - @ TAB CR after a '
     * (rfy_csv_format_field()), so every format has the same cells. */
    if (cell->quoting == RFY_QUOTE_NEUTRALISE &&
        strchr("=+-@\t\r", cell->text[0])) {
        char stack[512], *copy = cell->len + 1 < sizeof stack ? stack : malloc(cell->len + 2);
        int rc;
        if (!copy)
            return -1;
        copy[0] = '\'';
        memcpy(copy + 1, cell->text, cell->len);
        copy[cell->len + 1] = '\0';
        rc = xlsx_put_text(s, row, col, copy, 0);
        if (copy != stack)
            free(copy);
        return rc;
    }
    return put_text_n(s, row, col, cell->text, cell->len);
}

int xlsx_put_count(xlsx_sheet *s, unsigned long row, unsigned col, unsigned long n)
{
    rfy_cell cell = {.column = RFY_COL_FIGURE_COUNT, .kind = RFY_CELL_WHOLE, .text = "", .len = 1,
                     .has_value = n <= (unsigned long)INT64_MAX, .value = (int64_t)n};
    char text[24];
    if (!cell.has_value) { /* not reached: counts of rows */
        snprintf(text, sizeof text, "%lu", n);
        return xlsx_put_text(s, row, col, text, 0);
    }
    return put_number(s, row, col, &cell, 1, NULL);
}

void xlsx_set_width(xlsx_sheet *s, unsigned first, unsigned last, unsigned width)
{
    worksheet_set_column(s->ws, (lxw_col_t)first, (lxw_col_t)last, width, NULL);
}

void xlsx_sheet_header(xlsx_sheet *s)
{
    worksheet_freeze_panes(s->ws, 1, 0);
    s->filter = 1;
}

int xlsx_book_close(xlsx_book *b, const char **why)
{
    book_and_sheets *bs = (book_and_sheets *)b;
    lxw_error e;
    /* the autofilter spans the header and every row written, known only now */
    for (int i = 0; i < bs->nsheets; i++)
        if (bs->sheets[i].filter)
            worksheet_autofilter(bs->sheets[i].ws, 0, 0, (lxw_row_t)bs->sheets[i].last_row,
                                 (lxw_col_t)bs->sheets[i].last_col);
    e = workbook_close(b->wb);
    free(b);
    if (e != LXW_NO_ERROR) {
        *why = lxw_strerror(e);
        return -1;
    }
    return 0;
}

void xlsx_book_discard(xlsx_book *b)
{
    if (!b)
        return;
    /* libxlsxwriter has no "free without writing": write to /dev/null. */
    if (b->wb) {
        free(b->wb->filename);
        b->wb->filename = strdup("/dev/null");
        workbook_close(b->wb);
    }
    free(b);
}
