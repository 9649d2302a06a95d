#!/usr/bin/env bash
# Issuance as the token tables grow: /as client_credentials on a store holding ROWS token rows (half expired, half
# live) while the janitor purges the expired half, against the same server on an empty store, in one sitting, on
# SQLite and on PostgreSQL. Loopback only. Results belong in docs/BENCHMARKS.md (§ Growth) with the calibration
# lines.
#
# Per store: (1) a fresh store, measured RUNS times ("empty"); (2) the server stopped, ROWS rows loaded straight
# into its tables with one SQL statement per table (not through the API: 10 million requests would take the whole
# sitting), the server started again with --purge-interval PURGE_INTERVAL, so that its janitor starts on the
# expired half while it is measured RUNS times ("loaded"); (3) another fresh store, measured again ("empty"), so
# that drift during the sitting shows. The ratio is loaded over the median of both empty phases. With JANITOR_OFF=1,
# the loaded store is first measured RUNS times with the janitor idle (--purge-interval 86400: its first pass comes
# after a day), phase "idle", so that the table size's cost shows apart from the purge's. The rows are:
# access tokens 60 %, refresh tokens 20 %, grant records 20 %, each half expired (an hour old) and half live
# (a day to go), with increasing keys below any the server mints (as older tokens of a running store have).
#
# Usage: bench/growth.sh            Env: STORES ("sqlite postgres") ROWS (10000000) THREADS (2) CONNS (50)
#        DURATION (10s; in seconds, at least 3s: the purge rate under load is read inside it) WARMUP (5s) RUNS (2) PURGE_INTERVAL (2) JANITOR_OFF (0) PORT (18700) JAVA (java)
#        JAR (this checkout's grantsmith-server/target/grantsmith.jar; another build's, to compare two in one session)
#        PG (psql connection options for the throw-away database's server: "-h 127.0.0.1 -p 5432 -U postgres")
#        LOCK (/work/bench.lock, taken for each store's phases, loading included: it loads the machine too; "" for none)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PEERS=${PEERS:-$ROOT/../shared/peers}
STORES=${STORES:-sqlite postgres}; ROWS=${ROWS:-10000000}
T=${THREADS:-2}; C=${CONNS:-50}; D=${DURATION:-10s}; W=${WARMUP:-5s}; R=${RUNS:-2}
PURGE_INTERVAL=${PURGE_INTERVAL:-2}; JANITOR_OFF=${JANITOR_OFF:-0}; PORT=${PORT:-18700}; JAVA=${JAVA:-java}
PG=${PG:--h 127.0.0.1 -p 5432 -U postgres}
LOCK=${LOCK-/work/bench.lock}
JAR=${JAR:-$ROOT/grantsmith-server/target/grantsmith.jar}
BASE="http://127.0.0.1:$PORT"
ADMIN="bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
WORK=$(mktemp -d /tmp/grantsmith-growth.XXXXXX)
RESULTS="$WORK/results"
SERVER_PID=""
DATABASES=()

cleanup() {
  stop_server
  for db in "${DATABASES[@]}"; do psql $PG -q -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "needs sqlite3 (apt-get install -y sqlite3)" >&2; exit 2; }
"$ROOT/bin/grantsmith" --version >/dev/null   # builds the jar when it is missing or stale

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
calibration() {
  echo "# calibration ($1): openssl rsa2048 sign/s, 1 thread, 2 s: $(openssl speed -seconds 2 rsa2048 2>/dev/null | awk '/^rsa 2048/{print $6}')"
}
locked() { [ -n "$LOCK" ] && exec 9>"$LOCK" && flock 9; return 0; }
unlocked() { [ -n "$LOCK" ] && flock -u 9; return 0; }

