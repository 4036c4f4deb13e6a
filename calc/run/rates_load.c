/*
 * Load rate tables (docs/rates.md): parse, validate, index by month and
 * fingerprint.  A malformed table is refused as a whole with FILE:LINE and
 * the reason; nothing is half-loaded.
 */
#include <dirent.h>
#include <errno.h>
#include <openssl/evp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rates_internal.h"
#include <rfy/csv.h>
#include <rfy/messages.h>
#include <rfy/money.h>
#include <rfy/status.h>
#include "hex.h"

#define HEADER "key,effective_from,effective_to,amount,unit,provenance,legal_ref,source"
#define NCOLS 8
#define MAX_TABLE_FILE (16u << 20)
/* Structural errors reported in one run before the rest is summed up. */
#define MAX_ERRORS 50

/*
 * Every structural error of a set, one "FILE:LINE: reason" per line: a
 * payroll officer fixing a table sees all of them at once, not one per run.
 */
typedef struct error_list {
    char *text;       /* lines joined by '\n', or NULL */
    size_t len, count;
    int rc;           /* RFY_ERATES, or RFY_ENOMEM once memory ran out */
    rfy_lang lang;    /* the language of every reason (rfy/messages.h) */
} error_list;

typedef struct load_ctx {
    rfy_rates *rates;
    const char *file; /* owned by rates->strings */
    int seen_header;
    unsigned long first_row_year; /* year of the file's first row, 0 = none yet */
    error_list *errors;
} load_ctx;

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

static const char *keep_string(rfy_rates *r, const char *s, size_t n)
{
    char *p;
    if (r->nstrings == r->capstrings) {
        size_t cap = r->capstrings ? r->capstrings * 2 : 64;
        char **q = realloc(r->strings, cap * sizeof *q);
        if (!q)
            return NULL;
        r->strings = q;
        r->capstrings = cap;
    }
    p = dup_n(s, n);
    if (p)
        r->strings[r->nstrings++] = p;
    return p;
}

/* Append one error line "FILE:LINE: reason" (line 0: "FILE: reason"). */
static void add_error(error_list *e, int rc, const char *file, unsigned long line,
                      const char *reason)
{
    char head[64];
    size_t n;
    char *p;
    if (rc == RFY_ENOMEM || e->rc == 0)
        e->rc = rc;
    e->count++;
    if (e->count > MAX_ERRORS + 1)
        return;
    if (e->count == MAX_ERRORS + 1) {
        file = "";
        reason = rfy_message_format(RFY_MSG_RL_MORE_ERRORS, e->lang);
    }
    if (*file && line)
        snprintf(head, sizeof head, ":%lu: ", line);
    else
        snprintf(head, sizeof head, "%s", *file ? ": " : "");
    n = strlen(file) + strlen(head) + strlen(reason) + 2;
    p = realloc(e->text, e->len + n);
    if (!p) {
        e->rc = RFY_ENOMEM;
        return;
    }
    e->text = p;
    e->len += (size_t)snprintf(p + e->len, n, "%s%s%s%s", e->len ? "\n" : "", file, head, reason);
}

/*
 * Record an error of the current row: message `id` of the catalogue in the
 * loader's language, with its arguments.  Returns 0 so that the reader goes
 * on to the next row (every error of the file is reported), or the code to
 * stop when memory ran out.
 */
static int fail(load_ctx *c, int rc, unsigned long line, rfy_message id, ...)
{
    char reason[384];
    va_list ap;
    va_start(ap, id);
    vsnprintf(reason, sizeof reason, rfy_message_format(id, c->errors->lang), ap);
    va_end(ap);
    add_error(c->errors, rc, c->file, line, reason);
    return c->errors->rc == RFY_ENOMEM ? RFY_ENOMEM : 0;
}

/*
 * Record that memory ran out at this row, in the loader's language (the words
 * of the status code: the row has nothing more to say).
 */
static int fail_nomem(load_ctx *c, unsigned long line)
{
    add_error(c->errors, RFY_ENOMEM, c->file, line, rfy_rc_text(RFY_ENOMEM, c->errors->lang));
    return RFY_ENOMEM;
}

