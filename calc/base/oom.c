/*
 * GMP allocators that hand an allocation failure to the program's handler
 * (include/rfy/oom.h).  The engine holds no policy: it neither prints nor
 * exits.  Without a handler (or if it returns) GMP's previous allocators
 * get the request, as if librfy had installed nothing.
 */
#include <gmp.h>
#include <stdlib.h>

#include <rfy/oom.h>
#include "oom_internal.h"

static rfy_oom_handler handler;
/* The memory functions in force before rfy_install_gmp_allocators(). */
static void *(*prev_alloc)(size_t);
static void *(*prev_realloc)(void *, size_t, size_t);
/* Test hook (rfy__oom_fail_after): allocations left before failing; < 0 = never fail. */
static long fail_budget = -1;

/* Consume one allocation of the test budget; non-zero if this one must fail. */
static int hook_says_fail(void)
{
    if (fail_budget < 0)
        return 0;
    if (fail_budget == 0)
        return 1;
    fail_budget--;
    return 0;
}

static void failed(void)
{
    if (handler)
        handler();
}

static void *gmp_alloc(size_t n)
{
    /* GMP never asks for 0 bytes, but malloc(0) may return NULL: ask for 1. */
    void *p = hook_says_fail() ? NULL : malloc(n ? n : 1);
    if (!p) {
        failed();
        p = prev_alloc(n);
    }
    return p;
}

static void *gmp_realloc(void *old, size_t old_size, size_t new_size)
{
    void *p = hook_says_fail() ? NULL : realloc(old, new_size ? new_size : 1);
    if (!p) {
        failed();
        p = prev_realloc(old, old_size, new_size);
    }
    return p;
}

static void gmp_free(void *p, size_t size)
{
    (void)size;
    free(p);
}

rfy_oom_handler rfy_set_oom_handler(rfy_oom_handler fn)
{
    rfy_oom_handler old = handler;
    handler = fn;
    return old;
}

void rfy_install_gmp_allocators(void)
{
    void *(*a)(size_t);
    void *(*r)(void *, size_t, size_t);
    mp_get_memory_functions(&a, &r, NULL);
    if (a != gmp_alloc) {
        prev_alloc = a;
        prev_realloc = r;
    }
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}

void rfy__oom_fail_after(long n)
{
    fail_budget = n < 0 ? -1 : n;
}
