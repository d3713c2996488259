#!/usr/bin/env bash
# The scale harness of issue 17 (app-compute's ScaleBenchmark): for each service count,
# a fresh scratch database "nova_scale" on a PostgreSQL you name, then N simulated services
# heartbeating through the project's own Heartbeat beside a real nova-compute (fake
# driver) that serves os-services and boots servers. Reports go to stdout and are
# appended to app-compute/target/scale-benchmark.md.
#
#   benchmarks/scale.sh                 # 10,000 then 50,000 services, 180 s of heartbeats each
#   DURATION=600s benchmarks/scale.sh 50000
#
# Environment: DURATION (default 180s), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres,
# trust authentication assumed), HEARTBEAT_THREADS (16), POOL (Hikari pool size, 24),
# LEGACY_MAX (10000: the old scheduler is measured up to this many hosts; it takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-180s}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
counts=("$@")
if [ ${#counts[@]} -eq 0 ]; then
	counts=(10000 50000)
fi
for n in "${counts[@]}"; do
	echo "== $n services, $DURATION, $(uptime)"
	before=0; [ -f app-compute/target/scale-benchmark.md ] && before=$(wc -l < app-compute/target/scale-benchmark.md)
	psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -q -c "DROP DATABASE IF EXISTS nova_scale" -c "CREATE DATABASE nova_scale"
	./mvnw -B -ntp -q -pl app-compute -am test -Dtest=ScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
		-Dscale.services="$n" -Dscale.duration="$DURATION" \
		-Dscale.jdbc-url="jdbc:postgresql://$PGHOST:$PGPORT/nova_scale" \
		-Dscale.heartbeat-threads="${HEARTBEAT_THREADS:-16}" -Dscale.pool="${POOL:-24}" \
		-Dscale.legacy-max="${LEGACY_MAX:-10000}"
	tail -n +$((before + 1)) app-compute/target/scale-benchmark.md
done
echo "report: app-compute/target/scale-benchmark.md"
