/*
 * The ledger's batch INSERT of packed case-months' keys (calc/run/
 * ledger_sql.c): a conflict inside it ends the run's whole transaction.
 * And its packs (ledger_pack.c): what goes in comes out, slot by slot,
 * values and texts, a schema-3 row pack still reads, and a damaged pack is
 * an error.
 *
 * Why it matters: with SQLite's default conflict handling (ABORT), a
 * multi-row INSERT into a table with a unique key may fail half-way and
 * must then undo only its own rows, so SQLite keeps a statement journal of
 * every page the statement touches: with 64 KiB pages and 32 rows a
 * statement that was 1.66 GB of temporary-file writes for 300 000
 * case-months, more than the ledger itself.  The run never continues after a
 * failed INSERT (a refused or failed run changes nothing, rules.md §10), so
 * the statement says OR ROLLBACK, and SQLite needs no statement journal.
 * These tests fail if the INSERT goes back to ABORT: the transaction would
 * then survive the conflict.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lz4.h>
#include <sqlite3.h>

#include <rfy/ledger.h>
#include <rfy/status.h>
#include "check_run.h"
#include "ledger_internal.h"

static char dir[64];
static char path[96];

/* A new ledger (the schema of rfy_ledger_open) and a plain connection to it. */
static sqlite3 *new_ledger(void)
{
    rfy_ledger *lg = NULL;
    char *err = NULL;
    sqlite3 *db = NULL;
    snprintf(dir, sizeof dir, "/tmp/rfy-ledger-sql.XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/l.db", dir);
    ck_assert_int_eq(rfy_ledger_open(&lg, path, 1, &err), RFY_OK);
    rfy_ledger_close(lg);
    free(err);
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, "BEGIN IMMEDIATE;"
                                      "INSERT INTO run (time, kind, corrections)"
                                      " VALUES ('2026-12-06T20:00:00Z', 'batch', 0)",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    return db;
}

