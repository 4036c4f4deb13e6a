#!/usr/bin/env bash
# rfy serve under slow clients (tests/web/slow_clients.py): 400 connections
# that send a header line every 5 s, reopened when closed, for 12 s; a health
# probe four times a second must be answered within 2 s every time, and the
# request deadline (10 s) must have closed every slow connection at least
# once.  The full-size run (1.500 connections, 20 s) is
# bench/serve_slow_clients.sh.
#
# usage: bash test_serve_slow.sh PATH_TO_RFY SOURCE_DIR
set -eu
exec /usr/bin/python3 "$2/tests/web/slow_clients.py" "$1" "$2" --connections 400 --seconds 12 \
    --interval 5 --probe-limit 2 --expect-closed
