#!/usr/bin/env bash
# Runs the LISA TMX 1.4 compliance kit from ../shared through Kioku; PASS/FAIL per file.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
scripts/install-deps.sh
swift run -q kioku-conformance "${1:-../shared/data/tmx/lisa-compkit}"
