/* Rejects in input line order (reject_order.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "reject_order.h"

void reject_order_note(reject_order *o, unsigned long line, size_t len)
{
    if (o->failed)
        return;
    if (o->n == o->cap) {
        size_t cap = o->cap ? 2 * o->cap : 1024;
        struct reject_at *v = realloc(o->v, cap * sizeof *v);
        if (!v) {
            o->failed = 1;
            return;
        }
        o->v = v;
        o->cap = cap;
    }
    if (o->n && line < o->v[o->n - 1].line)
        o->out_of_order = 1;
    o->v[o->n++] = (struct reject_at){line, o->bytes, len};
    o->bytes += len;
}

void reject_order_reset(reject_order *o)
{
    o->n = 0;
    o->bytes = 0;
    o->out_of_order = 0;
}

static int by_line(const void *a, const void *b)
{
    const struct reject_at *x = a, *y = b;
    return x->line < y->line ? -1 : x->line > y->line;
}

static int copy_in_order(reject_order *o, FILE *from, FILE *to);

int reject_order_apply(reject_order *o, atomic_file *f, const char *header, const char *cmd)
{
    FILE *in = NULL, *copy = NULL;
    char buf[65536];
    size_t hl = strlen(header), k;
    int rc = -1;

    if (!o->out_of_order || !atomic_file_is_atomic(f))
        return 0;
    if (o->failed) {
        cli_say(cmd, RFY_MSG_REJECTS_ORDER, cli_msg(RFY_MSG_OUT_OF_MEMORY));
        return -1;
    }
    /* the rows as written, copied aside; the file then starts again */
    const char *rd = atomic_file_read_path(f);
    if (fflush(f->fp) != 0 || !rd || !(in = fopen(rd, "rb")) || fseeko(in, (off_t)hl, SEEK_SET) != 0 ||
        !(copy = tmpfile()))
        goto io;
    while ((k = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, k, copy) != k)
            goto io;
    if (ferror(in) || fflush(copy) != 0 || atomic_file_rewind(f) != 0 ||
        fputs(header, f->fp) == EOF)
        goto io;
    if (copy_in_order(o, copy, f->fp) != 0)
        goto io;
    rc = 0;
    goto done;
io:
    cli_say(cmd, RFY_MSG_REJECTS_ORDER, cli_errno(errno));
done:
    if (in)
        fclose(in);
    if (copy)
        fclose(copy);
    return rc;
}

/* Copy the noted rows of `from` (offsets as noted) to `to`, in line order. */
static int copy_in_order(reject_order *o, FILE *from, FILE *to)
{
    char *row = NULL;
    int rc = 0;
    qsort(o->v, o->n, sizeof *o->v, by_line);
    for (size_t i = 0; i < o->n && rc == 0; i++) {
        char *r = realloc(row, o->v[i].len ? o->v[i].len : 1);
        if (!r || fseeko(from, (off_t)o->v[i].off, SEEK_SET) != 0 ||
            fread((row = r), 1, o->v[i].len, from) != o->v[i].len ||
            fwrite(row, 1, o->v[i].len, to) != o->v[i].len)
            rc = -1;
        if (r)
            row = r;
    }
    free(row);
    return rc;
}

int reject_order_flush_spool(reject_order *o, FILE *spool, FILE *dst, const char *header,
                             const char *cmd)
{
    if (o->n == 0)
        return 0;
    if (o->failed || fflush(spool) != 0 || (header && fputs(header, dst) == EOF) ||
        copy_in_order(o, spool, dst) != 0) {
        cli_say(cmd, RFY_MSG_REJECTS_ORDER_WRITE,
                o->failed ? cli_msg(RFY_MSG_OUT_OF_MEMORY) : cli_errno(errno));
        return -1;
    }
    return 0;
}

void reject_order_free(reject_order *o)
{
    free(o->v);
    memset(o, 0, sizeof *o);
}
