/*
 * rfy audit: recompute historic payments and report every difference
 * (interface.md "Audit input"; docs/audit.md).
 *
 * Reads HISTORIC through the batch loop (batch_run.c) with one extra
 * column, `paid`.  The rows of one case-month are one case-month (rules.md
 * §7): it is recomputed with the rate tables in force in its month, and its
 * rows' paid amounts -- payment lines (corrections: case_id, month and paid
 * only) included -- are summed and compared with the payment once, to the
 * øre or within --tolerance, by the engine (rfy/audit.h: the paid cells, the
 * difference and the totals); this file only formats.  The report holds the batch output columns plus
 * paid and difference (paid − payment) for every case-month that differs,
 * then a summary block with over- and underpayments apart.  Standard error,
 * the receipt and the xlsx summary sheet also carry the reconciled summary
 * of run_summary.h (gross − deductions applied = recomputed payment, rejects
 * by reason), as batch prints it.  Rejects are written as batch writes them.  Report, rejects and
 * receipt are atomic together (run_files.h): after a failure or a signal none of them exists.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "row_writer.h"
#include "run_files.h"
#include <rfy/batch.h>
#include "cli.h"
#include "input_reread.h"
#include "options_table.h"
#include "receipt.h"
#include "run_args.h"
#include "run_stream.h"
#include "run_summary.h"
#include "run_totals.h"
#include <rfy/audit.h>
#include <rfy/ledger.h>

/* `rfy audit --help`: the options come from options_table.c. */
static const char AUDIT_ABOUT[] =
    "Recomputes every case-month of HISTORIC.csv (\"-\" = standard input: the batch\n"
    "input columns plus `paid`, the amount that was paid) with the rate tables in force\n"
    "in its month.  The rows of one case and month are one case-month: their paid\n"
    "amounts are summed, payment lines (only case_id, month and paid: a correction)\n"
    "included.  Reports each case-month whose payment differs from paid, with\n"
    "difference = paid - payment (positive: paid too much), followed by a summary.\n";
static const char AUDIT_ABOUT_DA[] =
    "Genberegner hver sagsmåned i HISTORIC.csv (\"-\" = standardinput: batchens\n"
    "inputkolonner plus `paid`, det beløb der blev udbetalt) med de satstabeller, der\n"
    "gjaldt i måneden.  Rækkerne for én sag og måned er én sagsmåned: deres\n"
    "paid-beløb lægges sammen, betalingslinjer (kun case_id, month og paid: en\n"
    "rettelse) medregnet.  Viser hver sagsmåned, hvis udbetaling afviger fra paid,\n"
    "med difference = paid - payment (positiv: betalt for meget), og derefter en\n"
    "oversigt.\n";
static const char AUDIT_FOOTER_DA[] =
    "Exitkoder: 0 alle rækker stemmer; 1 en difference eller en afvist række;\n"
    "2 brugsfejl, manglende kolonne `paid`, input der ikke kan læses, fejl i CSV,\n"
    "ugyldige satstabeller eller en skrivefejl (så skrives intet).  Rapport,\n"
    "afvisninger og kvittering kommer frem samtidig, når kørslen er færdig; efter\n"
    "SIGINT, SIGTERM eller SIGHUP er ingen af dem tilbage (exitstatus 128 +\n"
    "signalets nummer).  Se docs/audit.md.\n";
static const char AUDIT_FOOTER[] =
    "Exit codes: 0 every row matches; 1 a difference or a rejected row; 2 usage error,\n"
    "missing `paid` column, unreadable input, malformed CSV, invalid rate tables or a\n"
    "write failure (then nothing is written).  Report, rejects and receipt appear\n"
    "together once the run is complete; after SIGINT, SIGTERM or SIGHUP none is left\n"
    "(exit status 128 + the signal's number).  See docs/audit.md.\n";

/* The extra input column, index 0 in the binding's extra list. */
static const char *const EXTRA_COLUMNS[] = {RFY_AUDIT_PAID_COLUMN};
enum { EXTRA_PAID = 0 };

#define PROGRESS_EVERY 100000UL

