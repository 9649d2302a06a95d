#!/usr/bin/env bash
# A soak on PostgreSQL: one Grantsmith node started by bin/grantsmith with its default JVM options, on a fresh
# database of the local PostgreSQL (dropped afterwards), receives client_credentials requests at /as at a steady
# rate (SHARE of the maximum it reached in a short open-throttle run just before) for MINUTES minutes. Every minute
# it prints the rate served, p50, p99, errors, and the server's memory: resident set (RSS), the JVM's committed total
# by native memory tracking (when GRANTSMITH_JAVA_OPTS enables -XX:NativeMemoryTracking=summary; "-" otherwise),
# the heap's old generation used/committed (jstat) and the thread count, so a reader sees whether memory and latency
# stay flat and, if memory grows, where. A "start" row is taken after the warm-up and maximum runs, before the first
# steady minute. Loopback only; bounded (warm-up + maximum + MINUTES minutes).
#
# Usage: bench/soak.sh     Env: MINUTES (10) SHARE (0.65) RATE (tokens/s; overrides SHARE) THREADS (2) CONNS (50)
#        WARMUP (20s) PORT (18680) PGHOST (127.0.0.1) PGPORT (5432) PGUSER (postgres; trust authentication)
#        PEERS (../shared/peers) GRANTSMITH_JAVA_OPTS (added to bin/grantsmith's defaults)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PEERS=${PEERS:-$ROOT/../shared/peers}
MINUTES=${MINUTES:-10}; SHARE=${SHARE:-0.65}; T=${THREADS:-2}; C=${CONNS:-50}; W=${WARMUP:-20s}; PORT=${PORT:-18680}
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
BASE="http://127.0.0.1:$PORT"
DB="grantsmith_soak_$$"
ADMIN="soak-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
DATA=$(mktemp -d /tmp/grantsmith-soak.XXXXXX)
SERVER_PID=""
psql_() { psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -v ON_ERROR_STOP=1 -Atq "$@"; }
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  psql_ -d postgres -c "DROP DATABASE IF EXISTS $DB" || true
  rm -rf "$DATA"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }
command -v psql >/dev/null || { echo "needs psql (apt-get install -y postgresql-client)" >&2; exit 2; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
rss() { awk '$1 == "VmRSS:" {print int($2 / 1024)}' "/proc/$SERVER_PID/status"; }
threads() { awk '$1 == "Threads:" {print $2}' "/proc/$SERVER_PID/status"; }
# NMT's committed total in MiB, or "-" when native memory tracking is off
nmt() { jcmd "$SERVER_PID" VM.native_memory summary scale=KB 2>/dev/null \
  | awk '/^Total:/ {sub(/.*committed=/, ""); print int($1 / 1024); found=1} END {if (!found) print "-"}'; }
# old generation used/committed in MiB (jstat -gc columns OU and OC, in KB)
old_gen() { jstat -gc "$SERVER_PID" 2>/dev/null | awk 'NR == 1 {for (i = 1; i <= NF; i++) col[$i] = i}
  NR == 2 {printf "%d/%d", $col["OU"] / 1024, $col["OC"] / 1024}'; }
memory() { printf '%8s %8s %12s %7s' "$(rss)" "$(nmt)" "$(old_gen)" "$(threads)"; }
"$ROOT/bin/grantsmith" serve --help > /dev/null   # builds the jar and the class-data archive when missing or stale

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); PostgreSQL $(psql_ -d postgres -c 'SHOW server_version')"
echo "# calibration (start): openssl rsa2048 sign/s, 1 thread, 2 s: $(openssl speed -seconds 2 rsa2048 2>/dev/null | awk '/^rsa 2048/{print $6}')"
psql_ -d postgres -c "CREATE DATABASE $DB"
GRANTSMITH_ADMIN_TOKEN="$ADMIN" "$ROOT/bin/grantsmith" serve --port "$PORT" --data "$DATA" --store postgres \
  --db-url "jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" > "$DATA/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 150); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.2; done
curl -sf "$BASE/health" >/dev/null || { cat "$DATA/server.log"; exit 1; }
# bin/grantsmith execs java: the server's PID is the script's
echo "# server: $(tr '\0' ' ' < "/proc/$SERVER_PID/cmdline" | cut -c1-300)"
SERVICE=$(curl -sf -X POST "$BASE/api/service/create" -H "Authorization: Bearer $ADMIN" \
  -H 'Content-Type: application/json' -d '{"serviceName":"soak"}')
SERVICE_ID=$(echo "$SERVICE" | json '["apiKey"]'); API_SECRET=$(echo "$SERVICE" | json '["apiSecret"]')
CLIENT=$(curl -sf -X POST "$BASE/api/$SERVICE_ID/client/create" -H "Authorization: Bearer $API_SECRET" \
  -H 'Content-Type: application/json' -d '{"clientName":"soak","grantTypes":["CLIENT_CREDENTIALS"]}')
CLIENT_ID=$(echo "$CLIENT" | json '["clientId"]'); CLIENT_SECRET=$(echo "$CLIENT" | json '["clientSecret"]')
export CLIENT_ID CLIENT_SECRET
URL="$BASE/as/$SERVICE_ID/token"
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }

