#!/usr/bin/env bash
# Starts the side services Switchboard talks to, bound to 127.0.0.1, in the background:
#   - GreenMail standalone, the mail server: SMTP on 3025, IMAP on 3143 (its REST API moved off WildFly's 8080 to
#     127.0.0.1:8025). Any password is taken and a mailbox exists as soon as mail reaches it or someone logs in, so
#     the demo and the tests need no accounts; a production mail server is configuration (docs/architecture.md).
#   - WireMock standalone, the SMS provider's stand-in on 8089 (Twilio's REST API, stubs in dev/provider/mappings).
# Usage: dev/services.sh start | stop. "start" reuses a service already answering on its port; "stop" stops only
# what this script started (pid files under target/services).
set -euo pipefail
cd "$(dirname "$0")/.."
state=target/services
mkdir -p "$state"

greenmail_version=2.1.8
wiremock_version=3.13.2

jar() { # group artifact version -> path of the jar, fetched from Maven Central on first use
  local path="$HOME/.m2/repository/${1//.//}/$2/$3/$2-$3.jar"
  [ -f "$path" ] || mvn -B -q dependency:get -Dartifact="$1:$2:$3" -Dtransitive=false >&2
  echo "$path"
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

await() { # name port pidfile
  for _ in $(seq 1 60); do
    listening "$2" && return 0
    kill -0 "$(cat "$3")" 2>/dev/null || { echo "$1 did not start; see $state/$1.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "$1 does not answer on 127.0.0.1:$2; see $state/$1.log" >&2
  exit 1
}

start() {
  if listening 3025 && listening 3143; then
    echo "Mail server already answering on 127.0.0.1:3025 (SMTP) and 3143 (IMAP)"
  else
    java -Xmx384m -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
      -Dgreenmail.auth.disabled -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=8025 \
      -jar "$(jar com.icegreen greenmail-standalone $greenmail_version)" >"$state/mail.log" 2>&1 &
    echo $! >"$state/mail.pid"
    await mail 3025 "$state/mail.pid"
    await mail 3143 "$state/mail.pid"
    echo "Mail server (GreenMail) on 127.0.0.1:3025 (SMTP) and 3143 (IMAP)"
  fi
  if listening 8089; then
    echo "SMS provider stand-in already answering on 127.0.0.1:8089"
  else
    java -Xmx192m -jar "$(jar org.wiremock wiremock-standalone $wiremock_version)" --port 8089 \
      --bind-address 127.0.0.1 --disable-banner --global-response-templating --root-dir dev/provider \
      >"$state/provider.log" 2>&1 &
    echo $! >"$state/provider.pid"
    await provider 8089 "$state/provider.pid"
    echo "SMS provider stand-in (WireMock, Twilio's API) on 127.0.0.1:8089"
  fi
}

stop() {
  for name in mail provider; do
    if [ -f "$state/$name.pid" ]; then
      kill "$(cat "$state/$name.pid")" 2>/dev/null || true
      rm -f "$state/$name.pid"
    fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: dev/services.sh start|stop" >&2; exit 2 ;;
esac
