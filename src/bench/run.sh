#!/usr/bin/env bash
# PayStatus benchmark: what a reader and an operator get, side by side with nginx serving the very same
# bytes, in one run on this machine (loopback only; wrk, the app and nginx share the cores knowingly).
# Not a test: ./mvnw verify and .ci/run never call it.
#
# Two boards, each in its own fresh H2 file database, built through the admin API:
#   demo  the demo data's 7 channels during an outage: a fault with three updates, a compliance
#         review, a maintenance in progress, and resolved notices over 90 days (one is an old notice,
#         no longer in the snapshot)
#   big   20 channels, the same outage, more open notices, 30 resolved notices over 90 days and a
#         year of state history (src/bench/History.java)
# For each board: start-up to the first 200 on / (first start with migrations and demo data, then
# with the existing database), idle CPU after start, then req/s, p99 and CPU per request (utime+stime
# of the server's processes over the round, /proc/<pid>/stat) of / , /api/v2/summary.json, /history
# (page 1 and a filter), the old notice page and a channel's availability JSON, each plain and with
# Accept-Encoding: gzip, for the app and for nginx serving the app's own bytes (plain and gzip, with
# gzip_static: nginx compresses nothing per request). Medians of ROUNDS rounds after WARMUP seconds.
# Then "writes" on the big board: snapshot rebuild time (paystatus.snapshot.rebuild on
# /actuator/prometheus) and CPU per update, and / req/s while WRITERS clients post updates vs idle.
# Peak RSS (VmHWM) of each app run. The JVM flags are those of docker-compose.yml's command line.
#
#   src/bench/run.sh                                   # the full run (about 40 minutes)
#   ROUNDS=1 WARMUP=5 DURATION=5 src/bench/run.sh       # a quick check that it works
#   JAR=/path/to/other.jar src/bench/run.sh             # another build, e.g. before a change
#   BOARDS=demo CONNS=64 src/bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=${PORT:-$(free_port)}         # free ports by default: others may run the benchmark on this machine too
NGINX_PORT=${NGINX_PORT:-$(free_port)}
ROUNDS=${ROUNDS:-3}          # measured rounds; the table shows medians
WARMUP=${WARMUP:-30}         # seconds of load on the app before measuring each board (the JVM needs 30-40 s)
DURATION=${DURATION:-15}     # seconds per measurement
CONNS=${CONNS:-256}          # wrk connections
THREADS=${THREADS:-2}        # wrk threads
BOARDS=${BOARDS:-demo big}
WRITERS=${WRITERS:-8}        # clients posting updates during the write test
WRITE_EVERY_MS=${WRITE_EVERY_MS:-1000}  # pause between two updates of one writer
UPDATES=${UPDATES:-20}       # sequential updates for the rebuild time and CPU per update
PASSWORD=bench-admin-password
WORK=$(mktemp -d /tmp/paystatus-bench.XXXXXX)
chmod 755 "$WORK"
APP_PID=""
NGINX_PID=""
HZ=$(getconf CLK_TCK)

cleanup() {
    if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
    if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap "exit 130" INT TERM

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
JAR=$(realpath "$JAR")

# One source of truth for the launch settings: JAVA_OPTS (and MALLOC_ARENA_MAX) in the app's
# environment in docker-compose.yml.
mapfile -t JVM_FLAGS < <(python3 - "$ROOT/docker-compose.yml" <<'PY'
import re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r'\s*JAVA_OPTS:\s*(.+?)\s*$', line)
    if m:
        print("\n".join(m.group(1).strip('"').split()))
        break
else:
    sys.exit("no JAVA_OPTS in docker-compose.yml")
PY
)
MALLOC_ARENA_MAX=$(sed -n 's/^ *MALLOC_ARENA_MAX: *"\{0,1\}\([0-9]*\)"\{0,1\}.*/\1/p' "$ROOT/docker-compose.yml" | head -1)
export MALLOC_ARENA_MAX
echo "== JVM flags from docker-compose.yml: ${JVM_FLAGS[*]:-(none)}, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX; jar $JAR; work dir $WORK"
RESULTS="$WORK/results.tsv"   # board kind name value (one figure per line)
: >"$RESULTS"
fig() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >>"$RESULTS"; }