# start_server STORE_ARGS...: serves the store the arguments name, with its data directory in $DATA
start_server() {
  GRANTSMITH_ADMIN_TOKEN="$ADMIN" "$JAVA" ${GRANTSMITH_JAVA_OPTS:-} -jar "$JAR" \
    serve --port "$PORT" --data "$DATA" --purge-interval "${SERVER_PURGE_INTERVAL:-$PURGE_INTERVAL}" "$@" >> "$DATA/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 150); do curl -sf "$BASE/health" >/dev/null && return 0; sleep 0.2; done
  cat "$DATA/server.log"; exit 1
}
stop_server() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}
create_client() {
  local service client
  service=$(curl -sf -X POST "$BASE/api/service/create" -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' -d '{"serviceName":"growth"}')
  SERVICE_ID=$(echo "$service" | json '["apiKey"]'); local secret; secret=$(echo "$service" | json '["apiSecret"]')
  client=$(curl -sf -X POST "$BASE/api/$SERVICE_ID/client/create" -H "Authorization: Bearer $secret" \
    -H 'Content-Type: application/json' -d '{"clientName":"growth","grantTypes":["CLIENT_CREDENTIALS"]}')
  CLIENT_ID=$(echo "$client" | json '["clientId"]'); CLIENT_SECRET=$(echo "$client" | json '["clientSecret"]')
}
wrk_cc() {
  CLIENT_ID="$CLIENT_ID" CLIENT_SECRET="$CLIENT_SECRET" wrk -t"$T" -c"$C" "$@" -s "$PEERS/wrk/cc.lua" \
    "$BASE/as/$SERVICE_ID/token"
}
# The server's CPU time so far (user and system, clock ticks): per token issued, it shows what the janitor and the
# table size cost even when other work on the machine makes the rate itself noisy.
server_cpu() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
# measure STORE PHASE: warm-up, then RUNS measured runs, each with the expired rows left before and after, the
# janitor's purge rate between the two counts (each count reads a snapshot taken as it starts; idle gaps included)
# and under load (from a second into the run to a second before its end), the server's CPU time per token, and the
# load average
measure() {
  local line before after counted_at recounted_at cpu
  wrk_cc -d"$W" >/dev/null
  for run in $(seq 1 "$R"); do
    counted_at=$(date +%s%3N); before=$(expired_rows "$1"); sleep 1
    cpu=$(server_cpu)
    wrk_cc -d"$D" > "$WORK/wrk.out" & local wrk_pid=$!
    sleep 1; local from_at from to_at to; from_at=$(date +%s%3N); from=$(purged "$1")
    sleep $(( ${D%s} - 2 )); to_at=$(date +%s%3N); to=$(purged "$1")
    wait "$wrk_pid"; line=$(grep RESULT "$WORK/wrk.out")
    cpu=$(( $(server_cpu) - cpu ))
    recounted_at=$(date +%s%3N); after=$(expired_rows "$1")
    cpu="server_cpu_us_per_token=$(( cpu * 1000000 / $(getconf CLK_TCK) / $(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/') ))"
    echo "$1 $2 run $run: $line expired_before=$before expired_after=$after" \
      "purged_per_s=$(( (before - after) * 1000 / (recounted_at - counted_at) ))" \
      "purged_per_s_under_load=$(( (to - from) * 1000 / (to_at - from_at) ))" "$cpu" \
      "load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' '/')"
    echo "$1 $2 $line $cpu" >> "$RESULTS"
  done
}

# --- SQLite ---------------------------------------------------------------------------------------------------
sqlite_db() { echo "$DATA/grantsmith.db"; }
expired_rows() {
  local now; now=$(date +%s%3N)
  local sql="SELECT (SELECT count(*) FROM access_tokens WHERE expires_at < $now) + (SELECT count(*) FROM refresh_tokens WHERE expires_at < $now) + (SELECT count(*) FROM grants WHERE expires_at < $now)"
  case "$1" in
    sqlite) sqlite3 "$(sqlite_db)" "$sql" ;;
    postgres) psql $PG -d "$PG_DB" -Atc "$sql" ;;
  esac
}

# How far the janitor has got through the loaded rows, cheaply enough to ask while wrk runs: the loaded keys are one
# per millisecond of issuance, 2^21 apart, and the janitor deletes oldest first, so the smallest key left says how
# many loaded access and refresh tokens it deleted; it deletes as many grant records as refresh tokens (as many
# of each kind per batch, and both have 1 M expired). A difference of two of these is the rows purged meanwhile,
# while each kind still has expired rows. (The counts of expired rows read the whole expires_at index: a second or
# more, too slow to take under load, and the janitor purges at full speed while they run on an idle server.)
purged() {
  local sql="SELECT (SELECT min(token_key) FROM access_tokens) / 2097152 + 2 * ((SELECT min(token_key) FROM refresh_tokens) / 2097152)"
  case "$1" in
    sqlite) sqlite3 "$(sqlite_db)" "$sql" ;;
    postgres) psql $PG -d "$PG_DB" -Atc "$sql" ;;
  esac
}

