/* The files of a batch-like run (run_files.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "cli.h"
#include "receipt.h"
#include "row_writer.h"
#include "run_files.h"

int run_files_prepare(run_files *f, const char *cmd, const char *out_word, const char *in_path,
                      const char *out_path, const char *rej_path, const char *receipt_path)
{
    memset(f, 0, sizeof *f);
    f->cmd = cmd;
    f->in_path = in_path;
    f->out_path = out_path;
    f->rej_path = rej_path;
    memset(&f->rcp, 0, sizeof f->rcp);
    f->rcp.fd = -1;
    /* never a side file next to standard output, a device or a FIFO (atomic_file.h) */
    if (!rej_path && atomic_path_allows_side_files(out_path)) {
        if (!(f->rej_path = f->rej_owned = cli_default_rejects_path(out_path))) {
            cli_say(cmd, RFY_MSG_OUT_OF_MEMORY);
            return -1;
        }
    }
    rej_path = f->rej_path;
    if (rej_path && (strcmp(rej_path, out_path) == 0 || strcmp(rej_path, in_path) == 0 ||
                     (strcmp(out_path, in_path) == 0 && strcmp(in_path, "-") != 0))) {
        cli_say(cmd, RFY_MSG_FILES_DIFFERENT, out_word);
        return -1;
    }
    if (receipt_path_clashes(receipt_path, in_path, out_path, rej_path) != 0) {
        cli_say(cmd, RFY_MSG_RECEIPT_CLASHES, out_word, out_word);
        return -1;
    }
    if (strcmp(in_path, "-") == 0)
        f->in = stdin;
    else if (!(f->in = fopen(in_path, "rb"))) {
        cli_say(cmd, RFY_MSG_CANNOT_READ, in_path, cli_errno(errno));
        return -1;
    }
    return 0;
}

int run_files_write_failed(run_files *f, const char *target)
{
    if (!f->write_target) {
        f->write_errno = errno ? errno : EIO;
        f->write_target = target;
    }
    return RFY_EIO;
}

int run_files_open_outputs(run_files *f, const char *out_header)
{
    char *msg = NULL;
    if (atomic_file_open(&f->out, f->out_path, &msg) != RFY_OK) {
        fprintf(stderr, "rfy %s: %s\n", f->cmd, msg);
        free(msg);
        return -1;
    }
    if (f->rej_path) {
        if (atomic_file_open(&f->rej, f->rej_path, &msg) != RFY_OK) {
            fprintf(stderr, "rfy %s: %s\n", f->cmd, msg);
            free(msg);
            atomic_file_abort(&f->out);
            return -1;
        }
        f->rejects_name = f->rej_path;
    } else {
        atomic_file_wrap(&f->rej, stderr, cli_msg(RFY_MSG_STDERR));
        f->rej_header_pending = 1;
        f->rejects_name = cli_msg(RFY_MSG_STDERR);
    }
    f->outputs_open = 1;
    f->out_header = out_header;
    f->rej_header_deferred = !f->rej_header_pending;
    return 0;
}

int run_files_write_header(run_files *f)
{
    errno = 0;
    if (f->out_header && (f->writer ? row_writer_header(f->writer, f->out.fp, 0)
                                    : fputs(f->out_header, f->out.fp)) == EOF)
        return run_files_write_failed(f, f->out.path);
    f->out_header = NULL;
    if (f->rej_header_deferred && (f->writer ? row_writer_header(f->writer, f->rej.fp, 1)
                                             : fputs(f->rej_header, f->rej.fp)) == EOF)
        return run_files_write_failed(f, f->rej.path);
    f->rej_header_deferred = 0;
    return RFY_OK;
}

int run_files_can_restart(const run_files *f)
{
    return atomic_file_is_atomic(&f->out) && atomic_file_is_atomic(&f->rej);
}

int run_files_restart(run_files *f, const char *out_header)
{
    errno = 0;
    if (atomic_file_rewind(&f->out) != 0)
        return run_files_write_failed(f, f->out.path);
    if (atomic_file_rewind(&f->rej) != 0)
        return run_files_write_failed(f, f->rej.path);
    /* the headers again once the input's header is accepted again */
    f->out_header = out_header;
    f->rej_header_deferred = 1;
    return RFY_OK;
}

int run_files_finish(run_files *f)
{
    char *msg = NULL;
    if (f->finished)
        return 0;
    /* Finish both files before anything is named, so a failure leaves neither. */
    if (atomic_file_finish(&f->out, &msg) != RFY_OK || atomic_file_finish(&f->rej, &msg) != RFY_OK) {
        fprintf(stderr, "rfy %s: %s\n", f->cmd, msg ? msg : cli_msg(RFY_MSG_CANNOT_WRITE_OUTPUT));
        free(msg);
        return -1;
    }
    /* The ledger commits its run here: after the outputs are complete, before
     * the receipt (which names the ledger's run) and before any name appears. */
    if (f->before_rename && f->before_rename(f->before_rename_user, f) != 0)
        return -1; /* it said why */
    f->finished = 1;
    return 0;
}

int run_files_commit(run_files *f)
{
    atomic_file *const all[] = {&f->out, &f->rej, &f->rcp};
    char *msg = NULL;
    if (run_files_finish(f) != 0) /* (done already: a no-op) */
        return -1;
    if (atomic_file_commit_all(all, sizeof all / sizeof all[0], &msg) != RFY_OK) {
        fprintf(stderr, "rfy %s: %s\n", f->cmd, msg ? msg : cli_msg(RFY_MSG_CANNOT_WRITE_OUTPUT));
        free(msg);
        return -1;
    }
    if (f->receipt_line) {
        errno = 0;
        if (fputs(f->receipt_line, stderr) == EOF || fflush(stderr) == EOF) {
            cli_say(f->cmd, RFY_MSG_RECEIPT_TO_STDERR, cli_errno(errno ? errno : EIO));
            return -1;
        }
    }
    return 0;
}

void run_files_close(run_files *f)
{
    atomic_file_close(&f->out);
    atomic_file_close(&f->rej);
    atomic_file_close(&f->rcp);
    f->outputs_open = 0;
}

void run_files_report_failure(const run_files *f)
{
    if (f->write_target)
        cli_say(f->cmd, RFY_MSG_CANNOT_WRITE,
                strcmp(f->write_target, "-") ? f->write_target : cli_msg(RFY_MSG_STDOUT),
                cli_errno(f->write_errno));
    if (atomic_file_is_atomic(&f->out))
        cli_say(f->cmd, RFY_MSG_NOT_WRITTEN, f->out.path);
    if (atomic_file_is_atomic(&f->rej))
        cli_say(f->cmd, RFY_MSG_NOT_WRITTEN, f->rej.path);
}

void run_files_release(run_files *f)
{
    if (f->outputs_open) {
        atomic_file_abort(&f->out);
        atomic_file_abort(&f->rej);
        f->outputs_open = 0;
    }
    atomic_file_abort(&f->rcp); /* empty, or not committed: never a receipt without its files */
    free(f->receipt_line);
    f->receipt_line = NULL;
    if (f->in && f->in != stdin)
        fclose(f->in);
    f->in = NULL;
    free(f->rej_owned);
    f->rej_owned = NULL;
}
