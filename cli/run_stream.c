/* The input, rates and outputs batch and audit open around the loop (run_stream.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "run_stream.h"

void run_stream_init(run_stream *s, const char *cmd, const char *out_word)
{
    memset(s, 0, sizeof *s);
    s->cmd = cmd;
    s->out_word = out_word;
    s->used = INPUT_ENC_UTF8;
}

int run_stream_open_input(run_stream *s, run_args *a, run_files *f)
{
    if (run_files_prepare(f, s->cmd, s->out_word, a->in_path, a->out_path, a->rej_path,
                          a->receipt_path) != 0)
        return -1;
    if (!(s->rates = cli_load_rates(a->rates_dir)))
        return -1;
    if (receipt_hash_init(&s->hash) != RFY_OK) {
        cli_say(s->cmd, RFY_MSG_OUT_OF_MEMORY);
        return -1;
    }
    /* With worker threads, the receipt's SHA-256 of the input runs on a
     * thread of its own, off the reading thread (docs/performance.md). */
    if (a->jobs >= 2)
        receipt_hash_behind(&s->hash);
    /* The input as UTF-8 (input_decode.h); it hashes the file's own bytes. */
    return run_input_open(s->cmd, a->in_path, &s->dec, &s->in, &s->sep, &s->used, f->in,
                          a->ro.encoding, receipt_hash_tap, &s->hash, a->delimiter_given,
                          &a->delimiter);
}

int run_stream_open_outputs(run_stream *s, const run_args *a, run_files *f, const row_layout *out,
                            const row_layout *rej)
{
    char *msg = NULL;
    s->out_layout = *out;
    s->rej_layout = *rej;
    if (!(s->out_header = row_layout_csv_header(out)) ||
        !(s->rej_header = row_layout_csv_header(rej)) || !(s->cells = rfy_cells_new())) {
        cli_say(s->cmd, RFY_MSG_OUT_OF_MEMORY);
        return -1;
    }
    f->rej_header = s->rej_header;
    if (run_files_open_outputs(f, s->out_header) != 0)
        return -1;
    if (a->jobs >= 2) /* the output's SHA-256 off the writing thread, as the input's */
        atomic_file_hash_behind(&f->out);
    if (row_writer_open(&s->writer, s->cmd, a->ro.format, &s->out_layout, &s->rej_layout,
                        !f->rej_header_pending,
                        a->ro.format == OUTPUT_XLSX ? atomic_file_write_path(&f->out) : a->out_path,
                        &msg) != 0) {
        fprintf(stderr, "rfy %s: %s\n", s->cmd, msg);
        free(msg);
        return -1;
    }
    f->writer = s->writer;
    return 0;
}

int run_stream_run(run_stream *s, rfy_batch_stats *st, const rfy_batch_config *cfg, const run_args *a)
{
    char *msg = NULL, hinted[4096];
    if (rfy_batch_run_lang(st, cfg, s->in, cli_lang, &msg) == RFY_OK)
        return 0;
    /* the engine's message with rfy's ways out (a header's unknown columns: --columns, ...) */
    if (msg)
        rfy_hints_apply(hinted, sizeof hinted, msg, cli_hints);
    /* bytes that are not text in the encoding: the decoder says which */
    const char *why = input_decode_error(s->dec) ? input_decode_error(s->dec) : msg ? hinted : NULL;
    if (why)
        fprintf(stderr, "rfy %s: %s: %s\n", s->cmd,
                strcmp(a->in_path, "-") ? a->in_path : cli_msg(RFY_MSG_STDIN), why);
    free(msg);
    return -1;
}

int run_stream_finish(run_stream *s, run_files *f, const run_summary *sum, const char *rates_id)
{
    char *msg = NULL;
    int rc;
    if (row_writer_summary(s->writer, sum, rates_id) != 0) {
        cli_say(s->cmd, RFY_MSG_CANNOT_WRITE_SUMMARY_SHEET);
        return -1;
    }
    rc = row_writer_finish(s->writer, &msg); /* xlsx: the workbook is written here */
    s->writer = NULL;
    f->writer = NULL;
    if (rc != 0) {
        if (msg)
            fprintf(stderr, "rfy %s: %s\n", s->cmd, msg);
        else
            cli_say(s->cmd, RFY_MSG_CANNOT_WRITE_THE, s->out_word);
        free(msg);
        return -1;
    }
    if (f->write_target || run_files_finish(f) != 0) /* committed with the receipt */
        return -1;
    return 0;
}

int run_stream_write_reject(run_stream *s, run_files *f, run_summary *sum, const rfy_batch_reject *rej)
{
    FILE *fp = f->rej.fp;
    errno = 0;
    if (f->rej_header_pending) {
        if (fputs(f->rej_header, fp) == EOF)
            return run_files_write_failed(f, f->rej.path);
        f->rej_header_pending = 0;
    }
    if (rfy_cells_of_reject(s->cells, rej, cli_lang, cli_hints) != RFY_OK) {
        errno = EOVERFLOW; /* not with the engine's faults: the table bounds them */
        return run_files_write_failed(f, f->rej.path);
    }
    if (row_writer_reject(s->writer, fp, s->cells, NULL) == EOF)
        return run_files_write_failed(f, f->rej.path);
    return run_summary_reject(sum, rej->err, rej->column, rej->reason) == 0 ? RFY_OK : RFY_ENOMEM;
}

void run_stream_release(run_stream *s)
{
    row_writer_free(s->writer);
    s->writer = NULL;
    rfy_cells_free(s->cells);
    s->cells = NULL;
    free(s->out_header);
    free(s->rej_header);
    s->out_header = s->rej_header = NULL;
    input_decode_close(s->dec);
    s->dec = NULL;
    rfy_rates_free(s->rates);
    s->rates = NULL;
    receipt_hash_clear(&s->hash);
}
