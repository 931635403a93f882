#!/usr/bin/env bash
# Runs the fuzz targets, each for SECONDS (default 600), seeded with the
# test fixtures. Needs cargo-fuzz (`cargo install cargo-fuzz`); on stable
# Rust it runs with RUSTC_BOOTSTRAP=1. Crashes land in fuzz/artifacts/TARGET/;
# copy each into tests/fixtures/hostile/ (for dump:
# tests/fixtures/dumps/fuzz/, as is) so that `cargo test` replays it.
#
#   bash fuzz/run.sh              # every target, 10 minutes each
#   bash fuzz/run.sh 60 decode    # one target, one minute
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
    cargo fuzz run "$target" "corpus/$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536
done
