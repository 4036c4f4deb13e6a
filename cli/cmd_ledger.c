/*
 * rfy ledger: what the case ledger holds (rfy/ledger.h, docs/ledger.md).
 *
 *   rfy ledger runs FILE [--json]
 *   rfy ledger show FILE CASE_ID [--json]
 *   rfy ledger export FILE --run ID [-o OUT.csv]
 *   rfy ledger verify FILE [--rates DIR]
 *   rfy ledger import FILE OUT.csv
 *
 * All read-only but import.  This file parses and prints; the engine reads
 * and computes.  What a person reads comes from the engine's message
 * catalogue (rfy/messages.h, RFY_MSG_LEDGER_*): Danish, English with --lang en.
 */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic_file.h"
#include "cli.h"
#include "options_table.h"
#include <rfy/ledger.h>

/* `rfy ledger --help`: the options come from options_table.c. */
static const char LEDGER_ABOUT[] =
    "The case ledger of rfy batch --ledger FILE (docs/ledger.md).\n"
    "  runs     every run: its id, time, input, rows and totals\n"
    "  show     a case's months: what was paid, corrections and holiday state\n"
    "  export   a run's output again, byte for byte (-o: default standard output)\n"
    "  verify   recompute every current case-month from its stored rows; exit 1 on\n"
    "           any difference\n"
    "  import   take an earlier output of rfy batch as history (months already paid)\n";
static const char LEDGER_ABOUT_DA[] =
    "Sagsledgeren fra rfy batch --ledger FILE (docs/ledger.md).\n"
    "  runs     hver kørsel: dens id, tidspunkt, input, rækker og totaler\n"
    "  show     en sags måneder: hvad der blev udbetalt, rettelser og ferietilstand\n"
    "  export   en kørsels output igen, byte for byte (-o; standard: standardoutput)\n"
    "  verify   genberegn hver gældende sagsmåned ud fra dens gemte rækker; exit 1\n"
    "           ved enhver forskel\n"
    "  import   tag et tidligere output fra rfy batch som historik (betalte måneder)\n";
static const char LEDGER_FOOTER_DA[] =
    "Exitkoder: 0 udført; 1 verify fandt en forskel; 2 brugsfejl eller en ledger, der\n"
    "ikke kan læses eller skrives.\n";
static const char LEDGER_FOOTER[] =
    "Exit codes: 0 done; 1 verify found a difference; 2 usage error or a ledger\n"
    "that cannot be read or written.\n";

static int usage(void)
{
    cli_print_usage(stderr, "ledger");
    return RFY_EXIT_USAGE;
}

static rfy_ledger *open_ledger(const char *path, int write)
{
    rfy_ledger *lg = NULL;
    char *msg = NULL;
    if (rfy_ledger_open_lang(&lg, path, write, cli_lang, &msg) != RFY_OK) {
        fprintf(stderr, "rfy ledger: %s\n", msg ? msg : cli_msg(RFY_MSG_LEDGER_CANNOT_OPEN));
        free(msg);
        return NULL;
    }
    return lg;
}

static void money(char *buf, size_t size, const mpz_t ore, int json)
{
    if ((json ? rfy_money_format(buf, size, ore, '.') : rfy_money_format_da(buf, size, ore)) < 0)
        snprintf(buf, size, "?");
}

/* One amount of a run, as money() writes it. */
static void run_money(char *buf, size_t size, const rfy_ledger_run_info *r,
                      rfy_ledger_run_amount_id which, int json)
{
    mpz_t ore;
    mpz_init(ore);
    rfy_ledger_run_amount(ore, r, which);
    money(buf, size, ore, json);
    mpz_clear(ore);
}

/* One amount of a stored case-month, as money() writes it. */
static void entry_money(char *buf, size_t size, const rfy_ledger_entry *e,
                        rfy_ledger_entry_amount_id which, int json)
{
    mpz_t ore;
    mpz_init(ore);
    rfy_ledger_entry_amount(ore, e, which);
    money(buf, size, ore, json);
    mpz_clear(ore);
}

/* ---- runs ----------------------------------------------------------------------------- */

typedef struct print_ctx {
    int json, any;
    json_t *arr;
} print_ctx;

