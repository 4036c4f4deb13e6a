#!/usr/bin/env bash
# Case-months from several rows (rules.md §7; interface.md `lines` and payment lines):
#   - the new user's five cases (fixtures/casemonth/README.md has the arithmetic);
#   - every input row is named in exactly one output row's `lines` or one reject;
#   - sorted, shuffled, piped and --jobs 2 input give the same output (apart from `lines`);
#   - audit: paid summed over a case-month's rows, payment lines, --tolerance, over- and
#     underpayments apart, --explain CASE:YYYY-MM of a case-month of two periods, --jobs.
#
# usage: bash test_casemonth_batch.sh PATH_TO_RFY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"
FIX=$SRC/fixtures/casemonth

# ---- The new user's cases ----------------------------------------------------------------------
"$RFY" batch -o "$TMP/nu.csv" "$FIX/newuser.csv" 2>"$TMP/nu.err"
check "newuser: exit 1 (rows rejected)" [ $? = 1 ]
row() { grep "^$1,$2," "$TMP/nu.csv"; }
check "LON: one threshold for the month: wage 2022.35, payment 14359.65, lines 7;9" \
    [ "$(row LON 2024-05 | cut -d, -f8,9,14,17)" = "16382.00,2022.35,14359.65,7;9" ]
check "BARN: gross 14942.77, wage 2022.35, payment 12920.42, lines 5;10, both categories" \
    [ "$(row BARN 2024-07 | cut -d, -f3,8,9,14,17)" = "ikke_forsorger;forsorger,14942.77,2022.35,12920.42,5;10" ]
check "BARN: both levels named" grep -qF 'BARN,2024-07,ikke_forsorger;forsorger,ressourceforloeb,§ 68 stk. 2 nr. 2; § 68 stk. 2 nr. 1,31,31' "$TMP/nu.csv"
check "HUL: days 10-16 unpaid: 24 days, 12682.84, lines 11;12" \
    [ "$(row HUL 2024-07 | cut -d, -f6,8,14,17)" = "24,12682.84,12682.84,11;12" ]
check "TRE and MAJ: no output row" [ -z "$(row TRE 2024-05; row MAJ 2024-05)" ]
rej=$TMP/nu.rejects.csv
check "TRE: all three rows rejected" [ "$(grep -c '^[0-9]*,TRE,' "$rej")" = 3 ]
check "TRE: line 2 names line 4 (an exact repeat overlaps)" grep -q '^2,TRE,start,dagene overlapper linje 4 (samme sag og måned)' "$rej"
check "TRE: line 8 names line 2" grep -q '^8,TRE,start,dagene overlapper linje 2 (samme sag og måned)' "$rej"
check "MAJ: line 3 names line 6" grep -q '^3,MAJ,start,dagene overlapper linje 6 (samme sag og måned)' "$rej"
check "MAJ: line 6 names line 3" grep -q '^6,MAJ,start,dagene overlapper linje 3 (samme sag og måned)' "$rej"
check "summary: 11 rows, 6 computed (3 case-months), 5 rejected" \
    grep -q '^rfy batch: 11 rækker læst, 6 beregnet (3 sagsmåneder), 5 afvist' "$TMP/nu.err"
# TRE's three rows and MAJ's two overlap, each naming another line (2, 4, 8; 3, 6): one group of 5
check "summary: the overlaps are one reason, the line numbers left out" \
    grep -qF 'rfy batch: 5 afvist: start: dagene overlapper linje … (samme sag og måned)' "$TMP/nu.err"

# Every input row in exactly one output row's lines or one reject.
accounted() { # accounted OUT REJECTS NROWS
    local got
    # lines is the 8th column from the end (then the five holiday columns, sanction_deduction and warnings)
    got=$( (tail -n +2 "$1" | awk -F, '{ print $(NF - 7) }' | tr ';' '\n'; tail -n +2 "$2" | cut -d, -f1) | sort -n | tr '\n' ' ')
    [ "$got" = "$(seq 2 $(($3 + 1)) | tr '\n' ' ')" ]
}
check "newuser: every line named exactly once" accounted "$TMP/nu.csv" "$rej" 11

