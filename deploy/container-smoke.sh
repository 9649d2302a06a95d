#!/usr/bin/env bash
# Builds the image with the Dockerfile and runs it, then compose.yaml, on a Docker host (not part of CI: CI machines
# have no Docker daemon; DeploymentFilesTest checks the files without one). docs/OPERATIONS.md#containers.
#
#   deploy/container-smoke.sh [image|compose|all]     (default all); exit status 0 when every check passed
#
# image:   build grantsmith:local (BuildKit); it runs as uid 10001, has a HEALTHCHECK and a class-data archive the
#          JVM maps (-Xshare:on with the image's options); one container on SQLite turns healthy and serves a
#          client_credentials token for a service and client made over /api; `docker stop` ends it within 10 s.
# compose: compose.yaml (project gs-smoke, its volumes removed at the end): PostgreSQL, two nodes and HAProxy come up;
#          a service and client made through HAProxy; tokens through HAProxy, both nodes answering some (HAProxy's
#          log); a token from each node asked directly (the container's address on the compose network); a token
#          from one node usable on the other; node 2 stopped: tokens through HAProxy still all succeed, from node 1.
#
# Base images: the upstream ones unless BUILD_IMAGE, RUNTIME_IMAGE, POSTGRES_IMAGE, HAPROXY_IMAGE are set; with
# STAND_INS=1 the ones deploy/local-base-images.sh built (PREFIX, default grantsmith-local).
# Env: DOCKER (docker; its `build` must have BuildKit: buildx, or Docker 20.10's own client), COMPOSE (`docker
# compose` when that works, else docker-compose), TOKENS (20), KEEP=1 leaves the containers up.
# Needs: docker, curl, python3, openssl; compose publishes HAProxy on 127.0.0.1:8080, which must be free.
set -euo pipefail
MODE=${1:-all}
case "$MODE" in image|compose|all) ;; *) echo "usage: $0 [image|compose|all]" >&2; exit 2 ;; esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DOCKER=${DOCKER:-docker}
TOKENS=${TOKENS:-20}
IMAGE=grantsmith:local
if [ "${STAND_INS:-0}" = 1 ]; then
  PREFIX=${PREFIX:-grantsmith-local}
  export BUILD_IMAGE=${BUILD_IMAGE:-$PREFIX/maven:3.8-openjdk-17} RUNTIME_IMAGE=${RUNTIME_IMAGE:-$PREFIX/openjdk:17-jre}
  export POSTGRES_IMAGE=${POSTGRES_IMAGE:-$PREFIX/postgres:15} HAPROXY_IMAGE=${HAPROXY_IMAGE:-$PREFIX/haproxy:2.6}
fi
if [ -z "${COMPOSE:-}" ]; then
  if "$DOCKER" compose version >/dev/null 2>&1; then COMPOSE="$DOCKER compose"; else COMPOSE=docker-compose; fi
