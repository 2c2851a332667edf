#!/usr/bin/env bash
# Validates what `kioku export` writes against the official grammars: TMX against the TMX 1.4
# DTD, XLIFF against the OASIS XLIFF 1.2 strict schema (xmllint, offline). The inputs are the
# sample memory, the repository's TMX fixtures and the LISA TMX 1.4 compliance kit, each imported
# into a scratch TM and exported as TMX and as XLIFF for every language pair it holds.
# The schemas live in ../shared/data/schemas; without them this says so and exits 0.
#   scripts/validate-exports.sh [KIOKU]     KIOKU defaults to .build/debug/kioku
set -euo pipefail
cd "$(dirname "$0")/.."
schemas=../shared/data/schemas
if [ ! -d "$schemas" ]; then
  echo "validate-exports: ../shared is absent (no official schemas); nothing was validated"
  exit 0
fi
command -v xmllint >/dev/null 2>&1 || { echo "validate-exports: xmllint is missing (apt-get install libxml2-utils)" >&2; exit 1; }
kioku=${1:-.build/debug/kioku}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XML_CATALOG_FILES=$PWD/$schemas/catalog.xml

inputs=(memories/seed-summit.tmx Tests/KiokuFormatsTests/Fixtures/*.tmx)
[ -d ../shared/data/tmx/lisa-compkit ] && inputs+=(../shared/data/tmx/lisa-compkit/*.tmx)
files=0 tmx=0 xliff=0 failed=0
for input in "${inputs[@]}"; do
  tm="$work/$(basename "$input").kioku"
  "$kioku" import "$input" --tm "$tm" >/dev/null 2>&1 || continue   # files meant to be refused
  files=$((files + 1))
  "$kioku" export --tm "$tm" --to "$work/out.tmx" >/dev/null
  if xmllint --noout --nonet --dtdvalid "$schemas/tmx14/tmx14.dtd" "$work/out.tmx" 2>"$work/err"; then
    tmx=$((tmx + 1))
  else
    failed=$((failed + 1)); echo "INVALID TMX from $input:"; head -5 "$work/err"
  fi
  languages=$("$kioku" stats --tm "$tm" --json | python3 -c 'import json,sys; print(" ".join(l["language"] for l in json.load(sys.stdin)["languages"]))')
  for source in $languages; do
    for target in $languages; do
      [ "$source" = "$target" ] && continue
      "$kioku" export --tm "$tm" --to "$work/out.xlf" --langs "$source,$target" >/dev/null
      if xmllint --noout --nonet --schema "$schemas/xliff12/xliff-core-1.2-strict.xsd" "$work/out.xlf" 2>"$work/err"; then
        xliff=$((xliff + 1))
      else
        failed=$((failed + 1)); echo "INVALID XLIFF ($source→$target) from $input:"; head -5 "$work/err"
      fi
    done
  done
done
echo "validate-exports: $files files; $tmx TMX exports valid (TMX 1.4 DTD), $xliff XLIFF exports valid (XLIFF 1.2 strict), $failed invalid"
[ "$failed" -eq 0 ]
