/*
 * Part months and the split at prior_until (rules.md §3, Decision D1): the
 * month's gross is Σ over segments of level × days / days_in_month, counting
 * calendar days of entitlement.  Benefits accrue per calendar day
 * ("udbetales for en syv-dages uge", Ankestyrelsen).
 */
#include <string.h>

#include "rules.h"
#include "text_utf8.h"

static const char *const REF_STK2[2][4] = {
    {"§ 68 stk. 2 nr. 1", "§ 68 stk. 2 nr. 2", "§ 68 stk. 2 nr. 3", "§ 68 stk. 2 nr. 4"},
    {"§ 69 j stk. 2 nr. 1", "§ 69 j stk. 2 nr. 2", "§ 69 j stk. 2 nr. 3", "§ 69 j stk. 2 nr. 4"},
};

const char *rfy__stk2_ref(rfy_forloeb f, rfy_category c)
{
    return REF_STK2[f == RFY_FORLOEB_JOBAFKLARING][c];
}

const char *rfy__prior_ref(rfy_prior p)
{
    return p == RFY_PRIOR_SYGEDAGPENGE ? "§ 68 stk. 4" : "§ 68 stk. 5";
}

/* § 68 stk. 4, 4. pkt. / stk. 5, 2. pkt.: never less than the stk. 2 level. */
const char *rfy__floor_ref(rfy_prior p)
{
    return p == RFY_PRIOR_SYGEDAGPENGE ? "§ 68 stk. 4, 4. pkt." : "§ 68 stk. 5, 2. pkt.";
}

/* One segment: the level for its days, with the stk. 4/5 floor. */
static void set_segment(rfy_result *res, const rfy_case *in, int first, int last, int prior_applies)
{
    rfy_segment *s = &res->seg[res->nsegments++];
    s->first_day = first;
    s->last_day = last;
    s->days = last - first + 1;
    if (prior_applies) {
        int sdp = in->prior == RFY_PRIOR_SYGEDAGPENGE;
        /* § 68 stk. 4, 4. pkt. / stk. 5, 2. pkt.: never less than the stk. 2 level. */
        if (mpq_cmp(res->prior_monthly, res->stk2_level) > 0) {
            mpq_set(s->level, res->prior_monthly);
            s->basis = sdp ? RFY_BASIS_SYGEDAGPENGE : RFY_BASIS_LEDIGHED;
            s->level_ref = rfy__prior_ref(in->prior);
        } else {
            mpq_set(s->level, res->stk2_level);
            s->basis = sdp ? RFY_BASIS_SDP_FLOOR : RFY_BASIS_LEDIGHED_FLOOR;
            s->level_ref = rfy__floor_ref(in->prior);
        }
    } else {
        mpq_set(s->level, res->stk2_level);
        s->basis = RFY_BASIS_STK2;
        s->level_ref = REF_STK2[in->forloeb][in->category];
    }
    /* amount = level × days / days_in_month, exact.  A whole month is the
     * level itself (the same canonical fraction, without the gcd). */
    if (s->days == res->days_in_month) {
        mpq_set(s->amount, s->level);
        return;
    }
    mpz_mul_ui(mpq_numref(s->amount), mpq_numref(s->level), (unsigned long)s->days);
    mpz_mul_ui(mpq_denref(s->amount), mpq_denref(s->level), (unsigned long)res->days_in_month);
    rfy__q_canonicalize(s->amount);
}

void rfy__segments(rfy_result *res, const rfy_case *in)
{
    int first = in->start_day ? in->start_day : 1;
    int last = in->end_day ? in->end_day : res->days_in_month;
    mpq_t *gross = &res->scratch_q[0];
    size_t i, used;

    res->nsegments = 0;
    res->days = last - first + 1;
    if (in->prior == RFY_PRIOR_SYGEDAGPENGE) {
        /* § 68 stk. 4, 2.–5. pkt.: the sygedagpenge level runs up to and including
         * prior_until; from the next day the person receives the stk. 2 level. */
        rfy_month pm = rfy_date_month(&in->prior_until);
        int until = pm < res->month ? 0 : pm > res->month ? res->days_in_month : in->prior_until.day;
        if (until >= first)
            set_segment(res, in, first, until < last ? until : last, 1);
        if (until < last)
            set_segment(res, in, until >= first ? until + 1 : first, last, 0);
    } else {
        /* § 68 stk. 5 has no end date; otherwise the stk. 2 level. */
        set_segment(res, in, first, last, in->prior == RFY_PRIOR_LEDIGHEDSYDELSE);
    }

    /* The refs joined by "; " (memcpy, not snprintf: this runs for every
     * batch row; the refs are short constants, cut safely if ever too long). */
    mpq_set(*gross, res->seg[0].amount);
    used = rfy__text_append(res->level_ref, sizeof res->level_ref, 0, res->seg[0].level_ref);
    for (i = 1; i < (size_t)res->nsegments; i++) {
        mpq_add(*gross, *gross, res->seg[i].amount);
        used = rfy__text_append(res->level_ref, sizeof res->level_ref, used, "; ");
        used = rfy__text_append(res->level_ref, sizeof res->level_ref, used, res->seg[i].level_ref);
    }
}
