/*
 * rfy_case_from_fields(): named text fields → rfy_case (rfy_input.h).
 *
 * The fields become a one-row batch file in memory (a header of the names,
 * a row of the values) read by the same code as every batch row, so a
 * library call, `rfy preview` and `rfy batch` accept and refuse exactly the
 * same values with the same reasons.
 */
#include <stdio.h>
#include <string.h>

#include "case_input.h"
#include "text_utf8.h"

/* case_id is required in a batch file; a single case need not have one. */
#define NO_CASE_ID "case"

int rfy_case_from_fields(rfy_case *out, const rfy_field *fields, size_t n,
                         const rfy_decimal_syntax *amount, rfy_error *err)
{
    rfy_csv_record header, row;
    case_binding b;
    char msg[sizeof err->reason];
    int have_id = 0;
    size_t i, k = 0;

    err->column = "";
    err->reason[0] = '\0';
    if (n + 1 > RFY_CSV_MAX_FIELDS) {
        snprintf(err->reason, sizeof err->reason, "%zu fields given; there are only %d columns", n,
                 CASE_COL_COUNT);
        return RFY_EINPUT;
    }
    memset(&header, 0, sizeof header);
    memset(&row, 0, sizeof row);
    for (i = 0; i < n; i++) {
        const char *name = fields[i].name ? fields[i].name : "";
        const char *value = fields[i].value ? fields[i].value : "";
        have_id |= strcmp(name, "case_id") == 0;
        header.field[k] = name;
        header.len[k] = strlen(name);
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
    header.nfields = row.nfields = k;
    header.line = header.index = 1;
    row.line = row.index = 2;
    if (case_binding_bind(&b, &header, NULL, 0, msg, sizeof msg) != RFY_OK) {
        snprintf(err->reason, sizeof err->reason, "%s", msg);
        rfy__utf8_trim_tail(err->reason); /* msg may be longer than the reason */
        return RFY_EINPUT;
    }
    rfy_case_reset(out);
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
