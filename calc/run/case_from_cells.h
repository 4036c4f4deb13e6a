/*
 * Batch input columns → rfy_case (interface.md "Batch input").
 *
 * Shared by `rfy batch`, `rfy audit` and `rfy preview`: one place knows the
 * column names, their defaults and their syntax, and says in words a payroll
 * officer understands what is wrong with a cell.  Cross-field checks
 * (children for nr. 4, prior_until with sygedagpenge, ...) and everything
 * that needs the rates are the engine's (rfy_case_check, rfy_compute).
 *
 * Two steps:
 *   1. case_binding_bind() reads the header row once: which field holds
 *      which column.  Columns may come in any order; a caller may add extra
 *      known columns (audit: "paid").
 *   2. case_input_parse() turns one data row into an rfy_case, or fills an
 *      rfy_error naming the column and the reason.
 * Neither allocates: safe in the per-row hot path.
 */
#ifndef RFY_CASE_INPUT_H
#define RFY_CASE_INPUT_H

#include <stddef.h>

#include <rfy/rfy.h>
#include <rfy/batch.h>
#include <rfy/input.h>

/* The batch input columns (interface.md).  The order is the order in which a
 * row's cells are checked, and in which a row's faults are listed. */
typedef enum case_column {
    CASE_COL_CASE_ID,
    CASE_COL_MONTH,
    CASE_COL_CATEGORY,
    CASE_COL_FORLOEB,
    CASE_COL_START,
    CASE_COL_END,
    CASE_COL_CHILDREN,
    CASE_COL_CHILD_SUPPORT,
    CASE_COL_PRIOR,
    CASE_COL_PRIOR_AMOUNT,
    CASE_COL_PRIOR_UNIT,
    CASE_COL_PRIOR_UNTIL,
    CASE_COL_WAGE,
    CASE_COL_HOLIDAY_PAY,
    CASE_COL_HOLIDAY_DAYS,
    CASE_COL_ACTIVATION_INCOME,
    CASE_COL_ACTIVATION_HOURS,
    CASE_COL_OTHER_INCOME,
    CASE_COL_HOLIDAY_YDELSE_DAYS,
    CASE_COL_HOLIDAY_RUN_MONTHS,
    CASE_COL_HOLIDAY_USED_DAYS,
    CASE_COL_SANCTION_DAYS,
    CASE_COL_SANCTION_AMOUNT,
    CASE_COL_COUNT
} case_column;

/* Most extra columns a caller may add (audit needs one). */
#define CASE_MAX_EXTRA RFY_BATCH_MAX_EXTRA

/* Longest case_id, in characters (interface.md). */
#define CASE_ID_MAX_CHARS 64
/* Room for a case_id as written to a rejects file: 64 characters of at most
 * 4 bytes, plus "..." and the NUL. */
#define CASE_ID_DISPLAY_SIZE (CASE_ID_MAX_CHARS * 4 + 4)
_Static_assert(CASE_ID_DISPLAY_SIZE == RFY_BATCH_CASE_ID_DISPLAY_SIZE, "rfy/batch.h says the same");

/* Where each column sits in the rows of one file. */
typedef struct rfy_case_binding {
    size_t nfields;                  /* fields in the header; every row must have as many */
    int field[CASE_COL_COUNT];       /* 0-based field of each column, -1 when absent */
    size_t nextra;                   /* extra columns the caller declared */
    const char *extra_name[CASE_MAX_EXTRA];
    int extra_field[CASE_MAX_EXTRA]; /* 0-based field of each extra column, -1 when absent */
    /* The columns present (field >= 0), in column order, as case_binding_bind()
     * found them: case_input_parse() looks up only these.  nbound 0: not
     * known (a binding filled in by hand), every column is looked up. */
    unsigned char bound[CASE_COL_COUNT];
    size_t nbound;
} case_binding;

/* Column name as written in the header ("prior_until"). */
const char *case_column_name(case_column col);

/* Non-zero for the required columns case_id, month, category. */
int case_column_required(case_column col);

/*
 * Bind the columns of a header row.
 *
 * Names are exact and lowercase.  `extra` (may be NULL when nextra is 0)
 * lists further known columns the caller handles itself (audit: "paid");
 * they are optional here: the caller checks their presence in
 * b->extra_field.  Returns RFY_OK, or RFY_EINPUT with a message in msg
 * (never NULL-terminated beyond msgsize) for an unknown column (named, with
 * its position), a duplicate column (both positions), a missing required
 * column, an empty header, or nextra > CASE_MAX_EXTRA; in lang (Danish
 * unless RFY_LANG_EN; header_messages.c).
 * Preconditions: header is the first record; msg has msgsize >= 1 bytes.
 */
int case_binding_bind(case_binding *b, const rfy_csv_record *header, const char *const *extra,
                      size_t nextra, rfy_lang lang, char *msg, size_t msgsize);

/*
 * The text of one column in a row: sets *len and returns a pointer into rec,
 * or returns "" with *len 0 when the column is absent from the header or the
 * row is too short to have it.  Borrowed: valid while rec is.
 */
const char *case_input_cell(const case_binding *b, const rfy_csv_record *rec, case_column col,
                            size_t *len);

/* The same for extra column i (0-based index into the extra list). */
const char *case_input_extra_cell(const case_binding *b, const rfy_csv_record *rec, size_t i,
                                  size_t *len);

/*
 * Parse one data row into `out`.
 *
 * `amount` is RFY_AMOUNT_DOT or RFY_AMOUNT_COMMA (--decimal-comma); it also
 * governs activation_hours and holiday_days (hundredths) and
 * holiday_used_days (thousandths: up to three decimals, as the output writes it).  Checks the field
 * count, then each cell in case_column order: syntax, allowed values,
 * plausibility limits, start/end inside the month and end >= start.
 * Danish spellings are read as the codes (category_da.c).
 * Empty optional cells keep the defaults of rfy_case_reset().
 * Every cell is checked: err lists all the row's faults, in column order.
 * Returns RFY_OK, or RFY_EINPUT with err's faults (codes, static column
 * names or "" for a row-level fault, values) and err->reason filled.
 * Preconditions: out initialised and reset (rfy_case_reset) since the last
 * row; b bound by case_binding_bind(); err not NULL.
 */
int case_input_parse(rfy_case *out, const case_binding *b, const rfy_csv_record *rec,
                     const rfy_decimal_syntax *amount, rfy_error *err);

/*
 * Validate a case_id: 1–64 characters, each printable ASCII (0x20–0x7E) or
 * a valid UTF-8 multibyte character that is not a C1 control; not blank.
 * Returns RFY_FAULT_NONE, or the fault (RFY_FAULT_CASE_ID_*).
 */
rfy_fault_code case_input_id_fault(const char *s, size_t len);

/*
 * A case_id made safe to echo into a rejects file or a message: control
 * characters and invalid UTF-8 bytes become '?', and text beyond 64
 * characters is cut with "...".  Writes a NUL-terminated string into buf
 * (size >= CASE_ID_DISPLAY_SIZE) and returns its length.
 */
size_t case_input_display_id(char *buf, size_t size, const char *s, size_t len);

#endif
