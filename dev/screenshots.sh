#!/usr/bin/env bash
# Re-makes the screenshots in docs/screenshots (shown in the README) by running the browser tests with their
# screenshot directory pointed there.
set -euo pipefail
cd "$(dirname "$0")/.."
dev/browser.sh
dev/postgres.sh switchboard_test --fresh
mvn -B -q install -DskipTests
trap 'dev/services.sh stop' EXIT
dev/services.sh start   # the reply screenshots need the mail server and the SMS provider's stand-in
mvn -B verify -pl ear -Dit.test="AgentDesktopIT,DeskLayoutIT,TransferDesktopIT,ConsultationDesktopIT,ConferenceDesktopIT,ReplyDesktopIT,OutboundDesktopIT" -Dscreenshots.dir="$PWD/docs/screenshots"
