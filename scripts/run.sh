#!/usr/bin/env bash
# Serve the site and run a task worker beside it, for this machine only. Ctrl-C stops both.
# The settings are local.py (residents' pages, DEBUG off) unless DJANGO_SETTINGS_MODULE says
# otherwise: `make dev` passes dev.py for Django's debug pages. Never a production server.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-clearway.settings.local}"
# HOST and PORT move the server (`make run PORT=8001`); the host stays the loopback unless set.
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
# Links in emails (review reminders, audit digests) follow the port unless set.
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://$HOST:$PORT}"

# Full URLs (the audit, sitemap.xml) come from the Site record: keep it at this address.
$PY manage.py local_site_address "$HOST" "$PORT" --verbosity 0

$PY manage.py db_worker --interval 1 &
worker=$!
$PY manage.py runserver "$HOST:$PORT" &
server=$!

stop() {
  kill -TERM "$server" "$worker" 2>/dev/null
  wait "$server" "$worker" 2>/dev/null
  exit 0
}
trap stop INT TERM
echo "Clearway is running at http://$HOST:$PORT/ (admin: http://$HOST:$PORT/admin/) with $DJANGO_SETTINGS_MODULE."
echo "It answers this machine only. Ctrl-C stops it."
# If either process dies, stop the other too.
wait -n "$server" "$worker"
stop
