#!/usr/bin/env bash
# Start-up: seconds from launch to the first 200 on /, with a fresh H2 database (migrations and demo
# data) and with the existing one, for each way of starting PayStatus:
#   jar      java $JAVA_OPTS -jar target/paystatus.jar (the fat jar)
#   cds      the jar unpacked and started from a class-data-sharing archive, as docker-compose.yml does
#   mvn      ./mvnw spring-boot:run (Maven's own start included)
# JAVA_OPTS come from docker-compose.yml unless set (JAVA_OPTS=-Xmx256m, for instance, for older launch settings). Also: CPU seconds used by the first 200, resident memory, and
# the CPU used while idle for 10 s after it. Never run by ./mvnw verify or .ci/run.
#   src/bench/startup.sh                    # RUNS=3 WAYS="jar cds mvn"
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
RUNS=${RUNS:-3}
WAYS=${WAYS:-jar cds mvn}
PORT=${PORT:-18280}
WORK=$(mktemp -d /tmp/paystatus-startup.XXXXXX)
JAR=${JAR:-target/paystatus.jar}
[ -f "$JAR" ] || ./mvnw -q -B package -DskipTests
JAR=$(realpath "$JAR")
read -r -a FLAGS <<<"${JAVA_OPTS:-$(sed -n 's/^ *JAVA_OPTS: *//p' docker-compose.yml | head -1 | tr -d '"')}"
export MALLOC_ARENA_MAX=2
export PAYSTATUS_ADMIN_PASSWORD=startup-bench-password

# The unpacked jar and its archive, made once (the archive by a training run that stops after refresh).
java -Djarmode=tools -jar "$JAR" extract --force --destination "$WORK/app" >/dev/null
java "${FLAGS[@]}" -XX:ArchiveClassesAtExit="$WORK/app/paystatus.jsa" -Dspring.context.exit=onRefresh \
    -jar "$WORK/app/$(basename "$JAR")" --server.port="$PORT" \
    --spring.datasource.url="jdbc:h2:file:$WORK/train/db;DB_CLOSE_ON_EXIT=FALSE" >"$WORK/train.log" 2>&1

launch() { # way dir -> starts the app in the background, sets PID (the JVM, or Maven's for mvn)
    local db="jdbc:h2:file:$2/db;DB_CLOSE_ON_EXIT=FALSE"
    case $1 in
        jar) java "${FLAGS[@]}" -jar "$JAR" --server.port="$PORT" --spring.datasource.url="$db" \
                 >"$2/app.log" 2>&1 & ;;
        cds) java "${FLAGS[@]}" -XX:SharedArchiveFile="$WORK/app/paystatus.jsa" -jar "$WORK/app/$(basename "$JAR")" \
                 --server.port="$PORT" --spring.datasource.url="$db" >"$2/app.log" 2>&1 & ;;
        mvn) ./mvnw -q spring-boot:run -Dspring-boot.run.arguments="--server.port=$PORT --spring.datasource.url=$db" \
                 >"$2/app.log" 2>&1 & ;;
    esac
    PID=$!
}

ticks() { # CPU ticks of a process and its children (Maven forks the app)
    local t=0 p
    for p in "$1" $(pgrep -P "$1" || true); do
        [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{sub(/.*\) /, ""); print $12 + $13}' "/proc/$p/stat")))
    done
    echo "$t"
}

one() { # way dir -> prints "seconds cpu rss idle-cpu%"
    local t0 t1 c0 c1 app rss
    t0=$(date +%s.%N)
    launch "$1" "$2"
    until curl -fs -o /dev/null "http://127.0.0.1:$PORT/"; do
        kill -0 "$PID" 2>/dev/null || { tail -30 "$2/app.log"; exit 1; }
        sleep 0.05
    done
    t1=$(date +%s.%N)
    app=$PID
    [ "$1" = mvn ] && app=$(pgrep -f "com.paystatus.PayStatusApplication" | head -1)
    c0=$(ticks "$PID")
    sleep 10
    c1=$(ticks "$PID")
    rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$app/status")
    printf '%.1f %.1f %s %.1f\n' "$(echo "$t1 - $t0" | bc)" "$(echo "$c0 / 100" | bc -l)" "$rss" \
        "$(echo "($c1 - $c0) / 10" | bc -l)"
    kill "$app" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    while curl -fs -o /dev/null "http://127.0.0.1:$PORT/" 2>/dev/null; do sleep 0.2; done
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

echo "== JAVA_OPTS ${FLAGS[*]}; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); medians of $RUNS"
printf '%-5s %-9s %9s %9s %8s %10s\n' way database 'first 200' 'cpu (s)' 'rss MB' 'idle cpu%'
for way in $WAYS; do
    for db in fresh existing; do
        : >"$WORK/$way-$db.txt"
        for run in $(seq 1 "$RUNS"); do
            dir="$WORK/$way-$run"
            [ "$db" = fresh ] && rm -rf "$dir" && mkdir -p "$dir"
            one "$way" "$dir" >>"$WORK/$way-$db.txt"
        done
        printf '%-5s %-9s %8ss %9s %8s %10s\n' "$way" "$db" \
            "$(cut -d' ' -f1 "$WORK/$way-$db.txt" | median)" "$(cut -d' ' -f2 "$WORK/$way-$db.txt" | median)" \
            "$(cut -d' ' -f3 "$WORK/$way-$db.txt" | median)" "$(cut -d' ' -f4 "$WORK/$way-$db.txt" | median)"
    done
done
echo "== raw figures in $WORK"
