#!/usr/bin/env bash
# rfy batch end to end: every fixtures/batch/NAME.csv with a NAME.exit is run as
#   (cd fixtures/batch && rfy batch $(cat NAME.args) -o TMP/NAME.out.csv NAME.csv)
# and compared byte for byte with the goldens:
#   NAME.exit                   expected exit code
#   NAME.expected.csv           output (exit 0/1)
#   NAME.expected.rejects.csv   rejects file (exit 0/1)
#   NAME.expected.stderr        standard error: the summary, or the error message
# Exit 2 also means: no output, no rejects and no temporary file exist afterwards.
# The rate tables' fingerprint is written RATES_ID in the goldens and the
# temporary directory TMP, so that a rates edit does not touch every golden.
# The expected values of worked.csv and comma.csv are worked out by hand in
# fixtures/batch/README.md.
#
# usage: bash test_batch.sh PATH_TO_RFY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"
FIX=$SRC/fixtures/batch

# Nothing named TMP/NAME.out* may exist (output, rejects, temporaries).
none_left() { ! compgen -G "$TMP/$1.out*" >/dev/null; }

# Data lines of a file without quoted line breaks (header excluded).
data_lines() { echo $(($(wc -l <"$1") - 1)); }

# ---- Golden fixtures ------------------------------------------------------------
for exitfile in "$FIX"/*.exit; do
    name=$(basename "$exitfile" .exit)
    want=$(cat "$exitfile")
    args=""
    [ -f "$FIX/$name.args" ] && args=$(cat "$FIX/$name.args")
    # shellcheck disable=SC2086 # args are words by design
    (cd "$FIX" && "$RFY" batch $args -o "$TMP/$name.out.csv" "$name.csv") 2>"$TMP/$name.stderr"
    rc=$?
    check "$name: exit $rc, expected $want" [ "$rc" = "$want" ]
    check "$name: standard error" same "$FIX/$name.expected.stderr" "$TMP/$name.stderr"
    if [ "$want" = 2 ]; then
        check "$name: no output or temporary file left" none_left "$name"
    else
        check "$name: output" same "$FIX/$name.expected.csv" "$TMP/$name.out.csv"
        check "$name: rejects" same "$FIX/$name.expected.rejects.csv" "$TMP/$name.out.rejects.csv"
        # interface.md: input rows = output rows + reject rows.
        read_rows=$(sed -n 's/^rfy batch: \([0-9]*\) rækker\{0,1\} læst.*/\1/p' "$TMP/$name.stderr")
        # input rows named in the output's `lines` (a case-month of several period rows names them all)
        out_rows=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "lines") c = NF - i; next }
                            { n += split($(NF - c), l, ";") } END { print n + 0 }' "$TMP/$name.out.csv")
        rej_rows=$(data_lines "$TMP/$name.out.rejects.csv")
        check "$name: $read_rows rows read = $out_rows written + $rej_rows rejected" \
            [ "$read_rows" = $((out_rows + rej_rows)) ]
    fi
done

# ---- Every row of the mixed file accounted for, counted from the input ----------------
in_rows=$(data_lines "$FIX/mixed.csv")
check "mixed.csv has 20 data rows" [ "$in_rows" = 20 ]
check "mixed: 20 input rows = 4 written + 16 rejected" \
    [ "$(data_lines "$TMP/mixed.out.csv")" = 4 -a "$(data_lines "$TMP/mixed.out.rejects.csv")" = 16 ]

# ---- Standard input and standard output ----------------------------------------------
"$RFY" batch - <"$FIX/worked.csv" >"$TMP/stdin.csv" 2>"$TMP/stdin.err"
check "stdin: exit 0" [ $? = 0 ]
check "stdin: output on standard output" same "$FIX/worked.expected.csv" "$TMP/stdin.csv"
check "stdin: summary only on standard error" same "$FIX/worked.expected.stderr" <(grep -v '^rfy receipt: ' "$TMP/stdin.err")

# With the output on standard output the rejects go to standard error, before the summary.
(cd "$FIX" && "$RFY" batch --quiet - <mixed.csv >"$TMP/stdout.csv" 2>"$TMP/stdout.err")
check "stdout: exit 1" [ $? = 1 ]
check "stdout: output" same "$FIX/mixed.expected.csv" "$TMP/stdout.csv"
cat "$FIX/mixed.expected.rejects.csv" >"$TMP/want.err"
sed "s#(se TMP/mixed.out.rejects.csv)#(se standardfejl)#" "$FIX/mixed.expected.stderr" \
    >>"$TMP/want.err"
check "stdout: rejects then summary on standard error" same "$TMP/want.err" <(grep -v '^rfy receipt: ' "$TMP/stdout.err")

# -o - is standard output too; --rejects puts the rejects in a file.
"$RFY" batch -o - --rejects "$TMP/r.csv" "$FIX/mixed.csv" >"$TMP/dash.csv" 2>/dev/null
check "-o -: exit 1" [ $? = 1 ]
check "-o -: output" same "$FIX/mixed.expected.csv" "$TMP/dash.csv"
check "--rejects FILE" same "$FIX/mixed.expected.rejects.csv" "$TMP/r.csv"

# ---- Atomicity ------------------------------------------------------------------------
# A structural error leaves an existing output file as it was and creates nothing.
printf 'old\n' >"$TMP/keep.out.csv"
(cd "$FIX" && "$RFY" batch -o "$TMP/keep.out.csv" unterminated.csv) 2>/dev/null
check "structural error: exit 2" [ $? = 2 ]
check "structural error: old output kept" [ "$(cat "$TMP/keep.out.csv")" = old ]
check "structural error: no rejects or temporary file" \
    [ "$(compgen -G "$TMP/keep.out*" | wc -l)" = 1 ]
