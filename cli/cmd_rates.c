/* rfy rates show YEAR | check: the rate tables as a payroll officer or auditor reads them. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void show_row(const rfy_rate_value *v)
{
    char amount[48], from[11], to[11];
    rfy_money_format(amount, sizeof amount, v->amount, '.');
    rfy_date_format(from, &v->from);
    rfy_date_format(to, &v->to);
    printf("%-32s %12s %-9s %s..%s  %-9s %s\n", rfy_rate_key_name(v->key), amount,
           rfy_rate_key_unit(v->key), from, to, rfy_provenance_name(v->provenance),
           v->legal_ref);
    printf("%-32s   source: %s (%s:%lu)\n", "", v->source, v->file, v->line);
}

static int show_year(const rfy_rates *rates, int year)
{
    size_t n = rfy_rates_count(rates), i, shown = 0;
    printf("Rate table %d (rates_id %s)\n", year, rfy_rates_id(rates));
    printf("%-32s %12s %-9s %-22s  %-9s %s\n", "key", "amount", "unit", "effective", "provenance",
           "legal reference");
    for (int k = 0; k < RFY_RATE_KEY_COUNT; k++)
        for (i = 0; i < n; i++) {
            const rfy_rate_value *v = rfy_rates_at(rates, i);
            if ((int)v->key == k && v->from.year <= year && v->to.year >= year) {
                show_row(v);
                shown++;
            }
        }
    if (shown == 0) {
        fprintf(stderr, "rfy: no rate table covers %d\n", year);
        return RFY_EXIT_USAGE;
    }
    return RFY_EXIT_OK;
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
            fprintf(c == 'h' ? stdout : stderr,
                    "usage: rfy rates [--rates DIR] show YEAR | check\n");
            return c == 'h' ? RFY_EXIT_OK : RFY_EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "rfy rates: expected 'show YEAR' or 'check'\n");
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
    if (strcmp(argv[optind], "check") == 0 && optind + 1 == argc) {
        int bad;
        if (!(rates = cli_load_rates(dir)))
            return RFY_EXIT_USAGE;
        printf("rates_id %s\n", rfy_rates_id(rates));
        bad = rfy_rates_check_chain(rates, stdout);
        rfy_rates_free(rates);
        return bad == 0 ? RFY_EXIT_OK : RFY_EXIT_REJECTS;
    }
    fprintf(stderr, "rfy rates: expected 'show YEAR' or 'check', not '%s'\n", argv[optind]);
    return RFY_EXIT_USAGE;
}
