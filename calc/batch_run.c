/* The streaming row loop shared by batch and audit.  See batch_run.h.
 *
 * One job: each record goes straight from the CSV reader's callback through
 * compute_row() and deliver().  Several jobs (batch_config.jobs > 1): the
 * reader's callback copies records into chunks; worker threads run
 * compute_row() (and the format_row hook) over whole chunks; the calling
 * thread hands the chunks' rows to deliver() strictly in input order.  Both
 * ways run the same two functions on the same rows in the same order, so
 * the hooks see exactly the same calls.
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "batch_run.h"
#include "column_map.h"

/* Rows per chunk, and chunks per worker in the ring: with BATCH_MAX_JOBS
 * workers (2 × 16 + 2) × 256 rows of about 3 KiB (case, result, fields) stay
 * far below the 64 MiB the batch may use, whatever the input size. */
#define CHUNK_ROWS 256
#define CHUNKS_PER_JOB 2
#define CHUNK_BYTES (64u * 1024u) /* initial record bytes per chunk; grows for long records */

typedef struct pool pool;

/* State of one run, shared with the CSV reader's callback. */
typedef struct run {
    const batch_config *cfg;
    batch_stats *stats;
    case_binding binding;
    int have_header;
    rfy_case in;          /* reused for every row: no per-row allocation */
    rfy_result res;       /* idem */
    rfy_error err;
    char id[CASE_ID_DISPLAY_SIZE];
    int stop_rc;          /* why the callback stopped the reader */
    char *errmsg;         /* message for stop_rc, malloc'ed */
    pool *pool;           /* jobs > 1: the workers and their chunks */
    EVP_MD_CTX *digest;   /* hash_input: SHA-256 of the input as it streams */
    unsigned long long input_bytes;
    int digest_failed;
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
                        msg, sizeof msg) != RFY_OK ||
        (r->cfg->on_header &&
         r->cfg->on_header(r->cfg->user, &r->binding, msg, sizeof msg) != RFY_OK)) {
        message(&r->errmsg, "line %lu: %s", rec->line, msg);
        r->stop_rc = RFY_ECSV;
        return 1;
    }
    r->have_header = 1;
    return 0;
}

/* Hand a row that failed to the on_reject hook. */
static int rejected(run *r, const rfy_csv_record *rec, unsigned long number, const rfy_error *err)
{
    batch_reject rej;
    size_t len;
    const char *id = case_input_cell(&r->binding, rec, CASE_COL_CASE_ID, &len);
    rej.line = rec->line;
    rej.number = number;
    rej.rec = rec;
    rej.case_id_len = case_input_display_id(r->id, sizeof r->id, id, len);
    rej.case_id = r->id;
    rej.column = err->column ? err->column : "";
    rej.reason = err->reason;
    r->stats->rejected++;
    return r->cfg->on_reject ? r->cfg->on_reject(r->cfg->user, &rej) : RFY_OK;
}

/*
 * Parse and compute one data row into in/res (err filled on failure).
 * Returns RFY_OK; RFY_EINPUT, RFY_ECOVERAGE or RFY_ENORATE for a fault of the
 * row (err->reason never empty); any other code is not the row's fault
 * (memory) and stops the run.  Thread-safe: touches only its arguments.
 */
static int compute_row(const batch_config *cfg, const case_binding *b, const rfy_csv_record *rec,
                       rfy_case *in, rfy_result *res, rfy_error *err)
{
    int rc;
    rfy_case_reset(in);
    rc = case_input_parse(in, b, rec, cfg->amount, err);
    if (rc != RFY_OK)
        return rc;
    rc = rfy_compute(res, cfg->rates, in, err);
    if (rc != RFY_OK && rc != RFY_EINPUT && rc != RFY_ECOVERAGE && rc != RFY_ENORATE)
        return rc;
    if (rc != RFY_OK && err->reason[0] == '\0')
        snprintf(err->reason, sizeof err->reason, "%s", rfy_rc_name(rc));
    return rc;
}

