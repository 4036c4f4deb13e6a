/*
 * Fuzz target: binding a header row through a column map and a list of
 * columns read past (rfy/columns.h, calc/run/column_map.h), as `rfy batch
 * --columns MAP.csv --ignore-columns NAME,...` and `rfy audit` do.
 *
 * Input: byte 0 chooses the extra columns (none, or audit's "paid"); the
 * rest is cut at 0x1E into the header (fields cut at 0x1F), the map
 * (entries cut at 0x1F, each "from 0x1D to") and the --ignore-columns text.
 * The map is written as a map file with rfy_csv_write_field and loaded with
 * rfy_column_map_load; a map or list the library refuses is left out (as
 * rfy would stop there).
 *
 * Properties, against the map and list as written here (names compared
 * after trimming spaces and tabs and folding ASCII and Æ Ø Å to lowercase):
 * - a bound header: every bound column sits at a header field that names it
 *   exactly or that the map maps to it; no field bound twice; a field not
 *   bound was asked to be read past; case_id, month and category are bound;
 * - an error: a message; when it is about unknown columns, it names every
 *   field that is neither a known column, nor mapped, nor read past (with its
 *   position), and no other, or says how many more it leaves out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "case_from_cells.h"
#include "column_map.h"
#include "fuzz_targets.h"
#include <rfy/columns.h>
#include <rfy/csv.h>
#include <rfy/status.h>

#define MAP_SEP 0x1E
#define FIELD_SEP 0x1F
#define PAIR_SEP 0x1D
#define MAX_PAIRS 64

typedef struct bytes {
    const char *p;
    size_t n;
} bytes;

/* The folding rfy/columns.h describes, written out again: trim spaces and
 * tabs, ASCII to lowercase, Æ Ø Å (UTF-8) to æ ø å.  out has n + 1 bytes. */
static size_t fold(char *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i, k = 0;
    while (n > 0 && (p[0] == ' ' || p[0] == '\t'))
        p++, n--;
    while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
        n--;
    for (i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        else if (c == 0xC3 && i + 1 < n && (p[i + 1] == 0x86 || p[i + 1] == 0x98 || p[i + 1] == 0x85)) {
            out[k++] = (char)c;
            c = (unsigned char)(p[++i] + 0x20);
        }
        out[k++] = (char)c;
    }
    out[k] = '\0';
    return k;
}

/* Whether the folded forms of a and b are the same bytes. */
static int same_folded(const char *a, size_t na, const char *b, size_t nb)
{
    char *fa = malloc(na + 1), *fb = malloc(nb + 1);
    int r;
    FUZZ_CHECK(fa && fb);
    na = fold(fa, a, na);
    nb = fold(fb, b, nb);
    r = na == nb && memcmp(fa, fb, na) == 0;
    free(fa);
    free(fb);
    return r;
}

typedef struct setup {
    bytes header[RFY_CSV_MAX_FIELDS];
    size_t nheader;
    bytes from[MAX_PAIRS], to[MAX_PAIRS];
    size_t npairs;
    int map_loaded;
    char *ignore; /* the --ignore-columns text, or NULL */
    int ignore_taken;
    const char *const *extra;
    size_t nextra;
} setup;

static int is_ignored(const setup *s, const bytes *h)
{
    const char *p = s->ignore;
    if (!s->ignore_taken)
        return 0;
    for (;;) {
        size_t len = strcspn(p, ",");
        if (same_folded(p, len, h->p, h->n))
            return 1;
        if (!p[len])
            return 0;
        p += len + 1;
    }
}

/* The map's target for header field h, or NULL. */
static const bytes *mapped_to(const setup *s, const bytes *h)
{
    size_t i;
    for (i = 0; s->map_loaded && i < s->npairs; i++)
        if (same_folded(s->from[i].p, s->from[i].n, h->p, h->n))
            return &s->to[i];
    return NULL;
}

static const char *known_name(const setup *s, size_t k)
{
    return k < CASE_COL_COUNT ? case_column_name((case_column)k) : s->extra[k - CASE_COL_COUNT];
}

static int is_known(const setup *s, const char *p, size_t n)
{
    size_t k;
    for (k = 0; k < CASE_COL_COUNT + s->nextra; k++)
        if (strlen(known_name(s, k)) == n && memcmp(known_name(s, k), p, n) == 0)
            return 1;
    return 0;
}

/* A field rfy must name as unknown: not a column, not mapped, not read past. */
static int is_unknown(const setup *s, const bytes *h)
{
    return h->n > 0 && !is_known(s, h->p, h->n) && !is_ignored(s, h) && !mapped_to(s, h);
}

