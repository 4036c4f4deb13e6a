/*
 * A rate value's source for a person to read (rfy_rate_source_text,
 * rfy/names.h).  The rate tables keep their source and derivation as data
 * (the rates directory, English notes for maintainers); the preview and the page show
 * this text instead, so a Danish page carries no English note:
 *   derived:   "afledt: 17.736 × (1 + (2,9 − 0,45)/100) = 18.170,53 → 18.171"
 *   secondary: "Syddjurs Kommune, side om ressourceforløbsydelse (sekundær kilde)"
 *   published: "kilde: https://bm.dk/..."
 * The derived line is recomputed exactly here (GMP), from the numbers of the
 * chain the table names (rules.md §2), and ends in the table's amount.
 */
#include <stdio.h>
#include <string.h>

#include <rfy/money.h>
#include <rfy/names.h>
#include "rates_internal.h"
#include "text_utf8.h"

/* A plain decimal ("3.6", "16382") into q; returns the bytes read, 0 if none. */
static size_t decimal_q(mpq_t q, const char *s)
{
    char digits[32];
    size_t i = 0, n = 0, frac = 0;
    int point = 0;
    for (; (s[i] >= '0' && s[i] <= '9') || (s[i] == '.' && !point); i++) {
        if (s[i] == '.') {
            point = 1;
            continue;
        }
        if (n + 1 >= sizeof digits)
            return 0;
        digits[n++] = s[i];
        frac += point;
    }
    if (n == 0 || s[i - 1] == '.')
        return 0;
    digits[n] = '\0';
    mpz_set_str(mpq_numref(q), digits, 10);
    mpz_ui_pow_ui(mpq_denref(q), 10, frac);
    mpq_canonicalize(q);
    return i;
}

/* The number as written in s, the Danish way: "16.382", "3,6", "0,45". */
static void danish_number(char *buf, size_t size, const char *s, size_t len)
{
    size_t int_len = 0, o = 0, i;
    while (int_len < len && s[int_len] != '.')
        int_len++;
    for (i = 0; i < int_len && o + 2 < size; i++) {
        if (i > 0 && (int_len - i) % 3 == 0)
            buf[o++] = '.';
        buf[o++] = s[i];
    }
    if (int_len < len && o + 1 < size) {
        buf[o++] = ',';
        for (i = int_len + 1; i < len && o + 1 < size; i++)
            buf[o++] = s[i];
    }
    buf[o] = '\0';
}

/* Øre as whole kroner the Danish way ("18.171"), or with øre when not whole. */
static void danish_amount(char *buf, size_t size, const mpz_t ore)
{
    size_t n;
    if (rfy_money_format_da(buf, size, ore) < 0) {
        snprintf(buf, size, "?");
        return;
    }
    n = strlen(buf);
    if (n > 3 && strcmp(buf + n - 3, ",00") == 0)
        buf[n - 3] = '\0';
}

/*
 * "A × (1 + R/100)" or "A × (1 + (R − D)/100)" or "A × M / N" after
 * "round(" in a derived source: the Danish line, or 0 when the source has
 * another form.
 */
