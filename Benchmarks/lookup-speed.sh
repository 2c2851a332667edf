#!/usr/bin/env bash
# Lookup speed against an earlier Kioku, in one run (issue 16): the same gen_corpus.py corpora
# (seed 11: EN–RU 100k and 1M, EN–JA 100k), the same 1,000 queries, `--max 5`, warm page cache,
# the two builds alternating. Each build imports the corpora into its own TMs (a newer build
# migrates a TM it opens), so the import's CPU seconds are measured too.
#   Benchmarks/lookup-speed.sh BASE [PART...]
# BASE is a checkout of the earlier version (e.g. `git worktree add /tmp/kioku-baseline 0a7c790`);
# its `kioku` and `kioku-bench` are built here in release mode (a `kioku-bench` from before issue 16
# prints no mean: the two lines that print it are added to BASE's copy). PARTs (default: all of them):
#   import    import with the index, wall and CPU seconds, peak RSS (100k and 1M)
#   lookups   mean / p50 / p99 at --min 50 and 75; 100k and 1M, at 1M also on one core (taskset -c 0)
#   serve     `kioku serve` over each build's 1M TM: tmserver lookups from 50 wrk connections,
#             20 s after a 5 s warm-up, two rounds alternating
#   answers   4,000 lookups through `kioku lookup --batch` (min 50 and 75, both directions, EN–RU
#             and EN–JA): the JSON of both builds must be byte-identical (an empty `targetMetadata`,
#             which builds before issue 17 do not write, is left out of both)
# Needs ../shared (gen_corpus.py); says so and stops when absent.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
base=${1:?usage: Benchmarks/lookup-speed.sh BASE [import|lookups|answers]...}
shift
parts=${*:-import lookups serve answers}
work=${KIOKU_BENCH_DIR:-/tmp/kioku-bench}/speed
generator=$PWD/../shared/bench/gen_corpus.py
if [ ! -f "$generator" ]; then
  echo "lookup-speed: ../shared is absent (no gen_corpus.py); nothing was measured"
  exit 0
fi
scripts/install-deps.sh
driver=$base/Benchmarks/kioku-bench/LookupBenchmark.swift
if [ -f "$driver" ] && ! grep -q 'mean %.3f ms' "$driver"; then
  sed -i 's/open + first lookup %.3f s; p50 %.3f ms,/open + first lookup %.3f s; mean %.3f ms, p50 %.3f ms,/;
          s/openSeconds, percentile(0.5),/openSeconds, latencies.reduce(0, +) \/ Double(max(1, latencies.count)), percentile(0.5),/' "$driver"
  echo "note: $driver now prints the mean as well"
fi
# A driver that reads the environment after every timed lookup (its debugging switches) pays for
# building the environment's dictionary between lookups, which evicts what the next lookup would
# find in the cache: BASE's copy reads them no more, as this one does not.
if [ -f "$driver" ] && grep -q 'processInfo.environment\["KIOKU_BENCH_\(SLOW\|VERBOSE\)"\] != nil' "$driver"; then
  sed -i 's/ProcessInfo.processInfo.environment\["KIOKU_BENCH_\(SLOW\|VERBOSE\)"\] != nil/false/' "$driver"
  echo "note: $driver no longer reads the environment between lookups"
fi
for checkout in "$base" "$PWD"; do
  (cd "$checkout" && swift build -c release --product kioku >/dev/null 2>&1 && swift build -c release --product kioku-bench >/dev/null 2>&1)
done
old=$(cd "$base" && pwd)/.build/release new=$PWD/.build/release
# each build's TMs carry its name: a newer build migrates a TM it opens, which an older one then reads differently
base_commit=$(git -C "$base" rev-parse --short HEAD)
tm() { if [ "$1" = old ]; then echo "base-$base_commit-$2.kioku"; else echo "new-$2.kioku"; fi; }
echo "base: $(git -C "$base" log --oneline -1)"
echo "new:  $(git log --oneline -1)$(git diff --quiet || echo ' (with uncommitted changes)')"
repo=$PWD
mkdir -p "$work"
cd "$work"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, load $(cut -d' ' -f1 /proc/loadavg)"
for corpus in "en-ru 100000 enru-100k" "en-ja 100000 enja-100k" "en-ru 1000000 enru-1m"; do
  set -- $corpus
  [ -f "$3.tsv" ] || python3 "$generator" --pair "$1" --segments "$2" --queries 1000 --seed 11 --out "$work/$3" >/dev/null
done

build_tm() {  # VERSION CORPUS SRC TGT: imports (with the index) unless the TM is there; prints the cost
  local bin=${!1} tm
  tm=$(tm "$1" "$2")
  rm -f "$tm" "$tm-wal" "$tm-shm" "$tm-journal"
  /usr/bin/time -f "  import $2 ($1): wall %e s, CPU %U user + %S sys s, peak RSS %M KB" \
    "$bin/kioku" import "$2.tsv" --tm "$tm" --src "$3" --tgt "$4" >/dev/null
}

