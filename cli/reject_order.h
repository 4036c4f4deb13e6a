/*
 * Rejects in input line order (interface.md "Batch output"), whatever order
 * the batch loop delivers them in: a sorted input delivers case-months in
 * case order, so its rejects come by case.  Each reject row's line and place
 * in the rejects file are noted as it is written; at the end, when they are
 * out of order, the file is written again in line order (through an unnamed
 * temporary copy: memory stays one entry a reject).  A rejects stream that
 * cannot be written again (standard error) gets its rows through a spool
 * (an unnamed temporary file) and all of them, in line order, at the end.
 */
#ifndef RFY_REJECT_ORDER_H
#define RFY_REJECT_ORDER_H

#include <stdio.h>

#include "atomic_file.h"

typedef struct reject_order {
    struct reject_at { unsigned long line; unsigned long long off; size_t len; } *v;
    size_t n, cap;
    unsigned long long bytes;   /* written after the header so far */
    int out_of_order;           /* a line came before one already written */
    int failed;                 /* out of memory: cannot reorder */
} reject_order;

/* Note a reject row of `len` bytes for input line `line`, just written. */
void reject_order_note(reject_order *o, unsigned long line, size_t len);

/* Forget every row noted (the rejects file was started afresh). */
void reject_order_reset(reject_order *o);

/*
 * Write f (header `header`, then the rows noted) again in line order, when
 * they are not.  Call before the file is finished.  Returns 0, or -1 after
 * saying why (the run then fails: nothing written).
 */
int reject_order_apply(reject_order *o, atomic_file *f, const char *header, const char *cmd);

/*
 * The rows spooled to `spool` (each noted), to `dst` in line order, after
 * `header` when not NULL and there is a row.  Returns 0, or -1 after saying why.
 */
int reject_order_flush_spool(reject_order *o, FILE *spool, FILE *dst, const char *header,
                             const char *cmd);

/* Free what o holds. */
void reject_order_free(reject_order *o);

#endif
