/*
 * rfy batch: compute a payroll batch (interface.md "Batch input/output").
 *
 * Reads IN row by row (batch_run.c), writes one output row per computed
 * case-month and one rejects row per row that could not be computed, and
 * prints a summary on standard error.  Output, rejects and receipt are
 * atomic together (run_files.h): after a failure or a signal none exists.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic_file.h"
#include "row_writer.h"
#include "run_files.h"
#include <rfy/batch.h>
#include "cli.h"
#include "receipt.h"
#include "input_reread.h"
#include "options_table.h"
#include "run_args.h"
#include "run_stream.h"
#include "run_summary.h"
#include "run_totals.h"
#include <rfy/ledger.h>
#include "reject_order.h"

/* `rfy batch --help`: the options come from options_table.c. */
static const char BATCH_ABOUT[] =
    "Computes every row of IN.csv (\"-\" = standard input) and writes the results as CSV\n"
    "to OUT.csv (default: standard output).  Rows that cannot be computed go to the\n"
    "rejects file with the line, the column and the reason: by default OUT.rejects.csv\n"
    "next to OUT.csv, or standard error when the output is standard output, a device\n"
    "or a FIFO.\n";
static const char BATCH_ABOUT_DA[] =
    "Beregner hver række i IN.csv (\"-\" = standardinput) og skriver resultaterne som\n"
    "CSV til OUT.csv (standard: standardoutput).  Rækker, der ikke kan beregnes, går\n"
    "til afvisningsfilen med linjen, kolonnen og grunden: som standard\n"
    "OUT.rejects.csv ved siden af OUT.csv, eller standardfejl, når outputtet er\n"
    "standardoutput, en enhed eller en FIFO.\n";
static const char BATCH_FOOTER_DA[] =
    "Output, afvisninger og kvittering kommer frem samtidig, når kørslen er færdig;\n"
    "efter en fejl eller SIGINT, SIGTERM, SIGHUP er ingen af dem tilbage (processen\n"
    "slutter da ved signalet: exitstatus 128 + dets nummer).\n"
    "\n"
    "Exitkoder: 0 alle rækker beregnet; 1 nogle rækker afvist (alle andre skrevet);\n"
    "2 brugsfejl, input der ikke kan læses, fejl i CSV eller overskrift, ugyldige\n"
    "satstabeller eller en skrivefejl (så skrives ingen outputfil).  Se\n"
    "docs/batch.md.\n";
static const char BATCH_FOOTER[] =
    "Output, rejects and receipt appear together once the run is complete; after a\n"
    "failure or SIGINT, SIGTERM, SIGHUP none is left (the process then ends by the\n"
    "signal: exit status 128 + its number).\n"
    "\n"
    "Exit codes: 0 all rows computed; 1 some rows rejected (all others written);\n"
    "2 usage error, unreadable input, malformed CSV or header, invalid rate tables or\n"
    "a write failure (then no output file is written).  See docs/batch.md.\n";

/* Progress on standard error every this many rows (never in the tests' small files). */
#define PROGRESS_EVERY 100000UL

/* --keep-columns: the names (borrowed from the copy in `list`) and the headers they extend. */
typedef struct keep_columns {
    char *list;                       /* the option's text, cut at the commas */
    const char *name[RFY_BATCH_MAX_EXTRA];
    size_t n;
    const rfy_case_binding *binding;  /* the input's header, once bound */
} keep_columns;

typedef struct batch_ctx {
    run_files files;               /* input, output, rejects (run_files.h) */
    run_stream *stream;            /* its writer and cells (run_stream.h) */
    const char *rates_id;
    unsigned long written, rejects_written;
    unsigned long warned[RECEIPT_WARNINGS]; /* computed rows per warning bit (summary, receipt) */
    run_summary sum;               /* the reconciled summary (run_summary.h) */
    unsigned long lines_written;   /* input rows named in the `lines` of written rows */
    unsigned long recomputed;      /* later stored months written as corrections (no input lines) */
    input_again *again;            /* reading the input again (its order) */
    rfy_ledger *ledger;            /* --ledger, or NULL */
    const char *ledger_path;
    int comma;                     /* --decimal-comma: the syntax of the stored rows */
    const char *header;            /* the output's header line */
    rfy_ledger_run run;            /* what the ledger records of the run at commit */
    mpz_t efter, tilbage;          /* the run's corrections (rfy_ledger_correction_totals) */
    char run_id[65];               /* the ledger's id of the run once committed, else "" */
    char input_sha256[RECEIPT_HEX_SIZE]; /* with --ledger: the input's hash, finished for it */
    unsigned long long input_bytes;
    int input_hashed;              /* input_sha256 is set (the receipt takes it from here) */
    keep_columns keep;             /* --keep-columns */
    reject_order order;            /* rejects in input line order (reject_order.h) */
    int order_on;                  /* rejects noted for the line order (reject_order.h) */
    FILE *spool;                   /* rejects to standard error: spooled here until the end */
} batch_ctx;