ensure_tm() {  # VERSION CORPUS SRC TGT
  [ -f "$(tm "$1" "$2")" ] || build_tm "$@" 2>&1 | grep import
}

for part in $parts; do
  case $part in
  import)
    echo "== import with the index (alternating)"
    for corpus in "enru-100k en ru" "enru-1m en ru"; do
      for round in 1 2; do
        for version in old new; do build_tm $version $corpus 2>&1 | grep import; done
      done
    done
    ;;
  lookups)
    echo "== lookups, --max 5, 1,000 queries each timed alone after 100 warm-up lookups (alternating)"
    for corpus in enru-100k enru-1m; do
      for version in old new; do ensure_tm $version $corpus en ru; done
      for minimum in 50 75; do
        for round in 1 2; do
          for version in old new; do
            echo -n "  $version: "
            "${!version}/kioku-bench" lookup "$(tm $version $corpus)" "$corpus.queries.tsv" --min "$minimum" --max 5 | head -1
          done
        done
        if [ "$corpus" = enru-1m ]; then
          for version in old new; do
            echo -n "  $version: "
            taskset -c 0 "${!version}/kioku-bench" lookup "$(tm $version $corpus)" "$corpus.queries.tsv" --min "$minimum" --max 5 --serial | head -1
          done
        fi
      done
    done
    ;;
  serve)
    echo "== serving: tmserver lookups (default min 70, max 5), 50 connections, 20 s each (alternating)"
    command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
    for version in old new; do ensure_tm $version enru-1m en ru; done
    export KIOKU_QUERIES=$work/enru-1m.queries.tsv KIOKU_PAIR=en/ru
    for round in 1 2; do
      for version in old new; do
        "${!version}/kioku" serve --tm "$(tm $version enru-1m)" --port 0 --log-level warning > "serve-$version.out" 2>&1 &
        server=$!
        for _ in $(seq 1 600); do grep -q "serves" "serve-$version.out" 2>/dev/null && break; sleep 0.1; done
        url=$(sed -n 's/.* on \(http[^ ]*\)$/\1/p' "serve-$version.out")
        wrk -t2 -c50 -d5s -s "$repo/Benchmarks/serve/lookups.lua" "$url" >/dev/null
        echo "  $version: $(wrk -t2 -c50 -d20s -s "$repo/Benchmarks/serve/lookups.lua" "$url" | sed -n '/^lookups:/,/^latency/p' | tr '\n' ' ')"
        kill $server; wait $server 2>/dev/null || true
      done
    done
    ;;
  answers)
    echo "== answers: 4,000 lookups, JSON compared byte for byte"
    for version in old new; do ensure_tm $version enru-100k en ru; ensure_tm $version enja-100k en ja; done
    # 500 queries a direction: the corpus's own (English) queries, and for the other direction
    # the target of every 150th line with its second word dropped (a derived query)
    for corpus in enru-100k enja-100k; do
      head -500 "$corpus.queries.tsv" | cut -f1 > "$corpus.forward.txt"
      awk -F'\t' 'NR % 150 == 0 && printed < 500 { n = split($2, w, " "); out = w[1]; for (i = 3; i <= n; i++) out = out " " w[i]; print (n > 2 ? out : $2); printed++ }' "$corpus.tsv" > "$corpus.backward.txt"
    done
    total=0 differing=0 samematches=0
    for run in "enru-100k en ru forward" "enru-100k ru en backward" "enja-100k en ja forward" "enja-100k ja en backward"; do
      set -- $run
      for minimum in 50 75; do
        for version in old new; do
          "${!version}/kioku" lookup --tm "$(tm $version "$1")" --src "$2" --tgt "$3" --min "$minimum" --max 5 --batch "$1.$4.txt" \
            | sed -E 's/,?"took_ms":[0-9.e-]+//; s/,"targetMetadata":\{"attributes":\[\],"notes":\[\],"properties":\[\]\}//g' > "answers-$version.jsonl"
        done
        lines=$(wc -l < answers-new.jsonl)
        same=$(paste -d'\n' answers-old.jsonl answers-new.jsonl | awk 'NR % 2 == 1 { a = $0; next } { if (a == $0) s++ } END { print s + 0 }')
        # the same matches, their diff pieces aside (issue 9 changed how the diff splits words)
        matches=$(paste -d'\n' answers-old.jsonl answers-new.jsonl | sed -E 's/"diff":\[[^]]*\],//g' \
          | awk 'NR % 2 == 1 { a = $0; next } { if (a == $0) s++ } END { print s + 0 }')
        echo "  $1 $2→$3 --min $minimum: $same of $lines identical ($matches with the same matches, diff pieces aside)"
        total=$((total + lines)); differing=$((differing + lines - same)); samematches=$((samematches + matches))
      done
    done
    echo "  in all: $((total - differing)) of $total identical; $samematches with the same matches, diff pieces aside"
    ;;
  esac
done
