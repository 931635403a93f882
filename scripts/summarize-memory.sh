#!/usr/bin/env bash
# Peak memory (maximum resident set, KiB) of `summarize` on inputs that
# used to grow without bound: a line of 70 MB (from a file and from stdin)
# and 300 MB of NUL bytes from a pipe, each over --max-size, which is
# refused having held at most the limit; a poll log of one task polled two
# million times (600 MB: one timeline entry); and one of 100,000 tasks
# (10,000 followed, the rest counted).
#
#   BIN=target/release/anaplan-task bash scripts/summarize-memory.sh
set -euo pipefail
BIN=${BIN:-${CARGO_TARGET_DIR:-target}/debug/anaplan-task}
cd "$(dirname "$0")/.."
big=$(mktemp)
tasks=$(mktemp)
trap 'rm -f "$big" "$tasks"' EXIT
head -c 70000000 /dev/zero > "$big"
line=$(head -n 1 examples/responses/poll-log.ndjson)
id=1B1D84DDD53847BAA621810B593C3FC1
for i in $(seq 100000); do printf '%s\n' "${line/$id/$(printf '%032X' "$i")}"; done > "$tasks"
peak() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1; }
printf '%-52s %s\n' "command" "peak KiB"
for limit in 1MiB 64MiB; do
    printf '%-52s %s\n' "summarize --max-size $limit 70MB-line" "$(peak "$BIN" summarize --max-size "$limit" "$big")"
    printf '%-52s %s\n' "summarize --max-size $limit - < 70MB-line" "$(peak "$BIN" summarize --max-size "$limit" - < "$big")"
    printf '%-52s %s\n' "300MB of NUL | summarize --max-size $limit -" \
        "$(head -c 300000000 /dev/zero | peak "$BIN" summarize --max-size "$limit" -)"
done
printf '%-52s %s\n' "2,000,000 polls of one task | summarize -" \
    "$(yes "$line" | head -n 2000000 | peak "$BIN" summarize -)"
printf '%-52s %s\n' "summarize 100,000-tasks.ndjson" "$(peak "$BIN" summarize "$tasks")"
