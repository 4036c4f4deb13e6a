#!/usr/bin/env bash
# rfy batch --jobs N gives the same bytes as one job (docs/performance.md):
# the same output, rejects (by line), standard error and exit code, for
#   - every fixtures/batch/NAME.csv with a NAME.exit (with its NAME.args);
#   - two large inputs built from those fixtures (rows repeated, so that a run
#     spans many chunks of 256 rows and mixes computed and rejected rows, and
#     rows with too few fields), written to a file and to standard output;
# and refuses a bad --jobs value with exit 2.
#
# usage: bash test_batch_jobs.sh PATH_TO_RFY SOURCE_DIR
set -u
RFY=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
SRC=$(cd "$2" && pwd)
FIX=$SRC/fixtures/batch
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0

ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    echo "FAIL: $*"
}

# run DIR ARGS...: rfy batch in DIR (relative output names, so that messages
# and receipts name the same paths in every DIR); exit code into DIR/exit.
run() {
    local dir=$1
    shift
    mkdir -p "$dir"
    (cd "$dir" && "$RFY" batch "$@" >stdout 2>stderr; echo $? >exit)
}

# same NAME DIR_A DIR_B: every file of DIR_A equal to DIR_B's.
same() {
    local name=$1 a=$2 b=$3 f
    for f in "$a"/*; do
        f=$(basename "$f")
        # a receipt records the run's time, if any: not part of the comparison
        case "$f" in *.receipt.json) continue ;; esac
        if cmp -s "$a/$f" "$b/$f"; then ok; else
            bad "$name: $f differs between --jobs 1 and $(basename "$b")"
            diff "$a/$f" "$b/$f" | head -n 5
        fi
    done
}

for csv in "$FIX"/*.csv; do
    name=$(basename "$csv" .csv)
    case "$name" in *.expected*) continue ;; esac
    [ -f "$FIX/$name.exit" ] || continue
    args=()
    [ -f "$FIX/$name.args" ] && read -r -a args <"$FIX/$name.args"
    for j in 1 2 3; do
        run "$TMP/$name/j$j" "${args[@]}" --quiet --jobs "$j" -o out.csv "$csv"
    done
    same "$name" "$TMP/$name/j1" "$TMP/$name/j2"
    same "$name" "$TMP/$name/j1" "$TMP/$name/j3"
done

# Large inputs: the data rows of a fixture repeated (header once).
big() { # big FIXTURE TIMES OUT
    {
        head -n 1 "$FIX/$1.csv"
        for ((i = 0; i < $2; i++)); do tail -n +2 "$FIX/$1.csv"; done
    } >"$3"
}
big worked 150 "$TMP/big_worked.csv"
big mixed 150 "$TMP/big_mixed.csv"
rows=$(($(wc -l <"$TMP/big_mixed.csv") - 1))
[ "$rows" -gt 1000 ] && ok || bad "big_mixed has only $rows rows: too few to span chunks"
for name in big_worked big_mixed; do
    for j in 1 2 5 16; do
        run "$TMP/$name/j$j" --quiet --jobs "$j" -o out.csv "$TMP/$name.csv"
        run "$TMP/$name.stdout/j$j" --quiet --jobs "$j" "$TMP/$name.csv"
    done
    for j in 2 5 16; do
        same "$name" "$TMP/$name/j1" "$TMP/$name/j$j"
        same "$name (standard output)" "$TMP/$name.stdout/j1" "$TMP/$name.stdout/j$j"
    done
done
# With --jobs 2 and more the receipt's SHA-256 of input and output is taken on
# a thread of its own (cli/hash_behind.c): the receipt must be the same bytes,
# and its hashes those of the files.
for name in big_worked big_mixed; do
    for j in 2 5; do
        if cmp -s "$TMP/$name/j1/out.receipt.json" "$TMP/$name/j$j/out.receipt.json"; then ok; else
            bad "$name: the receipt differs between --jobs 1 and --jobs $j"
        fi
    done
    want=$(sha256sum "$TMP/$name/j2/out.csv" | cut -d' ' -f1)
    grep -q "\"sha256\": \"$want\"" "$TMP/$name/j2/out.receipt.json" && ok ||
        bad "$name --jobs 2: the receipt does not give the output's sha256 $want"
    want=$(sha256sum "$TMP/$name.csv" | cut -d' ' -f1)
    grep -q "\"sha256\": \"$want\"" "$TMP/$name/j2/out.receipt.json" && ok ||
        bad "$name --jobs 2: the receipt does not give the input's sha256 $want"
done

# The large mixed input has rejects: exit 1, and every input row is accounted for.
[ "$(cat "$TMP/big_mixed/j5/exit")" = 1 ] && ok || bad "big_mixed --jobs 5: exit $(cat "$TMP/big_mixed/j5/exit"), want 1"
out_rows=$(($(wc -l <"$TMP/big_mixed/j5/out.csv") - 1))
rej_rows=$(($(wc -l <"$TMP/big_mixed/j5/out.rejects.csv") - 1))
[ $((out_rows + rej_rows)) -eq "$rows" ] && ok ||
    bad "big_mixed --jobs 5: $out_rows output + $rej_rows rejects != $rows input rows"

# Bad values of --jobs are usage errors: exit 2, nothing written.
for v in 0 17 x 2x -1 ""; do
    run "$TMP/badjobs" --quiet --jobs "$v" -o out.csv "$FIX/worked.csv"
    if [ "$(cat "$TMP/badjobs/exit")" = 2 ] && [ ! -e "$TMP/badjobs/out.csv" ]; then ok; else
        bad "--jobs '$v': exit $(cat "$TMP/badjobs/exit"), want 2 and no output"
    fi
    rm -rf "$TMP/badjobs"
done

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
