/*
 * rfy batch: compute a payroll batch (interface.md "Batch input/output").
 *
 * Reads IN row by row (batch_run.c), writes one output row per computed
 * case-month and one rejects row per row that could not be computed, and
 * prints a summary on standard error.  Output files are atomic
 * (atomic_file.c): after a failure no output or rejects file exists.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "result_row.h"
#include "run_files.h"
#include "batch_run.h"
#include "cli.h"
#include "receipt.h"
#include "input_again.h"
#include "run_args.h"
#include "run_stream.h"
#include "run_summary.h"

static const char BATCH_USAGE[] =
    "usage: rfy batch [--rates DIR] [-o OUT.csv] [--rejects REJ.csv] [--delimiter C]\n"
    "                 [--decimal-comma] [--encoding E] [--columns MAP.csv]\n"
    "                 [--ignore-columns N,...] [--format csv|excel|xlsx] [--quiet] IN.csv\n"
    "\n"
    "Computes every row of IN.csv (\"-\" = standard input) and writes the results as CSV\n"
    "to OUT.csv (default: standard output).  Rows that cannot be computed go to the\n"
    "rejects file with the line, the column and the reason: by default OUT.rejects.csv\n"
    "next to OUT.csv, or standard error when the output is standard output.\n"
    "\n"
    "  --rates DIR       use the rate tables in DIR instead of the built-in ones\n"
    "  -o OUT.csv        output file (\"-\" = standard output)\n"
    "  --rejects REJ.csv rejects file\n"
    "  --delimiter C     input field delimiter, one character (e.g. ';', or 'tab');\n"
    "                    the output always uses ','\n"
    "  --decimal-comma   input amounts are written 12345,67 (or 12.345,67)\n"
    RUN_OPTIONS_USAGE
    "  --quiet           no progress lines (the summary is still printed)\n"
    "  --jobs N          use N threads (1-16, default 1): one reads and writes, N-1\n"
    "                    compute; the output is the same, byte for byte, as with one\n"
    "  --receipt PATH    the run's receipt (default: OUT.receipt.json next to OUT.csv,\n"
    "                    or one line 'rfy receipt: {...}' on standard error)\n"
    "\n"
    "Exit codes: 0 all rows computed; 1 some rows rejected (all others written);\n"
    "2 usage error, unreadable input, malformed CSV or header, invalid rate tables or\n"
    "a write failure (then no output file is written).  See docs/batch.md.\n";

/* Progress on standard error every this many rows (never in the tests' small files). */
#define PROGRESS_EVERY 100000UL

typedef struct batch_ctx {
    run_files files;               /* input, output, rejects (run_files.h) */
    const char *rates_id;
    unsigned long written, rejects_written;
    unsigned long warned[RECEIPT_WARNINGS]; /* computed rows per warning bit (summary, receipt) */
    run_summary sum;               /* the reconciled summary (run_summary.h) */
    unsigned long lines_written;   /* input rows named in the `lines` of written rows */
    input_again *again;            /* reading the input again (its order) */
} batch_ctx;

/* ---- Writing ---------------------------------------------------------------- */

/*
 * The output row of a computed case-month with its newline, formatted into
 * buf (result_row.h).  Returns its length, or -1 if it does not fit.
 */
static int format_row(const batch_ctx *b, const batch_row *row, char *buf, size_t size)
{
    char lines[BATCH_LINES_MAX];
    int k = batch_row_format_lines(lines, sizeof lines, row);
    int n = k < 0 ? -1
                  : result_row_format(buf, size, row->case_id, row->case_id_len, row->in, row->res,
                                      b->rates_id, lines, (size_t)k);
    if (n < 0 || (size_t)n + 1 > size)
        return -1;
    buf[n++] = '\n';
    return n;
}

static int on_row(void *user, const batch_row *row, rfy_error *err)
{
    batch_ctx *b = user;
    char line[RESULT_ROW_MAX];
    int n;
    (void)err;

    errno = 0;
    if ((n = format_row(b, row, line, sizeof line)) < 0) {
        errno = EOVERFLOW; /* cannot happen with validated input (see RESULT_ROW_MAX) */
        return run_files_write_failed(&b->files, b->files.out.path);
    }
    if (fwrite(line, 1, (size_t)n, b->files.out.fp) != (size_t)n)
        return run_files_write_failed(&b->files, b->files.out.path);
    b->written++;
    for (int i = 0; i < RECEIPT_WARNINGS; i++)
        if (row->res->warnings & (1u << i))
            b->warned[i]++;
    run_summary_row(&b->sum, row->res);
    b->lines_written += row->nrows;
    return RFY_OK;
}

/* The input's header is accepted: now the output's header may be written. */
static int on_header(void *user, const case_binding *binding, char *msg, size_t msgsize)
{
    batch_ctx *b = user;
    (void)binding, (void)msg, (void)msgsize;
    run_files_write_header(&b->files); /* a failure is recorded, and stops the first row */
    return RFY_OK;
}

