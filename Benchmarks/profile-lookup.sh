#!/usr/bin/env bash
# Where a lookup's instructions go (issue 16): runs `kioku-bench lookup` (one core per lookup)
# under valgrind's callgrind, which counts instructions the same way on every run, and prints
# each part of a lookup per query: candidate search (counting and verification), ranking (its
# SQLite reads and final scores), reading the winners, the word diff, the read transaction.
# Instructions are not time: at 1M the search waits on memory, so perf's shares are given beside
# these in Benchmarks/README.md.
#   Benchmarks/profile-lookup.sh TM QUERIES [MIN] [KIOKU-BENCH]
set -euo pipefail
tm=${1:?usage: Benchmarks/profile-lookup.sh TM QUERIES [MIN] [KIOKU-BENCH]} queries=${2:?queries file}
minimum=${3:-50}
bench=${4:-$(dirname "$0")/../.build/release/kioku-bench}
command -v valgrind >/dev/null || { apt-get install -y valgrind >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y valgrind >/dev/null; }; }
out=$(mktemp /tmp/kioku-callgrind.XXXXXX)
trap 'rm -f "$out"' EXIT
if ! valgrind --tool=callgrind --callgrind-out-file="$out" "$bench" lookup "$tm" "$queries" --min "$minimum" --max 5 --serial \
     2>"$out.log" | head -1 || [ ! -s "$out" ]; then
  # valgrind gives up on some builds' debug info ("Possibly corrupted debuginfo file"): say so, not nothing
  echo "profile-lookup: callgrind did not profile $bench:" >&2
  grep -v '^==[0-9]*== *$' "$out.log" | tail -5 >&2
  echo "profile-lookup: use perf instead (perf record -g $bench lookup ... --serial; see Benchmarks/README.md)" >&2
  rm -f "$out.log"
  exit 1
fi
rm -f "$out.log"
lookups=$(( $(wc -l < "$queries") + 101 ))  # the queries, 100 warm-up lookups and the first
callgrind_annotate --inclusive=yes "$out" > "$out.txt" 2>/dev/null
trap 'rm -f "$out" "$out.txt"' EXIT
python3 - "$lookups" "$out.txt" <<'PY'
import re, sys
lookups = int(sys.argv[1])
rows = {}
for line in open(sys.argv[2]):
    m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(\S.*)", line)
    if m:
        name = m.group(2)
        rows[name] = max(rows.get(name, 0), int(m.group(1).replace(",", "")))
def total(*patterns, exclude=()):
    best = 0
    for name, count in rows.items():
        if all(re.search(p, name) for p in patterns) and not any(re.search(e, name) for e in exclude):
            best = max(best, count)
    return best
whole = total(r"Matcher\.swift:.*MatcherC11lookupUnits")
load = total(r"FuzzyIndex\.swift:.*FuzzyIndexC7prepare")  # almost all of it the first lookup loading the index
parts = [
    ("lookup (the first lookup's index load left out)", whole - load),
    ("  candidate search", total(r"CandidateSearch\.swift:.*CandidateSearchV3run")),
    ("    of which verification", total(r"CandidateSearch\.swift:.*CandidateSearchV6verify")),
    ("  read transaction with ranking, winners and diff", total(r"withRankingReader", r"TranslationMemory\+Index\.swift")),
    ("    ranking", total(r"Ranking\.swift:.*RankingV4best")),
    ("      candidate texts (SQLite)", total(r"SQLiteRankingReader\.swift:.*SQLiteRankingReaderC9candidate")),
    ("      final scores", total(r"FinalScores.*final")),
    ("    winners read whole (SQLite)", max(total(r"SQLiteRankingReaderC4unit", r"SQLiteRankingReader\.swift"),
                                          total(r"TranslationMemory\+Units\.swift:.*TranslationB0C4unity"))),
    ("    word diff", max(total(r"WordDiff\.swift:.*WordDiffV6pieces"), total(r"WordDiff\.swift:.*WordDiffO4diff"))),
]
print(f"instructions per lookup (callgrind, {lookups} lookups; the index load once: {load / 1e6:.0f} M):")
for label, count in parts:
    print(f"  {label:<58} {count / lookups / 1000:8.0f} k")
PY