cpu_ticks() { # pids...: utime+stime of the processes
    local t=0 p
    for p in "$@"; do
        [ -r "/proc/$p/stat" ] || continue
        t=$((t + $(awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$p/stat")))
    done
    echo "$t"
}
now() { date +%s.%N; }

start_app() { # db-url; sets APP_PID and STARTED (seconds from launch to the first 200 on /)
    local t0 t1
    t0=$(now)
    PAYSTATUS_ADMIN_PASSWORD=$PASSWORD java "${JVM_FLAGS[@]}" -jar "$JAR" \
        --server.address=127.0.0.1 --server.port="$PORT" --spring.datasource.url="$1" \
        --logging.level.root=WARN >>"$WORK/app.log" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 1800); do
        if ! kill -0 "$APP_PID" 2>/dev/null; then tail -50 "$WORK/app.log"; exit 1; fi
        if curl -fs -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; then
            t1=$(now)
            STARTED=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')
            return 0
        fi
        sleep 0.1
    done
    echo "the app did not start"; tail -50 "$WORK/app.log"; exit 1
}
stop_app() {
    kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
}
peak_rss_mb() { awk '$1 == "VmHWM:" {printf "%.0f", $2 / 1024}' "/proc/$APP_PID/status"; }
base() { echo "http://127.0.0.1:$PORT"; }
api() { # method path json: prints the answer
    curl -sS --fail-with-body -u "admin:$PASSWORD" -H 'Content-Type: application/json' -X "$1" "$(base)$2" -d "$3"
}
id_of() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
iso() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }

# The outage: a fault with three updates, a compliance review, a maintenance in progress; plus
# resolved notices, backdated over 90 days once the app is stopped (History.java old-notices).
build_outage() { # resolved-count
    local eta id m n
    eta=$(iso '+2 hours')
    id=$(api POST /api/admin/notices "{\"title\":\"分付线上购物暂不能使用\",\"kind\":\"fault\",\"message\":\"部分用户付款失败，技术人员正在排查。**请先使用其他支付方式**，恢复后会在这里通知。\",\"channels\":{\"fenfu-online\":\"unavailable\",\"fenfu-transit\":\"degraded\"},\"estimatedRecoveryAt\":\"$eta\"}" | id_of)
    FAULT_ID=$id
    for s in identified monitoring identified; do
        api POST "/api/admin/notices/$id/updates" "{\"status\":\"$s\",\"message\":\"进展（$s）：已定位到一家银行的接口超时，正在切换线路。成功率已回升，我们会继续观察，并在恢复后通知。\",\"estimatedRecoveryAt\":\"$eta\"}" >/dev/null
    done
    COMPLIANCE_ID=$(api POST /api/admin/notices "{\"title\":\"分付线下扫码合规审查中\",\"kind\":\"compliance\",\"message\":\"根据监管要求，分付线下扫码付款正在接受合规审查，审查期间暂停使用。请先使用微信零钱或银行卡付款。\",\"channels\":{\"fenfu-offline\":\"compliance_review\"},\"estimatedRecoveryAt\":null}" | id_of)
    m=$(api POST /api/admin/maintenances "{\"title\":\"分付账单还款系统维护\",\"message\":\"系统升级期间暂不能还款，逾期不计利息。\",\"channels\":[\"fenfu-repayment\"],\"startsAt\":\"$(iso '+1 hour')\",\"endsAt\":\"$(iso '+3 hours')\"}" | id_of)
    api POST "/api/admin/maintenances/$m/start" '{"message":"维护提前开始。"}' >/dev/null
    for n in $(seq 1 "$1"); do
        id=$(api POST /api/admin/notices "{\"title\":\"[past] 第 $n 次：银行卡付款变慢\",\"kind\":\"fault\",\"message\":\"部分银行卡付款变慢，正在排查。\",\"channels\":{\"bank-card\":\"degraded\"},\"estimatedRecoveryAt\":null}" | id_of)
        api POST "/api/admin/notices/$id/updates" '{"status":"identified","message":"已定位：一家银行的接口超时。","estimatedRecoveryAt":null}' >/dev/null
        api POST "/api/admin/notices/$id/updates" '{"status":"resolved","message":"已恢复，感谢耐心等待。","estimatedRecoveryAt":null}' >/dev/null
    done
}

more_channels() { # 13 more channels: 20 in all
    local i=0 pair slug zh en
    for pair in "unionpay|云闪付|UnionPay QuickPass" "jdpay|京东支付|JD Pay" "ecny|数字人民币|e-CNY" "applepay|Apple Pay|Apple Pay" \
        "meituan|美团支付|Meituan Pay" "douyin|抖音支付|Douyin Pay" "bestpay|翼支付|Bestpay" "yiqianbao|壹钱包|1QianBao" \
        "kuaiqian|快钱|99Bill" "lakala|拉卡拉|Lakala" "suning|苏宁支付|Suning Pay" "credit-card|信用卡|Credit card" "huabei|花呗|Huabei"; do
        IFS='|' read -r slug zh en <<<"$pair"
        i=$((i + 1))
        api PUT "/api/admin/channels/$slug" "{\"nameZh\":\"$zh\",\"nameEn\":\"$en\",\"descriptionZh\":\"用${zh}付款\",\"descriptionEn\":\"Pay with $en\",\"groupZh\":\"更多支付方式\",\"groupEn\":\"More ways to pay\",\"displayOrder\":$((40 + i)),\"alternatives\":[\"alipay\",\"wechat-pay\"]}" >/dev/null
    done
    api POST /api/admin/notices "{\"title\":\"云闪付、数字人民币付款变慢\",\"kind\":\"fault\",\"message\":\"部分用户付款变慢，技术人员正在排查。\",\"channels\":{\"unionpay\":\"degraded\",\"ecny\":\"degraded\"},\"estimatedRecoveryAt\":null}" >/dev/null
    api POST /api/admin/notices "{\"title\":\"信用卡渠道合规审查中\",\"kind\":\"compliance\",\"message\":\"信用卡渠道正在接受合规审查。\",\"channels\":{\"credit-card\":\"compliance_review\"},\"estimatedRecoveryAt\":null}" >/dev/null
}

# --- nginx, serving files fetched from the app, plain and .gz (gzip_static) -----------------------
start_nginx() {
    mkdir -p "$WORK/nginx/html" "$WORK/nginx/logs"
    chmod -R a+rX "$WORK/nginx"
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
    default_type text/html;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $WORK/nginx/html;
        gzip off;
        gzip_static on;
        gzip_vary on;
    }
}
CONF
    nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" &
    NGINX_PID=$!
    sleep 1
}
nginx_pids() { echo "$NGINX_PID" $(ps -o pid= --ppid "$NGINX_PID"); }

