/* External sort of input rows by case-month (row_sort.h). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "row_sort.h"

/*
 * A row as stored in the buffer and in the runs: this header, then the
 * case_id bytes, then `kept` field lengths (uint32), then the fields, each
 * followed by a NUL; the whole padded to 8 bytes (`size`).
 */
typedef struct rec_head {
    uint32_t size, id_len, nfields, kept;
    int32_t month;
    uint32_t pad;
    uint64_t line, index, number;
} rec_head;

typedef struct run_reader {
    FILE *fp;
    char *rec;           /* the current record */
    size_t cap;
    int live;            /* rec holds a record not yet handed on */
} run_reader;

struct row_sort {
    char *buf;
    size_t cap, used;
    size_t *off;         /* offset of each record in buf */
    size_t n, offcap;
    FILE **runs;
    char **runbuf;       /* each run's stdio buffer (RUN_BUFFER bytes), freed after fclose */
    size_t nruns, runcap;
};

/* Reads and writes of a run: 64 KiB, as the input's.  glibc's setvbuf()
 * ignores the size unless it is also given the buffer. */
#define RUN_BUFFER (1u << 16)

row_sort *row_sort_new(size_t bytes)
{
    row_sort *s = calloc(1, sizeof *s);
    if (bytes < (2u << 20))
        bytes = 2u << 20;
    if (!s || !(s->buf = malloc(bytes))) {
        free(s);
        return NULL;
    }
    s->cap = bytes;
    return s;
}

static const rec_head *head_at(const char *p)
{
    return (const rec_head *)(const void *)p;
}

static int cmp_heads(const char *a, const char *b)
{
    const rec_head *x = head_at(a), *y = head_at(b);
    casemonth_key ka = {a + sizeof *x, x->id_len, x->month};
    casemonth_key kb = {b + sizeof *y, y->id_len, y->month};
    int c = casemonth_key_cmp(&ka, &kb);
    if (c)
        return c;
    return x->line < y->line ? -1 : x->line > y->line;
}

static const char *SORT_BASE; /* qsort has no user argument; one sort at a time */

static int cmp_off(const void *a, const void *b)
{
    return cmp_heads(SORT_BASE + *(const size_t *)a, SORT_BASE + *(const size_t *)b);
}

static int fail_io(char **errmsg, const char *what)
{
    const char *why = strerror(errno);
    size_t n = strlen(what) + strlen(why) + 64;
    free(*errmsg);
    if ((*errmsg = malloc(n)))
        snprintf(*errmsg, n, "sorting the input: cannot %s a temporary file: %s", what, why);
    return RFY_EIO;
}

/* An unnamed temporary file: created in $TMPDIR and unlinked at once. */
static FILE *spill_file(char **errmsg)
{
    const char *dir = getenv("TMPDIR");
    char path[4096];
    int fd;
    FILE *fp;
    if (!dir || !*dir)
        dir = "/tmp";
    if (snprintf(path, sizeof path, "%s/rfy-sort.XXXXXX", dir) >= (int)sizeof path) {
        errno = ENAMETOOLONG;
        fail_io(errmsg, "create");
        return NULL;
    }
    if ((fd = mkstemp(path)) < 0) {
        fail_io(errmsg, "create");
        return NULL;
    }
    unlink(path); /* no name on disk: gone with the descriptor, on any exit */
    if (!(fp = fdopen(fd, "w+b"))) {
        close(fd);
        fail_io(errmsg, "open");
        return NULL;
    }
    return fp;
}

