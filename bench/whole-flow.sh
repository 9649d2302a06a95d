#!/usr/bin/env bash
# The whole authorization code flow with an existing browser session (silent authorization with prompt=none → code
# → token with PKCE, an ID token signed with RS256 or ES256), Grantsmith's built-in provider (/as/{id}/authorize,
# /as/{id}/token) beside node oidc-provider 9.13.3 (bench/whole-flow/provider-code.mjs), back to back in one sitting,
# driven by the same Node driver (bench/whole-flow/drive.mjs) at a fixed concurrency. Each side logs in once per
# phase (Grantsmith: its login page; oidc-provider: a scripted interaction route) and keeps the session cookie.
# Grantsmith stores on SQLite (durable, group commit); oidc-provider keeps everything in its in-memory adapter.
# Besides iterations/s, the script reads each server's CPU time (/proc) around the measured phase. Loopback only.
# Results: docs/BENCHMARKS.md.
#
# Usage: bench/whole-flow.sh   Env: CONCURRENCY (16) DURATION (10) WARMUP (30: the JIT needs it) RUNS (2) ALGS ("RS256 ES256")
#        PORT (18620, Grantsmith) NODE_PORT (18621, oidc-provider) JAVA (the server's java)
#        PEERS_WORK ($HOME/.cache/peers: oidc-provider's node_modules, installed from the npm registry once)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
C=${CONCURRENCY:-16}; D=${DURATION:-10}; W=${WARMUP:-30}; R=${RUNS:-2}; ALGS=${ALGS:-RS256 ES256}
PORT=${PORT:-18620}; NODE_PORT=${NODE_PORT:-18621}; JAVA=${JAVA:-java}
BASE="http://127.0.0.1:$PORT"; NODE_BASE="http://127.0.0.1:$NODE_PORT"
PEERS_WORK=${PEERS_WORK:-$HOME/.cache/peers}; PEER_DIR="$PEERS_WORK/oidc-provider-code"
ADMIN="bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
PASSWORD="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
DATA=$(mktemp -d /tmp/grantsmith-wholeflow.XXXXXX)
RESULTS=$DATA/results
SERVER_PID=""; NODE_PID=""

cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "$NODE_PID" ] && kill "$NODE_PID" 2>/dev/null && wait "$NODE_PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