typedef struct audit_ctx {
    run_files files;         /* input, report, rejects (run_files.h) */
    run_stream *stream;      /* its writer and cells (run_stream.h) */
    const rfy_rates *rates;
    const char *rates_id;
    const rfy_decimal_syntax *amount;
    const char *explain_id;  /* --explain CASE_ID[:YYYY-MM], or NULL */
    size_t explain_len;      /* the case_id's length */
    rfy_month explain_month; /* 0: every month */
    mpz_t tolerance;         /* --tolerance, øre */
    rfy_audit_totals *tot;   /* matches, over- and underpayments, paid and difference totals */
    input_again *again;      /* reading the input again (its order) */
    FILE *explain_out;
    unsigned long explained;
    unsigned long rejects_written, lines_written;
    unsigned long holiday_excess; /* case-months with holiday with ydelse beyond the right */
    unsigned long warned[RECEIPT_WARNINGS]; /* computed case-months per warning bit (receipt) */
    run_summary sum;         /* the reconciled summary, as batch's (run_summary.h) */
    rfy_audit_paid *paid;    /* this case-month's paid sum, reused: nothing allocated per row */
    mpz_t paid_sum;          /* its amount (rfy_audit_paid_sum), reused */
    mpz_t total_paid, total_diff; /* the run's totals, copied for the receipt */
    mpz_t diff;              /* this case-month's paid − payment, reused */
    mpz_t payment;           /* this case-month's recomputed payment (the result's), reused */
    /* --ledger: paid against what the ledger says was paid (exact: no tolerance) */
    rfy_ledger *ledger;
    const char *ledger_path;
    rfy_ledger_stored *stored; /* the ledger's entry of this case-month, reused */
    mpz_t stored_paid;         /* what it says was paid (0 when not stored) */
    rfy_audit_totals *ltot;    /* matches and differences against the ledger */
    unsigned long ledger_missing; /* case-months the ledger has not paid */
    mpz_t ldiff;             /* this case-month's paid − the ledger's payment, reused */
    mpz_t zero;              /* the ledger comparison's tolerance */
    const char *header;      /* the report's header line (run_stream's) */
} audit_ctx;

/* ---- Writing (row_writer.h: the same cells and quoting as batch) --------------------- */

/* Case-months that differ beyond the tolerance: over- and underpaid. */
static unsigned long differences(const audit_ctx *a)
{
    rfy_audit_counts c = rfy_audit_totals_counts(a->tot);
    return c.over + c.under;
}

/* Case-months whose paid is not what the ledger says was paid (or that it has not paid). */
static unsigned long ledger_differences(const audit_ctx *a)
{
    rfy_audit_counts c = rfy_audit_totals_counts(a->ltot);
    return c.over + c.under + a->ledger_missing;
}

static int write_failed(audit_ctx *a, const char *target)
{
    return run_files_write_failed(&a->files, target);
}

/* ---- Hooks --------------------------------------------------------------------------- */

static int on_header(void *user, const rfy_case_binding *b, char *msg, size_t msgsize)
{
    audit_ctx *a = user;
    if (rfy_batch_binding_has_extra(b, EXTRA_PAID)) {
        run_files_write_header(&a->files); /* a failure is recorded, and stops the first row */
        return RFY_OK;
    }
    snprintf(msg, msgsize, "%s", cli_msg(RFY_MSG_AUDIT_NO_PAID));
    return RFY_EINPUT;
}

/* The engine's explanation of a computed case-month as `rfy audit --explain`
 * words it (a paid month recomputed), each period row with its input line. */
static int explain_case_month(FILE *fp, const audit_ctx *a, const rfy_batch_row *row)
{
    const rfy_case *rows[RFY_MAX_PERIOD_ROWS];
    unsigned long lines[RFY_MAX_PERIOD_ROWS];
    size_t n = 0;
    char *text;
    int rc;
    for (size_t i = 0; i < row->nrows && n < RFY_MAX_PERIOD_ROWS; i++) {
        const rfy_case *c = rfy_batch_row_case(row, i);
        if (!c)
            continue;
        rows[n] = c;
        lines[n++] = rfy_batch_row_line(row, i);
    }
    rfy_explain_options opts = {a->explain_id, lines, cli_lang, 1, cli_hints};
    if (!(text = rfy_explain_text(row->res, rows, n, a->rates, &opts)))
        return EOF;
    rc = fputs(text, fp);
    free(text);
    return rc == EOF ? EOF : 0;
}

