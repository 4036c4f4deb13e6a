/*
 * rfy whatif: "Kan det betale sig at arbejde?" for one case-month
 * (rules.md §11, docs/whatif.md).
 *
 *   rfy whatif [--rates DIR] [--json] [--decimal-comma] --month YYYY-MM
 *              --category CAT [--COLUMN VALUE ...]
 *              --wage-from KR --wage-to KR --step KR
 *            | --hourly-wage KR --hours-from H --hours-to H --hours-step H
 *
 * The case options are `rfy preview`'s (every batch input column, '_'
 * written '-'), read by the engine as a batch row; --wage is not used (with
 * a note on standard error), since the wage is what varies.  The range is read by the engine too
 * (rfy_whatif_range_from_fields), so this and POST /api/v1/whatif accept and
 * refuse the same values.  Text output is Danish; --json gives the API's
 * object (whatif_answer.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options_table.h"
#include "whatif_answer.h"

/* `rfy whatif --help`: the options come from options_table.c. */
static const char ABOUT[] =
    "Shows the ydelse paid, the deductions, wage + ydelse and the share of the last\n"
    "extra krone kept for each wage (or number of hours) in the range, and the exact\n"
    "wage at which the ydelse becomes 0 (at most 1000 points; see docs/whatif.md).\n";
static const char FOOTER[] = "Exit codes: 0 computed; 2 bad input.\n";
static const char ABOUT_DA[] =
    "Viser udbetalt ydelse, fradragene, løn + ydelse og den andel af den sidste\n"
    "ekstra krone, der beholdes, for hver løn (eller hvert antal timer) i\n"
    "intervallet, og den præcise løn, hvor ydelsen bliver 0 (højst 1000 punkter; se\n"
    "docs/whatif.md).\n";
static const char FOOTER_DA[] = "Exitkoder: 0 beregnet; 2 fejl i input.\n";

/* Every Danish text of the command's output, in one place. */
static const struct {
    const char *title, *wage_rule, *up_to, *above, *holiday, *break_even, *zero,
        *hours_at, *col_hours, *col_wage, *col_payment, *col_deductions, *col_total, *col_kept,
        *none, *note;
} DA = {
    "Kan det betale sig at arbejde?",
    "Fradrag for løn (%s):\n",
    "  0–%s kr.: %u %% fradrag\n",
    "  over %s kr.: %u %% fradrag\n",
    "Feriegodtgørelse trækkes som løn, højst ydelsen for feriedagene (%s).\n",
    "Ydelsen bliver 0 ved en løn på %s kr. om måneden",
    "Ydelsen er 0 allerede uden løn: de andre indtægter og fradrag tager hele ydelsen.\n",
    " (ved %s kr. i timen: %s timer)",
    "Timer",
    "Løn, kr.",
    "Ydelse, kr.",
    "Fradrag, kr.",
    "Løn + ydelse, kr.",
    "Beholdt af sidste krone",
    "–",
    "Beholdt af sidste krone: hvor meget af hver ekstra krone i løn, der blev til flere penge\n"
    "siden linjen før (brøken er eksakt).  Alle beløb er før skat.\n",
};

/* The range fields, after the case columns in the option table. */
static const char *const RANGE_FIELDS[] = {"wage_from",  "wage_to",  "step",      "hourly_wage",
                                           "hours_from", "hours_to", "hours_step"};
#define NRANGE (sizeof RANGE_FIELDS / sizeof RANGE_FIELDS[0])
#define MAX_FIELDS 64

enum { OPT_RATES = 1000, OPT_JSON, OPT_DECIMAL_COMMA, OPT_HELP, OPT_FIELD = 2000 };

typedef struct whatif_args {
    const char *name[MAX_FIELDS]; /* column or range field of option k */
    const char *value[MAX_FIELDS];
    size_t nnames, ncolumns;
    const char *rates_dir;
    int json, decimal_comma;
} whatif_args;

