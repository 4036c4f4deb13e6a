/* Receipts for batch and audit runs.  See receipt.h and docs/audit.md. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic_file.h"
#include "cli.h"
#include "hash_behind.h"
#include "receipt.h"
#include <rfy/rfy.h>

/* ---- Messages ------------------------------------------------------------------ */

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int fail(char **errmsg, int rc, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    free(*errmsg);
    *errmsg = n < 0 ? NULL : malloc((size_t)n + 1);
    if (*errmsg) {
        va_start(ap, fmt);
        vsnprintf(*errmsg, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return rc;
}

/* ---- Hashing -------------------------------------------------------------------- */

static void to_hex(char hex[RECEIPT_HEX_SIZE], const unsigned char *md)
{
    static const char digits[] = "0123456789abcdef";
    size_t i;
    for (i = 0; i < 32; i++) {
        hex[2 * i] = digits[md[i] >> 4];
        hex[2 * i + 1] = digits[md[i] & 15];
    }
    hex[64] = '\0';
}

int receipt_hash_init(receipt_hash *h)
{
    memset(h, 0, sizeof *h);
    h->ctx = EVP_MD_CTX_new();
    if (!h->ctx || !EVP_DigestInit_ex(h->ctx, EVP_sha256(), NULL)) {
        h->failed = 1;
        return RFY_ENOMEM;
    }
    return RFY_OK;
}

void receipt_hash_behind(receipt_hash *h)
{
    if (!h->failed && h->ctx && !h->behind)
        h->behind = hash_behind_new(h->ctx);
}

void receipt_hash_tap(void *user, const void *bytes, size_t n)
{
    receipt_hash *h = user;
    if (h->behind) {
        hash_behind_update(h->behind, bytes, n);
        h->bytes += n;
        return;
    }
    /* The tap cannot report an error to the reader: remember it, so that
     * no receipt is ever written with the hash of a partial input. */
    if (h->failed || !EVP_DigestUpdate(h->ctx, bytes, n))
        h->failed = 1;
    h->bytes += n;
}

int receipt_hash_final(char hex[RECEIPT_HEX_SIZE], unsigned long long *bytes, receipt_hash *h)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int mdlen = 0;
    hex[0] = '\0';
    if (h->behind && !h->failed) {
        h->failed = hash_behind_final(h->behind, md) != 0;
        mdlen = 32;
    } else if (!h->failed && h->ctx && !EVP_DigestFinal_ex(h->ctx, md, &mdlen)) {
        h->failed = 1;
    }
    if (h->failed || !h->ctx || mdlen != 32) {
        h->failed = 1;
        return RFY_ENOMEM;
    }
    h->failed = 1; /* finalised: no further updates */
    to_hex(hex, md);
    *bytes = h->bytes;
    return RFY_OK;
}

void receipt_hash_clear(receipt_hash *h)
{
    hash_behind_free(h->behind);
    h->behind = NULL;
    EVP_MD_CTX_free(h->ctx);
    h->ctx = NULL;
}

int receipt_file_sha256(char hex[RECEIPT_HEX_SIZE], const char *path, char **errmsg)
{
    enum { CHUNK = 1 << 16 };
    struct stat st;
    receipt_hash h;
    unsigned long long bytes;
    unsigned char *buf = NULL;
    FILE *fp = NULL;
    size_t n;
    int rc;

    hex[0] = '\0';
    *errmsg = NULL;
    if (receipt_hash_init(&h) != RFY_OK) {
        rc = fail(errmsg, RFY_ENOMEM, "%s", cli_msg(RFY_MSG_OUT_OF_MEMORY));
        goto cleanup;
    }
    /* Standard output, a pipe or a device has no content to hash again. */
    if (atomic_path_is_special(path)) {
        rc = RFY_OK;
        goto cleanup;
    }
    if (stat(path, &st) != 0) {
        rc = fail(errmsg, RFY_EIO, cli_msg(RFY_MSG_CANNOT_HASH), path, cli_errno(errno));
        goto cleanup;
    }
    if (!S_ISREG(st.st_mode)) {
        rc = RFY_OK;
        goto cleanup;
    }
    if (!(buf = malloc(CHUNK))) {
        rc = fail(errmsg, RFY_ENOMEM, "%s", cli_msg(RFY_MSG_OUT_OF_MEMORY));
        goto cleanup;
    }
    if (!(fp = fopen(path, "rb"))) {
        rc = fail(errmsg, RFY_EIO, cli_msg(RFY_MSG_CANNOT_READ_BACK), path, cli_errno(errno));
        goto cleanup;
    }
    while ((n = fread(buf, 1, CHUNK, fp)) > 0)
        receipt_hash_tap(&h, buf, n);
    if (ferror(fp)) {
        rc = fail(errmsg, RFY_EIO, cli_msg(RFY_MSG_CANNOT_READ_BACK), path, cli_errno(errno));
        goto cleanup;
    }
    rc = receipt_hash_final(hex, &bytes, &h);
    if (rc != RFY_OK)
        fail(errmsg, rc, cli_msg(RFY_MSG_CANNOT_HASH), path, cli_msg(RFY_MSG_OUT_OF_MEMORY));
cleanup:
    if (fp)
        fclose(fp);
    free(buf);
    receipt_hash_clear(&h);
    return rc;
}

/* ---- JSON ------------------------------------------------------------------------- */

void receipt_init(receipt *r, const char *command)
{
    memset(r, 0, sizeof *r);
    r->command = command;
}

/*
 * A path as a JSON string.  jansson takes UTF-8 only, and a path is bytes:
 * a byte that is not part of valid UTF-8 is shown as '?' (the path is for
 * people; the hashes are what prove the content).
 */
static json_t *path_string(const char *s)
{
    json_t *j = json_string(s);
    char *copy;
    size_t i;
    if (j)
        return j;
    if (!(copy = strdup(s)))
        return NULL;
    for (i = 0; copy[i]; i++)
        if ((unsigned char)copy[i] >= 0x80)
            copy[i] = '?';
    j = json_string(copy);
    free(copy);
    return j;
}

static json_t *hex_or_null(const char *hex)
{
    return hex[0] ? json_string(hex) : json_null();
}

/* Øre as "123.45": never a JSON number (no binary floating point anywhere). */
static json_t *money(mpz_srcptr ore)
{
    size_t size = mpz_sizeinbase(ore, 10) + 8; /* sign, point, leading "0.0", NUL */
    char *buf = malloc(size);
    json_t *j = NULL;
    if (buf && rfy_money_format(buf, size, ore, '.') >= 0)
        j = json_string(buf);
    free(buf);
    return j;
}

/* json_object_set_new() that remembers a failure in *ok. */
static void set(json_t *obj, const char *key, json_t *value, int *ok)
{
    if (!value || json_object_set_new(obj, key, value) != 0)
        *ok = 0;
}

/* A file by its base name ("-" stays "-": a standard stream). */
static json_t *file_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return path_string(slash && slash[1] ? slash + 1 : path);
}

