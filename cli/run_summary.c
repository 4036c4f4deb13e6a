/* The reconciled summary of a batch run (run_summary.h). */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "run_summary.h"

void run_summary_init(run_summary *s)
{
    memset(s, 0, sizeof *s);
    mpz_inits(s->gross, s->deductions, s->paid, s->applied, s->beyond, NULL);
}

void run_summary_clear(run_summary *s)
{
    mpz_clears(s->gross, s->deductions, s->paid, s->applied, s->beyond, NULL);
    free(s->reasons);
    s->reasons = NULL;
}

void run_summary_row(run_summary *s, const rfy_result *res)
{
    if (rfy_result_amount_sign(res, RFY_RESULT_PAYMENT) == 0)
        s->paid_zero++;
    /* A value used is not published but derived (the `derived_rate` warning:
     * rates are data, and a derived value is visibly so). */
    if (rfy_result_warnings(res) & RFY_WARN_DERIVED_RATE)
        s->derived++;
}

/* The reason with what differs from row to row replaced by '…', so that the
 * same fault in different rows is one group: the first quoted value (reasons
 * echo the cell first, e.g. "wage '-5' is not ...") and the line numbers a
 * reason names ("its days overlap those of line 4, ..."). */
static void generalise(char *out, size_t size, const char *reason)
{
    static const char ELLIPSIS[] = "\xE2\x80\xA6";
    size_t o = 0;
    int replaced = 0;
    const char *p = reason;
    while (*p && o + 9 < size) {
        const char *close = *p == '\'' && !replaced ? strchr(p + 1, '\'') : NULL;
        if (close) {
            replaced = 1;
            out[o++] = '\'';
            memcpy(out + o, ELLIPSIS, 3);
            o += 3;
            out[o++] = '\'';
            p = close + 1;
        } else if ((strncmp(p, "line ", 5) == 0 && p[5] >= '0' && p[5] <= '9') ||
                   (strncmp(p, "linje ", 6) == 0 && p[6] >= '0' && p[6] <= '9')) {
            size_t w = p[4] == ' ' ? 5 : 6;
            memcpy(out + o, p, w);
            o += w;
            memcpy(out + o, ELLIPSIS, 3);
            o += 3;
            for (p += w; *p >= '0' && *p <= '9'; p++)
                ;
        } else
            out[o++] = *p++;
    }
    out[o] = '\0';
}

int run_summary_reject(run_summary *s, const rfy_error *err, const char *column, const char *reason)
{
    char key[RUN_SUMMARY_REASON_SIZE], code[128], columns[40], text[RUN_SUMMARY_REASON_SIZE];
    size_t i;
    code[0] = '\0';
    if (err && err->nfaults > 0) {
        /* grouped by the codes: the same faults in different rows are one group */
        rfy_error_codes(code, sizeof code, err);
        rfy_error_columns(columns, sizeof columns, err);
        rfy_error_text_hinted(text, sizeof text, err, cli_lang, cli_hints);
        column = columns;
        reason = text;
    }
    generalise(key, sizeof key, reason);
    for (i = 0; i < s->nreasons; i++)
        if (strcmp(s->reasons[i].column, column) == 0 &&
            (code[0] ? strcmp(s->reasons[i].code, code) == 0 : strcmp(s->reasons[i].reason, key) == 0)) {
            s->reasons[i].count++;
            return 0;
        }
    if (s->nreasons == RUN_SUMMARY_MAX_REASONS) {
        s->other_reasons++;
        return 0;
    }
    if (s->nreasons % 16 == 0) {
        run_summary_reason *p = realloc(s->reasons, (s->nreasons + 16) * sizeof *p);
        if (!p)
            return -1;
        s->reasons = p;
    }
    snprintf(s->reasons[s->nreasons].column, sizeof s->reasons[0].column, "%s", column);
    snprintf(s->reasons[s->nreasons].code, sizeof s->reasons[0].code, "%s", code);
    snprintf(s->reasons[s->nreasons].reason, sizeof s->reasons[0].reason, "%s", key);
    s->reasons[s->nreasons].count = 1;
    s->nreasons++;
    return 0;
}