/* --explain: the preview's breakdown, headed with where the case-month is and how it compares. */
static int explain_row(audit_ctx *a, const rfy_batch_row *row, int differs)
{
    char paid[48], payment[48], diff[48], lines[RFY_BATCH_LINES_MAX + 1], said[RFY_BATCH_LINES_MAX * 2 + 8];
    int n = rfy_batch_row_format_lines(lines, sizeof lines - 1, row);
    size_t o = 0;
    FILE *fp = a->explain_out;
    rfy_money_format_da(paid, sizeof paid, a->paid_sum);
    rfy_money_format_da(payment, sizeof payment, a->payment);
    rfy_money_format_da(diff, sizeof diff, a->diff);
    lines[n < 0 ? 0 : n] = '\0';
    /* "28;29" → "28 og 29", "5;7;9" → "5, 7 og 9" */
    for (int i = 0; i < n && o + 5 < sizeof said; i++) {
        if (lines[i] != ';') {
            said[o++] = lines[i];
            continue;
        }
        if (strchr(lines + i + 1, ';')) {
            memcpy(said + o, ", ", 2);
            o += 2;
        } else {
            memcpy(said + o, " og ", 4);
            o += 4;
        }
    }
    said[o] = '\0';
    errno = 0;
    if (fprintf(fp, "%s=== Linje %s, sag %s: udbetalt %s kr., genberegnet %s kr., "
                    "forskel %s kr. (udbetalt − genberegnet): %s ===\n",
                a->explained ? "\n" : "", said, a->explain_id, paid, payment, diff,
                differs ? "afviger" : "stemmer") < 0 ||
        explain_case_month(fp, a, row) == EOF)
        return write_failed(a, fp == stdout ? "-" : cli_msg(RFY_MSG_STDERR));
    a->explained++;
    return RFY_OK;
}

/* Whether --explain asks for this case-month. */
static int explain_wanted(const audit_ctx *a, const rfy_batch_row *row)
{
    return a->explain_id && row->case_id_len == a->explain_len &&
           memcmp(row->case_id, a->explain_id, a->explain_len) == 0 &&
           (a->explain_month == 0 || a->explain_month == rfy_case_month(row->in));
}

static int on_row(void *user, const rfy_batch_row *row, rfy_error *err)
{
    audit_ctx *a = user;
    FILE *fp = a->files.out.fp;
    const rfy_result *r = row->res;
    rfy_cells *c;
    int rc;

    /* Nothing is written before this point: a bad paid makes the case-month a reject. */
    if (rfy_audit_paid_of_row(a->paid, row, EXTRA_PAID, a->amount, err) != RFY_OK)
        return RFY_EINPUT;
    rfy_audit_paid_sum(a->paid_sum, a->paid);
    unsigned warnings = rfy_result_warnings(r);
    for (int i = 0; i < RECEIPT_WARNINGS; i++)
        if (warnings & (1u << i))
            a->warned[i]++;
    run_summary_row(&a->sum, r);
    a->lines_written += row->nrows;
    /* § 69 stk. 5 (rules.md §8): the ledger is recomputed over the case's
     * months; a month with holiday beyond the right is flagged in the report
     * even when the amount matches (excess days are never deducted). */
    const rfy_holiday_month *holiday = rfy_result_holiday(r);
    int excess = holiday->status == RFY_HOLIDAY_KNOWN && holiday->excess_m > 0;
    a->holiday_excess += (unsigned long)excess;
    /* Positive: paid too much; within --tolerance either way a match (rfy/audit.h). */
    rfy_result_amount_ore(a->payment, r, RFY_RESULT_PAYMENT);
    rfy_audit_finding found = rfy_audit_compare(a->diff, a->paid_sum, a->payment, a->tolerance);
    rfy_audit_totals_add(a->tot, a->paid_sum, a->diff, found);
    int differs = found != RFY_AUDIT_MATCH;
    int ledger_differs = 0;
    if (a->ledger) {
        /* docs/audit.md "Against the ledger": paid against the ledger's payment, to the øre */
        if (rfy_ledger_lookup(a->ledger, row->case_id, row->case_id_len, rfy_case_month(row->in),
                              a->stored) != RFY_OK) {
            fprintf(stderr, "rfy audit: %s\n", rfy_ledger_error(a->ledger));
            return RFY_EIO;
        }
        rfy_ledger_stored_payment(a->stored_paid, a->stored);
        if (!rfy_ledger_stored_found(a->stored)) {
            a->ledger_missing++;
            ledger_differs = 1;
        } else {
            rfy_audit_finding lf = rfy_audit_compare(a->ldiff, a->paid_sum, a->stored_paid, a->zero);
            rfy_audit_totals_add(a->ltot, a->paid_sum, a->ldiff, lf);
            ledger_differs = lf != RFY_AUDIT_MATCH;
        }
    }
    if (!differs && !excess && !ledger_differs)
        return explain_wanted(a, row) ? explain_row(a, row, 0) : RFY_OK;

    /* The report: the batch output columns plus paid and difference; with
     * --ledger what the ledger says was paid and paid − that (interface.md:
     * two empty cells when the ledger has no such case-month). */
    errno = 0;
    c = a->stream->cells;
    rc = rfy_cells_of_row(c, row, a->rates_id) | rfy_cells_add_amount(c, RFY_COL_PAID, a->paid_sum) |
         rfy_cells_add_amount(c, RFY_COL_DIFFERENCE, a->diff);
    if (a->ledger && rfy_ledger_stored_found(a->stored))
        rc |= rfy_cells_add_amount(c, RFY_COL_LEDGER_PAID, a->stored_paid) |
              rfy_cells_add_amount(c, RFY_COL_LEDGER_DIFFERENCE, a->ldiff);
    else if (a->ledger)
        rc |= rfy_cells_add_empty(c, RFY_COL_LEDGER_PAID) | rfy_cells_add_empty(c, RFY_COL_LEDGER_DIFFERENCE);
    if (rc != RFY_OK) {
        errno = EOVERFLOW; /* cannot happen with validated input (the column table bounds it) */
        return write_failed(a, a->files.out.path);
    }
    if (row_writer_row(a->stream->writer, fp, c, NULL, NULL) != 0)
        return write_failed(a, a->files.out.path);

    return explain_wanted(a, row) ? explain_row(a, row, differs) : RFY_OK;
}