static int derived_line(char *buf, size_t size, const char *src, const mpz_t amount,
                        const rfy_rates *rates, rfy_month month)
{
    const char *p = strstr(src, "round(");
    mpq_t a, r, d, x;
    mpz_t ore;
    char na[32], nr[32], nd[32], exact[48], result[48];
    size_t k;
    const char *sa, *sr, *sd = NULL;
    size_t la, lr, ld = 0;
    int ok = 0, kind = 0;

    if (!p)
        return 0;
    p += 6;
    while (*p && (*p < '0' || *p > '9')) { /* "round(rfy_forsorger 16382 × 12 / 260)" */
        if (*p == ' ' || *p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
            p++;
        else
            return 0;
    }
    mpq_inits(a, r, d, x, NULL);
    mpz_init(ore);
    sa = p;
    if ((la = decimal_q(a, p)) == 0)
        goto out;
    p += la;
    if (strncmp(p, " × (1 + ", strlen(" × (1 + ")) == 0) {
        p += strlen(" × (1 + ");
        if (strncmp(p, "(r ", 3) == 0) { /* (r R − afdæmpning D − reduction)/100: the chain of a year */
            const rfy_rate_value *red = rates ? rfy_rates_get(rates, RFY_RATE_REG_REDUCTION, month) : NULL;
            mpq_t e;
            char ne[32], amount_e[40];
            p += 3;
            sr = p;
            if ((lr = decimal_q(r, p)) == 0)
                goto out;
            p += lr;
            if (strncmp(p, " − afdæmpning ", strlen(" − afdæmpning ")) != 0)
                goto out;
            p += strlen(" − afdæmpning ");
            sd = p;
            if ((ld = decimal_q(d, p)) == 0 || strncmp(p + ld, " − reduction)/100)", 18) != 0)
                goto out;
            mpq_sub(r, r, d);
            mpq_init(e);
            if (red) { /* the reduction in per cent × 100 */
                mpq_set_z(e, red->amount);
                mpz_mul_ui(mpq_denref(e), mpq_denref(e), 100);
                mpq_canonicalize(e);
                mpq_sub(r, r, e);
                rfy_money_format(amount_e, sizeof amount_e, red->amount, '.');
            } else {
                snprintf(amount_e, sizeof amount_e, "0");
            }
            mpq_clear(e);
            /* "2.90" → "2,9" (no trailing zeros) */
            {
                size_t n = strlen(amount_e);
                while (n > 1 && strchr(amount_e, '.') && (amount_e[n - 1] == '0' || amount_e[n - 1] == '.'))
                    amount_e[--n] = '\0';
            }
            danish_number(ne, sizeof ne, amount_e, strlen(amount_e));
            mpq_set_ui(x, 100, 1);
            mpq_add(x, x, r);
            mpq_mul(x, x, a);
            mpq_set_ui(d, 1, 100);
            mpq_mul(x, x, d);
            mpq_set_ui(d, 100, 1);
            mpq_mul(x, x, d);
            rfy_round_half_away(ore, x, 1);
            if (rfy_money_format_da(exact, sizeof exact, ore) < 0)
                goto out;
            danish_amount(result, sizeof result, amount);
            danish_number(na, sizeof na, sa, la);
            danish_number(nr, sizeof nr, sr, lr);
            danish_number(nd, sizeof nd, sd, ld);
            k = (size_t)snprintf(buf, size, "afledt: %s × (1 + (%s − %s − %s)/100) = %s → %s", na, nr, nd, ne,
                                 exact, result);
            ok = k < size;
            goto out;
        } else if (*p == '(') { /* (R − D)/100 */
            p++;
            sr = p;
            if ((lr = decimal_q(r, p)) == 0)
                goto out;
            p += lr;
            if (strncmp(p, " − ", strlen(" − ")) != 0)
                goto out;
            p += strlen(" − ");
            sd = p;
            if ((ld = decimal_q(d, p)) == 0 || strncmp(p + ld, ")/100)", 6) != 0)
                goto out;
            mpq_sub(r, r, d);
            kind = 2;
        } else {
            sr = p;
            if ((lr = decimal_q(r, p)) == 0 || strncmp(p + lr, "/100)", 5) != 0)
                goto out;
            kind = 1;
        }
        /* x = A × (1 + R/100) = A × (100 + R) / 100 */
        mpq_set_ui(x, 100, 1);
        mpq_add(x, x, r);
        mpq_mul(x, x, a);
        mpq_set_ui(d, 1, 100);
        mpq_mul(x, x, d);
    } else if (strncmp(p, " × ", strlen(" × ")) == 0) { /* A × M / N */
        mpq_t n;
        size_t lm, ln;
        p += strlen(" × ");
        sr = p;
        if ((lm = decimal_q(r, p)) == 0 || strncmp(p + lm, " / ", 3) != 0)
            goto out;
        lr = lm;
        sd = p + lm + 3;
        mpq_init(n);
        ln = decimal_q(n, sd);
        ld = ln;
        if (ln == 0 || mpq_sgn(n) == 0) {
            mpq_clear(n);
            goto out;
        }
        mpq_mul(x, a, r);
        mpq_div(x, x, n);
        mpq_clear(n);
        kind = 3;
    } else {
        goto out;
    }
    /* the exact value shown to the øre (half away from zero), then the table's amount */
    mpq_set_ui(d, 100, 1);
    mpq_mul(x, x, d);
    rfy_round_half_away(ore, x, 1);
    if (rfy_money_format_da(exact, sizeof exact, ore) < 0)
        goto out;
    danish_amount(result, sizeof result, amount);
    danish_number(na, sizeof na, sa, la);
    danish_number(nr, sizeof nr, sr, lr);
    if (sd)
        danish_number(nd, sizeof nd, sd, ld);
    k = kind == 1   ? (size_t)snprintf(buf, size, "afledt: %s × (1 + %s/100) = %s → %s", na, nr, exact, result)
        : kind == 2 ? (size_t)snprintf(buf, size, "afledt: %s × (1 + (%s − %s)/100) = %s → %s", na, nr, nd,
                                       exact, result)
                    : (size_t)snprintf(buf, size, "afledt: %s × %s / %s = %s → %s", na, nr, nd, exact, result);
    ok = k < size;
out:
    mpq_clears(a, r, d, x, NULL);
    mpz_clear(ore);
    return ok;
}

size_t rfy_rate_source_text(char *buf, size_t size, const rfy_rate_value *v, const rfy_rates *rates,
                            rfy_lang lang)
{
    const char *src = v->source ? v->source : "";
    const char *page;
    if (size == 0)
        return 0;
    buf[0] = '\0';
    if (lang == RFY_LANG_EN)
        return rfy__text_append(buf, size, 0, src);
    if (strncmp(src, "derived: ", 9) == 0 || v->provenance == RFY_PROV_DERIVED) {
        if (derived_line(buf, size, src, v->amount, rates, RFY_MONTH(v->from.year, v->from.month)))
            return strlen(buf);
        return rfy__text_append(buf, size, 0, "afledt af reguleringskæden (rfy rates show viser beregningen)");
    }
    if (strncmp(src, "http", 4) == 0) {
        size_t n = rfy__text_append(buf, size, 0, "kilde: ");
        n = rfy__text_append(buf, size, n, src);
        if (v->provenance == RFY_PROV_SECONDARY)
            n = rfy__text_append(buf, size, n, " (sekundær kilde)");
        return n;
    }
    /* "Syddjurs Kommune, its page on ressourceforløbsydelse: '...'" */
    if ((page = strstr(src, ", its page on ")) != NULL) {
        const char *about = page + strlen(", its page on ");
        size_t about_len = strcspn(about, ":(");
        char who[128], what[128];
        snprintf(who, sizeof who, "%.*s", (int)(page - src < 120 ? page - src : 120), src);
        snprintf(what, sizeof what, "%.*s", (int)(about_len < 120 ? about_len : 120), about);
        while (strlen(what) > 0 && what[strlen(what) - 1] == ' ')
            what[strlen(what) - 1] = '\0';
        snprintf(buf, size, "%s, side om %s (%s)", who, what,
                 rfy_provenance_text(v->provenance, RFY_LANG_DA));
        rfy__utf8_trim_tail(buf);
        return strlen(buf);
    }
    {
        size_t n = rfy__text_append(buf, size, 0, "kilde: ");
        return rfy__text_append(buf, size, n, src);
    }
}
