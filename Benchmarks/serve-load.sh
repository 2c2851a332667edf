#!/usr/bin/env bash
# Load test of `kioku serve` (issue 4): tmserver lookups from 50 concurrent clients (wrk)
# against a 1M-segment EN–RU TM, first alone, then while another client imports 100k units
# through POST /api/units, then (issue 13) while `kioku delete` removes 10,000 random units in
# one transaction beside the server. Prints lookups/s, latency percentiles, failures and the
# server's peak memory. Needs ../shared (gen_corpus.py); says so and stops when it is absent.
#   Benchmarks/serve-load.sh [SEGMENTS] [SECONDS]     defaults 1000000 and 30
#   Benchmarks/serve-load.sh --replicas [SEGMENTS]    (issue 12) one SQLite server, then two replicas on
#                                                     PostgreSQL, each while 100k units are imported (serve/replicas.sh)
set -euo pipefail
mode=single
if [ "${1:-}" = --replicas ]; then mode=replicas; shift; fi
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
segments=${1:-1000000}
seconds=${2:-30}
work=${KIOKU_BENCH_DIR:-/tmp/kioku-bench}
generator=$PWD/../shared/bench/gen_corpus.py
here=$PWD/Benchmarks/serve
if [ ! -f "$generator" ]; then
  echo "serve-load: ../shared is absent (no gen_corpus.py); nothing was measured"
  exit 0
fi
scripts/install-deps.sh
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }; }
swift build -c release --product kioku >/dev/null
kioku=$PWD/.build/release/kioku
mkdir -p "$work"
cd "$work"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"

corpus=enru-$segments
[ -f "$corpus.tsv" ] || python3 "$generator" --pair en-ru --segments "$segments" --queries 1000 --seed 7 --out "$work/$corpus" >/dev/null
[ -f enru-fresh100k.tsv ] || python3 "$generator" --pair en-ru --segments 100000 --queries 10 --seed 11 --out "$work/enru-fresh100k" >/dev/null
base=serve-base-$segments.kioku
[ -f "$base" ] || $kioku import "$corpus.tsv" --src en --tgt ru --tm "$base" >/dev/null
if [ "$mode" = replicas ]; then
  command -v psql >/dev/null || scripts/install-deps.sh --test-tools
  export kioku here base corpus seconds work
  exec bash "$here/replicas.sh"
fi
tm=serve-load.kioku
rm -f "$tm" "$tm-wal" "$tm-shm" "$tm-journal"
cp "$base" "$tm"

token=load-test-token
$kioku serve --tm "$tm" --port 0 --token "$token" --log-level warning > serve.out 2> serve.err &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do grep -q "serves" serve.out 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/.* on \(http[^ ]*\)$/\1/p' serve.out)
echo "server: $url over $segments EN–RU segments, ready after start-up (TM open, index loaded)"
export KIOKU_QUERIES=$work/$corpus.queries.tsv KIOKU_PAIR=en/ru

wrk -t2 -c50 -d5s -s "$here/lookups.lua" "$url" >/dev/null   # warm-up, not counted
echo "== lookups alone: 50 clients, ${seconds} s"
curl -s "$url/metrics" > metrics-0.prom
wrk -t2 -c50 -d"${seconds}s" -s "$here/lookups.lua" "$url" | sed -n '/^lookups:/,$p'
curl -s "$url/metrics" > metrics-1.prom
python3 "$here/service_times.py" metrics-0.prom metrics-1.prom

echo "== lookups while a client imports 100,000 units through the API (batches of 1000)"
units_before=$(curl -s "$url/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["units"])')
# wrk runs exactly as long as the import: it starts first and is stopped (SIGINT, which
# makes it report) the moment the importer has its last answer.
wrk -t2 -c50 -d600s -s "$here/lookups.lua" "$url" > wrk-import.out &
lookups=$!
sleep 1
import_status=0
python3 "$here/import_units.py" "$url" "$token" enru-fresh100k.tsv --src en --tgt ru --batch 1000 > import.out 2>&1 || import_status=$?
kill -INT $lookups; wait $lookups || true
sed -n '/^lookups:/,$p' wrk-import.out
curl -s "$url/metrics" > metrics-2.prom
python3 "$here/service_times.py" metrics-1.prom metrics-2.prom
cat import.out
units_after=$(curl -s "$url/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["units"])')
echo "TM units: $units_before before, $units_after after (importer exit status $import_status)"

echo "== lookups while kioku delete removes 10,000 random units (one transaction, another process), ${seconds} s"
python3 -c "import random; random.seed(13); print(' '.join(map(str, random.sample(range(1, $units_after + 1), 10000))))" > delete-ids.txt
wrk -t2 -c50 -d"${seconds}s" -s "$here/lookups.lua" "$url" > wrk-delete.out &
lookups=$!
sleep 2
/usr/bin/time -f "kioku delete: %e s wall, %U s user, %S s system, peak RSS %M KB" \
  "$kioku" delete --tm "$tm" --ids-from delete-ids.txt --show 0 | grep "^Deleted"
wait $lookups || true
sed -n '/^lookups:/,$p' wrk-delete.out
curl -s "$url/metrics" > metrics-3.prom
python3 "$here/service_times.py" metrics-2.prom metrics-3.prom
units_deleted=$(curl -s "$url/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["units"])')
echo "TM units: $units_after before the deletion, $units_deleted after"
echo "server memory: peak RSS $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' /proc/$server/status); now $(awk '/RssAnon/ {a=$2} /RssFile/ {f=$2} END {printf "%.0f MB private + %.0f MB of the memory-mapped TM file (shared with the page cache, counted once per connection)", a/1024, f/1024}' /proc/$server/status)"
kill -TERM $server; wait $server || true
echo "server log (warnings and errors):"; cat serve.err
