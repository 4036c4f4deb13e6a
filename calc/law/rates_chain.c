/*
 * The indexation chain of rules.md §2 (its check against the tables, which
 * writes a report, is calc/run/rates_check_chain.c).
 *
 * Amounts the law states at 2012 level (13.000 kr., 14,99 kr.) and the
 * § 68 stk. 2 levels move each year by v[y] = round(v[y−1] × (1 + p[y]/100)),
 * rounded half away from zero every year (lov om en satsreguleringsprocent
 * § 1 stk. 2: each regulation starts from the amount in force, i.e. the
 * rounded one).  Which p and which rounding each amount takes is the one
 * table below; the numbers themselves come from the rate tables.
 */
#include "rates_internal.h"
#include <rfy/calc.h>
#include <rfy/money.h>
#include <rfy/status.h>

typedef struct chain_def {
    rfy_rate_key key;
    int base_year;
    int with_afdaempning; /* p = r − afdæmpning − reduction (LAS § 109 stk. 2, 4, 6) or p = r */
    unsigned long unit;   /* rounding unit in øre: 100 = whole kroner, 1 = øre, 500 = 5 kr. */
    const char *why;
} chain_def;

static const chain_def CHAINS[] = {
    /* § 68 a stk. 2: 13.000 kr. (2012-niveau), regulated by r without afdæmpning,
     * to whole kroner (docs/rates.md: reproduces every published value). */
    {RFY_RATE_WAGE_THRESHOLD, 2012, 0, 100, "§ 68 a stk. 2: 13.000 kr. (2012-niveau), r"},
    /* § 68 a stk. 3: 14,99 kr. (2012-niveau), LAS § 109 stk. 2 nr. 10, to øre. */
    {RFY_RATE_HOUR_DISREGARD, 2012, 1, 1, "§ 68 a stk. 3: 14,99 kr. (2012-niveau), r − afdæmpning"},
    /* § 68 stk. 2 levels, LAS § 109 stk. 2 nr. 9, to whole kroner, from 2013. */
    {RFY_RATE_FORSORGER, 2013, 1, 100, "§ 68 stk. 2 nr. 1 from 2013, r − afdæmpning"},
    {RFY_RATE_IKKE_FORSORGER, 2013, 1, 100, "§ 68 stk. 2 nr. 2 from 2013, r − afdæmpning"},
    {RFY_RATE_U25_HJEMME, 2013, 1, 100, "§ 68 stk. 2 nr. 3 from 2013, r − afdæmpning"},
    /* The nr. 4 cap is the forsørger level (bm.dk, every year): the same chain. */
    {RFY_RATE_U25_BIDRAG_MAX, 2013, 1, 100, "§ 68 stk. 2 nr. 4 cap from 2013, r − afdæmpning"},
    /* Sygedagpengeloven § 50 highest amount (used by § 68 stk. 4 as the bound
     * of a hidtidig sygedagpenge amount): r − afdæmpning − reduction
     * (sygedagpengeloven § 64 stk. 2), rounded to the NEAREST multiple of
     * 5 kr. (rules.md §3).  From 4.005 kr. (2013) it reproduces every figure
     * 2014-2026, e.g. 2018: 4.245 × 1,0125 = 4.298,06 → 4.300, which rounding
     * down would miss (docs/rates.md section 8). */
    {RFY_RATE_SDP_MAX_WEEK, 2013, 1, 500, "highest sygedagpenge amount from 2013, r − afdæmpning, nearest 5 kr."},
    /* Lov om arbejdsløshedsforsikring § 47 (monthly from 1.7.2017; the bound of
     * a hidtidig ledighedsydelse, § 68 stk. 5): p = r − afdæmpning − reduction
     * (§ 47 stk. 4 carries the same 0,45 reduction), to whole kroner.  From
     * 18.403 kr. (2017) it reproduces every figure 2018-2026 (docs/decisions.md). */
    {RFY_RATE_DAGPENGE_MAX_MONTH, 2017, 1, 100, "highest dagpenge amount from 2017, r − afdæmpning, whole kroner"},
};

/* The level each periodesanktion day amount is derived from (rules.md §9). */
static const struct {
    rfy_rate_key day, level;
} SANCTION_DAY_OF[] = {
    {RFY_RATE_SANCTION_DAY_FORSORGER, RFY_RATE_FORSORGER},
    {RFY_RATE_SANCTION_DAY_IKKE_FORSORGER, RFY_RATE_IKKE_FORSORGER},
    {RFY_RATE_SANCTION_DAY_U25_HJEMME, RFY_RATE_U25_HJEMME},
    {RFY_RATE_SANCTION_DAY_U25_BIDRAG_MAX, RFY_RATE_U25_BIDRAG_MAX},
};

