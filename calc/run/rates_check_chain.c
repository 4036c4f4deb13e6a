/*
 * rfy rates check, its chain part: every row the chain of rules.md §2
 * computes (calc/law/rates_chain.c) must equal the chain from its base year,
 * each mismatch reported as one line with the file and line of the row.
 */
#include <stdarg.h>
#include <stdio.h>

#include "rates_internal.h"
#include <rfy/calc.h>
#include <rfy/messages.h>
#include <rfy/money.h>
#include <rfy/status.h>

/* One line of `report` (may be NULL): message `id` in `lang` with its arguments, a line end. */
static void say(FILE *report, rfy_lang lang, rfy_message id, ...)
{
    va_list ap;
    if (!report)
        return;
    va_start(ap, id);
    vfprintf(report, rfy_message_format(id, lang), ap);
    va_end(ap);
    fputc('\n', report);
}

/* A mismatch with both numbers, so the reader sees by how much the table is off;
 * `what` names where the expected number comes from (RFY_MSG_RC_CHAIN_GIVES, ...). */
static void say_value(FILE *report, rfy_lang lang, rfy_message what, const rfy_rate_value *v,
                      const mpz_t expect)
{
    char got[48], want[48];
    if (!report)
        return;
    rfy_money_format(got, sizeof got, v->amount, '.');
    rfy_money_format(want, sizeof want, expect, '.');
    say(report, lang, RFY_MSG_RC_MISMATCH, v->from.year, rfy_rate_key_name(v->key), v->file,
        v->line, rfy_provenance_name(v->provenance), got, rfy_message_format(what, lang), want);
}

/* Danish first: the function without _lang speaks the default language. */
int rfy_rates_check_chain(const rfy_rates *r, FILE *report)
{
    return rfy_rates_check_chain_lang(r, RFY_LANG_DA, report);
}

int rfy_rates_check_chain_lang(const rfy_rates *r, rfy_lang lang, FILE *report)
{
    int mismatches = 0, checked[3] = {0, 0, 0};
    mpz_t v, p, sum;
    size_t i, k;

    mpz_init(v);
    mpz_init(p);
    mpz_init(sum);
    for (k = 0; k < rfy__chain_count(); k++) {
        rfy_rate_key key = rfy__chain_key(k);
        int base_year = rfy__chain_base_year(key), with_afd = rfy__chain_with_afdaempning(key);
        const rfy_rate_value *base = rfy__rates_row_of_year(r, key, base_year);
        int last = 0;
        if (!base) {
            say(report, lang, RFY_MSG_RC_NO_BASE, rfy_rate_key_name(key), base_year);
            mismatches = -1;
            goto done;
        }
        for (i = 0; i < r->n; i++)
            if (r->v[i].key == key && r->v[i].from.year > last)
                last = r->v[i].from.year;
        mpz_set(v, base->amount);
        for (int y = base_year + 1; y <= last; y++) {
            rfy_rate_key missing;
            if (rfy__chain_rate_of_year(p, r, y, with_afd, &missing) != RFY_OK) {
                say(report, lang, RFY_MSG_RC_NO_YEAR, rfy_rate_key_name(missing), y);
                mismatches = -1;
                goto done;
            }
            rfy__chain_step(v, p, key);
            /* every row of this key starting in year y must equal the chain */
            for (i = 0; i < r->n; i++) {
                const rfy_rate_value *row = &r->v[i];
                if (row->key != key || row->from.year != y)
                    continue;
                checked[row->provenance]++;
                if (mpz_cmp(row->amount, v) != 0) {
                    say_value(report, lang, RFY_MSG_RC_CHAIN_GIVES, row, v);
                    mismatches++;
                }
            }
        }
    }
    /* § 68 stk. 2 nr. 4: the cap equals the forsørger level (bm.dk, every year). */
    for (i = 0; i < r->n; i++) {
        const rfy_rate_value *cap = &r->v[i], *f;
        if (cap->key != RFY_RATE_U25_BIDRAG_MAX)
            continue;
        f = rfy_rates_get(r, RFY_RATE_FORSORGER, rfy_date_month(&cap->from));
        checked[cap->provenance]++;
        if (!f || mpz_cmp(f->amount, cap->amount) != 0) {
            if (f)
                say_value(report, lang, RFY_MSG_RC_FORSORGER_IS, cap, f->amount);
            else
                say(report, lang, RFY_MSG_RC_NO_FORSORGER, cap->from.year, cap->file, cap->line);
            mismatches++;
        }
    }
    /* normalbidrag = grundbeløb + tillæg where all three are given. */
    for (i = 0; i < r->n; i++) {
        const rfy_rate_value *nb = &r->v[i], *g, *t;
        rfy_month m = rfy_date_month(&nb->from);
        if (nb->key != RFY_RATE_NORMALBIDRAG)
            continue;
        g = rfy_rates_get(r, RFY_RATE_NORMALBIDRAG_GRUND, m);
        t = rfy_rates_get(r, RFY_RATE_NORMALBIDRAG_TILLAEG, m);
        if (!g || !t)
            continue;
        checked[nb->provenance]++;
        mpz_add(sum, g->amount, t->amount);
        if (mpz_cmp(sum, nb->amount) != 0) {
            say_value(report, lang, RFY_MSG_RC_GRUND_TILLAEG_IS, nb, sum);
            mismatches++;
        }
    }
    /* rules.md §9: every periodesanktion day amount = round(level × 12 / 260)
     * of its level in the month it starts (the published 2022 and 2024 figures
     * and every derived one). */
    for (i = 0; i < r->n; i++) {
        const rfy_rate_value *day = &r->v[i];
        if (rfy_sanction_day_level_key(day->key) == RFY_RATE_KEY_COUNT)
            continue;
        /* a month without the level is a gap the missing-keys check reports */
        if (rfy__sanction_day_value(v, r, day->key, rfy_date_month(&day->from)) != RFY_OK)
            continue;
        checked[day->provenance]++;
        if (mpz_cmp(v, day->amount) != 0) {
            say_value(report, lang, RFY_MSG_RC_DAY_IS, day, v);
            mismatches++;
        }
    }
    say(report, lang, RFY_MSG_RC_CHECKED, checked[0] + checked[1] + checked[2], checked[0],
        checked[1], checked[2],
        rfy_message_format(mismatches ? RFY_MSG_RC_MISMATCHES_FOUND : RFY_MSG_RC_ALL_REPRODUCED,
                           lang));
done:
    mpz_clear(sum);
    mpz_clear(p);
    mpz_clear(v);
    return mismatches;
}
