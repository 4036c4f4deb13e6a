/*
 * A workbook written with libxlsxwriter (Debian's libxlsxwriter-dev), behind
 * an interface without floating point: amounts come in as their exact
 * decimal text ("16382.01").
 *
 * This is the one place in rfy where a number becomes a binary double, and
 * only because an xlsx numeric cell is one by the format's definition.  The
 * conversion is exact for what rfy writes: strtod() gives the double nearest
 * to the decimal, and libxlsxwriter writes it back with 16 significant
 * digits, which reproduces every decimal of at most 15 significant digits
 * digit for digit (an amount below 10^13 kr. with two decimals).  A longer
 * value is written as text instead, so nothing is ever rounded.  It is the
 * only floating point in rfy: calc/ and include/ hold none, and no other
 * file in cli/ does.
 *
 * Text cells are always strings, never formulas.  Constant memory: rows are
 * streamed to temporary files and zipped at xlsx_book_close().
 */
#ifndef RFY_XLSX_BOOK_H
#define RFY_XLSX_BOOK_H

#include <stddef.h>

typedef struct xlsx_book xlsx_book;
typedef struct xlsx_sheet xlsx_sheet;

/* A new workbook that will be written to `path` at close; NULL on failure. */
xlsx_book *xlsx_book_open(const char *path);

/* Add a sheet (appended after the others); NULL on failure. */
xlsx_sheet *xlsx_book_sheet(xlsx_book *b, const char *name);

/* Cells, row by row in increasing order within a sheet (0-based).  Each
 * returns 0, or -1 (too many rows for a sheet, out of memory, text over
 * 32767 bytes or not UTF-8). */
int xlsx_put_text(xlsx_sheet *s, unsigned long row, unsigned col, const char *text, int bold);
/* An amount given as its decimal text ("-12.50"), shown with two decimals. */
int xlsx_put_amount(xlsx_sheet *s, unsigned long row, unsigned col, const char *decimal);
/* A whole number given as digits ("31"). */
int xlsx_put_whole(xlsx_sheet *s, unsigned long row, unsigned col, const char *digits);
/* A decimal number given as its text ("2.912", a day count), shown as it is. */
int xlsx_put_decimal(xlsx_sheet *s, unsigned long row, unsigned col, const char *decimal);

/* Row 0 of s is a header: it stays in view when scrolling (frozen pane), and
 * at close an autofilter spans it and every row written below it. */
void xlsx_sheet_header(xlsx_sheet *s);

/* Column width in characters for columns first..last. */
void xlsx_set_width(xlsx_sheet *s, unsigned first, unsigned last, unsigned width);

/* Write the file and free b.  Returns 0, or -1 with a static *why. */
int xlsx_book_close(xlsx_book *b, const char **why);

/* Free b without writing anything (NULL is fine). */
void xlsx_book_discard(xlsx_book *b);

#endif
