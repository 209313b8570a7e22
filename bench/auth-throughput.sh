#!/usr/bin/env bash
# Authentication throughput: authenticated GET /qapi/v1/balance against the unauthenticated
# GET /healthz (liveness, no database work) and GET /healthz/ready (one database round trip),
# on one Release build of the server, on loopback, with wrk. See bench/README.md.
#
#   bench/auth-throughput.sh     # defaults: wrk -t1 -c32, 3 s warm-up per endpoint, then 3 interleaved
#                                # rounds of 10 s per endpoint; prints the median of the rounds
#   THREADS=1 CONNECTIONS=32 DURATION=10s WARMUP=3s ROUNDS=3 bench/auth-throughput.sh
#
# The server and wrk share the machine's cores; the numbers are only comparable with each other.
set -euo pipefail

THREADS="${THREADS:-1}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-3s}"
ROUNDS="${ROUNDS:-3}"

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/qapi-bench.XXXXXX")"
server_pid=""

cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1; }

if ! need wrk; then
    echo "== installing wrk (Debian package)" >&2
    if [[ $(id -u) -eq 0 ]]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null
fi
for tool in dotnet python3 curl wrk; do
    need "$tool" || { echo "missing: $tool" >&2; exit 1; }
done

echo "== load average before the run: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews req/s)" >&2
echo "== machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(uname -sr)," \
    ".NET $(dotnet --version), $(wrk --version 2>&1 | head -1 | awk '{ print $1, $2 }')" >&2
echo "== publishing src/Qapi.Server (Release)" >&2
dotnet publish "$repo/src/Qapi.Server" -c Release -o "$work/publish" -v quiet -nologo >&2

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
base="http://127.0.0.1:$port"
data="$work/data"

echo "== starting the server on $base (sandbox, fresh data directory)" >&2
(
    cd "$work"
    exec dotnet "$work/publish/Qapi.Server.dll" \
        --Qapi:Environment=sandbox --Qapi:DataDirectory="$data" --urls="$base"
) >"$work/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 1 120); do
    if curl -fsS "$base/healthz" >/dev/null 2>&1 && [[ -s "$data/demo-credentials.json" ]]; then
        break
    fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; echo "server exited" >&2; exit 1; }
    sleep 0.5
done
curl -fsS "$base/healthz" >/dev/null || { cat "$work/server.log" >&2; echo "server not live" >&2; exit 1; }

# Signs GET <url> now and prints the three header lines; a GET may be repeated within the window.
sign_headers() {
    python3 - "$data/demo-credentials.json" "$1" <<'PY'
import base64, hashlib, hmac, json, sys, time
creds = json.load(open(sys.argv[1]))
url = sys.argv[2]
secret = creds["secret"]
key = base64.urlsafe_b64decode(secret + "=" * (-len(secret) % 4))
ts = str(int(time.time()))
sig = base64.urlsafe_b64encode(hmac.new(key, (ts + "GET" + url).encode(), hashlib.sha256).digest()).decode().rstrip("=")
print(f"qredo-api-key: {creds['apiKey']}")
print(f"qredo-api-ts: {ts}")
print(f"qredo-api-sig: {sig}")
PY
}

ticks="$(getconf CLK_TCK)"
server_cpu() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }   # user + system, in clock ticks

# Runs wrk once against one URL with optional headers from a file. Prints
# "rps p50 p99 avg non2xx errors cpu_us_per_request" on stdout; wrk's full output goes to stderr.
# The server's CPU time per request (from /proc) is steadier than req/s when other work shares the machine.
load() {
    local url="$1" duration="$2" headers_file="${3:-}" args=()
    if [[ -n "$headers_file" ]]; then
        while IFS= read -r line; do args+=(-H "$line"); done <"$headers_file"
    fi
    local out cpu0 cpu1
    cpu0="$(server_cpu)"
    out="$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency "${args[@]}" "$url")"
    cpu1="$(server_cpu)"
    echo "$out" >&2
    awk -v cpu="$((cpu1 - cpu0))" -v hz="$ticks" '
        /^Requests\/sec:/ { rps = $2 }
        /^    Latency / { avg = $2 }
        /^ +50%/ { p50 = $2 }
        /^ +99%/ { p99 = $2 }
        /Non-2xx or 3xx responses:/ { non2xx = $NF }
        /Socket errors:/ { errors = $0; sub(/.*Socket errors: */, "", errors); gsub(/ /, "", errors) }
        / requests in / { n = $1 }
        END { printf "%s %s %s %s %s %s %.0f\n", rps, p50, p99, avg, (non2xx == "" ? 0 : non2xx), (errors == "" ? "none" : errors), (n ? cpu * 1e6 / hz / n : 0) }
    ' <<<"$out"
}

