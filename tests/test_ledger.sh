#!/usr/bin/env bash
# The case ledger (rules.md §10, docs/ledger.md): `rfy batch --ledger FILE`.
#   1. chain: a random multi-year history cut into four consecutive runs
#      through one ledger gives what one run over the whole history gives, and
#      what an independent reference written here from rules.md §3–5 and §8
#      gives, on gross, payment and every holiday column;
#   2. repeat: the same run again refuses every row (exit 1) and leaves the
#      ledger's content identical (its SQL dump);
#   3. a state the row gives that is not the ledger's is rejected naming both;
#   4. corrections: 1.000 kr. more wage in a paid month gives
#      previously_paid = the old payment and correction = new − old;
#   5. kill -9 in the middle of a 300 000-row run (bench/gen.c) leaves the
#      ledger identical, integrity_check ok, and no output file;
#   6. two runs at once: the second waits, or fails clearly;
#   7. permissions: created 0600, a ledger others may write is refused.
#
# usage: bash test_ledger.sh PATH_TO_RFY SOURCE_DIR   (RFY_LEDGER_ROWS optional)
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"
ROWS=${RFY_LEDGER_ROWS:-6000}
SEED=20261206

dump() { sqlite3 "$1" .dump; }

# ---- 1. chain ---------------------------------------------------------------------------------
HDR=case_id,month,category,other_income,holiday_pay,holiday_days,holiday_ydelse_days,holiday_run_months,holiday_used_days
# Cases over 2022-01..2025-06 with gaps (a month without receipt), holiday with
# ydelse, feriedage (2,08 × 7/5 = 2,912 days), months paid 0 because of other
# income and a starting state on some cases' first month.  Sorted by case, month.
awk -v rows="$ROWS" -v seed="$SEED" -v hdr="$HDR" '
function pick(n) { return int(rand() * n) }
function mon(i) { return sprintf("%04d-%02d", 2022 + int(i / 12), i % 12 + 1) }
BEGIN {
    srand(seed)
    print hdr
    split("forsorger ikke_forsorger u25_hjemme", cat, " ")
    n = 0; c = 0
    while (n < rows) {
        c++
        id = sprintf("L%05d", c)
        first = pick(42); len = 1 + pick(42)
        k = cat[1 + pick(3)]
        firstrow = 1
        for (m = first; m < 42 && m < first + len && n < rows; m++) {
            if (!firstrow && pick(100) < 4) continue
            inc = ""; hp = ""; hd = ""; yd = ""; run = ""; used = ""
            if (pick(100) < 3) inc = "20000"
            if (pick(100) < 10) { hp = "1500"; hd = (pick(2) ? "2.08" : 1 + pick(10)) }
            if (pick(100) < 15) yd = 1 + pick(31)
            if (firstrow && pick(100) < 40) {
                run = pick(40)
                if (run >= 12 && pick(2)) used = sprintf("%d.%03d", pick(35), pick(2) ? 0 : 912)
                if (used != "" && used + 0 > 35) used = "35"
            }
            print id "," mon(m) "," k "," inc "," hp "," hd "," yd "," run "," used
            n++
            firstrow = 0
        }
    }
}' >"$TMP/whole.csv"

"$RFY" batch --quiet -o "$TMP/whole.out.csv" "$TMP/whole.csv" 2>"$TMP/whole.err"
check "whole history: exit 0" [ $? = 0 ]

# Four consecutive runs: 2022-01..2022-10, 2022-11..2023-08, 2023-09..2024-06, 2024-07..2025-06.
L="$TMP/chain.db"
: >"$TMP/chain.out.csv"
n=0
for range in 2022-01:2022-10 2022-11:2023-08 2023-09:2024-06 2024-07:2025-06; do
    n=$((n + 1))
    awk -F, -v from="${range%:*}" -v to="${range#*:}" 'NR == 1 || ($2 >= from && $2 <= to)' \
        "$TMP/whole.csv" >"$TMP/run$n.csv"
    "$RFY" batch --quiet --ledger "$L" -o "$TMP/run$n.out.csv" "$TMP/run$n.csv" 2>"$TMP/run$n.err"
    rc=$?
    check "chain run $n: exit 0" [ $rc = 0 ]
    [ $rc = 0 ] || head -5 "$TMP/run$n.err" "$TMP/run$n.out.rejects.csv"
    tail -n +2 "$TMP/run$n.out.csv" >>"$TMP/chain.out.csv"
done
check "chain: previously_paid and correction empty in new months" \
    awk -F, '$(NF - 1) != "" || $NF != "" { exit 1 }' "$TMP/chain.out.csv"
# The `lines` column names lines of different files; the ledger's two columns go.
nolines() { awk -F, -v OFS=, -v drop="$1" '{ NF -= drop; $(NF - 7) = ""; print }'; }
tail -n +2 "$TMP/whole.out.csv" | nolines 0 | LC_ALL=C sort >"$TMP/a"
nolines 2 <"$TMP/chain.out.csv" | LC_ALL=C sort >"$TMP/b"
check "chain: as many rows as the whole history ($ROWS)" [ "$(wc -l <"$TMP/b")" = "$ROWS" ]
if cmp -s "$TMP/a" "$TMP/b"; then ok; else
    bad "four runs through the ledger differ from one run over the whole history:"
    diff "$TMP/a" "$TMP/b" | head -6
fi

# The same four runs with --jobs 2 (the ledger inserts on a thread of its own,
# its look-ups read the ledger as committed before the run): the same outputs
# and the same case-months, entry for entry.
for n in 1 2 3 4; do
    "$RFY" batch --quiet --jobs 2 --ledger "$TMP/chain2.db" -o "$TMP/run$n.j2.csv" "$TMP/run$n.csv" \
        2>/dev/null
    check "chain --jobs 2, run $n: exit 0 and the output of one job" [ $? = 0 ] &&
        cmp -s "$TMP/run$n.j2.csv" "$TMP/run$n.out.csv"
