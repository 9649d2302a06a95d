#!/usr/bin/env bash
# Benchmarks Grantsmith's client_credentials token endpoints on its durable SQLite store against a no-op route of
# the same HTTP stack and against node oidc-provider (opaque tokens) in one sitting, and prints req/s, p50, p99 and
# the ratios. The measured runs are interleaved (one run of every target per round), so that the machine's drift
# during the sitting falls on all targets alike. Loopback only. Results belong in docs/BENCHMARKS.md with the
# calibration lines printed at the start and the end.
#
# With PG=1 the same rounds also measure `/as` on PostgreSQL: one node (`pg1-as`) and two nodes on the same fresh
# database behind HAProxy with deploy/haproxy.cfg (`pg2-haproxy-as`). After the rounds, a fixed-rate run at FIXED_SHARE
# of each FIXED_TARGETS' measured maximum (bench/FixedRate.java, open loop: a ramp over FIXED_RAMP, a steady warm-up of
# FIXED_WARMUP, then DURATION measured) reports its p99, FIXED_ROUNDS times, interleaved; each leaves a timeline of the
# run (sent, answered, backlog and p99 per second, the writer's batches and GC pauses from /metrics) in OUT.
# The servers run with bin/grantsmith's default JVM options (heap, collector, native-heap trim; not its class-data
# archive, which only shortens start-up) plus GRANTSMITH_JAVA_OPTS, and log their collections to OUT/gc-*.log.
# Every sitting leaves its results and an SVG chart of them (bench/sitting.py) in OUT.
#
# Usage: bench/run.sh            Env: THREADS (2) CONNS (50) DURATION (20s) WARMUP (30s) RUNS (3: rounds of measured runs) PORT (18600)
#        JAVA (java binary to run the server on; e.g. $TEMURIN25_HOME/bin/java) SKIP_PEER=1 (Grantsmith only)
#        PG=1 (PostgreSQL targets; PG_HOST 127.0.0.1, PG_PORT 5432, PG_USER postgres, trust or PGPASSWORD; a database
#        grantsmith_bench_<pid> is created and dropped) DB_POOL_SIZE (the nodes' db-pool-size; server default)
#        PG_NODE_OPTS (more `serve` options for the PostgreSQL nodes) PG_DB_SETTINGS (e.g. "commit_delay=100": set
#        on the bench database with ALTER DATABASE before the nodes start) FIXED_SHARE (0.8; 0 skips the fixed-rate runs)
#        FIXED_TARGETS ("grantsmith-as pg1-as"; noop-same-stack runs at grantsmith-as's rate) FIXED_RAMP (5: seconds from 0 to the rate) FIXED_WARMUP (10: seconds at
#        the rate before the measured DURATION) FIXED_ROUNDS (1) ONLY (names of the targets to measure; default all)
#        PG_NODE1_OPTS (more `serve` options for node 1 only, e.g. PG_NODE1_OPTS="--db-writer group");
#        PG_NODE2_OPTS (more `serve` options for node 2 only: with them node 2 is also measured alone, `pg-node2-as`,
#        so that a setting is compared with node 1's in the same rounds, e.g. PG_NODE2_OPTS="--db-pool-size 32")
#        OUT (/tmp/grantsmith-sitting-<time>: the sitting's results and chart.svg)
#        JAR (the server jar to run instead of this checkout's build, e.g. a copy kept for an A/B of two builds)
#        GRANTSMITH_JAVA_OPTS (after bin/grantsmith's defaults: later options win) JVM_DEFAULTS=0 (the JVM's own
#        defaults instead of bin/grantsmith's, as sittings before 2026-12-04 ran)
#        PG_NODE2_JAR (the jar of PostgreSQL node 2 only: with PG_NODE2_OPTS, an A/B of two builds in the same rounds,
#        e.g. PG_NODE2_JAR=/tmp/main.jar PG_NODE1_OPTS="--db-writer group" PG_NODE2_OPTS="--db-writer group")
#        PG_NODE1_JAVA_OPTS, PG_NODE2_JAVA_OPTS (more JVM options for node 1 or node 2 only, after the others; with
#        PG_NODE2_JAVA_OPTS node 2 is also measured alone, as with PG_NODE2_OPTS: an A/B of a system property, e.g.
#        PG_NODE1_JAVA_OPTS="-Dgrantsmith.writer.lingerMicros=0" PG_NODE2_JAVA_OPTS="-Dgrantsmith.writer.lingerMicros=1000")
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PEERS=${PEERS:-$ROOT/../shared/peers}
T=${THREADS:-2}; C=${CONNS:-50}; D=${DURATION:-20s}; W=${WARMUP:-30s}; R=${RUNS:-3}; PORT=${PORT:-18600}
JAVA=${JAVA:-java}
JAR=${JAR:-}
PG=${PG:-0}; PG_HOST=${PG_HOST:-127.0.0.1}; PG_PORT=${PG_PORT:-5432}; PG_USER=${PG_USER:-postgres}
FIXED_SHARE=${FIXED_SHARE:-0.8}; FIXED_TARGETS=${FIXED_TARGETS:-grantsmith-as pg1-as}
FIXED_RAMP=${FIXED_RAMP:-5}; FIXED_WARMUP=${FIXED_WARMUP:-10}; FIXED_ROUNDS=${FIXED_ROUNDS:-1}
BASE="http://127.0.0.1:$PORT"
ADMIN="bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
DATA=$(mktemp -d /tmp/grantsmith-bench.XXXXXX)
OUT=${OUT:-/tmp/grantsmith-sitting-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
SERVER_PID=""
PG_PIDS=()   # the PostgreSQL nodes and HAProxy
PG_DB=""
PEER_STARTED=0
RESULTS="$OUT/rounds.txt"     # NAME round=N RESULT ...
WARMUPS="$OUT/warmups.txt"    # NAME RESULT ...
FIXED="$OUT/fixed.txt"        # NAME share=S round=N RESULT ... (bench/FixedRate.java; OUT/timeline-NAME-N.txt)
META="$OUT/meta.txt"          # key=value: what the chart's title says about the sitting
: > "$RESULTS"; : > "$WARMUPS"; : > "$FIXED"; : > "$META"

pg_sql() { psql -qAt -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"; }

cleanup() {
  [ "$PEER_STARTED" = 1 ] && { "$PEERS/oidc-provider/stop.sh" >/dev/null 2>&1 || true; }
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  for pid in "${PG_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PG_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -n "$PG_DB" ] && { pg_sql -d postgres -c "DROP DATABASE IF EXISTS $PG_DB" || true; }
  rm -rf "$DATA"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }
if [ "$PG" = 1 ]; then
  for tool in psql haproxy; do command -v "$tool" >/dev/null || { echo "PG=1 needs $tool" >&2; exit 2; }; done
fi
if [ -z "$JAR" ]; then
  "$ROOT/bin/grantsmith" --version >/dev/null   # builds the jar when it is missing or stale
  JAR="$ROOT/grantsmith-server/target/grantsmith.jar"
fi

# The servers' JVM options: bin/grantsmith's defaults (its GRANTSMITH_DEFAULT_* lines, by the same rules: a collector
# named in GRANTSMITH_JAVA_OPTS replaces the default one, and the native-heap trim only where $JAVA accepts it), then
# GRANTSMITH_JAVA_OPTS
SERVER_OPTS=""
if [ "${JVM_DEFAULTS:-1}" != 0 ]; then
  script_default() { sed -n "s/^GRANTSMITH_DEFAULT_$1=\"\(.*\)\"$/\1/p" "$ROOT/bin/grantsmith"; }
  SERVER_OPTS=$(script_default JAVA_OPTS)
  [[ "${GRANTSMITH_JAVA_OPTS:-}" =~ -XX:\+Use[A-Za-z]*GC ]] || SERVER_OPTS="$SERVER_OPTS $(script_default GC)"
  TRIM=$(script_default TRIM)
  "$JAVA" $TRIM -version >/dev/null 2>&1 && SERVER_OPTS="$SERVER_OPTS $TRIM"
fi
SERVER_OPTS="$SERVER_OPTS ${GRANTSMITH_JAVA_OPTS:-}"
# server_java NAME: the options of the server NAME (its collections logged to OUT/gc-NAME.log, with wall-clock times to
# read beside the fixed-rate timelines)
server_java() { echo "$SERVER_OPTS -Xlog:gc:file=$OUT/gc-$1.log:time,uptime"; }

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

# cpu_ms: "name=ms ..." CPU time (user + system) so far of the processes the sitting started, and of all PostgreSQL
# processes (other users of the server included): differences around a run show where its CPU went
# (a PostgreSQL backend that exits between two samples takes its ticks out of the second: bench/sitting.py leaves a
# negative difference out and says so)
cpu_ms() {
  local tick; tick=$(getconf CLK_TCK)
  ticks() { awk '{s += $14 + $15} END {print s + 0}' "$@" 2>/dev/null || echo 0; }
  echo "server=$(( $(ticks /proc/"$SERVER_PID"/stat) * 1000 / tick ))"
  if [ "$PG" = 1 ]; then
    echo "node1=$(( $(ticks /proc/"${PG_PIDS[0]}"/stat) * 1000 / tick )) node2=$(( $(ticks /proc/"${PG_PIDS[1]}"/stat) * 1000 / tick ))"
    echo "haproxy=$(( $(ticks /proc/"${PG_PIDS[2]}"/stat) * 1000 / tick ))"
    echo "postgres=$(( $(ticks $(pgrep -u postgres | sed 's|.*|/proc/&/stat|')) * 1000 / tick ))"
  fi
}

# writer_counts URL: "writer_batches=N writer_writes=M", the store writer's transactions and writes so far on the
# server of the target URL (its /metrics), or nothing where it has none (a peer)
writer_counts() {
  local base; base=$(echo "$1" | sed -E 's|^(https?://[^/]+).*|\1|')
  curl -sf -m 2 -H "Authorization: Bearer $ADMIN" "$base/metrics" 2>/dev/null | awk '
    /^grantsmith_store_writer_batches_total/ {b += $NF} /^grantsmith_store_writer_writes_total/ {w += $NF}
    END {if (b > 0) printf "writer_batches=%d writer_writes=%d", b, w}' || true
}

# measure TARGET ROUND: one measured run; keeps its RESULT line tagged with the target's name, with the CPU time
# each process used during it (cpu_<process>_ms; wrk's own is the rest of the machine's) and the transactions and
# writes of the target's store writer (writer_batches, writer_writes: their ratio is the mean batch)
measure() {
  local name=${1%% *} url line before after
  read -r _ _ url _ <<< "$1"
  sleep 1
  before="$(cpu_ms | tr '\n' ' ') $(writer_counts "$url")"
  line=$(wrk_on "$1" -d"$D" | grep RESULT)
  after="$(cpu_ms | tr '\n' ' ') $(writer_counts "$url")"
  line="$line $(python3 -c "
import sys
b, a = (dict(kv.split('=') for kv in s.split()) for s in sys.argv[1:3])
print(' '.join((k if k.startswith('writer_') else f'cpu_{k}_ms') + f'={int(a[k]) - int(b[k])}' for k in a if k in b))" "$before" "$after")"
  echo "$name round $2: $line"
  echo "$name round=$2 $line" >> "$RESULTS"
}

# the generator's JVM: a young generation large enough that it does not collect during a run (none did in the sittings
# of 2026-12-04; see OUT/generator-gc-*.log): any pause of its own would count as the server's latency
GENERATOR_OPTS="-XX:+UseSerialGC -Xms256m -Xmx256m -Xmn192m"
# fixed_rate TARGET RATE ROUND: an open-loop run at RATE req/s (bench/FixedRate.java): a ramp from 0 over FIXED_RAMP,
# FIXED_WARMUP at the rate, then DURATION measured; its timeline (and the target's /metrics once a second) goes to
# OUT/timeline-NAME-ROUND.txt with the machine's stalls (CPU hiccups, fsyncs in the data directory's file system, the
# server's CPU and run-queue wait, the CPU of niced processes),
# the generator's own collections to OUT/generator-gc-NAME-ROUND.log
fixed_rate() {
  local name script url id secret line timeline server_pid
  read -r name script url id secret <<< "$1"
  timeline="$OUT/timeline-$name-$3.txt"
  case "$name" in   # the server whose CPU and run-queue wait the timeline records
    pg1-as) server_pid=${PG_PIDS[0]} ;; pg-node2-as) server_pid=${PG_PIDS[1]} ;; pg2-haproxy-as) server_pid="" ;;
    *) server_pid=$SERVER_PID ;;
  esac
  line=$(CLIENT_ID="$id" CLIENT_SECRET="$secret" TIMELINE="$timeline" METRICS_URL="$(echo "$url" | sed -E 's|^(https?://[^/]+).*|\1|')/metrics" FSYNC_PROBE="$DATA" SERVER_PID="$server_pid" \
    METRICS_TOKEN="$ADMIN" java $GENERATOR_OPTS -Xlog:gc:file="$OUT/generator-gc-$name-$3.log":time,uptime -cp "$OUT/classes" \
    FixedRate "$url" "$2" "${D%s}" "$C" "$T" "$FIXED_WARMUP" "$FIXED_RAMP")
  echo "$name at $FIXED_SHARE of its maximum, round $3: $line"
  echo "$name share=$FIXED_SHARE round=$3 $line" >> "$FIXED"
  python3 "$HERE/sitting.py" timeline "$timeline" | sed 's/^/#   /'
}

