#!/usr/bin/env bash
# The whole test suite under a sanitizer (issue 14): AddressSanitizer (out-of-bounds, use after
# free, leaks in C code) and ThreadSanitizer (data races: the server, the index's snapshots, the
# write queue and the parallel import are concurrent code). Each has a build folder of its own
# beside the normal one (.build-asan, .build-tsan); a finding fails the run. Not part of CI (a
# sanitized build and run take several minutes each); CI runs the suite without them.
#   scripts/sanitize.sh [address|thread|all] [-- swift test arguments, e.g. --filter ServerTests]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
which=${1:-all}
shift || true
[ "${1:-}" = -- ] && shift
scripts/install-deps.sh --test-tools >/dev/null
run() {  # sanitizer, scratch folder, swift test arguments
  local sanitizer=$1 folder=$2
  shift 2
  echo "== the test suite under -sanitize=$sanitizer"
  swift build --build-tests --scratch-path "$folder" --sanitize="$sanitizer" > "/tmp/kioku-sanitize-$sanitizer-build.log" 2>&1 \
    || { tail -30 "/tmp/kioku-sanitize-$sanitizer-build.log"; exit 1; }
  # The tests start the `kioku` binary of the same build, so it is sanitized too.
  ASAN_OPTIONS=detect_leaks=0:halt_on_error=1 TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 \
    swift test --skip-build --scratch-path "$folder" --sanitize="$sanitizer" "$@" 2>&1 | tee "/tmp/kioku-sanitize-$sanitizer.log" | grep -E "^(✔ Test run|✘|SUMMARY|WARNING: ThreadSanitizer|==[0-9]+==ERROR)" || true
  if grep -qE "SUMMARY: (Address|Thread)Sanitizer|^✘ Test run" "/tmp/kioku-sanitize-$sanitizer.log"; then
    echo "sanitize: $sanitizer found a problem (the whole log: /tmp/kioku-sanitize-$sanitizer.log)"; return 1
  fi
  echo "sanitize: $sanitizer: no finding"
}
status=0
if [ "$which" = address ] || [ "$which" = all ]; then run address .build-asan "$@" || status=1; fi
if [ "$which" = thread ] || [ "$which" = all ]; then run thread .build-tsan "$@" || status=1; fi
exit $status
