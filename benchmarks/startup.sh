#!/usr/bin/env bash
# Start-up of the suite's apps, alone and all three at once, by JDK and option set: wall time
# from the launch to /actuator/health UP, the JVM's CPU time and RSS at that moment, and the
# RSS after a warm-up of 1,000 API calls (alone only); the median of RUNS runs (default 5).
# Writes a Markdown table to stdout and to benchmarks/target/startup.md.
#
#   benchmarks/startup.sh                          # every variant below, this checkout's jars
#   BASE=/tmp/base benchmarks/startup.sh           # also the "before" rows from BASE's jars
#   VARIANTS="fast25 fast17" RUNS=3 benchmarks/startup.sh
#   APPS=volume TOGETHER=0 OPTS="-Xmx128m" VARIANTS=fast25 benchmarks/startup.sh   # to try options
#
# Variants (the fast ones use bin/lib/fast-start.sh as bin/start-suite does; their cache is
# made once per variant before the runs, and that making is timed too):
#   base-plain17  BASE's jars, plain `java -jar`, JDK 17
#   base-opts17   BASE's jars, `java $OPTS -jar` (the options of BASE's bin/start-suite), JDK 17
#   plain17       this checkout's jars, plain `java -jar`, JDK 17
#   opts17        this checkout's jars, `java $OPTS -jar`, JDK 17, no archive
#   fast17        bin/start-suite's way on JDK 17: $OPTS and a CDS archive of the extracted jar
#   fast25        bin/start-suite's way on JDK 25: $OPTS and an AOT cache of the extracted jar
#
# Each variant gets one scratch directory and so one H2 file database shared by the apps, as
# bin/start-suite does: the first start of each app (a fresh database: its migrations run,
# the bootstrap admin is made) is reported on its own, the RUNS timed starts after it find
# the database made, as every later start of an operator's service does.
# Needs the jars: ./mvnw -B -ntp -q package -DskipTests (and the same in BASE).
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
if [ -n "${BASE:-}" ]; then
  VARIANTS=${VARIANTS:-base-plain17 base-opts17 plain17 opts17 fast17 fast25}
else
  VARIANTS=${VARIANTS:-plain17 opts17 fast17 fast25}
fi
# made-up secrets for this measurement only, shared by the three apps as in bin/start-suite
export NOVA_AUTH_TOKEN_KEY=${NOVA_AUTH_TOKEN_KEY:-benchmark-only-token-key-0123456789abcdef}
export NOVA_RPC_SECRET=${NOVA_RPC_SECRET:-benchmark-only-rpc-secret-0123456789abcdef}
work=$(mktemp -d)
started=()
# every JVM this script started goes when it ends, however it ends
trap 'for p in ${started[@]+"${started[@]}"}; do stop "$p"; done; rm -rf "$work"' EXIT
read -ra apps <<< "${APPS:-volume network compute}"
declare -A ports=([volume]=18776 [network]=19696 [compute]=18774)
# one authenticated read of each app's own API, the kind of call a client makes most
declare -A api=([volume]='/v3/%s/volumes/detail' [network]='/v2.0/networks' [compute]='/v2.1/servers/detail')

now_ns() { date +%s%N; }

declare -A launch_cmd
remember_launch() { launch_cmd[$1]=$(printf '%s\x1f' "${LAUNCH[@]}" -jar "$FAST_START_JAR"); }

start() { # app variant-dir -> pid (remember_launch called for the app)
  local cmd
  IFS=$'\x1f' read -ra cmd <<< "${launch_cmd[$1]}"
  (cd "$2" && exec "${cmd[@]}" --server.port="${ports[$1]}" \
    --nova.volume.file.directory="$2/volumes" > "$2/$1.log" 2>&1) &
  echo $!
}

wait_up() { # app pid dir
  until curl -fs "http://127.0.0.1:${ports[$1]}/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$2" 2>/dev/null || { echo "nova-$1 exited; its log:" >&2; tail -n 60 "$3/$1.log" >&2; exit 1; }
    sleep 0.05
  done
}

stop() { # pid: SIGTERM, then wait until the JVM is gone (graceful shutdown takes a while)
  kill "$1" 2>/dev/null || return 0
  while kill -0 "$1" 2>/dev/null; do sleep 0.1; done
}

rss_mb() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$1/stat"; }

warm_up() { # app dir: WARMUP authenticated API calls over one keep-alive connection
  local port=${ports[$1]} headers token project url
  headers=$(curl -fs -D - -o "$2/token.json" -H 'Content-Type: application/json' \
    "http://127.0.0.1:$port/identity/v3/auth/tokens" -d '{"auth": {"identity": {"methods": ["password"],
      "password": {"user": {"name": "admin", "domain": {"name": "Default"}, "password": "'"$(cat "$2/var/admin-password")"'"}}},
      "scope": {"project": {"name": "admin", "domain": {"name": "Default"}}}}}')
  token=$(awk 'tolower($1) == "x-subject-token:" {print $2}' <<< "$headers" | tr -d '\r')
  project=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"]["project"]["id"])' "$2/token.json")
  # shellcheck disable=SC2059
  url="http://127.0.0.1:$port$(printf "${api[$1]}" "$project")"
  # curl's URL globbing: [1-N] makes N requests on one connection; the query is ignored
  curl -fs -o /dev/null -H "X-Auth-Token: $token" "$url?warmup=[1-$WARMUP]"
}

median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

