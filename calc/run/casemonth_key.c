/* Case-month keys (casemonth_key.h). */
#include <string.h>

#include "casemonth_key.h"

int casemonth_key_of(casemonth_key *k, const case_binding *b, const rfy_csv_record *rec)
{
    const char *why, *m;
    size_t mlen;
    k->id = case_input_cell(b, rec, CASE_COL_CASE_ID, &k->id_len);
    m = case_input_cell(b, rec, CASE_COL_MONTH, &mlen);
    /* The case_id is not validated here (case_input_parse does it for every
     * row): rows with the same invalid case_id are grouped, and each is
     * rejected for its own case_id. */
    if (k->id_len > CASEMONTH_KEY_ID_MAX || rfy_month_parse(&k->month, m, mlen, &why) != RFY_OK)
        return -1;
    return 0;
}

int rfy_casemonth_cmp(const char *id_a, size_t len_a, rfy_month month_a, const char *id_b,
                      size_t len_b, rfy_month month_b)
{
    size_t n = len_a < len_b ? len_a : len_b;
    int c = n ? memcmp(id_a, id_b, n) : 0;
    if (c)
        return c;
    if (len_a != len_b)
        return len_a < len_b ? -1 : 1;
    return month_a < month_b ? -1 : month_a > month_b;
}

int casemonth_key_cmp(const casemonth_key *a, const casemonth_key *b)
{
    return rfy_casemonth_cmp(a->id, a->id_len, a->month, b->id, b->id_len, b->month);
}

void casemonth_key_keep(casemonth_key_copy *c, const casemonth_key *k)
{
    memcpy(c->id, k->id, k->id_len);
    c->key.id = c->id;
    c->key.id_len = k->id_len;
    c->key.month = k->month;
    c->set = 1;
}