/*
 * Record a field whose parser refused it: "COLUMN: reason", the column as
 * named in the header (both languages), the parser's reason in the loader's
 * language (rfy_reason_text).
 */
static int fail_field(load_ctx *c, unsigned long line, const char *column, const char *why)
{
    char reason[256];
    snprintf(reason, sizeof reason, "%s: %s", column, rfy_reason_text(why, c->errors->lang));
    add_error(c->errors, RFY_ERATES, c->file, line, reason);
    return c->errors->rc == RFY_ENOMEM ? RFY_ENOMEM : 0;
}

/* Keep a comment record (its text without '#' and leading blanks). */
static int keep_comment(load_ctx *c, const rfy_csv_record *rec)
{
    rfy_rates *r = c->rates;
    rfy_rate_comment *cm;
    /* The reader counts fields beyond RFY_CSV_MAX_FIELDS but stores none of
     * them: a comment keeps the stored ones (fuzzing found the overrun). */
    size_t nstored = rec->nfields < RFY_CSV_MAX_FIELDS ? rec->nfields : RFY_CSV_MAX_FIELDS;
    size_t len = 0, i, o = 0;
    char *text;
    for (i = 0; i < nstored; i++)
        len += rec->len[i] + 1;
    if (!(text = malloc(len + 1)))
        return fail_nomem(c, rec->line);
    for (i = 0; i < nstored; i++) { /* an unquoted comment with commas is several fields */
        if (i)
            text[o++] = ',';
        memcpy(text + o, rec->field[i], rec->len[i]);
        o += rec->len[i];
    }
    text[o] = '\0';
    for (i = 1; text[i] == ' ' || text[i] == '#'; i++)
        ;
    if (r->ncomments == r->capcomments) {
        size_t cap = r->capcomments ? r->capcomments * 2 : 32;
        rfy_rate_comment *q = realloc(r->comments, cap * sizeof *q);
        if (!q) {
            free(text);
            return fail_nomem(c, rec->line);
        }
        r->comments = q;
        r->capcomments = cap;
    }
    cm = &r->comments[r->ncomments];
    cm->text = keep_string(r, text + i, strlen(text + i));
    free(text);
    if (!cm->text)
        return fail_nomem(c, rec->line);
    cm->file = c->file;
    cm->line = rec->line;
    cm->year = 0; /* set when the file's first row is read */
    r->ncomments++;
    return 0;
}

static int field_is(const rfy_csv_record *rec, size_t i, const char *s)
{
    return rec->len[i] == strlen(s) && memcmp(rec->field[i], s, rec->len[i]) == 0;
}

