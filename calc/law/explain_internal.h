/*
 * The struct behind the rfy_explanation handle of <rfy/explain.h>, and the
 * wage parts it holds.  Private to calc/ (and the engine's unit tests): the
 * explanation's renderers (calc/present/) read it directly; a program reads
 * it through the accessors of <rfy/explain.h>.
 */
#ifndef RFY_EXPLAIN_INTERNAL_H
#define RFY_EXPLAIN_INTERNAL_H

#include <gmp.h>

#include <rfy/explain.h>
#include "calc_internal.h"

/* The wage rule W(x) of § 68 a stk. 2 (§ 69 j stk. 9) applied to one income x. */
typedef struct rfy_wage_parts {
    mpz_t income;        /* x, øre */
    int above_threshold; /* x > T */
    mpq_t part_low;      /* low_pct % of min(x, T); 0 when the rule is the high rate only */
    mpq_t part_high;     /* high_pct % of max(0, x − T) */
    mpq_t total;         /* W(x) = part_low + part_high, exact */
} rfy_wage_parts;

struct rfy_explanation {
    /* The forløb's place in the law: "kapitel 6 a" or "§ 69 j". */
    const char *forloeb_ref;
    /* A ressourceforløb month after new ressourceforløb were closed: the law
     * that closed them ("lov nr. 1750 af 29.12.2025") and its first month;
     * NULL and 0 otherwise (nothing changes in the amount). */
    const char *no_new_forloeb_ref;
    rfy_month no_new_forloeb_from;

    /* Level (§ 68 stk. 2 / § 69 j stk. 2). */
    const char *stk2_ref;        /* the category's level, "§ 68 stk. 2 nr. 1" */
    const char *nr4_base_ref;    /* nr. 4: the level its tillæg is added to ("... nr. 3") */
    int has_tillaeg_all;         /* nr. 4 with child_support and a known normalbidrag */
    mpz_t tillaeg_all;           /* children × normalbidrag, øre */
    mpq_t nr4_before_cap;        /* nr. 4: base + tillæg before the cap, øre */

    /* Hidtidig ydelse (§ 68 stk. 4 / stk. 5); refs NULL without a prior. */
    const char *prior_ref;       /* "§ 68 stk. 4" or "§ 68 stk. 5" */
    const char *floor_ref;       /* "§ 68 stk. 4, 4. pkt." or "§ 68 stk. 5, 2. pkt." */
    int prior_above_floor;       /* the monthly amount is above the stk. 2 level */
    unsigned week_to_month_num;  /* a weekly amount × num/den per month: 52/12 */
    unsigned week_to_month_den;

    /* Wage (§ 68 a stk. 2, § 69 j stk. 9). */
    const char *wage_rule;       /* "30/55" or "55" */
    unsigned wage_low_pct;       /* 30 */
    unsigned wage_high_pct;      /* 55 */
    rfy_month wage_rule_last_month; /* ressourceforløb under 30/55: its last month (2021-12), else 0 */
    rfy_wage_parts wage;         /* W(wage) */

    /* Holiday pay (§ 68 a stk. 4, § 69 j stk. 11). */
    rfy_wage_parts wage_holiday; /* W(wage + holiday_pay) */
    unsigned holiday_days_num;   /* feriedage × num/den = calendar days: 7/5 */
    unsigned holiday_days_den;
    mpq_t holiday_calendar_days; /* holiday_days × 7/5, hundredths */

    /* Income in a tilbud (§ 68 a stk. 3, § 69 j stk. 10). */
    long hours_cap;              /* most hours counted a month, hundredths (16000 = 160) */
    mpz_t hours_counted;         /* min(activation_hours, cap), hundredths */

    /* Sanctions the kommune decided (rules.md §9; § 69 b–d, § 69 m–o). */
    int has_sanction;             /* sanction_days or sanction_amount given */
    unsigned sanction_day_num;    /* the amount a day = level × num/den ... : 12 */
    unsigned sanction_day_den;    /* ... : 260, rounded to whole kroner */
    mpq_t sanction_day_level;     /* the level it is taken from: the § 68 stk. 2 level (nr. 4: the
                                   * person's own), also for a person paid at stk. 4/5 */
    mpq_t sanction_day_exact;     /* level × 12 / 260 before rounding, øre */
    int sanction_day_own_nr4;     /* nr. 4: computed from the person's own level (no rate row) */
    int sanction_day_not_prior;   /* the person is paid at the stk. 4/5 level, sanctioned on stk. 2 */
    int sanction_day_per_row;     /* a case-month of several rows whose days were priced at
                                   * different amounts a day (each row's own level): the
                                   * level and amount a day above are the last row's */

    /* Totals. */
    mpq_t gross_exact;           /* Σ segment amounts, before the one rounding */
    int payment_floored;         /* deductions exceed the gross: payment 0, nothing carried over */

    /* The provision each rate used serves in this case-month (NULL where unused). */
    const char *rate_ref[RFY_RATE_KEY_COUNT];
};

void rfy_explanation_init(rfy_explanation *e);
void rfy_explanation_clear(rfy_explanation *e);

#endif
