#!/usr/bin/env bash
# Peak memory (maximum resident set, KiB) of `summarize` on input larger
# than --max-size: /dev/zero, a 70 MB file, and the same on stdin. Each
# is refused after reading at most --max-size + 1 bytes, so the figure
# stays near the limit whatever the input's size.
#
#   BIN=target/release/anaplan-task bash scripts/summarize-memory.sh
set -euo pipefail
BIN=${BIN:-${CARGO_TARGET_DIR:-target}/debug/anaplan-task}
big=$(mktemp)
trap 'rm -f "$big"' EXIT
head -c 70000000 /dev/zero > "$big"
peak() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1; }
printf '%-44s %s\n' "command" "peak KiB"
for limit in 1MiB 64MiB; do
    printf '%-44s %s\n' "summarize --max-size $limit /dev/zero" "$(peak "$BIN" summarize --max-size "$limit" /dev/zero)"
    printf '%-44s %s\n' "summarize --max-size $limit 70MB-file" "$(peak "$BIN" summarize --max-size "$limit" "$big")"
    printf '%-44s %s\n' "summarize --max-size $limit - < 70MB-file" "$(peak "$BIN" summarize --max-size "$limit" - < "$big")"
done
