/*
 * The accessors of one rate table row (rfy/rates.h's opaque rfy_rate_value):
 * programs read a row through these, the engine reads the struct of
 * rates_internal.h directly.
 */
#include <rfy/money.h>
#include <rfy/rates.h>

#include "rates_internal.h"

rfy_rate_key rfy_rate_value_key(const rfy_rate_value *v) { return v->key; }
rfy_date rfy_rate_value_from(const rfy_rate_value *v) { return v->from; }
rfy_date rfy_rate_value_to(const rfy_rate_value *v) { return v->to; }
rfy_provenance rfy_rate_value_provenance(const rfy_rate_value *v) { return v->provenance; }
const char *rfy_rate_value_legal_ref(const rfy_rate_value *v) { return v->legal_ref ? v->legal_ref : ""; }
const char *rfy_rate_value_source(const rfy_rate_value *v) { return v->source ? v->source : ""; }
const char *rfy_rate_value_file(const rfy_rate_value *v) { return v->file ? v->file : ""; }
unsigned long rfy_rate_value_line(const rfy_rate_value *v) { return v->line; }
int rfy_rate_value_chained(const rfy_rate_value *v) { return v->chained; }

void rfy_rate_value_amount(mpz_t out, const rfy_rate_value *v)
{
    mpz_set(out, v->amount);
}

int rfy_rate_value_amount_text(char *buf, size_t size, const rfy_rate_value *v, char point)
{
    return rfy_money_format(buf, size, v->amount, point);
}
