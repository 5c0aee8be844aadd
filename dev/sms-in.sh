#!/usr/bin/env bash
# Sends an SMS into the running demo as the provider (Twilio) would: a form-encoded webhook POST to the SMS entry
# point's URL, signed with X-Twilio-Signature like the real provider signs it (the demo's auth token, made by
# dev/run.sh). Usage: dev/sms-in.sh [FROM] [TEXT] [TO]   (defaults: +5511987654321, a greeting, the demo's number)
set -euo pipefail
from="${1:-+5511987654321}"
text="${2:-Oi, preciso de ajuda com meu pedido}"
to="${3:-+551140000002}"
base="${SWITCHBOARD_URL:-http://127.0.0.1:8080}"
token="${SWITCHBOARD_SMS_TWILIO_AUTH_TOKEN:-$(cat "${XDG_CONFIG_HOME:-$HOME/.config}/switchboard/twilio-auth-token")}"
entry_point="$(PGPASSWORD="${SWITCHBOARD_DB_PASSWORD:-postgres}" psql -h 127.0.0.1 -U postgres -d switchboard -Atqc \
  "select id from entry_point where channel = 'SMS' and address = '$to'")"
[ -n "$entry_point" ] || { echo "No SMS entry point has the number $to" >&2; exit 1; }
url="$base/api/hooks/twilio/sms/$entry_point"
sid="SM$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
# the signature: the URL, then each parameter sorted by name, as name followed by value
signed="${url}AccountSid${SWITCHBOARD_SMS_TWILIO_ACCOUNT_SID:-ACswitchboarddemo}Body${text}From${from}MessageSid${sid}NumMedia0To${to}"
signature="$(printf '%s' "$signed" | openssl dgst -sha1 -hmac "$token" -binary | base64)"
curl -sS -w '\nHTTP %{http_code}\n' -H "X-Twilio-Signature: $signature" \
  --data-urlencode "AccountSid=${SWITCHBOARD_SMS_TWILIO_ACCOUNT_SID:-ACswitchboarddemo}" --data-urlencode "Body=$text" \
  --data-urlencode "From=$from" --data-urlencode "MessageSid=$sid" --data-urlencode "NumMedia=0" \
  --data-urlencode "To=$to" "$url"
