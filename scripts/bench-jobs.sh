#!/usr/bin/env bash
# Wall time and peak memory of `validate` on one NDJSON stream (the
# benchmark corpus, 117,000 responses, about 111 MB, made once under
# target/), from a file and from standard input, with `--jobs 1` and
# `--jobs N`, side by side in alternation (the machine is shared: the
# medians of RUNS rounds are the claim, and their ratio).
#
#   bash scripts/bench-jobs.sh            # N = the number of CPUs
#   JOBS=2 RUNS=9 bash scripts/bench-jobs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
runs=${RUNS:-7}
jobs=${JOBS:-$(nproc)}
lines=${RESPONSES:-117000}
file=$target/bench-command/responses-$lines.ndjson
cargo build --quiet --release --features cli --bin anaplan-task --example corpus
if [ ! -s "$file" ]; then
    mkdir -p "$(dirname "$file")"
    "$target"/release/examples/corpus ndjson "$lines" > "$file.part"
    mv "$file.part" "$file"
fi
bin=$target/release/anaplan-task
echo "input: $file, $(stat -c %s "$file") bytes; --jobs $jobs against --jobs 1"
median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A times
for _ in $(seq "$runs"); do
    for how in file stdin; do
        for j in 1 "$jobs"; do
            t0=$EPOCHREALTIME
            if [ "$how" = file ]; then
                "$bin" validate --quiet --format json --jobs "$j" "$file" > /dev/null
            else
                "$bin" validate --quiet --format json --jobs "$j" - < "$file" > /dev/null
            fi
            t1=$EPOCHREALTIME
            times[$how-$j]+="$(echo "$t1 - $t0" | bc -l) "
        done
    done
done
for how in file stdin; do
    one=$(echo "${times[$how-1]}" | median)
    many=$(echo "${times[$how-$jobs]}" | median)
    printf '%-6s --jobs 1: %.3f s   --jobs %s: %.3f s   ratio %.2f\n' "$how" "$one" "$jobs" "$many" "$(echo "$many / $one" | bc -l)"
done
if command -v /usr/bin/time > /dev/null; then
    for j in 1 "$jobs"; do
        kib=$(/usr/bin/time -f '%M' "$bin" validate --quiet --format json --jobs "$j" "$file" 2>&1 > /dev/null | tail -n 1)
        echo "peak memory, --jobs $j: $kib KiB"
    done
fi