fi
PROJECT=gs-smoke
SINGLE=gs-smoke-single
FAILED=0
log() { echo "# $*"; }
fail() { echo "FAIL: $*" >&2; FAILED=1; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
random_hex() { openssl rand -hex "$1"; }

cleanup() {
  local rc=$?
  if [ "${KEEP:-0}" != 1 ]; then
    "$DOCKER" rm -f "$SINGLE" >/dev/null 2>&1 || true
    "$DOCKER" volume rm "$SINGLE-data" >/dev/null 2>&1 || true
    if [ "$MODE" != image ]; then (cd "$ROOT" && $COMPOSE -p "$PROJECT" down -v >/dev/null 2>&1) || true; fi
  fi
  [ "$FAILED" = 0 ] && [ "$rc" = 0 ] && echo "PASS" || { echo "FAILED (exit $rc)" >&2; exit 1; }
}
trap cleanup EXIT

wait_for() { # URL SECONDS: until it answers 2xx
  for _ in $(seq $(( $2 * 5 ))); do
    curl -fs -o /dev/null "$1" && return 0
    sleep 0.2
  done
  return 1
}
health_of() { "$DOCKER" inspect -f '{{.State.Health.Status}}' "$1" 2>/dev/null || echo none; }
wait_healthy() { # CONTAINER SECONDS
  for _ in $(seq "$2"); do
    [ "$(health_of "$1")" = healthy ] && return 0
    sleep 1
  done
  return 1
}
address_of() { "$DOCKER" inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$1"; }

# make_client BASE ADMIN_TOKEN: a service and a client_credentials client over /api; sets SERVICE_ID API_SECRET
# CLIENT_ID CLIENT_SECRET
make_client() {
  local service client
  service=$(curl -fsS "$1/api/service/create" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    -d '{"serviceName":"container-smoke","supportedScopes":[{"name":"read","defaultEntry":true}]}')
  SERVICE_ID=$(echo "$service" | json "['apiKey']"); API_SECRET=$(echo "$service" | json "['apiSecret']")
  client=$(curl -fsS "$1/api/$SERVICE_ID/client/create" -H "Authorization: Bearer $API_SECRET" \
    -H 'Content-Type: application/json' -d '{"clientName":"container-smoke","grantTypes":["CLIENT_CREDENTIALS"]}')
  CLIENT_ID=$(echo "$client" | json "['clientId']"); CLIENT_SECRET=$(echo "$client" | json "['clientSecret']")
}
token() { # BASE: a client_credentials access token, or nothing
  curl -fsS --max-time 10 "$1/as/$SERVICE_ID/token" -u "$CLIENT_ID:$CLIENT_SECRET" -d grant_type=client_credentials \
    | json "['access_token']" 2>/dev/null || true
}
tokens() { # BASE N: how many of N token requests succeeded
  local ok=0
  for _ in $(seq "$2"); do [ -n "$(token "$1")" ] && ok=$((ok + 1)); done
  echo "$ok"
}
usable_on() { # BASE TOKEN: introspection there says the token is usable
  curl -fsS "$1/api/$SERVICE_ID/auth/introspection" -H "Authorization: Bearer $API_SECRET" \
    -H 'Content-Type: application/json' -d "{\"token\":\"$2\"}" | json "['usable']"
}

# ---- the image
if [ "$MODE" != compose ]; then
  BUILD_ARGS=()
  [ -n "${BUILD_IMAGE:-}" ] && BUILD_ARGS+=(--build-arg "BUILD_IMAGE=$BUILD_IMAGE")
  [ -n "${RUNTIME_IMAGE:-}" ] && BUILD_ARGS+=(--build-arg "RUNTIME_IMAGE=$RUNTIME_IMAGE")
  log "docker build -t $IMAGE ${BUILD_ARGS[*]} ."
  started=$(date +%s)
  DOCKER_BUILDKIT=1 nice -n 19 "$DOCKER" build -t "$IMAGE" "${BUILD_ARGS[@]}" "$ROOT"
  log "built in $(( $(date +%s) - started )) s; $("$DOCKER" image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%d MB", $1/1e6}')"

  user=$("$DOCKER" image inspect -f '{{.Config.User}}' "$IMAGE")
  [ "$user" = 10001:10001 ] && log "USER $user" || fail "the image's user is '$user', not 10001:10001"
  uid=$("$DOCKER" run --rm --entrypoint id "$IMAGE" -u)
  [ "$uid" = 10001 ] && log "runs as uid $uid" || fail "runs as uid $uid"
  "$DOCKER" image inspect -f '{{json .Config.Healthcheck.Test}}' "$IMAGE" | grep -q health-check \
    && log "HEALTHCHECK: grantsmith health-check" || fail "no HEALTHCHECK"
  # the archive, and that this JVM maps it with the image's options and class path (-jar; -Xshare:on makes a
  # refusal fatal): Grantsmith's own classes it loads from the archive (a static one: the JDK's default archive
  # holds none of them)
  from_archive=$("$DOCKER" run --rm --entrypoint sh "$IMAGE" -c 'exec java $GRANTSMITH_JAVA_OPTS -Xshare:on \
      -Xlog:class+load=info -jar /opt/grantsmith/grantsmith.jar --version' 2>&1 \
      | grep -c ' io\.grantsmith\.[^ ]* source: shared objects file' || true)
  [ "$from_archive" -gt 0 ] && log "class-data archive mapped: $from_archive classes from it for --version" \
    || fail "no usable class-data archive (the image works without one, but starts slower)"

  ADMIN=$(random_hex 32)
  "$DOCKER" rm -f "$SINGLE" >/dev/null 2>&1 || true
  "$DOCKER" run -d --name "$SINGLE" -p 127.0.0.1::8080 -v "$SINGLE-data:/var/lib/grantsmith" \
    -e GRANTSMITH_ADMIN_TOKEN="$ADMIN" "$IMAGE" >/dev/null
  started=$(date +%s)
  if wait_healthy "$SINGLE" 90; then log "healthy after $(( $(date +%s) - started )) s"; else
    fail "not healthy after 90 s ($(health_of "$SINGLE"))"; "$DOCKER" logs --tail 30 "$SINGLE" >&2; exit 1; fi
  BASE="http://$("$DOCKER" port "$SINGLE" 8080/tcp | head -1)"
  make_client "$BASE" "$ADMIN"
  t=$(token "$BASE")
  [ -n "$t" ] && [ "$(usable_on "$BASE" "$t")" = True ] && log "token from $BASE/as/$SERVICE_ID/token, usable" \
    || fail "no usable token from the single container"
  started=$(date +%s%N)
  "$DOCKER" stop -t 10 "$SINGLE" >/dev/null
  ms=$(( ($(date +%s%N) - started) / 1000000 )); code=$("$DOCKER" inspect -f '{{.State.ExitCode}}' "$SINGLE")
  [ "$ms" -lt 10000 ] && log "docker stop: ${ms} ms, exit code $code" || fail "docker stop took ${ms} ms (killed)"
  "$DOCKER" rm -f "$SINGLE" >/dev/null; "$DOCKER" volume rm "$SINGLE-data" >/dev/null
fi

# ---- compose.yaml
if [ "$MODE" != image ]; then
  export GRANTSMITH_ADMIN_TOKEN; GRANTSMITH_ADMIN_TOKEN=$(random_hex 32)
  export GRANTSMITH_MASTER_KEY; GRANTSMITH_MASTER_KEY=$(openssl rand -base64 32)
  export POSTGRES_PASSWORD; POSTGRES_PASSWORD=$(random_hex 16)
  LB=http://127.0.0.1:8080
  cd "$ROOT"
  log "$COMPOSE -p $PROJECT up -d (the image $IMAGE as built above)"
  $COMPOSE -p "$PROJECT" up -d
  # by id: Compose v1 names containers PROJECT_SERVICE_1, v2 PROJECT-SERVICE-1
  container() { $COMPOSE -p "$PROJECT" ps -q "$1"; }
  N1=$(container grantsmith-1); N2=$(container grantsmith-2); HA=$(container haproxy)
  started=$(date +%s)
  for node in "$N1" "$N2"; do
    wait_healthy "$node" 120 || { fail "node $node not healthy: $(health_of "$node")"; "$DOCKER" logs --tail 30 "$node" >&2; exit 1; }
  done
  log "both nodes healthy after $(( $(date +%s) - started )) s"
  wait_for "$LB/health" 30 || { fail "HAProxy does not answer /health"; "$DOCKER" logs --tail 30 "$HA" >&2; exit 1; }
  sleep 4.5 # two checks 2 s apart ("rise 2"): both nodes in the pool
  make_client "$LB" "$GRANTSMITH_ADMIN_TOKEN"
  log "service $SERVICE_ID, client $CLIENT_ID (through HAProxy)"

  ok=$(tokens "$LB" "$TOKENS")
  [ "$ok" = "$TOKENS" ] && log "$ok/$TOKENS tokens through HAProxy" || fail "$ok/$TOKENS tokens through HAProxy"
  served() { "$DOCKER" logs "$HA" 2>&1 | grep -c "nodes/$1 .* 200 .*POST \"/as/$SERVICE_ID/token\"" || true; }
  s1=$(served node1); s2=$(served node2)
  [ "$s1" -gt 0 ] && [ "$s2" -gt 0 ] && log "HAProxy's log: node1 answered $s1, node2 $s2" \
    || fail "not both nodes answered through HAProxy (node1 $s1, node2 $s2)"

  B1="http://$(address_of "$N1"):8080"; B2="http://$(address_of "$N2"):8080"
  t1=$(token "$B1"); t2=$(token "$B2")
  [ -n "$t1" ] && log "token from node 1 directly ($B1)" || fail "no token from node 1 ($B1)"
  [ -n "$t2" ] && log "token from node 2 directly ($B2)" || fail "no token from node 2 ($B2)"
  [ "$(usable_on "$B2" "$t1")" = True ] && [ "$(usable_on "$B1" "$t2")" = True ] \
    && log "each node's token usable on the other" || fail "a token from one node not usable on the other"

  "$DOCKER" stats --no-stream --format '{{.Name}} {{.MemUsage}}' "$N1" "$N2" | sed 's/^/# memory: /'
  "$DOCKER" inspect "$N1" | python3 -c '
import json, sys
from datetime import datetime
def t(s): return datetime.fromisoformat(s[:26].rstrip("Z"))
runs = json.load(sys.stdin)[0]["State"]["Health"]["Log"]
ms = sorted((t(r["End"]) - t(r["Start"])).total_seconds() * 1000 for r in runs)
print("# health check (a JVM every 10 s): %d runs, %.0f-%.0f ms" % (len(ms), ms[0], ms[-1]))'

  log "docker stop node 2"
  "$DOCKER" stop "$N2" >/dev/null
  redispatched() { "$DOCKER" logs "$HA" 2>&1 | grep -c -E ' [0-9]+/[0-9]+/[0-9]+/[0-9]+/\+[0-9]+ ' || true; }
  before=$(redispatched); started=$(date +%s%N)
  ok=$(tokens "$LB" "$TOKENS")
  ms=$(( ($(date +%s%N) - started) / 1000000 )); moved=$(( $(redispatched) - before ))
  [ "$ok" = "$TOKENS" ] && log "$ok/$TOKENS tokens through HAProxy right after, in $ms ms; $moved sent to node 1 after a failed connection to node 2" \
    || fail "$ok/$TOKENS tokens right after node 2 stopped"
  sleep 5 # its checks fail ("fall 2", 2 s apart)
  before=$(served node1)
  ok=$(tokens "$LB" "$TOKENS")
  after=$(served node1)
  [ "$ok" = "$TOKENS" ] && [ $((after - before)) = "$TOKENS" ] \
    && log "$ok/$TOKENS tokens through HAProxy once node 2 is out, all from node 1" \
    || fail "$ok/$TOKENS tokens with node 2 down, $((after - before)) from node 1"
  "$DOCKER" logs "$HA" 2>&1 | grep -E 'node2 is (DOWN|UP)' | sed 's/^/# haproxy: /' || true
  "$DOCKER" start "$N2" >/dev/null
  if wait_healthy "$N2" 90; then
    sleep 4.5
    before=$(served node2); ok=$(tokens "$LB" "$TOKENS"); after=$(served node2)
    [ "$ok" = "$TOKENS" ] && [ $((after - before)) -gt 0 ] && log "node 2 started again: back in the pool ($((after - before)) of $ok)" \
      || fail "node 2 restarted: $ok/$TOKENS tokens, $((after - before)) from node 2"
  else
    fail "node 2 not healthy after its restart"
  fi
fi