static void check_bound(const setup *s, const case_binding *b)
{
    int bound_at[RFY_CSV_MAX_FIELDS];
    size_t k, i;
    FUZZ_CHECK(b->nfields == s->nheader);
    FUZZ_CHECK(b->nextra == s->nextra);
    for (i = 0; i < s->nheader; i++)
        bound_at[i] = -1;
    for (k = 0; k < CASE_COL_COUNT + s->nextra; k++) {
        int f = k < CASE_COL_COUNT ? b->field[k] : b->extra_field[k - CASE_COL_COUNT];
        const char *name = known_name(s, k);
        const bytes *h, *to;
        if (f < 0)
            continue;
        FUZZ_CHECK((size_t)f < s->nheader);
        FUZZ_CHECK(bound_at[f] == -1); /* no field bound twice */
        bound_at[f] = (int)k;
        h = &s->header[f];
        FUZZ_CHECK(!is_ignored(s, h)); /* read past and bound: never both */
        if (h->n == strlen(name) && memcmp(h->p, name, h->n) == 0)
            continue;
        /* otherwise only because the map says so */
        to = mapped_to(s, h);
        FUZZ_CHECK(to != NULL);
        FUZZ_CHECK(to->n == strlen(name) && memcmp(to->p, name, to->n) == 0);
    }
    for (i = 0; i < s->nheader; i++)
        if (bound_at[i] == -1) /* nothing read past that was not asked */
            FUZZ_CHECK(is_ignored(s, &s->header[i]));
    FUZZ_CHECK(b->field[CASE_COL_CASE_ID] >= 0 && b->field[CASE_COL_MONTH] >= 0 &&
               b->field[CASE_COL_CATEGORY] >= 0);
}

static void check_refused(const setup *s, const char *msg)
{
    size_t i, nunknown = 0, named = 0, more = 0;
    const char *tail;
    int cut = 0;
    FUZZ_CHECK(msg[0] != '\0');
    if (!strstr(msg, "unknown column"))
        return;
    for (i = 0; i < s->nheader; i++) {
        char shown[CASE_ID_DISPLAY_SIZE], entry[CASE_ID_DISPLAY_SIZE + 64];
        if (!is_unknown(s, &s->header[i]))
            continue;
        nunknown++;
        case_input_display_id(shown, sizeof shown, s->header[i].p, s->header[i].n);
        snprintf(entry, sizeof entry, "'%s' (column %zu of the header", shown, i + 1);
        named += strstr(msg, entry) != NULL;
    }
    if (named != nunknown) /* the message, to read when a check below fails */
        fprintf(stderr, "message: %s\n", msg);
    FUZZ_CHECK(nunknown > 0);
    if (nunknown == 1)
        FUZZ_CHECK(strncmp(msg, "unknown column '", 16) == 0);
    else {
        size_t said = 0;
        FUZZ_CHECK(sscanf(msg, "%zu unknown columns: ", &said) == 1 && said == nunknown);
    }
    /* every one named, or the message says how many it leaves out: ") and N more"
     * with the word "more" read too, since a column's own name may hold ") and 0" */
    for (tail = msg; (tail = strstr(tail, ") and ")) != NULL; tail += 6) {
        size_t m = 0;
        int end = 0;
        if (sscanf(tail, ") and %zu more%n", &m, &end) == 1 && end > 0)
            more = m, cut = 1;
    }
    if (cut)
        FUZZ_CHECK(named + more >= nunknown && more >= 1);
    else
        FUZZ_CHECK(named == nunknown);
}

/* The map file: "from,to", then one row per pair; pairs with a NUL byte
 * (a file name cannot hold one... a map row can, but rfy reads names as C
 * strings) and pairs of two empty names (a blank line) are left out. */
static int write_map(setup *s, const char *path)
{
    FILE *f = fopen(path, "wb");
    size_t i, kept = 0;
    if (!f)
        return -1;
    fputs("from,to\n", f);
    for (i = 0; i < s->npairs; i++) {
        if (memchr(s->from[i].p, '\0', s->from[i].n) || memchr(s->to[i].p, '\0', s->to[i].n) ||
            (s->from[i].n == 0 && s->to[i].n == 0))
            continue;
        s->from[kept] = s->from[i];
        s->to[kept] = s->to[i];
        kept++;
        rfy_csv_write_field(f, s->from[i].p, s->from[i].n, ',', 0);
        putc(',', f);
        rfy_csv_write_field(f, s->to[i].p, s->to[i].n, ',', 0);
        putc('\n', f);
    }
    s->npairs = kept;
    return fclose(f) == 0 ? 0 : -1;
}

static char map_path[64];

static void remove_map_file(void)
{
    if (map_path[0])
        unlink(map_path);
}

static const char *map_file(void)
{
    if (!map_path[0]) {
        int fd;
        snprintf(map_path, sizeof map_path, "/tmp/rfy-fuzz-map-XXXXXX");
        fd = mkstemp(map_path);
        FUZZ_CHECK(fd >= 0);
        close(fd);
        atexit(remove_map_file);
    }
    return map_path;
}