wrk -t"$T" -c"$C" -d"$W" -s "$PEERS/wrk/cc.lua" "$URL" > /dev/null
MAX=$(wrk -t"$T" -c"$C" -d15s -s "$PEERS/wrk/cc.lua" "$URL" | grep RESULT)
echo "# maximum (open throttle, 15 s): $MAX"
RATE=${RATE:-$(echo "$MAX" | field rps | awk -v s="$SHARE" '{printf "%d", $1 * s}')}
echo "# steady rate: $RATE tokens/s for $MINUTES minutes; wrk -t$T -c$C, one wrk run per minute"
printf '%-6s %10s %9s %9s %7s %8s %8s %12s %7s\n' minute tokens/s p50_ms p99_ms errors rss_mib nmt_mib old_gen_mib threads
printf '%-6s %10s %9s %9s %7s %s\n' start - - - - "$(memory)"
ROWS="$DATA/rows"
for minute in $(seq 1 "$MINUTES"); do
  line=$(CC_LUA="$PEERS/wrk/cc.lua" RATE="$RATE" THREADS="$T" wrk -t"$T" -c"$C" -d60s -s "$HERE/paced.lua" "$URL" | grep RESULT)
  errors=$(( $(echo "$line" | field non2xx_or_3xx) + $(echo "$line" | field errors_connect) + $(echo "$line" | field timeout) ))
  row=$(printf '%-6s %10s %9s %9s %7s %s' "$minute" "$(echo "$line" | field rps)" "$(echo "$line" | field p50_ms)" \
    "$(echo "$line" | field p99_ms)" "$errors" "$(memory)")
  echo "$row"; echo "$row" >> "$ROWS"
done
echo "# calibration (end): openssl rsa2048 sign/s, 1 thread, 2 s: $(openssl speed -seconds 2 rsa2048 2>/dev/null | awk '/^rsa 2048/{print $6}'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# access tokens in the database: $(psql_ -d "$DB" -c 'SELECT count(*) FROM access_tokens' 2>/dev/null || echo '?')"
echo "# error or exception lines in the server log: $(grep -c -i -E 'exception|error' "$DATA/server.log" || true)"
python3 - "$ROWS" <<'PY'
import sys
rows = [line.split() for line in open(sys.argv[1])]
first, last = rows[0], rows[-1]
print(f"# first minute: {float(first[1]):,.0f} tokens/s, p99 {first[3]} ms, RSS {first[5]} MiB; "
      f"last minute: {float(last[1]):,.0f} tokens/s, p99 {last[3]} ms, RSS {last[5]} MiB; "
      f"RSS max {max(int(r[5]) for r in rows)} MiB"
      + (f"; NMT committed {first[6]} -> {last[6]} MiB" if first[6] != "-" else ""))
PY
