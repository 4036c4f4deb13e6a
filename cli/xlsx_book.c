/* Workbooks through libxlsxwriter (xlsx_book.h). */
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "xlsx_book.h"

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

/* Significant digits of a plain decimal "-123.45" (leading zeros not counted);
 * -1 when it is not one. */
static int significant_digits(const char *s)
{
    int n = 0, seen = 0, points = 0;
    if (*s == '-')
        s++;
    if (!*s)
        return -1;
    for (; *s; s++) {
        if (*s == '.') {
            if (points++)
                return -1;
            continue;
        }
        if (*s < '0' || *s > '9')
            return -1;
        if (*s != '0' || seen) {
            seen = 1;
            n++;
        }
    }
    return n;
}

static int put_number(xlsx_sheet *s, unsigned long row, unsigned col, const char *text,
                      lxw_format *fmt)
{
    int digits = significant_digits(text);
    if (row >= LXW_ROW_MAX || col >= LXW_COL_MAX)
        return -1;
    if (digits < 0 || digits > 15) /* not exactly representable: keep the text */
        return xlsx_put_text(s, row, col, text, 0);
    written(s, row, col);
    return worksheet_write_number(s->ws, (lxw_row_t)row, (lxw_col_t)col, strtod(text, NULL),
                                  fmt) == LXW_NO_ERROR ? 0 : -1;
}

int xlsx_put_amount(xlsx_sheet *s, unsigned long row, unsigned col, const char *decimal)
{
    return put_number(s, row, col, decimal, s->book->amount);
}

int xlsx_put_whole(xlsx_sheet *s, unsigned long row, unsigned col, const char *digits)
{
    return strchr(digits, '.') ? xlsx_put_text(s, row, col, digits, 0)
                               : put_number(s, row, col, digits, NULL);
}

int xlsx_put_decimal(xlsx_sheet *s, unsigned long row, unsigned col, const char *decimal)
{
    return put_number(s, row, col, decimal, NULL);
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
