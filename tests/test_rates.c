/*
 * Rate tables (include/rfy/rates.h; calc/law/rates_table.c, calc/run/rates_load.c, calc/law/rates_chain.c, calc/run/rates_check_chain.c):
 * the built-in tables, month selection, the loader's refusals with their
 * "FILE:LINE: reason" messages, rates_id, the indexation chain, and the
 * evidence test that the chain reproduces every chain-relevant value in
 * fixtures/rates-sources.csv.
 */
#include <check.h>
#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rates_internal.h"
#include <rfy/calc.h>
#include <rfy/csv.h>
#include <rfy/money.h>
#include <rfy/rates.h>
#include <rfy/status.h>
#include "check_run.h"

#define HDR_FIELDS "key,effective_from,effective_to,amount,unit,provenance,legal_ref,source"
#define HDR HDR_FIELDS "\n"
#define HEADER_MSG "header must be: " HDR_FIELDS

/* ---- helpers ---------------------------------------------------------------- */

static int load_texts(rfy_rates **out, char **err, size_t n, const char *const *names,
                      const char *const *texts)
{
    size_t lens[16];
    ck_assert_uint_le(n, 16);
    for (size_t i = 0; i < n; i++)
        lens[i] = strlen(texts[i]);
    /* the reasons below are the English ones; load_errors_in_danish checks the default */
    return rfy_rates_load_files_lang(out, n, names, texts, lens, RFY_LANG_EN, err);
}

/* Loading the files must fail with RFY_ERATES and exactly `want`. */
static void refused_n(size_t n, const char *const *names, const char *const *texts,
                      const char *want)
{
    static max_align_t sentinel;
    rfy_rates *r = (rfy_rates *)(void *)&sentinel; /* must be reset to NULL */
    char *err = NULL;
    ck_assert_int_eq(load_texts(&r, &err, n, names, texts), RFY_ERATES);
    ck_assert_ptr_null(r);
    ck_assert_ptr_nonnull(err);
    ck_assert_str_eq(err, want);
    free(err);
    /* the same failure without an error message must not leak or crash */
    ck_assert_int_eq(load_texts(&r, NULL, n, names, texts), RFY_ERATES);
    ck_assert_ptr_null(r);
}

static void refused(const char *text, const char *want)
{
    const char *names[] = {"t.csv"};
    const char *texts[] = {text};
    refused_n(1, names, texts, want);
}

static rfy_rates *builtin(void)
{
    rfy_rates *r = NULL;
    char *err = NULL;
    int rc = rfy_rates_load_builtin(&r, &err);
    ck_assert_msg(rc == RFY_OK, "built-in tables: %s", err ? err : "?");
    ck_assert_ptr_nonnull(r);
    return r;
}

/* Copies of the built-in files, with an optional single textual edit in one
 * of them and an optional file left out (the chain's negative tests). */
typedef struct edited {
    size_t n;
    const char *names[32];
    const char *texts[32];
    size_t lens[32];
    char *owned;
} edited;

static void edited_init(edited *e, const char *file, const char *from, const char *to,
                        const char *drop)
{
    int replaced = 0;
    memset(e, 0, sizeof *e);
    ck_assert_uint_le(rfy_builtin_rate_file_count, 32);
    for (size_t i = 0; i < rfy_builtin_rate_file_count; i++) {
        const rfy_builtin_file *f = &rfy_builtin_rate_files[i];
        if (drop && strcmp(f->name, drop) == 0)
            continue;
        e->names[e->n] = f->name;
        e->texts[e->n] = f->text;
        e->lens[e->n] = f->len;
        if (file && strcmp(f->name, file) == 0) {
            const char *at = strstr(f->text, from);
            size_t pre, fl = strlen(from), tl = strlen(to);
            ck_assert_msg(at != NULL, "'%s' not found in %s", from, file);
            pre = (size_t)(at - f->text);
            e->owned = malloc(f->len - fl + tl + 1);
            memcpy(e->owned, f->text, pre);
            memcpy(e->owned + pre, to, tl);
            memcpy(e->owned + pre + tl, at + fl, f->len - pre - fl);
            e->lens[e->n] = f->len - fl + tl;
            e->owned[e->lens[e->n]] = '\0';
            e->texts[e->n] = e->owned;
            replaced = 1;
        }
        e->n++;
    }
    ck_assert(!file || replaced);
}

/* ---- the built-in tables ------------------------------------------------------ */

START_TEST(builtin_loads)
{
    rfy_rates *r = builtin();
    char years[64];
    /* 2012.csv .. 2026.csv, and 2027.csv with only the one-off reduction row */
    ck_assert_uint_eq(rfy_builtin_rate_file_count, 16);
    ck_assert_uint_eq(rfy_rates_builtin_count(), 16);
    ck_assert_uint_ge(rfy_rates_count(r), 100);
    ck_assert_int_eq(rfy_rates_first_month(r), RFY_MONTH(2012, 1));
    ck_assert_int_eq(rfy_rates_last_month(r), RFY_MONTH(2027, 12));
    /* a regulation parameter does not make a month covered: 2027 is not */
    ck_assert_int_ne(rfy_rates_covers(r, RFY_MONTH(2026, 12)), 0);
    ck_assert_int_eq(rfy_rates_covers(r, RFY_MONTH(2027, 1)), 0);
    ck_assert_int_eq(rfy_rates_covers(r, RFY_MONTH(2011, 12)), 0);
    rfy_rates_covered_years(years, sizeof years, r);
    ck_assert_str_eq(years, "2012-2026");
    /* rows come in file and line order, each knowing where it was written */
    ck_assert_str_eq(rfy_rates_at(r, 0)->file, "2012.csv");
    ck_assert_str_eq(rfy_rates_at(r, rfy_rates_count(r) - 1)->file, "2027.csv");
    ck_assert_ptr_null(rfy_rates_at(r, rfy_rates_count(r)));
    for (size_t i = 1; i < rfy_rates_count(r); i++) {
        const rfy_rate_value *a = rfy_rates_at(r, i - 1), *b = rfy_rates_at(r, i);
        int c = strcmp(a->file, b->file);
        ck_assert(c < 0 || (c == 0 && a->line < b->line));
    }
    rfy_rates_free(r);
}
END_TEST

START_TEST(builtin_equals_rates_dir)
{
    /* rates/ loaded from the source tree is the same set, with the same id */
    rfy_rates *a = builtin(), *b = NULL;
    char *err = NULL;
    ck_assert_int_eq(rfy_rates_load_dir(&b, RFY_SOURCE_DIR "/rates", &err), RFY_OK);
    ck_assert_str_eq(rfy_rates_id(a), rfy_rates_id(b));
    ck_assert_uint_eq(rfy_rates_count(a), rfy_rates_count(b));
    rfy_rates_free(b);
    rfy_rates_free(a);
    /* a directory that does not exist */
    ck_assert_int_eq(rfy_rates_load_dir_lang(&b, RFY_SOURCE_DIR "/no-such-dir", RFY_LANG_EN, &err),
                     RFY_EIO);
    ck_assert_ptr_null(b);
    ck_assert_ptr_nonnull(strstr(err, "no-such-dir: cannot open rate table directory: No such"));
    free(err);
    /* the same in Danish, the default */
    ck_assert_int_eq(rfy_rates_load_dir(&b, RFY_SOURCE_DIR "/no-such-dir", &err), RFY_EIO);
    ck_assert_ptr_null(b);
    ck_assert_ptr_nonnull(
        strstr(err, "no-such-dir: kan ikke åbne satstabelmappen: filen eller mappen findes ikke"));
    free(err);
    /* a directory without *.csv files */
    ck_assert_int_eq(rfy_rates_load_dir_lang(&b, RFY_SOURCE_DIR "/include", RFY_LANG_EN, &err),
                     RFY_ERATES);
    ck_assert_ptr_nonnull(strstr(err, "include: no *.csv rate tables in this directory"));
    free(err);
    ck_assert_int_eq(rfy_rates_load_dir(&b, RFY_SOURCE_DIR "/include", &err), RFY_ERATES);
    ck_assert_ptr_nonnull(strstr(err, "include: ingen *.csv-satstabeller i denne mappe"));
    free(err);
}
END_TEST

static void amount_is(const rfy_rate_value *v, long ore)
{
    ck_assert_ptr_nonnull(v);
    ck_assert_msg(mpz_cmp_si(v->amount, ore) == 0, "%s %s:%lu: amount is not %ld øre",
                  rfy_rate_key_name(v->key), v->file, v->line, ore);
}

START_TEST(month_selection)
{
    rfy_rates *r = builtin();
    const rfy_rate_value *v;

    /* rules.md §2 Decision: the 2015 row "gældende fra 5. januar" governs all of
     * January 2015: 14416 kr. = 1441600 øre. */
    v = rfy_rates_get(r, RFY_RATE_FORSORGER, RFY_MONTH(2015, 1));
    amount_is(v, 1441600);
    ck_assert_int_eq(v->from.year, 2015);
    ck_assert_int_eq(v->from.month, 1);
    ck_assert_int_eq(v->from.day, 5);
    ck_assert_str_eq(v->file, "2015.csv");
    ck_assert_int_eq(v->provenance, RFY_PROV_PUBLISHED);
    /* December 2014 is the 2014 row: 14203 kr. */
    amount_is(rfy_rates_get(r, RFY_RATE_FORSORGER, RFY_MONTH(2014, 12)), 1420300);
    /* the first ressourceforløb year 2013: 13952 kr.; 2024: 16382 kr. */
    amount_is(rfy_rates_get(r, RFY_RATE_FORSORGER, RFY_MONTH(2013, 1)), 1395200);
    amount_is(rfy_rates_get(r, RFY_RATE_FORSORGER, RFY_MONTH(2024, 7)), 1638200);
    amount_is(rfy_rates_get(r, RFY_RATE_IKKE_FORSORGER, RFY_MONTH(2024, 1)), 1232600);
    amount_is(rfy_rates_get(r, RFY_RATE_HOUR_DISREGARD, RFY_MONTH(2024, 12)), 1786);
    /* 2012 holds only the 2012-niveau bases: no forsørger level ... */
    ck_assert_ptr_null(rfy_rates_get(r, RFY_RATE_FORSORGER, RFY_MONTH(2012, 12)));
    /* ... but the wage threshold base, 13000 kr. */
    amount_is(rfy_rates_get(r, RFY_RATE_WAGE_THRESHOLD, RFY_MONTH(2012, 12)), 1300000);
    /* Decision A1: the 2025 amounts govern 2025-07..2025-12 too */
    amount_is(rfy_rates_get(r, RFY_RATE_FORSORGER, RFY_MONTH(2025, 6)), 1697200);
    amount_is(rfy_rates_get(r, RFY_RATE_FORSORGER, RFY_MONTH(2025, 7)), 1697200);
    amount_is(rfy_rates_get(r, RFY_RATE_WAGE_THRESHOLD, RFY_MONTH(2025, 12)), 1691100);
    /* 2026: 16.972 × 1,045 = 17.735,74 -> 17.736 (written "chain", computed at load);
     * the threshold 17.672 is the secondary value */
    v = rfy_rates_get(r, RFY_RATE_FORSORGER, RFY_MONTH(2026, 1));
    amount_is(v, 1773600);
    ck_assert_int_ne(v->chained, 0);
    ck_assert_int_eq(v->provenance, RFY_PROV_DERIVED);
    v = rfy_rates_get(r, RFY_RATE_WAGE_THRESHOLD, RFY_MONTH(2026, 12));
    amount_is(v, 1767200);
    ck_assert_int_eq(v->chained, 0);
    ck_assert_int_eq(v->provenance, RFY_PROV_SECONDARY);
    /* 2027 holds only the reduction: no level */
    ck_assert_ptr_null(rfy_rates_get(r, RFY_RATE_FORSORGER, RFY_MONTH(2027, 1)));
    amount_is(rfy_rates_get(r, RFY_RATE_REG_REDUCTION, RFY_MONTH(2027, 1)), 45);
    /* outside every table, and an out-of-range key */
    ck_assert_ptr_null(rfy_rates_get(r, RFY_RATE_FORSORGER, RFY_MONTH(2011, 12)));
    ck_assert_ptr_null(rfy_rates_get(r, RFY_RATE_FORSORGER, RFY_MONTH(2030, 1)));
    ck_assert_ptr_null(rfy_rates_get(r, RFY_RATE_KEY_COUNT, RFY_MONTH(2024, 1)));
    rfy_rates_free(r);
}
END_TEST

