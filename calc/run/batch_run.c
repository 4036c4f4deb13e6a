/* The streaming loop shared by batch and audit.  See include/rfy/batch.h.
 *
 * The reader's callback copies each data record into the chunk being
 * filled, a case-month's rows always in one chunk.  A chunk is computed as a
 * whole -- its case-months parsed, checked and computed (compute_chunk) -- by
 * a worker thread (--jobs N > 1) or by the calling thread (one job); the
 * calling thread then hands the chunk's
 * case-months to the hooks strictly in order (deliver_chunk).  Both ways run
 * the same functions on the same case-months in the same order, so the
 * hooks see exactly the same calls.
 *
 * Grouping (rules.md §7): rows come in case-month key order (casemonth_key.h)
 * either because the input already is in that order (streaming) or because
 * row_sort.h sorted it.  Consecutive rows with one key are one case-month.
 */
#include <openssl/evp.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <rfy/batch.h>
#include <rfy/messages.h>
#include <rfy/runner.h>
#include "fault.h"
#include "column_map.h"
#include "header_messages.h"
#include "casemonth_key.h"
#include "row_sort.h"
#include "hex.h"
#include "ledger_internal.h"
#include "calc_internal.h"
#include "batch_chunk.h"
#include "batch_stats.h"

/* Rows per chunk (a chunk is handed on at the first case-month boundary past
 * this), chunks per worker in the ring, and the most rows of one case-month a
 * chunk keeps (more are rejected: RFY_MAX_PERIOD_ROWS period rows at most can
 * be valid, and audit adds payment lines).  With RFY_BATCH_MAX_JOBS workers
 * (2 × 16 + 2) × 320 rows of about 3 KiB stay far below the 64 MiB the batch
 * may use, whatever the input size. */
#define CHUNK_ROWS 256
#define GROUP_MAX 64
#define CHUNKS_PER_JOB 2
#define CHUNK_BYTES (64u * 1024u) /* initial record bytes per chunk; grows for long records */

typedef struct pool pool;

typedef enum read_mode { MODE_STREAM, MODE_SORT } read_mode;

