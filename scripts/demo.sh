#!/usr/bin/env bash
# The main job on the bundled samples: import the seed article's memory (TMX, EN/RU/JA), show what
# the TM holds, look sentences up, check it against the bundled glossary of names and places, and
# export it back out as TMX and TSV.
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
$kioku lookup "During the gathering in Vladivostok, President Putin and PM Abe agreed to once again meet on December 20 in Japan." \
  --tm "$out/seed.kioku" --src en --tgt ru --glossary glossaries/names-and-places.tbx
$kioku lookup "モスクワと東京は、第二次世界大戦の終結後、平和条約を締結していない。" --tm "$out/seed.kioku" --src ja --tgt ru --max 1
$kioku concordance Владивосток --tm "$out/seed.kioku" --lang ru --max 2
$kioku check memories/seed-summit.tmx --glossary glossaries/names-and-places.tbx
$kioku export --tm "$out/seed.kioku" --to "$out/seed-en-ru.tmx" --langs en,ru
$kioku export --tm "$out/seed.kioku" --to "$out/seed-en-ja.tsv" --langs en,ja
head -c 600 "$out/seed-en-ru.tmx"
