#!/usr/bin/env bash
# Peak memory (maximum resident set, KiB) of the commands on a gzip bomb:
# 2 GiB of white space in about 9 MB of gzip (gzip -1). `--max-size` counts the bytes
# after decompression, so the bomb is refused as `too-large` after at most
# the limit; a gzip NDJSON log of the same size is read a line at a time.
#
#   BIN=target/release/anaplan-task bash scripts/gzip-memory.sh
set -euo pipefail
BIN=${BIN:-${CARGO_TARGET_DIR:-target}/debug/anaplan-task}
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
head -c 2147483648 /dev/zero | tr '\0' ' ' | gzip -1 > "$dir/bomb.json.gz"
doc=$(tr -d '\n' < examples/responses/seed.json)
{ yes "$doc" || true; } | head -n 1000000 | gzip -1 > "$dir/log.ndjson.gz"
peak() { /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -n 1; }
printf '%-58s %12s %s\n' "command" "gzip bytes" "peak KiB"
for max in 1MiB 16MiB 64MiB; do
    printf '%-58s %12s %s\n' "validate --max-size $max bomb.json.gz (2 GiB inside)" \
        "$(stat -c %s "$dir/bomb.json.gz")" "$(peak "$BIN" validate --max-size "$max" "$dir/bomb.json.gz")"
done
printf '%-58s %12s %s\n' "summarize bomb.json.gz" "$(stat -c %s "$dir/bomb.json.gz")" \
    "$(peak "$BIN" summarize "$dir/bomb.json.gz")"
printf '%-58s %12s %s\n' "validate log.ndjson.gz (1,000,000 lines)" "$(stat -c %s "$dir/log.ndjson.gz")" \
    "$(peak "$BIN" validate --quiet "$dir/log.ndjson.gz")"