START_TEST(keys)
{
    rfy_rate_key k;
    ck_assert_str_eq(rfy_rate_key_name(RFY_RATE_FORSORGER), "rfy_forsorger");
    ck_assert_str_eq(rfy_rate_key_unit(RFY_RATE_SDP_MAX_WEEK), "kr/week");
    ck_assert_str_eq(rfy_rate_key_unit(RFY_RATE_HOUR_DISREGARD), "kr/hour");
    ck_assert_ptr_null(rfy_rate_key_name(RFY_RATE_KEY_COUNT));
    ck_assert_int_eq(rfy_rate_key_from_name(&k, "wage_threshold_month", 20), 0);
    ck_assert_int_eq(k, RFY_RATE_WAGE_THRESHOLD);
    ck_assert_int_eq(rfy_rate_key_from_name(&k, "wage_threshold_mont", 19), -1);
    ck_assert_int_eq(rfy_rate_key_from_name(&k, "wage_threshold_monthX", 21), -1);
    /* every key's name maps back to it */
    for (int i = 0; i < RFY_RATE_KEY_COUNT; i++) {
        const char *name = rfy_rate_key_name((rfy_rate_key)i);
        ck_assert_int_eq(rfy_rate_key_from_name(&k, name, strlen(name)), 0);
        ck_assert_int_eq(k, i);
    }
    ck_assert_str_eq(rfy_provenance_name(RFY_PROV_DERIVED), "derived");
}
END_TEST

/* ---- the loader on in-memory texts ----------------------------------------------- */

#define ROW_2024 "rfy_forsorger,2024-01-01,2024-12-31,16382,kr/month,published,\"§ 68\",https://bm.dk\n"

START_TEST(load_good_with_comments)
{
    /* comments (records whose first field starts with '#') are skipped
     * anywhere, even quoted ones holding commas; line numbers still count them */
    const char *text = "# a comment\n"
                       "\"# a quoted comment, with a comma\"\n" HDR "# between rows\n" ROW_2024
                       "\n"
                       "wage_threshold_month,2024-01-01,2024-12-31,16323.00,kr/month,derived,x,y\n";
    const char *names[] = {"t.csv"};
    const char *texts[] = {text};
    rfy_rates *r = NULL;
    char *err = NULL;
    const rfy_rate_value *v;
    ck_assert_int_eq(load_texts(&r, &err, 1, names, texts), RFY_OK);
    ck_assert_ptr_null(err);
    ck_assert_uint_eq(rfy_rates_count(r), 2);
    v = rfy_rates_at(r, 0);
    ck_assert_int_eq(v->key, RFY_RATE_FORSORGER);
    ck_assert_uint_eq(v->line, 5);
    ck_assert_str_eq(v->legal_ref, "§ 68");
    ck_assert_str_eq(v->source, "https://bm.dk");
    amount_is(v, 1638200);
    v = rfy_rates_at(r, 1);
    ck_assert_uint_eq(v->line, 7);
    ck_assert_int_eq(v->provenance, RFY_PROV_DERIVED);
    amount_is(v, 1632300);
    ck_assert_ptr_eq(rfy_rates_get(r, RFY_RATE_WAGE_THRESHOLD, RFY_MONTH(2024, 3)), v);
    rfy_rates_free(r);
}
END_TEST

/* Loading must fail with RFY_ERATES and exactly `want`, in Danish (the default). */
static void refused_da(const char *text, const char *want)
{
    const char *names[] = {"t.csv"};
    const char *texts[] = {text};
    size_t lens[] = {strlen(text)};
    rfy_rates *r = NULL;
    char *err = NULL;
    ck_assert_int_eq(rfy_rates_load_files(&r, 1, names, texts, lens, &err), RFY_ERATES);
    ck_assert_ptr_null(r);
    ck_assert_ptr_nonnull(err);
    ck_assert_str_eq(err, want);
    free(err);
}

START_TEST(load_errors_in_danish)
{
    /* the functions without _lang speak Danish; file names, keys, columns stay */
    refused_da("# c\n" HDR "rfy_forsoerger,2024-01-01,2024-12-31,16382,kr/month,published,x,y\n",
               "t.csv:3: ukendt nøgle 'rfy_forsoerger'");
    refused_da(HDR "rfy_forsorger,2024-01-01,2024-12-31,16382,kr/week,published,x,y\n",
               "t.csv:2: unit for rfy_forsorger skal være 'kr/month'");
    refused_da(HDR "rfy_forsorger,2024-02-30,2024-12-31,16382,kr/month,published,x,y\n",
               "t.csv:2: effective_from: den dato findes ikke i kalenderen");
    refused_da(HDR "rfy_forsorger,2024-01-01,2024-12,16382,kr/month,published,x,y\n",
               "t.csv:2: effective_to: forventede en dato som ÅÅÅÅ-MM-DD");
    refused_da(HDR "rfy_forsorger,2024-01-01,2024-12-31,-5,kr/month,published,x,y\n",
               "t.csv:2: amount: fortegn er ikke tilladt (beløb er aldrig negative)");
    refused_da(HDR "rfy_forsorger,2024-01-01,2024-12-31,16382,kr/month,published,,y\n",
               "t.csv:2: legal_ref er tom");
    refused_da("key,from\n", "t.csv:1: overskriften skal være: " HDR_FIELDS);
    refused_da("", "t.csv:1: overskriftslinjen mangler");
    refused_da(HDR, "ingen satsrækker i tabellerne");
    /* the CSV reader's reason, in the loader's language */
    refused_da(HDR "rfy_forsorger,2024-01-01,2024-12-31,16382,kr/month,published,\"x,y\n",
               "t.csv:2: et felt i anførselstegn i kolonne 7 slutter aldrig (et '\"' lukkes "
               "aldrig)");
    refused_da(HDR "rfy_forsorger,2024-01-01,2024-06-30,16382,kr/month,published,x,y\n"
                   "rfy_forsorger,2024-06-01,2024-12-31,16382,kr/month,published,x,y\n",
               "t.csv:3: overlap: rfy_forsorger er også angivet i t.csv:2; begge ville gælde for "
               "2024-06");
}
END_TEST

START_TEST(load_errors)
{
    /* unknown key (line 3: a comment, the header, then the row) */
    refused("# c\n" HDR "rfy_forsoerger,2024-01-01,2024-12-31,16382,kr/month,published,x,y\n",
            "t.csv:3: unknown key 'rfy_forsoerger'");
    /* wrong unit */
    refused(HDR "rfy_forsorger,2024-01-01,2024-12-31,16382,kr/week,published,x,y\n",
            "t.csv:2: unit of rfy_forsorger must be 'kr/month'");
    refused(HDR "activation_hour_disregard,2024-01-01,2024-12-31,17.86,kr/time,published,x,y\n",
            "t.csv:2: unit of activation_hour_disregard must be 'kr/hour'");
    /* bad dates */
    refused(HDR "rfy_forsorger,2024-02-30,2024-12-31,16382,kr/month,published,x,y\n",
            "t.csv:2: effective_from: no such date in the calendar");
    refused(HDR "rfy_forsorger,2024-01-01,2024-12,16382,kr/month,published,x,y\n",
            "t.csv:2: effective_to: expected a date as YYYY-MM-DD");
    refused(HDR "rfy_forsorger,01-01-2024,2024-12-31,16382,kr/month,published,x,y\n",
            "t.csv:2: effective_from: expected a date as YYYY-MM-DD");
    /* effective_to before effective_from */
    refused(HDR "rfy_forsorger,2024-12-31,2024-01-01,16382,kr/month,published,x,y\n",
            "t.csv:2: effective_to is before effective_from");
    /* a year far outside the law's (found by fuzzing: 0001..9999 made a 12 MB month index) */
    refused(HDR "rfy_forsorger,0001-01-01,9999-12-31,16382,kr/month,published,x,y\n",
            "t.csv:2: effective dates must lie in the years 2000-2199 (a typo in the year?)");
    refused(HDR "rfy_forsorger,2024-01-01,2200-01-01,16382,kr/month,published,x,y\n",
            "t.csv:2: effective dates must lie in the years 2000-2199 (a typo in the year?)");
    /* bad amounts: three decimals, a sign, a thousands separator, a space, empty */
    refused(HDR "rfy_forsorger,2024-01-01,2024-12-31,16382.001,kr/month,published,x,y\n",
            "t.csv:2: amount: more than 2 decimals (no thousands separators are allowed)");
    refused(HDR "rfy_forsorger,2024-01-01,2024-12-31,-5,kr/month,published,x,y\n",
            "t.csv:2: amount: a sign is not allowed (amounts are never negative)");
    refused(HDR "rfy_forsorger,2024-01-01,2024-12-31,+5,kr/month,published,x,y\n",
            "t.csv:2: amount: a sign is not allowed");
    refused(HDR "rfy_forsorger,2024-01-01,2024-12-31,\"16,382\",kr/month,published,x,y\n",
            /* the hint's default is Danish, as the faults it ends (fault_catalogue.c) */
            "t.csv:2: amount: unexpected ',' (no thousands separators; decimalkomma skal angives "
            "som inputtets syntaks)");
    refused(HDR "rfy_forsorger,2024-01-01,2024-12-31,16382 ,kr/month,published,x,y\n",
            "t.csv:2: amount: contains white space");
    refused(HDR "rfy_forsorger,2024-01-01,2024-12-31,,kr/month,published,x,y\n",
            "t.csv:2: amount: empty value");
    /* provenance, legal_ref and source */
    refused(HDR "rfy_forsorger,2024-01-01,2024-12-31,16382,kr/month,official,x,y\n",
            "t.csv:2: provenance must be published, secondary or derived");
    refused(HDR "rfy_forsorger,2024-01-01,2024-12-31,16382,kr/month,published,,y\n",
            "t.csv:2: legal_ref is empty");
    refused(HDR "rfy_forsorger,2024-01-01,2024-12-31,16382,kr/month,published,x,\n",
            "t.csv:2: source is empty");
}
END_TEST

