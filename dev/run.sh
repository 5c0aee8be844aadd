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
# The mail server (SMTP 3025, IMAP 3143) and the SMS provider's stand-in (8089) beside WildFly, stopped with it.
trap 'dev/services.sh stop' EXIT
dev/services.sh start
# The SMS provider's auth token (it signs the webhooks dev/sms-in.sh sends), made on first use, kept outside the
# repository like the token keys.
if [[ -z "${SWITCHBOARD_SMS_TWILIO_AUTH_TOKEN:-}" ]]; then
  token_file="${XDG_CONFIG_HOME:-$HOME/.config}/switchboard/twilio-auth-token"
  mkdir -p "$(dirname "$token_file")"
  [ -s "$token_file" ] || (umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$token_file")
  export SWITCHBOARD_SMS_TWILIO_AUTH_TOKEN="$(cat "$token_file")"
fi
export SWITCHBOARD_SMS_TWILIO_ACCOUNT_SID="${SWITCHBOARD_SMS_TWILIO_ACCOUNT_SID:-ACswitchboarddemo}"
export SWITCHBOARD_SMS_TWILIO_BASE_URL="${SWITCHBOARD_SMS_TWILIO_BASE_URL:-http://127.0.0.1:8089}"
export SWITCHBOARD_SMS_PUBLIC_BASE_URL="${SWITCHBOARD_SMS_PUBLIC_BASE_URL:-http://127.0.0.1:8080}"
# Where customers' mail clients load the inline images of our emails (OB10); unset, agents cannot add images.
export SWITCHBOARD_EMAIL_PUBLIC_BASE_URL="${SWITCHBOARD_EMAIL_PUBLIC_BASE_URL:-http://localhost:8080}"
# The platform operator (creates and suspends tenants): a local, documented password, never for production.
export SWITCHBOARD_OPERATOR_PASSWORD="${SWITCHBOARD_OPERATOR_PASSWORD:-Operator-local-1}"
echo "Starting WildFly; the demo is at http://localhost:8080/ (tenant demo, users admin, sup1, agent01 ... password switchboard)"
echo "Email in: curl smtp://127.0.0.1:3025 --mail-rcpt support@demo.example ...; SMS in: dev/sms-in.sh (README)"
"$server/bin/standalone.sh" -c standalone-full.xml
