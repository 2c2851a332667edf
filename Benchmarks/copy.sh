#!/usr/bin/env bash
# `kioku copy` (issue 12): a whole TM from a file into a new file, from a file into PostgreSQL and
# from PostgreSQL back into a new file, by this build and, when given, by a base build's `kioku`,
# the two alternating. Each line gives the wall time (the copy's own share, then the index after
# it), CPU seconds and peak RSS. The TM is gen_corpus.py's EN–RU corpus (--seed 7, as
# import-scale.sh) imported by this build, with every seventh unit deleted so that its ids have
# gaps as a used TM's do. PostgreSQL is a throwaway server with its durable defaults (fsync on).
# After the first round the TMX exports of this build's three copies are compared with the
# source's, and each copy is verified (slow in PostgreSQL: its full-scan check reads every unit). Needs ../shared; says so and stops when it is absent.
#   Benchmarks/copy.sh [BASE-KIOKU] [SEGMENTS]     segments default to 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
base=${1:-}
segments=${2:-1000000}
work=${KIOKU_BENCH_DIR:-/tmp/kioku-bench}
generator=$PWD/../shared/bench/gen_corpus.py
here=$PWD
if [ ! -f "$generator" ]; then
  echo "copy: ../shared is absent (no gen_corpus.py); nothing was measured"
  exit 0
fi
scripts/install-deps.sh --test-tools >/dev/null
swift build -c release --product kioku >/dev/null
kioku=$PWD/.build/release/kioku
builds=("$kioku")
[ -n "$base" ] && builds+=("$base")
mkdir -p "$work"
cd "$work"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
corpus=enru-$segments
[ -f "$corpus.tsv" ] || python3 "$generator" --pair en-ru --segments "$segments" --queries 1000 --seed 7 --out "$work/$corpus" >/dev/null
source=$work/copy-source-$segments.kioku
if [ ! -f "$source" ]; then
  "$kioku" import "$corpus.tsv" --src en --tgt ru --tm "$source.new" >/dev/null
  seq 7 7 "$segments" | "$kioku" delete --tm "$source.new" --ids-from - >/dev/null
  mv "$source.new" "$source"
fi
echo "source: $("$kioku" stats --tm "$source" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["units"])') units, ids 1–$segments with gaps"
folder=$work/pg-copy
"$here/scripts/postgres-test-server.sh" stop "$folder"
server=$("$here/scripts/postgres-test-server.sh" start "$folder" durable)
trap '"$here/scripts/postgres-test-server.sh" stop "$folder"' EXIT

# copy FROM TO LABEL BUILD: one timed copy; prints its line
copy() {
  local from=$1 to=$2 label=$3 build=$4 output
  output=$( { /usr/bin/time -f "TIME %e %U %S %M" "$build" copy "$from" "$to" 2>&1 >/dev/fd/3 | tr '\r' '\n' | grep TIME; } 3>&1)
  read -r _ wall user system rss <<<"$(grep TIME <<<"$output")"
  copied=$(sed -n 's/.* in \([0-9.]*\) s: .*/\1/p' <<<"$output")
  printf '%-14s %s: %6.1f s (copy %s s, then index %.1f s); CPU %.1f s; peak RSS %d MB\n' "$label" "$build" "$wall" "$copied" \
    "$(echo "$wall - $copied" | bc -l)" "$(echo "$user + $system" | bc -l)" $((rss / 1024))
}
run=0
for round in 1 2; do
  for build in "${builds[@]}"; do
    run=$((run + 1))
    rm -f copy-file.kioku*
    copy "$source" copy-file.kioku "file → file" "$build"
    psql -q "$server" -c "CREATE DATABASE copy_$run"
    copy "$source" "${server%/postgres}/copy_$run" "file → pg" "$build"
    rm -f copy-back.kioku*
    copy "${server%/postgres}/copy_$run" copy-back.kioku "pg → file" "$build"
    if [ "$build" = "$kioku" ] && [ "$round" = 1 ]; then
      "$kioku" export --tm "$source" --to copy-source.tmx >/dev/null
      for target in "--tm copy-file.kioku" "--db ${server%/postgres}/copy_$run" "--tm copy-back.kioku"; do
        # shellcheck disable=SC2086
        "$kioku" export $target --to copy-target.tmx >/dev/null
        cmp -s copy-source.tmx copy-target.tmx && same="TMX byte-identical" || same="TMX DIFFERS"
        # shellcheck disable=SC2086
        echo "  ${target#--* }: $same; $("$kioku" verify $target | tail -1)"
      done
      rm -f copy-source.tmx copy-target.tmx
    fi
    psql -q "$server" -c "DROP DATABASE copy_$run"
  done
done
rm -f copy-file.kioku* copy-back.kioku*