done
entries() { sqlite3 "$1" "select id, case_id, month, run, seq, superseded_by, rates_id, decimal_comma,
    input_rows, output_row, payment, previously_paid, correction, holiday_known, holiday_run_months,
    holiday_used_m, origin, pack, from_pack from casemonth order by id;
    select id, first_entry, last_entry, rows from run;
    select id, run, first_seq, n, size, hex(rows) from cmpack order by id;
    select case_id, month, pack, slot from cmkey order by case_id, month"; }
check "chain --jobs 2: the ledger's case-months and runs' ranges as with one job" \
    cmp -s <(entries "$L") <(entries "$TMP/chain2.db")

# The independent reference: written from rules.md, not from calc/.  These rows
# have no wage, so (§4) the holiday pay deducts W(1500) − W(0) = 0 (1500 is below
# every year's threshold), other income krone for krone, and (§5) payment =
# max(0, level − other_income), level = the category's § 68 stk. 2 rate for a
# whole month.  §8 per month in thousandths of a day: fg = feriedage × 1400.
for y in 2022 2023 2024 2025; do
    grep -h "^rfy_\(forsorger\|ikke_forsorger\|u25_hjemme\),$y-01-01,$y-12-31," "$SRC/rates/$y.csv"
done | cut -d, -f1,2,4 | sed 's/^rfy_//; s/-01-01,/,/' >"$TMP/levels.csv"
awk -F, -v OFS=, '
function days(t) { t = int(t + 0.5); if (t % 10) return sprintf("%d.%03d", int(t / 1000), t % 1000); return sprintf("%d.%02d", int(t / 1000), (t % 1000) / 10) }
function idx(m) { return substr(m, 1, 4) * 12 + substr(m, 6, 2) - 1 }
function ore(x) { return sprintf("%d.%02d", int(x / 100), x % 100) }
FILENAME == ARGV[1] { level[$1 "," $2] = $3 * 100; next }
FNR == 1 { next }
{
    i = idx($2)
    if ($1 != id) { id = $1; run = $8 + 0; used = int($9 * 1000 + 0.5) }
    else if (i > last + 1) { run = 0; used = 0 }      # a month without receipt breaks the run
    last = i
    right = run >= 12
    if (right && run % 12 == 0) used = 0               # a new window
    fg = int($6 * 100 + 0.5) * 14
    allowed = right ? 35000 - used - fg : 0; if (allowed < 0) allowed = 0
    excess = $7 * 1000 - allowed; if (excess < 0) excess = 0
    after = right ? used + fg + $7 * 1000 : 0; if (after > 35000) after = 35000
    run++
    used = after
    gross = level[$3 "," substr($2, 1, 4)]
    pay = gross - $4 * 100; if (pay < 0) pay = 0
    print $1, $2, ore(gross), ore(pay), (right ? "yes" : "no"), run, days(after),
          days(right ? 35000 - after : 0), days(excess)
}' "$TMP/levels.csv" "$TMP/whole.csv" | LC_ALL=C sort >"$TMP/ref"
# the same columns of the chained output (by name)
cols=$(head -1 "$TMP/run1.out.csv" | tr ',' '\n' | grep -nxE \
    'case_id|month|gross|payment|holiday_right|holiday_run_months|holiday_used_days|holiday_days_left|holiday_excess_days' |
    cut -d: -f1 | paste -sd,)
cut -d, -f"$cols" "$TMP/chain.out.csv" | LC_ALL=C sort >"$TMP/got"
check "chain: the reference has every row" [ "$(wc -l <"$TMP/ref")" = "$ROWS" ]
if cmp -s "$TMP/ref" "$TMP/got"; then ok; else
    bad "four runs through the ledger differ from the reference (case,month,gross,payment,right,run,used,left,excess):"
    diff "$TMP/ref" "$TMP/got" | head -6
fi
# Not by accident: rights, excess days, three-decimal day counts and zero payments occur.
check "chain: months with a right" grep -q ',yes,' "$TMP/got"
check "chain: three-decimal day counts" grep -qE ',[0-9]+\.[0-9]{3}(,|$)' "$TMP/got"
check "chain: months paid 0" grep -qE '^[^,]*,[^,]*,[^,]*,0\.00,' "$TMP/got"

# ---- 2. repeat: every row refused, ledger unchanged ----------------------------------------------
dump "$L" >"$TMP/before.sql"
"$RFY" batch --quiet --ledger "$L" -o "$TMP/again.out.csv" "$TMP/run4.csv" 2>"$TMP/again.err"
check "repeat: exit 1" [ $? = 1 ]
rows4=$(($(wc -l <"$TMP/run4.csv") - 1))
check "repeat: every row refused ($rows4)" [ "$(grep -c 'er udbetalt af kørsel 4 (' "$TMP/again.out.rejects.csv")" = "$rows4" ]
check "repeat: each with the code ledger_already_paid" \
    [ "$(grep -c ',ledger_already_paid$' "$TMP/again.out.rejects.csv")" = "$rows4" ]
check "repeat: the reason names the run's date" \
    grep -qE 'kørsel 4 \([0-9a-f]{16}\) den [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z: kør igen med --corrections' \
    "$TMP/again.out.rejects.csv"
check "repeat: the reason names --corrections" grep -q -- '--corrections' "$TMP/again.out.rejects.csv"
check "repeat: no output row" [ "$(wc -l <"$TMP/again.out.csv")" = 1 ]
dump "$L" >"$TMP/after.sql"
check "repeat: ledger content identical" cmp -s "$TMP/before.sql" "$TMP/after.sql"

# ---- 3. a state that is not the ledger's --------------------------------------------------------
L3="$TMP/state.db"
printf '%s\n' "$HDR" "S1,2024-11,forsorger,,,,,11," >"$TMP/s-nov.csv"
printf '%s\n' "$HDR" "S1,2024-12,forsorger,,,,,," "S2,2024-12,forsorger,,,,,," >"$TMP/s-dec.csv"
printf '%s\n' "$HDR" "S1,2025-01,forsorger,,,,,5," >"$TMP/s-jan.csv"
"$RFY" batch --quiet --ledger "$L3" -o "$TMP/s-nov.out.csv" "$TMP/s-nov.csv" 2>/dev/null
"$RFY" batch --quiet --ledger "$L3" -o "$TMP/s-dec.out.csv" "$TMP/s-dec.csv" 2>/dev/null
# S1: 11 months before November, so November is month 12 (run 12 after it) and
# December the 13th: the right starts (run 12 before it), run 13 after it.
check "state: December continues from November (run 13, right)" \
    grep -q '^S1,2024-12,.*,yes,13,0.00,35.00,0.00,' "$TMP/s-dec.out.csv"
check "state: a case new to the ledger starts at 0 (run 1)" \
    grep -q '^S2,2024-12,.*,no,1,0.00,0.00,0.00,' "$TMP/s-dec.out.csv"
"$RFY" batch --quiet --ledger "$L3" -o "$TMP/s-jan.out.csv" "$TMP/s-jan.csv" 2>/dev/null
check "state: a row giving 5 months where the ledger carries 13: exit 1" [ $? = 1 ]
check "state: the reason names both" \
    grep -qF 'holiday_run_months,"rækken angiver 5 måneder, 0.00 dage; ledgeren fører 13 måneder, 0.00 dage efter 2024-12: lad holiday_run_months og holiday_used_days stå tomme",ledger_holiday_state_differs' \
    "$TMP/s-jan.out.rejects.csv"
cp "$L3" "$TMP/state-en.db"
"$RFY" --lang en batch --quiet --ledger "$TMP/state-en.db" -o "$TMP/s-jan-en.out.csv" "$TMP/s-jan.csv" 2>/dev/null
check "state: --lang en names both in English" \
    grep -qF 'holiday_run_months,"the row gives 5 months, 0.00 days; the ledger carries 13 months, 0.00 days after 2024-12: leave holiday_run_months and holiday_used_days empty",ledger_holiday_state_differs' \
    "$TMP/s-jan-en.out.rejects.csv"

# A correction that changes the state: S1's November given 23 months before it
# (was 11).  November is then month 24 (run 24 after it); December has run 24
# before it: a right and a new window (24 mod 12 = 0), run 25, 35 days left;
# the stored December said run 13.  Both are corrections of 0,00.
printf '%s\n' "$HDR" "S1,2024-11,forsorger,,,,,23," >"$TMP/s-fix.csv"
"$RFY" batch --quiet --ledger "$L3" --corrections -o "$TMP/s-fix.out.csv" "$TMP/s-fix.csv" 2>"$TMP/s-fix.err"
check "later months: exit 0" [ $? = 0 ]
check "later months: November corrected (run 24)" \
    grep -q '^S1,2024-11,.*,2,yes,24,0.00,35.00,0.00,0.00,,16382.00,0.00$' "$TMP/s-fix.out.csv"
check "later months: December recomputed from its stored rows (run 25)" \
    grep -q '^S1,2024-12,.*,,yes,25,0.00,35.00,0.00,0.00,,16382.00,0.00$' "$TMP/s-fix.out.csv"
check "later months: the summary says so" grep -q '^rfy batch: 1 senere' "$TMP/s-fix.err"
check "later months: superseded, not deleted (3 old, 2 new)" \
    [ "$(sqlite3 "$L3" "select count(*), count(superseded_by) from casemonth where case_id = 'S1'")" = "4|2" ]

# ---- 4. corrections: 1.000 kr. more wage -----------------------------------------------------------
L4="$TMP/corr.db"
printf '%s\n' case_id,month,category,wage K1,2024-11,forsorger,20000 >"$TMP/k-nov.csv"
printf '%s\n' case_id,month,category,wage K1,2024-11,forsorger,21000 >"$TMP/k-fix.csv"
"$RFY" batch --quiet --ledger "$L4" -o "$TMP/k-nov.out.csv" "$TMP/k-nov.csv" 2>/dev/null
# rules.md §4, ressourceforløb from 2022-01: W(x) = 55 % × max(0, x − T), T = 16.323 (2024).
# Paid: 16.382 − 0,55 × (20.000 − 16.323) = 16.382 − 2.022,35 = 14.359,65.
check "corrections: paid 14359.65 first" grep -q '^K1,2024-11,.*,14359.65,published,' "$TMP/k-nov.out.csv"
"$RFY" batch --quiet --ledger "$L4" -o "$TMP/k-no.out.csv" "$TMP/k-fix.csv" 2>/dev/null
check "corrections: without --corrections the month is refused (exit 1)" [ $? = 1 ]
"$RFY" batch --quiet --ledger "$L4" --corrections -o "$TMP/k-fix.out.csv" "$TMP/k-fix.csv" \
    2>"$TMP/k-fix.err"
check "corrections: exit 0" [ $? = 0 ]
# New: 16.382 − 0,55 × (21.000 − 16.323) = 16.382 − 2.572,35 = 13.809,65;
# correction = 13.809,65 − 14.359,65 = −550,00 (a tilbagebetaling).
check "corrections: payment 13809.65, previously_paid 14359.65, correction -550.00" \
    grep -q '^K1,2024-11,.*,13809.65,published,.*,14359.65,-550.00$' "$TMP/k-fix.out.csv"
check "corrections: the summary splits the total" \
    grep -q 'efterbetaling 0,00 kr., tilbagebetaling 550,00 kr.' "$TMP/k-fix.err"
check "corrections: the receipt splits the total" python3 -c 'import json, sys
c = json.load(open(sys.argv[1]))["summary"]["corrections"]
assert c["efterbetaling"] == "0.00" and c["tilbagebetaling"] == "550.00", c' "$TMP/k-fix.out.receipt.json"
check "corrections: the old row superseded, not deleted" \
    [ "$(sqlite3 "$L4" 'select count(*), count(superseded_by) from casemonth')" = "2|1" ]

# ---- rfy ledger: runs, show, export, verify, import -------------------------------------------------
"$RFY" ledger runs "$L" >"$TMP/runs.txt"
check "ledger runs: the four chain runs" [ "$(grep -c ' batch ' "$TMP/runs.txt")" = 4 ]
"$RFY" ledger export "$L" --run 2 -o "$TMP/export2.csv"
check "ledger export: run 2's output, byte for byte" cmp -s "$TMP/export2.csv" "$TMP/run2.out.csv"
id3=$("$RFY" ledger runs "$L" --json | python3 -c 'import json, sys; print(json.load(sys.stdin)[2]["run_id"][:12])')
"$RFY" ledger export "$L" --run "$id3" >"$TMP/export3.csv"
check "ledger export: by id, byte for byte" cmp -s "$TMP/export3.csv" "$TMP/run3.out.csv"
# A full batch of 32 new case-months is one compressed pack (table cmpack) and a
# key each (cmkey), with no row in casemonth; export and verify above and below
# read them back.  Their entry ids follow on: pack id + slot.
check "packs: the chain's full batches are packed, a key a case-month" \
    [ "$(sqlite3 "$L" 'select count(*) > 10, sum(n) = count(*) * 32, sum(n) = (select count(*) from cmkey)
        from cmpack')" = "1|1|1" ]
check "packs: entry ids are unique across casemonth and the packs" \
    [ "$(sqlite3 "$L" 'select count(*) from casemonth c join cmpack q on c.id between q.id and q.id + q.n - 1')" = 0 ]
check "packs: ledger runs counts every case-month ($ROWS)" \
    [ "$("$RFY" ledger runs "$L" --json | /usr/bin/python3 -c \
        'import json, sys; print(sum(r["stored"] for r in json.load(sys.stdin)))')" = "$ROWS" ]
# show --json gives each month's stored texts, a packed one's too: L00001's first
# month is the first case-month of run 1, in its first pack.
FIRST=$(sed -n 2p "$TMP/run1.out.csv")
check "row packs: show --json gives a packed month's output row as written" \
    [ "$("$RFY" ledger show "$L" "${FIRST%%,*}" --json | /usr/bin/python3 -c \
        'import json, sys; print(json.load(sys.stdin)[0]["output_row"], end="")')" = "$FIRST" ]
cp "$L" "$TMP/badpack.db"
sqlite3 "$TMP/badpack.db" 'update cmpack set size = size + 1 where id = (select min(id) from cmpack)'
"$RFY" ledger export "$TMP/badpack.db" --run 1 -o "$TMP/badpack.csv" 2>"$TMP/badpack.err"
check "row packs: a damaged pack stops export (exit 2, no file), saying so" [ $? = 2 ] &&
    [ ! -e "$TMP/badpack.csv" ] && grep -qF "ledgeren $TMP/badpack.db: en rækkepakke er beskadiget" "$TMP/badpack.err"
"$RFY" --lang en ledger export "$TMP/badpack.db" --run 1 -o "$TMP/badpack.csv" 2>"$TMP/badpack-en.err"
check "row packs: ... and in English with --lang en" \
    grep -qxF "rfy ledger: ledger $TMP/badpack.db: a row pack is damaged" "$TMP/badpack-en.err"
# A correction of a packed case-month (on a copy of the chain's ledger): the
# first of run 1's first pack (output rows 1..32) with no other income and a
# payment of at least 1 000 kr. gets 1 000 kr. of other income.  rules.md §4:
# other income is deducted krone for krone, so the payment falls by exactly
# 1 000,00 kr.: previously_paid = the old payment, correction = -1000.00.  The
# holiday state does not depend on income, so no later month changes.
cp "$L" "$TMP/packfix.db"
PF=$(head -33 "$TMP/run1.out.csv" | awk -F, 'NR > 1 && $14 + 0 >= 1000 { print $1 "," $2 "," $14; exit }')
PF_ID=${PF%%,*} PF_REST=${PF#*,} PF_MONTH=${PF_REST%%,*} PF_PAID=${PF##*,}
awk -F, -v OFS=, -v id="$PF_ID" -v m="$PF_MONTH" 'NR == 1 || ($1 == id && $2 == m && $4 == "")' \
    "$TMP/run1.csv" | awk -F, -v OFS=, 'NR > 1 { $4 = 1000 } { print }' >"$TMP/packfix.csv"
"$RFY" batch --quiet --corrections --ledger "$TMP/packfix.db" -o "$TMP/packfix.out.csv" \
    "$TMP/packfix.csv" 2>"$TMP/packfix.err"
check "packs: a correction of a packed month (exit 0, one row)" [ $? = 0 ] &&
    [ "$(wc -l <"$TMP/packfix.out.csv")" = 2 ]
check "packs: ... previously_paid is the old payment, correction -1000.00" \
    [ "$(sed -n 2p "$TMP/packfix.out.csv" | awk -F, '{ print $(NF - 1) "," $NF }')" = "$PF_PAID,-1000.00" ]
check "packs: ... the old entry written out whole, superseded, its key gone" \
    [ "$(PF_M=$(( 10#${PF_MONTH%-*} * 12 + 10#${PF_MONTH#*-} - 1 ))
        sqlite3 "$TMP/packfix.db" "select count(*) from casemonth where case_id = '$PF_ID' and month = $PF_M;
        select from_pack, superseded_by > 0, payment = cast(replace('$PF_PAID', '.', '') as integer)
        from casemonth where case_id = '$PF_ID' and month = $PF_M and from_pack is not null;
        select count(*) from cmkey where case_id = '$PF_ID' and month = $PF_M")" = "$(printf '2\n1|1|1\n0')" ]
PF_OLD=$(grep -m1 "^$PF_ID,$PF_MONTH," "$TMP/run1.out.csv")
check "packs: ... its output row as run 1 wrote it" \
    [ "$(sqlite3 "$TMP/packfix.db" "select output_row from casemonth where from_pack is not null")" = "$PF_OLD" ]
"$RFY" ledger export "$TMP/packfix.db" --run 1 -o "$TMP/packfix-export1.csv"
check "packs: ... run 1 still exports byte for byte" cmp -s "$TMP/packfix-export1.csv" "$TMP/run1.out.csv"
"$RFY" ledger verify "$TMP/packfix.db" >"$TMP/packfix-verify.txt" 2>&1
check "packs: ... and verify recomputes every current month without a difference ($ROWS)" \
    grep -q "verify: $ROWS sagsmåneder genberegnet, 0 forskelle" "$TMP/packfix-verify.txt"
check "packs: ... ledger runs: run 1 keeps its count, the correction run has one" \
    [ "$("$RFY" ledger runs "$TMP/packfix.db" --json | /usr/bin/python3 -c 'import json, sys
r = json.load(sys.stdin); print(r[0]["stored"] == '"$(($(wc -l <"$TMP/run1.out.csv") - 1))"', r[-1]["stored"])')" = "True 1" ]
"$RFY" ledger export "$L" --run 99 -o "$TMP/export99.csv" 2>/dev/null
check "ledger export: no such run (exit 2, no file)" [ $? = 2 ] && [ ! -e "$TMP/export99.csv" ]
"$RFY" ledger show "$L3" S1 >"$TMP/show.txt"
check "ledger show: Danish, the corrected November superseded" grep -q '^2024-11 .*erstattet' "$TMP/show.txt"
check "ledger show: December recomputed" grep -q '^2024-12 .*gældende (genberegnet)' "$TMP/show.txt"
"$RFY" ledger show "$L3" S1 --json | python3 -c 'import json, sys
e = json.load(sys.stdin); assert [x["current"] for x in e] == [False, True, False, True], e
assert e[1]["holiday_run_months"] == 24 and e[1]["previously_paid"] == "16382.00", e[1]' 2>"$TMP/show.err"
check "ledger show --json: months, supersession, state" [ $? = 0 ]
"$RFY" ledger verify "$L" >"$TMP/verify.txt" 2>&1
check "ledger verify: the chain ledger recomputes without a difference (exit 0)" [ $? = 0 ]
check "ledger verify: every stored month checked ($ROWS)" grep -q "verify: $ROWS sagsmåneder genberegnet, 0 forskelle" "$TMP/verify.txt"
"$RFY" --lang en ledger verify "$L" >"$TMP/verify-en.txt" 2>&1
check "ledger verify --lang en: said in English" grep -qxF "rfy ledger verify: $ROWS case-months recomputed, 0 differences" "$TMP/verify-en.txt"
"$RFY" --lang en ledger show "$L3" S1 >"$TMP/show-en.txt"
check "ledger show --lang en: an English header and statuses" \
    bash -c "head -1 '$TMP/show-en.txt' | grep -q '^month  *run  paid' && grep -q ' superseded' '$TMP/show-en.txt' && ! grep -q 'gældende' '$TMP/show-en.txt'"
cp "$L3" "$TMP/tampered.db"
sqlite3 "$TMP/tampered.db" "update casemonth set payment = payment + 1 where case_id = 'S2'"
"$RFY" ledger verify "$TMP/tampered.db" >"$TMP/verify.txt" 2>&1
check "ledger verify: a changed payment is a difference (exit 1)" [ $? = 1 ]
check "ledger verify: ... named with both values" grep -qxF 'S2 2024-12 (kørsel 2): payment: gemt 16382.01, genberegnet 16382.00' "$TMP/verify.txt"
"$RFY" --lang en ledger verify "$TMP/tampered.db" >"$TMP/verify-en.txt" 2>&1
check "ledger verify --lang en: ... in English" grep -qxF 'S2 2024-12 (run 2): payment: stored 16382.01, recomputed 16382.00' "$TMP/verify-en.txt"
# import: a kommune starts with November paid elsewhere (an rfy output); December continues from it.
"$RFY" ledger import "$TMP/imp.db" "$TMP/s-nov.out.csv" 2>"$TMP/imp.err"
check "ledger import: exit 0" [ $? = 0 ]
"$RFY" batch --quiet --ledger "$TMP/imp.db" -o "$TMP/imp-dec.out.csv" "$TMP/s-dec.csv" 2>/dev/null
check "ledger import: December continues from the imported November (run 13)" \
    grep -q '^S1,2024-12,.*,yes,13,0.00,35.00,0.00,' "$TMP/imp-dec.out.csv"
"$RFY" batch --quiet --ledger "$TMP/imp.db" -o "$TMP/imp-nov.out.csv" "$TMP/s-nov.csv" 2>/dev/null
check "ledger import: an imported month is paid already (exit 1)" [ $? = 1 ]
dump "$TMP/imp.db" >"$TMP/before.sql"
"$RFY" ledger import "$TMP/imp.db" "$TMP/s-dec.out.csv" 2>"$TMP/imp.err"
check "ledger import: a month stored already: exit 2, nothing stored" [ $? = 2 ] && \
    dump "$TMP/imp.db" | cmp -s - "$TMP/before.sql"
check "ledger import: ... naming the line" grep -q 'linje 2: 2024-12 i sag S1 er allerede i ledgeren (kørsel ' "$TMP/imp.err"
# The same case-month twice in one imported file: the second line is refused as stored (by this
# import, run 1 of a new ledger), not by SQLite's unique index, and nothing is stored.
{ head -2 "$TMP/s-dec.out.csv"; sed -n 2p "$TMP/s-dec.out.csv"; } >"$TMP/imp-twice.csv"
"$RFY" ledger import "$TMP/imp-twice.db" "$TMP/imp-twice.csv" 2>"$TMP/imp-twice.err"
check "ledger import: a month twice in the file: exit 2, the second line named, nothing stored" \
    [ $? = 2 ] && grep -q 'linje 3: 2024-12 i sag S1 er allerede i ledgeren (kørsel 1' "$TMP/imp-twice.err" &&
    [ "$(sqlite3 "$TMP/imp-twice.db" 'select count(*) from casemonth; select count(*) from run')" = "$(printf '0\n0')" ]
"$RFY" --lang en ledger import "$TMP/imp.db" "$TMP/s-dec.out.csv" 2>"$TMP/imp-en.err"
check "ledger import: ... in English with --lang en" \
    grep -q 'line 2: 2024-12 of case S1 is in the ledger already (run ' "$TMP/imp-en.err"

# ---- 5. kill -9 during a 300 000-row run -----------------------------------------------------------
if cc -O2 -o "$TMP/gen" "$SRC/bench/gen.c" 2>"$TMP/cc.err"; then
    "$TMP/gen" --rows 300000 -o "$TMP/big.csv"
    dump "$L" >"$TMP/before.sql"
    mkdir "$TMP/k9"
    "$RFY" batch --quiet --ledger "$L" -o "$TMP/k9/big.out.csv" "$TMP/big.csv" 2>/dev/null &
    pid=$!
    # wait until rows are being stored (the WAL grows), then kill
    for _ in $(seq 1 200); do
        [ "$(stat -c %s "$L-wal" 2>/dev/null || echo 0)" -gt 4000000 ] && break
        sleep 0.05
    done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    check "kill -9: killed while running" [ $? = 137 ]
    dump "$L" >"$TMP/after.sql"
    check "kill -9: ledger content identical" cmp -s "$TMP/before.sql" "$TMP/after.sql"
    check "kill -9: integrity_check ok" [ "$(sqlite3 "$L" 'PRAGMA integrity_check')" = ok ]
    check "kill -9: no output file" [ ! -e "$TMP/k9/big.out.csv" ] && [ ! -e "$TMP/k9/big.out.rejects.csv" ]
    # the same with --jobs 2: the writer thread's uncommitted frames count for nothing
    "$RFY" batch --quiet --jobs 2 --ledger "$L" -o "$TMP/k9/big.out.csv" "$TMP/big.csv" 2>/dev/null &
    pid=$!
    for _ in $(seq 1 200); do
        [ "$(stat -c %s "$L-wal" 2>/dev/null || echo 0)" -gt 4000000 ] && break
        sleep 0.05
    done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    check "kill -9 --jobs 2: killed while running" [ $? = 137 ]
    check "kill -9 --jobs 2: ledger content identical" cmp -s "$TMP/before.sql" <(dump "$L")
    check "kill -9 --jobs 2: integrity_check ok" [ "$(sqlite3 "$L" 'PRAGMA integrity_check')" = ok ]
    check "kill -9 --jobs 2: no output file" [ ! -e "$TMP/k9/big.out.csv" ]
else
    bad "kill -9: cannot compile bench/gen.c: $(head -3 "$TMP/cc.err")"
fi

# ---- 6. two runs at once -----------------------------------------------------------------------------
# Another process holds the ledger's write lock (as a run does from start to commit).
hold() { python3 -c 'import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None); c.execute("BEGIN IMMEDIATE")
open(sys.argv[3], "w").close(); time.sleep(float(sys.argv[2])); c.execute("ROLLBACK")' "$@"; }
hold "$L4" 1.5 "$TMP/held1" &
hp=$!
while [ ! -e "$TMP/held1" ]; do sleep 0.05; done
printf '%s\n' case_id,month,category K1,2024-12,forsorger >"$TMP/k-dec.csv"
"$RFY" batch --quiet --ledger "$L4" -o "$TMP/k-dec.out.csv" "$TMP/k-dec.csv" 2>"$TMP/k-dec.err"
check "concurrent: the second run waits for the first, then runs (exit 0)" [ $? = 0 ]
wait "$hp"
hold "$L4" 8 "$TMP/held2" &
hp=$!
while [ ! -e "$TMP/held2" ]; do sleep 0.05; done
printf '%s\n' case_id,month,category K1,2025-01,forsorger >"$TMP/k-jan.csv"
# the same run with --lang en waits beside it (both give up after 5 s, within the 8)
"$RFY" --lang en batch --quiet --ledger "$L4" -o "$TMP/k-jan-en.out.csv" "$TMP/k-jan.csv" \
    2>"$TMP/k-jan-en.err" &
ep=$!
"$RFY" batch --quiet --ledger "$L4" -o "$TMP/k-jan.out.csv" "$TMP/k-jan.csv" 2>"$TMP/k-jan.err"
check "concurrent: a run that waits too long fails (exit 2)" [ $? = 2 ]
check "concurrent: ... and says why (Danish)" \
    grep -qxF "rfy batch: ledgeren $L4 bruges af en anden kørsel (ventede 5 s): kør igen, når den er færdig" "$TMP/k-jan.err"
check "concurrent: ... and writes no output" [ ! -e "$TMP/k-jan.out.csv" ]
wait "$ep"
check "concurrent: --lang en fails too (exit 2)" [ $? = 2 ]
check "concurrent: ... saying why in English" \
    grep -qxF "rfy batch: ledger $L4 is in use by another run (waited 5 s): run again when it has finished" "$TMP/k-jan-en.err"
wait "$hp"

# ---- 7. permissions ------------------------------------------------------------------------------------
check "permissions: created 0600" [ "$(stat -c %a "$L4")" = 600 ]
check "permissions: the WAL file too" [ "$(stat -c %a "$L4-wal" 2>/dev/null || echo 600)" = 600 ]
chmod 664 "$L4"
"$RFY" batch --quiet --ledger "$L4" -o "$TMP/k-jan.out.csv" "$TMP/k-jan.csv" 2>"$TMP/perm.err"
check "permissions: a ledger the group may write is refused (exit 2)" [ $? = 2 ]
check "permissions: ... saying how to fix it (Danish)" \
    grep -qxF "rfy batch: ledgeren $L4: andre kan skrive i den (tilstand 664); ledgeren rummer det, der er udbetalt: chmod 600 $L4" "$TMP/perm.err"
"$RFY" --lang en batch --quiet --ledger "$L4" -o "$TMP/k-jan.out.csv" "$TMP/k-jan.csv" 2>"$TMP/perm-en.err"
check "permissions: --lang en: refused (exit 2)" [ $? = 2 ]
check "permissions: ... saying it in English" \
    grep -qxF "rfy batch: ledger $L4: others may write it (mode 664); the ledger holds what was paid: chmod 600 $L4" "$TMP/perm-en.err"
"$RFY" batch --quiet --corrections -o "$TMP/x.csv" "$TMP/k-jan.csv" 2>/dev/null
check "--corrections without --ledger: usage error (exit 2)" [ $? = 2 ]

# ---- schema version ----------------------------------------------------------------------------------
check "schema: a new ledger has version 4" [ "$(sqlite3 "$L" 'PRAGMA user_version')" = 4 ]
cp "$L3" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" 'PRAGMA user_version = 99'
"$RFY" batch --quiet --ledger "$TMP/newer.db" -o "$TMP/newer.out.csv" "$TMP/k-jan.csv" 2>"$TMP/newer.err"
check "schema: a newer ledger is refused (exit 2)" [ $? = 2 ]
check "schema: ... saying so (Danish)" grep -q 'har skemaversion 99; denne rfy kender op til 4: brug en nyere rfy' "$TMP/newer.err"
"$RFY" --lang en batch --quiet --ledger "$TMP/newer.db" -o "$TMP/newer.out.csv" "$TMP/k-jan.csv" 2>"$TMP/newer-en.err"
check "schema: --lang en: refused (exit 2)" [ $? = 2 ]
check "schema: ... saying it in English" \
    grep -qxF "rfy batch: ledger $TMP/newer.db has schema version 99; this rfy knows up to 4: use a newer rfy" "$TMP/newer-en.err"
printf 'not a database, just text\n' >"$TMP/text.db"
chmod 600 "$TMP/text.db"
"$RFY" batch --quiet --ledger "$TMP/text.db" -o "$TMP/text.out.csv" "$TMP/k-jan.csv" 2>"$TMP/text.err"
check "schema: a file that is not a ledger is refused (exit 2, no output)" [ $? = 2 ] && [ ! -e "$TMP/text.out.csv" ]
check "schema: ... saying so" grep -q 'er ikke en ledger (ikke en SQLite-database)' "$TMP/text.err"
check "schema: ... and left as it was" grep -qx 'not a database, just text' "$TMP/text.db"

# ---- schema 1 → 4: a ledger written by rfy before the rates_id went to table run ----------------
# fixtures/ledger/schema1.sql: January 2025 of K1 (forsorger, wage 20000) and K2 (ikke_forsorger)
# as schema 1 stored it, the rates_id in each case-month; put the tables' current rates_id in.
printf '%s\n' case_id,month,category,wage K1,2025-01,forsorger,20000 K2,2025-01,ikke_forsorger, \
    K1,2025-02,forsorger,20000 K2,2025-02,ikke_forsorger, >"$TMP/m-whole.csv"
"$RFY" batch --quiet -o "$TMP/m-whole.out.csv" "$TMP/m-whole.csv" 2>/dev/null
RID=$(sed -n 2p "$TMP/m-whole.out.csv" | cut -d, -f16)
M="$TMP/schema1.db"
sed "s/85b9e11376c51224/$RID/g" "$SRC/fixtures/ledger/schema1.sql" | sqlite3 "$M"
chmod 600 "$M"
check "schema 1: the fixture loads as version 1" [ "$(sqlite3 "$M" 'PRAGMA user_version')" = 1 ]
"$RFY" ledger show "$M" K1 >/dev/null 2>"$TMP/m-show.err"
check "schema 1: read-only commands ask for one run first (exit 2)" [ $? = 2 ] &&
    grep -q 'har skemaversion 1: kør rfy batch med den én gang for at bringe den op på 4' "$TMP/m-show.err"
grep -e '^case_id' -e '2025-02' "$TMP/m-whole.csv" >"$TMP/m-feb.csv"
"$RFY" batch --quiet --ledger "$M" -o "$TMP/m-feb.out.csv" "$TMP/m-feb.csv" 2>"$TMP/m-feb.err"
check "schema 1 → 4: February's run migrates the ledger (exit 0, version 3)" [ $? = 0 ] &&
    [ "$(sqlite3 "$M" 'PRAGMA user_version')" = 4 ]
# (every column but lines, the input's line numbers)
check "schema 1 → 4: February as one run over January and February gives it (state carried)" \
    cmp -s <(grep 2025-02 "$TMP/m-feb.out.csv" | cut -d, -f1-16,18-24) \
           <(grep 2025-02 "$TMP/m-whole.out.csv" | cut -d, -f1-16,18-24)
# January keeps its own rates_id; February's case-months store '' and their run holds it.
check "schema 1 → 4: rates_id per case-month before, per run after" \
    [ "$(sqlite3 "$M" "select group_concat(case_id || month || '=' || rates_id, ' ') from casemonth;
        select group_concat(id || '=' || coalesce(rates_id, 'NULL'), ' ') from run")" = \
      "$(printf 'K124300=%s K224300=%s K124301= K224301=\n1=NULL 2=%s' "$RID" "$RID" "$RID")" ]
"$RFY" ledger verify "$M" >"$TMP/m-verify.txt" 2>&1
check "schema 1 → 4: verify recomputes all four months without a difference" \
    grep -q 'verify: 4 sagsmåneder genberegnet, 0 forskelle' "$TMP/m-verify.txt"
"$RFY" ledger export "$M" --run 1 -o "$TMP/m-export1.csv"
check "schema 1 → 4: export of the schema-1 run, byte for byte" \
    cmp -s "$TMP/m-export1.csv" <(sed "s/85b9e11376c51224/$RID/g" "$SRC/fixtures/ledger/schema1-jan.out.csv")
# A correction of January (wage 21000): its later month is read through the run's rates_id.
printf '%s\n' case_id,month,category,wage K1,2025-01,forsorger,21000 >"$TMP/m-corr.csv"
"$RFY" batch --quiet --corrections --ledger "$M" -o "$TMP/m-corr.out.csv" "$TMP/m-corr.csv" 2>/dev/null
check "schema 1 → 4: a correction run on the migrated ledger (exit 0)" [ $? = 0 ]
"$RFY" ledger verify "$M" >"$TMP/m-verify2.txt" 2>&1
check "schema 1 → 4: ... and verify still finds no difference" [ $? = 0 ]
# verify reads each case-month's rates_id where it is: its own (January), else its run's (February)
cp "$M" "$TMP/m-tamper.db"
sqlite3 "$TMP/m-tamper.db" "update run set rates_id = 'feb0000000000000' where id = 2;
    update casemonth set rates_id = 'jan0000000000000' where case_id = 'K2' and month = 24300"
"$RFY" --lang en ledger verify "$TMP/m-tamper.db" >"$TMP/m-tamper.txt" 2>&1
check "schema 1 → 4: verify names a run's rates_id that is not the tables' (exit 1)" [ $? = 1 ] &&
    [ "$(grep -c 'stored with rates_id feb0000000000000' "$TMP/m-tamper.txt")" = 2 ] &&
    [ "$(grep -c 'stored with rates_id jan0000000000000' "$TMP/m-tamper.txt")" = 1 ]

# ---- schema 3 → 4: a ledger whose January is one row pack of 32 and 8 plain case-months ---------
# fixtures/ledger/schema3.sql (its comment says how it was made).  The texts inside the pack keep
# the rates_id they were written with; the run's and the plain texts' get the tables' current one.
M3="$TMP/schema3.db"
sed "s/85b9e11376c51224/$RID/g" "$SRC/fixtures/ledger/schema3.sql" | sqlite3 "$M3"
chmod 600 "$M3"
check "schema 3: the fixture loads as version 3, 32 months in its row pack" \
    [ "$(sqlite3 "$M3" 'PRAGMA user_version; select count(pack) from casemonth')" = "$(printf '3\n32')" ]
sed 's/2025-01/2025-02/' "$SRC/fixtures/ledger/schema3-jan.csv" >"$TMP/s3-feb.csv"
"$RFY" batch --quiet --ledger "$M3" -o "$TMP/s3-feb.out.csv" "$TMP/s3-feb.csv" 2>"$TMP/s3-feb.err"
check "schema 3 → 4: February's run migrates the ledger (exit 0, version 4)" [ $? = 0 ] &&
    [ "$(sqlite3 "$M3" 'PRAGMA user_version')" = 4 ]
# February: 40 new months, the first 32 one pack (cmpack, cmkey), the last 8 rows of casemonth;
# their ids follow January's 1..40: the pack is 41..72, the rows 73..80.
check "schema 3 → 4: February packed after January's ids (pack 41, keys 32, rows 73..80)" \
    [ "$(sqlite3 "$M3" "select id, n from cmpack; select count(*) from cmkey;
        select min(id) || '..' || max(id) from casemonth where run = 2")" = "$(printf '41|32\n32\n73..80')" ]
"$RFY" ledger verify "$M3" >"$TMP/s3-verify.txt" 2>&1
check "schema 3 → 4: verify recomputes all 80 months without a difference" \
    grep -q 'verify: 80 sagsmåneder genberegnet, 0 forskelle' "$TMP/s3-verify.txt"
# January's export: rows 1..32 from the schema-3 pack (their rates_id as written), 33..40 in place.
s3_jan() { awk -v rid="$RID" 'NR > 33 { gsub(/85b9e11376c51224/, rid) } { print }' \
    "$SRC/fixtures/ledger/schema3-jan.out.csv"; }
"$RFY" ledger export "$M3" --run 1 -o "$TMP/s3-export1.csv"
check "schema 3 → 4: export of the schema-3 run, byte for byte" cmp -s "$TMP/s3-export1.csv" <(s3_jan)
"$RFY" ledger export "$M3" --run 2 -o "$TMP/s3-export2.csv"
check "schema 3 → 4: export of February, byte for byte" cmp -s "$TMP/s3-export2.csv" "$TMP/s3-feb.out.csv"
# A correction of January's P04 (in the schema-3 pack; wage 4000, below the threshold, so paid in
# full, 16.972,00): 1000 kr. of other income, deducted krone for krone: 15.972,00, correction
# -1000.00.  February's P04 is recomputed (its holiday state is the same: not written).
printf '%s\n' case_id,month,category,wage,other_income P04,2025-01,forsorger,4000,1000 >"$TMP/s3-corr.csv"
"$RFY" batch --quiet --corrections --ledger "$M3" -o "$TMP/s3-corr.out.csv" "$TMP/s3-corr.csv" 2>/dev/null
check "schema 3 → 4: a correction of a month of the schema-3 pack (exit 0)" [ $? = 0 ] &&
    [ "$(sed -n 2p "$TMP/s3-corr.out.csv" | cut -d, -f1,2,14,25,26)" = "P04,2025-01,15972.00,16972.00,-1000.00" ]
"$RFY" ledger export "$M3" --run 1 -o "$TMP/s3-export1b.csv"
check "schema 3 → 4: ... January still exports byte for byte" cmp -s "$TMP/s3-export1b.csv" <(s3_jan)
"$RFY" ledger verify "$M3" >"$TMP/s3-verify2.txt" 2>&1
check "schema 3 → 4: ... and verify finds no difference (80 months)" \
    grep -q 'verify: 80 sagsmåneder genberegnet, 0 forskelle' "$TMP/s3-verify2.txt"

# ---- audit --ledger: historic payments against what the ledger says was paid ------------------
# May 2024 through the ledger: A forsørger, wage 20.000: 16.382,00 − 55 % × (20.000 − 16.323)
# = 16.382,00 − 2.022,35 = 14.359,65; B ikke-forsørger, no income: 12.326,00.
LA="$TMP/audit-ledger.db"
printf 'case_id,month,category,wage\nA,2024-05,forsorger,20000\nB,2024-05,ikke_forsorger,\n' >"$TMP/al-may.csv"
"$RFY" batch --quiet --ledger "$LA" -o "$TMP/al-may.out.csv" "$TMP/al-may.csv" 2>/dev/null
# The payroll file says A got 14.359,65 (as the ledger), B 12.000,00 (326,00 less than the
# ledger's 12.326,00), and C 16.382,00 (right by the law, but never paid through the ledger).
printf 'case_id,month,category,wage,paid\nA,2024-05,forsorger,20000,14359.65\nB,2024-05,ikke_forsorger,,12000.00\nC,2024-05,forsorger,,16382.00\n' >"$TMP/al-hist.csv"
dump "$LA" >"$TMP/al-before.sql"
"$RFY" audit --ledger "$LA" -o "$TMP/al.csv" "$TMP/al-hist.csv" 2>"$TMP/al.err"
check "audit --ledger: differences: exit 1" [ $? = 1 ]
check "audit --ledger: the report's header ends in ledger_paid,ledger_difference" \
    bash -c "head -1 '$TMP/al.csv' | grep -q ',paid,difference,ledger_paid,ledger_difference\$'"
# B: paid 12.000,00 − recomputed 12.326,00 = −326,00; the ledger paid 12.326,00: −326,00 again
check "audit --ledger: B names the ledger's payment and the difference" \
    grep -q '^B,2024-05,.*,12000.00,-326.00,12326.00,-326.00$' "$TMP/al.csv"
# C matches the law (16.382,00 − 16.382,00 = 0) but the ledger has no such month: empty cells
check "audit --ledger: C is reported as not in the ledger" grep -q '^C,2024-05,.*,16382.00,0.00,,$' "$TMP/al.csv"
check "audit --ledger: A (as the law and the ledger) is not reported" bash -c "! grep -q '^A,' '$TMP/al.csv'"
# 1 as the ledger (A), 2 differ (B, and C not in it); the sum over the months the ledger paid:
# (14.359,65 − 14.359,65) + (12.000,00 − 12.326,00) = −326,00; paid over them 26.359,65
for want in 'ledger_matches,1' 'ledger_differences,2' 'ledger_missing,1' \
            'ledger_sum_of_differences,-326.00' 'ledger_total_paid,26359.65'; do
    check "audit --ledger: summary # $want" grep -qx "# $want" "$TMP/al.csv"
done
check "audit --ledger: the summary line in Danish" \
    grep -qxF "rfy audit: ledger $LA: 1 sagsmåned som ledgeren betalte, 2 afviger (1 findes ikke i ledgeren); sum af differencer (betalt - ledgeren) -326.00" "$TMP/al.err"
dump "$LA" >"$TMP/al-after.sql"
check "audit --ledger: the ledger is read only (content identical)" cmp -s "$TMP/al-before.sql" "$TMP/al-after.sql"
"$RFY" audit --ledger "$TMP/no-such.db" -o "$TMP/al2.csv" "$TMP/al-hist.csv" 2>"$TMP/al2.err"
check "audit --ledger: a ledger that does not exist: exit 2, no report" [ $? = 2 ] && [ ! -e "$TMP/al2.csv" ]
check "audit --ledger: ... saying so, and how one is made" \
    grep -qxF "rfy audit: ledgeren $TMP/no-such.db findes ikke: giv ledgerens fil (rfy batch --ledger FIL opretter en)" "$TMP/al2.err"

rfy_test_finish