/* Sort the buffer's records and write them as one run; empty the buffer. */
static int spill(row_sort *s, char **errmsg)
{
    FILE *fp;
    size_t i;
    if (s->n == 0)
        return RFY_OK;
    SORT_BASE = s->buf;
    qsort(s->off, s->n, sizeof *s->off, cmp_off);
    if (s->nruns == s->runcap) {
        size_t c = s->runcap ? 2 * s->runcap : 8;
        FILE **r = realloc(s->runs, c * sizeof *r);
        char **b;
        if (!r)
            return RFY_ENOMEM;
        s->runs = r;
        if (!(b = realloc(s->runbuf, c * sizeof *b)))
            return RFY_ENOMEM;
        s->runbuf = b;
        s->runcap = c;
    }
    if (!(fp = spill_file(errmsg)))
        return RFY_EIO;
    s->runbuf[s->nruns] = malloc(RUN_BUFFER); /* failing, glibc's own: only slower */
    s->runs[s->nruns++] = fp;
    setvbuf(fp, s->runbuf[s->nruns - 1], _IOFBF, RUN_BUFFER);
    for (i = 0; i < s->n; i++) {
        const char *p = s->buf + s->off[i];
        if (fwrite(p, 1, head_at(p)->size, fp) != head_at(p)->size)
            return fail_io(errmsg, "write");
    }
    if (fflush(fp) != 0)
        return fail_io(errmsg, "write");
    s->n = 0;
    s->used = 0;
    return RFY_OK;
}

int row_sort_add(row_sort *s, const casemonth_key *key, const rfy_csv_record *rec,
                 unsigned long number, char **errmsg)
{
    size_t kept = rec->nfields < RFY_CSV_MAX_FIELDS ? rec->nfields : RFY_CSV_MAX_FIELDS;
    size_t need = sizeof(rec_head) + key->id_len + kept * sizeof(uint32_t), i;
    rec_head h;
    char *p;
    int rc;
    for (i = 0; i < kept; i++)
        need += rec->len[i] + 1;
    need = (need + 7) & ~(size_t)7;
    if (need > s->cap)
        return RFY_ENOMEM; /* cannot happen: records are at most 1 MiB, the buffer 2 MiB or more */
    if (s->used + need > s->cap && (rc = spill(s, errmsg)) != RFY_OK)
        return rc;
    if (s->n == s->offcap) {
        size_t c = s->offcap ? 2 * s->offcap : 4096;
        size_t *o = realloc(s->off, c * sizeof *o);
        if (!o)
            return RFY_ENOMEM;
        s->off = o;
        s->offcap = c;
    }
    p = s->buf + s->used;
    memset(&h, 0, sizeof h);
    h.size = (uint32_t)need;
    h.id_len = (uint32_t)key->id_len;
    h.nfields = (uint32_t)rec->nfields;
    h.kept = (uint32_t)kept;
    h.month = (int32_t)key->month;
    h.line = rec->line;
    h.index = rec->index;
    h.number = number;
    memcpy(p, &h, sizeof h);
    p += sizeof h;
    memcpy(p, key->id, key->id_len);
    p += key->id_len;
    for (i = 0; i < kept; i++) {
        uint32_t len = (uint32_t)rec->len[i];
        memcpy(p, &len, sizeof len);
        p += sizeof len;
    }
    for (i = 0; i < kept; i++) {
        memcpy(p, rec->field[i], rec->len[i]);
        p[rec->len[i]] = '\0';
        p += rec->len[i] + 1;
    }
    memset(p, 0, (size_t)(s->buf + s->used + need - p)); /* the padding: written to disk too */
    s->off[s->n++] = s->used;
    s->used += need;
    return RFY_OK;
}

/* Hand the stored record at p to fn. */
static int emit(const char *p, row_sort_fn fn, void *user)
{
    static rfy_csv_record rec; /* large (64 fields): not on the stack; one sort at a time */
    const rec_head *h = head_at(p);
    const char *q = p + sizeof *h + h->id_len;
    const char *f = q + h->kept * sizeof(uint32_t);
    casemonth_key key = {p + sizeof *h, h->id_len, h->month};
    rec.line = (unsigned long)h->line;
    rec.index = (unsigned long)h->index;
    rec.nfields = h->nfields;
    for (uint32_t i = 0; i < h->kept; i++) {
        uint32_t len;
        memcpy(&len, q + i * sizeof len, sizeof len);
        rec.field[i] = f;
        rec.len[i] = len;
        f += len + 1;
    }
    return fn(user, &rec, &key, (unsigned long)h->number);
}

