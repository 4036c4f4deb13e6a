/*
 * rfy: exact computation of Danish ressourceforløbsydelse
 * (lov om aktiv socialpolitik, kapitel 6 a, §§ 68, 68 a, 69).
 *
 * This umbrella header pulls in the whole public API.
 *
 * OWNERSHIP RULE (one rule for the whole library):
 *   - A case, a result and an explanation trace are opaque handles
 *     (rfy_case, rfy_result, rfy_explanation): rfy_X_new() makes one (NULL
 *     when memory runs out), rfy_X_free() releases it (NULL is allowed), and
 *     accessors read it.  No public struct has a GMP member: an amount is
 *     handed out as a copy into the caller's mpq_t/mpz_t or as exact text.
 *   - Every rfy_X_init() is paired with rfy_X_clear(); every function that
 *     returns a newly allocated object (rfy_X_new, rfy_X_load...) is paired
 *     with rfy_X_free().  The caller owns what it initialised or received.
 *   - Output arguments come first (as in GMP).  They must be initialised by
 *     the caller (mpz_t, mpq_t; a handle from rfy_X_new) unless the doc
 *     says otherwise.
 *   - A char * a function returns as new (rfy_explain_text, rfy_explain_json)
 *     is malloc()ed: the caller free()s it.
 *   - Pointers returned by lookups (const rfy_rate_value *, const char *)
 *     are borrowed: they stay valid until the object they came from is freed.
 *   - An error message returned through a `char **errmsg` argument is
 *     allocated with malloc() and must be released by the caller with free().
 *     A `const char **why` argument receives a static string: never free it.
 *   - Functions return an int result code (RFY_OK == 0, see rfy/status.h).
 *
 * THREAD SAFETY:
 *   - One loaded rate table set (rfy_rates) may be shared by any number of
 *     threads computing at once: after loading it is only read.
 *   - Each thread uses its own rfy_case, rfy_result, rfy_explanation and
 *     rfy_error (a case may be read by several threads at once while no
 *     thread changes it); no function keeps hidden state between calls.
 *   - The only process-wide settings are the out-of-memory policy
 *     (rfy_set_oom_handler, rfy_install_gmp_allocators), made once at
 *     start-up before other threads call the library.  A program's ways out
 *     at the end of messages (rfy_hints) are passed to each rendering call.
 *
 * LINKING: the public headers need GMP only (pkg-config --cflags --libs rfy).
 * docs/library.md is the guide.
 */
#ifndef RFY_H
#define RFY_H

#include <rfy/export.h>
#include <rfy/version.h>
#include <rfy/status.h>
#include <rfy/hint.h>
#include <rfy/money.h>
#include <rfy/date.h>
#include <rfy/csv.h>
#include <rfy/rates.h>
#include <rfy/holiday.h>
#include <rfy/fault.h>
#include <rfy/calc.h>
#include <rfy/input.h>
#include <rfy/columns.h>
#include <rfy/batch.h>
#include <rfy/explain.h>
#include <rfy/casemonth.h>
#include <rfy/runner.h>
#include <rfy/audit.h>
#include <rfy/whatif.h>
#include <rfy/ledger.h>
#include <rfy/names.h>
#include <rfy/cells.h>

#endif