/* Option codes of batch's own options. */
enum { BATCH_LEDGER = RUN_ARG_OWN, BATCH_CORRECTIONS, BATCH_KEEP };


/* ---- Writing ---------------------------------------------------------------- */

/*
 * The cells of a computed case-month's output row (row_writer.h): the
 * result columns, with --ledger previously_paid and correction (interface.md:
 * empty for a new case-month), then the kept cells.  Returns RFY_OK or
 * RFY_EINPUT (a value that does not fit: not with validated input).
 */
static int row_cells(const batch_ctx *b, const rfy_batch_row *row, rfy_cells *c)
{
    int rc = rfy_cells_of_row(c, row, b->rates_id);
    if (rc == RFY_OK && row->ledger) {
        if (rfy_batch_ledger_mark_stored(row->ledger)) {
            mpz_t ore;
            mpz_init(ore);
            rfy_batch_ledger_mark_amount(ore, row->ledger, RFY_BATCH_LEDGER_PREVIOUSLY_PAID);
            rc = rfy_cells_add_amount(c, RFY_COL_PREVIOUSLY_PAID, ore);
            rfy_batch_ledger_mark_amount(ore, row->ledger, RFY_BATCH_LEDGER_CORRECTION);
            rc |= rfy_cells_add_amount(c, RFY_COL_CORRECTION, ore);
            mpz_clear(ore);
        } else
            rc = rfy_cells_add_empty(c, RFY_COL_PREVIOUSLY_PAID) |
                 rfy_cells_add_empty(c, RFY_COL_CORRECTION);
    }
    for (size_t i = 0; rc == RFY_OK && i < b->keep.n; i++) {
        /* the case-month's first row's cell ("" for a month from the ledger: no row) */
        size_t len = 0;
        const char *v = row->nrows ? rfy_batch_row_extra(row, i, &len) : "";
        rc = rfy_cells_add_text(c, RFY_COL_KEPT, v, len);
    }
    return rc == RFY_OK ? RFY_OK : RFY_EINPUT;
}

static int on_row(void *user, const rfy_batch_row *row, rfy_error *err)
{
    batch_ctx *b = user;
    rfy_cells *c = b->stream->cells;
    const char *line = NULL;
    size_t n = 0;
    (void)err;

    errno = 0;
    if (row_cells(b, row, c) != RFY_OK) {
        errno = EOVERFLOW; /* cannot happen with validated input (the column table bounds it) */
        return run_files_write_failed(&b->files, b->files.out.path);
    }
    if (row_writer_row(b->stream->writer, b->files.out.fp, c, b->ledger ? &line : NULL, &n) != 0)
        return run_files_write_failed(&b->files, b->files.out.path);
    if (b->ledger) {
        char *msg = NULL;
        if (rfy_ledger_put(b->ledger, row, b->comma, line, n, &msg) != RFY_OK) {
            fprintf(stderr, "rfy batch: %s\n", msg ? msg : rfy_ledger_error(b->ledger));
            free(msg);
            return RFY_EIO;
        }
    }
    if (row->nrows == 0) { /* a later stored month recomputed (rules.md §10): a correction only */
        b->recomputed++;
        return RFY_OK;
    }
    b->written++;
    unsigned warnings = rfy_result_warnings(row->res);
    for (int i = 0; i < RECEIPT_WARNINGS; i++)
        if (warnings & (1u << i))
            b->warned[i]++;
    run_summary_row(&b->sum, row->res);
    b->lines_written += row->nrows;
    return RFY_OK;
}

