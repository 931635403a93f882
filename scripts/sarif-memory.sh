#!/usr/bin/env bash
# Peak memory (maximum resident set, KiB) of `validate` on a stream of
# 1,000,000 documents with a finding each (370 MB), in each format: the
# SARIF log lists at most 25,000 results, so it stays bounded too.
#
#   BIN=target/release/anaplan-task bash scripts/sarif-memory.sh
set -euo pipefail
BIN=${BIN:-${CARGO_TARGET_DIR:-target}/debug/anaplan-task}
cd "$(dirname "$0")/.."
doc=$(tr -d '\n' < examples/responses/bad-count.json)
peak() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1; }
printf '%-52s %s\n' "command" "peak KiB"
for format in text json sarif; do
    printf '%-52s %s\n' "1,000,000 lines | validate --format $format -" \
        "$(yes "$doc" | head -n 1000000 | peak "$BIN" validate --format "$format" --stdin-format ndjson -)"
done