static int on_reject(void *user, const batch_reject *rej)
{
    batch_ctx *b = user;
    int rc = run_stream_write_reject(&b->files, &b->sum, rej);
    if (rc != RFY_EIO) /* written */
        b->rejects_written++;
    return rc;
}

/* The input was out of order (rfy_batch.h): start the outputs afresh (the
 * batch loop starts its input hash again itself). */
static int on_restart(void *user)
{
    batch_ctx *b = user;
    b->written = b->rejects_written = b->lines_written = 0;
    memset(b->warned, 0, sizeof b->warned);
    run_summary_clear(&b->sum);
    run_summary_init(&b->sum);
    return run_files_restart(&b->files, RESULT_ROW_HEADER "\n");
}

/* The batch loop reads the input again (rfy_batch.h reopen). */
static FILE *reopen_input(void *user)
{
    batch_ctx *b = user;
    return input_again_open(b->again);
}

static void on_progress(void *user, unsigned long rows)
{
    (void)user;
    fprintf(stderr, "rfy batch: %lu rows\xE2\x80\xA6\n", rows);
}

/* ---- Options ------------------------------------------------------------------ */

static void summary(const batch_ctx *b, const batch_stats *st, const char *rejects_name)
{
    /* Danish unless --lang en (cli_lang), as everything a person reads */
    const int en = cli_lang == RFY_LANG_EN;
    if (en)
        fprintf(stderr, "rfy batch: %lu row%s read, %lu computed", st->rows, st->rows == 1 ? "" : "s",
                st->computed);
    else
        fprintf(stderr, "rfy batch: %lu %s læst, %lu beregnet", st->rows,
                st->rows == 1 ? "række" : "rækker", st->computed);
    if (st->casemonths != st->computed) /* rows of one case-month together (rules.md §7) */
        fprintf(stderr, en ? " (%lu case-month%s)" : " (%lu sagsmåned%s)", st->casemonths,
                st->casemonths == 1 ? "" : en ? "s" : "er");
    fprintf(stderr, en ? ", %lu rejected" : ", %lu afvist", st->rejected);
    if (st->rejected)
        fprintf(stderr, en ? " (see %s)" : " (se %s)", rejects_name);
    fputc('\n', stderr);
    run_summary_print(&b->sum, stderr, "batch");
    /* rules.md §2: results that rest on a derived value say so, here too */
    for (int i = 0; i < RECEIPT_WARNINGS; i++)
        if (b->warned[i]) {
            int derived = (1u << i) == RFY_WARN_DERIVED_RATE;
            if (en)
                fprintf(stderr, "rfy batch: %lu row%s with warning %s%s\n", b->warned[i],
                        b->warned[i] == 1 ? "" : "s", rfy_warning_code((rfy_warning)(1u << i)),
                        derived ? " (computed with a value that is not published: rfy rates show YEAR)"
                                : "");
            else
                fprintf(stderr, "rfy batch: %lu %s med advarsel %s%s\n", b->warned[i],
                        b->warned[i] == 1 ? "række" : "rækker", rfy_warning_code((rfy_warning)(1u << i)),
                        derived ? " (beregnet med en værdi der ikke er offentliggjort: rfy rates show ÅR)"
                                : "");
        }
    if (st->sorted)
        fprintf(stderr, en ? "rfy batch: the input was not in case-month order: sorted (%lu temporary "
                             "file%s)\n"
                           : "rfy batch: inputtet var ikke i sagsmåned-orden: sorteret (%lu midlertidig%s "
                             "fil%s)\n",
                st->sorted_runs, en ? "" : st->sorted_runs == 1 ? "" : "e",
                st->sorted_runs == 1 ? "" : en ? "s" : "er");
    fprintf(stderr, "rfy batch: rates_id %s\n", b->rates_id);
}

/* ---- Receipt (receipt.h, docs/audit.md) ------------------------------------------- */

/* After both files are in place: the run's receipt, written atomically too. */
static int write_receipt(const batch_ctx *b, const batch_stats *st, receipt_hash *hash,
                         const char *rates_dir, const char *in, const char *out, const char *rej,
                         const char *path, json_t *options, int output_hashed)
{
    receipt r;
    char *msg = NULL;
    int rc;
    receipt_init(&r, "batch");
    r.options = options;
    r.summary = run_summary_json(&b->sum);
    if (!options || !r.summary) {
        json_decref(r.summary);
        fprintf(stderr, "rfy batch: cannot build the receipt: out of memory\n");
        return RFY_ENOMEM;
    }
    r.rates_id = b->rates_id;
    r.rates_dir = rates_dir;
    r.input_path = in;
    /* the input's hash: of the file's own bytes, taken by the decoder (hash) */
    r.rows = st->rows;
    r.computed = st->computed;
    r.rejected = st->rejected;
    r.warning_rows = b->warned;
    r.total_gross = st->gross;
    r.total_deductions = st->deductions;
    r.total_paid = st->payment;
    r.output_path = out;
    r.rejects_path = rej ? rej : "-";
    /* an xlsx workbook is written by libxlsxwriter, not through the stream:
     * receipt_emit() hashes it in place */
    receipt_take_hashes(&r, output_hashed ? atomic_file_sha256(&b->files.out) : NULL,
                        atomic_file_sha256(&b->files.rej));
    rc = receipt_emit(&r, hash, path, &msg);
    json_decref(r.summary);
    if (rc != RFY_OK)
        fprintf(stderr, "rfy batch: %s\n", msg ? msg : "cannot write the receipt");
    free(msg);
    return rc;
}

