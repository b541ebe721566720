#!/usr/bin/env bash
# Archive benchmark, run by hand: does a page cost the same with 1,000 and with 100,000 articles? Runs one node with
# the page cache OFF (every request renders) on a database of its own on the PostgreSQL server at 127.0.0.1:5432,
# grows the archive by cloning the demo stories into older ones (all editions, same sections and topics), and
# measures home, section, topic and article pages with the shared harness at each size.
#
# Usage: bench/archive-bench.sh [small] [large]   (default 1000 100000; SKIP_BUILD=1 reuses the jar)
# Environment: PGHOST (127.0.0.1), PGUSER (postgres), PORT (8193), HARNESS, ROUNDS (2), DURATION (8), JAVA.
# The clones are written straight into the tables (no change log), so the search index does not grow with them:
# related content is measured on the demo index. Server CPU counts the JVM and the PostgreSQL server (its postmaster
# and backends, when the server runs on this machine and its pid file is readable); each size is measured after a
# warm-up, so that the JIT's work does not count against the smaller archive.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
SMALL=${1:-1000}
LARGE=${2:-100000}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
PORT=${PORT:-8193}
HARNESS=${HARNESS:-$ROOT/../shared/bench/http-bench.sh}
[ -x "$HARNESS" ] || HARNESS=/work/shared/bench/http-bench.sh
export ROUNDS=${ROUNDS:-2} DURATION=${DURATION:-8}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
DB=shortwave_archive_bench_$$
WORK=/tmp/shortwave-archive-bench-$$
JAR=$ROOT/target/shortwave-0.1.0-SNAPSHOT.jar

[ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
mkdir -p "$WORK"
createdb "$DB"
PID=""
cleanup() {
  [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  dropdb --if-exists "$DB" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"$JAVA" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -jar "$JAR" --server.port="$PORT" \
  --shortwave.data-dir="$WORK" --shortwave.page-cache.enabled=false --management.server.port=0 \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$DB" --spring.datasource.username="$PGUSER" \
  >"$WORK/node.log" 2>&1 &
PID=$!
for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$PORT/zh-hans/" 2>/dev/null | grep "/a-[0-9]" >/dev/null && break
  kill -0 "$PID" 2>/dev/null || { echo "the node did not start; see $WORK/node.log" >&2; tail -30 "$WORK/node.log" >&2; exit 1; }
  sleep 1
done

# Grows the archive to $1 public articles: clones of the demo stories, each older than the last.
grow() {
  psql -q -v ON_ERROR_STOP=1 -d "$DB" <<SQL
with template as (
    select id, row_number() over (order by id) - 1 as k, count(*) over () as n
    from article where status = 'published' and deleted_at is null and source_key like 'demo:%'),
have as (select count(*) as c from article where status = 'published' and deleted_at is null)
insert into article (source_key, edition_code, section_id, headline, slug, lead, dateline, body, main_image_id,
                     status, published_at, announced_at, copyright_holder)
select 'gen:' || a.id || ':' || g, a.edition_code, a.section_id, left(a.headline, 280) || ' (' || g || ')',
       left(a.slug, 100) || '-' || g, a.lead, a.dateline, a.body, a.main_image_id, 'published',
       a.published_at - make_interval(mins => (7 * g)::int), a.published_at - make_interval(mins => (7 * g)::int), a.copyright_holder
from have, generate_series((select count(*) from article where source_key like 'gen:%') + 1,
                           (select count(*) from article where source_key like 'gen:%') + greatest($1 - have.c, 0)) g
join template t on t.k = g % t.n
join article a on a.id = t.id;
insert into article_topic (article_id, topic_id)
select a.id, x.topic_id from article a
join article_topic x on x.article_id = split_part(a.source_key, ':', 2)::bigint
where a.source_key like 'gen:%' and not exists (select 1 from article_topic y where y.article_id = a.id);
insert into article_author (article_id, person_id, position)
select a.id, x.person_id, x.position from article a
join article_author x on x.article_id = split_part(a.source_key, ':', 2)::bigint
where a.source_key like 'gen:%' and not exists (select 1 from article_author y where y.article_id = a.id);
analyze;
SQL
  echo "archive: $(psql -At -d "$DB" -c "select count(*) from article where status = 'published'") public articles" >&2
}

BASE=http://127.0.0.1:$PORT
ARTICLE=$(psql -At -d "$DB" -c "select '/' || edition_code || '/' || slug || '/a-' || id from article where source_key like 'demo:%' and edition_code = 'zh-hans' and status = 'published' and body @> '[{\"type\": \"video\"}]' order by published_at desc limit 1")
SECTION=$(psql -At -d "$DB" -c "select '/' || s.edition_code || '/' || s.slug || '/s-' || s.id from section s join article a on a.section_id = s.id where a.source_key like 'demo:%' and a.edition_code = 'zh-hans' group by s.id order by count(*) desc limit 1")
TOPIC=$(psql -At -d "$DB" -c "select '/' || t.edition_code || '/' || t.slug || '/t-' || t.id from topic t join article_topic x on x.topic_id = t.id where t.edition_code = 'zh-hans' group by t.id order by count(*) desc limit 1")

# The PostgreSQL server's postmaster: its backends do the queries, and their CPU belongs to the page's cost.
PGPID=$(head -1 "$(psql -At -d "$DB" -c 'show data_directory')/postmaster.pid" 2>/dev/null || true)
SERVERS=$PID${PGPID:+,$PGPID}

for size in "$SMALL" "$LARGE"; do
  grow "$size"
  echo "== $size articles" >&2
  for url in "$BASE/zh-hans/" "$BASE$SECTION" "$BASE$TOPIC" "$BASE$ARTICLE"; do
    wrk -t2 -c16 -d8s -H 'Accept-Encoding: gzip' "$url" >/dev/null # warm-up, not measured
  done
  "$HARNESS" -s "$SERVERS" -o "$WORK/run-$size" home-$size="$BASE/zh-hans/" section-$size="$BASE$SECTION" \
    topic-$size="$BASE$TOPIC" article-$size="$BASE$ARTICLE" | tee "$WORK/summary-$size.txt"
done
echo "ratios large/small of server CPU ms per request (target at most 1.2):"
paste <(grep -E '^(home|section|topic|article)-' "$WORK/summary-$SMALL.txt") \
      <(grep -E '^(home|section|topic|article)-' "$WORK/summary-$LARGE.txt") |
  awk '{ n = NF / 2; printf "%-10s %8.3f -> %8.3f ms  x%.2f\n", $1, $(n - 1), $(NF - 1), $(NF - 1) / $(n - 1) }'
