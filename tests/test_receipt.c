/*
 * Receipts (cli/receipt.c): the JSON writer, parsed back with jansson, and
 * the SHA-256 helpers, against values fixed in advance:
 *   - SHA-256("abc") and SHA-256("") are the FIPS 180-2 / NIST test vectors;
 *     a hash fed in pieces equals the hash of the whole;
 *   - every field of a batch and an audit receipt, money as "123.45" strings;
 *   - the key order, and byte-identical files from two writes (no timestamp);
 *   - where a receipt goes by default, and which paths are refused.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "receipt.h"
#include <rfy/rfy.h>
#include "check_run.h"

/* FIPS 180-2, appendix B.1, and the hash of the empty message. */
static const char SHA_ABC[] = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
static const char SHA_EMPTY[] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

static char tmpdir[64];

static void setup(void)
{
    strcpy(tmpdir, "/tmp/rfy_receipt_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    ck_assert_int_eq(system(cmd), 0);
}

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    ck_assert_ptr_nonnull(fp);
    ck_assert_int_eq(fputs(text, fp) >= 0, 1);
    ck_assert_int_eq(fclose(fp), 0);
}

/* ---- Hashing ---------------------------------------------------------------------- */

START_TEST(hash_vectors)
{
    receipt_hash h;
    char hex[RECEIPT_HEX_SIZE];
    unsigned long long bytes = 99;

    ck_assert_int_eq(receipt_hash_init(&h), RFY_OK);
    receipt_hash_tap(&h, "abc", 3);
    ck_assert_int_eq(receipt_hash_final(hex, &bytes, &h), RFY_OK);
    ck_assert_str_eq(hex, SHA_ABC);
    ck_assert_uint_eq(bytes, 3);
    receipt_hash_clear(&h);

    ck_assert_int_eq(receipt_hash_init(&h), RFY_OK);
    ck_assert_int_eq(receipt_hash_final(hex, &bytes, &h), RFY_OK);
    ck_assert_str_eq(hex, SHA_EMPTY);
    ck_assert_uint_eq(bytes, 0);
    /* Finalised: a second final is refused, never a stale hash. */
    ck_assert_int_eq(receipt_hash_final(hex, &bytes, &h), RFY_ENOMEM);
    ck_assert_str_eq(hex, "");
    receipt_hash_clear(&h);
    receipt_hash_clear(&h); /* twice is safe */
}
END_TEST

/* The reader hands the tap chunks of any size: the hash must not care. */
START_TEST(hash_in_pieces)
{
    receipt_hash h;
    char hex[RECEIPT_HEX_SIZE];
    unsigned long long bytes = 0;

    ck_assert_int_eq(receipt_hash_init(&h), RFY_OK);
    receipt_hash_tap(&h, "a", 1);
    receipt_hash_tap(&h, "", 0);
    receipt_hash_tap(&h, "bc", 2);
    ck_assert_int_eq(receipt_hash_final(hex, &bytes, &h), RFY_OK);
    ck_assert_str_eq(hex, SHA_ABC);
    ck_assert_uint_eq(bytes, 3);
    receipt_hash_clear(&h);
}
END_TEST

START_TEST(file_hash)
{
    char path[128], hex[RECEIPT_HEX_SIZE], *msg = NULL;

    snprintf(path, sizeof path, "%s/abc.txt", tmpdir);
    write_file(path, "abc");
    ck_assert_int_eq(receipt_file_sha256(hex, path, &msg), RFY_OK);
    ck_assert_str_eq(hex, SHA_ABC);
    ck_assert_ptr_null(msg);

    /* Standard output and a device have no content to hash again: "". */
    ck_assert_int_eq(receipt_file_sha256(hex, "-", &msg), RFY_OK);
    ck_assert_str_eq(hex, "");
    ck_assert_int_eq(receipt_file_sha256(hex, "/dev/null", &msg), RFY_OK);
    ck_assert_str_eq(hex, "");

    /* A file that vanished is an error, with its name. */
    snprintf(path, sizeof path, "%s/none.csv", tmpdir);
    ck_assert_int_eq(receipt_file_sha256(hex, path, &msg), RFY_EIO);
    ck_assert_ptr_nonnull(msg);
    ck_assert_ptr_nonnull(strstr(msg, "none.csv"));
    free(msg);
}
END_TEST

