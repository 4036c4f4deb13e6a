/* Internal to calc/: memory through GMP's allocation functions (alloc.c). */
#ifndef RFY_ALLOC_H
#define RFY_ALLOC_H

#include <stddef.h>

/* Grow (or, with old NULL, get) a block through GMP's allocation functions
 * (so rfy's out-of-memory handler, rfy/oom.h, covers it): never NULL. */
void *rfy__xalloc(void *old, size_t old_size, size_t new_size);
/* Free a block of rfy__xalloc (NULL-safe); size is the size it was given. */
void rfy__xfree(void *p, size_t size);

#endif
