#!/usr/bin/env bash
# Benchmarks Grantsmith's client_credentials token endpoints on its durable SQLite store against a no-op route of
# the same HTTP stack and against node oidc-provider (opaque tokens) in one sitting, and prints req/s, p50, p99 and
# the ratios. The measured runs are interleaved (one run of every target per round), so that the machine's drift
# during the sitting falls on all targets alike. Loopback only. Results belong in docs/BENCHMARKS.md with the
# calibration lines printed at the start and the end.
#
# Usage: bench/run.sh            Env: THREADS (2) CONNS (50) DURATION (20s) WARMUP (30s) RUNS (3: rounds of measured runs) PORT (18600)
#        JAVA (java binary to run the server on; e.g. $TEMURIN25_HOME/bin/java) SKIP_PEER=1 (Grantsmith only)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PEERS=${PEERS:-$ROOT/../shared/peers}
T=${THREADS:-2}; C=${CONNS:-50}; D=${DURATION:-20s}; W=${WARMUP:-30s}; R=${RUNS:-3}; PORT=${PORT:-18600}
JAVA=${JAVA:-java}
BASE="http://127.0.0.1:$PORT"
ADMIN="bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
DATA=$(mktemp -d /tmp/grantsmith-bench.XXXXXX)
SERVER_PID=""
PEER_STARTED=0
RESULTS=$(mktemp)
WARMUPS=$(mktemp)

cleanup() {
  [ "$PEER_STARTED" = 1 ] && { "$PEERS/oidc-provider/stop.sh" >/dev/null 2>&1 || true; }
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA" "$RESULTS" "$WARMUPS"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }
"$ROOT/bin/grantsmith" --version >/dev/null   # builds the jar when it is missing or stale

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }

# Targets: NAME LUA URL CLIENT_ID CLIENT_SECRET, one per line, filled in below.
TARGETS=()

# wrk_on TARGET [wrk args...]: wrk against a target, with its client credentials in the environment
wrk_on() {
  local name script url id secret
  read -r name script url id secret <<< "$1"; shift
  CLIENT_ID="$id" CLIENT_SECRET="$secret" wrk -t"$T" -c"$C" "$@" -s "$script" "$url"
}

warm() {
  local name=${1%% *}
  echo "# $name: warm-up $W"
  CHECK=1 wrk_on "$1" -d"$W" 2>&1 | grep -E 'RESULT|non-200|unexpected' \
    | tee >(grep RESULT | sed "s/^/$name /" >> "$WARMUPS") | sed 's/^/#   /' || true
}

# measure TARGET ROUND: one measured run; keeps its RESULT line tagged with the target's name
measure() {
  local name=${1%% *} line
  sleep 1
  line=$(wrk_on "$1" -d"$D" | grep RESULT)
  echo "$name round $2: $line"
  echo "$name round=$2 $line" >> "$RESULTS"
}

calibration() {
  echo "# calibration ($1): openssl rsa2048 sign/s, 1 thread, 2 s: $(openssl speed -seconds 2 rsa2048 2>/dev/null | awk '/^rsa 2048/{print $6}')"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores; wrk -t$T -c$C -d$D; server JVM: $("$JAVA" -version 2>&1 | head -1)"
calibration start

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
CLIENT_ID=$(echo "$CLIENT" | json '["clientId"]'); CLIENT_SECRET=$(echo "$CLIENT" | json '["clientSecret"]')
export API_TOKEN="$API_SECRET"

TARGETS+=("grantsmith-as $PEERS/wrk/cc.lua $BASE/as/$SERVICE_ID/token $CLIENT_ID $CLIENT_SECRET")
TARGETS+=("grantsmith-api $HERE/api.lua $BASE/api/$SERVICE_ID/auth/token $CLIENT_ID $CLIENT_SECRET")
TARGETS+=("noop-same-stack $PEERS/wrk/cc.lua $BASE/bench/noop $CLIENT_ID $CLIENT_SECRET")
if [ "${SKIP_PEER:-0}" != 1 ]; then
  "$PEERS/oidc-provider/start.sh" opaque | sed 's/^/# /'
  PEER_STARTED=1
  TARGETS+=("oidc-provider-opaque $PEERS/wrk/cc.lua http://127.0.0.1:3000/token bench-client bench-secret")
fi

for target in "${TARGETS[@]}"; do warm "$target"; done
for round in $(seq 1 "$R"); do
  for target in "${TARGETS[@]}"; do measure "$target" "$round"; done
done
echo "# server rss_mib=$(ps -o rss= -p "$SERVER_PID" | awk '{printf "%.0f", $1/1024}')"
calibration end

# Durability check: every 200 the token endpoints sent must be a row in the database, and no other row.
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
ROWS=$(python3 -c "import sqlite3; print(sqlite3.connect('$DATA/grantsmith.db').execute('select count(*) from access_tokens').fetchone()[0])")
SENT=$(cat "$RESULTS" "$WARMUPS" | grep -E '^grantsmith-(as|api) ' | python3 -c "
import re, sys
print(sum(int(re.search(r'requests=(\d+)', l)[1]) - int(re.search(r'non2xx_or_3xx=(\d+)', l)[1]) for l in sys.stdin))")
echo "# access_tokens rows: $ROWS; 200 responses counted by wrk (warm-ups included): $SENT"
[ "$ROWS" -ge "$SENT" ] || echo "# WARNING: fewer rows than acknowledged tokens"

echo
echo "## summary (median of rounds)"
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
    # per round, then the median: a round's targets ran minutes apart at most, so drift cancels out
    if a not in rows or b not in rows:
        return
    by_round = lambda n: {v["round"]: float(v["rps"]) for v in rows[n]}
    ra, rb = by_round(a), by_round(b)
    per_round = [ra[r] / rb[r] for r in sorted(ra, key=float) if r in rb]
    rounds = "  ".join(f"{x:.2f}" for x in per_round)
    print(f"{a} / {b} = {statistics.median(per_round):.2f}   (per round: {rounds})")
print()
ratio("grantsmith-as", "noop-same-stack"); ratio("grantsmith-api", "noop-same-stack")
ratio("grantsmith-as", "oidc-provider-opaque"); ratio("grantsmith-api", "oidc-provider-opaque")
PY
