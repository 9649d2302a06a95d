#!/usr/bin/env bash
# Benchmarks the token step of the authorization code flow (code + PKCE -> access token + ID token) at
# POST /api/{serviceId}/auth/token with RS256, ES256 and EdDSA service keys, beside the raw signing throughput of the
# same JDK measured in the same sitting (SigningThroughput, the signing bench's raw JCA/Tink loop), and beside the raw
# signing throughput of the native provider the server signs with (jose-provider auto: ACCP for RSA and ECDSA).
#
# Codes are single use: before every measured run, bench/mint-codes.mjs mints a pool of codes over HTTP
# (/auth/authorization + /auth/authorization/issue, the calls an authorization server makes around a login), sized
# from the previous run's rate; then wrk (bench/code.lua) redeems one code per request. Minting is not measured.
# Besides req/s, the script reads the server's CPU time (utime+stime from /proc) around every measured run: tokens per
# second of server CPU against raw signatures per second of CPU is the comparison that holds on a shared, loaded
# machine (wrk's own CPU and the neighbours' are not the server's). Loopback only. Results: docs/BENCHMARKS.md.
#
# Usage: bench/code-flow.sh   Env: THREADS (2) CONNS (50) DURATION (10s) WARMUP (30s: shorter leaves the JIT compiling in the measured runs) RUNS (2) PORT (18610)
#        ALGS ("RS256 ES256 EdDSA") JAVA (java binary for the server and the raw signing loop)
#        PROFILER (path to async-profiler's libasyncProfiler.so: profiles every measured run into PROFILE_DIR,
#        default ./code-flow-profiles; PROFILE_EVENT cpu (default), itimer or alloc)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
export THREADS=${THREADS:-2}
C=${CONNS:-50}; D=${DURATION:-10s}; W=${WARMUP:-30s}; R=${RUNS:-2}; PORT=${PORT:-18610}
ALGS=${ALGS:-RS256 ES256 EdDSA}
JAVA=${JAVA:-java}
BASE="http://127.0.0.1:$PORT"
ADMIN="bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
DATA=$(mktemp -d /tmp/grantsmith-codebench.XXXXXX)
RESULTS=$DATA/results
SERVER_PID=""
export REDIRECT_URI="https://client.example/cb"
export VERIFIER="dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
CHALLENGE="E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"

cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }
command -v node >/dev/null || { echo "needs node (20 or newer)" >&2; exit 2; }
"$ROOT/bin/grantsmith" --version >/dev/null   # builds the jar when it is missing or stale

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
seconds() { echo "${1%s}"; }
cpu_ticks() { awk '{print $14, $15}' "/proc/$SERVER_PID/stat"; }   # utime stime of the whole JVM (all threads)