static int on_reject(void *user, const rfy_batch_reject *rej)
{
    audit_ctx *a = user;
    int rc = run_stream_write_reject(a->stream, &a->files, &a->sum, rej);
    if (rc != RFY_EIO) /* written */
        a->rejects_written++;
    return rc;
}

/* The input was out of order (rfy/batch.h): start everything afresh. */
static int on_restart(void *user)
{
    audit_ctx *a = user;
    a->rejects_written = a->lines_written = 0;
    memset(a->warned, 0, sizeof a->warned);
    run_summary_clear(&a->sum);
    run_summary_init(&a->sum);
    a->explained = 0;
    rfy_audit_totals_reset(a->tot);
    rfy_audit_totals_reset(a->ltot);
    a->ledger_missing = 0;
    return run_files_restart(&a->files, a->header);
}

/* The batch loop reads the input again (rfy/batch.h reopen). */
static FILE *reopen_input(void *user)
{
    audit_ctx *a = user;
    return input_again_open(a->again);
}

static void on_progress(void *user, unsigned long rows)
{
    (void)user;
    cli_say("audit", RFY_MSG_PROGRESS_ROWS, rows);
}

/* ---- Summary ---------------------------------------------------------------------------- */

/* One "# name,value" figure of the report's summary block (row_writer.h):
 * a count, an amount (ore not NULL) or a text. */
static int figure(audit_ctx *a, const char *name, unsigned long count, const mpz_t ore,
                  const char *text)
{
    rfy_cells *c = a->stream->cells;
    int rc;
    rfy_cells_clear(c);
    rc = rfy_cells_add_text(c, RFY_COL_FIGURE_NAME, name, strlen(name));
    if (text)
        rc |= rfy_cells_add_text(c, RFY_COL_FIGURE_TEXT, text, strlen(text));
    else if (ore)
        rc |= rfy_cells_add_amount(c, RFY_COL_FIGURE_AMOUNT, ore);
    else
        rc |= rfy_cells_add_whole(c, RFY_COL_FIGURE_COUNT, count);
    errno = rc != RFY_OK ? EOVERFLOW : 0;
    if (rc != RFY_OK || row_writer_figure(a->stream->writer, a->files.out.fp, c) != 0)
        return write_failed(a, a->files.out.path);
    return RFY_OK;
}

/* One of the totals' sums as a figure (a copy out of the handle, rfy/audit.h). */
static int total_figure(audit_ctx *a, const char *name, const rfy_audit_totals *t,
                        rfy_audit_amount_id id)
{
    mpz_t v;
    int rc;
    mpz_init(v);
    rfy_audit_totals_amount(v, t, id);
    rc = figure(a, name, 0, v, NULL);
    mpz_clear(v);
    return rc;
}

#define COUNT(name, n) figure(a, name, n, NULL, NULL)
#define AMOUNT(name, ore) figure(a, name, 0, ore, NULL)
#define TOTAL(name, t, id) total_figure(a, name, t, id)

/*
 * The report's summary: an empty line, then one "# name,value" record per
 * line.  A script reads the report up to the first empty line; a
 * spreadsheet shows the block under the data with the names in column A.
 */
