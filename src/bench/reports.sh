#!/usr/bin/env bash
# User reports under load: reports at full speed (the issue asks for 5,000 a second) for 60 s from
# random /24 networks, while wrk reads / at the same time. Loopback only; not a test (./mvnw verify
# never calls it). Prints /'s rate alone and during the flood, the reports' rate and errors, and
# compares the reports the app accepted (logged at its graceful stop, which flushes) with the sum
# stored in report_count.
#
#   src/bench/reports.sh
#   WARMUP=30 DURATION=60 READERS=32 REPORTERS=64 src/bench/reports.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18090}
WARMUP=${WARMUP:-30}      # seconds of mixed load before measuring (the JVM needs 30-40 s)
DURATION=${DURATION:-60}  # seconds of the flood
READERS=${READERS:-32}    # wrk connections reading /
REPORTERS=${REPORTERS:-64} # wrk connections posting reports
WORK=$(mktemp -d /tmp/paystatus-reports-bench.XXXXXX)
APP_PID=""

cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need curl || ! need unzip; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq wrk curl unzip >/dev/null
fi
if [ ! -f target/paystatus.jar ] || [ -n "$(find src/main pom.xml -newer target/paystatus.jar -print -quit)" ]; then
    echo "== building target/paystatus.jar"
    ./mvnw -q -B package -DskipTests
fi

DB="jdbc:h2:file:$WORK/db/paystatus"
# X-Forwarded-For is believed from loopback here, so that each report can come from its own network.
PAYSTATUS_ADMIN_PASSWORD=bench-admin-password java -Xmx256m -XX:+UseParallelGC -jar target/paystatus.jar \
    --server.address=127.0.0.1 --server.port="$PORT" --spring.datasource.url="$DB" \
    '--server.tomcat.remoteip.internal-proxies=127\.0\.0\.1' \
    --logging.level.root=WARN --logging.level.com.paystatus.report=INFO >>"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
    sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 || { echo "the app did not answer within 5 minutes"; tail -50 "$WORK/app.log"; exit 1; }

cat >"$WORK/reports.lua" <<'LUA'
-- one report per request, each from a random /24 (a random address), on the demo channels
local channels = {"fenfu-online", "fenfu-offline", "fenfu-transit", "fenfu-repayment", "alipay", "wechat-pay", "bank-card"}
local symptoms = {"unavailable", "payment_failed", "limit", "cannot_open", "other"}
local counter = 0
function setup(thread) thread:set("id", counter); counter = counter + 1 end
function init(args) math.randomseed(os.time() + id * 7919) end
request = function()
    local address = math.random(1, 223) .. "." .. math.random(0, 255) .. "." .. math.random(0, 255) .. "." .. math.random(1, 254)
    local body = '{"symptom":"' .. symptoms[math.random(#symptoms)] .. '"}'
    return wrk.format("POST", "/api/channels/" .. channels[math.random(#channels)] .. "/reports",
        {["Content-Type"] = "application/json", ["X-Forwarded-For"] = address}, body)
end
LUA

rate() { awk '/^Requests\/sec:/ {print $2}' "$1"; }
count() { awk '/requests in/ {print $1}' "$1"; }
load() { uptime | sed 's/.*load average: /load /'; }
# the app's CPU time so far, in clock ticks (user + system), from /proc
cpu() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
TICK=$(getconf CLK_TCK)
summary() { grep -E 'Requests/sec|requests in|Non-2xx|Socket errors|Latency' "$1" | sed 's/^/    /'; }

echo "== warming up for ${WARMUP}s (reads and reports)"
wrk -t1 -c"$READERS" -d"${WARMUP}s" "http://127.0.0.1:$PORT/" >/dev/null &
WARM_PID=$!
wrk -t1 -c"$REPORTERS" -d"${WARMUP}s" -s "$WORK/reports.lua" "http://127.0.0.1:$PORT/" >/dev/null
wait "$WARM_PID"

echo "== / alone, ${DURATION}s ($(load))"
CPU0=$(cpu)
wrk -t2 -c"$READERS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT/" >"$WORK/alone.txt"
CPU1=$(cpu)
summary "$WORK/alone.txt"

echo "== / while reports flood in, ${DURATION}s ($(load))"
wrk -t1 -c"$READERS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT/" >"$WORK/read.txt" &
READ_PID=$!
wrk -t1 -c"$REPORTERS" -d"${DURATION}s" --latency -s "$WORK/reports.lua" "http://127.0.0.1:$PORT/" >"$WORK/post.txt"
wait "$READ_PID"
CPU2=$(cpu)
LOAD_FLOOD=$(load)
echo "  reads:"; summary "$WORK/read.txt"
echo "  reports:"; summary "$WORK/post.txt"
sleep 6 # one flush interval and a bit: the counts reach the database and the pages
curl -fsS "http://127.0.0.1:$PORT/api/v2/components.json" -o "$WORK/components.json"

echo "== stopping the app (a graceful stop flushes what is held in memory)"
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
ACCEPTED=$(grep -o 'User reports: [0-9]* accepted' "$WORK/app.log" | tail -1 | awk '{print $3}')
unzip -q -o -j target/paystatus.jar 'BOOT-INF/lib/h2-*.jar' -d "$WORK/lib"
STORED=$(java -cp "$WORK"/lib/h2-*.jar org.h2.tools.Shell -url "$DB" -user sa \
    -sql "select coalesce(sum(reports), 0) as stored from report_count" | awk 'NR == 2 {print $1}')

ALONE=$(rate "$WORK/alone.txt"); WITH=$(rate "$WORK/read.txt"); POSTS=$(rate "$WORK/post.txt")
# CPU per request: a read's from / alone; a report's from the flood, less the reads served meanwhile
PER_READ=$(awk -v c=$((CPU1 - CPU0)) -v t="$TICK" -v n="$(count "$WORK/alone.txt")" 'BEGIN {printf "%.0f", c / t * 1e6 / n}')
PER_REPORT=$(awk -v c=$((CPU2 - CPU1)) -v t="$TICK" -v r="$(count "$WORK/read.txt")" -v p="$PER_READ" -v n="$(count "$WORK/post.txt")" \
    'BEGIN {printf "%.0f", (c / t * 1e6 - r * p) / n}')
echo
echo "/ alone:                 $ALONE req/s"
echo "/ during the flood:      $WITH req/s ($(awk -v a="$ALONE" -v b="$WITH" 'BEGIN {printf "%.0f", 100 * b / a}')% of alone)"
echo "reports during it:       $POSTS req/s (at the flood's end: $LOAD_FLOOD)"
echo "app CPU per request:     $PER_READ us per read of / (alone), about $PER_REPORT us per report (flood)"
echo "reports accepted by app: $ACCEPTED (warm-up included)"
echo "reports stored:          $STORED"
[ "$ACCEPTED" = "$STORED" ] && echo "stored == accepted" || echo "MISMATCH: stored != accepted"
echo "(work dir $WORK)"
