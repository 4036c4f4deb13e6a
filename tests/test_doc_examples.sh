#!/usr/bin/env bash
# Every console example in README.md, docs/*.md and the man page prints what the document shows
# (tests/doc_examples.sh; the format is in docs/testing.md, "Examples in the documentation").
#
# usage: bash test_doc_examples.sh PATH_TO_RFY SOURCE_DIR
set -u
exec bash "$(dirname "$0")/doc_examples.sh" "$1" "$2"