/* "--prior-until" for "prior_until". */
static void option_name(char *buf, size_t size, const char *column)
{
    snprintf(buf, size, "--%s", column);
    for (char *p = buf + 2; *p; p++)
        if (*p == '_')
            *p = '-';
}

/* Every field name with an '_' in `reason` ("hours_to", "holiday_days") written
 * as its option ("--hours-to"), as the user typed it. */
static void reword(char *out, size_t size, const char *reason, const whatif_args *a)
{
    size_t o = 0;
    const char *p = reason;
    while (*p && o + 1 < size) {
        int done = 0;
        int start = p == reason || !((p[-1] >= 'a' && p[-1] <= 'z') || p[-1] == '_');
        for (size_t k = 0; start && k < a->nnames && !done; k++) {
            size_t n = strlen(a->name[k]);
            char opt[48], next = p[n];
            if (!strchr(a->name[k], '_') || strncmp(p, a->name[k], n) != 0 ||
                (next >= 'a' && next <= 'z') || next == '_')
                continue;
            option_name(opt, sizeof opt, a->name[k]);
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

/* A fault of the case or the range, in cli_lang (the engine's catalogue), with
 * its column written as the option the user typed. */
static void report(const whatif_args *a, const rfy_error *err)
{
    char opt[48], text[512], words[512];
    const char *column = err->column, *reason = words;
    size_t n = column ? strlen(column) : 0;
    rfy_error_text_hinted(words, sizeof words, err, cli_lang, cli_hints);
    if (n && strncmp(reason, column, n) == 0 && reason[n] == ' ')
        reason += n + 1; /* "wage_to must be ..." → "--wage-to: must be ..." */
    reword(text, sizeof text, reason, a);
    if (n) {
        option_name(opt, sizeof opt, column);
        fprintf(stderr, "rfy whatif: %s: %s\n", opt, text);
    } else {
        fprintf(stderr, "rfy whatif: %s\n", text);
    }
}

static int parse_options(whatif_args *a, int argc, char **argv)
{
    struct option opts[MAX_FIELDS + 5];
    char names[MAX_FIELDS][40];
    size_t n = 0;
    int c;

    memset(a, 0, sizeof *a);
    for (size_t k = 0; k < rfy_input_column_count() && n + NRANGE < MAX_FIELDS; k++)
        a->name[n++] = rfy_input_column_name(k);
    a->ncolumns = n;
    for (size_t k = 0; k < NRANGE; k++)
        a->name[n++] = RANGE_FIELDS[k];
    a->nnames = n;
    for (size_t k = 0; k < n; k++) {
        option_name(names[k], sizeof names[k], a->name[k]);
        opts[k] = (struct option){names[k] + 2, required_argument, 0, OPT_FIELD + (int)k};
    }
    opts[n++] = (struct option){"rates", required_argument, 0, OPT_RATES};
    opts[n++] = (struct option){"json", no_argument, 0, OPT_JSON};
    opts[n++] = (struct option){"decimal-comma", no_argument, 0, OPT_DECIMAL_COMMA};
    opts[n++] = (struct option){"help", no_argument, 0, OPT_HELP};
    opts[n] = (struct option){0, 0, 0, 0};

    optind = 1;
    while ((c = cli_getopt(argc, argv, "whatif", ":h", opts)) != -1) {
        if (c >= OPT_FIELD && c < OPT_FIELD + (int)a->nnames) {
            size_t k = (size_t)(c - OPT_FIELD);
            if (a->value[k]) {
                cli_say("whatif", RFY_MSG_OPTION_TWICE, names[k]);
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
        case OPT_HELP:
        case 'h':
            cli_print_help(stdout, "whatif", CLI_TEXT(ABOUT_DA, ABOUT), CLI_TEXT(FOOTER_DA, FOOTER));
            return RFY_EXIT_OK;
        default: /* cli_getopt said which option */
            cli_print_usage(stderr, "whatif");
            return RFY_EXIT_USAGE;
        }
    }
    if (optind < argc) {
        cli_say("whatif", RFY_MSG_UNEXPECTED_ARG, argv[optind]);
        return RFY_EXIT_USAGE;
    }
    return -1;
}

/* The case and the range, read by the engine; 0 or prints and returns 2. */
static int build(rfy_case *c, rfy_whatif_range *r, size_t *npoints, const whatif_args *a)
{
    rfy_field cf[MAX_FIELDS], rf[NRANGE];
    size_t nc = 0, nr = 0;
    rfy_error err;
    const rfy_decimal_syntax *syn = a->decimal_comma ? &RFY_AMOUNT_COMMA : &RFY_AMOUNT_DOT;

    for (size_t k = 0; k < a->nnames; k++) {
        if (!a->value[k])
            continue;
        if (k >= a->ncolumns)
            rf[nr++] = (rfy_field){a->name[k], a->value[k]};
        else if (strcmp(a->name[k], "wage") == 0) /* the wage is what varies (W6) */
            fputs(cli_lang == RFY_LANG_EN
                      ? "rfy whatif: --wage is not used: the wage is what varies (--wage-from, "
                        "--wage-to, --step or hours at --hourly-wage)\n"
                      : "rfy whatif: --wage bruges ikke: det er lønnen, der varieres (--wage-from, "
                        "--wage-to, --step eller timer til --hourly-wage)\n",
                  stderr);
        else
            cf[nc++] = (rfy_field){a->name[k], a->value[k]};
    }
    if (rfy_case_from_fields(c, cf, nc, syn, &err) != RFY_OK ||
        rfy_whatif_range_from_fields(r, npoints, rf, nr, syn, &err) != RFY_OK) {
        report(a, &err);
        return RFY_EXIT_USAGE;
    }
    return RFY_EXIT_OK;
}

static void da(char *buf, size_t size, const mpz_t v)
{
    if (rfy_money_format_da(buf, size, v) < 0)
        snprintf(buf, size, "?");
}

/* s right-aligned in `width` characters (UTF-8: "Løn" is three wide), then two spaces. */
static void cell(FILE *out, int width, const char *s)
{
    int chars = 0;
    for (const char *p = s; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    for (; chars < width; chars++)
        fputc(' ', out);
    fputs(s, out);
    fputs("  ", out);
}

/* The Danish table. */
static int emit_text(FILE *out, const rfy_case *c, const whatif_answer *a)
{
    char w[64], p[64], d[64], t[64], h[64], frac[128], pct[32], kept[192];
    mpz_t v;   /* one amount of a point (a copy) */
    mpq_t kq;  /* a point's kept_of_last_krone (a copy) */

    /* the names of categories and months are the engine's (rfy/names.h) */
    fprintf(out, "%s  %s, %s %d, %s\n\n", DA.title, rfy_category_text(rfy_case_category(c), RFY_LANG_DA),
            rfy_month_name(RFY_MONTH_NUM(rfy_case_month(c)), RFY_LANG_DA),
            RFY_MONTH_YEAR(rfy_case_month(c)),
            rfy_case_forloeb(c) == RFY_FORLOEB_JOBAFKLARING ? "jobafklaringsforløb" : "ressourceforløb");
    fprintf(out, DA.wage_rule, a->rule.wage_ref);
    da(t, sizeof t, a->threshold);
    fprintf(out, DA.up_to, t, a->rule.low_pct);
    fprintf(out, DA.above, t, a->rule.high_pct);
    if (a->rule.holiday_ref)
        fprintf(out, DA.holiday, a->rule.holiday_ref);
    if (mpz_sgn(a->be_wage) == 0) {
        fputs(DA.zero, out);
    } else {
        da(w, sizeof w, a->be_wage);
        fprintf(out, DA.break_even, w);
        if (a->by_hours) {
            da(p, sizeof p, a->hourly_ore);
            da(h, sizeof h, a->be_hours);
            fprintf(out, DA.hours_at, p, h);
        }
        fputs(".\n", out);
    }
    fputc('\n', out);
    if (a->by_hours)
        cell(out, 8, DA.col_hours);
    cell(out, 14, DA.col_wage);
    cell(out, 14, DA.col_payment);
    cell(out, 14, DA.col_deductions);
    cell(out, 19, DA.col_total);
    fprintf(out, "%s\n", DA.col_kept);
    mpz_init(v);
    mpq_init(kq);
    for (size_t i = 0; i < rfy_whatif_table_count(a->table); i++) {
        const rfy_whatif_point *pt = rfy_whatif_table_point(a->table, i);
        rfy_whatif_point_amount(v, pt, RFY_WHATIF_WAGE);
        da(w, sizeof w, v);
        rfy_whatif_point_amount(v, pt, RFY_WHATIF_PAYMENT);
        da(p, sizeof p, v);
        rfy_whatif_point_amount(v, pt, RFY_WHATIF_DEDUCTIONS);
        da(d, sizeof d, v);
        rfy_whatif_point_amount(v, pt, RFY_WHATIF_TOTAL);
        da(t, sizeof t, v);
        if (rfy_whatif_point_kept(kq, pt) &&
            rfy_whatif_kept_text(frac, sizeof frac, pct, sizeof pct, kq, ',') == 0)
            snprintf(kept, sizeof kept, "%s (%s %%)", frac, pct);
        else
            snprintf(kept, sizeof kept, "%s", DA.none);
        if (a->by_hours) {
            rfy_whatif_point_amount(v, pt, RFY_WHATIF_HOURS);
            da(h, sizeof h, v);
            cell(out, 8, h);
        }
        cell(out, 14, w);
        cell(out, 14, p);
        cell(out, 14, d);
        cell(out, 19, t);
        fprintf(out, "%s\n", kept);
    }
    mpz_clear(v);
    mpq_clear(kq);
    fputc('\n', out);
    fputs(DA.note, out);
    return ferror(out) ? EOF : 0;
}

int cmd_whatif(int argc, char **argv)
{
    whatif_args a;
    rfy_rates *rates = NULL;
    rfy_case *c = NULL;
    rfy_whatif_range *r = NULL;
    whatif_answer ans;
    rfy_error err;
    size_t npoints = 0;
    int rc, crc, bad;

    if ((rc = parse_options(&a, argc, argv)) >= 0)
        return rc;
    whatif_answer_init(&ans);
    if (!(c = rfy_case_new()) || !(r = rfy_whatif_range_new())) {
        cli_say("whatif", RFY_MSG_OUT_OF_MEMORY);
        rc = RFY_EXIT_USAGE;
        goto done;
    }
    if ((rc = build(c, r, &npoints, &a)) != RFY_EXIT_OK)
        goto done;
    rc = RFY_EXIT_USAGE;
    if (!(rates = cli_load_rates(a.rates_dir)))
        goto done;
    crc = whatif_answer_compute(&ans, rates, c, r, &err);
    if (crc == RFY_ENOMEM) {
        cli_say("whatif", RFY_MSG_OUT_OF_MEMORY);
        goto done;
    }
    if (crc != RFY_OK) {
        report(&a, &err);
        goto done;
    }
    if (a.json) {
        json_t *root = whatif_answer_json(&ans, rates);
        bad = !root || json_dumpf(root, stdout, JSON_INDENT(2)) != 0 || fputc('\n', stdout) == EOF;
        json_decref(root);
    } else {
        bad = emit_text(stdout, c, &ans) != 0;
    }
    if (bad || fflush(stdout) != 0 || ferror(stdout)) {
        cli_say("whatif", RFY_MSG_CANNOT_WRITE_STDOUT);
        goto done;
    }
    rc = RFY_EXIT_OK;
done:
    whatif_answer_clear(&ans);
    rfy_rates_free(rates);
    rfy_whatif_range_free(r);
    rfy_case_free(c);
    return rc;
}
