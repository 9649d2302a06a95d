#!/usr/bin/env bash
# Measures what abusive senders cost legitimate ones (issue #7): for each attack, a legitimate client_credentials
# stream of service B at /as/{serviceId}/token (wrk, LEGIT_CONNS connections) is measured alone and during the attack,
# together with /health latency, and the attacker's answers are counted by status. The attacks:
#   password      200 concurrent wrong-password attempts at /as from one public client of service B, 15 s
#   slow-bodies   500 connections trickling a token request's body one byte per second (bench/slow_clients.py)
#   long-ids      client_id values of 1 to 64 KiB at /as and at POST /api/{serviceId}/auth/token, both of service B
#   tenant-flood  service A's own client floods issuance (client_credentials at A's /as)
# Loopback only, bounded (every attack runs ATTACK_SECONDS; no step waits unbounded), one server with -Xmx256m.
# Goals (issue #7): the stream keeps >= 50 % of its throughput and /health p99 <= 100 ms under each attack, on 2 cores.
#
# Usage: bench/abuse.sh   Env: LEGIT_CONNS (4) LEGIT_SECONDS (10) ATTACK_SECONDS (15) ATTACK_CONNS (200) SLOW (500)
#        FLOOD_CONNS (100) PORT (18800) JAVA (java binary) GRANTSMITH_JAVA_OPTS (-Xmx256m)
#        SERVE_ARGS (extra serve options, e.g. --issuance-rate 2000) ONLY (space-separated attacks to run)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PEERS=${PEERS:-$ROOT/../shared/peers}
LC=${LEGIT_CONNS:-4}; LD=${LEGIT_SECONDS:-10}; AD=${ATTACK_SECONDS:-15}; AC=${ATTACK_CONNS:-200}
SLOW=${SLOW:-500}; FC=${FLOOD_CONNS:-100}; PORT=${PORT:-18800}
ONLY=${ONLY:-password slow-bodies long-ids tenant-flood}
JAVA=${JAVA:-java}
BASE="http://127.0.0.1:$PORT"
ADMIN="bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
DATA=$(mktemp -d /tmp/grantsmith-abuse.XXXXXX)
OUT=$(mktemp -d /tmp/grantsmith-abuse-out.XXXXXX)
SERVER_PID=""; ATTACK_PIDS=()
(( LD + 3 <= AD )) || { echo "ATTACK_SECONDS must exceed LEGIT_SECONDS by 3 (the attack settles first)" >&2; exit 2; }

# kill_tree PID: the process and its descendants (an attacker runs as time -> timeout -> wrk)
kill_tree() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
cleanup() {
  for pid in "${ATTACK_PIDS[@]}"; do kill_tree "$pid"; done
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$DATA" "$OUT"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }
"$ROOT/bin/grantsmith" --version >/dev/null   # builds the jar when it is missing or stale
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# ok_rps RESULT-LINE: answers the legit stream got that were not errors, per second (a 429 is not throughput kept)
ok_rps() { python3 -c "import re,sys; v=dict(re.findall(r'(\w+)=([\d.]+)', sys.argv[1])); \
print(round((float(v['requests']) - float(v['non2xx_or_3xx'])) / float(v['duration_s']), 1))" "$1"; }
# CPU seconds the server has used so far (user + system), to tell its own cost from the machine's noise
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$SERVER_PID/stat"; }

echo "# $(date -u +%FT%TZ) $(nproc) cores; load average $(load); legit: wrk -t1 -c$LC -d${LD}s; attacks ${AD}s"
echo "# server JVM: $("$JAVA" -version 2>&1 | head -1); ${GRANTSMITH_JAVA_OPTS:--Xmx256m} ${SERVE_ARGS:-}"
echo "# calibration: openssl rsa2048 sign/s, 1 thread, 2 s: $(openssl speed -seconds 2 rsa2048 2>/dev/null | awk '/^rsa 2048/{print $6}')"

# shellcheck disable=SC2086
GRANTSMITH_ADMIN_TOKEN="$ADMIN" "$JAVA" ${GRANTSMITH_JAVA_OPTS:--Xmx256m} -jar "$ROOT/grantsmith-server/target/grantsmith.jar" \
  serve --host 127.0.0.1 --port "$PORT" --data "$DATA" ${SERVE_ARGS:-} > "$OUT/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 150); do curl -sf "$BASE/health" >/dev/null && break; sleep 0.2; done
curl -sf "$BASE/health" >/dev/null || { cat "$OUT/server.log"; exit 1; }

# create_service NAME -> "id secret"; create_client SERVICE_ID API_SECRET DOCUMENT -> "clientId clientSecret"
create_service() {
  curl -sf -X POST "$BASE/api/service/create" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d "{\"serviceName\":\"$1\"}" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['apiKey'], d['apiSecret'])"
}
create_client() {
  curl -sf -X POST "$BASE/api/$1/client/create" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' \
    -d "$3" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['clientId'], d.get('clientSecret') or '-')"
}
read -r SID_B SECRET_B <<< "$(create_service legit)"
read -r SID_A SECRET_A <<< "$(create_service noisy-tenant)"
read -r CID_B CSECRET_B <<< "$(create_client "$SID_B" "$SECRET_B" '{"clientName":"legit","grantTypes":["CLIENT_CREDENTIALS"]}')"
read -r PUBLIC_ID _ <<< "$(create_client "$SID_B" "$SECRET_B" \
  '{"clientName":"app","clientType":"PUBLIC","grantTypes":["PASSWORD","REFRESH_TOKEN"]}')"
