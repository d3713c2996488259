#!/usr/bin/env bash
# Start-up time to /actuator/health UP and resident memory of each app, alone and all
# three at once, on the embedded defaults (a fresh H2 file database in a temp dir).
#   benchmarks/startup.sh                      # default JVM options of bin/start-suite
#   JAVA_OPTS="" benchmarks/startup.sh         # plain java -jar
# Needs the jars: ./mvnw -B -ntp -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_OPTS=${JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xmx256m}
# made-up secrets for this measurement only, shared by the three apps as in bin/start-suite
export NOVA_AUTH_TOKEN_KEY=${NOVA_AUTH_TOKEN_KEY:-benchmark-only-token-key-0123456789abcdef}
export NOVA_RPC_SECRET=${NOVA_RPC_SECRET:-benchmark-only-rpc-secret-0123456789abcdef}
work=$(mktemp -d)
started=()
# every JVM this script started goes when it ends, however it ends
trap 'for p in "${started[@]}"; do stop "$p"; done; rm -rf "$work"' EXIT
apps=(volume:18776 network:19696 compute:18774)

now_ms() { date +%s%3N; }

start() { # app port -> pid
  # shellcheck disable=SC2086
  (cd "$work" && exec java $JAVA_OPTS -jar "$OLDPWD/app-$1/target/app-$1.jar" --server.port="$2" \
    --nova.volume.file.directory="$work/volumes" ${EXTRA_ARGS:-} > "$work/$1.log" 2>&1) &
  echo $!
}

wait_up() { # port pid
  until curl -fs "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$2" 2>/dev/null || { echo "the app on port $1 exited; its log:" >&2; cat "$work"/*.log >&2; exit 1; }
    sleep 0.1
  done
}

stop() { # pid: SIGTERM, then wait until the JVM is gone (graceful shutdown takes a while)
  kill "$1" 2>/dev/null || return 0
  while kill -0 "$1" 2>/dev/null; do sleep 0.2; done
}

rss_mb() { # pid -> MB of the java process
  local pid
  pid=$(pgrep -P "$1" java || echo "$1")
  awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$pid/status"
}

echo "JAVA_OPTS=$JAVA_OPTS"
echo "| app | alone: health UP | RSS after UP |"
echo "|---|---|---|"
for entry in "${apps[@]}"; do
  app=${entry%%:*}; port=${entry##*:}
  rm -rf "$work/var"
  t0=$(now_ms); pid=$(start "$app" "$port"); started+=("$pid"); wait_up "$port" "$pid"; t1=$(now_ms)
  sleep 2
  echo "| nova-$app | $(( (t1 - t0) ))ms | $(rss_mb "$pid") MB |"
  stop "$pid"
done

rm -rf "$work/var"
t0=$(now_ms)
pids=()
for entry in "${apps[@]}"; do pids+=("$(start "${entry%%:*}" "${entry##*:}")"); done
started+=("${pids[@]}")
for i in "${!apps[@]}"; do wait_up "${apps[$i]##*:}" "${pids[$i]}"; done
t1=$(now_ms)
sleep 2
total=0
for pid in "${pids[@]}"; do total=$(( total + $(rss_mb "$pid") )); done
echo "| all three at once | $(( (t1 - t0) ))ms until the last is UP | $total MB together |"
