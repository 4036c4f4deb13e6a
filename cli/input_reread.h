/*
 * Reading a batch or audit input a second time from its first byte, through
 * a new decoding stream (input_decode.h) and a fresh input hash: what the
 * batch loop's `reopen` hook needs (rfy/batch.h) to check an input's order
 * or to sort it after streaming met a row out of order (docs/casemonth.md).
 * Possible only for a regular file.
 */
#ifndef RFY_INPUT_AGAIN_H
#define RFY_INPUT_AGAIN_H

#include <stdio.h>

#include "input_decode.h"
#include "receipt.h"

typedef struct input_again {
    FILE *raw;              /* the file as opened (run_files.in) */
    input_decoder **dec;    /* the caller's decoder: replaced */
    FILE **in;              /* the caller's decoded stream: replaced */
    receipt_hash *hash;     /* the input's hash for the receipt: started again */
    input_encoding enc;     /* --encoding as given */
} input_again;

/* Non-zero when `raw` is a regular file at its start (it can be read again). */
int input_again_possible(FILE *raw);

/* The input from its first byte again as a new decoded stream (also in
 * *a->in), or NULL when it cannot be (the old stream is closed either way). */
FILE *input_again_open(input_again *a);

#endif
