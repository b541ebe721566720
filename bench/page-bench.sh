#!/usr/bin/env bash
# Page benchmark, run by hand (never in the test suite): Shortwave's public pages against nginx serving the same
# article bytes precompressed (gzip_static), with the shared harness (wrk, interleaved rounds, server CPU per request).
#
# Starts three Shortwave nodes with the demo site, each with its own embedded PostgreSQL: one with the page cache
# (PORT), one without (PORT_NOCACHE, shortwave.page-cache.enabled=false), one with neither the page cache nor the read
# model (PORT_COLD, also shortwave.read-model.enabled=false: every render reads the database), and an nginx on NGINX_PORT serving the
# cached node's article page as article.html plus article.html.gz (gzip -9, made ahead of time). Then it runs
#   nginx-gzstatic   the article from nginx, precompressed (the reference: ratio 1.00)
#   cached-article   the same article from Shortwave's page cache
#   uncached-article the same article rendered per request from the read model (template, gzip)
#   cold-article     the same article rendered per request from the database (queries, template, gzip)
#   home             the edition home page (page cache on)
#   feed             the edition's RSS feed (page cache on)
# Everything it starts is stopped at the end. Needs root for apt-get only when nginx or wrk is missing.
#
# Usage: bench/page-bench.sh            (ROUNDS=3 DURATION=10 by default, as the harness; SKIP_BUILD=1 reuses the jar;
#                                        WARMUP=20 seconds of load on each Shortwave target before the rounds)
# Environment: HARNESS (default ../shared/bench/http-bench.sh beside the repository), EDITION (zh-hans), PORT (8190),
# PORT_NOCACHE (8191), PORT_COLD (8192), NGINX_PORT (18093), WORK (/tmp/shortwave-page-bench), JAVA, JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
HARNESS=${HARNESS:-$ROOT/../shared/bench/http-bench.sh}
[ -x "$HARNESS" ] || HARNESS=/work/shared/bench/http-bench.sh
EDITION=${EDITION:-zh-hans}
PORT=${PORT:-8190}
PORT_NOCACHE=${PORT_NOCACHE:-8191}
PORT_COLD=${PORT_COLD:-8192}
NGINX_PORT=${NGINX_PORT:-18093}
WORK=${WORK:-/tmp/shortwave-page-bench}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
JAVA_OPTS=${JAVA_OPTS:---enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector}
JAR=$ROOT/target/shortwave-0.1.0-SNAPSHOT.jar

log() { echo "page-bench: $*" >&2; }

for tool in nginx wrk curl; do
  if ! command -v "$tool" >/dev/null; then
    log "installing nginx and wrk (apt)"
    apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends nginx wrk curl >/dev/null
    break
  fi