static int on_row(void *user, const rfy_csv_record *rec)
{
    load_ctx *c = user;
    rfy_rates *r = c->rates;
    rfy_rate_value *v;
    const char *why = NULL;
    rfy_rate_key key;
    size_t i;

    if (rec->nfields >= 1 && rec->len[0] > 0 && rec->field[0][0] == '#')
        return keep_comment(c, rec);
    if (!c->seen_header) {
        static const char *const cols[NCOLS] = {"key", "effective_from", "effective_to", "amount",
                                                "unit", "provenance", "legal_ref", "source"};
        int ok = rec->nfields == NCOLS;
        for (i = 0; ok && i < NCOLS; i++)
            ok = field_is(rec, i, cols[i]);
        if (!ok) { /* without the header no row of this file can be read: stop the file */
            fail(c, RFY_ERATES, rec->line, RFY_MSG_RL_HEADER, HEADER);
            return RFY_ESTOP;
        }
        c->seen_header = 1;
        return 0;
    }
    if (rec->nfields != NCOLS)
        return fail(c, RFY_ERATES, rec->line, RFY_MSG_RL_FIELDS, NCOLS, HEADER,
                    (unsigned long)rec->nfields);
    for (i = 0; i < NCOLS; i++)
        if (memchr(rec->field[i], '\0', rec->len[i]))
            return fail(c, RFY_ERATES, rec->line, RFY_MSG_RL_NUL, (unsigned long)(i + 1));
    if (rfy_rate_key_from_name(&key, rec->field[0], rec->len[0]) != 0)
        return fail(c, RFY_ERATES, rec->line, RFY_MSG_RL_UNKNOWN_KEY, rec->field[0]);
    if (r->n == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 128;
        rfy_rate_value *q = realloc(r->v, cap * sizeof *q);
        if (!q)
            return fail_nomem(c, rec->line);
        r->v = q;
        r->cap = cap;
    }
    v = &r->v[r->n];
    memset(v, 0, sizeof *v);
    v->key = key;
    if (rfy_date_parse(&v->from, rec->field[1], rec->len[1], &why) != RFY_OK)
        return fail_field(c, rec->line, "effective_from", why);
    if (rfy_date_parse(&v->to, rec->field[2], rec->len[2], &why) != RFY_OK)
        return fail_field(c, rec->line, "effective_to", why);
    /* Rate tables describe years around the law's (2012-niveau bases, 2013+);
     * a year outside 2000–2199 is a typo, and would make the month index huge. */
    if (v->from.year < RFY_RATES_FIRST_YEAR || v->to.year > RFY_RATES_LAST_YEAR)
        return fail(c, RFY_ERATES, rec->line, RFY_MSG_RL_YEARS, RFY_RATES_FIRST_YEAR,
                    RFY_RATES_LAST_YEAR);
    if (rfy_date_cmp(&v->to, &v->from) < 0)
        return fail(c, RFY_ERATES, rec->line, RFY_MSG_RL_TO_BEFORE_FROM);
    if (!field_is(rec, 4, rfy_rate_key_unit(key)))
        return fail(c, RFY_ERATES, rec->line, RFY_MSG_RL_UNIT, rfy_rate_key_name(key),
                    rfy_rate_key_unit(key));
    if (field_is(rec, 5, "published"))
        v->provenance = RFY_PROV_PUBLISHED;
    else if (field_is(rec, 5, "secondary"))
        v->provenance = RFY_PROV_SECONDARY;
    else if (field_is(rec, 5, "derived"))
        v->provenance = RFY_PROV_DERIVED;
    else
        return fail(c, RFY_ERATES, rec->line, RFY_MSG_RL_PROVENANCE);
    if (rec->len[6] == 0)
        return fail(c, RFY_ERATES, rec->line, RFY_MSG_RL_LEGAL_REF_EMPTY);
    if (rec->len[7] == 0)
        return fail(c, RFY_ERATES, rec->line, RFY_MSG_RL_SOURCE_EMPTY);
    mpz_init(v->amount);
    if (field_is(rec, 3, "chain")) {
        /* docs/rates.md: a derived value may be left to the chain, so that it
         * follows the regulation rows (moving the 0,45 reduction is one row). */
        /* rules.md §9: a sanction_day_* row may be 'chain' too: derived from
         * the level of its month, so it follows a chained level. */
        int by_rule = rfy_sanction_day_level_key(key) != RFY_RATE_KEY_COUNT;
        if (v->provenance != RFY_PROV_DERIVED ||
            (!by_rule && (rfy__chain_base_year(key) == 0 ||
                          v->from.year <= rfy__chain_base_year(key)))) {
            mpz_clear(v->amount);
            if (v->provenance != RFY_PROV_DERIVED)
                return fail(c, RFY_ERATES, rec->line, RFY_MSG_RL_CHAIN_DERIVED);
            if (rfy__chain_base_year(key) == 0)
                return fail(c, RFY_ERATES, rec->line, RFY_MSG_RL_CHAIN_NOT_CHAIN,
                            rfy_rate_key_name(key));
            return fail(c, RFY_ERATES, rec->line, RFY_MSG_RL_CHAIN_BASE, rfy_rate_key_name(key),
                        rfy__chain_base_year(key));
        }
        v->chained = 1;
    } else if (rfy_decimal_parse(v->amount, rec->field[3], rec->len[3], &RFY_AMOUNT_DOT, &why) !=
               RFY_OK) {
        mpz_clear(v->amount);
        return fail_field(c, rec->line, "amount", why);
    }
    if (!c->first_row_year)
        c->first_row_year = (unsigned long)v->from.year;
    r->n++; /* from here on the row owns its mpz and is cleared by rfy_rates_free */
    v->legal_ref = keep_string(r, rec->field[6], rec->len[6]);
    v->source = keep_string(r, rec->field[7], rec->len[7]);
    v->file = c->file;
    v->line = rec->line;
    if (!v->legal_ref || !v->source)
        return fail_nomem(c, rec->line);
    return 0;
}