/* The batch_row of a computed row. */
static void make_row(batch_row *row, const case_binding *b, const rfy_csv_record *rec,
                     unsigned long number, const rfy_case *in, const rfy_result *res)
{
    row->line = rec->line;
    row->number = number;
    row->rec = rec;
    row->binding = b;
    row->case_id = case_input_cell(b, rec, CASE_COL_CASE_ID, &row->case_id_len);
    row->in = in;
    row->res = res;
    row->formatted = NULL;
    row->formatted_len = 0;
}

/*
 * Hand one row, with the outcome `rc` of compute_row(), to the hooks:
 * on_row for a computed row, on_reject otherwise, then progress.  Returns 0
 * to go on, 1 to stop (r->stop_rc and r->errmsg say why).
 */
static int deliver(run *r, const rfy_csv_record *rec, unsigned long number, const rfy_case *in,
                   const rfy_result *res, rfy_error *err, int rc, const char *formatted,
                   size_t formatted_len)
{
    const batch_config *cfg = r->cfg;

    /* Bad input, a month outside the law's coverage and a missing rate
     * are faults of the row; anything else (memory) stops the run. */
    if (rc != RFY_OK && rc != RFY_EINPUT && rc != RFY_ECOVERAGE && rc != RFY_ENORATE) {
        message(&r->errmsg, "line %lu: %s", rec->line, rfy_rc_name(rc));
        r->stop_rc = rc;
        return 1;
    }
    int computed = rc == RFY_OK;
    if (rc == RFY_OK && cfg->on_row) {
        batch_row row;
        make_row(&row, &r->binding, rec, number, in, res);
        row.formatted = formatted;
        row.formatted_len = formatted ? formatted_len : 0;
        err->column = "";
        err->reason[0] = '\0';
        rc = cfg->on_row(cfg->user, &row, err);
        if (rc != RFY_OK && rc != RFY_EINPUT) {
            r->stop_rc = rc;
            return 1;
        }
    }
    if (rc == RFY_OK) {
        r->stats->computed++;
        if (!r->pool) { /* several jobs: summed per chunk in the worker */
            mpz_add(r->stats->gross, r->stats->gross, res->gross);
            mpz_add(r->stats->deductions, r->stats->deductions, res->total_deduction);
            mpz_add(r->stats->payment, r->stats->payment, res->payment);
        }
    } else if (computed && r->pool) {
        /* computed, but on_row made it a reject: out of the chunk's sums */
        mpz_sub(r->stats->gross, r->stats->gross, res->gross);
        mpz_sub(r->stats->deductions, r->stats->deductions, res->total_deduction);
        mpz_sub(r->stats->payment, r->stats->payment, res->payment);
    }
    if (rc != RFY_OK && (rc = rejected(r, rec, number, err)) != RFY_OK) {
        r->stop_rc = rc;
        return 1;
    }
    if (cfg->progress_every && cfg->on_progress && number % cfg->progress_every == 0)
        cfg->on_progress(cfg->user, number);
    return 0;
}

/* ---- Several jobs ------------------------------------------------------------- */

/* One data row of a chunk: where its fields are, and what became of it. */
typedef struct slot {
    unsigned long line, index, number;
    size_t nfields;       /* fields in the record (may exceed RFY_CSV_MAX_FIELDS) */
    size_t first;         /* its first kept field in the chunk's field table */
    rfy_case in;
    rfy_result res;
    rfy_error err;
    int rc;               /* compute_row() */
    size_t out_off;       /* formatted bytes in the chunk's out buffer */
    int out_len;          /* -1: not formatted */
} slot;

typedef enum chunk_state { CHUNK_FREE, CHUNK_FILLING, CHUNK_QUEUED, CHUNK_DONE } chunk_state;

/* A run of consecutive rows, filled by the reader, computed by one worker. */
typedef struct chunk {
    chunk_state state;
    size_t nrows;
    slot *slots;                  /* CHUNK_ROWS, initialised once */
    char *bytes;                  /* the rows' field texts, NUL-terminated */
    size_t nbytes, capbytes;
    struct field { size_t off, len; } *fld; /* field table: offset into bytes, length */
    size_t nfld, capfld;
    char *out;                    /* format_row output */
    size_t nout, capout;
    int nomem;                    /* a copy did not fit in memory */
    mpz_t gross, deductions, payment; /* sums over the chunk's computed rows (batch_stats) */
    int sums_init;                /* the three mpz are initialised */
} chunk;

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
    const batch_config *cfg;
    const case_binding *binding;
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

