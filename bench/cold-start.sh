#!/usr/bin/env bash
# Measures Grantsmith's cold start: the time from launching the server's JVM to the first client_credentials token
# it issues. Two cases, on a fresh data directory each time (SQLite store, loopback only):
#   first start  an empty data directory: the JVM starts, creates the master key and the database (every Flyway
#                migration), and listens; then a service and a client are created through /api and a token asked
#                for at /as. Reported: to /health UP, and to the first token (service and client creation included).
#   restart      the same directory with its service and client, server stopped and started again: the poller
#                asks /as for a token every 10 ms from the launch on; reported is the time to the first 200.
# Each launch set runs ROUNDS times (a new directory per round), the sets interleaved round by round so that the
# machine's drift falls on all alike; the median and every value are printed.
#
# Usage: bench/cold-start.sh ['NAME=HOW' ...]   HOW is `script` (bin/grantsmith with its defaults, class-data archive
#        included; the default set), `script=PATH` (another checkout's bin/grantsmith, e.g. main's), or JVM options
#        for `java OPTIONS -jar grantsmith.jar` (may be empty; a word jar=PATH runs another build's jar, e.g. of the
#        commit before a change).
#        e.g. bench/cold-start.sh 'plain-jar=' 'bin-grantsmith=script'; bench/cold-start.sh 'main=script=/work/wt/m/bin/grantsmith' 'branch=script'
#        Env: ROUNDS (5) PORT (18650) JAVA (java, for the jar sets)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
"$ROOT/bin/grantsmith" --version >/dev/null   # builds the jar when it is missing or stale
echo "# $(date -u +%FT%TZ) $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); JVM: $(${JAVA:-java} -version 2>&1 | head -1)"
echo "# calibration: openssl rsa2048 sign/s, 1 thread, 2 s: $(openssl speed -seconds 2 rsa2048 2>/dev/null | awk '/^rsa 2048/{print $6}')"
[ $# -ge 1 ] || set -- 'bin-grantsmith=script'
exec python3 - "$ROOT" "${ROUNDS:-5}" "${PORT:-18650}" "${JAVA:-java}" "$@" <<'PY'
import base64, http.client, json, os, secrets, shutil, signal, statistics, subprocess, sys, tempfile, time

root, rounds, port, java = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
sets = [arg.split("=", 1) for arg in sys.argv[5:]]
admin = "cold-admin-" + secrets.token_hex(16)
API_TIMEOUT = 30.0  # seconds for each /api call of a first start

def command(how, data):
    args = ["serve", "--port", str(port), "--data", data]
    if how == "script" or how.startswith("script="):
        return [script(how), *args]
    words = how.split()
    jar = next((w[4:] for w in words if w.startswith("jar=")), f"{root}/grantsmith-server/target/grantsmith.jar")
    return [java, *(w for w in words if not w.startswith("jar=")), "-jar", jar, *args]

def script(how):
    """bin/grantsmith of this checkout, or of another one (script=PATH, e.g. the commit before a change)."""
    return how[len("script="):] if how.startswith("script=") else f"{root}/bin/grantsmith"

def request(method, path, body=None, headers=None, timeout=2.0):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()

def poll(method, path, body=None, headers=None, limit=30.0):
    """Asks every 10 ms until a 200; returns the seconds since `started` (set by the caller)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            status, _ = request(method, path, body, headers, timeout=1.0)
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.01)
    raise SystemExit(f"no 200 from {method} {path} within {limit} s")

def start(how, data):
    log = open(os.path.join(data, "server.log"), "ab")
    env = dict(os.environ, GRANTSMITH_ADMIN_TOKEN=admin)
    return subprocess.Popen(command(how, data), stdout=log, stderr=log, env=env, start_new_session=True)

def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()

def token_request(service_id, client_id, secret):
    basic = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    return ("POST", f"/as/{service_id}/token", "grant_type=client_credentials",
            {"Authorization": "Basic " + basic, "Content-Type": "application/x-www-form-urlencoded"})

results = {name: {"first start: /health UP": [], "first start: first token": [], "restart: first token": []}
           for name, _ in sets}

def cycle(name, how):
    data = tempfile.mkdtemp(prefix="grantsmith-cold.")
    try:
        # first start on an empty directory
        t0 = time.monotonic()
        process = start(how, data)
        poll("GET", "/health")
        results[name]["first start: /health UP"].append(time.monotonic() - t0)
        auth = {"Authorization": "Bearer " + admin, "Content-Type": "application/json"}
        # 30 s, not the polls' 2 s: the service's creation generates its first key on a cold JVM (and a busy
        # machine), and one hang without a bound once stalled a whole run
        status, body = request("POST", "/api/service/create", json.dumps({"serviceName": "cold"}), auth,
                               timeout=API_TIMEOUT)
        if status != 200:
            raise SystemExit(f"service creation: HTTP {status} {body[:200]!r}")
        service = json.loads(body)
        auth = {"Authorization": "Bearer " + service["apiSecret"], "Content-Type": "application/json"}
        status, body = request("POST", f"/api/{service['apiKey']}/client/create",
                               json.dumps({"clientName": "cold", "grantTypes": ["CLIENT_CREDENTIALS"]}), auth,
                               timeout=API_TIMEOUT)
        if status != 200:
            raise SystemExit(f"client creation: HTTP {status} {body[:200]!r}")
        client = json.loads(body)
        token = token_request(service["apiKey"], client["clientId"], client["clientSecret"])
        poll(*token)
        results[name]["first start: first token"].append(time.monotonic() - t0)
        stop(process)
        # restart: the service and the client exist
        time.sleep(0.5)
        t0 = time.monotonic()
        process = start(how, data)
        poll(*token)
        results[name]["restart: first token"].append(time.monotonic() - t0)
        stop(process)
    finally:
        shutil.rmtree(data, ignore_errors=True)

for name, how in sets:
    if how == "script" or how.startswith("script="):  # builds the jar and makes the class-data archive, if missing,
        subprocess.run([script(how), "serve", "--help"], check=True, stdout=subprocess.DEVNULL)  # before the rounds
for round_ in range(rounds):
    for name, how in sets:
        cycle(name, how)

def show(name, values):
    print(f"{name:44s} median {statistics.median(values):.2f} s   ({'  '.join(f'{v:.2f}' for v in values)})")
for name, how in sets:
    print(f"# {name}: {script(how) + ' (its default options and class-data archive)' if how.startswith('script') else 'java ' + how + ' -jar grantsmith.jar'}")
    for case, values in results[name].items():
        show(f"{name} {case}", values)
print(f"# end: load average {' '.join(open('/proc/loadavg').read().split()[:3])}")
PY
