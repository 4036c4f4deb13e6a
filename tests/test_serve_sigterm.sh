#!/usr/bin/env bash
# rfy serve: a 1.000-row request under way when SIGTERM arrives gets its full
# 200 answer (amounts checked), new requests are refused, exit 0; and a
# request whose connection is still in the listening socket's backlog when
# SIGTERM comes (the server held by SIGSTOP) is answered too
# (tests/web/sigterm_test.py, three rounds of each).
#
# usage: bash test_serve_sigterm.sh PATH_TO_RFY SOURCE_DIR
set -eu
exec /usr/bin/python3 "$2/tests/web/sigterm_test.py" "$1" "$2" --rounds 3
