#!/usr/bin/env bash
# Autosave benchmark, run by hand (never in the test suite): the server cost of the editor's autosave
# (POST /admin/articles/{id}/autosave, ADR 0021) on a story with one revision and on one with many, over real HTTP
# against one node on a fresh database (embedded PostgreSQL unless -Dspring.datasource.url is given).
# Usage: bench/autosave-bench.sh [revisions] [requests]   (defaults 1000 and 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
REVISIONS="${1:-1000}"
RUNS="${2:-2000}"
JAVA="${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64 2>/dev/null || ls -d /usr/lib/jvm/*21* | head -1)}/bin/java"
./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
"$JAVA" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx1g \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.shortwave.editorial.AutosaveBenchmark "$REVISIONS" "$RUNS"
