#!/usr/bin/env bash
# A batch or audit cut short leaves nothing behind, and an output that is not a
# regular file gets no side files (docs/robustness.md, "Files"; docs/batch.md).
#
#  - SIGTERM, SIGINT, SIGHUP mid-run: no output, rejects, receipt or temporary
#    in the output's directory, and the process ends by the signal (status
#    128 + N: 143, 130, 129);
#  - `kill -9` mid-run: nothing (unnamed temporaries vanish with the process);
#    with named temporaries (RFY_ATOMIC_NAMED=1) the next run on the same path
#    removes what was left;
#  - -o /dev/null, /dev/stdout or a FIFO: rejects and receipt go to standard
#    error (or where --rejects / --receipt say), never a file in /dev.
#
# "Mid-run" is made sure of, not guessed: the signal is sent once rfy has
# printed its first progress line (100 000 rows), with 500 000 still to go.
#
# usage: bash test_batch_signals.sh PATH_TO_RFY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"

# 600 000 case-months, every 1 000th with a category that does not exist (a reject).
awk 'BEGIN { print "case_id,month,category,wage,paid";
             for (i = 1; i <= 600000; i++)
                 printf "C%07d,2024-03,%s,%d.00,100.00\n", i, i % 1000 ? "forsorger" : "x", 15000 + i % 9000 }' \
    >"$TMP/big.csv"
# The figures of a small run, by hand (2024-03, forsørger 16382.00; ressourceforløb:
# 55 % of the wage above 16323.00): wage 20000.00 -> 0.55 x 3677 = 2022.35 -> 14359.65.
printf 'case_id,month,category,wage\nS1,2024-03,forsorger,20000.00\nS2,2024-03,x,0\n' >"$TMP/small.csv"

listing() { ls -A "$1" | tr '\n' ' '; }
empty() { [ -z "$(ls -A "$1")" ]; }

# ---- The issue's own reproducer ----------------------------------------------------------------
mkdir "$TMP/d"
timeout -s TERM 0.4 "$RFY" batch --ignore-columns paid -o "$TMP/d/out.csv" "$TMP/big.csv" 2>/dev/null
rc=$?
check "timeout -s TERM 0.4: the run was cut short (124)" [ $rc = 124 ]
check "timeout -s TERM 0.4: nothing left in d ($(listing "$TMP/d"))" empty "$TMP/d"

# ---- A signal once the run is under way ---------------------------------------------------------
set -m # job control: a background job does not ignore SIGINT
exec 3>&2 2>/dev/null # the shell's "Terminated" job notices
# run_until_progress DIR SIGNAL [ENV=...] -- ARGS: start rfy ARGS in the background, send
# SIGNAL after its first progress line; rfy's exit status in $rc (no $(...): a
# subshell has no job control).
run_until_progress() {
    local dir=$1 sig=$2 pid
    shift 2
    mkdir -p "$dir"
    : >"$dir.err"
    env "$@" 2>"$dir.err" &
    pid=$!
    for _ in $(seq 1 600); do # at most 60 s (sanitizer builds are slow)
        grep -q 'rækker…' "$dir.err" && break
        kill -0 $pid 2>/dev/null || break
        sleep 0.1
    done
    kill -s "$sig" $pid 2>/dev/null
    wait $pid
    rc=$?
}

