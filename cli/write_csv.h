/*
 * The text writers of typed cells (rfy/cells.h): rfy's CSV and the Excel
 * variant Danish payroll staff open (write_excel.c).  One function lays out
 * both, so the two cannot differ in anything but their dialect:
 *   csv    ',' between fields, '.' in amounts and day counts, LF;
 *   excel  ';' between fields, ',' in amounts and day counts, CRLF.
 * Each cell's text was formatted once by the library; a row is built in the
 * caller's buffer (sized by row_layout_bound()) and written with one fwrite.
 * Text cells are quoted, and free text neutralised against spreadsheet
 * formulas, as their column in the table says (rfy_column_info.quoting).
 */
#ifndef RFY_WRITE_CSV_H
#define RFY_WRITE_CSV_H

#include <stddef.h>

#include <rfy/cells.h>

typedef struct csv_dialect {
    char delimiter;   /* between fields */
    char point;       /* the decimal mark of amounts and day counts */
    const char *eol;  /* "\n" or "\r\n" */
} csv_dialect;

extern const csv_dialect WRITE_CSV;   /* rfy's CSV (interface.md) */
extern const csv_dialect WRITE_EXCEL; /* the Excel variant (write_excel.c) */

/*
 * One row of cells, its line end included, into buf.  A figure name
 * (RFY_COL_FIGURE_NAME) is written "# name": audit's summary block.
 * Returns the length, or -1 if it does not fit in size.
 */
int write_csv_row(char *buf, size_t size, const rfy_cells *c, const csv_dialect *d);

/*
 * A header line: the names (quoting[i] as for a cell of that column), line
 * end included.  Returns the length, or -1 if it does not fit.
 */
int write_csv_names(char *buf, size_t size, const char *const *names,
                    const rfy_cell_quoting *quoting, size_t n, const csv_dialect *d);

#endif
