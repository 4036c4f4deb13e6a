/*
 * Receipts: what a batch or audit run read, with which tables, and what it
 * wrote -- as a JSON document a third party can check (docs/audit.md).
 *
 * A receipt names the engine version, the rate tables' fingerprint
 * (rfy_rates_id) and where they came from, the input's byte count and
 * SHA-256, the row counts, the exact totals, and the SHA-256 of the output
 * and rejects files.  It carries no timestamp, host or user name: two runs
 * over the same input and tables give byte-identical receipts, so a receipt
 * can be reproduced and compared with `cmp`.
 *
 * The input hash is computed while the input streams: by the batch loop
 * (rfy_batch_config.hash_input, as batch and audit do), or with
 * receipt_hash_tap as an rfy_csv_tap_fn; standard input is hashed too.
 * Output files are hashed while written (atomic_file_sha256), so the receipt
 * is complete before any of them has its name.
 *
 * Usage (see cmd_batch.c / cmd_audit.c, and run_files.h's sequence):
 *     cfg.hash_input = 1;  ... rfy_batch_run(&st, &cfg, ...) ...
 *     ... finish the output files (not yet committed) ...
 *     receipt r;  receipt_init(&r, "batch");  fill the fields, input_sha256 from st;
 *     receipt_take_hashes(&r, ...);
 *     receipt_prepare(&r, NULL, receipt_path_or_NULL, &files.rcp, &line, &msg);
 *     ... commit the outputs and the receipt together, then print `line` ...
 */
#ifndef RFY_RECEIPT_H
#define RFY_RECEIPT_H

#include <stddef.h>

#include <gmp.h>
#include <jansson.h>
#include <openssl/evp.h>

struct atomic_file;

/* Version of the receipt's JSON layout ("schema_version"). */
#define RECEIPT_SCHEMA_VERSION 2

/* How many warning bits a receipt counts (RFY_WARN_ALL has this many). */
#define RECEIPT_WARNINGS 6

/* A SHA-256 as 64 lowercase hex digits and the NUL. */
#define RECEIPT_HEX_SIZE 65

/* Prefix of the one-line receipt on standard error. */
#define RECEIPT_STDERR_PREFIX "rfy receipt: "

/* A running SHA-256 and byte count of a stream. */
typedef struct receipt_hash {
    EVP_MD_CTX *ctx;
    struct hash_behind *behind; /* non-NULL: hashed on a thread of its own (hash_behind.h) */
    unsigned long long bytes;
    int failed; /* a digest update failed: the hash is unusable */
} receipt_hash;

/* What one run did.  Strings and numbers are borrowed. */
typedef struct receipt {
    const char *command;    /* "batch" or "audit" */
    const char *rates_id;   /* rfy_rates_id() of the tables used */
    const char *rates_dir;  /* the --rates directory, or NULL for the built-in tables */
    const char *input_path; /* as given; "-" = standard input */
    unsigned long long input_bytes;
    char input_sha256[RECEIPT_HEX_SIZE];
    unsigned long rows, computed, rejected;
    /* audit only: case_months = matches + differences (case-months), while
     * rows = computed + rejected count input rows, payment lines included */
    unsigned long case_months, matches, differences;
    /* Computed rows carrying each warning: warning_rows[i] counts bit 1u << i
     * (rfy_warning); RECEIPT_WARNINGS entries.  NULL = not counted. */
    const unsigned long *warning_rows;
    /* Exact totals in øre over the computed rows.  batch: gross, deductions
     * and paid (= the payment column).  audit: the same of the recomputed
     * rows, paid = the historic `paid` column, plus payment (recomputed) and
     * difference (paid − payment).  NULL = not part of this command. */
    mpz_srcptr total_gross, total_deductions, total_paid, total_payment, total_difference;
    const char *output_path;  /* "-" = standard output */
    char output_sha256[RECEIPT_HEX_SIZE];  /* "" = not a regular file: null in JSON */
    const char *rejects_path; /* "-" = standard error */
    char rejects_sha256[RECEIPT_HEX_SIZE]; /* "" = not a regular file */
    /* Borrowed, may be NULL: every option that changes a result
     * (run_options_json) and the reconciled summary (run_summary_json). */
    json_t *options, *summary;
} receipt;

/*
 * Start a hash.  Returns RFY_OK, or RFY_ENOMEM (h is then safe to clear).
 */
int receipt_hash_init(receipt_hash *h);

/*
 * Hash on a thread of its own from here on (hash_behind.h): for runs with
 * --jobs 2 or more, so that the reading thread only copies the bytes.  The
 * same SHA-256.  When the thread cannot be started the hash simply goes on
 * inline; nothing to report.
 */
void receipt_hash_behind(receipt_hash *h);

/*
 * Add n bytes (an rfy_csv_tap_fn: user is the receipt_hash).  A failure is
 * remembered in h->failed and reported by receipt_hash_final().
 */
void receipt_hash_tap(void *user, const void *bytes, size_t n);

