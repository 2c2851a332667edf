#!/usr/bin/env bash
# Translate Toolkit and Kioku, both ways: installs translate-toolkit from PyPI into a virtualenv,
# exports the sample memory for its TMX and XLIFF readers (and xliff2po, checked by msgfmt), and
# imports what its po2tmx and po2xliff write.
#   Benchmarks/clients/translate-toolkit.sh     (the virtualenv is kept in $KIOKU_CLIENTS_DIR, default /tmp/kioku-clients)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PATH:/opt/swift/usr/bin"
work=${KIOKU_CLIENTS_DIR:-/tmp/kioku-clients}
mkdir -p "$work"
scripts/install-deps.sh
if [ ! -x "$work/translate-toolkit/bin/po2tmx" ]; then
  python3 -m venv "$work/translate-toolkit"
  "$work/translate-toolkit/bin/pip" install -q "translate-toolkit${TRANSLATE_TOOLKIT_VERSION:+==$TRANSLATE_TOOLKIT_VERSION}"
fi
swift build -c release --product kioku >/dev/null
kioku=$PWD/.build/release/kioku
tm="$work/seed.kioku"; rm -f "$tm" "$tm-wal" "$tm-shm" "$tm-journal"
$kioku import memories/seed-summit.tmx --tm "$tm" >/dev/null
"$work/translate-toolkit/bin/python" Benchmarks/clients/translate_toolkit_check.py "$kioku" "$work" "$tm"