/* ---- The JSON -------------------------------------------------------------------------- */

/* Serialise r and parse it back, as a reader of the receipt would. */
static json_t *roundtrip(const receipt *r)
{
    json_t *j = receipt_json(r), *back;
    json_error_t jerr;
    char *text;
    ck_assert_ptr_nonnull(j);
    text = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    ck_assert_ptr_nonnull(text);
    back = json_loads(text, 0, &jerr);
    ck_assert_msg(back != NULL, "receipt does not parse back: %s", jerr.text);
    free(text);
    json_decref(j);
    return back;
}

static const char *str(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    ck_assert_msg(json_is_string(v), "%s is not a string", key);
    return json_string_value(v);
}

static json_int_t num(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    ck_assert_msg(json_is_integer(v), "%s is not an integer", key);
    return json_integer_value(v);
}

static const json_t *obj(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    ck_assert_msg(json_is_object(v), "%s is not an object", key);
    return v;
}

/* A batch run: 3 rows, 2 computed (gross 16382.00 + 12326.00 = 28708.00,
 * deductions 2022.35 + 0.00, paid 14359.65 + 12326.00 = 26685.65). */
static void batch_receipt(receipt *r, mpz_t g, mpz_t d, mpz_t p)
{
    receipt_init(r, "batch");
    r->rates_id = "0123456789abcdef";
    r->rates_dir = NULL;
    r->input_path = "in.csv";
    r->input_bytes = 3;
    strcpy(r->input_sha256, SHA_ABC);
    r->rows = 3;
    r->computed = 2;
    r->rejected = 1;
    mpz_set_ui(g, 2870800);
    mpz_set_ui(d, 202235);
    mpz_set_ui(p, 2668565);
    r->total_gross = g;
    r->total_deductions = d;
    r->total_paid = p;
    r->output_path = "out.csv";
    strcpy(r->output_sha256, SHA_EMPTY);
    r->rejects_path = "out.rejects.csv";
    strcpy(r->rejects_sha256, SHA_ABC);
}

START_TEST(batch_fields)
{
    receipt r;
    json_t *j;
    const json_t *t, *o;
    mpz_t g, d, p;

    mpz_inits(g, d, p, NULL);
    batch_receipt(&r, g, d, p);
    j = roundtrip(&r);
    ck_assert_int_eq(num(j, "schema_version"), RECEIPT_SCHEMA_VERSION);
    ck_assert_str_eq(str(j, "command"), "batch");
    ck_assert_str_eq(str(obj(j, "engine"), "name"), "rfy");
    ck_assert_str_eq(str(obj(j, "engine"), "version"), RFY_VERSION);
    ck_assert_str_eq(str(obj(j, "rates"), "id"), "0123456789abcdef");
    ck_assert_str_eq(str(obj(j, "rates"), "source"), "built-in");
    o = obj(j, "input");
    ck_assert_str_eq(str(o, "name"), "in.csv");
    ck_assert_int_eq(num(o, "bytes"), 3);
    ck_assert_str_eq(str(o, "sha256"), SHA_ABC);
    ck_assert_int_eq(num(j, "rows"), 3);
    ck_assert_int_eq(num(j, "computed"), 2);
    ck_assert_int_eq(num(j, "rejected"), 1);
    /* Audit-only keys are absent from a batch receipt. */
    ck_assert_ptr_null(json_object_get(j, "matches"));
    ck_assert_ptr_null(json_object_get(j, "differences"));
    t = obj(j, "totals");
    ck_assert_str_eq(str(t, "gross"), "28708.00");
    ck_assert_str_eq(str(t, "deductions"), "2022.35");
    ck_assert_str_eq(str(t, "paid"), "26685.65");
    ck_assert_int_eq(json_object_size(t), 3);
    ck_assert_str_eq(str(obj(j, "output"), "name"), "out.csv");
    ck_assert_str_eq(str(obj(j, "output"), "sha256"), SHA_EMPTY);
    ck_assert_str_eq(str(obj(j, "rejects"), "name"), "out.rejects.csv");
    ck_assert_str_eq(str(obj(j, "rejects"), "sha256"), SHA_ABC);
    json_decref(j);
    mpz_clears(g, d, p, NULL);
}
END_TEST

