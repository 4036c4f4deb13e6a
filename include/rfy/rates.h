/*
 * Rate tables: the yearly amounts the law refers to, loaded as data.
 *
 * A table file is CSV with the header
 *   key,effective_from,effective_to,amount,unit,provenance,legal_ref,source
 * (records whose first field starts with '#' are comments).  docs/rates.md
 * describes the format.  The shipped tables (rates/ in the source tree) are
 * compiled into the library; rfy_rates_load_dir() reads a replacement set.
 *
 * Month selection (rules.md §2, Decision): a row governs every calendar
 * month from the month of effective_from to the month of effective_to, so
 * the 2015 table "gældende fra 5. januar" governs all of January 2015.  A
 * month no row covers has no value: callers report an error, never a
 * fallback to another year.
 *
 * Thread safety: loading builds a new object; once loaded, an rfy_rates is
 * never written, so any number of threads may read and compute with it at
 * once.  Free it after the last of them is done.
 */
#ifndef RFY_RATES_H
#define RFY_RATES_H

#include <gmp.h>
#include <stddef.h>
#include <stdio.h>

#include <rfy/date.h>
#include <rfy/export.h>
#include <rfy/fault.h> /* rfy_lang */

RFY_BEGIN_DECLS

/* Years a table row may cover (a year outside is refused as a typo). */
#define RFY_RATES_FIRST_YEAR 2000
#define RFY_RATES_LAST_YEAR 2199

/* The keys a table may hold.  The order is part of no interface. */
typedef enum rfy_rate_key {
    RFY_RATE_FORSORGER,           /* § 68 stk. 2 nr. 1, kr/month */
    RFY_RATE_IKKE_FORSORGER,      /* § 68 stk. 2 nr. 2, kr/month */
    RFY_RATE_U25_HJEMME,          /* § 68 stk. 2 nr. 3, kr/month */
    RFY_RATE_U25_BIDRAG_MAX,      /* § 68 stk. 2 nr. 4 cap, kr/month */
    RFY_RATE_SDP_MAX_WEEK,        /* § 68 stk. 4 highest sygedagpenge, kr/week */
    RFY_RATE_LEDIGHED_89_WEEK,    /* § 68 stk. 5 line (informational), kr/week */
    RFY_RATE_WAGE_THRESHOLD,      /* § 68 a stk. 2 lønindtægtsgrænse, kr/month */
    RFY_RATE_HOUR_DISREGARD,      /* § 68 a stk. 3 per arbejdstime, kr/hour */
    RFY_RATE_NORMALBIDRAG,        /* normalbidrag per child, kr/month (§ 68 stk. 2 nr. 4) */
    RFY_RATE_NORMALBIDRAG_GRUND,  /* its grundbeløb (informational) */
    RFY_RATE_NORMALBIDRAG_TILLAEG,/* its tillæg (informational) */
    RFY_RATE_REG_R,               /* regulation rate r, percent (rules.md §2) */
    RFY_RATE_REG_AFDAEMPNING,     /* afdæmpning, percent (rules.md §2) */
    RFY_RATE_REG_REDUCTION,       /* one-off reduction of § 109 stk. 6 (0,45 in 2026 or 2027), percent */
    /* Periodesanktion per day (§ 69 b stk. 2, § 69 n; rules.md §9), kr/day:
     * round(level × 12 / 260) to whole kroner, per year with the levels. */
    RFY_RATE_SANCTION_DAY_FORSORGER,       /* of the nr. 1 level */
    RFY_RATE_SANCTION_DAY_IKKE_FORSORGER,  /* of the nr. 2 level */
    RFY_RATE_SANCTION_DAY_U25_HJEMME,      /* of the nr. 3 level */
    RFY_RATE_SANCTION_DAY_U25_BIDRAG_MAX,  /* of the nr. 4 cap (the ministry's maximum) */
    /* The highest dagpenge amount (lov om arbejdsløshedsforsikring § 47):
     * the bound of a hidtidig ledighedsydelse (§ 68 stk. 5; LAS § 74 a stk. 2
     * sets ledighedsydelse at 89 % of it).  Set per week until 2017-06, per
     * month from 2017-07; rules.md §3 compares both as monthly amounts. */
    RFY_RATE_DAGPENGE_MAX_WEEK,   /* kr/week, 2013-01..2017-06 */
    RFY_RATE_DAGPENGE_MAX_MONTH,  /* kr/month, from 2017-07 */
    RFY_RATE_KEY_COUNT
} rfy_rate_key;