/* Duplicates and overlaps (month granularity), then the month index. */
static int index_months(rfy_rates *r, error_list *errors)
{
    size_t i, span;
    if (r->n == 0) {
        add_error(errors, RFY_ERATES, "", 0, rfy_message_format(RFY_MSG_RL_NO_ROWS, errors->lang));
        return errors->rc;
    }
    r->first = rfy_date_month(&r->v[0].from);
    r->last = rfy_date_month(&r->v[0].to);
    for (i = 1; i < r->n; i++) {
        if (rfy_date_month(&r->v[i].from) < r->first)
            r->first = rfy_date_month(&r->v[i].from);
        if (rfy_date_month(&r->v[i].to) > r->last)
            r->last = rfy_date_month(&r->v[i].to);
    }
    span = (size_t)(r->last - r->first + 1);
    r->by_month = calloc(span * RFY_RATE_KEY_COUNT, sizeof *r->by_month);
    if (!r->by_month)
        return RFY_ENOMEM;
    for (i = 0; i < r->n; i++) {
        const rfy_rate_value *v = &r->v[i];
        rfy_month m;
        for (m = rfy_date_month(&v->from); m <= rfy_date_month(&v->to); m++) {
            const rfy_rate_value **slot = &r->by_month[(size_t)(m - r->first) * RFY_RATE_KEY_COUNT + v->key];
            if (*slot) {
                const rfy_rate_value *o = *slot;
                char month[8], reason[384];
                int dup = rfy_date_cmp(&o->from, &v->from) == 0;
                rfy_month_format(month, m);
                snprintf(reason, sizeof reason,
                         rfy_message_format(dup ? RFY_MSG_RL_DUPLICATE : RFY_MSG_RL_OVERLAP,
                                            errors->lang),
                         rfy_rate_key_name(v->key), o->file, o->line, month);
                add_error(errors, RFY_ERATES, v->file, v->line, reason);
                break; /* one error per pair of rows, not one per month */
            }
            *slot = v;
        }
    }
    return errors->count ? errors->rc : RFY_OK;
}

/* Rows written "chain": their amount from the chain (rates_chain.c); then the
 * sanction_day_* rows from the (now computed) level of their month. */
static int evaluate_chained(rfy_rates *r, error_list *errors)
{
    for (size_t i = 0; i < r->n; i++) {
        rfy_rate_value *v = &r->v[i];
        if (v->chained && rfy_sanction_day_level_key(v->key) == RFY_RATE_KEY_COUNT &&
            rfy_rates_chain_value(v->amount, r, v->key, v->from.year) != RFY_OK) {
            char reason[384];
            snprintf(reason, sizeof reason,
                     rfy_message_format(RFY_MSG_RL_CHAIN_CANNOT, errors->lang),
                     rfy_rate_key_name(v->key), v->from.year, rfy__chain_base_year(v->key),
                     v->from.year);
            add_error(errors, RFY_ERATES, v->file, v->line, reason);
        }
    }
    for (size_t i = 0; i < r->n && errors->count == 0; i++) {
        rfy_rate_value *v = &r->v[i];
        if (v->chained && rfy_sanction_day_level_key(v->key) != RFY_RATE_KEY_COUNT &&
            rfy__sanction_day_value(v->amount, r, v->key, rfy_date_month(&v->from)) != RFY_OK) {
            /* No level to derive it from (a table with a gap, which `rfy rates
             * check` lists under the level's key): the row has no value, so it
             * governs no month; a sanction there is refused naming the key. */
            for (rfy_month m = r->first; m <= r->last; m++) {
                const rfy_rate_value **slot =
                    &r->by_month[(size_t)(m - r->first) * RFY_RATE_KEY_COUNT + v->key];
                if (*slot == v)
                    *slot = NULL;
            }
        }
    }
    return errors->count ? errors->rc : RFY_OK;
}