calibration() {
  local rate
  rate=$(openssl speed -seconds 2 rsa2048 2>/dev/null | awk '/^rsa 2048/{print $6}')
  echo "# calibration ($1): openssl rsa2048 sign/s, 1 thread, 2 s: $rate"
  echo "calibration_$1=$rate" >> "$META"
}

load_average() { # WHEN: the 1-minute load average, printed and kept for the chart
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  echo "# load average ($1): $load"
  echo "load_$1=$load" >> "$META"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores; wrk -t$T -c$C -d$D; server JVM: $("$JAVA" -version 2>&1 | head -1)"
{ echo "date=$(date -u +%FT%TZ)"; echo "cores=$(nproc)"; echo "wrk=-t$T -c$C -d$D, warm-up $W, $R rounds"
  echo "commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"; echo "jar=$JAR"; } >> "$META"
echo "# server jar: $JAR"
echo "# results and chart: $OUT"
calibration start
load_average start

echo "# server JVM options: $SERVER_OPTS"
echo "server_opts=$SERVER_OPTS" >> "$META"
GRANTSMITH_ADMIN_TOKEN="$ADMIN" "$JAVA" $(server_java sqlite) -jar "$JAR" \
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

# PG=1: two nodes on one fresh database (node 1 alone is `pg1-as`), and HAProxy in front of both (`pg2-haproxy-as`)
start_pg_node() { # N PORT [more serve options] [jar] [more JVM options]
  mkdir -p "$DATA/pg-node$1"
  GRANTSMITH_STORE=postgres GRANTSMITH_DB_URL="$PG_URL" GRANTSMITH_ADMIN_TOKEN="$ADMIN" GRANTSMITH_MASTER_KEY="$PG_KEY" \
  GRANTSMITH_PUBLIC_URL="http://127.0.0.1:$LB_PORT" \
    "$JAVA" $(server_java "pg-node$1") ${5:-} -jar "${4:-$JAR}" serve --host 127.0.0.1 \
    --port "$2" --data "$DATA/pg-node$1" ${DB_POOL_SIZE:+--db-pool-size "$DB_POOL_SIZE"} ${PG_NODE_OPTS:-} ${3:-} \
    > "$DATA/pg-node$1.log" 2>&1 &
  PG_PIDS+=($!)
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$2/health" >/dev/null && return 0; sleep 0.2; done
  cat "$DATA/pg-node$1.log" >&2; exit 1
}
if [ "$PG" = 1 ]; then
  PG_DB="grantsmith_bench_$$"
  pg_sql -d postgres -c "CREATE DATABASE $PG_DB"
  for setting in ${PG_DB_SETTINGS:-}; do pg_sql -d postgres -c "ALTER DATABASE $PG_DB SET ${setting%%=*} = '${setting#*=}'"; done
  PG_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB?user=$PG_USER"
  PG_KEY=$(head -c 32 /dev/urandom | base64)
  NODE1_PORT=$((PORT + 1)); NODE2_PORT=$((PORT + 2)); LB_PORT=$((PORT + 3))
  echo "# PostgreSQL $(pg_sql -d "$PG_DB" -c 'SHOW server_version'): database $PG_DB, synchronous_commit $(pg_sql -d "$PG_DB" -c 'SHOW synchronous_commit'), nodes :$NODE1_PORT :$NODE2_PORT, HAProxy :$LB_PORT; node options: ${DB_POOL_SIZE:+--db-pool-size $DB_POOL_SIZE }${PG_NODE_OPTS:-}; database settings: ${PG_DB_SETTINGS:-none}"
  echo "pg=db-pool-size ${DB_POOL_SIZE:-default}${PG_NODE_OPTS:+ $PG_NODE_OPTS}${PG_DB_SETTINGS:+; $PG_DB_SETTINGS}" >> "$META"
  start_pg_node 1 "$NODE1_PORT" "${PG_NODE1_OPTS:-}" "" "${PG_NODE1_JAVA_OPTS:-}"   # first alone: it migrates the schema
  start_pg_node 2 "$NODE2_PORT" "${PG_NODE2_OPTS:-}" "${PG_NODE2_JAR:-}" "${PG_NODE2_JAVA_OPTS:-}"
  GRANTSMITH_LB_BIND="127.0.0.1:$LB_PORT" GRANTSMITH_NODE1="127.0.0.1:$NODE1_PORT" GRANTSMITH_NODE2="127.0.0.1:$NODE2_PORT" \
    haproxy -db -f "$ROOT/deploy/haproxy.cfg" > "$DATA/haproxy.log" 2>&1 &
  PG_PIDS+=($!)
  sleep 4.5   # two health checks 2 s apart put both nodes in the pool ("rise 2")
  PG_BASE="http://127.0.0.1:$NODE1_PORT"
  PG_SERVICE=$(curl -sf -X POST "$PG_BASE/api/service/create" -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' -d '{"serviceName":"bench-pg"}')
  PG_SERVICE_ID=$(echo "$PG_SERVICE" | json '["apiKey"]'); PG_API_SECRET=$(echo "$PG_SERVICE" | json '["apiSecret"]')
  PG_CLIENT=$(curl -sf -X POST "$PG_BASE/api/$PG_SERVICE_ID/client/create" -H "Authorization: Bearer $PG_API_SECRET" \
    -H 'Content-Type: application/json' -d '{"clientName":"bench","grantTypes":["CLIENT_CREDENTIALS"]}')
  PG_CLIENT_ID=$(echo "$PG_CLIENT" | json '["clientId"]'); PG_CLIENT_SECRET=$(echo "$PG_CLIENT" | json '["clientSecret"]')
  TARGETS+=("pg1-as $PEERS/wrk/cc.lua $PG_BASE/as/$PG_SERVICE_ID/token $PG_CLIENT_ID $PG_CLIENT_SECRET")
  TARGETS+=("pg2-haproxy-as $PEERS/wrk/cc.lua http://127.0.0.1:$LB_PORT/as/$PG_SERVICE_ID/token $PG_CLIENT_ID $PG_CLIENT_SECRET")
  if [ -n "${PG_NODE1_OPTS:-}${PG_NODE1_JAVA_OPTS:-}" ]; then
    echo "# node 1 (pg1-as) with: ${PG_NODE1_OPTS:-}${PG_NODE1_JAVA_OPTS:+ (JVM: $PG_NODE1_JAVA_OPTS)}"
    echo "pg_node1=${PG_NODE1_OPTS:-}${PG_NODE1_JAVA_OPTS:+ (JVM: $PG_NODE1_JAVA_OPTS)}" >> "$META"
  fi
  if [ -n "${PG_NODE2_OPTS:-}${PG_NODE2_JAVA_OPTS:-}" ]; then
    echo "# node 2 alone (pg-node2-as) with: ${PG_NODE2_OPTS:-}${PG_NODE2_JAVA_OPTS:+ (JVM: $PG_NODE2_JAVA_OPTS)}"
    echo "pg_node2=${PG_NODE2_OPTS:-}${PG_NODE2_JAVA_OPTS:+ (JVM: $PG_NODE2_JAVA_OPTS)}${PG_NODE2_JAR:+ (jar $PG_NODE2_JAR)}" >> "$META"
    [ -n "${PG_NODE2_JAR:-}" ] && echo "# node 2 runs $PG_NODE2_JAR"
    TARGETS+=("pg-node2-as $PEERS/wrk/cc.lua http://127.0.0.1:$NODE2_PORT/as/$PG_SERVICE_ID/token $PG_CLIENT_ID $PG_CLIENT_SECRET")
  fi
fi
if [ "${SKIP_PEER:-0}" != 1 ]; then
  "$PEERS/oidc-provider/start.sh" opaque | sed 's/^/# /'
  PEER_STARTED=1
  TARGETS+=("oidc-provider-opaque $PEERS/wrk/cc.lua http://127.0.0.1:3000/token bench-client bench-secret")
fi

if [ -n "${ONLY:-}" ]; then
  KEPT=()
  for target in "${TARGETS[@]}"; do [[ " $ONLY " == *" ${target%% *} "* ]] && KEPT+=("$target"); done
  TARGETS=("${KEPT[@]}")
fi
for target in "${TARGETS[@]}"; do warm "$target"; done
if [[ " ${TARGETS[*]%% *} " == *" pg2-haproxy-as "* && " ${TARGETS[*]%% *} " != *" pg-node2-as "* ]]; then
  # node 2 saw only half of pg2-haproxy-as's warm-up: without this its JIT would still be compiling in round 1
  warm "pg-node2-warm-up $PEERS/wrk/cc.lua http://127.0.0.1:$NODE2_PORT/as/$PG_SERVICE_ID/token $PG_CLIENT_ID $PG_CLIENT_SECRET"
fi
for round in $(seq 1 "$R"); do
  load_average "round$round"
  for target in "${TARGETS[@]}"; do measure "$target" "$round"; done
done

# p99 at FIXED_SHARE of each target's maximum: its median rate over the rounds
if [ "$FIXED_SHARE" != 0 ]; then
  mkdir -p "$OUT/classes" && javac -d "$OUT/classes" "$HERE/FixedRate.java"
  for round in $(seq 1 "$FIXED_ROUNDS"); do
    load_average "fixed$round"
    for target in "${TARGETS[@]}"; do
      name=${target%% *}
      [[ " $FIXED_TARGETS " == *" $name "* ]] || continue
      # the no-op route runs at SQLite /as's rate: the same stack and machine at the same load, without the token work
      rate_of=$name; [ "$name" = noop-same-stack ] && rate_of=grantsmith-as
      rate=$(grep "^$rate_of " "$RESULTS" | python3 -c "
import re, statistics, sys
print(round($FIXED_SHARE * statistics.median(float(re.search(r' rps=([\d.]+)', l)[1]) for l in sys.stdin)))")
      sleep 1
      fixed_rate "$target" "$rate" "$round"
    done
  done
fi
echo "# server rss_mib=$(ps -o rss= -p "$SERVER_PID" | awk '{printf "%.0f", $1/1024}')"
[ "$PG" = 1 ] && echo "# PostgreSQL node rss_mib=$(ps -o rss= -p "${PG_PIDS[0]}" | awk '{printf "%.0f", $1/1024}') $(ps -o rss= -p "${PG_PIDS[1]}" | awk '{printf "%.0f", $1/1024}')"
calibration end
load_average end

# Durability check: every 200 the token endpoints sent must be a row in the database, and no other row.
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
ROWS=$(python3 -c "import sqlite3; print(sqlite3.connect('$DATA/grantsmith.db').execute('select count(*) from access_tokens').fetchone()[0])")
acknowledged() { # TARGET-REGEX: the 200s counted for those targets in warm-ups, rounds and fixed-rate runs
  cat "$RESULTS" "$WARMUPS" "$FIXED" | { grep -E "^($1) " || true; } | python3 -c "
import re, sys
print(sum(int(re.search(r'requests=(\d+)', l)[1]) - int(re.search(r'non2xx_or_3xx=(\d+)', l)[1]) for l in sys.stdin))"
}
SENT=$(acknowledged 'grantsmith-as|grantsmith-api')
echo "# access_tokens rows: $ROWS; 200 responses counted by wrk (warm-ups included): $SENT"
[ "$ROWS" -ge "$SENT" ] || echo "# WARNING: fewer rows than acknowledged tokens"
if [ "$PG" = 1 ]; then
  for pid in "${PG_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PG_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PG_PIDS=()
  PG_ROWS=$(pg_sql -d "$PG_DB" -c 'SELECT count(*) FROM access_tokens')
  PG_SENT=$(acknowledged 'pg1-as|pg2-haproxy-as|pg-node2-as|pg-node2-warm-up')
  echo "# PostgreSQL access_tokens rows: $PG_ROWS; 200 responses counted (warm-ups included): $PG_SENT"
  [ "$PG_ROWS" -ge "$PG_SENT" ] || echo "# WARNING: fewer PostgreSQL rows than acknowledged tokens"
fi

echo
python3 "$HERE/sitting.py" summary "$OUT"
python3 "$HERE/sitting.py" chart "$OUT" > "$OUT/chart.svg"
echo "# chart: $OUT/chart.svg"