/* Cut [p, p+n) at sep into at most max pieces. */
static size_t cut_at(bytes *out, size_t max, const char *p, size_t n, char sep)
{
    size_t k = 0, start = 0, i;
    for (i = 0; i <= n && k < max; i++)
        if (i == n || p[i] == sep) {
            out[k].p = p + start;
            out[k].n = i - start;
            k++;
            start = i + 1;
        }
    return k;
}

static rfy_column_map *build_map(setup *s, int with_map)
{
    rfy_column_map *m = rfy_column_map_new();
    char *err = NULL;
    int rc;
    FUZZ_CHECK(m != NULL);
    if (with_map) {
        rc = rfy_column_map_load(m, map_file(), &err);
        FUZZ_CHECK(rc == RFY_OK || rc == RFY_EINPUT || rc == RFY_ENOMEM);
        FUZZ_CHECK((rc == RFY_OK) == (err == NULL));
        if (rc == RFY_OK) {
            FUZZ_CHECK(rfy_column_map_file_sha256(m) != NULL &&
                       strlen(rfy_column_map_file_sha256(m)) == 64);
            s->map_loaded = 1;
        } else {
            FUZZ_CHECK(err[0] != '\0');
            free(err);
            rfy_column_map_free(m); /* rfy stops here; bind without the map */
            return build_map(s, 0);
        }
    }
    if (s->ignore) {
        rc = rfy_column_map_ignore(m, s->ignore, &err);
        FUZZ_CHECK(rc == RFY_OK || rc == RFY_EINPUT || rc == RFY_ENOMEM);
        FUZZ_CHECK((rc == RFY_OK) == (err == NULL));
        if (rc == RFY_OK) {
            FUZZ_CHECK(strcmp(rfy_column_map_ignored(m), s->ignore) == 0);
            s->ignore_taken = 1;
        } else {
            free(err);
            free(s->ignore);
            s->ignore = NULL;
            s->map_loaded = 0;
            rfy_column_map_free(m);
            return build_map(s, with_map);
        }
    }
    return m;
}

int rfy_fuzz_column_map(const uint8_t *data, size_t size)
{
    static const char *const audit_extra[] = {"paid"};
    static setup s;
    bytes part[3], pairs[MAX_PAIRS];
    size_t nparts, i;
    char *names;
    rfy_csv_record header;
    rfy_column_map *m;
    case_binding b;
    char msg[COLUMN_MAP_MSG_MAX];
    int rc;

    if (size < 1)
        return 0;
    memset(&s, 0, sizeof s);
    s.extra = audit_extra;
    s.nextra = data[0] & 1u;
    nparts = cut_at(part, 3, (const char *)data + 1, size - 1, MAP_SEP);

    /* the header: each field a NUL-terminated copy, as the CSV reader gives */
    names = malloc(part[0].n + RFY_CSV_MAX_FIELDS + 1);
    FUZZ_CHECK(names != NULL);
    s.nheader = cut_at(s.header, RFY_CSV_MAX_FIELDS, part[0].p, part[0].n, FIELD_SEP);
    memset(&header, 0, sizeof header);
    header.line = header.index = 1;
    header.nfields = s.nheader;
    for (i = 0; i < s.nheader; i++) {
        char *copy = names + (s.header[i].p - part[0].p) + i;
        memcpy(copy, s.header[i].p, s.header[i].n);
        copy[s.header[i].n] = '\0';
        header.field[i] = copy;
        header.len[i] = s.header[i].n;
        s.header[i].p = copy;
    }

    if (nparts >= 2) {
        size_t n = cut_at(pairs, MAX_PAIRS, part[1].p, part[1].n, FIELD_SEP);
        for (i = 0; i < n; i++) {
            const char *mid = memchr(pairs[i].p, PAIR_SEP, pairs[i].n);
            s.from[s.npairs].p = pairs[i].p;
            s.from[s.npairs].n = mid ? (size_t)(mid - pairs[i].p) : pairs[i].n;
            s.to[s.npairs].p = mid ? mid + 1 : "";
            s.to[s.npairs].n = mid ? pairs[i].n - s.from[s.npairs].n - 1 : 0;
            s.npairs++;
        }
        FUZZ_CHECK(write_map(&s, map_file()) == 0);
    }
    if (nparts >= 3) {
        s.ignore = strndup(part[2].p, part[2].n); /* a C string, as from the command line */
        FUZZ_CHECK(s.ignore != NULL);
    }
    m = build_map(&s, nparts >= 2);

    /* English: check_refused() reads the English words ("and N more") */
    rc = column_map_bind(&b, m, &header, s.extra, s.nextra, RFY_LANG_EN, msg, sizeof msg);
    FUZZ_CHECK(rc == RFY_OK || rc == RFY_EINPUT);
    FUZZ_CHECK(strlen(msg) < sizeof msg);
    if (rc == RFY_OK)
        check_bound(&s, &b);
    else
        check_refused(&s, msg);

    rfy_column_map_free(m);
    free(s.ignore);
    free(names);
    return 0;
}

#ifdef RFY_FUZZ_MAIN
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    return rfy_fuzz_column_map(data, size);
}
#endif