static json_t *file_object(const char *path, const char *hex, int *ok)
{
    json_t *o = json_object();
    if (!o) {
        *ok = 0;
        return NULL;
    }
    set(o, "name", path ? file_name(path) : json_null(), ok);
    set(o, "sha256", hex_or_null(hex), ok);
    return o;
}

static json_t *count(unsigned long n)
{
    return json_integer((json_int_t)n);
}

json_t *receipt_json(const receipt *r)
{
    json_t *root = json_object(), *engine = json_object(), *rates = json_object();
    json_t *input = json_object(), *totals = json_object();
    int ok = root && engine && rates && input && totals;
    int audit = r->command && strcmp(r->command, "audit") == 0;

    if (!ok) {
        json_decref(engine);
        json_decref(rates);
        json_decref(input);
        json_decref(totals);
        goto cleanup;
    }
    /* Keys in insertion order: json_object keeps it (and JSON_PRESERVE_ORDER
     * on dump), so the bytes never depend on a hash table's layout. */
    set(root, "schema_version", json_integer(RECEIPT_SCHEMA_VERSION), &ok);
    set(root, "command", json_string(r->command ? r->command : ""), &ok);
    set(engine, "name", json_string("rfy"), &ok);
    set(engine, "version", json_string(RFY_VERSION), &ok);
    set(root, "engine", engine, &ok);
    set(rates, "id", json_string(r->rates_id ? r->rates_id : ""), &ok);
    set(rates, "source", r->rates_dir ? path_string(r->rates_dir) : json_string("built-in"), &ok);
    set(root, "rates", rates, &ok);
    if (r->options)
        set(root, "options", json_incref(r->options), &ok);
    set(input, "name", file_name(r->input_path ? r->input_path : "-"), &ok);
    set(input, "bytes", json_integer((json_int_t)r->input_bytes), &ok);
    set(input, "sha256", hex_or_null(r->input_sha256), &ok);
    set(root, "input", input, &ok);
    set(root, "rows", count(r->rows), &ok);
    set(root, "computed", count(r->computed), &ok);
    set(root, "rejected", count(r->rejected), &ok);
    if (audit) {
        /* rows = computed + rejected count input rows (payment lines too);
         * case_months = matches + differences count case-months */
        set(root, "case_months", count(r->case_months), &ok);
        set(root, "matches", count(r->matches), &ok);
        set(root, "differences", count(r->differences), &ok);
    }
    if (r->warning_rows) {
        /* rows computed with a warning, per code: how many rest on a derived rate */
        json_t *w = json_object();
        for (int i = 0; i < RECEIPT_WARNINGS; i++)
            set(w, rfy_warning_code((rfy_warning)(1u << i)), count(r->warning_rows[i]), &ok);
        set(root, "warnings", w, &ok);
    }
    if (r->total_gross)
        set(totals, "gross", money(r->total_gross), &ok);
    if (r->total_deductions)
        set(totals, "deductions", money(r->total_deductions), &ok);
    if (r->total_paid)
        set(totals, "paid", money(r->total_paid), &ok);
    if (r->total_payment)
        set(totals, "payment", money(r->total_payment), &ok);
    if (r->total_difference)
        set(totals, "difference", money(r->total_difference), &ok);
    set(root, "totals", totals, &ok);
    if (r->summary)
        set(root, "summary", json_incref(r->summary), &ok);
    set(root, "output", file_object(r->output_path ? r->output_path : "-", r->output_sha256, &ok),
        &ok);
    set(root, "rejects",
        file_object(r->rejects_path ? r->rejects_path : "-", r->rejects_sha256, &ok), &ok);
cleanup:
    if (!ok) {
        json_decref(root);
        return NULL;
    }
    return root;
}

