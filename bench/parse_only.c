/*
 * rfy_bench_parse: the baseline of the throughput benchmark.
 *
 *   rfy_bench_parse IN.csv [OUT BYTES]
 *
 * Reads IN.csv with libcsv, in the mode rfy's reader uses (strict, no space
 * trimming, 64 KiB reads), with callbacks that touch every byte of every
 * field, and does nothing else: no validation, no computation, no output.
 * `rfy batch` is measured against this pass (target: at most 3× its time).
 *
 * With OUT and BYTES it is the I/O floor: the same parse, and BYTES bytes
 * (the size of rfy's output for the same input) written to OUT as the input
 * is read, in 64 KiB writes, then fsync'ed as `rfy batch -o OUT` does with
 * its output.  `rfy batch -o OUT` is also measured against this pass.
 * Prints the record and field counts and a checksum so the work cannot be
 * optimised away.
 */
#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct tally {
    unsigned long records, fields;
    uint32_t sum; /* FNV-1a over every field byte */
} tally;

static int no_space(unsigned char c)
{
    (void)c;
    return 0;
}

static void on_field(void *s, size_t len, void *data)
{
    tally *t = data;
    const unsigned char *p = s;
    size_t i;
    uint32_t h = t->sum;
    for (i = 0; i < len; i++)
        h = (h ^ p[i]) * 16777619u;
    t->sum = h;
    t->fields++;
}

static void on_record(int term, void *data)
{
    tally *t = data;
    (void)term;
    t->records++;
}

int main(int argc, char **argv)
{
    enum { CHUNK = 1 << 16 };
    static char chunk[CHUNK];
    struct csv_parser p;
    tally t = {0, 0, 2166136261u};
    static char block[CHUNK];
    FILE *in, *out = NULL;
    unsigned long long want = 0, read_bytes = 0, written = 0, in_size = 0;
    size_t n;
    int rc = 2;

    if (argc != 2 && argc != 4) {
        fprintf(stderr, "usage: rfy_bench_parse IN.csv [OUT BYTES]\n");
        return 2;
    }
    if (argc == 4) {
        want = strtoull(argv[3], NULL, 10);
        memset(block, 'x', sizeof block);
        if (!(out = fopen(argv[2], "wb"))) {
            fprintf(stderr, "rfy_bench_parse: cannot write %s: %s\n", argv[2], strerror(errno));
            return 2;
        }
    }
    if (!(in = fopen(argv[1], "rb"))) {
        fprintf(stderr, "rfy_bench_parse: cannot read %s: %s\n", argv[1], strerror(errno));
        return 2;
    }
    if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
        fclose(in);
        return 2;
    }
    csv_set_space_func(&p, no_space);
    if (out && fseek(in, 0, SEEK_END) == 0) {
        long end = ftell(in);
        in_size = end > 0 ? (unsigned long long)end : 0;
        rewind(in);
    }
    while ((n = fread(chunk, 1, CHUNK, in)) > 0) {
        if (csv_parse(&p, chunk, n, on_field, on_record, &t) != n) {
            fprintf(stderr, "rfy_bench_parse: %s\n", csv_strerror(csv_error(&p)));
            goto done;
        }
        read_bytes += n;
        /* the output in step with the input: BYTES × read / size so far */
        while (out && written < want &&
               (in_size == 0 || written * in_size < want * read_bytes)) {
            size_t k = want - written < CHUNK ? (size_t)(want - written) : CHUNK;
            if (fwrite(block, 1, k, out) != k)
                goto write_error;
            written += k;
        }
    }
    if (ferror(in) || csv_fini(&p, on_field, on_record, &t) != 0) {
        fprintf(stderr, "rfy_bench_parse: read or CSV error\n");
        goto done;
    }
    while (out && written < want) {
        size_t k = want - written < CHUNK ? (size_t)(want - written) : CHUNK;
        if (fwrite(block, 1, k, out) != k)
            goto write_error;
        written += k;
    }
    if (out && (fflush(out) != 0 || fsync(fileno(out)) != 0))
        goto write_error;
    printf("%lu records, %lu fields, checksum %08lx\n", t.records, t.fields, (unsigned long)t.sum);
    rc = 0;
    goto done;
write_error:
    fprintf(stderr, "rfy_bench_parse: cannot write %s: %s\n", argv[2], strerror(errno));
done:
    csv_free(&p);
    fclose(in);
    if (out && fclose(out) != 0 && rc == 0) {
        fprintf(stderr, "rfy_bench_parse: cannot write %s: %s\n", argv[2], strerror(errno));
        rc = 2;
    }
    return rc;
}
