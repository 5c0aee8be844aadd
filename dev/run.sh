#!/usr/bin/env bash
# Builds Switchboard, provisions WildFly, and serves the system with the demo tenant at http://localhost:8080/.
# Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."
dev/postgres.sh switchboard
mvn -B -q package -DskipTests
server=ear/target/server/wildfly-39.0.1.Final
cp ear/target/switchboard.ear "$server/standalone/deployments/"
export SWITCHBOARD_DEMO_ENABLED="${SWITCHBOARD_DEMO_ENABLED:-true}"
# The token key pair lives outside the repository and is made on first use (docs/architecture.md, "Token keys").
if [[ -z "${SWITCHBOARD_JWT_PRIVATE_KEY_LOCATION:-}" ]]; then
  keys="${XDG_CONFIG_HOME:-$HOME/.config}/switchboard/jwt"
  java dev/JwtKeyTool.java init "$keys"
  export SWITCHBOARD_JWT_PRIVATE_KEY_LOCATION="file:$keys/private.pem"
  export MP_JWT_VERIFY_PUBLICKEY_LOCATION="${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-file:$keys/jwks.json}"
fi
echo "Starting WildFly; the demo is at http://localhost:8080/ (tenant demo, users admin, sup1, agent01 ... password switchboard)"
exec "$server/bin/standalone.sh" -c standalone-full.xml
