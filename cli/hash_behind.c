/* SHA-256 on a thread of its own, behind a stream (hash_behind.h). */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "hash_behind.h"

typedef struct block {
    unsigned char *bytes;
    size_t used;
} block;

struct hash_behind {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t filled; /* a block was queued, or stop was asked */
    pthread_cond_t freed;  /* a block was hashed */
    block ring[HASH_BEHIND_BLOCKS];
    unsigned head;   /* the next block to hash */
    unsigned queued; /* blocks queued and not yet hashed (the one being hashed included) */
    unsigned fill;   /* the block the feeder fills: ring[(head + queued) % N] while queued < N */
    int stop;
    int failed; /* a digest update failed */
    EVP_MD_CTX *md;
};

static void *hash_thread(void *arg)
{
    hash_behind *h = arg;
    pthread_mutex_lock(&h->lock);
    for (;;) {
        block *b;
        while (h->queued == 0 && !h->stop)
            pthread_cond_wait(&h->filled, &h->lock);
        if (h->queued == 0)
            break; /* stop, and nothing left */
        b = &h->ring[h->head];
        /* The block is the thread's until `queued` drops: hash it unlocked. */
        pthread_mutex_unlock(&h->lock);
        int ok = EVP_DigestUpdate(h->md, b->bytes, b->used);
        pthread_mutex_lock(&h->lock);
        if (!ok)
            h->failed = 1;
        b->used = 0;
        h->head = (h->head + 1) % HASH_BEHIND_BLOCKS;
        h->queued--;
        pthread_cond_signal(&h->freed);
    }
    pthread_mutex_unlock(&h->lock);
    return NULL;
}

hash_behind *hash_behind_new(const EVP_MD_CTX *from)
{
    hash_behind *h = calloc(1, sizeof *h);
    sigset_t all, old;
    int i, rc;
    if (!h)
        return NULL;
    for (i = 0; i < HASH_BEHIND_BLOCKS; i++)
        if (!(h->ring[i].bytes = malloc(HASH_BEHIND_BLOCK)))
            goto fail;
    if (!(h->md = EVP_MD_CTX_new()) ||
        !(from ? EVP_MD_CTX_copy_ex(h->md, from) : EVP_DigestInit_ex(h->md, EVP_sha256(), NULL)))
        goto fail;
    pthread_mutex_init(&h->lock, NULL);
    pthread_cond_init(&h->filled, NULL);
    pthread_cond_init(&h->freed, NULL);
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    rc = pthread_create(&h->thread, NULL, hash_thread, h);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc == 0)
        return h;
    pthread_cond_destroy(&h->freed);
    pthread_cond_destroy(&h->filled);
    pthread_mutex_destroy(&h->lock);
fail:
    EVP_MD_CTX_free(h->md);
    for (i = 0; i < HASH_BEHIND_BLOCKS; i++)
        free(h->ring[i].bytes);
    free(h);
    return NULL;
}

/* Queue the block being filled, if it holds anything.  Lock held. */
static void queue_fill(hash_behind *h)
{
    if (h->ring[h->fill].used == 0)
        return;
    h->queued++;
    h->fill = (h->fill + 1) % HASH_BEHIND_BLOCKS;
    pthread_cond_signal(&h->filled);
}

void hash_behind_update(hash_behind *h, const void *bytes, size_t n)
{
    const unsigned char *p = bytes;
    while (n > 0) {
        block *b = &h->ring[h->fill];
        size_t take = HASH_BEHIND_BLOCK - b->used;
        if (take > n)
            take = n;
        /* ring[fill] is never one the thread is hashing: fill stays
         * `queued` blocks ahead of head, and a full ring waits below. */
        memcpy(b->bytes + b->used, p, take);
        b->used += take;
        p += take;
        n -= take;
        if (b->used == HASH_BEHIND_BLOCK) {
            pthread_mutex_lock(&h->lock);
            queue_fill(h);
            while (h->queued == HASH_BEHIND_BLOCKS) /* the ring is full: wait for a free block */
                pthread_cond_wait(&h->freed, &h->lock);
            pthread_mutex_unlock(&h->lock);
        }
    }
}

/* Queue what is filled and wait until the thread has hashed it all. */
static int drain(hash_behind *h)
{
    int failed;
    pthread_mutex_lock(&h->lock);
    queue_fill(h);
    while (h->queued > 0)
        pthread_cond_wait(&h->freed, &h->lock);
    failed = h->failed;
    pthread_mutex_unlock(&h->lock);
    return failed ? -1 : 0;
}

int hash_behind_restart(hash_behind *h)
{
    drain(h);
    h->failed = 0;
    if (!EVP_DigestInit_ex(h->md, EVP_sha256(), NULL)) {
        h->failed = 1;
        return -1;
    }
    return 0;
}

int hash_behind_final(hash_behind *h, unsigned char md[32])
{
    unsigned int n = 0;
    if (drain(h) != 0 || !EVP_DigestFinal_ex(h->md, md, &n) || n != 32) {
        h->failed = 1;
        return -1;
    }
    h->failed = 1; /* finalised: no further updates give a hash */
    return 0;
}

void hash_behind_free(hash_behind *h)
{
    int i;
    if (!h)
        return;
    pthread_mutex_lock(&h->lock);
    h->stop = 1;
    pthread_cond_signal(&h->filled);
    pthread_mutex_unlock(&h->lock);
    pthread_join(h->thread, NULL);
    pthread_cond_destroy(&h->freed);
    pthread_cond_destroy(&h->filled);
    pthread_mutex_destroy(&h->lock);
    EVP_MD_CTX_free(h->md);
    for (i = 0; i < HASH_BEHIND_BLOCKS; i++)
        free(h->ring[i].bytes);
    free(h);
}