command -v node >/dev/null || { echo "needs node (20 or newer)" >&2; exit 2; }
"$ROOT/bin/grantsmith" --version >/dev/null   # builds the jar when it is missing or stale
mkdir -p "$PEER_DIR"
cp "$HERE/whole-flow/package.json" "$HERE/whole-flow/provider-code.mjs" "$PEER_DIR/"
[ -d "$PEER_DIR/node_modules/oidc-provider" ] || (cd "$PEER_DIR" && npm install --no-audit --no-fund --loglevel=error)

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
calibration() {
  echo "# calibration ($1): openssl rsa2048 sign/s, 1 thread, 2 s: $(openssl speed -seconds 2 rsa2048 2>/dev/null \
    | awk '/^rsa 2048/{print $6}'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores; concurrency $C, ${W} s warm-up + ${D} s measured per run, $R runs"
echo "# Grantsmith on $("$JAVA" -version 2>&1 | head -1); oidc-provider 9.13.3 on node $(node -v)"
calibration start

GRANTSMITH_ADMIN_TOKEN="$ADMIN" "$JAVA" ${GRANTSMITH_JAVA_OPTS:-} -jar "$ROOT/grantsmith-server/target/grantsmith.jar" \
  serve --port "$PORT" --data "$DATA/grantsmith" > "$DATA/server.log" 2>&1 &
SERVER_PID=$!
(cd "$PEER_DIR" && exec env NODE_ENV=production PORT="$NODE_PORT" node provider-code.mjs) > "$DATA/node.log" 2>&1 &
NODE_PID=$!
for _ in $(seq 1 100); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.2; done
curl -sf "$BASE/health" >/dev/null || { cat "$DATA/server.log"; exit 1; }
for _ in $(seq 1 50); do curl -sf "$NODE_BASE/.well-known/openid-configuration" >/dev/null && break; sleep 0.2; done
curl -sf "$NODE_BASE/.well-known/openid-configuration" >/dev/null || { cat "$DATA/node.log"; exit 1; }

SERVICE=$(curl -sf -X POST "$BASE/api/service/create" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"serviceName":"bench","supportedScopes":[{"name":"openid"}],"supportedGrantTypes":["AUTHORIZATION_CODE"]}')
SERVICE_ID=$(echo "$SERVICE" | json '["apiKey"]'); API_SECRET=$(echo "$SERVICE" | json '["apiSecret"]')
curl -sf -X POST "$BASE/api/$SERVICE_ID/user/create" -H "Authorization: Bearer $API_SECRET" \
  -H 'Content-Type: application/json' -d '{"username":"alice","password":"'"$PASSWORD"'"}' >/dev/null
declare -A CLIENT_IDS CLIENT_SECRETS
for alg in $ALGS; do
  [ "$alg" = RS256 ] || curl -sf -X POST "$BASE/api/$SERVICE_ID/service/keys/rotate?alg=$alg" \
    -H "Authorization: Bearer $API_SECRET" >/dev/null
  CLIENT=$(curl -sf -X POST "$BASE/api/$SERVICE_ID/client/create" -H "Authorization: Bearer $API_SECRET" \
    -H 'Content-Type: application/json' -d '{"clientName":"bench-'"$alg"'","grantTypes":["AUTHORIZATION_CODE"],
      "responseTypes":["CODE"],"redirectUris":["https://client.example/cb"],"idTokenSignAlg":"'"$alg"'"}')
  CLIENT_IDS[$alg]=$(echo "$CLIENT" | json '["clientId"]'); CLIENT_SECRETS[$alg]=$(echo "$CLIENT" | json '["clientSecret"]')
done

# drive PEER ALG: one warm-up and one measured phase
drive() {
  local peer=$1 alg=$2
  if [ "$peer" = grantsmith ]; then
    CLIENT_SECRET="${CLIENT_SECRETS[$alg]}" PASSWORD="$PASSWORD" node "$HERE/whole-flow/drive.mjs" --peer grantsmith \
      --authorize "$BASE/as/$SERVICE_ID/authorize" --token "$BASE/as/$SERVICE_ID/token" --client-id "${CLIENT_IDS[$alg]}" \
      --concurrency "$C" --warmup "$W" --duration "$D" --server-pid "$SERVER_PID"
  else
    CLIENT_SECRET=bench-secret node "$HERE/whole-flow/drive.mjs" --peer oidc-provider --authorize "$NODE_BASE/auth" \
      --token "$NODE_BASE/token" --client-id "code-$alg" --concurrency "$C" --warmup "$W" --duration "$D" \
      --server-pid "$NODE_PID"
  fi
}

for round in $(seq 1 "$R"); do
  for alg in $ALGS; do
    for peer in grantsmith oidc-provider; do
      out=$(drive "$peer" "$alg")
      echo "$out" | grep -v 'phase=measured' | sed "s/^/# $peer $alg /"
      line=$(echo "$out" | grep 'phase=measured')
      echo "$peer $alg round $round: $line"
      echo "$peer-$alg round=$round $line" >> "$RESULTS"
    done
  done
done
echo "# rss_mib grantsmith=$(ps -o rss= -p "$SERVER_PID" | awk '{printf "%.0f", $1/1024}') oidc-provider=$(ps -o rss= -p "$NODE_PID" | awk '{printf "%.0f", $1/1024}')"
calibration end

echo
echo "## summary (median of rounds)"
python3 - "$RESULTS" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, rest = line.split(" ", 1)
    rows.setdefault(name, []).append({k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", rest)})
med = {}
for name, runs in rows.items():
    rps = statistics.median(r["rps"] for r in runs)
    per_cpu = statistics.median(r["iterations"] / r["server_cpu_s"] for r in runs if r["server_cpu_s"] > 0)
    med[name] = (rps, per_cpu)
    print(f"{name:20s} {rps:>8,.0f} flows/s (rounds: {', '.join(format(r['rps'], ',.0f') for r in runs)})"
          f"   {per_cpu:>7,.0f} flows per server CPU-s   p50 {statistics.median(r['p50_ms'] for r in runs):.1f} ms"
          f"  p99 {statistics.median(r['p99_ms'] for r in runs):.1f} ms   errors {sum(r['errors'] for r in runs):.0f}")
for name in med:
    if name.startswith("grantsmith-"):
        peer = "oidc-provider-" + name.split("-", 1)[1]
        if peer in med:
            print(f"{name.split('-', 1)[1]}: Grantsmith / oidc-provider = {med[name][0] / med[peer][0]:.2f} (flows/s), "
                  f"{med[name][1] / med[peer][1]:.2f} (flows per server CPU-s)")
PY
