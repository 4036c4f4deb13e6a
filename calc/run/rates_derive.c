/*
 * rfy rates derive: the next year's table from one published number.
 *
 * The satsreguleringsprocent r for a year is announced in the autumn; every
 * amount rfy needs for that year follows from it and the year before by the
 * chain of rules.md §2 (rates_chain.c owns the chain's percentages and
 * roundings).  This file writes those amounts as a rate table whose every
 * row is `derived` and whose source shows the computation with its numbers,
 * then loads the whole new set and runs `rfy rates check` on it before
 * anything is handed back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rates_internal.h"
#include <rfy/messages.h>
#include <rfy/calc.h>
#include <rfy/money.h>
#include <rfy/status.h>

/* The amounts a derived year gets from the chain, in table order.  The
 * first six are required for any computation (rates_missing.c); the two
 * maxima are written when the year before has them. */
static const rfy_rate_key CHAINED[] = {
    RFY_RATE_FORSORGER,      RFY_RATE_IKKE_FORSORGER,     RFY_RATE_U25_HJEMME,
    RFY_RATE_U25_BIDRAG_MAX, RFY_RATE_WAGE_THRESHOLD,     RFY_RATE_HOUR_DISREGARD,
    RFY_RATE_SDP_MAX_WEEK,   RFY_RATE_DAGPENGE_MAX_MONTH,
};
#define REQUIRED_CHAINED 6

static const rfy_rate_key SANCTION_DAYS[] = {
    RFY_RATE_SANCTION_DAY_FORSORGER, RFY_RATE_SANCTION_DAY_IKKE_FORSORGER,
    RFY_RATE_SANCTION_DAY_U25_HJEMME, RFY_RATE_SANCTION_DAY_U25_BIDRAG_MAX};

/*
 * *errmsg (when asked for): catalogue message `id` in `lang` with up to three
 * strings (every RFY_MSG_RD_* message takes strings only; NULL gives "").
 */
static void set_error(char **errmsg, rfy_lang lang, rfy_message id, const char *a, const char *b,
                      const char *c)
{
    const char *fmt = rfy_message_format(id, lang);
    size_t n;
    if (!errmsg)
        return;
    n = strlen(fmt) + (a ? strlen(a) : 0) + (b ? strlen(b) : 0) + (c ? strlen(c) : 0) + 1;
    if ((*errmsg = malloc(n)) != NULL)
        snprintf(*errmsg, n, fmt, a ? a : "", b ? b : "", c ? c : "");
}

/*
 * A plain decimal: 1 to `int_digits` digits, optionally '.' and 1 or 2
 * decimals ("2.9", "0.45", "1675").  No sign, no comma, no '%', no
 * exponent: a percentage typed wrong must not become a year's rates.
 * Into out ×100; returns 0, or -1.
 */
static int plain_decimal(mpz_t out, const char *s, size_t int_digits)
{
    const char *why = NULL;
    size_t i = 0, d = 0;
    while (s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == 0 || i > int_digits)
        return -1;
    if (s[i] == '.') {
        while (s[i + 1 + d] >= '0' && s[i + 1 + d] <= '9')
            d++;
        if (d == 0 || d > 2)
            return -1;
        i += 1 + d;
    }
    if (s[i] != '\0')
        return -1;
    return rfy_decimal_parse(out, s, i, &RFY_AMOUNT_DOT, &why) == RFY_OK ? 0 : -1;
}

/* An amount as the tables write it: "18171", "19.80", "2.9", "0.45". */
static void table_amount(char *buf, size_t size, const mpz_t v, int keep_decimals)
{
    size_t n;
    rfy_money_format(buf, size, v, '.');
    n = strlen(buf);
    if (keep_decimals || n < 3 || buf[n - 3] != '.')
        return;
    if (buf[n - 1] == '0') /* "2.90" → "2.9", "18171.00" → "18171" */
        buf[--n] = '\0';
    if (buf[n - 1] == '0')
        buf[--n] = '\0';
    if (buf[n - 1] == '.')
        buf[n - 1] = '\0';
}

