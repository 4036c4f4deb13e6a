/*
 * Packs: the values and texts of 32 case-months of a run in one compressed
 * row of table cmpack (ledger_internal.h: ledger_pack_build,
 * LEDGER_ENTRY_SQL; docs/ledger.md has the format for other tools).
 *
 * Why: a case-month's input rows and output row are most of what the
 * ledger writes, and every byte is written twice (the WAL, then the
 * database at the checkpoint) and waited for twice; and a row of its own
 * per case-month, with an index entry, was most of SQLite's work.  A full
 * batch of new case-months is one pack instead, compressed with LZ4 (about
 * 3.3 to 1 on rfy's rows), and each case-month a narrow key in cmkey.
 *
 * A pack, decompressed (cmpack.size bytes), is a count, a head of
 * LEDGER_PACK_SLOT bytes a slot, then the texts:
 *
 *     u32 n,
 *     n × { u32 in_len, u32 out_len, i64 payment, i64 holiday_run_months,
 *           i64 holiday_used_m, u32 flags (1 holiday known, 2 decimal comma) },
 *     input rows 0, output row 0, ..., input rows n-1, output row n-1
 *
 * numbers little-endian; slot i is the case-month whose entry id is
 * cmpack.id + i.  cmpack.rows is the LZ4 block (`lz4` the library, not its
 * frame format) of those bytes.  A row pack of schema 3 (table rowpack) is
 * the same with 8 bytes a slot (the two lengths only) and is still read.
 *
 * Readers see a slot through the SQL functions rfy_pack_field(pack id, rows,
 * size, slot, field) and, for schema 3, rfy_pack_text(pack id, rows, size,
 * slot, which), registered on every connection the ledger opens; each keeps
 * the last packs it decompressed, so that reading a pack's 32 case-months in
 * turn decompresses it once.
 */
#include <lz4.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_internal.h"

/* A damaged or hostile pack must not make a reader allocate without bound:
 * 32 case-months of at most 64 rows of 24 cells of 1 KiB each (the reader's
 * limits) stay far below this. */
#define PACK_SIZE_MAX (64 << 20)
#define PACK_CACHE 64 /* packs kept decompressed by a connection (LRU) */
#define SLOT_BYTES LEDGER_PACK_SLOT /* a slot's lengths and values in a cmpack pack */

