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

int casemonth_key_cmp(const casemonth_key *a, const casemonth_key *b)
{
    size_t n = a->id_len < b->id_len ? a->id_len : b->id_len;
    int c = memcmp(a->id, b->id, n);
    if (c)
        return c;
    if (a->id_len != b->id_len)
        return a->id_len < b->id_len ? -1 : 1;
    return a->month < b->month ? -1 : a->month > b->month;
}

void casemonth_key_keep(casemonth_key_copy *c, const casemonth_key *k)
{
    memcpy(c->id, k->id, k->id_len);
    c->key.id = c->id;
    c->key.id_len = k->id_len;
    c->key.month = k->month;
    c->set = 1;
}