/*
 * Finish the hash into hex (64 lowercase digits) and *bytes.  Returns
 * RFY_OK, or RFY_ENOMEM when an update or the final step failed.  After
 * this, h may only be cleared.
 */
int receipt_hash_final(char hex[RECEIPT_HEX_SIZE], unsigned long long *bytes, receipt_hash *h);

/* Free what h holds.  Safe on a zeroed or failed hash, and twice. */
void receipt_hash_clear(receipt_hash *h);

/*
 * SHA-256 of the file at `path`, read from its start.  A path that is "-"
 * or not a regular file (standard output, a pipe, /dev/null) has no
 * reproducible content: hex is set to "" and RFY_OK returned.
 * Returns RFY_OK, or RFY_EIO / RFY_ENOMEM with *errmsg (caller frees).
 */
int receipt_file_sha256(char hex[RECEIPT_HEX_SIZE], const char *path, char **errmsg);

/* Zero r and set its command ("batch" or "audit"). */
void receipt_init(receipt *r, const char *command);

/*
 * The receipt as a JSON object, keys in a fixed order (docs/audit.md):
 * schema_version, command, engine {name, version}, rates {id, source},
 * [options,] input {name, bytes, sha256}, rows, computed, rejected, [matches,
 * differences,] [warnings {code: rows, ...} for every warning code,] totals
 * {gross, deductions, paid[, payment, difference]} as "123.45" strings,
 * [summary,] output {name, sha256}, rejects {name, sha256}.
 * A file is named by its base name, not the path as typed, so the same run
 * from another folder gives the same receipt; its hash identifies it.
 * A sha256 that is "" is null.
 * Returns a new reference (caller json_decref()s it), or NULL when memory
 * runs out or a total cannot be formatted.
 */
json_t *receipt_json(const receipt *r);

/*
 * Where the receipt goes by default: "OUT.receipt.json" next to OUT (a
 * trailing ".csv" or ".xlsx" is replaced), or NULL when OUT is "-" (standard output:
 * the receipt then goes to standard error).  *failed is set to 1 when
 * memory runs out (then NULL too), else 0.  Caller frees.
 */
char *receipt_default_path(const char *out, int *failed);

/*
 * Refuse a --receipt path that is also the input, output or rejects path,
 * or "-" when the output is standard output (the CSV must stay clean).
 * `receipt_path` may be NULL (default: never clashes); rej may be NULL.
 * Returns 0 when fine, -1 when it clashes.
 */
int receipt_path_clashes(const char *receipt_path, const char *in, const char *out,
                         const char *rej);

/*
 * Write r to `path` ("-" = standard output) as indented JSON and a newline,
 * atomically (atomic_file.h); or, when path is NULL, to standard error as one
 * line "rfy receipt: {...}".
 * Returns RFY_OK, or RFY_EIO / RFY_ENOMEM with *errmsg (caller frees).
 */
int receipt_write(const receipt *r, const char *path, char **errmsg);

/*
 * receipt_prepare() and at once the receipt's commit (or its line on
 * standard error), for a caller whose files are already in place: finish
 * the input hash `h` into r (h NULL: r->input_sha256 and r->input_bytes are
 * already filled, e.g. from rfy_batch_stats with hash_input), hash
 * r->output_path and r->rejects_path, and
 * write the receipt to `path`, or when path is NULL to the default place
 * (receipt_default_path of r->output_path, else standard error).
 * Returns RFY_OK, or RFY_EIO / RFY_ENOMEM with *errmsg (caller frees).
 * Preconditions: r filled but for the output hashes; h (if given) fed with
 * the whole input.
 */
int receipt_emit(receipt *r, receipt_hash *h, const char *path, char **errmsg);

/*
 * What receipt_emit() does, but nothing gets a name: finish the input hash
 * `h` into r (h NULL: already filled), hash a direct output or rejects
 * stream (none: null), then either open `into` (atomic_file.h) at `path`
 * (NULL: receipt_default_path of r->output_path), write the receipt and
 * finish it, for the caller to commit with the outputs; or, when it goes to
 * standard error, leave `into` empty and return the line
 * "rfy receipt: {...}\n" in *line (caller prints it once the files are
 * committed, and frees it).  Returns RFY_OK, or RFY_EIO / RFY_ENOMEM with
 * *errmsg (caller frees); `into` is then empty, safe to abort.
 * Preconditions: the hashes of atomic outputs taken (receipt_take_hashes):
 * they have no name yet to be read back by.
 */
int receipt_prepare(receipt *r, receipt_hash *h, const char *path, struct atomic_file *into,
                    char **line, char **errmsg);

/*
 * Use hashes computed while the output and rejects were written
 * (atomic_file_sha256; either may be NULL), so that receipt_emit() does not
 * read those files back.  Call before receipt_emit().
 */
void receipt_take_hashes(receipt *r, const char *output_sha256, const char *rejects_sha256);

#endif
