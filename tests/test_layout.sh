#!/usr/bin/env bash
# The layout of the sources is true (docs/library.md, "Layout"):
#   - includes go only down the floors: a file of calc/base includes no header of calc/law or calc/run,
#     one of calc/law none of calc/run, and cli/ includes only its own headers and the public <rfy/...>;
#   - calc/law knows nothing of files: no stdio stream, no CSV, no hashing, no database, no threads;
#   - calls go only down (nm on the library's objects): no object of a floor references a symbol defined
#     in a floor above it, and no files of one floor call each other in a circle;
#   - cli/ calls only what the shared library exports (nm -D);
#   - the public headers (all but GMP_PENDING) declare no struct with a GMP member (an amount is
#     handed out through a function; docs/library.md).
# The rules are the tables below.  Each check is proved to fail on a planted violation.
#
# usage: bash test_layout.sh PATH_TO_RFY SOURCE_DIR
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"
BUILD=$(dirname "$RFY")

# The floors, lowest first, and the private header folders each may include.  A header not in one of
# these folders (system, <rfy/...>, tests/support) is not a floor's.
FLOORS=(calc/base calc/law calc/run calc/present)
declare -A MAY_INCLUDE=(
    [calc/base]="calc/base"
    [calc/law]="calc/base calc/law"
    [calc/run]="calc/base calc/law calc/run"
    [calc/present]="calc/base calc/law calc/run calc/present"
    [cli]="cli"
)
HEADER_DIRS=(calc/base calc/law calc/run calc/present cli)

# calc/law computes from values in memory: these words (outside comments) and headers belong to the
# floor above.  snprintf into a buffer is fine; a stream is not.
LAW_BANNED_WORDS='FILE|fopen|fdopen|freopen|fclose|fprintf|vfprintf|printf|vprintf|fputs|puts|fputc|putc|putchar|fwrite|fread|fgets|fgetc|getc|getchar|getline|fflush|fseek|ftell|rewind|stdin|stdout|stderr|open_memstream|popen|rfy_csv_[a-z_]*|csv_[a-z_]*|EVP_[A-Za-z_]*|SHA256[A-Za-z_]*|sqlite3[a-z_]*|pthread_[a-z_]*'
LAW_BANNED_HEADERS='csv\.h|rfy/csv\.h|openssl/.*|sqlite3\.h|pthread\.h|dirent\.h|fcntl\.h|unistd\.h|sys/stat\.h'

# The public headers whose structs may still hold a GMP number (include/rfy/NAME.h); every other one
# is checked, so a header added later is checked too.  The list is empty and stays so.
GMP_PENDING=()

# The source without its comments and string literals (a rule's comment may say "file").
strip_c() {
    perl -0777 -pe 's{(/\*.*?\*/)|(//[^\n]*)|("(?:\\.|[^"\\\n])*")|('"'"'(?:\\.|[^'"'"'\\\n])*'"'"')}
                    {defined $1 ? " " : defined $2 ? "" : defined $3 ? "\"\"" : "0"}gse' "$1"
}

# header_dir ROOT FILE NAME: the header folder (of HEADER_DIRS) that #include NAME in FILE reaches, or
# nothing.  A quoted name is looked up next to the file first, then in the folders, as the compiler
# does with the include dirs; a path with "../" is resolved.
header_dir() {
    local root=$1 file=$2 name=$3 d p
    case $name in
    rfy/*) return ;; # a public header
    */*) ;;
    *) if [ -f "${file%/*}/$name" ]; then d=${file#"$root"/}; echo "${d%/*}"; return; fi ;;
    esac
    p=$(realpath -m "$(dirname "$file")/$name")
    if [ -f "$p" ]; then
        for d in "${HEADER_DIRS[@]}"; do
            [ "$(dirname "$p")" = "$(realpath -m "$root/$d")" ] && { echo "$d"; return; }
        done
        return
    fi
    for d in "${HEADER_DIRS[@]}"; do
        [ -f "$root/$d/$name" ] && { echo "$d"; return; }
    done
}

