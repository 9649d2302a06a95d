#!/usr/bin/env bash
# Server memory against throughput: starts one Grantsmith server (SQLite, fresh data directory) per JVM option set,
# all at once on their own ports, and runs `wrk -t2 -c50` client_credentials at /as against each in turn (rounds
# interleaved, so the machine's drift falls on every set alike). Prints per set and round: tokens/s, p99, the
# resident set (RSS) at the end of the run and its peak since start (VmHWM), and the ratio of each set's tokens/s
# to the first set's per round. Loopback only.
#
# Usage: bench/footprint.sh 'NAME=JVM OPTIONS' ...   e.g. bench/footprint.sh 'jvm-defaults=' 'script-defaults=@'
#        '@' in a set stands for bin/grantsmith's default options (its GRANTSMITH_DEFAULT_* lines, the native-heap
#        trim included: a JVM older than JDK 17.0.9 refuses it), and its class-data archive;
#        words like NAME=VALUE before the options go to the JVM's environment (e.g. 'arena2=MALLOC_ARENA_MAX=2 @').
#        Env: DURATION (15s) WARMUP (15s) RUNS (3) CONNS (50) THREADS (2) PORT (18700: first set; +1 each next)
#        PEERS (../shared/peers) JAVA (java)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PEERS=${PEERS:-$ROOT/../shared/peers}
T=${THREADS:-2}; C=${CONNS:-50}; D=${DURATION:-15s}; W=${WARMUP:-15s}; R=${RUNS:-3}; PORT=${PORT:-18700}
JAVA=${JAVA:-java}
JAR="$ROOT/grantsmith-server/target/grantsmith.jar"
[ $# -ge 1 ] || { sed -n '2,11p' "$0"; exit 2; }
command -v wrk >/dev/null || { echo "needs wrk (apt-get install -y wrk)" >&2; exit 2; }
"$ROOT/bin/grantsmith" serve --help >/dev/null   # builds the jar and the class-data archive when missing or stale
SCRIPT_DEFAULTS=$(sed -n 's/^GRANTSMITH_DEFAULT_[A-Z_]*="\(.*\)"$/\1/p' "$ROOT/bin/grantsmith" | tr '\n' ' ')
ARCHIVE="$ROOT/grantsmith-server/target/grantsmith.jsa"
[ "$ARCHIVE" -nt "$JAR" ] && SCRIPT_DEFAULTS="$SCRIPT_DEFAULTS -XX:SharedArchiveFile=$ARCHIVE"

ADMIN="bench-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
WORK=$(mktemp -d /tmp/grantsmith-footprint.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
kib() { awk -v k="$2:" '$1 == k {print int($2 / 1024)}' "/proc/$1/status"; }

echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); wrk -t$T -c$C -d$D, warm-up $W, $R rounds"
echo "# calibration (start): openssl rsa2048 sign/s, 1 thread, 2 s: $(openssl speed -seconds 2 rsa2048 2>/dev/null | awk '/^rsa 2048/{print $6}')"
NAMES=(); URLS=(); IDS=(); SECRETS=()
i=0
for set in "$@"; do
  name=${set%%=*}; opts=${set#*=}
  opts=${opts//@/$SCRIPT_DEFAULTS}
  envs=(); jvm=()
  for word in $opts; do
    if [[ "$word" =~ ^[A-Z_][A-Z0-9_]*= ]]; then envs+=("$word"); else jvm+=("$word"); fi
  done
  port=$((PORT + i)); data="$WORK/$name"; mkdir -p "$data"
  echo "# $name: $opts"
  env GRANTSMITH_ADMIN_TOKEN="$ADMIN" "${envs[@]}" "$JAVA" "${jvm[@]}" -jar "$JAR" serve --port "$port" --data "$data" \
    > "$data/server.log" 2>&1 &
  PIDS+=($!)
  base="http://127.0.0.1:$port"
  for _ in $(seq 1 150); do curl -sf "$base/health" >/dev/null && break; sleep 0.2; done
  curl -sf "$base/health" >/dev/null || { cat "$data/server.log"; exit 1; }
  service=$(curl -sf -X POST "$base/api/service/create" -H "Authorization: Bearer $ADMIN" \
    -H 'Content-Type: application/json' -d '{"serviceName":"footprint"}')
  sid=$(echo "$service" | json '["apiKey"]'); secret=$(echo "$service" | json '["apiSecret"]')
  client=$(curl -sf -X POST "$base/api/$sid/client/create" -H "Authorization: Bearer $secret" \
    -H 'Content-Type: application/json' -d '{"clientName":"footprint","grantTypes":["CLIENT_CREDENTIALS"]}')
  NAMES+=("$name"); URLS+=("$base/as/$sid/token")
  IDS+=("$(echo "$client" | json '["clientId"]')"); SECRETS+=("$(echo "$client" | json '["clientSecret"]')")
  i=$((i + 1))
done

load() { # load INDEX DURATION: prints wrk's RESULT line
  CLIENT_ID="${IDS[$1]}" CLIENT_SECRET="${SECRETS[$1]}" wrk -t"$T" -c"$C" -d"$2" -s "$PEERS/wrk/cc.lua" "${URLS[$1]}" \
    | grep RESULT
}
for i in "${!NAMES[@]}"; do load "$i" "$W" > /dev/null; done
RESULTS="$WORK/results"
for round in $(seq 1 "$R"); do
  for i in "${!NAMES[@]}"; do
    sleep 1
    line=$(load "$i" "$D")
    pid=${PIDS[$i]}
    threads=$(awk '$1 == "Threads:" {print $2}' "/proc/$pid/status")
    row="${NAMES[$i]} round=$round $line rss_mib=$(kib "$pid" VmRSS) peak_mib=$(kib "$pid" VmHWM) threads=$threads"
    echo "$row"; echo "$row" >> "$RESULTS"
  done
done
echo "# calibration (end): openssl rsa2048 sign/s, 1 thread, 2 s: $(openssl speed -seconds 2 rsa2048 2>/dev/null | awk '/^rsa 2048/{print $6}'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!NAMES[@]}"; do
  grep -q -i -E 'exception|error' "$WORK/${NAMES[$i]}/server.log" && echo "# ${NAMES[$i]}: the server log has errors:" \
    && grep -i -E -m3 'exception|error' "$WORK/${NAMES[$i]}/server.log"
done
python3 - "$RESULTS" "${NAMES[0]}" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, rest = line.split(" ", 1)
    rows.setdefault(name, []).append(dict(re.findall(r"(\w+)=([\d.]+)", rest)))
first = {v["round"]: float(v["rps"]) for v in rows[sys.argv[2]]}
print("\n## summary (median of rounds; ratio = tokens/s against the first set, per round)")
for name, values in rows.items():
    med = lambda k: statistics.median(float(v[k]) for v in values)
    ratios = [float(v["rps"]) / first[v["round"]] for v in values]
    print(f"{name:20s} {med('rps'):>8,.0f} tokens/s  p99 {med('p99_ms'):6.2f} ms  RSS {med('rss_mib'):4.0f} MiB  "
          f"peak {max(float(v['peak_mib']) for v in values):4.0f} MiB  ratio {statistics.median(ratios):.2f} "
          f"({' '.join(f'{r:.2f}' for r in ratios)})")
PY
