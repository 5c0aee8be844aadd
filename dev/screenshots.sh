#!/usr/bin/env bash
# Re-makes the screenshots in docs/screenshots (shown in the README) by running the browser tests with their
# screenshot directory pointed there.
set -euo pipefail
cd "$(dirname "$0")/.."
dev/browser.sh
dev/postgres.sh switchboard_test --fresh
mvn -B -q install -DskipTests
exec mvn -B verify -pl ear -Dit.test="AgentDesktopIT,DeskLayoutIT,TransferDesktopIT,ConsultationDesktopIT,ConferenceDesktopIT" -Dscreenshots.dir="$PWD/docs/screenshots"
