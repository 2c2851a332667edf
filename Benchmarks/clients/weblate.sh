#!/usr/bin/env bash
# Weblate's own tmserver client against a real `kioku serve`: installs Weblate from PyPI into a
# virtualenv (with the Debian packages its dependencies build against), starts two servers on a
# fresh copy of the sample memory (a default one and one with --strict-pairs), and runs
# weblate_check.py. Not part of the test command: the first run installs for a few minutes.
#   Benchmarks/clients/weblate.sh          (the virtualenv is kept in $KIOKU_CLIENTS_DIR, default /tmp/kioku-clients)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PATH:/opt/swift/usr/bin"
work=${KIOKU_CLIENTS_DIR:-/tmp/kioku-clients}
version=${WEBLATE_VERSION:-5.14.3}
mkdir -p "$work"
scripts/install-deps.sh
needed=(liblz4-dev libzstd-dev libxxhash-dev libacl1-dev pkg-config libssl-dev libffi-dev libxml2-dev libxslt1-dev
        libcairo2-dev libgirepository1.0-dev gir1.2-pango-1.0 libpq-dev)
missing=(); for p in "${needed[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -x "$work/weblate/bin/python" ] || ! "$work/weblate/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('weblate') != '$version')" 2>/dev/null; then
  python3 -m venv "$work/weblate"
  # PyGObject 3.51+ needs girepository-2.0, which Debian 12 does not have.
  "$work/weblate/bin/pip" install -q "weblate==$version" "pygobject<3.51"
fi
swift build -c release --product kioku >/dev/null
kioku=$PWD/.build/release/kioku
tm="$work/seed.kioku"; rm -f "$tm" "$tm-wal" "$tm-shm" "$tm-journal"
$kioku import memories/seed-summit.tmx --tm "$tm" >/dev/null
# Units whose sources need escaping on the way (slash, question mark, percent, ampersand, quotes).
printf 'en\tru\nTokyo/Kyoto?\tТокио/Киото?\n50%% of #1 & "quotes"\t50%% от №1 и «кавычки»\nline one line two\tстрока один строка два\n' > "$work/escaping.tsv"
# …and a format string, which Weblate asks about with its placeholders in place of %s and %(city)s.
printf 'en\tru\nPutin met %%s in %%(city)s on Monday.\tПутин встретился с %%s в %%(city)s в понедельник.\n' >> "$work/escaping.tsv"
$kioku import "$work/escaping.tsv" --tm "$tm" >/dev/null
$kioku serve --tm "$tm" --port 0 --log-level warning > "$work/serve-default.out" & default_pid=$!
$kioku serve --tm "$tm" --port 0 --log-level warning --strict-pairs > "$work/serve-strict.out" & strict_pid=$!
trap 'kill -TERM $default_pid $strict_pid 2>/dev/null; wait 2>/dev/null' EXIT
url_of() {  # the URL a server printed once it listens
  for _ in $(seq 1 100); do grep -q serves "$1" 2>/dev/null && break; sleep 0.1; done
  sed -n 's/.* on \(http[^ ]*\)$/\1/p' "$1"
}
"$work/weblate/bin/python" Benchmarks/clients/weblate_check.py "$(url_of "$work/serve-default.out")" "$(url_of "$work/serve-strict.out")"