static int print_run(void *user, const rfy_ledger_run_info *r)
{
    print_ctx *p = user;
    char paid[40], efter[40], tilbage[40];
    run_money(paid, sizeof paid, r, RFY_LEDGER_RUN_PAID, p->json);
    run_money(efter, sizeof efter, r, RFY_LEDGER_RUN_EFTERBETALING, p->json);
    run_money(tilbage, sizeof tilbage, r, RFY_LEDGER_RUN_TILBAGEBETALING, p->json);
    if (p->json) {
        json_array_append_new(
            p->arr, json_pack("{sI ss ss ss sb ss* ss* ss* ss* sI sI sI sI ss ss ss}", "run",
                              (json_int_t)r->run, "run_id", r->run_id, "time", r->time, "kind",
                              r->kind, "corrections", r->corrections, "input", r->input_name,
                              "input_sha256", r->input_sha256, "output", r->output_name,
                              "output_sha256", r->output_sha256, "rows", (json_int_t)r->rows,
                              "computed", (json_int_t)r->computed, "rejected",
                              (json_int_t)r->rejected, "stored", (json_int_t)r->stored, "paid",
                              paid, "efterbetaling", efter, "tilbagebetaling", tilbage));
    } else {
        if (!p->any)
            fputs(cli_msg(RFY_MSG_LEDGER_RUNS_HEADER), stdout);
        printf("%6lld  %.16s  %-20s  %-6s  %6lu  %8lu  %6lu  %8s  %13s  %15s  %s\n", r->run,
               r->run_id, r->time, r->kind, r->rows, r->computed, r->rejected, paid, efter,
               tilbage, r->input_name ? r->input_name : "-");
    }
    p->any = 1;
    return RFY_OK;
}

/* ---- show ----------------------------------------------------------------------------- */

static int print_entry(void *user, const rfy_ledger_entry *e)
{
    print_ctx *p = user;
    char month[8], paid[40], prev[40] = "", corr[40] = "", used[24] = "";
    rfy_month_format(month, e->month);
    entry_money(paid, sizeof paid, e, RFY_LEDGER_ENTRY_PAYMENT, p->json);
    if (e->corrected) {
        entry_money(prev, sizeof prev, e, RFY_LEDGER_ENTRY_PREVIOUSLY_PAID, p->json);
        entry_money(corr, sizeof corr, e, RFY_LEDGER_ENTRY_CORRECTION, p->json);
    }
    if (e->holiday_known) {
        mpz_t used_m;
        mpz_init(used_m);
        rfy_ledger_entry_amount(used_m, e, RFY_LEDGER_ENTRY_HOLIDAY_USED_M);
        rfy_holiday_days_format(used, sizeof used, used_m, p->json ? '.' : ',');
        mpz_clear(used_m);
    }
    if (p->json) {
        json_t *o = json_pack("{ss sI ss ss sb ss ss}", "month", month, "run", (json_int_t)e->run,
                              "run_id", e->run_id, "time", e->run_time, "current", e->current,
                              "origin", !e->in_file ? (strcmp(e->kind, "import") ? "recomputed"
                                                                                 : "imported")
                                                    : "file",
                              "payment", paid);
        json_object_set_new(o, "previously_paid", e->corrected ? json_string(prev) : json_null());
        json_object_set_new(o, "correction", e->corrected ? json_string(corr) : json_null());
        json_object_set_new(o, "holiday_run_months",
                            e->holiday_known ? json_integer(e->holiday_run_months) : json_null());
        json_object_set_new(o, "holiday_used_days", e->holiday_known ? json_string(used) : json_null());
        json_object_set_new(o, "input_rows", json_string(e->input_rows));
        json_object_set_new(o, "output_row", json_string(e->output_row));
        json_array_append_new(p->arr, o);
    } else {
        char run[24];
        if (!p->any)
            fputs(cli_msg(RFY_MSG_LEDGER_SHOW_HEADER), stdout);
        snprintf(run, sizeof run, "%lld", e->run);
        if (e->holiday_known)
            printf("%-7s  %6s  %12s  %18s  %11s  %14ld  %10s  %s%s\n", month, run, paid, prev, corr,
                   e->holiday_run_months, used,
                   e->current ? cli_msg(RFY_MSG_LEDGER_SHOW_CURRENT) : cli_msg(RFY_MSG_LEDGER_SHOW_SUPERSEDED),
                   e->in_file                      ? ""
                   : strcmp(e->kind, "import") ? cli_msg(RFY_MSG_LEDGER_SHOW_RECOMPUTED)
                                               : cli_msg(RFY_MSG_LEDGER_SHOW_IMPORTED));
        else
            printf("%-7s  %6s  %12s  %18s  %11s  %14s  %10s  %s%s\n", month, run, paid, prev, corr,
                   cli_msg(RFY_MSG_LEDGER_SHOW_UNKNOWN), cli_msg(RFY_MSG_LEDGER_SHOW_UNKNOWN),
                   e->current ? cli_msg(RFY_MSG_LEDGER_SHOW_CURRENT) : cli_msg(RFY_MSG_LEDGER_SHOW_SUPERSEDED),
                   e->in_file                      ? ""
                   : strcmp(e->kind, "import") ? cli_msg(RFY_MSG_LEDGER_SHOW_RECOMPUTED)
                                               : cli_msg(RFY_MSG_LEDGER_SHOW_IMPORTED));
    }
    p->any = 1;
    return RFY_OK;
}

