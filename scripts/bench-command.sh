#!/usr/bin/env bash
# Throughput of `anaplan-task validate` on one large NDJSON stream
# (800,000 responses from the benchmark corpus, 759 MB, made once under
# target/), semantic checks included, on one thread.
#
#   bash scripts/bench-command.sh
#   RUNS=21 OTHER=/path/to/another/anaplan-task bash scripts/bench-command.sh
#   RESPONSES=100000 bash scripts/bench-command.sh
#
# Other programs on the machine only ever add time, so the best run is the
# command's own speed, and the median says how busy the machine was. With
# OTHER, that build runs in alternation with this one, so that both see
# the same moments of the machine. Peak memory is taken from one run under
# GNU time when it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
runs=${RUNS:-11}
lines=${RESPONSES:-800000}
file=$target/bench-command/responses-$lines.ndjson

cargo build --quiet --release --features cli --bin anaplan-task --example corpus
if [ ! -s "$file" ]; then
    mkdir -p "$(dirname "$file")"
    "$target"/release/examples/corpus ndjson "$lines" > "$file.part"
    mv "$file.part" "$file"
fi
size=$(stat -c %s "$file")
echo "input: $file, $size bytes"

builds=("$target/release/anaplan-task")
[ -n "${OTHER:-}" ] && builds+=("$OTHER")
declare -A times
for _ in $(seq "$runs"); do
    for b in "${builds[@]}"; do
        t0=$EPOCHREALTIME
        "$b" validate --quiet "$file" > /dev/null
        t1=$EPOCHREALTIME
        times[$b]+="$(echo "$t1 - $t0" | bc -l) "
    done
done
for b in "${builds[@]}"; do
    printf '%s\n' ${times[$b]} | sort -g | awk -v size="$size" -v name="$b" '
        { t[NR] = $1 }
        END {
            m = t[int((NR + 1) / 2)]
            printf "%s, %d runs: best %.2f s (%.0f MB/s), median %.2f s (%.0f MB/s)\n",
                name, NR, t[1], size / t[1] / 1e6, m, size / m / 1e6
        }'
done
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "peak resident memory: %M KiB" "$target"/release/anaplan-task validate --quiet "$file" > /dev/null
fi