/* An audit over standard input to standard output: 30 rows, 24 match, 6
 * differ; paid 309406.17 − payment 309306.16 = 100.01; a difference can be
 * negative and is written with its sign. */
START_TEST(audit_fields)
{
    receipt r;
    json_t *j;
    const json_t *t;
    mpz_t g, d, paid, pay, diff;

    mpz_inits(g, d, paid, pay, diff, NULL);
    receipt_init(&r, "audit");
    r.rates_id = "fedcba9876543210";
    r.rates_dir = "/tmp/my rates";
    r.input_path = "-";
    r.input_bytes = 0;
    strcpy(r.input_sha256, SHA_EMPTY);
    r.rows = 30;
    r.computed = 30;
    r.rejected = 0;
    r.matches = 24;
    r.differences = 6;
    mpz_set_ui(g, 34614660);
    mpz_set_ui(d, 3684044);
    mpz_set_ui(paid, 30940617);
    mpz_set_ui(pay, 30930616);
    mpz_sub(diff, paid, pay); /* 10001 øre */
    r.total_gross = g;
    r.total_deductions = d;
    r.total_paid = paid;
    r.total_payment = pay;
    r.total_difference = diff;
    r.output_path = "-";
    r.rejects_path = "-";
    j = roundtrip(&r);
    ck_assert_str_eq(str(j, "command"), "audit");
    ck_assert_str_eq(str(obj(j, "rates"), "source"), "/tmp/my rates");
    ck_assert_str_eq(str(obj(j, "input"), "name"), "-");
    ck_assert_int_eq(num(obj(j, "input"), "bytes"), 0);
    ck_assert_int_eq(num(j, "matches"), 24);
    ck_assert_int_eq(num(j, "differences"), 6);
    /* rows = matches + differences + rejected */
    ck_assert_int_eq(num(j, "rows"), num(j, "matches") + num(j, "differences") +
                                         num(j, "rejected"));
    t = obj(j, "totals");
    ck_assert_str_eq(str(t, "gross"), "346146.60");
    ck_assert_str_eq(str(t, "deductions"), "36840.44");
    ck_assert_str_eq(str(t, "paid"), "309406.17");
    ck_assert_str_eq(str(t, "payment"), "309306.16");
    ck_assert_str_eq(str(t, "difference"), "100.01");
    /* Standard output has no content to hash: null, not "". */
    ck_assert(json_is_null(json_object_get(obj(j, "output"), "sha256")));
    ck_assert(json_is_null(json_object_get(obj(j, "rejects"), "sha256")));
    json_decref(j);

    /* −100.00 + 0.01 = −99.99 */
    mpz_set_si(diff, -9999);
    j = roundtrip(&r);
    ck_assert_str_eq(str(obj(j, "totals"), "difference"), "-99.99");
    json_decref(j);
    mpz_clears(g, d, paid, pay, diff, NULL);
}
END_TEST

/* Money is a string, never a JSON number; the key order is fixed. */
START_TEST(layout)
{
    receipt r;
    json_t *j;
    char *text;
    mpz_t g, d, p;

    mpz_inits(g, d, p, NULL);
    batch_receipt(&r, g, d, p);
    j = receipt_json(&r);
    ck_assert_ptr_nonnull(j);
    text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
    ck_assert_ptr_nonnull(text);
    ck_assert_msg(strncmp(text,
                          "{\"schema_version\":2,\"command\":\"batch\",\"engine\":{\"name\":"
                          "\"rfy\",\"version\":\"" RFY_VERSION "\"},\"rates\":{\"id\":"
                          "\"0123456789abcdef\",\"source\":\"built-in\"},\"input\":{",
                          strlen("{\"schema_version\":2,\"command\":\"batch\",\"engine\":{"
                                 "\"name\":\"rfy\",\"version\":\"" RFY_VERSION "\"},"
                                 "\"rates\":{\"id\":\"0123456789abcdef\",\"source\":"
                                 "\"built-in\"},\"input\":{")) == 0,
                  "unexpected start: %s", text);
    ck_assert_ptr_nonnull(strstr(text, "\"totals\":{\"gross\":\"28708.00\",\"deductions\":"
                                       "\"2022.35\",\"paid\":\"26685.65\"},\"output\":"));
    free(text);
    json_decref(j);
    mpz_clears(g, d, p, NULL);
}
END_TEST