static void drop_ledger(sqlite3 *db)
{
    char cmd[160];
    sqlite3_close(db);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Case-month r (0-based) of the packed batch statement (?1 the pack, then
 * LEDGER_PACKED_PARAMS each): case "K-1", month m, slot r. */
static void bind_row(sqlite3_stmt *s, int r, int month)
{
    int k = 1 + r * LEDGER_PACKED_PARAMS;
    sqlite3_bind_int64(s, 1, 1); /* its pack */
    sqlite3_bind_text(s, k + 1, "K-1", -1, SQLITE_STATIC);
    sqlite3_bind_int(s, k + 2, month);
}

static long long count(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s;
    long long n = -1;
    ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    if (sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

/* The same case-month twice in one statement: the unique index of current
 * entries refuses it, and the transaction (with the run's row) is gone. */
START_TEST(conflict_ends_the_transaction)
{
    sqlite3 *db = new_ledger();
    char *sql = ledger_pack_insert_sql(2);
    sqlite3_stmt *s;
    ck_assert_ptr_nonnull(sql);
    ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    bind_row(s, 0, 2026 * 12 + 10); /* 2026-11 */
    bind_row(s, 1, 2026 * 12 + 10); /* 2026-11 again */
    ck_assert_int_eq(sqlite3_step(s), SQLITE_CONSTRAINT);
    sqlite3_finalize(s);
    free(sql);
    ck_assert_int_eq(sqlite3_get_autocommit(db), 1); /* no transaction left */
    ck_assert_int_eq(count(db, "SELECT count(*) FROM run"), 0);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM cmkey"), 0);
    drop_ledger(db);
}
END_TEST

/* Two case-months of one case: both stored, the transaction still open. */
START_TEST(distinct_rows_are_stored)
{
    sqlite3 *db = new_ledger();
    char *sql = ledger_pack_insert_sql(2);
    sqlite3_stmt *s;
    ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    bind_row(s, 0, 2026 * 12 + 10); /* 2026-11 */
    bind_row(s, 1, 2026 * 12 + 11); /* 2026-12 */
    ck_assert_int_eq(sqlite3_step(s), SQLITE_DONE);
    sqlite3_finalize(s);
    free(sql);
    ck_assert_int_eq(sqlite3_get_autocommit(db), 0);
    /* slots 0 and 1 of pack 1: 0 + 1 = 1; months 24322 + 24323 = 48645 */
    ck_assert_int_eq(count(db, "SELECT sum(slot) FROM cmkey WHERE pack = 1"), 1);
    ck_assert_int_eq(count(db, "SELECT sum(month) FROM cmkey WHERE case_id = 'K-1'"), 48645);
    ck_assert_int_eq(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
    ck_assert_int_eq(count(db, "SELECT count(*) FROM cmkey"), 2);
    drop_ledger(db);
}
END_TEST

/* ---- row packs ------------------------------------------------------------ */

/* A batch of n case-months whose texts are in[i] and out[i]. */
static void fill_batch(ledger_batch *b, size_t n, const char *const *in, const char *const *out)
{
    size_t len = 0;
    memset(b, 0, sizeof *b);
    for (size_t i = 0; i < n; i++)
        len += strlen(in[i]) + strlen(out[i]);
    b->text = malloc(len + 1);
    ck_assert_ptr_nonnull(b->text);
    for (size_t i = 0; i < n; i++) {
        ledger_pending *p = &b->pend[i];
        p->rows_off = b->len;
        p->rows_len = strlen(in[i]);
        memcpy(b->text + b->len, in[i], p->rows_len);
        b->len += p->rows_len;
        p->out_off = b->len;
        p->out_len = strlen(out[i]);
        memcpy(b->text + b->len, out[i], p->out_len);
        b->len += p->out_len;
        p->seq = 7 + (long long)i;
        /* values: payment 1 697 200 + i øre, run i + 1, used (i × 1500) thousandths, known for
         * odd i, a decimal comma for i = 2; and one negative payment (a correction's are) */
        p->payment = i == 1 ? -250 : 1697200 + (long long)i;
        p->run_months = (long long)i + 1;
        p->used_m = (long long)i * 1500;
        p->known = (int)(i % 2);
        p->decimal_comma = i == 2;
    }
    b->n = n;
}

/* rfy_pack_field(1, ?1, ?2, slot, which) on db (rfy_pack_text with
 * `fn`): the text, or NULL with the error in *err (static). */
static char *pack_call(sqlite3 *db, const char *fn, const void *rows, size_t rows_len,
                       long long size, int slot, int which, const char **err)
{
    sqlite3_stmt *s;
    char *t = NULL, sql[64];
    snprintf(sql, sizeof sql, "SELECT %s(1, ?1, ?2, ?3, ?4)", fn);
    ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
    sqlite3_bind_blob(s, 1, rows, (int)rows_len, SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, size);
    sqlite3_bind_int(s, 3, slot);
    sqlite3_bind_int(s, 4, which);
    *err = NULL;
    if (sqlite3_step(s) == SQLITE_ROW)
        t = strdup((const char *)sqlite3_column_text(s, 0));
    else
        *err = "error";
    sqlite3_finalize(s);
    return t;
}

static char *pack_text(sqlite3 *db, const void *rows, size_t rows_len, long long size, int slot,
                       int which, const char **err)
{
    return pack_call(db, "rfy_pack_field", rows, rows_len, size, slot, which, err);
}

/* A value field of a slot, as SQLite's text of the integer. */
static long long pack_value(sqlite3 *db, const ledger_pack *pk, int slot, enum ledger_pack_field f)
{
    const char *err;
    char *t = pack_text(db, pk->packed, pk->packed_len, (long long)pk->size, slot, (int)f, &err);
    long long v;
    ck_assert_ptr_nonnull(t);
    v = atoll(t);
    free(t);
    return v;
}

/* Three case-months, one of payment lines only (no input rows): each text
 * back from its slot, byte for byte, and each value.  The pack's size is
 * 4 + 3 × 36 = 112 bytes of count, lengths and values plus the texts:
 * 112 + (12 + 17) + (0 + 8) + (27 + 21) = 197. */
START_TEST(pack_round_trip)
{
    static const char *const in[] = {"K-1,2026-11\n", "", "\"Q,1\"\"x\",2026-11\nK,2026-11\n"};
    static const char *const out[] = {"K-1,2026-11,1.00\n", "K-2,x,2\n", "\"Q,1\"\"x\",2026-11,...\n"};
    ledger_batch b;
    ledger_pack pk = {0};
    sqlite3 *db;
    const char *err;
    ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
    ck_assert_int_eq(ledger_pack_register(db), SQLITE_OK);
    fill_batch(&b, 3, in, out);
    ck_assert_int_eq(ledger_pack_build(&pk, &b), 0);
    ck_assert_uint_eq(pk.size, 197);
    for (int i = 0; i < 3; i++) {
        char *t = pack_text(db, pk.packed, pk.packed_len, (long long)pk.size, i, 0, &err);
        ck_assert_ptr_nonnull(t);
        ck_assert_str_eq(t, in[i]);
        free(t);
        t = pack_text(db, pk.packed, pk.packed_len, (long long)pk.size, i, 1, &err);
        ck_assert_ptr_nonnull(t);
        ck_assert_str_eq(t, out[i]);
        free(t);
    }
    /* the values fill_batch gave */
    ck_assert_int_eq(pack_value(db, &pk, 0, LPF_PAYMENT), 1697200);
    ck_assert_int_eq(pack_value(db, &pk, 1, LPF_PAYMENT), -250);
    ck_assert_int_eq(pack_value(db, &pk, 2, LPF_PAYMENT), 1697202);
    ck_assert_int_eq(pack_value(db, &pk, 2, LPF_RUN_MONTHS), 3);
    ck_assert_int_eq(pack_value(db, &pk, 2, LPF_USED_M), 3000);
    ck_assert_int_eq(pack_value(db, &pk, 0, LPF_KNOWN), 0);
    ck_assert_int_eq(pack_value(db, &pk, 1, LPF_KNOWN), 1);
    ck_assert_int_eq(pack_value(db, &pk, 1, LPF_DECIMAL_COMMA), 0);
    ck_assert_int_eq(pack_value(db, &pk, 2, LPF_DECIMAL_COMMA), 1);
    /* no slot 3, no field 7 */
    ck_assert_ptr_null(pack_text(db, pk.packed, pk.packed_len, (long long)pk.size, 3, 0, &err));
    ck_assert_ptr_null(pack_text(db, pk.packed, pk.packed_len, (long long)pk.size, 0, 7, &err));
    ledger_pack_free(&pk);
    free(b.text);
    sqlite3_close(db);
}
END_TEST

/* The same three case-months laid out as a run lays them out (the texts
 * after LEDGER_PACK_HEAD(LEDGER_BATCH) bytes kept free, the head written in
 * place): the same pack, byte for byte, as from fill_batch's layout. */
START_TEST(pack_in_place_is_the_same)
{
    static const char *const in[] = {"K-1,2026-11\n", "", "\"Q,1\"\"x\",2026-11\nK,2026-11\n"};
    static const char *const out[] = {"K-1,2026-11,1.00\n", "K-2,x,2\n", "\"Q,1\"\"x\",2026-11,...\n"};
    ledger_batch a, b;
    ledger_pack pa = {0}, pb = {0};
    size_t at = LEDGER_PACK_HEAD(LEDGER_BATCH);
    char *da, *db;
    fill_batch(&a, 3, in, out);
    fill_batch(&b, 3, in, out);
    free(b.text);
    b.text = malloc(at + a.len + 1);
    ck_assert_ptr_nonnull(b.text);
    for (size_t i = 0; i < 3; i++) {
        b.pend[i].rows_off = at;
        memcpy(b.text + at, in[i], strlen(in[i]));
        at += strlen(in[i]);
        b.pend[i].out_off = at;
        memcpy(b.text + at, out[i], strlen(out[i]));
        at += strlen(out[i]);
    }
    b.len = at;
    ck_assert_int_eq(ledger_pack_build(&pa, &a), 0);
    ck_assert_int_eq(ledger_pack_build(&pb, &b), 0);
    ck_assert_uint_eq(pa.size, 197); /* as pack_round_trip */
    ck_assert_uint_eq(pb.size, pa.size);
    ck_assert_ptr_null(pb.plain); /* compressed from the batch's own text, not copied */
    da = malloc(pa.size);
    db = malloc(pb.size);
    ck_assert_int_eq(LZ4_decompress_safe(pa.packed, da, (int)pa.packed_len, (int)pa.size), 197);
    ck_assert_int_eq(LZ4_decompress_safe(pb.packed, db, (int)pb.packed_len, (int)pb.size), 197);
    ck_assert_mem_eq(da, db, 197);
    free(da);
    free(db);
    ledger_pack_free(&pa);
    ledger_pack_free(&pb);
    free(a.text);
    free(b.text);
}
END_TEST

/* A pack whose size or bytes are wrong is refused, never read past. */
START_TEST(damaged_pack_is_an_error)
{
    static const char *const in[] = {"K-1,2026-11\n"};
    static const char *const out[] = {"K-1,2026-11,1.00\n"};
    ledger_batch b;
    ledger_pack pk = {0};
    sqlite3 *db;
    const char *err;
    char *bad;
    ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
    ck_assert_int_eq(ledger_pack_register(db), SQLITE_OK);
    fill_batch(&b, 1, in, out);
    ck_assert_int_eq(ledger_pack_build(&pk, &b), 0);
    /* the size one byte off, either way */
    ck_assert_ptr_null(pack_text(db, pk.packed, pk.packed_len, (long long)pk.size + 1, 0, 1, &err));
    ck_assert_ptr_null(pack_text(db, pk.packed, pk.packed_len, (long long)pk.size - 1, 0, 1, &err));
    /* cut short */
    ck_assert_ptr_null(pack_text(db, pk.packed, pk.packed_len - 1, (long long)pk.size, 0, 1, &err));
    /* a size beyond any pack */
    ck_assert_ptr_null(pack_text(db, pk.packed, pk.packed_len, 1LL << 40, 0, 1, &err));
    /* the count says 2 case-months where there is 1: the lengths do not fill it */
    bad = malloc(pk.size);
    ck_assert_int_eq(LZ4_decompress_safe(pk.packed, bad, (int)pk.packed_len, (int)pk.size),
                     (int)pk.size);
    bad[0] = 2;
    {
        char packed[256];
        int n = LZ4_compress_default(bad, packed, (int)pk.size, (int)sizeof packed);
        ck_assert_int_gt(n, 0);
        ck_assert_ptr_null(pack_text(db, packed, (size_t)n, (long long)pk.size, 0, 1, &err));
    }
    free(bad);
    ledger_pack_free(&pk);
    free(b.text);
    sqlite3_close(db);
}
END_TEST

/* A row pack as schema 3 wrote it (table rowpack: the count, two lengths a
 * slot, the texts) still reads through rfy_pack_text: 4 + 2 × 8 = 20 bytes
 * of count and lengths, then "a\n" "A,1\n" "" "B\n": 20 + 2 + 4 + 0 + 2 = 28. */
START_TEST(schema3_pack_still_reads)
{
    static const unsigned char plain[28] = {2, 0, 0, 0, 2, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0,
                                            2, 0, 0, 0, 'a', '\n', 'A', ',', '1', '\n', 'B', '\n'};
    char packed[128];
    const char *err;
    char *t;
    sqlite3 *db;
    int n = LZ4_compress_default((const char *)plain, packed, (int)sizeof plain, (int)sizeof packed);
    ck_assert_int_gt(n, 0);
    ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
    ck_assert_int_eq(ledger_pack_register(db), SQLITE_OK);
    t = pack_call(db, "rfy_pack_text", packed, (size_t)n, 28, 0, 1, &err);
    ck_assert_str_eq(t, "A,1\n");
    free(t);
    t = pack_call(db, "rfy_pack_text", packed, (size_t)n, 28, 1, 0, &err);
    ck_assert_str_eq(t, "");
    free(t);
    t = pack_call(db, "rfy_pack_text", packed, (size_t)n, 28, 1, 1, &err);
    ck_assert_str_eq(t, "B\n");
    free(t);
    /* the same bytes are no cmpack pack: 2 slots of 36 bytes do not fit in 28 */
    ck_assert_ptr_null(pack_call(db, "rfy_pack_field", packed, (size_t)n, 28, 0, 1, &err));
    sqlite3_close(db);
}
END_TEST

/* Two packs of n case-months under the same id 1 (a rolled-back or
 * restarted run hands its ids out again), read in turn on one connection:
 * slot `slot`'s output row of each is its own (want1, want2), not the text
 * kept from the first.  `alike`: the packs also agree in sizes and first
 * compressed bytes, all a key of sizes and first bytes could see. */
static void same_id_twice(size_t n, const char *const *in, const char *const *out1,
                          const char *const *out2, int slot, const char *want1,
                          const char *want2, int alike)
{
    ledger_batch b1, b2;
    ledger_pack p1 = {0}, p2 = {0};
    sqlite3 *db;
    const char *err;
    char *t;
    ck_assert_int_eq(sqlite3_open(":memory:", &db), SQLITE_OK);
    ck_assert_int_eq(ledger_pack_register(db), SQLITE_OK);
    fill_batch(&b1, n, in, out1);
    fill_batch(&b2, n, in, out2);
    ck_assert_int_eq(ledger_pack_build(&p1, &b1), 0);
    ck_assert_int_eq(ledger_pack_build(&p2, &b2), 0);
    if (alike) {
        ck_assert_uint_eq(p1.size, p2.size);
        ck_assert_uint_eq(p1.packed_len, p2.packed_len);
        ck_assert_mem_eq(p1.packed, p2.packed, 16);
    }
    t = pack_text(db, p1.packed, p1.packed_len, (long long)p1.size, slot, 1, &err);
    ck_assert_str_eq(t, want1);
    free(t);
    t = pack_text(db, p2.packed, p2.packed_len, (long long)p2.size, slot, 1, &err);
    ck_assert_str_eq(t, want2);
    free(t);
    ledger_pack_free(&p1);
    ledger_pack_free(&p2);
    free(b1.text);
    free(b2.text);
    sqlite3_close(db);
}

/* Other bytes and sizes under the same id. */
START_TEST(pack_cache_knows_the_bytes)
{
    static const char *const in[] = {"A\n"};
    static const char *const out1[] = {"first\n"}, *const out2[] = {"second pack\n"};
    same_id_twice(1, in, out1, out2, 0, "first\n", "second pack\n", 0);
}
END_TEST

/* The same sizes and first compressed bytes, one byte different late in
 * the pack. */
START_TEST(pack_cache_compares_every_byte)
{
    static const char *const in[] = {"K-1,2026-11\n", "K-2,2026-11\n"};
    static const char *const out1[] = {"K-1,2026-11,1.00\n", "K-2,2026-11,2.00\n"};
    static const char *const out2[] = {"K-1,2026-11,1.00\n", "K-2,2026-11,7.00\n"};
    same_id_twice(2, in, out1, out2, 1, "K-2,2026-11,2.00\n", "K-2,2026-11,7.00\n", 1);
}
END_TEST

/* ---- one current entry across both kinds ---------------------------------- */

/* A current row of casemonth for a case-month that is packed (a key in
 * cmkey) is refused by the schema's trigger, in rfy's words, and the
 * transaction is gone with it. */
START_TEST(trigger_refuses_a_row_for_a_packed_month)
{
    sqlite3 *db = new_ledger();
    ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO cmkey VALUES ('K-1', 24322, 1, 0)", NULL, NULL,
                                  NULL),
                     SQLITE_OK);
    /* superseded (a row written out of a pack): allowed */
    ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO casemonth (case_id, month, run, seq, superseded_by,"
                                      " rates_id, decimal_comma, input_rows, output_row, payment,"
                                      " holiday_known, holiday_run_months, holiday_used_m, origin)"
                                      " VALUES ('K-1', 24322, 1, 1, 0, '', 0, '', '', 0, 0, 0, 0, 0)",
                                  NULL, NULL, NULL),
                     SQLITE_OK);
    /* current: refused */
    ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO casemonth (case_id, month, run, seq, rates_id,"
                                      " decimal_comma, input_rows, output_row, payment, holiday_known,"
                                      " holiday_run_months, holiday_used_m, origin)"
                                      " VALUES ('K-1', 24322, 1, 2, '', 0, '', '', 0, 0, 0, 0, 0)",
                                  NULL, NULL, NULL),
                     SQLITE_CONSTRAINT);
    ck_assert_str_eq(sqlite3_errmsg(db), LEDGER_STORED_TWICE_SQL);
    ck_assert_int_eq(sqlite3_get_autocommit(db), 1); /* rolled back */
    ck_assert_int_eq(count(db, "SELECT count(*) FROM cmkey"), 0);
    drop_ledger(db);
}
END_TEST

