#!/usr/bin/env bash
# PayStatus surge benchmark: one command, about five minutes, loopback only. Not a test: ./mvnw verify
# and .ci/run never call it. Starts the app (-Xmx256m, H2 file database in a temporary directory),
# fills it through the admin API (20 channels, 3 open notices with 10 updates each) and a year of state
# history (src/bench/History.java), warms the JVM up, then measures with wrk: / and
# /api/v2/summary.json at 64 and 256 connections, and nginx serving the same bytes of / as a static
# file. Last, N open pages polling with If-None-Match (src/bench/pollers.py): threads, memory, CPU.
#
#   src/bench/run.sh                     # everything
#   WARMUP=40 DURATION=15 PAGES=10000 src/bench/run.sh
#   JAR=/path/to/other.jar PAGES=0 src/bench/run.sh   # another build, e.g. before a change
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
WARMUP=${WARMUP:-40}        # seconds of load before measuring (the JVM needs 30-40 s)
DURATION=${DURATION:-15}    # seconds per measurement
PAGES=${PAGES:-10000}       # open pages polling at the end (0 to skip)
POLL=${POLL:-15}            # seconds between two checks of one page, as paystatus.live.poll-seconds
PASSWORD=bench-admin-password
WORK=$(mktemp -d /tmp/paystatus-bench.XXXXXX)
APP_PID=""
NGINX_PID=""

cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
    [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need nginx || ! need python3 || ! need curl || ! need unzip; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq wrk nginx python3 curl unzip >/dev/null
fi

JAR=${JAR:-target/paystatus.jar}
if [ "$JAR" = target/paystatus.jar ] && { [ ! -f "$JAR" ] || [ -n "$(find src/main pom.xml -newer "$JAR" -print -quit)" ]; }; then
    echo "== building target/paystatus.jar"
    ./mvnw -q -B package -DskipTests
fi

DB="jdbc:h2:file:$WORK/db/paystatus"
start_app() {
    PAYSTATUS_ADMIN_PASSWORD=$PASSWORD java -Xmx256m -XX:+UseParallelGC "$@" -jar "$JAR" \
        --server.address=127.0.0.1 --server.port="$PORT" --spring.datasource.url="$DB" \
        --logging.level.root=WARN >>"$WORK/app.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 120); do
        curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && return 0
        kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
        sleep 0.5
    done
    echo "the app did not start"; tail -50 "$WORK/app.log"; exit 1
}
stop_app() {
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}
api() { # method path json
    curl -fsS -o /dev/null -u "admin:$PASSWORD" -H 'Content-Type: application/json' -X "$1" \
        "http://127.0.0.1:$PORT$2" -d "$3"
}

echo "== filling: 20 channels, 3 open notices with 10 updates each (work dir $WORK)"
start_app
i=0
for pair in "unionpay|云闪付|UnionPay QuickPass" "jdpay|京东支付|JD Pay" "ecny|数字人民币|e-CNY" "applepay|Apple Pay|Apple Pay" \
    "meituan|美团支付|Meituan Pay" "douyin|抖音支付|Douyin Pay" "bestpay|翼支付|Bestpay" "yiqianbao|壹钱包|1QianBao" \
    "kuaiqian|快钱|99Bill" "lakala|拉卡拉|Lakala" "suning|苏宁支付|Suning Pay" "credit-card|信用卡|Credit card"; do
    IFS='|' read -r slug zh en <<<"$pair"
    i=$((i + 1))
    api PUT "/api/admin/channels/$slug" "{\"nameZh\":\"$zh\",\"nameEn\":\"$en\",\"descriptionZh\":\"用${zh}付款\",\"descriptionEn\":\"Pay with $en\",\"groupZh\":\"更多支付方式\",\"groupEn\":\"More ways to pay\",\"displayOrder\":$((40 + i)),\"alternatives\":[\"alipay\",\"wechat-pay\"]}"
done
ETA=$(date -u -d '+2 hours' +%Y-%m-%dT%H:%M:%SZ)
statuses=(investigating identified monitoring)
for n in 1 2 3; do
    case $n in
        1) channels='{"fenfu-online":"unavailable","fenfu-offline":"degraded"}'; title="分付线上购物暂不能使用" ;;
        2) channels='{"unionpay":"degraded","ecny":"degraded"}'; title="云闪付、数字人民币付款变慢" ;;
        3) channels='{"credit-card":"compliance_review"}'; title="信用卡渠道合规审查中" ;;
    esac
    id=$(curl -fsS -u "admin:$PASSWORD" -H 'Content-Type: application/json' "http://127.0.0.1:$PORT/api/admin/notices" \
        -d "{\"title\":\"$title\",\"kind\":\"fault\",\"message\":\"部分用户付款失败，技术人员正在排查。**请先使用其他支付方式**，恢复后会在这里通知。\",\"channels\":$channels,\"estimatedRecoveryAt\":\"$ETA\"}" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
    for u in $(seq 1 9); do
        api POST "/api/admin/notices/$id/updates" "{\"status\":\"${statuses[$((u % 3))]}\",\"message\":\"第 $u 次进展：已扩容 $u 台服务器，成功率回升到 $((80 + u))%。我们会继续观察，并在恢复后通知。\",\"estimatedRecoveryAt\":\"$ETA\"}"
    done
done
stop_app

echo "== a year of state history"
unzip -q -o -j "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK/lib"
java -cp "$WORK"/lib/h2-*.jar src/bench/History.java "$DB"

echo "== starting the app with -Xmx256m"
start_app
curl -fsS -o "$WORK/index.html" "http://127.0.0.1:$PORT/"
curl -fsS -o "$WORK/summary.json" "http://127.0.0.1:$PORT/api/v2/summary.json"
echo "/ is $(wc -c <"$WORK/index.html") bytes ($(curl -fsS -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT/" | wc -c) gzipped), summary.json $(wc -c <"$WORK/summary.json") bytes"