START_TEST(load_structure_errors)
{
    /* a wrong header, also after comments (line 3) and with a field missing */
    refused("key,from,to,amount,unit,provenance,legal_ref,source\n" ROW_2024,
            "t.csv:1: " HEADER_MSG);
    refused("# one\n# two\nkey,effective_from,effective_to,amount,unit,provenance,legal_ref\n",
            "t.csv:3: " HEADER_MSG);
    refused("Key,effective_from,effective_to,amount,unit,provenance,legal_ref,source\n",
            "t.csv:1: " HEADER_MSG);
    /* no header at all: the first record is data */
    refused(ROW_2024, "t.csv:1: " HEADER_MSG);
    /* a missing header: only comments, or nothing */
    refused("# only a comment\n", "t.csv:1: missing header line");
    refused("", "t.csv:1: missing header line");
    /* a header and no rows */
    refused(HDR, "no rate rows found");
    /* wrong field count */
    refused(HDR "rfy_forsorger,2024-01-01,2024-12-31,16382,kr/month,published,x\n",
            "t.csv:2: expected 8 fields (" HDR_FIELDS "), found 7");
    refused(HDR ROW_2024 "rfy_ikke_forsorger,2024-01-01,2024-12-31,12326,kr/month,published,x,y,z\n",
            "t.csv:3: expected 8 fields (" HDR_FIELDS "), found 9");
    /* a NUL byte inside a field */
    {
        static const char text[] = HDR "rfy_forsorger,2024-01-01,2024-12-31,16382,kr/month,"
                                       "published,a\0b,y\n";
        const char *names[] = {"t.csv"};
        const char *texts[] = {text};
        size_t lens[] = {sizeof text - 1};
        rfy_rates *r;
        char *err = NULL;
        ck_assert_int_eq(rfy_rates_load_files_lang(&r, 1, names, texts, lens, RFY_LANG_EN, &err),
                         RFY_ERATES);
        ck_assert_str_eq(err, "t.csv:2: field 7 contains a NUL byte");
        free(err);
        ck_assert_int_eq(rfy_rates_load_files(&r, 1, names, texts, lens, &err), RFY_ERATES);
        ck_assert_str_eq(err, "t.csv:2: felt 7 indeholder en NUL-byte");
        free(err);
    }
}
END_TEST

START_TEST(load_csv_errors)
{
    /* CSV structure faults are reported as FILE:LINE: reason too */
    refused(HDR "rfy_forsorger,2024-01-01,2024-12-31,16382,kr/month,published,\"LAS § 68,y\n"
                "more\n",
            /* the quote opens legal_ref, the 7th column */
            "t.csv:2: unterminated quoted field in column 7 (a '\"' is never closed)");
    refused(HDR ROW_2024 "rfy_ikke_forsorger,2024-01-01,2024-12-31,12326,kr/month,published,"
                         "LAS \"68\",y\n",
            "t.csv:3: malformed quoting in column 7 (a '\"' inside an unquoted field, or text "
            "after a closing quote)");
}
END_TEST

START_TEST(load_duplicate_and_overlap)
{
    const char *names[] = {"b.csv", "a.csv"}; /* loaded in name order: a.csv first */
    const char *dup[] = {HDR ROW_2024, HDR "# c\n" ROW_2024};
    const char *ovl[] = {
        HDR "rfy_forsorger,2024-06-01,2025-05-31,16382,kr/month,published,x,y\n",
        HDR "rfy_forsorger,2024-01-01,2024-12-31,16382,kr/month,published,x,y\n"};
    /* the same key and date in two files */
    refused_n(2, names, dup, "b.csv:2: duplicate: rfy_forsorger also defined at a.csv:3");
    /* 2024-01-01..2024-12-31 and 2024-06-01..2025-05-31 both cover June 2024 */
    refused_n(2, names, ovl,
              "b.csv:2: overlap: rfy_forsorger also defined at a.csv:2; both would govern "
              "2024-06");
    /* within one file; and a different day in the same month overlaps too */
    refused(HDR ROW_2024
            "rfy_forsorger,2024-12-15,2025-12-31,16382,kr/month,published,x,y\n",
            "t.csv:3: overlap: rfy_forsorger also defined at t.csv:2; both would govern 2024-12");
    /* an error in the second file names the second file */
    {
        const char *t2[] = {HDR "rfy_forsorger,2025-01-01,2025-12-31,1.234,kr/month,published,x,y\n",
                            HDR ROW_2024};
        refused_n(2, names, t2, "b.csv:2: amount: more than 2 decimals (no thousands separators are allowed)");
    }
}
END_TEST

/* ---- rates_id -------------------------------------------------------------------------- */

static void id_of(char out[17], size_t n, const char *const *names, const char *const *texts)
{
    rfy_rates *r = NULL;
    char *err = NULL;
    ck_assert_int_eq(load_texts(&r, &err, n, names, texts), RFY_OK);
    ck_assert_uint_eq(strlen(rfy_rates_id(r)), 16);
    for (int i = 0; i < 16; i++)
        ck_assert(isdigit((unsigned char)rfy_rates_id(r)[i]) ||
                  (rfy_rates_id(r)[i] >= 'a' && rfy_rates_id(r)[i] <= 'f'));
    memcpy(out, rfy_rates_id(r), 17);
    rfy_rates_free(r);
}

START_TEST(rates_id)
{
    const char *a = HDR ROW_2024;
    const char *b = HDR "wage_threshold_month,2024-01-01,2024-12-31,16323,kr/month,published,x,y\n";
    const char *b_edit = HDR "wage_threshold_month,2024-01-01,2024-12-31,16324,kr/month,published,x,y\n";
    const char *n1[] = {"a.csv", "b.csv"}, *t1[] = {a, b};
    const char *n2[] = {"b.csv", "a.csv"}, *t2[] = {b, a};
    const char *t3[] = {a, b_edit};
    const char *n4[] = {"a.csv", "c.csv"};
    char id1[17], id1again[17], id2[17], id3[17], id4[17];
    id_of(id1, 2, n1, t1);
    id_of(id1again, 2, n1, t1);
    ck_assert_str_eq(id1, id1again); /* same texts, same id */
    id_of(id2, 2, n2, t2);
    ck_assert_str_eq(id1, id2); /* the order the files are given in does not matter */
    id_of(id3, 2, n1, t3);
    ck_assert_str_ne(id1, id3); /* one digit of one amount changes it */
    id_of(id4, 2, n4, t1);
    ck_assert_str_ne(id1, id4); /* so does a file's name */
}
END_TEST

START_TEST(rates_id_builtin_edit)
{
    /* 16382 -> 16383 in 2024.csv changes the built-in id */
    rfy_rates *r = builtin(), *r2 = NULL;
    edited e;
    edited_init(&e, "2024.csv", "rfy_forsorger,2024-01-01,2024-12-31,16382,",
                "rfy_forsorger,2024-01-01,2024-12-31,16383,", NULL);
    ck_assert_int_eq(rfy_rates_load_files(&r2, e.n, e.names, e.texts, e.lens, NULL), RFY_OK);
    ck_assert_uint_eq(strlen(rfy_rates_id(r)), 16);
    ck_assert_str_ne(rfy_rates_id(r), rfy_rates_id(r2));
    rfy_rates_free(r2);
    rfy_rates_free(r);
    free(e.owned);
}
END_TEST

/* ---- the indexation chain (rules.md §2) ---------------------------------------------------- */

START_TEST(chain_builtin)
{
    rfy_rates *r = builtin();
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_int_eq(rfy_rates_check_chain_lang(r, RFY_LANG_EN, f), 0);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(buf, "all reproduced by the chain"));
    ck_assert_ptr_null(strstr(buf, "MISMATCH"));
    free(buf);
    ck_assert_int_eq(rfy_rates_check_chain(r, NULL), 0);
    /* the function without _lang speaks Danish, as rfy rates check does by default */
    buf = NULL;
    f = open_memstream(&buf, &len);
    ck_assert_int_eq(rfy_rates_check_chain(r, f), 0);
    fclose(f);
    ck_assert_msg(strstr(buf, "kontrollerede 184 værdier (55 offentliggjorte, 52 sekundære, 77 "
                              "afledte): alle genskabt af kæden\n") != NULL, "%s", buf);
    free(buf);
    rfy_rates_free(r);
}
END_TEST

START_TEST(chain_off_by_one_krone)
{
    /* 2025 ikke-forsørger is derived: round(12326 × 1.036) = round(12769.736) = 12770.
     * Writing 12771 must give exactly one mismatch naming the key and the year.
     * (Not the forsørger level: the nr. 4 cap check would see that one too.) */
    rfy_rates *r = NULL;
    edited e;
    char *buf = NULL;
    size_t len = 0;
    FILE *f;
    edited_init(&e, "2025.csv", "rfy_ikke_forsorger,2025-01-01,2025-12-31,12770,",
                "rfy_ikke_forsorger,2025-01-01,2025-12-31,12771,", NULL);
    ck_assert_int_eq(rfy_rates_load_files(&r, e.n, e.names, e.texts, e.lens, NULL), RFY_OK);
    f = open_memstream(&buf, &len);
    ck_assert_int_eq(rfy_rates_check_chain_lang(r, RFY_LANG_EN, f), 1);
    fclose(f);
    ck_assert_msg(strstr(buf, "MISMATCH 2025 rfy_ikke_forsorger (2025.csv:") != NULL, "%s", buf);
    ck_assert_ptr_nonnull(strstr(buf, "derived): table 12771.00, chain gives 12770.00"));
    ck_assert_ptr_nonnull(strstr(buf, "MISMATCHES FOUND"));
    free(buf);
    buf = NULL;
    f = open_memstream(&buf, &len);
    ck_assert_int_eq(rfy_rates_check_chain(r, f), 1);
    fclose(f);
    ck_assert_msg(strstr(buf, "AFVIGELSE 2025 rfy_ikke_forsorger (2025.csv:") != NULL, "%s", buf);
    ck_assert_ptr_nonnull(strstr(buf, "derived): tabellen 12771.00, kæden giver 12770.00"));
    ck_assert_ptr_nonnull(strstr(buf, "AFVIGELSER FUNDET"));
    free(buf);
    rfy_rates_free(r);
    free(e.owned);
}
END_TEST

START_TEST(chain_cap_and_normalbidrag)
{
    /* the nr. 4 cap must equal the forsørger level (and so its chain: two findings);
     * normalbidrag = grundbeløb + tillæg (2024: 1370 + 178 = 1548) */
    rfy_rates *r = NULL;
    edited e;
    edited_init(&e, "2024.csv", "rfy_u25_bidrag_max,2024-01-01,2024-12-31,16382,",
                "rfy_u25_bidrag_max,2024-01-01,2024-12-31,16383,", NULL);
    ck_assert_int_eq(rfy_rates_load_files(&r, e.n, e.names, e.texts, e.lens, NULL), RFY_OK);
    ck_assert_int_eq(rfy_rates_check_chain(r, NULL), 2);
    rfy_rates_free(r);
    free(e.owned);
    edited_init(&e, "2024.csv", "normalbidrag_month,2024-01-01,2024-12-31,1548,",
                "normalbidrag_month,2024-01-01,2024-12-31,1549,", NULL);
    ck_assert_int_eq(rfy_rates_load_files(&r, e.n, e.names, e.texts, e.lens, NULL), RFY_OK);
    ck_assert_int_eq(rfy_rates_check_chain(r, NULL), 1);
    rfy_rates_free(r);
    free(e.owned);
}
END_TEST