# ---- Any order, same bytes ----------------------------------------------------------------------
# A larger file: the fixtures' rows under 300 case_ids (the overlaps included), shuffled and sorted.
{
    head -1 "$FIX/newuser.csv"
    for i in $(seq 100 399); do tail -n +2 "$FIX/newuser.csv" | sed "s/^\([A-Z]*\),/\1$i,/"; done
} >"$TMP/many.csv"
{ head -1 "$TMP/many.csv"; tail -n +2 "$TMP/many.csv" | shuf --random-source=<(yes 1); } >"$TMP/shuf.csv"
{ head -1 "$TMP/many.csv"; tail -n +2 "$TMP/many.csv" | LC_ALL=C sort -t, -k1,1 -k2,2 -s; } >"$TMP/sorted.csv"
nolines() { awk -F, -v OFS=, '{ $(NF - 7) = ""; print }' "$1"; } # lines: 8th column from the end
"$RFY" batch --quiet -o "$TMP/o_sorted.csv" "$TMP/sorted.csv" 2>"$TMP/o_sorted.err"
no_notice() { ! grep -q 'ikke i sagsmåned-orden' "$1"; }
check "sorted: streamed (no sorting notice)" no_notice "$TMP/o_sorted.err"
"$RFY" batch --quiet -o "$TMP/o_shuf.csv" "$TMP/shuf.csv" 2>"$TMP/o_shuf.err"
check "shuffled: sorted (notice)" grep -q 'ikke i sagsmåned-orden: sorteret' "$TMP/o_shuf.err"
"$RFY" batch --quiet --jobs 2 -o "$TMP/o_shuf2.csv" "$TMP/shuf.csv" 2>/dev/null
"$RFY" batch --quiet --jobs 3 - <"$TMP/shuf.csv" >"$TMP/o_pipe.csv" 2>/dev/null
check "shuffled = sorted, apart from lines" cmp -s <(nolines "$TMP/o_sorted.csv") <(nolines "$TMP/o_shuf.csv")
check "shuffled: --jobs 2 byte-identical" cmp -s "$TMP/o_shuf.csv" "$TMP/o_shuf2.csv"
check "shuffled: piped, --jobs 3 byte-identical" cmp -s "$TMP/o_shuf.csv" "$TMP/o_pipe.csv"
check "shuffled: rejects identical for --jobs 2" cmp -s "$TMP/o_shuf.rejects.csv" "$TMP/o_shuf2.rejects.csv"
check "output order: case_id bytewise, then month" \
    cmp -s <(tail -n +2 "$TMP/o_shuf.csv" | cut -d, -f1,2) <(tail -n +2 "$TMP/o_shuf.csv" | cut -d, -f1,2 | LC_ALL=C sort -t, -k1,1 -k2,2)
check "shuffled: every line named exactly once" accounted "$TMP/o_shuf.csv" "$TMP/o_shuf.rejects.csv" 3300
check "shuffled: 900 case-months (3 per case_id)" [ "$(tail -n +2 "$TMP/o_shuf.csv" | wc -l)" = 900 ]
check "shuffled: no temporary file left (TMPDIR)" [ -z "$(ls -A "${TMPDIR:-/tmp}" 2>/dev/null | grep '^rfy-sort' || true)" ]

# ---- Audit ------------------------------------------------------------------------------------
"$RFY" audit -o "$TMP/a.csv" "$FIX/payment.csv" 2>"$TMP/a.err"
check "audit: 14000.00 + payment line 359.65 = 14359.65: no finding, exit 0" [ $? = 0 ]
summ() { sed -n "s/^# $2,//p" "$1"; }
check "audit: 3 rows, 2 case-months, 2 matches, 0 differences" \
    [ "$(summ "$TMP/a.csv" rows)/$(summ "$TMP/a.csv" case_months)/$(summ "$TMP/a.csv" matches)/$(summ "$TMP/a.csv" differences)" = 3/2/2/0 ]