balance_url="$base/qapi/v1/balance"
headers="$work/headers.txt"
sign_headers "$balance_url" >"$headers"
curl_args=()
while IFS= read -r line; do curl_args+=(-H "$line"); done <"$headers"
status="$(curl -sS -o "$work/balance.json" -w '%{http_code}' "${curl_args[@]}" "$balance_url")"
if [[ "$status" != "200" ]]; then
    echo "authenticated GET /qapi/v1/balance answered $status, not 200:" >&2
    cat "$work/balance.json" >&2
    exit 1
fi
echo "== balance check: 200 $(head -c 200 "$work/balance.json")" >&2
for path in /healthz /healthz/ready; do
    code="$(curl -sS -o /dev/null -w '%{http_code}' "$base$path")"
    [[ "$code" == "200" ]] || { echo "GET $path answered $code" >&2; exit 1; }
done

# One run of one endpoint: re-signs /balance first so the timestamp stays well inside the window.
run() {
    local name="$1" duration="$2"
    case "$name" in
        healthz) load "$base/healthz" "$duration" ;;
        ready) load "$base/healthz/ready" "$duration" ;;
        balance) sign_headers "$balance_url" >"$headers"; load "$balance_url" "$duration" "$headers" ;;
    esac
}

echo "== warm-up: wrk -t$THREADS -c$CONNECTIONS -d$WARMUP per endpoint" >&2
for name in healthz ready balance; do run "$name" "$WARMUP" >/dev/null; done

echo "== $ROUNDS rounds of wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency, endpoints interleaved" >&2
results="$work/results.txt"
: >"$results"
for round in $(seq 1 "$ROUNDS"); do
    for name in healthz ready balance; do
        echo "-- round $round: $name" >&2
        echo "$round $name $(run "$name" "$DURATION")" >>"$results"
    done
done

if grep -q 'Refused' "$work/server.log"; then
    echo "the server refused requests during the run:" >&2
    grep 'Refused' "$work/server.log" | sort | uniq -c | head >&2
fi

python3 - "$results" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
labels = {"healthz": "GET /healthz", "ready": "GET /healthz/ready", "balance": "GET /qapi/v1/balance (auth)"}
median = {}
print(f"\n{'endpoint':28} {'median req/s':>12} {'runs req/s':>26} {'p50':>9} {'p99':>9} {'avg':>9} {'CPU us/req':>10} {'non2xx':>6}  socket errors")
for name, label in labels.items():
    runs = [r for r in rows if r[1] == name]
    rps = [float(r[2]) for r in runs]
    median[name] = statistics.median(rps)
    mid = sorted(runs, key=lambda r: float(r[2]))[len(runs) // 2]  # latency of the median run
    bad = sum(int(r[6]) for r in runs)
    errors = ",".join(sorted({r[7] for r in runs}))
    cpu = statistics.median(float(r[8]) for r in runs)
    print(f"{label:28} {median[name]:12.0f} {' / '.join(f'{x:.0f}' for x in rps):>26} {mid[3]:>9} {mid[4]:>9} {mid[5]:>9} {cpu:10.0f} {bad:>6}  {errors}")
print(f"\nbalance / healthz       = {median['balance'] / median['healthz']:.1%}   (liveness: no database work)")
print(f"balance / healthz/ready = {median['balance'] / median['ready']:.1%}   (readiness: opens the database file, runs no query)")
PY

bad="$(awk '$2 == "balance" { n += $7 } END { print n + 0 }' "$results")"
if [[ "$bad" != "0" ]]; then
    echo "FAIL: $bad authenticated responses were not 2xx; the figures are worthless" >&2
    exit 1
fi