# The rows, as SELECTs over a series 0..n-1 (g) that both databases run: $1 = the time in ms the store's first
# server started, so that every loaded key is below every key it minted. A key is (ms since 2024-01-01) << 21, one
# row per millisecond of issuance: unique per table.
# Access tokens copy their columns from a token the server issued (so they read back as real ones).
load_sql() {
  local now=$1 access=$(( ROWS * 6 / 10 )) refresh=$(( ROWS * 2 / 10 )) grants=$(( ROWS * 2 / 10 ))
  local hour=3600000 day=86400000 epoch=1704067200000 shift=2097152
  local a_half=$(( access / 2 )) r_half=$(( refresh / 2 )) g_half=$(( grants / 2 ))
  # issued_at per row: the expired half ends an hour and a minute ago, the live half a minute ago
  local a_issued="CASE WHEN g < $a_half THEN $now - 2 * $hour - 60000 - $a_half + g ELSE $now - 60000 - $access + g END"
  local a_expires="CASE WHEN g < $a_half THEN $hour ELSE $day END"
  local r_issued="CASE WHEN g < $r_half THEN $now - 2 * $hour - 60000 - $r_half + g ELSE $now - 60000 - $refresh + g END"
  local r_expires="CASE WHEN g < $r_half THEN $hour ELSE $day END"
  local g_created="CASE WHEN g < $g_half THEN $now - 2 * $hour - 60000 - $g_half + g ELSE $now - 60000 - $grants + g END"
  local g_expires="CASE WHEN g < $g_half THEN $hour ELSE $day END"
  # $HASH, $FAMILY, $SERIES are filled in per database
  cat <<SQL
INSERT INTO access_tokens (token_key, hash, caller_chosen, service_id, client_id, subject, scopes, resources,
  grant_type, issued_at, expires_at, family, properties, client_id_alias_used)
SELECT ($a_issued - $epoch) * $shift, $HASH, t.caller_chosen, t.service_id, t.client_id, t.subject, t.scopes,
  t.resources, t.grant_type, $a_issued, $a_issued + $a_expires, NULL, t.properties, t.client_id_alias_used
FROM $(series $access) CROSS JOIN (SELECT * FROM access_tokens ORDER BY token_key DESC LIMIT 1) t;
INSERT INTO grants (id, service_id, client_id, subject, scopes, resources, grant_type, claims, auth_time, acr,
  nonce, created_at, expires_at, revoked, consented_claims)
SELECT $FAMILY, t.service_id, t.client_id, 'user-' || g, t.scopes, NULL, 'PASSWORD', NULL, NULL, NULL, NULL,
  $g_created, $g_created + $g_expires, 0, NULL
FROM $(series $grants) CROSS JOIN (SELECT * FROM access_tokens ORDER BY token_key DESC LIMIT 1) t;
INSERT INTO refresh_tokens (token_key, hash, family, issued_at, expires_at, properties, client_id_alias_used,
  state, rotated_at, successor_key)
SELECT ($r_issued - $epoch) * $shift, $HASH, $FAMILY, $r_issued, $r_issued + $r_expires, NULL, 0, 'ACTIVE', NULL, 0
FROM $(series $refresh);
SQL
}

load_sqlite() {
  local started=$SECONDS
  series() { echo "(SELECT value AS g FROM generate_series(0, $(( $1 - 1 ))))"; }
  HASH="randomblob(32)" FAMILY="CAST(printf('%032x', g) AS BLOB)"
  { echo "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; BEGIN;"
    HASH=$HASH FAMILY=$FAMILY load_sql "$STORE_STARTED"
    echo "COMMIT; PRAGMA wal_checkpoint(TRUNCATE);"; } | sqlite3 "$(sqlite_db)" >/dev/null
  echo "# sqlite: loaded $ROWS rows in $(( SECONDS - started )) s; file $(du -h "$(sqlite_db)" | cut -f1)"
}

load_postgres() {
  local started=$SECONDS
  series() { echo "generate_series(0, $(( $1 - 1 ))) g"; }
  HASH="sha256(int8send(g::bigint))" FAMILY="decode(lpad(to_hex(g), 32, '0'), 'hex')"
  { echo "BEGIN;"; HASH=$HASH FAMILY=$FAMILY load_sql "$STORE_STARTED"; echo "COMMIT;"; } \
    | psql $PG -q -v ON_ERROR_STOP=1 -d "$PG_DB"
  # what autovacuum would have done after such a load: statistics for the planner, a visibility map
  psql $PG -q -d "$PG_DB" -c "VACUUM ANALYZE access_tokens, refresh_tokens, grants"
  echo "# postgres: loaded $ROWS rows in $(( SECONDS - started )) s; database $(psql $PG -Atc "SELECT pg_size_pretty(pg_database_size('$PG_DB'))" -d postgres)"
}

