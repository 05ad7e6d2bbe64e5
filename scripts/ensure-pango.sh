#!/usr/bin/env bash
# Install what WeasyPrint (the demo council's PDFs, docs/documents.md) loads from the system:
# Debian's Pango, HarfBuzz's subsetter (fonts are embedded as subsets) and a font. Nothing to
# do when they are there already.
set -euo pipefail
have() { ldconfig -p | grep -q "$1"; }
if have libpango-1.0.so.0 && have libpangoft2-1.0.so.0 && have libharfbuzz-subset.so.0 \
  && fc-list 2>/dev/null | grep -qi "DejaVu Sans"; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
echo "Installing Debian's Pango, HarfBuzz subset and DejaVu fonts for WeasyPrint..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig fonts-dejavu-core >/dev/null