static void put_u32(unsigned char *p, size_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static size_t get_u32(const unsigned char *p)
{
    return (size_t)p[0] | (size_t)p[1] << 8 | (size_t)p[2] << 16 | (size_t)p[3] << 24;
}

/* Room for n bytes in *buf (capacity *cap).  0, or -1 out of memory. */
static int room(char **buf, size_t *cap, size_t n)
{
    if (n > *cap) {
        size_t c = *cap ? *cap : 16384;
        char *p;
        while (c < n)
            c *= 2;
        if (!(p = realloc(*buf, c)))
            return -1;
        *buf = p;
        *cap = c;
    }
    return 0;
}

static void put_u64(unsigned char *p, long long v)
{
    unsigned long long u = (unsigned long long)v;
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(u >> (8 * i));
}

static long long get_i64(const unsigned char *p)
{
    unsigned long long u = 0;
    for (int i = 0; i < 8; i++)
        u |= (unsigned long long)p[i] << (8 * i);
    return (long long)u; /* two's complement, as put_u64 wrote it */
}

/* Slot i's lengths and values at d (SLOT_BYTES). */
static void put_slot(unsigned char *d, const ledger_pending *p)
{
    put_u32(d, p->rows_len);
    put_u32(d + 4, p->out_len);
    put_u64(d + 8, p->payment);
    put_u64(d + 16, p->run_months);
    put_u64(d + 24, p->used_m);
    put_u32(d + 32, (size_t)(p->known ? 1 : 0) | (size_t)(p->decimal_comma ? 2 : 0));
}

/* Whether b's texts lie as the pack holds them, after a head's room at the
 * start of b->text (put_pending lays a run's batches out so). */
static int laid_out(const ledger_batch *b, size_t head)
{
    size_t at = head;
    for (size_t i = 0; i < b->n; i++) {
        const ledger_pending *p = &b->pend[i];
        if (p->rows_off != at || p->out_off != at + p->rows_len)
            return 0;
        at = p->out_off + p->out_len;
    }
    return at == b->len && b->text;
}

int ledger_pack_build(ledger_pack *pk, ledger_batch *b)
{
    size_t head = 4 + SLOT_BYTES * b->n, size = head, at, reserved = LEDGER_PACK_HEAD(LEDGER_BATCH);
    const char *plain;
    int bound, got;
    for (size_t i = 0; i < b->n; i++)
        size += b->pend[i].rows_len + b->pend[i].out_len;
    if (size > PACK_SIZE_MAX || size > (size_t)LZ4_MAX_INPUT_SIZE)
        return -1;
    if (b->n <= LEDGER_BATCH && laid_out(b, reserved)) {
        /* in place: the head written just before the texts */
        unsigned char *h = (unsigned char *)b->text + reserved - head;
        put_u32(h, b->n);
        for (size_t i = 0; i < b->n; i++)
            put_slot(h + 4 + SLOT_BYTES * i, &b->pend[i]);
        plain = (const char *)h;
    } else {
        /* laid out otherwise (a test's batch): copied together */
        if (room(&pk->plain, &pk->plain_cap, size) != 0)
            return -1;
        at = head;
        put_u32((unsigned char *)pk->plain, b->n);
        for (size_t i = 0; i < b->n; i++) {
            const ledger_pending *p = &b->pend[i];
            put_slot((unsigned char *)pk->plain + 4 + SLOT_BYTES * i, p);
            memcpy(pk->plain + at, b->text + p->rows_off, p->rows_len);
            at += p->rows_len;
            memcpy(pk->plain + at, b->text + p->out_off, p->out_len);
            at += p->out_len;
        }
        plain = pk->plain;
    }
    bound = LZ4_compressBound((int)size);
    if (room(&pk->packed, &pk->packed_cap, (size_t)bound) != 0)
        return -1;
    /* A state of its own for each pack, fully reset (extState): the bytes
     * of a pack depend on its contents only, not on the packs compressed
     * before it or on which thread did it (a fast reset left old hash
     * entries that steered the search).  Reusing the state saves the
     * allocation; the reset is a 16 KiB memset, 2 % of a pack's cost. */
    if (!pk->lz4 && !(pk->lz4 = LZ4_createStream()))
        return -1;
    got = LZ4_compress_fast_extState(pk->lz4, plain, pk->packed, (int)size, bound, 1);
    if (got <= 0)
        return -1;
    pk->packed_len = (size_t)got;
    pk->size = size;
    return 0;
}

void ledger_pack_free(ledger_pack *pk)
{
    free(pk->plain);
    free(pk->packed);
    LZ4_freeStream(pk->lz4);
    memset(pk, 0, sizeof *pk);
}

/* ---- reading: the SQL function --------------------------------------------- */

/* A pack is known by its id and by its compressed bytes, all of them: a
 * rolled-back or restarted run hands out its ids again, and a pack of the
 * same id can then hold other case-months with the same first bytes and
 * sizes.  (Comparing a few KiB is cheap beside decompressing them.) */
typedef struct cached {
    long long id;      /* 0: empty */
    int rows_len;      /* compressed bytes */
    char *packed;      /* a copy of them */
    size_t packed_cap;
    char *text;        /* the pack, decompressed */
    size_t size, cap;
    size_t n;          /* its case-months */
    int fields;        /* a cmpack pack: a slot's values follow its lengths */
    size_t *at;        /* at[2i], at[2i+1]: where slot i's input rows and output row start;
                        * at[2n]: the end */
    size_t at_cap;
    unsigned long used; /* the reader's clock when last used (LRU) */
} cached;

typedef struct pack_cache {
    cached slot[PACK_CACHE];
    unsigned long clock;
    cached *last;      /* the pack used last: asked first (a slot's fields come in turn) */
} pack_cache;

static void cache_free(void *p)
{
    pack_cache *c = p;
    if (!c)
        return;
    for (int i = 0; i < PACK_CACHE; i++) {
        free(c->slot[i].text);
        free(c->slot[i].at);
        free(c->slot[i].packed);
    }
    free(c);
}

/* Where each text of e starts; 0, or -1 when the lengths do not fill the
 * pack exactly (damaged) or memory runs out (*nomem set).  A slot's head
 * is its two lengths (a rowpack pack) or SLOT_BYTES with its values (a
 * cmpack pack: e->fields). */
static int index_pack(cached *e, int *nomem)
{
    const unsigned char *t = (const unsigned char *)e->text;
    size_t at, per = e->fields ? SLOT_BYTES : 8;
    if (e->size < 4)
        return -1;
    e->n = get_u32(t);
    if (e->n > (e->size - 4) / per)
        return -1;
    if (2 * e->n + 1 > e->at_cap) {
        size_t *p = realloc(e->at, (2 * e->n + 1) * sizeof *p);
        if (!p) {
            *nomem = 1;
            return -1;
        }
        e->at = p;
        e->at_cap = 2 * e->n + 1;
    }
    at = 4 + per * e->n;
    for (size_t i = 0; i < 2 * e->n; i++) {
        size_t len = get_u32(t + 4 + per * (i / 2) + 4 * (i % 2));
        e->at[i] = at;
        if (len > e->size - at)
            return -1;
        at += len;
    }
    e->at[2 * e->n] = at;
    return at == e->size ? 0 : -1;
}

/* The decompressed pack `id`, from the cache or from `rows`.  NULL when the
 * pack is damaged (message in *why) or memory runs out (*why NULL). */
static const cached *unpack(pack_cache *c, long long id, const void *rows, int rows_len,
                            long long size, int fields, const char **why)
{
    cached *e, *old = &c->slot[0];
    int nomem = 0;
    c->clock++;
    if ((e = c->last) && e->id == id && e->id != 0 && e->rows_len == rows_len &&
        e->size == (size_t)size && memcmp(e->packed, rows, (size_t)rows_len) == 0) {
        e->used = c->clock;
        return e;
    }
    for (int i = 0; i < PACK_CACHE; i++) {
        cached *k = &c->slot[i];
        if (k->id == id && k->id != 0 && k->rows_len == rows_len && k->size == (size_t)size &&
            memcmp(k->packed, rows, (size_t)rows_len) == 0) {
            k->used = c->clock;
            return c->last = k;
        }
        if (c->slot[i].used < old->used)
            old = &c->slot[i];
    }
    e = old;
    e->id = 0;
    *why = LEDGER_PACK_DAMAGED;
    if (!rows || rows_len <= 0 || size < 4 || size > PACK_SIZE_MAX)
        return NULL;
    if (room(&e->text, &e->cap, (size_t)size) != 0 ||
        room(&e->packed, &e->packed_cap, (size_t)rows_len) != 0) {
        *why = NULL;
        return NULL;
    }
    if (LZ4_decompress_safe(rows, e->text, rows_len, (int)size) != size)
        return NULL;
    e->size = (size_t)size;
    e->fields = fields;
    if (index_pack(e, &nomem) != 0) {
        if (nomem)
            *why = NULL;
        return NULL;
    }
    e->id = id;
    e->rows_len = rows_len;
    memcpy(e->packed, rows, (size_t)rows_len);
    e->used = c->clock;
    return c->last = e;
}

/* rfy_pack_text(id, rows, size, slot, which): the input rows (which 0) or
 * the output row (which 1) of the pack's slot, as text. */
/* The pack of a call (id, rows, size, slot, ...) of one of the functions
 * below, decompressed (a cmpack pack: fields), and its slot in *slot; NULL
 * with the function's error set when the pack is damaged, memory runs out
 * or there is no such slot. */
static const cached *call_pack(sqlite3_context *ctx, sqlite3_value **argv, int fields,
                               size_t *slot)
{
    const char *why = NULL;
    long long i = sqlite3_value_int64(argv[3]);
    const cached *e = unpack(sqlite3_user_data(ctx), sqlite3_value_int64(argv[0]),
                             sqlite3_value_blob(argv[1]), sqlite3_value_bytes(argv[1]),
                             sqlite3_value_int64(argv[2]), fields, &why);
    if (!e) {
        if (why)
            sqlite3_result_error(ctx, why, -1);
        else
            sqlite3_result_error_nomem(ctx);
        return NULL;
    }
    if (i < 0 || (unsigned long long)i >= e->n) {
        sqlite3_result_error(ctx, LEDGER_PACK_NO_SLOT, -1);
        return NULL;
    }
    *slot = (size_t)i;
    return e;
}

static void pack_text(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    int which = sqlite3_value_int(argv[4]) ? 1 : 0;
    size_t slot, k;
    const cached *e = call_pack(ctx, argv, 0, &slot);
    (void)argc;
    if (!e)
        return;
    k = 2 * slot + (size_t)which;
    sqlite3_result_text(ctx, e->text + e->at[k], (int)(e->at[k + 1] - e->at[k]), SQLITE_TRANSIENT);
}

/* rfy_pack_field(id, rows, size, slot, field): field (ledger_pack_field)
 * of slot `slot` of cmpack pack `id`: a text, or a value as an integer. */
static void pack_field(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    const unsigned char *slot_head;
    int field = sqlite3_value_int(argv[4]);
    size_t slot, k;
    const cached *e = call_pack(ctx, argv, 1, &slot);
    (void)argc;
    if (!e)
        return;
    slot_head = (const unsigned char *)e->text + 4 + SLOT_BYTES * slot;
    switch (field) {
    case LPF_INPUT_ROWS:
    case LPF_OUTPUT_ROW:
        k = 2 * slot + (size_t)(field == LPF_OUTPUT_ROW);
        sqlite3_result_text(ctx, e->text + e->at[k], (int)(e->at[k + 1] - e->at[k]),
                            SQLITE_TRANSIENT);
        break;
    case LPF_PAYMENT:
        sqlite3_result_int64(ctx, get_i64(slot_head + 8));
        break;
    case LPF_RUN_MONTHS:
        sqlite3_result_int64(ctx, get_i64(slot_head + 16));
        break;
    case LPF_USED_M:
        sqlite3_result_int64(ctx, get_i64(slot_head + 24));
        break;
    case LPF_KNOWN:
        sqlite3_result_int(ctx, (int)(get_u32(slot_head + 32) & 1));
        break;
    case LPF_DECIMAL_COMMA:
        sqlite3_result_int(ctx, (int)(get_u32(slot_head + 32) >> 1 & 1));
        break;
    default:
        sqlite3_result_error(ctx, LEDGER_PACK_NO_SLOT, -1);
    }
}

int ledger_pack_register(sqlite3 *db)
{
    pack_cache *c = calloc(1, sizeof *c), *f = calloc(1, sizeof *f);
    int rc;
    if (!c || !f) {
        free(c);
        free(f);
        return SQLITE_NOMEM;
    }
    /* each function its own cache (the two kinds of pack have their own
     * ids); the destructor frees it also when the registration fails */
    rc = sqlite3_create_function_v2(db, "rfy_pack_text", 5, SQLITE_UTF8 | SQLITE_DETERMINISTIC, c,
                                    pack_text, NULL, NULL, cache_free);
    if (rc != SQLITE_OK) {
        cache_free(f);
        return rc;
    }
    return sqlite3_create_function_v2(db, "rfy_pack_field", 5, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                      f, pack_field, NULL, NULL, cache_free);
}
