#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: its own data folder and port, nothing shared
# with a PostgreSQL the machine may already run.
#   scripts/postgres-test-server.sh start FOLDER [durable]   creates and starts it; prints its URL
#     (tests skip fsync; "durable" keeps PostgreSQL's defaults, for benchmarks and fault trials)
#   scripts/postgres-test-server.sh pause FOLDER   stops it, keeping its data (a restart, for the fault tests)
#   scripts/postgres-test-server.sh resume FOLDER  starts it again on the same port
#   scripts/postgres-test-server.sh stop FOLDER    stops it and removes the folder
# PostgreSQL refuses to run as root: as root, the server runs as the "postgres" user that
# Debian's package creates. Needs Debian's postgresql package (scripts/install-deps.sh --test-tools).
set -euo pipefail
action=${1:?start or stop}
folder=${2:?a folder for the server}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$bin/pg_ctl" ] || { echo "postgres-test-server: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
# The server outlives this script: it must not inherit a caller's descriptors beyond the three
# standard ones (a pipe it held open would keep the caller waiting for its end for ever).
for fd in $(ls /proc/$$/fd); do
  if [ "$fd" -gt 2 ] && [ "$fd" != 255 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
done
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$action" in
  start)
    mkdir -p "$folder"
    [ "$(id -u)" = 0 ] && chown postgres: "$folder"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_owner "$bin/initdb" -D "$folder/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 \
      || { cat "$folder/initdb.log" >&2; exit 1; }
    # Throwaway: no fsync for tests (a crash of the machine is not what they try); commits stay synchronous.
    options="-p $port -k $folder -c listen_addresses=127.0.0.1 -c max_connections=200"
    [ "${3:-}" = durable ] && options+=" -c shared_buffers=1GB" || options+=" -c fsync=off -c full_page_writes=off"
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 -o "$options" start >/dev/null 2>>"$folder/pg_ctl.log" \
      || { cat "$folder/pg_ctl.log" "$folder/server.log" >&2; exit 1; }
    echo "$port" >"$folder/port"
    echo "$options" >"$folder/options"
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  pause)
    as_owner "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null
    ;;
  resume)
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 -o "$(cat "$folder/options")" start >/dev/null 2>>"$folder/pg_ctl.log" \
      || { cat "$folder/pg_ctl.log" "$folder/server.log" >&2; exit 1; }
    ;;
  stop)
    if [ -d "$folder/data" ]; then as_owner "$bin/pg_ctl" -D "$folder/data" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$folder"
    ;;
  *) echo "usage: $0 start|pause|resume|stop FOLDER" >&2; exit 2 ;;
esac
