#!/usr/bin/env bash
# Payroll files as kommuner write them (issue: --keep-columns, rejects in input
# line order), with and without the ledger.
#
# usage: bash test_ledger_files.sh PATH_TO_RFY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"

# ---- --keep-columns ------------------------------------------------------------------------------
cat >"$TMP/keep.csv" <<'CSV'
case_id,month,category,wage,kostsed,note
K1,2024-11,forsorger,20000,"4711, Nord",x
K2,2024-11,bogus,,4712,y
K3,2024-11,ikke_forsorger,,,
CSV
"$RFY" batch --quiet --keep-columns kostsed,note -o "$TMP/keep.out.csv" "$TMP/keep.csv" 2>/dev/null
check "keep: exit 1 (one reject)" [ $? = 1 ]
check "keep: output header ends with the kept names" \
    bash -c "head -1 '$TMP/keep.out.csv' | grep -q ',warnings,kostsed,note\$'"
# 16.382 − 0,55 × (20.000 − 16.323) = 14.359,65 (rules.md §4), then the cells as given
check "keep: the cells copied after the contract's columns, quoted where needed" \
    grep -q '^K1,2024-11,.*,14359.65,.*,"4711, Nord",x$' "$TMP/keep.out.csv"
check "keep: empty cells stay empty" grep -q '^K3,2024-11,.*,,$' "$TMP/keep.out.csv"
check "keep: rejects header ends with the kept names" \
    bash -c "head -1 '$TMP/keep.out.rejects.csv' | grep -q '^line,case_id,column,reason.*,kostsed,note\$'"
check "keep: the reject row carries the kept cells" grep -q '^3,K2,category,.*,4712,y$' "$TMP/keep.out.rejects.csv"
"$RFY" batch --quiet --keep-columns kostsed,note --ledger "$TMP/l.db" -o "$TMP/keepl.out.csv" \
    "$TMP/keep.csv" 2>/dev/null
check "keep: with --ledger the kept columns come last" \
    bash -c "head -1 '$TMP/keepl.out.csv' | grep -q ',warnings,previously_paid,correction,kostsed,note\$'"
"$RFY" batch --quiet --keep-columns wage -o "$TMP/k2.csv" "$TMP/keep.csv" 2>"$TMP/k2.err"
check "keep: one of rfy's own columns is a usage error (exit 2)" [ $? = 2 ]
check "keep: ... saying why" grep -q "'wage' is one of rfy's input columns" "$TMP/k2.err"
"$RFY" batch --quiet --keep-columns kostsed,note,cc -o "$TMP/k3.csv" "$TMP/keep.csv" 2>"$TMP/k3.err"
check "keep: a kept column the file lacks: exit 2, nothing written" [ $? = 2 ] && [ ! -e "$TMP/k3.csv" ]
check "keep: ... naming it" grep -q "no column 'cc'" "$TMP/k3.err"

rfy_test_finish
