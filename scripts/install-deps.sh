#!/usr/bin/env bash
# Installs the system libraries Kioku builds against, when they are missing:
# ICU (libicu-dev), SQLite (libsqlite3-dev), Snowball stemmers (libstemmer-dev) and zlib (zlib1g-dev).
# With --test-tools, also the small tools the tests check Kioku's output with: msgfmt (gettext)
# and xmllint (libxml2-utils), the sqlite3 shell (the damaged-TM tests edit a TM with it), and
# PostgreSQL (the shared-store tests start a throwaway server of their own: scripts/postgres-test-server.sh).
set -euo pipefail
packages=(libicu-dev libsqlite3-dev libstemmer-dev zlib1g-dev)
[ "${1:-}" = --test-tools ] && packages+=(gettext libxml2-utils sqlite3 postgresql)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
  echo "note: swift is at /opt/swift/usr/bin; add it to PATH" >&2
fi
