#!/usr/bin/env bash
# The main job on the bundled samples: import the seed article's memory (TMX, EN/RU/JA), show what
# the TM holds, align the article's documents into a TM of their own, look sentences up, check it
# against the bundled glossary of names and places, analyze and pre-translate the next job (the
# follow-up article as XLIFF and PO), keep a copy clean (QA, a correction with its history, a
# deletion), and export the TM back out as TMX and TSV; then serve it over HTTP and ask it as Weblate
# would, as a pipeline asks for an analysis, and as a browser asks for the web page.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
scripts/install-deps.sh
command -v curl >/dev/null || { apt-get update -qq && apt-get install -y -qq curl >/dev/null; }  # for the HTTP part
swift build -c release --product kioku >/dev/null
kioku=.build/release/kioku
out=${KIOKU_DEMO_DIR:-/tmp/kioku-demo}
rm -rf "$out" && mkdir -p "$out"
set -x
$kioku import memories/seed-summit.tmx --tm "$out/seed.kioku"
$kioku import memories/seed-summit.tsv --tm "$out/seed.kioku"
$kioku stats --tm "$out/seed.kioku"
# The same article as three documents: align them into a new TM, with a page to review.
$kioku align memories/seed-summit.en.txt memories/seed-summit.ru.txt --tm "$out/aligned.kioku" --review "$out/align-en-ru.html"
$kioku align memories/seed-summit.en.txt memories/seed-summit.ja.txt --tm "$out/aligned.kioku" --min-score 0.5
$kioku align memories/seed-summit.en.txt memories/seed-summit.ja.txt --json > "$out/align-en-ja.jsonl"
head -n 3 "$out/align-en-ja.jsonl"
$kioku stats --tm "$out/aligned.kioku"
$kioku lookup "During the gathering in Vladivostok, President Putin and PM Abe agreed to once again meet on December 20 in Japan." \
  --tm "$out/seed.kioku" --src en --tgt ru --glossary glossaries/names-and-places.tbx
$kioku lookup "モスクワと東京は、第二次世界大戦の終結後、平和条約を締結していない。" --tm "$out/seed.kioku" --src ja --tgt ru --max 1
$kioku concordance Владивосток --tm "$out/seed.kioku" --lang ru --max 2
$kioku check memories/seed-summit.tmx --glossary glossaries/names-and-places.tbx
# The next job: how much the TM covers, a report for the quote, then the files pre-translated.
$kioku glossary import glossaries/names-and-places.tsv --tm "$out/seed.kioku"
$kioku analyze memories/seed-followup.en-ru.xlf memories/seed-followup.ru.po --tm "$out/seed.kioku" --html "$out/analysis.html"
$kioku pretranslate memories/seed-followup.en-ru.xlf --tm "$out/seed.kioku" --to "$out/seed-followup.ru.xlf" --fill 90
$kioku pretranslate memories/seed-followup.ru.po --tm "$out/seed.kioku" --to "$out/seed-followup.ru.po"
grep -m 2 'state-qualifier' "$out/seed-followup.ru.xlf"
# Keeping a TM clean, on a copy: the QA sweep, a correction (the next lookup finds it, the old text
# stays in the history), a deletion.
$kioku qa --tm "$out/seed.kioku"
cp "$out/seed.kioku" "$out/clean.kioku"
$kioku edit --tm "$out/clean.kioku" --id 22 --lang ru --user demo \
  --text "Во Владивостоке Путин и Абэ договорились снова встретиться 15 декабря в Японии."
$kioku lookup "During the gathering in Vladivostok, President Putin and PM Abe agreed to once again meet on December 15 in Japan." \
  --tm "$out/clean.kioku" --src en --tgt ru --max 1
$kioku show --tm "$out/clean.kioku" --id 22
$kioku delete --tm "$out/clean.kioku" --concordance "Сочи" --lang ru --dry-run
$kioku delete --tm "$out/clean.kioku" --id 22
$kioku export --tm "$out/seed.kioku" --to "$out/seed-en-ru.tmx" --langs en,ru
$kioku export --tm "$out/seed.kioku" --to "$out/seed-en-ja.tsv" --langs en,ja
head -c 600 "$out/seed-en-ru.tmx"
# The TM as a tmserver for Weblate and Virtaal: start, ask one sentence, stop.
$kioku serve --tm "$out/seed.kioku" --port 0 > "$out/serve.out" &
server=$!
for _ in $(seq 1 100); do grep -q serves "$out/serve.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/.* on \(http[^ ]*\)$/\1/p' "$out/serve.out")
curl -s "$url/tmserver/en/ru/unit/Moscow%20and%20Tokyo%20have%20still%20not%20signed%20a%20peace%20treaty%20following%20the%20end%20of%20World%20War%20II."
echo
curl -s --data-binary @memories/seed-followup.en-ru.xlf "$url/api/analyze?name=seed-followup.en-ru.xlf" -o "$out/analysis.json"
head -c 400 "$out/analysis.json"
echo
curl -s "$url/?q=During+the+gathering+in+Vladivostok%2C+President+Putin+and+PM+Abe+agreed+to+meet+on+December+16+in+Japan.&src=en&tgt=ru" | grep -m 2 -E 'class="(score|source)"'
kill -TERM $server; wait $server
