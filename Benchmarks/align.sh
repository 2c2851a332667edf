#!/usr/bin/env bash
# The aligner's figures in Benchmarks/README.md and docs/aligning.md: quality on the aligner test
# bed (../shared/data/aligner, scored by its score.py), the ablation table, and speed/memory
# (all documents of a folder in one process; a 20,000-sentence document pair through the CLI).
#   Benchmarks/align.sh [--ablation] [--bootstrap]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
bed=../shared/data/aligner
wmt=../shared/data/wmt21
if [ ! -f "$bed/score.py" ]; then
  echo "align benchmark: ../shared/data/aligner is absent; nothing was measured"
  exit 0
fi
swift build -c release --product kioku-bench >/dev/null
swift build -c release --product kioku >/dev/null
bench=$PWD/.build/release/kioku-bench
kioku=$PWD/.build/release/kioku
work=${KIOKU_BENCH_DIR:-/tmp/kioku-bench}/align
mkdir -p "$work"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(swift --version 2>&1 | head -1); commit $(git rev-parse --short HEAD)"

# One table row: strict F1 per folder (and omission F1 on hard), for the given kioku-bench options.
row() {
  local name=$1; shift
  local line="| $name |"
  for pair in en-ru en-ja; do
    local tgt=${pair#en-}
    for variant in clean hard merged; do
      local out=$work/$pair-$variant extra=()
      rm -rf "$out"
      [ "${LEXICON:-}" = 1 ] && extra=(--lexicon-lines "$wmt/$pair.en" "$wmt/$pair.$tgt")
      "$bench" align "$bed/dev/$pair/$variant" "$out" --src en --tgt "$tgt" "$@" "${extra[@]}" > "$work/time-$pair-$variant.txt"
      python3 "$bed/score.py" "$out" "$bed/dev/$pair/$variant" --json "$work/score.json" > /dev/null 2>&1
      line="$line $(python3 -c "
import json; d = json.load(open('$work/score.json'))
print('%.3f' % d['strict']['f1'] + (' / %.3f' % d['null']['f1'] if '$variant' == 'hard' else ''))") |"
    done
  done
  echo "$line"
}

echo "== strict F1 (hard: strict / omission F1), own sentence splitting"
echo "| aligner | en-ru clean | en-ru hard | en-ru merged | en-ja clean | en-ja hard | en-ja merged |"
echo "|---|---|---|---|---|---|---|"
row "Kioku, translation as source (--swap)" --swap
row "Kioku (default: all anchors, paragraph hints)"
echo "== speed: each folder aligned in one process (reading, splitting, aligning)"
for f in "$work"/time-*.txt; do echo "$(basename "$f" .txt | sed 's/time-//'): $(cat "$f")"; done

if [ "${1:-}" = "--ablation" ]; then
  all=number,smallNumber,glossaryName,transliteratedName,latinWord,punctuation,quote,lexicon
  echo "== ablation"
  row "no paragraph hints" --no-paragraphs
  row "length only (no anchors)" --without "$all"
  row "length only, no paragraph hints" --no-paragraphs --without "$all"
  row "without numbers" --without number,smallNumber
  row "without transliterated names" --without transliteratedName
  row "without Latin words" --without latinWord
  row "without ? ! and quotation marks" --without punctuation,quote
  row "+ bundled glossaries" --glossary glossaries/countries.tsv --glossary glossaries/names-and-places.tsv
  LEXICON=1 row "+ lexicon learned from the other documents' pairs"
fi

if [ "${1:-}" = "--bootstrap" ]; then
  for pair in en-ru en-ja; do
    "$bench" align "$bed/dev/$pair/hard" "$work/boot" --src en --tgt "${pair#en-}" >/dev/null
    echo "== $pair hard, 95% document bootstrap"
    python3 "$bed/score.py" "$work/boot" "$bed/dev/$pair/hard" --bootstrap 1000 2>/dev/null | tail -6
  done
fi

echo "== a 20,000-sentence document pair through the CLI (the hard en-ru documents, repeated)"
: > "$work/long.en.txt"; : > "$work/long.ru.txt"
while [ "$(wc -l < "$work/long.en.txt")" -lt 9000 ]; do
  cat "$bed"/dev/en-ru/hard/*.src.txt >> "$work/long.en.txt"
  cat "$bed"/dev/en-ru/hard/*.tgt.txt >> "$work/long.ru.txt"
done
/usr/bin/time -f "%e s wall, %U s user, peak RSS %M KB" "$kioku" align "$work/long.en.txt" "$work/long.ru.txt" --src en --tgt ru --to "$work/long.tsv" 2>&1 | tail -2
echo "with paragraph hints off (one run of sentences, no breaks to lean on):"
/usr/bin/time -f "%e s wall, %U s user, peak RSS %M KB" "$kioku" align "$work/long.en.txt" "$work/long.ru.txt" --src en --tgt ru --ignore-paragraphs --to "$work/long-np.tsv" 2>&1 | tail -2
