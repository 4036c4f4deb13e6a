/* Header names → rfy's columns: --columns, --ignore-columns, and one message
 * for every unknown column (column_map.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include <rfy/messages.h>
#include "column_map.h"
#include "header_messages.h"
#include "message_hints.h"
#include <rfy/status.h>
#include "text_utf8.h"
#include "hex.h"

/* Longest header name compared (longer names are never close to rfy's). */
#define NAME_MAX_BYTES 128

typedef struct mapping {
    char *from; /* folded */
    char *to;   /* as written */
    unsigned long line;
} mapping;

struct rfy_column_map {
    mapping *map;
    size_t nmap, capmap;
    char **ignore; /* folded */
    size_t nignore;
    char *ignored_text; /* the names as given, joined by ',' */
    char *file_name;
    char file_sha256[65];
};

/* ---- Names -------------------------------------------------------------------- */

/* A name trimmed of surrounding spaces and folded to lowercase (ASCII and
 * Æ Ø Å), malloc'ed; NULL when out of memory. */
static char *folded(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    char *o;
    size_t i, n = 0;
    while (len > 0 && (p[0] == ' ' || p[0] == '\t')) {
        p++;
        len--;
    }
    while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
        len--;
    if (!(o = malloc(len + 1)))
        return NULL;
    for (i = 0; i < len; i++) {
        unsigned char c = p[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        else if (c == 0xC3 && i + 1 < len && (p[i + 1] == 0x86 || p[i + 1] == 0x98 || p[i + 1] == 0x85)) {
            o[n++] = (char)c;
            c = (unsigned char)(p[++i] + 0x20); /* Æ→æ, Ø→ø, Å→å */
        }
        o[n++] = (char)c;
    }
    o[n] = '\0';
    return o;
}

/* Levenshtein distance of a and b (both at most NAME_MAX_BYTES), with '-'
 * and ' ' counted as '_'. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, j;
    size_t row[NAME_MAX_BYTES + 1];
    if (la > NAME_MAX_BYTES || lb > NAME_MAX_BYTES)
        return (size_t)-1;
    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (j = 1; j <= lb; j++) {
            char ca = a[i - 1] == '-' || a[i - 1] == ' ' ? '_' : a[i - 1];
            char cb = b[j - 1] == '-' || b[j - 1] == ' ' ? '_' : b[j - 1];
            size_t best = diag + (ca != cb);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            diag = row[j];
            row[j] = best;
        }
    }
    return row[lb];
}

/* ---- Map and ignore list ------------------------------------------------------- */

rfy_column_map *rfy_column_map_new(void)
{
    return calloc(1, sizeof(rfy_column_map));
}

void rfy_column_map_free(rfy_column_map *m)
{
    size_t i;
    if (!m)
        return;
    for (i = 0; i < m->nmap; i++) {
        free(m->map[i].from);
        free(m->map[i].to);
    }
    for (i = 0; i < m->nignore; i++)
        free(m->ignore[i]);
    free(m->map);
    free(m->ignore);
    free(m->ignored_text);
    free(m->file_name);
    free(m);
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int fail(char **errmsg, int rc, const char *fmt, ...)
{
    va_list ap;
    char buf[512];
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    free(*errmsg);
    *errmsg = strdup(buf);
    return rc;
}

typedef struct loading {
    rfy_column_map *m;
    int rc;
    char *errmsg;
    rfy_lang lang;
} loading;

static int on_map_record(void *user, const rfy_csv_record *rec)
{
    loading *l = user;
    rfy_column_map *m = l->m;
    mapping *e;
    size_t i;
    if (rec->index == 1) {
        char *a = rec->nfields == 2 ? folded(rec->field[0], rec->len[0]) : NULL;
        char *b = rec->nfields == 2 ? folded(rec->field[1], rec->len[1]) : NULL;
        int ok = a && b && strcmp(a, "from") == 0 && strcmp(b, "to") == 0;
        free(a);
        free(b);
        if (!ok) {
            l->rc = fail(&l->errmsg, RFY_EINPUT, header_message(HM_MAP_HEADER, l->lang), rec->line);
            return 1;
        }
        return 0;
    }
    if (rec->nfields != 2 || rec->len[0] == 0 || rec->len[1] == 0) {
        l->rc = fail(&l->errmsg, RFY_EINPUT, header_message(HM_MAP_TWO_NAMES, l->lang), rec->line);
        return 1;
    }
    if (m->nmap == m->capmap) {
        size_t cap = m->capmap ? 2 * m->capmap : 32;
        mapping *p = realloc(m->map, cap * sizeof *p);
        if (!p)
            goto nomem;
        m->map = p;
        m->capmap = cap;
    }
    e = &m->map[m->nmap];
    e->line = rec->line;
    if (!(e->from = folded(rec->field[0], rec->len[0])))
        goto nomem;
    if (!(e->to = strndup(rec->field[1], rec->len[1]))) {
        free(e->from);
        goto nomem;
    }
    m->nmap++;
    for (i = 0; i + 1 < m->nmap; i++)
        if (strcmp(m->map[i].from, e->from) == 0) {
            l->rc = fail(&l->errmsg, RFY_EINPUT, header_message(HM_MAP_TWICE, l->lang), rec->line,
                         e->from, m->map[i].line, rec->line);
            return 1;
        }
    return 0;
nomem:
    l->rc = fail(&l->errmsg, RFY_ENOMEM, "%s", header_message(HM_OUT_OF_MEMORY, l->lang));
    return 1;
}

/* The map file's bytes into the SHA-256 (an rfy_csv_tap_fn). */
static void hash_tap(void *user, const void *bytes, size_t n)
{
    EVP_MD_CTX **ctx = user;
    if (*ctx && !EVP_DigestUpdate(*ctx, bytes, n)) {
        EVP_MD_CTX_free(*ctx);
        *ctx = NULL;
    }
}

int rfy_column_map_load(rfy_column_map *m, const char *path, char **errmsg)
{
    return rfy_column_map_load_lang(m, path, RFY_LANG_DA, errmsg);
}

int rfy_column_map_load_lang(rfy_column_map *m, const char *path, rfy_lang lang, char **errmsg)
{
    loading l = {m, RFY_OK, NULL, lang};
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    char *readmsg = NULL, first[256];
    const char *base = strrchr(path, '/');
    FILE *fp = fopen(path, "rb");
    size_t n;
    int rc;

    *errmsg = NULL;
    if (!fp) {
        EVP_MD_CTX_free(ctx);
        return fail(errmsg, RFY_EIO, header_message(HM_MAP_CANNOT_READ, lang), path,
                    rfy_errno_text(errno, lang));
    }
    if (!ctx || !EVP_DigestInit_ex(ctx, EVP_sha256(), NULL)) {
        fclose(fp);
        EVP_MD_CTX_free(ctx);
        return fail(errmsg, RFY_ENOMEM, "%s", header_message(HM_OUT_OF_MEMORY, lang));
    }
    /* "from;to" when a spreadsheet saved it with semicolons. */
    n = fread(first, 1, sizeof first - 1, fp);
    first[n] = '\0';
    rewind(fp);
    rc = rfy_csv_read_stream_lang(fp, strcspn(first, ";\n") < strcspn(first, ",\n") ? ';' : ',',
                                  on_map_record, &l, hash_tap, &ctx, lang, &readmsg);
    fclose(fp);
    if (rc == RFY_ESTOP)
        rc = l.rc;
    if (rc == RFY_OK && m->nmap == 0 && !l.errmsg)
        rc = fail(&l.errmsg, RFY_EINPUT, "%s", header_message(HM_MAP_EMPTY, lang));
    if (rc == RFY_OK && (!ctx || !EVP_DigestFinal_ex(ctx, md, &mdlen) || mdlen != 32))
        rc = fail(&l.errmsg, RFY_ENOMEM, "%s", header_message(HM_OUT_OF_MEMORY, lang));
    EVP_MD_CTX_free(ctx);
    if (rc == RFY_OK)
        rfy__hex(m->file_sha256, md, 32);
    if (rc == RFY_OK && !(m->file_name = strdup(base ? base + 1 : path)))
        rc = fail(&l.errmsg, RFY_ENOMEM, "%s", header_message(HM_OUT_OF_MEMORY, lang));
    if (rc != RFY_OK) {
        const char *why = l.errmsg    ? l.errmsg
                          : readmsg ? readmsg /* the CSV reader's own words */
                                    : header_message(HM_MAP_UNREADABLE, lang);
        fail(errmsg, rc, "%s: %s", path, why);
    }
    free(l.errmsg);
    free(readmsg);
    return rc;
}

int rfy_column_map_ignore(rfy_column_map *m, const char *list, char **errmsg)
{
    return rfy_column_map_ignore_lang(m, list, RFY_LANG_DA, errmsg);
}

int rfy_column_map_ignore_lang(rfy_column_map *m, const char *list, rfy_lang lang, char **errmsg)
{
    const char *p = list;
    size_t old = m->ignored_text ? strlen(m->ignored_text) : 0;
    char *text;
    *errmsg = NULL;
    for (;;) {
        size_t len = strcspn(p, ",");
        char *name, **q;
        if (len == 0)
            return fail(errmsg, RFY_EINPUT, header_message(HM_IGNORE_EMPTY_NAME, lang), list);
        if (!(q = realloc(m->ignore, (m->nignore + 1) * sizeof *q)))
            return fail(errmsg, RFY_ENOMEM, "%s", header_message(HM_OUT_OF_MEMORY, lang));
        m->ignore = q;
        if (!(name = folded(p, len)))
            return fail(errmsg, RFY_ENOMEM, "%s", header_message(HM_OUT_OF_MEMORY, lang));
        m->ignore[m->nignore++] = name;
        if (!p[len])
            break;
        p += len + 1;
    }
    if (!(text = realloc(m->ignored_text, old + strlen(list) + 2)))
        return fail(errmsg, RFY_ENOMEM, "%s", header_message(HM_OUT_OF_MEMORY, lang));
    if (old)
        text[old++] = ',';
    strcpy(text + old, list);
    m->ignored_text = text;
    return RFY_OK;
}

const char *rfy_column_map_file_name(const rfy_column_map *m)
{
    return m ? m->file_name : NULL;
}

const char *rfy_column_map_file_sha256(const rfy_column_map *m)
{
    return m && m->file_name ? m->file_sha256 : NULL;
}

const char *rfy_column_map_ignored(const rfy_column_map *m)
{
    return m && m->ignored_text ? m->ignored_text : "";
}

/* ---- Binding --------------------------------------------------------------------- */

/* The known names: rfy's columns, then the caller's extra ones. */
static const char *known_name(size_t k, const char *const *extra)
{
    return k < CASE_COL_COUNT ? case_column_name((case_column)k) : extra[k - CASE_COL_COUNT];
}

/* The known name `s` is exactly, or NULL. */
static const char *exact_known(const char *s, size_t len, const char *const *extra, size_t nknown)
{
    size_t k;
    for (k = 0; k < nknown; k++) {
        const char *n = known_name(k, extra);
        if (strlen(n) == len && memcmp(n, s, len) == 0)
            return n;
    }
    return NULL;
}

/* The known column closest to a header name: the same name in another case
 * or with other separators, or at most 2 edits away (1 for short names). */
static const char *suggestion(const char *name_folded, const char *const *extra, size_t nknown)
{
    const char *best = NULL;
    size_t k, best_d = (size_t)-1, len = strlen(name_folded);
    size_t limit = len <= 4 ? 1 : 2;
    for (k = 0; k < nknown; k++) {
        const char *n = known_name(k, extra);
        size_t d = distance(name_folded, n);
        if (d < best_d) {
            best_d = d;
            best = n;
        }
    }
    return best_d <= limit ? best : NULL;
}

/* Appends to msg without overflowing; remembers that something was cut. */
typedef struct text {
    char *buf;
    size_t size, len;
    int cut;
} text;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void add(text *t, const char *fmt, ...)
{
    va_list ap;
    int n;
    if (t->cut)
        return;
    if (t->len >= t->size) {
        t->cut = 1;
        return;
    }
    va_start(ap, fmt);
    n = vsnprintf(t->buf + t->len, t->size - t->len, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= t->size - t->len) {
        t->buf[t->len] = '\0'; /* whole pieces only */
        t->cut = 1;
        return;
    }
    t->len += (size_t)n;
}

/* Whether s is valid UTF-8. */
static int valid_utf8(const unsigned char *s, size_t len)
{
    size_t i = 0, n;
    unsigned long cp;
    while (i < len) {
        if ((n = rfy__utf8_char(s + i, len - i, &cp)) == 0)
            return 0;
        i += n;
    }
    return 1;
}

/* Why the bytes of a header name may not be what they seem: added to msg. */
static int encoding_hint(text *t, const char *s, size_t len, rfy_lang lang)
{
    if (memchr(s, '\0', len))
        add(t, header_message(HM_NUL_BYTES, lang), rfy__hint_default_lang(RFY_HINT_UTF16, lang));
    else if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        add(t, "%s", header_message(HM_TWO_BOMS, lang));
    else if (!valid_utf8((const unsigned char *)s, len))
        add(t, header_message(HM_NOT_UTF8, lang), rfy__hint_default_lang(RFY_HINT_CP1252, lang));
    else
        return 0;
    return 1;
}

/* Whether a folded header name looks like a column that carries money (or
 * holiday, which the deductions read): reading past it would drop income
 * without a word, so no hint ever proposes --ignore-columns for it. */
static int carries_money(const char *f)
{
    static const char *const STEM[] = {"løn", "loen", "ferie", "indtægt", "indtaegt", "beløb",
                                       "beloeb", "bidrag", "ydelse", "pension", "sanktion",
                                       "honorar", "vederlag", "kr.", "wage", "salary", "income",
                                       "amount", "pay", "holiday"};
    size_t i;
    if (strcmp(f, "lon") == 0 || strcmp(f, "kr") == 0)
        return 1;
    for (i = 0; i < sizeof STEM / sizeof STEM[0]; i++)
        if (strstr(f, STEM[i]))
            return 1;
    return 0;
}

/* The message for the unknown columns at positions pos[0..n). */
static void unknown_message(text *t, const rfy_csv_record *h, const int *pos, size_t n,
                            const char *const *extra, size_t nknown, rfy_lang lang)
{
    size_t i, nfar = 0, nmoney = 0, full = t->size;
    const char *near[RFY_CSV_MAX_FIELDS];
    char money[RFY_CSV_MAX_FIELDS];
    char shown[CASE_ID_DISPLAY_SIZE];
    for (i = 0; i < n; i++) {
        char *f = folded(h->field[pos[i]], h->len[pos[i]]);
        near[i] = f ? suggestion(f, extra, nknown) : NULL;
        money[i] = !near[i] && f && carries_money(f);
        nmoney += money[i];
        nfar += near[i] == NULL && !money[i];
        free(f);
    }
    if (n == 1)
        add(t, "%s", header_message(HM_UNKNOWN_ONE, lang));
    else
        add(t, header_message(HM_UNKNOWN_MANY, lang), n);
    /* The names may use three quarters of the room: the rest is kept for
     * "and N more" and the ways out, which a long list must not crowd out. */
    t->size = full - full / 4;
    for (i = 0; i < n; i++) {
        const char *name = h->field[pos[i]];
        size_t len = h->len[pos[i]], keep = t->len;
        case_input_display_id(shown, sizeof shown, name, len);
        add(t, header_message(HM_UNKNOWN_ENTRY, lang), i ? ", " : "", shown, pos[i] + 1);
        if (near[i])
            add(t, header_message(HM_DID_YOU_MEAN, lang), near[i]);
        add(t, ")");
        if (t->cut) { /* end on a whole entry */
            t->buf[keep] = '\0';
            t->len = keep;
            t->cut = 0;
            t->size = full;
            add(t, header_message(HM_AND_MORE, lang), n - i);
            break;
        }
    }
    t->size = full;
    for (i = 0; i < n; i++) /* bytes that are not what they seem: the encoding's way out */
        if (encoding_hint(t, h->field[pos[i]], h->len[pos[i]], lang))
            break;
    if (memchr(h->field[pos[0]], ';', h->len[pos[0]]))
        add(t, "; %s", rfy__hint_default_lang(RFY_HINT_SEMICOLON_FILE, lang));
    else if (memchr(h->field[pos[0]], '\t', h->len[pos[0]]))
        add(t, "; %s", rfy__hint_default_lang(RFY_HINT_TAB_FILE, lang));
    add(t, header_message(n == 1 ? HM_EXACT_ONE : HM_EXACT_MANY, lang),
        rfy__hint_default_lang(RFY_HINT_MAP_COLUMNS, lang));
    if (nfar > 0) {
        /* Only the columns not close to one of rfy's and carrying no money:
         * those may be other data. */
        add(t, header_message(HM_OR_IGNORE, lang), rfy__hint_default_lang(RFY_HINT_IGNORE_COLUMNS, lang));
        for (i = 0; i < n && !t->cut; i++)
            if (!near[i] && !money[i]) {
                case_input_display_id(shown, sizeof shown, h->field[pos[i]], h->len[pos[i]]);
                add(t, "%s%s", shown, --nfar ? "," : "");
            }
    }
    if (nmoney == 0)
        return;
    {
        int one = nmoney == 1;
        add(t, "; ");
        for (i = 0; i < n && !t->cut; i++)
            if (money[i]) {
                case_input_display_id(shown, sizeof shown, h->field[pos[i]], h->len[pos[i]]);
                add(t, "'%s'%s", shown, --nmoney ? ", " : "");
            }
        add(t, "%s", header_message(one ? HM_MONEY_ONE : HM_MONEY_MANY, lang));
    }
}

static int ignored(const rfy_column_map *m, const char *f)
{
    size_t i;
    for (i = 0; m && i < m->nignore; i++)
        if (strcmp(m->ignore[i], f) == 0)
            return 1;
    return 0;
}

static const mapping *mapped(const rfy_column_map *m, const char *f)
{
    size_t i;
    for (i = 0; m && i < m->nmap; i++)
        if (strcmp(m->map[i].from, f) == 0)
            return &m->map[i];
    return NULL;
}

int column_map_bind(case_binding *b, const rfy_column_map *m, const rfy_csv_record *header,
                    const char *const *extra, size_t nextra, rfy_lang lang, char *msg,
                    size_t msgsize)
{
    rfy_csv_record compact;
    int orig[RFY_CSV_MAX_FIELDS], unknown[RFY_CSV_MAX_FIELDS];
    size_t i, k, nunknown = 0, nknown = CASE_COL_COUNT + nextra;
    text t = {msg, msgsize, 0, 0};
    int rc = RFY_OK;

    msg[0] = '\0';
    /* An empty or over-wide header, and too many extras: case_binding_bind's reasons. */
    if (header->nfields > RFY_CSV_MAX_FIELDS || (header->nfields == 1 && header->len[0] == 0) ||
        nextra > CASE_MAX_EXTRA)
        return case_binding_bind(b, header, extra, nextra, lang, msg, msgsize);
    memset(&compact, 0, sizeof compact);
    compact.line = header->line;
    compact.index = header->index;
    for (i = 0; i < header->nfields; i++) {
        const char *name = header->field[i], *known;
        size_t len = header->len[i];
        char *f = folded(name, len);
        const mapping *e;
        int has_nul;
        if (!f) {
            add(&t, "%s", header_message(HM_OUT_OF_MEMORY, lang));
            return RFY_EINPUT;
        }
        known = exact_known(name, len, extra, nknown);
        /* Names are compared as C strings: a name with a NUL byte (UTF-16 read
         * as UTF-8) would match by its part before the NUL.  It is never read
         * past or mapped, only named as unknown (with the UTF-16 hint). */
        has_nul = memchr(name, '\0', len) != NULL;
        if (!has_nul && ignored(m, f)) {
            free(f);
            if (known) { /* reading past a column rfy reads would leave it 0 */
                add(&t, header_message(HM_IGNORED_BUT_READ, lang), known, i + 1);
                return RFY_EINPUT;
            }
            continue;
        }
        if (!known && len > 0 && !has_nul && (e = mapped(m, f)) != NULL) {
            known = exact_known(e->to, strlen(e->to), extra, nknown);
            if (!known) {
                char shown[CASE_ID_DISPLAY_SIZE];
                case_input_display_id(shown, sizeof shown, e->to, strlen(e->to));
                add(&t, header_message(HM_MAPPED_TO_UNKNOWN, lang), e->line, i + 1, shown);
                free(f);
                return RFY_EINPUT;
            }
        }
        free(f);
        if (!known) {
            if (len == 0) {
                add(&t, header_message(HM_NO_NAME, lang), i + 1);
                return RFY_EINPUT;
            }
            unknown[nunknown++] = (int)i;
            continue;
        }
        for (k = 0; k < compact.nfields; k++)
            if (strcmp(compact.field[k], known) == 0) {
                add(&t, header_message(m && m->nmap ? HM_TWICE_MAP : HM_TWICE, lang), known,
                    orig[k] + 1, i + 1);
                return RFY_EINPUT;
            }
        orig[compact.nfields] = (int)i;
        compact.field[compact.nfields] = known;
        compact.len[compact.nfields] = strlen(known);
        compact.nfields++;
    }
    if (nunknown > 0) {
        unknown_message(&t, header, unknown, nunknown, extra, nknown, lang);
        return RFY_EINPUT;
    }
    if (compact.nfields == 0) { /* every column ignored */
        add(&t, header_message(HM_MISSING_REQUIRED, lang), "case_id");
        return RFY_EINPUT;
    }
    rc = case_binding_bind(b, &compact, extra, nextra, lang, msg, msgsize);
    if (rc != RFY_OK)
        return rc;
    /* Back to the file's field positions. */
    for (k = 0; k < CASE_COL_COUNT; k++)
        if (b->field[k] >= 0)
            b->field[k] = orig[b->field[k]];
    for (k = 0; k < b->nextra; k++)
        if (b->extra_field[k] >= 0)
            b->extra_field[k] = orig[b->extra_field[k]];
    b->nfields = header->nfields;
    return RFY_OK;
}
