/*
 * The fuzz targets of fuzz/fuzz_*.c (docs/robustness.md).
 *
 * Each target is a plain function over a byte string.  Built with
 * -DRFY_FUZZ_MAIN (fuzz/build.sh) a target file also defines libFuzzer's
 * LLVMFuzzerTestOneInput, which calls it; tests/test_fuzz_regressions.c
 * includes the same files without that define and replays the seeds and
 * the saved regressions through the same functions under the project's
 * normal (ASan+UBSan) build.
 *
 * A target returns 0.  A broken property (a round trip that does not come
 * back, a breakdown that does not add up) ends the process through
 * FUZZ_CHECK with abort(), which libFuzzer saves as a crash and Check
 * reports as a failed test.
 */
#ifndef RFY_FUZZ_TARGETS_H
#define RFY_FUZZ_TARGETS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* fuzz_csv.c: rfy_csv_read_buffer with ',' and ';', and the writer's round trip. */
int rfy_fuzz_csv(const uint8_t *data, size_t size);
/* fuzz_decimal_date.c: rfy_decimal_parse, money formatting round trip, dates, months. */
int rfy_fuzz_decimal_date(const uint8_t *data, size_t size);
/* fuzz_rates.c: rfy_rates_load_files over one or two table files, chain check, lookups. */
int rfy_fuzz_rates(const uint8_t *data, size_t size);
/* fuzz_compute.c: rfy_compute on the built-in tables; the breakdown adds up. */
int rfy_fuzz_compute(const uint8_t *data, size_t size);
/* fuzz_serve.c: the request decoder of rfy serve (a POST /api/v1/calculate body). */
int rfy_fuzz_serve(const uint8_t *data, size_t size);
/* fuzz_input_decode.c: the input decoder (--encoding, BOM, sep=) and the CSV reader behind it. */
int rfy_fuzz_input_decode(const uint8_t *data, size_t size);
/* fuzz_column_map.c: header binding through a column map and an ignore list. */
int rfy_fuzz_column_map(const uint8_t *data, size_t size);
/* fuzz_ledger_pack.c: the ledger's row packs, built and read back, and read when damaged. */
int rfy_fuzz_ledger_pack(const uint8_t *data, size_t size);

/* libFuzzer's entry point (defined by each target file under RFY_FUZZ_MAIN). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                     \
    do {                                                                                     \
        if (!(cond)) {                                                                       \
            fprintf(stderr, "%s:%d: fuzz property failed: %s\n", __FILE__, __LINE__, #cond); \
            abort();                                                                         \
        }                                                                                    \
    } while (0)

#endif
