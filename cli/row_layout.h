/*
 * The columns of one output of batch or audit (row_writer.h): the result
 * columns, the columns a run adds, the kept input columns, each with its
 * header name and CSV quoting from the library's one column table
 * (rfy/cells.h), and a bound on the bytes of a row, so that the writer's
 * buffer is sized once.
 */
#ifndef RFY_ROW_LAYOUT_H
#define RFY_ROW_LAYOUT_H

#include <stddef.h>

#include <rfy/cells.h>

/* The columns of one output: result columns, added columns, kept input columns. */
#define ROW_LAYOUT_MAX 48
typedef struct row_layout {
    size_t n, nkept;
    const char *name[ROW_LAYOUT_MAX];            /* header names (borrowed) */
    rfy_cell_quoting quoting[ROW_LAYOUT_MAX];    /* as the column's cells */
    size_t bound;                                /* bytes of a CSV row at most, line end included */
} row_layout;

/* The 24 result columns of interface.md "Batch output". */
void row_layout_results(row_layout *l);
/* The rejects' columns: line, case_id, column, reason, code. */
void row_layout_rejects(row_layout *l);
/* Add column col (its name from the table).  Returns 0, or -1 when full. */
int row_layout_add(row_layout *l, rfy_column col);
/* Add a kept input column (--keep-columns) named `name` (borrowed). */
int row_layout_add_kept(row_layout *l, const char *name);
/* The layout's CSV header line with its newline, malloc'ed (NULL: out of memory). */
char *row_layout_csv_header(const row_layout *l);
/* Room for the layout's header line in any dialect: every name doubled and quoted. */
size_t row_layout_header_bound(const row_layout *l);

#endif
