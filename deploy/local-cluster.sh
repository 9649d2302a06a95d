#!/usr/bin/env bash
# The topology of compose.yaml without containers, on loopback: PostgreSQL, two Grantsmith nodes with the same admin
# token and master key, and HAProxy with deploy/haproxy.cfg in front of them.
#
#   deploy/local-cluster.sh check   start it, check it (below), stop it; exit status 0 when every check passed
#   deploy/local-cluster.sh run     start it, check it, print how to reach it, and keep it up until Ctrl-C
#                                   (the benchmark's two-node scenario points its load at the HAProxy port)
#
# Checks: haproxy -c accepts the file; a service, a client and client_credentials tokens made through HAProxy;
# both nodes answered some of them (their /metrics); a token issued through one node introspects as usable on the
# other; right after node 2 is killed (before any health check notices), every token request still succeeds
# (HAProxy retries a failed connection on node 1).
#
# PostgreSQL: GRANTSMITH_DB_URL (and GRANTSMITH_DB_PASSWORD) when set, where the service and client made here are
# deleted at the end; else a throw-away database on the server at 127.0.0.1:5432 (user postgres), dropped at the
# end; else (or with OWN_PG=1) a throw-away server (initdb, password authentication) on PG_PORT.
# Env: LB_PORT (18080) NODE1_PORT (18081) NODE2_PORT (18082) PG_PORT (18432) TOKENS (20) JAVA_OPTS (-Xmx256m)
# Needs: java, haproxy (apt-get install haproxy), curl, python3, psql (and initdb for a server of its own).
set -euo pipefail
MODE=${1:-check}
[ "$MODE" = check ] || [ "$MODE" = run ] || { echo "usage: $0 check|run" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LB_PORT=${LB_PORT:-18080}; NODE1_PORT=${NODE1_PORT:-18081}; NODE2_PORT=${NODE2_PORT:-18082}
PG_PORT=${PG_PORT:-18432}; TOKENS=${TOKENS:-20}; JAVA_OPTS=${JAVA_OPTS:--Xmx256m}
LB="http://127.0.0.1:$LB_PORT"
WORK=$(mktemp -d /tmp/grantsmith-cluster.XXXXXX)
ADMIN=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
MASTER_KEY=$(head -c 32 /dev/urandom | base64)
PIDS=(); DROP_DB=""; PG_DIR=""; SERVICE_ID=""; CLIENT_ID=""
FAILED=0

log() { echo "# $*"; }
fail() { echo "FAIL: $*" >&2; FAILED=1; }

cleanup() {
  local rc=$?   # first: the exit status of whatever ended the script, set -e's abort included
  if [ -n "${GRANTSMITH_DB_URL:-}" ] && [ -n "$SERVICE_ID" ]; then # a database that outlives the script: tidy up
    [ -n "$CLIENT_ID" ] && curl -fsS -o /dev/null -X DELETE "$LB/api/$SERVICE_ID/client/delete/$CLIENT_ID" \
      -H "Authorization: Bearer $ADMIN" || echo "could not delete client $CLIENT_ID" >&2
    curl -fsS -o /dev/null -X DELETE "$LB/api/$SERVICE_ID/service/delete" -H "Authorization: Bearer $ADMIN" \
      || echo "could not delete service $SERVICE_ID" >&2
  fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "$DROP_DB" ]; then psql -q -h 127.0.0.1 -U postgres -c "DROP DATABASE IF EXISTS $DROP_DB" >/dev/null || true; fi
  if [ -n "$PG_DIR" ]; then as_postgres pg_ctl -D "$PG_DIR" -m fast stop >/dev/null 2>&1 || true; fi
  if [ "$FAILED" = 0 ] && [ "$rc" = 0 ]; then rm -rf "$WORK"; else echo "logs kept in $WORK" >&2; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in java haproxy curl python3 psql; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

wait_for() { # URL SECONDS: until URL answers 200
  local i
  for i in $(seq $(( $2 * 5 ))); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.2
  done
  return 1
}

# ---- PostgreSQL
if [ -n "${GRANTSMITH_DB_URL:-}" ]; then
  DB_URL=$GRANTSMITH_DB_URL
  log "PostgreSQL: $DB_URL"
elif [ "${OWN_PG:-0}" != 1 ] && psql -q -h 127.0.0.1 -U postgres -c 'SELECT 1' >/dev/null 2>&1; then
  DROP_DB="grantsmith_cluster_$$"
  psql -q -h 127.0.0.1 -U postgres -c "CREATE DATABASE $DROP_DB" >/dev/null
  DB_URL="jdbc:postgresql://127.0.0.1:5432/$DROP_DB?user=postgres"
  log "PostgreSQL: throw-away database $DROP_DB on 127.0.0.1:5432"
else
  command -v initdb >/dev/null || { echo "needs PostgreSQL: GRANTSMITH_DB_URL, a server on :5432, or initdb" >&2; exit 2; }
  PG_DIR="$WORK/pg"
  # a password, not trust: any local user could otherwise connect to 127.0.0.1:PG_PORT
  export PGPASSWORD; PGPASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  GRANTSMITH_DB_PASSWORD=$PGPASSWORD
  mkdir -p "$PG_DIR" && echo "$PGPASSWORD" > "$WORK/pgpass" && chmod 0600 "$WORK/pgpass"
  if [ "$(id -u)" = 0 ]; then chown postgres "$WORK" "$PG_DIR" "$WORK/pgpass"; fi
  as_postgres initdb -D "$PG_DIR" -U postgres -A scram-sha-256 --pwfile="$WORK/pgpass" >/dev/null
  rm -f "$WORK/pgpass"
  as_postgres pg_ctl -D "$PG_DIR" -l "$PG_DIR/server.log" -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1" \
    -w start >/dev/null
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE grantsmith" >/dev/null
  DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/grantsmith?user=postgres"
  log "PostgreSQL: throw-away server on 127.0.0.1:$PG_PORT"
fi

# ---- two nodes, started together (they migrate the schema once, under Flyway's lock)
"$ROOT/bin/grantsmith" --version >/dev/null   # builds the jar when it is missing or stale
JAR="$ROOT/grantsmith-server/target/grantsmith.jar"
start_node() { # N PORT
  mkdir -p "$WORK/node$1"
  GRANTSMITH_STORE=postgres GRANTSMITH_DB_URL="$DB_URL" GRANTSMITH_DB_PASSWORD="${GRANTSMITH_DB_PASSWORD:-}" \
  GRANTSMITH_ADMIN_TOKEN="$ADMIN" \
  GRANTSMITH_MASTER_KEY="$MASTER_KEY" GRANTSMITH_PUBLIC_URL="$LB" GRANTSMITH_LOG_FORMAT=json \
    java $JAVA_OPTS -jar "$JAR" serve --host 127.0.0.1 --port "$2" --data "$WORK/node$1" \
    > "$WORK/node$1.out" 2> "$WORK/node$1.log" &
  PIDS+=($!)
  eval "NODE$1_PID=$!"
}
start_node 1 "$NODE1_PORT"
start_node 2 "$NODE2_PORT"
for port in "$NODE1_PORT" "$NODE2_PORT"; do
  wait_for "http://127.0.0.1:$port/health" 60 || { fail "node on :$port did not become healthy"; exit 1; }
done
log "nodes: http://127.0.0.1:$NODE1_PORT (pid $NODE1_PID), http://127.0.0.1:$NODE2_PORT (pid $NODE2_PID)"

# ---- HAProxy with the repository's configuration
export GRANTSMITH_LB_BIND="127.0.0.1:$LB_PORT" GRANTSMITH_NODE1="127.0.0.1:$NODE1_PORT" \
  GRANTSMITH_NODE2="127.0.0.1:$NODE2_PORT"
haproxy -c -q -f "$ROOT/deploy/haproxy.cfg" || { fail "haproxy -c rejects deploy/haproxy.cfg"; exit 1; }
haproxy -db -f "$ROOT/deploy/haproxy.cfg" > "$WORK/haproxy.log" 2>&1 &
PIDS+=($!)
wait_for "$LB/health" 20 || { fail "HAProxy does not answer /health"; exit 1; }
sleep 4.5 # two health checks 2 s apart, so that both nodes are in the pool ("rise 2")
log "HAProxy: $LB"

# ---- checks, all through HAProxy unless said otherwise
SERVICE=$(curl -fsS "$LB/api/service/create" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"serviceName":"cluster","supportedScopes":[{"name":"read","defaultEntry":true}]}')
SERVICE_ID=$(echo "$SERVICE" | json "['apiKey']"); API_SECRET=$(echo "$SERVICE" | json "['apiSecret']")
CLIENT=$(curl -fsS "$LB/api/$SERVICE_ID/client/create" -H "Authorization: Bearer $API_SECRET" \
  -H 'Content-Type: application/json' -d '{"clientName":"cluster","grantTypes":["CLIENT_CREDENTIALS"]}')
CLIENT_ID=$(echo "$CLIENT" | json "['clientId']"); CLIENT_SECRET=$(echo "$CLIENT" | json "['clientSecret']")
log "service $SERVICE_ID, client $CLIENT_ID (made through HAProxy)"

token() { # BASE: a client_credentials access token, or nothing
  curl -fsS "$1/as/$SERVICE_ID/token" -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials \
    | json "['access_token']" 2>/dev/null || true
}
usable_on() { # PORT TOKEN: introspection on that node says the token is usable
  curl -fsS "http://127.0.0.1:$1/api/$SERVICE_ID/auth/introspection" -H "Authorization: Bearer $API_SECRET" \
    -H 'Content-Type: application/json' -d "{\"token\":\"$2\"}" | json "['usable']"
}
tokens_answered() { # PORT: token requests the node answered 200 (its /metrics)
  curl -fsS "http://127.0.0.1:$1/metrics" -H "Authorization: Bearer $ADMIN" \
    | sed -n 's/^grantsmith_http_requests_seconds_count{.*route="\/as\/token".*status="200".*} \([0-9.]*\)$/\1/p' \
    | python3 -c "import sys; print(int(sum(float(l) for l in sys.stdin)))"
}

ok=0; last=""
for _ in $(seq "$TOKENS"); do
  t=$(token "$LB"); [ -n "$t" ] && ok=$((ok + 1)) && last=$t
done
[ "$ok" = "$TOKENS" ] && log "$ok/$TOKENS tokens through HAProxy" || fail "only $ok/$TOKENS tokens through HAProxy"
n1=$(tokens_answered "$NODE1_PORT"); n2=$(tokens_answered "$NODE2_PORT")
{ [ "$n1" -gt 0 ] && [ "$n2" -gt 0 ]; } && log "answered by node 1: $n1, node 2: $n2" \
  || fail "HAProxy did not spread the tokens: node 1 $n1, node 2 $n2"
t1=$(token "http://127.0.0.1:$NODE1_PORT")
[ "$(usable_on "$NODE2_PORT" "$t1")" = True ] && [ "$(usable_on "$NODE1_PORT" "$last")" = True ] \
  && log "a token from node 1 is usable on node 2, and the last one through HAProxy on node 1" \
  || fail "tokens are not shared between the nodes"

if [ "$MODE" = check ]; then
  kill -9 "$NODE2_PID"; wait "$NODE2_PID" 2>/dev/null || true
  # at once: node 2 is still in the pool (two failed checks 2 s apart take it out, "fall 2"), so every other request
  # goes to it first, finds nothing listening, and HAProxy retries it on node 1 (retry-on conn-failure, redispatch)
  ok=0
  for _ in $(seq "$TOKENS"); do t=$(token "$LB"); [ -n "$t" ] && ok=$((ok + 1)); done
  [ "$ok" = "$TOKENS" ] && log "node 2 just killed: $ok/$TOKENS tokens through HAProxy" \
    || fail "node 2 just killed: only $ok/$TOKENS tokens through HAProxy"
  sleep 4.5
  ok=0
  for _ in $(seq "$TOKENS"); do t=$(token "$LB"); [ -n "$t" ] && ok=$((ok + 1)); done
  [ "$ok" = "$TOKENS" ] && log "node 2 out of the pool: $ok/$TOKENS tokens through HAProxy (node 1 alone)" \
    || fail "node 2 out of the pool: only $ok/$TOKENS tokens through HAProxy"
  grep -q 'node2 is DOWN' "$WORK/haproxy.log" && log "HAProxy's health check took node 2 out" \
    || fail "HAProxy's health check did not take node 2 out"
  [ "$FAILED" = 0 ] && echo "PASS: two nodes on PostgreSQL behind HAProxy" || exit 1
  exit 0
fi

[ "$FAILED" = 0 ] || exit 1
cat <<INFO
Up: HAProxy $LB -> nodes :$NODE1_PORT and :$NODE2_PORT on $DB_URL. Logs (JSON) in $WORK.
  LB=$LB SERVICE_ID=$SERVICE_ID CLIENT_ID=$CLIENT_ID CLIENT_SECRET=$CLIENT_SECRET
  GRANTSMITH_ADMIN_TOKEN=$ADMIN
Ctrl-C stops everything.
INFO
wait "$NODE1_PID"