/* Compute every row of a chunk (in a worker, without the lock). */
static void compute_chunk(pool *p, chunk *c)
{
    const batch_config *cfg = p->cfg;
    rfy_csv_record rec;
    size_t i;
    c->nout = 0;
    mpz_set_ui(c->gross, 0);
    mpz_set_ui(c->deductions, 0);
    mpz_set_ui(c->payment, 0);
    for (i = 0; i < c->nrows; i++) {
        slot *s = &c->slots[i];
        slot_record(&rec, c, s);
        s->rc = compute_row(cfg, p->binding, &rec, &s->in, &s->res, &s->err);
        if (s->rc == RFY_OK) {
            mpz_add(c->gross, c->gross, s->res.gross);
            mpz_add(c->deductions, c->deductions, s->res.total_deduction);
            mpz_add(c->payment, c->payment, s->res.payment);
        }
        s->out_len = -1;
        if (s->rc == RFY_OK && cfg->format_row && cfg->on_row &&
            grow((void **)&c->out, &c->capout, c->nout + cfg->format_max, 1) == 0) {
            batch_row row;
            make_row(&row, p->binding, &rec, s->number, &s->in, &s->res);
            s->out_len = cfg->format_row(cfg->user, &row, c->out + c->nout, cfg->format_max);
            if (s->out_len >= 0) {
                s->out_off = c->nout;
                c->nout += (size_t)s->out_len;
            }
        }
    }
}

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
        for (k = 0; c->slots && k < CHUNK_ROWS; k++) {
            rfy_result_clear(&c->slots[k].res);
            rfy_case_clear(&c->slots[k].in);
        }
        if (c->sums_init)
            mpz_clears(c->gross, c->deductions, c->payment, NULL);
        free(c->slots);
        free(c->bytes);
        free(c->fld);
        free(c->out);
    }
    free(p->chunks);
    free(p->queue);
    free(p->threads);
    pthread_cond_destroy(&p->done);
    pthread_cond_destroy(&p->work);
    pthread_mutex_destroy(&p->mu);
    free(p);
}

/* Chunks and cfg->jobs − 1 workers (cfg->jobs >= 2); NULL when out of memory
 * or when no thread can be started (the caller then runs with one job). */
static pool *pool_new(const batch_config *cfg, const case_binding *binding)
{
    /* --jobs N is N threads in all: this (the reading and writing) thread and
     * N − 1 workers.  Measured on 2 cores: 2 threads 0.80 s per 1 M rows, 3
     * threads 1.04 s, 1 thread 0.98 s (docs/performance.md). */
    size_t jobs = (cfg->jobs > BATCH_MAX_JOBS ? BATCH_MAX_JOBS : cfg->jobs) - 1, i, k;
    pool *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    p->cfg = cfg;
    p->binding = binding;
    p->nchunks = CHUNKS_PER_JOB * jobs + 2;
    if (!(p->chunks = calloc(p->nchunks, sizeof *p->chunks)) ||
        !(p->queue = calloc(p->nchunks, sizeof *p->queue)) ||
        !(p->threads = calloc(jobs, sizeof *p->threads)))
        goto fail;
    for (i = 0; i < p->nchunks; i++) {
        chunk *c = &p->chunks[i];
        if (!(c->slots = calloc(CHUNK_ROWS, sizeof *c->slots)))
            goto fail;
        for (k = 0; k < CHUNK_ROWS; k++) {
            rfy_case_init(&c->slots[k].in);
            rfy_result_init(&c->slots[k].res);
        }
        mpz_inits(c->gross, c->deductions, c->payment, NULL);
        c->sums_init = 1;
    }
    for (i = 0; i < jobs; i++) {
        if (pthread_create(&p->threads[i], NULL, worker, p) != 0)
            break;
        p->nthreads++;
    }
    if (p->nthreads == 0)
        goto fail;
    return p;
fail:
    pool_free(p);
    return NULL;
}

