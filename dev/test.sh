#!/usr/bin/env bash
# Runs every test: domain unit tests, then the integration tests against a freshly provisioned WildFly and a real
# PostgreSQL (database switchboard_test, created afresh for every run).
set -euo pipefail
cd "$(dirname "$0")/.."
dev/postgres.sh switchboard_test --fresh
exec mvn -B verify "$@"
