#!/usr/bin/env bash
# Live updates with 10,000 open pages, as js/live.js keeps them: src/bench/LiveBench.java simulates
# PAGES pages (one NIO thread, each from its own /24 through the trusted loopback proxy), each asking
# /api/revision every POLL seconds with jitter and If-None-Match, then an operator changes a channel
# CHANGES times through the admin API; each page records when its check heard the new revision and
# when it had fetched the page at it (what its reader sees). Also prints what the open pages cost the
# server while nothing changes: CPU per page, heap after a full GC and resident memory per page, with
# the load average beside (the client runs on the same cores). Loopback only; not a test (./mvnw
# verify never calls it).
#
#   src/bench/live.sh
#   PAGES=10000 CHANGES=5 IDLE=60 src/bench/live.sh
#   APP_ARGS="--server.tomcat.max-connections=12000" src/bench/live.sh   (settings to try)
#   FRONT=nginx src/bench/live.sh   (the pages and the operator go through Debian's nginx with the
#                                    committed src/deploy/nginx.conf, as in docker-compose.yml)
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18091}
FRONT=${FRONT:-}        # empty: the pages ask the app itself; nginx: they ask nginx in front of it
FRONT_PORT=${FRONT_PORT:-18092}
PAGES=${PAGES:-10000}
CHANGES=${CHANGES:-5}
IDLE=${IDLE:-60}        # seconds of measuring what the open pages cost while nothing changes
POLL=${POLL:-2}         # paystatus.live.poll-seconds, as the pages are told
WARMUP=${WARMUP:-20}    # seconds of reading / and /api/revision before anything is measured
WORK=$(mktemp -d /tmp/paystatus-live-bench.XXXXXX)
APP_PID=""
CLIENT_PID=""

cleanup() {
    [ -n "$CLIENT_PID" ] && kill "$CLIENT_PID" 2>/dev/null || true
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    [ -f "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
    exec 3>&- 2>/dev/null || true
}
trap cleanup EXIT

# each side holds one socket per page
ulimit -n "$(ulimit -Hn)"
[ "$(ulimit -n)" -gt $((PAGES + 2000)) ] || { echo "ulimit -n is $(ulimit -n): too few open files for $PAGES pages"; exit 1; }

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need curl || { [ "$FRONT" = nginx ] && ! need nginx; }; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq wrk curl nginx >/dev/null
fi
if [ ! -f target/paystatus.jar ] || [ -n "$(find src/main pom.xml -newer target/paystatus.jar -print -quit)" ]; then
    echo "== building target/paystatus.jar"
    ./mvnw -q -B package -DskipTests
fi

DB="jdbc:h2:file:$WORK/db/paystatus"
PASSWORD=bench-admin-password
PAYSTATUS_ADMIN_PASSWORD=$PASSWORD java -Xmx2g -XX:+UseParallelGC -jar target/paystatus.jar \
    --server.address=127.0.0.1 --server.port="$PORT" --spring.datasource.url="$DB" \
    '--server.tomcat.remoteip.internal-proxies=127\.0\.0\.1' \
    --paystatus.live.poll-seconds="$POLL" --logging.level.root=WARN ${APP_ARGS:-} >>"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 600); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
    sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 || { echo "the app did not answer within 5 minutes"; tail -50 "$WORK/app.log"; exit 1; }

ASK=$PORT   # where the pages and the operator send their requests
if [ "$FRONT" = nginx ]; then
    # the committed site, with only its addresses and cache directory changed (as NginxShieldTest does)
    mkdir -p "$WORK/nginx/cache" "$WORK/nginx/temp"
    sed -e "s|server app1:8080|server 127.0.0.1:$PORT|" -e "s|server app2:8080|server 127.0.0.1:$PORT|" \
        -e "s|listen 80;|listen 127.0.0.1:$FRONT_PORT backlog=4096;|" \
        -e "s|/var/cache/nginx/paystatus|$WORK/nginx/cache|" src/deploy/nginx.conf >"$WORK/nginx/paystatus.conf"
    cat >"$WORK/nginx/nginx.conf" <<CONF
daemon on;
$([ "$(id -u)" = 0 ] && echo "user root;")
worker_processes auto;
worker_rlimit_nofile $((2 * PAGES + 4000));
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections $((2 * PAGES + 2000)); }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/temp/body;
    proxy_temp_path $WORK/nginx/temp/proxy;
    fastcgi_temp_path $WORK/nginx/temp/fastcgi;
    uwsgi_temp_path $WORK/nginx/temp/uwsgi;
    scgi_temp_path $WORK/nginx/temp/scgi;
    include $WORK/nginx/paystatus.conf;
}
CONF
    nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -e "$WORK/nginx/error.log"
    for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$FRONT_PORT/api/revision" >/dev/null 2>&1 && break; sleep 0.1; done
    ASK=$FRONT_PORT
    echo "== nginx in front, on port $FRONT_PORT"
fi