/* State of one run, shared with the CSV reader's callback. */
typedef struct run {
    const rfy_batch_config *cfg;
    rfy_batch_stats *stats;
    rfy_lang lang;        /* of the header's message (header_messages.c) */
    case_binding binding;
    int have_header;
    rfy_error err;
    char id[CASE_ID_DISPLAY_SIZE];
    int stop_rc;          /* why the callback stopped the reader */
    char *errmsg;         /* message for stop_rc, malloc'ed */
    pool *pool;           /* the chunks, and the workers with jobs > 1 */
    read_mode mode;
    int restart;          /* streaming met a row out of order: read again, sorting */
    row_sort *sorter;     /* MODE_SORT */
    casemonth_key_copy prev; /* key of the case-month being filled */
    int group_open;       /* the last slot of the filling chunk belongs to `prev` */
    casemonth_key_copy seen; /* the greatest key read so far */
    EVP_MD_CTX *digest;   /* hash_input: SHA-256 of the input as it streams */
    unsigned long long input_bytes;
    int digest_failed;
    /* § 69 stk. 5 holiday ledger (rules.md §8) of the case being delivered:
     * case-months come by case, then month, so one state suffices. */
    rfy_holiday_state holiday;
    char holiday_case[CASEMONTH_KEY_ID_MAX];
    size_t holiday_case_len;
    int holiday_have;
    rfy_batch_ledger_mark mark; /* cfg->ledger: what it held of the case-month being delivered */
    int ledger_kept;      /* the case-month was refused as paid: its state is the ledger's */
    char ledger_case[CASEMONTH_KEY_ID_MAX]; /* cfg->ledger: the case last looked up ... */
    size_t ledger_case_len;
    int case_stored;      /* ... has stored months ... */
    rfy_month case_latest; /* ... up to this one (then months after it need no look-up) */
    int later_pending;    /* correction run: the case's later stored months are due (ledger_case_end) */
    rfy_month later_after; /* ... after this month, its last computed one in the file */
} run;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static char *message(char **out, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    free(*out);
    *out = malloc((size_t)n + 1);
    if (*out) {
        va_start(ap, fmt);
        vsnprintf(*out, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return *out;
}

static int header(run *r, const rfy_csv_record *rec)
{
    char msg[COLUMN_MAP_MSG_MAX];
    if (column_map_bind(&r->binding, r->cfg->columns, rec, r->cfg->extra_columns, r->cfg->nextra,
                        r->lang, msg, sizeof msg) != RFY_OK ||
        (r->cfg->on_header &&
         r->cfg->on_header(r->cfg->user, &r->binding, msg, sizeof msg) != RFY_OK)) {
        message(&r->errmsg, header_message(HM_LINE, r->lang), rec->line, msg);
        r->stop_rc = RFY_ECSV;
        return 1;
    }
    r->have_header = 1;
    return 0;
}

/* ---- The chunks ------------------------------------------------------------------ */

#define NO_SLOT ((size_t)-1)

struct pool {
    pthread_mutex_t mu;
    pthread_cond_t work;          /* a chunk was queued, or quit */
    pthread_cond_t done;          /* a chunk was computed */
    pthread_t *threads;
    size_t nthreads;
    chunk *chunks;
    size_t nchunks;
    size_t fill;                  /* the chunk the reader fills */
    size_t emit;                  /* the oldest chunk not yet delivered */
    size_t inflight;              /* chunks queued or computed, not yet delivered */
    size_t *queue;                /* chunks waiting for a worker, in order */
    size_t qhead, qlen;
    int quit;
    const rfy_batch_config *cfg;
    const case_binding *binding;
    size_t chunk_rows;            /* hand a chunk on at the first case-month boundary past this */
    size_t chunk_slots;           /* slots per chunk: chunk_rows + GROUP_MAX */
};

/* Grow *p (n elements of `size` bytes, capacity *cap) to hold `need`. */
static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    size_t c = *cap ? *cap : 64;
    void *q;
    if (need <= *cap)
        return 0;
    while (c < need)
        c *= 2;
    if (!(q = realloc(*p, c * size)))
        return -1;
    *p = q;
    *cap = c;
    return 0;
}

/* The record of slot s, rebuilt from the chunk's field table (rec is big:
 * the caller provides it). */
static void slot_record(rfy_csv_record *rec, const chunk *c, const slot *s)
{
    size_t i, kept = s->nfields < RFY_CSV_MAX_FIELDS ? s->nfields : RFY_CSV_MAX_FIELDS;
    rec->line = s->line;
    rec->index = s->index;
    rec->nfields = s->nfields;
    for (i = 0; i < kept; i++) {
        rec->field[i] = c->bytes + c->fld[s->first + i].off;
        rec->len[i] = c->fld[s->first + i].len;
    }
}

/* The record of slot i, built once until the chunk is filled again (the
 * thread that computes the chunk, then the one that delivers it: never both
 * at once). */
static const rfy_csv_record *chunk_record(chunk *c, size_t i)
{
    if (c->rec_slot != i) {
        slot_record(&c->rec, c, &c->slots[i]);
        c->rec_slot = i;
    }
    return &c->rec;
}

/* ---- Computing a chunk (in a worker, or in the calling thread with one job) -------- */

/* Bad input, a month outside the law's coverage and a missing rate are
 * faults of a row; anything else (memory) stops the run. */
static int row_fault(int rc)
{
    return rc == RFY_EINPUT || rc == RFY_ECOVERAGE || rc == RFY_ENORATE;
}

/* audit (interface.md "Audit input"): a payment line is a row whose only
 * non-empty cells are case_id, month and the payment column. */
static int is_payment_line(const rfy_batch_config *cfg, const case_binding *b, const chunk *c,
                           const slot *s)
{
    int pay;
    size_t f, len;
    if (!cfg->has_payment_lines || cfg->payment_extra >= b->nextra ||
        (pay = b->extra_field[cfg->payment_extra]) < 0 || s->nfields != b->nfields)
        return 0;
    for (f = 0; f < s->nfields && f < RFY_CSV_MAX_FIELDS; f++) {
        slot_cell(c, s, (int)f, &len);
        if (len == 0)
            continue;
        if ((int)f != b->field[CASE_COL_CASE_ID] && (int)f != b->field[CASE_COL_MONTH] &&
            (int)f != pay)
            return 0;
    }
    slot_cell(c, s, pay, &len);
    return len > 0;
}

/* Every row of the case-month at `first` but row `bad` is rejected with it,
 * naming its line (and quoting its reason when it has its own). */
static void reject_with(chunk *c, size_t first, size_t bad, const rfy_rows_conflict *why_bad)
{
    slot *g = &c->slots[first], *b = &c->slots[bad];
    rfy_rows_conflict k = {RFY_ROWS_WITH_OTHERS, bad};
    for (size_t i = first; i < first + g->group_n; i++) {
        slot *s = &c->slots[i];
        if (i == bad || s->rc != RFY_OK)
            continue;
        s->rc = RFY_EINPUT;
        rfy_rows_reason(&s->err, &k, b->line, why_bad ? NULL : &b->err);
    }
}

/* Parse the rows of the case-month whose first slot is `first`, and decide
 * it with the engine's runner (rfy_casemonth_compute, rfy/runner.h). */
static void compute_group(const rfy_batch_config *cfg, const case_binding *b, chunk *c, size_t first)
{
    slot *g = &c->slots[first];
    const rfy_case *rows[GROUP_MAX];
    size_t idx[GROUP_MAX], np = 0, i, at = 0, culprit = RFY_NO_ROW;
    rfy_rows_conflict conflict[GROUP_MAX];
    int rc;

    g->group_rc = RFY_EINPUT;
    for (i = first; i < first + g->group_n; i++) {
        slot *s = &c->slots[i];
        rfy_error_reset(&s->err);
        s->rc = RFY_OK;
        if ((s->payment = is_payment_line(cfg, b, c, s)))
            continue;
        rfy_case_reset(&s->in);
        s->rc = case_input_parse(&s->in, b, chunk_record(c, i), cfg->amount, &s->err);
        idx[np] = i;
        rows[np++] = s->rc == RFY_OK ? &s->in : NULL; /* NULL: the runner names it at fault */
    }
    if (g->extra_n > 0) {
        /* A front-end limit, not a rule: more rows than any valid case-month has. */
        for (i = first; i < first + g->group_n; i++) {
            c->slots[i].rc = RFY_EINPUT;
            rfy_error_reset(&c->slots[i].err);
            rfy__fault(&c->slots[i].err, RFY_FAULT_TOO_MANY_ROWS, "", NULL, 0, GROUP_MAX);
        }
        return;
    }
    if (np == 0) {
        for (i = first; i < first + g->group_n; i++) {
            c->slots[i].rc = RFY_EINPUT;
            rfy_error_reset(&c->slots[i].err);
            rfy__fault(&c->slots[i].err, RFY_FAULT_PAYMENT_WITHOUT_ROW, "", NULL, 0, 0);
        }
        return;
    }
    rc = rfy_casemonth_compute(&g->res, cfg->rates, rows, np, conflict, &g->err, &at);
    if (rc == RFY_OK) {
        g->group_rc = RFY_OK;
        return;
    }
    if (!row_fault(rc)) {
        g->group_rc = rc; /* not the input's fault: stops the run */
        return;
    }
    if (at != RFY_NO_ROW) { /* the engine refused row `at`: its faults are in g->err */
        c->slots[idx[at]].rc = rc;
        if (idx[at] != first) {
            c->slots[idx[at]].err = g->err;
            rfy_error_reset(&g->err);
        }
    }
    /* the runner's verdict in the rows, each naming the other row by its line */
    for (i = 0; i < np; i++) {
        slot *s = &c->slots[idx[i]];
        const slot *o;
        int quote;
        if (conflict[i].fault == RFY_ROWS_FINE) { /* at fault itself */
            if (culprit == RFY_NO_ROW)
                culprit = idx[i];
            continue;
        }
        o = conflict[i].other == RFY_NO_ROW ? g : &c->slots[idx[conflict[i].other]];
        quote = conflict[i].fault == RFY_ROWS_WITH_OTHERS && conflict[i].other != RFY_NO_ROW &&
                conflict[conflict[i].other].fault == RFY_ROWS_FINE;
        s->rc = RFY_EINPUT;
        rfy_rows_reason(&s->err, &conflict[i], o->line, quote ? &o->err : NULL);
        /* audit (interface.md): say how a correction is entered */
        if (cfg->has_payment_lines && conflict[i].fault == RFY_ROWS_OVERLAP && s->err.nfaults > 0) {
            s->err.fault[0].limit = 1; /* the overlap's text adds the way out */
            rfy_fault_text(s->err.reason, sizeof s->err.reason, &s->err.fault[0], RFY_LANG_DA);
        }
    }
    if (culprit != RFY_NO_ROW) {
        reject_with(c, first, culprit, NULL); /* the payment lines, quoting the row at fault */
    } else {
        /* rows in conflict: the payment lines name the first of them (rules.md §7) */
        for (i = 0; i < np && culprit == RFY_NO_ROW; i++)
            if (conflict[i].fault != RFY_ROWS_WITH_OTHERS)
                culprit = idx[i];
        reject_with(c, first, culprit == RFY_NO_ROW ? idx[0] : culprit, conflict);
    }
}

/* The rfy_batch_row of a computed case-month. */
static void make_row(rfy_batch_row *row, group_ref *ref, const case_binding *b,
                     const rfy_csv_record *rec, const chunk *c, size_t first)
{
    const slot *g = &c->slots[first], *p = g;
    for (size_t i = first; i < first + g->group_n && p->payment; i++)
        p = &c->slots[i];
    ref->c = c;
    ref->first = first;
    row->line = g->line;
    row->number = g->number;
    row->rec = rec;
    row->binding = b;
    row->case_id = case_input_cell(b, rec, CASE_COL_CASE_ID, &row->case_id_len);
    row->in = &p->in;
    row->res = &g->res;
    row->nrows = g->group_n;
    row->group = ref;
}

/* Compute every case-month of a chunk (in a worker, without the lock). */
static void compute_chunk(pool *p, chunk *c)
{
    const rfy_batch_config *cfg = p->cfg;
    size_t i;
    /* Several jobs: the sums are taken here, in the worker, per chunk (no
     * per-row cross-core reads); one job adds each case-month to the run's
     * sums as it is delivered. */
    int sums = p->nthreads > 0;
    if (sums) {
        mpz_set_ui(c->gross, 0);
        mpz_set_ui(c->deductions, 0);
        mpz_set_ui(c->payment, 0);
    }
    for (i = 0; i < c->nrows; i += c->slots[i].group_n) {
        slot *g = &c->slots[i];
        compute_group(cfg, p->binding, c, i);
        if (g->group_rc != RFY_OK)
            continue;
        if (sums) {
            rfy__z_add(c->gross, g->res.gross);
            rfy__z_add(c->deductions, g->res.total_deduction);
            rfy__z_add(c->payment, g->res.payment);
        }
        /* Not formatted here: the holiday ledger (rules.md §8) runs at
         * delivery, in case order, and may change the holiday columns, so
         * on_row formats every row then. */
    }
}

/* ---- Handing case-months to the hooks (the calling thread) ----------------------- */

/* Hand a row that failed to the on_reject hook. */
static int rejected(run *r, const chunk *c, unsigned long line, unsigned long number,
                    const slot *s, const rfy_error *err)
{
    rfy_batch_reject rej;
    size_t len;
    rfy_csv_record rec;
    const char *id = slot_cell(c, s, r->binding.field[CASE_COL_CASE_ID], &len);
    slot_record(&rec, c, s);
    rej.line = line;
    rej.number = number;
    rej.rec = &rec;
    rej.case_id_len = case_input_display_id(r->id, sizeof r->id, id, len);
    rej.case_id = r->id;
    rej.column = err->column ? err->column : "";
    rej.reason = err->reason;
    rej.err = err;
    r->stats->counts.rejected++;
    return r->cfg->on_reject ? r->cfg->on_reject(r->cfg->user, &rej) : RFY_OK;
}

static void progress(run *r, unsigned long number)
{
    const rfy_batch_config *cfg = r->cfg;
    if (cfg->progress_every && cfg->on_progress && number % cfg->progress_every == 0)
        cfg->on_progress(cfg->user, number);
}

/* The ledger of the case of case-month `g` (a fresh state when the case changes). */
static rfy_holiday_state *holiday_of(run *r, const chunk *c, const slot *g)
{
    size_t len;
    const char *id = slot_cell(c, g, r->binding.field[CASE_COL_CASE_ID], &len);
    if (len > sizeof r->holiday_case)
        len = sizeof r->holiday_case; /* cannot happen: the id was validated for the key */
    if (!r->holiday_have || len != r->holiday_case_len || memcmp(id, r->holiday_case, len) != 0) {
        rfy__holiday_state_clear(&r->holiday);
        rfy__holiday_state_init(&r->holiday);
        memcpy(r->holiday_case, id, len);
        r->holiday_case_len = len;
        r->holiday_have = 1;
    }
    return &r->holiday;
}

/*
 * The holiday ledger of a computed case-month (rules.md §8), in delivery
 * order (case, then month), whatever the number of jobs.  Returns RFY_OK, or
 * RFY_EINPUT with the rows' rc and err set (the case-month is then
 * rejected and its case's state unknown).
 */
static int holiday_group(run *r, chunk *c, size_t first)
{
    slot *g = &c->slots[first];
    const rfy_case *rows[GROUP_MAX];
    size_t idx[GROUP_MAX], np = 0, at = 0, i;
    rfy_holiday_state *st = holiday_of(r, c, g);

    for (i = first; i < first + g->group_n && np < GROUP_MAX; i++)
        if (!c->slots[i].payment) {
            idx[np] = i;
            rows[np++] = &c->slots[i].in;
        }
    if (np == 0)
        return RFY_OK;
    if (rfy_casemonth_holiday(&g->res, st, rows, np, &r->err, &at) == RFY_OK)
        return RFY_OK;
    c->slots[idx[at]].rc = RFY_EINPUT;
    c->slots[idx[at]].err = r->err;
    reject_with(c, first, idx[at], NULL);
    return RFY_EINPUT;
}

/* A case-month that was not computed leaves its case's holiday state
 * unknown (rules.md §8).  Rows that could not be grouped (no valid case_id
 * or month) belong to no case-month and leave the ledger alone. */
static void holiday_forget(run *r, chunk *c, size_t first)
{
    const slot *g = &c->slots[first];
    rfy_csv_record rec;
    casemonth_key k;
    slot_record(&rec, c, g);
    if (casemonth_key_of(&k, &r->binding, &rec) != 0)
        return;
    rfy_holiday_state_forget(holiday_of(r, c, g), k.month);
}

/* Whether case-month `g` belongs to the case whose holiday state r holds. */
static int same_case(const run *r, const chunk *c, const slot *g)
{
    size_t len;
    const char *id = slot_cell(c, g, r->binding.field[CASE_COL_CASE_ID], &len);
    return r->holiday_have && len == r->holiday_case_len && memcmp(id, r->holiday_case, len) == 0;
}

/* A later stored month of a corrected case (ledger_recompute_later) to on_row,
 * as a row of no input lines that says what was paid for it. */
static int on_later(void *user, const ledger_later *l)
{
    run *r = user;
    rfy_batch_row row;
    memset(&row, 0, sizeof row);
    row.binding = &r->binding;
    row.case_id = l->case_id;
    row.case_id_len = l->case_id_len;
    row.in = l->in;
    row.res = l->res;
    r->mark.stored = 1;
    mpz_set(r->mark.previously_paid, l->previously_paid);
    mpz_set(r->mark.correction, l->correction);
    row.ledger = &r->mark;
    r->stats->counts.recomputed++;
    return r->cfg->on_row ? r->cfg->on_row(r->cfg->user, &row, &r->err) : RFY_OK;
}

/*
 * rules.md §10: the case's later stored months, recomputed with the state
 * after its last month in the file.  Returns 0, or 1 to stop (r->stop_rc,
 * r->errmsg).
 */
static int ledger_case_end(run *r)
{
    int rc;
    r->later_pending = 0;
    rc = ledger_recompute_later(r->cfg->ledger, r->holiday_case, r->holiday_case_len,
                                r->later_after, &r->holiday, on_later, r);
    if (rc == RFY_OK)
        return 0;
    if (rc == RFY_EIO || rc == RFY_EINPUT) {
        message(&r->errmsg, "%s", rfy_ledger_error(r->cfg->ledger));
        rc = RFY_EIO;
    }
    r->stop_rc = rc;
    return 1;
}

/* Every row of case-month `first` rejected with the reason in r->err. */
static void reject_group(run *r, chunk *c, size_t first)
{
    for (size_t i = first; i < first + c->slots[first].group_n; i++) {
        c->slots[i].rc = RFY_EINPUT;
        c->slots[i].err = r->err;
    }
}

/*
 * The ledger's part of a computed case-month (rules.md §10), before the
 * holiday ledger: a stored case-month is refused (or, in a correction run,
 * marked with what was paid); a case's first month in the file continues
 * from the ledger's holiday state.  Returns RFY_OK, RFY_EINPUT (every row
 * rejected: r->err) or RFY_EIO (the ledger failed: stop the run).
 */
static int ledger_group(run *r, chunk *c, size_t first, rfy_batch_ledger_mark *mark)
{
    struct rfy_ledger *lg = r->cfg->ledger;
    slot *g = &c->slots[first];
    const rfy_case *in = NULL;
    rfy_ledger_stored prev;
    rfy_holiday_state *st = holiday_of(r, c, g);
    size_t len, i;
    const char *id = slot_cell(c, g, r->binding.field[CASE_COL_CASE_ID], &len);
    int rc;

    for (i = first; i < first + g->group_n && !in; i++)
        if (!c->slots[i].payment)
            in = &c->slots[i].in;
    if (!in)
        return RFY_OK;
    mark->stored = 0;
    mpz_set_ui(mark->previously_paid, 0);
    mpz_set_ui(mark->correction, 0);
    if (len != r->ledger_case_len || memcmp(id, r->ledger_case, len) != 0) {
        /* the case's first month here: has the ledger any month of it? */
        if (len > sizeof r->ledger_case)
            len = sizeof r->ledger_case; /* cannot happen: the id was validated for the key */
        memcpy(r->ledger_case, id, len);
        r->ledger_case_len = len;
        if (rfy_ledger_case_latest(lg, id, len, &r->case_latest, &r->case_stored) != RFY_OK) {
            message(&r->errmsg, header_message(HM_LINE, r->lang), g->line, rfy_ledger_error(lg));
            r->stop_rc = RFY_EIO;
            return RFY_EIO;
        }
    }
    if (!r->case_stored)
        return RFY_OK; /* a case new to the ledger: nothing to look up */
    rfy__ledger_stored_init(&prev);
    /* a month after the case's latest stored one (a monthly run) cannot be stored */
    rc = in->month > r->case_latest ? RFY_OK : rfy_ledger_lookup(lg, id, len, in->month, &prev);
    if (rc == RFY_OK && prev.stored && !rfy_ledger_corrections(lg)) {
        /* rules.md §10: a case-month is paid once */
        char run_at[sizeof prev.run_id + sizeof prev.run_time];
        rfy_fault *f;
        rfy_error_reset(&r->err);
        if ((f = rfy__fault_add(&r->err, RFY_FAULT_LEDGER_PAID, "month"))) {
            snprintf(run_at, sizeof run_at, "%s %s", prev.run_id, prev.run_time);
            rfy__fault_value(f, run_at, strlen(run_at));
            f->month = in->month;
            f->other = (long)prev.run;
        }
        rfy__fault_end(&r->err);
        rfy__ledger_stored_clear(&prev);
        /* the case's later months go on from the state stored with this one */
        if (rfy_ledger_state_before(lg, id, len, in->month + 1, st, &r->ledger_kept) != RFY_OK) {
            message(&r->errmsg, header_message(HM_LINE, r->lang), g->line, rfy_ledger_error(lg));
            r->stop_rc = RFY_EIO;
            return RFY_EIO;
        }
        reject_group(r, c, first);
        return RFY_EINPUT;
    } else if (rc == RFY_OK && prev.stored) {
        mark->stored = 1;
        mpz_set(mark->previously_paid, prev.payment);
        mpz_sub(mark->correction, g->res.payment, prev.payment);
    }
    rfy__ledger_stored_clear(&prev);
    if (rc == RFY_OK && st->known && st->last < 0) {
        /* The case's first month in the file: the state the ledger carries. */
        int found = 0;
        rc = rfy_ledger_state_before(lg, id, len, in->month, st, &found);
        if (rc == RFY_OK && found && st->known) {
            int gap = in->month > st->last + 1; /* rules.md §8: the run is broken */
            long carried = gap ? 0 : st->run_months;
            for (i = first; i < first + g->group_n; i++) {
                const rfy_case *row = &c->slots[i].in;
                char have[24], want[24];
                if (c->slots[i].payment || !row->has_holiday_state)
                    continue;
                if (row->holiday_run_months == carried &&
                    (gap ? mpz_sgn(row->holiday_used_days) == 0
                         : mpz_cmp(row->holiday_used_days, st->used_m) == 0))
                    continue;
                if (rfy_holiday_days_format(have, sizeof have, row->holiday_used_days, '.') < 0 ||
                    rfy_holiday_days_format(want, sizeof want, st->used_m, '.') < 0 || gap)
                    snprintf(want, sizeof want, "0.00");
                {
                    char both[sizeof have + sizeof want];
                    rfy_fault *f;
                    rfy_error_reset(&r->err);
                    f = rfy__fault_add(&r->err, RFY_FAULT_LEDGER_STATE_DIFFERS,
                                       row->holiday_run_months != carried ? "holiday_run_months"
                                                                          : "holiday_used_days");
                    if (f) {
                        snprintf(both, sizeof both, "%s %s", have, want);
                        rfy__fault_value(f, both, strlen(both));
                        f->other = row->holiday_run_months;
                        f->limit = carried;
                        f->month = in->month;
                        f->other_month = st->last;
                    }
                    rfy__fault_end(&r->err);
                }
                rc = RFY_EINPUT;
                break;
            }
        }
        if (rc == RFY_EINPUT)
            rfy_holiday_state_forget(st, in->month);
    }
    if (rc == RFY_EINPUT)
        reject_group(r, c, first);
    else if (rc != RFY_OK) {
        message(&r->errmsg, header_message(HM_LINE, r->lang), g->line, rfy_ledger_error(lg));
        r->stop_rc = RFY_EIO;
    }
    return rc;
}

/*
 * Hand one case-month to the hooks: on_row once if it was computed (and
 * on_row accepts it), else on_reject for each of its rows.  Returns 0 to go
 * on, 1 to stop (r->stop_rc and r->errmsg say why).
 */
static int deliver_group(run *r, chunk *c, size_t first)
{
    const rfy_batch_config *cfg = r->cfg;
    slot *g = &c->slots[first];
    int rc = g->group_rc, computed;
    size_t i;

    if (rc != RFY_OK && !row_fault(rc)) {
        message(&r->errmsg, "line %lu: %s", g->line, rfy_rc_name(rc));
        r->stop_rc = rc;
        return 1;
    }
    computed = rc == RFY_OK;
    if (r->later_pending && !same_case(r, c, g) && ledger_case_end(r))
        return 1;
    r->ledger_kept = 0;
    if (computed && cfg->ledger && (rc = ledger_group(r, c, first, &r->mark)) == RFY_EIO)
        return 1;
    if (computed && rc == RFY_OK)
        rc = holiday_group(r, c, first);
    else if (!r->ledger_kept)
        holiday_forget(r, c, first);
    if (rc == RFY_OK && cfg->on_row) {
        rfy_batch_row row;
        group_ref ref;
        make_row(&row, &ref, &r->binding, chunk_record(c, first), c, first);
        row.ledger = cfg->ledger ? &r->mark : NULL;
        rfy_error_reset(&r->err);
        rc = cfg->on_row(cfg->user, &row, &r->err);
        if (rc != RFY_OK && rc != RFY_EINPUT) {
            r->stop_rc = rc;
            return 1;
        }
        if (rc != RFY_OK) /* on_row made it a reject: every row, with its reason */
            for (i = first; i < first + g->group_n; i++) {
                c->slots[i].rc = rc;
                c->slots[i].err = r->err;
            }
    }
    if (cfg->ledger && rfy_ledger_corrections(cfg->ledger)) {
        /* a correction run: the case's later stored months follow its last month here */
        r->later_pending = rc == RFY_OK;
        r->later_after = g->res.month;
    }
    if (rc == RFY_OK) {
        r->stats->counts.computed += g->group_n;
        r->stats->counts.casemonths++;
        if (r->pool->nthreads == 0) { /* several jobs: summed per chunk in the worker */
            rfy__batch_stats_add(r->stats, &g->res);
        }
    } else if (computed && r->pool->nthreads > 0) {
        /* computed, but on_row made it a reject: out of the chunk's sums */
        mpz_sub(r->stats->gross, r->stats->gross, g->res.gross);
        mpz_sub(r->stats->deductions, r->stats->deductions, g->res.total_deduction);
        mpz_sub(r->stats->payment, r->stats->payment, g->res.payment);
    }
    for (i = first; i < first + g->group_n; i++) {
        slot *s = &c->slots[i];
        if (s->rc != RFY_OK && (rc = rejected(r, c, s->line, s->number, s, &s->err)) != RFY_OK) {
            r->stop_rc = rc;
            return 1;
        }
        progress(r, s->number);
    }
    for (i = g->extra_first; i < g->extra_first + g->extra_n; i++) {
        if ((rc = rejected(r, c, c->extra[i].line, c->extra[i].number, g, &g->err)) != RFY_OK) {
            r->stop_rc = rc;
            return 1;
        }
        progress(r, c->extra[i].number);
    }
    return 0;
}

/* Hand every case-month of a computed chunk to the hooks, in order.  Returns 0
 * to go on, 1 to stop. */
static int deliver_chunk(run *r, chunk *c)
{
    size_t i;
    /* The chunk's sums; deliver_group() takes back a case-month on_row refuses. */
    if (r->pool->nthreads > 0) {
        mpz_add(r->stats->gross, r->stats->gross, c->gross);
        mpz_add(r->stats->deductions, r->stats->deductions, c->deductions);
        mpz_add(r->stats->payment, r->stats->payment, c->payment);
    }
    for (i = 0; i < c->nrows; i += c->slots[i].group_n)
        if (deliver_group(r, c, i))
            return 1;
    return 0;
}

/* ---- The pool of chunks (and of workers with jobs > 1) --------------------------- */

static void *worker(void *arg)
{
    pool *p = arg;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        chunk *c;
        while (!p->quit && p->qlen == 0)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->quit)
            break;
        c = &p->chunks[p->queue[p->qhead]];
        p->qhead = (p->qhead + 1) % p->nchunks;
        p->qlen--;
        pthread_mutex_unlock(&p->mu);
        compute_chunk(p, c);
        pthread_mutex_lock(&p->mu);
        c->state = CHUNK_DONE;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

static void pool_free(pool *p)
{
    size_t i, k;
    if (!p)
        return;
    if (p->nthreads) {
        pthread_mutex_lock(&p->mu);
        p->quit = 1;
        pthread_cond_broadcast(&p->work);
        pthread_mutex_unlock(&p->mu);
        for (i = 0; i < p->nthreads; i++)
            pthread_join(p->threads[i], NULL);
    }
    for (i = 0; p->chunks && i < p->nchunks; i++) {
        chunk *c = &p->chunks[i];
        for (k = 0; c->slots && k < p->chunk_slots; k++) {
            rfy_result_clear(&c->slots[k].res);
            rfy_case_clear(&c->slots[k].in);
        }
        if (c->sums_init)
            mpz_clears(c->gross, c->deductions, c->payment, NULL);
        free(c->slots);
        free(c->bytes);
        free(c->fld);
        free(c->extra);
    }
    free(p->chunks);
    free(p->queue);
    free(p->threads);
    pthread_cond_destroy(&p->done);
    pthread_cond_destroy(&p->work);
    pthread_mutex_destroy(&p->mu);
    free(p);
}

/* The chunks, and cfg->jobs − 1 workers when cfg->jobs >= 2 (one job: one
 * chunk, computed by the calling thread).  NULL when out of memory. */
static pool *pool_new(const rfy_batch_config *cfg, const case_binding *binding)
{
    /* --jobs N is N threads in all: this (the reading and writing) thread and
     * N − 1 workers.  Measured on 2 cores: 2 threads 0.80 s per 1 M rows, 3
     * threads 1.04 s, 1 thread 0.98 s (docs/performance.md). */
    size_t jobs = cfg->jobs > 1 ? (cfg->jobs > RFY_BATCH_MAX_JOBS ? RFY_BATCH_MAX_JOBS : cfg->jobs) - 1 : 0;
    size_t i, k;
    pool *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    p->cfg = cfg;
    p->binding = binding;
    p->nchunks = jobs ? CHUNKS_PER_JOB * jobs + 2 : 1;
    /* One job: a chunk is one case-month, computed and delivered at once, so
     * that the few slots in use stay in the processor's cache. */
    p->chunk_rows = jobs ? CHUNK_ROWS : 1;
    p->chunk_slots = p->chunk_rows + GROUP_MAX;
    if (!(p->chunks = calloc(p->nchunks, sizeof *p->chunks)) ||
        !(p->queue = calloc(p->nchunks, sizeof *p->queue)) ||
        (jobs && !(p->threads = calloc(jobs, sizeof *p->threads))))
        goto fail;
    for (i = 0; i < p->nchunks; i++) {
        chunk *c = &p->chunks[i];
        if (!(c->slots = calloc(p->chunk_slots, sizeof *c->slots)))
            goto fail;
        for (k = 0; k < p->chunk_slots; k++) {
            rfy_case_init(&c->slots[k].in);
            rfy_result_init(&c->slots[k].res);
        }
        mpz_inits(c->gross, c->deductions, c->payment, NULL);
        c->sums_init = 1;
        c->rec_slot = NO_SLOT;
    }
    for (i = 0; i < jobs; i++) {
        if (pthread_create(&p->threads[i], NULL, worker, p) != 0)
            break;
        p->nthreads++;
    }
    /* No thread could be started: the calling thread computes (as one job). */
    return p;
fail:
    pool_free(p);
    return NULL;
}

/* Copy one data record into slot c->nrows.  Returns 0, or -1 when out of memory. */
static int chunk_add(chunk *c, const rfy_csv_record *rec, unsigned long number)
{
    size_t i, kept = rec->nfields < RFY_CSV_MAX_FIELDS ? rec->nfields : RFY_CSV_MAX_FIELDS;
    size_t span = 0, need;
    int contiguous = 1;
    slot *s = &c->slots[c->nrows];
    /* The reader keeps a record's fields one after the other, each with its
     * NUL (rfy_csv_record): then the whole record is one copy, much cheaper
     * than a copy per field (docs/performance.md). */
    for (i = 0; i < kept; i++) {
        if (rec->field[i] != rec->field[0] + span)
            contiguous = 0;
        span += rec->len[i] + 1;
    }
    need = c->nbytes + span;
    if (grow((void **)&c->bytes, &c->capbytes, need < CHUNK_BYTES ? CHUNK_BYTES : need, 1) ||
        grow((void **)&c->fld, &c->capfld, c->nfld + kept, sizeof *c->fld))
        return -1;
    s->line = rec->line;
    s->index = rec->index;
    s->number = number;
    s->nfields = rec->nfields;
    s->first = c->nfld;
    s->payment = 0;
    s->group_n = 0;
    s->extra_n = 0;
    s->extra_first = 0;
    if (contiguous && kept > 0) {
        size_t base = c->nbytes;
        memcpy(c->bytes + base, rec->field[0], span);
        for (i = 0; i < kept; i++) {
            c->fld[c->nfld + i].off = base + (size_t)(rec->field[i] - rec->field[0]);
            c->fld[c->nfld + i].len = rec->len[i];
        }
        c->nfld += kept;
        c->nbytes += span;
    } else {
        for (i = 0; i < kept; i++) {
            memcpy(c->bytes + c->nbytes, rec->field[i], rec->len[i]);
            c->bytes[c->nbytes + rec->len[i]] = '\0';
            c->fld[c->nfld].off = c->nbytes;
            c->fld[c->nfld].len = rec->len[i];
            c->nfld++;
            c->nbytes += rec->len[i] + 1;
        }
    }
    c->rec_slot = NO_SLOT; /* slot c->nrows may have held another record */
    c->nrows++;
    return 0;
}

/* Deliver the oldest chunk in flight once it is computed; with `wait` unset,
 * only if it already is.  Returns 0 (delivered), 1 (a hook stopped the run)
 * or 2 (nothing to deliver yet).  Chunk states other than QUEUED and DONE
 * are only ever changed by this (the calling) thread. */
static int deliver_oldest(run *r, int wait)
{
    pool *p = r->pool;
    chunk *c = &p->chunks[p->emit];
    chunk_state st;
    int stop;
    if (p->inflight == 0)
        return 2;
    if (p->nthreads == 0) { /* one job: computed by this thread in submit() */
        st = c->state;
    } else {
        pthread_mutex_lock(&p->mu);
        while (wait && c->state != CHUNK_DONE)
            pthread_cond_wait(&p->done, &p->mu);
        st = c->state;
        pthread_mutex_unlock(&p->mu);
    }
    if (st != CHUNK_DONE)
        return 2;
    stop = deliver_chunk(r, c);
    c->state = CHUNK_FREE;
    c->nrows = c->nbytes = c->nfld = c->nextra = 0;
    p->emit = (p->emit + 1) % p->nchunks;
    p->inflight--;
    return stop;
}

/* Queue the chunk being filled for the workers (or compute it here with one
 * job), deliver what is ready, and make sure the next chunk is free to fill
 * (waiting for the oldest only when every chunk is in flight).  Returns 0, or
 * 1 to stop. */
static int submit(run *r)
{
    pool *p = r->pool;
    chunk *c = &p->chunks[p->fill];
    int rc;
    if (c->state != CHUNK_FILLING || c->nrows == 0)
        return 0;
    if (p->nthreads == 0) {
        compute_chunk(p, c);
        c->state = CHUNK_DONE;
    } else {
        pthread_mutex_lock(&p->mu);
        c->state = CHUNK_QUEUED;
        p->queue[(p->qhead + p->qlen) % p->nchunks] = p->fill;
        p->qlen++;
        pthread_cond_signal(&p->work);
        pthread_mutex_unlock(&p->mu);
    }
    p->fill = (p->fill + 1) % p->nchunks;
    p->inflight++;
    while ((rc = deliver_oldest(r, p->inflight == p->nchunks)) == 0)
        ;
    return rc == 1;
}

/* Deliver every case-month still in flight, in order.  Returns 0, or 1 to stop. */
static int drain(run *r)
{
    pool *p = r->pool;
    int rc;
    if (submit(r))
        return 1;
    while (p->inflight > 0)
        if ((rc = deliver_oldest(r, 1)) == 1)
            return 1;
    return 0;
}

/* ---- Grouping the rows ---------------------------------------------------------- */

/* Slot index of the first row of the case-month being filled. */
static size_t group_first(const chunk *c)
{
    size_t i = c->nrows;
    while (i > 0 && c->slots[i - 1].group_n == 0)
        i--;
    return i - 1;
}

/*
 * Add a data row to the chunk being filled: to the case-month being filled
 * when `joins`, else as the first row of a new one (handing the chunk on
 * first when it is full).  Returns 0, or 1 to stop.
 */
static int add_row(run *r, const rfy_csv_record *rec, unsigned long number, int joins)
{
    pool *p = r->pool;
    chunk *c = &p->chunks[p->fill];
    if (c->state == CHUNK_FREE)
        c->state = CHUNK_FILLING;
    if (joins) {
        slot *g = &c->slots[group_first(c)];
        if (g->group_n >= GROUP_MAX) { /* kept by line only: the case-month is rejected */
            if (grow((void **)&c->extra, &c->capextra, c->nextra + 1, sizeof *c->extra))
                goto nomem;
            if (g->extra_n == 0)
                g->extra_first = c->nextra;
            c->extra[c->nextra].line = rec->line;
            c->extra[c->nextra].number = number;
            c->nextra++;
            g->extra_n++;
            return 0;
        }
        if (chunk_add(c, rec, number) != 0)
            goto nomem;
        g->group_n++;
        return 0;
    }
    if (c->nrows >= p->chunk_rows) {
        if (submit(r))
            return 1;
        c = &p->chunks[p->fill];
        c->state = CHUNK_FILLING;
    }
    if (chunk_add(c, rec, number) != 0)
        goto nomem;
    c->slots[c->nrows - 1].group_n = 1;
    return 0;
nomem:
    message(&r->errmsg, "line %lu: %s", rec->line, rfy_rc_name(RFY_ENOMEM));
    r->stop_rc = RFY_ENOMEM;
    return 1;
}

/* A row with a valid key, in key order: into its case-month (`joins`: the
 * one being filled, whose key is r->prev). */
static int add_keyed(run *r, const rfy_csv_record *rec, const casemonth_key *key,
                     unsigned long number, int joins)
{
    if (!joins) {
        casemonth_key_keep(&r->prev, key);
        r->group_open = 1;
    }
    return add_row(r, rec, number, joins);
}

/* row_sort_finish: the sorted rows. */
static int on_sorted(void *user, const rfy_csv_record *rec, const casemonth_key *key,
                     unsigned long number)
{
    run *r = user;
    return add_keyed(r, rec, key, number,
                     r->group_open && r->prev.set && casemonth_key_cmp(key, &r->prev.key) == 0);
}

/* ---- The reader's callback ------------------------------------------------------ */

static int on_record(void *user, const rfy_csv_record *rec)
{
    run *r = user;
    casemonth_key key;
    unsigned long number;
    int cmp;

    if (!r->have_header) {
        if (header(r, rec))
            return 1;
        /* Workers start once the columns are known (they read the binding). */
        if (!r->pool && !(r->pool = pool_new(r->cfg, &r->binding))) {
            message(&r->errmsg, "line %lu: %s", rec->line, rfy_rc_name(RFY_ENOMEM));
            r->stop_rc = RFY_ENOMEM;
            return 1;
        }
        return 0;
    }
    number = ++r->stats->counts.rows;
    if (casemonth_key_of(&key, &r->binding, rec) != 0) {
        /* No valid case_id or month: it cannot be grouped, and is rejected on
         * its own.  It ends the case-month being streamed, so that a later row
         * of that case-month counts as out of order (and is sorted). */
        r->group_open = 0;
        return add_row(r, rec, number, 0);
    }
    cmp = r->seen.set ? casemonth_key_cmp(&key, &r->seen.key) : 1;
    if (cmp < 0)
        r->stats->counts.sorted = 1;
    if (r->mode == MODE_SORT) {
        int rc;
        if (cmp > 0)
            casemonth_key_keep(&r->seen, &key);
        rc = row_sort_add(r->sorter, &key, rec, number, &r->errmsg);
        if (rc != RFY_OK) {
            if (!r->errmsg)
                message(&r->errmsg, "line %lu: %s", rec->line, rfy_rc_name(rc));
            r->stop_rc = rc;
            return 1;
        }
        return 0;
    }
    /* Streaming: a row before the case-month being filled, or of an earlier
     * one, means the input is not in order: read it again, sorting. */
    if (cmp < 0 || (cmp == 0 && !r->group_open)) {
        if (!r->cfg->on_restart) { /* found in order before: the file changed since */
            message(&r->errmsg, "line %lu: the input changed while it was read", rec->line);
            r->stop_rc = RFY_EIO;
            return 1;
        }
        r->restart = 1;
        r->stop_rc = RFY_ESTOP;
        return 1;
    }
    if (cmp > 0)
        casemonth_key_keep(&r->seen, &key);
    /* In order, the case-month being filled is the greatest key read, and it
     * is open here when cmp == 0 (else the row was out of order above): cmp
     * already says whether the row joins it, without a second comparison. */
    return add_keyed(r, rec, &key, number, cmp == 0);
}

/* hash_input: every input byte through SHA-256 (for a receipt), then on to
 * the caller's own tap.  A failed update is remembered: no hash of a partial
 * input is ever reported. */
static void hash_tap(void *user, const void *bytes, size_t n)
{
    run *r = user;
    if (r->digest_failed || !EVP_DigestUpdate(r->digest, bytes, n))
        r->digest_failed = 1;
    r->input_bytes += n;
    if (r->cfg->tap)
        r->cfg->tap(r->cfg->tap_user, bytes, n);
}

static int finish_hash(run *r, rfy_batch_stats *st)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (r->digest_failed || !EVP_DigestFinal_ex(r->digest, md, &len) || len != 32)
        return RFY_ENOMEM;
    rfy__hex(st->counts.input_sha256, md, 32);
    st->counts.input_bytes = r->input_bytes;
    return RFY_OK;
}