rfy_rate_key rfy_sanction_day_level_key(rfy_rate_key key)
{
    for (size_t k = 0; k < sizeof SANCTION_DAY_OF / sizeof SANCTION_DAY_OF[0]; k++)
        if (SANCTION_DAY_OF[k].day == key)
            return SANCTION_DAY_OF[k].level;
    return RFY_RATE_KEY_COUNT;
}

int rfy__sanction_day_value(mpz_t out, const rfy_rates *r, rfy_rate_key day_key, rfy_month m)
{
    rfy_rate_key lk = rfy_sanction_day_level_key(day_key);
    const rfy_rate_value *level = lk == RFY_RATE_KEY_COUNT ? NULL : rfy_rates_get(r, lk, m);
    mpq_t q;
    if (!level)
        return RFY_ENORATE;
    mpq_init(q);
    mpq_set_z(q, level->amount);
    rfy_sanction_day_amount(out, q);
    mpq_clear(q);
    return RFY_OK;
}

static const chain_def *chain_for(rfy_rate_key key)
{
    for (size_t i = 0; i < sizeof CHAINS / sizeof CHAINS[0]; i++)
        if (CHAINS[i].key == key)
            return &CHAINS[i];
    return NULL;
}

int rfy__chain_base_year(rfy_rate_key key)
{
    const chain_def *c = chain_for(key);
    return c ? c->base_year : 0;
}

/* One chain step: v = round(v × (10000 + p) / 10000), p in hundredths of a
 * percent; half away from zero to the chain's unit. */
static void step(mpz_t v, const mpz_t p_c, const chain_def *c)
{
    mpq_t x;
    mpq_init(x);
    mpz_add_ui(mpq_numref(x), p_c, 10000);
    mpz_mul(mpq_numref(x), mpq_numref(x), v);
    mpz_set_ui(mpq_denref(x), 10000);
    mpq_canonicalize(x);
    rfy_round_half_away(v, x, c->unit);
    mpq_clear(x);
}

int rfy__chain_with_afdaempning(rfy_rate_key key)
{
    const chain_def *c = chain_for(key);
    return c ? c->with_afdaempning : 0;
}

int rfy__chain_step(mpz_t v, const mpz_t p, rfy_rate_key key)
{
    const chain_def *c = chain_for(key);
    if (!c)
        return -1;
    step(v, p, c);
    return 0;
}

/*
 * p[y] for a chain, in hundredths of a percent; RFY_ENORATE if a row is
 * missing.  With afdæmpning, p = r − afdæmpning − reduction: the one-off
 * reduction of LAS § 109 stk. 6 (lov nr. 630 af 11.6.2024: 0,45 in 2026 or
 * 2027) is one optional row, regulation_reduction_pct, in the year it falls
 * (Decision: 2027; docs/rates.md says how to move it).
 */
int rfy__chain_rate_of_year(mpz_t p, const rfy_rates *r, int year, int with_afd,
                            rfy_rate_key *missing)
{
    const rfy_rate_value *rv = rfy__rates_row_of_year(r, RFY_RATE_REG_R, year);
    const rfy_rate_value *av = with_afd ? rfy__rates_row_of_year(r, RFY_RATE_REG_AFDAEMPNING, year) : NULL;
    const rfy_rate_value *red = with_afd ? rfy__rates_row_of_year(r, RFY_RATE_REG_REDUCTION, year) : NULL;
    if (!rv || (with_afd && !av)) {
        if (missing)
            *missing = !rv ? RFY_RATE_REG_R : RFY_RATE_REG_AFDAEMPNING;
        return RFY_ENORATE;
    }
    mpz_set(p, rv->amount);
    if (av)
        mpz_sub(p, p, av->amount);
    if (red)
        mpz_sub(p, p, red->amount);
    return RFY_OK;
}

size_t rfy__chain_count(void)
{
    return sizeof CHAINS / sizeof CHAINS[0];
}

rfy_rate_key rfy__chain_key(size_t i)
{
    return CHAINS[i].key;
}

int rfy_rates_chain_value(mpz_t out, const rfy_rates *r, rfy_rate_key key, int year)
{
    const chain_def *c = chain_for(key);
    const rfy_rate_value *base;
    mpz_t p;
    int rc = RFY_OK;
    if (!c || year < c->base_year || !(base = rfy__rates_row_of_year(r, key, c->base_year)))
        return RFY_ENORATE;
    mpz_init(p);
    mpz_set(out, base->amount);
    for (int y = c->base_year + 1; y <= year && rc == RFY_OK; y++) {
        rc = rfy__chain_rate_of_year(p, r, y, c->with_afdaempning, NULL);
        if (rc == RFY_OK)
            step(out, p, c);
    }
    mpz_clear(p);
    return rc;
}
