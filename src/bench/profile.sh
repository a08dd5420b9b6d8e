#!/usr/bin/env bash
# Where a running PayStatus spends its CPU: a JFR recording of SECONDS seconds (default 30) of the
# process PID, summarised as the methods most often on top of a sampled stack, and the PayStatus,
# Spring and Tomcat frames most often anywhere on it. Use it while a benchmark loads the app:
#
#   src/bench/profile.sh PID [SECONDS]
set -euo pipefail
PID=$1
SECONDS_=${2:-30}
OUT=$(mktemp -d /tmp/paystatus-profile.XXXXXX)
jcmd "$PID" JFR.start name=profile settings=profile filename="$OUT/rec.jfr" duration="${SECONDS_}s" >/dev/null
sleep $((SECONDS_ + 3))
jfr print --events jdk.ExecutionSample --stack-depth 64 "$OUT/rec.jfr" >"$OUT/samples.txt"
echo "== top frames (self time)"
awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' "$OUT/samples.txt" \
    | sort | uniq -c | sort -rn | head -25
echo "== frames anywhere on the stack (inclusive), com.paystatus and selected libraries"
awk '/stackTrace = \[/ {delete seen; inside = 1; next} inside && /^[ \t]*\]/ {inside = 0; next}
     inside {line = $0; sub(/^[ \t]+/, "", line); sub(/line:.*/, "", line); if (!(line in seen)) {seen[line] = 1; print line}}' \
    "$OUT/samples.txt" \
    | grep -E 'com\.paystatus|javax\.crypto\.Mac|SecretKeySpec|FilterChainProxy|ObjectMapper|tools\.jackson|MessageSource|AsyncContext|startAsync|Caffeine|getSession' \
    | sort | uniq -c | sort -rn | head -40
echo "samples: $(grep -c 'jdk.ExecutionSample' "$OUT/samples.txt") (recording $OUT/rec.jfr)"