int rfy_batch_totals_split(mpz_t applied, mpz_t beyond, const mpz_t gross,
                           const mpz_t deductions, const mpz_t paid)
{
    mpz_t t;
    int ok;
    mpz_sub(applied, gross, paid);
    mpz_sub(beyond, deductions, applied);
    /* The identity is checked, not assumed: it holds only when the three sums
     * were taken from the same results. */
    mpz_init(t);
    mpz_sub(t, gross, applied);
    ok = mpz_cmp(t, paid) == 0;
    mpz_add(t, applied, beyond);
    ok = ok && mpz_cmp(t, deductions) == 0 && mpz_sgn(beyond) >= 0 && mpz_sgn(applied) >= 0;
    mpz_clear(t);
    return ok;
}

static void stats_reset(rfy_batch_stats *st)
{
    memset(&st->counts, 0, sizeof st->counts);
    mpz_set_ui(st->gross, 0);
    mpz_set_ui(st->deductions, 0);
    mpz_set_ui(st->payment, 0);
}

/* ---- Checking the order before the run ------------------------------------------ */

/* State of the order check (prescan). */
typedef struct order_check {
    const rfy_batch_config *cfg;
    case_binding binding;
    int have_header, out_of_order;
    casemonth_key_copy prev;
} order_check;