# sets LAUNCH and FAST_START_JAR for app of variant in dir
launch_of() { # variant app dir
  local jars=$root
  case "$1" in base-*) jars=$BASE ;; esac
  case "$1" in
    *plain17) JAVA=$JDK17; JAVA_OPTS="" ;;
    base-opts17) JAVA=$JDK17; JAVA_OPTS=$BASE_OPTS ;;
    opts17) JAVA=$JDK17; JAVA_OPTS=$OPTS ;;
    fast17) JAVA=$JDK17; JAVA_OPTS=$OPTS ;;
    fast25) JAVA=$JDK25; JAVA_OPTS=$OPTS ;;
    *) echo "unknown variant $1" >&2; exit 2 ;;
  esac
  JAVA_MAJOR=$(java_major "$JAVA")
  case "$1" in fast*) FAST_START=1 ;; *) FAST_START=0 ;; esac
  FAST_START=$FAST_START prepare_fast_start "$2" "$jars/app-$2/target/app-$2.jar" "$3/cache" > /dev/null
  remember_launch "$2"
}

describe() {
  case "$1" in
    base-plain17) echo "before: plain \`java -jar\`, JDK 17" ;;
    base-opts17) echo "before: bin/start-suite (\`$BASE_OPTS\`), JDK 17" ;;
    plain17) echo "after: plain \`java -jar\`, JDK 17" ;;
    opts17) echo "after: \`$OPTS\`, JDK 17, no archive" ;;
    fast17) echo "after: bin/start-suite on JDK 17 (\`$OPTS\` + CDS archive)" ;;
    fast25) echo "after: bin/start-suite on JDK 25 (\`$OPTS\` + AOT cache)" ;;
  esac
}

out=benchmarks/target/startup.md
mkdir -p benchmarks/target
{
  echo "Run of $(date -u '+%Y-%m-%d %H:%M') UTC, $(nproc) cores, median of $RUNS, load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| variant | app | first start (fresh database) | UP: wall | UP: CPU | RSS at UP | RSS after $WARMUP API calls |"
  echo "|---|---|---|---|---|---|---|"
} | tee "$out"

for variant in $VARIANTS; do
  dir=$work/$variant
  mkdir -p "$dir"
  prep=""
  for app in "${apps[@]}"; do
    t0=$(now_ns); launch_of "$variant" "$app" "$dir"; t1=$(now_ns)
    [ "${FAST_START:-0}" = 1 ] && prep="$prep $app $(( (t1 - t0) / 1000000 ))ms"
    [ "${FAST_START:-0}" = 1 ] && [ "$FAST_START_MODE" = "plain java -jar" ] && { echo "no cache made for $variant $app" >&2; exit 1; }
    # the first start: a fresh database (for the first app) or a fresh schema module
    t0=$(now_ns); pid=$(start "$app" "$dir"); started+=("$pid"); wait_up "$app" "$pid" "$dir"; t1=$(now_ns)
    first=$(( (t1 - t0) / 1000000 ))
    stop "$pid"
    walls=(); cpus=(); rss=(); warm=()
    for _ in $(seq 1 "$RUNS"); do
      t0=$(now_ns); pid=$(start "$app" "$dir"); started+=("$pid"); wait_up "$app" "$pid" "$dir"; t1=$(now_ns)
      walls+=($(( (t1 - t0) / 1000000 ))); cpus+=("$(cpu_s "$pid")"); rss+=("$(rss_mb "$pid")")
      warm_up "$app" "$dir"
      warm+=("$(rss_mb "$pid")")
      stop "$pid"
    done
    printf '| %s | nova-%s | %.1f s | %.2f s | %.2f s | %d MB | %d MB |\n' "$(describe "$variant")" "$app" \
      "$(echo "$first / 1000" | bc -l)" "$(printf '%s\n' "${walls[@]}" | median | awk '{print $1 / 1000}')" \
      "$(printf '%s\n' "${cpus[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)" \
      "$(printf '%s\n' "${warm[@]}" | median)" | tee -a "$out"
  done
  [ "${TOGETHER:-1}" = 1 ] || continue
  walls=(); cpus=(); rss=()
  for _ in $(seq 1 "$RUNS"); do
    pids=()
    t0=$(now_ns)
    for app in "${apps[@]}"; do pids+=("$(start "$app" "$dir")"); done
    started+=("${pids[@]}")
    for i in "${!apps[@]}"; do wait_up "${apps[$i]}" "${pids[$i]}" "$dir"; done
    t1=$(now_ns)
    walls+=($(( (t1 - t0) / 1000000 )))
    cpu=0; total=0
    for pid in "${pids[@]}"; do cpu=$(echo "$cpu + $(cpu_s "$pid")" | bc); total=$(( total + $(rss_mb "$pid") )); done
    cpus+=("$cpu"); rss+=("$total")
    for pid in "${pids[@]}"; do stop "$pid"; done
  done
  printf '| %s | all three at once | | %.2f s | %.2f s | %d MB together | |\n' "$(describe "$variant")" \
    "$(printf '%s\n' "${walls[@]}" | median | awk '{print $1 / 1000}')" \
    "$(printf '%s\n' "${cpus[@]}" | median)" "$(printf '%s\n' "${rss[@]}" | median)" | tee -a "$out"
  [ -n "$prep" ] && echo "making the caches of $variant (once per build, one app after the other):$prep" >> "$work/notes"
done
echo | tee -a "$out"
[ -f "$work/notes" ] && tee -a "$out" < "$work/notes"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
