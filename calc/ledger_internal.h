/* Internal to calc/: the ledger's handle and its prepared statements
 * (include/rfy_ledger.h is the public side).  ledger.c opens, migrates and
 * runs the transaction; ledger_store.c reads and writes case-months. */
#ifndef RFY_CALC_LEDGER_INTERNAL_H
#define RFY_CALC_LEDGER_INTERNAL_H

#include <gmp.h>
#include <sqlite3.h>

#include "rfy_ledger.h"

/* The statements a run uses for every case-month, prepared once. */
enum ledger_stmt {
    LS_LOOKUP,       /* current entry of (case_id, month) */
    LS_STATE_BEFORE, /* latest current entry of a case before a month */
    LS_INSERT,       /* a new case-month */
    LS_SUPERSEDE,    /* mark an entry superseded */
    LS_LATER,        /* current entries of a case after a month, in month order */
    LS_COUNT
};

struct rfy_ledger {
    sqlite3 *db;
    char *path;
    int writable;
    int in_run;                   /* rfy_ledger_begin'ed, not yet committed or rolled back */
    int corrections;
    long long run;                /* this run's row in table run */
    long long seq;                /* output rows put in this run */
    char *rates_id;
    const struct rfy_rates *rates;
    char time[21];                /* this run's time, UTC */
    sqlite3_stmt *st[LS_COUNT];
    mpz_t efter, tilbage;         /* Σ positive corrections, Σ |negative| corrections */
    char msg[256];
};

/* printf into lg->msg and a malloc'ed copy into *errmsg (when not NULL); returns RFY_EIO. */
int ledger_fail(rfy_ledger *lg, char **errmsg, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/* Run one SQL text (no results).  Returns SQLITE_OK or the SQLite code. */
int ledger_exec(rfy_ledger *lg, const char *sql);

/* Undo the case-months of the correction totals (restart, rollback). */
void ledger_totals_reset(rfy_ledger *lg);

#endif
