/* Internal to calc/: the shape of a loaded rate set and the built-in files. */
#ifndef RFY_RATES_INTERNAL_H
#define RFY_RATES_INTERNAL_H

#include <gmp.h>
#include <stddef.h>

#include <rfy/rates.h>

/* One value of one table row (rfy/rates.h's opaque rfy_rate_value; the
 * accessors are in rate_value_access.c).  Amounts are scaled by 100 (øre,
 * or hundredths of a percent for the regulation keys). */
struct rfy_rate_value {
    rfy_rate_key key;
    rfy_date from, to;  /* effective_from, effective_to (inclusive) */
    mpz_t amount;       /* × 100 */
    rfy_provenance provenance;
    const char *legal_ref;
    const char *source;
    const char *file;   /* table file name (e.g. "2024.csv") */
    unsigned long line; /* line in that file */
    int chained;        /* amount written "chain": computed from the chain at load */
};

struct rfy_rates {
    rfy_rate_value *v; /* rows in file and line order */
    size_t n, cap;
    char **strings;    /* owned copies of legal_ref, source, comments and file names */
    size_t nstrings, capstrings;
    rfy_rate_comment *comments; /* comment records in file and line order */
    size_t ncomments, capcomments;
    rfy_month first, last;             /* months covered by any row */
    const rfy_rate_value **by_month;   /* (last − first + 1) × RFY_RATE_KEY_COUNT */
    char id[17];
};

/* rfy_rates_get(): the row in force for key in month m, or NULL; inline for
 * the rules' hot path (rfy__rate, rules.h). */
static inline const rfy_rate_value *rfy__rates_lookup(const rfy_rates *r, rfy_rate_key key, rfy_month m)
{
    if ((unsigned)key >= RFY_RATE_KEY_COUNT || m < r->first || m > r->last)
        return NULL;
    return r->by_month[(size_t)(m - r->first) * RFY_RATE_KEY_COUNT + key];
}

/* The row of `key` whose effective_from lies in `year` (the first in file
 * order), or NULL (rates_table.c). */
const rfy_rate_value *rfy__rates_row_of_year(const rfy_rates *r, rfy_rate_key key, int year);

/* The keys the chain computes, in the chain's own order (rates_chain.c). */
size_t rfy__chain_count(void);
rfy_rate_key rfy__chain_key(size_t i);

/* p[y] of a chain in hundredths of a percent (rates_chain.c): r, less the
 * afdæmpning and the reduction when with_afd.  RFY_ENORATE, with the key of
 * the missing row in *missing (if not NULL), when a row is missing. */
int rfy__chain_rate_of_year(mpz_t p, const rfy_rates *r, int year, int with_afd,
                            rfy_rate_key *missing);

/* The year a chained key's chain starts from (its base row), or 0 if the
 * key is not computed by the chain (rates_chain.c). */
int rfy__chain_base_year(rfy_rate_key key);

/* The chain of a key (rates_chain.c): whether its p carries the afdæmpning
 * and the reduction (1) or is r alone (0), and one step of it:
 * v = round(v × (10000 + p) / 10000) to the key's unit, p in hundredths of a
 * percent.  rfy__chain_step returns -1 (v untouched) for a key the chain
 * does not compute. */
int rfy__chain_with_afdaempning(rfy_rate_key key);
int rfy__chain_step(mpz_t v, const mpz_t p, rfy_rate_key key);

/* rules.md §9: the day amount of `day_key` for month m = round(level × 12 /
 * 260) of that month's level row, into out (øre).  RFY_OK, or RFY_ENORATE
 * when no level row governs m.  The level row must hold its amount (a
 * chained level is evaluated first). */
int rfy__sanction_day_value(mpz_t out, const rfy_rates *r, rfy_rate_key day_key, rfy_month m);

/* Generated at build time from the rates directory (cmake/embed_rates.cmake). */
typedef struct rfy_builtin_file {
    const char *name;
    const char *text;
    size_t len;
} rfy_builtin_file;
extern const rfy_builtin_file rfy_builtin_rate_files[];
extern const size_t rfy_builtin_rate_file_count;

#endif
