#!/usr/bin/env bash
# Where one app's start-up goes: Spring's start-up steps (bean by bean, configuration class
# parsing, repositories, the web server) with the most self time, from
# benchmarks/StartupProfile.java run on the app's extracted jar, in a scratch directory on a
# fresh H2 file database (so the migrations and the bootstrap admin are in it; TOP=40 rows).
#   benchmarks/startup-profile.sh app-volume/target/app-volume.jar [app arguments...]
# JAVA (default: java on PATH) and JAVA_OPTS choose the JVM.
set -euo pipefail
jar=$(realpath "$1"); shift
here=$(realpath "$(dirname "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java=${JAVA:-java}
"$java" -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
main=$(unzip -p "$jar" META-INF/MANIFEST.MF | sed -n 's/^Start-Class: *\([^[:space:]]*\).*/\1/p')
export NOVA_AUTH_TOKEN_KEY=${NOVA_AUTH_TOKEN_KEY:-benchmark-only-token-key-0123456789abcdef}
export NOVA_RPC_SECRET=${NOVA_RPC_SECRET:-benchmark-only-rpc-secret-0123456789abcdef}
cd "$work"
# shellcheck disable=SC2086
"$java" ${JAVA_OPTS:-} -Dtop="${TOP:-40}" -cp "$work/app/$(basename "$jar")" "$here/StartupProfile.java" "$main" \
  --server.port=0 --logging.level.root=warn "$@" 2>&1 | grep -v '^\s*$' | sed -n '/^SpringApplication.run/,$p'