/* The input's header is accepted: now the output's header may be written. */
static int on_header(void *user, const rfy_case_binding *binding, char *msg, size_t msgsize)
{
    batch_ctx *b = user;
    for (size_t i = 0; i < b->keep.n; i++)
        if (!rfy_batch_binding_has_extra(binding, i)) {
            snprintf(msg, msgsize, cli_msg(RFY_MSG_KEEP_MISSING), b->keep.name[i]);
            return RFY_EINPUT;
        }
    b->keep.binding = binding;
    run_files_write_header(&b->files); /* a failure is recorded, and stops the first row */
    return RFY_OK;
}

/* A reject row, with the kept columns after the contract's (interface.md),
 * its place noted for the line order (reject_order.h). */
static int write_reject_noted(batch_ctx *b, const rfy_batch_reject *rej)
{
    run_files *f = &b->files;
    rfy_cells *c = b->stream->cells;
    size_t len = 0;
    FILE *fp = b->spool ? b->spool : f->rej.fp; /* a spool gets its header at the end */
    errno = 0;
    if (rfy_cells_of_reject(c, rej, cli_lang, cli_hints) != RFY_OK) {
        errno = EOVERFLOW; /* not with the engine's faults: the table bounds them */
        goto failed;
    }
    for (size_t i = 0; i < b->keep.n; i++) {
        size_t n = 0;
        const char *v = b->keep.binding && rej->rec
                            ? rfy_batch_binding_extra_cell(b->keep.binding, rej->rec, i, &n)
                            : "";
        if (rfy_cells_add_text(c, RFY_COL_KEPT, v, n) != RFY_OK) {
            errno = EOVERFLOW;
            goto failed;
        }
    }
    if (f->rej_header_pending && !b->spool) {
        if (fputs(f->rej_header, fp) == EOF)
            goto failed;
        f->rej_header_pending = 0;
    }
    if (row_writer_reject(b->stream->writer, fp, c, &len) != 0)
        goto failed;
    if (b->order_on)
        reject_order_note(&b->order, rej->line, len);
    return run_summary_reject(&b->sum, rej->err, rej->column, rej->reason) == 0 ? RFY_OK : RFY_ENOMEM;
failed:
    return run_files_write_failed(f, f->rej.path);
}

static int on_reject(void *user, const rfy_batch_reject *rej)
{
    batch_ctx *b = user;
    int rc = b->keep.n || b->order_on ? write_reject_noted(b, rej)
                                      : run_stream_write_reject(b->stream, &b->files, &b->sum, rej);
    if (rc != RFY_EIO) /* written */
        b->rejects_written++;
    return rc;
}

/* The input was out of order (rfy/batch.h): start the outputs afresh (the
 * batch loop starts its input hash again itself). */
static int on_restart(void *user)
{
    batch_ctx *b = user;
    b->written = b->rejects_written = b->lines_written = b->recomputed = 0;
    memset(b->warned, 0, sizeof b->warned);
    run_summary_clear(&b->sum);
    run_summary_init(&b->sum);
    reject_order_reset(&b->order);
    if (b->spool && (fflush(b->spool) != 0 || ftruncate(fileno(b->spool), 0) != 0 ||
                     fseeko(b->spool, 0, SEEK_SET) != 0))
        return RFY_EIO;
    if (b->ledger && rfy_ledger_restart(b->ledger) != RFY_OK) {
        fprintf(stderr, "rfy batch: %s\n", rfy_ledger_error(b->ledger));
        return RFY_EIO;
    }
    return run_files_restart(&b->files, b->header);
}

/* The batch loop reads the input again (rfy/batch.h reopen). */
static FILE *reopen_input(void *user)
{
    batch_ctx *b = user;
    return input_again_open(b->again);
}

static void on_progress(void *user, unsigned long rows)
{
    (void)user;
    cli_say("batch", RFY_MSG_PROGRESS_ROWS, rows);
}

/* ---- --keep-columns ------------------------------------------------------------- */

