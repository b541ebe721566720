#!/usr/bin/env bash
# Search benchmark, run by hand (never in the test suite): generates an archive of synthetic articles
# (default 100,000; half Chinese, half English), indexes it into a fresh Lucene index with the production analyzers
# and document mapping, then runs a fixed query mix and reports indexing time and latency percentiles.
# Usage: bench/search-bench.sh [articles] [queries]
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES="${1:-100000}"
QUERIES="${2:-5000}"
JAVA="${JAVA:-$(ls -d /usr/lib/jvm/temurin-25-jdk-amd64 2>/dev/null || ls -d /usr/lib/jvm/*21* | head -1)}/bin/java"
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
"$JAVA" --add-modules jdk.incubator.vector -Xmx2g \
  -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.shortwave.search.SearchBenchmark "$ARTICLES" "$QUERIES"
