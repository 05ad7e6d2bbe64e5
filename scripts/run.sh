#!/usr/bin/env bash
# Serve the site and run a task worker beside it, for this machine only. Ctrl-C stops both.
# The settings are local.py (residents' pages, DEBUG off) unless DJANGO_SETTINGS_MODULE says
# otherwise: `make dev` passes dev.py for Django's debug pages. Never a production server.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-clearway.settings.local}"

$PY manage.py db_worker --interval 1 &
worker=$!
$PY manage.py runserver 127.0.0.1:8000 &
server=$!

stop() {
  kill -TERM "$server" "$worker" 2>/dev/null
  wait "$server" "$worker" 2>/dev/null
  exit 0
}
trap stop INT TERM
echo "Clearway is running at http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/) with $DJANGO_SETTINGS_MODULE."
echo "It answers this machine only. Ctrl-C stops it."
# If either process dies, stop the other too.
wait -n "$server" "$worker"
stop