/* Cut the list at its commas into k.  Returns 0, or -1 after saying why. */
static int keep_parse(keep_columns *k, const char *arg)
{
    char *p;
    free(k->list);
    k->n = 0;
    if (!(k->list = strdup(arg))) {
        cli_say("batch", RFY_MSG_OUT_OF_MEMORY);
        return -1;
    }
    for (p = k->list;; p++) {
        char *comma = strchr(p, ',');
        int why = -1; /* or the message that says why */
        if (comma)
            *comma = '\0';
        if (!*p)
            why = RFY_MSG_KEEP_EMPTY;
        else if (k->n == RFY_BATCH_MAX_EXTRA)
            why = RFY_MSG_KEEP_TOO_MANY;
        for (size_t i = 0; why < 0 && i < rfy_input_column_count(); i++)
            if (strcmp(p, rfy_input_column_name(i)) == 0)
                why = RFY_MSG_KEEP_INPUT;
        for (size_t i = 0; why < 0 && i < k->n; i++)
            if (strcmp(p, k->name[i]) == 0)
                why = RFY_MSG_KEEP_TWICE;
        if (why >= 0) {
            cli_say("batch", (rfy_message)why, p);
            return -1;
        }
        k->name[k->n++] = p;
        if (!comma)
            return 0;
        p = comma;
    }
}

/* ---- The ledger (rfy/ledger.h) -------------------------------------------------- */

/*
 * run_files' before_rename: both outputs are finished; the run's ledger
 * transaction commits now, so that outputs and ledger go together (a crash
 * after this and before the renames: `rfy ledger export` writes them
 * again).  A run that computed nothing stores nothing (rules.md §10).
 */
static int ledger_commit(void *user, run_files *f)
{
    batch_ctx *b = user;
    char *msg = NULL, id[65];
    b->run.output_sha256 = atomic_file_sha256(&f->out);
    b->run.rejects_sha256 = atomic_file_sha256(&f->rej);
    rfy_ledger_correction_totals(b->ledger, b->efter, b->tilbage);
    if (b->run.computed == 0) {
        rfy_ledger_rollback(b->ledger);
        cli_say("batch", RFY_MSG_LEDGER_NOTHING, b->ledger_path);
        return 0;
    }
    if (rfy_ledger_commit(b->ledger, &b->run, id, &msg) != RFY_OK) {
        fprintf(stderr, "rfy batch: %s\n", msg ? msg : rfy_ledger_error(b->ledger));
        free(msg);
        return -1;
    }
    memcpy(b->run_id, id, sizeof id);
    id[16] = '\0';
    cli_say("batch", RFY_MSG_LEDGER_RUN, b->ledger_path, id);
    return 0;
}

/* Open the ledger and start the run's transaction.  Returns 0, or -1 after saying why. */
static int ledger_start(batch_ctx *b, const char *path, int corrections, const rfy_rates *rates)
{
    char *msg = NULL;
    if (rfy_ledger_open_lang(&b->ledger, path, 1, cli_lang, &msg) != RFY_OK ||
        rfy_ledger_begin(b->ledger, corrections, b->rates_id, rates, &msg) != RFY_OK) {
        fprintf(stderr, "rfy batch: %s\n", msg ? msg : cli_msg(RFY_MSG_LEDGER_CANNOT_OPEN));
        free(msg);
        return -1;
    }
    return 0;
}

/* ---- Options ------------------------------------------------------------------ */

static void summary(const batch_ctx *b, const run_totals *st, const char *rejects_name)
{
    /* Danish unless --lang en (cli_lang), as everything a person reads */
    fputs("rfy batch: ", stderr);
    fprintf(stderr, cli_msg(st->n.rows == 1 ? RFY_MSG_SUM_READ_ONE : RFY_MSG_SUM_READ_MANY),
            st->n.rows, st->n.computed);
    if (st->n.casemonths != st->n.computed) /* rows of one case-month together (rules.md §7) */
        fprintf(stderr,
                cli_msg(st->n.casemonths == 1 ? RFY_MSG_SUM_CASEMONTHS_ONE : RFY_MSG_SUM_CASEMONTHS_MANY),
                st->n.casemonths);
    fprintf(stderr, cli_msg(RFY_MSG_SUM_REJECTED), st->n.rejected);
    if (st->n.rejected)
        fprintf(stderr, cli_msg(RFY_MSG_SUM_SEE), rejects_name);
    fputc('\n', stderr);
    run_summary_print(&b->sum, stderr, "batch");
    /* rules.md §2: results that rest on a derived value say so, here too */
    for (int i = 0; i < RECEIPT_WARNINGS; i++)
        if (b->warned[i]) {
            int derived = (1u << i) == RFY_WARN_DERIVED_RATE;
            cli_say("batch", b->warned[i] == 1 ? RFY_MSG_SUM_WARNED_ONE : RFY_MSG_SUM_WARNED_MANY,
                    b->warned[i], rfy_warning_code((rfy_warning)(1u << i)),
                    derived ? cli_msg(RFY_MSG_SUM_DERIVED) : "");
        }
    if (st->n.sorted)
        cli_say("batch", st->n.sorted_runs == 1 ? RFY_MSG_SUM_SORTED_ONE : RFY_MSG_SUM_SORTED_MANY,
                st->n.sorted_runs);
    if (b->recomputed) {
        cli_say("batch", RFY_MSG_RECOMPUTED, b->recomputed);
    }
    if (b->ledger && (mpz_sgn(b->efter) || mpz_sgn(b->tilbage))) {
        char e[40], t[40];
        rfy_money_format_da(e, sizeof e, b->efter);
        rfy_money_format_da(t, sizeof t, b->tilbage);
        cli_say("batch", RFY_MSG_CORRECTIONS_TOTAL, e, t);
    }
    fprintf(stderr, "rfy batch: rates_id %s\n", b->rates_id);
}

