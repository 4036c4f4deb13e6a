/*
 * A result row as typed cells: what rfy writes for a computed case-month,
 * a reject and a summary figure, without GMP and without formatting twice.
 *
 * One column table (rfy_column_info) says, for every column rfy writes,
 * its name, its kind and a bound on the bytes of its text; batch output,
 * audit report and rejects are all laid out from it, so their columns
 * cannot drift apart.  A row (rfy_cells, an opaque handle made once and
 * refilled per row) holds one rfy_cell per column: the exact text, formatted
 * once by the library ("16382.00", "31", "2.912"), and for numbers the exact
 * value as a plain integer where it fits in 64 bits:
 *
 *   RFY_CELL_TEXT    text only;
 *   RFY_CELL_AMOUNT  kroner with two decimals; value = øre ("-12.50" → -1250);
 *                    rfy_cells_amount() gives it as an mpq_t in kroner;
 *   RFY_CELL_WHOLE   a whole number ("31" → 31);
 *   RFY_CELL_DAYS    a day count with two decimals, three where the exact
 *                    count needs them; value = thousandths ("2.912" → 2912).
 *
 * An empty cell (no ledger state, no stored payment) has len 0 and no value.
 * A writer needs nothing else: a CSV writer copies the text (quoting as
 * rfy_column_info.quoting says), a spreadsheet writer takes the value.
 *
 * Thread safety: an rfy_cells belongs to one thread at a time.
 */
#ifndef RFY_CELLS_H
#define RFY_CELLS_H

#include <gmp.h>
#include <stddef.h>
#include <stdint.h>

#include <rfy/batch.h>
#include <rfy/export.h>
#include <rfy/fault.h>

RFY_BEGIN_DECLS

/* What a cell holds (see the top of this file). */
typedef enum rfy_cell_kind {
    RFY_CELL_TEXT = 0,
    RFY_CELL_AMOUNT,
    RFY_CELL_WHOLE,
    RFY_CELL_DAYS
} rfy_cell_kind;

/* How a cell's text goes into CSV. */
typedef enum rfy_cell_quoting {
    RFY_QUOTE_NEVER = 0,   /* numbers, names, codes: never a delimiter or a quote */
    RFY_QUOTE_FIELD,       /* text that may hold a delimiter: quoted when it does */
    RFY_QUOTE_NEUTRALISE   /* free text from a user: quoted, and a leading = + - @
                            * TAB CR neutralised with ' (never a spreadsheet formula) */
} rfy_cell_quoting;

/*
 * Every column rfy writes, in one table.  The result columns come first, in
 * the order of docs/interface.md "Batch output"; then the columns some runs
 * add; then the rejects' columns; then audit's summary figures.
 */
typedef enum rfy_column {
    RFY_COL_CASE_ID = 0, RFY_COL_MONTH, RFY_COL_CATEGORY, RFY_COL_FORLOEB, RFY_COL_LEVEL_REF,
    RFY_COL_DAYS, RFY_COL_DAYS_IN_MONTH, RFY_COL_GROSS, RFY_COL_WAGE_DEDUCTION,
    RFY_COL_HOLIDAY_DEDUCTION, RFY_COL_ACTIVATION_DEDUCTION, RFY_COL_OTHER_DEDUCTION,
    RFY_COL_TOTAL_DEDUCTION, RFY_COL_PAYMENT, RFY_COL_PROVENANCE, RFY_COL_RATES_ID, RFY_COL_LINES,
    RFY_COL_HOLIDAY_RIGHT, RFY_COL_HOLIDAY_RUN_MONTHS, RFY_COL_HOLIDAY_USED_DAYS,
    RFY_COL_HOLIDAY_DAYS_LEFT, RFY_COL_HOLIDAY_EXCESS_DAYS, RFY_COL_SANCTION_DEDUCTION,
    RFY_COL_WARNINGS,
    /* batch --ledger */
    RFY_COL_PREVIOUSLY_PAID, RFY_COL_CORRECTION,
    /* audit */
    RFY_COL_PAID, RFY_COL_DIFFERENCE, RFY_COL_LEDGER_PAID, RFY_COL_LEDGER_DIFFERENCE,
    /* rejects: line, case_id (RFY_COL_CASE_ID), column, reason, code */
    RFY_COL_LINE, RFY_COL_COLUMN, RFY_COL_REASON, RFY_COL_CODE,
    /* batch --keep-columns: an input cell as it was read (the name is the input's) */
    RFY_COL_KEPT,
    /* audit's summary block "# name,value": the name, and a value of each kind */
    RFY_COL_FIGURE_NAME, RFY_COL_FIGURE_COUNT, RFY_COL_FIGURE_AMOUNT, RFY_COL_FIGURE_TEXT,
    RFY_COL_COUNT_ /* the number of columns: not a column */
} rfy_column;

/* The result columns (RFY_COL_CASE_ID .. RFY_COL_WARNINGS), in output order. */
#define RFY_RESULT_COLUMNS 24

