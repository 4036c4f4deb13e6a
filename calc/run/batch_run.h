/*
 * The streaming row loop shared by `rfy batch` and `rfy audit` (internal
 * names for the public include/rfy/batch.h).
 *
 * See include/rfy/batch.h: the rows grouped into case-months, in any order.
 */
#ifndef RFY_BATCH_RUN_H
#define RFY_BATCH_RUN_H

#include <stdio.h>

#include "case_from_cells.h"
#include <rfy/rfy.h>

/* The loop's types and functions are public (include/rfy/batch.h); the
 * names below are the ones the engine and the rfy program use inside. */
#include <rfy/batch.h>

typedef rfy_batch_row batch_row;
typedef rfy_batch_reject batch_reject;
typedef rfy_batch_config batch_config;
typedef rfy_batch_stats batch_stats;
#define BATCH_MAX_JOBS RFY_BATCH_MAX_JOBS

#define BATCH_LINES_MAX RFY_BATCH_LINES_MAX
#define batch_row_line rfy_batch_row_line
#define batch_row_case rfy_batch_row_case
#define batch_row_is_payment rfy_batch_row_is_payment
#define batch_row_extra_cell rfy_batch_row_extra_cell
#define batch_row_format_lines rfy_batch_row_format_lines

/*
 * The text of input column `col` in row i (0 <= i < row->nrows) of a
 * computed case-month, as read ("" with *len 0 when the file has no such
 * column).  Borrowed: valid during on_row.  For the ledger's canonical rows.
 */
const char *batch_row_input_cell(const batch_row *row, size_t i, case_column col, size_t *len);

static inline void batch_stats_init(batch_stats *st)
{
    rfy_batch_stats_init(st);
}

static inline void batch_stats_clear(batch_stats *st)
{
    rfy_batch_stats_clear(st);
}

static inline int batch_run(batch_stats *stats, const batch_config *cfg, FILE *in, char **errmsg)
{
    return rfy_batch_run(stats, cfg, in, errmsg);
}

#endif
