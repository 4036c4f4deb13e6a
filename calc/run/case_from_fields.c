/*
 * rfy_case_from_fields(): named text fields → rfy_case (rfy/input.h).
 *
 * The fields become a one-row batch file in memory (a header of the names,
 * a row of the values) read by the same code as every batch row, so a
 * library call, `rfy preview` and `rfy batch` accept and refuse exactly the
 * same values with the same reasons.
 */
#include <stdio.h>
#include <string.h>

#include "fault.h"
#include "case_from_cells.h"
#include "text_utf8.h"

/* case_id is required in a batch file; a single case need not have one. */
#define NO_CASE_ID "case"

/* The static name of a known column, or NULL. */
static const char *known_column(const char *name)
{
    size_t k;
    for (k = 0; k < CASE_COL_COUNT; k++)
        if (strcmp(case_column_name((case_column)k), name) == 0)
            return case_column_name((case_column)k);
    return NULL;
}

int rfy_case_from_fields(rfy_case *out, const rfy_field *fields, size_t n,
                         const rfy_decimal_syntax *amount, rfy_error *err)
{
    rfy_csv_record header, row;
    case_binding b;
    char msg[sizeof err->reason];
    int have_id = 0;
    size_t i, k = 0;

    rfy_error_reset(err);
    if (n + 1 > RFY_CSV_MAX_FIELDS) {
        rfy_fault *f = rfy__fault_add(err, RFY_FAULT_TOO_MANY_FIELDS, "");
        if (f) {
            f->other = (long)n;
            f->limit = CASE_COL_COUNT;
        }
        rfy__fault_end(err);
        return RFY_EINPUT;
    }
    memset(&header, 0, sizeof header);
    memset(&row, 0, sizeof row);
    for (i = 0; i < n; i++) {
        const char *name = fields[i].name ? fields[i].name : "";
        const char *value = fields[i].value ? fields[i].value : "";
        const char *known = known_column(name);
        size_t j;
        if (!known) {
            /* The fault names the key as given (the caller's text, valid as long as fields). */
            rfy_fault *f = rfy__fault_add(err, RFY_FAULT_COLUMN_UNKNOWN, name);
            if (f) {
                rfy__fault_value(f, name, strlen(name));
                f->other = (long)i + 1;
            }
            rfy__fault_end(err);
            continue;
        }
        for (j = 0; j < i; j++)
            if (fields[j].name && strcmp(fields[j].name, name) == 0)
                break;
        if (j < i) {
            rfy__fault(err, RFY_FAULT_COLUMN_TWICE, known, NULL, 0, 0);
            continue;
        }
        have_id |= strcmp(name, "case_id") == 0;
        header.field[k] = known;
        header.len[k] = strlen(known);
        row.field[k] = value;
        row.len[k] = strlen(value);
        k++;
    }
    if (!have_id) {
        header.field[k] = "case_id";
        header.len[k] = strlen("case_id");
        row.field[k] = NO_CASE_ID;
        row.len[k] = strlen(NO_CASE_ID);
        k++;
    }
    /* A required column left out is an empty required cell. */
    for (i = 0; i < CASE_COL_COUNT; i++)
        if (case_column_required((case_column)i)) {
            const char *name = case_column_name((case_column)i);
            size_t j;
            for (j = 0; j < k && strcmp(header.field[j], name) != 0; j++)
                ;
            if (j == k) {
                header.field[k] = name;
                header.len[k] = strlen(name);
                row.field[k] = "";
                row.len[k] = 0;
                k++;
            }
        }
    header.nfields = row.nfields = k;
    header.line = header.index = 1;
    row.line = row.index = 2;
    if (case_binding_bind(&b, &header, NULL, 0, RFY_LANG_EN, msg, sizeof msg) != RFY_OK)
        return rfy__fault(err, RFY_FAULT_TOO_MANY_FIELDS, "", NULL, 0, CASE_COL_COUNT); /* cannot happen */
    rfy_case_reset(out);
    if (err->nfaults > 0) {
        /* Keep the key faults and add those of the cells. */
        rfy_error cells;
        rfy_error_reset(&cells);
        case_input_parse(out, &b, &row, amount ? amount : &RFY_AMOUNT_DOT, &cells);
        rfy__fault_copy(err, &cells);
        return RFY_EINPUT;
    }
    return case_input_parse(out, &b, &row, amount ? amount : &RFY_AMOUNT_DOT, err);
}

size_t rfy_input_column_count(void)
{
    return CASE_COL_COUNT;
}

const char *rfy_input_column_name(size_t i)
{
    return i < CASE_COL_COUNT ? case_column_name((case_column)i) : NULL;
}