static int check_record(void *user, const rfy_csv_record *rec)
{
    order_check *o = user;
    casemonth_key key;
    char msg[COLUMN_MAP_MSG_MAX];
    if (!o->have_header) {
        if (column_map_bind(&o->binding, o->cfg->columns, rec, o->cfg->extra_columns,
                            o->cfg->nextra, RFY_LANG_EN, msg, sizeof msg) != RFY_OK)
            return 1; /* the run itself reports the header */
        o->have_header = 1;
        return 0;
    }
    if (casemonth_key_of(&key, &o->binding, rec) != 0) {
        /* a row that cannot be grouped ends the case-month (as when streaming) */
        o->prev.set = o->prev.set ? 2 : 0;
        return 0;
    }
    if (o->prev.set) {
        int c = casemonth_key_cmp(&key, &o->prev.key);
        if (c < 0 || (c == 0 && o->prev.set == 2)) {
            o->out_of_order = 1;
            return 1; /* no need to read further */
        }
        if (c == 0)
            return 0;
    }
    casemonth_key_keep(&o->prev, &key);
    return 0;
}

/*
 * Whether a regular-file input is in case-month order, read once without
 * computing (the outputs cannot be started afresh: standard output).  The
 * input is rewound.  Returns 1 in order, 0 not (or unknown: the run will
 * say why), -1 when it cannot be rewound.
 */
