#!/usr/bin/env bash
# The aligner's quality gate: aligns the aligner test bed's dev documents (../shared/data/aligner)
# and fails when a score falls below the targets of the issue that introduced it — strict F1
# clean ≥ 0.99, merged ≥ 0.98, hard ≥ 0.93, omission F1 on hard ≥ 0.80 — for EN–RU and EN–JA.
# Says so and passes when ../shared is absent. Uses the debug kioku-bench the tests built.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
bed=../shared/data/aligner
if [ ! -f "$bed/score.py" ]; then
  echo "align-check: ../shared/data/aligner is absent; the aligner's dev scores were not checked"
  exit 0
fi
bench="$(swift build --show-bin-path)/kioku-bench"
[ -x "$bench" ] || swift build --product kioku-bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
for pair in en-ru en-ja; do
  for variant in clean hard merged; do
    "$bench" align "$bed/dev/$pair/$variant" "$work/$pair-$variant" --src en --tgt "${pair#en-}" >/dev/null
    python3 "$bed/score.py" "$work/$pair-$variant" "$bed/dev/$pair/$variant" --json "$work/score.json" >/dev/null 2>&1
    verdict=$(python3 - "$work/score.json" "$variant" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); variant = sys.argv[2]
floor = {"clean": 0.99, "hard": 0.93, "merged": 0.98}[variant]
strict = d["strict"]["f1"]; ok = strict >= floor
text = "strict F1 %.3f (at least %.2f)" % (strict, floor)
if variant == "hard":
    omission = d["null"]["f1"]; ok = ok and omission >= 0.80
    text += ", omission F1 %.3f (at least 0.80)" % omission
print(("ok " if ok else "FAIL ") + text)
PY
)
    echo "align-check $pair $variant: $verdict"
    [[ $verdict == ok* ]] || failed=1
  done
done
exit $failed
