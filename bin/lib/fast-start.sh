# Sourced by bin/start-suite and benchmarks/startup.sh: picks the JVM and prepares the
# class cache that makes an app start fast (see BENCHMARKS.md, "Start-up and memory").
#
#   pick_java                  sets JAVA (NOVA_JAVA if given, else the newest JDK found) and JAVA_MAJOR
#   prepare_fast_start APP JAR CACHE_ROOT
#                              sets LAUNCH (an array: the JVM and the options before the app's
#                              arguments), making the cache under CACHE_ROOT/app-APP first when
#                              it is missing or was made from another jar, JVM or JAVA_OPTS
#
# JDK 24 and later: the JVM's AOT cache (JEP 483/514/515: classes loaded and linked, method
# profiles), recorded by one training run. JDK 17 to 23: a dynamic CDS archive (classes
# parsed and verified). Both need the jar extracted (Spring Boot's `-Djarmode=tools extract`):
# neither can map classes out of a jar nested in the fat jar. The training run starts the
# app's context as a first start does (its own H2 file database and secrets) but in a scratch
# directory, and exits when the context is refreshed (-Dspring.context.exit=onRefresh), so it
# never touches ./var or opens a port; the scratch directory is removed. FAST_START=0 turns all of this off (plain java -jar with JAVA_OPTS).

java_version() { # java binary -> its full version (25.0.3): from the JDK's release file, which
  # is quicker to read than starting a JVM for `java -version`
  local home
  home=$(dirname "$(dirname "$(realpath "$1")")")
  if [ -f "$home/release" ]; then
    sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$home/release"
  else
    "$1" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }'
  fi
}

java_major() { # java binary -> its feature version (17, 25, ...)
  java_version "$1" | awk -F. '{ print ($1 == "1" ? $2 : $1) }'
}

pick_java() {
  local candidate major best_major=0
  JAVA=
  if [ -n "${NOVA_JAVA:-}" ]; then
    JAVA=$NOVA_JAVA
    JAVA_MAJOR=$(java_major "$JAVA")
    return
  fi
  for candidate in "$(command -v java || true)" ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*/bin/java; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$(java_major "$candidate")
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if [ "$major" -gt "$best_major" ]; then best_major=$major; JAVA=$candidate; fi
  done
  [ -n "$JAVA" ] || { echo "no java found (install JDK 17 or later, or set NOVA_JAVA)" >&2; return 1; }
  JAVA_MAJOR=$best_major
}

# What the cache was made from: when any of it changes the cache is made again.
fast_start_key() { # jar
  printf '%s\n' "$(stat -c '%s %Y' "$1")" "$(realpath "$JAVA")" "$(java_version "$JAVA")" "${JAVA_OPTS:-}"
}

prepare_fast_start() { # app jar cache_root
  local app=$1 jar dir key cache use make
  jar=$(realpath "$2"); dir=$(realpath -m "$3/app-$1")
  # shellcheck disable=SC2206
  local opts=(${JAVA_OPTS:-})
  LAUNCH=("$JAVA" ${opts[@]+"${opts[@]}"})
  FAST_START_JAR=$jar
  if [ "${FAST_START:-1}" = 0 ] || [ "$JAVA_MAJOR" -lt 17 ]; then
    FAST_START_MODE="plain java -jar"
    return 0
  fi
  if [ "$JAVA_MAJOR" -ge 24 ]; then
    cache=$dir/app.aot; make=-XX:AOTCacheOutput=$cache; use=-XX:AOTCache=$cache
    FAST_START_MODE="JDK $JAVA_MAJOR AOT cache"
  else
    cache=$dir/app.jsa; make=-XX:ArchiveClassesAtExit=$cache; use=-XX:SharedArchiveFile=$cache
    FAST_START_MODE="JDK $JAVA_MAJOR CDS archive"
  fi
  key=$(fast_start_key "$jar")
  if [ "$(cat "$dir/failed" 2>/dev/null)" = "$key" ]; then # tried for this jar already
    FAST_START_MODE="plain java -jar"
    return 0
  fi
  if [ ! -s "$cache" ] || [ "$(cat "$dir/key" 2>/dev/null)" != "$key" ]; then
    echo "nova-$app: making the $FAST_START_MODE (once per build of the jar) ..."
    rm -rf "$dir"
    mkdir -p "$dir/training"
    if ! (cd "$dir" && "$JAVA" -Djarmode=tools -jar "$jar" extract --destination app > extract.log 2>&1) \
      || ! (cd "$dir/training" && "${LAUNCH[@]}" "$make" -Dspring.context.exit=onRefresh \
            -jar "../app/$(basename "$jar")" --server.port=0 > ../training.log 2>&1) \
      || [ ! -s "$cache" ]; then
      echo "nova-$app: could not make the $FAST_START_MODE (see $dir/training.log); starting it with plain java -jar" >&2
      printf '%s\n' "$key" > "$dir/failed"
      FAST_START_MODE="plain java -jar"
      return 0
    fi
    rm -rf "$dir/training"
    printf '%s\n' "$key" > "$dir/key"
  fi
  FAST_START_JAR=$dir/app/$(basename "$jar")
  LAUNCH+=("$use")
}
