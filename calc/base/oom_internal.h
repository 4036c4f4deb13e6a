/*
 * Internal to librfy and its tests: make GMP allocations fail on purpose.
 *
 * Not part of the public API (include/rfy/oom.h): a test hook is no
 * business of a program using the library.  The symbol is hidden in
 * librfy.so; the tests link the static library, where it is visible.
 */
#ifndef RFY_CALC_OOM_INTERNAL_H
#define RFY_CALC_OOM_INTERNAL_H

/*
 * FOR TESTS ONLY.  Make GMP allocations fail deterministically: the next `n`
 * allocations through librfy's GMP allocators succeed and every one after
 * them fails (n = 0: the next one fails).  n < 0 turns the hook off (the
 * default).  Not thread-safe; affects only allocations made after
 * rfy_install_gmp_allocators().
 */
void rfy__oom_fail_after(long n);

#endif