static int fingerprint(rfy_rates *r, size_t n, const char *const *names, const char *const *texts,
                       const size_t *lens, const size_t *order)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    size_t i;
    int ok = ctx && EVP_DigestInit_ex(ctx, EVP_sha256(), NULL);
    for (i = 0; ok && i < n; i++) {
        char lenbuf[32];
        size_t k = order[i];
        int m = snprintf(lenbuf, sizeof lenbuf, "%zu\n", lens[k]);
        ok = EVP_DigestUpdate(ctx, names[k], strlen(names[k]) + 1) &&
             EVP_DigestUpdate(ctx, lenbuf, (size_t)m) && EVP_DigestUpdate(ctx, texts[k], lens[k]);
    }
    ok = ok && EVP_DigestFinal_ex(ctx, md, &mdlen);
    EVP_MD_CTX_free(ctx);
    if (!ok)
        return RFY_ENOMEM;
    rfy__hex(r->id, md, 8); /* the first 8 bytes: 16 digits */
    return RFY_OK;
}

static const char *const *sort_names;
static int by_name(const void *a, const void *b)
{
    return strcmp(sort_names[*(const size_t *)a], sort_names[*(const size_t *)b]);
}

/* The tables in Danish, the language of a payroll officer's messages. */
int rfy_rates_load_files(rfy_rates **out, size_t n, const char *const *names,
                         const char *const *texts, const size_t *lens, char **errmsg)
{
    return rfy_rates_load_files_lang(out, n, names, texts, lens, RFY_LANG_DA, errmsg);
}

/*
 * Strip the CSV reader's "line N: " (or "linje N: ") from its message, so
 * that the loader can say "FILE:N: why"; NULL when the message has no line.
 */
static const char *after_line_word(const char *csverr)
{
    static const char *const WORD[] = {"line ", "linje "};
    for (size_t i = 0; i < sizeof WORD / sizeof WORD[0]; i++)
        if (strncmp(csverr, WORD[i], strlen(WORD[i])) == 0)
            return csverr + strlen(WORD[i]);
    return NULL;
}

