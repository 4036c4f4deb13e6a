#!/usr/bin/env bash
# Faults as data through the CLI (docs/faults.md):
#   - a row with a bad month and a bad wage gives ONE reject line naming both, each with its code;
#   - reasons and the summary are Danish by default, English with --lang en (every command);
#   - every input row is accounted for exactly once.
#
# usage: bash test_faults_cli.sh PATH_TO_RFY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"
data_lines() { echo $(($(wc -l <"$1") - 1)); }

cat >"$TMP/in.csv" <<'CSV'
case_id,month,category,wage
A,2024-05,forsorger,20000
B,2026-13,forsorger,abc
C,2024-05,forsorger,-500
CSV

# ---- Danish by default ----------------------------------------------------------------------
"$RFY" batch -o "$TMP/da.csv" "$TMP/in.csv" 2>"$TMP/da.err"
check "da: exit 1 (rejects)" [ $? = 1 ]
check "da: the rejects header ends in code" [ "$(head -1 "$TMP/da.rejects.csv")" = "line,case_id,column,reason,code" ]
check "da: one reject line for B naming month and wage, both codes" \
    grep -qxF "3,B,month;wage,\"month '2026-13' er ikke en gyldig måned: skriv ÅÅÅÅ-MM, fx 2024-04; wage 'abc' er ikke et gyldigt tal: uventet tegn (forventer cifre og ét decimaltegn)\",month_invalid;number_character" "$TMP/da.rejects.csv"
check "da: -500 says no sign is allowed" \
    grep -qxF "4,C,wage,wage '-500' er ikke et gyldigt tal: fortegn er ikke tilladt (beløb er aldrig negative),number_sign" "$TMP/da.rejects.csv"
check "da: every row once: 1 output + 2 rejects" \
    [ "$(data_lines "$TMP/da.csv")/$(data_lines "$TMP/da.rejects.csv")" = 1/2 ]
check "da: summary in Danish" grep -qxF "rfy batch: 3 rækker læst, 1 beregnet, 2 afvist (se $TMP/da.rejects.csv)" "$TMP/da.err"
check "da: rejects grouped by code in Danish" \
    grep -qF "rfy batch: 1 afvist: month;wage: month '…' er ikke en gyldig måned" "$TMP/da.err"

# ---- English with --lang en (before or after the command) --------------------------------------
"$RFY" --lang en batch -o "$TMP/en.csv" "$TMP/in.csv" 2>"$TMP/en.err"
check "en: exit 1" [ $? = 1 ]
check "en: the same reject in English, the same codes" \
    grep -qxF "3,B,month;wage,\"month '2026-13' is not a valid month: write YYYY-MM, e.g. 2024-04; wage 'abc' is not a valid number: unexpected character (expected digits and one decimal point)\",month_invalid;number_character" "$TMP/en.rejects.csv"
check "en: summary in English" grep -qxF "rfy batch: 3 rows read, 1 computed, 2 rejected (see $TMP/en.rejects.csv)" "$TMP/en.err"
"$RFY" batch --lang=en -o "$TMP/en2.csv" "$TMP/in.csv" 2>/dev/null
check "en: --lang=en after the command too" cmp -s "$TMP/en.rejects.csv" "$TMP/en2.rejects.csv"
check "the output rows do not depend on the language" cmp -s "$TMP/da.csv" "$TMP/en.csv"
"$RFY" --lang de batch -o "$TMP/de.csv" "$TMP/in.csv" 2>"$TMP/de.err"
check "--lang de: usage error (exit 2), nothing written" [ $? = 2 ] && [ ! -e "$TMP/de.csv" ]

# ---- Danish spellings are read as the codes ----------------------------------------------------
cat >"$TMP/dk.csv" <<'CSV'
case_id,month,category,forloeb,prior,prior_amount,prior_unit,prior_until
D,2024-05,forsørger,ressourceforløb,sygedagpenge,4500,uge,2024-12-31
E,2024-05,forsorger,jobafklaringsforløb,ingen,,,
CSV
"$RFY" batch -o "$TMP/dk.out.csv" "$TMP/dk.csv" 2>/dev/null
check "Danish spellings: exit 0, both computed" [ $? = 0 ] && [ "$(data_lines "$TMP/dk.out.csv")" = 2 ]
# 4.500 × 52/12 = 19.500,00 > 16.382,00: § 68 stk. 4 is the level (as with prior_unit week)
check "Danish spellings: uge is a week (payment 19500.00)" grep -q '^D,2024-05,.*,19500.00,' "$TMP/dk.out.csv"

# ---- rfy whatif: a range's faults from the catalogue, named by their option ------------------------
"$RFY" whatif --month 2024-05 --category forsorger --wage-from 5 --wage-to 4 --step 1 >/dev/null 2>"$TMP/wi.err"
check "whatif: wage_from above wage_to is a usage error (exit 2)" [ $? = 2 ]
check "whatif: the fault in Danish, as the option" grep -qxF "rfy whatif: --wage-from: må ikke være over --wage-to" "$TMP/wi.err"
"$RFY" --lang en whatif --month 2024-05 --category forsorger --wage-from 5 --wage-to 4 --step 1 >/dev/null 2>"$TMP/wi-en.err"
check "whatif --lang en: the fault in English" grep -qxF "rfy whatif: --wage-from: must not be above --wage-to" "$TMP/wi-en.err"
"$RFY" whatif --month 2024-05 --category forsorger --wage 100 --wage-from 0 --wage-to 1000 --step 1000 >"$TMP/wi.out" 2>"$TMP/wi2.err"
check "whatif: --wage not used, said in Danish" grep -qF "rfy whatif: --wage bruges ikke" "$TMP/wi2.err"
check "whatif: the heading names category and month with the engine's Danish names" \
    grep -qF "forsørger, maj 2024, ressourceforløb" "$TMP/wi.out"

# ---- docs/faults.md lists every code of the catalogue ---------------------------------------------
missing=$(grep -oE '\{"[a-z0-9_]*", (-1|RFY_HINT)' "$SRC/calc/base/fault_catalogue.c" | sed -E 's/\{"([a-z0-9_]*)".*/\1/' | grep -v '^none$' |
    while read -r id; do grep -qF "| \`$id\` |" "$SRC/docs/faults.md" || echo "$id"; done)
check "docs/faults.md lists every code (missing: ${missing:-none})" [ -z "$missing" ]

rfy_test_finish
