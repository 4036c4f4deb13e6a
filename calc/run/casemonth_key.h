/*
 * The key that groups input rows into case-months (rules.md §7): the
 * case_id's bytes and the month.  Keys order by case_id bytewise, then by
 * month: the order of batch and audit output (docs/batch.md).
 */
#ifndef RFY_CASEMONTH_KEY_H
#define RFY_CASEMONTH_KEY_H

#include <stddef.h>

#include "case_from_cells.h"

typedef struct casemonth_key {
    const char *id;   /* the case_id cell (borrowed) */
    size_t id_len;
    rfy_month month;
} casemonth_key;

/* Longest case_id in bytes (64 characters of at most 4 bytes). */
#define CASEMONTH_KEY_ID_MAX (CASE_ID_MAX_CHARS * 4)

/*
 * The key of a data row: 0 when its case_id is at most CASEMONTH_KEY_ID_MAX
 * bytes and its month parses, -1 otherwise (the row cannot be grouped: it is
 * rejected on its own, with the reason case_input_parse gives).  The
 * case_id's own validity is case_input_parse's to check.
 */
int casemonth_key_of(casemonth_key *k, const case_binding *b, const rfy_csv_record *rec);

/* <0, 0, >0 as a sorts before, with or after b (case_id bytewise, then month). */
int casemonth_key_cmp(const casemonth_key *a, const casemonth_key *b);

/* A key that owns a copy of its case_id (the previous row's key, kept while
 * the reader moves on). */
typedef struct casemonth_key_copy {
    char id[CASEMONTH_KEY_ID_MAX];
    casemonth_key key; /* key.id points into id */
    int set;
} casemonth_key_copy;

/* Copy k into c (k.id_len <= CASEMONTH_KEY_ID_MAX, as for every valid key). */
void casemonth_key_keep(casemonth_key_copy *c, const casemonth_key *k);

#endif