/* The last year any month of which the tables cover (amount keys); 0 if none. */
static int last_covered_year(const rfy_rates *r)
{
    for (rfy_month m = rfy_rates_last_month(r); m >= rfy_rates_first_month(r); m--)
        if (rfy_rates_covers(r, m))
            return RFY_MONTH_YEAR(m);
    return 0;
}

static const char *law_of(rfy_rate_key k)
{
    switch (k) {
    case RFY_RATE_FORSORGER: return "LAS § 68 stk. 2 nr. 1";
    case RFY_RATE_IKKE_FORSORGER: return "LAS § 68 stk. 2 nr. 2";
    case RFY_RATE_U25_HJEMME: return "LAS § 68 stk. 2 nr. 3";
    case RFY_RATE_U25_BIDRAG_MAX: return "LAS § 68 stk. 2 nr. 4 (cap = forsørger level)";
    case RFY_RATE_WAGE_THRESHOLD:
        return "LAS § 68 a stk. 2 (13.000 kr. 2012-niveau; regulated with r, no afdæmpning)";
    case RFY_RATE_HOUR_DISREGARD:
        return "LAS § 68 a stk. 3 (14,99 kr. 2012-niveau; LAS § 109 stk. 2 nr. 10)";
    case RFY_RATE_SDP_MAX_WEEK:
        return "LAS § 68 stk. 4 (højeste sygedagpengebeløb, sygedagpengeloven § 50; § 64 stk. 2)";
    case RFY_RATE_DAGPENGE_MAX_MONTH:
        return "AFL § 47 (højeste dagpengebeløb; § 47 stk. 4); bound of a hidtidig "
               "ledighedsydelse (LAS § 68 stk. 5)";
    case RFY_RATE_SANCTION_DAY_FORSORGER:
        return "LAS § 69 b stk. 2 og § 69 n (periodesanktion pr. dag; § 68 stk. 2 nr. 1)";
    case RFY_RATE_SANCTION_DAY_IKKE_FORSORGER:
        return "LAS § 69 b stk. 2 og § 69 n (periodesanktion pr. dag; § 68 stk. 2 nr. 2)";
    case RFY_RATE_SANCTION_DAY_U25_HJEMME:
        return "LAS § 69 b stk. 2 og § 69 n (periodesanktion pr. dag; § 68 stk. 2 nr. 3)";
    case RFY_RATE_SANCTION_DAY_U25_BIDRAG_MAX:
        return "LAS § 69 b stk. 2 og § 69 n (periodesanktion pr. dag; § 68 stk. 2 nr. 4 (loftet))";
    case RFY_RATE_NORMALBIDRAG:
        return "Normalbidrag per child (lov om børns forsørgelse § 14; used for LAS § 68 stk. 2 "
               "nr. 4); regulated by PSL § 20, not by this chain";
    case RFY_RATE_REG_R: return "docs/rules.md §2 regulation rate r (LAS § 109; lov om en satsreguleringsprocent)";
    case RFY_RATE_REG_AFDAEMPNING: return "docs/rules.md §2 afdæmpning (LAS § 109 stk. 4)";
    case RFY_RATE_REG_REDUCTION:
        return "LAS § 109 stk. 6 (one-off reduction of 0,45 procentpoint in 2026 or 2027; lov nr. "
               "630 af 11.6.2024)";
    default: return rfy_rate_key_law(k);
    }
}

/* One row "key,YEAR-01-01,YEAR-12-31,amount,unit,derived,"law","source"". */
static void put_row(FILE *f, int year, rfy_rate_key k, const char *amount, const char *source)
{
    fprintf(f, "%s,%d-01-01,%d-12-31,%s,%s,derived,\"%s\",\"%s\"\n", rfy_rate_key_name(k), year,
            year, amount, rfy_rate_key_unit(k), law_of(k), source);
}

typedef struct derive_pct {
    mpz_t r, afd, red;  /* hundredths of a percent */
    char r_s[32], afd_s[32], red_s[32];
    int red_written;    /* write a regulation_reduction_pct row */
} derive_pct;

