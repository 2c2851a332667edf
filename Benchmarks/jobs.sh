#!/usr/bin/env bash
# Analysis and pre-translation at scale (issue 11): a 10,000-segment job against a 1M-segment
# EN–RU TM from gen_corpus.py, as XLIFF 1.2, XLIFF 2.0 and PO, end to end through the release
# `kioku` (open the TM, read the job, look every segment up, write the report or the file).
# The job's sentences are gen_corpus.py's queries: half derived from TM lines with 0–4 edits, half
# fresh. The baseline, in the same run, is `kioku lookup --batch` over the same 10,000 sentences.
# Wall time, CPU time (user + sys) and peak RSS come from /usr/bin/time. Needs ../shared.
#   Benchmarks/jobs.sh [SEGMENTS] [JOB]     default 1000000 and 10000; files kept in $KIOKU_BENCH_DIR
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
segments=${1:-1000000}
job=${2:-10000}
work=${KIOKU_BENCH_DIR:-/tmp/kioku-bench}/jobs
generator=../shared/bench/gen_corpus.py
if [ ! -f "$generator" ]; then
  echo "benchmark: ../shared is absent (no gen_corpus.py); nothing was measured"
  exit 0
fi
scripts/install-deps.sh
swift build -c release --product kioku >/dev/null
kioku=$PWD/.build/release/kioku
mkdir -p "$work"
prefix="$work/enru-$segments"
[ -f "$prefix.tsv" ] || python3 "$generator" --pair en-ru --segments "$segments" --queries "$job" --seed 11 --out "$prefix" >/dev/null
tm="$prefix.kioku"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load $(cut -d' ' -f1-3 /proc/loadavg); $(swift --version 2>&1 | head -1)"
if [ ! -f "$tm" ]; then
  echo "== import with index: $segments units"
  /usr/bin/time -f "   %e s wall, %U+%S s CPU, %M KB peak" "$kioku" import "$prefix.tsv" --tm "$tm" --src en --tgt ru >/dev/null
fi

# The job files, from the queries (one sentence a segment, in order).
python3 - "$prefix.queries.tsv" "$work" <<'PY'
import sys
from xml.sax.saxutils import escape
queries, out = sys.argv[1], sys.argv[2]
sentences = [line.split("\t")[0] for line in open(queries, encoding="utf-8").read().splitlines()]
open(f"{out}/job.txt", "w", encoding="utf-8").write("".join(s + "\n" for s in sentences))
units = "".join(f'      <trans-unit id="{i}">\n        <source>{escape(s)}</source>\n      </trans-unit>\n' for i, s in enumerate(sentences, 1))
open(f"{out}/job.xlf", "w", encoding="utf-8").write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
    '  <file original="job" source-language="en" target-language="ru" datatype="plaintext">\n    <body>\n'
    + units + "    </body>\n  </file>\n</xliff>\n")
units = "".join(f'    <unit id="u{i}">\n      <segment>\n        <source>{escape(s)}</source>\n      </segment>\n    </unit>\n' for i, s in enumerate(sentences, 1))
open(f"{out}/job20.xlf", "w", encoding="utf-8").write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ru">\n'
    '  <file id="f1">\n' + units + "  </file>\n</xliff>\n")
def po(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
entries = "".join(f"#: job:{i}\nmsgid {po(s)}\nmsgstr \"\"\n\n" for i, s in enumerate(sentences, 1))
open(f"{out}/job.po", "w", encoding="utf-8").write('msgid ""\nmsgstr ""\n"Language: ru\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n' + entries)
PY

measure() {  # label, command…
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null
  read -r wall user sys peak < "$work/time"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v p="$peak" -v n="$job" \
    'BEGIN { printf "| %s | %.2f s | %.2f s | %.3f ms | %d MB |\n", l, w, u + s, w * 1000 / n, p / 1024 }'
}

echo "== $job-segment job against $segments units (en→ru)"
echo "| run | wall | CPU (user+sys) | wall per segment | peak RSS |"
echo "|---|---|---|---|---|"
measure "lookup --batch, --min 50 --max 1 (baseline)" "$kioku" lookup --batch "$work/job.txt" --tm "$tm" --src en --tgt ru --min 50 --max 1
measure "lookup --batch, --min 70 --max 3 (baseline)" "$kioku" lookup --batch "$work/job.txt" --tm "$tm" --src en --tgt ru --min 70 --max 3
measure "analyze XLIFF 1.2" "$kioku" analyze "$work/job.xlf" --tm "$tm" --json
measure "analyze PO" "$kioku" analyze "$work/job.po" --tm "$tm" --json
measure "pretranslate XLIFF 1.2 (--fill 100)" "$kioku" pretranslate "$work/job.xlf" --tm "$tm" --to "$work/out.xlf"
measure "pretranslate XLIFF 1.2 (--fill 75)" "$kioku" pretranslate "$work/job.xlf" --tm "$tm" --to "$work/out75.xlf" --fill 75
measure "pretranslate XLIFF 2.0" "$kioku" pretranslate "$work/job20.xlf" --tm "$tm" --to "$work/out20.xlf"
measure "pretranslate PO" "$kioku" pretranslate "$work/job.po" --tm "$tm" --to "$work/out.po"
"$kioku" analyze "$work/job.xlf" --tm "$tm"
"$kioku" pretranslate "$work/job.xlf" --tm "$tm" --to "$work/out.xlf"
