#!/usr/bin/env bash
# Installs the real clients the test suite drives when they are present, so CI runs them:
# OmegaT (Debian's `omegat`, run headless by Tests/KiokuCLITests/OmegaTTests.swift).
# Without it the suite still passes and says the OmegaT round trip was not run.
set -euo pipefail
if ! command -v omegat >/dev/null 2>&1; then
  echo "installing omegat (for the OmegaT round-trip test)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends omegat >/dev/null
fi