/* Provenance, ordered from strongest to weakest (a larger value is weaker). */
typedef enum rfy_provenance {
    RFY_PROV_PUBLISHED = 0, /* ministry rate page or law text */
    RFY_PROV_SECONDARY = 1, /* another source */
    RFY_PROV_DERIVED = 2    /* indexation chain only */
} rfy_provenance;

/*
 * One value of one table row: an opaque handle, read with the accessors
 * below.  It belongs to the rfy_rates it came from (rfy_rates_get(),
 * rfy_rates_at(), rfy_result_rate()) and lives as long as that set; it is
 * never written after loading, so any thread may read it.
 */
typedef struct rfy_rate_value rfy_rate_value;

/* The key of the row. */
RFY_API rfy_rate_key rfy_rate_value_key(const rfy_rate_value *v);
/* effective_from and effective_to of the row (both inclusive). */
RFY_API rfy_date rfy_rate_value_from(const rfy_rate_value *v);
RFY_API rfy_date rfy_rate_value_to(const rfy_rate_value *v);
/* The amount × 100 (øre, or hundredths of a percent for the regulation
 * keys), copied into out (initialised by the caller).  A row written
 * "chain" holds the value the chain gave it at load. */
RFY_API void rfy_rate_value_amount(mpz_t out, const rfy_rate_value *v);
/* The amount as exact text with two decimals ("17736.00"; `point` is '.'
 * or ','), the way rfy_money_format() writes øre.  Returns the length, or
 * -1 if `size` is too small. */
RFY_API int rfy_rate_value_amount_text(char *buf, size_t size, const rfy_rate_value *v, char point);
/* How strong the row's source is. */
RFY_API rfy_provenance rfy_rate_value_provenance(const rfy_rate_value *v);
/* The row's legal_ref and source columns (borrowed, never NULL). */
RFY_API const char *rfy_rate_value_legal_ref(const rfy_rate_value *v);
RFY_API const char *rfy_rate_value_source(const rfy_rate_value *v);
/* The table file the row is in ("2024.csv"; borrowed, never NULL) and its line there. */
RFY_API const char *rfy_rate_value_file(const rfy_rate_value *v);
RFY_API unsigned long rfy_rate_value_line(const rfy_rate_value *v);
/* Non-zero when the amount was written "chain" (computed from the chain at load). */
RFY_API int rfy_rate_value_chained(const rfy_rate_value *v);

/* A comment record of a table file (the assumptions behind its values). */
typedef struct rfy_rate_comment {
    const char *file;
    unsigned long line;
    const char *text;   /* without the leading '#' and blanks */
    int year;           /* the year the file's first row starts in; 0 if it has no row */
} rfy_rate_comment;

typedef struct rfy_rates rfy_rates;

/* Non-zero for the keys that parametrise the chain (regulation_*): they
 * carry no amount a computation uses, so they do not make a month covered. */
RFY_API int rfy_rate_key_is_parameter(rfy_rate_key key);

/* The § 68 stk. 2 level a periodesanktion day amount (sanction_day_*) is
 * derived from by round(level × 12 / 260) (rules.md §9), or
 * RFY_RATE_KEY_COUNT for any other key. */
RFY_API rfy_rate_key rfy_sanction_day_level_key(rfy_rate_key key);

/* Key name as written in table files ("rfy_forsorger"); NULL if out of range. */
RFY_API const char *rfy_rate_key_name(rfy_rate_key key);
/* Unit as written in table files ("kr/month"). */
RFY_API const char *rfy_rate_key_unit(rfy_rate_key key);
/* Legal reference of the key in the law ("§ 68 stk. 2 nr. 1"). */
RFY_API const char *rfy_rate_key_law(rfy_rate_key key);
/* Look a key up by name; returns 0 and sets *out, or -1. */
RFY_API int rfy_rate_key_from_name(rfy_rate_key *out, const char *name, size_t len);
/* "published", "secondary", "derived". */
RFY_API const char *rfy_provenance_name(rfy_provenance p);