# A successful run replaces it.
"$RFY" batch -o "$TMP/keep.out.csv" "$FIX/worked.csv" 2>/dev/null
check "success replaces the old output" same "$FIX/worked.expected.csv" "$TMP/keep.out.csv"

# Write failures: a full device, as -o and as standard output.
"$RFY" batch -o /dev/full --rejects "$TMP/full.out.rejects.csv" "$FIX/worked.csv" \
    2>"$TMP/full.err"
check "-o /dev/full: exit 2" [ $? = 2 ]
printf '%s\n' "rfy batch: kan ikke skrive /dev/full: disken er fuld" \
    "rfy batch: TMP/full.out.rejects.csv er ikke skrevet" >"$TMP/want.err"
check "-o /dev/full: message" same "$TMP/want.err" "$TMP/full.err"
check "-o /dev/full: no rejects file" none_left full
"$RFY" batch "$FIX/worked.csv" >/dev/full 2>"$TMP/full2.err"
check "standard output on /dev/full: exit 2" [ $? = 2 ]
printf '%s\n' "rfy batch: kan ikke skrive standardoutput: disken er fuld" >"$TMP/want.err"
check "standard output on /dev/full: message" same "$TMP/want.err" "$TMP/full2.err"

# An output directory that does not exist.
"$RFY" batch -o "$TMP/nodir/x.csv" "$FIX/worked.csv" 2>"$TMP/nodir.err"
check "missing directory: exit 2" [ $? = 2 ]
printf '%s\n' "rfy batch: kan ikke oprette TMP/nodir/x.csv: filen eller mappen findes ikke" >"$TMP/want.err"
check "missing directory: message" same "$TMP/want.err" "$TMP/nodir.err"

# ---- Usage errors -------------------------------------------------------------------------
usage() { # usage EXPECTED_FIRST_LINE ARGS...
    local want=$1
    shift
    "$RFY" batch "$@" >/dev/null 2>"$TMP/usage.err"
    local rc=$?
    [ $rc = 2 ] && [ "$(head -1 "$TMP/usage.err")" = "$want" ]
}
check "no input file" usage \
    "rfy batch: forventede én inputfil (IN.csv, eller - for standardinput)"
check "two input files" usage \
    "rfy batch: forventede én inputfil (IN.csv, eller - for standardinput), fandt flere" a.csv b.csv
check "two input files (--lang en)" usage \
    "rfy batch: expected one input file (IN.csv, or - for standard input), found more" a.csv b.csv --lang en
check "--delimiter of two bytes" usage \
    "rfy batch: --delimiter skal være ét tegn, der ikke er et anførselstegn eller et linjeskift (eller 'tab'), ikke ';;'" \
    --delimiter ';;' "$FIX/worked.csv"
check "--delimiter quote" usage \
    "rfy batch: --delimiter must be one character other than a quote or a line break (or 'tab'), not '\"'" \
    --lang en --delimiter '"' "$FIX/worked.csv"
check "unreadable input" usage \
    "rfy batch: kan ikke læse $TMP/none.csv: filen eller mappen findes ikke" "$TMP/none.csv"
check "rejects = output" usage \
    "rfy batch: inputfilen, outputfilen og afvisningsfilen skal være forskellige filer" \
    -o "$TMP/same.csv" --rejects "$TMP/same.csv" "$FIX/worked.csv"
# A malformed rate table: exit 2, nothing written (the loader's own message follows the prefix).
mkdir "$TMP/badrates"
printf 'key,effective_from\nfoo,bar\n' >"$TMP/badrates/x.csv"
"$RFY" batch --rates "$TMP/badrates" -o "$TMP/badrates.out.csv" "$FIX/worked.csv" 2>"$TMP/rates.err"
check "invalid rate tables: exit 2" [ $? = 2 ]
check "invalid rate tables: message" grep -q '^rfy: ugyldige satstabeller: x.csv:1: ' "$TMP/rates.err"
check "invalid rate tables: nothing written" none_left badrates
"$RFY" batch --help >"$TMP/help.out" 2>&1
check "--help: exit 0 with usage" [ $? = 0 -a "$(head -c 15 "$TMP/help.out")" = "brug: rfy batch" ]

# ---- --delimiter tab ------------------------------------------------------------------------
tr ',' '\t' <"$FIX/worked.csv" >"$TMP/tab.tsv"
"$RFY" batch --delimiter tab -o "$TMP/tab.out.csv" "$TMP/tab.tsv" 2>/dev/null
check "--delimiter tab: exit 0" [ $? = 0 ]
check "--delimiter tab: same output (output stays ',')" same "$FIX/worked.expected.csv" \
    "$TMP/tab.out.csv"

# ---- The README's sample: all ~30 rows valid ------------------------------------------------
"$RFY" batch --quiet -o "$TMP/sample.out.csv" "$SRC/fixtures/sample-batch.csv" 2>"$TMP/sample.err"
check "sample-batch.csv: exit 0 (every row valid)" [ $? = 0 ]
check "sample-batch.csv: one output row per input row" \
    [ "$(data_lines "$TMP/sample.out.csv")" = "$(data_lines "$SRC/fixtures/sample-batch.csv")" ]

rfy_test_finish