echo "== warming up for ${WARMUP}s"
wrk -t1 -c16 -d"${WARMUP}s" "http://127.0.0.1:$ASK/" >/dev/null &
WARM_PID=$!
wrk -t1 -c16 -d"${WARMUP}s" "http://127.0.0.1:$ASK/api/revision" >/dev/null
wait "$WARM_PID"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$APP_PID/status"; }
heap_kb() {
    jcmd "$APP_PID" GC.run >/dev/null
    # the old generation after a full GC: the live set (eden right after it is only new garbage,
    # which thousands of checks a second make quickly)
    jstat -gc "$APP_PID" | awk 'NR == 2 {printf "%d", $3 + $4 + $8}'
}
TICKS=$(getconf CLK_TCK)
# connections the kernel could not queue for Tomcat's acceptor (all of this machine; each costs a page a
# SYN retransmission, 1 s or more)
overflows() { awk '/^TcpExt:/ { if (!n) { for (i = 1; i <= NF; i++) h[i] = $i; n = 1 } else for (i = 1; i <= NF; i++) if (h[i] == "ListenOverflows") print $i }' /proc/net/netstat; }

HEAP0=$(heap_kb); RSS0=$(rss_kb)
T0=$(cpu_ticks); sleep 10; T1=$(cpu_ticks)
IDLE0=$(( (T1 - T0) ))
echo "== no page open: heap ${HEAP0} KB after GC, RSS ${RSS0} KB, CPU $(awk -v t="$IDLE0" -v k="$TICKS" 'BEGIN {printf "%.0f", 1000 * t / k / 10}') ms/s"

mkfifo "$WORK/go"
java -Xmx1g -Xss256k src/bench/LiveBench.java "$ASK" "$PAGES" "$CHANGES" "$PASSWORD" "$POLL" "$PORT" <"$WORK/go" >"$WORK/client.out" 2>"$WORK/client.err" &
CLIENT_PID=$!
exec 3>"$WORK/go"
echo "== opening $PAGES pages"
until grep -q READY "$WORK/client.out"; do
    kill -0 "$CLIENT_PID" 2>/dev/null || { cat "$WORK/client.out" "$WORK/client.err"; exit 1; }
    sleep 0.5
done
grep OPEN "$WORK/client.out"
OPEN=$(grep -o 'OPEN [0-9]*' "$WORK/client.out" | awk '{print $2}')

HEAP1=$(heap_kb); RSS1=$(rss_kb)
O0=$(overflows); T0=$(cpu_ticks); sleep "$IDLE"; T1=$(cpu_ticks); O1=$(overflows)
ESTABLISHED=$(ss -Htn state established "( sport = :$ASK )" | wc -l)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== $OPEN pages open and checking, nothing changing, for ${IDLE}s (load average $LOAD):"
awk -v h0="$HEAP0" -v h1="$HEAP1" -v r0="$RSS0" -v r1="$RSS1" -v n="$OPEN" -v t="$((T1 - T0))" -v i0="$IDLE0" -v k="$TICKS" -v s="$IDLE" 'BEGIN {
    printf "    heap after GC %d KB (%+d KB: %.2f KB per page), RSS %d KB (%+d KB: %.2f KB per page)\n", h1, h1 - h0, (h1 - h0) / n, r1, r1 - r0, (r1 - r0) / n
    cpu = 1000 * t / k / s; base = 1000 * i0 / k / 10
    printf "    server CPU %.0f ms/s (%.0f ms/s with no page open): %.1f us per page per second (%.1f%% of one core per 1,000 pages)\n", cpu, base, 1000 * (cpu - base) / n, (cpu - base) / n * 1000 / 10
}'
echo "    $ESTABLISHED connections open at the server at the end; listen queue overflows $((O1 - O0)) ($(awk -v o=$((O1 - O0)) -v s="$IDLE" 'BEGIN {printf "%.0f", o / s}')/s)"

echo "== $CHANGES changes through the admin API, 5 s apart"
T0=$(cpu_ticks); O0=$(overflows)
echo >&3
until grep -q DONE "$WORK/client.out"; do
    kill -0 "$CLIENT_PID" 2>/dev/null || { cat "$WORK/client.out" "$WORK/client.err"; exit 1; }
    sleep 0.5
done
T1=$(cpu_ticks); O1=$(overflows)
grep -E '^(IDLE|CHANGE|ALL|DURING)' "$WORK/client.out" | sed 's/^/    /'
echo "    load average $(cut -d' ' -f1-3 /proc/loadavg); listen queue overflows during the changes $((O1 - O0))"
awk -v t="$((T1 - T0))" -v k="$TICKS" -v c="$CHANGES" -v n="$OPEN" 'BEGIN {
    printf "    server CPU during the changes (the checks go on; %d page fetches each): %.2f s, %.0f us per page per change\n", n, t / k, 1e6 * t / k / c / n
}'
if [ -s "$WORK/client.err" ]; then
    echo "    client said: $(head -3 "$WORK/client.err")"
fi
echo >&3
echo "(work dir $WORK)"
