#!/usr/bin/env bash
# How an import with the index grows with the TM (issue 12): gen_corpus.py EN–RU corpora (--seed 7,
# as postgres.sh and serve-load.sh) of each size imported into a new SQLite TM with the index, by
# this build and, when given, by a base build's kioku-bench, the two alternating; each line gives
# the time (storing, indexing), peak RSS and the TM's size, then each build's time per size as a
# multiple of its time at the first size. A 10M corpus is 2.8 GB of TSV and its TM 6.2 GB: the
# folder needs about 20 GB free. Needs ../shared; says so and stops when it is absent.
#   Benchmarks/import-scale.sh [BASE-KIOKU-BENCH] [SIZES]     sizes default to "1000000 10000000"
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
base=${1:-}
sizes=${2:-1000000 10000000}
work=${KIOKU_BENCH_DIR:-/tmp/kioku-bench}
generator=$PWD/../shared/bench/gen_corpus.py
if [ ! -f "$generator" ]; then
  echo "import-scale: ../shared is absent (no gen_corpus.py); nothing was measured"
  exit 0
fi
swift build -c release --product kioku-bench >/dev/null
builds=("$PWD/.build/release/kioku-bench")
[ -n "$base" ] && builds+=("$base")
mkdir -p "$work"
cd "$work"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
declare -A seconds
for segments in $sizes; do
  corpus=enru-$segments
  [ -f "$corpus.tsv" ] || python3 "$generator" --pair en-ru --segments "$segments" --queries 1000 --seed 7 --out "$work/$corpus" >/dev/null
  for bench in "${builds[@]}"; do
    tm=$work/import-scale.kioku
    rm -f "$tm" "$tm-wal" "$tm-shm" "$tm-journal"
    line=$("$bench" import "$corpus.tsv" --src en --tgt ru --tm "$tm" --index)
    rm -f "$tm" "$tm-wal" "$tm-shm" "$tm-journal"
    echo "$bench: $line"
    seconds[$bench,$segments]=$(sed -n 's/.* in \([0-9.]*\) s (.*/\1/p' <<<"$line")
  done
done
first=${sizes%% *}
for bench in "${builds[@]}"; do
  for segments in $sizes; do
    printf '%s: %s segments in %s s = %.1f× the time at %s\n' "$bench" "$segments" "${seconds[$bench,$segments]}" \
      "$(echo "${seconds[$bench,$segments]} / ${seconds[$bench,$first]}" | bc -l)" "$first"
  done
done
