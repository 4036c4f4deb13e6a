/*
 * rfy preview: one case-month explained, in Danish text or as JSON.
 *
 *   rfy preview [--rates DIR] [--json] [--decimal-comma] --month YYYY-MM
 *               --category CAT [--COLUMN VALUE ...]
 *
 * Every batch input column is an option, '_' written '-' (--prior-until).
 * The options are named fields read by the engine (rfy_case_from_fields),
 * like a batch row, so preview and batch accept and refuse exactly the same
 * values with the same reasons.
 * Messages name the option as the user typed it (--prior-until), never the
 * column.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options_table.h"
#include "preview_input.h"

/* `rfy preview --help`: the options come from options_table.c. */
static const char ABOUT[] =
    "Every option but --rates, --json, --decimal-comma, --input and --delimiter is a\n"
    "batch input column ('_' written '-').  With --input the case-month's period rows\n"
    "(one or several: a level change inside the month, days without benefit) come\n"
    "from a batch file; see docs/preview.md.\n";
static const char FOOTER[] = "Exit codes: 0 computed; 2 bad input.\n";
static const char ABOUT_DA[] =
    "Hvert tilvalg undtagen --rates, --json, --decimal-comma, --input og --delimiter\n"
    "er en inputkolonne fra batch ('_' skrives '-').  Med --input kommer\n"
    "sagsmånedens perioderækker (én eller flere: et niveauskift i måneden, dage uden\n"
    "ydelse) fra en batchfil; se docs/preview.md.\n";
static const char FOOTER_DA[] = "Exitkoder: 0 beregnet; 2 fejl i input.\n";

enum { OPT_RATES = 1000, OPT_JSON, OPT_DECIMAL_COMMA, OPT_HELP, OPT_INPUT, OPT_DELIMITER,
       OPT_COLUMN = 2000 };

/* "--prior-until" for column "prior_until". */
static void option_name(char *buf, size_t size, const char *column)
{
    size_t o = 0;
    if (size < 3) {
        if (size)
            buf[0] = '\0';
        return;
    }
    buf[o++] = '-';
    buf[o++] = '-';
    for (const char *p = column; *p && o + 1 < size; p++)
        buf[o++] = *p == '_' ? '-' : *p;
    buf[o] = '\0';
}

/*
 * A reason written for the batch columns, reworded for options: every
 * column name with an '_' (unambiguous: "prior_until", "holiday_days")
 * becomes its option ("--prior-until").  Single-word names (month, wage) are
 * ordinary English words in reasons and are left alone.
 */
static void reword(char *out, size_t size, const char *reason)
{
    size_t o = 0;
    const char *p = reason;

    while (*p && o + 1 < size) {
        int done = 0;
        int word_start = p == reason || !((p[-1] >= 'a' && p[-1] <= 'z') || p[-1] == '_');
        for (size_t k = 0; word_start && k < rfy_input_column_count() && !done; k++) {
            const char *name = rfy_input_column_name(k);
            size_t n = strlen(name);
            char next;
            if (!strchr(name, '_') || strncmp(p, name, n) != 0)
                continue;
            next = p[n];
            if ((next >= 'a' && next <= 'z') || next == '_')
                continue;
            char opt[40];
            option_name(opt, sizeof opt, name);
            for (const char *q = opt; *q && o + 1 < size; q++)
                out[o++] = *q;
            p += n;
            done = 1;
        }
        if (!done)
            out[o++] = *p++;
    }
    out[o] = '\0';
}

/* "rfy preview: --OPTION: reason" for one fault of column `column` ("" for none). */
static void report_one(const char *column, const char *reason)
{
    char opt[40], text[1024];
    size_t n = column ? strlen(column) : 0;

    /* a fault's words start "COLUMN ..."; the option replaces the column */
    if (n && strncmp(reason, column, n) == 0 && (reason[n] == ' ' || reason[n] == ':'))
        reason += n + (reason[n] == ':' ? 2 : 1);
    reword(text, sizeof text, reason);
    if (n) {
        option_name(opt, sizeof opt, column);
        fprintf(stderr, "rfy preview: %s: %s\n", opt, text);
    } else {
        fprintf(stderr, "rfy preview: %s\n", text);
    }
}

/* Every fault of err, one line each, in cli_lang (Danish unless --lang en). */
static void report(const rfy_error *err)
{
    char text[1024];
    if (err->nfaults == 0) {
        report_one(err->column, err->reason);
        return;
    }
    for (int k = 0; k < err->nfaults; k++) {
        rfy_fault_text_hinted(text, sizeof text, &err->fault[k], cli_lang, cli_hints);
        report_one(err->fault[k].column, text);
    }
}

/* Room for one option per batch input column (rfy_input_column_count(),
 * checked against it in parse_options()). */
