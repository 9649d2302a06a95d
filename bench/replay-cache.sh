#!/usr/bin/env bash
# Would Redis beat PostgreSQL as a replay cache (insert-if-absent with an expiry: "has this code, ticket or jti been
# used?")? A first-order comparison with each database's own C load generator, the same number of clients, on
# loopback, back to back:
#   - PostgreSQL: INSERT ... ON CONFLICT DO NOTHING of a random 32-character key (pgbench), with synchronous_commit
#     on (what Grantsmith's store runs: an acknowledged write survives a crash) and off;
#   - Redis: SET key 1 NX PX 60000 of a random key (redis-benchmark), on the shared Redis as configured here
#     (printed; no fsync per write: an acknowledged key can be lost in a crash), and on a Redis of the script's own with
#     appendfsync always (the setting under which an acknowledged key survives a crash, as a replay cache needs).
# Results belong in docs/BENCHMARKS.md (§ Redis) with the calibration lines. Loopback only.
#
# Usage: bench/replay-cache.sh     Env: CLIENTS (16) DURATION (10: seconds a PostgreSQL run) REQUESTS (200000: a
#        Redis run) PG ("-h 127.0.0.1 -p 5432 -U postgres") REDIS_PORT (6379) OWN_REDIS_PORT (16379)
set -euo pipefail
C=${CLIENTS:-16}; D=${DURATION:-10}; N=${REQUESTS:-200000}
PG=${PG:--h 127.0.0.1 -p 5432 -U postgres}
REDIS_PORT=${REDIS_PORT:-6379}; OWN_REDIS_PORT=${OWN_REDIS_PORT:-16379}
WORK=$(mktemp -d /tmp/grantsmith-replay.XXXXXX)
DB="gs_replay_$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
OWN_REDIS_PID=""

cleanup() {
  [ -n "$OWN_REDIS_PID" ] && kill "$OWN_REDIS_PID" 2>/dev/null && wait "$OWN_REDIS_PID" 2>/dev/null || true
  psql $PG -q -d postgres -c "DROP DATABASE IF EXISTS $DB" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
calibration() {
  echo "# calibration ($1): openssl rsa2048 sign/s, 1 thread, 2 s: $(openssl speed -seconds 2 rsa2048 2>/dev/null | awk '/^rsa 2048/{print $6}')"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores; $C clients; PostgreSQL $(psql $PG -d postgres -Atc 'SHOW server_version'), $(redis-server --version | cut -d' ' -f3)"
calibration start
redis_settings() { # PORT: the persistence settings the "durable?" column of the results depends on
  echo "# redis :$1 $(for key in appendonly appendfsync save; do redis-cli -h 127.0.0.1 -p "$1" CONFIG GET "$key" | tr '\n' ' '; done)"
}

psql $PG -q -d postgres -c "CREATE DATABASE $DB" >/dev/null
psql $PG -q -d "$DB" -c "CREATE TABLE replay (key TEXT COLLATE \"C\" PRIMARY KEY, expires_at BIGINT NOT NULL)"
cat > "$WORK/insert.sql" <<'SQL'
\set n random(1, 1000000000000)
INSERT INTO replay (key, expires_at) VALUES (md5(:n::text), 0) ON CONFLICT DO NOTHING;
SQL
pg_run() { # NAME SYNCHRONOUS_COMMIT
  local out
  out=$(PGOPTIONS="-c synchronous_commit=$2" pgbench $PG -n -c "$C" -j 2 -T "$D" -f "$WORK/insert.sql" "$DB" 2>&1)
  echo "$1: $(echo "$out" | awk '/^tps/{printf "%.0f inserts/s", $3}'), latency avg $(echo "$out" | awk '/latency average/{print $4}') ms"
}
redis_run() { # NAME PORT
  local out
  out=$(redis-benchmark -h 127.0.0.1 -p "$2" --dbnum 9 -c "$C" -n "$N" -r 1000000000000 --csv \
    SET "gs-replay:__rand_int__" 1 NX PX 60000 2>&1 | tail -1)
  echo "$1: $(echo "$out" | python3 -c "import csv,sys; r=next(csv.reader(sys.stdin)); print(f'{float(r[1]):.0f} inserts/s, latency avg {r[2]} ms, p99 {r[6]} ms')")"
}

redis-server --port "$OWN_REDIS_PORT" --bind 127.0.0.1 --dir "$WORK" --save '' --appendonly yes \
  --appendfsync always --daemonize no > "$WORK/redis.log" 2>&1 &
OWN_REDIS_PID=$!
for _ in $(seq 1 50); do redis-cli -p "$OWN_REDIS_PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done

redis_settings "$OWN_REDIS_PORT"
redis_settings "$REDIS_PORT"

for round in 1 2; do
  pg_run "round $round postgres synchronous_commit=on " on
  redis_run "round $round redis appendfsync always     " "$OWN_REDIS_PORT"
  pg_run "round $round postgres synchronous_commit=off" off
  redis_run "round $round redis as configured here    " "$REDIS_PORT"
done
calibration end
