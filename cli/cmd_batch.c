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

static const char BATCH_USAGE[] =
    "usage: rfy batch [--rates DIR] [-o OUT.csv] [--rejects REJ.csv] [--delimiter C]\n"
    "                 [--decimal-comma] [--quiet] IN.csv\n"
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
    "  --decimal-comma   input amounts are written 12345,67\n"
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
} batch_ctx;

/* ---- Writing ---------------------------------------------------------------- */

/*
 * The output row of a computed case-month with its newline, formatted into
 * buf (result_row.h).  Returns its length, or -1 if it does not fit.  Reads
 * b only: runs in worker threads with --jobs.
 */
static int format_row(const void *user, const batch_row *row, char *buf, size_t size)
{
    const batch_ctx *b = user;
    int n = result_row_format(buf, size, row->case_id, row->case_id_len, row->in, row->res,
                              b->rates_id);
    if (n < 0 || (size_t)n + 1 > size)
        return -1;
    buf[n++] = '\n';
    return n;
}

static int on_row(void *user, const batch_row *row, rfy_error *err)
{
    batch_ctx *b = user;
    char line[RESULT_ROW_MAX];
    const char *bytes = row->formatted; /* formatted by a worker (--jobs), or here */
    int n = (int)row->formatted_len;
    (void)err;

    errno = 0;
    if (!bytes) {
        bytes = line;
        if ((n = format_row(b, row, line, sizeof line)) < 0) {
            errno = EOVERFLOW; /* cannot happen with validated input (see RESULT_ROW_MAX) */
            return run_files_write_failed(&b->files, b->files.out.path);
        }
    }
    if (fwrite(bytes, 1, (size_t)n, b->files.out.fp) != (size_t)n)
        return run_files_write_failed(&b->files, b->files.out.path);
    b->written++;
    for (int i = 0; i < RECEIPT_WARNINGS; i++)
        if (row->res->warnings & (1u << i))
            b->warned[i]++;
    return RFY_OK;
}

static int on_reject(void *user, const batch_reject *rej)
{
    batch_ctx *b = user;
    FILE *fp = b->files.rej.fp;

    errno = 0;
    if (b->files.rej_header_pending) {
        if (fputs(REJECT_ROW_HEADER, fp) == EOF)
            return run_files_write_failed(&b->files, b->files.rej.path);
        b->files.rej_header_pending = 0;
    }
    if (reject_row_write(fp, rej->line, rej->case_id, rej->case_id_len, rej->column,
                         rej->reason) == EOF)
        return run_files_write_failed(&b->files, b->files.rej.path);
    b->rejects_written++;
    return RFY_OK;
}

static void on_progress(void *user, unsigned long rows)
{
    (void)user;
    fprintf(stderr, "rfy batch: %lu rows\xE2\x80\xA6\n", rows);
}

/* ---- Options ------------------------------------------------------------------ */

/* --jobs N: 1..BATCH_MAX_JOBS, digits only. */
static int parse_jobs(unsigned *out, const char *arg)
{
    unsigned long n = 0;
    size_t i, len = strlen(arg);
    if (len == 0 || len > 3)
        return -1;
    for (i = 0; i < len; i++) {
        if (arg[i] < '0' || arg[i] > '9')
            return -1;
        n = n * 10 + (unsigned long)(arg[i] - '0');
    }
    if (n < 1 || n > BATCH_MAX_JOBS)
        return -1;
    *out = (unsigned)n;
    return 0;
}

static void summary(const batch_ctx *b, const batch_stats *st, const char *rejects_name)
{
    char g[48], d[48], p[48];
    rfy_money_format(g, sizeof g, st->gross, '.');
    rfy_money_format(d, sizeof d, st->deductions, '.');
    rfy_money_format(p, sizeof p, st->payment, '.');
    fprintf(stderr, "rfy batch: %lu row%s read, %lu computed, %lu rejected", st->rows,
            st->rows == 1 ? "" : "s", st->computed, st->rejected);
    if (st->rejected)
        fprintf(stderr, " (see %s)", rejects_name);
    fprintf(stderr, "\nrfy batch: total gross %s, total deductions %s, total paid %s\n", g, d, p);
    /* rules.md §2: results that rest on a derived value say so, here too */
    for (int i = 0; i < RECEIPT_WARNINGS; i++)
        if (b->warned[i])
            fprintf(stderr, "rfy batch: %lu row%s with warning %s%s\n", b->warned[i],
                    b->warned[i] == 1 ? "" : "s", rfy_warning_code((rfy_warning)(1u << i)),
                    (1u << i) == RFY_WARN_DERIVED_RATE
                        ? " (computed with a value that is not published: rfy rates show YEAR)"
                        : "");
    fprintf(stderr, "rfy batch: rates_id %s\n", b->rates_id);
}

/* ---- Receipt (receipt.h, docs/audit.md) ------------------------------------------- */

/* After both files are in place: the run's receipt, written atomically too. */
static int write_receipt(const batch_ctx *b, const batch_stats *st, const char *rates_dir, const char *in, const char *out, const char *rej,
                         const char *path)
{
    receipt r;
    char *msg = NULL;
    int rc;
    receipt_init(&r, "batch");
    r.rates_id = b->rates_id;
    r.rates_dir = rates_dir;
    r.input_path = in;
    r.input_bytes = st->input_bytes; /* hashed by the batch loop as it read */
    snprintf(r.input_sha256, sizeof r.input_sha256, "%s", st->input_sha256);
    r.rows = st->rows;
    r.computed = st->computed;
    r.rejected = st->rejected;
    r.warning_rows = b->warned;
    r.total_gross = st->gross;
    r.total_deductions = st->deductions;
    r.total_paid = st->payment;
    r.output_path = out;
    r.rejects_path = rej ? rej : "-";
    receipt_take_hashes(&r, atomic_file_sha256(&b->files.out), atomic_file_sha256(&b->files.rej));
    rc = receipt_emit(&r, NULL, path, &msg);
    if (rc != RFY_OK)
        fprintf(stderr, "rfy batch: %s\n", msg ? msg : "cannot write the receipt");
    free(msg);
    return rc;
}

