#!/usr/bin/env bash
# Build the libFuzzer targets (docs/robustness.md).
#
#   fuzz/build.sh [OUT_DIR]      default OUT_DIR: build-fuzz/fuzz in the source tree
#
# Self-contained: compiles calc/*/*.c and the rate tables (embedded here with
# cmake/embed_rates.cmake, exactly as the main build does) with clang,
# -fsanitize=fuzzer-no-link,address,undefined, into one archive, then links
# each fuzz/fuzz_*.c target against it with -fsanitize=fuzzer.  Does not touch
# the top-level CMake build.  Needs clang with libFuzzer (Debian: clang,
# libclang-rt-dev), libgmp-dev, libcsv-dev, libssl-dev, libjansson-dev, libsqlite3-dev, liblz4-dev.
set -euo pipefail

SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${1:-$SRC/build-fuzz/fuzz}
CC=${FUZZ_CC:-clang}
TARGETS=(csv decimal_date rates compute serve input_decode column_map ledger_pack)
# The serve target also needs the request decoder and what it calls in cli/ (and jansson);
# the input_decode target the input decoder.
SERVE_CLI=(serve_api serve_whatif whatif_answer cli_common web_assets input_decode)

command -v "$CC" >/dev/null || { echo "fuzz/build.sh: $CC not found (apt-get install clang)" >&2; exit 2; }
mkdir -p "$OUT/obj"

cmake -DRATES_DIR="$SRC/rates" -DOUT="$OUT/rates_builtin.c" -P "$SRC/cmake/embed_rates.cmake"
# rfy/version.h from the one version source, project(rfy VERSION ...) in CMakeLists.txt.
mkdir -p "$OUT/include/rfy"
VERSION=$(sed -n 's/^project(rfy VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
IFS=. read -r V_MAJOR V_MINOR V_PATCH <<<"$VERSION"
sed -e "s/@PROJECT_VERSION@/$VERSION/; s/@PROJECT_VERSION_MAJOR@/$V_MAJOR/" \
    -e "s/@PROJECT_VERSION_MINOR@/$V_MINOR/; s/@PROJECT_VERSION_PATCH@/$V_PATCH/" \
    "$SRC/include/rfy/version.h.in" >"$OUT/include/rfy/version.h"
cmake -DWEB_DIR="$SRC/cli/web" -DOUT="$OUT/web_assets_builtin.c" -P "$SRC/cmake/embed_web.cmake"

# The project's warning set; the sanitizers CI uses; no recovery, so that any
# UB finding is a crash libFuzzer saves.
CFLAGS=(-std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -fno-omit-frame-pointer
        -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
        -fsanitize=address,undefined -fno-sanitize-recover=all
        -I"$SRC/include" -I"$OUT/include" -I"$SRC/calc/base" -I"$SRC/calc/law" -I"$SRC/calc/run" -I"$SRC/calc/present" -I"$SRC/cli" -I"$SRC/fuzz")
LIBS=(-ljansson -lgmp -lcsv -lcrypto -lsqlite3 -llz4 -pthread)

objs=()
for src in "$SRC"/calc/*/*.c "$OUT/rates_builtin.c"; do
    obj="$OUT/obj/$(basename "${src%.c}").o"
    if [[ ! -e "$obj" || "$src" -nt "$obj" || "$SRC/fuzz/build.sh" -nt "$obj" ]] ||
       [[ -n "$(find "$SRC/include" "$SRC/calc" -name '*.h' -newer "$obj" -print -quit)" ]]; then
        "$CC" "${CFLAGS[@]}" -fsanitize=fuzzer-no-link -c "$src" -o "$obj"
    fi
    objs+=("$obj")
done
rm -f "$OUT/librfycalc-fuzz.a"
ar rcs "$OUT/librfycalc-fuzz.a" "${objs[@]}"

cli_objs=()
for src in "${SERVE_CLI[@]/#/$SRC/cli/}" "$OUT/web_assets_builtin.c"; do
    src=${src%.c}.c
    obj="$OUT/obj/cli_$(basename "${src%.c}").o"
    if [[ ! -e "$obj" || "$src" -nt "$obj" || "$SRC/fuzz/build.sh" -nt "$obj" ]] ||
       [[ -n "$(find "$SRC/include" "$SRC/cli" -name '*.h' -newer "$obj" -print -quit)" ]]; then
        "$CC" "${CFLAGS[@]}" -fsanitize=fuzzer-no-link -c "$src" -o "$obj"
    fi
    cli_objs+=("$obj")
done
rm -f "$OUT/librfycli-fuzz.a"
ar rcs "$OUT/librfycli-fuzz.a" "${cli_objs[@]}"

for t in "${TARGETS[@]}"; do
    "$CC" "${CFLAGS[@]}" -fsanitize=fuzzer -DRFY_FUZZ_MAIN "$SRC/fuzz/fuzz_$t.c" \
        "$OUT/librfycli-fuzz.a" "$OUT/librfycalc-fuzz.a" "${LIBS[@]}" -o "$OUT/fuzz_$t"
done
echo "fuzz/build.sh: built ${TARGETS[*]/#/fuzz_} in $OUT"
