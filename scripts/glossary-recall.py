#!/usr/bin/env python3
"""Recall of `kioku check` on a gen_corpus.py corpus with planted wrong country names.

    scripts/glossary-recall.py REPORT.json PREFIX.violations.tsv [--examples N]

REPORT.json is `kioku check PREFIX.tsv --glossary glossaries/countries.tsv --src en --tgt XX --json`.
A planted violation (line, iso, source name, wrong target name) is caught when the report has an
error for that line naming the concept `iso`. Prints recall and what else was reported.
"""
import collections
import json
import sys

examples_shown = int(sys.argv[sys.argv.index("--examples") + 1]) if "--examples" in sys.argv else 5
report = json.load(open(sys.argv[1], encoding="utf-8"))
planted = {}
for row in open(sys.argv[2], encoding="utf-8"):
    line, iso, source, wrong = row.rstrip("\n").split("\t")
    planted[int(line)] = (iso, source, wrong)

errors_by_line = collections.defaultdict(list)
other = collections.Counter()
examples = collections.defaultdict(list)
for f in report["findings"]:
    line = int(f["location"].rsplit(":", 1)[1]) if ":" in f["location"] else -1
    if f["severity"] == "error":
        errors_by_line[line].append(f)
    if f["severity"] == "error" and line in planted and f.get("conceptID") == planted[line][0]:
        continue
    key = f"{f['severity']} {f['kind']}"
    other[key] += 1
    if len(examples[key]) < examples_shown:
        examples[key].append(f"{f['location']}: {f.get('concept')} expected {f['expected']} found {f['found']} | {f['target'][:90]}")

caught = [l for l, (iso, _, _) in planted.items() if any(f.get("conceptID") == iso for f in errors_by_line.get(l, []))]
print(f"units checked: {report['unitsChecked']}; planted violations: {len(planted)}; caught: {len(caught)}; recall: {100 * len(caught) / max(1, len(planted)):.1f}%")
missed = sorted(set(planted) - set(caught))
for l in missed[:10]:
    print(f"  missed line {l}: {planted[l]}")
print("other findings:", dict(other))
for key, rows in examples.items():
    if not rows:
        continue
    print(f"  e.g. {key}:")
    for r in rows:
        print("    " + r)
