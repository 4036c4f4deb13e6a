#!/usr/bin/env bash
# A full disk while the output is written (issue 7, faults): on a 64 KiB tmpfs,
# `rfy batch` and `rfy audit` must exit 2 with "No space left on device", and
# leave no output, rejects, receipt or temporary file.  /dev/full (a device, written
# directly) is covered in test_batch.sh; this covers the temporary-file path.
# Needs root to mount a tmpfs (CI runs as root); elsewhere it says SKIP.
set -u
. "$(dirname "$0")/lib.sh"
rfy_test_init "$1" "$2"

DISK=$TMP/disk
mkdir -p "$DISK"
if ! mount -t tmpfs -o size=64k tmpfs "$DISK" 2>/dev/null; then
    echo "SKIP: cannot mount a tmpfs here (not root?)"
    rfy_test_finish
    exit $?
fi
trap 'umount "$DISK" 2>/dev/null; rm -rf "$TMP"' EXIT

# 20 000 rows: about 2 MB of output, far more than 64 KiB.  Audit needs `paid`
# (1.00 differs from every payment, so every row is reported); batch refuses it.
{
    echo "case_id,month,category,wage,paid"
    for i in $(seq 1 20000); do echo "C$i,2024-05,forsorger,$((20000 + i)),1.00"; done
} >"$TMP/audit.csv"
cut -d, -f1-4 "$TMP/audit.csv" >"$TMP/batch.csv"

for cmd in batch audit; do
    "$RFY" "$cmd" --quiet -o "$DISK/out.csv" "$TMP/$cmd.csv" >"$TMP/$cmd.stdout" 2>"$TMP/$cmd.err"
    rc=$?
    check "$cmd: exit 2 on a full disk" [ "$rc" = 2 ]
    check "$cmd: the message says the disk is full" grep -q "disken er fuld" "$TMP/$cmd.err"
    check "$cmd: the message names the output" grep -q "$DISK/out.csv" "$TMP/$cmd.err"
    check "$cmd: nothing left on the disk" [ -z "$(ls -A "$DISK")" ]
done

# A full disk must not hurt an existing output file: it stays as it was.
echo "old" >"$DISK/keep.csv"
"$RFY" batch --quiet -o "$DISK/keep.csv" "$TMP/batch.csv" >/dev/null 2>&1
check "batch: an existing OUT is untouched after a failed run" [ "$(cat "$DISK/keep.csv")" = old ]
check "batch: only the old file remains" [ "$(ls -A "$DISK")" = keep.csv ]

rfy_test_finish