/* A column of the table.  Static: never freed. */
typedef struct rfy_column_info {
    const char *name;           /* as in the header ("gross"); "" for the figures' and kept cells */
    rfy_cell_kind kind;
    rfy_cell_quoting quoting;
    unsigned width;             /* the most bytes its text takes (kept cells: a CSV field's) */
} rfy_column_info;

/* The column table's entry of col (NULL when col is not a column). */
RFY_API const rfy_column_info *rfy_column_info_of(rfy_column col);

/* One cell.  Borrowed from its rfy_cells: valid until the row is filled again. */
typedef struct rfy_cell {
    rfy_column column;
    rfy_cell_kind kind;         /* the column's kind (copied from the table) */
    rfy_cell_quoting quoting;   /* the column's quoting (copied from the table) */
    const char *text;           /* the exact text ("" for an empty cell); not NUL-terminated */
    size_t len;
    int has_value;              /* 1: value holds the number (a non-empty number cell that fits) */
    int64_t value;              /* AMOUNT: øre; WHOLE: the number; DAYS: thousandths */
} rfy_cell;

typedef struct rfy_cells rfy_cells;

/* A row of cells to fill again and again; NULL when out of memory. */
RFY_API rfy_cells *rfy_cells_new(void);
/* Free c (NULL is fine). */
RFY_API void rfy_cells_free(rfy_cells *c);

/*
 * Fill c with the 24 result columns of a computed case-month (interface.md
 * "Batch output"): case_id and level_ref and rates_id as they are (a writer
 * quotes them), category (several joined when the month has several),
 * forløb, the amounts, the holiday columns (five empty cells when no ledger
 * is known for the month), the warning codes.  Text and amounts are
 * borrowed from row and rates_id where they stand there: keep them until c
 * is filled again.
 * Returns RFY_OK, or RFY_EINPUT when a value does not fit its column (not
 * with validated input).
 */
RFY_API int rfy_cells_of_row(rfy_cells *c, const rfy_batch_row *row, const char *rates_id);

/*
 * Fill c with the rejects' columns of a row not computed: line, case_id,
 * column, reason, code.  All the row's faults: their columns joined by ';',
 * their reasons in `lang` by "; ", their codes by ';'; without faults
 * (rej->err NULL or empty) rej->column and rej->reason and an empty code.
 * The reasons end in the program's ways out from `hints` (NULL: the
 * library's own words; rfy/hint.h).
 * Returns RFY_OK, or RFY_EINPUT when it does not fit.
 */
RFY_API int rfy_cells_of_reject(rfy_cells *c, const rfy_batch_reject *rej, rfy_lang lang,
                                const rfy_hints *hints);

/* Empty c (a summary line is built cell by cell). */
RFY_API void rfy_cells_clear(rfy_cells *c);

/*
 * Add one cell at the end of c.  _amount: an amount in øre (its text with
 * '.'; ore is borrowed for rfy_cells_amount: keep it unchanged until c is
 * filled again); _empty: an empty cell of any column (a ledger column of a
 * month the ledger has not paid); _whole: a whole number; _text: text of a
 * text column (RFY_COL_KEPT, RFY_COL_FIGURE_NAME, ...), borrowed likewise.
 * Each returns RFY_OK, or RFY_EINPUT when col is not of that kind or c is
 * full (64 cells).
 */
RFY_API int rfy_cells_add_amount(rfy_cells *c, rfy_column col, const mpz_t ore);
RFY_API int rfy_cells_add_empty(rfy_cells *c, rfy_column col);
RFY_API int rfy_cells_add_whole(rfy_cells *c, rfy_column col, unsigned long n);
RFY_API int rfy_cells_add_text(rfy_cells *c, rfy_column col, const char *text, size_t len);

/* The number of cells in c, and cell i (NULL when i is past the end). */
RFY_API size_t rfy_cells_count(const rfy_cells *c);
RFY_API const rfy_cell *rfy_cells_at(const rfy_cells *c, size_t i);
/* All the cells of c at once: an array of *n cells (a writer's loop). */
RFY_API const rfy_cell *rfy_cells_all(const rfy_cells *c, size_t *n);

/*
 * Cell i's amount in kroner, exactly, into the caller's initialised out
 * (øre / 100, whatever its size).  Returns RFY_OK, or RFY_EINPUT when cell
 * i is not a non-empty amount.
 */
RFY_API int rfy_cells_amount(mpq_t out, const rfy_cells *c, size_t i);

/*
 * The first *ncells cells of c already laid out as one line of rfy's CSV
 * (delimiter ',', point '.', quoted as each column's quoting says), each
 * cell followed by ',' (the last ',' stands where the line's end goes):
 * *len bytes, borrowed from c until it is filled again, not NUL-terminated.
 * rfy_cells_of_row() lays its cells out so; a writer of rfy's CSV may copy
 * these bytes instead of formatting those cells, and format any cells added
 * after them itself.  Returns NULL (*ncells and *len 0) when c holds no such
 * line (after rfy_cells_clear(), rfy_cells_of_reject(), or a row that did
 * not fit).
 */
RFY_API const char *rfy_cells_csv_line(const rfy_cells *c, size_t *ncells, size_t *len);

RFY_END_DECLS

#endif
