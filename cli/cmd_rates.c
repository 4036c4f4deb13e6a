/*
 * rfy rates show YEAR | check | export DIR: the rate tables as a payroll
 * officer or auditor reads, checks and extends them (docs/rates.md).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic_file.h"
#include "cli.h"

static const char RATES_USAGE[] =
    "usage: rfy rates [--rates DIR] show YEAR | check | export DIR\n"
    "\n"
    "  show YEAR   every value of that year with its provenance and source, and the\n"
    "              assumptions written in the table files\n"
    "  check       every structural error, every key missing from a covered month,\n"
    "              and every value the indexation chain does not reproduce\n"
    "  export DIR  write the built-in tables into DIR (created if needed): the\n"
    "              starting point of a --rates DIR of your own\n"
    "\n"
    "Exit codes: 0 fine; 1 check found missing keys or chain disagreements;\n"
    "2 usage error or invalid rate tables.  See docs/rates.md.\n";

static void show_row(const rfy_rate_value *v)
{
    char amount[48], from[11], to[11];
    rfy_money_format(amount, sizeof amount, v->amount, '.');
    rfy_date_format(from, &v->from);
    rfy_date_format(to, &v->to);
    printf("%-32s %12s %-9s %s..%s  %-9s %s\n", rfy_rate_key_name(v->key), amount,
           rfy_rate_key_unit(v->key), from, to, rfy_provenance_name(v->provenance),
           v->legal_ref);
    printf("%-32s   source: %s (%s:%lu%s)\n", "", v->source, v->file, v->line,
           !v->chained ? ""
           : rfy_sanction_day_level_key(v->key) != RFY_RATE_KEY_COUNT
               ? "; amount computed from the level: round(level × 12 / 260)"
               : "; amount computed by the chain");
}

/* The rows whose effective dates touch `year`, key by key; returns how many. */
static size_t show_rows(const rfy_rates *rates, int year)
{
    size_t n = rfy_rates_count(rates), i, shown = 0;
    for (int k = 0; k < RFY_RATE_KEY_COUNT; k++)
        for (i = 0; i < n; i++) {
            const rfy_rate_value *v = rfy_rates_at(rates, i);
            if ((int)v->key == k && v->from.year <= year && v->to.year >= year) {
                show_row(v);
                shown++;
            }
        }
    return shown;
}

/* The comment records of the files that hold `year` (their assumptions). */
static void show_notes(const rfy_rates *rates, int year)
{
    size_t n = rfy_rates_comment_count(rates), shown = 0;
    for (size_t i = 0; i < n; i++) {
        const rfy_rate_comment *c = rfy_rates_comment_at(rates, i);
        if (c->year != year)
            continue;
        if (shown++ == 0)
            printf("\nNotes and assumptions in the table files:\n");
        printf("  %s (%s:%lu)\n", c->text, c->file, c->line);
    }
}

static int show_year(const rfy_rates *rates, int year)
{
    int covered = 0;
    for (int m = 1; m <= 12; m++)
        covered |= rfy_rates_covers(rates, RFY_MONTH(year, m));
    if (!covered) {
        /* Say first which years the tables do cover (docs/rates.md). */
        char years[128];
        rfy_rates_covered_years(years, sizeof years, rates);
        fprintf(stderr,
                "rfy rates show: no rate table covers %d: the tables cover %s. To add a year, "
                "see docs/rates.md (rfy rates export DIR, then --rates DIR)\n",
                year, years);
        for (size_t i = 0; i < rfy_rates_count(rates); i++) {
            const rfy_rate_value *v = rfy_rates_at(rates, i);
            if (v->from.year <= year && v->to.year >= year) { /* e.g. a regulation row */
                printf("No rate table covers %d (the tables cover %s). Rows dated %d: regulation "
                       "parameters only, no amount a computation uses:\n",
                       year, years, year);
                show_rows(rates, year);
                show_notes(rates, year);
                break;
            }
        }
        return RFY_EXIT_USAGE;
    }
    printf("Rate table %d (rates_id %s)\n", year, rfy_rates_id(rates));
    printf("%-32s %12s %-9s %-22s  %-9s %s\n", "key", "amount", "unit", "effective", "provenance",
           "legal reference");
    show_rows(rates, year);
    show_notes(rates, year);
    return RFY_EXIT_OK;
}

/*
 * check: structural errors (the set is refused: exit 2), then keys missing
 * from covered months, then disagreements with the chain (exit 1).  Each
 * kind in its own section, every finding of it in one run.
 */
static int check(const char *dir)
{
    rfy_rates *rates = NULL;
    char *err = NULL;
    int missing, chain;
    int rc = dir ? rfy_rates_load_dir(&rates, dir, &err) : rfy_rates_load_builtin(&rates, &err);

    if (rc != RFY_OK) {
        const char *nl = err ? strchr(err, '\n') : NULL;
        printf("Structural errors (the tables cannot be used until these are fixed):\n");
        for (const char *p = err; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
            const char *end = strchr(p, '\n');
            printf("  %.*s\n", end ? (int)(end - p) : (int)strlen(p), p);
        }
        fprintf(stderr, "rfy: invalid rate tables: %.*s%s\n",
                nl ? (int)(nl - err) : (int)strlen(err ? err : rfy_rc_name(rc)),
                err ? err : rfy_rc_name(rc), nl ? " (all errors listed on standard output)" : "");
        free(err);
        return RFY_EXIT_USAGE;
    }
    printf("rates_id %s\n", rfy_rates_id(rates));
    printf("Structural errors: none\n");
    printf("\nMissing keys (every covered month from 2013-01):\n");
    missing = rfy_rates_check_missing(rates, stdout);
    printf("%s\n", missing ? "missing keys found: rows of those months will be rejected"
                           : "no required key missing");
    printf("\nIndexation chain (docs/rates.md section 4):\n");
    chain = rfy_rates_check_chain(rates, stdout);
    rfy_rates_free(rates);
    return missing == 0 && chain == 0 ? RFY_EXIT_OK : RFY_EXIT_REJECTS;
}

