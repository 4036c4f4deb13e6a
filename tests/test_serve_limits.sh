#!/usr/bin/env bash
# rfy serve against broken and greedy clients over raw loopback sockets
# (tests/web/limits_test.py): junk and silent connections closed by the
# request-line deadline, ambiguous Content-Length answered 400 once with the
# security headers, a trickled request closed by the request deadline,
# --max-per-address, --max-answer-memory (503 with Retry-After), option
# values refused, --max-connections lowered to fit the open-files limit.
#
# usage: bash test_serve_limits.sh PATH_TO_RFY SOURCE_DIR
set -eu
exec /usr/bin/python3 "$2/tests/web/limits_test.py" "$1" "$2"