/* The year's chained amounts, sanction day amounts, normalbidrag and parameters. */
static int write_table(FILE *f, const rfy_rates *base, const rfy_rates_derive_args *a,
                       derive_pct *pc, const mpz_t normalbidrag, rfy_lang lang, char **errmsg)
{
    int year = a->year;
    mpz_t prev, v, p;
    mpq_t q;
    char was[48], now[48], src[512], yb[16];
    int rc = RFY_OK;

    mpz_init(prev);
    mpz_init(v);
    mpz_init(p);
    mpq_init(q);
    snprintf(yb, sizeof yb, "%d", year - 1);
    fprintf(f, "# rfy rate table – format: docs/rates.md. Provenance: derived = docs/rules.md §2 "
               "chain only.\n");
    fprintf(f, "\"# %d: derived by rfy rates derive %d --r %s --afdaempning %s --reduction %s%s%s "
               "from the %d table: every value is the chain of docs/rules.md §2 (p = r − "
               "afdæmpning − reduction; the wage threshold p = r), none is published. Replace "
               "the rows with the ministry's figures when they are published.\"\n",
            year, year, pc->r_s, pc->afd_s, pc->red_s, a->normalbidrag ? " --normalbidrag " : "",
            a->normalbidrag ? a->normalbidrag : "", year - 1);
    if (!a->normalbidrag)
        fprintf(f, "\"# %d: no normalbidrag (it follows PSL § 20, not this chain): a § 68 stk. 2 "
                   "nr. 4 case needs the documented child_support, or derive again with "
                   "--normalbidrag KR.\"\n",
                year);
    fprintf(f, "key,effective_from,effective_to,amount,unit,provenance,legal_ref,source\n");
    for (size_t i = 0; i < sizeof CHAINED / sizeof CHAINED[0]; i++) {
        rfy_rate_key k = CHAINED[i];
        int afd = rfy__chain_with_afdaempning(k);
        const rfy_rate_value *last = rfy_rates_get(base, k, RFY_MONTH(year - 1, 12));
        const char *shape = k == RFY_RATE_SDP_MAX_WEEK ? "round5" : "round";
        if (!last) {
            if (i < REQUIRED_CHAINED) {
                set_error(errmsg, lang, RFY_MSG_RD_NO_BASE, yb, rfy_rate_key_name(k), NULL);
                rc = RFY_EINPUT;
                goto done;
            }
            continue; /* an optional maximum the year before lacks stays absent */
        }
        mpz_set(prev, last->amount);
        mpz_set(v, prev);
        mpz_set(p, pc->r);
        if (afd) {
            mpz_sub(p, p, pc->afd);
            mpz_sub(p, p, pc->red);
        }
        rfy__chain_step(v, p, k);
        table_amount(was, sizeof was, prev, k == RFY_RATE_HOUR_DISREGARD);
        table_amount(now, sizeof now, v, k == RFY_RATE_HOUR_DISREGARD);
        if (afd)
            snprintf(src, sizeof src,
                     "derived: docs/rules.md §2 chain: %s(%s × (1 + (r %s − afdæmpning %s − "
                     "reduction %s)/100)%s) = %s",
                     shape, was, pc->r_s, pc->afd_s, pc->red_s,
                     k == RFY_RATE_HOUR_DISREGARD ? "; 2 decimals" : "", now);
        else
            snprintf(src, sizeof src, "derived: docs/rules.md §2 chain: round(%s × (1 + r %s/100)) = %s",
                     was, pc->r_s, now);
        put_row(f, year, k, now, src);
    }
    /* rules.md §9: periodesanktion per day = round(level × 12 / 260) of the
     * year's level, which is the chain step above taken again from the level
     * of the year before (the rows are text by now). */
    for (size_t i = 0; i < sizeof SANCTION_DAYS / sizeof SANCTION_DAYS[0]; i++) {
        rfy_rate_key lk = rfy_sanction_day_level_key(SANCTION_DAYS[i]);
        const rfy_rate_value *last = rfy_rates_get(base, lk, RFY_MONTH(year - 1, 12));
        mpz_set(v, last->amount); /* present: checked in the loop above */
        mpz_set(p, pc->r);
        mpz_sub(p, p, pc->afd);
        mpz_sub(p, p, pc->red);
        rfy__chain_step(v, p, lk);
        table_amount(was, sizeof was, v, 0);
        mpq_set_z(q, v);
        rfy_sanction_day_amount(prev, q);
        table_amount(now, sizeof now, prev, 0);
        snprintf(src, sizeof src, "derived: docs/rules.md §9: round(%s %d %s × 12 / 260) = %s",
                 rfy_rate_key_name(lk), year, was, now);
        put_row(f, year, SANCTION_DAYS[i], now, src);
    }
    if (a->normalbidrag) {
        table_amount(now, sizeof now, normalbidrag, 0);
        snprintf(src, sizeof src,
                 "derived: given to rfy rates derive --normalbidrag %s (the normalbidrag follows "
                 "PSL § 20; write its published source here)",
                 a->normalbidrag);
        put_row(f, year, RFY_RATE_NORMALBIDRAG, now, src);
    }
    snprintf(src, sizeof src, "derived: given to rfy rates derive --r %s (the year's "
                              "satsreguleringsprocent; write its published source here)", pc->r_s);
    put_row(f, year, RFY_RATE_REG_R, pc->r_s, src);
    if (a->afdaempning)
        snprintf(src, sizeof src, "derived: given to rfy rates derive --afdaempning %s", pc->afd_s);
    else
        snprintf(src, sizeof src, "derived: rfy rates derive's default %s: the 2016-2023 "
                                  "afdæmpning ended (lov nr. 630 af 11.6.2024)", pc->afd_s);
    put_row(f, year, RFY_RATE_REG_AFDAEMPNING, pc->afd_s, src);
    if (pc->red_written) {
        snprintf(src, sizeof src, "derived: %s %s", a->reduction ? "given to rfy rates derive --reduction" : "the reduction the tables held for the year:",
                 pc->red_s);
        put_row(f, year, RFY_RATE_REG_REDUCTION, pc->red_s, src);
    }
done:
    mpq_clear(q);
    mpz_clear(p);
    mpz_clear(v);
    mpz_clear(prev);
    return rc;
}