/* ---- Receipt (receipt.h, docs/audit.md) ------------------------------------------- */

/* Output and rejects are complete but unnamed: the run's receipt, prepared
 * to be committed with them (run_files.h). */
static int prepare_receipt(batch_ctx *b, const run_totals *st, receipt_hash *hash,
                           const char *rates_dir, const char *in, const char *out,
                           const char *rej, const char *path, json_t *options)
{
    receipt r;
    char *msg = NULL;
    int rc;
    receipt_init(&r, "batch");
    r.options = options;
    r.summary = run_summary_json(&b->sum);
    if (r.summary && b->ledger) {
        /* rules.md §10: the corrections of the run, split (efterbetaling: paid
         * more now; tilbagebetaling: paid too much before) */
        char e[40], t[40];
        rfy_money_format(e, sizeof e, b->efter, '.');
        rfy_money_format(t, sizeof t, b->tilbage, '.');
        json_object_set_new(r.summary, "corrections",
                            json_pack("{ss ss sI}", "efterbetaling", e, "tilbagebetaling", t,
                                      "recomputed_later_months", (json_int_t)b->recomputed));
        json_object_set_new(r.summary, "ledger_run_id",
                            b->run_id[0] ? json_string(b->run_id) : json_null());
    }
    if (!options || !r.summary) {
        json_decref(r.summary);
        cli_say("batch", RFY_MSG_CANNOT_BUILD_RECEIPT);
        return RFY_ENOMEM;
    }
    r.rates_id = b->rates_id;
    r.rates_dir = rates_dir;
    r.input_path = in;
    /* the input's hash: of the file's own bytes, taken by the decoder (hash),
     * or finished already for the ledger (b->input_sha256) */
    if (!hash) {
        memcpy(r.input_sha256, b->input_sha256, sizeof r.input_sha256);
        r.input_bytes = b->input_bytes;
    }
    r.rows = st->n.rows;
    r.computed = st->n.computed;
    r.rejected = st->n.rejected;
    r.warning_rows = b->warned;
    r.total_gross = st->gross;
    r.total_deductions = st->deductions;
    r.total_paid = st->payment;
    r.output_path = out;
    r.rejects_path = rej ? rej : "-";
    /* taken while written (an xlsx workbook: read back once written) */
    receipt_take_hashes(&r, atomic_file_sha256(&b->files.out), atomic_file_sha256(&b->files.rej));
    rc = receipt_prepare(&r, hash, path, &b->files.rcp, &b->files.receipt_line, &msg);
    json_decref(r.summary);
    if (rc != RFY_OK)
        fprintf(stderr, "rfy batch: %s\n", msg ? msg : cli_msg(RFY_MSG_CANNOT_WRITE_RECEIPT));
    free(msg);
    return rc;
}