/*
 * Load the tables compiled into the binary.  Returns RFY_OK and a new object
 * in *out (free with rfy_rates_free), or an error code with *errmsg (caller
 * frees).  Fails only if the shipped tables are invalid or memory runs out.
 */
RFY_API int rfy_rates_load_builtin(rfy_rates **out, char **errmsg);

/*
 * Load every "*.csv" file directly in `dir` (sorted by name) as the complete
 * set of tables, replacing the built-in ones.  A malformed file (unknown key,
 * wrong unit, bad date or amount, effective_to before effective_from,
 * duplicate key and date, two rows of one key covering the same month) is
 * refused with RFY_ERATES and *errmsg "FILE:LINE: reason" (one line per
 * fault, in Danish; rfy_rates_load_dir_lang() below for English).  Effective
 * dates must lie in RFY_RATES_FIRST_YEAR..RFY_RATES_LAST_YEAR.
 */
RFY_API int rfy_rates_load_dir(rfy_rates **out, const char *dir, char **errmsg);

/*
 * Load tables from in-memory files (used for the built-in set, and by tests
 * and fuzzers).  names[i]/texts[i]/lens[i] describe file i.
 */
RFY_API int rfy_rates_load_files(rfy_rates **out, size_t n, const char *const *names,
                         const char *const *texts, const size_t *lens, char **errmsg);

/*
 * The three loaders above with their faults said in `lang`: RFY_LANG_DA
 * (what the functions without _lang say) or RFY_LANG_EN.  Every line of
 * *errmsg is "FILE:LINE: reason" with the reason from the engine's catalogue
 * (rfy/messages.h), a parser's reason among them ("effective_from: den dato
 * findes ikke i kalenderen"), and so are the messages of the directory as a
 * whole ("DIR: kan ikke åbne satstabelmappen: ...").  File names, keys,
 * column names and values stay as written in both languages.  Otherwise as
 * rfy_rates_load_builtin(), rfy_rates_load_dir() and rfy_rates_load_files().
 */
RFY_API int rfy_rates_load_builtin_lang(rfy_rates **out, rfy_lang lang, char **errmsg);
RFY_API int rfy_rates_load_dir_lang(rfy_rates **out, const char *dir, rfy_lang lang,
                                    char **errmsg);
RFY_API int rfy_rates_load_files_lang(rfy_rates **out, size_t n, const char *const *names,
                                      const char *const *texts, const size_t *lens, rfy_lang lang,
                                      char **errmsg);

RFY_API void rfy_rates_free(rfy_rates *rates);

/*
 * The table files compiled into the binary (the shipped rates/), for
 * `rfy rates export`: file i's name ("2024.csv") and exact bytes.  Returns 0,
 * or -1 when i is out of range.  Loading the exported files with
 * rfy_rates_load_dir() gives the built-in set and the same rates_id.
 */
RFY_API size_t rfy_rates_builtin_count(void);
RFY_API int rfy_rates_builtin_file(size_t i, const char **name, const char **text, size_t *len);

/*
 * Fingerprint of the loaded tables: the first 16 hex digits of SHA-256 over
 * every file's name and bytes, in name order.  Same files give the same id;
 * any edit gives another.  Borrowed string.
 */
RFY_API const char *rfy_rates_id(const rfy_rates *rates);

/*
 * The value of `key` that governs month `m`, or NULL if no row covers it.
 * O(1): the loader indexes every covered month.
 */
RFY_API const rfy_rate_value *rfy_rates_get(const rfy_rates *rates, rfy_rate_key key, rfy_month m);

/* First and last month any row covers (for messages); 0 if empty. */
RFY_API rfy_month rfy_rates_first_month(const rfy_rates *rates);
RFY_API rfy_month rfy_rates_last_month(const rfy_rates *rates);

