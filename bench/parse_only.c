/*
 * rfy_bench_parse: the baseline of the throughput benchmark.
 *
 *   rfy_bench_parse IN.csv
 *
 * Reads IN.csv with libcsv, in the mode rfy's reader uses (strict, no space
 * trimming, 64 KiB reads), with callbacks that touch every byte of every
 * field, and does nothing else: no validation, no computation, no output.
 * `rfy batch` is measured against this pass (target: at most 3× its time).
 * Prints the record and field counts and a checksum so the work cannot be
 * optimised away.
 */
#include <csv.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    FILE *in;
    size_t n;
    int rc = 2;

    if (argc != 2) {
        fprintf(stderr, "usage: rfy_bench_parse IN.csv\n");
        return 2;
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
    while ((n = fread(chunk, 1, CHUNK, in)) > 0)
        if (csv_parse(&p, chunk, n, on_field, on_record, &t) != n) {
            fprintf(stderr, "rfy_bench_parse: %s\n", csv_strerror(csv_error(&p)));
            goto done;
        }
    if (ferror(in) || csv_fini(&p, on_field, on_record, &t) != 0) {
        fprintf(stderr, "rfy_bench_parse: read or CSV error\n");
        goto done;
    }
    printf("%lu records, %lu fields, checksum %08lx\n", t.records, t.fields, (unsigned long)t.sum);
    rc = 0;
done:
    csv_free(&p);
    fclose(in);
    return rc;
}
