#!/usr/bin/env bash
# The PostgreSQL store (issue 12) beside SQLite, in one run on the same corpus and queries
# (gen_corpus.py --seed 7, as serve-load.sh): import with index, size, a new server's start
# (open, index loaded, first answer), `kioku-bench lookup` at --min 50 and 75 on both stores,
# and PostgreSQL's own trigram search (pg_trgm, a GIN index, `%` ordered by similarity(): what
# Weblate's memory does) on the same queries. PostgreSQL is a throwaway server with its durable
# defaults (fsync on) and shared_buffers 1GB. Needs ../shared; says so and stops when it is absent.
#   Benchmarks/postgres.sh [SEGMENTS] [TRIGRAM_QUERIES]     defaults 1000000 and 1000
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
segments=${1:-1000000}
trigram_queries=${2:-1000}
work=${KIOKU_BENCH_DIR:-/tmp/kioku-bench}
generator=$PWD/../shared/bench/gen_corpus.py
here=$PWD
if [ ! -f "$generator" ]; then
  echo "postgres: ../shared is absent (no gen_corpus.py); nothing was measured"
  exit 0
fi
scripts/install-deps.sh --test-tools
python3 -c 'import psycopg2' 2>/dev/null || pip install -q psycopg2-binary
swift build -c release --product kioku --product kioku-bench >/dev/null
kioku=$PWD/.build/release/kioku
bench=$PWD/.build/release/kioku-bench
mkdir -p "$work"
cd "$work"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg)"
corpus=enru-$segments
[ -f "$corpus.tsv" ] || python3 "$generator" --pair en-ru --segments "$segments" --queries 1000 --seed 7 --out "$work/$corpus" >/dev/null
folder=$work/pg-bench
"$here/scripts/postgres-test-server.sh" stop "$folder"
server=$("$here/scripts/postgres-test-server.sh" start "$folder" durable)
trap '"$here/scripts/postgres-test-server.sh" stop "$folder"' EXIT
database=${server%/postgres}/kioku_bench
psql -q "$server" -c "CREATE DATABASE kioku_bench"
echo "PostgreSQL $(psql -Atc 'SHOW server_version' "$server"): fsync $(psql -Atc 'SHOW fsync' "$server"), synchronous_commit $(psql -Atc 'SHOW synchronous_commit' "$server"), shared_buffers $(psql -Atc 'SHOW shared_buffers' "$server")"

echo "== import with index, $segments EN–RU pairs"
file=pg-bench-$segments.kioku
$bench import "$corpus.tsv" --src en --tgt ru --tm "$file" --index
$bench import "$corpus.tsv" --src en --tgt ru --tm "$database" --index

echo "== a new server: started until it answers its first lookup"
for option in "--tm $file" "--db $database"; do
  started=$(date +%s.%N)
  $kioku serve $option --port 0 --log-level warning > start.out 2> start.err &
  pid=$!
  for _ in $(seq 1 1200); do grep -q serves start.out 2>/dev/null && break; sleep 0.01; done
  url=$(sed -n 's/.* on \(http[^ ]*\)$/\1/p' start.out)
  curl -sf "$url/tmserver/en/ru/unit/Abe%20and%20Putin%20met%20in%20Tokyo." >/dev/null
  printf 'kioku serve %s: answering after %.2f s; RSS %s MB\n' "${option%% *}" "$(echo "$(date +%s.%N) - $started" | bc)" \
    "$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status)"
  kill $pid; wait $pid 2>/dev/null || true
done

echo "== lookups, 1,000 queries, --max 5 (SQLite, then PostgreSQL, alternately)"
for minimum in 50 75; do
  for tm in "$file" "$database"; do
    $bench lookup "$tm" "$corpus.queries.tsv" --src en --tgt ru --min "$minimum" --corpus "$corpus.tsv"
  done
done

echo "== pg_trgm on the same TM ($trigram_queries queries; similarity threshold 0.5, the nearest to --min 50)"
head -n "$trigram_queries" "$corpus.queries.tsv" > trigram-queries.tsv
python3 "$here/Benchmarks/postgres/trigram.py" "$database" "$corpus.tsv" trigram-queries.tsv --load --threshold 0.5
echo "-- Kioku on PostgreSQL, the same $trigram_queries queries, --min 50:"
$bench lookup "$database" trigram-queries.tsv --src en --tgt ru --min 50 --corpus "$corpus.tsv"
