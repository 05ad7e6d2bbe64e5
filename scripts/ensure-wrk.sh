#!/usr/bin/env bash
# Install Debian's wrk, the load generator bench/server.py prefers (it falls back to a Python
# client, which competes with the server for the same cores and so reports less).
set -euo pipefail
command -v wrk >/dev/null && exit 0
SUDO=
[ "$(id -u)" -ne 0 ] && SUDO=sudo
echo "Installing Debian's wrk..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq wrk >/dev/null
