/*
 * rfy_bench_gen: write a realistic random batch CSV (interface.md "Batch
 * input") for the throughput benchmark.
 *
 *   rfy_bench_gen [--seed N] [--rows N] [-o FILE]
 *
 * The same seed and row count always give the same bytes (a fixed-seed
 * splitmix64 PRNG, integer arithmetic only, no rand()), so bench/golden.txt
 * can pin the sha256 of rfy's output for one generated file.
 *
 * Every row is valid: `rfy batch` computes all of them (exit 0).  What the
 * rows cover, and why each is valid:
 *   - months 2013-01..2025-06 (the shipped rate tables); a case runs over
 *     1–24 consecutive months, as in a real payroll batch;
 *   - all four categories; jobafklaring only from 2014-07 (§ 69 j coverage);
 *   - nr. 4 always with children; child_support always in 2016 (no
 *     normalbidrag is known for 2016), sometimes in other years;
 *   - prior sygedagpenge only in ressourceforløb (§ 68 stk. 4), never in 2025
 *     (no highest sygedagpenge amount is known), with an amount at most the
 *     year's highest (× 52/12 for a monthly amount) and prior_until before,
 *     inside or after the month; prior ledighedsydelse with no end date;
 *   - split months (prior_until inside the month) and part months (start,
 *     end or both);
 *   - every income kind: wage, holiday pay with feriedage, income in tilbud
 *     with hours (some above 160), other income;
 *   - amounts written as "123", "123.4" or "123.45", all within the
 *     plausibility limits; a few case_ids that need CSV quoting;
 *   - rows in case-month order (case_id bytewise, then month), as
 *     docs/casemonth.md defines it: the input streams.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIRST_YEAR 2013
#define LAST_MONTH_INDEX (12 * (2025 - FIRST_YEAR) + 5) /* 2025-06, 0 = 2013-01 */
#define JOBAFKLARING_FROM (12 * (2014 - FIRST_YEAR) + 6) /* 2014-07 */

/* rfy_sdp_max_week, kr. per week, 2013..2024 (rates/YYYY.csv); none for 2025. */
static const unsigned SDP_MAX_WEEK[] = {4005, 4075, 4135, 4180, 4245, 4300,
                                        4355, 4405, 4460, 4465, 4550, 4695};

static const char *const CATEGORY[] = {"forsorger", "ikke_forsorger", "u25_hjemme",
                                       "u25_hjemme_bidrag"};

/* splitmix64 (Steele, Lea, Flood 2014): tiny, fast, and the same everywhere. */
static uint64_t rng_state;

