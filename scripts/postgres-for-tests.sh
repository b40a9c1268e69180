#!/usr/bin/env bash
# Prepares the local PostgreSQL 15 for the PostgreSQL part of the suite (README, "Production:
# PostgreSQL and clusters"): starts the cluster if it is stopped, creates the test role, and gives
# the suite an empty database. Idempotent; run as root (CI) or as a user allowed to become postgres.
# The tests create and drop their own databases beside it (the role may create databases).
set -euo pipefail

PG_VERSION=15
ROLE=${LAMPSS_PG_USER:-lampss}
PASSWORD=${LAMPSS_PG_PASSWORD:-lampss}
SUITE_DB=${LAMPSS_PG_SUITE_DB:-lampss_suite}

as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; elif [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

if ! pg_lsclusters -h "$PG_VERSION" main | grep -q online; then
  pg_ctlcluster "$PG_VERSION" main start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432

as_postgres psql -v ON_ERROR_STOP=1 -q -d postgres <<SQL
SELECT 'CREATE ROLE $ROLE LOGIN CREATEDB' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE')\gexec
ALTER ROLE $ROLE WITH LOGIN CREATEDB PASSWORD '$PASSWORD';
DROP DATABASE IF EXISTS $SUITE_DB WITH (FORCE);
CREATE DATABASE $SUITE_DB OWNER $ROLE;
SQL
echo "PostgreSQL $PG_VERSION ready on 127.0.0.1:5432: role $ROLE, empty database $SUITE_DB"
