#!/usr/bin/env bash
# Serve the site and run a task worker beside it. Ctrl-C stops both.
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

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
echo "Clearway is running at http://127.0.0.1:8000/ (admin: http://127.0.0.1:8000/admin/). Ctrl-C stops it."
# If either process dies, stop the other too.
wait -n "$server" "$worker"
stop
