#!/usr/bin/env bash
# Malformed input: nothing is lost, nothing is invented, nothing half-written.
#
# Every line "NAME | ARGS | EXIT" of fixtures/malformed/MANIFEST is run as
#   (cd fixtures/malformed && rfy batch ARGS -o TMP/NAME.out.csv NAME.csv)
# and checked:
#   - the exit code is EXIT;
#   - standard error equals NAME.expected.stderr byte for byte;
#   - EXIT 2: no output, no rejects and no temporary file exist afterwards, and
#     the first line of the message names the line ("line N") and the column
#     (the word "column"), unless the input is 0 bytes (it has no line);
#   - EXIT 0/1: the output and the rejects file equal NAME.expected.csv and
#     NAME.expected.rejects.csv byte for byte, and the data rows of the input,
#     counted here independently of rfy as RFC 4180 records (quoted line breaks
#     are inside a record; CRLF, bare CR and blank lines as the reader treats
#     them), equal output rows + reject rows and the summary's "N rows read".
# In the goldens the rate tables' fingerprint is written RATES_ID and the
# temporary directory TMP.  Every NAME.csv must have a MANIFEST line and every
# MANIFEST line its NAME.csv, so a forgotten case fails.  How to add a case:
# docs/malformed-input.md.
#
# usage: bash test_malformed.sh PATH_TO_RFY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"
FIX=$SRC/fixtures/malformed

# Nothing named TMP/NAME.out* may exist (output, rejects, temporaries).
none_left() {
    if compgen -G "$TMP/$1.out*" >/dev/null; then
        echo "  left behind: $(cd "$TMP" && compgen -G "$1.out*" | tr "\n" " ")"
        return 1
    fi
}

# RFC 4180 records of a file, the way rfy's reader sees them: a record ends at
# a line end (CRLF, LF or a bare CR) outside quotes; empty lines are not
# records; a leading UTF-8 byte-order mark is not data.  NUL bytes are mapped
# to '_' first because awk implementations differ on them.
records() {
    tr '\000' '_' <"$1" | awk 'BEGIN { RS = "\r\n|\n|\r"; n = 0; q = 0; rec = "" }
        {
            if (NR == 1) sub(/^\357\273\277/, "")
            rec = rec $0
            q += gsub(/"/, "\"")
            if (q % 2 == 0) { if (rec != "") n++; rec = ""; q = 0 }
            else rec = rec "\n"
        }
        END { if (rec != "") n++; print n }'
}
data_rows() { echo $(($(records "$1") - 1)); }

# The first line of an exit-2 message names where the fault is (the header's
# messages are Danish by default: "linje N", "kolonne").
names_line_and_column() { # names_line_and_column STDERR INPUT
    local first
    [ -s "$2" ] || return 0 # a 0-byte file has no line to name
    first=$(head -1 "$1")
    if [[ $first =~ (line|linje)\ [0-9]+ && ($first == *column* || $first == *kolonne*) ]]; then return 0; fi
    echo "  first line: $first"
    return 1
}

trim() { # trim TEXT: without leading and trailing white space
    local s=$1
    s=${s#"${s%%[![:space:]]*}"}
    printf '%s' "${s%"${s##*[![:space:]]}"}"
}

# ---- The manifest -----------------------------------------------------------------
declare -A listed=()
while IFS='|' read -r name args want extra; do
    name=$(trim "$name")
    case $name in '' | '#'*) continue ;; esac
    args=$(trim "$args")
    want=$(trim "$want")
    listed[$name]=1
    if [ -n "${extra:-}" ] || [ ! -f "$FIX/$name.csv" ] || [[ ! $want =~ ^[012]$ ]]; then
        bad "MANIFEST line '$name': needs NAME | ARGS | EXIT (0, 1 or 2) and $name.csv"
        continue
    fi
    # shellcheck disable=SC2086 # args are words by design
    (cd "$FIX" && "$RFY" batch $args -o "$TMP/$name.out.csv" "$name.csv") \
        >"$TMP/$name.stdout" 2>"$TMP/$name.stderr"
    rc=$?
    check "$name: exit $rc, expected $want" [ "$rc" = "$want" ]
    check "$name: standard error" same "$FIX/$name.expected.stderr" "$TMP/$name.stderr"
    check "$name: nothing on standard output" [ ! -s "$TMP/$name.stdout" ]
    if [ "$want" = 2 ]; then
        check "$name: no output, rejects or temporary file left" none_left "$name"
        check "$name: the message names the line and the column" \
            names_line_and_column "$TMP/$name.stderr" "$FIX/$name.csv"
        continue
    fi
    check "$name: output" same "$FIX/$name.expected.csv" "$TMP/$name.out.csv"
    check "$name: rejects" same "$FIX/$name.expected.rejects.csv" "$TMP/$name.out.rejects.csv"
    # interface.md: input rows = output rows + reject rows, always.
    in_rows=$(data_rows "$FIX/$name.csv")
    out_rows=$( [ -f "$TMP/$name.out.csv" ] && data_rows "$TMP/$name.out.csv" || echo 0)
    rej_rows=$( [ -f "$TMP/$name.out.rejects.csv" ] && data_rows "$TMP/$name.out.rejects.csv" || echo 0)
    check "$name: $in_rows rows in = $out_rows written + $rej_rows rejected" \
        [ "$in_rows" = $((out_rows + rej_rows)) ]
    read_rows=$(sed -n 's/^rfy batch: \([0-9]*\) rækk\{0,1\}e\{0,1\}r\{0,1\} læst.*/\1/p' "$TMP/$name.stderr")
    check "$name: summary says $read_rows rows read, the input has $in_rows" \
        [ "$read_rows" = "$in_rows" ]
    # Exit 0 exactly when nothing was rejected.
    check "$name: exit $rc with $rej_rows rejects" [ $((rej_rows > 0)) = "$rc" ]
done <"$FIX/MANIFEST"

for csv in "$FIX"/*.csv; do
    case $csv in *.expected.csv | *.expected.rejects.csv) continue ;; esac
    name=$(basename "$csv" .csv)
    check "$name.csv is listed in MANIFEST" [ -n "${listed[$name]:-}" ]
done

# ---- The record counter itself (a test that cannot fail is a defect) ----------------
printf 'h\r\na\r\n\r\n"b\r\nc",d\re\n"f""g"\nh' >"$TMP/count.csv"
check "records(): CRLF, a blank line, a quoted CRLF, a bare CR, doubled quotes, no final line end" \
    [ "$(records "$TMP/count.csv")" = 6 ]
printf '\357\273\277\n\na\n' >"$TMP/count2.csv"
check "records(): a BOM alone on the first line and blank lines are not records" \
    [ "$(records "$TMP/count2.csv")" = 1 ]

rfy_test_finish