int cmd_batch(int argc, char **argv)
{
    static const struct option opts[] = {RUN_ARGS_LONGOPTS,
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    run_args args; /* the options and the input batch shares with audit (run_args.h) */
    run_stream s;  /* rates, input, its hash and the output adapter (run_stream.h) */
    int c, rc, exit_code = RFY_EXIT_USAGE;
    batch_ctx b;
    batch_config cfg;
    batch_stats st;
    input_again again;
    json_t *options = NULL;

    run_stream_init(&s, "batch", "output");
    memset(&b, 0, sizeof b);
    batch_stats_init(&st);
    run_summary_init(&b.sum);
    if (run_args_init(&args) != 0) {
        fprintf(stderr, "rfy batch: out of memory\n");
        goto cleanup;
    }
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        switch (c) {
        case 'h':
            fputs(BATCH_USAGE, stdout);
            exit_code = RFY_EXIT_OK;
            goto cleanup;
        default:
            if ((rc = run_args_parse(&args, "batch", c, optarg)) > 0)
                break;
            if (rc == 0)
                fputs(BATCH_USAGE, stderr);
            goto cleanup;
        }
    }
    if (run_args_input(&args, "batch", "IN.csv", "OUT.xlsx", BATCH_USAGE, argc, argv) != 0)
        goto cleanup;
    if (run_stream_open_input(&s, &args, &b.files) != 0)
        goto cleanup;
    b.rates_id = rfy_rates_id(s.rates);
    if (run_stream_open_outputs(&s, &args, &b.files, RESULT_ROW_HEADER "\n") != 0)
        goto failed;

    memset(&cfg, 0, sizeof cfg);
    cfg.rates = s.rates;
    cfg.delimiter = args.delimiter;
    cfg.amount = args.comma ? &RFY_AMOUNT_COMMA : &RFY_AMOUNT_DOT;
    cfg.columns = args.ro.columns;
    cfg.on_header = on_header;
    cfg.on_row = on_row;
    cfg.on_reject = on_reject;
    cfg.on_progress = args.quiet ? NULL : on_progress;
    cfg.progress_every = PROGRESS_EVERY;
    cfg.user = &b;
    cfg.jobs = args.jobs;
    /* The input may be read again (its order: docs/casemonth.md). */
    again = (input_again){b.files.in, &s.dec, &s.in, &s.hash, args.ro.encoding};
    b.again = &again;
    if (input_again_possible(b.files.in))
        cfg.reopen = reopen_input;
    /* Streaming may start again from the top when the outputs can be
     * emptied (files, CSV); else the input's order is checked first. */
    if (run_files_can_restart(&b.files) && args.ro.format == OUTPUT_CSV)
        cfg.on_restart = on_restart;
    if (run_stream_run(&s, &st, &cfg, &args) != 0)
        goto failed;
    /* interface.md: every input row is named in one output row's `lines` or
     * in one reject row, always. */
    if (b.lines_written + b.rejects_written != st.rows || b.written != st.casemonths) {
        fprintf(stderr, "rfy batch: internal error: %lu rows read, but %lu named in output "
                        "rows and %lu rejected\n", st.rows, b.lines_written, b.rejects_written);
        goto failed;
    }
    run_summary_finish(&b.sum, st.rows, st.computed, st.rejected, st.gross, st.deductions,
                       st.payment);
    if (run_stream_finish(&s, &b.files, &b.sum, b.rates_id) != 0)
        goto failed;
    /* The receipt hashes the files in place; without it they are taken back. */
    options = run_options_json(&args.ro, args.delimiter, args.comma, s.used, s.sep);
    if (write_receipt(&b, &st, &s.hash, args.rates_dir, args.in_path, args.out_path,
                      b.files.rej_path, args.receipt_path, options,
                      args.ro.format != OUTPUT_XLSX) != RFY_OK)
        goto failed;
    run_files_close(&b.files);
    summary(&b, &st, b.files.rejects_name);
    exit_code = st.rejected ? RFY_EXIT_REJECTS : RFY_EXIT_OK;
    goto cleanup;

failed:
    run_files_report_failure(&b.files);
    exit_code = RFY_EXIT_USAGE;
cleanup:
    run_stream_release(&s); /* gives the output streams back first */
    json_decref(options);
    run_args_free(&args);
    run_summary_clear(&b.sum);
    run_files_release(&b.files);
    batch_stats_clear(&st);
    return exit_code;
}