static int print_json(json_t *v)
{
    int rc = json_dumpf(v, stdout, JSON_INDENT(2) | JSON_ENSURE_ASCII) == 0 ? RFY_EXIT_OK
                                                                             : RFY_EXIT_USAGE;
    fputc('\n', stdout);
    return rc;
}

/* ---- verify --------------------------------------------------------------------------- */

static int print_difference(void *user, const rfy_ledger_difference *d)
{
    char month[8];
    (void)user;
    rfy_month_format(month, d->month);
    printf(cli_msg(RFY_MSG_LEDGER_VERIFY_DIFF), d->case_id, month, d->run, d->what,
           cli_lang == RFY_LANG_EN ? d->detail_en : d->detail);
    return RFY_OK;
}

/* ---- export --------------------------------------------------------------------------- */

static int export_run(rfy_ledger *lg, const char *run, const char *out_path)
{
    atomic_file f;
    char *msg = NULL;
    int rc;
    if (atomic_file_open(&f, out_path, &msg) != RFY_OK) {
        fprintf(stderr, "rfy ledger: %s\n", msg);
        free(msg);
        return RFY_EXIT_USAGE;
    }
    rc = rfy_ledger_export(lg, run, f.fp, &msg);
    if (rc == RFY_OK && atomic_file_finish(&f, &msg) == RFY_OK && atomic_file_rename(&f, &msg) == RFY_OK) {
        atomic_file_close(&f);
        return RFY_EXIT_OK;
    }
    fprintf(stderr, "rfy ledger: %s\n", msg ? msg : cli_msg(RFY_MSG_LEDGER_CANNOT_EXPORT));
    free(msg);
    atomic_file_abort(&f);
    return RFY_EXIT_USAGE;
}