/* Copy one data record into the chunk being filled.  Returns 0, or -1 when
 * out of memory. */
static int chunk_add(chunk *c, const rfy_csv_record *rec, unsigned long number)
{
    size_t i, kept = rec->nfields < RFY_CSV_MAX_FIELDS ? rec->nfields : RFY_CSV_MAX_FIELDS;
    size_t need = c->nbytes;
    slot *s = &c->slots[c->nrows];
    for (i = 0; i < kept; i++)
        need += rec->len[i] + 1;
    if (grow((void **)&c->bytes, &c->capbytes, need < CHUNK_BYTES ? CHUNK_BYTES : need, 1) ||
        grow((void **)&c->fld, &c->capfld, c->nfld + kept, sizeof *c->fld))
        return -1;
    s->line = rec->line;
    s->index = rec->index;
    s->number = number;
    s->nfields = rec->nfields;
    s->first = c->nfld;
    for (i = 0; i < kept; i++) {
        memcpy(c->bytes + c->nbytes, rec->field[i], rec->len[i]);
        c->bytes[c->nbytes + rec->len[i]] = '\0';
        c->fld[c->nfld].off = c->nbytes;
        c->fld[c->nfld].len = rec->len[i];
        c->nfld++;
        c->nbytes += rec->len[i] + 1;
    }
    c->nrows++;
    return 0;
}

/* Hand every row of a computed chunk to the hooks, in order.  Returns 0 to
 * go on, 1 to stop. */
static int deliver_chunk(run *r, chunk *c)
{
    rfy_csv_record rec;
    size_t i;
    /* The worker's sums; deliver() takes back a row that on_row refuses. */
    mpz_add(r->stats->gross, r->stats->gross, c->gross);
    mpz_add(r->stats->deductions, r->stats->deductions, c->deductions);
    mpz_add(r->stats->payment, r->stats->payment, c->payment);
    for (i = 0; i < c->nrows; i++) {
        slot *s = &c->slots[i];
        slot_record(&rec, c, s);
        if (deliver(r, &rec, s->number, &s->in, &s->res, &s->err, s->rc,
                    s->out_len >= 0 ? c->out + s->out_off : NULL,
                    s->out_len >= 0 ? (size_t)s->out_len : 0))
            return 1;
    }
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
    pthread_mutex_lock(&p->mu);
    while (wait && c->state != CHUNK_DONE)
        pthread_cond_wait(&p->done, &p->mu);
    st = c->state;
    pthread_mutex_unlock(&p->mu);
    if (st != CHUNK_DONE)
        return 2;
    stop = deliver_chunk(r, c);
    c->state = CHUNK_FREE;
    c->nrows = c->nbytes = c->nfld = 0;
    p->emit = (p->emit + 1) % p->nchunks;
    p->inflight--;
    return stop;
}

/* Queue the chunk being filled for the workers (if it has rows), deliver
 * what is ready, and make sure the next chunk is free to fill (waiting for
 * the oldest only when every chunk is in flight).  Returns 0, or 1 to stop. */
static int submit(run *r)
{
    pool *p = r->pool;
    chunk *c = &p->chunks[p->fill];
    int rc;
    if (c->state != CHUNK_FILLING || c->nrows == 0)
        return 0;
    pthread_mutex_lock(&p->mu);
    c->state = CHUNK_QUEUED;
    p->queue[(p->qhead + p->qlen) % p->nchunks] = p->fill;
    p->qlen++;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
    p->fill = (p->fill + 1) % p->nchunks;
    p->inflight++;
    while ((rc = deliver_oldest(r, p->inflight == p->nchunks)) == 0)
        ;
    return rc == 1;
}

/* Deliver every row still in flight, in order.  Returns 0, or 1 to stop. */
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

/* ---- The reader's callback ------------------------------------------------------ */