/* The new set (the base without the file it replaces, plus the new table)
 * must load and pass `rfy rates check`: otherwise nothing is handed back. */
static int verify(size_t n, const char *const *names, const char *const *texts,
                  const size_t *lens, long replaces, const char *name, const char *text,
                  size_t len, rfy_lang lang, char **errmsg)
{
    const char **nn = calloc(n + 1, sizeof *nn), **tt = calloc(n + 1, sizeof *tt);
    size_t *ll = calloc(n + 1, sizeof *ll), m = 0;
    rfy_rates *r = NULL;
    char *err = NULL;
    int rc = RFY_ENOMEM;
    if (!nn || !tt || !ll)
        goto done;
    for (size_t i = 0; i < n; i++)
        if ((long)i != replaces) {
            nn[m] = names[i];
            tt[m] = texts[i];
            ll[m++] = lens[i];
        }
    nn[m] = name;
    tt[m] = text;
    ll[m++] = len;
    rc = rfy_rates_load_files_lang(&r, m, nn, tt, ll, lang, &err);
    if (rc != RFY_OK) {
        set_error(errmsg, lang, RFY_MSG_RD_NOT_LOADED, err, NULL, NULL);
        if (rc != RFY_ENOMEM)
            rc = RFY_ERATES;
    } else if (rfy_rates_check_missing(r, NULL) != 0 || rfy_rates_check_chain(r, NULL) != 0) {
        set_error(errmsg, lang, RFY_MSG_RD_NOT_CHECKED, NULL, NULL, NULL);
        rc = RFY_ERATES;
    }
    free(err);
    rfy_rates_free(r);
done:
    free(nn);
    free(tt);
    free(ll);
    return rc;
}

/* rfy_rates_derive_lang in Danish, the default of a payroll officer's messages. */
int rfy_rates_derive(char **text, size_t *len, long *replaces, size_t n,
                     const char *const *names, const char *const *texts, const size_t *lens,
                     const rfy_rates_derive_args *a, char **errmsg)
{
    return rfy_rates_derive_lang(text, len, replaces, n, names, texts, lens, a, RFY_LANG_DA,
                                 errmsg);
}

