#!/usr/bin/env bash
# Instruction counts (valgrind --tool=callgrind) of each decode path on each
# benchmark input, net of generating the input, and their ratio to untyped
# serde_json::Value. Repeatable on a busy machine, unlike timings.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
cargo build --quiet --release --example instructions
bin=$target/release/examples/instructions
count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
printf '%-8s %-9s %15s %9s\n' input path instructions "vs value"
for input in seed process ndjson; do
    base=$(count none "$input")
    value=$(($(count value "$input") - base))
    for path in value owned document validate; do
        n=$(($(count "$path" "$input") - base))
        printf '%-8s %-9s %15d %8.2fx\n' "$input" "$path" "$n" "$(echo "$value / $n" | bc -l)"
    done
done
