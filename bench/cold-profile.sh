#!/usr/bin/env bash
# Where a cold article render's cost goes, for two jars side by side (run by hand; figures in docs/performance.md).
# Each jar in turn gets one node with neither the page cache nor the read model (every render reads the database),
# on a fresh data directory with the demo site, and reports:
#   - idle CPU: the JVM's and its embedded PostgreSQL's, over IDLE seconds with no request (background work);
#   - under load (wrk, DURATION seconds after WARMUP): requests per second, and per request the JVM's CPU and the
#     PostgreSQL server's CPU (all its backends);
#   - with PROFILE=1, JFR's hottest methods during the load (jfr view hot-methods).
#
# Usage: bench/cold-profile.sh OLD.jar NEW.jar   (e.g. a jar built at an earlier commit, and target/'s)
# The first jar of a pair has come out up to 15 % slower than the same jar run second: run each pair in both orders.
# Env: JAVA (a JDK 21+), WORK (/tmp/shortwave-cold-profile), EDITION (zh-hans), IDLE (10), WARMUP (20),
#      DURATION (20), PROFILE (0). Needs wrk and curl. Ports are chosen by the OS.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 OLD.jar NEW.jar" >&2; exit 2; }
if [ -z "${JAVA:-}" ]; then
  for candidate in /usr/lib/jvm/*25*/bin/java /usr/lib/jvm/*21*/bin/java; do
    [ -x "$candidate" ] && JAVA=$candidate && break
  done
fi
WORK=${WORK:-/tmp/shortwave-cold-profile}
EDITION=${EDITION:-zh-hans}
IDLE=${IDLE:-10}
WARMUP=${WARMUP:-20}
DURATION=${DURATION:-20}
TICKS=$(getconf CLK_TCK)

cpu_ms() { # total user+system CPU of these pids, in ms
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    total=$((total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat")))
  done
  echo $((total * 1000 / TICKS))
}
pg_pids() { # the postmaster and its backends
  local master=$1
  echo "$master" $(pgrep -P "$master" || true)
}

NODE=""
cleanup() { [ -n "$NODE" ] && kill "$NODE" 2>/dev/null && wait "$NODE" 2>/dev/null || true; }
trap cleanup EXIT

profile() { # label jar
  local label=$1 jar=$2 dir=$WORK/$1 port="" jfr=""
  rm -rf "$dir"; mkdir -p "$dir"
  [ "${PROFILE:-0}" = 1 ] && jfr="-XX:StartFlightRecording=filename=$dir/render.jfr,settings=profile,delay=$((WARMUP + 15))s,duration=${DURATION}s"
  "$JAVA" $jfr -jar "$jar" --server.port=0 --management.server.port=0 --shortwave.data-dir="$dir/data" \
    --shortwave.page-cache.enabled=false --shortwave.read-model.enabled=false >"$dir/node.log" 2>&1 &
  NODE=$!
  for _ in $(seq 1 300); do
    port=$(grep -o 'Tomcat started on port [0-9]*' "$dir/node.log" | head -n 1 | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && curl -fs "http://127.0.0.1:$port/$EDITION/" 2>/dev/null | grep "/a-[0-9]" >/dev/null && break
    sleep 1
  done
  [ -n "$port" ] || { echo "$label: node did not start, see $dir/node.log" >&2; exit 1; }
  local article master
  article=$(curl -fs "http://127.0.0.1:$port/$EDITION/" | grep -o "href=\"/$EDITION/[^\"]*/a-[0-9]*\"" | head -n 1 | cut -d'"' -f2)
  master=$(head -n 1 "$dir/data/postgres/postmaster.pid")
  sleep 5 # start-up's own work (the index, the derivation) done

  local j0 p0 j1 p1
  j0=$(cpu_ms "$NODE"); p0=$(cpu_ms $(pg_pids "$master")); sleep "$IDLE"
  j1=$(cpu_ms "$NODE"); p1=$(cpu_ms $(pg_pids "$master"))
  local idle_jvm=$(( (j1 - j0) / IDLE )) idle_pg=$(( (p1 - p0) / IDLE ))

  wrk -t2 -c16 -d"${WARMUP}s" -H "Accept-Encoding: gzip" "http://127.0.0.1:$port$article" >/dev/null
  local out requests
  j0=$(cpu_ms "$NODE"); p0=$(cpu_ms $(pg_pids "$master"))
  out=$(wrk -t2 -c16 -d"${DURATION}s" -H "Accept-Encoding: gzip" "http://127.0.0.1:$port$article")
  j1=$(cpu_ms "$NODE"); p1=$(cpu_ms $(pg_pids "$master"))
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  awk -v l="$label" -v n="$requests" -v d="$DURATION" -v jvm=$((j1 - j0)) -v pg=$((p1 - p0)) \
    -v ij="$idle_jvm" -v ip="$idle_pg" -v a="$article" 'BEGIN {
      printf "%-6s %s\n", l, a
      printf "%-6s idle: jvm %d ms/s, postgres %d ms/s\n", l, ij, ip
      printf "%-6s load: %.0f req/s, jvm %.2f ms/req, postgres %.2f ms/req\n", l, n / d, jvm / n, pg / n }'
  if [ "${PROFILE:-0}" = 1 ]; then
    for _ in $(seq 1 30); do [ -s "$dir/render.jfr" ] && break; sleep 1; done
    "$(dirname "$JAVA")/jfr" view --width 160 hot-methods "$dir/render.jfr" > "$dir/hot-methods.txt" 2>&1 || true
    echo "$label  hot methods: $dir/hot-methods.txt"
  fi
  kill "$NODE"; wait "$NODE" 2>/dev/null || true; NODE=""
}

echo "cold-profile: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$JAVA" -version 2>&1 | sed -n 1p)"
profile old "$1"
profile new "$2"