static uint64_t next64(void)
{
    uint64_t z = (rng_state += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* Uniform in lo..hi inclusive (the modulo bias is irrelevant for a benchmark). */
static unsigned long uniform(unsigned long lo, unsigned long hi)
{
    return lo + (unsigned long)(next64() % (uint64_t)(hi - lo + 1));
}

/* True with probability pct/100. */
static int chance(unsigned pct)
{
    return next64() % 100u < pct;
}

static int days_in_month(int year, int month)
{
    static const int DAYS[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
        return 29;
    return DAYS[month - 1];
}

/* Output through a large buffer: the generator must not dominate the benchmark. */
static FILE *out;

/* A decimal amount of `hundredths` (øre, or hundredths of an hour or a
 * feriedag) in one of the accepted spellings: "123", "123.4", "123.45". */
static void put_decimal(unsigned long hundredths)
{
    unsigned long whole = hundredths / 100, frac = hundredths % 100;
    if (frac == 0 && chance(70))
        fprintf(out, "%lu", whole);
    else if (frac % 10 == 0 && chance(50))
        fprintf(out, "%lu.%lu", whole, frac / 10);
    else
        fprintf(out, "%lu.%02lu", whole, frac);
}

/* A money amount: whole kroner most of the time, as payroll data usually is. */
static void put_amount(unsigned long lo_kr, unsigned long hi_kr)
{
    unsigned long ore = uniform(lo_kr * 100, hi_kr * 100);
    if (chance(40))
        ore -= ore % 100;
    put_decimal(ore);
}

/* Year and month (1-12) of a month index (0 = 2013-01; may be negative). */
static void split_month(int *year, int *month, int mi)
{
    int abs_month = FIRST_YEAR * 12 + mi;
    *year = abs_month / 12;
    *month = abs_month % 12 + 1;
}

static void put_date(int mi, int day)
{
    int y, m;
    split_month(&y, &m, mi);
    fprintf(out, "%04d-%02d-%02d", y, m, day);
}

/* One case: fixed for all its months. */
typedef struct gen_case {
    unsigned long number;
    int quoted;        /* case_id needs CSV quoting */
    int category;      /* index into CATEGORY */
    int jobafklaring;
    int children;
    int prior;         /* 0 none, 1 sygedagpenge, 2 ledighedsydelse */
    int weekly;        /* prior amount per week */
    int month, left;   /* current month index, months still to write */
    int sdp_until;     /* month index of prior_until */
    int working;       /* has wage most months */
} gen_case;

static void new_case(gen_case *c, unsigned long number)
{
    int span;
    c->number = number;
    c->quoted = chance(1);
    c->left = (int)uniform(1, 24);
    c->month = (int)uniform(0, LAST_MONTH_INDEX);
    span = LAST_MONTH_INDEX - c->month + 1;
    if (c->left > span)
        c->left = span;
    c->category = (int)(next64() % 100u < 40 ? 0 : chance(60) ? 1 : chance(50) ? 2 : 3);
    /* § 69 j: jobafklaringsforløb exist from 2014-07; months only go forward. */
    c->jobafklaring = c->month >= JOBAFKLARING_FROM && chance(25);
    c->children = c->category == 3 ? (chance(95) ? (int)uniform(1, 4) : (int)uniform(5, 20)) : 0;
    c->prior = 0;
    if (!c->jobafklaring && chance(12))
        c->prior = 1; /* § 68 stk. 4: ressourceforløb only */
    else if (chance(6))
        c->prior = 2;
    c->weekly = chance(60);
    /* The sygedagpenge level ends somewhere around the case's months. */
    c->sdp_until = c->month + (int)uniform(0, (unsigned long)c->left + 1) - 1;
    c->working = chance(35);
}

static void put_row(gen_case *c)
{
    int mi = c->month, year, mon, dim;
    int prior = c->prior, start = 0, end = 0;
    unsigned r;

    split_month(&year, &mon, mi);
    dim = days_in_month(year, mon);

    /* case_id,month,category,forloeb */
    /* "RF00000042, Kommune 145" sorts right after "RF00000041": the file is
     * in case-month order (docs/casemonth.md), the way a payroll system
     * exports it, so rfy streams it; bench/run.sh shuffles a copy to measure
     * the sorting path. */
    if (c->quoted)
        fprintf(out, "\"RF%08lu, Kommune %lu\",", c->number, c->number % 98 + 101);
    else
        fprintf(out, "RF%08lu,", c->number);
    fprintf(out, "%04d-%02d,%s,", year, mon, CATEGORY[c->category]);
    if (c->jobafklaring)
        fputs("jobafklaring", out);
    else if (chance(20))
        fputs("ressourceforloeb", out);
    putc(',', out);

    /* start,end: mostly the whole month */
    r = (unsigned)(next64() % 100u);
    if (r < 5 || (r >= 10 && r < 14))
        start = (int)uniform(2, (unsigned long)dim);
    if ((r >= 5 && r < 10) || (r >= 10 && r < 14))
        end = (int)uniform(start ? (unsigned long)start : 1, (unsigned long)dim - (start ? 0 : 1));
    if (start)
        put_date(mi, start);
    putc(',', out);
    if (end)
        put_date(mi, end);
    putc(',', out);

    /* children,child_support: § 68 stk. 2 nr. 4; 2016 has no normalbidrag */
    if (c->children)
        fprintf(out, "%d", c->children);
    putc(',', out);
    if (c->children && (year == 2016 || chance(30)))
        put_amount(0, 1700u * (unsigned)c->children);
    putc(',', out);

    /* prior,prior_amount,prior_unit,prior_until */
    if (prior == 1 && year == 2025)
        prior = 0; /* no rfy_sdp_max_week for 2025 */
    if (prior == 1) {
        /* at most the year's highest amount: max per week, or max × 52/12 per month */
        unsigned long max_week = SDP_MAX_WEEK[year - FIRST_YEAR] * 100ul;
        unsigned long max = c->weekly ? max_week : max_week * 52 / 12;
        unsigned long ore = uniform(max / 3, max);
        int um = c->sdp_until, uy, un;
        split_month(&uy, &un, um);
        fputs("sygedagpenge,", out);
        put_decimal(chance(50) ? ore - ore % 100 : ore);
        fprintf(out, ",%s,", c->weekly ? "week" : "month");
        put_date(um, (int)uniform(1, (unsigned long)days_in_month(uy, un)));
    } else if (prior == 2) {
        /* at most the year's highest dagpenge amount (§ 68 stk. 5 bound, docs/decisions.md
         * D56): the lowest is 2013's 4.005 kr./uge, 4.005 × 52/12 = 17.355 kr./md. */
        fputs("ledighedsydelse,", out);
        if (c->weekly)
            put_amount(2500, 4000);
        else
            put_amount(11000, 17000);
        fprintf(out, ",%s,", c->weekly ? "week" : "month");
    } else {
        if (chance(10))
            fputs("none", out);
        fputs(",,,", out);
    }
    putc(',', out);

    /* wage,holiday_pay,holiday_days */
    if (c->working ? chance(85) : chance(8))
        put_amount(200, 40000);
    putc(',', out);
    if (chance(6)) {
        put_amount(300, 25000);
        putc(',', out);
        put_decimal(chance(70) ? uniform(1, 25) * 100 : uniform(50, 3100));
    } else {
        putc(',', out);
    }
    putc(',', out);

    /* activation_income,activation_hours */
    if (chance(15)) {
        put_amount(100, 9000);
        putc(',', out);
        put_decimal(chance(60) ? uniform(1, 220) * 100 : uniform(0, 74400));
    } else {
        putc(',', out);
    }
    putc(',', out);

    /* other_income */
    if (chance(10))
        put_amount(1, 20000);
    putc('\n', out);

    c->month++;
    c->left--;
}

static int parse_ulong(unsigned long *v, const char *s)
{
    char *end;
    errno = 0;
    *v = strtoul(s, &end, 10);
    return errno || end == s || *end || s[0] == '-' ? -1 : 0;
}

int main(int argc, char **argv)
{
    unsigned long seed = 20250601, rows = 1000000, i, cases = 0;
    const char *path = NULL;
    gen_case c;
    int a;

    for (a = 1; a < argc; a++) {
        if (strcmp(argv[a], "--seed") == 0 && a + 1 < argc) {
            if (parse_ulong(&seed, argv[++a]))
                goto usage;
        } else if (strcmp(argv[a], "--rows") == 0 && a + 1 < argc) {
            if (parse_ulong(&rows, argv[++a]))
                goto usage;
        } else if (strcmp(argv[a], "-o") == 0 && a + 1 < argc) {
            path = argv[++a];
        } else {
            goto usage;
        }
    }
    out = path ? fopen(path, "wb") : stdout;
    if (!out) {
        fprintf(stderr, "rfy_bench_gen: cannot write %s: %s\n", path, strerror(errno));
        return 2;
    }
    setvbuf(out, NULL, _IOFBF, 1u << 20);
    rng_state = seed;
    fputs("case_id,month,category,forloeb,start,end,children,child_support,prior,prior_amount,"
          "prior_unit,prior_until,wage,holiday_pay,holiday_days,activation_income,"
          "activation_hours,other_income\n",
          out);
    c.left = 0;
    for (i = 0; i < rows; i++) {
        if (c.left == 0)
            new_case(&c, ++cases);
        put_row(&c);
    }
    if (fflush(out) != 0 || ferror(out) || (path && fclose(out) != 0)) {
        fprintf(stderr, "rfy_bench_gen: write error: %s\n", strerror(errno));
        return 2;
    }
    return 0;

usage:
    fprintf(stderr, "usage: rfy_bench_gen [--seed N] [--rows N] [-o FILE]\n");
    return 2;
}