/* A full batch of 32 new case-months K-01..K-32 of 2026-11 (month 24322),
 * in key order, their texts after the pack's head as a run lays them. */
static void fill_full_batch(ledger_batch *b)
{
    size_t at = LEDGER_PACK_HEAD(LEDGER_BATCH);
    memset(b, 0, sizeof *b);
    b->cap = at + LEDGER_BATCH * 64;
    b->text = malloc(b->cap);
    ck_assert_ptr_nonnull(b->text);
    for (int i = 0; i < LEDGER_BATCH; i++) {
        ledger_pending *p = &b->pend[i];
        p->id_len = (size_t)snprintf(p->id, sizeof p->id, "K-%02d", i + 1);
        p->month = 24322;
        p->seq = i + 1;
        p->payment = 1697200;
        p->rows_off = at;
        p->rows_len = (size_t)snprintf(b->text + at, 32, "%s,2026-11\n", p->id);
        at += p->rows_len;
        p->out_off = at;
        p->out_len = (size_t)snprintf(b->text + at, 32, "%s,2026-11,16972.00\n", p->id);
        at += p->out_len;
    }
    b->n = LEDGER_BATCH;
    b->len = at;
}

/* The other way: a pack whose case-month K-05 is a current row already
 * stops before any of it goes in (LEDGER_CLASH, "stored twice"); without
 * that row the same batch goes in, 32 keys. */
