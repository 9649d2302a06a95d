#!/usr/bin/env bash
# Measures what slow clients cost legitimate ones: client_credentials throughput at /as/{serviceId}/token and
# /health latency, first alone, then while SLOW connections (default 500) each trickle a token request's body one
# byte per second (reopened whenever the server cuts one off). Loopback only. The server runs as it would on a small
# host: -Xmx256m by default. Goals (issue #7): the token stream keeps >= 50 % of its throughput, /health p99 <= 100 ms.
#
# Usage: bench/slow-clients.sh   Env: THREADS (2) CONNS (50) DURATION (20) SLOW (500) PORT (18700)
#        JAVA (java binary) GRANTSMITH_JAVA_OPTS (-Xmx256m) SERVE_ARGS (extra serve options, e.g. --min-request-data-rate 0)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PEERS=${PEERS:-$ROOT/../shared/peers}
T=${THREADS:-2}; C=${CONNS:-50}; D=${DURATION:-20}; SLOW=${SLOW:-500}; PORT=${PORT:-18700}
JAVA=${JAVA:-java}
BASE="http://127.0.0.1:$PORT"
ADMIN="bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
DATA=$(mktemp -d /tmp/grantsmith-slow.XXXXXX)
SERVER_PID=""; TRICKLE_PID=""

cleanup() {
  [ -n "$TRICKLE_PID" ] && kill "$TRICKLE_PID" 2>/dev/null || true
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }
"$ROOT/bin/grantsmith" --version >/dev/null   # builds the jar when it is missing or stale
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }

echo "# $(date -u +%FT%TZ) $(nproc) cores; wrk -t$T -c$C -d${D}s; $SLOW slow connections; server JVM: $("$JAVA" -version 2>&1 | head -1)"
echo "# calibration: openssl rsa2048 sign/s, 1 thread, 2 s: $(openssl speed -seconds 2 rsa2048 2>/dev/null | awk '/^rsa 2048/{print $6}')"

# shellcheck disable=SC2086
GRANTSMITH_ADMIN_TOKEN="$ADMIN" "$JAVA" ${GRANTSMITH_JAVA_OPTS:--Xmx256m} -jar "$ROOT/grantsmith-server/target/grantsmith.jar" \
  serve --port "$PORT" --data "$DATA" ${SERVE_ARGS:-} > "$DATA/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.2; done
curl -sf "$BASE/health" >/dev/null || { cat "$DATA/server.log"; exit 1; }

SERVICE=$(curl -sf -X POST "$BASE/api/service/create" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' -d '{"serviceName":"bench"}')
SERVICE_ID=$(echo "$SERVICE" | json '["apiKey"]'); API_SECRET=$(echo "$SERVICE" | json '["apiSecret"]')
CLIENT=$(curl -sf -X POST "$BASE/api/$SERVICE_ID/client/create" -H "Authorization: Bearer $API_SECRET" \
  -H 'Content-Type: application/json' -d '{"clientName":"bench","grantTypes":["CLIENT_CREDENTIALS"]}')
export CLIENT_ID=$(echo "$CLIENT" | json '["clientId"]') CLIENT_SECRET=$(echo "$CLIENT" | json '["clientSecret"]')
URL="$BASE/as/$SERVICE_ID/token"

# CPU seconds the server has used so far (user + system), to tell its own cost from the machine's noise
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$SERVER_PID/stat"; }
tokens() { wrk -t"$T" -c"$C" -d"${1}s" -s "$PEERS/wrk/cc.lua" "$URL" | grep RESULT; }
health() { python3 "$HERE/slow_clients.py" health 127.0.0.1 "$PORT" "$1" 20; }

echo "# warm-up 20 s"; tokens 20 >/dev/null

echo "# alone"
C0=$(cpu); health "$D" > "$DATA/health-alone" & HP=$!
ALONE=$(tokens "$D"); wait "$HP"; C1=$(cpu)
echo "tokens alone:        $ALONE"; echo "health alone:        $(cat "$DATA/health-alone")"
echo "server cpu alone:    $(python3 -c "print(round($C1 - $C0, 1))") s in ${D} s"

echo "# with $SLOW slow connections"
python3 "$HERE/slow_clients.py" trickle 127.0.0.1 "$PORT" "/as/$SERVICE_ID/token" "$SLOW" $((D + 15)) > "$DATA/trickle" &
TRICKLE_PID=$!
sleep 10   # let every slow connection open and start trickling
C0=$(cpu); health "$D" > "$DATA/health-slow" & HP=$!
SLOWED=$(tokens "$D"); wait "$HP"; C1=$(cpu)
wait "$TRICKLE_PID" || true; TRICKLE_PID=""
echo "tokens under attack: $SLOWED"; echo "health under attack: $(cat "$DATA/health-slow")"
echo "server cpu attacked: $(python3 -c "print(round($C1 - $C0, 1))") s in ${D} s"
echo "tricklers: $(cat "$DATA/trickle")"
echo "# server rss_mib=$(ps -o rss= -p "$SERVER_PID" | awk '{printf "%.0f", $1/1024}')"

RATIO=$(python3 -c "print(f'{float(\"$(echo "$SLOWED" | field rps)\") / float(\"$(echo "$ALONE" | field rps)\"):.2f}')")
P99=$(field p99_ms < "$DATA/health-slow")
echo
echo "throughput kept: $RATIO (goal >= 0.50); /health p99 under attack: $P99 ms (goal <= 100)"
