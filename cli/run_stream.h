/*
 * What a batch-like run (`rfy batch`, `rfy audit`) opens between its command
 * line (run_args.h) and the batch loop, and closes after it: the files
 * (run_files.h), the rate tables, the input's SHA-256 for the receipt, the
 * input as UTF-8 (a "sep=" line applied) and the --format writer.  One place
 * opens them in the same order for both commands and words their messages
 * ("rfy CMD: ...").
 *
 *     run_stream s;
 *     run_stream_init(&s, "audit", "report");
 *     if (run_stream_open_input(&s, &args, &files) != 0) goto cleanup;
 *     if (run_stream_open_outputs(&s, &args, &files, &out_layout, &rej_layout) != 0) goto failed;
 *     ... cfg ...; if (run_stream_run(&s, &st, &cfg, &args) != 0) goto failed;
 *     ... the command's own summary ...
 *     if (run_stream_finish(&s, &files, &sum, rates_id) != 0) goto failed;
 *   failed: run_files_report_failure(&files);
 *   cleanup: run_stream_release(&s) (before run_files_release(&files)).
 */
#ifndef RFY_RUN_STREAM_H
#define RFY_RUN_STREAM_H

#include <stdio.h>

#include <rfy/batch.h>
#include "input_decode.h"
#include "receipt.h"
#include "row_writer.h"
#include "run_args.h"
#include "run_files.h"
#include "run_summary.h"

typedef struct run_stream {
    const char *cmd;          /* "batch", "audit": for messages */
    const char *out_word;     /* "output", "report": for messages */
    rfy_rates *rates;         /* --rates DIR, or the built-in tables */
    receipt_hash hash;        /* the input file's own bytes, as the decoder reads them */
    input_decoder *dec;       /* the input as UTF-8 (input_decode.h) */
    FILE *in;                 /* what the batch loop reads */
    char sep;                 /* the delimiter an Excel "sep=" line gave, or 0 */
    input_encoding used;      /* the encoding used (for the receipt) */
    row_layout out_layout, rej_layout; /* the columns of output and rejects */
    char *out_header, *rej_header;     /* their CSV header lines (owned) */
    row_writer *writer;       /* --format's writer (row_writer.h) */
    rfy_cells *cells;         /* one row's cells, filled again for every row */
} run_stream;

/* Nothing open yet.  `cmd` and `out_word` are borrowed. */
void run_stream_init(run_stream *s, const char *cmd, const char *out_word);

/*
 * run_files_prepare() with a's paths, the rate tables, the receipt's hash,
 * and the input opened as UTF-8 with a's encoding (a "sep=" line sets
 * a->delimiter: run_input_open()).  Returns 0, or -1 after printing why
 * (nothing written: no failure to report).
 */
int run_stream_open_input(run_stream *s, run_args *a, run_files *f);

/*
 * The output and rejects files (run_files_open_outputs()) with the columns
 * of `out` and `rej` (copied), and the --format writer for them.  Returns 0,
 * or -1 after printing why (run_files_report_failure() is then due).
 */
int run_stream_open_outputs(run_stream *s, const run_args *a, run_files *f, const row_layout *out,
                            const row_layout *rej);

/*
 * rfy_batch_run() over s->in.  Returns 0, or -1 after printing why the input
 * could not be read (the decoder's reason first; nothing when a hook stopped
 * the run and has said why).
 */
int run_stream_run(run_stream *s, rfy_batch_stats *st, const rfy_batch_config *cfg, const run_args *a);

/*
 * After the rows and the command's own summary lines: the summary sheet
 * (xlsx), the writer finished (an xlsx workbook is written here), and
 * output and rejects finished (run_files_finish(): complete, not yet named;
 * the command prepares its receipt, then run_files_commit()).  Returns 0, or
 * -1 after printing why (run_files_report_failure() is then due).
 */
int run_stream_finish(run_stream *s, run_files *f, const run_summary *sum,
                      const char *rates_id);

/*
 * One rejected row into the rejects file (the rejects' columns; the header
 * first when the rejects go to standard error) and into the summary's
 * reasons.  Returns RFY_OK, run_files_write_failed()'s code, or RFY_ENOMEM.
 */
int run_stream_write_reject(run_stream *s, run_files *f, run_summary *sum, const rfy_batch_reject *rej);

/* Give everything back.  Call before run_files_release(). */
void run_stream_release(run_stream *s);

#endif
