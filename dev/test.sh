#!/usr/bin/env bash
# Runs every test: domain unit tests, then the integration tests against a freshly provisioned WildFly and a real
# PostgreSQL (database switchboard_test, created afresh for every run), including the web client's tests in a real
# headless Chromium (installed from Debian's packages when missing), and the email and SMS tests against a real mail
# server and the SMS provider's stand-in (dev/services.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
dev/browser.sh
dev/postgres.sh switchboard_test --fresh
# the mail server and the SMS provider's stand-in the email and SMS tests speak to; stopped when the run ends
trap 'dev/services.sh stop' EXIT
dev/services.sh start
mvn -B verify "$@"