/* Files are named by their base name, so the same run from another folder
 * gives the same receipt (the hash identifies the content). */
START_TEST(file_names_not_paths)
{
    receipt r;
    json_t *j;
    mpz_t g, d, p;

    mpz_inits(g, d, p, NULL);
    batch_receipt(&r, g, d, p);
    r.input_path = "../../data/maj/in.csv";
    r.output_path = "/tmp/out/out.csv";
    j = roundtrip(&r);
    ck_assert_str_eq(str(obj(j, "input"), "name"), "in.csv");
    ck_assert_str_eq(str(obj(j, "output"), "name"), "out.csv");
    ck_assert_ptr_null(json_object_get(obj(j, "input"), "path"));
    json_decref(j);
    mpz_clears(g, d, p, NULL);
}
END_TEST

/* A path is bytes; JSON is UTF-8: invalid bytes are shown as '?'. */
START_TEST(non_utf8_path)
{
    receipt r;
    json_t *j;
    mpz_t g, d, p;

    mpz_inits(g, d, p, NULL);
    batch_receipt(&r, g, d, p);
    r.input_path = "l\xf8n.csv"; /* Latin-1 ø */
    r.output_path = "l\xc3\xb8n.out.csv"; /* UTF-8 ø stays */
    j = roundtrip(&r);
    ck_assert_str_eq(str(obj(j, "input"), "name"), "l?n.csv");
    ck_assert_str_eq(str(obj(j, "output"), "name"), "l\xc3\xb8n.out.csv");
    json_decref(j);
    mpz_clears(g, d, p, NULL);
}
END_TEST

static char *slurp(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf = malloc(65536);
    ck_assert_ptr_nonnull(fp);
    ck_assert_ptr_nonnull(buf);
    *len = fread(buf, 1, 65535, fp);
    buf[*len] = '\0';
    fclose(fp);
    return buf;
}

/* Written twice: byte-identical (no timestamp); parses back to the same fields. */
START_TEST(write_file_twice)
{
    receipt r;
    char path[128], *msg = NULL, *first, *second;
    size_t n1, n2;
    json_t *j;
    json_error_t jerr;
    mpz_t g, d, p;

    mpz_inits(g, d, p, NULL);
    batch_receipt(&r, g, d, p);
    snprintf(path, sizeof path, "%s/run.receipt.json", tmpdir);
    ck_assert_int_eq(receipt_write(&r, path, &msg), RFY_OK);
    ck_assert_ptr_null(msg);
    first = slurp(path, &n1);
    ck_assert_int_eq(receipt_write(&r, path, &msg), RFY_OK);
    second = slurp(path, &n2);
    ck_assert_uint_eq(n1, n2);
    ck_assert_int_eq(memcmp(first, second, n1), 0);
    ck_assert_int_eq(first[n1 - 1], '\n');
    j = json_load_file(path, 0, &jerr);
    ck_assert_msg(j != NULL, "%s", jerr.text);
    ck_assert_str_eq(str(j, "command"), "batch");
    ck_assert_str_eq(str(obj(j, "totals"), "paid"), "26685.65");
    json_decref(j);
    free(first);
    free(second);

    /* A directory that does not exist: an error naming the path, nothing left. */
    snprintf(path, sizeof path, "%s/nodir/r.json", tmpdir);
    ck_assert_int_eq(receipt_write(&r, path, &msg), RFY_EIO);
    ck_assert_ptr_nonnull(msg);
    ck_assert_ptr_nonnull(strstr(msg, "nodir/r.json"));
    free(msg);
    mpz_clears(g, d, p, NULL);
}
END_TEST