int rfy_rates_load_files_lang(rfy_rates **out, size_t n, const char *const *names,
                              const char *const *texts, const size_t *lens, rfy_lang lang,
                              char **errmsg)
{
    rfy_rates *r = calloc(1, sizeof *r);
    size_t *order = calloc(n ? n : 1, sizeof *order);
    error_list errors = {NULL, 0, 0, 0, lang == RFY_LANG_EN ? RFY_LANG_EN : RFY_LANG_DA};
    int rc = RFY_OK;
    size_t i;

    *out = NULL;
    if (errmsg)
        *errmsg = NULL;
    if (!r || !order) {
        rc = RFY_ENOMEM;
        goto cleanup;
    }
    for (i = 0; i < n; i++)
        order[i] = i;
    sort_names = names; /* loading is not re-entrant across threads; it runs once at start-up */
    qsort(order, n, sizeof *order, by_name);
    for (i = 0; i < n && errors.rc != RFY_ENOMEM; i++) {
        size_t k = order[i];
        load_ctx c = {r, NULL, 0, 0, &errors};
        char *csverr = NULL;
        size_t first_comment = r->ncomments;
        c.file = keep_string(r, names[k], strlen(names[k]));
        if (!c.file) {
            rc = RFY_ENOMEM;
            goto cleanup;
        }
        /* the CSV reader's messages in the loader's language, among the loader's own */
        rc = rfy_csv_read_buffer_lang(texts[k], lens[k], ',', on_row, &c, errors.lang, &csverr);
        for (size_t j = first_comment; j < r->ncomments; j++)
            r->comments[j].year = (int)c.first_row_year;
        if (rc != RFY_OK && rc != RFY_ESTOP && errors.rc != RFY_ENOMEM) {
            /* the CSV itself is malformed: "line N: why" -> "FILE:N: why" */
            const char *why = !csverr ? rfy_message_format(RFY_MSG_RL_CSV_UNREADABLE, lang)
                              : after_line_word(csverr) ? after_line_word(csverr)
                                                        : csverr;
            size_t m = strlen(names[k]) + strlen(why) + 4;
            char *line = malloc(m);
            if (line) {
                snprintf(line, m, "%s:%s%s", names[k], csverr && why != csverr ? "" : " ", why);
                add_error(&errors, rc == RFY_ECSV ? RFY_ERATES : rc, "", 0, line);
            } else {
                add_error(&errors, RFY_ENOMEM, "", 0, rfy_rc_text(RFY_ENOMEM, errors.lang));
            }
            free(line);
        } else if (!c.seen_header && rc == RFY_OK) {
            add_error(&errors, RFY_ERATES, names[k], 1,
                      rfy_message_format(RFY_MSG_RL_NO_HEADER, errors.lang));
        }
        free(csverr);
    }
    if (errors.count == 0)
        index_months(r, &errors);
    if (errors.count == 0)
        evaluate_chained(r, &errors);
    rc = errors.count ? errors.rc : fingerprint(r, n, names, texts, lens, order);
cleanup:
    if (rc != RFY_OK && errmsg && !*errmsg)
        *errmsg = errors.text ? errors.text : NULL;
    else
        free(errors.text);
    free(order);
    if (rc != RFY_OK) {
        rfy_rates_free(r);
        return rc;
    }
    *out = r;
    return RFY_OK;
}

/* The built-in tables; a fault (a build gone wrong) said in Danish. */
int rfy_rates_load_builtin(rfy_rates **out, char **errmsg)
{
    return rfy_rates_load_builtin_lang(out, RFY_LANG_DA, errmsg);
}

int rfy_rates_load_builtin_lang(rfy_rates **out, rfy_lang lang, char **errmsg)
{
    size_t n = rfy_builtin_rate_file_count, i;
    const char **names = calloc(n ? n : 1, sizeof *names);
    const char **texts = calloc(n ? n : 1, sizeof *texts);
    size_t *lens = calloc(n ? n : 1, sizeof *lens);
    int rc = RFY_ENOMEM;
    *out = NULL;
    if (errmsg)
        *errmsg = NULL;
    if (names && texts && lens) {
        for (i = 0; i < n; i++) {
            names[i] = rfy_builtin_rate_files[i].name;
            texts[i] = rfy_builtin_rate_files[i].text;
            lens[i] = rfy_builtin_rate_files[i].len;
        }
        rc = rfy_rates_load_files_lang(out, n, names, texts, lens, lang, errmsg);
    }
    free(names);
    free(texts);
    free(lens);
    return rc;
}

static int ends_with_csv(const char *s)
{
    size_t n = strlen(s);
    return n > 4 && strcmp(s + n - 4, ".csv") == 0 && s[0] != '.';
}

static int read_file(const char *path, char **text, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t used = 0, cap = 0;
    if (!f)
        return RFY_EIO;
    for (;;) {
        size_t got;
        if (used == cap) {
            char *p;
            cap = cap ? cap * 2 : 8192;
            if (cap > MAX_TABLE_FILE * 2u || !(p = realloc(buf, cap))) {
                free(buf);
                fclose(f);
                return cap > MAX_TABLE_FILE * 2u ? RFY_ERATES : RFY_ENOMEM;
            }
            buf = p;
        }
        got = fread(buf + used, 1, cap - used, f);
        used += got;
        if (got == 0)
            break;
    }
    if (ferror(f) || used > MAX_TABLE_FILE) {
        int rc = ferror(f) ? RFY_EIO : RFY_ERATES;
        free(buf);
        fclose(f);
        return rc;
    }
    fclose(f);
    *text = buf;
    *len = used;
    return RFY_OK;
}

