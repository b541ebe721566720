#!/usr/bin/env bash
# Publish-to-visible benchmark, run by hand (never in the test suite): two Shortwave nodes sharing one PostgreSQL
# database (a fresh one on the server at 127.0.0.1:5432), both with the page cache on. A story is published through
# node A's admin API; node B is then polled (no cookies, so through its page cache) until its article page, section
# page, RSS feed and search page show the story. Prints p50, p95 and max per surface over RUNS publishes. Before each
# publish, B's section page and feed are fetched so that they sit in B's page cache: what is measured is the change
# reaching B (LISTEN/NOTIFY, or the one-second poll) and evicting them, and B's search index taking the story in.
#
# Usage: bench/publish-bench.sh [runs]   (default 30; SKIP_BUILD=1 reuses the jar)
# Environment: PGHOST (127.0.0.1), PGUSER (postgres), PORT_A (8194), PORT_B (8195), JAVA, JAR (the built jar).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUNS=${1:-30}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
PORT_A=${PORT_A:-8194}
PORT_B=${PORT_B:-8195}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
OPTS=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector)
DB=shortwave_publish_bench_$$
WORK=/tmp/shortwave-publish-bench-$$
JAR=${JAR:-$ROOT/target/shortwave-0.1.0-SNAPSHOT.jar}
DBARGS=(--spring.datasource.url="jdbc:postgresql://$PGHOST:5432/$DB" --spring.datasource.username="$PGUSER")

[ "${SKIP_BUILD:-0}" = 1 ] && [ -f "$JAR" ] || ./mvnw -B -q package -DskipTests
mkdir -p "$WORK"
createdb "$DB"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  dropdb --if-exists "$DB" || true
  rm -rf "$WORK"
}
trap cleanup EXIT

wait_up() { # port
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$1/en/" 2>/dev/null | grep "/a-[0-9]" >/dev/null && return 0
    sleep 1
  done
  echo "node on port $1 did not start; see $WORK/*.log" >&2; exit 1
}

# Node A loads the demo site; node B joins the same database afterwards.
"$JAVA" "${OPTS[@]}" -jar "$JAR" --server.port="$PORT_A" --management.server.port=0 --shortwave.data-dir="$WORK/a" "${DBARGS[@]}" \
  --shortwave.public-url="http://127.0.0.1:$PORT_A" >"$WORK/a.log" 2>&1 &
PIDS+=($!)
wait_up "$PORT_A"
"$JAVA" "${OPTS[@]}" -jar "$JAR" --server.port="$PORT_B" --management.server.port=0 --shortwave.data-dir="$WORK/b" "${DBARGS[@]}" \
  --shortwave.demo-content=false --shortwave.public-url="http://127.0.0.1:$PORT_B" >"$WORK/b.log" 2>&1 &
PIDS+=($!)

# An admin and an API token, through the jar's own commands (a data directory of their own).
PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')Aa1!
echo "$PASSWORD" | "$JAVA" "${OPTS[@]}" -jar "$JAR" create-user --email=bench@example.org --name=Bench --admin \
  --shortwave.data-dir="$WORK/cli" "${DBARGS[@]}" >"$WORK/cli.log" 2>&1
TOKEN=$("$JAVA" "${OPTS[@]}" -jar "$JAR" create-token --email=bench@example.org --name=bench \
  --shortwave.data-dir="$WORK/cli" "${DBARGS[@]}" 2>>"$WORK/cli.log" | grep -o 'swt_[A-Za-z0-9_-]*' | tail -1)
[ -n "$TOKEN" ] || { echo "no API token; see $WORK/cli.log" >&2; exit 1; }
wait_up "$PORT_B"
SECTION=$(psql -At -d "$DB" -c "select s.id || ' ' || '/' || s.edition_code || '/' || s.slug || '/s-' || s.id
  from section s where s.edition_code = 'en' order by s.position, s.id limit 1")

echo "publish-bench: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg), $RUNS publishes" >&2
python3 - "$PORT_A" "$PORT_B" "$TOKEN" "$SECTION" "$RUNS" <<'PY'
import json, statistics, sys, threading, time, urllib.error, urllib.request

port_a, port_b, token, section, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
section_id, section_path = section.split(" ", 1)
A, B = f"http://127.0.0.1:{port_a}", f"http://127.0.0.1:{port_b}"

def call(method, path, body):
    req = urllib.request.Request(A + path, method=method, data=json.dumps(body).encode(),
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        sys.exit(f"{method} {path}: {e.code} {e.read().decode()}")

def get(url):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept-Encoding": "identity"}), timeout=30) as r:
            return r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return ""

surfaces = ["article", "section", "feed", "search"]
seen = {s: [] for s in surfaces}
for i in range(runs):
    word = f"zqxbench{i}x{int(time.time())}"
    headline = f"Bench story {word}"
    draft = call("POST", "/api/admin/v1/articles", {"edition": "en", "section": int(section_id),
        "headline": headline, "slug": f"bench-{word}", "lead": f"A story about {word}.", "dateline": "BENCH",
        "copyright": "Shortwave",
        "body": [{"type": "paragraph", "text": f"Text {word}."}]})
    for url in (B + section_path, B + "/en/feed.rss", B + section_path, B + "/en/feed.rss"):
        get(url)  # fetched twice: the second answer comes from B's page cache
    urls = {"section": B + section_path, "feed": B + "/en/feed.rss", "search": B + "/en/search?q=" + word}
    published = call("POST", f"/api/admin/v1/articles/{draft['id']}/publish", {"version": draft["version"]})
    t0 = time.monotonic()
    urls["article"] = B + published["path"]
    done = {}
    def poll(surface):
        deadline = t0 + 30
        while time.monotonic() < deadline:
            if word in get(urls[surface]):
                done[surface] = time.monotonic() - t0
                return
            time.sleep(0.005)
    threads = [threading.Thread(target=poll, args=(s,)) for s in surfaces]
    for t in threads: t.start()
    for t in threads: t.join()
    for s in surfaces:
        seen[s].append(done.get(s, float("inf")))
    call("POST", f"/api/admin/v1/articles/{draft['id']}/unpublish", {"version": published["version"]})
    time.sleep(0.3)

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(p / 100 * len(values) + 0.5) - 1))]

print(f"{'surface on node B':<18} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  (over {runs} publishes on node A)")
for s in surfaces:
    v = seen[s]
    print(f"{s:<18} {pct(v, 50) * 1000:8.0f} {pct(v, 95) * 1000:8.0f} {max(v) * 1000:8.0f}")
PY
