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
check "keep: ... saying why (Danish)" \
    grep -qxF "rfy batch: --keep-columns: 'wage' er en af rfy's inputkolonner: rfy læser den (dens værdi står i outputtet)" "$TMP/k2.err"
"$RFY" --lang en batch --quiet --keep-columns wage -o "$TMP/k2.csv" "$TMP/keep.csv" 2>"$TMP/k2en.err"
check "keep: ... and in English with --lang en" \
    grep -qxF "rfy batch: --keep-columns: 'wage' is one of rfy's input columns: rfy reads it (its value is in the output)" "$TMP/k2en.err"
"$RFY" batch --quiet --keep-columns kostsed,note,cc -o "$TMP/k3.csv" "$TMP/keep.csv" 2>"$TMP/k3.err"
check "keep: a kept column the file lacks: exit 2, nothing written" [ $? = 2 ] && [ ! -e "$TMP/k3.csv" ]
check "keep: ... naming it" grep -q "inputtet har ingen kolonne 'cc'" "$TMP/k3.err"

# ---- rejects in input line order -------------------------------------------------------------------
# Rows not in case-month order are sorted (case, then month), so case-months are
# delivered as Z9 (line 2), A1 (line 3), M5 (line 4) would come A1, M5, Z9: the
# rejects file must still follow the input lines.
printf '%s\n' case_id,month,category,wage,kostsed Z9,2024-11,bogus,,z A1,2024-11,bogus,,a \
    A1,2024-12,forsorger,,b M5,2024-13,forsorger,,m Z9,2024-10,forsorger,-5,y >"$TMP/order.csv"
"$RFY" batch --quiet -o "$TMP/order.out.csv" "$TMP/order.csv" --ignore-columns kostsed 2>/dev/null
check "order: exit 1" [ $? = 1 ]
check "order: rejects in input line order (2, 3, 5, 6)" \
    [ "$(tail -n +2 "$TMP/order.out.rejects.csv" | cut -d, -f1 | paste -sd' ')" = "2 3 5 6" ]
"$RFY" batch --quiet --keep-columns kostsed -o "$TMP/order2.out.csv" "$TMP/order.csv" 2>/dev/null
check "order: with kept columns too" \
    [ "$(tail -n +2 "$TMP/order2.out.rejects.csv" | cut -d, -f1,2 | paste -sd' ')" = "2,Z9 3,A1 5,M5 6,Z9" ]
check "order: ... each row with its own kept cell" \
    [ "$(tail -n +2 "$TMP/order2.out.rejects.csv" | awk -F, '{ print $NF }' | paste -sd' ')" = "z a m y" ]
check "order: the receipt's hash is of the rejects file as reordered" python3 -c 'import hashlib, json, sys
r = json.load(open(sys.argv[1]))["rejects"]["sha256"]
assert r == hashlib.sha256(open(sys.argv[2], "rb").read()).hexdigest()' \
    "$TMP/order.out.receipt.json" "$TMP/order.out.rejects.csv"

# ---- the ledger's canonical input rows: cells quoted where CSV needs it --------------------------
# A case_id holding a comma and a quote is stored as the CSV cell "Q,1""x"; the
# month is read back from it (verify) exactly.  16.972 kr. a month for
# forsorger in 2025 (rates/2025.csv), twice, less 100 kr. other income: 33.944 − 100 = 33.844
printf 'case_id,month,category,other_income\n"Q,1""x",2025-01,forsorger,\n"Q,1""x",2025-02,forsorger,100\n' \
    >"$TMP/quoted.csv"
"$RFY" batch --quiet --ledger "$TMP/quoted.db" -o "$TMP/quoted.out.csv" "$TMP/quoted.csv" 2>/dev/null
check "canonical rows: exit 0" [ $? = 0 ]
check "canonical rows: the quoted cell stored quoted, every column in rfy's order" \
    [ "$(sqlite3 "$TMP/quoted.db" "select input_rows from casemonth where month % 12 = 1")" = \
      '"Q,1""x",2025-02,forsorger,,,,,,,,,,,,,,,100,,,,,' ]
check "canonical rows: total paid 33.844,00 kr. (in øre)" \
    [ "$(sqlite3 "$TMP/quoted.db" "select total_paid from run")" = 3384400 ]
check "canonical rows: verify reads them back (0 differences)" \
    bash -c "'$RFY' ledger verify '$TMP/quoted.db' 2>&1 | grep -q ' 0 forskelle'"

rfy_test_finish