cat >"$TMP/au.csv" <<'CSV'
case_id,month,category,start,end,wage,paid
U,2024-05,forsorger,,,20000,14000.00
O,2024-05,forsorger,,,,16382.40
T,2024-05,forsorger,,,,16381.75
B,2024-07,forsorger,2024-07-12,2024-07-31,,12920.42
B,2024-07,ikke_forsorger,2024-07-01,2024-07-11,20000,
L,2024-05,,,,,100.00
CSV
"$RFY" audit --tolerance 0,25 --jobs 2 -o "$TMP/au.rep.csv" --explain B:2024-07 "$TMP/au.csv" >"$TMP/au.out" 2>"$TMP/au.err"
check "audit: exit 1 (differences, a reject)" [ $? = 1 ]
# U paid 14000.00, payment 14359.65: under by 359.65; O paid 16382.40: over by 0.40;
# T 16381.75: -0.25, within the tolerance 0.25; B: 12920.42 on two period rows = the payment.
check "audit: U under by 359.65, lines 2" grep -q '^U,2024-05,.*,14359.65,published,[0-9a-f]*,2,\([^,]*,\)\{6\},14000.00,-359.65$' "$TMP/au.rep.csv"
check "audit: O over by 0.40" grep -q '^O,2024-05,.*,16382.00,published,[0-9a-f]*,3,\([^,]*,\)\{6\},16382.40,0.40$' "$TMP/au.rep.csv"
check "audit: over 1 / 0.40, under 1 / -359.65, matches 2 (T within tolerance, B)" \
    [ "$(summ "$TMP/au.rep.csv" overpayments)/$(summ "$TMP/au.rep.csv" overpaid)/$(summ "$TMP/au.rep.csv" underpayments)/$(summ "$TMP/au.rep.csv" underpaid)/$(summ "$TMP/au.rep.csv" matches)" = 1/0.40/1/-359.65/2 ]
check "audit: tolerance in the summary" [ "$(summ "$TMP/au.rep.csv" tolerance)" = 0.25 ]
check "audit: a payment line alone is rejected" grep -q '^7,L,,"en betalingslinje, men ingen række' "$TMP/au.rep.rejects.csv"
check "audit --explain B:2024-07: the two periods, matching" grep -q '^=== Linje 5 og 6, sag B: .*: stemmer ===$' "$TMP/au.out"
check "audit --explain: both periods listed" grep -q 'Måneden består af 2 perioder' "$TMP/au.out"
check "audit --explain: the payment" grep -q '^  Til udbetaling (før skat) *12.920,42' "$TMP/au.out"
"$RFY" audit --tolerance abc "$FIX/payment.csv" >/dev/null 2>&1
check "audit: a bad --tolerance is a usage error" [ $? = 2 ]
# An overlap in audit: a full row repeating a period is an overlap, as in batch.
printf 'case_id,month,category,paid\nR,2024-05,forsorger,16382.00\nR,2024-05,forsorger,100.00\n' >"$TMP/ar.csv"
"$RFY" audit -o "$TMP/ar.rep.csv" "$TMP/ar.csv" 2>/dev/null
check "audit: a repeated full row is an overlap" [ "$(grep -c 'dagene overlapper' "$TMP/ar.rep.rejects.csv")" = 2 ]
check "audit: the overlap says how to enter a correction" grep -q 'en rettelse er en betalingslinje (kun case_id, month og paid)' "$TMP/ar.rep.rejects.csv"

# ---- Preview of a case-month of several periods (docs/preview.md) ------------------------------
"$RFY" preview --input "$FIX/newuser.csv" --case-id BARN --month 2024-07 >"$TMP/p.txt" 2>"$TMP/p.err"
check "preview --input: exit 0" [ $? = 0 ]
check "preview --input: the periods in day order with their lines" \
    [ "$(grep '^  linje' "$TMP/p.txt" | tr '\n' '|')" = "  linje 10, dag 1–11: ikke-forsørger, løn 20.000,00|  linje 5, dag 12–31: forsørger|" ]
