/*
 * Messages: what a run or a command says as a whole, in Danish or English.
 *
 * A row's faults are data (rfy/fault.h) and the ledger has its own table
 * (rfy/ledger.h); every other sentence a program built on the engine says to
 * a person (a file that cannot be read, an option that is not known, the
 * summary of a run, a CSV record whose quoting is broken) is one entry of one
 * catalogue here: a printf format in Danish (the default) and one in English,
 * with the same conversions in the same order, so one call site passes one
 * argument list to either.  File names, column names, option names and
 * commands stay as they are in both languages; the way out comes last.
 *
 * The ids' order is not part of the interface; an id never changes meaning.
 * The texts are constant and may be read by any number of threads at once.
 */
#ifndef RFY_MESSAGES_H
#define RFY_MESSAGES_H

#include <rfy/export.h>
#include <rfy/fault.h> /* rfy_lang */

RFY_BEGIN_DECLS

typedef enum rfy_message {
    /* ---- words that go into other messages (no conversions) */
    RFY_MSG_STDIN = 0,   /* "standardinput" */
    RFY_MSG_STDOUT,      /* "standardoutput" */
    RFY_MSG_STDERR,      /* "standardfejl" */
    RFY_MSG_OUTPUT_FILE, /* "outputfilen": batch's output, in a sentence */
    RFY_MSG_REPORT_FILE, /* "rapportfilen": audit's report, in a sentence */
    RFY_MSG_FOUND_MORE,  /* ", fandt flere" (after RFY_MSG_ONE_INPUT) */
    RFY_MSG_USAGE,       /* "brug: " before a command's synopsis */
    RFY_MSG_OPTIONS,     /* "Tilvalg:", the heading of a command's --help list */
    /* ---- the command line: %s = a command, an option, a value */
    RFY_MSG_LANG_MISSING,       /* --lang without a value (before the language is known) */
    RFY_MSG_LANG_BAD,           /* %s = the value given to --lang */
    RFY_MSG_NO_COMMAND,         /* rfy help %s: no such command */
    RFY_MSG_UNKNOWN_COMMAND,    /* rfy %s: no such command */
    RFY_MSG_UNKNOWN_OPTION,     /* %s = the option as written; %s = the command (rfy help CMD) */
    RFY_MSG_UNKNOWN_OPTION_TOP, /* %s = the option as written, before any command */
    RFY_MSG_OPTION_AMBIGUOUS,   /* %s = the start of several options' names, as written */
    RFY_MSG_OPTION_NEEDS_VALUE, /* %s = the option */
    RFY_MSG_OPTION_NO_VALUE,    /* %s = the option as written (--quiet=1) */
    RFY_MSG_UNEXPECTED_ARG,     /* %s = an operand where none is taken */
    RFY_MSG_DELIMITER,          /* %s = the value of --delimiter */
    RFY_MSG_JOBS,               /* %d = the largest, %s = the value of --jobs */
    RFY_MSG_ONE_INPUT,          /* %s = IN.csv, %s = "" or RFY_MSG_FOUND_MORE */
    RFY_MSG_XLSX_NEEDS_FILE,    /* %s = OUT.xlsx */
    RFY_MSG_ENCODING,           /* %s = the value of --encoding */
    RFY_MSG_COLUMNS_ONCE,       /* --columns given twice */
    RFY_MSG_FORMAT,             /* %s = the value of --format */
    RFY_MSG_SEP_LINE,           /* %s = the input, %c = the sep= character */
    RFY_MSG_FILES_DIFFERENT,    /* %s = RFY_MSG_OUTPUT_FILE or RFY_MSG_REPORT_FILE */
    RFY_MSG_RECEIPT_CLASHES,    /* %s, %s as RFY_MSG_FILES_DIFFERENT */
    RFY_MSG_CORRECTIONS_NEED_LEDGER,
    RFY_MSG_KEEP_EMPTY, /* %s = a name of --keep-columns (these four) */
    RFY_MSG_KEEP_TOO_MANY,
    RFY_MSG_KEEP_INPUT,
    RFY_MSG_KEEP_TWICE,
    RFY_MSG_KEEP_MISSING, /* %s = the name the input's header lacks */
    /* ---- files: %s = a file, %s = the system's reason (rfy_errno_text) */
    RFY_MSG_CANNOT_READ,
    RFY_MSG_CANNOT_OPEN,
    RFY_MSG_CANNOT_CREATE,
    RFY_MSG_CANNOT_WRITE,
    RFY_MSG_CANNOT_REPLACE,
    RFY_MSG_CANNOT_HASH,
    RFY_MSG_CANNOT_READ_BACK,
    RFY_MSG_WRITE_FAILED,      /* %s = a file (no reason known) */
    RFY_MSG_NOT_FINISHED,      /* %s = a file replaced before it was finished */
    RFY_MSG_NOT_WRITTEN,       /* %s = a file left as it was */
    RFY_MSG_CANNOT_READ_INPUT, /* the input (no reason known) */
    RFY_MSG_CANNOT_WRITE_OUTPUT,
    RFY_MSG_CANNOT_WRITE_THE, /* %s = RFY_MSG_OUTPUT_FILE or RFY_MSG_REPORT_FILE */
    RFY_MSG_CANNOT_WRITE_SUMMARY_SHEET,
    RFY_MSG_XLSX_TOO_MANY_ROWS,
    RFY_MSG_XLSX_CANNOT_START,
    RFY_MSG_XLSX_CANNOT_WRITE, /* %s = libxlsxwriter's reason (its own words) */
    RFY_MSG_RECEIPT_TO_STDERR, /* %s = the system's reason */
    RFY_MSG_CANNOT_BUILD_RECEIPT,
    RFY_MSG_CANNOT_WRITE_RECEIPT,
    RFY_MSG_RECEIPT_OVERWRITE,   /* %s = the receipt's file */
    RFY_MSG_REJECTS_SPOOL,       /* %s = the system's reason */
    RFY_MSG_REJECTS_ORDER,       /* %s = the system's reason */
    RFY_MSG_REJECTS_ORDER_WRITE, /* %s = the system's reason */
    RFY_MSG_CANNOT_HASH_INPUT,
    /* ---- reading the input */
    RFY_MSG_INPUT_EMPTY,       /* no header row */
    RFY_MSG_CSV_UNTERMINATED,  /* %lu = line, %lu = column */
    RFY_MSG_CSV_MALFORMED,     /* %lu = line, %lu = column */
    RFY_MSG_CSV_TOO_LONG,      /* %lu = line */
    RFY_MSG_CSV_READ,          /* %lu = line, %s = the system's reason */
    RFY_MSG_UTF16_BROKEN,      /* %lu = line */
    RFY_MSG_CP1252_BYTE,       /* %lu = line, %X = the byte */
    RFY_MSG_ENDS_IN_CHARACTER, /* %lu = line */
    RFY_MSG_ICONV,             /* this system cannot convert the encoding */
    RFY_MSG_INVALID_RATES,     /* before the loader's list of faults */
    /* ---- the end of a run */
    RFY_MSG_OUT_OF_MEMORY,
    RFY_MSG_OUT_OF_MEMORY_GMP,
    RFY_MSG_INTERNAL_ROWS, /* %lu read, %lu in output rows, %lu rejected */
    RFY_MSG_PROGRESS_ROWS, /* %lu rows so far */
    RFY_MSG_SUM_READ_ONE,  /* %lu = 1 row read, %lu computed */
    RFY_MSG_SUM_READ_MANY,
    RFY_MSG_SUM_CASEMONTHS_ONE, /* %lu */
    RFY_MSG_SUM_CASEMONTHS_MANY,
    RFY_MSG_SUM_REJECTED,   /* %lu */
    RFY_MSG_SUM_SEE,        /* %s = where the rejects are */
    RFY_MSG_SUM_WARNED_ONE, /* %lu, %s = warning code, %s = "" or RFY_MSG_SUM_DERIVED */
    RFY_MSG_SUM_WARNED_MANY,
    RFY_MSG_SUM_DERIVED,
    RFY_MSG_SUM_SORTED_ONE, /* %lu temporary files */
    RFY_MSG_SUM_SORTED_MANY,
    RFY_MSG_CORRECTIONS_TOTAL, /* %s efterbetaling, %s tilbagebetaling (kr.) */
    RFY_MSG_RECOMPUTED,        /* %lu later months */
    RFY_MSG_LEDGER_RUN,        /* %s = ledger, %s = run id */
    RFY_MSG_LEDGER_NOTHING,    /* %s = ledger */
    RFY_MSG_LEDGER_CANNOT_OPEN,
    RFY_MSG_CASEMONTH_ONE,     /* "sagsmåned": a word of the summaries */
    RFY_MSG_CASEMONTH_MANY,    /* "sagsmåneder" */
    RFY_MSG_WORD_PAID,         /* "udbetalt" (RFY_MSG_SUM_GROSS) */
    RFY_MSG_WORD_RECOMPUTED,   /* "genberegnet" (RFY_MSG_SUM_GROSS) */
    RFY_MSG_SUM_GROSS,         /* %s gross, %s deductions applied, %s a word, %s paid */
    RFY_MSG_SUM_BEYOND,        /* %s beyond the benefit, %lu paid 0, %lu on a derived rate */
    RFY_MSG_SUM_REJECT_REASON, /* %lu, %s column, %s ": " or "", %s reason */
    RFY_MSG_SUM_REJECT_OTHER,  /* %lu */
    /* ---- rfy audit */
    RFY_MSG_AUDIT_NO_PAID,
    RFY_MSG_AUDIT_SUM_ONE, /* %lu rows, %lu match, %lu differ, %lu rejected */
    RFY_MSG_AUDIT_SUM_MANY,
    RFY_MSG_AUDIT_SUM_CASEMONTHS, /* %lu case-months, %lu rows */
    RFY_MSG_AUDIT_HOLIDAY_ONE,    /* %lu */
    RFY_MSG_AUDIT_HOLIDAY_MANY,
    RFY_MSG_AUDIT_OVER_UNDER,  /* %lu %s %s; %lu %s %s (count, RFY_MSG_CASEMONTH_*, amount) */
    RFY_MSG_AUDIT_WITHIN,      /* %s */
    RFY_MSG_AUDIT_DIFFERENCES, /* %s sum, %s paid, %s recomputed */
    RFY_MSG_AUDIT_LEDGER,      /* %s ledger, %lu %s matches, %lu differ, %lu missing, %s sum */
    RFY_MSG_AUDIT_EXPLAIN_NEEDS_ID,
    RFY_MSG_AUDIT_TOLERANCE,    /* %s value, %s ": " or "", %s why */
    RFY_MSG_AUDIT_INTERNAL,     /* %lu rows, %lu match, %lu differ, %lu rejected */
    RFY_MSG_AUDIT_EXPLAIN_NONE, /* %s case, %s "" or RFY_MSG_AUDIT_AND_MONTH */
    RFY_MSG_AUDIT_AND_MONTH,
    /* ---- rfy preview */
    RFY_MSG_PREVIEW_TOO_MANY_COLUMNS, /* %d columns, %d room */
    RFY_MSG_OPTION_TWICE,             /* %s = an option */
    RFY_MSG_UNEXPECTED_VALUE,         /* %s = an operand where only options are taken */
    RFY_MSG_PREVIEW_INPUT_ONLY,       /* %s = an option --input leaves out */
    RFY_MSG_PREVIEW_INPUT_NEEDS,
    RFY_MSG_PREVIEW_DELIMITER,
    RFY_MSG_MONTH_REQUIRED,
    RFY_MSG_CATEGORY_REQUIRED,
    RFY_MSG_PREVIEW_CANNOT_WRITE,
    RFY_MSG_LINE_REJECT,              /* %lu line, %s columns, %s ": " or "", %s reasons */
    RFY_MSG_MONTH_BAD,                /* %s value, %s why */
    RFY_MSG_PREVIEW_NOT_COMPUTED_ONE, /* %s case, %s month, %lu rows */
    RFY_MSG_PREVIEW_NOT_COMPUTED_MANY,
    RFY_MSG_PREVIEW_NO_ROW, /* %s file, %s case, %s month */
    /* ---- rfy whatif */
    RFY_MSG_CANNOT_WRITE_STDOUT,
    /* ---- rfy rates */
    RFY_MSG_RATES_NO_YEAR,          /* %d year, %s the years covered */
    RFY_MSG_RATES_ALL_LISTED,       /* after RFY_MSG_INVALID_RATES and the first fault */
    RFY_MSG_RATES_DERIVE_NOT_EMPTY, /* %s directory */
    RFY_MSG_RATES_EXPECTED,
    RFY_MSG_RATES_EXPECTED_NOT, /* %s = what was given */
    RFY_MSG_RATES_DERIVE_EXPECTED,
    RFY_MSG_RATES_YEAR_BAD, /* %s an example year, %s what was given */
    RFY_MSG_RATES_DERIVE_OPTIONS,
    RFY_MSG_RATES_SHOW_EXPECTED,
    RFY_MSG_RATES_EXPORT_EXPECTED,
    RFY_MSG_RATES_EXPORT_BUILTIN,
    RFY_MSG_RATES_DIR_OPEN, /* %s directory, %s reason */
    RFY_MSG_RATES_EXISTS,   /* %s file */
    /* rfy rates check (standard output); the section headings */
    RFY_MSG_RC_STRUCT_ERRORS, /* the tables are refused: the loader's faults follow */
    RFY_MSG_RC_STRUCT_NONE,
    RFY_MSG_RC_MISSING_HEAD, /* %s = the first month checked (2013-01) */
    RFY_MSG_RC_MISSING_FOUND,
    RFY_MSG_RC_MISSING_NONE,
    RFY_MSG_RC_CHAIN_HEAD,
    /* rfy_rates_check_missing_lang(): one line per key and run of months */
    RFY_MSG_RC_MISSING_LINE, /* %s key, %s first month, %s last month, %s consequence */
    RFY_MSG_RC_ABSENT_LINE,  /* as RFY_MSG_RC_MISSING_LINE, an optional key */
    RFY_MSG_RC_THEN_REQUIRED,
    RFY_MSG_RC_THEN_SDP_MAX,
    RFY_MSG_RC_THEN_NORMALBIDRAG,
    RFY_MSG_RC_THEN_DAGPENGE_MAX,
    /* rfy_rates_check_chain_lang() */
    RFY_MSG_RC_MISMATCH, /* %d year, %s key, %s file, %lu line, %s provenance, %s table,
                            %s RFY_MSG_RC_CHAIN_GIVES (or another of the four), %s expected */
    RFY_MSG_RC_CHAIN_GIVES,
    RFY_MSG_RC_FORSORGER_IS,
    RFY_MSG_RC_GRUND_TILLAEG_IS,
    RFY_MSG_RC_DAY_IS,
    RFY_MSG_RC_NO_FORSORGER, /* %d year, %s file, %lu line */
    RFY_MSG_RC_NO_BASE,      /* %s key, %d its base year */
    RFY_MSG_RC_NO_YEAR,      /* %s key, %d year */
    RFY_MSG_RC_CHECKED,      /* %d values, %d published, %d secondary, %d derived, %s verdict */
    RFY_MSG_RC_ALL_REPRODUCED,
    RFY_MSG_RC_MISMATCHES_FOUND,
    /* rfy rates show (standard output); keys, units, provenance and sources are data */
    RFY_MSG_RS_HEADING,   /* %d year, %s rates_id */
    RFY_MSG_RS_COL_KEY,   /* the column heads, one word each */
    RFY_MSG_RS_COL_AMOUNT,
    RFY_MSG_RS_COL_UNIT,
    RFY_MSG_RS_COL_EFFECTIVE,
    RFY_MSG_RS_COL_PROVENANCE,
    RFY_MSG_RS_COL_LEGAL_REF,
    RFY_MSG_RS_SOURCE,        /* %s source, %s file, %lu line, %s "" or one of the two below */
    RFY_MSG_RS_FROM_LEVEL,    /* a sanction day amount computed from its level */
    RFY_MSG_RS_FROM_CHAIN,    /* an amount written "chain" */
    RFY_MSG_RS_NOTES,
    RFY_MSG_RS_NOT_COVERED,   /* %d year, %s years covered, %d year */
    /* rfy rates export and derive: the success line (standard output) */
    RFY_MSG_RATES_EXPORTED, /* %lu files, %s directory, %s directory */
    RFY_MSG_RATES_DERIVED,  /* %lu files, %s dir, %s file, %d year, %s dir, %s dir */
    /* ---- rfy serve */
    RFY_MSG_SERVE_NUMBER,    /* %s option, %s value, %s "0" or "1" */
    RFY_MSG_SERVE_LISTEN,    /* %s value */
    RFY_MSG_SERVE_LISTENING, /* %s host, %u port, %s rates_id */
    RFY_MSG_SERVE_LOWERED,   /* %u asked, %u allowed */
    RFY_MSG_SERVE_STOPPING,  /* %s signal, %d seconds */
    RFY_MSG_SERVE_CUT,       /* %u requests, %d seconds */
    RFY_MSG_SERVE_STOPPED,   /* %s signal */
    RFY_MSG_SERVE_CANNOT_LISTEN,
    RFY_MSG_SERVE_MHD_DROPPED, /* %u messages */
    /* ---- a status code's words (rfy_rc_text) */
    RFY_MSG_RC_OK,
    RFY_MSG_RC_EINPUT,
    RFY_MSG_RC_ENORATE,
    RFY_MSG_RC_ECOVERAGE,
    RFY_MSG_RC_ERATES,
    RFY_MSG_RC_EIO,
    RFY_MSG_RC_ENOMEM,
    RFY_MSG_RC_ECSV,
    RFY_MSG_RC_ESTOP,
    RFY_MSG_RC_UNKNOWN,
    /* ---- rfy ledger */
    RFY_MSG_LEDGER_RUNS_HEADER,
    RFY_MSG_LEDGER_RUNS_NONE,
    RFY_MSG_LEDGER_SHOW_HEADER,
    RFY_MSG_LEDGER_SHOW_CURRENT,
    RFY_MSG_LEDGER_SHOW_SUPERSEDED,
    RFY_MSG_LEDGER_SHOW_RECOMPUTED,
    RFY_MSG_LEDGER_SHOW_IMPORTED,
    RFY_MSG_LEDGER_SHOW_UNKNOWN,
    RFY_MSG_LEDGER_SHOW_NONE,   /* %s = case */
    RFY_MSG_LEDGER_VERIFY_DIFF, /* %s case, %s month, %lld run, %s what, %s detail */
    RFY_MSG_LEDGER_VERIFY_DONE, /* %lu checked, %lu differences */
    RFY_MSG_LEDGER_IMPORT_DONE, /* %lu stored, %s file */
    RFY_MSG_LEDGER_CANNOT_EXPORT,
    RFY_MSG_LEDGER_FAILED,
    RFY_MSG_LEDGER_EXPECTED,    /* fewer than a sub-command and a file; the usage follows */
    RFY_MSG_LEDGER_UNKNOWN_SUB, /* %s = the sub-command as written; the usage follows */
    RFY_MSG_LEDGER_SUB_ARGS,    /* %s = the sub-command: wrong number of arguments */
    RFY_MSG_LEDGER_EXPORT_RUN,  /* export without --run */
    /* ---- the rate-table loader (rfy_rates_load_*_lang): one "FILE:LINE: reason" each;
     * file names, keys and column names stay as they are */
    RFY_MSG_RL_HEADER,         /* %s = the header's columns */
    RFY_MSG_RL_FIELDS,         /* %d fields, %s the header's columns, %lu found */
    RFY_MSG_RL_NUL,            /* %lu = the field's number */
    RFY_MSG_RL_UNKNOWN_KEY,    /* %.60s = the key as written */
    RFY_MSG_RL_YEARS,          /* %d first, %d last year */
    RFY_MSG_RL_TO_BEFORE_FROM, /* effective_to before effective_from */
    RFY_MSG_RL_UNIT,           /* %s key, %s its unit */
    RFY_MSG_RL_PROVENANCE,
    RFY_MSG_RL_LEGAL_REF_EMPTY,
    RFY_MSG_RL_SOURCE_EMPTY,
    RFY_MSG_RL_CHAIN_DERIVED,   /* amount 'chain' without provenance derived */
    RFY_MSG_RL_CHAIN_NOT_CHAIN, /* %s key */
    RFY_MSG_RL_CHAIN_BASE,      /* %s key, %d its base year */
    RFY_MSG_RL_CHAIN_CANNOT,    /* %s key, %d year, %d base year, %d year */
    RFY_MSG_RL_NO_ROWS,
    RFY_MSG_RL_DUPLICATE, /* %s key, %s file, %lu line */
    RFY_MSG_RL_OVERLAP,   /* %s key, %s file, %lu line, %s month */
    RFY_MSG_RL_MORE_ERRORS,
    RFY_MSG_RL_CSV_UNREADABLE, /* a table the CSV reader gave up on without a reason */
    RFY_MSG_RL_NO_HEADER,
    RFY_MSG_RL_DIR_OPEN,        /* %s directory, %s the system's reason */
    RFY_MSG_RL_DIR_EMPTY,       /* %s directory */
    RFY_MSG_RL_FILE_TOO_LARGE,  /* %s file */
    RFY_MSG_RL_FILE_UNREADABLE, /* %s file */
    /* ---- rfy_rates_derive_lang: "rfy rates derive: " and the reason */
    RFY_MSG_RD_NO_BASE,      /* %s the year before, %s key */
    RFY_MSG_RD_NOT_LOADED,   /* %s the loader's faults */
    RFY_MSG_RD_NOT_CHECKED,  /* the tables derived from fail rfy rates check */
    RFY_MSG_RD_YEAR,         /* %s year given, %s years covered, %s the year to derive */
    RFY_MSG_RD_R,            /* %s as given (or RFY_MSG_RD_MISSING) */
    RFY_MSG_RD_AFDAEMPNING,  /* %s as given */
    RFY_MSG_RD_REDUCTION,    /* %s as given */
    RFY_MSG_RD_NORMALBIDRAG, /* %s as given */
    RFY_MSG_RD_MISSING,      /* "(mangler)": a value not given */
    /* ---- the parsers' reasons (rfy_reason_text): the English text is the
     * parser's own *why, word for word; no conversions */
    RFY_MSG_WHY_FIRST,
    RFY_MSG_WHY_MONTH_FORMAT = RFY_MSG_WHY_FIRST,
    RFY_MSG_WHY_MONTH_NONE,
    RFY_MSG_WHY_DATE_FORMAT,
    RFY_MSG_WHY_DATE_NONE,
    RFY_MSG_WHY_DECIMALS_UNSUPPORTED,
    RFY_MSG_WHY_EMPTY,
    RFY_MSG_WHY_TOO_LONG,
    RFY_MSG_WHY_COMMA,
    RFY_MSG_WHY_POINT,
    RFY_MSG_WHY_EXPONENT,
    RFY_MSG_WHY_SPACE,
    RFY_MSG_WHY_SIGN_FIRST,
    RFY_MSG_WHY_CHARACTER,
    RFY_MSG_WHY_SIGN,
    RFY_MSG_WHY_SIGN_NEGATIVE,
    RFY_MSG_WHY_TWO_DECIMALS,
    RFY_MSG_WHY_DECIMALS,
    RFY_MSG_WHY_TWO_POINTS,
    RFY_MSG_WHY_NO_INTEGER,
    RFY_MSG_WHY_NO_DIGITS,
    RFY_MSG_WHY_NO_FRACTION,
    RFY_MSG_WHY_NOT_NUMBER,
    RFY_MSG_WHY_POINT_AFTER_COMMA,
    RFY_MSG_WHY_POINT_GROUPING,
    RFY_MSG_WHY_TWO_COMMAS,
    RFY_MSG_WHY_LAST = RFY_MSG_WHY_TWO_COMMAS,
    RFY_MSG_COUNT
} rfy_message;

