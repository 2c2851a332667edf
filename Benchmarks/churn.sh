#!/usr/bin/env bash
# Deletions and edits at scale (issue 13): a 100k-unit EN–RU TM from gen_corpus.py gets 10,000
# random deletions and edits; then the index must answer as a scan of every unit does, and
# `kioku compact` must bring the index's size and lookup speed back to those of a TM built fresh
# from the remaining units. Prints each TM's index bytes, file size and lookup latency (p50/p99,
# --min 50 and 75), all in this run. Needs ../shared (gen_corpus.py); says so and stops when absent.
#   Benchmarks/churn.sh [SEGMENTS] [CHANGES]     defaults 100000 and 10000
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
segments=${1:-100000}
changes=${2:-10000}
work=${KIOKU_BENCH_DIR:-/tmp/kioku-bench}/churn
generator=$PWD/../shared/bench/gen_corpus.py
if [ ! -f "$generator" ]; then
  echo "churn: ../shared is absent (no gen_corpus.py); nothing was measured"
  exit 0
fi
scripts/install-deps.sh
command -v sqlite3 >/dev/null || { apt-get install -y sqlite3 >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y sqlite3 >/dev/null; }; }
swift build -c release --product kioku >/dev/null
swift build -c release --product kioku-bench >/dev/null
bin=$PWD/.build/release
mkdir -p "$work"
cd "$work"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1 /proc/loadavg)"
corpus=enru-$segments
[ -f "$corpus.tsv" ] || python3 "$generator" --pair en-ru --segments "$segments" --queries 1000 --seed 11 --out "$work/$corpus" >/dev/null
queries=$corpus.queries.tsv

measure() {  # TM LABEL: index bytes, file size, lookup latency at --min 50 and 75
  local index
  index=$(sqlite3 "$1" "SELECT sum(length(data)) FROM fuzzy_chunk")
  echo "  $2: index blobs $(awk -v b="$index" 'BEGIN {printf "%.1f MB", b/1e6}'), file $(du -m "$1" | cut -f1) MB, $(sqlite3 "$1" "SELECT count(*) FROM unit") units"
  for minimum in 50 75; do
    "$bin/kioku-bench" lookup "$1" "$queries" --src en --tgt ru --min "$minimum" | sed 's/^/    /'
  done
}

rm -f base.kioku* churned.kioku* fresh.kioku* remaining.tmx
/usr/bin/time -f "  import + index: %e s wall, %U s user, %M KB peak" "$bin/kioku" import "$corpus.tsv" --src en --tgt ru --tm base.kioku >/dev/null
echo "== before: $segments segments"
measure base.kioku "base"
cp base.kioku churned.kioku
echo "== $changes random deletions and edits"
"$bin/kioku-bench" churn churned.kioku "$queries" --src en --tgt ru --changes "$changes" --check 300
measure churned.kioku "after the changes, not compacted"
echo "== kioku compact"
/usr/bin/time -f "  compact: %e s wall, %U s user, %M KB peak" "$bin/kioku" compact --tm churned.kioku
measure churned.kioku "compacted"
echo "== a TM built fresh from the remaining units (export, import)"
"$bin/kioku" export --tm churned.kioku --to remaining.tmx >/dev/null
"$bin/kioku" import remaining.tmx --tm fresh.kioku >/dev/null
measure fresh.kioku "fresh"
