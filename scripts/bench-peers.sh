#!/usr/bin/env bash
# Times `anaplan-task validate` against two schema validators on the same
# captured responses (10,000 separate files from the benchmark corpus by
# default), the peers checking them against the committed schema, and
# anaplan-task also running its semantic checks. A peer that is not
# installed is reported and skipped.
#
#   bash scripts/bench-peers.sh
#   FILES=1000 RUNS=5 ROUNDS=21 bash scripts/bench-peers.sh
#   JOBS=1 bash scripts/bench-peers.sh     # anaplan-task on one thread
#
# The machine's speed drifts within minutes, so besides hyperfine's runs
# (all of one tool, then all of the next), anaplan-task and jsonschema-cli
# are also timed in ROUNDS alternating pairs, and the median of the pairs'
# ratios is printed: drift then lands in both sides of each ratio.
#
# Peers: jsonschema-cli (`cargo install jsonschema-cli`) and check-jsonschema
# (`pip install check-jsonschema`). Uses hyperfine when it is installed.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
files=${FILES:-10000}
runs=${RUNS:-3}
rounds=${ROUNDS:-21}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --quiet --release --features cli --bin anaplan-task --example corpus
"$target"/release/examples/corpus files "$files" "$work/corpus"
schema=schemas/task-response.schema.json
echo "corpus: $files files, $(du -sh "$work/corpus" | cut -f1); schema: $schema"
printf '%s\n' "$work"/corpus/*.json > "$work/list"

names=("anaplan-task")
commands=("$target/release/anaplan-task validate --quiet ${JOBS:+--jobs $JOBS} $work/corpus")
if command -v jsonschema-cli > /dev/null; then
    names+=("jsonschema-cli")
    commands+=("xargs -a $work/list jsonschema-cli validate $schema --errors-only -i")
else
    echo "jsonschema-cli: not installed (cargo install jsonschema-cli); skipped"
fi
if command -v check-jsonschema > /dev/null; then
    names+=("check-jsonschema")
    commands+=("xargs -a $work/list check-jsonschema --schemafile $schema > /dev/null")
else
    echo "check-jsonschema: not installed (pip install check-jsonschema); skipped"
fi

if command -v hyperfine > /dev/null; then
    args=()
    for i in "${!commands[@]}"; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
    hyperfine --warmup 1 --runs "$runs" "${args[@]}"
else
    echo "(hyperfine not installed: one timed run each)"
    for i in "${!commands[@]}"; do
        start=$(date +%s%N)
        bash -c "${commands[$i]}" > /dev/null
        end=$(date +%s%N)
        printf '%-18s %9.3f s\n' "${names[$i]}" "$(((end - start) / 1000000))e-3"
    done
fi

if [ "${#names[@]}" -ge 2 ] && [ "${names[1]}" = jsonschema-cli ]; then
    echo "alternating rounds: ${names[0]} and ${names[1]}, $rounds pairs"
    ratios=()
    for _ in $(seq "$rounds"); do
        t0=$EPOCHREALTIME
        bash -c "${commands[0]}" > /dev/null
        t1=$EPOCHREALTIME
        bash -c "${commands[1]}" > /dev/null
        t2=$EPOCHREALTIME
        ratios+=("$(echo "($t2 - $t1) / ($t1 - $t0)" | bc -l)")
    done
    printf '%s\n' "${ratios[@]}" | sort -g | awk '
        { r[NR] = $1 }
        END {
            q = int((NR + 1) / 4); if (q < 1) q = 1
            printf "anaplan-task is %.2f times faster than jsonschema-cli (median of %d pairs; quartiles %.2f to %.2f)\n",
                r[int((NR + 1) / 2)], NR, r[q], r[NR + 1 - q]
        }'
fi
