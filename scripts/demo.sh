#!/usr/bin/env bash
# The main job on the bundled sample: import the seed article's memory (TMX, EN/RU/JA),
# show what the TM holds, and export it back out as TMX and TSV.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
scripts/install-deps.sh
swift build -c release --product kioku >/dev/null
kioku=.build/release/kioku
out=${KIOKU_DEMO_DIR:-/tmp/kioku-demo}
rm -rf "$out" && mkdir -p "$out"
set -x
$kioku import memories/seed-summit.tmx --tm "$out/seed.kioku"
$kioku import memories/seed-summit.tsv --tm "$out/seed.kioku"
$kioku stats --tm "$out/seed.kioku"
$kioku export --tm "$out/seed.kioku" --to "$out/seed-en-ru.tmx" --langs en,ru
$kioku export --tm "$out/seed.kioku" --to "$out/seed-en-ja.tsv" --langs en,ja
head -c 600 "$out/seed-en-ru.tmx"
