/*
 * Fuzz target: the ledger's row packs (calc/run/ledger_pack.c).
 *
 * One input, two properties:
 *   - the round trip: the input cut at 0x1f into texts, taken in pairs as a
 *     case-month's input rows and output row (up to LEDGER_BATCH of them),
 *     with values made from their lengths, packed by ledger_pack_build and
 *     read back slot by slot through the SQL function rfy_pack_field: every
 *     text comes back byte for byte, every value as it went in, and the
 *     slot after the last is an error;
 *   - a hostile pack: the input read as a pack as it could be found in a
 *     damaged ledger (4 bytes of size, a slot, a field, then the compressed
 *     bytes): rfy_pack_field (a cmpack pack) and rfy_pack_text (a schema-3
 *     row pack) give a text no longer than the size, a number, or an error,
 *     and never read outside the pack (ASan).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_targets.h"
#include "ledger_internal.h"

static sqlite3 *lp_db(void)
{
    static sqlite3 *db; /* one for the process: the function's cache lives in it */
    if (!db) {
        FUZZ_CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
        FUZZ_CHECK(ledger_pack_register(db) == SQLITE_OK);
    }
    return db;
}

/* fn(id, rows, size, slot, which), fn rfy_pack_field or rfy_pack_text:
 * SQLITE_ROW with the text in buf, *n (an integer as SQLite's text), or the
 * error code. */
static int lp_call(const char *fn, long long id, const void *rows, size_t rows_len, long long size,
                   int slot, int which, char *buf, size_t cap, size_t *n)
{
    sqlite3_stmt *s;
    char sql[64];
    int rc;
    snprintf(sql, sizeof sql, "SELECT %s(?1, ?2, ?3, ?4, ?5)", fn);
    FUZZ_CHECK(sqlite3_prepare_v2(lp_db(), sql, -1, &s, NULL) == SQLITE_OK);
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_blob(s, 2, rows, (int)rows_len, SQLITE_STATIC);
    sqlite3_bind_int64(s, 3, size);
    sqlite3_bind_int(s, 4, slot);
    sqlite3_bind_int(s, 5, which);
    rc = sqlite3_step(s);
    *n = 0;
    if (rc == SQLITE_ROW) {
        const void *t = sqlite3_column_blob(s, 0);
        *n = (size_t)sqlite3_column_bytes(s, 0);
        FUZZ_CHECK(*n <= cap);
        if (*n)
            memcpy(buf, t, *n);
    }
    sqlite3_finalize(s);
    return rc;
}

static int lp_text(long long id, const void *rows, size_t rows_len, long long size, int slot,
                   int which, char *buf, size_t cap, size_t *n)
{
    return lp_call("rfy_pack_field", id, rows, rows_len, size, slot, which, buf, cap, n);
}

/* Value field f of slot i: as lp_text, the integer parsed. */
static long long lp_value(long long id, const ledger_pack *pk, int i, enum ledger_pack_field f)
{
    char buf[32];
    size_t n;
    FUZZ_CHECK(lp_text(id, pk->packed, pk->packed_len, (long long)pk->size, i, (int)f, buf,
                       sizeof buf - 1, &n) == SQLITE_ROW);
    buf[n] = '\0';
    return strtoll(buf, NULL, 10);
}