echo "== warming up for ${WARMUP}s"
wrk -t2 -c64 -d"$((WARMUP / 2))s" "http://127.0.0.1:$PORT/" >/dev/null
wrk -t2 -c64 -d"$((WARMUP / 2))s" "http://127.0.0.1:$PORT/api/v2/summary.json" >/dev/null

RESULTS="$WORK/results"
: >"$RESULTS"
measure() { # label connections url
    local out
    out=$(wrk -t2 -c"$2" -d"${DURATION}s" --timeout 5s --latency "$3")
    local rps p50 p99 non2xx errors
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    non2xx=$(awk -F': ' '/Non-2xx or 3xx responses/ {print $2}' <<<"$out")
    errors=$(grep -o 'Socket errors:.*' <<<"$out" || true)
    printf '%-34s %5s conns  %10s req/s  p50 %9s  p99 %9s  non-2xx %s %s\n' \
        "$1" "$2" "$rps" "$p50" "$p99" "${non2xx:-0}" "${errors:-}" | tee -a "$RESULTS"
    echo "$1|$2|$rps" >>"$WORK/rps"
}

echo "== measuring ${DURATION}s each; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
busy=$(ps -eo pid=,pcpu=,comm= --sort=-pcpu | awk -v app="$APP_PID" '$1 != app && $3 != "wrk" && $2 > 20 {print $3 "(" $2 "%)"}' | head -5 | tr '\n' ' ')
[ -n "$busy" ] && echo "warning: other processes are busy on this machine, the figures will be low: $busy"
measure "PayStatus /" 64 "http://127.0.0.1:$PORT/"
measure "PayStatus /" 256 "http://127.0.0.1:$PORT/"
measure "PayStatus /api/v2/summary.json" 64 "http://127.0.0.1:$PORT/api/v2/summary.json"
measure "PayStatus /api/v2/summary.json" 256 "http://127.0.0.1:$PORT/api/v2/summary.json"