START_TEST(chain_sanction_day)
{
    /* rules.md §9: every sanction_day_* row = round(level × 12 / 260).
     * 2024 forsørger published 756 = round(16382 × 12 / 260 = 756.09);
     * writing 757 must give exactly one mismatch naming the key. */
    rfy_rates *r = NULL;
    edited e;
    char *buf = NULL;
    size_t len = 0;
    FILE *f;
    edited_init(&e, "2024.csv", "sanction_day_forsorger,2024-01-01,2024-12-31,756,",
                "sanction_day_forsorger,2024-01-01,2024-12-31,757,", NULL);
    ck_assert_int_eq(rfy_rates_load_files(&r, e.n, e.names, e.texts, e.lens, NULL), RFY_OK);
    f = open_memstream(&buf, &len);
    ck_assert_int_eq(rfy_rates_check_chain_lang(r, RFY_LANG_EN, f), 1);
    fclose(f);
    ck_assert_msg(strstr(buf, "MISMATCH 2024 sanction_day_forsorger (2024.csv:") != NULL, "%s",
                  buf);
    ck_assert_ptr_nonnull(
        strstr(buf, "published): table 757.00, level × 12 / 260, rounded to kroner, is 756.00"));
    free(buf);
    rfy_rates_free(r);
    free(e.owned);
    /* a derived one: 2023 ikke-forsørger round(11944 × 12 / 260 = 551.26) = 551 */
    edited_init(&e, "2023.csv", "sanction_day_ikke_forsorger,2023-01-01,2023-12-31,551,",
                "sanction_day_ikke_forsorger,2023-01-01,2023-12-31,552,", NULL);
    ck_assert_int_eq(rfy_rates_load_files(&r, e.n, e.names, e.texts, e.lens, NULL), RFY_OK);
    ck_assert_int_eq(rfy_rates_check_chain(r, NULL), 1);
    rfy_rates_free(r);
    free(e.owned);
}
END_TEST

START_TEST(sanction_day_every_year)
{
    /* The daily amounts are rate data for every month the levels cover
     * (2013-01..2026-12), four keys, each = round(level × 12 / 260); the
     * 2026 rows are written "chain" and derived from the level at load. */
    rfy_rates *r = builtin();
    static const rfy_rate_key DAY[4] = {
        RFY_RATE_SANCTION_DAY_FORSORGER, RFY_RATE_SANCTION_DAY_IKKE_FORSORGER,
        RFY_RATE_SANCTION_DAY_U25_HJEMME, RFY_RATE_SANCTION_DAY_U25_BIDRAG_MAX};
    static const rfy_rate_key LEVEL[4] = {RFY_RATE_FORSORGER, RFY_RATE_IKKE_FORSORGER,
                                          RFY_RATE_U25_HJEMME, RFY_RATE_U25_BIDRAG_MAX};
    mpz_t want;
    mpq_t q;
    unsigned months = 0;
    mpz_init(want);
    mpq_init(q);
    for (rfy_month m = RFY_MONTH(2013, 1); m <= RFY_MONTH(2026, 12);
         m = RFY_MONTH_NUM(m) == 12 ? RFY_MONTH(RFY_MONTH_YEAR(m) + 1, 1) : m + 1) {
        for (int k = 0; k < 4; k++) {
            const rfy_rate_value *d = rfy_rates_get(r, DAY[k], m);
            const rfy_rate_value *l = rfy_rates_get(r, LEVEL[k], m);
            ck_assert_msg(d && l, "no %s for %d-%02d", rfy_rate_key_name(DAY[k]),
                          RFY_MONTH_YEAR(m), RFY_MONTH_NUM(m));
            mpq_set_z(q, l->amount);
            rfy_sanction_day_amount(want, q);
            ck_assert(mpz_cmp(want, d->amount) == 0);
        }
        months++;
    }
    ck_assert_uint_eq(months, 14 * 12); /* 2013..2026 */
    /* 2026 (chain): forsørger 16.972 × 1,045 = 17.735,74 → 17.736; × 12 / 260 = 818,58 → 819 */
    ck_assert(mpz_cmp_ui(rfy_rates_get(r, RFY_RATE_SANCTION_DAY_FORSORGER,
                                       RFY_MONTH(2026, 11))->amount, 81900) == 0);
    ck_assert(rfy_rates_get(r, RFY_RATE_SANCTION_DAY_FORSORGER, RFY_MONTH(2026, 11))->chained);
    /* 2013: 13.952 × 12 / 260 = 643,94 → 644 (derived); 2015 from 5 January */
    ck_assert(mpz_cmp_ui(rfy_rates_get(r, RFY_RATE_SANCTION_DAY_FORSORGER,
                                       RFY_MONTH(2013, 7))->amount, 64400) == 0);
    ck_assert_int_eq(rfy_rates_get(r, RFY_RATE_SANCTION_DAY_FORSORGER, RFY_MONTH(2013, 7))
                         ->provenance, RFY_PROV_DERIVED);
    ck_assert_int_eq(rfy_rates_get(r, RFY_RATE_SANCTION_DAY_FORSORGER, RFY_MONTH(2015, 1))
                         ->from.day, 5);
    mpq_clear(q);
    mpz_clear(want);
    rfy_rates_free(r);
}
END_TEST

START_TEST(chain_cannot_run)
{
    /* without 2016.csv there is no regulation rate for 2016: the 2026 amounts written
     * "chain" cannot be computed, and the set is refused, naming the first of them */
    rfy_rates *r = NULL;
    edited e;
    char *buf = NULL, *err = NULL;
    size_t len = 0;
    FILE *f;
    mpz_t v;
    edited_init(&e, NULL, NULL, NULL, "2016.csv");
    ck_assert_uint_eq(e.n, 15);
    ck_assert_int_eq(
        rfy_rates_load_files_lang(&r, e.n, e.names, e.texts, e.lens, RFY_LANG_EN, &err),
        RFY_ERATES);
    ck_assert_msg(strstr(err, "2026.csv:10: amount 'chain': the chain cannot compute rfy_forsorger "
                              "for 2026") == err, "%s", err);
    free(err);
    ck_assert_int_eq(rfy_rates_load_files(&r, e.n, e.names, e.texts, e.lens, &err), RFY_ERATES);
    ck_assert_msg(strstr(err, "2026.csv:10: amount 'chain': kæden kan ikke beregne rfy_forsorger "
                              "for 2026") == err, "%s", err);
    free(err);
    /* without 2026.csv and 2027.csv too, the set loads, and the check explains why it
     * cannot run the chain: -1 */
    e.n -= 2;
    ck_assert_str_eq(e.names[e.n], "2026.csv");
    ck_assert_int_eq(rfy_rates_load_files(&r, e.n, e.names, e.texts, e.lens, NULL), RFY_OK);
    f = open_memstream(&buf, &len);
    ck_assert_int_eq(rfy_rates_check_chain_lang(r, RFY_LANG_EN, f), -1);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(buf, "cannot run the chain: no regulation_r_pct row for 2016"));
    free(buf);
    mpz_init(v);
    ck_assert_int_eq(rfy_rates_chain_value(v, r, RFY_RATE_FORSORGER, 2017), RFY_ENORATE);
    ck_assert_int_eq(rfy_rates_chain_value(v, r, RFY_RATE_FORSORGER, 2015), RFY_OK);
    mpz_clear(v);
    rfy_rates_free(r);
}
END_TEST

static void chain_is(const rfy_rates *r, rfy_rate_key key, int year, long ore)
{
    mpz_t v;
    mpz_init(v);
    ck_assert_int_eq(rfy_rates_chain_value(v, r, key, year), RFY_OK);
    ck_assert_msg(mpz_cmp_si(v, ore) == 0, "chain %s %d is not %ld øre", rfy_rate_key_name(key),
                  year, ore);
    mpz_clear(v);
}

START_TEST(chain_values)
{
    rfy_rates *r = builtin();
    mpz_t v;
    /* wage threshold, p = r, to kroner: 13000 (2012); 13000 × 1.016 = 13208 (2013);
     * 13208 × 1.018 = 13445.744 -> 13446 (2014) */
    chain_is(r, RFY_RATE_WAGE_THRESHOLD, 2012, 1300000);
    chain_is(r, RFY_RATE_WAGE_THRESHOLD, 2013, 1320800);
    chain_is(r, RFY_RATE_WAGE_THRESHOLD, 2014, 1344600);
    chain_is(r, RFY_RATE_WAGE_THRESHOLD, 2024, 1632300);
    /* hourly disregard, p = r − afdæmpning, to øre: 14.99 × 1.016 = 15.22984 -> 15.23 */
    chain_is(r, RFY_RATE_HOUR_DISREGARD, 2013, 1523);
    chain_is(r, RFY_RATE_HOUR_DISREGARD, 2024, 1786);
    /* the levels from their 2013 values */
    chain_is(r, RFY_RATE_FORSORGER, 2013, 1395200);
    chain_is(r, RFY_RATE_FORSORGER, 2024, 1638200);
    /* 2025: 16382 × 1.036 = 16971.752 -> 16972; 12326 × 1.036 = 12769.736 -> 12770;
     * 3834 × 1.036 = 3972.024 -> 3972 */
    chain_is(r, RFY_RATE_FORSORGER, 2025, 1697200);
    chain_is(r, RFY_RATE_IKKE_FORSORGER, 2025, 1277000);
    chain_is(r, RFY_RATE_U25_HJEMME, 2025, 397200);
    /* 2026 (r 4,5; the reduction in 2027): 16972 × 1.045 = 17735.74 -> 17736;
     * 12770 × 1.045 = 13344.65 -> 13345; 3972 × 1.045 = 4150.74 -> 4151;
     * 18.50 × 1.045 = 19.3325 -> 19.33; the cap follows the forsørger chain */
    chain_is(r, RFY_RATE_FORSORGER, 2026, 1773600);
    chain_is(r, RFY_RATE_IKKE_FORSORGER, 2026, 1334500);
    chain_is(r, RFY_RATE_U25_HJEMME, 2026, 415100);
    chain_is(r, RFY_RATE_U25_BIDRAG_MAX, 2026, 1773600);
    chain_is(r, RFY_RATE_HOUR_DISREGARD, 2026, 1933);
    mpz_init(v);
    ck_assert_int_eq(rfy_rates_chain_value(v, r, RFY_RATE_FORSORGER, 2012), RFY_ENORATE);
    ck_assert_int_eq(rfy_rates_chain_value(v, r, RFY_RATE_FORSORGER, 2027), RFY_ENORATE);
    ck_assert_int_eq(rfy_rates_chain_value(v, r, RFY_RATE_NORMALBIDRAG, 2024), RFY_ENORATE);
    mpz_clear(v);
    rfy_rates_free(r);
}
END_TEST

