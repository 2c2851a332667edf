#!/usr/bin/env bash
# Coverage-guided fuzzing of the readers a user's bytes reach, with libFuzzer (Swift's
# -sanitize=fuzzer,address): the XML parser, TMX, XLIFF, TSV, CSV, Moses, TBX and glossary TSV,
# language tags, --db URLs, PO files, job files pre-translated and read back (po, job-xliff), the aligner's document readers (text, Markdown, HTML, .docx), the sentence
# splitter and the aligner.
#   scripts/fuzz.sh TARGET[,TARGET…] [SECONDS]   default 60 s each; "all" runs every target
#   scripts/fuzz.sh list
# Each run ends with a line "fuzz-summary: TARGET cpu=… runs=… cov=… ft=… corpus=…" (CPU seconds
# from the kernel, coverage from libFuzzer), also appended to $KIOKU_FUZZ_DIR/summary.log.
# KIOKU_FUZZ_LEAKS=0 turns LeakSanitizer off.
# Seeds come from Fuzz/corpus/TARGET (read only), token dictionaries from Fuzz/dictionaries; new
# inputs go to $KIOKU_FUZZ_DIR/TARGET; a crash, leak, timeout or over-limit allocation is saved in
# Fuzz/findings/ and fails the run. Each finding should become a file in Fuzz/regressions/TARGET/,
# which the test suite replays.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
targets="xml tmx xliff tsv csv moses tbx glossary-tsv language-tag postgres-address unit-ids po job-xliff server document-text document-markdown document-html document-docx sentences align index-chunk"
target=${1:-}
seconds=${2:-60}
if [ -z "$target" ] || [ "$target" = list ]; then echo "targets: $targets"; exit 0; fi
scripts/install-deps.sh
# A build of its own (instrumented), beside the normal one. gold cannot link the instrumented
# objects (an internal error on their debug info), so lld links them.
swift build --scratch-path .build-fuzz --product kioku-fuzz \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DKIOKU_FUZZ -Xswiftc -use-ld=lld > /tmp/kioku-fuzz-build.log 2>&1 \
  || { cat /tmp/kioku-fuzz-build.log; exit 1; }
fuzzer=.build-fuzz/debug/kioku-fuzz
work=${KIOKU_FUZZ_DIR:-/tmp/kioku-fuzz}
# The targets whose readers take a path write each input to a scratch file: on a disk, the
# fuzzer spends most of its time waiting for the file system (a third of the CPU it gets on tmpfs).
if [ -z "${TMPDIR:-}" ] && [ -w /dev/shm ]; then export TMPDIR=/dev/shm; fi
mkdir -p Fuzz/findings
[ "$target" = all ] && run=$targets || run=${target//,/ }
for one in $run; do
  case " $targets " in *" $one "*) ;; *) echo "fuzz: no target '$one' (scripts/fuzz.sh list)"; exit 2;; esac
done
for one in $run; do
  mkdir -p "$work/$one"
  seeds=("Fuzz/corpus/$one")
  # The LISA TMX kit, when ../shared is present, seeds the XML and TMX targets too.
  if [ -d ../shared/data/tmx/lisa-compkit ] && { [ "$one" = tmx ] || [ "$one" = xml ]; }; then seeds+=(../shared/data/tmx/lisa-compkit); fi
  # A dictionary of the format's tokens (Fuzz/dictionaries), the XML one under each XML format's.
  dictionary=()
  case $one in
    xml|document-html) parts="xml" ;;
    tmx) parts="xml tmx" ;;
    xliff|job-xliff) parts="xml xliff" ;;
    tbx) parts="xml tbx" ;;
    po) parts="po" ;;
    server) parts="server" ;;
    *) parts="" ;;
  esac
  if [ -n "$parts" ]; then
    for part in $parts; do cat "Fuzz/dictionaries/$part.dict"; done > "$work/$one.dict"
    dictionary=(-dict="$work/$one.dict")
  fi
  echo "== fuzzing $one for $seconds s"
  # LeakSanitizer is on for every target (KIOKU_FUZZ_LEAKS=0 turns it off).
  leaks=${KIOKU_FUZZ_LEAKS:-1}
  log="$work/$one.log"
  /usr/bin/time -f "%U %S" -o "$work/$one.time" env ASAN_OPTIONS=detect_leaks=$leaks "$fuzzer" "$one" "$work/$one" "${seeds[@]}" "${dictionary[@]}" -detect_leaks=$leaks \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 -malloc_limit_mb=1024 \
    -artifact_prefix="Fuzz/findings/$one-" -print_final_stats=1 > "$log" 2>&1 || true
  grep -E "^(Done|#[0-9]+ *DONE|stat::number_of_executed_units|==.*ERROR|SUMMARY|artifact_prefix|Test unit written)" "$log" || true
  cpu=$(awk '{printf "%.0f", $1 + $2}' "$work/$one.time" 2>/dev/null || echo "?")
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -oE "cov: [0-9]+ ft: [0-9]+ corp: [0-9]+" "$log" | tail -1 | awk '{print "cov=" $2 " ft=" $4 " corpus=" $6}')
  echo "fuzz-summary: $one cpu=${cpu}s runs=${runs:-?} $cov leaks=$leaks $(date -u +%FT%TZ)" | tee -a "$work/summary.log"
  if ls Fuzz/findings/"$one"-* >/dev/null 2>&1; then
    echo "fuzz: $one found a problem; its input is in Fuzz/findings/ (replay: swift run kioku-fuzz $one FILE)"
    exit 1
  fi
done
echo "fuzz: no crash, leak, timeout or over-limit allocation in: $run"
