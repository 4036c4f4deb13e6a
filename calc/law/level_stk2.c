/*
 * § 68 stk. 2 (and § 69 j stk. 2 for jobafklaringsforløb): the monthly level
 * of the person's category.  nr. 4 adds a tillæg per child, capped.
 */
#include <stdio.h>

#include "fault.h"
#include "rules.h"
#include <rfy/status.h>

static const rfy_rate_key LEVEL_KEY[] = {
    [RFY_CAT_FORSORGER] = RFY_RATE_FORSORGER,           /* § 68 stk. 2 nr. 1 */
    [RFY_CAT_IKKE_FORSORGER] = RFY_RATE_IKKE_FORSORGER, /* § 68 stk. 2 nr. 2 */
    [RFY_CAT_U25_HJEMME] = RFY_RATE_U25_HJEMME,         /* § 68 stk. 2 nr. 3 */
    [RFY_CAT_U25_HJEMME_BIDRAG] = RFY_RATE_U25_HJEMME,  /* § 68 stk. 2 nr. 4: nr. 3 + tillæg */
};

int rfy__level_stk2(rfy_result *res, const rfy_rates *rates, const rfy_case *in, rfy_error *err)
{
    const rfy_rate_value *base = rfy__rate(res, rates, LEVEL_KEY[in->category], in->month, err);
    if (!base)
        return RFY_ENORATE;
    mpq_set_z(res->stk2_level, base->amount);
    rfy__set_zero_q(res->tillaeg);
    res->tillaeg_capped = 0;
    if (in->category != RFY_CAT_U25_HJEMME_BIDRAG)
        return RFY_OK;

    /* § 68 stk. 2 nr. 4 with § 25 stk. 4: a monthly tillæg per child equal to
     * the fastsatte bidrag, at most normalbidraget (rules.md §3: tillæg =
     * children × normalbidrag, or min(child_support, children × normalbidrag)),
     * and the help incl. tillæg at most the forsørger level (the nr. 4 cap). */
    {
        const rfy_rate_value *cap, *nb;
        mpz_t *t = &res->scratch_z[0];
        nb = rfy_rates_get(rates, RFY_RATE_NORMALBIDRAG, in->month);
        if (nb) {
            rfy__rate_used(res, RFY_RATE_NORMALBIDRAG, nb);
            mpz_mul_ui(*t, nb->amount, (unsigned long)in->children);
            if (in->has_child_support && mpz_cmp(in->child_support, *t) < 0)
                mpz_set(*t, in->child_support);
        } else if (in->has_child_support) {
            /* Decision (docs/decisions.md D6): with no known normalbidrag the
             * documented bidrag is the tillæg as given; nothing to cap it by. */
            mpz_set(*t, in->child_support);
        } else {
            rfy_fault *f = rfy__fault_add(err, RFY_FAULT_NORMALBIDRAG_MISSING, "child_support");
            if (f)
                f->month = in->month;
            rfy__fault_end(err);
            return RFY_ENORATE;
        }
        cap = rfy__rate(res, rates, RFY_RATE_U25_BIDRAG_MAX, in->month, err);
        if (!cap)
            return RFY_ENORATE;
        mpq_set_z(res->tillaeg, *t);
        mpz_add(*t, *t, base->amount);
        if (mpz_cmp(*t, cap->amount) > 0) {
            mpz_set(*t, cap->amount);
            res->tillaeg_capped = 1;
        }
        mpq_set_z(res->stk2_level, *t);
    }
    return RFY_OK;
}
