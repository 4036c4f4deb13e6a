/*
 * Internal to calc/run: the chunks of rows the batch loop (batch_run.c)
 * fills, computes and delivers, as far as a delivered case-month
 * (rfy_batch_row, batch_row.c) reads them.
 */
#ifndef RFY_BATCH_CHUNK_H
#define RFY_BATCH_CHUNK_H

#include <stddef.h>

#include <gmp.h>

#include <rfy/batch.h>
#include <rfy/calc.h>
#include <rfy/csv.h>

#include "calc_internal.h" /* the case and result structs a chunk holds */

/* ---- The chunks ------------------------------------------------------------------ */

/* One data row of a chunk: where its fields are, and what became of it. */
typedef struct slot {
    unsigned long line, index, number;
    size_t nfields;       /* fields in the record (may exceed RFY_CSV_MAX_FIELDS) */
    size_t first;         /* its first kept field in the chunk's field table */
    int payment;          /* an audit payment line (no computation) */
    rfy_case in;
    int rc;               /* RFY_OK: part of a computed case-month; else this row's fault */
    /* The first slot of a case-month only: */
    size_t group_n;       /* its rows kept in this chunk (this slot and the next ones) */
    size_t extra_first, extra_n; /* its rows beyond GROUP_MAX: chunk->extra[extra_first..] */
    int group_rc;         /* RFY_OK: res holds the case-month */
    rfy_result res;
    /* last: read only for a row that failed (its faults), so the rows' hot fields stay close */
    rfy_error err;
} slot;

/* A row of a case-month beyond GROUP_MAX: only its line and number are kept. */
typedef struct extra_row {
    unsigned long line, number;
} extra_row;

typedef enum chunk_state { CHUNK_FREE, CHUNK_FILLING, CHUNK_QUEUED, CHUNK_DONE } chunk_state;

/* Case-months of consecutive rows, filled by the reader, computed by one worker. */
typedef struct chunk {
    chunk_state state;
    size_t nrows;
    slot *slots;                  /* CHUNK_SLOTS, initialised once */
    char *bytes;                  /* the rows' field texts, NUL-terminated; a row's kept
                                   * fields one after another (chunk_add: the ledger's
                                   * rfy__batch_row_field_span reads them as one span) */
    size_t nbytes, capbytes;
    struct field { size_t off, len; } *fld; /* field table: offset into bytes, length */
    size_t nfld, capfld;
    extra_row *extra;
    size_t nextra, capextra;
    mpz_t gross, deductions, payment; /* sums over the chunk's computed case-months */
    int sums_init;                /* the three mpz are initialised */
    /* The record of slot rec_slot, rebuilt from the field table: a
     * case-month's first record is needed to parse, to format and to deliver
     * it, and is built once for the three (chunk_record). */
    rfy_csv_record rec;
    size_t rec_slot;              /* NO_SLOT: rec holds nothing */
} chunk;

/* What rfy_batch_row.group points to: a case-month in a chunk. */
typedef struct group_ref {
    const chunk *c;
    size_t first;                 /* its first slot */
} group_ref;

/* The text of column col of slot s (case_input_cell without a whole record). */
static inline const char *slot_cell(const chunk *c, const slot *s, int field, size_t *len)
{
    if (field < 0 || (size_t)field >= s->nfields || (size_t)field >= RFY_CSV_MAX_FIELDS) {
        *len = 0;
        return "";
    }
    *len = c->fld[s->first + (size_t)field].len;
    return c->bytes + c->fld[s->first + (size_t)field].off;
}

#endif
