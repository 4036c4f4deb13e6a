/*
 * Faults as data: why input could not be computed (docs/faults.md).
 *
 * Every fault is a stable code from one list (rfy_fault_code; its text id,
 * "month_invalid", is what a program reads and never changes meaning), the
 * line and column it concerns, the value as given, and typed parameters (a
 * limit, another line, a month).  The words are rendered from one catalogue
 * in the engine (calc/base/fault_catalogue.c), in Danish (the default) or English,
 * chosen per call: no language setting is global.
 *
 * An rfy_error holds all the faults of one row (at most RFY_MAX_FAULTS) in a
 * fixed-size list, so checking a row never allocates.
 */
#ifndef RFY_FAULT_H
#define RFY_FAULT_H

#include <stddef.h>

#include <rfy/date.h>
#include <rfy/export.h>
#include <rfy/hint.h>

RFY_BEGIN_DECLS

/* The language of a rendered text.  Danish is the default (0). */
typedef enum rfy_lang {
    RFY_LANG_DA = 0,
    RFY_LANG_EN = 1
} rfy_lang;

/*
 * The fault codes.  The order is not part of the interface (new codes are
 * added at the end); the text id of each (rfy_fault_id) is, and docs/faults.md
 * lists them all with their parameters.
 */
typedef enum rfy_fault_code {
    RFY_FAULT_NONE = 0,
    /* the row as a whole */
    RFY_FAULT_FIELD_COUNT,          /* "field_count": limit = fields in the header, other = found */
    RFY_FAULT_TOO_MANY_FIELDS,      /* "too_many_fields": other = fields given, limit = columns known */
    RFY_FAULT_COLUMN_UNKNOWN,       /* "column_unknown": column and value = the name given, other = its position */
    RFY_FAULT_COLUMN_TWICE,         /* "column_twice": column given twice */
    /* case_id */
    RFY_FAULT_CASE_ID_EMPTY,        /* "case_id_empty" */
    RFY_FAULT_CASE_ID_NOT_UTF8,     /* "case_id_not_utf8" */
    RFY_FAULT_CASE_ID_CP1252,       /* "case_id_cp1252" */
    RFY_FAULT_CASE_ID_CONTROL,      /* "case_id_control" */
    RFY_FAULT_CASE_ID_INVISIBLE,    /* "case_id_invisible" */
    RFY_FAULT_CASE_ID_TOO_LONG,     /* "case_id_too_long": limit = 64 characters */
    RFY_FAULT_CASE_ID_BLANK,        /* "case_id_blank" */
    /* a cell's syntax */
    RFY_FAULT_REQUIRED,             /* "required": a required cell is empty */
    RFY_FAULT_MONTH_INVALID,        /* "month_invalid": value */
    RFY_FAULT_DATE_INVALID,         /* "date_invalid": value */
    RFY_FAULT_DATE_OUTSIDE_MONTH,   /* "date_outside_month": value, month */
    RFY_FAULT_END_BEFORE_START,     /* "end_before_start": value = end, first_day = start day, month */
    RFY_FAULT_CATEGORY_UNKNOWN,     /* "category_unknown": value */
    RFY_FAULT_FORLOEB_UNKNOWN,      /* "forloeb_unknown": value */
    RFY_FAULT_PRIOR_UNKNOWN,        /* "prior_unknown": value */
    RFY_FAULT_PRIOR_UNIT_UNKNOWN,   /* "prior_unit_unknown": value */
    RFY_FAULT_TEXT_CP1252,          /* "text_cp1252": value (bytes that look like Windows-1252) */
    RFY_FAULT_NUMBER_SIGN,          /* "number_sign": value (no sign allowed: amounts are never negative) */
    RFY_FAULT_NUMBER_DECIMALS,      /* "number_decimals": value, limit = decimals allowed */
    RFY_FAULT_NUMBER_COMMA,         /* "number_comma": value (',' where the syntax has '.') */
    RFY_FAULT_NUMBER_POINT,         /* "number_point": value ('.' where the syntax has ',') */
    RFY_FAULT_NUMBER_EXPONENT,      /* "number_exponent": value */
    RFY_FAULT_NUMBER_SPACE,         /* "number_space": value */
    RFY_FAULT_NUMBER_CHARACTER,     /* "number_character": value */
    RFY_FAULT_NUMBER_TOO_LONG,      /* "number_too_long": value, limit = characters */
    RFY_FAULT_NUMBER_INVALID,       /* "number_invalid": value (digits missing, two decimal points, ...) */
    RFY_FAULT_NOT_WHOLE,            /* "not_whole": value, limit (a whole number 0..limit of the column's unit) */
    /* plausibility limits (interface.md) */
    RFY_FAULT_AMOUNT_NEGATIVE,      /* "amount_negative" */
    RFY_FAULT_AMOUNT_TOO_LARGE,     /* "amount_too_large": value, limit in øre */
    RFY_FAULT_OUT_OF_RANGE,         /* "out_of_range": value, limit (0..limit of the column's unit) */
    RFY_FAULT_CHILDREN_RANGE,       /* "children_range": value, limit = 20 */
    /* fields that depend on each other (rfy_case_check) */
    RFY_FAULT_MONTH_RANGE,          /* "month_range" */
    RFY_FAULT_DAY_OUTSIDE_MONTH,    /* "day_outside_month": month */
    RFY_FAULT_CHILDREN_REQUIRED,    /* "children_required": § 68 stk. 2 nr. 4 */
    RFY_FAULT_PRIOR_AMOUNT_WITHOUT_PRIOR, /* "prior_amount_without_prior" */
    RFY_FAULT_PRIOR_UNTIL_WITHOUT_SDP,    /* "prior_until_without_sygedagpenge" */
    RFY_FAULT_PRIOR_AMOUNT_REQUIRED,      /* "prior_amount_required" */
    RFY_FAULT_PRIOR_UNIT_REQUIRED,        /* "prior_unit_required": name = the prior */
    RFY_FAULT_SDP_ONLY_RESSOURCE,         /* "sygedagpenge_only_ressourceforloeb": § 68 stk. 4 */
    RFY_FAULT_PRIOR_UNTIL_REQUIRED,       /* "prior_until_required" */
    RFY_FAULT_PRIOR_UNTIL_ONLY_SDP,       /* "prior_until_only_sygedagpenge" */
    RFY_FAULT_HOLIDAY_DAYS_REQUIRED,      /* "holiday_days_required": § 68 a stk. 4 */
    RFY_FAULT_HOLIDAY_USED_NO_WINDOW,     /* "holiday_used_without_window": limit = 12 months */
    RFY_FAULT_SANCTION_DAYS_EXCEED,       /* "sanction_days_exceed": value, limit = days of entitlement, first_day, last_day */
    /* the law's coverage and the rates (rfy_compute) */
    RFY_FAULT_BEFORE_RESSOURCEFORLOEB,    /* "before_ressourceforloeb": month (from 2013-01) */
    RFY_FAULT_BEFORE_JOBAFKLARING,        /* "before_jobafklaring": month (from 2014-07) */
    RFY_FAULT_RATE_MISSING,               /* "rate_missing": name = rate key, month */
    RFY_FAULT_RATE_MONTH_UNCOVERED,       /* "rate_month_uncovered": name = rate key, month, value = the years covered */
    RFY_FAULT_NORMALBIDRAG_MISSING,       /* "normalbidrag_missing": month */
    RFY_FAULT_SDP_ABOVE_MAX,              /* "sygedagpenge_above_max": value = highest amount a week (kr.) */
    /* the rows of one case-month (rules.md §7) */
    RFY_FAULT_OVERLAP,                    /* "overlap": other = the other line; limit 1: the input has
                                           * payment lines (audit), and the text says a correction is one */
    RFY_FAULT_FORLOEB_DIFFERS,            /* "forloeb_differs": other = the other line */
    RFY_FAULT_TOO_MANY_ROWS,              /* "too_many_rows": limit = period rows */
    RFY_FAULT_WITH_REJECTED_ROW,          /* "with_rejected_row": other = the other line, cause, cause_column */
    RFY_FAULT_MONTHS_DIFFER,              /* "months_differ" */
    RFY_FAULT_PAYMENT_WITHOUT_ROW,        /* "payment_without_row" */
    /* the holiday ledger (rules.md §8) */
    RFY_FAULT_HOLIDAY_MONTH_ORDER,        /* "holiday_month_order": month, other_month */
    RFY_FAULT_HOLIDAY_STATE_DIFFERS,      /* "holiday_state_differs": other_month, limit = run months, value = days used */
    RFY_FAULT_HOLIDAY_YDELSE_SUM,         /* "holiday_ydelse_sum": other = the sum */
    RFY_FAULT_HOLIDAY_STATE_ROWS_DIFFER,  /* "holiday_state_rows_differ" */
    /* audit (interface.md "Audit input") */
    RFY_FAULT_PAID_EMPTY,                 /* "paid_empty" */
    RFY_FAULT_PAID_EMPTY_ALL,             /* "paid_empty_all" */
    /* a JSON request (rfy serve; docs/web.md) */
    RFY_FAULT_JSON_MALFORMED,             /* "json_malformed": limit = line, other = column of the text */
    RFY_FAULT_JSON_SHAPE,                 /* "json_shape": the body is not {"rows": [ {...}, ... ]} */
    RFY_FAULT_JSON_TOO_MANY_ROWS,         /* "json_too_many_rows": other = rows sent, limit = most */
    RFY_FAULT_JSON_ROW_NOT_OBJECT,        /* "json_row_not_object" */
    RFY_FAULT_JSON_NUL,                   /* "json_nul": a string with a NUL character */
    RFY_FAULT_JSON_FRACTION,              /* "json_fraction": a JSON number with a fraction */
    RFY_FAULT_JSON_TYPE,                  /* "json_type": neither a string nor a whole number */
    RFY_FAULT_HTTP_BODY_TOO_LARGE,        /* "http_body_too_large": limit = bytes */
    RFY_FAULT_HTTP_METHOD,                /* "http_method": value = the method and path to use */
    RFY_FAULT_HTTP_NO_PATH,               /* "http_no_path" */
    RFY_FAULT_RATES_YEAR_UNCOVERED,       /* "rates_year_uncovered": limit = the year */
    /* the ledighedsydelse bound (rfy_compute) */
    RFY_FAULT_LY_ABOVE_MAX,               /* "ledighedsydelse_above_max": value = highest dagpenge amount
                                           * (kr.), limit 1 = a weekly maximum (else monthly), other 1 =
                                           * the row gave a weekly amount; § 68 stk. 5, AFL § 47 */
    /* the case ledger (rfy batch --ledger; docs/ledger.md) */
    RFY_FAULT_LEDGER_PAID,                /* "ledger_already_paid": month, other = the run's number,
                                           * value = the run's id and time, space separated (%r, %t) */
    RFY_FAULT_LEDGER_STATE_DIFFERS,       /* "ledger_holiday_state_differs": other = the row's months,
                                           * limit = the ledger's, value = the row's days and the
                                           * ledger's, space separated (%r, %t), other_month = the
                                           * ledger's last month */
    RFY_FAULT_LEDGER_ROWS_FORM,           /* "ledger_rows_form": stored rows not in the ledger's form */
    RFY_FAULT_LEDGER_ROWS_UNREADABLE,     /* "ledger_rows_unreadable" */
    /* a what-if range (rfy whatif, POST /api/v1/whatif; docs/whatif.md) */
    RFY_FAULT_WHATIF_KEY_UNKNOWN,         /* "whatif_key_unknown": value = the key given */
    RFY_FAULT_WHATIF_CASE_KEY_UNKNOWN,    /* "whatif_case_key_unknown": value = the key given */
    RFY_FAULT_WHATIF_RANGE_BOTH,          /* "whatif_range_both" */
    RFY_FAULT_WHATIF_RANGE_REQUIRED,      /* "whatif_range_required" */
    RFY_FAULT_WHATIF_HOURLY_RANGE,        /* "whatif_hourly_range": value, limit in øre */
    RFY_FAULT_WHATIF_HOURS_WAGE_TOO_LARGE, /* "whatif_hours_wage_too_large": limit in øre */
    RFY_FAULT_WHATIF_FROM_ABOVE_TO,       /* "whatif_from_above_to": name = the "to" column */
    RFY_FAULT_WHATIF_STEP_ZERO,           /* "whatif_step_zero" */
    RFY_FAULT_WHATIF_TOO_MANY_POINTS,     /* "whatif_too_many_points": limit = points */
    RFY_FAULT_WHATIF_BODY_SHAPE,          /* "whatif_body_shape" */
    RFY_FAULT_BREAK_EVEN_NONE,            /* "break_even_none": limit in øre (the largest wage) */
    RFY_FAULT_BREAK_EVEN_UNCONFIRMED,     /* "break_even_unconfirmed": a defect in rfy */
    /* the HTTP layer of rfy serve (docs/web.md) */
    RFY_FAULT_HTTP_BUSY,                  /* "server_busy" */
    RFY_FAULT_HTTP_STOPPING,              /* "server_stopping" */
    RFY_FAULT_HTTP_LENGTH_AMBIGUOUS,      /* "request_length_ambiguous" */
    RFY_FAULT_NUMBER_TWO_COMMAS,          /* "number_two_commas": value (a Danish amount with two ',': 4,650,00) */
    RFY_FAULT_JSON_AMOUNT_FORMAT,         /* "json_amount_format": "amount_format" is neither "da" nor "dot" */
    RFY_FAULT_COUNT
} rfy_fault_code;