done
[ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$JAR" ] || ./mvnw -B -q package -DskipTests

rm -rf "$WORK/cached" "$WORK/uncached" "$WORK/cold" "$WORK/nginx"
mkdir -p "$WORK"
PIDS=()
cleanup() {
  [ -s "$WORK/nginx/nginx.pid" ] && kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  done
}
trap cleanup EXIT

start_node() { # port, name, extra args...
  local port=$1 name=$2; shift 2
  "$JAVA" $JAVA_OPTS -jar "$JAR" --server.port="$port" --shortwave.data-dir="$WORK/$name" \
    --shortwave.public-url="http://127.0.0.1:$port" --management.server.port=0 "$@" >"$WORK/$name.log" 2>&1 &
  LAST_PID=$!
  PIDS+=("$LAST_PID")
}
wait_up() { # until the demo site is loaded: the home page lists stories
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$1/$EDITION/" 2>/dev/null | grep "/a-[0-9]" >/dev/null && return 0
    sleep 1
  done
  log "node on port $1 did not start; see $WORK/*.log"; exit 1
}

start_node "$PORT" cached
CACHED_PID=$LAST_PID
start_node "$PORT_NOCACHE" uncached --shortwave.page-cache.enabled=false
UNCACHED_PID=$LAST_PID
start_node "$PORT_COLD" cold --shortwave.page-cache.enabled=false --shortwave.read-model.enabled=false
COLD_PID=$LAST_PID
wait_up "$PORT"
wait_up "$PORT_NOCACHE"
wait_up "$PORT_COLD"

# The edition's reference article: its first story with a video (the demo writes every part of DESIGN.md's page).
# (No grep -q or head in these pipes: an early exit would fail them under pipefail.)
ARTICLES=$(curl -fs "http://127.0.0.1:$PORT/$EDITION/" | grep -o "href=\"/$EDITION/[^\"]*/a-[0-9]*\"" | cut -d'"' -f2 | awk '!seen[$0]++')
ARTICLE=""
for path in $ARTICLES; do
  if curl -fs "http://127.0.0.1:$PORT$path" | grep '<video' >/dev/null; then ARTICLE=$path; break; fi
done
[ -n "$ARTICLE" ] || ARTICLE=${ARTICLES%%$'\n'*}
log "article: $ARTICLE"

# nginx serves the very bytes Shortwave sends, compressed ahead of time.
NGX=$WORK/nginx
mkdir -p "$NGX/www" "$NGX/logs" "$NGX/tmp"
curl -fs "http://127.0.0.1:$PORT$ARTICLE" -o "$NGX/www/article.html"
gzip -9 -k -f "$NGX/www/article.html"
chmod -R a+rX "$NGX/www"
cat >"$NGX/nginx.conf" <<CONF
worker_processes auto;
pid $NGX/nginx.pid;
error_log $NGX/logs/error.log warn;
user www-data;
events { worker_connections 4096; }
http {
    include /etc/nginx/mime.types;
    charset utf-8;
    sendfile on;
    tcp_nopush on;
    tcp_nodelay on;
    keepalive_timeout 65;
    server_tokens off;
    open_file_cache max=1000 inactive=60s;
    client_body_temp_path $NGX/tmp/body;
    proxy_temp_path $NGX/tmp/proxy;
    fastcgi_temp_path $NGX/tmp/fastcgi;
    uwsgi_temp_path $NGX/tmp/uwsgi;
    scgi_temp_path $NGX/tmp/scgi;
    server {
        listen 127.0.0.1:$NGINX_PORT;
        root $NGX/www;
        gzip_static on;
        gzip_vary on;
        access_log $NGX/logs/access.log combined buffer=64k flush=5s;
        location / { try_files \$uri =404; }
    }
}
CONF
nginx -p "$NGX/" -e "$NGX/logs/error.log" -c "$NGX/nginx.conf"
for _ in $(seq 1 20); do [ -s "$NGX/nginx.pid" ] && break; sleep 0.2; done

cat >&2 <<INFO
page-bench: machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(. /etc/os-release; echo "$PRETTY_NAME"), $(nginx -v 2>&1), $("$JAVA" -version 2>&1 | sed -n 1p)
page-bench: load before the run: $(cut -d' ' -f1-3 /proc/loadavg)
INFO

# The JVMs compile their hot paths while they serve: each Shortwave target gets WARMUP seconds of load first (the
# harness's own 2 s warm-up leaves the first round of a rendering node mostly interpreted).
for url in "http://127.0.0.1:$PORT$ARTICLE" "http://127.0.0.1:$PORT_NOCACHE$ARTICLE" "http://127.0.0.1:$PORT_COLD$ARTICLE" \
  "http://127.0.0.1:$PORT/$EDITION/" "http://127.0.0.1:$PORT/$EDITION/feed.rss"; do
  wrk -t2 -c64 -d"${WARMUP:-20}"s -H "Accept-Encoding: gzip" "$url" >/dev/null
done

# Server CPU counts the JVMs and their embedded PostgreSQL servers, which pg_ctl detaches from the JVM (so they are
# not its descendants): each is named by the postmaster.pid in its data directory.
PG_PIDS="$(head -1 "$WORK/cached/postgres/postmaster.pid"),$(head -1 "$WORK/uncached/postgres/postmaster.pid")"
PG_PIDS="$PG_PIDS,$(head -1 "$WORK/cold/postgres/postmaster.pid")"
"$HARNESS" -s "$(cat "$NGX/nginx.pid"),$CACHED_PID,$UNCACHED_PID,$COLD_PID,$PG_PIDS" \
  nginx-gzstatic="http://127.0.0.1:$NGINX_PORT/article.html" \
  cached-article="http://127.0.0.1:$PORT$ARTICLE" \
  uncached-article="http://127.0.0.1:$PORT_NOCACHE$ARTICLE" \
  cold-article="http://127.0.0.1:$PORT_COLD$ARTICLE" \
  home="http://127.0.0.1:$PORT/$EDITION/" \
  feed="http://127.0.0.1:$PORT/$EDITION/feed.rss"