START_TEST(pack_refused_when_a_month_is_a_row)
{
    for (int clash = 1; clash >= 0; clash--) {
        rfy_ledger *lg = NULL;
        ledger_batch b;
        char *err = NULL;
        snprintf(dir, sizeof dir, "/tmp/rfy-ledger-sql.XXXXXX");
        ck_assert_ptr_nonnull(mkdtemp(dir));
        snprintf(path, sizeof path, "%s/l.db", dir);
        ck_assert_int_eq(rfy_ledger_open(&lg, path, 1, &err), RFY_OK);
        ck_assert_int_eq(rfy_ledger_begin(lg, 0, "0123456789abcdef", NULL, &err), RFY_OK);
        if (clash)
            ck_assert_int_eq(
                sqlite3_exec(lg->db, "INSERT INTO casemonth (case_id, month, run, seq, rates_id,"
                                     " decimal_comma, input_rows, output_row, payment, holiday_known,"
                                     " holiday_run_months, holiday_used_m, origin)"
                                     " VALUES ('K-05', 24322, 1, 1, '', 0, '', '', 0, 0, 0, 0, 2)",
                             NULL, NULL, NULL),
                SQLITE_OK);
        fill_full_batch(&b);
        if (clash) {
            ck_assert_int_eq(ledger_flush_batch(lg, &b), LEDGER_CLASH);
            ck_assert_int_eq(lg->clash, 1);
            ck_assert_int_eq(count(lg->db, "SELECT count(*) FROM cmkey"), 0);
            ck_assert_int_eq(count(lg->db, "SELECT count(*) FROM cmpack"), 0);
        } else {
            ck_assert_int_eq(ledger_flush_batch(lg, &b), SQLITE_DONE);
            ck_assert_int_eq(count(lg->db, "SELECT count(*) FROM cmkey"), 32);
        }
        free(b.text);
        ledger_pack_free(&b.pack);
        rfy_ledger_close(lg); /* rolls the run back */
        free(err);
        {
            char cmd[160];
            snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
            ck_assert_int_eq(system(cmd), 0);
        }
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ledger_sql");
    TCase *tc = tcase_create("batch insert");
    tcase_add_test(tc, conflict_ends_the_transaction);
    tcase_add_test(tc, distinct_rows_are_stored);
    suite_add_tcase(s, tc);
    tc = tcase_create("row packs");
    tcase_add_test(tc, pack_round_trip);
    tcase_add_test(tc, pack_in_place_is_the_same);
    tcase_add_test(tc, damaged_pack_is_an_error);
    tcase_add_test(tc, pack_cache_knows_the_bytes);
    tcase_add_test(tc, schema3_pack_still_reads);
    tcase_add_test(tc, pack_cache_compares_every_byte);
    suite_add_tcase(s, tc);
    tc = tcase_create("one current entry");
    tcase_add_test(tc, trigger_refuses_a_row_for_a_packed_month);
    tcase_add_test(tc, pack_refused_when_a_month_is_a_row);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