#define COLUMNS_MAX 32

/* The options as a one-row batch file: header and row records. */
typedef struct preview_args {
    const char *value[COLUMNS_MAX];    /* by input column; NULL = option not given */
    const char *rates_dir;
    int json, decimal_comma;
    const char *input;                 /* --input FILE: the period rows come from a file */
    char delimiter;                    /* --delimiter, with --input */
} preview_args;

/* The option given for input column `column` ("case_id"), or NULL. */
static const char *given(const preview_args *a, const char *column)
{
    for (size_t k = 0; k < rfy_input_column_count(); k++)
        if (strcmp(rfy_input_column_name(k), column) == 0)
            return a->value[k];
    return NULL;
}

/* getopt_long over argv into a; returns -1 to go on, else an exit code. */
static int parse_options(preview_args *a, int argc, char **argv)
{
    struct option opts[COLUMNS_MAX + 7];
    char names[COLUMNS_MAX][40];
    int n = 0, c, ncols = (int)rfy_input_column_count();

    if (ncols > COLUMNS_MAX) { /* a library with more columns than this program knows room for */
        cli_say("preview", RFY_MSG_PREVIEW_TOO_MANY_COLUMNS, ncols, COLUMNS_MAX);
        return RFY_EXIT_USAGE;
    }
    for (int k = 0; k < ncols; k++) {
        option_name(names[k], sizeof names[k], rfy_input_column_name((size_t)k));
        opts[n++] = (struct option){names[k] + 2, required_argument, 0, OPT_COLUMN + k};
    }
    opts[n++] = (struct option){"rates", required_argument, 0, OPT_RATES};
    opts[n++] = (struct option){"json", no_argument, 0, OPT_JSON};
    opts[n++] = (struct option){"decimal-comma", no_argument, 0, OPT_DECIMAL_COMMA};
    opts[n++] = (struct option){"help", no_argument, 0, OPT_HELP};
    opts[n++] = (struct option){"input", required_argument, 0, OPT_INPUT};
    opts[n++] = (struct option){"delimiter", required_argument, 0, OPT_DELIMITER};
    opts[n] = (struct option){0, 0, 0, 0};

    memset(a, 0, sizeof *a);
    optind = 1;
    while ((c = cli_getopt(argc, argv, "preview", ":h", opts)) != -1) {
        if (c >= OPT_COLUMN && c < OPT_COLUMN + ncols) {
            int k = c - OPT_COLUMN;
            if (a->value[k]) {
                cli_say("preview", RFY_MSG_OPTION_TWICE, names[k]);
                return RFY_EXIT_USAGE;
            }
            a->value[k] = optarg;
            continue;
        }
        switch (c) {
        case OPT_RATES:
            a->rates_dir = optarg;
            break;
        case OPT_JSON:
            a->json = 1;
            break;
        case OPT_DECIMAL_COMMA:
            a->decimal_comma = 1;
            break;
        case OPT_INPUT:
            a->input = optarg;
            break;
        case OPT_DELIMITER:
            if (cli_parse_delimiter(&a->delimiter, optarg) != 0) {
                cli_say("preview", RFY_MSG_DELIMITER, optarg);
                return RFY_EXIT_USAGE;
            }
            break;
        case OPT_HELP:
        case 'h':
            cli_print_help(stdout, "preview", CLI_TEXT(ABOUT_DA, ABOUT), CLI_TEXT(FOOTER_DA, FOOTER));
            return RFY_EXIT_OK;
        default: /* cli_getopt said which option */
            cli_print_usage(stderr, "preview");
            return RFY_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        cli_say("preview", RFY_MSG_UNEXPECTED_VALUE, argv[optind]);
        return RFY_EXIT_USAGE;
    }
    if (a->input) {
        /* The period rows are the file's: only which case-month to show. */
        for (int k = 0; k < ncols; k++)
            if (a->value[k] && strcmp(rfy_input_column_name((size_t)k), "case_id") != 0 &&
                strcmp(rfy_input_column_name((size_t)k), "month") != 0) {
                cli_say("preview", RFY_MSG_PREVIEW_INPUT_ONLY, names[k]);
                return RFY_EXIT_USAGE;
            }
        if (!given(a, "case_id") || !given(a, "month")) {
            cli_say("preview", RFY_MSG_PREVIEW_INPUT_NEEDS);
            return RFY_EXIT_USAGE;
        }
        return -1;
    }
    if (a->delimiter) {
        cli_say("preview", RFY_MSG_PREVIEW_DELIMITER);
        return RFY_EXIT_USAGE;
    }
    if (!given(a, "month")) {
        cli_say("preview", RFY_MSG_MONTH_REQUIRED);
        cli_print_usage(stderr, "preview");
        return RFY_EXIT_USAGE;
    }
    if (!given(a, "category")) {
        cli_say("preview", RFY_MSG_CATEGORY_REQUIRED);
        return RFY_EXIT_USAGE;
    }
    return -1;
}

/* The options as named fields through the engine's reader into `c`; 0, or
 * prints and returns 2.  rfy_case_from_fields() reads them exactly as a
 * batch row, so preview and batch accept and refuse the same values. */
static int build_case(rfy_case *c, const preview_args *a)
{
    rfy_field fields[COLUMNS_MAX];
    rfy_error err;
    size_t n = 0;

    for (size_t k = 0; k < rfy_input_column_count(); k++)
        if (a->value[k]) {
            fields[n].name = rfy_input_column_name(k);
            fields[n].value = a->value[k];
            n++;
        }
    if (rfy_case_from_fields(c, fields, n, a->decimal_comma ? &RFY_AMOUNT_COMMA : &RFY_AMOUNT_DOT,
                             &err) != RFY_OK) {
        report(&err);
        return RFY_EXIT_USAGE;
    }
    return RFY_EXIT_OK;
}

static int emit(const preview_args *a, const rfy_case *c, const rfy_result *res,
                const rfy_rates *rates)
{
    const rfy_explain_options opts = {given(a, "case_id"), NULL, cli_lang, 0, cli_hints};
    /* the engine's explanation (rfy/explain.h), printed as it is */
    char *text = a->json ? rfy_explain_json(res, &c, 1, rates, &opts)
                         : rfy_explain_text(res, &c, 1, rates, &opts);
    int bad;
    if (!text) {
        cli_say("preview", RFY_MSG_OUT_OF_MEMORY);
        return RFY_EXIT_USAGE;
    }
    bad = fputs(text, stdout) == EOF || (a->json && fputc('\n', stdout) == EOF);
    free(text);
    return bad ? EOF : 0;
}

/* What the runner's one case-month is written with. */
typedef struct emitted {
    const preview_args *a;
    const rfy_rates *rates;
    int failed;
} emitted;

/* The runner's computed month (rfy/runner.h), written at once. */
static int on_result(void *user, const rfy_run_row *const *rows, size_t n, const rfy_result *res)
{
    emitted *e = user;
    (void)n;
    e->failed = emit(e->a, rows[0]->in, res, e->rates) != 0;
    return RFY_OK;
}

int cmd_preview(int argc, char **argv)
{
    preview_args a;
    rfy_rates *rates = NULL;
    rfy_case *c = NULL;
    rfy_run_row one, *onep = &one;
    emitted out = {0};
    int rc, run_rc;

    memset(&one, 0, sizeof one);
    if ((rc = parse_options(&a, argc, argv)) >= 0)
        return rc;
    if (a.input) {
        preview_input p = {a.input, given(&a, "case_id"), given(&a, "month"),
                           a.json, a.decimal_comma, a.delimiter};
        if (!(rates = cli_load_rates(a.rates_dir)))
            return RFY_EXIT_USAGE;
        rc = preview_from_input(&p, rates);
        rfy_rates_free(rates);
        return rc;
    }
    if (!(c = rfy_case_new())) {
        cli_say("preview", RFY_MSG_OUT_OF_MEMORY);
        return RFY_EXIT_USAGE;
    }
    if ((rc = build_case(c, &a)) != RFY_EXIT_OK)
        goto done;
    rc = RFY_EXIT_USAGE;
    if (!(rates = cli_load_rates(a.rates_dir)))
        goto done;
    /* The engine's case-month runner, as the batch and `rfy serve` (rfy/runner.h):
     * the month computed and the holiday ledger kept from the state given
     * (rules.md §8; both columns default to 0). */
    one.in = c;
    one.case_id = given(&a, "case_id") ? given(&a, "case_id") : "";
    one.case_id_len = strlen(one.case_id);
    one.keyed = 1;
    one.month = rfy_case_month(c);
    one.rc = RFY_OK;
    out.a = &a;
    out.rates = rates;
    if ((run_rc = rfy_casemonth_run(&onep, 1, rates, "row", on_result, &out)) != RFY_OK) {
        fprintf(stderr, "rfy preview: %s\n", rfy_rc_text(run_rc, cli_lang));
        goto done;
    }
    if (one.rc != RFY_OK) {
        report(&one.err);
        goto done;
    }
    if (out.failed || fflush(stdout) != 0 || ferror(stdout)) {
        cli_say("preview", RFY_MSG_PREVIEW_CANNOT_WRITE);
        goto done;
    }
    rc = RFY_EXIT_OK;

done:
    rfy_rates_free(rates);
    rfy_case_free(c);
    return rc;
}