copy_to_nginx() { # board name path: the app's bytes of path, plain and gzipped, as nginx files
    local f="$WORK/nginx/html/$1-$2"
    curl -fsS -o "$f" "$(base)$3"
    curl -fsS -D "$f.headers" -o "$f.gz" -H 'Accept-Encoding: gzip' "$(base)$3"
    if ! grep -qi '^content-encoding: *gzip' "$f.headers"; then rm -f "$f.gz"; fi
    chmod 644 "$f" "$f.gz" 2>/dev/null || true
    cmp -s <(curl -fsS "http://127.0.0.1:$NGINX_PORT/$1-$2") "$f" || { echo "nginx does not serve the bytes of $3"; exit 1; }
    fig "$1" size "$2" "$(wc -c <"$f")"
    fig "$1" size-gzip "$2" "$( [ -f "$f.gz" ] && wc -c <"$f.gz" || echo -)"
}

# --- one measurement: wrk on url while the server's CPU is counted -------------------------------
measure() { # board endpoint encoding server url pids...
    local board=$1 endpoint=$2 enc=$3 server=$4 url=$5
    shift 5
    local hdr=() out c0 c1 reqs rps p99 non2xx
    [ "$enc" = gzip ] && hdr=(-H 'Accept-Encoding: gzip')
    c0=$(cpu_ticks "$@")
    out=$(wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 5s --latency "${hdr[@]}" "$url")
    c1=$(cpu_ticks "$@")
    reqs=$(awk '/requests in/ {print $1}' <<<"$out")
    rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {v = $2; if (v ~ /us$/) {sub(/us/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms/, "", v)} else if (v ~ /s$/) {sub(/s/, "", v); v *= 1000}; print v}' <<<"$out")
    non2xx=$(awk -F': ' '/Non-2xx or 3xx responses/ {print $2}' <<<"$out")
    local cpu_us
    cpu_us=$(awk -v d=$((c1 - c0)) -v hz="$HZ" -v n="$reqs" 'BEGIN {printf "%.1f", (n > 0 ? d / hz * 1e6 / n : 0)}')
    printf '  %-5s %-10s %-5s %-9s %9s req/s  p99 %8s ms  %7s us CPU/req  non-2xx %s\n' \
        "$board" "$endpoint" "$enc" "$server" "$rps" "$p99" "$cpu_us" "${non2xx:-0}"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$board" "$endpoint" "$enc" "$server" "$rps" "$p99" "$cpu_us" >>"$WORK/rounds.tsv"
}