/* The input from its first byte again: cfg->reopen, or a rewind.  NULL when
 * it cannot be read again. */
static FILE *read_again(const rfy_batch_config *cfg, FILE *in)
{
    if (cfg->reopen)
        return cfg->reopen(cfg->user);
    if (fseeko(in, 0, SEEK_SET) != 0)
        return NULL;
    clearerr(in);
    return in;
}

static int in_order(const rfy_batch_config *cfg, FILE **in)
{
    order_check o;
    char *msg = NULL;
    int rc;
    memset(&o, 0, sizeof o);
    o.cfg = cfg;
    rc = rfy_csv_read_stream(*in, cfg->delimiter, check_record, &o, &msg);
    free(msg);
    if (!(*in = read_again(cfg, *in)))
        return -1;
    return rc == RFY_OK && o.have_header && !o.out_of_order;
}

/* The input can be read again: the caller says so (reopen), or it is a
 * regular file read from its start. */
static int can_reread(const rfy_batch_config *cfg, FILE *in)
{
    struct stat st;
    if (cfg->reopen)
        return 1;
    return fstat(fileno(in), &st) == 0 && S_ISREG(st.st_mode) && ftello(in) == 0;
}

int rfy_batch_run(rfy_batch_stats *stats, const rfy_batch_config *cfg, FILE *in, char **errmsg)
{
    return rfy_batch_run_lang(stats, cfg, in, RFY_LANG_DA, errmsg);
}

