#!/usr/bin/env bash
# Reproduces the figures in Benchmarks/README.md (release build, gen_corpus.py corpora).
# Needs ../shared (gen_corpus.py and the WMT21 data); says so and stops when it is absent.
#   Benchmarks/run.sh [SEGMENTS]     default 1000000; corpora are cached in $KIOKU_BENCH_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
segments=${1:-1000000}
work=${KIOKU_BENCH_DIR:-/tmp/kioku-bench}
generator=../shared/bench/gen_corpus.py
if [ ! -f "$generator" ]; then
  echo "benchmark: ../shared is absent (no gen_corpus.py); nothing was measured"
  exit 0
fi
scripts/install-deps.sh
swift build -c release --product kioku-bench >/dev/null
bench=.build/release/kioku-bench
mkdir -p "$work"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); $(swift --version 2>&1 | head -1)"

for pair in en-ru en-ja; do
  tgt=${pair#en-}
  prefix="$work/${pair/-/}-$segments"
  [ -f "$prefix.tsv" ] || python3 "$generator" --pair "$pair" --segments "$segments" --queries 1000 --seed 7 --out "$prefix" >/dev/null
  [ -f "$prefix.tmx" ] || $bench to-tmx "$prefix.tsv" "$prefix.tmx" --src en --tgt "$tgt" >/dev/null
  for size in 10000 100000; do
    if [ "$size" -lt "$segments" ]; then
      head -n "$size" "$prefix.tsv" > "$work/$pair-$size.tsv"
      $bench import "$work/$pair-$size.tsv" --src en --tgt "$tgt"
    fi
  done
  $bench read "$prefix.tsv" --src en --tgt "$tgt"
  $bench import "$prefix.tsv" --src en --tgt "$tgt"
  $bench read "$prefix.tmx"
  $bench import "$prefix.tmx"
done
