#!/usr/bin/env bash
# rfy serve: the HTTP API over a loopback socket (tests/web/api_test.py):
# results equal `rfy preview --json`, every error status, the security
# headers, 200 parallel requests, SIGTERM.
#
# usage: bash test_serve_http.sh PATH_TO_RFY SOURCE_DIR
set -eu
exec /usr/bin/python3 "$2/tests/web/api_test.py" "$1" "$2"