/*
 * A message of the directory as a whole into *errmsg (when asked for):
 * catalogue message `id` in `lang` with `dir` (or a file) and `reason`.
 */
static void dir_error(char **errmsg, rfy_message id, rfy_lang lang, const char *path,
                      const char *reason)
{
    const char *fmt = rfy_message_format(id, lang);
    size_t m;
    if (!errmsg)
        return;
    m = strlen(fmt) + strlen(path) + (reason ? strlen(reason) : 0) + 1;
    if ((*errmsg = malloc(m)) != NULL)
        snprintf(*errmsg, m, fmt, path, reason);
}

/* A directory of tables, its faults said in Danish. */
int rfy_rates_load_dir(rfy_rates **out, const char *dir, char **errmsg)
{
    return rfy_rates_load_dir_lang(out, dir, RFY_LANG_DA, errmsg);
}

int rfy_rates_load_dir_lang(rfy_rates **out, const char *dir, rfy_lang lang, char **errmsg)
{
    DIR *d;
    struct dirent *e;
    char **names = NULL, **texts = NULL;
    size_t *lens = NULL, n = 0, cap = 0, i;
    int rc = RFY_OK;

    *out = NULL;
    if (errmsg)
        *errmsg = NULL;
    d = opendir(dir);
    if (!d) {
        dir_error(errmsg, RFY_MSG_RL_DIR_OPEN, lang, dir, rfy_errno_text(errno, lang));
        return RFY_EIO;
    }
    while ((e = readdir(d)) != NULL) {
        if (!ends_with_csv(e->d_name))
            continue;
        if (n == cap) {
            size_t c2 = cap ? cap * 2 : 32;
            char **p = realloc(names, c2 * sizeof *p);
            if (!p) {
                rc = RFY_ENOMEM;
                break;
            }
            names = p;
            cap = c2;
        }
        if (!(names[n] = dup_n(e->d_name, strlen(e->d_name)))) {
            rc = RFY_ENOMEM;
            break;
        }
        n++;
    }
    closedir(d);
    if (rc == RFY_OK && n == 0) {
        dir_error(errmsg, RFY_MSG_RL_DIR_EMPTY, lang, dir, NULL);
        rc = RFY_ERATES;
    }
    if (rc == RFY_OK) {
        texts = calloc(n, sizeof *texts);
        lens = calloc(n, sizeof *lens);
        if (!texts || !lens)
            rc = RFY_ENOMEM;
    }
    for (i = 0; rc == RFY_OK && i < n; i++) {
        size_t m = strlen(dir) + strlen(names[i]) + 2;
        char *path = malloc(m);
        if (!path) {
            rc = RFY_ENOMEM;
            break;
        }
        snprintf(path, m, "%s/%s", dir, names[i]);
        rc = read_file(path, &texts[i], &lens[i]);
        if (rc == RFY_ERATES || rc == RFY_EIO)
            dir_error(errmsg,
                      rc == RFY_ERATES ? RFY_MSG_RL_FILE_TOO_LARGE : RFY_MSG_RL_FILE_UNREADABLE,
                      lang, path, NULL);
        free(path);
    }
    if (rc == RFY_OK)
        rc = rfy_rates_load_files_lang(out, n, (const char *const *)names,
                                       (const char *const *)texts, lens, lang, errmsg);
    for (i = 0; i < n; i++) {
        free(names[i]);
        if (texts)
            free(texts[i]);
    }
    free(names);
    free(texts);
    free(lens);
    return rc;
}


size_t rfy_rates_builtin_count(void)
{
    return rfy_builtin_rate_file_count;
}

int rfy_rates_builtin_file(size_t i, const char **name, const char **text, size_t *len)
{
    if (i >= rfy_builtin_rate_file_count)
        return -1;
    *name = rfy_builtin_rate_files[i].name;
    *text = rfy_builtin_rate_files[i].text;
    *len = rfy_builtin_rate_files[i].len;
    return 0;
}
