#!/usr/bin/env bash
# Installs the real tools the tests use when they are present, so CI runs them: OmegaT
# (Debian's `omegat`, run headless by Tests/KiokuCLITests/OmegaTTests.swift) and xmllint
# (libxml2-utils, for scripts/validate-exports.sh). Without them the tests still pass and say
# what was not run.
set -euo pipefail
missing=()
command -v omegat >/dev/null 2>&1 || missing+=(omegat)
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} (for the OmegaT round trip and the export validation)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
