/*
 * rfy audit: recompute historic payments and report every difference
 * (interface.md "Audit input"; docs/audit.md).
 *
 * Reads HISTORIC row by row through the batch loop (batch_run.c) with one
 * extra column, `paid`.  Each row is recomputed with the rate tables in
 * force in its own month (rfy_compute picks them), and compared with paid
 * to the øre.  The report holds the batch output columns plus paid and
 * difference (paid − payment) for every row that differs, then a summary
 * block.  Rejects are written as batch writes them.  Report, rejects and
 * receipt are atomic: after a failure none of them exists.
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
#include "explain.h"
#include "receipt.h"
#include "run_options.h"

static const char AUDIT_USAGE[] =
    "usage: rfy audit [--rates DIR] [-o REPORT.csv] [--rejects REJ.csv] [--receipt PATH]\n"
    "                 [--explain CASE_ID] [--delimiter C] [--decimal-comma] [--quiet]\n"
    "                 [--encoding E] [--columns MAP.csv] [--ignore-columns N,...]\n"
    "                 [--format csv|excel|xlsx] HISTORIC.csv\n"
    "\n"
    "Recomputes every row of HISTORIC.csv (\"-\" = standard input: the batch input\n"
    "columns plus `paid`, the amount that was paid) with the rate tables in force in\n"
    "its month, and reports each row whose payment differs from paid, with\n"
    "difference = paid - payment (positive: paid too much), followed by a summary.\n"
    "\n"
    "  --rates DIR        use the rate tables in DIR instead of the built-in ones\n"
    "  -o REPORT.csv      report file (default: standard output)\n"
    "  --rejects REJ.csv  rows that cannot be recomputed (default: REPORT.rejects.csv,\n"
    "                     or standard error when the report is standard output)\n"
    "  --receipt PATH     the run's receipt (default: REPORT.receipt.json, or one line\n"
    "                     'rfy receipt: {...}' on standard error)\n"
    "  --explain CASE_ID  print the breakdown of each differing row of that case\n"
    "                     (to standard output, or standard error when the report is there)\n"
    "  --delimiter C      input field delimiter, one character (or 'tab')\n"
    "  --decimal-comma    input amounts are written 12345,67 (or 12.345,67)\n"
    RUN_OPTIONS_USAGE
    "  --quiet            no progress lines (the summary is still printed)\n"
    "\n"
    "Exit codes: 0 every row matches; 1 a difference or a rejected row; 2 usage error,\n"
    "missing `paid` column, unreadable input, malformed CSV, invalid rate tables or a\n"
    "write failure (then nothing is written).  See docs/audit.md.\n";

/* The batch output columns (interface.md "Batch output"), then the audit's two. */
/* The report: the batch output columns plus paid and difference (interface.md). */
static const char REPORT_HEADER[] = RESULT_ROW_HEADER ",paid,difference\n";

/* The extra input column, index 0 in the binding's extra list. */
static const char *const EXTRA_COLUMNS[] = {"paid"};
enum { EXTRA_PAID = 0 };

#define PROGRESS_EVERY 100000UL

typedef struct audit_ctx {
    run_files files;         /* input, report, rejects (run_files.h) */
    const rfy_rates *rates;
    const char *rates_id;
    const rfy_decimal_syntax *amount;
    const char *explain_id;  /* --explain CASE_ID, or NULL */
    size_t explain_len;
    FILE *explain_out;
    unsigned long explained;
    unsigned long matches, differences, rejects_written;
    unsigned long warned[RECEIPT_WARNINGS]; /* computed rows per warning bit (receipt) */
    mpz_t paid, diff;        /* this row's, reused: nothing allocated per row */
    mpz_t gross, deductions, payment, paid_total, diff_total; /* over computed rows */
} audit_ctx;

/* ---- Writing (result_row.h: the same cells and quoting as batch) --------------------- */

static int write_failed(audit_ctx *a, const char *target)
{
    return run_files_write_failed(&a->files, target);
}

/* ---- The paid column ------------------------------------------------------------------ */

/* `paid` in the input's amount syntax and within the interface's limit for
 * amounts; else a reject naming the column. */
