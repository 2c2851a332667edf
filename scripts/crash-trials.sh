#!/usr/bin/env bash
# Crash safety (issue 14): kill -9 at a random moment of a big import, of an index rebuild (an
# index save), of a glossary import and of a server write stream, TRIALS times each, and check
# what is left:
#   - `kioku verify` finds the file and the index sound (units added but not yet indexed are fine);
#   - an import is all or nothing: the TM holds the units of before or of after, nothing between;
#   - every write the server acknowledged (201) is there;
#   - 200 lookups answer byte for byte (JSON, `took_ms` aside) as on a TM built cleanly from the
#     same units.
# Not part of CI (a 1M run takes about an hour); CI's tests cover SIGKILL of the server once.
#   scripts/crash-trials.sh [import|reindex|glossary|serve|all] [TRIALS] [SEGMENTS]
#   defaults: all, 20 trials, 1,000,000 segments (gen_corpus.py EN–RU from ../shared, or a
#   synthetic corpus when ../shared is absent). Results: a table on standard output.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
scenario=${1:-all}
trials=${2:-20}
segments=${3:-1000000}
scripts/install-deps.sh >/dev/null
swift build -c release --product kioku >/dev/null 2>&1 || { echo "crash-trials: the release build failed" >&2; exit 1; }
kioku=$PWD/.build/release/kioku
work=${KIOKU_CRASH_DIR:-/tmp/kioku-crash}
mkdir -p "$work"
cd "$work"

# The corpus: a base of 10,000 units, then SEGMENTS more to import (and 200 queries).
if [ ! -f "corpus-$segments.tsv" ]; then
  if [ -f "$OLDPWD/../shared/bench/gen_corpus.py" ]; then
    python3 "$OLDPWD/../shared/bench/gen_corpus.py" --pair en-ru --segments $((segments + 10000)) --queries 200 --seed 23 --out "$work/gen-$segments" >/dev/null
    mv "gen-$segments.tsv" "all-$segments.tsv"; cut -f1 "gen-$segments.queries.tsv" > "queries-$segments.txt"
  else
    echo "crash-trials: ../shared is absent; using a synthetic corpus"
    python3 - "$segments" <<'PY'
import random, sys
n = int(sys.argv[1]) + 10000
random.seed(23)
words = [f"w{i}" for i in range(20000)]
with open(f"all-{sys.argv[1]}.tsv", "w") as out:
    for i in range(n):
        s = " ".join(random.choice(words) for _ in range(random.randint(5, 25)))
        out.write(f"{s} {i}.\tперевод {s} {i}.\n")
with open(f"queries-{sys.argv[1]}.txt", "w") as out:
    for i in range(200):
        out.write(" ".join(random.choice(words) for _ in range(12)) + ".\n")
PY
  fi
  { printf 'en\tru\n'; head -n 10000 "all-$segments.tsv"; } > "base-$segments.tsv"
  { printf 'en\tru\n'; tail -n +10001 "all-$segments.tsv"; } > "corpus-$segments.tsv"
fi
queries="queries-$segments.txt"

answers() {  # the lookups' JSON without timings
  "$kioku" lookup --batch "$queries" --tm "$1" --src en --tgt ru --min 50 --max 5 | sed 's/"took_ms":[0-9.e+-]*//'
}
units() { "$kioku" stats --tm "$1" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["units"])'; }
sound() { "$kioku" verify --tm "$1" --sample 3 >/dev/null 2>&1; }

# Clean TMs to compare with: the base alone, and the base with the corpus imported.
if [ ! -f "clean-before-$segments.kioku" ]; then
  "$kioku" import "base-$segments.tsv" --tm "clean-before-$segments.kioku" >/dev/null
  cp "clean-before-$segments.kioku" "clean-after-$segments.kioku"
  "$kioku" import "corpus-$segments.tsv" --tm "clean-after-$segments.kioku" >/dev/null
fi
answers "clean-before-$segments.kioku" > answers-before.json
answers "clean-after-$segments.kioku" > answers-after.json
before=$(units "clean-before-$segments.kioku")
after=$(units "clean-after-$segments.kioku")
start=$(date +%s.%N)
"$kioku" import "corpus-$segments.tsv" --tm "$work/timing.kioku" >/dev/null 2>&1 || true
import_seconds=$(python3 -c "import time; print(round(time.time() - $start, 1))")
rm -f timing.kioku*

fresh() { rm -f trial.kioku trial.kioku-wal trial.kioku-shm trial.kioku-journal; cp "$1" trial.kioku; }
killed_at() { python3 -c "import random; print(round(random.uniform(0.2, $1), 2))"; }
report() { printf '| %s | %d | %s |\n' "$1" "$trials" "$2"; }

echo "| scenario | trials | outcome |"
echo "|---|---|---|"

if [ "$scenario" = import ] || [ "$scenario" = all ]; then
  ok=0 rolled=0 landed=0 bad=0
  for trial in $(seq 1 "$trials"); do
    fresh "clean-before-$segments.kioku"
    "$kioku" import "corpus-$segments.tsv" --tm trial.kioku >/dev/null 2>&1 & pid=$!
    sleep "$(killed_at "$import_seconds")"; kill -9 $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
    count=$(units trial.kioku)
    if [ "$count" = "$before" ]; then expected=answers-before.json; rolled=$((rolled + 1))
    elif [ "$count" = "$after" ]; then expected=answers-after.json; landed=$((landed + 1))
    else echo "import trial $trial: $count units, neither $before nor $after" >&2; bad=$((bad + 1)); continue; fi
    if sound trial.kioku && answers trial.kioku | cmp -s - "$expected"; then ok=$((ok + 1)); else
      echo "import trial $trial: not sound or other answers" >&2; bad=$((bad + 1)); fi
  done
  report "kill -9 during an import of $segments units into $before (import takes ${import_seconds} s)" \
    "$ok sound with the clean answers ($rolled rolled back whole, $landed landed whole), $bad wrong"
