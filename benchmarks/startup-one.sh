#!/usr/bin/env bash
# Time from `java -jar` to /actuator/health UP, and the RSS of the JVM at that moment,
# for one app of the suite on an in-memory H2 database, in a scratch working directory.
#   benchmarks/startup-one.sh app-volume/target/app-volume.jar [runs] [extra app arguments...]
# Used for the "Start-up cost of authentication" section of BENCHMARKS.md.
set -euo pipefail
jar=$(realpath "$1"); runs=${2:-3}; shift; shift || true
# a free port unless PORT is given: other apps may be running on this machine
port=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
export NOVA_AUTH_TOKEN_KEY=${NOVA_AUTH_TOKEN_KEY:-benchmark-only-token-key-0123456789abcdef}
for run in $(seq 1 "$runs"); do
  work=$(mktemp -d)
  start=$(date +%s.%N)
  (cd "$work" && exec java ${JAVA_OPTS:-} -jar "$jar" --server.port="$port" \
      --spring.datasource.url="jdbc:h2:mem:bench$run" --nova.volume.driver=fake "$@" > "$work/log" 2>&1) &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 $pid 2>/dev/null || { echo "the app exited; see $work/log" >&2; cat "$work/log" >&2; exit 1; }
    sleep 0.1
  done
  up=$(date +%s.%N)
  rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
  # CPU time the JVM used to get there: less disturbed than wall time on a busy machine
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/$pid/stat)
  printf 'run %d: health UP after %.1f s (%s s CPU), RSS %d MB\n' "$run" "$(echo "$up - $start" | bc)" "$cpu" "$rss"
  kill $pid; wait $pid 2>/dev/null || true
  rm -rf "$work"
done
