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

#include <dirent.h>

#include "cli.h"
#include "options_table.h"
#include "rates_files.h"

/* `rfy rates --help`: the options come from options_table.c. */
static const char RATES_ABOUT[] =
    "  show YEAR   every value of that year with its provenance and source, and the\n"
    "              assumptions written in the table files\n"
    "  check       every structural error, every key missing from a covered month,\n"
    "              and every value the indexation chain does not reproduce\n"
    "  export DIR  write the built-in tables into DIR (created if needed): the\n"
    "              starting point of a --rates DIR of your own\n"
    "  derive YEAR the tables plus a complete table for YEAR derived from YEAR-1 by\n"
    "              the indexation chain with the year's satsreguleringsprocent\n"
    "              (--r 2.9); --reduction defaults to what the tables hold for\n"
    "              YEAR, --afdaempning to 0; the normalbidrag only from\n"
    "              --normalbidrag.  Into DIR (-o), which must be new or empty\n";
static const char RATES_ABOUT_DA[] =
    "  show YEAR   hver værdi i året med dens oprindelse og kilde, og de antagelser,\n"
    "              der står i tabelfilerne\n"
    "  check       hver strukturfejl, hver nøgle der mangler i en dækket måned, og\n"
    "              hver værdi, som reguleringskæden ikke genskaber\n"
    "  export DIR  skriv de indbyggede tabeller i DIR (oprettes om nødvendigt):\n"
    "              udgangspunktet for en egen --rates DIR\n"
    "  derive YEAR tabellerne plus en fuld tabel for YEAR, afledt af YEAR-1 med\n"
    "              reguleringskæden og årets satsreguleringsprocent (--r 2.9);\n"
    "              --reduction er som standard det, tabellerne har for YEAR,\n"
    "              --afdaempning 0; normalbidraget kun fra --normalbidrag.  Skrives\n"
    "              i DIR (-o), som skal være ny eller tom\n";
static const char RATES_FOOTER_DA[] =
    "Exitkoder: 0 i orden; 1 check fandt manglende nøgler eller uoverensstemmelser i\n"
    "kæden; 2 brugsfejl eller ugyldige satstabeller.  Se docs/rates.md.\n";
static const char RATES_FOOTER[] =
    "Exit codes: 0 fine; 1 check found missing keys or chain disagreements;\n"
    "2 usage error or invalid rate tables.  See docs/rates.md.\n";

/* `s` left-aligned (right-aligned when width < 0) in |width| columns of the
 * terminal, counting characters, not bytes: "nøgle" and "beløb" are 5 wide,
 * so the Danish heads line up with the rows as the English ones do. */
