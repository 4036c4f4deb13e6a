/* The rate keys a table may hold: name, unit and the provision that uses them. */
#include <string.h>

#include <rfy/rates.h>

static const struct {
    const char *name, *unit, *law;
} KEYS[RFY_RATE_KEY_COUNT] = {
    [RFY_RATE_FORSORGER] = {"rfy_forsorger", "kr/month", "§ 68 stk. 2 nr. 1"},
    [RFY_RATE_IKKE_FORSORGER] = {"rfy_ikke_forsorger", "kr/month", "§ 68 stk. 2 nr. 2"},
    [RFY_RATE_U25_HJEMME] = {"rfy_u25_hjemme", "kr/month", "§ 68 stk. 2 nr. 3"},
    [RFY_RATE_U25_BIDRAG_MAX] = {"rfy_u25_bidrag_max", "kr/month", "§ 68 stk. 2 nr. 4"},
    [RFY_RATE_SDP_MAX_WEEK] = {"rfy_sdp_max_week", "kr/week", "§ 68 stk. 4"},
    [RFY_RATE_LEDIGHED_89_WEEK] = {"rfy_ledighed_89_week", "kr/week", "§ 68 stk. 5"},
    [RFY_RATE_WAGE_THRESHOLD] = {"wage_threshold_month", "kr/month", "§ 68 a stk. 2"},
    [RFY_RATE_HOUR_DISREGARD] = {"activation_hour_disregard", "kr/hour", "§ 68 a stk. 3"},
    [RFY_RATE_NORMALBIDRAG] = {"normalbidrag_month", "kr/month", "§ 68 stk. 2 nr. 4"},
    [RFY_RATE_NORMALBIDRAG_GRUND] = {"normalbidrag_grundbeloeb_month", "kr/month",
                                     "§ 68 stk. 2 nr. 4"},
    [RFY_RATE_NORMALBIDRAG_TILLAEG] = {"normalbidrag_tillaeg_month", "kr/month",
                                       "§ 68 stk. 2 nr. 4"},
    [RFY_RATE_REG_R] = {"regulation_r_pct", "percent", "§ 109"},
    [RFY_RATE_REG_AFDAEMPNING] = {"regulation_afdaempning_pct", "percent", "§ 109"},
    [RFY_RATE_REG_REDUCTION] = {"regulation_reduction_pct", "percent", "§ 109 stk. 6"},
    [RFY_RATE_SANCTION_DAY_FORSORGER] = {"sanction_day_forsorger", "kr/day", "§ 69 b stk. 2"},
    [RFY_RATE_SANCTION_DAY_IKKE_FORSORGER] = {"sanction_day_ikke_forsorger", "kr/day",
                                              "§ 69 b stk. 2"},
    [RFY_RATE_SANCTION_DAY_U25_HJEMME] = {"sanction_day_u25_hjemme", "kr/day", "§ 69 b stk. 2"},
    [RFY_RATE_SANCTION_DAY_U25_BIDRAG_MAX] = {"sanction_day_u25_bidrag_max", "kr/day",
                                              "§ 69 b stk. 2"},
    [RFY_RATE_DAGPENGE_MAX_WEEK] = {"dagpenge_max_week", "kr/week", "§ 68 stk. 5"},
    [RFY_RATE_DAGPENGE_MAX_MONTH] = {"dagpenge_max_month", "kr/month", "§ 68 stk. 5"},
};

int rfy_rate_key_is_parameter(rfy_rate_key key)
{
    return key == RFY_RATE_REG_R || key == RFY_RATE_REG_AFDAEMPNING ||
           key == RFY_RATE_REG_REDUCTION;
}

const char *rfy_rate_key_name(rfy_rate_key key)
{
    return (unsigned)key < RFY_RATE_KEY_COUNT ? KEYS[key].name : NULL;
}

const char *rfy_rate_key_unit(rfy_rate_key key)
{
    return (unsigned)key < RFY_RATE_KEY_COUNT ? KEYS[key].unit : NULL;
}

const char *rfy_rate_key_law(rfy_rate_key key)
{
    return (unsigned)key < RFY_RATE_KEY_COUNT ? KEYS[key].law : NULL;
}

int rfy_rate_key_from_name(rfy_rate_key *out, const char *name, size_t len)
{
    for (int k = 0; k < RFY_RATE_KEY_COUNT; k++)
        if (strlen(KEYS[k].name) == len && memcmp(KEYS[k].name, name, len) == 0) {
            *out = (rfy_rate_key)k;
            return 0;
        }
    return -1;
}

const char *rfy_provenance_name(rfy_provenance p)
{
    switch (p) {
    case RFY_PROV_PUBLISHED: return "published";
    case RFY_PROV_SECONDARY: return "secondary";
    case RFY_PROV_DERIVED: return "derived";
    }
    return "unknown";
}