read -r CID_A CSECRET_A <<< "$(create_client "$SID_A" "$SECRET_A" '{"clientName":"noisy","grantTypes":["CLIENT_CREDENTIALS"]}')"
echo 'correct horse battery' | GRANTSMITH_JAVA_OPTS="-Xmx128m" "$ROOT/bin/grantsmith" user add --data "$DATA" \
  --service "$SID_B" --username alice --password-stdin > "$OUT/cli.log" 2>&1 || { cat "$OUT/cli.log"; exit 1; }
# The user is seen once the server's cache of the service expires; a right password must work before the flood.
SIGNED_IN=0
for _ in $(seq 1 40); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -d grant_type=password -d client_id="$PUBLIC_ID" -d username=alice \
    --data-urlencode 'password=correct horse battery' "$BASE/as/$SID_B/token")" = 200 ] && { SIGNED_IN=1; break; }
  sleep 1
done
[ "$SIGNED_IN" = 1 ] || echo "# WARNING: alice's password grant did not succeed within 40 s; the flood runs all the same"
URL_B="$BASE/as/$SID_B/token"

legit() { CLIENT_ID="$CID_B" CLIENT_SECRET="$CSECRET_B" timeout $((LD + 20)) wrk -t1 -c"$LC" -d"${LD}s" \
  -s "$PEERS/wrk/cc.lua" "$URL_B" | grep RESULT; }
health() { timeout $((LD + 20)) python3 "$HERE/slow_clients.py" health 127.0.0.1 "$PORT" "$LD" 20; }
attacker() {  # attacker MODE CONNS URL [ENV=VALUE...]: one wrk attacker in the background, for ATTACK_SECONDS
  local mode=$1 conns=$2 url=$3; shift 3
  env MODE="$mode" "$@" /usr/bin/time -f "ATTACKER_CPU %U %S" timeout $((AD + 30)) wrk -t2 -c"$conns" -d"${AD}s" --timeout 5s -s "$HERE/abuse.lua" "$url" \
    > "$OUT/attack-$mode" 2>&1 &
  ATTACK_PIDS+=($!)
}
wait_attackers() {
  for pid in "${ATTACK_PIDS[@]}"; do wait "$pid" || true; done
  ATTACK_PIDS=()
}

echo "# warm-up 15 s"
CLIENT_ID="$CID_B" CLIENT_SECRET="$CSECRET_B" wrk -t1 -c"$LC" -d15s -s "$PEERS/wrk/cc.lua" "$URL_B" >/dev/null
CLIENT_ID="$CID_A" CLIENT_SECRET="$CSECRET_A" wrk -t1 -c"$LC" -d5s -s "$PEERS/wrk/cc.lua" "$BASE/as/$SID_A/token" >/dev/null

