#!/usr/bin/env bash
# rfy serve under attack, full size (docs/web.md "Slow and broken clients"):
#
#   bash bench/serve_slow_clients.sh [PATH_TO_RFY]     (default: build/rfy)
#
# 1. 1.500 connections that each send a request line and then a header line
#    every 5 s, reopened when the server closes them, for 20 s, while a health
#    probe runs four times a second on new connections: every probe must be
#    answered within 2 s (tests/web/slow_clients.py; prints the slowest).
# 2. SIGTERM 30 ms after a 1.000-row POST /api/v1/calculate, 12 rounds: each
#    must get its full 200 answer, and the server exit 0
#    (tests/web/sigterm_test.py).
# 3. 300 connections that send a 1.000-row request and read 1 KiB a second,
#    for 20 s: the statuses (200, or 503 past --max-answer-memory), the
#    server's peak RSS, the peak TCP socket memory (bench/serve_slow_readers.py).
#
# Prints figures; exit 1 when a check of 1 or 2 failed.  Needs a hard limit of
# at least ~1.600 open files (ulimit -Hn); both rfy and the clients raise
# their soft limit to it.  Takes about a minute; never part of ctest.
set -u
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RFY=${1:-$SRC/build/rfy}
PY=/usr/bin/python3
status=0
"$PY" "$SRC/tests/web/slow_clients.py" "$RFY" "$SRC" --connections 1500 --seconds 20 \
    --interval 5 --probe-limit 2 || status=1
"$PY" "$SRC/tests/web/sigterm_test.py" "$RFY" "$SRC" --rounds 12 || status=1
"$PY" "$SRC/bench/serve_slow_readers.py" "$RFY" --connections 300 --seconds 20 || true
exit $status
