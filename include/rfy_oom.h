/*
 * Out of memory inside GMP.
 *
 * GMP has no way to report a failed allocation to its caller: by default it
 * prints "GNU MP: Cannot allocate memory" and calls abort(), which dumps core
 * and skips every cleanup.  rfy replaces GMP's allocators with ones that end
 * the program the way interface.md asks for a run that cannot complete:
 * a message on stderr, registered cleanups (e.g. unlink a temporary output
 * file, so that nothing is written) and exit code 2.
 *
 * Allocation failures outside GMP (malloc in the CSV reader, the rate loader)
 * are reported as RFY_ENOMEM by the functions concerned and need none of this.
 */
#ifndef RFY_OOM_H
#define RFY_OOM_H

/* Exit code after an allocation failure in GMP (interface.md: 2, nothing written). */
#define RFY_OOM_EXIT 2

/* Most cleanup handlers that may be registered at once. */
#define RFY_FATAL_MAX_HANDLERS 8

/*
 * Install rfy's GMP memory functions (mp_set_memory_functions).
 *
 * They allocate with malloc/realloc/free, so memory GMP hands out (e.g. from
 * mpz_get_str(NULL, ...)) may still be released with free() or with the
 * function mp_get_memory_functions() returns.  When an allocation fails they
 * write "rfy: out of memory (GMP)" to stderr, run the registered cleanup
 * handlers (last registered first) and end the process with _Exit(2): stdio
 * buffers are NOT flushed, so partial output still held in a FILE buffer is
 * never written.
 * Preconditions: call once at start-up, before any GMP variable exists
 * (GMP requires that memory be released by the functions that allocated it).
 */
void rfy_install_gmp_allocators(void);

/*
 * Register `fn` to run if the process is ended by an allocation failure in
 * GMP.  Handlers run at most once, last registered first, and must not rely
 * on memory allocation succeeding (unlink() of a path kept in a static
 * buffer is the intended use).
 * Returns RFY_OK; RFY_EINPUT if fn is NULL or RFY_FATAL_MAX_HANDLERS
 * handlers are already registered.
 */
int rfy_on_fatal(void (*fn)(void));

/*
 * Unregister a handler registered with rfy_on_fatal() (e.g. once a temporary
 * output file has been renamed into place).  Returns RFY_OK, or RFY_EINPUT if
 * fn is not registered.
 */
int rfy_on_fatal_remove(void (*fn)(void));

/*
 * FOR TESTS ONLY.  Make GMP allocations fail deterministically: the next `n`
 * allocations through rfy's GMP allocators succeed and every one after them
 * fails (n = 0: the next one fails).  n < 0 turns the hook off (the default).
 * Not thread-safe; affects only allocations made after
 * rfy_install_gmp_allocators().
 */
void rfy_oom_fail_after(long n);

#endif
