/*
 * The xlsx writer of typed cells (rfy/cells.h): a workbook written with
 * libxlsxwriter (Debian's libxlsxwriter-dev).
 *
 * A cell's kind says what it becomes, never its header or its look: text a
 * string (never a formula), an amount a number shown with two decimals, a
 * whole number and a day count a number.  A number is taken from the cell's
 * exact integer value -- øre, thousandths of a day, or the number itself --
 * by the one conversion in rfy from an exact value to a binary double
 * (put_number() in write_xlsx.c), made only because an xlsx numeric cell is
 * one by the format's definition:
 *
 *     double = (double)value / scale      scale 100 (øre), 1000 (days), 1
 *
 * With |value| below 10^15 the integer converts exactly and the division
 * is correctly rounded, so the double is the one nearest the decimal; the
 * workbook holds it with 16 significant digits, which gives back every
 * decimal of at most 15 significant digits digit for digit (an amount below
 * 10^13 kr.).  A larger value is written as its exact text instead, so
 * nothing is ever rounded.  No text is parsed: the value came from the
 * engine as an integer.  It is the only floating point in rfy: calc/ and
 * include/ hold none, and no other file in cli/ does.
 *
 * Constant memory: rows are streamed to temporary files and zipped at
 * xlsx_book_close().
 */
#ifndef RFY_WRITE_XLSX_H
#define RFY_WRITE_XLSX_H

#include <stddef.h>

#include <rfy/cells.h>

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
/* A typed cell, by its kind (see above); an empty cell is no cell. */
int xlsx_put_cell(xlsx_sheet *s, unsigned long row, unsigned col, const rfy_cell *cell);
/* A count, as a whole number. */
int xlsx_put_count(xlsx_sheet *s, unsigned long row, unsigned col, unsigned long n);

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
