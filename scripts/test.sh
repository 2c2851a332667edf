#!/usr/bin/env bash
# Builds Kioku and runs every test (they need nothing outside the repository; the PostgreSQL
# store's tests get a throwaway server of their own, started here and stopped at the end), drives the web
# page in headless Chromium (scripts/browser-test.sh, which installs chromium, chromium-driver
# and python3-selenium from Debian when missing), then builds
# the DocC catalogs (scripts/docs.sh fails on a broken symbol link) and runs every fuzz target
# for a 10-second smoke run (scripts/fuzz.sh). When ../shared is present, also runs the LISA TMX
# compliance kit, validates Kioku's TMX and XLIFF exports against the official TMX 1.4 DTD and
# XLIFF 1.2 schema (scripts/validate-exports.sh), validates pre-translated XLIFF 1.2/2.0 against
# the OASIS schemas (scripts/validate-jobs.sh; PO files with msgfmt --check always), and checks
# the aligner's dev scores (scripts/align-check.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
scripts/install-deps.sh --test-tools
swift build --build-tests
# A PostgreSQL server for this run only: its own folder and port, removed when the script ends.
postgres_folder=$(mktemp -d /tmp/kioku-test-postgres.XXXXXX)
trap 'scripts/postgres-test-server.sh stop "$postgres_folder"' EXIT
KIOKU_TEST_POSTGRES=$(scripts/postgres-test-server.sh start "$postgres_folder")
export KIOKU_TEST_POSTGRES KIOKU_REQUIRE_POSTGRES=1
swift test --skip-build
scripts/browser-test.sh
command -v omegat >/dev/null 2>&1 || echo "note: omegat is not installed; the OmegaT round trip was skipped (scripts/install-test-clients.sh installs it)"
scripts/docs.sh
if [ -d ../shared/data/tmx/lisa-compkit ]; then
  swift run -q kioku-conformance ../shared/data/tmx/lisa-compkit
else
  echo "conformance: ../shared is absent; the LISA kit was not run"
fi
if command -v xmllint >/dev/null 2>&1; then
  scripts/validate-exports.sh "$(swift build --show-bin-path)/kioku"
else
  echo "validate-exports: xmllint is not installed; exports were not validated (scripts/install-test-clients.sh installs it)"
fi
scripts/validate-jobs.sh "$(swift build --show-bin-path)/kioku"
scripts/align-check.sh
scripts/fuzz.sh all "${KIOKU_FUZZ_SECONDS:-10}"