/*
 * The printf format of message `id` in `lang` (RFY_LANG_DA unless
 * RFY_LANG_EN).  Both languages take the same arguments in the same order
 * (tests/test_messages.c checks every entry), so a caller may pass the
 * result straight to printf with one argument list.  Returns NULL for an id
 * out of range.  The text is static: never free it.
 */
RFY_API const char *rfy_message_format(rfy_message id, rfy_lang lang);

/*
 * The system's reason for errno `errnum`, in `lang`: the words a payroll
 * officer meets reading and writing files (ENOENT "filen eller mappen findes
 * ikke", EACCES "ingen adgang", ENOSPC "disken er fuld", EROFS, EISDIR, ...)
 * have a Danish text of the engine's own; for any other errno, and for
 * RFY_LANG_EN, it is the system's own strerror() text (English on most
 * systems).  Meant as the last %s of a message such as RFY_MSG_CANNOT_READ.
 * The text is static (or the C library's): never free it.  Like strerror(),
 * a text from the C library may be overwritten by a later call on another
 * thread for an unknown errno; the engine's own texts never are.
 */
RFY_API const char *rfy_errno_text(int errnum, rfy_lang lang);

/*
 * A status code's words in `lang` (rfy/status.h): rfy_rc_name() in Danish
 * ("ikke nok hukommelse") or English ("out of memory"), for a failure that
 * has no message of its own.  Static text: never free it.
 */
RFY_API const char *rfy_rc_text(int rc, rfy_lang lang);

/*
 * A parser's reason in `lang`: `why` as rfy_date_parse(), rfy_month_parse(),
 * rfy_decimal_parse(), rfy_amount_parse(), rfy_amount_parse_da() or
 * rfy_audit_tolerance_parse() set it.  Those point *why at the English text
 * of a catalogue entry (RFY_MSG_WHY_*) itself, and this function knows the
 * entry by that pointer, not by the words: "no such date in the calendar" is
 * "den dato findes ikke i kalenderen" in Danish.  Pass the pointer the parser
 * gave; any other text (a copy, another library's) comes back as it is; NULL
 * gives "".  Static text: never free it.
 */
RFY_API const char *rfy_reason_text(const char *why, rfy_lang lang);

RFY_END_DECLS

#endif
