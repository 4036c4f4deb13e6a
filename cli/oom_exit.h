/*
 * rfy's out-of-memory policy (the library only calls it: include/rfy/oom.h).
 *
 * interface.md asks that a run which cannot complete leave nothing written:
 * on a failed allocation inside GMP rfy writes "rfy: out of memory (GMP)" to
 * stderr, runs the registered cleanups (e.g. unlink a temporary output file)
 * and ends with exit code 2, rather than GMP's abort() and core dump.
 */
#ifndef RFY_CLI_FATAL_H
#define RFY_CLI_FATAL_H

#include <rfy/oom.h>

/* Exit code after an allocation failure in GMP (interface.md: 2, nothing written). */
#define RFY_OOM_EXIT 2

/* Most cleanup handlers that may be registered at once. */
#define RFY_FATAL_MAX_HANDLERS 8

/*
 * Set rfy's handler (rfy_set_oom_handler) and install librfy's GMP memory
 * functions.  Stdio buffers are NOT flushed on the way out, so partial
 * output still held in a FILE buffer is never written.
 * Preconditions: call once at start-up, before any GMP variable exists.
 */
void cli_install_oom_exit(void);

/*
 * Register `fn` to run if the process is ended by an allocation failure in
 * GMP.  Handlers run at most once, last registered first, and must not rely
 * on memory allocation succeeding (unlink() of a path kept in a static
 * buffer is the intended use).
 * Returns RFY_OK; RFY_EINPUT if fn is NULL or RFY_FATAL_MAX_HANDLERS
 * handlers are already registered.
 */
int cli_on_fatal(void (*fn)(void));

/*
 * Unregister a handler registered with cli_on_fatal() (e.g. once a temporary
 * output file has been renamed into place).  Returns RFY_OK, or RFY_EINPUT if
 * fn is not registered.
 */
int cli_on_fatal_remove(void (*fn)(void));

#endif