/*
 * Non-zero when some row of an amount key (not a regulation_* parameter)
 * covers month m: the tables "cover" that month, and a key missing there is
 * a gap in the table, not a month beyond the tables.
 */
RFY_API int rfy_rates_covers(const rfy_rates *rates, rfy_month m);

/*
 * The covered years as text for messages, e.g. "2012-2026" or
 * "2012-2024, 2026" (into buf, size bytes; truncated with "..." if needed).
 */
RFY_API void rfy_rates_covered_years(char *buf, size_t size, const rfy_rates *rates);

/* The comment records of every file, in file and line order. */
RFY_API size_t rfy_rates_comment_count(const rfy_rates *rates);
RFY_API const rfy_rate_comment *rfy_rates_comment_at(const rfy_rates *rates, size_t i);

/*
 * The keys every covered month must have for the engine to compute any
 * category (the four § 68 stk. 2 keys, the § 68 a stk. 2 and 3 amounts).
 * The others are optional: normalbidrag_month (nr. 4 then needs
 * child_support), rfy_sdp_max_week (the § 68 stk. 4 check is then skipped),
 * the dagpenge maximum, weekly or monthly (the § 68 stk. 5 bound is then not
 * checked), and the informational keys.  Writes one line per key and run of months
 * that lacks it, in Danish (rfy_rates_check_missing_lang() below for English:
 * "MISSING rfy_forsorger 2026-01..2026-12 (the table for
 * those months has no row of it)") to `report` (may be NULL), then one line
 * per optional key that is absent from covered months, as "ABSENT ...".
 * Returns the number of MISSING (MANGLER) lines (0 = complete).
 */
RFY_API int rfy_rates_check_missing(const rfy_rates *rates, FILE *report);

/*
 * rfy_rates_check_missing() with its lines said in `lang`: RFY_LANG_DA (what
 * the function without _lang says: "MANGLER rfy_forsorger 2026-01..2026-12
 * (tabellen for de måneder har ingen række med den: ...)", "IKKE ANGIVET ...")
 * or RFY_LANG_EN ("MISSING ...", "ABSENT ...").  The words come from the
 * engine's catalogue (rfy/messages.h); keys and months stay as they are.
 * Returns what rfy_rates_check_missing() returns.
 */
RFY_API int rfy_rates_check_missing_lang(const rfy_rates *rates, rfy_lang lang, FILE *report);

/* All rows, in file and line order (for `rates show` and the chain check). */
RFY_API size_t rfy_rates_count(const rfy_rates *rates);
RFY_API const rfy_rate_value *rfy_rates_at(const rfy_rates *rates, size_t i);

/*
 * Verify the indexation chain of rules.md §2 against the tables.
 *
 * For each indexed key (wage threshold from its 2012 base with r; hourly
 * disregard from its 2012 base and the § 68 stk. 2 levels from their 2013
 * values with r − afdæmpning), recompute v[y] = round(v[y−1] × (1 + p[y]/100))
 * year by year and compare with every table row of that key, whatever its
 * provenance; also check that the nr. 4 cap equals the forsørger level and
 * that normalbidrag equals grundbeløb + tillæg where both are given, and
 * that every periodesanktion day amount (sanction_day_*) equals
 * round(level × 12 / 260) of the level it belongs to in the same month
 * (rfy_sanction_day_amount(), rules.md §9).
 * Writes one line per finding to `report` (may be NULL) and returns the
 * number of mismatches (0 = all reproduced), or -1 if the chain cannot run
 * (a base or a regulation rate is missing; explained in `report`).
 * The lines are in Danish (rfy_rates_check_chain_lang() below for English).
 * Each mismatch line gives both numbers: "MISMATCH 2026 rfy_forsorger
 * (2026.csv:9, derived): table 17700.00, chain gives 17736.00".  Rows
 * written "chain" equal the chain by construction and are counted as checked.
 */
RFY_API int rfy_rates_check_chain(const rfy_rates *rates, FILE *report);