calibration() {
  echo "# calibration ($1): openssl rsa2048 sign/s, 1 thread, 2 s: $(openssl speed -seconds 2 rsa2048 2>/dev/null \
    | awk '/^rsa 2048/{print $6}'); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# raw signing, same JDK: the signing bench's raw loop (per second of one thread's CPU), one warm-up and one round
raw_signing() {
  local classpath_file cp
  classpath_file=$(mktemp)
  mvn -B -o -q -pl grantsmith-jose -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$classpath_file" -f "$ROOT/pom.xml" >/dev/null
  cp="$ROOT/grantsmith-jose/target/test-classes:$ROOT/grantsmith-jose/target/classes:$ROOT/grantsmith-core/target/classes"
  cp="$cp:$ROOT/grantsmith-api/target/classes:$(cat "$classpath_file")"
  rm -f "$classpath_file"
  "$JAVA" -cp "$cp" io.grantsmith.jose.bench.SigningThroughput 2000 1 | tee >(grep '^round' | sed "s/^/$1 /" >> "$RESULTS.raw") \
    | sed 's/^/# /'
}

echo "# $(date -u +%FT%TZ) $(nproc) cores; wrk -t$THREADS -c$C -d$D; JVM: $("$JAVA" -version 2>&1 | head -1)"
calibration start
raw_signing start

GRANTSMITH_ADMIN_TOKEN="$ADMIN" "$JAVA" ${GRANTSMITH_JAVA_OPTS:-} -jar "$ROOT/grantsmith-server/target/grantsmith.jar" \
  serve --port "$PORT" --data "$DATA" > "$DATA/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.2; done
curl -sf "$BASE/health" >/dev/null || { cat "$DATA/server.log"; exit 1; }

SERVICE=$(curl -sf -X POST "$BASE/api/service/create" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"serviceName":"bench","supportedScopes":[{"name":"openid"}],"supportedGrantTypes":["AUTHORIZATION_CODE"],"authorizationCodeDuration":3600}')
SERVICE_ID=$(echo "$SERVICE" | json '["apiKey"]'); API_SECRET=$(echo "$SERVICE" | json '["apiSecret"]')
export API_TOKEN="$API_SECRET"
declare -A CLIENT_IDS CLIENT_SECRETS
for alg in $ALGS; do
  # a new service has an RS256 key; rotating an algorithm it has no key for adds a current one
  [ "$alg" = RS256 ] || curl -sf -X POST "$BASE/api/$SERVICE_ID/service/keys/rotate?alg=$alg" \
    -H "Authorization: Bearer $API_SECRET" >/dev/null
  CLIENT=$(curl -sf -X POST "$BASE/api/$SERVICE_ID/client/create" -H "Authorization: Bearer $API_SECRET" \
    -H 'Content-Type: application/json' -d '{"clientName":"bench-'"$alg"'","grantTypes":["AUTHORIZATION_CODE"],
      "responseTypes":["CODE"],"redirectUris":["'"$REDIRECT_URI"'"],"idTokenSignAlg":"'"$alg"'"}')
  CLIENT_IDS[$alg]=$(echo "$CLIENT" | json '["clientId"]'); CLIENT_SECRETS[$alg]=$(echo "$CLIENT" | json '["clientSecret"]')
done

# mint ALG COUNT: a fresh pool of codes for the client of ALG
mint() {
  node "$HERE/mint-codes.mjs" "$BASE" "$SERVICE_ID" "$API_SECRET" "${CLIENT_IDS[$1]}" "$REDIRECT_URI" "$CHALLENGE" \
    "$2" "$DATA/codes-$1" 128 | sed "s/^/# $1 pool: /"
}

# redeem ALG [wrk args...]
redeem() {
  local alg=$1; shift
  CODES="$DATA/codes-$alg" CLIENT_ID="${CLIENT_IDS[$alg]}" CLIENT_SECRET="${CLIENT_SECRETS[$alg]}" \
    wrk -t"$THREADS" -c"$C" "$@" -s "$HERE/code.lua" "$BASE/api/$SERVICE_ID/auth/token"
}

# profile NAME start|stop: async-profiler, loaded into the server by bench/AgentLoad.java, around one measured run
PROFILE_DIR=${PROFILE_DIR:-$PWD/code-flow-profiles}
profile() {
  [ -n "${PROFILER:-}" ] || return 0
  if [ "$2" = start ]; then
    mkdir -p "$PROFILE_DIR"
    "$JAVA" "$HERE/AgentLoad.java" "$SERVER_PID" "$PROFILER" \
      "start,event=${PROFILE_EVENT:-cpu},interval=${PROFILE_INTERVAL:-1ms}" >/dev/null
  else
    "$JAVA" "$HERE/AgentLoad.java" "$SERVER_PID" "$PROFILER" "stop,file=$PROFILE_DIR/$1.collapsed,collapsed" >/dev/null
    echo "# profile: $PROFILE_DIR/$1.collapsed"
  fi
}

# tokens per second that a RESULT line accepted: a warm-up that ran out of codes answers refusals fast, and
# sizing the next pool from its raw rate would mint several times too many codes
accepted_rate() {
  python3 -c "import re,sys; r=dict((k,float(v)) for k,v in re.findall(r'(\w+)=([\d.]+)', sys.argv[1])); \
print(round((r['requests'] - r['refused']) / r['duration_s'], 1))" "$1"
}

declare -A RATE
for alg in $ALGS; do
  # the warm-up's pool: enough for about 800 tokens/s (a thread out of codes sends invalid_grants, counted as
  # exhausted); its rate sizes the first measured run's pool
  mint "$alg" $((800 * $(seconds "$W")))
  echo "# $alg: warm-up $W"
  line=$(CHECK=1 redeem "$alg" -d"$W" 2> >(sed 's/^/#   /' >&2) | grep RESULT)
  echo "#   $line"
  RATE[$alg]=$(accepted_rate "$line")
done
for round in $(seq 1 "$R"); do
  for alg in $ALGS; do
    # the last run's rate with room to spare: a run that runs out of codes counts its refused answers, but its
    # tokens/s then undercounts
    mint "$alg" "$(python3 -c "print(int(${RATE[$alg]} * $(seconds "$D") * 2.5) + 2000)")"
    sleep 1
    profile "$alg-$round" start
    read -r user0 sys0 <<< "$(cpu_ticks)"
    line=$(redeem "$alg" -d"$D" | grep RESULT)
    read -r user1 sys1 <<< "$(cpu_ticks)"
    profile "$alg-$round" stop
    cpu=$(python3 -c "t=$(getconf CLK_TCK); print(f'server_cpu_s={($user1-$user0+$sys1-$sys0)/t:.2f} server_sys_s={($sys1-$sys0)/t:.2f}')")
    echo "$alg round $round: $line $cpu"
    echo "$alg round=$round $line $cpu" >> "$RESULTS"
    RATE[$alg]=$(accepted_rate "$line")
  done
done
echo "# server rss_mib=$(ps -o rss= -p "$SERVER_PID" | awk '{printf "%.0f", $1/1024}')"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
raw_signing end
calibration end

echo
echo "## summary (median of rounds; raw = mean of the start and end raw loops, per second of one thread's CPU)"
python3 - "$RESULTS" "$RESULTS.raw" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, rest = line.split(" ", 1)
    rows.setdefault(name, []).append({k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", rest)})
raw, native = {}, {}
for line in open(sys.argv[2]):
    m = re.search(r"round \d+ (\S+)\s+raw\s+(\d+)/s\s+native\s+(\d+)/s", line)
    if not m:
        continue  # the JOSE plumbing line
    raw.setdefault(m[1], []).append(float(m[2]))
    native.setdefault(m[1], []).append(float(m[3]))
for alg, runs in rows.items():
    tps = [(r["requests"] - r["refused"]) / r["duration_s"] for r in runs]
    rps = statistics.median(tps)
    per_cpu = [(r["requests"] - r["refused"]) / r["server_cpu_s"] for r in runs]
    sys_share = statistics.median(r["server_sys_s"] / r["server_cpu_s"] for r in runs)
    limit = statistics.mean(raw[alg])
    print(f"{alg:6s} {rps:>8,.0f} tokens/s (rounds: {', '.join(format(x, ',.0f') for x in tps)})"
          f"   p50 {statistics.median(r['p50_ms'] for r in runs):.1f} ms  p99 {statistics.median(r['p99_ms'] for r in runs):.1f} ms"
          f"   refused {sum(r['refused'] for r in runs):.0f}  exhausted {sum(r['exhausted'] for r in runs):.0f}")
    print(f"       {statistics.median(per_cpu):>8,.0f} tokens per server CPU-second (rounds: {', '.join(f'{x:,.0f}' for x in per_cpu)})"
          f"   raw signing {limit:,.0f}/CPU-s (start, end: {', '.join(f'{x:,.0f}' for x in raw[alg])})"
          f"   ratio {statistics.median(per_cpu) / limit:.2f}   kernel share of server CPU {sys_share:.0%}")
    native_limit = statistics.mean(native[alg])
    print(f"       native raw signing {native_limit:,.0f}/CPU-s (start, end: {', '.join(f'{x:,.0f}' for x in native[alg])})"
          f"   ratio to native {statistics.median(per_cpu) / native_limit:.2f}")
PY
