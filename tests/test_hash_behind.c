/*
 * SHA-256 on a thread of its own (cli/hash_behind.c): the same digest as
 * hashing inline, with the bytes handed over in pieces of every size --
 * across the ring's block boundaries and many times its size, so that the
 * feeder waits for free blocks -- continued from an inline digest, and
 * started again.  Expected values are the published SHA-256 test vectors
 * (FIPS 180-2, appendix B) and OpenSSL's one-shot digest.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "check_run.h"
#include "hash_behind.h"

static void hex(char out[65], const unsigned char md[32])
{
    static const char d[] = "0123456789abcdef";
    for (int i = 0; i < 32; i++) {
        out[2 * i] = d[md[i] >> 4];
        out[2 * i + 1] = d[md[i] & 15];
    }
    out[64] = '\0';
}

/* The digest of `n` bytes fed in pieces of 1, 2, …, step bytes in turn. */
static void behind_digest(char out[65], const unsigned char *bytes, size_t n, size_t step)
{
    hash_behind *h = hash_behind_new(NULL);
    unsigned char md[32];
    size_t at = 0, piece = 1;
    ck_assert_ptr_nonnull(h);
    while (at < n) {
        size_t take = piece < n - at ? piece : n - at;
        hash_behind_update(h, bytes + at, take);
        at += take;
        piece = piece % step + 1;
    }
    ck_assert_int_eq(hash_behind_final(h, md), 0);
    hex(out, md);
    hash_behind_free(h);
}

START_TEST(fips_vectors)
{
    char got[65];
    unsigned char *a = malloc(1000000);
    ck_assert_ptr_nonnull(a);
    behind_digest(got, (const unsigned char *)"abc", 3, 1);
    ck_assert_str_eq(got, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    behind_digest(got, (const unsigned char *)"", 0, 1);
    ck_assert_str_eq(got, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    /* one million 'a' (FIPS 180-2 B.3), in pieces up to 4 KiB */
    memset(a, 'a', 1000000);
    behind_digest(got, a, 1000000, 4096);
    ck_assert_str_eq(got, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    free(a);
}
END_TEST

/* 20 MiB (ten times the ring) in pieces of up to 1 MiB + 3, against
 * OpenSSL's one-shot SHA-256 of the same bytes. */
START_TEST(many_blocks)
{
    size_t n = 20u << 20;
    unsigned char *b = malloc(n), md[32];
    char got[65], want[65];
    unsigned int len = 0;
    ck_assert_ptr_nonnull(b);
    for (size_t i = 0; i < n; i++)
        b[i] = (unsigned char)(i * 2654435761u >> 13);
    ck_assert_int_eq(EVP_Digest(b, n, md, &len, EVP_sha256(), NULL), 1);
    hex(want, md);
    behind_digest(got, b, n, (1u << 20) + 3);
    ck_assert_str_eq(got, want);
    /* block-sized pieces exactly */
    behind_digest(got, b, n, HASH_BEHIND_BLOCK);
    ck_assert_str_eq(got, want);
    free(b);
}
END_TEST

/* "ab" hashed inline, then the thread continues with "c": SHA-256("abc").
 * Then started again: SHA-256("abc") of new bytes only. */
START_TEST(continue_and_restart)
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    hash_behind *h;
    unsigned char md[32];
    char got[65];
    ck_assert_ptr_nonnull(ctx);
    ck_assert_int_eq(EVP_DigestInit_ex(ctx, EVP_sha256(), NULL), 1);
    ck_assert_int_eq(EVP_DigestUpdate(ctx, "ab", 2), 1);
    h = hash_behind_new(ctx);
    ck_assert_ptr_nonnull(h);
    hash_behind_update(h, "xyz", 3); /* dropped by the restart below */
    ck_assert_int_eq(hash_behind_restart(h), 0);
    hash_behind_update(h, "ab", 2);
    hash_behind_update(h, "c", 1);
    ck_assert_int_eq(hash_behind_final(h, md), 0);
    hex(got, md);
    ck_assert_str_eq(got, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    hash_behind_free(h);

    h = hash_behind_new(ctx); /* continuing "ab" */
    ck_assert_ptr_nonnull(h);
    hash_behind_update(h, "c", 1);
    ck_assert_int_eq(hash_behind_final(h, md), 0);
    hex(got, md);
    ck_assert_str_eq(got, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    hash_behind_free(h);
    hash_behind_free(NULL);
    EVP_MD_CTX_free(ctx);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("hash_behind");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, fips_vectors);
    tcase_add_test(tc, many_blocks);
    tcase_add_test(tc, continue_and_restart);
    suite_add_tcase(s, tc);
    return rfy_check_run(s);
}