int cmd_batch(int argc, char **argv)
{
    enum { OPT_REJECTS = 256, OPT_DELIM, OPT_COMMA, OPT_QUIET, OPT_RATES, OPT_RECEIPT };
    enum { OPT_JOBS = 512 }; /* --jobs (docs/performance.md) */
    unsigned jobs = 1;
    static const struct option opts[] = {{"rates", required_argument, 0, OPT_RATES},
                                         {"output", required_argument, 0, 'o'},
                                         {"rejects", required_argument, 0, OPT_REJECTS},
                                         {"delimiter", required_argument, 0, OPT_DELIM},
                                         {"decimal-comma", no_argument, 0, OPT_COMMA},
                                         {"quiet", no_argument, 0, OPT_QUIET},
                                         {"jobs", required_argument, 0, OPT_JOBS},
                                         {"receipt", required_argument, 0, OPT_RECEIPT},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *rates_dir = NULL, *out_path = "-", *rej_path = NULL, *in_path;
    char *msg = NULL;
    char delimiter = ',';
    int comma = 0, quiet = 0, c, rc, exit_code = RFY_EXIT_USAGE;
    rfy_rates *rates = NULL;
    batch_ctx b;
    batch_config cfg;
    batch_stats st;
    const char *receipt_path = NULL; /* receipt */

    memset(&b, 0, sizeof b);
    batch_stats_init(&st);
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        switch (c) {
        case OPT_RATES: rates_dir = optarg; break;
        case 'o': out_path = optarg; break;
        case OPT_REJECTS: rej_path = optarg; break;
        case OPT_DELIM:
            if (cli_parse_delimiter(&delimiter, optarg) != 0) {
                fprintf(stderr, "rfy batch: --delimiter must be one character other than a "
                                "quote or a line break (or 'tab'), not '%s'\n", optarg);
                goto cleanup;
            }
            break;
        case OPT_COMMA: comma = 1; break;
        case OPT_QUIET: quiet = 1; break;
        case OPT_JOBS:
            if (parse_jobs(&jobs, optarg) != 0) {
                fprintf(stderr, "rfy batch: --jobs must be a whole number from 1 to %d, not '%s'\n",
                        BATCH_MAX_JOBS, optarg);
                goto cleanup;
            }
            break;
        case OPT_RECEIPT: receipt_path = optarg; break;
        case 'h':
            fputs(BATCH_USAGE, stdout);
            exit_code = RFY_EXIT_OK;
            goto cleanup;
        default:
            fputs(BATCH_USAGE, stderr);
            goto cleanup;
        }
    }
    if (optind + 1 != argc) {
        fprintf(stderr, "rfy batch: expected one input file (IN.csv, or - for standard "
                        "input)%s\n", optind < argc ? ", found more" : "");
        fputs(BATCH_USAGE, stderr);
        goto cleanup;
    }
    in_path = argv[optind];
    if (run_files_prepare(&b.files, "batch", "output", in_path, out_path, rej_path,
                          receipt_path) != 0)
        goto cleanup;
    if (!(rates = cli_load_rates(rates_dir)))
        goto cleanup;
    b.rates_id = rfy_rates_id(rates);

    if (run_files_open_outputs(&b.files, RESULT_ROW_HEADER "\n") != 0)
        goto failed;

    memset(&cfg, 0, sizeof cfg);
    cfg.rates = rates;
    cfg.delimiter = delimiter;
    cfg.amount = comma ? &RFY_AMOUNT_COMMA : &RFY_AMOUNT_DOT;
    cfg.on_row = on_row;
    cfg.on_reject = on_reject;
    cfg.on_progress = quiet ? NULL : on_progress;
    cfg.progress_every = PROGRESS_EVERY;
    cfg.user = &b;
    cfg.jobs = jobs;
    cfg.format_row = format_row;
    cfg.format_max = RESULT_ROW_MAX;
    cfg.hash_input = 1; /* receipt */
    rc = batch_run(&st, &cfg, b.files.in, &msg);
    if (rc != RFY_OK) {
        if (msg)
            fprintf(stderr, "rfy batch: %s: %s\n", strcmp(in_path, "-") ? in_path : "standard input",
                    msg);
        goto failed;
    }
    /* interface.md: input rows = output rows + reject rows, always. */
    if (b.written + b.rejects_written != st.rows) {
        fprintf(stderr, "rfy batch: internal error: %lu rows read, but %lu written and %lu "
                        "rejected\n", st.rows, b.written, b.rejects_written);
        goto failed;
    }
    if (run_files_commit(&b.files) != 0)
        goto failed;
    /* The receipt hashes the files in place; without it they are taken back. */
    if (write_receipt(&b, &st, rates_dir, in_path, out_path, b.files.rej_path,
                      receipt_path) != RFY_OK)
        goto failed;
    run_files_close(&b.files);
    summary(&b, &st, b.files.rejects_name);
    exit_code = st.rejected ? RFY_EXIT_REJECTS : RFY_EXIT_OK;
    goto cleanup;

failed:
    run_files_report_failure(&b.files);
    exit_code = RFY_EXIT_USAGE;
cleanup:
    run_files_release(&b.files);
    rfy_rates_free(rates);
    free(msg);
    batch_stats_clear(&st);
    return exit_code;
}