fi

if [ "$scenario" = reindex ] || [ "$scenario" = all ]; then
  ok=0 bad=0
  start=$(date +%s.%N); fresh "clean-after-$segments.kioku"; "$kioku" reindex --tm trial.kioku >/dev/null
  reindex_seconds=$(python3 -c "import time; print(round(time.time() - $start, 1))")
  for trial in $(seq 1 "$trials"); do
    fresh "clean-after-$segments.kioku"
    "$kioku" reindex --tm trial.kioku >/dev/null 2>&1 & pid=$!
    sleep "$(killed_at "$reindex_seconds")"; kill -9 $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
    # An interrupted rebuild leaves no index or part of one: the next lookup finishes it.
    if [ "$(units trial.kioku)" = "$after" ] && answers trial.kioku | cmp -s - answers-after.json && sound trial.kioku; then ok=$((ok + 1)); else
      echo "reindex trial $trial: wrong" >&2; bad=$((bad + 1)); fi
  done
  report "kill -9 during an index rebuild (an index save) of $after units (${reindex_seconds} s)" "$ok sound with the clean answers, $bad wrong"
fi

if [ "$scenario" = glossary ] || [ "$scenario" = all ]; then
  [ -f glossary-50k.tsv ] || python3 - <<'PY'
with open("glossary-50k.tsv", "w") as out:
    out.write("id\ttype\ten\tru\tstatus\n")
    for i in range(50000):
        out.write(f"c{i}\tplace\tPlace{i} Town\tГород{i}\tpreferred\n")
PY
  ok=0 none=0 whole=0 bad=0
  fresh "clean-before-$segments.kioku"
  start=$(date +%s.%N); "$kioku" glossary import glossary-50k.tsv --tm trial.kioku >/dev/null
  glossary_seconds=$(python3 -c "import time; print(round(time.time() - $start, 1))")
  for trial in $(seq 1 "$trials"); do
    fresh "clean-before-$segments.kioku"
    "$kioku" glossary import glossary-50k.tsv --tm trial.kioku >/dev/null 2>&1 & pid=$!
    sleep "$(killed_at "$glossary_seconds")"; kill -9 $pid 2>/dev/null || true; wait $pid 2>/dev/null || true
    concepts=$("$kioku" glossary list --tm trial.kioku 2>/dev/null | tail -n 1 | cut -d' ' -f1 || true)
    if [ -z "$concepts" ]; then none=$((none + 1)); elif [ "$concepts" = "50,000" ]; then whole=$((whole + 1)); else
      echo "glossary trial $trial: $concepts concepts" >&2; bad=$((bad + 1)); continue; fi
    if sound trial.kioku; then ok=$((ok + 1)); else bad=$((bad + 1)); fi
  done
  report "kill -9 during a glossary import of 50,000 concepts (${glossary_seconds} s)" \
    "$ok sound ($none with no glossary, $whole with all 50,000), $bad wrong"
fi

if [ "$scenario" = serve ] || [ "$scenario" = all ]; then
  ok=0 bad=0 acknowledged_total=0
  for trial in $(seq 1 "$trials"); do
    fresh "clean-before-$segments.kioku"
    "$kioku" serve --tm trial.kioku --port 0 --token secret > serve.out 2>/dev/null & server=$!
    for _ in $(seq 1 100); do grep -q serves serve.out 2>/dev/null && break; sleep 0.1; done
    url=$(sed -n 's/.* on \(http[^ ]*\)$/\1/p' serve.out)
    # A client posts batches of 50 new units and records each batch the server answered 201.
    python3 - "$url" "$trial" > acknowledged.tsv 2>/dev/null <<'PY' & client=$!
import json, sys, urllib.request
url, trial = sys.argv[1], sys.argv[2]
batch = 0
while True:
    units = [{"en": f"Crash trial {trial} batch {batch} unit {i}.", "ru": f"Испытание {trial}, пакет {batch}, единица {i}."} for i in range(50)]
    request = urllib.request.Request(url + "/api/units", data=json.dumps({"units": units}).encode(),
                                     headers={"Authorization": "Bearer secret", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            if answer.status == 201:
                for unit in units: print(unit["en"] + "\t" + unit["ru"], flush=True)
    except Exception:
        break
    batch += 1
PY
    sleep "$(killed_at 4)"; kill -9 $server 2>/dev/null || true; wait $server 2>/dev/null || true; wait $client 2>/dev/null || true
    "$kioku" export --tm trial.kioku --to stored.tsv --langs en,ru >/dev/null
    count=$(wc -l < acknowledged.tsv)
    acknowledged_total=$((acknowledged_total + count))
    if python3 -c "
import sys
stored = set(open('stored.tsv', encoding='utf-8').read().splitlines())
missing = [line for line in open('acknowledged.tsv', encoding='utf-8').read().splitlines() if line not in stored]
sys.exit(1 if missing else 0)" && sound trial.kioku; then ok=$((ok + 1)); else
      echo "serve trial $trial: an acknowledged unit is missing, or the TM is not sound" >&2; bad=$((bad + 1)); fi
  done
  report "kill -9 of \`kioku serve\` during a stream of 50-unit writes" \
    "$ok with every acknowledged unit kept ($acknowledged_total units acknowledged in all) and sound, $bad wrong"
fi
