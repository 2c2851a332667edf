#!/usr/bin/env bash
# Builds Kioku and runs every test (they need nothing outside the repository), then builds
# the DocC catalogs (scripts/docs.sh fails on a broken symbol link). When ../shared is
# present, also runs the LISA TMX compliance kit.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
scripts/install-deps.sh
swift build --build-tests
swift test --skip-build
command -v omegat >/dev/null 2>&1 || echo "note: omegat is not installed; the OmegaT round trip was skipped (scripts/install-test-clients.sh installs it)"
scripts/docs.sh
if [ -d ../shared/data/tmx/lisa-compkit ]; then
  swift run -q kioku-conformance ../shared/data/tmx/lisa-compkit
else
  echo "conformance: ../shared is absent; the LISA kit was not run"
fi