/* ---- evidence: fixtures/rates-sources.csv ---------------------------------------------------- */

/*
 * Every key that occurs in rates-sources.csv, and the chain it belongs to
 * (RFY_RATE_KEY_COUNT: not a § 68 stk. 2 level, the wage threshold or the
 * hourly disregard).  A key not listed here fails the test, so a new
 * source row is classified by someone rather than silently skipped.
 *
 * The kontanthjælp / kontantydelse / ledighedsydelse-kh rows are the same
 * amounts the § 68 stk. 2 levels refer to (docs/rates.md), hence the same
 * chains.  Deliberately not counted: the "enlig" tillæg (2025 reform), the
 * day rates of sanctions, uddannelseshjælp (uh_*) and revalidering amounts,
 * even where one coincides with a level (uh_bidrag_max 2016 = 14575,
 * revalidering_u25_hjemme 2015 = 3374): they are other benefits' amounts.
 */
static const struct {
    const char *name;
    rfy_rate_key chain;
} EVIDENCE_KEYS[] = {
    {"wage_threshold_month", RFY_RATE_WAGE_THRESHOLD},
    {"activation_hour_disregard", RFY_RATE_HOUR_DISREGARD},
    /* forsørger chain */
    {"rfy_forsorger", RFY_RATE_FORSORGER},
    {"rfy_ledighed_kh_forsorger", RFY_RATE_FORSORGER},
    {"rfy_u25_bidrag_max", RFY_RATE_FORSORGER},
    {"kh_25plus_forsorger", RFY_RATE_FORSORGER},
    {"kh_30_forsorger", RFY_RATE_FORSORGER},
    {"kontantydelse_30_forsorger", RFY_RATE_FORSORGER},
    {"kh_atp_min_forsorger", RFY_RATE_FORSORGER},
    {"kh_u30_bidrag_max", RFY_RATE_FORSORGER},
    {"kontantydelse_u30_bidrag_max", RFY_RATE_FORSORGER},
    {"kh_u25_bidrag_max", RFY_RATE_FORSORGER},
    /* ikke-forsørger chain */
    {"rfy_ikke_forsorger", RFY_RATE_IKKE_FORSORGER},
    {"rfy_ledighed_kh_ikke_forsorger", RFY_RATE_IKKE_FORSORGER},
    {"kh_25plus_ikke_forsorger", RFY_RATE_IKKE_FORSORGER},
    {"kh_30_ikke_forsorger", RFY_RATE_IKKE_FORSORGER},
    {"kontantydelse_30_ikke_forsorger", RFY_RATE_IKKE_FORSORGER},
    {"kh_atp_min_ikke_forsorger", RFY_RATE_IKKE_FORSORGER},
    /* under-25 hjemmeboende chain */
    {"rfy_u25_hjemme", RFY_RATE_U25_HJEMME},
    {"kh_u25_hjemme", RFY_RATE_U25_HJEMME},
    {"kh_u30_hjemme", RFY_RATE_U25_HJEMME},
    {"kontantydelse_u25_hjemme", RFY_RATE_U25_HJEMME},
    /* not chain-relevant */
    {"afdaempet_plus17_pct", RFY_RATE_KEY_COUNT},
    {"afdaempet_satsreg_pct", RFY_RATE_KEY_COUNT},
    {"dagpenge_max_month", RFY_RATE_KEY_COUNT},
    {"kh_boernetillaeg", RFY_RATE_KEY_COUNT},
    {"kh_hour_disregard", RFY_RATE_KEY_COUNT},
    {"kh_saerligt_ungetillaeg_25_29", RFY_RATE_KEY_COUNT},
    {"kh_saerligt_ungetillaeg_u25", RFY_RATE_KEY_COUNT},
    {"kh_tillaeg_enlig_forsorger", RFY_RATE_KEY_COUNT},
    {"kh_tillaeg_enlig_ikke_forsorger", RFY_RATE_KEY_COUNT},
    {"kh_u25_udeboende", RFY_RATE_KEY_COUNT},
    {"ledighed_89_month", RFY_RATE_KEY_COUNT},
    {"normalbidrag_grundbeloeb_month", RFY_RATE_KEY_COUNT},
    {"normalbidrag_month", RFY_RATE_KEY_COUNT},
    {"normalbidrag_tillaeg_month", RFY_RATE_KEY_COUNT},
    {"psl20_regulation_pct", RFY_RATE_KEY_COUNT},
    {"regulation_deduction_pct", RFY_RATE_KEY_COUNT},
    {"revalidering_u25_hjemme", RFY_RATE_KEY_COUNT},
    {"rfy_ledighed_89_week", RFY_RATE_KEY_COUNT},
    {"rfy_sdp_max_week", RFY_RATE_KEY_COUNT},
    /* periodesanktion per day: checked by on_sanction_day(), not by a chain */
    {"sanction_day_forsorger", RFY_RATE_KEY_COUNT},
    {"sanction_day_ikke_forsorger", RFY_RATE_KEY_COUNT},
    {"sanction_day_u25", RFY_RATE_KEY_COUNT},
    {"sanction_day_u25_bidrag", RFY_RATE_KEY_COUNT},
    {"satsregulering_pct", RFY_RATE_KEY_COUNT},
    {"satstilpasning_pct", RFY_RATE_KEY_COUNT},
    {"sdp_max_week", RFY_RATE_KEY_COUNT},
    {"tilpasning_pct", RFY_RATE_KEY_COUNT},
    {"tilpasning_plus17_pct", RFY_RATE_KEY_COUNT},
    {"tilpasning_plus2_pct", RFY_RATE_KEY_COUNT},
    {"uh_bidrag_max", RFY_RATE_KEY_COUNT},
    {"uh_enlig_forsorger", RFY_RATE_KEY_COUNT},
    {"uh_hjemme", RFY_RATE_KEY_COUNT},
    {"uh_u25_hjemme", RFY_RATE_KEY_COUNT},
    {"uh_u25_udeboende", RFY_RATE_KEY_COUNT},
    {"uh_udeboende", RFY_RATE_KEY_COUNT},
};

/* The published periodesanktion day amounts of rates-sources.csv: the level
 * each is derived from, and the built-in rate row that must hold it. */
static const struct {
    const char *name;
    rfy_rate_key level, day;
} EVIDENCE_SANCTION[] = {
    {"sanction_day_forsorger", RFY_RATE_FORSORGER, RFY_RATE_SANCTION_DAY_FORSORGER},
    {"sanction_day_ikke_forsorger", RFY_RATE_IKKE_FORSORGER,
     RFY_RATE_SANCTION_DAY_IKKE_FORSORGER},
    {"sanction_day_u25", RFY_RATE_U25_HJEMME, RFY_RATE_SANCTION_DAY_U25_HJEMME},
    {"sanction_day_u25_bidrag", RFY_RATE_U25_BIDRAG_MAX, RFY_RATE_SANCTION_DAY_U25_BIDRAG_MAX},
};

typedef struct evidence {
    const rfy_rates *rates;
    unsigned long sanction_checked, sanction_published;
    unsigned long rows, checked, per_chain[RFY_RATE_KEY_COUNT];
    unsigned long mismatches, known_exception_seen;
    char unexpected[2048]; /* what went wrong, for the failure message */
} evidence;

static void note(evidence *ev, const char *fmt, const char *a, unsigned long line)
{
    size_t n = strlen(ev->unexpected);
    if (n + 200 < sizeof ev->unexpected)
        snprintf(ev->unexpected + n, sizeof ev->unexpected - n, fmt, a, line);
}

/*
 * rules.md §9: a published daily amount (sanction_day_*) must be
 * round(level × 12 / 260) of the built-in level of its year, and the
 * built-in table must carry it with provenance published.
 */
static void on_sanction_day(evidence *ev, const rfy_csv_record *rec, size_t i)
{
    const char *why = NULL;
    char *end;
    long year = strtol(rec->field[0], &end, 10);
    rfy_month m = RFY_MONTH((int)year, 6);
    const rfy_rate_value *level = rfy_rates_get(ev->rates, EVIDENCE_SANCTION[i].level, m);
    const rfy_rate_value *day = rfy_rates_get(ev->rates, EVIDENCE_SANCTION[i].day, m);
    mpz_t amount, want;
    mpq_t q;

    mpz_init(amount);
    mpz_init(want);
    mpq_init(q);
    if (*end || rfy_decimal_parse(amount, rec->field[2], rec->len[2], &RFY_AMOUNT_DOT, &why) ||
        !level || !day) {
        note(ev, "bad year, amount or no level for '%s' (line %lu)\n", rec->field[1], rec->line);
    } else {
        mpq_set_z(q, level->amount);
        rfy_sanction_day_amount(want, q);
        ev->sanction_checked++;
        if (mpz_cmp(want, amount) != 0)
            note(ev, "MISMATCH %s (line %lu): round(level × 12 / 260) differs\n", rec->field[1],
                 rec->line);
        if (mpz_cmp(day->amount, amount) != 0 || day->provenance != RFY_PROV_PUBLISHED)
            note(ev, "%s (line %lu): not in the built-in table as published\n", rec->field[1],
                 rec->line);
        else
            ev->sanction_published++;
    }
    mpq_clear(q);
    mpz_clear(want);
    mpz_clear(amount);
}

static int on_evidence(void *user, const rfy_csv_record *rec)
{
    evidence *ev = user;
    const char *why = NULL;
    size_t i;
    mpz_t amount, chain;
    long year;
    char *end;

    if (rec->index == 1) { /* header */
        if (rec->nfields < 3 || strcmp(rec->field[0], "year") != 0 ||
            strcmp(rec->field[1], "key") != 0 || strcmp(rec->field[2], "amount") != 0)
            note(ev, "unexpected header '%s' (line %lu)\n", rec->field[0], rec->line);
        return 0;
    }
    ev->rows++;
    for (i = 0; i < sizeof EVIDENCE_KEYS / sizeof EVIDENCE_KEYS[0]; i++)
        if (strcmp(EVIDENCE_KEYS[i].name, rec->field[1]) == 0)
            break;
    if (i == sizeof EVIDENCE_KEYS / sizeof EVIDENCE_KEYS[0]) {
        note(ev, "unclassified key '%s' (line %lu): add it to EVIDENCE_KEYS\n", rec->field[1],
             rec->line);
        return 0;
    }
    for (size_t k = 0; k < sizeof EVIDENCE_SANCTION / sizeof EVIDENCE_SANCTION[0]; k++)
        if (strcmp(EVIDENCE_SANCTION[k].name, rec->field[1]) == 0)
            on_sanction_day(ev, rec, k);
    if (EVIDENCE_KEYS[i].chain == RFY_RATE_KEY_COUNT)
        return 0;
    year = strtol(rec->field[0], &end, 10);
    mpz_init(amount);
    mpz_init(chain);
    if (*end || rfy_decimal_parse(amount, rec->field[2], rec->len[2], &RFY_AMOUNT_DOT, &why)) {
        note(ev, "bad year or amount for '%s' (line %lu)\n", rec->field[1], rec->line);
    } else if (rfy_rates_chain_value(chain, ev->rates, EVIDENCE_KEYS[i].chain, (int)year) !=
               RFY_OK) {
        note(ev, "no chain value for '%s' (line %lu)\n", rec->field[1], rec->line);
    } else {
        ev->checked++;
        ev->per_chain[EVIDENCE_KEYS[i].chain]++;
        if (mpz_cmp(amount, chain) != 0) {
            /* the one known exception: the 2013 kontanthjælp page prints 13.925
             * for the bidragspligt maximum where the forsørger level is 13.952
             * (a transposition, flagged "possible typo" in the source CSV) */
            if (year == 2013 && strcmp(rec->field[1], "kh_u25_bidrag_max") == 0 &&
                mpz_cmp_ui(amount, 1392500) == 0 && mpz_cmp_ui(chain, 1395200) == 0)
                ev->known_exception_seen++;
            else
                note(ev, "MISMATCH %s (line %lu)\n", rec->field[1], rec->line);
            ev->mismatches++;
        }
    }
    mpz_clear(chain);
    mpz_clear(amount);
    return 0;
}

