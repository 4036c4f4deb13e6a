/*
 * Out of memory inside GMP: the program's policy, called by the library.
 *
 * GMP has no way to report a failed allocation to its caller: by default it
 * prints "GNU MP: Cannot allocate memory" and calls abort().  What should
 * happen instead (a message, removing a half-written file, an exit code) is
 * the program's business, not the engine's: the library only calls the
 * handler the program sets.  `rfy` sets one that writes a message, runs its
 * cleanups and exits with code 2.
 *
 * Allocation failures outside GMP (malloc in the CSV reader, the rate
 * loader) are reported as RFY_ENOMEM by the functions concerned and need
 * none of this.
 *
 * Thread safety: set the handler and install the allocators once at
 * start-up, before any other thread runs and before any GMP variable exists.
 * This is the library's one process-wide setting, on purpose: GMP's own
 * allocator hook (mp_set_memory_functions) is process-wide, so there can only
 * be one policy for a failed allocation inside GMP, and it is the program's.
 */
#ifndef RFY_OOM_H
#define RFY_OOM_H

#include <rfy/export.h>

RFY_BEGIN_DECLS

/* Called when an allocation inside GMP fails.  It must not return (exit,
 * _Exit or abort); GMP cannot continue without the memory. */
typedef void (*rfy_oom_handler)(void);

/*
 * Set the handler (NULL: none) for the whole process.  Returns the previous
 * handler.  Not thread-safe: call it at start-up (see above).
 */
RFY_API rfy_oom_handler rfy_set_oom_handler(rfy_oom_handler fn);

/*
 * Install librfy's GMP memory functions (mp_set_memory_functions).
 *
 * They allocate with malloc/realloc/free, so memory GMP hands out (e.g. from
 * mpz_get_str(NULL, ...)) may still be released with free() or with the
 * function mp_get_memory_functions() returns.  When an allocation fails they
 * call the handler.  With no handler, or if it returns, the allocation is
 * passed to the memory functions GMP had before (by default GMP's own, which
 * print a message and abort): the library never ends the process itself.
 * Preconditions: call once at start-up, before any GMP variable exists
 * (GMP requires that memory be released by the functions that allocated it).
 */
RFY_API void rfy_install_gmp_allocators(void);

RFY_END_DECLS

#endif