static int write_summary(audit_ctx *a, const run_totals *st)
{
    rfy_audit_counts c = rfy_audit_totals_counts(a->tot), lc = rfy_audit_totals_counts(a->ltot);
    errno = 0;
    if (row_writer_blank(a->stream->writer, a->files.out.fp) != 0)
        return write_failed(a, a->files.out.path);
    /* matches and differences count case-months; rows and rejects count input rows.
     * sum_of_differences = total_paid − total_payment
     *                    = overpaid + underpaid + within_tolerance (rfy/audit.h). */
    if (COUNT("rows", st->n.rows) || COUNT("case_months", st->n.casemonths) ||
        COUNT("matches", c.matches) || COUNT("differences", differences(a)) ||
        COUNT("overpayments", c.over) || TOTAL("overpaid", a->tot, RFY_AUDIT_OVER_SUM) ||
        COUNT("underpayments", c.under) || TOTAL("underpaid", a->tot, RFY_AUDIT_UNDER_SUM) ||
        COUNT("rejects", st->n.rejected) || COUNT("holiday_excess", a->holiday_excess) ||
        TOTAL("within_tolerance", a->tot, RFY_AUDIT_WITHIN_SUM) ||
        TOTAL("sum_of_differences", a->tot, RFY_AUDIT_DIFF_TOTAL) ||
        TOTAL("total_paid", a->tot, RFY_AUDIT_PAID_TOTAL) ||
        AMOUNT("total_payment", st->payment) || AMOUNT("tolerance", a->tolerance) ||
        figure(a, "rates_id", 0, NULL, a->rates_id))
        return RFY_EIO;
    /* --ledger: ledger_matches + ledger_differences = case_months; the sum is over the
     * case-months the ledger has paid: ledger_total_paid − their ledger payments */
    if (a->ledger &&
        (COUNT("ledger_matches", lc.matches) || COUNT("ledger_differences", ledger_differences(a)) ||
         COUNT("ledger_missing", a->ledger_missing) ||
         TOTAL("ledger_sum_of_differences", a->ltot, RFY_AUDIT_DIFF_TOTAL) ||
         TOTAL("ledger_total_paid", a->ltot, RFY_AUDIT_PAID_TOTAL)))
        return RFY_EIO;
    return RFY_OK;
}

#undef COUNT
#undef AMOUNT
#undef TOTAL

static void summary(const audit_ctx *a, const run_totals *st, const char *rejects_name,
                    int tolerance_given)
{
    char d[48], p[48], q[48], o[48], u[48], w[48];
    rfy_audit_counts c = rfy_audit_totals_counts(a->tot), lc = rfy_audit_totals_counts(a->ltot);
    rfy_audit_totals_text(d, sizeof d, a->tot, RFY_AUDIT_DIFF_TOTAL, '.');
    rfy_audit_totals_text(w, sizeof w, a->tot, RFY_AUDIT_WITHIN_SUM, '.');
    rfy_audit_totals_text(p, sizeof p, a->tot, RFY_AUDIT_PAID_TOTAL, '.');
    rfy_money_format(q, sizeof q, st->payment, '.');
    rfy_audit_totals_text(o, sizeof o, a->tot, RFY_AUDIT_OVER_SUM, '.');
    rfy_audit_totals_text(u, sizeof u, a->tot, RFY_AUDIT_UNDER_SUM, '.');
    /* Danish unless --lang en (cli_lang): the catalogue's words */
    fputs("rfy audit: ", stderr);
    fprintf(stderr, cli_msg(st->n.rows == 1 ? RFY_MSG_AUDIT_SUM_ONE : RFY_MSG_AUDIT_SUM_MANY),
            st->n.rows, c.matches, differences(a), st->n.rejected);
    if (st->n.rejected)
        fprintf(stderr, cli_msg(RFY_MSG_SUM_SEE), rejects_name);
    if (st->n.casemonths != st->n.computed)
        fprintf(stderr, cli_msg(RFY_MSG_AUDIT_SUM_CASEMONTHS), st->n.casemonths, st->n.computed);
    fputc('\n', stderr);
    /* gross − deductions applied = the recomputed payment; rejects by reason */
    run_summary_print_as(&a->sum, stderr, "audit", "recomputed");
    if (a->holiday_excess)
        cli_say("audit", a->holiday_excess == 1 ? RFY_MSG_AUDIT_HOLIDAY_ONE : RFY_MSG_AUDIT_HOLIDAY_MANY,
                a->holiday_excess);
    fputs("rfy audit: ", stderr);
    fprintf(stderr, cli_msg(RFY_MSG_AUDIT_OVER_UNDER), c.over,
            cli_msg(c.over == 1 ? RFY_MSG_CASEMONTH_ONE : RFY_MSG_CASEMONTH_MANY), o, c.under,
            cli_msg(c.under == 1 ? RFY_MSG_CASEMONTH_ONE : RFY_MSG_CASEMONTH_MANY), u);
    if (tolerance_given) /* the matches' own differences, so that the sum adds up */
        fprintf(stderr, cli_msg(RFY_MSG_AUDIT_WITHIN), w);
    fputc('\n', stderr);
    cli_say("audit", RFY_MSG_AUDIT_DIFFERENCES, d, p, q);
    if (a->ledger) {
        rfy_audit_totals_text(d, sizeof d, a->ltot, RFY_AUDIT_DIFF_TOTAL, '.');
        cli_say("audit", RFY_MSG_AUDIT_LEDGER, a->ledger_path, lc.matches,
                cli_msg(lc.matches == 1 ? RFY_MSG_CASEMONTH_ONE : RFY_MSG_CASEMONTH_MANY),
                ledger_differences(a), a->ledger_missing, d);
    }
    fprintf(stderr, "rfy audit: rates_id %s\n", a->rates_id);
}

