#!/usr/bin/env bash
# Reproduces the figures in Benchmarks/README.md (release build, gen_corpus.py corpora).
# Needs ../shared (gen_corpus.py and the WMT21 data); says so and stops when it is absent.
#   Benchmarks/run.sh [SEGMENTS]     default 1000000; corpora and TMs are kept in $KIOKU_BENCH_DIR
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
bench=$PWD/.build/release/kioku-bench
mkdir -p "$work"
cd "$work"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); $(swift --version 2>&1 | head -1)"

sizes="10000 100000"
[ "$segments" -gt 100000 ] && sizes="$sizes $segments"

for pair in en-ru en-ja; do
  tgt=${pair#en-}
  prefix="${pair/-/}-$segments"
  [ -f "$prefix.tsv" ] || python3 "$OLDPWD/$generator" --pair "$pair" --segments "$segments" --queries 1000 --seed 7 --out "$work/$prefix" >/dev/null 2>&1
  [ -f "$prefix.tmx" ] || $bench to-tmx "$prefix.tsv" "$prefix.tmx" --src en --tgt "$tgt" >/dev/null
  echo "== $pair: storage only (issue 2)"
  $bench read "$prefix.tsv" --src en --tgt "$tgt"
  $bench import "$prefix.tsv" --src en --tgt "$tgt"
  $bench read "$prefix.tmx"
  $bench import "$prefix.tmx"
  if [ "$pair" = en-ja ]; then
    [ -f enja-fresh.tsv ] || python3 "$OLDPWD/$generator" --pair en-ja --segments 20000 --queries 10 --seed 8 --out "$work/enja-fresh" >/dev/null 2>&1
  fi
  for size in $sizes; do
    head -n "$size" "$prefix.tsv" > "$pair-$size.tsv"
    # queries: gen_corpus.py's own for the full corpus; for the smaller TMs, queries derived from their lines
    if [ "$size" = "$segments" ]; then queries="$prefix.queries.tsv"; else
      python3 "$OLDPWD/$generator" --pair "$pair" --segments "$size" --queries 1000 --seed 7 --out "$work/q-$pair-$size" >/dev/null 2>&1
      queries="q-$pair-$size.queries.tsv"
      cp "q-$pair-$size.tsv" "$pair-$size.tsv"
    fi
    tm="$pair-$size.kioku"
    rm -f "$tm" "$tm-wal" "$tm-shm" "$tm-journal"
    echo "== $pair, $size units: import with index, lookups"
    $bench import "$pair-$size.tsv" --src en --tgt "$tgt" --tm "$tm" --index
    $bench lookup "$tm" "$queries" --src en --tgt "$tgt" --min 50 --corpus "$pair-$size.tsv"
    $bench lookup "$tm" "$queries" --src en --tgt "$tgt" --min 75
    if [ "$pair" = en-ja ]; then
      $bench target-queries "$pair-$size.tsv" enja-fresh.tsv "$pair-$size.ja-queries.tsv" >/dev/null
      $bench lookup "$tm" "$pair-$size.ja-queries.tsv" --src ja --tgt en --min 50 --corpus "$pair-$size.tsv" --target-side
    fi
    if [ "$size" = "$segments" ]; then
      echo "-- one core per lookup, and the exhaustive scan as baseline"
      $bench lookup "$tm" "$queries" --src en --tgt "$tgt" --min 50 --serial --exhaustive 5
      $bench lookup "$tm" "$queries" --src en --tgt "$tgt" --min 75 --serial
      if [ "$pair" = en-ja ]; then
        $bench lookup "$tm" "$pair-$size.ja-queries.tsv" --src ja --tgt en --min 50 --serial --exhaustive 5
      fi
    fi
  done
done

echo "== glossary checks (issue 3)"
cd "$OLDPWD"
swift build -c release --product kioku >/dev/null
kioku=$PWD/.build/release/kioku
cd "$work"
$bench check "enru-$segments.tsv" "$OLDPWD/glossaries/countries.tsv" --src en --tgt ru --concepts 1000
for pair in en-ru en-ja; do
  tgt=${pair#en-}
  [ -f "g-$pair-100k.tsv" ] || python3 "$OLDPWD/$generator" --pair "$pair" --segments 100000 --queries 10 --seed 7 --out "$work/g-$pair-100k" >/dev/null 2>&1
  $kioku check "g-$pair-100k.tsv" --glossary "$OLDPWD/glossaries/countries.tsv" --src en --tgt "$tgt" --json --no-consistency > "g-$pair-100k.check.json" || true
  echo "-- $pair 100k, countries glossary:"
  # (no `| head`: with pipefail, the script's broken pipe used to end the whole run here)
  python3 "$OLDPWD/scripts/glossary-recall.py" "g-$pair-100k.check.json" "g-$pair-100k.violations.tsv" --examples 0
done
for pair in en-ru en-ja; do
  tgt=${pair#en-}
  echo "-- WMT21 $pair references, countries glossary:"
  $kioku check "$OLDPWD/../shared/data/wmt21/$pair.en" "$OLDPWD/../shared/data/wmt21/$pair.$tgt" --glossary "$OLDPWD/glossaries/countries.tsv" --no-consistency | tail -1 || true
done