for s in TERM:143 INT:130 HUP:129; do
    sig=${s%:*} want=${s#*:}
    run_until_progress "$TMP/$sig" "$sig" "$RFY" batch --ignore-columns paid -o "$TMP/$sig/out.csv" "$TMP/big.csv"
    check "SIG$sig mid-run: ended by the signal ($want, got $rc)" [ "$rc" = "$want" ]
    check "SIG$sig mid-run: nothing left ($(listing "$TMP/$sig"))" empty "$TMP/$sig"
done

run_until_progress "$TMP/k9" KILL "$RFY" batch --ignore-columns paid -o "$TMP/k9/out.csv" "$TMP/big.csv"
check "kill -9 mid-run: killed (137, got $rc)" [ "$rc" = 137 ]
check "kill -9 mid-run: nothing left ($(listing "$TMP/k9"))" empty "$TMP/k9"

run_until_progress "$TMP/audit" TERM "$RFY" audit -o "$TMP/audit/report.csv" "$TMP/big.csv"
check "audit, SIGTERM mid-run: 143 (got $rc)" [ "$rc" = 143 ]
check "audit, SIGTERM mid-run: nothing left ($(listing "$TMP/audit"))" empty "$TMP/audit"

run_until_progress "$TMP/xlsx" TERM "$RFY" batch --ignore-columns paid --format xlsx -o "$TMP/xlsx/out.xlsx" "$TMP/big.csv"
check "xlsx, SIGTERM mid-run: 143 (got $rc)" [ "$rc" = 143 ]
check "xlsx, SIGTERM mid-run: nothing left ($(listing "$TMP/xlsx"))" empty "$TMP/xlsx"

# ---- Named temporaries (RFY_ATOMIC_NAMED=1, as where O_TMPFILE is missing) -----------------------
run_until_progress "$TMP/nt" TERM RFY_ATOMIC_NAMED=1 "$RFY" batch --ignore-columns paid -o "$TMP/nt/out.csv" "$TMP/big.csv"
check "named, SIGTERM: 143 (got $rc)" [ "$rc" = 143 ]
check "named, SIGTERM: the handler removed them ($(listing "$TMP/nt"))" empty "$TMP/nt"
run_until_progress "$TMP/n9" KILL RFY_ATOMIC_NAMED=1 "$RFY" batch --ignore-columns paid -o "$TMP/n9/out.csv" "$TMP/big.csv"
check "named, kill -9: killed (137, got $rc)" [ "$rc" = 137 ]
left=$(ls -A "$TMP/n9" | grep -cE '^out(\.rejects)?\.csv\.rfy-tmp-[0-9]+-[A-Za-z0-9]{6}$')
check "named, kill -9: output and rejects temporaries left, named as documented ($(listing "$TMP/n9"))" \
    [ "$left" = 2 ]
RFY_ATOMIC_NAMED=1 "$RFY" batch -o "$TMP/n9/out.csv" "$TMP/small.csv" 2>/dev/null
check "named: the next run on the same path: exit 1 (one reject)" [ $? = 1 ]
check "named: the next run removed them; its own three files only ($(listing "$TMP/n9"))" \
    [ "$(listing "$TMP/n9")" = "out.csv out.receipt.json out.rejects.csv " ]
check "named: the next run's output (S1 paid 14359.65)" grep -q '^S1,2024-03,.*,2022.35,14359.65,' "$TMP/n9/out.csv"
set +m
exec 2>&3 3>&-

# ---- Outputs that are not regular files -----------------------------------------------------------
# Other programs on the machine may write into /dev: a file there is ours only if it
# names this run's input, whose name is unique ($U.csv; the receipt names it).
U=rfy-signals-$$-$RANDOM
cp "$TMP/small.csv" "$TMP/$U.csv" # from here on the input is $U.csv
printf 'case_id,month,category,wage,paid\nS1,2024-03,forsorger,20000.00,14359.65\n' >"$TMP/$U-audit.csv"
touch "$TMP/marker"
new_in_dev() {
    find /dev -maxdepth 1 -type f -newer "$TMP/marker" -name "$1" -exec grep -l -e "$U" {} + 2>/dev/null |
        tr '\n' ' '
}

"$RFY" batch -o /dev/null "$TMP/$U.csv" 2>"$TMP/null.err"
check "-o /dev/null: exit 1 (one reject)" [ $? = 1 ]
check "-o /dev/null: no side file in /dev ($(new_in_dev 'null.*'))" [ -z "$(new_in_dev 'null.*')" ]
check "-o /dev/null: the reject on standard error (header, then line 3)" \
    bash -c "grep -q '^line,case_id,column,reason' '$TMP/null.err' && grep -q '^3,S2,category,' '$TMP/null.err'"
check "-o /dev/null: the receipt on standard error, output sha256 null" \
    grep -q '^rfy receipt: {.*"output":{"name":"null","sha256":null}' "$TMP/null.err"

"$RFY" batch -o /dev/null --rejects "$TMP/r.csv" --receipt "$TMP/r.json" "$TMP/$U.csv" 2>/dev/null
check "-o /dev/null with --rejects and --receipt: both written where asked" \
    bash -c "grep -q '^3,S2,category,' '$TMP/r.csv' && grep -q '\"sha256\": null' '$TMP/r.json'"

"$RFY" batch -o /dev/stdout "$TMP/$U.csv" >"$TMP/stdout.csv" 2>"$TMP/stdout.err"
check "-o /dev/stdout: the output arrives (S1 paid 14359.65)" grep -q '^S1,2024-03,.*,14359.65,' "$TMP/stdout.csv"
check "-o /dev/stdout: no side file in /dev ($(new_in_dev 'std*'))" [ -z "$(new_in_dev 'std*')" ]
check "-o /dev/stdout: rejects on standard error" grep -q '^3,S2,category,' "$TMP/stdout.err"

"$RFY" audit -o /dev/null "$TMP/$U-audit.csv" 2>"$TMP/anull.err"
check "audit -o /dev/null: exit 0 (S1 matches: 14359.65)" [ $? = 0 ]
check "audit -o /dev/null: no side file in /dev ($(new_in_dev 'null.*'))" [ -z "$(new_in_dev 'null.*')" ]
check "audit -o /dev/null: the receipt on standard error" grep -q '^rfy receipt: {"schema_version"' "$TMP/anull.err"

# A device node in a directory of our own (root only): nothing is made beside it.
mkdir "$TMP/devd"
if mknod "$TMP/devd/zero" c 1 5 2>/dev/null; then
    "$RFY" batch -o "$TMP/devd/zero" "$TMP/$U.csv" 2>/dev/null
    check "a device node as output: exit 1 (one reject)" [ $? = 1 ]
    check "a device node as output: nothing beside it ($(listing "$TMP/devd"))" [ "$(listing "$TMP/devd")" = "zero " ]
else
    echo "SKIP: mknod needs root (a device node in a directory of our own)"
fi

mkdir "$TMP/f"
mkfifo "$TMP/f/p"
cat "$TMP/f/p" >"$TMP/fifo.copy" &
reader=$!
"$RFY" batch -o "$TMP/f/p" "$TMP/$U.csv" 2>"$TMP/fifo.err"
check "FIFO: exit 1 (one reject)" [ $? = 1 ]
wait $reader
check "FIFO: no side file next to it ($(listing "$TMP/f"))" [ "$(listing "$TMP/f")" = "p " ]
"$RFY" batch -o "$TMP/reg.csv" "$TMP/$U.csv" 2>/dev/null
check "FIFO: the reader got the same bytes as a file output" cmp -s "$TMP/fifo.copy" "$TMP/reg.csv"
check "FIFO: rejects and receipt on standard error" \
    bash -c "grep -q '^3,S2,category,' '$TMP/fifo.err' && grep -q '^rfy receipt: {' '$TMP/fifo.err'"

rfy_test_finish
