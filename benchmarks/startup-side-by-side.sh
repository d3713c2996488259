#!/usr/bin/env bash
# benchmarks/startup.sh's measurement with the variants interleaved: run 1 of every variant,
# then run 2 of every variant, and so on, so that the other work on a shared machine weighs
# on all of them alike (startup.sh runs one variant after the other). Same variants, same
# figures (median of RUNS): wall time to /actuator/health UP, CPU time and RSS at UP, RSS
# after WARMUP API calls (alone only); all three apps at once.
#   BASE=/tmp/base VARIANTS="base-opts17 fast25" benchmarks/startup-side-by-side.sh
# The caches of the fast variants are kept in benchmarks/target/cache (made again when a jar
# changes, as under bin/start-suite).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
. bin/lib/fast-start.sh
RUNS=${RUNS:-5}
JDK17=${JDK17:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
BASE_OPTS=${BASE_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xmx256m}
OPTS=${OPTS:-$(sed -n 's/^JAVA_OPTS=\${JAVA_OPTS:-\(.*\)}$/\1/p' bin/start-suite)}
WARMUP=${WARMUP:-1000}
VARIANTS=${VARIANTS:-base-opts17 fast25}
read -ra apps <<< "${APPS:-volume network compute}"
export NOVA_AUTH_TOKEN_KEY=${NOVA_AUTH_TOKEN_KEY:-benchmark-only-token-key-0123456789abcdef}
export NOVA_RPC_SECRET=${NOVA_RPC_SECRET:-benchmark-only-rpc-secret-0123456789abcdef}
work=$(mktemp -d)
started=()
trap 'for p in ${started[@]+"${started[@]}"}; do stop "$p"; done; rm -rf "$work"' EXIT
declare -A ports=([volume]=18776 [network]=19696 [compute]=18774)
declare -A api=([volume]='/v3/%s/volumes/detail' [network]='/v2.0/networks' [compute]='/v2.1/servers/detail')
declare -A launch_cmd results

now_ns() { date +%s%N; }
stop() { kill "$1" 2>/dev/null || return 0; while kill -0 "$1" 2>/dev/null; do sleep 0.1; done; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

start() { # variant app -> pid
  local cmd
  IFS=$'\x1f' read -ra cmd <<< "${launch_cmd[$1/$2]}"
  (cd "$work/$1" && exec "${cmd[@]}" --server.port="${ports[$2]}" --nova.volume.file.directory="$work/$1/volumes" \
    > "$work/$1/$2.log" 2>&1) &
  echo $!
}
wait_up() { # variant app pid
  until curl -fs "http://127.0.0.1:${ports[$2]}/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$3" 2>/dev/null || { echo "nova-$2 ($1) exited; its log:" >&2; tail -n 60 "$work/$1/$2.log" >&2; exit 1; }
    sleep 0.05
  done
}
warm_up() { # variant app
  local port=${ports[$2]} headers token project url
  headers=$(curl -fs -D - -o "$work/token.json" -H 'Content-Type: application/json' \
    "http://127.0.0.1:$port/identity/v3/auth/tokens" -d '{"auth": {"identity": {"methods": ["password"],
      "password": {"user": {"name": "admin", "domain": {"name": "Default"}, "password": "'"$(cat "$work/$1/var/admin-password")"'"}}},
      "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}')
  token=$(awk 'tolower($1) == "x-subject-token:" {print $2}' <<< "$headers" | tr -d '\r')
  project=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"]["project"]["id"])' "$work/token.json")
  # shellcheck disable=SC2059
  url="http://127.0.0.1:$port$(printf "${api[$2]}" "$project")"
  curl -fs -o /dev/null -H "X-Auth-Token: $token" "$url?warmup=[1-$WARMUP]"
}
record() { results[$1]="${results[$1]:-} $2"; echo "$1 $2" >&2; }
med() { printf '%s\n' ${results[$1]} | median; }

describe() {
  case "$1" in
    base-plain17) echo "before: plain \`java -jar\`, JDK 17" ;;
    base-opts17) echo "before: bin/start-suite (\`$BASE_OPTS\`), JDK 17" ;;
    plain17) echo "after: plain \`java -jar\`, JDK 17" ;;
    fast17) echo "after: bin/start-suite on JDK 17 (\`$OPTS\` + CDS archive)" ;;
    fast25) echo "after: bin/start-suite on JDK 25 (\`$OPTS\` + AOT cache)" ;;
  esac
}