START_TEST(evidence_rates_sources)
{
    /*
     * rules.md §2: "This chain reproduces all 87 published values in
     * rates-sources.csv exactly; the project must check that in a test."
     *
     * This test checks every row of a chain-relevant key (the selection in
     * EVIDENCE_KEYS): 93 rows = 11 wage threshold + 5 hourly disregard + 38
     * forsørger + 24 ikke-forsørger + 15 under-25 hjemme.  Of these, 4 are
     * 2013 rows (the base year of the level chains: three equal the 2013
     * bases by definition, one is the 13925 typo) and 89 are values the chain
     * predicts from 2014 on.  rules.md does not say which 87 it counted; 93 is
     * a superset (87 = 93 minus 6, e.g. the four 2013 rows and the two
     * kh_atp_min rows of 2021).  92 of the 93 rows match; the one exception
     * is asserted by name.
     */
    FILE *f = fopen(RFY_SOURCE_DIR "/fixtures/rates-sources.csv", "rb");
    evidence ev;
    char *err = NULL;
    memset(&ev, 0, sizeof ev);
    ck_assert_ptr_nonnull(f);
    ev.rates = builtin();
    ck_assert_int_eq(rfy_csv_read_stream(f, ',', on_evidence, &ev, &err), RFY_OK);
    fclose(f);
    ck_assert_msg(ev.unexpected[0] == '\0', "%s", ev.unexpected);
    ck_assert_uint_eq(ev.rows, 191);
    ck_assert_uint_eq(ev.checked, 93);
    ck_assert_uint_eq(ev.per_chain[RFY_RATE_WAGE_THRESHOLD], 11);
    ck_assert_uint_eq(ev.per_chain[RFY_RATE_HOUR_DISREGARD], 5);
    ck_assert_uint_eq(ev.per_chain[RFY_RATE_FORSORGER], 38);
    ck_assert_uint_eq(ev.per_chain[RFY_RATE_IKKE_FORSORGER], 24);
    ck_assert_uint_eq(ev.per_chain[RFY_RATE_U25_HJEMME], 15);
    ck_assert_uint_eq(ev.mismatches, 1);
    ck_assert_uint_eq(ev.known_exception_seen, 1);
    /* rules.md §9: the 7 published periodesanktion figures, 2022 719 / 541 /
     * 168 / max 719 and 2024 756 / 569 / 177, each = round(level × 12 / 260)
     * of that year's level (15.570 → 718,62; 11.716 → 540,74; 3.644 → 168,18;
     * 16.382 → 756,09; 12.326 → 568,89; 3.834 → 176,95) and each in the
     * built-in tables as published. */
    ck_assert_uint_eq(ev.sanction_checked, 7);
    ck_assert_uint_eq(ev.sanction_published, 7);
    rfy_rates_free((rfy_rates *)ev.rates);
}
END_TEST


/* ---- 2025-2026: assumptions, the reduction row, the chain at load ---------------------------- */

START_TEST(evidence_2026_threshold_17672)
{
    /*
     * The one 2026 figure with a source: the wage threshold 17.672 kr. (Syddjurs Kommune,
     * secondary).  The chain reproduces it from 13.000 (2012) with r 2026 = 4,5:
     * 16.911 × 1,045 = 17.671,995 -> 17.672.  Neighbouring r do not: 16.911 × 1,044 =
     * 17.655,08 -> 17.655; 16.911 × 1,046 = 17.688,91 -> 17.689.  So the table's secondary
     * row equals the chain value, and the check (which compares every row) agrees.
     */
    rfy_rates *r = builtin(), *r2 = NULL;
    const rfy_rate_value *t = rfy_rates_get(r, RFY_RATE_WAGE_THRESHOLD, RFY_MONTH(2026, 6));
    edited e;
    ck_assert_ptr_nonnull(t);
    ck_assert_int_eq(t->provenance, RFY_PROV_SECONDARY);
    amount_is(t, 1767200);
    chain_is(r, RFY_RATE_WAGE_THRESHOLD, 2025, 1691100);
    chain_is(r, RFY_RATE_WAGE_THRESHOLD, 2026, 1767200);
    ck_assert_int_eq(rfy_rates_check_chain(r, NULL), 0);
    rfy_rates_free(r);
    edited_init(&e, "2026.csv", "regulation_r_pct,2026-01-01,2026-12-31,4.5,",
                "regulation_r_pct,2026-01-01,2026-12-31,4.4,", NULL);
    ck_assert_int_eq(rfy_rates_load_files(&r2, e.n, e.names, e.texts, e.lens, NULL), RFY_OK);
    chain_is(r2, RFY_RATE_WAGE_THRESHOLD, 2026, 1765500);
    ck_assert_int_ge(rfy_rates_check_chain(r2, NULL), 1); /* 17672 no longer reproduced */
    rfy_rates_free(r2);
    free(e.owned);
}
END_TEST

START_TEST(evidence_sdp_max_chain)
{
    /*
     * Highest sygedagpenge amount (rules.md §3): p = r − afdæmpning − reduction, rounded to
     * the NEAREST multiple of 5 kr., from 4.005 (2013).  It reproduces every figure of the
     * tables, none of them derived:
     *   2014: 4.005 × 1,018  = 4.077,09 -> 4.075    2015: 4.075 × 1,015  = 4.136,13 -> 4.135
     *   2016: 4.135 × 1,011  = 4.180,49 -> 4.180    2017: 4.180 × 1,016  = 4.246,88 -> 4.245
     *   2018: 4.245 × 1,0125 = 4.298,06 -> 4.300    2019: 4.300 × 1,0125 = 4.353,75 -> 4.355
     *   2020: 4.355 × 1,0115 = 4.405,08 -> 4.405    2021: 4.405 × 1,0125 = 4.460,06 -> 4.460
     *   2022: 4.460 × 1,0015 = 4.466,69 -> 4.465    2023: 4.465 × 1,0195 = 4.552,07 -> 4.550
     *   2024: 4.550 × 1,032  = 4.695,60 -> 4.695    2025: 4.695 × 1,036  = 4.864,02 -> 4.865
     *   2026: 4.865 × 1,045  = 5.083,93 -> 5.085
     * Rounding down would give 4.295 (2018), 4.350 (2019), 4.860 (2025) and 5.080 (2026):
     * 2018 and 2019 are published otherwise, 2025 and 2026 are secondary (borger.dk).
     */
    rfy_rates *r = builtin();
    static const long want[] = {407500, 413500, 418000, 424500, 430000, 435500, 440500,
                                446000, 446500, 455000, 469500, 486500, 508500};
    for (int y = 2014; y <= 2026; y++) {
        const rfy_rate_value *v = rfy_rates_get(r, RFY_RATE_SDP_MAX_WEEK, RFY_MONTH(y, 6));
        chain_is(r, RFY_RATE_SDP_MAX_WEEK, y, want[y - 2014]);
        amount_is(v, want[y - 2014]);
        ck_assert_int_ne(v->provenance, RFY_PROV_DERIVED);
    }
    ck_assert_int_eq(rfy_rates_get(r, RFY_RATE_SDP_MAX_WEEK, RFY_MONTH(2025, 3))->provenance,
                     RFY_PROV_SECONDARY);
    ck_assert_int_eq(rfy_rates_get(r, RFY_RATE_SDP_MAX_WEEK, RFY_MONTH(2026, 5))->provenance,
                     RFY_PROV_SECONDARY);
    rfy_rates_free(r);
}
END_TEST

START_TEST(evidence_dagpenge_max)
{
    /*
     * Highest dagpenge amount (AFL § 47), the bound of a hidtidig ledighedsydelse: per week
     * 2013-01..2017-06 (5 × the daily amount: 801, 815, 827, 836, 849 kr.), per month from
     * 2017-07.  The monthly chain, p = r − afdæmpning − reduction, to whole kroner, from
     * 18.403 (2017) reproduces every year:
     *   2018: 18.403 × 1,0125 = 18.633,04 -> 18.633   2019: 18.633 × 1,0125 = 18.865,91 -> 18.866
     *   2020: 18.866 × 1,0115 = 19.082,96 -> 19.083   2021: 19.083 × 1,0125 = 19.321,54 -> 19.322
     *   2022: 19.322 × 1,0015 = 19.350,98 -> 19.351   2023: 19.351 × 1,0195 = 19.728,34 -> 19.728
     *   2024: 19.728 × 1,032  = 20.359,30 -> 20.359   2025: 20.359 × 1,036  = 21.091,92 -> 21.092
     *   2026: 21.092 × 1,045  = 22.041,14 -> 22.041 (the full 4,5 %: no 0,45 reduction in 2026)
     */
    rfy_rates *r = builtin();
    static const long week[] = {400500, 407500, 413500, 418000, 424500};
    static const long month[] = {1863300, 1886600, 1908300, 1932200, 1935100,
                                 1972800, 2035900, 2109200, 2204100};
    for (int y = 2013; y <= 2017; y++) {
        amount_is(rfy_rates_get(r, RFY_RATE_DAGPENGE_MAX_WEEK, RFY_MONTH(y, 6)), week[y - 2013]);
        ck_assert_ptr_null(rfy_rates_get(r, RFY_RATE_DAGPENGE_MAX_MONTH, RFY_MONTH(y, 6)));
    }
    ck_assert_ptr_null(rfy_rates_get(r, RFY_RATE_DAGPENGE_MAX_WEEK, RFY_MONTH(2017, 7)));
    amount_is(rfy_rates_get(r, RFY_RATE_DAGPENGE_MAX_MONTH, RFY_MONTH(2017, 7)), 1840300);
    for (int y = 2018; y <= 2026; y++) {
        const rfy_rate_value *v = rfy_rates_get(r, RFY_RATE_DAGPENGE_MAX_MONTH, RFY_MONTH(y, 1));
        chain_is(r, RFY_RATE_DAGPENGE_MAX_MONTH, y, month[y - 2018]);
        amount_is(v, month[y - 2018]);
        ck_assert_int_ne(v->provenance, RFY_PROV_DERIVED);
    }
    rfy_rates_free(r);
}
END_TEST