static int parse_paid(mpz_t out, const char *s, size_t len, const rfy_decimal_syntax *syn,
                      rfy_error *err)
{
    char shown[CASE_ID_DISPLAY_SIZE];
    const char *why = NULL;
    err->column = EXTRA_COLUMNS[EXTRA_PAID];
    if (len == 0) {
        snprintf(err->reason, sizeof err->reason,
                 "paid is empty: give the amount that was paid (%s if nothing was)",
                 syn->decimal_point == ',' ? "0,00" : "0.00");
        return RFY_EINPUT;
    }
    case_input_display_id(shown, sizeof shown, s, len);
    if (rfy_amount_parse(out, s, len, syn, &why) != RFY_OK) { /* also 20.000,00 */
        snprintf(err->reason, sizeof err->reason, "paid '%.64s' is not a valid number: %s", shown,
                 why ? why : "unreadable");
        return RFY_EINPUT;
    }
    if (mpz_cmp_si(out, RFY_MAX_AMOUNT_ORE) > 0) {
        snprintf(err->reason, sizeof err->reason, "paid '%.64s' is above the limit %s", shown,
                 syn->decimal_point == ',' ? "9999999,99 kr." : "9999999.99 kr.");
        return RFY_EINPUT;
    }
    return RFY_OK;
}

/* ---- Hooks --------------------------------------------------------------------------- */

static int on_header(void *user, const case_binding *b, char *msg, size_t msgsize)
{
    audit_ctx *a = user;
    if (b->extra_field[EXTRA_PAID] >= 0) {
        run_files_write_header(&a->files); /* a failure is recorded, and stops the first row */
        return RFY_OK;
    }
    snprintf(msg, msgsize, "missing column paid: an audit needs the amount that was paid in "
                           "each row");
    return RFY_EINPUT;
}

/* --explain: the preview's breakdown, headed with where the row is and what differs. */
static int explain_row(audit_ctx *a, const batch_row *row)
{
    char paid[48], payment[48], diff[48];
    FILE *fp = a->explain_out;
    rfy_money_format_da(paid, sizeof paid, a->paid);
    rfy_money_format_da(payment, sizeof payment, row->res->payment);
    rfy_money_format_da(diff, sizeof diff, a->diff);
    errno = 0;
    if (fprintf(fp, "%s=== Linje %lu, sag %s: udbetalt %s kr., genberegnet %s kr., "
                    "forskel %s kr. (udbetalt − genberegnet) ===\n",
                a->explained ? "\n" : "", row->line, a->explain_id, paid, payment, diff) < 0 ||
        explain_text_recomputation(fp, a->explain_id, row->in, row->res, a->rates) == EOF)
        return write_failed(a, fp == stdout ? "-" : "standard error");
    a->explained++;
    return RFY_OK;
}

static int on_row(void *user, const batch_row *row, rfy_error *err)
{
    audit_ctx *a = user;
    FILE *fp = a->files.out.fp;
    const rfy_result *r = row->res;
    const char *cell;
    size_t len;
    char line[RESULT_ROW_MAX];
    int n;

    cell = case_input_extra_cell(row->binding, row->rec, EXTRA_PAID, &len);
    /* Nothing is written before this point: a bad paid makes the row a reject. */
    if (parse_paid(a->paid, cell, len, a->amount, err) != RFY_OK)
        return RFY_EINPUT;
    mpz_add(a->gross, a->gross, r->gross);
    mpz_add(a->deductions, a->deductions, r->total_deduction);
    mpz_add(a->payment, a->payment, r->payment);
    mpz_add(a->paid_total, a->paid_total, a->paid);
    for (int i = 0; i < RECEIPT_WARNINGS; i++)
        if (r->warnings & (1u << i))
            a->warned[i]++;
    if (mpz_cmp(a->paid, r->payment) == 0) {
        a->matches++;
        return RFY_OK;
    }
    /* Positive: paid too much. */
    mpz_sub(a->diff, a->paid, r->payment);
    mpz_add(a->diff_total, a->diff_total, a->diff);
    a->differences++;

    errno = 0;
    n = result_row_format(line, sizeof line, row->case_id, row->case_id_len, row->in, r,
                          a->rates_id);
    if (n < 0) {
        errno = EOVERFLOW; /* cannot happen with validated input (RESULT_ROW_MAX) */
        return write_failed(a, a->files.out.path);
    }
    len = (size_t)n;
    if (result_row_add_money(line, sizeof line, &len, a->paid) != 0 ||
        result_row_add_money(line, sizeof line, &len, a->diff) != 0 || len + 1 > sizeof line) {
        errno = EOVERFLOW;
        return write_failed(a, a->files.out.path);
    }
    line[len++] = '\n';
    if (fwrite(line, 1, len, fp) != len)
        return write_failed(a, a->files.out.path);

    if (a->explain_id && row->case_id_len == a->explain_len &&
        memcmp(row->case_id, a->explain_id, a->explain_len) == 0)
        return explain_row(a, row);
    return RFY_OK;
}