/* Bytes kept of a value as given: cut between UTF-8 characters, with "...". */
#define RFY_FAULT_VALUE_SIZE 72

/* One fault.  Parameters a code does not use are 0 / "" / NULL. */
typedef struct rfy_fault {
    rfy_fault_code code;
    const char *column;          /* input column at fault ("wage"), "" for the whole row; static */
    unsigned long line;          /* the input line at fault when it is not the row reported
                                  * (a paid cell on another row of the case-month), else 0;
                                  * the text then starts "linje N: " */
    char value[RFY_FAULT_VALUE_SIZE]; /* the cell as given, made printable, cut short */
    long limit;                  /* the limit crossed, in the unit the code names */
    long other;                  /* another number: the other line, a count found */
    int first_day, last_day;     /* days of the month */
    rfy_month month;             /* the row's month */
    rfy_month other_month;       /* another month */
    const char *name;            /* a static name from the law's lists: a rate key, a prior */
    rfy_fault_code cause;        /* with_rejected_row: the first fault of the other row */
    const char *cause_column;    /* ... and its column */
} rfy_fault;

/* Most faults kept for one row (a row with more says so: rfy_error.more). */
#define RFY_MAX_FAULTS 8

/*
 * Why a row (or one case) could not be computed: all its faults, in column
 * order.  No allocation: fits the hot path.  `column` and `reason` are the
 * first fault's column and the Danish text of all faults joined by "; " (cut
 * between characters at 200 bytes), with the library's ways out, kept for
 * callers that print one line; render another language or the program's
 * ways out with rfy_error_text() / rfy_error_text_hinted().
 */