/*
 * rfy_rates_check_chain() with its lines said in `lang`: RFY_LANG_DA (what
 * the function without _lang says: "AFVIGELSE 2026 rfy_forsorger
 * (2026.csv:9, derived): tabellen 17700.00, kæden giver 17736.00",
 * "kontrollerede 184 værdier (55 offentliggjorte, ...): alle genskabt af
 * kæden") or RFY_LANG_EN (the lines shown above).  The words come from the
 * engine's catalogue (rfy/messages.h); keys, files, provenance names and
 * amounts stay as they are.  Returns what rfy_rates_check_chain() returns.
 */
RFY_API int rfy_rates_check_chain_lang(const rfy_rates *rates, rfy_lang lang, FILE *report);

/*
 * The chain value of `key` for `year` computed from the tables' base and
 * regulation rows (øre; rounded as the chain rounds).  The chained keys: the
 * wage threshold (from 2012, p = r), the hourly disregard (from 2012), the
 * three § 68 stk. 2 levels and the nr. 4 cap (from 2013), and the highest
 * sygedagpenge amount (from 2013, rounded to the nearest multiple of 5 kr.)
 * and the monthly dagpenge maximum (from 2017, to whole kroner), all with
 * p = r − afdæmpning − reduction.  Returns RFY_OK, or
 * RFY_ENORATE if the key is not indexed or a base/regulation row is missing.
 */
RFY_API int rfy_rates_chain_value(mpz_t out, const rfy_rates *rates, rfy_rate_key key, int year);

/* The numbers `rfy rates derive` takes, as the user typed them (plain
 * decimals with a point: "2.9", "0.45", "1675"); NULL = the default. */
typedef struct rfy_rates_derive_args {
    int year;                 /* must be the year after the last covered one */
    const char *r;            /* satsreguleringsprocent (required) */
    const char *afdaempning;  /* NULL: 0 */
    const char *reduction;    /* NULL: the tables' regulation_reduction_pct for year, else 0 */
    const char *normalbidrag; /* NULL: no normalbidrag row (it follows PSL § 20, not the chain) */
} rfy_rates_derive_args;

/*
 * rfy rates derive (docs/rates.md section 4): the table for args->year,
 * derived from the year before by the chain of rules.md §2, from the table
 * files names/texts/lens (the built-in ones, or a --rates directory's).
 *
 * The table holds the four § 68 stk. 2 amounts, the wage threshold, the
 * hourly disregard, the highest sygedagpenge and dagpenge amounts (when the
 * year before has them), the periodesanktion day amounts, the normalbidrag
 * when given, and the year's regulation rows; every row is `derived` and its
 * source shows the computation with its numbers.  The new set (the files
 * minus the one it replaces, plus the new one) is loaded and must pass
 * rfy_rates_check_missing() and rfy_rates_check_chain() before anything is
 * returned.
 *
 * On RFY_OK *text and *len hold the file "YEAR.csv" (caller frees) and
 * *replaces the index of the file of that name among the inputs (which may
 * hold the year's regulation rows, as the shipped 2027.csv does), or -1.
 * Otherwise RFY_EINPUT (a year that is not the next one, a number that is
 * not a plain decimal, a year before without a required amount), RFY_ERATES
 * (the inputs or the result do not load or do not pass the check) or
 * RFY_ENOMEM, with *errmsg (caller frees).
 */
RFY_API int rfy_rates_derive(char **text, size_t *len, long *replaces, size_t n,
                             const char *const *names, const char *const *texts,
                             const size_t *lens, const rfy_rates_derive_args *args,
                             char **errmsg);

/*
 * rfy_rates_derive() with *errmsg in `lang`: RFY_LANG_DA (what
 * rfy_rates_derive() says) or RFY_LANG_EN.  The loader's faults in it (the
 * tables derived from, or the derived set) are in the same language
 * (rfy_rates_load_files_lang()); the derived file's own text (its comments
 * and source cells) is the same in both.
 */
RFY_API int rfy_rates_derive_lang(char **text, size_t *len, long *replaces, size_t n,
                                  const char *const *names, const char *const *texts,
                                  const size_t *lens, const rfy_rates_derive_args *args,
                                  rfy_lang lang, char **errmsg);

RFY_END_DECLS

#endif
