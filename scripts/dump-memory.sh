#!/usr/bin/env bash
# Peak memory of `anaplan-task dump` on the hostile dumps of the issue that
# bounded it: a dump with a different message on every row, a dump with
# every row one field short (both SIZE bytes, 1 GB by default), NUL_SIZE
# bytes of NUL (300 MB by default), and 1,000 rows whose row 2 is Latin-1.
# Each runs once under GNU time, and again under a 1 GiB address-space cap
# (ulimit -v) to show that it ends with a status, not an abort.
#
#   bash scripts/dump-memory.sh
#   SIZE=100000000 NUL_SIZE=30000000 bash scripts/dump-memory.sh
#   BIN=target/debug/anaplan-task bash scripts/dump-memory.sh
set -euo pipefail
cd "$(dirname "$0")/.."
size=${SIZE:-1000000000}
nul_size=${NUL_SIZE:-300000000}
target=${CARGO_TARGET_DIR:-target}
bin=${BIN:-$target/release/anaplan-task}
dir=$target/dump-memory

if [ -z "${BIN:-}" ]; then
    cargo build --quiet --release --features cli --bin anaplan-task
fi
mkdir -p "$dir"
header='"_Status_","Name","_Line_","_Error_1_"'
make() { # name, awk program printing row i
    local file=$dir/$1.csv
    if [ ! -s "$file" ] || [ "$(cat "$file.size" 2>/dev/null)" != "$size" ]; then
        { echo "$header"; awk -v size="$size" "BEGIN { n = 0; for (i = 1; n < size; i++) { r = $2; n += length(r) + 1; print r } }"; } > "$file"
        echo "$size" > "$file.size"
    fi
}
make distinct '"\"E\",\"Ann\",\"" i "\",\"Invalid name: item " i "\""'
make short '"\"E\",\"Ann\",\"" i "\""'
if [ ! -s "$dir/nul.csv" ] || [ "$(stat -c %s "$dir/nul.csv")" != "$nul_size" ]; then
    head -c "$nul_size" /dev/zero > "$dir/nul.csv"
fi
{
    echo "$header"
    for i in $(seq 1 1000); do
        if [ "$i" = 2 ]; then name=$'Zo\xe9'; else name=Ann; fi
        echo "\"E\",\"$name\",\"$i\",\"Invalid parent\""
    done
} > "$dir/latin1.csv"

peak() { # file: exit status, rows line, lines printed, peak RSS, time
    local file=$1 time lines
    time=$({ /usr/bin/time -f 'exit %x, peak RSS %M KiB, %e s' "$bin" dump "$file" 2>&1 >"$dir/out.txt"; } || true)
    lines=$(wc -l < "$dir/out.txt")
    echo "$(basename "$file") ($(stat -c %s "$file") bytes): $(echo "$time" | tail -1)"
    echo "  $(grep -m1 '^rows' "$dir/out.txt" || echo "$time" | head -1), $lines lines printed"
}
for name in distinct short nul latin1; do
    peak "$dir/$name.csv"
    set +e
    (ulimit -v 1048576; "$bin" dump "$dir/$name.csv" > /dev/null 2>&1)
    echo "  under a 1 GiB cap: exit $?"
    set -e
done
