/*
 * One case-month through the installed librfy: read the case from named
 * fields, compute it with the built-in rate tables, print the breakdown's
 * columns, then the Danish explanation `rfy preview` prints.
 *
 *   cc one_month.c $(pkg-config --cflags --libs rfy) -o one_month
 *   ./one_month                       (forsørger, May 2024, wage 20000)
 *   ./one_month month=2024-05 category=forsorger prior=sygedagpenge ...
 *
 * Each argument is COLUMN=VALUE, a batch input column (docs/interface.md).
 * Exit 0 computed, 1 refused (the column and the reason on stderr), 2 no
 * rate tables or no memory.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rfy/rfy.h>

#define MAX_FIELDS 32

/* One money column: "wage_deduction  2022.35  (§ 68 a stk. 2)", as exact text. */
static void line(const rfy_result *r, const char *name, rfy_result_amount_id which,
                 const char *ref)
{
    char kr[32];
    rfy_result_amount_text(kr, sizeof kr, r, which);
    printf("%-20s %12s%s%s%s\n", name, kr, ref ? "  (" : "", ref ? ref : "", ref ? ")" : "");
}

int main(int argc, char **argv)
{
    static const rfy_field example[] = {
        {"month", "2024-05"}, {"category", "forsorger"}, {"wage", "20000"}};
    rfy_field fields[MAX_FIELDS];
    size_t n = 0;
    rfy_rates *rates = NULL;
    char *msg = NULL, *text = NULL;
    rfy_case *c = NULL;
    rfy_result *r = NULL;
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
    /* Handles: the library allocates them, the program frees them. */
    if (!(c = rfy_case_new()) || !(r = rfy_result_new())) {
        fprintf(stderr, "one_month: out of memory\n");
        status = 2;
        goto done;
    }
    if ((rc = rfy_case_from_fields(c, fields, n, &RFY_AMOUNT_DOT, &err)) != RFY_OK ||
        (rc = rfy_compute(r, rates, c, &err)) != RFY_OK) {
        fprintf(stderr, "one_month: %s: %s: %s\n", rfy_rc_name(rc),
                err.column[0] ? err.column : "(row)", err.reason);
        goto done;
    }
    printf("rfy %s, rate tables %s\n", rfy_version(), rfy_rates_id(rates));
    printf("level                %s, %d of %d days\n", rfy_result_level_ref(r),
           rfy_result_days(r), rfy_result_days_in_month(r));
    line(r, "gross", RFY_RESULT_GROSS, NULL);
    line(r, "wage_deduction", RFY_RESULT_WAGE_DEDUCTION, rfy_result_ref(r, RFY_REF_WAGE));
    line(r, "holiday_deduction", RFY_RESULT_HOLIDAY_DEDUCTION, rfy_result_ref(r, RFY_REF_HOLIDAY));
    line(r, "activation_deduction", RFY_RESULT_ACTIVATION_DEDUCTION,
         rfy_result_ref(r, RFY_REF_ACTIVATION));
    line(r, "other_deduction", RFY_RESULT_OTHER_DEDUCTION, rfy_result_ref(r, RFY_REF_OTHER));
    line(r, "total_deduction", RFY_RESULT_TOTAL_DEDUCTION, NULL);
    line(r, "payment", RFY_RESULT_PAYMENT, NULL);
    printf("provenance           %s\n", rfy_provenance_name(rfy_result_provenance(r)));

    /* The explanation a caseworker reads, in Danish (opts NULL: the default). */
    {
        const rfy_case *rows[] = {c};
        if (!(text = rfy_explain_text(r, rows, 1, rates, NULL))) {
            fprintf(stderr, "one_month: out of memory\n");
            status = 2;
            goto done;
        }
        printf("\n%s", text);
    }
    status = 0;
done:
    free(text);
    rfy_result_free(r);
    rfy_case_free(c);
    rfy_rates_free(rates);
    return status;
}
