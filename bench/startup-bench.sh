#!/usr/bin/env bash
# Start-up benchmark, run by hand: time from launching the JVM to the first public page answered, and the memory
# (RSS of the JVM, without the embedded PostgreSQL) right after, for a warm start (data directory already made)
# without and with JDK 25's ahead-of-time cache (JEP 483/514: -XX:AOTCacheOutput to train, -XX:AOTCache to use).
#
# Usage: bench/startup-bench.sh [runs]   (default 3 runs each; SKIP_BUILD=1 reuses the jar)
# Environment: PORT (8192), WORK (/tmp/shortwave-startup-bench), JAVA, JAR (the built jar).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
PORT=${PORT:-8192}
WORK=${WORK:-/tmp/shortwave-startup-bench}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
OPTS=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector)
ARGS=(--server.port="$PORT" --management.server.port=0 --shortwave.data-dir="$WORK/data")

JAR=${JAR:-target/shortwave-0.1.0-SNAPSHOT.jar}
[ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
rm -rf "$WORK/app"
mkdir -p "$WORK"
# The AOT cache needs a plain class path: the jar extracted (Spring Boot's tools mode), not the nested jar.
"$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
APP=$WORK/app/$(basename "$JAR")

PID=""
stop() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=""; fi
  # A JVM that died while starting leaves its embedded PostgreSQL behind: stop that one, by its pid file.
  local pg=$WORK/data/postgres/postmaster.pid
  if [ -s "$pg" ] && kill -0 "$(head -1 "$pg")" 2>/dev/null; then kill "$(head -1 "$pg")" 2>/dev/null || true; sleep 1; fi
}
trap stop EXIT

# One start: prints "seconds_to_first_page rss_mib".
start_once() {
  local begin end
  begin=$(date +%s.%N)
  "$JAVA" "${OPTS[@]}" "$@" -jar "$APP" "${ARGS[@]}" >"$WORK/run.log" 2>&1 &
  PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/en/"; do
    kill -0 "$PID" 2>/dev/null || { echo "start failed, see $WORK/run.log" >&2; stop; exit 1; }
    sleep 0.05
  done
  end=$(date +%s.%N)
  echo "$(echo "$end - $begin" | bc -l | xargs printf '%.2f') $(( $(ps -o rss= -p "$PID") / 1024 ))"
  stop
}

echo "first start (creates the database and the demo site): $(start_once) (s, MiB)"
# Training: the JVM records the classes it loads and links, and writes the cache when it exits. It starts, serves
# the public page kinds a reader asks for first, and is stopped, so that what the first page needs is in the cache
# (stopping at the context's refresh would leave out everything the first request loads).
echo "training run for the AOT cache..."
"$JAVA" "${OPTS[@]}" -XX:AOTCacheOutput="$WORK/app.aot" -jar "$APP" "${ARGS[@]}" >"$WORK/train.log" 2>&1 &
PID=$!
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/en/"; do
  kill -0 "$PID" 2>/dev/null || { echo "training failed, see $WORK/train.log" >&2; exit 1; }
  sleep 0.2
done
for path in $(curl -fs "http://127.0.0.1:$PORT/en/" | grep -o 'href="/en/[^"]*"' | cut -d'"' -f2 | sort -u); do
  curl -fs -o /dev/null -H 'Accept-Encoding: gzip, br' "http://127.0.0.1:$PORT$path" || true
done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/en/feed.rss" || true
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""
ls -l "$WORK/app.aot" | awk '{printf "AOT cache: %.0f MiB\n", $5/1048576}'

printf '%-22s %-8s %s\n' variant seconds rss_mib
for i in $(seq 1 "$RUNS"); do
  printf '%-22s %s\n' "warm, no AOT cache" "$(start_once)"
  printf '%-22s %s\n' "warm, AOT cache" "$(start_once -XX:AOTCache="$WORK/app.aot")"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