static int on_reject(void *user, const batch_reject *rej)
{
    audit_ctx *a = user;
    FILE *fp = a->files.rej.fp;

    errno = 0;
    if (a->files.rej_header_pending) {
        if (fputs(REJECT_ROW_HEADER, fp) == EOF)
            return write_failed(a, a->files.rej.path);
        a->files.rej_header_pending = 0;
    }
    if (reject_row_write(fp, rej->line, rej->case_id, rej->case_id_len, rej->column,
                         rej->reason) == EOF)
        return write_failed(a, a->files.rej.path);
    a->rejects_written++;
    return RFY_OK;
}

static void on_progress(void *user, unsigned long rows)
{
    (void)user;
    fprintf(stderr, "rfy audit: %lu rows\xE2\x80\xA6\n", rows);
}

/* ---- Summary ---------------------------------------------------------------------------- */

/*
 * The report's summary: an empty line, then one "# name,value" record per
 * line.  A script reads the report up to the first empty line; a
 * spreadsheet shows the block under the data with the names in column A.
 */
static int write_summary(audit_ctx *a, const batch_stats *st)
{
    char d[48], p[48], q[48];
    FILE *fp = a->files.out.fp;
    if (rfy_money_format(d, sizeof d, a->diff_total, '.') < 0 ||
        rfy_money_format(p, sizeof p, a->paid_total, '.') < 0 ||
        rfy_money_format(q, sizeof q, a->payment, '.') < 0)
        return write_failed(a, a->files.out.path);
    errno = 0;
    if (fprintf(fp, "\n# rows,%lu\n# matches,%lu\n# differences,%lu\n# rejects,%lu\n"
                    "# sum_of_differences,%s\n# total_paid,%s\n# total_payment,%s\n"
                    "# rates_id,%s\n",
                st->rows, a->matches, a->differences, st->rejected, d, p, q, a->rates_id) < 0)
        return write_failed(a, a->files.out.path);
    return RFY_OK;
}

static void summary(const audit_ctx *a, const batch_stats *st, const char *rejects_name)
{
    char d[48], p[48], q[48];
    rfy_money_format(d, sizeof d, a->diff_total, '.');
    rfy_money_format(p, sizeof p, a->paid_total, '.');
    rfy_money_format(q, sizeof q, a->payment, '.');
    fprintf(stderr, "rfy audit: %lu row%s read, %lu match, %lu differ, %lu rejected", st->rows,
            st->rows == 1 ? "" : "s", a->matches, a->differences, st->rejected);
    if (st->rejected)
        fprintf(stderr, " (see %s)", rejects_name);
    fprintf(stderr, "\nrfy audit: sum of differences (paid - payment) %s; total paid %s, "
                    "total recomputed %s\n", d, p, q);
    fprintf(stderr, "rfy audit: rates_id %s\n", a->rates_id);
}

/* ---- Options ---------------------------------------------------------------------------- */

