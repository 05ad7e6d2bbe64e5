#!/usr/bin/env bash
# Start the machine's PostgreSQL and make the `clearway` role the tests connect as.
# The role may create databases: pytest-django makes its own test database.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null; then
  echo "PostgreSQL is not installed: apt-get install postgresql" >&2
  exit 2
fi
version=$(ls /etc/postgresql | sort -n | tail -1)
if ! pg_ctlcluster "$version" main status >/dev/null 2>&1; then
  pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
as_postgres "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='clearway'\"" | grep -q 1 \
  || as_postgres "psql -qc \"CREATE ROLE clearway LOGIN CREATEDB PASSWORD 'clearway'\""
as_postgres "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='clearway'\"" | grep -q 1 \
  || as_postgres "createdb -O clearway clearway"
