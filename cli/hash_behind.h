/*
 * A SHA-256 computed on a thread of its own, behind a stream: the thread
 * that reads the input or writes the output hands its bytes over (one copy
 * into a ring of blocks) and goes on with the rows, while the second thread
 * hashes them in order.  The digest is the same SHA-256 of the same bytes
 * as hashing inline; only where the work runs differs.  Used by `rfy batch`
 * with --jobs 2 or more for the receipt's hashes of input and output
 * (docs/performance.md); with one job the bytes are hashed inline.
 *
 * The ring holds HASH_BEHIND_BLOCKS blocks of HASH_BEHIND_BLOCK bytes
 * (2 MiB in all): a feeder that gets ahead of the hashing thread waits for
 * a free block, so memory stays constant.  One feeder thread at a time.
 */
#ifndef RFY_HASH_BEHIND_H
#define RFY_HASH_BEHIND_H

#include <stddef.h>

#include <openssl/evp.h>

#define HASH_BEHIND_BLOCK (256u << 10)
#define HASH_BEHIND_BLOCKS 8

typedef struct hash_behind hash_behind;

/* Starts the hashing thread (signals blocked in it, so that they reach the
 * program's own threads), continuing the SHA-256 `from` when it is not NULL
 * (the bytes a stream hashed inline before it switched), else a new one.
 * NULL when memory, the digest or the thread cannot be had: the caller then
 * goes on hashing inline. */
hash_behind *hash_behind_new(const EVP_MD_CTX *from);

/* Hands n bytes over (copied: the caller may reuse its buffer at once). */
void hash_behind_update(hash_behind *h, const void *bytes, size_t n);

/* Waits until every byte handed over is hashed, then starts a new, empty
 * digest (an output file written again from its start).  0, or -1 when the
 * digest could not be started again. */
int hash_behind_restart(hash_behind *h);

/* Waits until every byte handed over is hashed and writes the SHA-256 of
 * them all into md.  0, or -1 when a digest step failed (no hash to give). */
int hash_behind_final(hash_behind *h, unsigned char md[32]);

/* Stops the thread and frees everything (NULL-safe). */
void hash_behind_free(hash_behind *h);

#endif