echo "== nginx serving the same bytes of / as a static file"
mkdir -p "$WORK/nginx/html" "$WORK/nginx/logs"
chmod 755 "$WORK" "$WORK/nginx" "$WORK/nginx/html"
cp "$WORK/index.html" "$WORK/nginx/html/index.html"
chmod 644 "$WORK/nginx/html/index.html"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 10000;  # as server.tomcat.max-keep-alive-requests
    types { text/html html; }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/nginx/html;
    }
}
CONF
nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
NGINX_PID=$!
sleep 1
cmp -s <(curl -fsS "http://127.0.0.1:$NGINX_PORT/") "$WORK/index.html" || { echo "nginx does not serve the same bytes"; exit 1; }
wrk -t2 -c64 -d5s "http://127.0.0.1:$NGINX_PORT/" >/dev/null
measure "nginx / (static file)" 64 "http://127.0.0.1:$NGINX_PORT/"
measure "nginx / (static file)" 256 "http://127.0.0.1:$NGINX_PORT/"
kill "$NGINX_PID"; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""

echo
echo "== results (JVM -Xmx256m; wrk and both servers share this machine's $(nproc) cores)"
cat "$RESULTS"
for c in 64 256; do
    ours=$(awk -F'|' -v c="$c" '$1 == "PayStatus /" && $2 == c {print $3}' "$WORK/rps")
    theirs=$(awk -F'|' -v c="$c" '$1 == "nginx / (static file)" && $2 == c {print $3}' "$WORK/rps")
    awk -v o="$ours" -v n="$theirs" -v c="$c" 'BEGIN {printf "ratio PayStatus/nginx for / at %d connections: %.2f\n", c, o / n}'
done

if [ "$PAGES" -gt 0 ]; then
    echo
    echo "== $PAGES open pages polling / every ${POLL}s with If-None-Match"
    ulimit -n 65536 2>/dev/null || true
    proc() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$APP_PID/status"; }
    cpu() { awk '{print $14 + $15}' "/proc/$APP_PID/stat"; }
    heap() { jcmd "$APP_PID" GC.run >/dev/null 2>&1; jcmd "$APP_PID" GC.heap_info | awk '/Gen|garbage-first heap/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); gsub(/[K,]/, "", v); s += v}} END {printf "%.1f MB", s / 1024}'; }
    conns() { ss -Htn state established "( sport = :$PORT )" | wc -l; }
    threads0=$(proc Threads); rss0=$(proc VmRSS); heap0=$(heap)
    SECONDS_TOTAL=$((POLL * 4 + 20))
    timeout $((SECONDS_TOTAL + 60)) python3 src/bench/pollers.py "$PORT" / "$PAGES" "$POLL" "$SECONDS_TOTAL" >"$WORK/pollers.out" 2>&1 &
    POLLERS=$!
    sleep $((POLL + 15))
    cpu0=$(cpu); t0=$(date +%s.%N)
    sleep $((POLL * 2))
    cpu1=$(cpu); t1=$(date +%s.%N)
    open=$(conns); threads1=$(proc Threads); rss1=$(proc VmRSS); heap1=$(heap)
    wait "$POLLERS" || echo "the pollers did not finish in time"
    cat "$WORK/pollers.out"
    hz=$(getconf CLK_TCK)
    awk -v o="$open" -v t0="$threads0" -v t1="$threads1" -v r0="$rss0" -v r1="$rss1" -v h0="$heap0" -v h1="$heap1" \
        -v c0="$cpu0" -v c1="$cpu1" -v s0="$t0" -v s1="$t1" -v hz="$hz" -v n="$PAGES" -v p="$POLL" 'BEGIN {
        printf "connections open to the app at the end (idle ones are closed after 5 s): %d\n", o
        printf "JVM threads: %d before, %d with the pages open (%+d)\n", t0, t1, t1 - t0
        printf "resident memory: %.0f MB before, %.0f MB with the pages open: %.1f KB per open page\n", r0 / 1024, r1 / 1024, (r1 - r0) / n
        printf "heap after a full GC: %s before, %s with the pages open\n", h0, h1
        cpus = (c1 - c0) / hz / (s1 - s0)
        printf "CPU: %.1f%% of one core for %d pages checking every %d s (%.0f checks/s)\n", cpus * 100, n, p, n / p
    }'
fi