/* ---- Where it goes ------------------------------------------------------------------- */

char *receipt_default_path(const char *out, int *failed)
{
    size_t n;
    char *p;
    *failed = 0;
    /* standard output, a device, a FIFO: no file next to it (standard error) */
    if (!atomic_path_allows_side_files(out))
        return NULL;
    n = strlen(out);
    if (n > 4 && strcmp(out + n - 4, ".csv") == 0)
        n -= 4;
    else if (n > 5 && strcmp(out + n - 5, ".xlsx") == 0) /* --format xlsx */
        n -= 5;
    else if (n > 6 && strcmp(out + n - 6, ".jsonl") == 0) /* --format json */
        n -= 6;
    p = malloc(n + sizeof ".receipt.json");
    if (!p) {
        *failed = 1;
        return NULL;
    }
    memcpy(p, out, n);
    memcpy(p + n, ".receipt.json", sizeof ".receipt.json");
    return p;
}

int receipt_path_clashes(const char *receipt_path, const char *in, const char *out,
                         const char *rej)
{
    if (!receipt_path)
        return 0;
    if (strcmp(receipt_path, "-") == 0)
        return strcmp(out, "-") == 0 ? -1 : 0;
    if (strcmp(receipt_path, in) == 0 || strcmp(receipt_path, out) == 0 ||
        (rej && strcmp(receipt_path, rej) == 0))
        return -1;
    return 0;
}

int receipt_write(const receipt *r, const char *path, char **errmsg)
{
    json_t *j = receipt_json(r);
    char *text = NULL;
    atomic_file f;
    int rc, opened = 0;

    *errmsg = NULL;
    memset(&f, 0, sizeof f);
    if (!j || !(text = json_dumps(j, path ? JSON_INDENT(2) | JSON_PRESERVE_ORDER
                                          : JSON_COMPACT | JSON_PRESERVE_ORDER))) {
        rc = fail(errmsg, RFY_ENOMEM, "%s", cli_msg(RFY_MSG_CANNOT_BUILD_RECEIPT));
        goto cleanup;
    }
    if (!path) {
        /* One line, so that a script finds it among the summary lines. */
        errno = 0;
        if (fprintf(stderr, RECEIPT_STDERR_PREFIX "%s\n", text) < 0 || fflush(stderr) == EOF) {
            rc = fail(errmsg, RFY_EIO, cli_msg(RFY_MSG_RECEIPT_TO_STDERR),
                      cli_errno(errno ? errno : EIO));
            goto cleanup;
        }
        rc = RFY_OK;
        goto cleanup;
    }
    if ((rc = atomic_file_open(&f, path, errmsg)) != RFY_OK)
        goto cleanup;
    opened = 1;
    errno = 0;
    if (fputs(text, f.fp) == EOF || putc('\n', f.fp) == EOF) {
        rc = fail(errmsg, RFY_EIO, cli_msg(RFY_MSG_CANNOT_WRITE), path, cli_errno(errno ? errno : EIO));
        goto cleanup;
    }
    if ((rc = atomic_file_finish(&f, errmsg)) != RFY_OK ||
        (rc = atomic_file_rename(&f, errmsg)) != RFY_OK)
        goto cleanup;
    atomic_file_close(&f);
    opened = 0;
cleanup:
    if (opened)
        atomic_file_abort(&f);
    free(text);
    json_decref(j);
    return rc;
}

void receipt_take_hashes(receipt *r, const char *output_sha256, const char *rejects_sha256)
{
    if (output_sha256)
        snprintf(r->output_sha256, sizeof r->output_sha256, "%s", output_sha256);
    if (rejects_sha256)
        snprintf(r->rejects_sha256, sizeof r->rejects_sha256, "%s", rejects_sha256);
}

