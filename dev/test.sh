#!/usr/bin/env bash
# Runs every test: domain unit tests, then the integration tests against a freshly provisioned WildFly and a real
# PostgreSQL (database switchboard_test, created afresh for every run), including the web client's tests in a real
# headless Chromium (installed from Debian's packages when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
dev/browser.sh
dev/postgres.sh switchboard_test --fresh
exec mvn -B verify "$@"
