/*
 * The files of a batch-like run (`rfy batch`, `rfy audit`): the input, the
 * output (or report), the rejects file and the receipt.  One place decides
 * the default rejects path, refuses clashing paths, opens everything, writes
 * the headers, commits the outputs together and reports a failure.
 *
 * The outputs follow atomic_file.h's prepare all / commit all / abort all:
 * no output, rejects or receipt file gets its name before all three are
 * complete, and none remains after a failure or a signal.
 *
 *     run_files f;
 *     if (run_files_prepare(&f, "batch", "output", in, out, rej, receipt) != 0) goto fail;
 *     ... load rates ...
 *     if (run_files_open_outputs(&f, HEADER) != 0) goto fail;
 *     ... rows: write to f.out.fp / f.rej.fp; on a write error run_files_write_failed() ...
 *   prepare all:
 *     if (run_files_finish(&f) != 0) goto fail;      output and rejects complete, unnamed
 *     ... receipt_prepare(&r, ..., &f.rcp, &f.receipt_line, &msg) ...
 *     (a caller that keeps a database in step commits its transaction here:
 *      after it, only renames are left, and `rfy ledger export` can redo them)
 *   commit all:
 *     if (run_files_commit(&f) != 0) goto fail;      all three named together
 *     run_files_close(&f);
 *   fail: run_files_report_failure(&f);
 *   always, abort all: run_files_release(&f);
 * Messages go to standard error as "rfy CMD: ...".
 *
 * When the output is not a regular file (standard output, a device, a FIFO),
 * the rejects and the receipt have no default file: they go to standard
 * error unless --rejects / --receipt name a place (atomic_path_allows_side_files).
 */
#ifndef RFY_RUN_FILES_H
#define RFY_RUN_FILES_H

#include <stdio.h>

#include "atomic_file.h"

typedef struct run_files {
    const char *cmd;            /* "batch", "audit": for messages */
    const char *in_path;        /* "-" = standard input */
    const char *out_path;       /* "-" = standard output */
    const char *rej_path;       /* NULL = standard error */
    const char *rejects_name;   /* rej_path, or "standard error" */
    char *rej_owned;            /* the default rejects path, when made here */
    FILE *in;
    atomic_file out, rej;
    atomic_file rcp;            /* the receipt file (receipt_prepare), or empty */
    char *receipt_line;         /* the receipt for standard error, printed at the commit (owned) */
    int rej_header_pending;     /* rejects on standard error: header before the first */
    const char *out_header;     /* written by run_files_write_header() once the input's is bound */
    const char *rej_header;     /* the rejects' header line (rfy's CSV: standard error, reordering) */
    struct row_writer *writer;  /* writes both headers in the --format (row_writer.h), or NULL */
    int rej_header_deferred;    /* rejects file: its header too */
    int outputs_open;           /* out and rej are open and not yet committed or closed */
    int finished;               /* run_files_finish() has succeeded (it runs once) */
    int write_errno;            /* errno of the first failed write */
    const char *write_target;   /* the file it was */
    /* Optional: called by run_files_finish() after both files are finished
     * and before the receipt is prepared and any name appears (the ledger commits its run there);
     * non-zero stops the commit (both files are then given up). */
    int (*before_rename)(void *user, struct run_files *f);
    void *before_rename_user;
} run_files;

/*
 * Resolve the default rejects path ("OUT.rejects.csv" next to a regular file
 * output; standard error otherwise), refuse an input, output, rejects or receipt path that is another
 * of them, and open the input.  `out_word` names the output in messages
 * ("output", "report").  Returns 0, or -1 after printing why.
 */
int run_files_prepare(run_files *f, const char *cmd, const char *out_word, const char *in_path,
                      const char *out_path, const char *rej_path, const char *receipt_path);

/*
 * Open the output and rejects files (atomic_file.h).  Their header lines
 * (`out_header` ends with a newline) are written by run_files_write_header()
 * once the input's header is accepted: with -o - nothing may reach standard
 * output before, and an output format adapter sees them.  Rejects on
 * standard error get their header before the first reject only.  Returns 0, or -1 after printing why
 * (or recording the write error for run_files_report_failure()).
 */
int run_files_open_outputs(run_files *f, const char *out_header);

/* Write the output's header line (once; call when the input's header is
 * bound).  Returns RFY_OK, or RFY_EIO recorded as run_files_write_failed(). */
int run_files_write_header(run_files *f);

/* Remember the first write error (errno) on `target` (a path, "-" for standard
 * output, or a stream's name) and return RFY_EIO. */
int run_files_write_failed(run_files *f, const char *target);

/* Non-zero when both outputs are temporary files that run_files_restart() can empty. */
int run_files_can_restart(const run_files *f);

/* Empty both outputs; their headers are written again by
 * run_files_write_header() (rfy/batch.h on_restart).  Returns RFY_OK, or
 * RFY_EIO after recording the write error. */
int run_files_restart(run_files *f, const char *out_header);

/* Prepare: finish output and rejects (flushed, fsync'ed, hashed; still
 * without names).  Returns 0, or -1 after printing why. */
int run_files_finish(run_files *f);

/* Commit all: output, rejects and receipt get their names together; then
 * the receipt line for standard error, if any, is printed.  Returns 0, or
 * -1 after printing why (run_files_release() then removes all three). */
int run_files_commit(run_files *f);

/* After a successful commit: release the outputs. */
void run_files_close(run_files *f);

/* Say what failed: the first write error, and "PATH not written" for each output. */
void run_files_report_failure(const run_files *f);

/* Always, last: remove uncommitted outputs, close the input, free what f owns. */
void run_files_release(run_files *f);

#endif