static int on_record(void *user, const rfy_csv_record *rec)
{
    run *r = user;
    int rc;

    if (!r->have_header) {
        if (header(r, rec))
            return 1;
        /* Workers start once the columns are known (they read the binding). */
        if (r->cfg->jobs > 1)
            r->pool = pool_new(r->cfg, &r->binding);
        return 0;
    }
    r->stats->rows++;
    if (r->pool) {
        pool *p = r->pool;
        chunk *c = &p->chunks[p->fill];
        if (c->state == CHUNK_FREE)
            c->state = CHUNK_FILLING;
        if (chunk_add(c, rec, r->stats->rows) != 0) {
            message(&r->errmsg, "line %lu: %s", rec->line, rfy_rc_name(RFY_ENOMEM));
            r->stop_rc = RFY_ENOMEM;
            return 1;
        }
        return c->nrows == CHUNK_ROWS ? submit(r) : 0;
    }
    rc = compute_row(r->cfg, &r->binding, rec, &r->in, &r->res, &r->err);
    return deliver(r, rec, r->stats->rows, &r->in, &r->res, &r->err, rc, NULL, 0);
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
    static const char HEX[] = "0123456789abcdef";
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (r->digest_failed || !EVP_DigestFinal_ex(r->digest, md, &len) || len != 32)
        return RFY_ENOMEM;
    for (unsigned i = 0; i < 32; i++) {
        st->input_sha256[2 * i] = HEX[md[i] >> 4];
        st->input_sha256[2 * i + 1] = HEX[md[i] & 15];
    }
    st->input_sha256[64] = '\0';
    st->input_bytes = r->input_bytes;
    return RFY_OK;
}

void rfy_batch_stats_init(rfy_batch_stats *st)
{
    st->rows = st->computed = st->rejected = 0;
    st->input_bytes = 0;
    st->input_sha256[0] = '\0';
    mpz_inits(st->gross, st->deductions, st->payment, NULL);
}

void rfy_batch_stats_clear(rfy_batch_stats *st)
{
    mpz_clears(st->gross, st->deductions, st->payment, NULL);
}

int rfy_batch_run(rfy_batch_stats *stats, const rfy_batch_config *cfg, FILE *in, char **errmsg)
{
    run r;
    int rc;

    stats->rows = stats->computed = stats->rejected = 0;
    mpz_set_ui(stats->gross, 0);
    mpz_set_ui(stats->deductions, 0);
    mpz_set_ui(stats->payment, 0);
    memset(&r, 0, sizeof r);
    *errmsg = NULL;
    r.cfg = cfg;
    r.stats = stats;
    rfy_case_init(&r.in);
    rfy_result_init(&r.res);
    stats->input_bytes = 0;
    stats->input_sha256[0] = '\0';
    if (cfg->hash_input && (!(r.digest = EVP_MD_CTX_new()) ||
                            !EVP_DigestInit_ex(r.digest, EVP_sha256(), NULL))) {
        message(errmsg, "%s", rfy_rc_name(RFY_ENOMEM));
        rc = RFY_ENOMEM;
        goto cleanup;
    }

    rc = rfy_csv_read_stream_tap(in, cfg->delimiter, on_record, &r,
                                 cfg->hash_input ? hash_tap : cfg->tap,
                                 cfg->hash_input ? (void *)&r : cfg->tap_user, errmsg);
    /* Several jobs: the rows read so far are delivered before anything is
     * reported, as one job would have delivered them before the fault. */
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
        message(errmsg, "the input is empty: expected a header row with at least case_id, "
                        "month and category");
        rc = RFY_ECSV;
        goto cleanup;
    }
    if (stats->rows != stats->computed + stats->rejected) {
        message(errmsg, "internal error: %lu rows read but %lu computed and %lu rejected",
                stats->rows, stats->computed, stats->rejected);
        rc = RFY_ESTOP;
        goto cleanup;
    }
    if (cfg->hash_input && finish_hash(&r, stats) != RFY_OK) {
        message(errmsg, "cannot hash the input: %s", rfy_rc_name(RFY_ENOMEM));
        rc = RFY_ENOMEM;
    }
cleanup:
    EVP_MD_CTX_free(r.digest);
    pool_free(r.pool);
    free(r.errmsg);
    rfy_result_clear(&r.res);
    rfy_case_clear(&r.in);
    return rc;
}

const char *rfy_batch_row_extra(const rfy_batch_row *row, size_t i, size_t *len)
{
    return case_input_extra_cell(row->binding, row->rec, i, len);
}
