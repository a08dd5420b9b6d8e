#!/usr/bin/env bash
# What a crowd costs the board when it reads the deep pages or an operator posts a lot: loopback only,
# a few minutes, not a test (./mvnw verify and .ci/run never call it). Starts the jar (-Xmx256m, H2 file
# database in a temporary directory), posts and resolves RESOLVED notices through the admin API, then
# measures with wrk (wrk and the server share the machine's cores):
#   1. the size of / and how fast it is read alone,
#   2. /history read by 16 connections, and / read at the same time,
#   3. / read while 8 clients post updates to open notices as fast as they can.
#
#   src/bench/hardening.sh                    # the jar in target/
#   JAR=/elsewhere/paystatus.jar src/bench/hardening.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${PORT:-18090}
RESOLVED=${RESOLVED:-240}
WARMUP=${WARMUP:-30}
DURATION=${DURATION:-10}
JAR=${JAR:-target/paystatus.jar}
PASSWORD=bench-admin-password
WORK=$(mktemp -d /tmp/paystatus-hardening.XXXXXX)
APP_PID=""
WRITERS=()

cleanup() {
    for w in "${WRITERS[@]}"; do kill "$w" 2>/dev/null || true; done
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
}
trap cleanup EXIT

need() { command -v "$1" >/dev/null 2>&1; }
if ! need wrk || ! need curl; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq wrk curl >/dev/null
fi
if [ ! -f "$JAR" ]; then
    ./mvnw -q -B package -DskipTests
fi

BASE="http://127.0.0.1:$PORT"
PAYSTATUS_ADMIN_PASSWORD=$PASSWORD java -Xmx256m -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    --spring.datasource.url="jdbc:h2:file:$WORK/db/paystatus;WRITE_DELAY=0" --logging.level.root=WARN \
    >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 240); do
    curl -fs "$BASE/" -o /dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$WORK/app.log"; exit 1; }
    sleep 0.5
done

TOKEN=$(curl -fsS -u "admin:$PASSWORD" -H 'Content-Type: application/json' "$BASE/api/admin/tokens" \
    -d '{"name": "bench", "role": "operator"}' | sed -E 's/.*"secret":"([^"]+)".*/\1/')
api() { # method path json → body
    curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -X "$1" "$BASE$2" -d "$3"
}
post_notice() { # title → id
    api POST /api/admin/notices "{\"title\":\"$1\",\"kind\":\"fault\",\"message\":\"部分用户付款失败，正在排查。\",\"channels\":{\"fenfu-online\":\"degraded\"},\"estimatedRecoveryAt\":null}" \
        | sed -E 's/^\{"id":([0-9]+).*/\1/'
}

echo "== posting and resolving $RESOLVED notices"
for n in $(seq 1 "$RESOLVED"); do
    id=$(post_notice "第 $n 次线上购物付款失败")
    api POST "/api/admin/notices/$id/updates" '{"status":"resolved","message":"已恢复。","estimatedRecoveryAt":null}' >/dev/null
done

measure() { # label, wrk arguments...
    local label=$1; shift
    wrk --latency "$@" >"$WORK/wrk.txt" 2>&1
    local rps p99 errors
    rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$WORK/wrk.txt")
    errors=$(awk '/Non-2xx/ {print $5}' "$WORK/wrk.txt")
    printf '%-52s %10s req/s   p99 %9s   non-2xx %s\n' "$label" "$rps" "$p99" "${errors:-0}"
}

echo "== warming up ($WARMUP s)"
wrk -t2 -c64 -d"${WARMUP}s" "$BASE/" >/dev/null
wrk -t2 -c16 -d"$((WARMUP / 3))s" "$BASE/history" >/dev/null

SIZE=$(curl -fsS "$BASE/" | wc -c)
echo "== / is $SIZE bytes with $RESOLVED notices resolved in the last days"
measure "/ alone (64 connections)" -t2 -c64 -d"${DURATION}s" "$BASE/"
measure "/history alone (16 connections)" -t1 -c16 -d"${DURATION}s" "$BASE/history"

wrk -t1 -c16 -d"$((DURATION + 4))s" "$BASE/history" >"$WORK/history.txt" 2>&1 &
HAMMER=$!
sleep 2
measure "/ while 16 connections read /history" -t1 -c64 -d"${DURATION}s" "$BASE/"
wait "$HAMMER"
printf '%-52s %10s req/s\n' "  (/history meanwhile)" "$(awk '/Requests\/sec/ {print $2}' "$WORK/history.txt")"

OPEN=()
for n in $(seq 1 8); do OPEN+=("$(post_notice "写入测试 $n")"); done
for id in "${OPEN[@]}"; do
    (
        while true; do
            api POST "/api/admin/notices/$id/updates" '{"status":"identified","message":"已定位，正在处理。","estimatedRecoveryAt":null}' \
                >/dev/null 2>&1 || true
        done
    ) &
    WRITERS+=($!)
done
sleep 2
measure "/ while 8 clients post updates" -t1 -c64 -d"${DURATION}s" "$BASE/"
for w in "${WRITERS[@]}"; do kill "$w" 2>/dev/null || true; done
WRITERS=()
UPDATES=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/admin/notices/${OPEN[0]}" | grep -o '"status":"identified"' | wc -l)
echo "  (one writer's notice took $UPDATES updates)"