/* rfy_rates_derive on the built-in files (edited: e), into *out loaded with the new table;
 * its messages in English (derive_refusals_in_danish: the default). */
static int derive_from(edited *e, rfy_rates **out, const rfy_rates_derive_args *a, char **err,
                       char **text)
{
    size_t len = 0, m = 0;
    long replaces = -1;
    const char *names[33], *texts[33];
    size_t lens[33];
    int rc = rfy_rates_derive_lang(text, &len, &replaces, e->n, e->names, e->texts, e->lens, a,
                                   RFY_LANG_EN, err);
    if (rc != RFY_OK)
        return rc;
    for (size_t i = 0; i < e->n; i++)
        if ((long)i != replaces) {
            names[m] = e->names[i];
            texts[m] = e->texts[i];
            lens[m++] = e->lens[i];
        }
    ck_assert_int_ge(replaces, 0);
    ck_assert_str_eq(e->names[replaces], "2027.csv"); /* the one holding the 2027 reduction */
    names[m] = "2027.csv";
    texts[m] = *text;
    lens[m++] = len;
    ck_assert_int_eq(rfy_rates_load_files(out, m, names, texts, lens, NULL), RFY_OK);
    return RFY_OK;
}

START_TEST(derive_2027)
{
    /*
     * rfy rates derive 2027 --r 2.9 (issue: January 2027).  The reduction defaults to the
     * tables' 0,45 for 2027, so p = 2,9 − 0 − 0,45 = 2,45 for the levels, and p = 2,9 for
     * the threshold:
     *   forsørger 17.736 × 1,0245 = 18.170,53 -> 18.171 (and the nr. 4 cap)
     *   ikke-forsørger 13.345 × 1,0245 = 13.671,95 -> 13.672; u25 4.151 × 1,0245 =
     *   4.252,70 -> 4.253; hourly 19,33 × 1,0245 = 19,8036 -> 19,80
     *   threshold 17.672 × 1,029 = 18.184,49 -> 18.184
     *   highest sygedagpenge 5.085 × 1,0245 = 5.209,58 -> 5.210 (nearest 5 kr.)
     *   dagpenge maximum 22.041 × 1,0245 = 22.581,00 -> 22.581
     *   periodesanktion forsørger 18.171 × 12 / 260 = 838,66 -> 839
     * Every row derived; no normalbidrag without --normalbidrag; the set passes the check.
     */
    edited e;
    rfy_rates *r = NULL;
    char *err = NULL, *text = NULL;
    rfy_month m = RFY_MONTH(2027, 1);
    rfy_rates_derive_args a = {2027, "2.9", NULL, NULL, NULL};
    edited_init(&e, NULL, NULL, NULL, NULL);
    ck_assert_int_eq(derive_from(&e, &r, &a, &err, &text), RFY_OK);
    amount_is(rfy_rates_get(r, RFY_RATE_FORSORGER, m), 1817100);
    amount_is(rfy_rates_get(r, RFY_RATE_U25_BIDRAG_MAX, m), 1817100);
    amount_is(rfy_rates_get(r, RFY_RATE_IKKE_FORSORGER, m), 1367200);
    amount_is(rfy_rates_get(r, RFY_RATE_U25_HJEMME, m), 425300);
    amount_is(rfy_rates_get(r, RFY_RATE_HOUR_DISREGARD, m), 1980);
    amount_is(rfy_rates_get(r, RFY_RATE_WAGE_THRESHOLD, m), 1818400);
    amount_is(rfy_rates_get(r, RFY_RATE_SDP_MAX_WEEK, m), 521000);
    amount_is(rfy_rates_get(r, RFY_RATE_DAGPENGE_MAX_MONTH, m), 2258100);
    amount_is(rfy_rates_get(r, RFY_RATE_SANCTION_DAY_FORSORGER, m), 83900);
    amount_is(rfy_rates_get(r, RFY_RATE_REG_REDUCTION, m), 45);
    ck_assert_ptr_null(rfy_rates_get(r, RFY_RATE_NORMALBIDRAG, m));
    for (size_t i = 0; i < rfy_rates_count(r); i++) {
        const rfy_rate_value *v = rfy_rates_at(r, i);
        if (v->from.year == 2027)
            ck_assert_int_eq(v->provenance, RFY_PROV_DERIVED);
    }
    ck_assert_ptr_nonnull(strstr(text, "round(17736 × (1 + (r 2.9 − afdæmpning 0 − reduction "
                                       "0.45)/100)) = 18171"));
    ck_assert_ptr_nonnull(strstr(text, "round(17672 × (1 + r 2.9/100)) = 18184"));
    ck_assert_int_eq(rfy_rates_check_missing(r, NULL), 0);
    ck_assert_int_eq(rfy_rates_check_chain(r, NULL), 0);
    rfy_rates_free(r);
    free(text);
    text = NULL;
    /* --reduction 0 --normalbidrag 1720.50: p = 2,9: 17.736 × 1,029 = 18.250,34 -> 18.250 */
    a.reduction = "0";
    a.normalbidrag = "1720.50";
    ck_assert_int_eq(derive_from(&e, &r, &a, &err, &text), RFY_OK);
    amount_is(rfy_rates_get(r, RFY_RATE_FORSORGER, m), 1825000);
    amount_is(rfy_rates_get(r, RFY_RATE_NORMALBIDRAG, m), 172050);
    amount_is(rfy_rates_get(r, RFY_RATE_REG_REDUCTION, m), 0);
    rfy_rates_free(r);
    free(text);
}
END_TEST

START_TEST(derive_refusals)
{
    edited e;
    rfy_rates *r = NULL;
    char *err = NULL, *text = NULL;
    static const char *const bad_pct[] = {"2,9", "2.9%", "-2.9", "2.945", "1e1", "", " 2.9",
                                          "2.", ".9", "abc", "1000"};
    rfy_rates_derive_args a = {2028, "2.9", NULL, NULL, NULL};
    edited_init(&e, NULL, NULL, NULL, NULL);
    /* a year that is not the one after the last table (2026) */
    ck_assert_int_eq(derive_from(&e, &r, &a, &err, &text), RFY_EINPUT);
    ck_assert_msg(strstr(err, "YEAR must be the year after the last table") &&
                      strstr(err, "2012-2026") && strstr(err, "derive 2027"), "%s", err);
    free(err);
    a.year = 2026;
    ck_assert_int_eq(derive_from(&e, &r, &a, &err, &text), RFY_EINPUT);
    free(err);
    /* percentages and amounts that are not plain decimals */
    a.year = 2027;
    for (size_t i = 0; i < sizeof bad_pct / sizeof bad_pct[0]; i++) {
        a.r = bad_pct[i];
        ck_assert_int_eq(derive_from(&e, &r, &a, &err, &text), RFY_EINPUT);
        ck_assert_msg(strstr(err, "--r must be a plain decimal"), "%s: %s", bad_pct[i], err);
        ck_assert_ptr_null(text);
        free(err);
    }
    a.r = "2.9";
    a.afdaempning = "0,5";
    ck_assert_int_eq(derive_from(&e, &r, &a, &err, &text), RFY_EINPUT);
    ck_assert_ptr_nonnull(strstr(err, "--afdaempning must be a plain decimal"));
    free(err);
    a.afdaempning = NULL;
    a.reduction = "x";
    ck_assert_int_eq(derive_from(&e, &r, &a, &err, &text), RFY_EINPUT);
    ck_assert_ptr_nonnull(strstr(err, "--reduction must be a plain decimal"));
    free(err);
    a.reduction = NULL;
    a.normalbidrag = "1.675,00";
    ck_assert_int_eq(derive_from(&e, &r, &a, &err, &text), RFY_EINPUT);
    ck_assert_ptr_nonnull(strstr(err, "--normalbidrag must be a plain decimal"));
    free(err);
}
END_TEST

START_TEST(derive_refusals_in_danish)
{
    /* rfy_rates_derive without _lang: Danish, the option names as they are */
    edited e;
    char *err = NULL, *text = NULL;
    size_t len = 0;
    long replaces = -1;
    rfy_rates_derive_args a = {2028, "2.9", NULL, NULL, NULL};
    edited_init(&e, NULL, NULL, NULL, NULL);
    ck_assert_int_eq(
        rfy_rates_derive(&text, &len, &replaces, e.n, e.names, e.texts, e.lens, &a, &err),
        RFY_EINPUT);
    ck_assert_str_eq(err, "rfy rates derive: ÅR skal være året efter den sidste tabel, og det er "
                          "2028 ikke: tabellerne dækker 2012-2026, så afled 2027");
    free(err);
    a.year = 2027;
    a.r = "2,9";
    ck_assert_int_eq(
        rfy_rates_derive(&text, &len, &replaces, e.n, e.names, e.texts, e.lens, &a, &err),
        RFY_EINPUT);
    ck_assert_str_eq(err, "rfy rates derive: --r skal være en procentsats skrevet som et "
                          "decimaltal med punktum, f.eks. 2.9, ikke '2,9'");
    free(err);
    ck_assert_ptr_null(text);
    free(e.owned); /* NULL: nothing edited */
}
END_TEST

START_TEST(normalbidrag_2026)
{
    /* 2026: 1.675 = grundbeløb 1.483 + tillæg 192 (secondary: familieretshuset.dk, skat.dk) */
    rfy_rates *r = builtin();
    const rfy_rate_value *v = rfy_rates_get(r, RFY_RATE_NORMALBIDRAG, RFY_MONTH(2026, 4));
    amount_is(v, 167500);
    ck_assert_int_eq(v->provenance, RFY_PROV_SECONDARY);
    amount_is(rfy_rates_get(r, RFY_RATE_NORMALBIDRAG_GRUND, RFY_MONTH(2026, 4)), 148300);
    amount_is(rfy_rates_get(r, RFY_RATE_NORMALBIDRAG_TILLAEG, RFY_MONTH(2026, 4)), 19200);
    rfy_rates_free(r);
}
END_TEST