typedef struct rfy_error {
    /* first, so that clearing an error (every row) touches one cache line */
    int nfaults;                 /* faults in fault[] */
    int more;                    /* faults beyond RFY_MAX_FAULTS were found and not kept */
    const char *column;          /* input column of the first fault ("prior_until"), or "" */
    char reason[200];            /* Danish, every fault, joined by "; " */
    rfy_fault fault[RFY_MAX_FAULTS];
} rfy_error;

/* Empty `err`: no faults (the state every engine call starts from). */
RFY_API void rfy_error_reset(rfy_error *err);

/*
 * Add a fault a front end found itself (a JSON value of the wrong type) to
 * err, with the value as given (may be NULL) and its limit and other number,
 * and render err->reason.  `column` must outlive err.  Returns RFY_EINPUT.
 */
RFY_API int rfy_error_add(rfy_error *err, rfy_fault_code code, const char *column, const char *value,
                          long limit, long other);

/* The stable text id of a code ("month_invalid"); "" for an unknown code. */
RFY_API const char *rfy_fault_id(rfy_fault_code code);

/* The code of a text id; returns 0 and sets *out, or -1 when unknown. */
RFY_API int rfy_fault_from_id(rfy_fault_code *out, const char *id);

/*
 * One fault in words for a payroll officer, in `lang`, naming the value and
 * the way out ("wage: 'abc' er ikke et tal: ...").  Into buf (size >= 1
 * bytes), NUL-terminated, cut between UTF-8 characters; returns the length
 * written.  Thread-safe; never allocates.
 */
