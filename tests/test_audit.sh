#!/usr/bin/env bash
# rfy audit end to end, and the receipts of audit and batch (docs/audit.md).
#
# fixtures/audit/history.csv holds 30 historic rows (2013-2025, every category,
# both forløb, part months, sygedagpenge and ledighedsydelse) whose `paid` came
# from a batch run; six were then altered (+0.01, -0.01, +100.00, -100.00,
# +0.01, +100.00 kr.: fixtures/audit/README.md adds them up by hand to 100.01).
# exact.csv is the same file with every paid left as computed.
# Goldens write the rate tables' fingerprint RATES_ID and the temporary
# directory TMP, as tests/test_batch.sh does.
#
# usage: bash test_audit.sh PATH_TO_RFY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"
FIX=$SRC/fixtures/audit
sha() { sha256sum "$1" | cut -d' ' -f1; }
# The receipt on one line without blanks, for field look-ups (no jq needed).
flat() { tr -d ' \n' <"$1"; }
# field FLAT_JSON OBJECT KEY: the value of "KEY" inside "OBJECT":{...} (OBJECT "" = top level)
field() {
    local scope=$1
    [ -n "$2" ] && scope=$(printf '%s' "$1" | grep -o "\"$2\":{[^}]*}")
    printf '%s' "$scope" | grep -o "\"$3\":[^,}]*" | head -1 | cut -d: -f2- | tr -d '"'
}
# colnum FILE NAME: the position of column NAME in FILE's header (columns are read by
# name: interface.md adds columns before paid,difference as features arrive).
colnum() { head -n 1 "$1" | tr ',' '\n' | grep -nxF "$2" | cut -d: -f1; }
# A summary value from the report: "# NAME,VALUE".
summary() { sed -n "s/^# $2,//p" "$1"; }
# Two-decimal amount → øre, integer arithmetic only (no floating point).
ore() {
    local v=$1 sign=""
    [ "${v#-}" != "$v" ] && sign=- && v=${v#-}
    echo "$sign$((10#${v%.*} * 100 + 10#${v#*.}))"
}
# Report data lines: after the header, up to the empty line before the summary.
data() { awk 'NR > 1 && /^$/ { exit } NR > 1' "$1"; }

# ---- The historic file: exactly the six altered rows --------------------------------
(cd "$FIX" && "$RFY" audit -o "$TMP/history.out.csv" history.csv) 2>"$TMP/history.err"
check "history: exit 1 (differences)" [ $? = 1 ]
check "history: report = golden (the six altered rows, then the summary)" \
    same "$FIX/history.expected.csv" "$TMP/history.out.csv"
check "history: standard error = golden summary" same "$FIX/history.expected.stderr" "$TMP/history.err"
check "history: rejects file holds the header only" \
    [ "$(cat "$TMP/history.out.rejects.csv")" = "line,case_id,column,reason,code" ]
check "history: flagged exactly H-1004 2015-04, H-1008 2017-08, H-1013 2020-01, H-1017 2022-01, H-1022 2024-03, H-1025 2025-02" \
    [ "$(data "$TMP/history.out.csv" | cut -d, -f1,2 | tr '\n' ' ')" = \
      "H-1004,2015-04 H-1008,2017-08 H-1013,2020-01 H-1017,2022-01 H-1022,2024-03 H-1025,2025-02 " ]

# The summary adds up: rows = matches + differences + rejects, against the input's own count.
rep=$TMP/history.out.csv
rows=$(summary "$rep" rows) matches=$(summary "$rep" matches)
diffs=$(summary "$rep" differences) rejects=$(summary "$rep" rejects)
check "history: 30 rows in the input" [ "$(($(wc -l <"$FIX/history.csv") - 1))" = 30 ]
check "history: summary rows,30 matches,24 differences,6 rejects,0" \
    [ "$rows/$matches/$diffs/$rejects" = "30/24/6/0" ]
check "history: rows = matches + differences + rejects" [ "$rows" = $((matches + diffs + rejects)) ]
check "history: differences = report data lines" [ "$diffs" = "$(data "$rep" | wc -l)" ]
# Sum of the alterations, by hand (README): 0.01 - 0.01 + 100.00 - 100.00 + 0.01 + 100.00 = 100.01.
check "history: sum_of_differences = 100.01 (README)" [ "$(summary "$rep" sum_of_differences)" = 100.01 ]
C_PAYMENT=$(colnum "$rep" payment)
C_PAID=$(colnum "$rep" paid)
C_DIFF=$(colnum "$rep" difference)
C_LAST_BATCH=$((C_PAID - 1)) # the batch output columns come first
total=0
while IFS= read -r d; do total=$((total + $(ore "$d"))); done < <(data "$rep" | cut -d, -f"$C_DIFF")
check "history: the difference column adds up to 10001 øre" [ "$total" = 10001 ]
# difference = paid - payment on every line, in øre.
while IFS=, read -r payment paid d; do
    [ $(($(ore "$paid") - $(ore "$payment"))) = "$(ore "$d")" ] || { bad "difference $d != $paid - $payment"; continue; }
    ok
done < <(data "$rep" | cut -d, -f"$C_PAYMENT,$C_PAID,$C_DIFF")
# total_paid - total_payment = sum_of_differences
check "history: total_paid - total_payment = sum_of_differences" \
    [ $(($(ore "$(summary "$rep" total_paid)") - $(ore "$(summary "$rep" total_payment)"))) = 10001 ]

# The batch columns of a report line are what `rfy batch` writes for that row.
cut -d, -f1-18 "$FIX/history.csv" >"$TMP/nopaid.csv" # paid is column 19; no quoted commas here
"$RFY" batch --quiet -o "$TMP/nopaid.out.csv" "$TMP/nopaid.csv" 2>/dev/null
check "batch of the same rows: exit 0" [ $? = 0 ]
n=0
while IFS= read -r line; do
    grep -qxF "$(printf '%s' "$line" | cut -d, -f1-"$C_LAST_BATCH")" "$TMP/nopaid.out.csv" && n=$((n + 1))
done < <(data "$rep")
check "report: the batch columns = batch output, all 6 lines" [ "$n" = 6 ]

# ---- A file that matches everywhere ------------------------------------------------------
(cd "$FIX" && "$RFY" audit -o "$TMP/exact.out.csv" exact.csv) 2>"$TMP/exact.err"
check "exact: exit 0" [ $? = 0 ]
check "exact: no data lines" [ "$(data "$TMP/exact.out.csv" | wc -l)" = 0 ]
check "exact: matches,30 differences,0 rejects,0 sum 0.00" \
    [ "$(summary "$TMP/exact.out.csv" matches)/$(summary "$TMP/exact.out.csv" differences)/$(summary "$TMP/exact.out.csv" rejects)/$(summary "$TMP/exact.out.csv" sum_of_differences)" = "30/0/0/0.00" ]

# ---- Holiday beyond the right is flagged (§ 69 stk. 5, docs/holiday.md) ---------------------
# A paid every month 2023-01..2024-02 at 2023/2024 forsørger (15.874 / 16.382), every payment right;
# 10 days of holiday with ydelse in January 2024 (run 12: right, left 25), 30 in February (allowed
# 25: excess 5).  The report lists February only: difference 0.00, holiday_excess_days 5.00.
{
    echo "case_id,month,category,holiday_ydelse_days,paid"
    for m in 01 02 03 04 05 06 07 08 09 10 11 12; do echo "A,2023-$m,forsorger,,15874.00"; done
    echo "A,2024-01,forsorger,10,16382.00"
    echo "A,2024-02,forsorger,30,16382.00"
} >"$TMP/excess.csv"
"$RFY" audit -o "$TMP/excess.out.csv" "$TMP/excess.csv" 2>"$TMP/excess.err"
check "excess: exit 0 (every amount matches)" [ $? = 0 ]
ex=$TMP/excess.out.csv
check "excess: summary holiday_excess,1 matches,14 differences,0" \
    [ "$(summary "$ex" holiday_excess)/$(summary "$ex" matches)/$(summary "$ex" differences)" = 1/14/0 ]
check "excess: one report line, February 2024" [ "$(data "$ex" | cut -d, -f1,2)" = "A,2024-02" ]
c_ex=$(head -1 "$ex" | tr ',' '\n' | grep -nxF holiday_excess_days | cut -d: -f1)
c_used=$(head -1 "$ex" | tr ',' '\n' | grep -nxF holiday_used_days | cut -d: -f1)
check "excess: holiday_excess_days 5.00, holiday_used_days 35.00, difference 0.00" \
    [ "$(data "$ex" | cut -d, -f"$c_ex,$c_used,$(head -1 "$ex" | tr ',' '\n' | grep -nxF difference | cut -d: -f1)")" = "35.00,5.00,0.00" ]
check "excess: said on standard error" grep -q "1 sagsmåned med ferie ud over retten" "$TMP/excess.err"

# ---- --decimal-comma and --delimiter ; give the same report --------------------------------
tr ',.' ';,' <"$FIX/history.csv" >"$TMP/comma.csv"
(cd "$FIX" && "$RFY" audit --decimal-comma --delimiter ';' -o "$TMP/history.out.csv" "$TMP/comma.csv") 2>/dev/null
check "decimal comma: exit 1" [ $? = 1 ]
check "decimal comma: same report (output always '.' and ',')" \
    same "$FIX/history.expected.csv" "$TMP/history.out.csv"

# ---- Standard input, report on standard output --------------------------------------------
"$RFY" audit - <"$FIX/history.csv" >"$TMP/stdout.csv" 2>"$TMP/stdout.err"
check "stdin: exit 1" [ $? = 1 ]
check "stdin: the report on standard output is clean (= golden)" same "$FIX/history.expected.csv" "$TMP/stdout.csv"
check "stdin: exactly one receipt line on standard error" [ "$(grep -c '^rfy receipt: {' "$TMP/stdout.err")" = 1 ]
sed -n 's/^rfy receipt: //p' "$TMP/stdout.err" >"$TMP/stdin.receipt.json"
j=$(flat "$TMP/stdin.receipt.json")
check "stdin: receipt input name -" [ "$(field "$j" input name)" = - ]
check "stdin: receipt hashes standard input (= sha256sum)" [ "$(field "$j" input sha256)" = "$(sha "$FIX/history.csv")" ]
check "stdin: receipt byte count (= wc -c)" [ "$(field "$j" input bytes)" = "$(wc -c <"$FIX/history.csv")" ]
check "stdin: no hash for standard output" [ "$(field "$j" output sha256)" = null ]

# ---- The receipt --------------------------------------------------------------------------
(cd "$FIX" && "$RFY" audit -o "$TMP/history.out.csv" history.csv) 2>/dev/null
R=$TMP/history.out.receipt.json
check "receipt: written next to the report" [ -f "$R" ]
j=$(flat "$R")
check "receipt: input SHA-256 = sha256sum history.csv" [ "$(field "$j" input sha256)" = "$(sha "$FIX/history.csv")" ]
check "receipt: report SHA-256 = sha256sum of the report" [ "$(field "$j" output sha256)" = "$(sha "$TMP/history.out.csv")" ]
check "receipt: rejects SHA-256 = sha256sum of the rejects file" \
    [ "$(field "$j" rejects sha256)" = "$(sha "$TMP/history.out.rejects.csv")" ]
check "receipt: rates id = the report's rates_id" [ "$(field "$j" rates id)" = "$RATES_ID" ]
check "receipt: rows = matches + differences + rejected" \
    [ "$(field "$j" "" rows)" = $(($(field "$j" "" matches) + $(field "$j" "" differences) + $(field "$j" "" rejected))) ]
# The whole layout, with the two output hashes (just checked) as placeholders.
sed -e "s/$(sha "$TMP/history.out.csv")/REPORT_SHA256/" \
    -e "s/$(sha "$TMP/history.out.rejects.csv")/REJECTS_SHA256/" "$R" >"$TMP/receipt.norm"
check "receipt: = golden" same "$FIX/history.expected.receipt.json" "$TMP/receipt.norm"
check "receipt: no timestamp" bash -c "! grep -Eq '20[0-9]{2}-[0-9]{2}-[0-9]{2}T|\"time' '$R'"

# ---- Determinism: run twice, compare byte for byte -------------------------------------------
mkdir "$TMP/run1"
cp "$TMP/history.out.csv" "$TMP/history.out.rejects.csv" "$R" "$TMP/run1/"
(cd "$FIX" && "$RFY" audit -o "$TMP/history.out.csv" history.csv) 2>/dev/null
check "determinism: same report" cmp -s "$TMP/run1/history.out.csv" "$TMP/history.out.csv"
check "determinism: same rejects" cmp -s "$TMP/run1/history.out.rejects.csv" "$TMP/history.out.rejects.csv"
check "determinism: same receipt" cmp -s "$TMP/run1/history.out.receipt.json" "$R"

# --receipt PATH puts it there instead.
(cd "$FIX" && "$RFY" audit -o "$TMP/x.csv" --receipt "$TMP/my.json" history.csv) 2>/dev/null
check "--receipt PATH: written there" [ -f "$TMP/my.json" -a ! -e "$TMP/x.receipt.json" ]
check "--receipt PATH: same content as the default place would get" \
    [ "$(field "$(flat "$TMP/my.json")" output sha256)" = "$(sha "$TMP/x.csv")" ]

# ---- rates_id follows the tables -------------------------------------------------------------
# docs/audit.md: rates_id = first 16 hex digits of SHA-256 over, per *.csv file in byte order of
# the names: name, NUL, decimal byte count, LF, the bytes.  Recomputed here with coreutils only.
rates_fp() {
    (cd "$1" && for f in $(LC_ALL=C ls -- *.csv); do
        printf '%s\0%s\n' "$f" "$(wc -c <"$f")"
        cat -- "$f"
    done) | sha256sum | cut -c1-16
}
check "rates_id of the shipped tables = the documented recipe" [ "$(rates_fp "$SRC/rates")" = "$RATES_ID" ]
cp -r "$SRC/rates" "$TMP/rates"
"$RFY" audit --rates "$TMP/rates" -o "$TMP/r0.csv" "$FIX/history.csv" 2>/dev/null
j=$(flat "$TMP/r0.receipt.json")
check "rates copy: same rates_id as built in" [ "$(field "$j" rates id)" = "$RATES_ID" ]
check "rates copy: receipt names the directory" [ "$(field "$j" rates source)" = "$TMP/rates" ]
# An amount the fixture does not use: the 2012 tables only seed the indexation chain (no
# ressourceforløb month before 2013-01 is computed): wage threshold 13000 -> 13001.
sed -i 's/^wage_threshold_month,2012-01-01,2012-12-31,13000,/wage_threshold_month,2012-01-01,2012-12-31,13001,/' "$TMP/rates/2012.csv"
check "unused edit applied" grep -q '^wage_threshold_month,2012-01-01,2012-12-31,13001,' "$TMP/rates/2012.csv"
"$RFY" audit --rates "$TMP/rates" -o "$TMP/r1.csv" "$FIX/history.csv" 2>/dev/null
check "unused edit: exit 1" [ $? = 1 ]
id1=$(field "$(flat "$TMP/r1.receipt.json")" rates id)
check "unused edit: rates_id changes" [ -n "$id1" -a "$id1" != "$RATES_ID" ]
check "unused edit: rates_id = the documented recipe" [ "$(rates_fp "$TMP/rates")" = "$id1" ]
check "unused edit: the same six rows differ, by the same amounts" \
    [ "$(data "$TMP/r1.csv" | cut -d, -f1,2,"$C_PAID,$C_DIFF")" = "$(data "$FIX/history.expected.csv" | cut -d, -f1,2,"$C_PAID,$C_DIFF")" ]
# An amount the fixture uses: 2024 u25_hjemme 3834 -> 3835 moves H-1023 (2 children:
# 3834 + 2 x 1548 = 6930 paid; now 3835 + 3096 = 6931, difference 6930 - 6931 = -1.00).
sed -i 's/^rfy_u25_hjemme,2024-01-01,2024-12-31,3834,/rfy_u25_hjemme,2024-01-01,2024-12-31,3835,/' "$TMP/rates/2024.csv"
check "used edit applied" grep -q '^rfy_u25_hjemme,2024-01-01,2024-12-31,3835,' "$TMP/rates/2024.csv"
"$RFY" audit --rates "$TMP/rates" -o "$TMP/r2.csv" "$FIX/history.csv" 2>/dev/null
id2=$(field "$(flat "$TMP/r2.receipt.json")" rates id)
check "used edit: rates_id changes again" [ -n "$id2" -a "$id2" != "$id1" -a "$id2" != "$RATES_ID" ]
check "used edit: H-1023 now differs by -1.00" grep -q '^H-1023,2024-07,.*,6930.00,-1.00$' "$TMP/r2.csv"
check "used edit: 7 differences, sum 100.01 - 1.00 = 99.01" \
    [ "$(summary "$TMP/r2.csv" differences)/$(summary "$TMP/r2.csv" sum_of_differences)" = 7/99.01 ]

# ---- --explain --------------------------------------------------------------------------------
(cd "$FIX" && "$RFY" audit -o "$TMP/e.csv" --explain H-1017:2022-01 history.csv) >"$TMP/explain.out" 2>/dev/null
check "--explain: exit 1" [ $? = 1 ]
check "--explain: headed with line, paid and difference" \
    grep -qxF "=== Linje 23, sag H-1017: udbetalt 14.040,55 kr., genberegnet 14.140,55 kr., forskel -100,00 kr. (udbetalt − genberegnet): afviger ===" "$TMP/explain.out"
check "--explain: the breakdown (Til udbetaling)" grep -q '^  Til udbetaling (før skat)     14.140,55' "$TMP/explain.out"
check "--explain: headed as a recomputation" \
    grep -qxF "Genberegning af ressourceforløbsydelse for en udbetalt måned" "$TMP/explain.out"
check "--explain: closed as a recomputation" \
    grep -qxF "Dette er en genberegning efter reglerne af en udbetalt måned, ikke en afgørelse." "$TMP/explain.out"
check "--explain: never a forhåndsberegning" sh -c "! grep -qi forhåndsberegning '$TMP/explain.out'"
check "--explain: the § of the wage deduction" grep -qF '(§ 68 a, stk. 2)' "$TMP/explain.out"
check "--explain CASE:YYYY-MM: only that month (H-1017 2021-12 is left out)" \
    [ "$(grep -c '^=== Linje' "$TMP/explain.out")" = 1 ]
(cd "$FIX" && "$RFY" audit -o "$TMP/e.csv" --explain H-1017 history.csv) >"$TMP/explain2.out" 2>/dev/null
check "--explain CASE: every month of the case, matching (2021-12) or not (2022-01)" \
    [ "$(grep -c '^=== Linje' "$TMP/explain2.out")" = 2 -a "$(grep -c ': stemmer ===$' "$TMP/explain2.out")" = 1 ]
check "--explain: report unchanged" same "$FIX/history.expected.csv" "$TMP/e.csv"
# With the report on standard output the breakdown goes to standard error.
"$RFY" audit --explain H-1013 - <"$FIX/history.csv" >"$TMP/e2.csv" 2>"$TMP/e2.err"
check "--explain, report on stdout: report clean" same "$FIX/history.expected.csv" "$TMP/e2.csv"
check "--explain, report on stdout: breakdown on stderr" grep -q '^=== Linje 18, sag H-1013:.* forskel 100,00 kr.' "$TMP/e2.err"
"$RFY" audit -o "$TMP/e3.csv" --explain H-1001 "$FIX/history.csv" >"$TMP/e3.out" 2>"$TMP/e3.err"
check "--explain of a matching case: explained too" \
    grep -q '^=== Linje .*sag H-1001: .*: stemmer ===$' "$TMP/e3.out"
"$RFY" audit -o "$TMP/e4.csv" --explain NOSUCH "$FIX/history.csv" >"$TMP/e4.out" 2>"$TMP/e4.err"
check "--explain of an unknown case: nothing printed, a note" \
    [ ! -s "$TMP/e4.out" ] && grep -q 'no computed case-month has that case_id' "$TMP/e4.err"

# ---- Rejects: a bad paid is a reject naming the column ------------------------------------------
cat >"$TMP/bad.csv" <<'EOF'
case_id,month,category,paid
A,2024-03,forsorger,abc
B,2024-03,forsorger,
C,2024-03,forsorger,10000000.00
D,2024-03,forsorger,"16382,00"
E,2024-03,forsorger,16382
F,2024-13,forsorger,1
G,2024-03,forsorger,16382.01
EOF
"$RFY" audit -o "$TMP/bad.out.csv" "$TMP/bad.csv" 2>"$TMP/bad.err"
check "bad paid: exit 1" [ $? = 1 ]
check "bad paid: rejects name the column paid (and month for F)" \
    [ "$(tail -n +2 "$TMP/bad.out.rejects.csv" | cut -d, -f1-3 | tr '\n' ' ')" = \
      "2,A,paid 3,B,paid 4,C,paid 5,D,paid 7,F,month " ]
check "bad paid: reasons" grep -qxF "4,C,paid,\"paid '10000000.00' er over grænsen 9.999.999,99 kr.\",amount_too_large" "$TMP/bad.out.rejects.csv"
check "bad paid: rows 7 = 1 match + 1 difference + 5 rejects" \
    [ "$(summary "$TMP/bad.out.csv" rows)/$(summary "$TMP/bad.out.csv" matches)/$(summary "$TMP/bad.out.csv" differences)/$(summary "$TMP/bad.out.csv" rejects)" = 7/1/1/5 ]
check "bad paid: receipt counts" \
    [ "$(field "$(flat "$TMP/bad.out.receipt.json")" "" rejected)" = 5 ]
# Rejects only, no difference: still exit 1.
head -2 "$TMP/bad.csv" >"$TMP/onlybad.csv"
"$RFY" audit -o "$TMP/onlybad.out.csv" "$TMP/onlybad.csv" 2>/dev/null
check "a reject without differences: exit 1" [ $? = 1 ]

# ---- The reconciled summary (run_summary.h, as batch prints it) ---------------------------------
# fixtures/audit/reconcile.csv, by hand (rates/2024.csv: forsørger 16.382, T = 16.323; from 2022
# a ressourceforløb deducts 55 % of wage above T, § 68 a stk. 2):
#   R1 wage 20.000: 0,55 × (20.000 − 16.323) = 0,55 × 3.677 = 2.022,35; 16.382 − 2.022,35 = 14.359,65
#   R2 wage 50.000: 0,55 × 33.677 = 18.522,35 > 16.382: payment 0, 2.140,35 beyond the benefit
#   gross 16.382 + 16.382 = 32.764,00; paid 14.359,65 + 0 = 14.359,65;
#   applied = gross − paid = 18.404,35 (= 2.022,35 + 16.382); total_deduction column
#   2.022,35 + 18.522,35 = 20.544,70 = applied 18.404,35 + beyond 2.140,35.
#   Rejects: P1 and P2 (paid not a number: 2), M1 (month 2024-13: 1).
"$RFY" audit -o "$TMP/rc.csv" "$FIX/reconcile.csv" 2>"$TMP/rc.err"
check "reconcile: exit 1 (rejects)" [ $? = 1 ]
check "reconcile: rows 5 = 2 match + 0 differ + 3 rejects" \
    [ "$(summary "$TMP/rc.csv" rows)/$(summary "$TMP/rc.csv" matches)/$(summary "$TMP/rc.csv" differences)/$(summary "$TMP/rc.csv" rejects)" = 5/2/0/3 ]
check "reconcile: gross 32764.00 - applied 18404.35 = recomputed 14359.65 on standard error" \
    grep -qxF "rfy audit: brutto 32764.00 - anvendte fradrag 18404.35 = genberegnet 14359.65" "$TMP/rc.err"
line=$(sed -n 's/^rfy audit: brutto \([0-9.]*\) - anvendte fradrag \([0-9.]*\) = genberegnet \([0-9.]*\)$/\1 \2 \3/p' "$TMP/rc.err")
read -r g a p <<<"$line"
check "reconcile: gross - applied = recomputed, in øre (3276400 - 1840435 = 1435965)" \
    [ -n "$line" ] && [ $(($(ore "$g") - $(ore "$a"))) = "$(ore "$p")" ] && [ "$(ore "$p")" = 1435965 ]
check "reconcile: recomputed = the report's total_payment" [ "$p" = "$(summary "$TMP/rc.csv" total_payment)" ]
check "reconcile: beyond the benefit 2140.35, one case-month paid 0" \
    grep -qF "rfy audit: fradrag ud over ydelsen 2140.35 (ikke udbetalt, ikke skyldig); sagsmåneder med udbetaling 0: 1; på en afledt sats: 0" "$TMP/rc.err"
check "reconcile: 2 rejected for paid not a number (the commonest first)" \
    [ "$(grep -n "^rfy audit: 2 afvist: paid: paid '…' er ikke et gyldigt tal" "$TMP/rc.err" | cut -d: -f1)" = 4 ]
check "reconcile: 1 rejected for month" \
    [ "$(grep -n "^rfy audit: 1 afvist: month: month '…' er ikke en gyldig måned" "$TMP/rc.err" | cut -d: -f1)" = 5 ]
check "reconcile: the existing lines are still there" \
    grep -qxF "rfy audit: sum af differencer (betalt - udbetaling) 0.00; betalt i alt 14359.65, genberegnet i alt 14359.65" "$TMP/rc.err"
j=$(flat "$TMP/rc.receipt.json")
check "reconcile receipt: gross/applied/beyond/paid 32764.00/18404.35/2140.35/14359.65" \
    [ "$(field "$j" summary gross)/$(field "$j" summary deductions_applied)/$(field "$j" summary deductions_beyond_benefit)/$(field "$j" summary paid)" = 32764.00/18404.35/2140.35/14359.65 ]
check "reconcile receipt: case-months paid 0: 1" [ "$(field "$j" summary case_months_paid_zero)" = 1 ]
check "reconcile receipt: rejects by reason paid 2, month 1" \
    [ "$(printf '%s' "$j" | grep -o '"column":"[a-z]*","code":"[a-z_;]*","reason":"[^"]*","count":[0-9]*' | sed 's/"column":"\([a-z]*\)".*"count":/\1 /' | tr '\n' ' ')" = "paid 2 month 1 " ]
check "reconcile receipt: totals unchanged (deductions = the column sum 20544.70)" \
    [ "$(field "$j" totals deductions)" = 20544.70 ]
# The shipped history: gross - applied = recomputed there too.
line=$(sed -n 's/^rfy audit: brutto \([0-9.]*\) - anvendte fradrag \([0-9.]*\) = genberegnet \([0-9.]*\)$/\1 \2 \3/p' "$TMP/history.err")
read -r g a p <<<"$line"
check "history: gross - applied = recomputed = total_payment" \
    [ -n "$line" ] && [ $(($(ore "$g") - $(ore "$a"))) = "$(ore "$p")" ] && [ "$p" = "$(summary "$rep" total_payment)" ]
# docs/audit.md's example summary is checked by tests/doc_examples.sh.
# --format xlsx: the summary sheet holds the "# name,value" block, then the reconciled figures.
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
    "$RFY" audit --format xlsx -o "$TMP/rc.xlsx" "$FIX/reconcile.csv" 2>/dev/null
    check "reconcile xlsx: exit 1" [ $? = 1 ]
    /usr/bin/python3 - "$TMP/rc.xlsx" >"$TMP/rc.xlsx.txt" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["resumé"]
for row in ws.iter_rows(values_only=True):
    print("|".join("" if v is None else str(v) for v in row).rstrip("|"))
PY
    check "reconcile xlsx: the report block first (rows 5)" [ "$(head -n 1 "$TMP/rc.xlsx.txt")" = "rows|5" ]
    check "reconcile xlsx: gross, applied, paid 32764/18404.35/14359.65" \
        [ "$(grep -E '^(brutto|anvendte fradrag|udbetalt \(brutto - anvendte fradrag\))\|' "$TMP/rc.xlsx.txt" | cut -d'|' -f2 | tr '\n' ' ')" = "32764 18404.35 14359.65 " ]
    check "reconcile xlsx: rejects by reason, counts 2 and 1" \
        [ "$(grep -E "^\|[0-9]+\|(paid|month)\|" "$TMP/rc.xlsx.txt" | cut -d'|' -f2,3 | tr '\n' ' ')" = "2|paid 1|month " ]
fi

# ---- Usage errors: exit 2, nothing written --------------------------------------------------------
"$RFY" audit -o "$TMP/np.csv" "$TMP/nopaid.csv" 2>"$TMP/np.err"
check "missing paid: exit 2" [ $? = 2 ]
check "missing paid: named" grep -qF "linje 1: kolonnen paid mangler" "$TMP/np.err"
"$RFY" --lang en audit -o "$TMP/npe.csv" "$TMP/nopaid.csv" 2>"$TMP/npe.err"
check "missing paid: named (--lang en)" grep -qF "line 1: missing column paid" "$TMP/npe.err"
check "missing paid: nothing written" [ "$(compgen -G "$TMP/np*.csv*" | grep -vc nopaid)" = 0 ]
"$RFY" audit -o "$TMP/cl.csv" --receipt "$FIX/history.csv" "$FIX/history.csv" 2>"$TMP/cl.err"
check "--receipt = input: exit 2" [ $? = 2 ]
"$RFY" audit --receipt - - <"$FIX/history.csv" >/dev/null 2>"$TMP/cl.err"
check "--receipt - with the report on stdout: exit 2" [ $? = 2 ]
check "--receipt clash: nothing written" [ ! -e "$TMP/cl.csv" ]
# A receipt that cannot be written takes the report and rejects back.
"$RFY" audit -o "$TMP/rb.csv" --receipt "$TMP/nodir/r.json" "$FIX/history.csv" 2>"$TMP/rb.err"
check "unwritable receipt: exit 2" [ $? = 2 ]
check "unwritable receipt: no report, rejects or temporary left" [ -z "$(compgen -G "$TMP/rb*.csv*")" ]
check "unwritable receipt: message" grep -qF "kan ikke oprette $TMP/nodir/r.json" "$TMP/rb.err"
"$RFY" audit -o /dev/full --rejects "$TMP/full.rej.csv" "$FIX/history.csv" 2>/dev/null
check "report on /dev/full: exit 2, no rejects or receipt" [ $? = 2 -a ! -e "$TMP/full.rej.csv" ]
"$RFY" audit >/dev/null 2>&1
check "no input: exit 2" [ $? = 2 ]
"$RFY" audit --help >"$TMP/help" 2>&1
check "--help: exit 0" [ $? = 0 -a "$(head -c 15 "$TMP/help")" = "brug: rfy audit" ]

# ---- batch writes a receipt too ----------------------------------------------------------------------
"$RFY" batch --quiet -o "$TMP/b.csv" "$TMP/nopaid.csv" 2>"$TMP/b.err"
check "batch: exit 0" [ $? = 0 ]
j=$(flat "$TMP/b.receipt.json")
check "batch receipt: command batch" [ "$(field "$j" "" command)" = batch ]
check "batch receipt: input SHA-256" [ "$(field "$j" input sha256)" = "$(sha "$TMP/nopaid.csv")" ]
check "batch receipt: output SHA-256" [ "$(field "$j" output sha256)" = "$(sha "$TMP/b.csv")" ]
check "batch receipt: rejects SHA-256" [ "$(field "$j" rejects sha256)" = "$(sha "$TMP/b.rejects.csv")" ]
check "batch receipt: 30 rows computed" [ "$(field "$j" "" rows)/$(field "$j" "" computed)/$(field "$j" "" rejected)" = 30/30/0 ]
# Its total paid is the audit's recomputed total over the same rows.
check "batch receipt: total paid = audit total_payment" \
    [ "$(field "$j" totals paid)" = "$(summary "$FIX/history.expected.csv" total_payment)" ]
check "batch: no receipt text on standard error when it goes to a file" \
    bash -c "! grep -q 'rfy receipt' '$TMP/b.err'"
"$RFY" batch --quiet - <"$TMP/nopaid.csv" >"$TMP/bs.csv" 2>"$TMP/bs.err"
check "batch to stdout: the CSV is clean" cmp -s "$TMP/b.csv" "$TMP/bs.csv"
check "batch to stdout: one receipt line on stderr with the input's hash" \
    grep -q "^rfy receipt: {.*\"input\":{\"name\":\"-\",\"bytes\":[0-9]*,\"sha256\":\"$(sha "$TMP/nopaid.csv")\"" "$TMP/bs.err"
cp "$TMP/b.receipt.json" "$TMP/b1.receipt.json"
"$RFY" batch --quiet -o "$TMP/b.csv" "$TMP/nopaid.csv" 2>/dev/null
check "batch: receipt deterministic" cmp -s "$TMP/b1.receipt.json" "$TMP/b.receipt.json"

# ---- --tolerance and a payment line: every sum and count adds up -------------------------------
# By hand (2024-03: forsørger 16382.00, ikke-forsørger 12326.00; ressourceforløb: 55 % of
# the wage above 16323.00, so wage 20000.00 -> 0.55 x 3677 = 2022.35 -> payment 14359.65):
#   A1 forsørger, wage 20000, paid 14359.90:          +0.25   match (|0.25| <= 0.50)
#   A2 ikke-forsørger, paid 12326.00:                  0.00   match
#   A3 forsørger, wage 20000, paid 14000.00, and a payment line of 400.00 (line 5):
#      paid 14400.00 - 14359.65 =                     +40.35  overpaid
#   A4 ikke-forsørger, paid 12325.60:                 -0.40   match
# rows 5 = computed 5 (the payment line included) + rejected 0; case_months 4 = matches 3
# + differences 1.  within_tolerance 0.25 + 0.00 - 0.40 = -0.15; overpaid 40.35, underpaid 0.00.
# total_paid 14359.90 + 12326.00 + 14400.00 + 12325.60 = 53411.50;
# total_payment 14359.65 + 12326.00 + 14359.65 + 12326.00 = 53371.30;
# sum_of_differences 53411.50 - 53371.30 = 40.20 = 40.35 + 0.00 - 0.15.
printf 'case_id,month,category,wage,paid\nA1,2024-03,forsorger,20000.00,14359.90\nA2,2024-03,ikke_forsorger,,12326.00\nA3,2024-03,forsorger,20000.00,14000.00\nA3,2024-03,,,400.00\nA4,2024-03,ikke_forsorger,,12325.60\n' >"$TMP/tol.csv"
"$RFY" audit --tolerance 0,50 -o "$TMP/tol.out.csv" "$TMP/tol.csv" 2>"$TMP/tol.err"
check "tolerance: exit 1 (one difference)" [ $? = 1 ]
T=$TMP/tol.out.csv
check "tolerance: only A3 listed, +40.35" [ "$(data "$T" | cut -d, -f1,"$(colnum "$T" difference)")" = "A3,40.35" ]
check "tolerance: overpaid 40.35, underpaid 0.00, within_tolerance -0.15" \
    [ "$(summary "$T" overpaid)/$(summary "$T" underpaid)/$(summary "$T" within_tolerance)" = "40.35/0.00/-0.15" ]
check "tolerance: sum_of_differences 40.20 = total_paid 53411.50 - total_payment 53371.30" \
    [ "$(summary "$T" sum_of_differences)/$(summary "$T" total_paid)/$(summary "$T" total_payment)" = "40.20/53411.50/53371.30" ]
check "tolerance: sum_of_differences = total_paid - total_payment (øre)" \
    [ $(($(ore "$(summary "$T" total_paid)") - $(ore "$(summary "$T" total_payment)"))) = "$(ore "$(summary "$T" sum_of_differences)")" ]
check "tolerance: standard error gives the within-tolerance part (Danish by default)" \
    grep -qF "overbetalt 1 sagsmåned, 40.35; underbetalt 0 sagsmåneder, 0.00; inden for tolerancen -0.15" "$TMP/tol.err"
"$RFY" audit --lang en --tolerance 0,50 -o "$TMP/tol.en.csv" "$TMP/tol.csv" 2>"$TMP/tol.en.err"
check "tolerance: the same in English with --lang en" \
    grep -qF "overpaid 1 case-month, 40.35; underpaid 0 case-months, 0.00; within the tolerance -0.15" "$TMP/tol.en.err"
j=$(flat "$TMP/tol.out.receipt.json")
check "tolerance receipt: rows 5 = computed 5 + rejected 0" \
    [ "$(field "$j" "" rows)/$(field "$j" "" computed)/$(field "$j" "" rejected)" = 5/5/0 ]
check "tolerance receipt: case_months 4 = matches 3 + differences 1" \
    [ "$(field "$j" "" case_months)/$(field "$j" "" matches)/$(field "$j" "" differences)" = 4/3/1 ]
check "tolerance receipt: totals.difference 40.20 (= the report's sum_of_differences)" \
    [ "$(field "$j" totals difference)" = 40.20 ]
check "tolerance receipt: options.tolerance 0.50 (the run can be repeated from it)" \
    [ "$(field "$j" options tolerance)" = 0.50 ]
"$RFY" audit --tolerance "$(field "$j" options tolerance)" -o "$TMP/tol2.out.csv" "$TMP/tol.csv" 2>/dev/null
check "tolerance receipt: repeated from its options, the same report" cmp -s "$T" "$TMP/tol2.out.csv"

rfy_test_finish