/* Read the next record of a run into r->rec; 0, or -1 at its end (or on a read error). */
static int run_next(run_reader *r, int *ioerr)
{
    rec_head h;
    if (fread(&h, sizeof h, 1, r->fp) != 1) {
        if (ferror(r->fp))
            *ioerr = 1;
        r->live = 0;
        return -1;
    }
    if (h.size > r->cap) {
        char *p = realloc(r->rec, h.size);
        if (!p) {
            *ioerr = 2;
            r->live = 0;
            return -1;
        }
        r->rec = p;
        r->cap = h.size;
    }
    memcpy(r->rec, &h, sizeof h);
    if (fread(r->rec + sizeof h, 1, h.size - sizeof h, r->fp) != h.size - sizeof h) {
        *ioerr = 1;
        r->live = 0;
        return -1;
    }
    r->live = 1;
    return 0;
}

/* Min-heap of run indexes by their current record. */
static void sift_down(size_t *heap, size_t n, size_t i, const run_reader *rd)
{
    for (;;) {
        size_t l = 2 * i + 1, m = i;
        if (l < n && cmp_heads(rd[heap[l]].rec, rd[heap[m]].rec) < 0)
            m = l;
        if (l + 1 < n && cmp_heads(rd[heap[l + 1]].rec, rd[heap[m]].rec) < 0)
            m = l + 1;
        if (m == i)
            return;
        size_t t = heap[i];
        heap[i] = heap[m];
        heap[m] = t;
        i = m;
    }
}

int row_sort_finish(row_sort *s, row_sort_fn fn, void *user, char **errmsg)
{
    run_reader *rd;
    size_t *heap, n = 0, i;
    int rc = RFY_OK, ioerr = 0;

    if (s->nruns == 0) { /* everything in memory: no disk at all */
        SORT_BASE = s->buf;
        if (s->n) /* no row to sort: off may be NULL, which qsort must not get */
            qsort(s->off, s->n, sizeof *s->off, cmp_off);
        for (i = 0; i < s->n; i++)
            if (emit(s->buf + s->off[i], fn, user))
                return RFY_ESTOP;
        return RFY_OK;
    }
    if ((rc = spill(s, errmsg)) != RFY_OK)
        return rc;
    /* The buffer is not needed while merging: give its memory back. */
    free(s->buf);
    s->buf = NULL;
    free(s->off);
    s->off = NULL;
    s->offcap = s->cap = 0;
    rd = calloc(s->nruns, sizeof *rd);
    heap = calloc(s->nruns, sizeof *heap);
    if (!rd || !heap) {
        free(rd);
        free(heap);
        return RFY_ENOMEM;
    }
    for (i = 0; i < s->nruns; i++) {
        rd[i].fp = s->runs[i];
        if (fseek(rd[i].fp, 0, SEEK_SET) != 0) {
            ioerr = 1;
            break;
        }
        if (run_next(&rd[i], &ioerr) == 0)
            heap[n++] = i;
    }
    for (i = n; i-- > 0;)
        sift_down(heap, n, i, rd);
    while (!ioerr && n > 0) {
        run_reader *top = &rd[heap[0]];
        if (emit(top->rec, fn, user)) {
            rc = RFY_ESTOP;
            break;
        }
        if (run_next(top, &ioerr) != 0)
            heap[0] = heap[--n];
        sift_down(heap, n, 0, rd);
    }
    if (ioerr && rc == RFY_OK)
        rc = ioerr == 2 ? RFY_ENOMEM : fail_io(errmsg, "read");
    for (i = 0; i < s->nruns; i++)
        free(rd[i].rec);
    free(rd);
    free(heap);
    return rc;
}

unsigned long row_sort_runs(const row_sort *s)
{
    return (unsigned long)s->nruns;
}

void row_sort_free(row_sort *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nruns; i++) {
        fclose(s->runs[i]);
        free(s->runbuf[i]);
    }
    free(s->runs);
    free(s->runbuf);
    free(s->off);
    free(s->buf);
    free(s);
}
