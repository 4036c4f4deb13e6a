/*
 * Part months and the split at prior_until (rules.md §3, Decision D1): the
 * month's gross is Σ over segments of level × days / days_in_month, counting
 * calendar days of entitlement.  Benefits accrue per calendar day
 * ("udbetales for en syv-dages uge", Ankestyrelsen).
 */
#include <string.h>

#include "rules.h"
#include "xq.h"
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

/* One segment: the level for its days, with the stk. 4/5 floor; its amount
 * added to *gross.  The arithmetic in rfy__xq (calc/base/xq.h: exact,
 * machine integers while they fit); level and amount are stored as the
 * segment's mpq_t. */
static void set_segment(rfy_result *res, const rfy_case *in, int first, int last, int prior_applies,
                        rfy__xq *gross)
{
    rfy_segment *s = &res->seg[res->nsegments++];
    rfy__xq level, amount;
    s->first_day = first;
    s->last_day = last;
    s->days = last - first + 1;
    rfy__xq_init(&level);
    rfy__xq_init(&amount);
    rfy__xq_set_q(&level, res->stk2_level);
    if (prior_applies) {
        int sdp = in->prior == RFY_PRIOR_SYGEDAGPENGE;
        rfy__xq prior;
        rfy__xq_init(&prior);
        rfy__xq_set_q(&prior, res->prior_monthly);
        /* § 68 stk. 4, 4. pkt. / stk. 5, 2. pkt.: never less than the stk. 2 level. */
        if (rfy__xq_cmp(&prior, &level) > 0) {
            rfy__xq_set(&level, &prior);
            s->basis = sdp ? RFY_BASIS_SYGEDAGPENGE : RFY_BASIS_LEDIGHED;
            s->level_ref = rfy__prior_ref(in->prior);
        } else {
            s->basis = sdp ? RFY_BASIS_SDP_FLOOR : RFY_BASIS_LEDIGHED_FLOOR;
            s->level_ref = rfy__floor_ref(in->prior);
        }
        rfy__xq_clear(&prior);
    } else {
        s->basis = RFY_BASIS_STK2;
        s->level_ref = REF_STK2[in->forloeb][in->category];
    }
    rfy__xq_get_q(s->level, &level);
    /* amount = level × days / days_in_month, exact.  A whole month is the
     * level itself. */
    if (s->days == res->days_in_month)
        rfy__xq_set(&amount, &level);
    else
        rfy__xq_mul_frac_ui(&amount, &level, (uint64_t)s->days, (uint64_t)res->days_in_month);
    rfy__xq_get_q(s->amount, &amount);
    rfy__xq_add(gross, gross, &amount);
    rfy__xq_clear(&level);
    rfy__xq_clear(&amount);
}

void rfy__segments(rfy_result *res, const rfy_case *in)
{
    int first = in->start_day ? in->start_day : 1;
    int last = in->end_day ? in->end_day : res->days_in_month;
    rfy__xq gross;
    size_t i, used;

    rfy__xq_init(&gross);
    res->nsegments = 0;
    res->days = last - first + 1;
    if (in->prior == RFY_PRIOR_SYGEDAGPENGE) {
        /* § 68 stk. 4, 2.–5. pkt.: the sygedagpenge level runs up to and including
         * prior_until; from the next day the person receives the stk. 2 level. */
        rfy_month pm = rfy_date_month(&in->prior_until);
        int until = pm < res->month ? 0 : pm > res->month ? res->days_in_month : in->prior_until.day;
        if (until >= first)
            set_segment(res, in, first, until < last ? until : last, 1, &gross);
        if (until < last)
            set_segment(res, in, until >= first ? until + 1 : first, last, 0, &gross);
    } else {
        /* § 68 stk. 5 has no end date; otherwise the stk. 2 level. */
        set_segment(res, in, first, last, in->prior == RFY_PRIOR_LEDIGHEDSYDELSE, &gross);
    }
    /* the exact gross: Σ of the segments' amounts */
    rfy__xq_get_q(res->scratch_q[0], &gross);
    rfy__xq_clear(&gross);

    /* The refs joined by "; " (memcpy, not snprintf: this runs for every
     * batch row; the refs are short constants, cut safely if ever too long). */
    used = rfy__text_append(res->level_ref, sizeof res->level_ref, 0, res->seg[0].level_ref);
    for (i = 1; i < (size_t)res->nsegments; i++) {
        used = rfy__text_append(res->level_ref, sizeof res->level_ref, used, "; ");
        used = rfy__text_append(res->level_ref, sizeof res->level_ref, used, res->seg[i].level_ref);
    }
}
