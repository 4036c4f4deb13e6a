/*
 * `rfy preview --input FILE --case-id ID --month YYYY-MM`: preview one
 * case-month whose period rows are in a batch file (rules.md §7: several
 * rows, e.g. a child born on the 12th).  The file is read as `rfy batch`
 * reads it (same columns, same checks, the rows of the case-month in any
 * order); the case-month asked for is explained, in text or JSON, with its
 * periods and their input lines.  docs/preview.md.
 */
#ifndef RFY_PREVIEW_INPUT_H
#define RFY_PREVIEW_INPUT_H

#include <rfy/rfy.h>

typedef struct preview_input {
    const char *path;        /* "-" = standard input */
    const char *case_id;
    const char *month;       /* YYYY-MM as given */
    int json, decimal_comma;
    char delimiter;
} preview_input;

/*
 * Explain the case-month to standard output.  Returns the exit code: 0
 * explained; 2 when the case-month is not in the file, a row of it is
 * rejected (each reject on standard error: line, column, reason), or the
 * file cannot be read.
 */
int preview_from_input(const preview_input *p, const rfy_rates *rates);

#endif