# flushed STORE: the loader writes without syncing (SQLite with synchronous=OFF; PostgreSQL's checkpoint would come
# later), so the kernel would write its gigabytes back during the next phase, and on ext4 every fsync of the server
# would wait behind that writeback. A store that grew to this size while running has no such backlog: flush it first.
flushed() {
  local started=$SECONDS dirty
  dirty=$(awk '/^Dirty:/{print int($2 / 1024)}' /proc/meminfo)
  if [ "$1" = postgres ]; then psql $PG -q -d "$PG_DB" -c CHECKPOINT; fi
  sync
  echo "# $1: flushed the load to disk ($dirty MiB dirty) in $(( SECONDS - started )) s"
}

# fresh_store STORE: a new, empty store in a new $DATA; sets STORE_ARGS
fresh_store() {
  DATA=$(mktemp -d "$WORK/data.XXXXXX")
  STORE_ARGS=()
  if [ "$1" = postgres ]; then
    PG_DB="gs_growth_$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
    psql $PG -q -d postgres -c "CREATE DATABASE $PG_DB" >/dev/null
    DATABASES+=("$PG_DB")
    local host port user
    host=$(echo "$PG" | sed -n 's/.*-h \([^ ]*\).*/\1/p'); port=$(echo "$PG" | sed -n 's/.*-p \([^ ]*\).*/\1/p')
    user=$(echo "$PG" | sed -n 's/.*-U \([^ ]*\).*/\1/p')
    STORE_ARGS=(--store postgres --db-url "jdbc:postgresql://${host:-127.0.0.1}:${port:-5432}/$PG_DB?user=${user:-postgres}")
  fi
}

empty_phase() {
  fresh_store "$1"
  STORE_STARTED=$(date +%s%3N)
  start_server "${STORE_ARGS[@]}"; create_client
  measure "$1" empty
}

echo "# jar $JAR ($(sha256sum "$JAR" | cut -c1-12))"
echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$T -c$C -d$D, $R runs a phase; $ROWS rows; purge-interval $PURGE_INTERVAL s"
calibration start
for store in $STORES; do
  locked
  empty_phase "$store"
  stop_server
  "load_$store"
  flushed "$store"
  if [ "$JANITOR_OFF" = 1 ]; then
    SERVER_PURGE_INTERVAL=86400 start_server "${STORE_ARGS[@]}"
    measure "$store" idle
    echo "# $store: expired rows after the idle runs $(expired_rows "$store")"
    stop_server
  fi
  start_server "${STORE_ARGS[@]}"
  echo "# $store: expired rows at start $(expired_rows "$store")"
  measure "$store" loaded
  stop_server
  empty_phase "$store"
  stop_server
  unlocked
done
calibration end
echo "# $(date -u +%FT%TZ) end, load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "## summary (median of runs; loaded / empty per store)"
python3 - "$RESULTS" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    store, phase, rest = line.split(" ", 2)
    values = dict(re.findall(r"(\w+)=([\d.]+)", rest))
    rows.setdefault((store, phase), []).append(values)
for (store, phase), runs in rows.items():
    rps = statistics.median(float(v["rps"]) for v in runs)
    p99 = statistics.median(float(v["p99_ms"]) for v in runs)
    errors = sum(float(v["non2xx_or_3xx"]) for v in runs)
    cpu = statistics.median(float(v["server_cpu_us_per_token"]) for v in runs)
    print(f"{store:9s} {phase:7s} {rps:>9,.0f} tokens/s  p99 {p99:.2f} ms  non-2xx {errors:.0f}  server CPU {cpu:.0f} us/token  (runs: "
          + " ".join(f"{float(v['rps']):,.0f}" for v in runs) + "; CPU "
          + " ".join(f"{float(v['server_cpu_us_per_token']):.0f}" for v in runs) + ")")
for store in sorted({s for s, _ in rows}):
    if (store, "loaded") in rows and (store, "empty") in rows:
        loaded = statistics.median(float(v["rps"]) for v in rows[(store, "loaded")])
        empty = statistics.median(float(v["rps"]) for v in rows[(store, "empty")])
        print(f"{store}: loaded / empty = {loaded / empty:.2f}")
        if (store, "idle") in rows:
            idle = statistics.median(float(v["rps"]) for v in rows[(store, "idle")])
            print(f"{store}: loaded with the janitor idle / empty = {idle / empty:.2f}")
PY
