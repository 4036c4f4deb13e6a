/*
 * A computed case-month as the batch loop hands it to on_row (rfy_batch_row,
 * include/rfy/batch.h): its rows' lines, cases, payment marks and cells,
 * read from the chunk that holds them (batch_chunk.h).  Below both the loop
 * (batch_run.c) and the ledger (ledger_store.c), which read rows through it.
 */
#include <string.h>

#include <rfy/batch.h>
#include "batch_chunk.h"
#include "case_from_cells.h"
#include "ledger_internal.h"

const char *rfy_batch_row_extra(const rfy_batch_row *row, size_t i, size_t *len)
{
    return case_input_extra_cell(row->binding, row->rec, i, len);
}

unsigned long rfy_batch_row_line(const rfy_batch_row *row, size_t i)
{
    const group_ref *g = row->group;
    return g->c->slots[g->first + i].line;
}

const char *rfy__batch_row_input_cell(const rfy_batch_row *row, size_t i, case_column col, size_t *len)
{
    const group_ref *g = row->group;
    return slot_cell(g->c, &g->c->slots[g->first + i], row->binding->field[col], len);
}

size_t rfy__batch_row_field_span(const rfy_batch_row *row, size_t i, int first, int k,
                                 const char **text)
{
    const group_ref *g = row->group;
    const chunk *c = g->c;
    const slot *s = &c->slots[g->first + i];
    size_t last = (size_t)first + (size_t)k - 1;
    if (first < 0 || k < 1 || last >= s->nfields || last >= RFY_CSV_MAX_FIELDS)
        return (size_t)-1;
    /* chunk_add keeps a row's fields one after another, each followed by
     * its NUL: the span runs from the first's text to the last's end. */
    *text = c->bytes + c->fld[s->first + (size_t)first].off;
    return c->fld[s->first + last].off + c->fld[s->first + last].len -
           c->fld[s->first + (size_t)first].off;
}

const rfy_case *rfy_batch_row_case(const rfy_batch_row *row, size_t i)
{
    const group_ref *g = row->group;
    const slot *s = &g->c->slots[g->first + i];
    return s->payment ? NULL : &s->in;
}

int rfy_batch_row_is_payment(const rfy_batch_row *row, size_t i)
{
    const group_ref *g = row->group;
    return g->c->slots[g->first + i].payment;
}

const char *rfy_batch_row_extra_cell(const rfy_batch_row *row, size_t i, size_t extra,
                                     size_t *len)
{
    const group_ref *g = row->group;
    if (extra >= row->binding->nextra) {
        *len = 0;
        return "";
    }
    return slot_cell(g->c, &g->c->slots[g->first + i], row->binding->extra_field[extra], len);
}

int rfy_batch_row_format_lines(char *buf, size_t size, const rfy_batch_row *row)
{
    size_t n = 0;
    for (size_t i = 0; i < row->nrows; i++) {
        /* digits by hand: this runs for every output row */
        char d[24];
        size_t k = sizeof d;
        unsigned long v = rfy_batch_row_line(row, i);
        do
            d[--k] = (char)('0' + v % 10);
        while ((v /= 10) != 0);
        if (i)
            d[--k] = ';';
        if (n + (sizeof d - k) > size)
            return -1;
        memcpy(buf + n, d + k, sizeof d - k);
        n += sizeof d - k;
    }
    return (int)n;
}

int rfy_batch_ledger_mark_stored(const rfy_batch_ledger_mark *m)
{
    return m->stored;
}

void rfy_batch_ledger_mark_amount(mpz_t out, const rfy_batch_ledger_mark *m,
                                  rfy_batch_ledger_amount which)
{
    mpz_set(out, which == RFY_BATCH_LEDGER_CORRECTION ? m->correction : m->previously_paid);
}