int cmd_ledger(int argc, char **argv)
{
    enum { OPT_JSON = 256, OPT_RUN, OPT_RATES };
    static const struct option opts[] = {{"json", no_argument, 0, OPT_JSON},
                                         {"run", required_argument, 0, OPT_RUN},
                                         {"rates", required_argument, 0, OPT_RATES},
                                         {"output", required_argument, 0, 'o'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *run = NULL, *out = "-", *rates_dir = NULL, *sub, *path;
    int json = 0, c, exit_code = RFY_EXIT_USAGE, rc;
    rfy_ledger *lg = NULL;
    print_ctx p = {0, 0, NULL};

    optind = 1;
    while ((c = cli_getopt(argc, argv, "ledger", "o:h", opts)) != -1) {
        switch (c) {
        case 'h':
            cli_print_help(stdout, "ledger", CLI_TEXT(LEDGER_ABOUT_DA, LEDGER_ABOUT),
                           CLI_TEXT(LEDGER_FOOTER_DA, LEDGER_FOOTER));
            return RFY_EXIT_OK;
        case OPT_JSON: json = 1; break;
        case OPT_RUN: run = optarg; break;
        case OPT_RATES: rates_dir = optarg; break;
        case 'o': out = optarg; break;
        default: return usage();
        }
    }
    if (argc - optind < 2) {
        cli_say("ledger", RFY_MSG_LEDGER_EXPECTED);
        return usage();
    }
    sub = argv[optind];
    path = argv[optind + 1];
    p.json = json;
    if (strcmp(sub, "runs") == 0 && argc - optind == 2) {
        if (!(lg = open_ledger(path, 0)))
            return RFY_EXIT_USAGE;
        p.arr = json ? json_array() : NULL;
        rc = rfy_ledger_runs(lg, print_run, &p);
        if (rc == RFY_OK && !json && !p.any)
            fputs(cli_msg(RFY_MSG_LEDGER_RUNS_NONE), stdout);
        if (rc == RFY_OK)
            exit_code = json ? print_json(p.arr) : RFY_EXIT_OK;
    } else if (strcmp(sub, "show") == 0 && argc - optind == 3) {
        int found = 0;
        if (!(lg = open_ledger(path, 0)))
            return RFY_EXIT_USAGE;
        p.arr = json ? json_array() : NULL;
        rc = rfy_ledger_case(lg, argv[optind + 2], print_entry, &p, &found);
        if (rc == RFY_OK && !found && !json) {
            printf(cli_msg(RFY_MSG_LEDGER_SHOW_NONE), argv[optind + 2]);
            exit_code = RFY_EXIT_REJECTS;
        } else if (rc == RFY_OK)
            exit_code = json ? print_json(p.arr) : RFY_EXIT_OK;
    } else if (strcmp(sub, "export") == 0 && argc - optind == 2 && run) {
        if (!(lg = open_ledger(path, 0)))
            return RFY_EXIT_USAGE;
        rc = RFY_OK;
        exit_code = export_run(lg, run, out);
    } else if (strcmp(sub, "verify") == 0 && argc - optind == 2) {
        unsigned long checked = 0, diffs = 0;
        rfy_rates *rates = cli_load_rates(rates_dir);
        if (!rates || !(lg = open_ledger(path, 0))) {
            rfy_rates_free(rates);
            return RFY_EXIT_USAGE;
        }
        rc = rfy_ledger_verify(lg, rates, print_difference, NULL, &checked, &diffs);
        if (rc == RFY_OK) {
            fprintf(stderr, cli_msg(RFY_MSG_LEDGER_VERIFY_DONE), checked, diffs);
            exit_code = diffs ? RFY_EXIT_REJECTS : RFY_EXIT_OK;
        }
        rfy_ledger_close(lg);
        lg = NULL;
        rfy_rates_free(rates);
    } else if (strcmp(sub, "import") == 0 && argc - optind == 3) {
        unsigned long stored = 0;
        char *msg = NULL;
        const char *in_path = argv[optind + 2];
        FILE *in = fopen(in_path, "rb");
        if (!in) {
            cli_say("ledger import", RFY_MSG_CANNOT_READ, in_path, cli_errno(errno));
            return RFY_EXIT_USAGE;
        }
        if (!(lg = open_ledger(path, 1))) {
            fclose(in);
            return RFY_EXIT_USAGE;
        }
        rc = rfy_ledger_import(lg, in, in_path, &stored, &msg);
        fclose(in);
        if (rc == RFY_OK) {
            fprintf(stderr, cli_msg(RFY_MSG_LEDGER_IMPORT_DONE), stored, in_path);
            exit_code = RFY_EXIT_OK;
        } else {
            fprintf(stderr, "rfy ledger import: %s: %s\n", in_path, msg ? msg : cli_msg(RFY_MSG_LEDGER_FAILED));
            rc = RFY_OK; /* said */
        }
        free(msg);
    } else {
        /* name what is wrong before the usage: a sub-command not known, the
         * wrong number of operands, or export without its --run */
        if (strcmp(sub, "runs") && strcmp(sub, "show") && strcmp(sub, "export") &&
            strcmp(sub, "verify") && strcmp(sub, "import"))
            cli_say("ledger", RFY_MSG_LEDGER_UNKNOWN_SUB, sub);
        else if (strcmp(sub, "export") == 0 && argc - optind == 2)
            cli_say("ledger", RFY_MSG_LEDGER_EXPORT_RUN);
        else
            cli_say("ledger", RFY_MSG_LEDGER_SUB_ARGS, sub);
        return usage();
    }
    if (rc != RFY_OK)
        fprintf(stderr, "rfy ledger: %s\n", rfy_ledger_error(lg));
    json_decref(p.arr);
    rfy_ledger_close(lg);
    return exit_code;
}