: >"$WORK/rounds.tsv"
start_nginx

for BOARD in $BOARDS; do
    echo
    echo "== board $BOARD: first start (migrations, demo data)"
    DB="jdbc:h2:file:$WORK/$BOARD/db/paystatus"
    start_app "$DB"
    fig "$BOARD" startup first "$STARTED"
    echo "  first 200 on / after ${STARTED}s"
    if [ "$BOARD" = big ]; then
        more_channels
        build_outage 30
    else
        build_outage 5
    fi
    TOKEN=$(api POST /api/admin/tokens '{"name":"bench","role":"admin"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')
    stop_app
    unzip -q -o -j "$JAR" 'BOOT-INF/lib/h2-*.jar' -d "$WORK/lib"
    OLD_ID=$(java -cp "$WORK"/lib/h2-*.jar src/bench/History.java "$DB" old-notices '[past]' | tee /dev/stderr | awk '/^old notice:/ {print $3}')
    [ "$BOARD" = big ] && java -cp "$WORK"/lib/h2-*.jar src/bench/History.java "$DB"

    echo "== board $BOARD: start with the existing database"
    start_app "$DB"
    fig "$BOARD" startup existing "$STARTED"
    echo "  first 200 on / after ${STARTED}s"
    sleep 5
    c0=$(cpu_ticks "$APP_PID"); t0=$(now); sleep 10; c1=$(cpu_ticks "$APP_PID"); t1=$(now)
    fig "$BOARD" idle cpu "$(awk -v d=$((c1 - c0)) -v hz="$HZ" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.1f", d / hz / (b - a) * 100}')"
    declare -A PATHS=(
        [root]="/"
        [summary]="/api/v2/summary.json"
        [history]="/history"
        [hist-filt]="/history?channel=bank-card&kind=fault"
        [old-notice]="/notices/$OLD_ID"
        [avail]="/api/channels/fenfu-online/availability"
    )
    ORDER=(root summary history hist-filt old-notice avail)
    for e in "${ORDER[@]}"; do copy_to_nginx "$BOARD" "$e" "${PATHS[$e]}"; done
    echo "  / is $(wc -c <"$WORK/nginx/html/$BOARD-root") bytes, $(wc -c <"$WORK/nginx/html/$BOARD-root.gz" 2>/dev/null || echo '?') gzipped; old notice /notices/$OLD_ID"

    echo "== board $BOARD: warming up ${WARMUP}s"
    per=$(( WARMUP / ${#ORDER[@]} )); [ "$per" -lt 1 ] && per=1
    for e in "${ORDER[@]}"; do
        wrk -t"$THREADS" -c64 -d"${per}s" "$(base)${PATHS[$e]}" >/dev/null
    done
    wrk -t"$THREADS" -c64 -d2s "http://127.0.0.1:$NGINX_PORT/$BOARD-root" >/dev/null

    echo "== board $BOARD: $ROUNDS round(s) of ${DURATION}s per figure, $CONNS connections; load average $(cut -d' ' -f1-3 /proc/loadavg)"
    for r in $(seq 1 "$ROUNDS"); do
        for e in "${ORDER[@]}"; do
            for enc in plain gzip; do
                measure "$BOARD" "$e" "$enc" app "$(base)${PATHS[$e]}" "$APP_PID"
                measure "$BOARD" "$e" "$enc" nginx "http://127.0.0.1:$NGINX_PORT/$BOARD-$e" $(nginx_pids)
            done
        done
    done

    if [ "$BOARD" = big ] || [ "$BOARDS" = demo ]; then
        echo "== board $BOARD: writes"
        rebuilds() { # count and sum (seconds) of paystatus.snapshot.rebuild, or nothing
            curl -fsS -H "Authorization: Bearer $TOKEN" "$(base)/actuator/prometheus" |
                awk '/^paystatus_snapshot_rebuild_seconds_count/ {c = $2} /^paystatus_snapshot_rebuild_seconds_sum/ {s = $2} END {if (c != "") print c, s}'
        }
        update() {
            curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
                "$(base)/api/admin/notices/$FAULT_ID/updates" -d '{"status":"monitoring","message":"继续观察中，成功率稳定。","estimatedRecoveryAt":null}'
        }
        for _ in 1 2 3 4 5; do update; done # warm
        m0=$(rebuilds || true); c0=$(cpu_ticks "$APP_PID")
        for _ in $(seq 1 "$UPDATES"); do update; done
        c1=$(cpu_ticks "$APP_PID"); m1=$(rebuilds || true)
        fig "$BOARD" write cpu-per-update-ms "$(awk -v d=$((c1 - c0)) -v hz="$HZ" -v n="$UPDATES" 'BEGIN {printf "%.1f", d / hz * 1000 / n}')"
        if [ -n "$m0" ] && [ -n "$m1" ]; then
            fig "$BOARD" write rebuild-ms "$(awk -v a="$m0" -v b="$m1" 'BEGIN {split(a, x, " "); split(b, y, " "); n = y[1] - x[1]; printf "%.1f", (n > 0 ? (y[2] - x[2]) / n * 1000 : 0)}')"
        else
            fig "$BOARD" write rebuild-ms "n/a (no paystatus.snapshot.rebuild metric)"
        fi
        cat >"$WORK/writer.lua" <<LUA
local ids = { $FAULT_ID, $COMPLIANCE_ID }
local i = 0
local body = '{"status":"monitoring","message":"继续观察中，成功率稳定。","estimatedRecoveryAt":null}'
local headers = { ["Authorization"] = "Bearer $TOKEN", ["Content-Type"] = "application/json" }
request = function()
    i = i + 1
    return wrk.format("POST", "/api/admin/notices/" .. ids[(i % #ids) + 1] .. "/updates", headers, body)
end
function delay() return $WRITE_EVERY_MS end
LUA
        for r in $(seq 1 "$ROUNDS"); do
            out=$(wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 5s "$(base)/")
            fig "$BOARD" write-round idle "$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
            wrk -t1 -c"$WRITERS" -d"$((DURATION + 2))s" --timeout 10s -s "$WORK/writer.lua" "$(base)/" >"$WORK/writers.out" &
            writers=$!
            sleep 1
            out=$(wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 5s "$(base)/")
            fig "$BOARD" write-round busy "$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
            wait "$writers"
            fig "$BOARD" write-round posted "$(awk '/requests in/ {print $1}' "$WORK/writers.out") ($(awk -F': ' '/Non-2xx/ {print $2}' "$WORK/writers.out") non-2xx)"
        done
        fig "$BOARD" write root-bytes-after "$(curl -fsS "$(base)/" | wc -c)"
    fi
    fig "$BOARD" memory peak-rss-mb "$(peak_rss_mb)"
    stop_app
done

echo
echo "== results: jar $(basename "$JAR"), JVM ${JVM_FLAGS[*]:-(no flags)}, $(nproc) cores shared by wrk, the app and nginx; $CONNS connections; medians of $ROUNDS round(s) of ${DURATION}s after ${WARMUP}s warm-up"
python3 - "$WORK/rounds.tsv" "$RESULTS" <<'PY'
import statistics, sys
from collections import defaultdict
rounds = defaultdict(list)
for line in open(sys.argv[1]):
    b, e, enc, srv, rps, p99, cpu = line.rstrip("\n").split("\t")
    rounds[(b, e, enc, srv)].append((float(rps or 0), float(p99 or 0), float(cpu or 0)))
figs = defaultdict(dict)
multi = defaultdict(list)
for line in open(sys.argv[2]):
    b, kind, name, value = line.rstrip("\n").split("\t")
    if kind == "write-round":
        multi[(b, name)].append(value)
    else:
        figs[b][(kind, name)] = value
med = lambda xs: statistics.median(xs)
print(f"{'board':5} {'answer':10} {'enc':5} {'bytes':>7} | {'app req/s':>9} {'p99 ms':>7} {'CPU us':>7} | {'nginx req/s':>11} {'p99 ms':>7} {'CPU us':>7} | {'÷nginx':>6} {'÷ /':>5}")
for b in dict.fromkeys(k[0] for k in rounds):
    root = {}
    for (bb, e, enc, srv), v in rounds.items():
        if bb == b and e == "root" and srv == "app":
            root[enc] = med([x[0] for x in v])
    for e in dict.fromkeys(k[1] for k in rounds if k[0] == b):
        for enc in ("plain", "gzip"):
            a = rounds.get((b, e, enc, "app")); n = rounds.get((b, e, enc, "nginx"))
            if not a or not n:
                continue
            ar, ap, ac = (med([x[i] for x in a]) for i in range(3))
            nr, np_, nc = (med([x[i] for x in n]) for i in range(3))
            size = figs[b].get(("size" if enc == "plain" else "size-gzip", e), "?")
            to_root = f"{ar / root[enc]:.2f}" if e != "root" and root.get(enc) else ""
            print(f"{b:5} {e:10} {enc:5} {size:>7} | {ar:9.0f} {ap:7.1f} {ac:7.1f} | {nr:11.0f} {np_:7.1f} {nc:7.1f} | {ar / nr if nr else 0:6.2f} {to_root:>5}")
print()
for b in figs:
    f = figs[b]
    print(f"{b}: start-up to the first 200 on /: first start {f.get(('startup', 'first'), '?')} s, existing database {f.get(('startup', 'existing'), '?')} s; idle CPU after start {f.get(('idle', 'cpu'), '?')}% of a core; peak RSS {f.get(('memory', 'peak-rss-mb'), '?')} MB")
    if ("write", "rebuild-ms") in f:
        idle = [float(x) for x in multi[(b, "idle")]]
        busy = [float(x) for x in multi[(b, "busy")]]
        ratio = med(busy) / med(idle) if idle and busy and med(idle) else 0
        print(f"{b}: writes: snapshot rebuild {f[('write', 'rebuild-ms')]} ms; CPU per update (request, auth, transaction, rebuild) {f[('write', 'cpu-per-update-ms')]} ms")
        print(f"{b}: writes: / at {med(idle):.0f} req/s idle, {med(busy):.0f} req/s while writers post: ratio {ratio:.2f}; posted per round: {', '.join(multi[(b, 'posted')])}; / is {f.get(('write', 'root-bytes-after'), '?')} bytes after the writes")
PY
echo "(raw figures in $WORK/rounds.tsv and $WORK/results.tsv)"
