#!/usr/bin/env bash
# Benchmarks (docs/benchmarks.md): starts the built server on its own database, measures PostgreSQL's raw commit
# rate with pgbench -N, then drives agent state changes and routing (create → offer → accept → end → done) with 100
# and 1,000 agents whose WebSockets stay open.
# Usage: dev/bench.sh [seconds-per-run] [workers] [all|agent-state|routing|overload|board]
# ("overload" runs only the routing warm-up and the overload step; "board" times the supervisor board in Chromium
# with 1,000 agents.)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
workers="${2:-32}"
what="${3:-all}"
server=ear/target/server/wildfly-39.0.1.Final

dev/postgres.sh switchboard_bench --fresh >/dev/null   # every run starts on an empty database
dev/postgres.sh switchboard_pgbench >/dev/null
mvn -B -q install -DskipTests
cp ear/target/switchboard.ear "$server/standalone/deployments/"

echo "== PostgreSQL raw commit rate (pgbench -N, scale 10, 10 s each)"
export PGPASSWORD="${SWITCHBOARD_DB_PASSWORD:-postgres}"
pgbench -h 127.0.0.1 -U postgres -i -q -s 10 switchboard_pgbench >/dev/null 2>&1
for clients in 1 8 32; do
  tps=$(pgbench -h 127.0.0.1 -U postgres -N -c "$clients" -j 2 -T 10 switchboard_pgbench 2>/dev/null \
        | awk '/^tps/ {print int($3)}')
  echo "RESULT pgbench -N clients=$clients tps=$tps"
done

echo "== Starting WildFly on database switchboard_bench"
keys="$PWD/ear/target/jwt"   # the build directory's token key pair, as the tests use
java dev/JwtKeyTool.java init "$keys" >/dev/null
# Creating 1,000 users with the production PBKDF2 cost takes minutes; the benchmark measures state changes.
# Its agents keep one access token for the whole run, longer than the 15-minute default: 8 h here.
SWITCHBOARD_DEMO_ENABLED=true SWITCHBOARD_PASSWORD_ITERATIONS=1000 SWITCHBOARD_JWT_LIFETIME_SECONDS=28800 \
SWITCHBOARD_DB_URL=jdbc:postgresql://127.0.0.1:5432/switchboard_bench \
SWITCHBOARD_JWT_PRIVATE_KEY_LOCATION="file:$keys/private.pem" MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$keys/jwks.json" \
JAVA_OPTS="-Xms1g -Xmx1g -XX:+UseG1GC -Djava.net.preferIPv4Stack=true" \
  "$server/bin/standalone.sh" -c standalone-full.xml > ear/target/bench-server.log 2>&1 &
trap '"$server/bin/jboss-cli.sh" -c --command=:shutdown >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 120); do
  curl -sf http://127.0.0.1:9990/health/ready >/dev/null 2>&1 && break
  sleep 1
done
curl -sf http://127.0.0.1:9990/health/ready >/dev/null || { echo "server did not become ready" >&2; exit 1; }

bench() {
  echo "== $1 agents, $2 workers, $seconds s (after $3 s warm-up)"
  mvn -B -q -pl ear exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=io.switchboard.bench.AgentStateBenchmark \
    -Dexec.args="http://127.0.0.1:8080 $1 $2 $seconds $3"
}
routing() {
  echo "== routing: $1 agents, rates $2 /s, $seconds s each${client_priority:+ (load generator at nice $client_priority)}"
  # client_priority=-10 (as root) puts the load generator ahead of the server for the CPU, so that its own
  # scheduling delays do not count as the server's latency on a machine they share
  ${client_priority:+nice -n "$client_priority"} mvn -B -q -pl ear exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=io.switchboard.bench.RoutingBenchmark \
    -Dexec.args="http://127.0.0.1:8080 $1 $2 $seconds"
}
board() {
  echo "== supervisor board with $1 agents in headless Chromium"
  mvn -B -q -pl ear exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=io.switchboard.bench.BoardBenchmark -Dexec.args="http://127.0.0.1:8080 $1 20"
}
if [[ "$what" == all || "$what" == agent-state ]]; then
  bench 100 "$workers" 30     # the first run also warms the server's JIT
  bench 100 4 5               # low concurrency: latency without queueing
  bench 1000 "$workers" 5
  bench 1000 4 5
fi
if [[ "$what" == all || "$what" == routing || "$what" == overload ]]; then
  routing 100 "20,20,20,20"   # warm-up: on 2 cores the JIT takes minutes to compile the routing paths
  if [[ "$what" != overload ]]; then
    routing 100 "100,250,500"
    routing 1000 "100,250,500"
  fi
  # Overload: about 5x the saturation rate for 60 s, then a normal rate: the excess is refused at once (503 +
  # Retry-After), sockets stay open, nothing accepted is lost, and throughput recovers.
  routing 100 "${overload:-350}x60,20"
fi
if [[ "$what" == all || "$what" == routing || "$what" == board ]]; then
  dev/browser.sh >/dev/null
  board 1000
fi