/* The receipt's text: indented JSON and a newline for a file, or the one
 * line "rfy receipt: {...}" for standard error (path NULL).  Caller frees. */
static char *receipt_text(const receipt *r, const char *path, char **errmsg)
{
    json_t *j = receipt_json(r);
    char *json = j ? json_dumps(j, path ? JSON_INDENT(2) | JSON_PRESERVE_ORDER
                                        : JSON_COMPACT | JSON_PRESERVE_ORDER)
                   : NULL;
    char *text = NULL;
    size_t n;
    json_decref(j);
    if (json) {
        n = strlen(json);
        if ((text = malloc(sizeof RECEIPT_STDERR_PREFIX + n + 1)) != NULL)
            snprintf(text, sizeof RECEIPT_STDERR_PREFIX + n + 1, "%s%s\n",
                     path ? "" : RECEIPT_STDERR_PREFIX, json);
    }
    free(json);
    if (!text)
        fail(errmsg, RFY_ENOMEM, "%s", cli_msg(RFY_MSG_CANNOT_BUILD_RECEIPT));
    return text;
}

int receipt_prepare(receipt *r, receipt_hash *h, const char *path, atomic_file *into,
                    char **line, char **errmsg)
{
    char *owned = NULL, *text = NULL;
    int rc, nomem = 0;

    *errmsg = NULL;
    *line = NULL;
    atomic_file_wrap(into, NULL, "-"); /* nothing to commit or abort yet */
    /* h NULL: the caller filled input_sha256 and input_bytes (rfy_batch_run's hash_input) */
    if (h && receipt_hash_final(r->input_sha256, &r->input_bytes, h) != RFY_OK) {
        rc = fail(errmsg, RFY_ENOMEM, "%s", cli_msg(RFY_MSG_CANNOT_HASH_INPUT));
        goto cleanup;
    }
    /* Hashes taken while the files were written need no second read; a
     * stream or device has none (receipt_file_sha256). */
    if ((!r->output_sha256[0] &&
         (rc = receipt_file_sha256(r->output_sha256, r->output_path, errmsg)) != RFY_OK) ||
        (!r->rejects_sha256[0] &&
         (rc = receipt_file_sha256(r->rejects_sha256, r->rejects_path, errmsg)) != RFY_OK))
        goto cleanup;
    if (!path && !(path = owned = receipt_default_path(r->output_path, &nomem)) && nomem) {
        rc = fail(errmsg, RFY_ENOMEM, "%s", cli_msg(RFY_MSG_OUT_OF_MEMORY));
        goto cleanup;
    }
    /* A default path can still be the input's name (IN.receipt.json read as
     * input): never overwrite what was read or written. */
    if (path && (strcmp(path, r->input_path) == 0 || strcmp(path, r->output_path) == 0 ||
                 strcmp(path, r->rejects_path) == 0)) {
        rc = fail(errmsg, RFY_EIO, cli_msg(RFY_MSG_RECEIPT_OVERWRITE), path);
        goto cleanup;
    }
    if (!(text = receipt_text(r, path, errmsg))) {
        rc = RFY_ENOMEM;
        goto cleanup;
    }
    if (!path) { /* standard error, once the files are committed */
        *line = text;
        text = NULL;
        rc = RFY_OK;
        goto cleanup;
    }
    if ((rc = atomic_file_open(into, path, errmsg)) != RFY_OK)
        goto cleanup;
    errno = 0;
    if (fputs(text, into->fp) == EOF) {
        rc = fail(errmsg, RFY_EIO, cli_msg(RFY_MSG_CANNOT_WRITE), path, cli_errno(errno ? errno : EIO));
        atomic_file_abort(into);
        goto cleanup;
    }
    if ((rc = atomic_file_finish(into, errmsg)) != RFY_OK) {
        atomic_file_abort(into);
        goto cleanup;
    }
    into->path_copy = owned; /* into->path is the default path: into keeps it */
    owned = NULL;
cleanup:
    free(owned);
    free(text);
    return rc;
}

int receipt_emit(receipt *r, receipt_hash *h, const char *path, char **errmsg)
{
    atomic_file f;
    char *line = NULL;
    int rc = receipt_prepare(r, h, path, &f, &line, errmsg);
    if (rc == RFY_OK && (rc = atomic_file_rename(&f, errmsg)) == RFY_OK && line) {
        errno = 0;
        if (fputs(line, stderr) == EOF || fflush(stderr) == EOF)
            rc = fail(errmsg, RFY_EIO, cli_msg(RFY_MSG_RECEIPT_TO_STDERR),
                      cli_errno(errno ? errno : EIO));
    }
    if (rc == RFY_OK)
        atomic_file_close(&f);
    else
        atomic_file_abort(&f);
    free(line);
    return rc;
}
