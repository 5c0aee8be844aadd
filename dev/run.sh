#!/usr/bin/env bash
# Builds Switchboard, provisions WildFly, and serves the system with the demo tenant at http://localhost:8080/.
# Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
dev/postgres.sh switchboard
mvn -B -q package -DskipTests
server=ear/target/server/wildfly-39.0.1.Final
cp ear/target/switchboard.ear "$server/standalone/deployments/"
echo "Starting WildFly; the demo is at http://localhost:8080/ (tenant demo, users admin, sup1, agent01 ... password switchboard)"
export SWITCHBOARD_DEMO_ENABLED="${SWITCHBOARD_DEMO_ENABLED:-true}"
exec "$server/bin/standalone.sh" -c standalone-full.xml
