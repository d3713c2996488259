#!/usr/bin/env bash
# The list benchmark of issue 17: fills a scratch PostgreSQL database with 1,000,000
# instances, 100,000 volumes and 100,000 ports over 1,000 projects (benchmarks/list-data.sql,
# INSERT ... SELECT generate_series, a few minutes), starts app-compute, app-volume and
# app-network on it (noauth: the caller is who its X-Project-Id / X-Roles headers say, so
# no token is needed) and times the first page of each list API as its users ask for it:
# the default page and a page of LIMIT rows, as one project's member and as admin across
# projects. Prints, per request, the rows returned and the median / p99 / max of REQUESTS
# timed requests (after 3 untimed), and stops the apps it started.
#
#   benchmarks/list-data.sh                     # generate, then measure
#   REUSE=1 benchmarks/list-data.sh             # measure again on the data already there
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres, trust authentication
# assumed), DATABASE (nova_lists: dropped and created again unless REUSE=1), PROJECTS (1000),
# INSTANCES (1000000), VOLUMES (100000), PORTS (100000), REQUESTS (20), LIMIT (50), UNLIMITED
# (1: also an admin's unpaged volume and port lists, every row of the cloud),
# BASE_PORT (18700: the apps listen on BASE_PORT+74, +76, +96), JAVA (java).
set -euo pipefail
cd "$(dirname "$0")/.."
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
DATABASE=${DATABASE:-nova_lists}
PROJECTS=${PROJECTS:-1000}; INSTANCES=${INSTANCES:-1000000}; VOLUMES=${VOLUMES:-100000}; PORTS=${PORTS:-100000}
REQUESTS=${REQUESTS:-20}; LIMIT=${LIMIT:-50}; BASE_PORT=${BASE_PORT:-18700}; JAVA=${JAVA:-java}
export PGHOST PGPORT PGUSER
# the apps' shared RPC secret, made for this run and passed in the environment only
NOVA_RPC_SECRET=$(head -c 32 /dev/urandom | base64)
export NOVA_RPC_SECRET
declare -A port=([compute]=$((BASE_PORT + 74)) [volume]=$((BASE_PORT + 76)) [network]=$((BASE_PORT + 96)))
work=$(mktemp -d -t nova-list-bench.XXXXXX)
pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap stop EXIT INT TERM

for app in compute volume network; do
	[ -f app-$app/target/app-$app.jar ] || ./mvnw -B -ntp -q package -DskipTests -pl app-$app -am
done
if [ "${REUSE:-0}" != 1 ]; then
	psql -q -d postgres -c "DROP DATABASE IF EXISTS $DATABASE" -c "CREATE DATABASE $DATABASE"
fi

