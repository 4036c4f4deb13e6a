/*
 * Memory through GMP's allocation functions, so that one out-of-memory
 * handler (include/rfy/oom.h) covers the engine's own blocks as it covers
 * GMP's numbers.
 */
#include <gmp.h>

#include "alloc.h"

void *rfy__xalloc(void *old, size_t old_size, size_t new_size)
{
    void *(*alloc)(size_t);
    void *(*re)(void *, size_t, size_t);
    void (*fr)(void *, size_t);
    mp_get_memory_functions(&alloc, &re, &fr);
    return old ? re(old, old_size, new_size) : alloc(new_size);
}

void rfy__xfree(void *p, size_t size)
{
    void *(*alloc)(size_t);
    void *(*re)(void *, size_t, size_t);
    void (*fr)(void *, size_t);
    if (!p)
        return;
    mp_get_memory_functions(&alloc, &re, &fr);
    fr(p, size);
}