static void lp_round_trip(const uint8_t *data, size_t size)
{
    static ledger_batch b;
    static ledger_pack pk;
    static long long id = 1LL << 40; /* a new pack id each time: no stale cache entry */
    static char buf[1 << 16];
    size_t start = 0, k = 0, n;
    memset(b.pend, 0, sizeof b.pend);
    b.text = (char *)data; /* read only */
    b.n = 0;
    for (size_t i = 0; i <= size && b.n < LEDGER_BATCH; i++) {
        if (i < size && data[i] != 0x1f)
            continue;
        if (k % 2 == 0) {
            b.pend[b.n].rows_off = start;
            b.pend[b.n].rows_len = i - start;
        } else {
            b.pend[b.n].out_off = start;
            b.pend[b.n].out_len = i - start;
            b.n++;
        }
        k++;
        start = i + 1;
    }
    if (k % 2 == 1 && b.n < LEDGER_BATCH) { /* an odd text: input rows without output row */
        b.pend[b.n].out_len = 0;
        b.pend[b.n].out_off = 0;
        b.n++;
    }
    for (size_t i = 0; i < b.n; i++) { /* values from the texts: any sign, any size */
        ledger_pending *p = &b.pend[i];
        p->payment = (long long)(p->rows_len * 977) - (long long)(p->out_len << 40);
        p->run_months = (long long)p->out_len;
        p->used_m = (long long)(p->rows_len ^ p->out_len);
        p->known = (int)(p->rows_len & 1);
        p->decimal_comma = (int)(p->out_len & 1);
    }
    FUZZ_CHECK(ledger_pack_build(&pk, &b) == 0);
    id++;
    for (size_t i = 0; i < b.n; i++) {
        const ledger_pending *p = &b.pend[i];
        FUZZ_CHECK(lp_value(id, &pk, (int)i, LPF_PAYMENT) == p->payment);
        FUZZ_CHECK(lp_value(id, &pk, (int)i, LPF_RUN_MONTHS) == p->run_months);
        FUZZ_CHECK(lp_value(id, &pk, (int)i, LPF_USED_M) == p->used_m);
        FUZZ_CHECK(lp_value(id, &pk, (int)i, LPF_KNOWN) == p->known);
        FUZZ_CHECK(lp_value(id, &pk, (int)i, LPF_DECIMAL_COMMA) == p->decimal_comma);
    }
    for (size_t i = 0; i <= b.n; i++)
        for (int which = 0; which < 2; which++) {
            int rc = lp_text(id, pk.packed, pk.packed_len, (long long)pk.size, (int)i, which, buf,
                               sizeof buf, &n);
            if (i == b.n) {
                FUZZ_CHECK(rc != SQLITE_ROW);
                continue;
            }
            FUZZ_CHECK(rc == SQLITE_ROW);
            if (which == 0)
                FUZZ_CHECK(n == b.pend[i].rows_len &&
                           (n == 0 || memcmp(buf, data + b.pend[i].rows_off, n) == 0));
            else
                FUZZ_CHECK(n == b.pend[i].out_len &&
                           (n == 0 || memcmp(buf, data + b.pend[i].out_off, n) == 0));
        }
    b.text = NULL;
}

static void lp_hostile(const uint8_t *data, size_t size)
{
    static char buf[1 << 16];
    static long long id = -1; /* a pack id of its own each time, as in a ledger */
    long long want;
    size_t n;
    int rc;
    if (size < 6)
        return;
    /* sizes up to 64 KiB, so that a pack that says more is refused quickly */
    want = (long long)(data[0] | data[1] << 8);
    rc = lp_call("rfy_pack_field", id--, data + 6, size - 6, want, data[4] % 40, data[5] % 8, buf,
                 sizeof buf, &n);
    FUZZ_CHECK(rc == SQLITE_ROW ? n <= (size_t)want : rc == SQLITE_ERROR || rc == SQLITE_NOMEM);
    rc = lp_call("rfy_pack_text", id--, data + 6, size - 6, want, data[4] % 40, data[5] & 1, buf,
                 sizeof buf, &n);
    FUZZ_CHECK(rc == SQLITE_ROW ? n <= (size_t)want : rc == SQLITE_ERROR || rc == SQLITE_NOMEM);
}

int rfy_fuzz_ledger_pack(const uint8_t *data, size_t size)
{
    if (size > (1 << 15))
        return 0;
    lp_round_trip(data, size);
    lp_hostile(data, size);
    return 0;
}

#ifdef RFY_FUZZ_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return rfy_fuzz_ledger_pack(data, size);
}
#endif