RFY_API size_t rfy_fault_text(char *buf, size_t size, const rfy_fault *f, rfy_lang lang);

/* Every fault of err in `lang`, joined by "; " (as rfy_fault_text). */
RFY_API size_t rfy_error_text(char *buf, size_t size, const rfy_error *err, rfy_lang lang);

/*
 * As rfy_fault_text(), with the program's ways out: where the fault's words
 * end in a hint (rfy/hint.h), the text `hints` gives for it; NULL `hints`
 * is the library's words (exactly rfy_fault_text()).  Thread-safe; never
 * allocates.
 */
RFY_API size_t rfy_fault_text_hinted(char *buf, size_t size, const rfy_fault *f, rfy_lang lang,
                                     const rfy_hints *hints);

/*
 * As rfy_error_text(), each fault rendered as rfy_fault_text_hinted() does;
 * an error without faults (a caller's own reason) is copied through
 * rfy_hints_apply().
 */
RFY_API size_t rfy_error_text_hinted(char *buf, size_t size, const rfy_error *err, rfy_lang lang,
                                     const rfy_hints *hints);

/* The ids of err's faults joined by ';' ("month_invalid;number_character"). */
RFY_API size_t rfy_error_codes(char *buf, size_t size, const rfy_error *err);

/* The columns of err's faults joined by ';', each once, in order ("month;wage"). */
RFY_API size_t rfy_error_columns(char *buf, size_t size, const rfy_error *err);

/* "da" or "en" → *out; returns 0, or -1 for another name. */
RFY_API int rfy_lang_from_name(rfy_lang *out, const char *name);

RFY_END_DECLS

#endif