/*
 * export DIR: the built-in tables, byte for byte, so that `--rates DIR` on
 * the result gives the same rates_id and the same results.  An existing
 * table file is never overwritten (it may hold a kommune's edits); the files
 * appear all or none (atomic_file.h).
 */
static int export_tables(const char *dir)
{
    size_t n = rfy_rates_builtin_count(), i;
    atomic_file *files = calloc(n ? n : 1, sizeof *files);
    char **paths = calloc(n ? n : 1, sizeof *paths);
    char *msg = NULL;
    int rc = RFY_EXIT_USAGE;

    if (!files || !paths) {
        fprintf(stderr, "rfy rates export: out of memory\n");
        goto done;
    }
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "rfy rates export: cannot create %s: %s\n", dir, strerror(errno));
        goto done;
    }
    for (i = 0; i < n; i++) {
        const char *name, *text;
        size_t len, m;
        struct stat sb;
        rfy_rates_builtin_file(i, &name, &text, &len);
        m = strlen(dir) + strlen(name) + 2;
        if (!(paths[i] = malloc(m))) {
            fprintf(stderr, "rfy rates export: out of memory\n");
            goto undo;
        }
        snprintf(paths[i], m, "%s/%s", dir, name);
        if (stat(paths[i], &sb) == 0) {
            fprintf(stderr,
                    "rfy rates export: %s exists and is not overwritten (it may hold your "
                    "edits): export into a new or empty directory\n",
                    paths[i]);
            goto undo;
        }
        if (atomic_file_open(&files[i], paths[i], &msg) != RFY_OK ||
            fwrite(text, 1, len, files[i].fp) != len ||
            atomic_file_finish(&files[i], &msg) != RFY_OK) {
            fprintf(stderr, "rfy rates export: %s\n", msg ? msg : paths[i]);
            goto undo;
        }
    }
    for (i = 0; i < n; i++)
        if (atomic_file_rename(&files[i], &msg) != RFY_OK) {
            fprintf(stderr, "rfy rates export: %s\n", msg ? msg : paths[i]);
            goto undo;
        }
    for (i = 0; i < n; i++)
        atomic_file_close(&files[i]);
    printf("wrote %zu table files to %s; use them with --rates %s (docs/rates.md)\n", n, dir,
           dir);
    rc = RFY_EXIT_OK;
    goto done;
undo:
    for (i = 0; i < n; i++)
        atomic_file_abort(&files[i]);
done:
    for (i = 0; paths && i < n; i++)
        free(paths[i]);
    free(paths);
    free(files);
    free(msg);
    return rc;
}

int cmd_rates(int argc, char **argv)
{
    static const struct option opts[] = {{"rates", required_argument, 0, 'r'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *dir = NULL;
    rfy_rates *rates;
    int c, rc;

    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'r')
            dir = optarg;
        else {
            fputs(RATES_USAGE, c == 'h' ? stdout : stderr);
            return c == 'h' ? RFY_EXIT_OK : RFY_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "rfy rates: expected 'show YEAR', 'check' or 'export DIR'\n");
        return RFY_EXIT_USAGE;
    }
    if (strcmp(argv[optind], "show") == 0) {
        char *end;
        long year;
        if (optind + 2 != argc) {
            fprintf(stderr, "rfy rates show: expected one YEAR, e.g. rfy rates show 2024\n");
            return RFY_EXIT_USAGE;
        }
        year = strtol(argv[optind + 1], &end, 10);
        if (*end || end == argv[optind + 1] || year < 1 || year > 9999) {
            fprintf(stderr, "rfy rates show: YEAR must be a year like 2024, not '%s'\n",
                    argv[optind + 1]);
            return RFY_EXIT_USAGE;
        }
        if (!(rates = cli_load_rates(dir)))
            return RFY_EXIT_USAGE;
        rc = show_year(rates, (int)year);
        rfy_rates_free(rates);
        return rc;
    }
    if (strcmp(argv[optind], "check") == 0 && optind + 1 == argc)
        return check(dir);
    if (strcmp(argv[optind], "export") == 0) {
        if (optind + 2 != argc) {
            fprintf(stderr, "rfy rates export: expected one DIR, e.g. rfy rates export "
                            "/srv/rfy/rates\n");
            return RFY_EXIT_USAGE;
        }
        if (dir) {
            fprintf(stderr, "rfy rates export: writes the built-in tables; to copy a --rates "
                            "directory, copy its files\n");
            return RFY_EXIT_USAGE;
        }
        return export_tables(argv[optind + 1]);
    }
    fprintf(stderr, "rfy rates: expected 'show YEAR', 'check' or 'export DIR', not '%s'\n",
            argv[optind]);
    return RFY_EXIT_USAGE;
}
