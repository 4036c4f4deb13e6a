/*
 * The streaming row loop shared by `rfy batch` and `rfy audit` (internal
 * names for the public include/rfy_batch.h).
 *
 * batch_run() reads a batch CSV (interface.md "Batch input") record by
 * record, binds the header, turns each data row into an rfy_case
 * (case_input.h), computes it with rfy_compute(), and hands every row to
 * exactly one of two hooks: on_row (computed) or on_reject (not computed,
 * with the line, the column and the reason).  What to write is the
 * caller's business: batch writes the output columns, audit compares with
 * its extra `paid` column.
 *
 * Memory is constant whatever the input size: one rfy_case and one
 * rfy_result are initialised once and reused for every row, the CSV reader
 * reuses its record buffer, and nothing here allocates per row.
 *
 * Invariant (interface.md): rows == computed + rejected, always; batch_run
 * checks it before returning and reports a mismatch as an internal error.
 */
#ifndef RFY_BATCH_RUN_H
#define RFY_BATCH_RUN_H

#include <stdio.h>

#include "case_input.h"
#include "rfy.h"

/* The loop's types and functions are public (include/rfy_batch.h); the
 * names below are the ones the engine and the rfy program use inside. */
#include "rfy_batch.h"

typedef rfy_batch_row batch_row;
typedef rfy_batch_reject batch_reject;
typedef rfy_batch_config batch_config;
typedef rfy_batch_stats batch_stats;
#define BATCH_MAX_JOBS RFY_BATCH_MAX_JOBS

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
