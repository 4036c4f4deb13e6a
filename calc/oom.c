/*
 * GMP allocators that end the program cleanly when memory runs out
 * (include/rfy_oom.h).  GMP cannot return an error from mpz_mul and friends,
 * so the only choice left is how to die: with the message, cleanups and exit
 * code interface.md promises (2, nothing written) rather than abort().
 */
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>

#include "rfy_oom.h"
#include "rfy_status.h"

static void (*handlers[RFY_FATAL_MAX_HANDLERS])(void);
static int nhandlers;
/* Test hook: allocations left before failing; < 0 = never fail. */
static long fail_budget = -1;

static const char OOM_MESSAGE[] = "rfy: out of memory (GMP)\n";

/* Never returns.  A handler that itself runs out of memory in GMP lands here
 * again: `dying` makes the second entry skip straight to the exit. */
static void die_oom(void)
{
    static int dying;
    if (!dying) {
        dying = 1;
        fputs(OOM_MESSAGE, stderr);
        fflush(stderr);
        while (nhandlers > 0) {
            void (*fn)(void) = handlers[--nhandlers];
            fn();
        }
    }
    /* _Exit, not exit: flushing stdout now could write half a result. */
    _Exit(RFY_OOM_EXIT);
}

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

static void *gmp_alloc(size_t n)
{
    /* GMP never asks for 0 bytes, but malloc(0) may return NULL: ask for 1. */
    void *p = hook_says_fail() ? NULL : malloc(n ? n : 1);
    if (!p)
        die_oom();
    return p;
}

static void *gmp_realloc(void *old, size_t old_size, size_t new_size)
{
    void *p;
    (void)old_size;
    p = hook_says_fail() ? NULL : realloc(old, new_size ? new_size : 1);
    if (!p)
        die_oom();
    return p;
}

static void gmp_free(void *p, size_t size)
{
    (void)size;
    free(p);
}

void rfy_install_gmp_allocators(void)
{
    mp_set_memory_functions(gmp_alloc, gmp_realloc, gmp_free);
}

int rfy_on_fatal(void (*fn)(void))
{
    if (!fn || nhandlers >= RFY_FATAL_MAX_HANDLERS)
        return RFY_EINPUT;
    handlers[nhandlers++] = fn;
    return RFY_OK;
}

int rfy_on_fatal_remove(void (*fn)(void))
{
    int i;
    for (i = nhandlers - 1; i >= 0; i--)
        if (handlers[i] == fn) {
            /* keep the registration order of the others */
            for (; i + 1 < nhandlers; i++)
                handlers[i] = handlers[i + 1];
            nhandlers--;
            return RFY_OK;
        }
    return RFY_EINPUT;
}

void rfy_oom_fail_after(long n)
{
    fail_budget = n < 0 ? -1 : n;
}
