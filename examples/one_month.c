/*
 * One case-month through the installed librfy: read the case from named
 * fields, compute it with the built-in rate tables, print the breakdown.
 *
 *   cc one_month.c $(pkg-config --cflags --libs rfy) -o one_month
 *   ./one_month                       (forsørger, May 2024, wage 20000)
 *   ./one_month month=2024-05 category=forsorger prior=sygedagpenge ...
 *
 * Each argument is COLUMN=VALUE, a batch input column (docs/interface.md).
 * Exit 0 computed, 1 refused (the column and the reason on stderr).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/rfy.h>

#define MAX_FIELDS 32

/* One money column: "wage_deduction  2022.35  (§ 68 a stk. 2)". */
static void line(const char *name, const mpz_t ore, const char *ref)
{
    char kr[32];
    rfy_money_format(kr, sizeof kr, ore, '.');
    printf("%-20s %12s%s%s%s\n", name, kr, ref ? "  (" : "", ref ? ref : "", ref ? ")" : "");
}

int main(int argc, char **argv)
{
    static const rfy_field example[] = {
        {"month", "2024-05"}, {"category", "forsorger"}, {"wage", "20000"}};
    rfy_field fields[MAX_FIELDS];
    size_t n = 0;
    rfy_rates *rates = NULL;
    char *msg = NULL;
    rfy_case c;
    rfy_result r;
    rfy_error err;
    int rc, status = 1;

    if (argc < 2) {
        memcpy(fields, example, sizeof example);
        n = sizeof example / sizeof example[0];
    }
    for (int i = 1; i < argc && n < MAX_FIELDS; i++) {
        char *eq = strchr(argv[i], '=');
        if (!eq) {
            fprintf(stderr, "one_month: '%s' is not COLUMN=VALUE\n", argv[i]);
            return 2;
        }
        *eq = '\0';
        fields[n].name = argv[i];
        fields[n].value = eq + 1;
        n++;
    }

    if (strcmp(rfy_version(), RFY_VERSION) != 0)
        fprintf(stderr, "one_month: built with rfy %s, running with %s\n", RFY_VERSION,
                rfy_version());
    if (rfy_rates_load_builtin(&rates, &msg) != RFY_OK) {
        fprintf(stderr, "one_month: %s\n", msg ? msg : "cannot load the rate tables");
        free(msg);
        return 2;
    }
    rfy_case_init(&c);
    rfy_result_init(&r);
    if ((rc = rfy_case_from_fields(&c, fields, n, &RFY_AMOUNT_DOT, &err)) != RFY_OK ||
        (rc = rfy_compute(&r, rates, &c, &err)) != RFY_OK) {
        fprintf(stderr, "one_month: %s: %s: %s\n", rfy_rc_name(rc),
                err.column[0] ? err.column : "(row)", err.reason);
        goto done;
    }
    printf("rfy %s, rate tables %s\n", rfy_version(), rfy_rates_id(rates));
    printf("level                %s, %d of %d days\n", r.level_ref, r.days, r.days_in_month);
    line("gross", r.gross, NULL);
    line("wage_deduction", r.wage_deduction, r.wage_ref);
    line("holiday_deduction", r.holiday_deduction, r.holiday_ref);
    line("activation_deduction", r.activation_deduction, r.activation_ref);
    line("other_deduction", r.other_deduction, r.other_ref);
    line("total_deduction", r.total_deduction, NULL);
    line("payment", r.payment, NULL);
    printf("provenance           %s\n", rfy_provenance_name(r.provenance));
    status = 0;
done:
    rfy_result_clear(&r);
    rfy_case_clear(&c);
    rfy_rates_free(rates);
    return status;
}
