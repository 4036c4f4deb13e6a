/*
 * rfy_explain_text() and rfy_explain_json() (include/rfy/explain.h): the
 * explanation `rfy preview` prints, handed to a program as a string.  The
 * renderers write to a FILE (explain_text.c, explain_rows.c, explain_json.c);
 * here that FILE is a memory stream, so the program, `rfy preview`, `rfy
 * serve` and `rfy audit --explain` get the very same bytes.
 */
#include <stdio.h>
#include <stdlib.h>

#include "explain_render.h"
#include "explain_rows.h"

static const rfy_explain_options DEFAULTS = {NULL, NULL, RFY_LANG_DA, 0, NULL};

char *rfy_explain_text(const rfy_result *res, const rfy_case *const *rows, size_t n,
                       const rfy_rates *rates, const rfy_explain_options *opts)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out;
    int rc;

    if (!opts)
        opts = &DEFAULTS;
    if (n == 0 || !(out = open_memstream(&text, &len)))
        return NULL;
    rc = rfy__explain_rows_text(out, opts->case_id, rows, n, opts->lines, res, rates,
                                opts->recomputation, opts->lang);
    /* fclose() writes the last bytes and the NUL into text. */
    if (fclose(out) != 0 || rc == EOF) {
        free(text);
        return NULL;
    }
    return text;
}

char *rfy_explain_json(const rfy_result *res, const rfy_case *const *rows, size_t n,
                       const rfy_rates *rates, const rfy_explain_options *opts)
{
    json_t *root;
    char *text;

    if (!opts)
        opts = &DEFAULTS;
    if (n == 0)
        return NULL;
    /* One row without lines is the one-case layout; several rows (or lines to
     * show) add "periods". */
    root = n == 1 && !opts->lines
               ? rfy__explain_json(opts->case_id, rows[0], res, rates, opts->hints)
               : rfy__explain_rows_json(opts->case_id, rows, n, opts->lines, res, rates, opts->hints);
    if (!root)
        return NULL;
    text = json_dumps(root, JSON_INDENT(2));
    json_decref(root);
    return text;
}
