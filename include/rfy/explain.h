/*
 * The explanation trace of one computed case-month.
 *
 * rfy_compute() fills an rfy_result with the breakdown (the segments, the
 * exact deductions, the rounded columns, the rate values used, each line's
 * legal reference).  rfy_explain() adds every further value a front end
 * shows when it explains the computation: the parts of the wage rule, the
 * holiday cap in calendar days, the hours counted, the nr. 4 tillæg before
 * the cap, which provision each rate serves in this case, and the constants
 * of the law that were applied (30 %, 55 %, 7/5, 52/12, 160 hours).  A front
 * end formats the result and the trace; it never does rule arithmetic or
 * chooses a legal reference itself, so an explanation cannot disagree with
 * the payment.
 *
 * Legal references are written as the engine writes them ("§ 68 stk. 2
 * nr. 1"); amounts are øre, counts (hours, feriedage, calendar days) are
 * hundredths, exact values are mpq_t.
 *
 * Thread safety: rfy_explain() only reads its inputs; each thread uses its
 * own rfy_explanation.
 */
#ifndef RFY_EXPLAIN_H
#define RFY_EXPLAIN_H

#include <gmp.h>

#include <rfy/calc.h>
#include <rfy/rates.h>
#include <rfy/export.h>
#include <rfy/hint.h>

RFY_BEGIN_DECLS

/*
 * The trace: an opaque handle.  Make one with rfy_explanation_new(), fill it
 * with rfy_explain(), read it with the accessors below, release it with
 * rfy_explanation_free().  It may be filled again and again.
 */
typedef struct rfy_explanation rfy_explanation;

/* The legal references of a trace, for rfy_explanation_ref(); NULL where
 * the case has none. */
typedef enum rfy_explanation_ref_id {
    RFY_EXPLAIN_FORLOEB_REF = 0,    /* the forløb's place in the law: "kapitel 6 a" or "§ 69 j" */
    RFY_EXPLAIN_NO_NEW_FORLOEB_REF, /* "lov nr. 1750 af 29.12.2025" for a month after new
                                     * ressourceforløb were closed (nothing changes in the amount) */
    RFY_EXPLAIN_STK2_REF,           /* the category's level, "§ 68 stk. 2 nr. 1" */
    RFY_EXPLAIN_NR4_BASE_REF,       /* nr. 4: the level its tillæg is added to */
    RFY_EXPLAIN_PRIOR_REF,          /* "§ 68 stk. 4" or "§ 68 stk. 5" */
    RFY_EXPLAIN_FLOOR_REF,          /* "§ 68 stk. 4, 4. pkt." or "§ 68 stk. 5, 2. pkt." */
    RFY_EXPLAIN_WAGE_RULE           /* "30/55" or "55" */
} rfy_explanation_ref_id;

/* The exact values of a trace, øre unless said (copied by rfy_explanation_amount()). */
typedef enum rfy_explanation_amount_id {
    RFY_EXPLAIN_TILLAEG_ALL = 0,       /* nr. 4: children × normalbidrag */
    RFY_EXPLAIN_NR4_BEFORE_CAP,        /* nr. 4: base + tillæg before the cap */
    RFY_EXPLAIN_WAGE_PART_LOW,         /* W(wage): low_pct % of min(wage, T) */
    RFY_EXPLAIN_WAGE_PART_HIGH,        /* W(wage): high_pct % of max(0, wage − T) */
    RFY_EXPLAIN_WAGE_TOTAL,            /* W(wage) */
    RFY_EXPLAIN_WAGE_HOLIDAY_PART_LOW, /* the same for W(wage + holiday_pay) */
    RFY_EXPLAIN_WAGE_HOLIDAY_PART_HIGH,
    RFY_EXPLAIN_WAGE_HOLIDAY_TOTAL,
    RFY_EXPLAIN_HOLIDAY_CALENDAR_DAYS, /* holiday_days × 7/5, hundredths of a day */
    RFY_EXPLAIN_HOURS_COUNTED,         /* min(activation_hours, 160 h), hundredths of an hour */
    RFY_EXPLAIN_SANCTION_DAY_LEVEL,    /* the level the amount a day is taken from */
    RFY_EXPLAIN_SANCTION_DAY_EXACT,    /* that level × 12 / 260 before rounding */
    RFY_EXPLAIN_GROSS_EXACT            /* Σ segment amounts, before the one rounding */
} rfy_explanation_amount_id;