static void print_cell(const char *s, int width)
{
    int chars = 0, pad;
    for (const char *p = s; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    pad = (width < 0 ? -width : width) - chars;
    if (width < 0)
        printf("%*s", pad > 0 ? pad : 0, "");
    fputs(s, stdout);
    if (width > 0)
        printf("%*s", pad > 0 ? pad : 0, "");
}

static void show_row(const rfy_rate_value *v)
{
    char amount[48], from[11], to[11];
    rfy_date d_from = rfy_rate_value_from(v), d_to = rfy_rate_value_to(v);
    rfy_rate_key key = rfy_rate_value_key(v);
    rfy_rate_value_amount_text(amount, sizeof amount, v, '.');
    rfy_date_format(from, &d_from);
    rfy_date_format(to, &d_to);
    printf("%-32s %12s %-9s %s..%s  %-10s %s\n", rfy_rate_key_name(key), amount,
           rfy_rate_key_unit(key), from, to, rfy_provenance_name(rfy_rate_value_provenance(v)),
           rfy_rate_value_legal_ref(v));
    printf("%-32s   ", "");
    printf(cli_msg(RFY_MSG_RS_SOURCE), rfy_rate_value_source(v), rfy_rate_value_file(v),
           rfy_rate_value_line(v),
           !rfy_rate_value_chained(v) ? ""
           : rfy_sanction_day_level_key(key) != RFY_RATE_KEY_COUNT
               ? cli_msg(RFY_MSG_RS_FROM_LEVEL)
               : cli_msg(RFY_MSG_RS_FROM_CHAIN));
    putchar('\n');
}

/* The rows whose effective dates touch `year`, key by key; returns how many. */
static size_t show_rows(const rfy_rates *rates, int year)
{
    size_t n = rfy_rates_count(rates), i, shown = 0;
    for (int k = 0; k < RFY_RATE_KEY_COUNT; k++)
        for (i = 0; i < n; i++) {
            const rfy_rate_value *v = rfy_rates_at(rates, i);
            if ((int)rfy_rate_value_key(v) == k && rfy_rate_value_from(v).year <= year &&
                rfy_rate_value_to(v).year >= year) {
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
            printf("\n%s\n", cli_msg(RFY_MSG_RS_NOTES));
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
        cli_say("rates show", RFY_MSG_RATES_NO_YEAR, year, years);
        for (size_t i = 0; i < rfy_rates_count(rates); i++) {
            const rfy_rate_value *v = rfy_rates_at(rates, i);
            if (rfy_rate_value_from(v).year <= year &&
                rfy_rate_value_to(v).year >= year) { /* e.g. a regulation row */
                printf(cli_msg(RFY_MSG_RS_NOT_COVERED), year, years, year);
                putchar('\n');
                show_rows(rates, year);
                show_notes(rates, year);
                break;
            }
        }
        return RFY_EXIT_USAGE;
    }
    printf(cli_msg(RFY_MSG_RS_HEADING), year, rfy_rates_id(rates));
    putchar('\n');
    /* the widths of show_row()'s columns */
    print_cell(cli_msg(RFY_MSG_RS_COL_KEY), 32);
    putchar(' ');
    print_cell(cli_msg(RFY_MSG_RS_COL_AMOUNT), -12);
    putchar(' ');
    print_cell(cli_msg(RFY_MSG_RS_COL_UNIT), 9);
    putchar(' ');
    print_cell(cli_msg(RFY_MSG_RS_COL_EFFECTIVE), 22);
    fputs("  ", stdout);
    print_cell(cli_msg(RFY_MSG_RS_COL_PROVENANCE), 10);
    printf(" %s\n", cli_msg(RFY_MSG_RS_COL_LEGAL_REF));
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
    int rc = dir ? rfy_rates_load_dir_lang(&rates, dir, cli_lang, &err)
                 : rfy_rates_load_builtin_lang(&rates, cli_lang, &err);

    if (rc != RFY_OK) {
        const char *nl = err ? strchr(err, '\n') : NULL;
        printf("%s\n", cli_msg(RFY_MSG_RC_STRUCT_ERRORS));
        for (const char *p = err; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
            const char *end = strchr(p, '\n');
            printf("  %.*s\n", end ? (int)(end - p) : (int)strlen(p), p);
        }
        fprintf(stderr, "rfy: %s%.*s%s\n", cli_msg(RFY_MSG_INVALID_RATES),
                nl ? (int)(nl - err) : (int)strlen(err ? err : rfy_rc_text(rc, cli_lang)),
                err ? err : rfy_rc_text(rc, cli_lang), nl ? cli_msg(RFY_MSG_RATES_ALL_LISTED) : "");
        free(err);
        return RFY_EXIT_USAGE;
    }
    printf("rates_id %s\n", rfy_rates_id(rates));
    printf("%s\n\n", cli_msg(RFY_MSG_RC_STRUCT_NONE));
    printf(cli_msg(RFY_MSG_RC_MISSING_HEAD), "2013-01");
    putchar('\n');
    missing = rfy_rates_check_missing_lang(rates, cli_lang, stdout);
    printf("%s\n\n", cli_msg(missing ? RFY_MSG_RC_MISSING_FOUND : RFY_MSG_RC_MISSING_NONE));
    printf("%s\n", cli_msg(RFY_MSG_RC_CHAIN_HEAD));
    chain = rfy_rates_check_chain_lang(rates, cli_lang, stdout);
    rfy_rates_free(rates);
    return missing == 0 && chain == 0 ? RFY_EXIT_OK : RFY_EXIT_REJECTS;
}

/*
 * export DIR: the built-in tables, byte for byte, so that `--rates DIR` on
 * the result gives the same rates_id and the same results.  An existing
 * table file is never overwritten (it may hold a kommune's edits); the files
 * appear all or none (rates_files.h).
 */
static int export_tables(const char *dir)
{
    rates_files f;
    int rc;
    if (rates_files_read(&f, NULL, "rates export") != 0)
        return RFY_EXIT_USAGE;
    rc = rates_files_write("rates export", dir, f.n, (const char *const *)f.names,
                           (const char *const *)f.texts, f.lens);
    if (rc == 0)
        printf(cli_msg(RFY_MSG_RATES_EXPORTED), (unsigned long)f.n, dir, dir);
    if (rc == 0)
        putchar('\n');
    rates_files_free(&f);
    return rc == 0 ? RFY_EXIT_OK : RFY_EXIT_USAGE;
}

/* Non-zero when `dir` exists and holds any entry (a file of somebody's). */
static int dir_has_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int found = 0;
    if (!d)
        return errno != ENOENT; /* a file, or unreadable: not a place to write into */
    while (!found && (e = readdir(d)) != NULL)
        found = strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
    closedir(d);
    return found;
}

/*
 * derive YEAR: the tables to start from (built-in or --rates) plus the
 * engine's derived table for YEAR (rfy_rates_derive: the arithmetic and the
 * check live there), written into a new or empty DIR, whole or not at all.
 */
static int derive(const char *from, const char *out, const rfy_rates_derive_args *a)
{
    rates_files f;
    char *text = NULL, *err = NULL;
    size_t len = 0, m = 0;
    long replaces = -1;
    const char **names = NULL, **texts = NULL;
    size_t *lens = NULL;
    char name[16];
    int rc = RFY_EXIT_USAGE;

    if (dir_has_entries(out)) {
        cli_say("rates derive", RFY_MSG_RATES_DERIVE_NOT_EMPTY, out);
        return RFY_EXIT_USAGE;
    }
    if (rates_files_read(&f, from, "rates derive") != 0)
        return RFY_EXIT_USAGE;
    if (rfy_rates_derive_lang(&text, &len, &replaces, f.n, (const char *const *)f.names,
                              (const char *const *)f.texts, f.lens, a, cli_lang, &err) != RFY_OK) {
        if (err)
            fprintf(stderr, "%s\n", err);
        else
            cli_say("rates derive", RFY_MSG_OUT_OF_MEMORY);
        goto done;
    }
    names = calloc(f.n + 1, sizeof *names);
    texts = calloc(f.n + 1, sizeof *texts);
    lens = calloc(f.n + 1, sizeof *lens);
    if (!names || !texts || !lens) {
        cli_say("rates derive", RFY_MSG_OUT_OF_MEMORY);
        goto done;
    }
    for (size_t i = 0; i < f.n; i++)
        if ((long)i != replaces) {
            names[m] = f.names[i];
            texts[m] = f.texts[i];
            lens[m++] = f.lens[i];
        }
    snprintf(name, sizeof name, "%d.csv", a->year);
    names[m] = name;
    texts[m] = text;
    lens[m++] = len;
    if (rates_files_write("rates derive", out, m, names, texts, lens) != 0)
        goto done;
    printf(cli_msg(RFY_MSG_RATES_DERIVED), (unsigned long)m, out, name, a->year, out, out);
    putchar('\n');
    rc = RFY_EXIT_OK;
done:
    free(names);
    free(texts);
    free(lens);
    free(text);
    free(err);
    rates_files_free(&f);
    return rc;
}

int cmd_rates(int argc, char **argv)
{
    /* "--r" must match exactly: getopt_long prefers an exact name to the
     * abbreviation of --rates or --reduction. */
    static const struct option opts[] = {{"rates", required_argument, 0, 'R'},
                                         {"r", required_argument, 0, 'p'},
                                         {"afdaempning", required_argument, 0, 'a'},
                                         {"reduction", required_argument, 0, 'd'},
                                         {"normalbidrag", required_argument, 0, 'n'},
                                         {"output", required_argument, 0, 'o'},
                                         {"help", no_argument, 0, 'h'},
                                         {0, 0, 0, 0}};
    const char *dir = NULL, *out = NULL;
    rfy_rates_derive_args da = {0, NULL, NULL, NULL, NULL};
    int derive_opts = 0;
    rfy_rates *rates;
    int c, rc;

    optind = 1;
    while ((c = cli_getopt(argc, argv, "rates", "ho:", opts)) != -1) {
        switch (c) {
        case 'R': dir = optarg; break;
        case 'p': da.r = optarg; derive_opts = 1; break;
        case 'a': da.afdaempning = optarg; derive_opts = 1; break;
        case 'd': da.reduction = optarg; derive_opts = 1; break;
        case 'n': da.normalbidrag = optarg; derive_opts = 1; break;
        case 'o': out = optarg; derive_opts = 1; break;
        default:
            if (c == 'h')
                cli_print_help(stdout, "rates", CLI_TEXT(RATES_ABOUT_DA, RATES_ABOUT),
                               CLI_TEXT(RATES_FOOTER_DA, RATES_FOOTER));
            else
                cli_print_usage(stderr, "rates");
            return c == 'h' ? RFY_EXIT_OK : RFY_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        cli_say("rates", RFY_MSG_RATES_EXPECTED);
        return RFY_EXIT_USAGE;
    }
    if (strcmp(argv[optind], "derive") == 0) {
        char *end;
        long year;
        if (optind + 2 != argc || !da.r || !out) {
            cli_say("rates derive", RFY_MSG_RATES_DERIVE_EXPECTED);
            return RFY_EXIT_USAGE;
        }
        year = strtol(argv[optind + 1], &end, 10);
        if (*end || end == argv[optind + 1] || year < RFY_RATES_FIRST_YEAR ||
            year > RFY_RATES_LAST_YEAR) {
            cli_say("rates derive", RFY_MSG_RATES_YEAR_BAD, "2027", argv[optind + 1]);
            return RFY_EXIT_USAGE;
        }
        da.year = (int)year;
        return derive(dir, out, &da);
    }
    if (derive_opts) {
        cli_say("rates", RFY_MSG_RATES_DERIVE_OPTIONS);
        return RFY_EXIT_USAGE;
    }
    if (strcmp(argv[optind], "show") == 0) {
        char *end;
        long year;
        if (optind + 2 != argc) {
            cli_say("rates show", RFY_MSG_RATES_SHOW_EXPECTED);
            return RFY_EXIT_USAGE;
        }
        year = strtol(argv[optind + 1], &end, 10);
        if (*end || end == argv[optind + 1] || year < 1 || year > 9999) {
            cli_say("rates show", RFY_MSG_RATES_YEAR_BAD, "2024", argv[optind + 1]);
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
            cli_say("rates export", RFY_MSG_RATES_EXPORT_EXPECTED);
            return RFY_EXIT_USAGE;
        }
        if (dir) {
            cli_say("rates export", RFY_MSG_RATES_EXPORT_BUILTIN);
            return RFY_EXIT_USAGE;
        }
        return export_tables(argv[optind + 1]);
    }
    cli_say("rates", RFY_MSG_RATES_EXPECTED_NOT, argv[optind]);
    return RFY_EXIT_USAGE;
}