# each app migrates its own tables on start (Flyway), so start them before generating
for app in compute volume network; do
	mkdir -p "$work/$app"
	(cd "$work/$app" && exec "$JAVA" -Xmx512m -jar "$OLDPWD/app-$app/target/app-$app.jar" \
		--server.port="${port[$app]}" --nova.host=list-bench --nova.auth.strategy=noauth \
		--spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$DATABASE" --spring.datasource.username="$PGUSER" \
		--nova.quota.instances=-1 > "$work/$app.log" 2>&1) &
	pids+=($!)
done
for app in compute volume network; do
	for _ in $(seq 1 240); do
		curl -sf "http://127.0.0.1:${port[$app]}/actuator/health/readiness" > /dev/null && break
		sleep 1
	done
	curl -sf "http://127.0.0.1:${port[$app]}/actuator/health/readiness" > /dev/null \
		|| { echo "nova-$app did not start:"; tail -30 "$work/$app.log"; exit 1; }
done
echo "apps up (logs in $work)"

if [ "${REUSE:-0}" != 1 ]; then
	echo "generating $INSTANCES instances, $VOLUMES volumes, $PORTS ports over $PROJECTS projects"
	psql -d "$DATABASE" -v projects="$PROJECTS" -v instances="$INSTANCES" -v volumes="$VOLUMES" \
		-v ports="$PORTS" -f benchmarks/list-data.sql
fi

project=$(psql -d "$DATABASE" -Atc "SELECT md5('project-1')")
member=(-H "X-Project-Id: $project" -H "X-User-Id: $(psql -d "$DATABASE" -Atc "SELECT md5('user-1')")" -H "X-Roles: member")
admin=(-H "X-Project-Id: admin" -H "X-User-Id: admin" -H "X-Roles: admin")
compute=(-H "OpenStack-API-Version: compute latest")

# prints: what, rows of the page, median, p99, max (ms) of $REQUESTS requests
measure() {
	local what=$1 url=$2 key=$3; shift 3
	local rows
	rows=$(curl -sf "$@" "$url" | jq ".$key | length")
	for _ in 1 2 3; do curl -sf -o /dev/null "$@" "$url"; done
	for _ in $(seq 1 "$REQUESTS"); do
		curl -sf -o /dev/null -w '%{time_total}\n' "$@" "$url"
	done | sort -n | awk -v what="$what" -v rows="$rows" '{ t[NR] = $1 * 1000 }
		END { p99 = int(NR * 0.99 + 0.999); if (p99 > NR) p99 = NR;
			printf "| %s | %d | %.1f | %.1f | %.1f |\n", what, rows, (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2, t[p99], t[NR] }'
}

c=http://127.0.0.1:${port[compute]}; v=http://127.0.0.1:${port[volume]}; n=http://127.0.0.1:${port[network]}
echo "$(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $REQUESTS requests each"
echo "| request | rows | median ms | p99 ms | max ms |"
echo "|---|---|---|---|---|"
# a request that reads no table: what any request costs on this machine at this moment
measure "baseline: GET /v2.1 (version document, no database)" "$c/v2.1" version "${admin[@]}"
measure "servers/detail, admin, all_tenants" "$c/v2.1/servers/detail?all_tenants=1" servers "${admin[@]}" "${compute[@]}"
measure "servers/detail, admin, all_tenants, limit=$LIMIT" "$c/v2.1/servers/detail?all_tenants=1&limit=$LIMIT" servers "${admin[@]}" "${compute[@]}"
measure "servers/detail, member" "$c/v2.1/servers/detail" servers "${member[@]}" "${compute[@]}"
measure "servers/detail, member, limit=$LIMIT" "$c/v2.1/servers/detail?limit=$LIMIT" servers "${member[@]}" "${compute[@]}"
# the Block Storage and Networking APIs page only when asked (limit): without it an admin's
# list is every row of the cloud, minutes here for 100,000; UNLIMITED=0 leaves those two out
[ "${UNLIMITED:-1}" = 1 ] && measure "volumes/detail, admin, all_tenants" "$v/v3/admin/volumes/detail?all_tenants=1" volumes "${admin[@]}"
measure "volumes/detail, admin, all_tenants, limit=$LIMIT" "$v/v3/admin/volumes/detail?all_tenants=1&limit=$LIMIT" volumes "${admin[@]}"
measure "volumes/detail, member" "$v/v3/$project/volumes/detail" volumes "${member[@]}"
measure "volumes/detail, member, limit=$LIMIT" "$v/v3/$project/volumes/detail?limit=$LIMIT" volumes "${member[@]}"
[ "${UNLIMITED:-1}" = 1 ] && measure "ports, admin" "$n/v2.0/ports" ports "${admin[@]}"
measure "ports, admin, limit=$LIMIT" "$n/v2.0/ports?limit=$LIMIT" ports "${admin[@]}"
measure "ports, member" "$n/v2.0/ports" ports "${member[@]}"
measure "ports, member, limit=$LIMIT" "$n/v2.0/ports?limit=$LIMIT" ports "${member[@]}"
