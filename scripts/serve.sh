#!/usr/bin/env bash
# The production stack on one machine: gunicorn and a task worker beside it. Ctrl-C stops both.
# Settings are production.py unless DJANGO_SETTINGS_MODULE says otherwise; PostgreSQL when
# DATABASE_URL is set. `make serve` migrates and collects static files first. See
# docs/deployment.md. `scripts/serve.sh --check` only checks the required variables.
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=.venv
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-clearway.settings.production}"
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
# gunicorn reads WEB_CONCURRENCY itself: its sync workers, one per request in flight.
export WEB_CONCURRENCY="${WEB_CONCURRENCY:-2}"

# The production settings refuse to load without these; say so in one line, not a traceback.
missing=()
for name in DJANGO_SECRET_KEY DJANGO_ALLOWED_HOSTS; do
  [ -n "${!name:-}" ] || missing+=("$name")
done
if [ "${#missing[@]}" -gt 0 ]; then
  names="${missing[*]}"
  echo "Not started: set ${names// / and } in the environment (see docs/deployment.md)." >&2
  exit 2
fi
[ "${1:-}" = "--check" ] && exit 0

$VENV/bin/python manage.py db_worker &
worker=$!
$VENV/bin/gunicorn clearway.wsgi:application --pythonpath site --bind "$HOST:$PORT" --access-logfile - &
server=$!

stop() {
  kill -TERM "$server" "$worker" 2>/dev/null
  wait "$server" "$worker" 2>/dev/null
  exit 0
}
trap stop INT TERM
echo "Clearway is running at http://$HOST:$PORT/ with $DJANGO_SETTINGS_MODULE ($WEB_CONCURRENCY gunicorn workers and a task worker). Ctrl-C stops it."
# If either process dies, stop the other too.
wait -n "$server" "$worker"
stop
