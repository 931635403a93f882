#!/usr/bin/env bash
# Runs the fuzz targets, each for SECONDS (default 600), seeded with the
# test fixtures. Needs cargo-fuzz (`cargo install cargo-fuzz`); on stable
# Rust it runs with RUSTC_BOOTSTRAP=1. Crashes land in fuzz/artifacts/TARGET/;
# copy each into tests/fixtures/hostile/ (for dump:
# tests/fixtures/dumps/fuzz/, as is) so that `cargo test` replays it.
#
#   bash fuzz/run.sh                          # every target, 10 minutes each
#   bash fuzz/run.sh 60 decode                # one target, one minute
#   RUNS=10000000 bash fuzz/run.sh 0 decode   # 10 million executions instead
#
# The targets build without a sanitizer: the crate forbids unsafe code, and
# AddressSanitizer makes them several times slower (decode: about 4,900
# executions a second with it, 39,000 without). SANITIZER=address puts it
# back, for the unsafe code of the dependencies.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
shift || true
targets=("${@:-decode values ndjson stream validate differential dump}")
export RUSTC_BOOTSTRAP=1
for target in ${targets[@]}; do
    mkdir -p "corpus/$target"
    case $target in
        decode | validate | differential)
            for f in ../tests/fixtures/{valid,invalid,findings,hostile}/*.json; do
                cp "$f" "corpus/$target/$(basename "$(dirname "$f")")-$(basename "$f")"
            done
            ;;
        ndjson | stream) cp ../examples/responses/*.ndjson "corpus/$target/" ;;
        dump) for f in ../tests/fixtures/dumps/*.csv ../examples/dumps/*.csv; do
                # The first byte picks the record limit and the read size.
                { printf '\x3f'; cat "$f"; } > "corpus/$target/$(basename "$f")"
            done ;;
    esac
    if [ -n "${RUNS:-}" ]; then limit=-runs=$RUNS; else limit=-max_total_time=$seconds; fi
    # The dump target's record limit is at most 253 bytes (its first byte
    # picks it), so 4 KiB holds records many times over it, at a few times
    # the executions a second of 64 KiB.
    max_len=65536
    build=()
    # The dump target also builds without comparison tracing: csv-core's
    # reader is made of comparisons, and tracing them made the target
    # about 3.4 times slower (900 executions a second against 3,000).
    [ "$target" = dump ] && max_len=4096 && build=(--no-trace-compares)
    cargo fuzz run "${build[@]}" --sanitizer "${SANITIZER:-none}" "$target" "corpus/$target" -- \
        "$limit" -rss_limit_mb=2048 -max_len=$max_len
done
