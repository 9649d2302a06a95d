#!/usr/bin/env bash
# Benchmarks Grantsmith's client_credentials token endpoints on its durable SQLite store against a no-op route of
# the same HTTP stack and against node oidc-provider (opaque tokens), back to back in one sitting, and prints
# req/s, p50, p99 and the ratios. Loopback only. Results belong in docs/BENCHMARKS.md with the calibration line.
#
# Usage: bench/run.sh            Env: THREADS (2) CONNS (50) DURATION (20s) WARMUP (30s) RUNS (2) PORT (18600)
#        JAVA (java binary to run the server on; e.g. $TEMURIN25_HOME/bin/java) SKIP_PEER=1 (Grantsmith only)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PEERS=${PEERS:-$ROOT/../shared/peers}
T=${THREADS:-2}; C=${CONNS:-50}; D=${DURATION:-20s}; W=${WARMUP:-30s}; R=${RUNS:-2}; PORT=${PORT:-18600}
JAVA=${JAVA:-java}
BASE="http://127.0.0.1:$PORT"
ADMIN="bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
DATA=$(mktemp -d /tmp/grantsmith-bench.XXXXXX)
SERVER_PID=""
RESULTS=$(mktemp)
WARMUPS=$(mktemp)

cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA" "$RESULTS" "$WARMUPS"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }
"$ROOT/bin/grantsmith" --version >/dev/null   # builds the jar when it is missing or stale

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }

# run NAME LUA URL: a warm-up, then RUNS measured runs; keeps every RESULT line tagged with NAME
run() {
  local name=$1 script=$2 url=$3
  echo "# $name: warm-up $W"
  CHECK=1 wrk -t"$T" -c"$C" -d"$W" -s "$script" "$url" 2>&1 | grep -E 'RESULT|non-200|unexpected' \
    | tee >(grep RESULT | sed "s/^/$name /" >> "$WARMUPS") | sed 's/^/#   /' || true
  for i in $(seq 1 "$R"); do
    sleep 1
    local line
    line=$(wrk -t"$T" -c"$C" -d"$D" -s "$script" "$url" | grep RESULT)
    echo "$name run $i: $line"
    echo "$name $line" >> "$RESULTS"
  done
}

echo "# $(date -u +%FT%TZ) $(nproc) cores; wrk -t$T -c$C -d$D; server JVM: $("$JAVA" -version 2>&1 | head -1)"
echo "# calibration: openssl rsa2048 sign/s, 1 thread, 2 s: $(openssl speed -seconds 2 rsa2048 2>/dev/null | awk '/^rsa 2048/{print $6}')"

GRANTSMITH_ADMIN_TOKEN="$ADMIN" "$JAVA" ${GRANTSMITH_JAVA_OPTS:-} -jar "$ROOT/grantsmith-server/target/grantsmith.jar" \
  serve --port "$PORT" --data "$DATA" --bench-noop-route > "$DATA/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.2; done
curl -sf "$BASE/health" >/dev/null || { cat "$DATA/server.log"; exit 1; }

SERVICE=$(curl -sf -X POST "$BASE/api/service/create" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' -d '{"serviceName":"bench"}')
SERVICE_ID=$(echo "$SERVICE" | json '["apiKey"]'); API_SECRET=$(echo "$SERVICE" | json '["apiSecret"]')
CLIENT=$(curl -sf -X POST "$BASE/api/$SERVICE_ID/client/create" -H "Authorization: Bearer $API_SECRET" \
  -H 'Content-Type: application/json' -d '{"clientName":"bench","grantTypes":["CLIENT_CREDENTIALS"]}')
export CLIENT_ID=$(echo "$CLIENT" | json '["clientId"]') CLIENT_SECRET=$(echo "$CLIENT" | json '["clientSecret"]')
export API_TOKEN="$API_SECRET"

run grantsmith-as "$PEERS/wrk/cc.lua" "$BASE/as/$SERVICE_ID/token"
run grantsmith-api "$HERE/api.lua" "$BASE/api/$SERVICE_ID/auth/token"
run noop-same-stack "$PEERS/wrk/cc.lua" "$BASE/bench/noop"
echo "# server rss_mib=$(ps -o rss= -p "$SERVER_PID" | awk '{printf "%.0f", $1/1024}')"

# Durability check: every 200 the token endpoints sent must be a row in the database, and no other row.
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
ROWS=$(python3 -c "import sqlite3; print(sqlite3.connect('$DATA/grantsmith.db').execute('select count(*) from access_tokens').fetchone()[0])")
SENT=$(cat "$RESULTS" "$WARMUPS" | grep -E '^grantsmith-(as|api) ' | python3 -c "
import re, sys
print(sum(int(re.search(r'requests=(\d+)', l)[1]) - int(re.search(r'non2xx_or_3xx=(\d+)', l)[1]) for l in sys.stdin))")
echo "# access_tokens rows: $ROWS; 200 responses counted by wrk (warm-ups included): $SENT"
[ "$ROWS" -ge "$SENT" ] || echo "# WARNING: fewer rows than acknowledged tokens"

if [ "${SKIP_PEER:-0}" != 1 ]; then
  export CLIENT_ID=bench-client CLIENT_SECRET=bench-secret
  "$PEERS/oidc-provider/start.sh" opaque | sed 's/^/# /'
  run oidc-provider-opaque "$PEERS/wrk/cc.lua" "http://127.0.0.1:3000/token"
  "$PEERS/oidc-provider/stop.sh" >/dev/null
fi

echo
echo "## summary (median of runs)"
python3 - "$RESULTS" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, rest = line.split(" ", 1)
    values = dict(re.findall(r"(\w+)=([\d.]+)", rest))
    rows.setdefault(name, []).append(values)
med = {n: {k: statistics.median(float(v[k]) for v in vs) for k in ("rps", "p50_ms", "p99_ms", "non2xx_or_3xx")} for n, vs in rows.items()}
for n, m in med.items():
    print(f"{n:24s} {m['rps']:>10,.0f} req/s   p50 {m['p50_ms']:.2f} ms   p99 {m['p99_ms']:.2f} ms   non-2xx {m['non2xx_or_3xx']:.0f}")
def ratio(a, b):
    if a in med and b in med:
        print(f"{a} / {b} = {med[a]['rps'] / med[b]['rps']:.2f}")
print()
ratio("grantsmith-as", "noop-same-stack"); ratio("grantsmith-api", "noop-same-stack")
ratio("grantsmith-as", "oidc-provider-opaque"); ratio("grantsmith-api", "oidc-provider-opaque")
PY