# run ATTACK: the legit stream alone, then the attack; one result line per attack in $OUT/rows
run() {
  local attack=$1 before during hp answers attacker_cpu c0 c1 cpu_alone cpu_attacked
  sleep 3   # what the previous attack left behind (closing connections, throttles) settles
  c0=$(cpu); before=$(legit); c1=$(cpu); cpu_alone=$(python3 -c "print(round($c1 - $c0, 1))")
  case "$attack" in
    password) attacker password "$AC" "$URL_B" PUBLIC_ID="$PUBLIC_ID" USERNAME=alice ;;
    slow-bodies)
      /usr/bin/time -f "ATTACKER_CPU %U %S" timeout $((AD + 30)) python3 "$HERE/slow_clients.py" trickle 127.0.0.1 "$PORT" "/as/$SID_B/token" "$SLOW" "$AD" \
        > "$OUT/attack-trickle" 2>&1 &
      ATTACK_PIDS+=($!) ;;
    long-ids)
      attacker long-id-as $((AC / 2)) "$URL_B"
      attacker long-id-api $((AC / 2)) "$BASE/api/$SID_B/auth/token" API_TOKEN="$SECRET_B" ;;
    tenant-flood) attacker cc "$FC" "$BASE/as/$SID_A/token" CLIENT_ID="$CID_A" CLIENT_SECRET="$CSECRET_A" ;;
  esac
  sleep 3   # the attack reaches full strength (every connection open, the first throttles engaged)
  local load_during; load_during=$(load)
  health > "$OUT/health" & hp=$!
  c0=$(cpu); during=$(legit); c1=$(cpu); wait "$hp" || true; cpu_attacked=$(python3 -c "print(round($c1 - $c0, 1))")
  wait_attackers
  answers=$(cat "$OUT"/attack-* 2>/dev/null | grep -hE '^(ANSWERS|TRICKLE)' | sed 's/^/  /')
  attacker_cpu=$(cat "$OUT"/attack-* 2>/dev/null | awk '/^ATTACKER_CPU/{s += $2 + $3} END{printf "%.1f", s}')
  rm -f "$OUT"/attack-*
  echo "$attack|$(ok_rps "$before")|$(ok_rps "$during")|$(field p99_ms < "$OUT/health")|$load_during|$cpu_alone / $cpu_attacked|$attacker_cpu|$(echo "$answers" | tr '\n' ';')" >> "$OUT/rows"
  echo "# $attack: legit alone: $before"
  echo "#   during: $during"
  echo "#   health: $(cat "$OUT/health"); load average $load_during; server CPU s alone / attacked: $cpu_alone / $cpu_attacked"
  echo "$answers" | sed 's/^/#/'
  echo "#   attackers' own CPU (on this machine too): $attacker_cpu s in ${AD} s"
}

for attack in $ONLY; do run "$attack"; done
echo "# server rss_mib=$(ps -o rss= -p "$SERVER_PID" | awk '{printf "%.0f", $1/1024}'); load average $(load)"
echo "# server log lines with an exception: $(grep -cE 'OutOfMemoryError|Exception' "$OUT/server.log" || true)"

echo
python3 - "$OUT/rows" <<'PY'
import re, sys
print("| attack | legit 2xx/s before | during | kept | /health p99 during | load avg (1/5/15 min) | server CPU s alone / attacked | attackers' CPU s | attacker answers by status |")
print("|---|--:|--:|--:|--:|---|---|--:|---|")
for line in open(sys.argv[1]):
    attack, before, during, p99, load, cpu, attacker_cpu, answers = line.rstrip("\n").split("|", 7)
    kept = f"{100 * float(during) / float(before):.0f} %" if before and during else "-"
    parts = []
    for a in filter(None, (x.strip() for x in answers.split(";"))):
        if a.startswith("ANSWERS"):
            mode = re.search(r"mode=(\S+)", a)[1]; statuses = re.search(r"statuses=(\S*)", a)[1]
            parts.append(f"{mode}: {statuses.replace(',', ', ')}")
        elif a.startswith("TRICKLE"):
            parts.append("tricklers: " + ", ".join(a.split()[1:]))
    print(f"| {attack} | {float(before or 0):,.0f} | {float(during or 0):,.0f} | {kept} | {p99} ms | {load} | {cpu} | {attacker_cpu} | {'; '.join(parts)} |")
PY
