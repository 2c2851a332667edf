#!/usr/bin/env bash
# Validates what `kioku pretranslate` writes: XLIFF 1.2 against the OASIS strict schema, XLIFF 2.0
# against the core schema with the Translation Candidates module (matches.xsd), PO with
# `msgfmt --check`. The jobs are the bundled samples and the fuzz seeds (each input validated
# first; one the schema refuses is reported and left out), pre-translated from the seed memory
# at --fill 100 and at --fill 70 (fuzzy fills, candidates, notes). The XLIFF schemas live in
# ../shared/data/schemas; without them only the PO files are checked, and this says so.
#   scripts/validate-jobs.sh [KIOKU]     KIOKU defaults to .build/debug/kioku
set -euo pipefail
cd "$(dirname "$0")/.."
kioku=${1:-.build/debug/kioku}
schemas=../shared/data/schemas
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v msgfmt >/dev/null 2>&1 || { echo "validate-jobs: msgfmt is missing (apt-get install gettext)" >&2; exit 1; }
have_schemas=0
if [ -d "$schemas" ] && command -v xmllint >/dev/null 2>&1; then
  have_schemas=1
  export XML_CATALOG_FILES=$PWD/$schemas/catalog.xml
else
  echo "validate-jobs: ../shared or xmllint is absent; XLIFF output was not validated against the OASIS schemas"
fi
tm="$work/seed.kioku"
"$kioku" import memories/seed-summit.tmx --tm "$tm" >/dev/null
"$kioku" glossary import glossaries/names-and-places.tsv --tm "$tm" >/dev/null

# The grammar for a file: 1.2 strict or 2.0 + matches, by the root's version.
schema_for() {
  if grep -q 'version="2' "$1"; then echo "$schemas/xliff20/modules/matches.xsd"; else echo "$schemas/xliff12/xliff-core-1.2-strict.xsd"; fi
}

valid=0 failed=0 skipped=0
for input in memories/seed-followup.* Fuzz/corpus/job-xliff/*.xlf Fuzz/corpus/po/*.po; do
  case "$input" in *.xlf|*.xliff) kind=xliff ;; *.po) kind=po ;; *) continue ;; esac
  if [ "$kind" = xliff ]; then
    [ "$have_schemas" = 1 ] || continue
    if ! xmllint --noout --nonet --schema "$(schema_for "$input")" "$input" 2>/dev/null; then
      skipped=$((skipped + 1)); echo "validate-jobs: $input is not schema-valid itself; left out"; continue
    fi
  fi
  for fill in 100 70; do
    out="$work/out-$fill.${input##*.}"
    if ! "$kioku" pretranslate "$input" --tm "$tm" --to "$out" --fill "$fill" --min 50 --src en --tgt ru >/dev/null 2>"$work/err"; then
      failed=$((failed + 1)); echo "PRETRANSLATE FAILED for $input:"; head -3 "$work/err"; continue
    fi
    if [ "$kind" = xliff ]; then
      if xmllint --noout --nonet --schema "$(schema_for "$out")" "$out" 2>"$work/err"; then valid=$((valid + 1)); else
        failed=$((failed + 1)); echo "INVALID XLIFF from $input (--fill $fill):"; head -5 "$work/err"; fi
    else
      if msgfmt --check -o /dev/null "$out" 2>"$work/err"; then valid=$((valid + 1)); else
        failed=$((failed + 1)); echo "INVALID PO from $input (--fill $fill):"; head -5 "$work/err"; fi
    fi
  done
done
echo "validate-jobs: $valid pre-translated files valid (XLIFF 1.2 strict / XLIFF 2.0 + matches / msgfmt --check), $failed invalid, $skipped inputs left out"
[ "$failed" -eq 0 ]
