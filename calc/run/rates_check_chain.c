/*
 * rfy rates check, its chain part: every row the chain of rules.md §2
 * computes (calc/law/rates_chain.c) must equal the chain from its base year,
 * each mismatch reported as one line with the file and line of the row.
 */
#include <stdio.h>

#include "rates_internal.h"
#include <rfy/calc.h>
#include <rfy/money.h>
#include <rfy/status.h>

static void say_value(FILE *report, const char *what, const rfy_rate_value *v, const mpz_t expect)
{
    char got[48], want[48];
    if (!report)
        return;
    rfy_money_format(got, sizeof got, v->amount, '.');
    rfy_money_format(want, sizeof want, expect, '.');
    fprintf(report, "MISMATCH %d %s (%s:%lu, %s): table %s, %s %s\n", v->from.year,
            rfy_rate_key_name(v->key), v->file, v->line, rfy_provenance_name(v->provenance), got,
            what, want);
}

int rfy_rates_check_chain(const rfy_rates *r, FILE *report)
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
            if (report)
                fprintf(report, "cannot run the chain: no %s row for its base year %d\n",
                        rfy_rate_key_name(key), base_year);
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
                if (report)
                    fprintf(report, "cannot run the chain: no %s row for %d\n",
                            rfy_rate_key_name(missing), y);
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
                    say_value(report, "chain gives", row, v);
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
                say_value(report, "forsørger level is", cap, f->amount);
            else if (report)
                fprintf(report, "MISMATCH %d rfy_u25_bidrag_max (%s:%lu): no forsørger level\n",
                        cap->from.year, cap->file, cap->line);
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
            say_value(report, "grundbeløb + tillæg is", nb, sum);
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
            say_value(report, "level × 12 / 260, rounded to kroner, is", day, v);
            mismatches++;
        }
    }
    if (report)
        fprintf(report,
                "checked %d values (%d published, %d secondary, %d derived): %s\n",
                checked[0] + checked[1] + checked[2], checked[0], checked[1], checked[2],
                mismatches ? "MISMATCHES FOUND" : "all reproduced by the chain");
done:
    mpz_clear(sum);
    mpz_clear(p);
    mpz_clear(v);
    return mismatches;
}
