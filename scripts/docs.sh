#!/usr/bin/env bash
# Builds the DocC catalogs of the eleven library products (with the usage snippets from Snippets/)
# into .build/plugins/Swift-DocC/outputs/. Fails when a catalog or a doc comment links to a
# symbol that does not exist (parameters without documentation are only reported).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
log=$(mktemp)
swift package generate-documentation \
  --target KiokuText --target KiokuFormats --target KiokuMemory --target KiokuPostgres \
  --target KiokuMatch --target KiokuTerms --target KiokuServer --target KiokuAlign --target KiokuJobs --target KiokuQA --target KiokuWeb > "$log" 2>&1 || { cat "$log"; exit 1; }
if grep -E "^warning: '.*' doesn't exist" "$log"; then
  echo "docs: broken symbol links (above)"; exit 1
fi
echo "docs: built $(ls -d .build/plugins/Swift-DocC/outputs/*.doccarchive | wc -l) catalogs in .build/plugins/Swift-DocC/outputs/"