/* ---- Options ---------------------------------------------------------------------------- */

/* --explain CASE_ID or CASE_ID:YYYY-MM (a case_id may itself hold ':'; the
 * part after the last one is taken as a month only when it is one). */
static int explain_target(audit_ctx *a, const char *arg)
{
    const char *colon = strrchr(arg, ':'), *why;
    a->explain_id = arg;
    a->explain_len = strlen(arg);
    a->explain_month = 0;
    if (colon && rfy_month_parse(&a->explain_month, colon + 1, strlen(colon + 1), &why) == RFY_OK) {
        a->explain_len = (size_t)(colon - arg);
        /* the heading prints explain_id: keep only the case_id */
        static char id[RFY_BATCH_CASE_ID_DISPLAY_SIZE];
        snprintf(id, sizeof id, "%.*s", (int)a->explain_len, arg);
        a->explain_id = id;
    } else {
        a->explain_month = 0;
    }
    if (a->explain_len == 0) {
        cli_say("audit", RFY_MSG_AUDIT_EXPLAIN_NEEDS_ID);
        return -1;
    }
    return 0;
}

/* --tolerance AMOUNT: 0.00 or 0,00 and up, within the limit for amounts (rfy/audit.h). */
static int parse_tolerance(mpz_t out, const char *arg)
{
    const char *why = NULL;
    if (rfy_audit_tolerance_parse(out, arg, strlen(arg), &why) != RFY_OK) {
        /* the parser's reason in the run's language (rfy_reason_text) */
        cli_say("audit", RFY_MSG_AUDIT_TOLERANCE, arg, why ? ": " : "",
                rfy_reason_text(why, cli_lang));
        return -1;
    }
    return 0;
}

/* The receipt's options: --tolerance too, as the report's summary writes it,
 * so that the run can be repeated from its receipt.  0, or -1 (no memory). */
static int add_tolerance(json_t *options, const mpz_t tolerance)
{
    char t[48];
    if (rfy_money_format(t, sizeof t, tolerance, '.') < 0)
        return -1;
    return json_object_set_new(options, "tolerance", json_string(t));
}

