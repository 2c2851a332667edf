#!/usr/bin/env bash
# The web page in a real browser: builds kioku, imports the seed memory and its glossary into a
# scratch TM, starts `kioku serve` on a free port and drives headless Chromium through it
# (Tests/Browser/web_page_test.py). Installs Debian's chromium, chromium-driver and
# python3-selenium when missing. With --screenshots, saves the main pages' pictures in docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
/usr/bin/python3 -c "import selenium" 2>/dev/null || missing+=(python3-selenium)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (for the browser test of the web page)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
swift build --product kioku >/dev/null
kioku=$(swift build --show-bin-path)/kioku
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
"$kioku" import memories/seed-summit.tmx --tm "$work/seed.kioku" >/dev/null
"$kioku" glossary import glossaries/names-and-places.tbx --tm "$work/seed.kioku" >/dev/null
token=browser-test-token
"$kioku" serve --tm "$work/seed.kioku" --port 0 --token "$token" --log-level warning > "$work/serve.out" 2> "$work/serve.err" &
server=$!
for _ in $(seq 1 100); do grep -q "serves" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/.* on \(http[^ ]*\)$/\1/p' "$work/serve.out")
[ -n "$url" ] || { echo "browser test: the server did not start"; cat "$work/serve.err"; exit 1; }
shots=()
[ "${1:-}" = --screenshots ] && shots=("$PWD/docs/images")
[ ${#shots[@]} -gt 0 ] && mkdir -p "${shots[0]}"
/usr/bin/python3 Tests/Browser/web_page_test.py "$url" "$token" "${shots[@]}"