int rfy_rates_derive_lang(char **text, size_t *len, long *replaces, size_t n,
                          const char *const *names, const char *const *texts, const size_t *lens,
                          const rfy_rates_derive_args *a, rfy_lang lang, char **errmsg)
{
    rfy_rates *base = NULL;
    derive_pct pc;
    mpz_t nb;
    char name[16], yb[16], cov[128];
    FILE *f = NULL;
    int rc, last;

    *text = NULL;
    *len = 0;
    *replaces = -1;
    if (errmsg)
        *errmsg = NULL;
    mpz_init(pc.r);
    mpz_init(pc.afd);
    mpz_init(pc.red);
    mpz_init(nb);
    rc = rfy_rates_load_files_lang(&base, n, names, texts, lens, lang, errmsg);
    if (rc != RFY_OK)
        goto done;
    rc = RFY_EINPUT;
    last = last_covered_year(base);
    if (a->year != last + 1) {
        char want[16];
        rfy_rates_covered_years(cov, sizeof cov, base);
        snprintf(yb, sizeof yb, "%d", a->year);
        snprintf(want, sizeof want, "%d", last + 1);
        set_error(errmsg, lang, RFY_MSG_RD_YEAR, yb, cov, want);
        goto done;
    }
    if (!a->r || plain_decimal(pc.r, a->r, 3) != 0) {
        set_error(errmsg, lang, RFY_MSG_RD_R,
                  a->r ? a->r : rfy_message_format(RFY_MSG_RD_MISSING, lang), NULL, NULL);
        goto done;
    }
    if (a->afdaempning && plain_decimal(pc.afd, a->afdaempning, 3) != 0) {
        set_error(errmsg, lang, RFY_MSG_RD_AFDAEMPNING, a->afdaempning, NULL, NULL);
        goto done;
    }
    if (a->reduction && plain_decimal(pc.red, a->reduction, 3) != 0) {
        set_error(errmsg, lang, RFY_MSG_RD_REDUCTION, a->reduction, NULL, NULL);
        goto done;
    }
    if (a->normalbidrag && plain_decimal(nb, a->normalbidrag, 6) != 0) {
        set_error(errmsg, lang, RFY_MSG_RD_NORMALBIDRAG, a->normalbidrag, NULL, NULL);
        goto done;
    }
    /* --reduction defaults to what the tables hold for the year (2027: the
     * one-off 0,45 of LAS § 109 stk. 6), else 0. */
    pc.red_written = a->reduction != NULL;
    if (!a->reduction) {
        const rfy_rate_value *red = rfy__rates_row_of_year(base, RFY_RATE_REG_REDUCTION, a->year);
        if (red) {
            mpz_set(pc.red, red->amount);
            pc.red_written = 1;
        }
    }
    table_amount(pc.r_s, sizeof pc.r_s, pc.r, 0);
    table_amount(pc.afd_s, sizeof pc.afd_s, pc.afd, 0);
    table_amount(pc.red_s, sizeof pc.red_s, pc.red, 0);
    if (!(f = open_memstream(text, len))) {
        rc = RFY_ENOMEM;
        goto done;
    }
    rc = write_table(f, base, a, &pc, nb, lang, errmsg);
    if (fclose(f) != 0 && rc == RFY_OK)
        rc = RFY_ENOMEM;
    if (rc != RFY_OK)
        goto done;
    snprintf(name, sizeof name, "%d.csv", a->year);
    for (size_t i = 0; i < n; i++)
        if (strcmp(names[i], name) == 0)
            *replaces = (long)i;
    rc = verify(n, names, texts, lens, *replaces, name, *text, *len, lang, errmsg);
done:
    if (rc != RFY_OK) {
        free(*text);
        *text = NULL;
        *len = 0;
    }
    rfy_rates_free(base);
    mpz_clear(nb);
    mpz_clear(pc.red);
    mpz_clear(pc.afd);
    mpz_clear(pc.r);
    return rc;
}
