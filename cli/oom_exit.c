/*
 * rfy's out-of-memory policy (oom_exit.h).  GMP cannot return an error from
 * mpz_mul and friends, so the only choice left is how to die: with the
 * message, cleanups and exit code interface.md promises (2, nothing written)
 * rather than abort().  librfy calls die_oom() through its handler hook.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "oom_exit.h"
#include <rfy/status.h>

static void (*handlers[RFY_FATAL_MAX_HANDLERS])(void);
static int nhandlers;

/* Never returns.  A handler that itself runs out of memory in GMP lands here
 * again: `dying` makes the second entry skip straight to the exit. */
static void die_oom(void)
{
    static int dying;
    if (!dying) {
        dying = 1;
        /* the catalogue's static text: nothing to allocate */
        fputs("rfy: ", stderr);
        fputs(cli_msg(RFY_MSG_OUT_OF_MEMORY_GMP), stderr);
        fputc('\n', stderr);
        fflush(stderr);
        while (nhandlers > 0) {
            void (*fn)(void) = handlers[--nhandlers];
            fn();
        }
    }
    /* _Exit, not exit: flushing stdout now could write half a result. */
    _Exit(RFY_OOM_EXIT);
}

void cli_install_oom_exit(void)
{
    rfy_set_oom_handler(die_oom);
    rfy_install_gmp_allocators();
}

int cli_on_fatal(void (*fn)(void))
{
    if (!fn || nhandlers >= RFY_FATAL_MAX_HANDLERS)
        return RFY_EINPUT;
    handlers[nhandlers++] = fn;
    return RFY_OK;
}

int cli_on_fatal_remove(void (*fn)(void))
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
