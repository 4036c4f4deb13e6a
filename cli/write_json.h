/*
 * The JSON writer of typed cells (rfy/cells.h): `--format json`, one JSON
 * object per line (JSON Lines), keyed by the output's column names.
 *
 * A cell's kind says what it becomes: an amount and a day count their exact
 * decimal text as a string ("14359.65", "2.912": JSON numbers are binary
 * doubles in most readers, and rfy's API writes money as strings too), a
 * whole number a JSON integer, text a string; an empty cell is null.
 */
#ifndef RFY_WRITE_JSON_H
#define RFY_WRITE_JSON_H

#include <stddef.h>

#include <rfy/cells.h>

/*
 * One row as a JSON object and a newline into buf: cell i under names[i].
 * An audit figure row (RFY_COL_FIGURE_NAME and a value) is written
 * {"figure":NAME,"value":VALUE}.  Returns the length, or -1 if it does not
 * fit in size (the caller may grow buf and try again).
 */
int write_json_row(char *buf, size_t size, const rfy_cells *c, const char *const *names,
                   size_t nnames);

#endif