int cmd_audit(int argc, char **argv)
{
    enum { OPT_REJECTS = 256, OPT_DELIM, OPT_COMMA, OPT_QUIET, OPT_RATES, OPT_RECEIPT,
           OPT_EXPLAIN };
    static const struct option opts[] = {{"rates", required_argument, 0, OPT_RATES},
                                         {"output", required_argument, 0, 'o'},
                                         {"rejects", required_argument, 0, OPT_REJECTS},
                                         {"receipt", required_argument, 0, OPT_RECEIPT},
                                         {"explain", required_argument, 0, OPT_EXPLAIN},
                                         {"delimiter", required_argument, 0, OPT_DELIM},
                                         {"decimal-comma", no_argument, 0, OPT_COMMA},
                                         {"quiet", no_argument, 0, OPT_QUIET},
                                         RUN_OPTIONS_LONGOPTS,
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *rates_dir = NULL, *out_path = "-", *rej_path = NULL, *receipt_path = NULL;
    const char *in_path;
    char *msg = NULL;
    char delimiter = ',';
    int comma = 0, quiet = 0, c, rc, exit_code = RFY_EXIT_USAGE;
    rfy_rates *rates = NULL;
    audit_ctx a;
    batch_config cfg;
    batch_stats st;
    receipt rec;
    receipt_hash hash;
    run_options ro;                  /* --encoding, --columns, --ignore-columns, --format */
    input_decoder *dec = NULL;
    output_adapter *adapter = NULL;
    input_encoding used = INPUT_ENC_UTF8;
    FILE *in = NULL;
    char sep = 0;
    int delimiter_given = 0;
    json_t *options = NULL;

    memset(&a, 0, sizeof a);
    memset(&rec, 0, sizeof rec);
    memset(&hash, 0, sizeof hash);
    if (run_options_init(&ro) != 0) {
        fprintf(stderr, "rfy audit: out of memory\n");
        return RFY_EXIT_USAGE;
    }
    batch_stats_init(&st);
    mpz_inits(a.paid, a.diff, a.gross, a.deductions, a.payment, a.paid_total, a.diff_total,
              NULL);
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        switch (c) {
        case OPT_RATES: rates_dir = optarg; break;
        case 'o': out_path = optarg; break;
        case OPT_REJECTS: rej_path = optarg; break;
        case OPT_RECEIPT: receipt_path = optarg; break;
        case OPT_EXPLAIN:
            a.explain_id = optarg;
            a.explain_len = strlen(optarg);
            break;
        case OPT_DELIM:
            if (cli_parse_delimiter(&delimiter, optarg) != 0) {
                fprintf(stderr, "rfy audit: --delimiter must be one character other than a "
                                "quote or a line break (or 'tab'), not '%s'\n", optarg);
                goto cleanup;
            }
            delimiter_given = 1;
            break;
        case OPT_COMMA: comma = 1; break;
        case OPT_QUIET: quiet = 1; break;
        case 'h':
            fputs(AUDIT_USAGE, stdout);
            exit_code = RFY_EXIT_OK;
            goto cleanup;
        default:
            if ((rc = run_options_parse(&ro, "audit", c, optarg)) > 0)
                break;
            if (rc == 0)
                fputs(AUDIT_USAGE, stderr);
            goto cleanup;
        }
    }
    if (optind + 1 != argc) {
        fprintf(stderr, "rfy audit: expected one input file (HISTORIC.csv, or - for standard "
                        "input)%s\n", optind < argc ? ", found more" : "");
        fputs(AUDIT_USAGE, stderr);
        goto cleanup;
    }
    in_path = argv[optind];
    if (ro.format == OUTPUT_XLSX && strcmp(out_path, "-") == 0) {
        fprintf(stderr, "rfy audit: --format xlsx writes a workbook: give it a file with -o REPORT.xlsx\n");
        goto cleanup;
    }
    if (run_files_prepare(&a.files, "audit", "report", in_path, out_path, rej_path,
                          receipt_path) != 0)
        goto cleanup;
    if (!(rates = cli_load_rates(rates_dir)))
        goto cleanup;
    if (receipt_hash_init(&hash) != RFY_OK) {
        fprintf(stderr, "rfy audit: out of memory\n");
        goto cleanup;
    }
    if (input_decode_open(&dec, &in, &sep, &used, a.files.in, ro.encoding, receipt_hash_tap, &hash,
                          &msg) != RFY_OK) {
        fprintf(stderr, "rfy audit: %s: %s\n", strcmp(in_path, "-") ? in_path : "standard input",
                msg);
        goto cleanup;
    }
    if (sep) { /* Excel's "sep=X" first line */
        if (delimiter_given && sep != delimiter) {
            fprintf(stderr, "rfy audit: %s: line 1 says sep=%c but --delimiter gives another: "
                            "leave out --delimiter\n", in_path, sep);
            goto cleanup;
        }
        delimiter = sep;
    }
    a.rates = rates;
    a.rates_id = rfy_rates_id(rates);
    a.amount = comma ? &RFY_AMOUNT_COMMA : &RFY_AMOUNT_DOT;
    /* The breakdown never mixes into the report. */
    a.explain_out = strcmp(out_path, "-") == 0 ? stderr : stdout;

    if (run_files_open_outputs(&a.files, REPORT_HEADER) != 0)
        goto failed;
    if (output_adapter_open(&adapter, ro.format, &a.files.out.fp,
                            a.files.rej_header_pending ? NULL : &a.files.rej.fp,
                            a.files.out.tmp ? a.files.out.tmp : out_path, &msg) != 0) {
        fprintf(stderr, "rfy audit: %s\n", msg);
        goto failed;
    }

    memset(&cfg, 0, sizeof cfg);
    cfg.rates = rates;
    cfg.delimiter = delimiter;
    cfg.amount = a.amount;
    cfg.extra_columns = EXTRA_COLUMNS;
    cfg.nextra = sizeof EXTRA_COLUMNS / sizeof EXTRA_COLUMNS[0];
    cfg.on_header = on_header;
    cfg.on_row = on_row;
    cfg.on_reject = on_reject;
    cfg.on_progress = quiet ? NULL : on_progress;
    cfg.progress_every = PROGRESS_EVERY;
    cfg.columns = ro.columns;
    cfg.user = &a;
    rc = batch_run(&st, &cfg, in, &msg);
    if (rc != RFY_OK) {
        const char *why = input_decode_error(dec) ? input_decode_error(dec) : msg;
        if (why)
            fprintf(stderr, "rfy audit: %s: %s\n", strcmp(in_path, "-") ? in_path : "standard input",
                    why);
        goto failed;
    }
    /* Every row is exactly one of: a match, a difference, a reject. */
    if (a.matches + a.differences != st.computed || a.rejects_written != st.rejected ||
        st.rows != a.matches + a.differences + st.rejected) {
        fprintf(stderr, "rfy audit: internal error: %lu rows read, but %lu match, %lu differ "
                        "and %lu rejected\n", st.rows, a.matches, a.differences, a.rejects_written);
        goto failed;
    }
    if (write_summary(&a, &st) != RFY_OK)
        goto failed;
    rc = output_adapter_finish(adapter, &msg); /* xlsx: the workbook is written here */
    adapter = NULL;
    if (rc != 0) {
        fprintf(stderr, "rfy audit: %s\n", msg ? msg : "cannot write the report");
        goto failed;
    }
    if (a.files.write_target || run_files_commit(&a.files) != 0)
        goto failed;
    /* The receipt hashes the files in place; if it cannot be written, the
     * report and rejects are taken back too (atomic_file_abort). */
    receipt_init(&rec, "audit");
    rec.rates_id = a.rates_id;
    rec.rates_dir = rates_dir;
    rec.input_path = in_path;
    /* the input's hash: of the file's own bytes, taken by the decoder (hash) */
    rec.rows = st.rows;
    rec.computed = st.computed;
    rec.rejected = st.rejected;
    rec.matches = a.matches;
    rec.differences = a.differences;
    rec.warning_rows = a.warned;
    rec.total_gross = a.gross;
    rec.total_deductions = a.deductions;
    rec.total_paid = a.paid_total;
    rec.total_payment = a.payment;
    rec.total_difference = a.diff_total;
    rec.output_path = out_path;
    rec.rejects_path = a.files.rej_path ? a.files.rej_path : "-";
    if (!(options = run_options_json(&ro, delimiter, comma, used, sep))) {
        fprintf(stderr, "rfy audit: cannot build the receipt: out of memory\n");
        goto failed;
    }
    rec.options = options;
    receipt_take_hashes(&rec, ro.format == OUTPUT_XLSX ? NULL : atomic_file_sha256(&a.files.out),
                        atomic_file_sha256(&a.files.rej));
    if (receipt_emit(&rec, &hash, receipt_path, &msg) != RFY_OK) {
        fprintf(stderr, "rfy audit: %s\n", msg ? msg : "cannot write the receipt");
        goto failed;
    }
    run_files_close(&a.files);
    summary(&a, &st, a.files.rejects_name);
    if (a.explain_id && a.explained == 0)
        fprintf(stderr, "rfy audit: --explain %s: no differing row has that case_id\n",
                a.explain_id);
    exit_code = (a.differences || st.rejected) ? RFY_EXIT_REJECTS : RFY_EXIT_OK;
    goto cleanup;

failed:
    run_files_report_failure(&a.files);
    exit_code = RFY_EXIT_USAGE;
cleanup:
    output_adapter_free(adapter); /* gives the output streams back first */
    input_decode_close(dec);
    json_decref(options);
    run_options_free(&ro);
    run_files_release(&a.files);
    rfy_rates_free(rates);
    receipt_hash_clear(&hash);
    free(msg);
    batch_stats_clear(&st);
    mpz_clears(a.paid, a.diff, a.gross, a.deductions, a.payment, a.paid_total, a.diff_total,
               NULL);
    return exit_code;
}
