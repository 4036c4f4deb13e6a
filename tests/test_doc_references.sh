#!/usr/bin/env bash
# Every file and function that docs/decisions.md, docs/law-to-code.md and the pages with engineering
# decisions (batch.md, audit.md, ...) name exists:
#   - each `path` (a backticked name with a "/" in it, such as `calc/law/case_checks.c` or `rates/2026.csv`) is a
#     file or folder of the source tree;
#   - each `function()` is in the sources (calc/ cli/ include/ fuzz/ tests/ examples/, C and the
#     page's JavaScript), and in the very file when the document writes "`function()` in `path`".
# A failure names the document, the line and the missing name.
#
# usage: bash test_doc_references.sh PATH_TO_RFY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"

SOURCES=(calc cli include fuzz tests examples)

# defined_in FUNCTION FILE...: the name followed by "(" in one of the files (a definition, a declaration
# or, in cli/web/app.js, "function NAME(").
defined_in() {
    local fn=$1
    shift
    grep -qE "(^|[^A-Za-z0-9_])$fn[[:space:]]*\(" "$@" 2>/dev/null
}

# Every name followed by "(" in the sources, once (one grep instead of one per function).
names_index() {
    (cd "$SRC" && grep -rhoE --include='*.c' --include='*.h' --include='*.js' \
        '(^|[^A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*[[:space:]]*\(' "${SOURCES[@]}" 2>/dev/null) |
        sed -E 's/^[^A-Za-z_]//; s/[[:space:]]*\($//' | sort -u >"$NAMES"
}
NAMES=$TMP/names
names_index

# check_doc DOC: prints "DOC:LINE: missing ..." for every name that does not exist.  A function written
# "`f()` in `path`" (or "`f()`, `g()` in `path`") must be in that file; any other anywhere in the sources.
check_doc() {
    local doc=$1 lineno=0 line tok path fn group
    while IFS= read -r line || [ -n "$line" ]; do
        lineno=$((lineno + 1))
        [[ $line == *'`'* ]] || continue
        while IFS= read -r tok; do
            [ -n "$tok" ] || continue
            [[ $tok =~ ^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.*{},-]+)+/?$ ]] || continue
            case $tok in *'*'* | *'{'*) continue ;; esac # a pattern (rates/*.csv), not one file
            # rfy/NAME.h is a public header, found as `#include <rfy/NAME.h>` finds it (version.h is
            # generated from version.h.in).
            [ -e "$SRC/$tok" ] || [ -e "$SRC/include/$tok" ] || [ -e "$SRC/include/$tok.in" ] ||
                echo "$doc:$lineno: missing path $tok"
        done < <(grep -o '`[^`]*`' <<<"$line" | tr -d '`')
        [[ $line == *'()`'* ]] || continue
        # "`f()`, `g()` in `path`": each in that path
        while IFS= read -r group; do
            [ -n "$group" ] || continue
            path=${group##*in \`}
            path=${path%\`}
            [ -f "$SRC/$path" ] || continue # reported above
            for fn in $(grep -oE '`[A-Za-z_][A-Za-z0-9_]*\(\)`' <<<"$group" | tr -d '`()'); do
                defined_in "$fn" "$SRC/$path" || echo "$doc:$lineno: missing function $fn() in $path"
            done
        done < <(grep -oE '(`[A-Za-z_][A-Za-z0-9_]*\(\)`(, | and |,? )?)+in `[^`]+`' <<<"$line")
        for fn in $(grep -oE '`[A-Za-z_][A-Za-z0-9_]*\(\)`' <<<"$line" | tr -d '`()'); do
            grep -qxF "$fn" "$NAMES" || echo "$doc:$lineno: missing function $fn()"
        done
    done <"$SRC/$doc"
}

# decisions.md, law-to-code.md, and the topic pages that keep the engineering decisions.
for doc in docs/decisions.md docs/law-to-code.md $(cd "$SRC" && grep -l '^## Engineering decisions' docs/*.md); do
    check_doc "$doc" >"$TMP/missing" 2>&1
    if [ -s "$TMP/missing" ]; then
        sed 's/^/  /' "$TMP/missing"
    fi
    check "$doc names only files and functions that exist ($(wc -l <"$TMP/missing") missing)" [ ! -s "$TMP/missing" ]
    check "$doc names some functions or files (the check reads its table)" grep -qE '`[a-z_0-9]+\(\)`|`[a-z]+/[a-z_0-9.]+`' "$SRC/$doc"
done

# The check itself: a made-up path and function are found missing.
cat >"$TMP/fake.md" <<'DOC'
| D0 | made up | `no_such_function()` in `calc/law/compute.c`; `calc/no_such_file.c` | - |
| D1 | real | `rfy_compute()` in `calc/law/compute.c` | - |
DOC
mkdir -p "$TMP/src/docs"
for d in calc cli include fuzz tests examples; do ln -s "$SRC/$d" "$TMP/src/$d"; done
cp "$TMP/fake.md" "$TMP/src/docs/fake.md"
SRC_SAVED=$SRC
SRC=$TMP/src
check_doc docs/fake.md >"$TMP/fake.out"
SRC=$SRC_SAVED
check "self-check: a missing path is named with its line" grep -qx 'docs/fake.md:1: missing path calc/no_such_file.c' "$TMP/fake.out"
check "self-check: a missing function is named with its line" \
    grep -qx 'docs/fake.md:1: missing function no_such_function() in calc/law/compute.c' "$TMP/fake.out"
check "self-check: the real function on line 2 is found" [ "$(grep -c ':2:' "$TMP/fake.out")" = 0 ]

rfy_test_finish
