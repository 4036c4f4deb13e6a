# Shared by the shell tests (tests/test_*.sh), which run as
#   bash tests/test_NAME.sh PATH_TO_RFY SOURCE_DIR
# Source it after `set -u`, then call `rfy_test_init "$1" "$2"`.  It gives:
#   RFY, SRC     absolute paths of the rfy binary and the source tree
#   TMP          a scratch directory, removed at exit
#   ok, bad, check DESCRIPTION COMMAND...   count passes and failures
#   RATES_ID     the built-in tables' fingerprint; norm FILE prints FILE with it
#                written RATES_ID and TMP written TMP, as the goldens have them
#   same GOLDEN ACTUAL   byte for byte after norm (RFY_REGEN=1 rewrites the golden)
#   rfy_test_finish      prints "N passed, M failed" and sets the exit status

rfy_test_init() {
    RFY=$(cd "$(dirname "$1")" && pwd)/$(basename "$1") # absolute: some runs cd
    SRC=$(cd "$2" && pwd)
    TMP=$(mktemp -d)
    trap 'rm -rf "$TMP"' EXIT
    pass=0
    fail=0
    RATES_ID=$("$RFY" rates show 2024 | sed -n '1s/.*rates_id \([0-9a-f]*\).*/\1/p')
    if [ -z "$RATES_ID" ]; then
        echo "cannot read the rates_id from 'rfy rates show 2024'"
        echo "0 passed, 1 failed"
        exit 1
    fi
}

ok() { pass=$((pass + 1)); }

bad() {
    fail=$((fail + 1))
    echo "FAIL: $*"
}

check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then ok; else bad "$what"; fi
}

norm() { sed -e "s/$RATES_ID/RATES_ID/g" -e "s#$TMP#TMP#g" "$1"; }

same() { # same GOLDEN ACTUAL
    if [ ! -e "$2" ]; then # -e: ACTUAL may be a <(...) pipe
        echo "  rfy wrote no $(basename "$2")"
        return 1
    fi
    if [ -n "${RFY_REGEN:-}" ]; then
        norm "$2" >"$1"
        return 0
    fi
    if [ ! -f "$1" ]; then
        echo "  missing golden $1"
        return 1
    fi
    if ! norm "$2" | cmp -s "$1" -; then
        norm "$2" | diff -u --label "$(basename "$1")" --label actual "$1" - | head -30 | cat -v
        return 1
    fi
}

rfy_test_finish() {
    echo "$pass passed, $fail failed"
    [ "$fail" = 0 ]
}