# the launch of every variant and app; caches made now, then one unmeasured first start
# per variant and app makes its database
for variant in $VARIANTS; do
  mkdir -p "$work/$variant"
  for app in "${apps[@]}"; do
    jars=$root; case "$variant" in base-*) jars=$BASE ;; esac
    case "$variant" in
      *plain17) JAVA=$JDK17; JAVA_OPTS=""; FAST_START=0 ;;
      base-opts17) JAVA=$JDK17; JAVA_OPTS=$BASE_OPTS; FAST_START=0 ;;
      fast17) JAVA=$JDK17; JAVA_OPTS=$OPTS; FAST_START=1 ;;
      fast25) JAVA=$JDK25; JAVA_OPTS=$OPTS; FAST_START=1 ;;
      *) echo "unknown variant $variant" >&2; exit 2 ;;
    esac
    JAVA_MAJOR=$(java_major "$JAVA")
    FAST_START=$FAST_START prepare_fast_start "$app" "$jars/app-$app/target/app-$app.jar" "benchmarks/target/cache/$variant"
    launch_cmd[$variant/$app]=$(printf '%s\x1f' "${LAUNCH[@]}" -jar "$FAST_START_JAR")
    pid=$(start "$variant" "$app"); started+=("$pid"); wait_up "$variant" "$app" "$pid"; stop "$pid"
  done
done

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
begin=$(date -u '+%Y-%m-%d %H:%M')
for run in $(seq 1 "$RUNS"); do
  for app in "${apps[@]}"; do
    for variant in $VARIANTS; do
      t0=$(now_ns); pid=$(start "$variant" "$app"); started+=("$pid"); wait_up "$variant" "$app" "$pid"; t1=$(now_ns)
      record "$variant/$app/wall" $(( (t1 - t0) / 1000000 )); record "$variant/$app/cpu" "$(cpu_s "$pid")"
      record "$variant/$app/rss" "$(rss_mb "$pid")"
      warm_up "$variant" "$app"; record "$variant/$app/warm" "$(rss_mb "$pid")"
      stop "$pid"
    done
  done
  if [ "${TOGETHER:-1}" = 1 ]; then
    for variant in $VARIANTS; do
      pids=(); t0=$(now_ns)
      for app in "${apps[@]}"; do pids+=("$(start "$variant" "$app")"); done
      started+=("${pids[@]}")
      for i in "${!apps[@]}"; do wait_up "$variant" "${apps[$i]}" "${pids[$i]}"; done
      t1=$(now_ns)
      cpu=0; total=0
      for pid in "${pids[@]}"; do cpu=$(echo "$cpu + $(cpu_s "$pid")" | bc); total=$(( total + $(rss_mb "$pid") )); done
      record "$variant/all/wall" $(( (t1 - t0) / 1000000 )); record "$variant/all/cpu" "$cpu"; record "$variant/all/rss" "$total"
      for pid in "${pids[@]}"; do stop "$pid"; done
    done
  fi
  echo "run $run done, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
done

out=benchmarks/target/startup-side-by-side.md
mkdir -p benchmarks/target
{
  echo "Run of $begin to $(date -u '+%H:%M') UTC, $(nproc) cores, variants interleaved, median of $RUNS; load average at the start $load_start, at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| variant | app | UP: wall | UP: CPU | RSS at UP | RSS after $WARMUP API calls |"
  echo "|---|---|---|---|---|---|"
  for app in "${apps[@]}"; do
    for variant in $VARIANTS; do
      printf '| %s | nova-%s | %.2f s | %.2f s | %d MB | %d MB |\n' "$(describe "$variant")" "$app" \
        "$(med "$variant/$app/wall" | awk '{print $1 / 1000}')" "$(med "$variant/$app/cpu")" \
        "$(med "$variant/$app/rss")" "$(med "$variant/$app/warm")"
    done
  done
  if [ "${TOGETHER:-1}" = 1 ]; then
    for variant in $VARIANTS; do
      printf '| %s | all three at once | %.2f s | %.2f s | %d MB together | |\n' "$(describe "$variant")" \
        "$(med "$variant/all/wall" | awk '{print $1 / 1000}')" "$(med "$variant/all/cpu")" "$(med "$variant/all/rss")"
    done
  fi
} | tee "$out"
