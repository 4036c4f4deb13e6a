/*
 * The words a person reads for the engine's codes, defined once (calc/names_da.c):
 * months, categories, forløb, rate keys and their units, provenance, warnings
 * and notes, in Danish (the default) or English.  Front ends (the preview,
 * the API's GET /api/v1/catalogue and through it the web page) take their
 * names from here and keep no list of their own.  All strings are static.
 */
#ifndef RFY_NAMES_H
#define RFY_NAMES_H

#include "rfy_calc.h"
#include "rfy_export.h"
#include "rfy_fault.h"
#include "rfy_rates.h"

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

RFY_END_DECLS

#endif