START_TEST(reduction_moved_to_2026)
{
    /*
     * Decision A3: the one-off 0,45 reduction (LAS § 109 stk. 6) falls in 2027: one row in
     * 2027.csv.  Moving that row to 2026 is all a kommune does; the 2026 amounts written
     * "chain" follow (p = 4,5 − 0 − 0,45 = 4,05):
     *   forsørger 16.972 × 1,0405 = 17.659,37 -> 17.659; ikke-forsørger 12.770 × 1,0405 =
     *   13.287,19 -> 13.287; u25 3.972 × 1,0405 = 4.132,87 -> 4.133; hourly 18,50 × 1,0405 =
     *   19,249 -> 19,25.  The threshold (no afdæmpning, no reduction) stays 17.672.
     * The evidence against that reading: the chain then gives the highest sygedagpenge
     * amount 4.865 × 1,0405 = 5.062,03 -> 5.060 and the dagpenge maximum 21.092 × 1,0405 =
     * 21.946,23 -> 21.946, and neither is what the sources say (5.085 and 22.041, which
     * stay as given): rfy rates check reports exactly those two mismatches.
     */
    rfy_rates *r = NULL;
    edited e;
    rfy_month m = RFY_MONTH(2026, 5);
    edited_init(&e, "2027.csv", "regulation_reduction_pct,2027-01-01,2027-12-31,",
                "regulation_reduction_pct,2026-01-01,2026-12-31,", NULL);
    ck_assert_int_eq(rfy_rates_load_files(&r, e.n, e.names, e.texts, e.lens, NULL), RFY_OK);
    amount_is(rfy_rates_get(r, RFY_RATE_FORSORGER, m), 1765900);
    amount_is(rfy_rates_get(r, RFY_RATE_IKKE_FORSORGER, m), 1328700);
    amount_is(rfy_rates_get(r, RFY_RATE_U25_HJEMME, m), 413300);
    amount_is(rfy_rates_get(r, RFY_RATE_U25_BIDRAG_MAX, m), 1765900);
    amount_is(rfy_rates_get(r, RFY_RATE_HOUR_DISREGARD, m), 1925);
    amount_is(rfy_rates_get(r, RFY_RATE_SDP_MAX_WEEK, m), 508500);
    amount_is(rfy_rates_get(r, RFY_RATE_WAGE_THRESHOLD, m), 1767200);
    {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        ck_assert_int_eq(rfy_rates_check_chain_lang(r, RFY_LANG_EN, f), 2);
        fclose(f);
        ck_assert_msg(strstr(buf, "MISMATCH 2026 rfy_sdp_max_week") &&
                          strstr(buf, "table 5085.00, chain gives 5060.00"), "%s", buf);
        ck_assert_msg(strstr(buf, "MISMATCH 2026 dagpenge_max_month") &&
                          strstr(buf, "table 22041.00, chain gives 21946.00"), "%s", buf);
        free(buf);
    }
    rfy_rates_free(r);
    free(e.owned);
}
END_TEST

START_TEST(chain_amount_refusals)
{
    /* "chain" is for derived values of a chained key after its base year */
    refused(HDR "rfy_forsorger,2024-01-01,2024-12-31,chain,kr/month,published,x,y\n",
            "t.csv:2: amount 'chain' is only for provenance derived");
    refused(HDR "normalbidrag_month,2024-01-01,2024-12-31,chain,kr/month,derived,x,y\n",
            "t.csv:2: amount 'chain': normalbidrag_month is not computed by the chain (give the "
            "amount)");
    refused(HDR "rfy_forsorger,2013-01-01,2013-12-31,chain,kr/month,derived,x,y\n",
            "t.csv:2: amount 'chain': the chain of rfy_forsorger starts from its 2013 row, which "
            "needs an amount");
    /* a chained row whose chain lacks its base row */
    refused(HDR "rfy_forsorger,2024-01-01,2024-12-31,chain,kr/month,derived,x,y\n",
            "t.csv:2: amount 'chain': the chain cannot compute rfy_forsorger for 2024 (it needs "
            "the 2013 base row and regulation_r_pct and regulation_afdaempning_pct rows for "
            "every year up to 2024)");
}
END_TEST

START_TEST(load_reports_every_error)
{
    /* three bad rows and an overlap-free rest: all three in one message, one per line */
    refused(HDR "rfy_forsorger,2024-01-01,2024-12-31,-5,kr/month,published,x,y\n"
                "rfy_ikke_forsorger,2024-01-01,2024-12-31,12326,kr/week,published,x,y\n" ROW_2024
                "rfy_u25_hjemme,2024-13-01,2024-12-31,3834,kr/month,published,x,y\n",
            "t.csv:2: amount: a sign is not allowed (amounts are never negative)\n"
            "t.csv:3: unit of rfy_ikke_forsorger must be 'kr/month'\n"
            "t.csv:5: effective_from: no such date in the calendar");
    /* two overlaps, each reported once (not once per month) */
    refused(HDR ROW_2024 "rfy_forsorger,2024-03-01,2024-12-31,1,kr/month,published,x,y\n"
                "wage_threshold_month,2024-01-01,2024-12-31,1,kr/month,published,x,y\n"
                "wage_threshold_month,2024-12-01,2024-12-31,1,kr/month,published,x,y\n",
            "t.csv:3: overlap: rfy_forsorger also defined at t.csv:2; both would govern 2024-03\n"
            "t.csv:5: overlap: wage_threshold_month also defined at t.csv:4; both would govern "
            "2024-12");
}
END_TEST

START_TEST(comments_are_kept_with_their_year)
{
    /* the assumptions written in 2026.csv are what `rfy rates show 2026` prints */
    rfy_rates *r = builtin();
    int a2 = 0, a3 = 0;
    for (size_t i = 0; i < rfy_rates_comment_count(r); i++) {
        const rfy_rate_comment *c = rfy_rates_comment_at(r, i);
        ck_assert(c->text[0] != '#' && c->text[0] != ' ');
        if (strcmp(c->file, "2026.csv") == 0) {
            ck_assert_int_eq(c->year, 2026);
            a2 += strstr(c->text, "Assumption A2: r 2026 = 4.5") != NULL;
            a3 += strstr(c->text, "Assumption A3") != NULL;
        }
    }
    ck_assert_int_eq(a2, 1);
    ck_assert_int_eq(a3, 1);
    ck_assert_ptr_null(rfy_rates_comment_at(r, rfy_rates_comment_count(r)));
    rfy_rates_free(r);
}
END_TEST

START_TEST(check_missing_keys)
{
    /* the built-in set lacks no required key; normalbidrag is absent in 2016 only (2026:
     * 1.675, secondary) */
    rfy_rates *r = builtin();
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    ck_assert_int_eq(rfy_rates_check_missing_lang(r, RFY_LANG_EN, f), 0);
    fclose(f);
    ck_assert_ptr_null(strstr(buf, "MISSING"));
    ck_assert_ptr_nonnull(strstr(buf, "ABSENT normalbidrag_month 2016-01..2016-12"));
    ck_assert_ptr_null(strstr(buf, "ABSENT normalbidrag_month 2026"));
    /* the dagpenge maximum: weekly to 2017-06, monthly after; no month lacks both */
    ck_assert_ptr_null(strstr(buf, "ABSENT dagpenge"));
    free(buf);
    rfy_rates_free(r);
    /* a table covering 2024 with only forsørger from March: every gap in one report */
    {
        const char *names[] = {"t.csv"};
        const char *texts[] = {HDR
                               "rfy_forsorger,2024-03-01,2024-12-31,16382,kr/month,published,x,y\n"
                               "wage_threshold_month,2024-01-01,2024-12-31,16323,kr/month,published,x,y\n"};
        char *err = NULL;
        buf = NULL;
        ck_assert_int_eq(load_texts(&r, &err, 1, names, texts), RFY_OK);
        f = open_memstream(&buf, &len);
        /* forsørger 2024-01..02, and ikke-forsørger, u25, cap, hourly for all 12 months */
        ck_assert_int_eq(rfy_rates_check_missing_lang(r, RFY_LANG_EN, f), 5);
        fclose(f);
        ck_assert_ptr_nonnull(strstr(buf, "MISSING rfy_forsorger 2024-01..2024-02 ("));
        ck_assert_ptr_nonnull(strstr(buf, "MISSING rfy_ikke_forsorger 2024-01..2024-12 ("));
        ck_assert_ptr_nonnull(strstr(buf, "MISSING activation_hour_disregard 2024-01..2024-12 ("));
        ck_assert_ptr_nonnull(strstr(buf, "ABSENT rfy_sdp_max_week 2024-01..2024-12 ("));
        ck_assert_ptr_nonnull(strstr(buf, "ABSENT dagpenge_max_month 2024-01..2024-12 (the § 68 "
                                          "stk. 5 bound"));
        free(buf);
        /* the function without _lang speaks Danish, as rfy rates check does by default */
        buf = NULL;
        f = open_memstream(&buf, &len);
        ck_assert_int_eq(rfy_rates_check_missing(r, f), 5);
        fclose(f);
        ck_assert_msg(strstr(buf, "MANGLER rfy_forsorger 2024-01..2024-02 (tabellen for de "
                                  "måneder har ingen række med den: hver række i sådan en måned "
                                  "ville blive afvist)\n") != NULL, "%s", buf);
        ck_assert_ptr_nonnull(strstr(buf, "IKKE ANGIVET dagpenge_max_month 2024-01..2024-12 "
                                          "(grænsen efter § 68 stk. 5"));
        ck_assert_ptr_null(strstr(buf, "MISSING"));
        free(buf);
        rfy_rates_free(r);
    }
}
END_TEST

START_TEST(builtin_files_accessor)
{
    const char *name, *text;
    size_t len;
    ck_assert_int_eq(rfy_rates_builtin_file(0, &name, &text, &len), 0);
    ck_assert_str_eq(name, "2012.csv");
    ck_assert_uint_eq(len, rfy_builtin_rate_files[0].len);
    ck_assert_int_eq(rfy_rates_builtin_file(rfy_rates_builtin_count(), &name, &text, &len), -1);
}
END_TEST

static Suite *rates_suite(void)
{
    Suite *s = suite_create("rates");
    TCase *tc = tcase_create("builtin");
    tcase_add_test(tc, builtin_loads);
    tcase_add_test(tc, builtin_equals_rates_dir);
    tcase_add_test(tc, month_selection);
    tcase_add_test(tc, keys);
    suite_add_tcase(s, tc);
    tc = tcase_create("loader");
    tcase_add_test(tc, load_good_with_comments);
    tcase_add_test(tc, load_errors);
    tcase_add_test(tc, load_errors_in_danish);
    tcase_add_test(tc, load_structure_errors);
    tcase_add_test(tc, load_csv_errors);
    tcase_add_test(tc, load_duplicate_and_overlap);
    tcase_add_test(tc, rates_id);
    tcase_add_test(tc, rates_id_builtin_edit);
    suite_add_tcase(s, tc);
    tc = tcase_create("chain");
    tcase_add_test(tc, chain_builtin);
    tcase_add_test(tc, chain_off_by_one_krone);
    tcase_add_test(tc, chain_cap_and_normalbidrag);
    tcase_add_test(tc, chain_sanction_day);
    tcase_add_test(tc, sanction_day_every_year);
    tcase_add_test(tc, chain_cannot_run);
    tcase_add_test(tc, chain_values);
    tcase_add_test(tc, evidence_rates_sources);
    tcase_add_test(tc, evidence_2026_threshold_17672);
    tcase_add_test(tc, evidence_sdp_max_chain);
    tcase_add_test(tc, evidence_dagpenge_max);
    tcase_add_test(tc, derive_2027);
    tcase_add_test(tc, derive_refusals);
    tcase_add_test(tc, derive_refusals_in_danish);
    tcase_add_test(tc, normalbidrag_2026);
    tcase_add_test(tc, reduction_moved_to_2026);
    tcase_add_test(tc, chain_amount_refusals);
    tcase_add_test(tc, load_reports_every_error);
    tcase_add_test(tc, comments_are_kept_with_their_year);
    tcase_add_test(tc, check_missing_keys);
    tcase_add_test(tc, builtin_files_accessor);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(rates_suite());
}