/* The plain values of a trace, for rfy_explanation_value(). */
typedef enum rfy_explanation_value_id {
    RFY_EXPLAIN_NO_NEW_FORLOEB_FROM = 0, /* the first month without new ressourceforløb, or 0 */
    RFY_EXPLAIN_HAS_TILLAEG_ALL,         /* nr. 4 with child_support and a known normalbidrag */
    RFY_EXPLAIN_PRIOR_ABOVE_FLOOR,       /* the prior's monthly amount is above the stk. 2 level */
    RFY_EXPLAIN_WEEK_TO_MONTH_NUM,       /* a weekly amount × num/den a month: 52 ... */
    RFY_EXPLAIN_WEEK_TO_MONTH_DEN,       /* ... / 12 */
    RFY_EXPLAIN_WAGE_LOW_PCT,            /* 30 */
    RFY_EXPLAIN_WAGE_HIGH_PCT,           /* 55 */
    RFY_EXPLAIN_WAGE_RULE_LAST_MONTH,    /* ressourceforløb under 30/55: its last month, else 0 */
    RFY_EXPLAIN_WAGE_ABOVE_THRESHOLD,    /* the wage is above T */
    RFY_EXPLAIN_HOLIDAY_DAYS_NUM,        /* feriedage × num/den = calendar days: 7 ... */
    RFY_EXPLAIN_HOLIDAY_DAYS_DEN,        /* ... / 5 */
    RFY_EXPLAIN_HOURS_CAP,               /* most hours counted a month, hundredths (16000) */
    RFY_EXPLAIN_HAS_SANCTION,            /* sanction_days or sanction_amount given */
    RFY_EXPLAIN_SANCTION_DAY_NUM,        /* the amount a day = level × 12 ... */
    RFY_EXPLAIN_SANCTION_DAY_DEN,        /* ... / 260 */
    RFY_EXPLAIN_SANCTION_DAY_OWN_NR4,    /* nr. 4: from the person's own level */
    RFY_EXPLAIN_SANCTION_DAY_NOT_PRIOR,  /* paid at stk. 4/5, sanctioned on the stk. 2 level */
    RFY_EXPLAIN_SANCTION_DAY_PER_ROW,    /* several rows priced at different amounts a day */
    RFY_EXPLAIN_PAYMENT_FLOORED          /* deductions exceed the gross: payment 0 */
} rfy_explanation_value_id;

/*
 * A new, empty trace; NULL when memory runs out.  The caller owns it:
 * rfy_explanation_free() (NULL is allowed).
 */
RFY_API rfy_explanation *rfy_explanation_new(void);
RFY_API void rfy_explanation_free(rfy_explanation *e);

/* A legal reference of the trace (static), or NULL where the case has none. */
RFY_API const char *rfy_explanation_ref(const rfy_explanation *e, rfy_explanation_ref_id which);
/* An exact value, copied into the caller's initialised `out` (0 for an unknown id). */
RFY_API void rfy_explanation_amount(mpq_t out, const rfy_explanation *e,
                                    rfy_explanation_amount_id which);
/* A plain value (a flag 0/1, a constant of the law, a month); 0 for an unknown id. */
RFY_API long rfy_explanation_value(const rfy_explanation *e, rfy_explanation_value_id which);
/* The provision the rate `key` serves in this case-month (static), or NULL where unused. */
RFY_API const char *rfy_explanation_rate_ref(const rfy_explanation *e, rfy_rate_key key);

/*
 * Fill `out` with the trace of the case-month `in` that rfy_compute()
 * computed into `res`.
 * Returns RFY_OK.  Preconditions: rfy_compute(res, rates, in, ...) returned
 * RFY_OK for this very `in`, and neither changed since; out from
 * rfy_explanation_new() (it may be reused).
 */
RFY_API int rfy_explain(rfy_explanation *out, const rfy_case *in, const rfy_result *res);

/* How rfy_explain_text() and rfy_explain_json() explain a case-month. */
typedef struct rfy_explain_options {
    const char *case_id;        /* shown in the heading ("Sag: ..."), echoed in the JSON; NULL: none */
    const unsigned long *lines; /* the input line of each row ("linje 10, dag 1–11: ..."); NULL: none */
    rfy_lang lang;              /* RFY_LANG_DA (0, the default) or RFY_LANG_EN, for the text */
    int recomputation;          /* the text of `rfy audit --explain`: a paid month recomputed */
    const rfy_hints *hints;     /* the program's ways out in messages (rfy/hint.h); NULL: the library's */
} rfy_explain_options;

/*
 * The explanation `rfy preview` prints, as text: the level and why, the rate
 * values with their provenance, the segments, every deduction with its
 * arithmetic, the totals, the warnings and the holiday ledger, in Danish
 * (or English with opts->lang RFY_LANG_EN), ending with the line "Dette er
 * en forhåndsberegning, ikke en afgørelse." (the audit's closing with
 * opts->recomputation).  Amounts are Danish ("16.382,00").
 *
 * rows[0..n) are the case-month's period rows and res the result
 * rfy_compute_rows() (or, for n == 1, rfy_compute(); or the runner) computed
 * from them; with several rows the text lists them and explains the month's
 * summed incomes (rules.md §7).  opts may be NULL (Danish, no case_id, no
 * lines).  Returns a malloc'ed, NUL-terminated string the caller free()s,
 * or NULL when memory runs out.  Only reads its arguments; thread-safe.
 */
RFY_API char *rfy_explain_text(const rfy_result *res, const rfy_case *const *rows, size_t n,
                               const rfy_rates *rates, const rfy_explain_options *opts);

/*
 * The same explanation as JSON text, as `rfy preview --json` prints it
 * (indented by two spaces, no final newline; schema in docs/preview.md):
 * schema_version, engine, input, month, category, forloeb, level, segments,
 * rates, deductions, gross, total_deduction, payment, provenance, rates_id,
 * holiday; with several rows also "periods".  Money is a string with two
 * decimals and '.' ("2022.35").  Its texts are Danish (opts->lang and
 * opts->recomputation are not read).  Arguments, return value and
 * ownership as rfy_explain_text().
 */
RFY_API char *rfy_explain_json(const rfy_result *res, const rfy_case *const *rows, size_t n,
                               const rfy_rates *rates, const rfy_explain_options *opts);

RFY_END_DECLS

#endif
