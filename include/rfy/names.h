/*
 * The words a person reads for the engine's codes, defined once (calc/base/names_da.c):
 * months, categories, forløb, rate keys and their units, provenance, warnings
 * and notes, in Danish (the default) or English.  Front ends (the preview,
 * the API's GET /api/v1/catalogue and through it the web page) take their
 * names from here and keep no list of their own.  All strings are static.
 */
#ifndef RFY_NAMES_H
#define RFY_NAMES_H

#include <rfy/calc.h>
#include <rfy/export.h>
#include <rfy/fault.h>
#include <rfy/rates.h>

RFY_BEGIN_DECLS

/* "januar" .. "december" (month 1..12); "" otherwise. */
RFY_API const char *rfy_month_name(int month, rfy_lang lang);

/* "forsørger", "ikke-forsørger", "under 25 år, hjemmeboende", ... */
RFY_API const char *rfy_category_text(rfy_category c, rfy_lang lang);

/* "ressourceforløb (kapitel 6 a)", "jobafklaringsforløb (§ 69 j)". */
RFY_API const char *rfy_forloeb_text(rfy_forloeb f, rfy_lang lang);

/* "Ressourceforløbsydelse, forsørger", "Lønindtægtsgrænse", ... */
RFY_API const char *rfy_rate_key_text(rfy_rate_key k, rfy_lang lang);

/* The unit of a rate key for people: "kr./md.", "kr./uge", "kr./time", "kr./dag", "pct.". */
RFY_API const char *rfy_rate_unit_text(rfy_rate_key k, rfy_lang lang);

/* "offentliggjort", "sekundær kilde", "afledt af reguleringskæden, ikke offentliggjort". */
RFY_API const char *rfy_provenance_text(rfy_provenance p, rfy_lang lang);

/* A warning code in a short sentence for a caseworker; "" if w is not one warning. */
RFY_API const char *rfy_warning_text(rfy_warning w, rfy_lang lang);

/* The note "no_new_ressourceforloeb" in a sentence. */
RFY_API const char *rfy_note_no_new_ressourceforloeb_text(rfy_lang lang);

/*
 * A rate value's source for a person, into buf (size bytes; returns the
 * length).  Danish: a derived value's chain recomputed exactly and written
 * the Danish way ("afledt: 17.736 × (1 + (2,9 − 0,45)/100) = 18.170,53 →
 * 18.171"), a secondary source named in Danish ("Syddjurs Kommune, side om
 * ressourceforløbsydelse (sekundær kilde)"), else "kilde: " and the address.
 * English: the table's source as written.  `rates` (may be NULL) gives the
 * year's reduction of the adjustment for a chain that names it.
 */
RFY_API size_t rfy_rate_source_text(char *buf, size_t size, const rfy_rate_value *v, const rfy_rates *rates,
                                    rfy_lang lang);

RFY_END_DECLS

#endif