void run_summary_finish(run_summary *s, unsigned long rows, unsigned long computed,
                        unsigned long rejected, const mpz_t gross, const mpz_t deductions,
                        const mpz_t paid)
{
    size_t i, j;
    s->rows = rows;
    s->computed = computed;
    s->rejected = rejected;
    mpz_set(s->gross, gross);
    mpz_set(s->deductions, deductions);
    mpz_set(s->paid, paid);
    s->reconciles = rfy_batch_totals_split(s->applied, s->beyond, gross, deductions, paid);
    /* insertion sort: stable, and the list is short */
    for (i = 1; i < s->nreasons; i++) {
        run_summary_reason r = s->reasons[i];
        for (j = i; j > 0 && s->reasons[j - 1].count < r.count; j--)
            s->reasons[j] = s->reasons[j - 1];
        s->reasons[j] = r;
    }
}

int run_summary_reconciles(const run_summary *s)
{
    return s->reconciles;
}

static void amount(char *buf, size_t size, const mpz_t ore)
{
    if (rfy_money_format(buf, size, ore, '.') < 0)
        snprintf(buf, size, "?");
}

void run_summary_print(const run_summary *s, FILE *fp, const char *cmd)
{
    run_summary_print_as(s, fp, cmd, "paid");
}

void run_summary_print_as(const run_summary *s, FILE *fp, const char *cmd, const char *paid_label)
{
    char g[48], a[48], p[48], b[48];
    size_t i;
    amount(g, sizeof g, s->gross);
    amount(a, sizeof a, s->applied);
    amount(p, sizeof p, s->paid);
    amount(b, sizeof b, s->beyond);
    /* the catalogue's words in cli_lang (rfy/messages.h) */
    fprintf(fp, "rfy %s: ", cmd);
    fprintf(fp, cli_msg(RFY_MSG_SUM_GROSS), g, a,
            cli_msg(strcmp(paid_label, "paid") == 0 ? RFY_MSG_WORD_PAID : RFY_MSG_WORD_RECOMPUTED), p);
    fprintf(fp, "\nrfy %s: ", cmd);
    fprintf(fp, cli_msg(RFY_MSG_SUM_BEYOND), b, s->paid_zero, s->derived);
    fputc('\n', fp);
    for (i = 0; i < s->nreasons && i < RUN_SUMMARY_PRINT_REASONS; i++) {
        fprintf(fp, "rfy %s: ", cmd);
        fprintf(fp, cli_msg(RFY_MSG_SUM_REJECT_REASON), s->reasons[i].count, s->reasons[i].column,
                s->reasons[i].column[0] ? ": " : "", s->reasons[i].reason);
        fputc('\n', fp);
    }
    if (s->nreasons > RUN_SUMMARY_PRINT_REASONS || s->other_reasons) {
        unsigned long more = s->other_reasons;
        for (; i < s->nreasons; i++)
            more += s->reasons[i].count;
        fprintf(fp, "rfy %s: ", cmd);
        fprintf(fp, cli_msg(RFY_MSG_SUM_REJECT_OTHER), more);
        fputc('\n', fp);
    }
}

static json_t *money(const mpz_t ore)
{
    char buf[64];
    return rfy_money_format(buf, sizeof buf, ore, '.') < 0 ? NULL : json_string(buf);
}

json_t *run_summary_json(const run_summary *s)
{
    json_t *o = json_object(), *list = json_array();
    size_t i;
    int ok = o && list;
    if (ok) {
        ok = json_object_set_new(o, "gross", money(s->gross)) == 0 &&
             json_object_set_new(o, "deductions_applied", money(s->applied)) == 0 &&
             json_object_set_new(o, "deductions_beyond_benefit", money(s->beyond)) == 0 &&
             json_object_set_new(o, "paid", money(s->paid)) == 0 &&
             json_object_set_new(o, "case_months_paid_zero", json_integer((json_int_t)s->paid_zero)) == 0 &&
             json_object_set_new(o, "case_months_derived_rate", json_integer((json_int_t)s->derived)) == 0;
        for (i = 0; ok && i < s->nreasons; i++) {
            json_t *r = json_pack("{s:s, s:s, s:s, s:I}", "column", s->reasons[i].column, "code",
                                  s->reasons[i].code, "reason", s->reasons[i].reason, "count",
                                  (json_int_t)s->reasons[i].count);
            ok = r && json_array_append_new(list, r) == 0;
        }
        if (ok && s->other_reasons) {
            json_t *r = json_pack("{s:s, s:s, s:I}", "column", "", "reason", "other reasons",
                                  "count", (json_int_t)s->other_reasons);
            ok = r && json_array_append_new(list, r) == 0;
        }
        ok = ok && json_object_set_new(o, "rejects_by_reason", list) == 0;
        list = NULL;
    }
    json_decref(list);
    if (!ok) {
        json_decref(o);
        return NULL;
    }
    return o;
}
