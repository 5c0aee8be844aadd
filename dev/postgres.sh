#!/usr/bin/env bash
# Makes PostgreSQL reachable on 127.0.0.1:5432 as postgres/postgres and creates the named database if missing
# (with --fresh: drops it first, so a test run never sees what an earlier run left).
# Installs PostgreSQL from Debian's packages when it is not there. Usage: dev/postgres.sh DATABASE [--fresh]
set -euo pipefail
db="${1:?database name}"
fresh="${2:-}"
host="${SWITCHBOARD_DB_HOST:-127.0.0.1}"
export PGPASSWORD="${SWITCHBOARD_DB_PASSWORD:-postgres}"
pg_user="${SWITCHBOARD_DB_USER:-postgres}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "PostgreSQL is not installed; installing it from Debian's packages"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
fi

if ! pg_isready -q -h "$host" -p 5432; then
  for version in $(ls /etc/postgresql 2>/dev/null); do
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  done
  for _ in $(seq 1 30); do pg_isready -q -h "$host" -p 5432 && break; sleep 1; done
fi
pg_isready -q -h "$host" -p 5432 || { echo "PostgreSQL does not answer on $host:5432" >&2; exit 1; }

if ! psql -h "$host" -U "$pg_user" -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
  # A fresh Debian install asks for a password over TCP, and the postgres role has none yet.
  as_root runuser -u postgres -- psql -qc "ALTER ROLE postgres PASSWORD '${PGPASSWORD}'"
fi

if [ "$fresh" = "--fresh" ]; then
  psql -h "$host" -U "$pg_user" -d postgres -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
fi
if [ "$(psql -h "$host" -U "$pg_user" -d postgres -Atqc "select 1 from pg_database where datname = '$db'")" != 1 ]; then
  psql -h "$host" -U "$pg_user" -d postgres -qc "CREATE DATABASE \"$db\""
  echo "Created database $db"
fi