int cmd_batch(int argc, char **argv)
{
    static const struct option opts[] = {RUN_ARGS_LONGOPTS,
                                         {"ledger", required_argument, 0, BATCH_LEDGER},
                                         {"corrections", no_argument, 0, BATCH_CORRECTIONS},
                                         {"keep-columns", required_argument, 0, BATCH_KEEP},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    run_args args; /* the options and the input batch shares with audit (run_args.h) */
    run_stream s;  /* rates, input, its hash and the output adapter (run_stream.h) */
    int c, rc, exit_code = RFY_EXIT_USAGE;
    batch_ctx b;
    rfy_batch_config cfg;
    rfy_batch_stats *stats = NULL; /* the engine's counts and sums */
    run_totals st;                 /* a copy of them after the run */
    input_again again;
    json_t *options = NULL;
    const char *ledger_path = NULL;
    char *options_text = NULL;
    int corrections = 0;

    run_stream_init(&s, "batch", cli_msg(RFY_MSG_OUTPUT_FILE));
    memset(&b, 0, sizeof b);
    mpz_inits(b.efter, b.tilbage, NULL);
    b.stream = &s;
    run_totals_init(&st);
    run_summary_init(&b.sum);
    if (run_args_init(&args) != 0 || !(stats = rfy_batch_stats_new())) {
        cli_say("batch", RFY_MSG_OUT_OF_MEMORY);
        goto cleanup;
    }
    optind = 1;
    while ((c = cli_getopt(argc, argv, "batch", "o:h", opts)) != -1) {
        switch (c) {
        case 'h':
            cli_print_help(stdout, "batch", CLI_TEXT(BATCH_ABOUT_DA, BATCH_ABOUT),
                           CLI_TEXT(BATCH_FOOTER_DA, BATCH_FOOTER));
            exit_code = RFY_EXIT_OK;
            goto cleanup;
        case BATCH_LEDGER:
            ledger_path = optarg;
            break;
        case BATCH_CORRECTIONS:
            corrections = 1;
            break;
        case BATCH_KEEP:
            if (keep_parse(&b.keep, optarg) != 0)
                goto cleanup;
            break;
        default:
            if ((rc = run_args_parse(&args, "batch", c, optarg)) > 0)
                break;
            if (rc == 0)
                cli_print_usage(stderr, "batch");
            goto cleanup;
        }
    }
    if (run_args_input(&args, "batch", "IN.csv", "OUT.xlsx", argc, argv) != 0)
        goto cleanup;
    if (corrections && !ledger_path) {
        cli_say("batch", RFY_MSG_CORRECTIONS_NEED_LEDGER);
        goto cleanup;
    }
    if (run_stream_open_input(&s, &args, &b.files) != 0)
        goto cleanup;
    b.rates_id = rfy_rates_id(s.rates);
    if (ledger_path) {
        if (ledger_start(&b, ledger_path, corrections, s.rates) != 0)
            goto cleanup;
        b.ledger_path = ledger_path;
        b.comma = args.comma;
        b.files.before_rename = ledger_commit;
        b.files.before_rename_user = &b;
    }
    {
        /* interface.md: the result columns, with --ledger previously_paid and
         * correction after `warnings`, then the kept columns (rejects too) */
        row_layout out, rej;
        row_layout_results(&out);
        row_layout_rejects(&rej);
        if (b.ledger) {
            row_layout_add(&out, RFY_COL_PREVIOUSLY_PAID);
            row_layout_add(&out, RFY_COL_CORRECTION);
        }
        for (size_t i = 0; i < b.keep.n; i++) { /* at most 8: the layout has room */
            row_layout_add_kept(&out, b.keep.name[i]);
            row_layout_add_kept(&rej, b.keep.name[i]);
        }
        if (run_stream_open_outputs(&s, &args, &b.files, &out, &rej) != 0)
            goto failed;
        b.header = s.out_header;
    }
    /* interface.md: rejects in input line order (a sorted input delivers them by case):
     * a rejects file is put in order at the end, standard error gets them from a spool */
    b.order_on = args.ro.format == OUTPUT_CSV || args.ro.format == OUTPUT_JSON; /* CSV rejects */
    if (b.order_on && !atomic_file_is_atomic(&b.files.rej) && !(b.spool = tmpfile())) {
        cli_say("batch", RFY_MSG_REJECTS_SPOOL, cli_errno(errno));
        goto failed;
    }

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
    cfg.ledger = b.ledger;
    cfg.extra_columns = b.keep.n ? b.keep.name : NULL;
    cfg.nextra = b.keep.n;
    /* The ledger records the input's hash the receipt gives (of the file's
     * own bytes, taken by the decoder): finished below, not taken twice. */
    cfg.hash_input = 0;
    /* The input may be read again (its order: docs/casemonth.md). */
    again = (input_again){b.files.in, &s.dec, &s.in, &s.hash, args.ro.encoding};
    b.again = &again;
    if (input_again_possible(b.files.in))
        cfg.reopen = reopen_input;
    /* Streaming may start again from the top when the outputs can be
     * emptied (files, CSV); else the input's order is checked first. */
    if (run_files_can_restart(&b.files) &&
        (args.ro.format == OUTPUT_CSV || args.ro.format == OUTPUT_JSON)) /* no state to undo */
        cfg.on_restart = on_restart;
    if (run_stream_run(&s, stats, &cfg, &args) != 0)
        goto failed;
    run_totals_read(&st, stats);
    /* interface.md: every input row is named in one output row's `lines` or
     * in one reject row, always. */
    if (b.lines_written + b.rejects_written != st.n.rows || b.written != st.n.casemonths) {
        cli_say("batch", RFY_MSG_INTERNAL_ROWS, st.n.rows, b.lines_written, b.rejects_written);
        goto failed;
    }
    run_summary_finish(&b.sum, st.n.rows, st.n.computed, st.n.rejected, st.gross, st.deductions,
                       st.payment);
    b.sum.casemonths = st.n.casemonths;
    options = run_options_json(&args.ro, args.delimiter, args.comma, s.used, s.sep);
    if (b.ledger) {
        options_text = options ? json_dumps(options, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
        if (receipt_hash_final(b.input_sha256, &b.input_bytes, &s.hash) != RFY_OK) {
            cli_say("batch", RFY_MSG_CANNOT_HASH_INPUT);
            goto failed;
        }
        b.input_hashed = 1;
        b.run = (rfy_ledger_run){.input_name = args.in_path,
                                 .input_sha256 = b.input_sha256,
                                 .output_name = args.out_path,
                                 .rejects_name = b.files.rejects_name,
                                 .options_json = options_text,
                                 .output_header = b.header,
                                 .rows = st.n.rows,
                                 .computed = st.n.computed,
                                 .rejected = st.n.rejected,
                                 .totals = stats};
    }
    if (b.spool ? reject_order_flush_spool(&b.order, b.spool, b.files.rej.fp,
                                           b.files.rej_header_pending
                                               ? b.files.rej_header
                                               : NULL,
                                           "batch") != 0
                : b.order_on && reject_order_apply(&b.order, &b.files.rej,
                                                   b.files.rej_header,
                                                   "batch") != 0)
        goto failed;
    if (b.spool && b.order.n)
        b.files.rej_header_pending = 0;
    if (run_stream_finish(&s, &b.files, &b.sum, b.rates_id) != 0)
        goto failed;
    /* Prepare all (the outputs are finished), commit all: the receipt and
     * the files it names appear together, or none of them (run_files.h); the
     * ledger committed its run when the outputs were finished. */
    if (prepare_receipt(&b, &st, b.input_hashed ? NULL : &s.hash, args.rates_dir, args.in_path, args.out_path,
                        b.files.rej_path, args.receipt_path, options) != RFY_OK ||
        run_files_commit(&b.files) != 0)
        goto failed;
    run_files_close(&b.files);
    summary(&b, &st, b.files.rejects_name);
    exit_code = st.n.rejected ? RFY_EXIT_REJECTS : RFY_EXIT_OK;
    goto cleanup;

failed:
    run_files_report_failure(&b.files);
    exit_code = RFY_EXIT_USAGE;
    rfy_ledger_rollback(b.ledger); /* nothing of a failed run is stored (no-op once committed) */
cleanup:
    rfy_ledger_close(b.ledger);
    free(options_text);
    free(b.keep.list);
    reject_order_free(&b.order);
    if (b.spool)
        fclose(b.spool);
    mpz_clears(b.efter, b.tilbage, NULL);
    run_stream_release(&s); /* gives the output streams back first */
    json_decref(options);
    run_args_free(&args);
    run_summary_clear(&b.sum);
    run_files_release(&b.files);
    run_totals_clear(&st);
    rfy_batch_stats_free(stats);
    return exit_code;
}
