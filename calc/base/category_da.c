/*
 * Category, forløb, prior and unit values as Danish payroll systems and
 * caseworkers write them.
 *
 * rfy's own names are ASCII ("forsorger"); exports from Danish systems say
 * "Forsørger" or "ikke-forsørger".  Accepting those here, in the engine,
 * means every front end (batch, audit, preview, the web API) reads them the
 * same way.  The list is closed: a value not in it is still an error, so a
 * typo never silently becomes another category.
 */
#include <string.h>

#include "category_da.h"

/* Danish spellings, lowercase, of the four categories of § 68 stk. 2. */
static const struct {
    const char *name;
    rfy_category category;
} DANISH[] = {
    {"forsørger", RFY_CAT_FORSORGER},                 /* nr. 1 */
    {"forsoerger", RFY_CAT_FORSORGER},
    {"ikke-forsørger", RFY_CAT_IKKE_FORSORGER},       /* nr. 2 */
    {"ikke forsørger", RFY_CAT_IKKE_FORSORGER},
    {"ikke_forsørger", RFY_CAT_IKKE_FORSORGER},
    {"ikke-forsorger", RFY_CAT_IKKE_FORSORGER},
    {"ikke-forsoerger", RFY_CAT_IKKE_FORSORGER},
    {"ikkeforsørger", RFY_CAT_IKKE_FORSORGER},
    {"u25-hjemme", RFY_CAT_U25_HJEMME},               /* nr. 3 */
    {"u25 hjemme", RFY_CAT_U25_HJEMME},
    {"hjemmeboende u25", RFY_CAT_U25_HJEMME},
    {"hjemmeboende-u25", RFY_CAT_U25_HJEMME},
    {"u25-hjemme-bidrag", RFY_CAT_U25_HJEMME_BIDRAG}, /* nr. 4 */
    {"u25 hjemme bidrag", RFY_CAT_U25_HJEMME_BIDRAG},
    {"hjemmeboende u25 bidrag", RFY_CAT_U25_HJEMME_BIDRAG},
    {"hjemmeboende-u25-bidrag", RFY_CAT_U25_HJEMME_BIDRAG},
};

/* Lowercase of one character at s (ASCII, or Æ Ø Å as two UTF-8 bytes);
 * returns the bytes it used and writes the folded bytes to out. */
static size_t fold(char out[2], size_t *nout, const unsigned char *s, size_t len)
{
    if (len >= 2 && s[0] == 0xC3 && (s[1] == 0x86 || s[1] == 0x98 || s[1] == 0x85)) {
        out[0] = (char)0xC3;
        out[1] = (char)(s[1] + 0x20); /* Æ→æ, Ø→ø, Å→å */
        *nout = 2;
        return 2;
    }
    out[0] = (char)(s[0] >= 'A' && s[0] <= 'Z' ? s[0] + ('a' - 'A') : s[0]);
    *nout = 1;
    return 1;
}

/* Whether s (len bytes) folds to the lowercase `name`. */
static int same_folded(const char *name, const char *s, size_t len)
{
    size_t i = 0, j = 0, nl = strlen(name);
    while (i < len) {
        char f[2];
        size_t nf;
        i += fold(f, &nf, (const unsigned char *)s + i, len - i);
        if (j + nf > nl || memcmp(name + j, f, nf) != 0)
            return 0;
        j += nf;
    }
    return j == nl;
}

int rfy_category_from_danish(rfy_category *out, const char *s, size_t len)
{
    size_t i;
    for (i = 0; i < sizeof DANISH / sizeof DANISH[0]; i++)
        if (same_folded(DANISH[i].name, s, len)) {
            *out = DANISH[i].category;
            return 0;
        }
    return -1;
}

/* Whether s folds to one of the lowercase names (NULL-terminated list). */
static int one_of(const char *const *names, const char *s, size_t len)
{
    for (; *names; names++)
        if (same_folded(*names, s, len))
            return 1;
    return 0;
}

int rfy_forloeb_from_danish(rfy_forloeb *out, const char *s, size_t len)
{
    static const char *const RESSOURCE[] = {"ressourceforløb", "ressourceforloeb", NULL};
    static const char *const JOB[] = {"jobafklaringsforløb", "jobafklaringsforloeb", "jobafklaring", NULL};
    if (one_of(RESSOURCE, s, len))
        *out = RFY_FORLOEB_RESSOURCE;
    else if (one_of(JOB, s, len))
        *out = RFY_FORLOEB_JOBAFKLARING;
    else
        return -1;
    return 0;
}

int rfy_prior_from_danish(rfy_prior *out, const char *s, size_t len)
{
    static const char *const NONE[] = {"ingen", "none", NULL};
    static const char *const SDP[] = {"sygedagpenge", NULL};
    static const char *const LEDIG[] = {"ledighedsydelse", NULL};
    if (one_of(NONE, s, len))
        *out = RFY_PRIOR_NONE;
    else if (one_of(SDP, s, len))
        *out = RFY_PRIOR_SYGEDAGPENGE;
    else if (one_of(LEDIG, s, len))
        *out = RFY_PRIOR_LEDIGHEDSYDELSE;
    else
        return -1;
    return 0;
}

int rfy__period_unit_from_name(rfy_period_unit *out, const char *s, size_t len)
{
    static const char *const WEEK[] = {"week", "uge", NULL};
    static const char *const MONTH[] = {"month", "måned", "maaned", "md", "md.", NULL};
    if (one_of(WEEK, s, len))
        *out = RFY_PER_WEEK;
    else if (one_of(MONTH, s, len))
        *out = RFY_PER_MONTH;
    else
        return -1;
    return 0;
}
