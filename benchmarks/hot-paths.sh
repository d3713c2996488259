#!/usr/bin/env bash
# Issue 19's five benchmarks, the old code and this checkout side by side: each benchmark
# runs in BASE (an older checkout with the same benchmark code copied in, see BENCHMARKS.md,
# "Hot paths") and then here, one right after the other, so both meet the same machine.
# Each result file is copied to benchmarks/target/hot-paths/<benchmark>-<old|new>.*, and
# the load average before and after each run is written beside it.
#
#   BASE=/tmp/hot-base benchmarks/hot-paths.sh [rpc] [allocation] [volume] [fake-boot] [boot]
#
# (all five when none is named). ALLOCATIONS (default 200) is the allocation benchmark's
# count per row for both sides: the old code allocates a few per second, 1,000 would take
# the old side an hour. NOVA_JAVA (default JDK 17) is the JVM of the apps that the 3-process
# boot benchmark starts on the new side, the JDK the old side's integration tests use.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
: "${BASE:?set BASE to the old checkout}"
ALLOCATIONS=${ALLOCATIONS:-200}
export NOVA_JAVA=${NOVA_JAVA:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
out=$root/benchmarks/target/hot-paths
mkdir -p "$out"
read -ra chosen <<< "${*:-rpc allocation volume fake-boot boot}"

mvn_quiet() { ./mvnw -B -ntp -q -o "$@" -Dsurefire.failIfNoSpecifiedTests=false; }

run() { # name side(old|new) result-file command...
  local name=$1 side=$2 result=$3 tree
  shift 3
  tree=$([ "$side" = old ] && echo "$BASE" || echo "$root")
  echo "== $name, $side ($tree), load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%H:%M:%S) UTC"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S)" > "$out/$name-$side.load"
  rm -f "$tree/$result"
  (cd "$tree" && "$@") > "$out/$name-$side.log" 2>&1 || echo "   (exited $?; see $out/$name-$side.log)"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S)" >> "$out/$name-$side.load"
  if [ -f "$tree/$result" ]; then cp "$tree/$result" "$out/$name-$side.${result##*.}"; cat "$tree/$result"; fi
}

for benchmark in "${chosen[@]}"; do
  for side in old new; do
    case "$benchmark" in
      rpc) run rpc "$side" common-service/target/rpc-benchmark.txt \
             mvn_quiet -pl common-service test -Dtest=RpcCallBenchmark ;;
      allocation) run allocation "$side" app-network/target/allocation-benchmark.md \
             mvn_quiet -pl app-network -am test -Dtest=AllocationBenchmark -Dbenchmark.postgres-only=true \
             -Dbenchmark.allocations="$ALLOCATIONS" ;;
      volume) run volume "$side" app-volume/target/volume-benchmark.md \
             mvn_quiet -pl app-volume -am test -Dtest=VolumeThroughputBenchmark -DexcludedTestGroups= \
             -Dbenchmark.only=fake:PostgreSQL -Dbenchmark.operations=600 -Dbenchmark.warmup=200 ;;
      fake-boot) run fake-boot "$side" app-compute/target/benchmarks.txt \
             mvn_quiet -pl app-compute -am test -Dtest=FakeBootBenchmark ;;
      boot) run boot "$side" integration-tests/target/boot-throughput.txt \
             mvn_quiet verify -pl integration-tests -am -Dtest=none -Dit.test=BootThroughputBenchmark ;;
      *) echo "unknown benchmark: $benchmark (rpc allocation volume fake-boot boot)" >&2; exit 2 ;;
    esac
  done
done