int cmd_audit(int argc, char **argv)
{
    enum { OPT_EXPLAIN = RUN_ARG_OWN, OPT_TOLERANCE, OPT_LEDGER };
    const char *tolerance = NULL;
    static const struct option opts[] = {RUN_ARGS_LONGOPTS,
                                         {"explain", required_argument, 0, OPT_EXPLAIN},
                                         {"tolerance", required_argument, 0, OPT_TOLERANCE},
                                         {"ledger", required_argument, 0, OPT_LEDGER},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    run_args args; /* the options and the input audit shares with batch (run_args.h) */
    run_stream s;  /* rates, input, its hash and the output adapter (run_stream.h) */
    char *msg = NULL;
    int c, rc, exit_code = RFY_EXIT_USAGE;
    audit_ctx a;
    rfy_batch_config cfg;
    rfy_batch_stats *stats = NULL; /* the engine's counts and sums */
    run_totals st;                 /* a copy of them after the run */
    receipt rec;
    input_again again;
    json_t *options = NULL;

    run_stream_init(&s, "audit", cli_msg(RFY_MSG_REPORT_FILE));
    memset(&a, 0, sizeof a);
    memset(&rec, 0, sizeof rec);
    if (run_args_init(&args) != 0 || !(stats = rfy_batch_stats_new())) {
        cli_say("audit", RFY_MSG_OUT_OF_MEMORY);
        run_args_free(&args);
        return RFY_EXIT_USAGE;
    }
    run_totals_init(&st);
    run_summary_init(&a.sum);
    mpz_inits(a.diff, a.payment, a.tolerance, a.ldiff, a.zero, a.paid_sum, a.total_paid, a.total_diff,
              a.stored_paid, NULL);
    if (!(a.paid = rfy_audit_paid_new()) || !(a.tot = rfy_audit_totals_new()) ||
        !(a.ltot = rfy_audit_totals_new()) || !(a.stored = rfy_ledger_stored_new())) {
        cli_say("audit", RFY_MSG_OUT_OF_MEMORY);
        goto cleanup;
    }
    a.stream = &s;
    optind = 1;
    while ((c = cli_getopt(argc, argv, "audit", "o:h", opts)) != -1) {
        switch (c) {
        case OPT_EXPLAIN:
            if (explain_target(&a, optarg) != 0)
                goto cleanup;
            break;
        case OPT_TOLERANCE: tolerance = optarg; break;
        case OPT_LEDGER: a.ledger_path = optarg; break;
        case 'h':
            cli_print_help(stdout, "audit", CLI_TEXT(AUDIT_ABOUT_DA, AUDIT_ABOUT),
                           CLI_TEXT(AUDIT_FOOTER_DA, AUDIT_FOOTER));
            exit_code = RFY_EXIT_OK;
            goto cleanup;
        default:
            if ((rc = run_args_parse(&args, "audit", c, optarg)) > 0)
                break;
            if (rc == 0)
                cli_print_usage(stderr, "audit");
            goto cleanup;
        }
    }
    if (run_args_input(&args, "audit", "HISTORIC.csv", "REPORT.xlsx", argc, argv) != 0)
        goto cleanup;
    if (tolerance && parse_tolerance(a.tolerance, tolerance) != 0)
        goto cleanup;
    if (a.ledger_path) { /* read only: an audit never changes the ledger */
        if (rfy_ledger_open_lang(&a.ledger, a.ledger_path, 0, cli_lang, &msg) != RFY_OK) {
            fprintf(stderr, "rfy audit: %s\n", msg ? msg : a.ledger_path);
            goto cleanup;
        }
    }
    if (run_stream_open_input(&s, &args, &a.files) != 0)
        goto cleanup;
    a.rates = s.rates;
    a.rates_id = rfy_rates_id(s.rates);
    a.amount = args.comma ? &RFY_AMOUNT_COMMA : &RFY_AMOUNT_DOT;
    /* The breakdown never mixes into the report. */
    a.explain_out = strcmp(args.out_path, "-") == 0 ? stderr : stdout;

    {
        /* interface.md: the batch output columns, paid and difference, with
         * --ledger ledger_paid and ledger_difference */
        row_layout out, rej;
        row_layout_results(&out);
        row_layout_add(&out, RFY_COL_PAID);
        row_layout_add(&out, RFY_COL_DIFFERENCE);
        if (a.ledger) {
            row_layout_add(&out, RFY_COL_LEDGER_PAID);
            row_layout_add(&out, RFY_COL_LEDGER_DIFFERENCE);
        }
        row_layout_rejects(&rej);
        if (run_stream_open_outputs(&s, &args, &a.files, &out, &rej) != 0)
            goto failed;
        a.header = s.out_header;
    }

    memset(&cfg, 0, sizeof cfg);
    cfg.rates = s.rates;
    cfg.delimiter = args.delimiter;
    cfg.amount = a.amount;
    cfg.extra_columns = EXTRA_COLUMNS;
    cfg.nextra = sizeof EXTRA_COLUMNS / sizeof EXTRA_COLUMNS[0];
    cfg.on_header = on_header;
    cfg.on_row = on_row;
    cfg.on_reject = on_reject;
    cfg.on_progress = args.quiet ? NULL : on_progress;
    cfg.progress_every = PROGRESS_EVERY;
    cfg.columns = args.ro.columns;
    cfg.user = &a;
    cfg.jobs = args.jobs;
    cfg.has_payment_lines = 1;
    cfg.payment_extra = EXTRA_PAID;
    /* The input may be read again (its order: docs/casemonth.md). */
    again = (input_again){a.files.in, &s.dec, &s.in, &s.hash, args.ro.encoding};
    if (input_again_possible(a.files.in))
        cfg.reopen = reopen_input;
    /* Streaming may start again from the top; the breakdowns of --explain go
     * to a stream that cannot be taken back, and a workbook is not a stream:
     * then the input's order is checked first. */
    if (run_files_can_restart(&a.files) && !a.explain_id && args.ro.format == OUTPUT_CSV)
        cfg.on_restart = on_restart;
    a.again = &again;
    if (run_stream_run(&s, stats, &cfg, &args) != 0)
        goto failed;
    run_totals_read(&st, stats);
    /* Every case-month computed is a match or a difference; every row is in
     * one of them or in a reject. */
    unsigned long matched = rfy_audit_totals_counts(a.tot).matches;
    if (matched + differences(&a) != st.n.casemonths || a.rejects_written != st.n.rejected ||
        a.lines_written != st.n.computed || st.n.rows != a.lines_written + st.n.rejected) {
        cli_say("audit", RFY_MSG_AUDIT_INTERNAL, st.n.rows, matched, differences(&a),
                a.rejects_written);
        goto failed;
    }
    if (write_summary(&a, &st) != RFY_OK)
        goto failed;
    run_summary_finish(&a.sum, st.n.rows, st.n.computed, st.n.rejected, st.gross, st.deductions,
                       st.payment);
    a.sum.casemonths = st.n.casemonths;
    /* xlsx: the report's "# name,value" block first, then the reconciled figures */
    errno = 0;
    if (fflush(a.files.out.fp) == EOF) {
        write_failed(&a, a.files.out.path);
        goto failed;
    }
    if (run_stream_finish(&s, &a.files, &a.sum, a.rates_id) != 0)
        goto failed;
    /* Report and rejects are complete, not yet named: the receipt is
     * prepared, then all three are committed together (run_files.h). */
    receipt_init(&rec, "audit");
    rec.rates_id = a.rates_id;
    rec.rates_dir = args.rates_dir;
    rec.input_path = args.in_path;
    /* the input's hash: of the file's own bytes, taken by the decoder (hash) */
    rec.rows = st.n.rows;
    rec.computed = st.n.computed;
    rec.rejected = st.n.rejected;
    rec.case_months = st.n.casemonths; /* = matches + differences (checked above) */
    rec.matches = matched;
    rec.differences = differences(&a);
    rec.warning_rows = a.warned;
    rec.total_gross = st.gross;
    rec.total_deductions = st.deductions;
    rfy_audit_totals_amount(a.total_paid, a.tot, RFY_AUDIT_PAID_TOTAL);
    rec.total_paid = a.total_paid;
    rec.total_payment = st.payment;
    rfy_audit_totals_amount(a.total_diff, a.tot, RFY_AUDIT_DIFF_TOTAL);
    rec.total_difference = a.total_diff;
    rec.output_path = args.out_path;
    rec.rejects_path = a.files.rej_path ? a.files.rej_path : "-";
    if (!(options = run_options_json(&args.ro, args.delimiter, args.comma, s.used, s.sep)) ||
        add_tolerance(options, a.tolerance) != 0) {
        cli_say("audit", RFY_MSG_CANNOT_BUILD_RECEIPT);
        goto failed;
    }
    rec.options = options;
    if (!(rec.summary = run_summary_json(&a.sum))) {
        cli_say("audit", RFY_MSG_CANNOT_BUILD_RECEIPT);
        goto failed;
    }
    /* taken while written (an xlsx workbook: read back once written) */
    receipt_take_hashes(&rec, atomic_file_sha256(&a.files.out), atomic_file_sha256(&a.files.rej));
    if (receipt_prepare(&rec, &s.hash, args.receipt_path, &a.files.rcp, &a.files.receipt_line,
                        &msg) != RFY_OK) {
        fprintf(stderr, "rfy audit: %s\n", msg ? msg : cli_msg(RFY_MSG_CANNOT_WRITE_RECEIPT));
        goto failed;
    }
    if (run_files_commit(&a.files) != 0)
        goto failed;
    run_files_close(&a.files);
    summary(&a, &st, a.files.rejects_name, tolerance != NULL);
    if (a.explain_id && a.explained == 0)
        cli_say("audit", RFY_MSG_AUDIT_EXPLAIN_NONE, a.explain_id,
                a.explain_month ? cli_msg(RFY_MSG_AUDIT_AND_MONTH) : "");
    exit_code = (differences(&a) || st.n.rejected || ledger_differences(&a)) ? RFY_EXIT_REJECTS
                                                                            : RFY_EXIT_OK;
    goto cleanup;

failed:
    run_files_report_failure(&a.files);
    exit_code = RFY_EXIT_USAGE;
cleanup:
    run_stream_release(&s); /* gives the output streams back first */
    json_decref(options);
    json_decref(rec.summary);
    run_args_free(&args);
    run_files_release(&a.files);
    free(msg);
    run_totals_clear(&st);
    rfy_batch_stats_free(stats);
    run_summary_clear(&a.sum);
    rfy_audit_paid_free(a.paid);
    rfy_audit_totals_free(a.tot);
    mpz_clears(a.diff, a.payment, a.tolerance, a.ldiff, a.zero, a.paid_sum, a.total_paid, a.total_diff,
               a.stored_paid, NULL);
    rfy_audit_totals_free(a.ltot);
    rfy_ledger_stored_free(a.stored);
    if (a.ledger)
        rfy_ledger_close(a.ledger);
    return exit_code;
}