int rfy_batch_run_lang(rfy_batch_stats *stats, const rfy_batch_config *cfg, FILE *in,
                       rfy_lang lang, char **errmsg)
{
    run r;
    int rc;

    stats_reset(stats);
    memset(&r, 0, sizeof r);
    *errmsg = NULL;
    r.lang = lang;
    r.cfg = cfg;
    r.stats = stats;
    rfy__holiday_state_init(&r.holiday);
    mpz_inits(r.mark.previously_paid, r.mark.correction, NULL);
    if (cfg->hash_input && (!(r.digest = EVP_MD_CTX_new()) ||
                            !EVP_DigestInit_ex(r.digest, EVP_sha256(), NULL))) {
        message(errmsg, "%s", rfy_rc_name(RFY_ENOMEM));
        rc = RFY_ENOMEM;
        goto cleanup;
    }
    /* Streaming when the input can be read again: until the first row out
     * of order when the outputs can be started afresh (on_restart), else
     * only when a first reading found it in order.  Otherwise sorting. */
    r.mode = MODE_SORT;
    if (can_reread(cfg, in)) {
        int ordered = cfg->on_restart ? 1 : in_order(cfg, &in);
        if (ordered < 0) {
            message(errmsg, "cannot read the input again after checking its order");
            rc = RFY_EIO;
            goto cleanup;
        }
        if (ordered)
            r.mode = MODE_STREAM;
    }

    /* With a ledger, whatever --jobs, the new case-months are packed and
     * inserted on a thread of the ledger's own (one thread more than --jobs,
     * ended at cleanup): the ledger's CPU then runs beside the batch's
     * instead of inside it (docs/performance.md). */
    if (cfg->ledger)
        ledger_writer_start(cfg->ledger); /* failing, the run goes on without it */

again:
    if (r.mode == MODE_SORT && !r.sorter && !(r.sorter = row_sort_new(ROW_SORT_BUFFER))) {
        message(errmsg, "%s", rfy_rc_name(RFY_ENOMEM));
        rc = RFY_ENOMEM;
        goto cleanup;
    }
    rc = rfy_csv_read_stream_lang(in, cfg->delimiter, on_record, &r,
                                  cfg->hash_input ? hash_tap : cfg->tap,
                                  cfg->hash_input ? (void *)&r : cfg->tap_user, lang, errmsg);
    if (rc == RFY_ESTOP && r.restart) {
        /* Out of order: what was delivered goes (on_restart), and the input is
         * read again from the top, sorted.  The rows in flight are delivered
         * first, so that the workers are idle. */
        free(*errmsg);
        *errmsg = NULL;
        if (drain(&r)) {
            rc = RFY_ESTOP;
        } else if ((rc = cfg->on_restart(cfg->user)) != RFY_OK) {
            goto cleanup;
        } else if (!(in = read_again(cfg, in))) {
            message(errmsg, "cannot read the input again to sort it");
            rc = RFY_EIO;
            goto cleanup;
        } else if (cfg->hash_input && !EVP_DigestInit_ex(r.digest, EVP_sha256(), NULL)) {
            message(errmsg, "%s", rfy_rc_name(RFY_ENOMEM));
            rc = RFY_ENOMEM;
            goto cleanup;
        } else {
            /* the input is hashed again from its first byte */
            r.input_bytes = 0;
            r.digest_failed = 0;
            stats_reset(stats);
            r.holiday_have = 0; /* the ledger starts again with the rows */
            r.later_pending = 0;
            r.ledger_case_len = 0;
            r.restart = 0;
            r.have_header = 0;
            r.prev.set = r.seen.set = 0;
            r.group_open = 0;
            r.mode = MODE_SORT;
            goto again;
        }
    }
    if (rc == RFY_OK && r.mode == MODE_SORT && r.have_header) {
        r.group_open = 0;
        rc = row_sort_finish(r.sorter, on_sorted, &r, errmsg);
        stats->counts.sorted_runs = row_sort_runs(r.sorter);
    }
    /* The rows read so far are delivered before anything is reported, as
     * they would have been before the fault. */
    if (r.pool && rc != RFY_ESTOP && drain(&r)) {
        free(*errmsg);
        *errmsg = NULL;
        rc = RFY_ESTOP;
    }
    if (rc == RFY_ESTOP) {
        /* Our callback stopped the reader: report its reason instead. */
        free(*errmsg);
        *errmsg = r.errmsg;
        r.errmsg = NULL;
        rc = r.stop_rc;
        goto cleanup;
    }
    if (rc != RFY_OK) {
        if (!*errmsg)
            message(errmsg, "%s", rfy_rc_name(rc));
        goto cleanup;
    }
    if (!r.have_header) {
        message(errmsg, "%s", rfy_message_format(RFY_MSG_INPUT_EMPTY, lang));
        rc = RFY_ECSV;
        goto cleanup;
    }
    if (r.later_pending && ledger_case_end(&r)) {
        *errmsg = r.errmsg;
        r.errmsg = NULL;
        rc = r.stop_rc;
        goto cleanup;
    }
    if (cfg->hash_input && finish_hash(&r, stats) != RFY_OK) {
        message(errmsg, "cannot hash the input: %s", rfy_rc_name(RFY_ENOMEM));
        rc = RFY_ENOMEM;
        goto cleanup;
    }
    if (stats->counts.rows != stats->counts.computed + stats->counts.rejected) {
        message(errmsg, "internal error: %lu rows read but %lu computed and %lu rejected",
                stats->counts.rows, stats->counts.computed, stats->counts.rejected);
        rc = RFY_ESTOP;
        goto cleanup;
    }
cleanup:
    /* The ledger's writer thread ends with the run, its batches inserted as
     * one job would have: the ledger is then as --jobs 1 leaves it. */
    if (cfg->ledger && ledger_writer_stop(cfg->ledger, 1) != RFY_OK && rc == RFY_OK) {
        message(errmsg, "%s", rfy_ledger_error(cfg->ledger));
        rc = RFY_EIO;
    }
    rfy__holiday_state_clear(&r.holiday);
    mpz_clears(r.mark.previously_paid, r.mark.correction, NULL);
    EVP_MD_CTX_free(r.digest);
    row_sort_free(r.sorter);
    pool_free(r.pool);
    free(r.errmsg);
    return rc;
}
