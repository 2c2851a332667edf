#!/usr/bin/env bash
# serve-load.sh --replicas (issue 12): the same lookups and 100k-unit API import, first against one
# `kioku serve --tm` (SQLite), then against two `kioku serve --db` replicas sharing one PostgreSQL
# database (a throwaway server with PostgreSQL's durable defaults), 50 wrk connections spread over
# both (25 each) while the import goes through the first. Ends with how many imported units each
# replica answers for, and how soon a unit written through one replica is answered by the other.
# Run by serve-load.sh, which sets: kioku work here base corpus seconds.
set -euo pipefail
cd "$work"
token=load-test-token
export KIOKU_QUERIES=$work/$corpus.queries.tsv KIOKU_PAIR=en/ru
servers=()
postgres_folder=$work/pg-replicas
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  "$here/../../scripts/postgres-test-server.sh" stop "$postgres_folder"
}
trap cleanup EXIT

# start_server NAME ARGS...: starts kioku serve, waits until it answers; sets $url and adds the pid.
start_server() {
  local name=$1; shift
  local started; started=$(date +%s.%N)
  $kioku serve "$@" --port 0 --token "$token" --log-level warning > "$name.out" 2> "$name.err" &
  servers+=($!)
  for _ in $(seq 1 1200); do grep -q "serves" "$name.out" 2>/dev/null && break; sleep 0.05; done
  url=$(sed -n 's/.* on \(http[^ ]*\)$/\1/p' "$name.out")
  curl -sf "$url/tmserver/en/ru/unit/Tokyo" >/dev/null
  echo "$name: $url, answering $(echo "$(date +%s.%N) - $started" | bc | xargs printf '%.2f') s after it was started (TM opened, index loaded)"
}

units() { curl -s "$1/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["units"])'; }

# lookups_during_import IMPORT_URL URL...: wrk on each URL (50 connections shared) for as long as
# the 100k import through IMPORT_URL runs; prints each wrk's figures and the in-server times.
lookups_during_import() {
  local target=$1; shift
  local per=$((50 / $#)) n=0 pids=()
  for u in "$@"; do curl -s "$u/metrics" > "metrics-before-$n.prom"; n=$((n + 1)); done
  n=0
  for u in "$@"; do
    wrk -t1 -c"$per" -d600s -s "$here/lookups.lua" "$u" > "wrk-replica-$n.out" & pids+=($!)
    n=$((n + 1))
  done
  sleep 1
  local status=0
  python3 "$here/import_units.py" "$target" "$token" enru-fresh100k.tsv --src en --tgt ru --batch 1000 > import.out 2>&1 || status=$?
  for pid in "${pids[@]}"; do kill -INT "$pid"; wait "$pid" || true; done
  n=0
  for u in "$@"; do
    echo "-- $u ($per connections)"
    sed -n '/^lookups:/,$p' "wrk-replica-$n.out"
    curl -s "$u/metrics" > "metrics-after-$n.prom"
    python3 "$here/service_times.py" "metrics-before-$n.prom" "metrics-after-$n.prom"
    n=$((n + 1))
  done
  if [ $# -gt 1 ]; then
    awk '/^lookups:/ {n += $2; s += $7} END {printf "together: %d lookups = %.0f/s\n", n, s}' wrk-replica-*.out
  fi
  cat import.out
  echo "importer exit status $status"
}

echo "== one kioku serve --tm (SQLite): lookups while 100,000 units are imported through the API"
tm=replicas-sqlite.kioku
rm -f "$tm" "$tm-wal" "$tm-shm" "$tm-journal"; cp "$base" "$tm"
start_server sqlite --tm "$tm"
sqlite_url=$url
wrk -t2 -c50 -d5s -s "$here/lookups.lua" "$sqlite_url" >/dev/null   # warm-up
before=$(units "$sqlite_url")
rm -f wrk-replica-*.out
lookups_during_import "$sqlite_url" "$sqlite_url"
echo "TM units: $before before, $(units "$sqlite_url") after"
python3 "$here/visible.py" enru-fresh100k.tsv --sample 500 "$sqlite_url" || true
kill "${servers[0]}"; wait "${servers[0]}" 2>/dev/null || true; servers=()

echo "== two kioku serve --db replicas on one PostgreSQL database"
"$here/../../scripts/postgres-test-server.sh" stop "$postgres_folder"
server=$("$here/../../scripts/postgres-test-server.sh" start "$postgres_folder" durable)
database=${server%/postgres}/kioku_replicas
psql -q "$server" -c "CREATE DATABASE kioku_replicas"
echo "PostgreSQL $(psql -Atc 'SHOW server_version' "$server"), shared_buffers $(psql -Atc 'SHOW shared_buffers' "$server"), fsync $(psql -Atc 'SHOW fsync' "$server")"
/usr/bin/time -f "kioku copy (with indexing): %e s wall, %U s user" $kioku copy "$base" "$database" | tail -1
start_server replica-1 --db "$database"
first=$url
start_server replica-2 --db "$database"
second=$url
wrk -t1 -c25 -d5s -s "$here/lookups.lua" "$first" >/dev/null & warm=$!
wrk -t1 -c25 -d5s -s "$here/lookups.lua" "$second" >/dev/null; wait "$warm"
before=$(units "$first")
rm -f wrk-replica-*.out
lookups_during_import "$first" "$first" "$second"
sleep 2   # the second replica follows every 250 ms
echo "TM units: $before before; after: $(units "$first") through replica 1, $(units "$second") through replica 2"
python3 "$here/visible.py" enru-fresh100k.tsv --sample 500 "$first" "$second" || true
echo "-- a unit written through one replica, looked up on the other (issue 12: within 1 s), replicas idle"
python3 "$here/propagation.py" --token "$token" --rounds 40 "$first" "$second" || true
for n in 1 2; do echo "replica $n log (warnings and errors):"; cat "replica-$n.err"; done