# check_includes ROOT: "FILE:LINE: includes NAME (FOLDER)" for every include that goes up or sideways.
check_includes() {
    local root=$1 floor f lineno name dir
    for floor in "${FLOORS[@]}" cli; do
        for f in "$root/$floor"/*.c "$root/$floor"/*.h; do
            [ -f "$f" ] || continue
            while IFS=: read -r lineno name; do
                dir=$(header_dir "$root" "$f" "$name")
                [ -n "$dir" ] || continue
                [[ " ${MAY_INCLUDE[$floor]} " == *" $dir "* ]] ||
                    echo "${f#"$root"/}:$lineno: includes $name ($dir)"
            done < <(grep -nE '^[[:space:]]*#[[:space:]]*include[[:space:]]*["<][^">]+[">]' "$f" |
                sed -E 's/^([0-9]+):[^"<]*["<]([^">]+)[">].*/\1:\2/')
        done
    done
}

# check_law ROOT: "FILE: uses WORD" / "FILE: includes HEADER" for calc/law's files.
check_law() {
    local root=$1 f w
    for f in "$root"/calc/law/*.c "$root"/calc/law/*.h; do
        [ -f "$f" ] || continue
        for w in $(strip_c "$f" | grep -oE '[A-Za-z_][A-Za-z0-9_]*' | grep -xE "$LAW_BANNED_WORDS" |
            sort -u); do
            echo "${f#"$root"/}: uses $w"
        done
        grep -oE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($LAW_BANNED_HEADERS)[>\"]" "$f" |
            sed -E 's/.*[<"](.*)[>"]/\1/' | while read -r w; do echo "${f#"$root"/}: includes $w"; done
    done
}

# check_calls OBJDIR ROOT: "A calls up to B (SYMBOL)" when an object of a floor references a symbol
# defined in a higher floor, and "circle: A B ..." when files of a floor call each other in a circle.
# OBJDIR holds calc/FLOOR/NAME.c.o; objects whose source is gone (a stale build) are left out.
check_calls() {
    local objdir=$1 root=$2 floor o src name sym level
    local -A def_at level_of
    local objs=()
    for level in "${!FLOORS[@]}"; do
        level_of[${FLOORS[$level]}]=$level
        for o in "$objdir/${FLOORS[$level]}"/*.c.o; do
            [ -f "$o" ] || continue
            src=${o#"$objdir"/}
            [ -f "$root/${src%.o}" ] || continue
            objs+=("$src")
            for sym in $(nm --defined-only -g "$o" | awk '{print $3}'); do def_at[$sym]=${src%.c.o}; done
        done
    done
    for src in "${objs[@]}"; do
        name=${src%.c.o}
        floor=${name%/*}
        for sym in $(nm -u "$objdir/$src" | awk '{print $2}'); do
            local to=${def_at[$sym]:-}
            [ -n "$to" ] && [ "$to" != "$name" ] || continue
            if [ "${level_of[${to%/*}]}" -gt "${level_of[$floor]}" ]; then
                echo "$name calls up to $to ($sym)"
            elif [ "${to%/*}" = "$floor" ]; then
                echo "$name $to" >>"$TMP/edges"
            fi
        done
    done
    # tsort names the files of each circle it finds: one line "circle: A B ..." each, sorted
    if [ -s "$TMP/edges" ]; then
        sort -u "$TMP/edges" | tsort 2>&1 >/dev/null |
            awk '/input contains a loop/ { n++; next } { sub(/^tsort: /, ""); print n, $0 }' |
            sort -k1,1n -k2 | awk '$1 != last { if (line) print line; line = "circle:"; last = $1 }
                                   { line = line " " $2 } END { if (line) print line }'
    fi
    rm -f "$TMP/edges"
}

# check_cli_api CLI_OBJDIR LIBRARY: "cli/FILE calls SYMBOL, which the library does not export" for a
# symbol of calc/ (one the static library defines) that librfy.so does not export.
check_cli_api() {
    local cliobj=$1 lib=$2 static=$3 o sym
    nm -D --defined-only "$lib" | awk '{print $3}' | sort -u >"$TMP/exported"
    nm --defined-only -g "$static" 2>/dev/null | awk 'NF == 3 {print $3}' | sort -u >"$TMP/calc_defined"
    for o in "$cliobj"/*.c.o; do
        [ -f "$o" ] || continue
        for sym in $(nm -u "$o" | awk '{print $2}' | sort -u | comm -12 - "$TMP/calc_defined" |
            comm -23 - "$TMP/exported"); do
            echo "cli/$(basename "${o%.o}") calls $sym, which the library does not export"
        done
    done
}

# check_gmp_members ROOT NAME...: "include/rfy/NAME.h: struct X has a GMP member" for each struct of
# those headers whose body names an mpz/mpq type (a function parameter is fine).
check_gmp_members() {
    local root=$1 name
    shift
    for name in "$@"; do
        strip_c "$root/include/rfy/$name.h" | perl -0777 -ne '
            while (/struct\s+(\w*)\s*\{([^{}]*)\}/gs) {
                my ($tag, $body) = ($1, $2);
                print "'"include/rfy/$name.h"': struct $tag has a GMP member\n"
                    if $body =~ /\b(mp[zq]_t|mp[zq]_srcptr|mp[zq]_ptr|__mp[zq]_struct)\b/;
            }'
    done
}

report() { # report WHAT FILE: the findings, indented, and a check that there are none
    [ -s "$2" ] && sed 's/^/  /' "$2"
    check "$1 ($(grep -c . "$2") found)" [ ! -s "$2" ]
}

check_includes "$SRC" >"$TMP/includes"
report "includes go only down the floors; cli/ includes only its own headers and <rfy/...>" "$TMP/includes"
check_law "$SRC" >"$TMP/law"
report "calc/law uses no stream, CSV, hashing, database or thread" "$TMP/law"

GMP_FREE_HEADERS=()
for h in "$SRC"/include/rfy/*.h; do
    h=$(basename "$h" .h)
    [[ " ${GMP_PENDING[*]} " == *" $h "* ]] || GMP_FREE_HEADERS+=("$h")
done
check_gmp_members "$SRC" "${GMP_FREE_HEADERS[@]}" >"$TMP/gmp"
report "${GMP_FREE_HEADERS[*]}: no public struct has a GMP member" "$TMP/gmp"

OBJDIR=$BUILD/CMakeFiles/rfy_objects.dir
check "the library's objects are in $OBJDIR" [ -d "$OBJDIR/calc/law" ]
check_calls "$OBJDIR" "$SRC" >"$TMP/calls"
report "calls go only down the floors, and no files of a floor call each other in a circle" "$TMP/calls"
check "the check read the objects (compute.c calls down to base)" \
    bash -c "nm -u '$OBJDIR/calc/law/compute.c.o' | grep -q rfy__fault_add"

CLIOBJ=$BUILD/CMakeFiles/rfycli.dir/cli
check "the program's objects are in $CLIOBJ" [ -f "$CLIOBJ/cli_common.c.o" ]
check_cli_api "$CLIOBJ" "$BUILD/librfy.so" "$BUILD/librfy.a" >"$TMP/cli_api"
report "cli/ calls only functions the shared library exports" "$TMP/cli_api"

# ---- The checks themselves: a tree and objects with one planted violation of each rule ----------------
P=$TMP/planted
mkdir -p "$P/calc/base" "$P/calc/law" "$P/calc/run" "$P/cli" "$P/obj/calc/base" "$P/obj/calc/law" "$P/obj/cli"
echo '/* internal */' >"$P/calc/law/rules.h"
echo '/* internal */' >"$P/calc/run/row_sort.h"
echo '/* internal */' >"$P/calc/base/fault.h"
echo '/* internal */' >"$P/cli/cli.h"
cat >"$P/calc/base/money.c" <<'C'
#include <stdio.h>
#include "fault.h"
#include "rules.h"
int base_fn(void);
int law_fn(void);
int base_fn(void) { return law_fn(); } /* calls up */
C
cat >"$P/calc/law/compute.c" <<'C'
/* A comment may say FILE and fprintf: it is no use of them. */
#include <stdio.h>
#include "../run/row_sort.h"
#include "rules.h"
int law_fn(void);
int law_other(void);
int law_fn(void) { fprintf(stderr, "FILE"); return law_other(); }
C
cat >"$P/calc/law/segments.c" <<'C'
#include <rfy/csv.h>
int law_fn(void);
int law_other(void);
int law_other(void) { return law_fn(); }
C
cat >"$P/cli/main.c" <<'C'
#include <rfy/rfy.h>
#include "cli.h"
#include "fault.h"
int law_fn(void);
int main(void) { return law_fn(); }
C
check_includes "$P" >"$TMP/p_includes"
check "self-check: base including a law header is found" \
    grep -qx 'calc/base/money.c:3: includes rules.h (calc/law)' "$TMP/p_includes"
check "self-check: law including a run header (by a relative path) is found" \
    grep -qx 'calc/law/compute.c:3: includes ../run/row_sort.h (calc/run)' "$TMP/p_includes"
check "self-check: cli/ including a calc header is found" \
    grep -qx 'cli/main.c:3: includes fault.h (calc/base)' "$TMP/p_includes"
check "self-check: nothing else is found ($(wc -l <"$TMP/p_includes") lines)" [ "$(wc -l <"$TMP/p_includes")" = 3 ]
check_law "$P" >"$TMP/p_law"
check "self-check: fprintf, stderr and <rfy/csv.h> in law are found, a comment and a string are not" \
    [ "$(sort "$TMP/p_law" | tr '\n' '|')" = \
      "calc/law/compute.c: uses fprintf|calc/law/compute.c: uses stderr|calc/law/segments.c: includes rfy/csv.h|" ]
mkdir -p "$P/include/rfy"
cat >"$P/include/rfy/planted.h" <<'C'
/* struct rfy_in_comment { mpz_t x; } is no struct */
typedef struct rfy_open { int n; mpz_t amount; } rfy_open;
typedef struct rfy_plain { int n; const char *text; } rfy_plain;
void rfy_planted_amount(mpz_t out, const rfy_plain *p);
C
check_gmp_members "$P" planted >"$TMP/p_gmp"
check "self-check: a public struct with an mpz_t member is found, and only it" \
    [ "$(cat "$TMP/p_gmp")" = "include/rfy/planted.h: struct rfy_open has a GMP member" ]
for f in calc/base/money calc/law/compute calc/law/segments cli/main; do
    cc -c -w -I"$SRC/include" -I"$BUILD/include" -I"$P/calc/base" -I"$P/calc/law" -I"$P/calc/run" -o "$P/obj/$f.c.o" "$P/$f.c" 2>>"$TMP/p_cc"
done
check "self-check: the planted objects compile" [ ! -s "$TMP/p_cc" ]
check_calls "$P/obj" "$P" >"$TMP/p_calls"
check "self-check: a base object calling a law function is found" \
    grep -qx 'calc/base/money calls up to calc/law/compute (law_fn)' "$TMP/p_calls"
check "self-check: two law files calling each other are found" \
    grep -qx 'circle: calc/law/compute calc/law/segments' "$TMP/p_calls"
ar rcs "$P/obj/libplanted.a" "$P/obj/calc/law/compute.c.o" "$P/obj/calc/law/segments.c.o"
cc -shared -o "$P/obj/libplanted.so" "$P/obj/calc/law/segments.c.o" 2>>"$TMP/p_cc"
check_cli_api "$P/obj/cli" "$P/obj/libplanted.so" "$P/obj/libplanted.a" >"$TMP/p_api"
check "self-check: cli/ calling an unexported calc function is found" \
    grep -qx 'cli/main.c calls law_fn, which the library does not export' "$TMP/p_api"

rfy_test_finish