/* receipt_emit: hashes the input tap and the files in place, default path. */
START_TEST(emit_default_path)
{
    receipt r;
    receipt_hash h;
    char out[128], rej[128], rcp[128], *msg = NULL, *text;
    size_t n;
    json_t *j;
    json_error_t jerr;
    mpz_t g, d, p;

    mpz_inits(g, d, p, NULL);
    batch_receipt(&r, g, d, p);
    snprintf(out, sizeof out, "%s/pay.csv", tmpdir);
    snprintf(rej, sizeof rej, "%s/pay.rejects.csv", tmpdir);
    snprintf(rcp, sizeof rcp, "%s/pay.receipt.json", tmpdir);
    write_file(out, "abc");
    write_file(rej, "");
    r.output_path = out;
    r.rejects_path = rej;
    r.output_sha256[0] = r.rejects_sha256[0] = r.input_sha256[0] = '\0';
    ck_assert_int_eq(receipt_hash_init(&h), RFY_OK);
    receipt_hash_tap(&h, "ab", 2);
    receipt_hash_tap(&h, "c", 1);
    ck_assert_int_eq(receipt_emit(&r, &h, NULL, &msg), RFY_OK);
    receipt_hash_clear(&h);
    text = slurp(rcp, &n);
    j = json_loads(text, 0, &jerr);
    ck_assert_msg(j != NULL, "%s", jerr.text);
    ck_assert_str_eq(str(obj(j, "input"), "sha256"), SHA_ABC);
    ck_assert_int_eq(num(obj(j, "input"), "bytes"), 3);
    ck_assert_str_eq(str(obj(j, "output"), "sha256"), SHA_ABC);
    ck_assert_str_eq(str(obj(j, "rejects"), "sha256"), SHA_EMPTY);
    json_decref(j);
    free(text);

    /* A receipt path that is the input: refused, never overwritten. */
    r.input_path = rcp;
    ck_assert_int_eq(receipt_hash_init(&h), RFY_OK);
    ck_assert_int_eq(receipt_emit(&r, &h, NULL, &msg), RFY_EIO);
    ck_assert_ptr_nonnull(msg);
    free(msg);
    receipt_hash_clear(&h);
    mpz_clears(g, d, p, NULL);
}
END_TEST

START_TEST(default_path_and_clashes)
{
    char *p;
    int failed = 1;

    p = receipt_default_path("out.csv", &failed);
    ck_assert_str_eq(p, "out.receipt.json");
    ck_assert_int_eq(failed, 0);
    free(p);
    p = receipt_default_path("dir/report", &failed);
    ck_assert_str_eq(p, "dir/report.receipt.json");
    free(p);
    p = receipt_default_path(".csv", &failed); /* nothing before ".csv": kept whole */
    ck_assert_str_eq(p, ".csv.receipt.json");
    free(p);
    ck_assert_ptr_null(receipt_default_path("-", &failed));
    ck_assert_int_eq(failed, 0);
    /* a device, or a name into /proc: standard error, never a file in /dev */
    ck_assert_ptr_null(receipt_default_path("/dev/null", &failed));
    ck_assert_int_eq(failed, 0);
    ck_assert_ptr_null(receipt_default_path("/dev/stdout", &failed));
    ck_assert_ptr_null(receipt_default_path("/dev/new.csv", &failed));

    ck_assert_int_eq(receipt_path_clashes(NULL, "in.csv", "out.csv", NULL), 0);
    ck_assert_int_eq(receipt_path_clashes("r.json", "in.csv", "out.csv", "rej.csv"), 0);
    ck_assert_int_eq(receipt_path_clashes("in.csv", "in.csv", "out.csv", "rej.csv"), -1);
    ck_assert_int_eq(receipt_path_clashes("out.csv", "in.csv", "out.csv", "rej.csv"), -1);
    ck_assert_int_eq(receipt_path_clashes("rej.csv", "in.csv", "out.csv", "rej.csv"), -1);
    /* "-" is fine when the CSV goes to a file, refused when it is on standard output. */
    ck_assert_int_eq(receipt_path_clashes("-", "in.csv", "out.csv", "rej.csv"), 0);
    ck_assert_int_eq(receipt_path_clashes("-", "in.csv", "-", NULL), -1);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("receipt");
    TCase *tc = tcase_create("receipt");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, hash_vectors);
    tcase_add_test(tc, hash_in_pieces);
    tcase_add_test(tc, file_hash);
    tcase_add_test(tc, batch_fields);
    tcase_add_test(tc, audit_fields);
    tcase_add_test(tc, layout);
    tcase_add_test(tc, non_utf8_path);
    tcase_add_test(tc, file_names_not_paths);
    tcase_add_test(tc, write_file_twice);
    tcase_add_test(tc, emit_default_path);
    tcase_add_test(tc, default_path_and_clashes);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return rfy_check_run(suite());
}