check "preview --input: payment 12.920,42" grep -q '^  Til udbetaling (før skat) *12.920,42  (14.942,77 − 2.022,35)' "$TMP/p.txt"
"$RFY" preview --json --input "$FIX/newuser.csv" --case BARN --month 2024-07 >"$TMP/p.json" 2>/dev/null
check "preview --input --json: payment, both categories, two periods" \
    [ "$(/usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["payment"], d["category"], [(p["line"], p["first_day"]) for p in d["periods"]])' "$TMP/p.json")" = "12920.42 ikke_forsorger;forsorger [(10, 1), (5, 12)]" ]
"$RFY" preview --input "$FIX/newuser.csv" --case-id MAJ --month 2024-05 >"$TMP/p2.txt" 2>"$TMP/p2.err"
rc=$?
check "preview --input of an overlap: exit 2" [ $rc = 2 ]
check "preview --input of an overlap: line 3 named, in Danish" \
    grep -q '^rfy preview: linje 3: start: dagene overlapper linje 6' "$TMP/p2.err"
check "preview --input of an overlap: line 6 named, in Danish" \
    grep -q '^rfy preview: linje 6: start: dagene overlapper linje 3' "$TMP/p2.err"
check "preview --input of an overlap: not computed, said in Danish" \
    grep -qxF 'rfy preview: sag MAJ, 2024-05: ikke beregnet (2 rækker afvist ovenfor)' "$TMP/p2.err"
"$RFY" preview --input "$FIX/newuser.csv" --case-id NOSUCH --month 2024-05 >/dev/null 2>"$TMP/p3.err"
rc=$?
check "preview --input of an unknown case-month: exit 2" [ $rc = 2 ]
check "preview --input of an unknown case-month: said" grep -q 'har ingen række for sag NOSUCH i 2024-05' "$TMP/p3.err"
"$RFY" preview --input "$FIX/newuser.csv" --case-id BARN --month 2024-07 --wage 5 >/dev/null 2>"$TMP/p4.err"
rc=$?
check "preview --input with a column option: usage error (exit 2)" [ $rc = 2 ]
check "preview --input with a column option: said" grep -q 'giv kun --case-id og --month, ikke --wage' "$TMP/p4.err"

# ---- A rejected row named in its neighbour's reject, its value cut between characters ------------
# Line 2's category is x + 40 four-byte characters; the fault keeps "x" + 16 of them (65 bytes of at
# most 68) and "...".  Line 3 names line 2 and its fault by code; the files are written (exit 1).
/usr/bin/python3 -c 'import sys; sys.stdout.write("case_id,month,category,forloeb,start,end\nK,2024-05,x" + "\U0001F600" * 40 + ",ressourceforloeb,,2024-05-10\nK,2024-05,forsorger,ressourceforloeb,2024-05-11,\n")' >"$TMP/emoji.csv"
"$RFY" batch -o "$TMP/emoji.out.csv" "$TMP/emoji.csv" 2>"$TMP/emoji.err"
check "cut reason: exit 1, both rows rejected" [ $? = 1 ] && [ "$(grep -c '^[23],K,' "$TMP/emoji.out.rejects.csv")" = 2 ]
check "cut reason: whole characters only, then ..." \
    grep -q "^3,K,,ikke beregnet: linje 2 i samme sag og måned blev afvist (category: category_unknown),with_rejected_row\$" "$TMP/emoji.out.rejects.csv" &&
    grep -q "^2,K,category,\"category 'x$(printf '\360\237\230\200%.0s' $(seq 16))\.\.\.' kendes ikke" "$TMP/emoji.out.rejects.csv"
check "cut reason: the rejects file is UTF-8" iconv -f UTF-8 -t UTF-8 "$TMP/emoji.out.rejects.csv" -o /dev/null

rfy_test_finish
